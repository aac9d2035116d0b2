/* report.c: reads a plain-text news report into the document model.
 *
 * The rules are written down, each with an example, in
 * docs/structure-rules.md; keep the two in step.  The reading goes in four
 * steps: front matter, paragraphs (lines joined by one of two conventions),
 * classification of each paragraph into a block, and the headline.
 * Whatever no rule recognises stays a plain paragraph, so the parse never
 * fails on text; it fails only when there is no text at all.
 */
#include "report.h"

#include "emojitext.h"

#include "error.h"
#include "script.h"

#include <string.h>

/* A paragraph before it is classified: its text, joined from one or more
 * lines and trimmed, and the 1-based line of the report where it starts. */
typedef struct {
  char *text;
  guint line;
} NpParagraph;

/* The patterns of the rules, compiled once per parse. */
typedef struct {
  GRegex *date;          /* a date opening a text: 2024年6月18日, 六月十八日 */
  GRegex *time;          /* what may follow that date: (星期二)上午9時30分, */
  GRegex *credit;        /* (供稿:黨委宣傳部) */
  GRegex *keynote;       /* SPEAKER:《TITLE》 */
  GRegex *heading;       /* 一、… / (一)… */
  GRegex *units_counted; /* 包括A、B…等共N家單位 */
  GRegex *units_cued;    /* 簽約單位有A、B… */
} NpPatterns;

typedef struct {
  NpDocument *doc;
  GPtrArray *paragraphs; /* of NpParagraph*, owned */
  NpPatterns re;
} NpReader;

/* Digits as the patterns see them: ASCII or full-width Arabic, or Chinese. */
#define NP_ARABIC "[0-9\uFF10-\uFF19]"
#define NP_CN_DIGIT "[〇零一二三四五六七八九]"
#define NP_CN_SMALL "[一二三四五六七八九十]"
#define NP_CN_NUMBER "[〇零一二兩两三四五六七八九十百千]"
#define NP_COUNT "(" NP_ARABIC "+|" NP_CN_NUMBER "+)"
#define NP_UNIT_NOUN "(?:單位|单位|企業|企业|院校|機構|机构)"
/* Full-width punctuation, spelt as escapes so that no editor or font can
 * pass it off as its ASCII twin. */
#define NP_FW_EXCL "\uFF01"
#define NP_FW_LPAREN "\uFF08"
#define NP_FW_RPAREN "\uFF09"
#define NP_FW_COMMA "\uFF0C"
#define NP_FW_STOP "\uFF0E"
#define NP_FW_COLON "\uFF1A"
#define NP_FW_SEMICOLON "\uFF1B"
#define NP_FW_QUESTION "\uFF1F"
#define NP_OPEN "[(" NP_FW_LPAREN "]"
#define NP_CLOSE "[)" NP_FW_RPAREN "]"
#define NP_COLON "[" NP_FW_COLON ":]" /* not "[:…:]", a POSIX class */
#define NP_COMMAS "," NP_FW_COMMA
#define NP_SEMICOLONS ";" NP_FW_SEMICOLON

#define NP_SENTENCE_STOPS "。!?" NP_FW_EXCL NP_FW_QUESTION
#define NP_CAPTION_STOPS \
  NP_SENTENCE_STOPS NP_SEMICOLONS NP_COMMAS ".:、…—" NP_FW_COLON NP_FW_STOP
#define NP_MAX_CAPTION 40  /* characters, emoji and spaces not counted */
#define NP_MAX_HEADING 30  /* characters */
#define NP_MAX_HEADLINE 40 /* characters before it is cut at a comma */

/* ---- characters ---------------------------------------------------------- */

/* Whitespace for trimming: Unicode spaces (U+3000, the ideographic space
 * typed as a paragraph indent, among them) plus the invisible ZWSP and BOM
 * that copy and paste leaves behind. */
