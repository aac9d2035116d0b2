/* report-text.c: characters, numbers and dates, as the structure rules
 * see them.
 *
 * Contract: small pure functions over UTF-8 text.  Emoji are looked past
 * wherever a rule asks how long a line is or how it ends: reports pasted
 * from social media scatter them through the text.
 */
#include "report-private.h"

#include "emojitext.h"

#include <string.h>

gboolean
np_is_space (gunichar c)
{
  /* Unicode spaces (U+3000, typed as a paragraph indent, among them) plus
   * the invisible ZWSP, word joiner and BOM that copy and paste leaves. */
  return g_unichar_isspace (c) || c == 0x200B || c == 0x2060 || c == 0xFEFF
         || c == 0x00A0;
}

gboolean
np_is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c)) {
  case G_UNICODE_SCRIPT_HAN:
  case G_UNICODE_SCRIPT_HIRAGANA:
  case G_UNICODE_SCRIPT_KATAKANA:
  case G_UNICODE_SCRIPT_HANGUL:
  case G_UNICODE_SCRIPT_BOPOMOFO:
    return TRUE;
  default:
    break;
  }
  /* the curly quotes, dashes and ellipsis Chinese shares with Western
   * text, CJK and full-width punctuation */
  return (c >= 0x2010 && c <= 0x206F) || (c >= 0x2E80 && c <= 0x303F)
         || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* Brackets and quotes by their Unicode category (Pe/Pf and Ps/Pi), so
 * that every form of them counts (〗 ﹂ ｣); the straight ASCII quotes
 * both open and close. */
gboolean
np_is_closer (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return t == G_UNICODE_CLOSE_PUNCTUATION ||
         t == G_UNICODE_FINAL_PUNCTUATION || c == '"' || c == '\'';
}

gboolean
np_is_opener (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return t == G_UNICODE_OPEN_PUNCTUATION ||
         t == G_UNICODE_INITIAL_PUNCTUATION || c == '"' || c == '\'';
}

gboolean
np_is_stop (gunichar c)
{
  return g_utf8_strchr ("。!?！？", -1, c) != NULL;
}

gboolean
np_is_pause (gunichar c)
{
  return g_utf8_strchr ("，,、；;：:", -1, c) != NULL;
}

char *
np_trim (const char *s)
{
  const char *start = s;
  while (*start && np_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  const char *end = start + strlen (start);
  while (end > start) {
    const char *prev = g_utf8_prev_char (end);
    if (!np_is_space (g_utf8_get_char (prev)))
      break;
    end = prev;
  }
  return g_strndup (start, end - start);
}

glong
np_visible_length (const char *s)
{
  glong n = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!np_emoji_is_part (c) && !np_is_space (c))
      n++;
  }
  return n;
}

glong
np_display_width (const char *s)
{
  glong n = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    n += np_is_cjk (c) || g_unichar_iswide (c) ? 2 : 1;
  }
  return n;
}

gunichar
np_final_char (const char *s)
{
  const char *p = s + strlen (s);
  while (p > s) {
    p = g_utf8_prev_char (p);
    gunichar c = g_utf8_get_char (p);
    if (!np_emoji_is_part (c) && !np_is_space (c) && !np_is_closer (c))
      return c;
  }
  return 0;
}

gunichar
np_first_char (const char *s)
{
  return g_utf8_get_char (np_skip_emoji (s));
}

const char *
np_short_label (const char *text, char **label)
{
  glong chars = 0;
  for (const char *p = text; *p && chars <= NP_MAX_SHORT_LABEL;
       p = g_utf8_next_char (p), chars++) {
    gunichar c = g_utf8_get_char (p);
    if (c == 0xFF1A || c == ':') {
      if (chars == 0)
        return NULL;
      if (label) {
        g_autofree char *key = g_strndup (text, p - text);
        *label = np_trim (key);
      }
      return g_utf8_next_char (p);
    }
  }
  return NULL;
}