static gboolean
np_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Characters written without spaces between them: CJK scripts, CJK and
 * full-width punctuation, and the curly quotes, dashes and ellipsis that
 * Chinese text shares with Western text. */
static gboolean
np_is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      break;
    }
  return (c >= 0x2010 && c <= 0x206F) || (c >= 0x2E80 && c <= 0x303F)
         || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* Closing quotes and brackets, looked past when asking how a line ends. */
static gboolean
np_is_closer (gunichar c)
{
  return g_utf8_strchr ("”’」』\"')" NP_FW_RPAREN "】》〉", -1, c) != NULL;
}

/* A copy of `s` without leading and trailing np_is_space() characters. */
static char *
np_trim (const char *s)
{
  const char *start = s;
  while (*start && np_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  const char *end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!np_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* Characters a reader sees as text: emoji and spaces do not count. */
static glong
np_visible_length (const char *s)
{
  glong n = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!np_emoji_is_part (c) && !np_is_space (c))
        n++;
    }
  return n;
}

/* The character that tells how a line ends: the last one that is neither
 * emoji, space nor a closing quote or bracket; 0 when there is none. */
static gunichar
np_final_char (const char *s)
{
  const char *p = s + strlen (s);
  while (p > s)
    {
      p = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (p);
      if (!np_emoji_is_part (c) && !np_is_space (c) && !np_is_closer (c))
        return c;
    }
  return 0;
}

/* `s` past the emoji and spaces it opens with. */
static const char *
np_skip_emoji (const char *s)
{
  while (*s && (np_emoji_is_part (g_utf8_get_char (s))
                || np_is_space (g_utf8_get_char (s))))
    s = g_utf8_next_char (s);
  return s;
}

/* A copy of `s` without emoji anywhere and without spaces at the ends. */
static char *
np_strip_emoji (const char *s)
{
  GString *kept = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!np_emoji_is_part (c))
        g_string_append_unichar (kept, c);
    }
  char *trimmed = np_trim (kept->str);
  g_string_free (kept, TRUE);
  return trimmed;
}

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
  switch (c)
    {
    case 0x5341:
      return 10;
    case 0x767E:
      return 100;
    case 0x5343:
      return 1000;
    default:
      return 0;
    }
}

/* The value of a number in Arabic digits (ASCII or full-width) or in Chinese
 * numerals: 8, ８, 八, 十二, 二十, 一百零五, 二〇二四 (digit by digit when
 * no 十/百/千 appears).  -1 when `s` is not such a number. */
static int
np_parse_number (const char *s)
{
  int arabic = 0, total = 0, digit = 0, n = 0;
  gboolean any_unit = FALSE, any_chinese = FALSE, any_arabic = FALSE;

  for (const char *p = s; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      int d = g_unichar_digit_value (c);
      int unit = np_chinese_unit (c);
      if (n >= 9)
        return -1; /* no count or date has that many digits */
      if (d >= 0 && (c < 0x80 || (c >= 0xFF10 && c <= 0xFF19)))
        {
          any_arabic = TRUE;
          arabic = arabic * 10 + d;
        }
      else if ((d = np_chinese_digit (c)) >= 0)
        {
          any_chinese = TRUE;
          arabic = arabic * 10 + d;
          digit = d;
        }
      else if (unit)
        {
          any_chinese = any_unit = TRUE;
          total += (digit ? digit : 1) * unit; /* 十二: a bare 十 is 10 */
          digit = 0;
        }
      else
        return -1;
    }
  if (n == 0 || (any_arabic && any_chinese))
    return -1;
  return any_unit ? total + digit : arabic;
}

/* ---- patterns ------------------------------------------------------------ */

static GRegex *
np_regex (const char *pattern)
{
  GError *error = NULL;
  GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);
  if (!re)
    g_error ("report.c: built-in pattern does not compile: %s",
             error->message);
  return re;
}

static void
np_patterns_init (NpPatterns *re)
{
  re->date = np_regex (
    "^(?:(" NP_ARABIC "{4}|" NP_CN_DIGIT "{4})\\s*年\\s*)?"
    "(" NP_ARABIC "{1,2}|" NP_CN_SMALL "{1,3})\\s*月\\s*"
    "(" NP_ARABIC "{1,2}|" NP_CN_SMALL "{1,3})\\s*[日號号]");
  re->time = np_regex (
    "^\\s*(?:" NP_OPEN "(?:星期|禮拜|礼拜|週|周)[一二三四五六日天]" NP_CLOSE
    ")?\\s*"
    "(?:上午|下午|晚上|早上|中午|凌晨|傍晚|清晨|晚間|晚间|晚)?\\s*"
    "(?:(?:" NP_ARABIC "{1,2}|" NP_CN_SMALL "{1,3})\\s*[時时點点]"
    "(?:\\s*(?:" NP_ARABIC "{1,2}|" NP_CN_SMALL "{1,3})\\s*分|半)?"
    "|" NP_ARABIC "{1,2}" NP_COLON NP_ARABIC "{2})?"
    "\\s*(?:許|许|左右)?[" NP_COMMAS "\\s]*");
  re->credit = np_regex (
    "^" NP_OPEN "\\s*(?:責任編輯|责任编辑|通訊員|通讯员|供稿|來源|来源"
    "|撰稿|撰文|攝影|摄影|編輯|编辑|記者|记者|文|圖|图)\\s*" NP_COLON "\\s*(.*?)\\s*"
    NP_CLOSE "$");
  re->keynote = np_regex (
    "^([^《》:" NP_FW_COLON NP_SENTENCE_STOPS "]+?)\\s*" NP_COLON
    "\\s*《(.+)》([^《]*)$");
  re->heading = np_regex (
    "^(?:" NP_CN_SMALL "{1,3}、|" NP_OPEN NP_CN_SMALL "{1,3}" NP_CLOSE ")");
  re->units_counted = np_regex (
    "包括((?:(?!包括)[^" NP_SENTENCE_STOPS NP_SEMICOLONS "])+?)等?\\s*共?\\s*"
    NP_COUNT "\\s*[家所個个]\\s*" NP_UNIT_NOUN);
  re->units_cued = np_regex (
    "(?:簽約單位|签约单位|成員單位|成员单位)\\s*(?:有|包括|為|为|" NP_COLON ")"
    "\\s*" NP_COLON "?\\s*([^" NP_SENTENCE_STOPS NP_SEMICOLONS "]+?)"
    "(?:等\\s*(?:共?\\s*" NP_COUNT "\\s*[家所個个])?"
    "|(?=[" NP_SENTENCE_STOPS NP_SEMICOLONS "]|$))");
}

static void
np_patterns_clear (NpPatterns *re)
{
  g_clear_pointer (&re->date, g_regex_unref);
  g_clear_pointer (&re->time, g_regex_unref);
  g_clear_pointer (&re->credit, g_regex_unref);
  g_clear_pointer (&re->keynote, g_regex_unref);
  g_clear_pointer (&re->heading, g_regex_unref);
  g_clear_pointer (&re->units_counted, g_regex_unref);
  g_clear_pointer (&re->units_cued, g_regex_unref);
}

/* Bytes of `s` that `re` matches at its start (its patterns are anchored
 * with ^), or 0. */
static gsize
np_prefix_length (const GRegex *re, const char *s)
{
  g_autoptr (GMatchInfo) info = NULL;
  int end = 0;
  if (g_regex_match (re, s, 0, &info))
    g_match_info_fetch_pos (info, 0, NULL, &end);
  return (gsize) end;
}

/* ---- front matter -------------------------------------------------------- */

static gboolean
np_is_fence (const char *line)
{
  g_autofree char *trimmed = np_trim (line);
  return strcmp (trimmed, "---") == 0;
}