const char *
np_skip_spaces (const char *s)
{
  while (*s && np_is_space (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  return s;
}

const char *
np_skip_emoji (const char *s)
{
  while (*s && (np_emoji_is_part (g_utf8_get_char (s))
                || np_is_space (g_utf8_get_char (s))))
    s = g_utf8_next_char (s);
  return s;
}

char *
np_strip_emoji (const char *s)
{
  GString *kept = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!np_emoji_is_part (c))
      g_string_append_unichar (kept, c);
  }
  char *trimmed = np_trim (kept->str);
  g_string_free (kept, TRUE);
  return trimmed;
}

char *
np_bare (const char *s)
{
  GString *kept = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!np_emoji_is_part (c) && !np_is_space (c))
      g_string_append_unichar (kept, c);
  }
  char *folded = g_utf8_normalize (kept->str, -1, G_NORMALIZE_NFKC);
  g_string_free (kept, TRUE);
  return folded ? folded : g_strdup ("");
}

char *
np_cut (const char *s, gsize from, gsize n)
{
  GString *out = g_string_new_len (s, from);
  g_string_append (out, s + from + n);
  return g_string_free (out, FALSE);
}

gsize
np_bracketed (const char *p, const char *opens, char **inner)
{
  static const char *const pairs[][2] = { { "（", "）" }, { "(", ")" },
                                          { "【", "】" } };
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++) {
    if (!g_str_has_prefix (p, pairs[i][0]) || !strstr (opens, pairs[i][0]))
      continue;
    const char *words = p + strlen (pairs[i][0]);
    const char *close = strstr (words, pairs[i][1]);
    if (!close)
      return 0;
    *inner = g_strndup (words, close - words);
    return close + strlen (pairs[i][1]) - p;
  }
  return 0;
}

gboolean
np_has_stop (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (np_is_stop (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* ---- numbers ------------------------------------------------------------- */

static int
np_chinese_digit (gunichar c)
{
  static const char digits[] = "〇零一二兩两三四五六七八九";
  static const int values[] = { 0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9 };
  const char *hit = g_utf8_strchr (digits, -1, c);
  return hit ? values[g_utf8_pointer_to_offset (digits, hit)] : -1;
}

/* The multiplier a Chinese numeral unit stands for (十 百 千), or 0. */
static int
np_chinese_unit (gunichar c)
{
  switch (c) {
  case 0x5341: /* 十 */
    return 10;
  case 0x767E: /* 百 */
    return 100;
  case 0x5343: /* 千 */
    return 1000;
  default:
    return 0;
  }
}

int
np_parse_number (const char *s)
{
  int arabic = 0, total = 0, digit = 0, n = 0;
  gboolean any_unit = FALSE, any_chinese = FALSE, any_arabic = FALSE;

  for (const char *p = s; *p; p = g_utf8_next_char (p), n++) {
    gunichar c = g_utf8_get_char (p);
    int d = g_unichar_digit_value (c);
    int unit = np_chinese_unit (c);
    if (n >= 9)
      return -1; /* no count or date has that many digits */
    if (d >= 0 && (c < 0x80 || (c >= 0xFF10 && c <= 0xFF19))) {
      any_arabic = TRUE;
      arabic = arabic * 10 + d;
    } else if ((d = np_chinese_digit (c)) >= 0) {
      any_chinese = TRUE;
      arabic = arabic * 10 + d;
      digit = d;
    } else if (unit) {
      any_chinese = any_unit = TRUE;
      total += (digit ? digit : 1) * unit; /* 十二: a bare 十 is 10 */
      digit = 0;
    } else
      return -1;
  }
  if (n == 0 || (any_arabic && any_chinese))
    return -1;
  return any_unit ? total + digit : arabic;
}

/* ---- dates --------------------------------------------------------------- */

/* Date-like matches looked at in one text before giving up. */
#define NP_DATE_TRIES 16

/* `s` with full-width digits made ASCII and spaces removed. */
static char *
np_fold_digits (const char *s)
{
  GString *out = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c >= 0xFF10 && c <= 0xFF19)
      g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
    else if (!np_is_space (c))
      g_string_append_unichar (out, c);
  }
  return g_string_free (out, FALSE);
}

char *
np_find_date (NpReader *reader, const char *text, gboolean anchored,
              gsize *start, gsize *end)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_regex_match (reader->re.date, text, 0, &info);
  /* a date that reads as none (13月) is passed over, a few times */
  for (int tries = 0; g_match_info_matches (info) && tries < NP_DATE_TRIES;
       g_match_info_next (info, NULL), tries++) {
    int s = 0, e = 0;
    g_match_info_fetch_pos (info, 0, &s, &e);
    if (anchored && s != 0)
      return NULL;
    /* Chinese form: y, m, d; numeric form: ny, nm, nd */
    g_autofree char *year = g_match_info_fetch_named (info, "y");
    g_autofree char *month = g_match_info_fetch_named (info, "m");
    g_autofree char *day = g_match_info_fetch_named (info, "d");
    g_autofree char *nyear = g_match_info_fetch_named (info, "ny");
    g_autofree char *nmonth = g_match_info_fetch_named (info, "nm");
    g_autofree char *nday = g_match_info_fetch_named (info, "nd");
    gboolean numeric = nyear && *nyear;
    int m = np_parse_number (numeric ? nmonth : month);
    int d = np_parse_number (numeric ? nday : day);
    int y = np_parse_number (numeric ? nyear : year);
    if (m < 1 || m > 12 || d < 1 || d > 31)
      continue;
    if (!numeric && year && *year && y < 1000 && y > 200)
      continue; /* neither a year of the era nor of the Republic */
    if (numeric && y < 1000 && (y < 80 || y > 200))
      continue; /* 2.04.26 is no date; 114.04.26 is the Republic's */
    if (start)
      *start = (gsize) s;
    if (end)
      *end = (gsize) e;
    if (numeric)
      return g_strdup_printf ("%d年%d月%d日", y, m, d);
    g_autofree char *raw = g_match_info_fetch (info, 0);
    g_autofree char *folded = np_fold_digits (raw);
    /* 2025年04月06日 as 2025年4月6日 */
    return g_regex_replace (reader->re.leading_zero, folded, -1, 0, "", 0,
                            NULL);
  }
  return NULL;
}