/* Where the key ends: the first ASCII or full-width colon, or NULL. */
static const char *
np_find_colon (const char *s)
{
  const char *ascii = strchr (s, ':');
  const char *wide = strstr (s, NP_FW_COLON);
  if (!ascii || (wide && wide < ascii))
    return wide;
  return ascii;
}

static void
np_front_matter_set (NpDocument *doc, const char *key, const char *value,
                     guint line)
{
  char **field = NULL;
  if (strcmp (key, "title") == 0)
    field = &doc->headline;
  else if (strcmp (key, "issue") == 0)
    field = &doc->issue;
  else if (strcmp (key, "date") == 0)
    field = &doc->date;
  else if (strcmp (key, "publisher") == 0)
    field = &doc->publisher;
  else if (strcmp (key, "masthead") == 0)
    field = &doc->masthead;
  if (!field)
    {
      np_document_warn (doc, line, "front matter: unknown key \"%s\"", key);
      return;
    }
  g_free (*field);
  *field = *value ? g_strdup (value) : NULL; /* empty: as if not given */
}

static void
np_front_matter_line (NpDocument *doc, const char *text, guint line)
{
  g_autofree char *trimmed = np_trim (text);
  if (!*trimmed || *trimmed == '#')
    return;
  const char *colon = np_find_colon (trimmed);
  if (!colon)
    {
      np_document_warn (doc, line, "front matter: expected \"key: value\"");
      return;
    }
  g_autofree char *raw_key = g_strndup (trimmed, colon - trimmed);
  g_autofree char *key = np_trim (raw_key);
  g_autofree char *lower = g_ascii_strdown (key, -1);
  g_autofree char *value = np_trim (g_utf8_next_char (colon));
  np_front_matter_set (doc, lower, value, line);
}

/* Reads the front matter, if the report opens with one, into `doc`.
 * Returns the index of the first body line (0 when there is none). */
static guint
np_read_front_matter (NpDocument *doc, char **lines)
{
  if (!lines[0] || !np_is_fence (lines[0]))
    return 0;
  guint close = 1;
  while (lines[close] && !np_is_fence (lines[close]))
    close++;
  if (!lines[close])
    {
      /* an opening --- alone is more likely a rule typed into the text */
      np_document_warn (doc, 1, "front matter: no closing ---, read as text");
      return 0;
    }
  for (guint i = 1; i < close; i++)
    np_front_matter_line (doc, lines[i], i + 1);
  return close + 1;
}

/* ---- paragraphs ---------------------------------------------------------- */

static void
np_paragraph_free (NpParagraph *paragraph)
{
  g_free (paragraph->text);
  g_free (paragraph);
}

static gboolean
np_is_blank (const char *line)
{
  g_autofree char *trimmed = np_trim (line);
  return *trimmed == '\0';
}

/* The paragraph convention of the file: TRUE when some blank line stands
 * between two non-blank ones (blank lines separate paragraphs, a paragraph
 * may be hard-wrapped), FALSE when every line is a paragraph. */
static gboolean
np_blank_line_separates (char **lines, guint start)
{
  gboolean seen_text = FALSE, blank_after_text = FALSE;
  for (guint i = start; lines[i]; i++)
    {
      if (np_is_blank (lines[i]))
        blank_after_text = seen_text;
      else if (blank_after_text)
        return TRUE;
      else
        seen_text = TRUE;
    }
  return FALSE;
}

/* A character that wants a space between it and the next line's first one:
 * Latin words and digits, not CJK, which is set solid. */
static gboolean
np_wants_space (gunichar c)
{
  return !np_is_cjk (c) && !np_is_space (c);
}

/* Appends a hard-wrapped line to its paragraph: CJK lines join with
 * nothing between them, a Latin word broken at a line end gets its space. */
static void
np_join_line (GString *paragraph, const char *line)
{
  gunichar last = g_utf8_get_char (
    g_utf8_prev_char (paragraph->str + paragraph->len));
  if (np_wants_space (last) && np_wants_space (g_utf8_get_char (line)))
    g_string_append_c (paragraph, ' ');
  g_string_append (paragraph, line);
}

static void
np_add_paragraph (GPtrArray *paragraphs, GString **text, guint line)
{
  if (!*text)
    return;
  NpParagraph *paragraph = g_new0 (NpParagraph, 1);
  paragraph->text = g_string_free (*text, FALSE);
  paragraph->line = line;
  g_ptr_array_add (paragraphs, paragraph);
  *text = NULL;
}

/* Splits the body (lines from `start` on) into trimmed paragraphs. */
static GPtrArray *
np_collect_paragraphs (char **lines, guint start)
{
  GPtrArray *paragraphs
    = g_ptr_array_new_with_free_func ((GDestroyNotify) np_paragraph_free);
  gboolean by_blank_lines = np_blank_line_separates (lines, start);
  GString *text = NULL;
  guint first_line = 0;

  for (guint i = start; lines[i]; i++)
    {
      g_autofree char *line = np_trim (lines[i]);
      if (!*line)
        np_add_paragraph (paragraphs, &text, first_line);
      else if (text && by_blank_lines)
        np_join_line (text, line);
      else
        {
          np_add_paragraph (paragraphs, &text, first_line);
          text = g_string_new (line);
          first_line = i + 1;
        }
    }
  np_add_paragraph (paragraphs, &text, first_line);
  return paragraphs;
}

/* ---- rules: lead, credit, keynotes, heading, caption ------------------- */

/* The date opening `text` (2024年6月18日, 6月18日, 二〇二四年六月十八日),
 * or NULL when the text does not open with a plausible one. */
static char *
np_leading_date (const NpPatterns *re, const char *text)
{
  g_autoptr (GMatchInfo) info = NULL;
  if (!g_regex_match (re->date, text, 0, &info))
    return NULL;
  g_autofree char *month = g_match_info_fetch (info, 2);
  g_autofree char *day = g_match_info_fetch (info, 3);
  int m = np_parse_number (month), d = np_parse_number (day);
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return NULL;
  return g_match_info_fetch (info, 0);
}

/* The source named in a credit line `(供稿:黨委宣傳部)`, or NULL when
 * `text` is not a credit line. */
static char *
np_credit_source (const NpPatterns *re, const char *text)
{
  g_autoptr (GMatchInfo) info = NULL;
  if (!g_regex_match (re->credit, text, 0, &info))
    return NULL;
  g_autofree char *source = g_match_info_fetch (info, 1);
  return np_strip_emoji (source);
}

/* Whether what follows 》 on a keynote line is only punctuation, emoji or
 * space (a full stop, a 🎤), not more text. */
static gboolean
np_is_trailing_noise (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ispunct (c) && !np_emoji_is_part (c) && !np_is_space (c))
        return FALSE;
    }
  return TRUE;
}

/* Splits `SPEAKER:《TITLE》` into its two cells; FALSE if `text` is not a
 * keynote line.  The cells keep their text as written, emoji included. */
static gboolean
np_keynote_cells (const NpPatterns *re, const char *text, char **speaker,
                  char **title)
{
  g_autoptr (GMatchInfo) info = NULL;
  if (!g_regex_match (re->keynote, text, 0, &info))
    return FALSE;
  g_autofree char *rest = g_match_info_fetch (info, 3);
  if (!np_is_trailing_noise (rest))
    return FALSE;
  if (speaker)
    {
      g_autofree char *raw = g_match_info_fetch (info, 1);
      *speaker = np_trim (raw);
    }
  if (title)
    {
      g_autofree char *raw = g_match_info_fetch (info, 2);
      *title = np_trim (raw);
    }
  return TRUE;
}

static gboolean
np_is_keynote (const NpPatterns *re, const char *text)
{
  return np_keynote_cells (re, text, NULL, NULL);
}