gboolean
np_is_date_line (NpReader *reader, const char *text, char **date)
{
  gsize start = 0, end = 0;
  const char *p = np_skip_emoji (text);
  char *found = np_find_date (reader, p, TRUE, &start, &end);
  if (!found)
    return FALSE;
  p += end;
  p += np_time_length (reader, p);
  if (*np_skip_emoji (p) != '\0') {
    g_free (found);
    return FALSE;
  }
  if (date)
    *date = found;
  else
    g_free (found);
  return TRUE;
}

gsize
np_time_length (NpReader *reader, const char *text)
{
  g_autoptr (GMatchInfo) info = NULL;
  int end = 0;
  if (g_regex_match (reader->re.time, text, 0, &info))
    g_match_info_fetch_pos (info, 0, NULL, &end);
  return (gsize) end;
}

gboolean
np_has_clock (NpReader *reader, const char *text)
{
  return g_regex_match (reader->re.clock, text, 0, NULL);
}

char **
np_split_at (const char *text, const char *marks)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *start = text;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_strchr (marks, -1, g_utf8_get_char (p))) {
      g_ptr_array_add (parts, g_strndup (start, p - start));
      start = g_utf8_next_char (p);
    }
  g_ptr_array_add (parts, g_strdup (start));
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

/* ---- numbers that open a line ------------------------------------------- */

gsize
np_match_length (const GRegex *re, const char *text)
{
  g_autoptr (GMatchInfo) info = NULL;
  int end = 0;
  if (g_regex_match (re, text, 0, &info))
    g_match_info_fetch_pos (info, 0, NULL, &end);
  return (gsize) end;
}

gsize
np_heading_number (NpReader *reader, const char *text)
{
  return np_match_length (reader->re.heading, text);
}

gsize
np_item_number (NpReader *reader, const char *text)
{
  return np_match_length (reader->re.item, text);
}

GPtrArray *
np_cells (NpReader *reader, const char *text)
{
  g_auto (GStrv) parts = g_regex_split (reader->re.cells, text, 0);
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; parts[k]; k++) {
    char *cell = np_trim (parts[k]);
    if (*cell)
      g_ptr_array_add (cells, cell);
    else
      g_free (cell);
  }
  return cells;
}