static gboolean
np_is_heading (const NpPatterns *re, const char *text)
{
  return g_utf8_strlen (text, -1) <= NP_MAX_HEADING
         && g_regex_match (re->heading, text, 0, NULL);
}

/* A line wholly in quotation marks (“…” 「…」 『…』) is a pull quote, not
 * the name of a photo. */
static gboolean
np_is_quotation (const char *text)
{
  g_autofree char *bare = np_strip_emoji (text);
  if (!*bare)
    return FALSE;
  gunichar first = g_utf8_get_char (bare);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (bare + strlen (bare)));
  return (first == 0x201C && last == 0x201D) ||
         (first == 0x300C && last == 0x300D) ||
         (first == 0x300E && last == 0x300F) || (first == '"' && last == '"');
}

/* A caption names the photo above it: short, not a sentence, and under
 * text or a table (a line right under a heading is the section's first
 * line, not a caption).  Numbered lines too long for a heading are
 * paragraphs, not captions. */
static gboolean
np_is_caption (const NpPatterns *re, const char *text, NpBlockKind previous)
{
  glong length = np_visible_length (text);
  gunichar final = np_final_char (text);
  return previous != NP_BLOCK_HEADING && length > 0
         && length <= NP_MAX_CAPTION && final
         && !g_utf8_strchr (NP_CAPTION_STOPS, -1, final)
         && !np_is_quotation (text)
         && !g_regex_match (re->heading, text, 0, NULL);
}

/* ---- rule: signing units ------------------------------------------------- */

/* The names of a list `A、B、C`: split at 、 (or at commas when the writer
 * used no 、), without emoji, spaces and a trailing 等. */
static GPtrArray *
np_split_names (const char *list)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) parts = strstr (list, "、")
                           ? g_strsplit (list, "、", -1)
                           : g_regex_split_simple ("[" NP_COMMAS "]", list,
                                                   0, 0);
  for (guint i = 0; parts[i]; i++)
    {
      char *name = np_strip_emoji (parts[i]);
      while (g_str_has_suffix (name, "等"))
        {
          name[strlen (name) - strlen ("等")] = '\0';
          char *trimmed = np_trim (name);
          g_free (name);
          name = trimmed;
        }
      if (*name)
        g_ptr_array_add (names, name);
      else
        g_free (name);
    }
  return names;
}

/* Finds a signing-unit list in `text`: the list (group 1) and the stated
 * count (group 2, may be absent).  FALSE when there is none. */
static gboolean
np_find_unit_list (const NpPatterns *re, const char *text, char **list,
                   char **count)
{
  g_autoptr (GMatchInfo) info = NULL;
  if (!g_regex_match (re->units_counted, text, 0, &info))
    {
      g_clear_pointer (&info, g_match_info_free);
      if (!g_regex_match (re->units_cued, text, 0, &info))
        return FALSE;
    }
  *list = g_match_info_fetch (info, 1);
  *count = g_match_info_fetch (info, 2); /* "" when not stated */
  return TRUE;
}

/* Adds a units table after the block of a paragraph whose text lists the
 * signing units; warns when the stated count disagrees with the list. */
static void
np_add_units (NpReader *reader, const NpParagraph *paragraph)
{
  g_autofree char *list = NULL;
  g_autofree char *count = NULL;
  if (!np_find_unit_list (&reader->re, paragraph->text, &list, &count))
    return;
  g_autoptr (GPtrArray) names = np_split_names (list);
  if (names->len < 2)
    return; /* one name is a mention, not a list */

  int stated = count && *count ? np_parse_number (count) : -1;
  if (stated >= 0 && (guint) stated != names->len)
    np_document_warn (reader->doc, paragraph->line,
                      "signing units: the text says %d, found %u", stated,
                      names->len);

  gboolean hans = reader->doc->script == NP_SCRIPT_HANS;
  const char *header[] = { hans ? "序号" : "序號",
                           hans ? "单位名称" : "單位名稱" };
  NpBlock *table = np_document_add_table (reader->doc, NP_BLOCK_UNITS,
                                          paragraph->line);
  np_block_add_row (table, header, 2);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *row[] = { number, g_ptr_array_index (names, i) };
      np_block_add_row (table, row, 2);
    }
}

/* ---- classification ------------------------------------------------------ */

static NpParagraph *
np_paragraph_at (const NpReader *reader, guint i)
{
  return g_ptr_array_index (reader->paragraphs, i);
}

static NpBlockKind
np_last_kind (const NpDocument *doc)
{
  const NpBlock *last = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  return last->kind;
}

/* How many paragraphs from `i` (before `end`) form a keynote table: a run
 * of two or more keynote lines, or a single one right after a paragraph
 * that speaks of 報告; 0 otherwise. */
static guint
np_keynote_run (const NpReader *reader, guint i, guint end)
{
  guint n = 0;
  while (i + n < end && np_is_keynote (&reader->re,
                                       np_paragraph_at (reader, i + n)->text))
    n++;
  if (n != 1)
    return n;
  const char *before = np_paragraph_at (reader, i - 1)->text;
  return strstr (before, "報告") || strstr (before, "报告") ? 1 : 0;
}

static void
np_add_keynotes (NpReader *reader, guint first, guint n)
{
  gboolean hans = reader->doc->script == NP_SCRIPT_HANS;
  const char *header[] = { hans ? "报告人" : "報告人",
                           hans ? "报告题目" : "報告題目" };
  NpBlock *table = np_document_add_table (
    reader->doc, NP_BLOCK_KEYNOTES, np_paragraph_at (reader, first)->line);
  np_block_add_row (table, header, 2);
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *speaker = NULL;
      g_autofree char *title = NULL;
      np_keynote_cells (&reader->re, np_paragraph_at (reader, i)->text,
                        &speaker, &title);
      const char *row[] = { speaker, title };
      np_block_add_row (table, row, 2);
    }
}

/* The first paragraph is the lead when it opens with a date, which then
 * dates the report (unless the front matter did). */
static void
np_add_first (NpReader *reader, const NpParagraph *paragraph)
{
  NpDocument *doc = reader->doc;
  /* A lead pasted from the web may open with an emoji (🎉2024年…). */
  char *date = np_leading_date (&reader->re, np_skip_emoji (paragraph->text));
  np_document_add_text (doc, date ? NP_BLOCK_LEAD : NP_BLOCK_PARAGRAPH,
                        paragraph->text, paragraph->line);
  if (date && !doc->date)
    doc->date = date;
  else
    g_free (date);
  np_add_units (reader, paragraph);
}

static void
np_add_body (NpReader *reader, const NpParagraph *paragraph)
{
  NpDocument *doc = reader->doc;
  const char *text = paragraph->text;
  if (np_is_heading (&reader->re, text))
    np_document_add_text (doc, NP_BLOCK_HEADING, text, paragraph->line);
  else if (np_is_caption (&reader->re, text, np_last_kind (doc)))
    np_document_add_text (doc, NP_BLOCK_CAPTION, text, paragraph->line);
  else
    {
      np_document_add_text (doc, NP_BLOCK_PARAGRAPH, text, paragraph->line);
      np_add_units (reader, paragraph);
    }
}

/* The last paragraph is the credit when it is a (供稿:…)-style line; its
 * source becomes the publisher unless the front matter named one.
 * Returns whether it was. */
static gboolean
np_take_credit (NpReader *reader)
{
  guint n = reader->paragraphs->len;
  if (n < 2)
    return FALSE; /* a lone line is the report, not its credit */
  const NpParagraph *last = np_paragraph_at (reader, n - 1);
  char *source = np_credit_source (&reader->re, last->text);
  if (!source)
    return FALSE;
  if (!reader->doc->publisher && *source)
    reader->doc->publisher = source;
  else
    g_free (source);
  return TRUE;
}

static void
np_classify (NpReader *reader)
{
  guint n = reader->paragraphs->len;
  gboolean credit = np_take_credit (reader);
  guint end = credit ? n - 1 : n;

  np_add_first (reader, np_paragraph_at (reader, 0));
  for (guint i = 1; i < end;)
    {
      guint run = np_keynote_run (reader, i, end);
      if (run)
        np_add_keynotes (reader, i, run);
      else
        np_add_body (reader, np_paragraph_at (reader, i));
      i += run ? run : 1;
    }
  if (credit)
    {
      const NpParagraph *last = np_paragraph_at (reader, n - 1);
      np_document_add_text (reader->doc, NP_BLOCK_CREDIT, last->text,
                            last->line);
    }
}

/* ---- headline ------------------------------------------------------------ */

/* Where the first sentence of `text` ends: its 。!? or the end. */
static const char *
np_sentence_end (const char *text)
{
  const char *p = text;
  while (*p && !g_utf8_strchr (NP_SENTENCE_STOPS, -1, g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Drops what may dangle at the end of a cut sentence: emoji, spaces and
 * pausing punctuation. */
static void
np_chop_tail (char *s)
{
  char *end = s + strlen (s);
  while (end > s)
    {
      char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);
      if (!np_emoji_is_part (c) && !np_is_space (c)
          && !g_utf8_strchr (NP_COMMAS NP_SEMICOLONS ":、…" NP_FW_COLON, -1,
                             c))
        break;
      end = prev;
    }
  *end = '\0';
}

/* Cuts a headline longer than NP_MAX_HEADLINE characters at its last
 * comma-like break before that length, when it has one. */
static void
np_shorten_headline (char *headline)
{
  if (g_utf8_strlen (headline, -1) <= NP_MAX_HEADLINE)
    return;
  char *cut = NULL;
  glong i = 0;
  for (char *p = headline; *p && i < NP_MAX_HEADLINE;
       p = g_utf8_next_char (p), i++)
    if (i > 0
        && g_utf8_strchr (NP_COMMAS NP_SEMICOLONS, -1, g_utf8_get_char (p)))
      cut = p;
  if (cut)
    *cut = '\0';
}

/* The headline a lead implies: its first sentence without the date and
 * time it opens with and without its final punctuation.  NULL when nothing
 * is left. */
static char *
np_derive_headline (const NpPatterns *re, const char *text)
{
  g_autofree char *sentence = g_strndup (text, np_sentence_end (text) - text);
  const char *opening = np_skip_emoji (sentence);
  const char *start = opening + np_prefix_length (re->date, opening);
  if (start != opening)
    start += np_prefix_length (re->time, start);
  while (*start && (np_emoji_is_part (g_utf8_get_char (start))
                    || np_is_space (g_utf8_get_char (start))))
    start = g_utf8_next_char (start);
  char *headline = g_strdup (start);
  np_chop_tail (headline);
  np_shorten_headline (headline);
  np_chop_tail (headline);
  if (*headline)
    return headline;
  g_free (headline);
  return NULL;
}

/* ---- entry point --------------------------------------------------------- */

NpDocument *
np_report_parse (const char *text, const char *name, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  NpReader reader = { np_document_new (), NULL, { 0 } };
  reader.doc->script = np_script_detect (text);
  guint body = np_read_front_matter (reader.doc, lines);
  reader.paragraphs = np_collect_paragraphs (lines, body);

  if (reader.paragraphs->len == 0)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: the report is empty",
                   name ? name : "report");
      g_ptr_array_unref (reader.paragraphs);
      np_document_free (reader.doc);
      return NULL;
    }

  np_patterns_init (&reader.re);
  np_classify (&reader);
  if (!reader.doc->headline)
    reader.doc->headline = np_derive_headline (
      &reader.re, np_paragraph_at (&reader, 0)->text);
  np_patterns_clear (&reader.re);
  g_ptr_array_unref (reader.paragraphs);
  return reader.doc;
}
