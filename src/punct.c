/* punct.c: ASCII punctuation in Chinese text -> full-width forms, and
 * full-width letters and digits -> ASCII ones.
 *
 * Contract: a pass over the document model after report.c, before anything
 * is shaped.  Reports pasted from the web carry ASCII commas and colons
 * between Chinese characters, where they sit cramped on the baseline; clreq
 * 3.1 wants the full-width marks of the Chinese set.  Only the marks whose
 * neighbours are Chinese change, so Latin and numbers keep theirs.
 *
 * The same editors type letters and digits full-width (２０２５年, ＡＩ,
 * ５Ｇ), each in a Han-sized box; clreq 3.2 sets Western text and numbers in
 * horizontal Chinese text proportional, so they become ASCII, which
 * shape.c spaces from Han by a quarter em.  Full-width punctuation stays,
 * as the Chinese set, save a number's decimal point.  This pass reads no
 * structure: report.c reads both widths, so a report reads the same with
 * --keep-punctuation.
 */
#include "punct.h"

#include "emojitext.h"

#include <string.h>

static const char np_ascii[] = ",:;!?()";
static const gunichar np_wide[] = { 0xFF0C, 0xFF1A, 0xFF1B, 0xFF01,
                                    0xFF1F, 0xFF08, 0xFF09 };

/* Chinese for this purpose: Han, CJK symbols and punctuation, full-width
 * forms, kana and bopomofo. */
static gboolean
np_is_chinese (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
         (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x312F) ||
         (c >= 0xFF01 && c <= 0xFF60);
}

/* Emoji (with their joiners and modifiers) and spaces, which a reader
 * looks through; and marks, variation selectors among them, which belong
 * to the character before them (字\uFE00 is a Han character). */
static gboolean
np_is_transparent (gunichar c)
{
  return c == ' ' || np_emoji_is_part (c) || g_unichar_ismark (c);
}

/* The nearest character before (step -1) or after (+1) index i that is not
 * white space or an emoji; 0 at either end. */
static gunichar
np_neighbour (const gunichar *s, glong n, glong i, int step)
{
  for (glong k = i + step; k >= 0 && k < n; k += step)
    if (!np_is_transparent (s[k]))
      return s[k];
  return 0;
}

static gboolean
np_touches_chinese (const gunichar *s, glong n, glong i)
{
  return np_is_chinese (np_neighbour (s, n, i, -1)) ||
         np_is_chinese (np_neighbour (s, n, i, +1));
}

/* What each mark becomes (0: stays): the full-width form when it touches
 * Chinese, and both of a pair of parentheses when either does
 * (人工智能(AI) -> 人工智能(AI)).  Straight double quotes pair up in order and
 * become curly quotes “…” when the pair touches Chinese. */
static void
np_choose (const gunichar *s, glong n, gunichar *to)
{
  GArray *open = g_array_new (FALSE, FALSE, sizeof (glong));
  glong quote = -1;
  for (glong i = 0; i < n; i++) {
    if (s[i] == '"') {
      if (quote < 0) {
        quote = i;
        continue;
      }
      if (np_touches_chinese (s, n, quote) || np_touches_chinese (s, n, i)) {
        to[quote] = 0x201C;
        to[i] = 0x201D;
      }
      quote = -1;
      continue;
    }
    const char *mark = s[i] < 0x80 ? strchr (np_ascii, (int) s[i]) : NULL;
    if (!mark)
      continue;
    to[i] = np_touches_chinese (s, n, i) ? np_wide[mark - np_ascii] : 0;
    if (s[i] == '(')
      g_array_append_val (open, i);
    if (s[i] == ')' && open->len > 0) {
      glong o = g_array_index (open, glong, open->len - 1);
      g_array_set_size (open, open->len - 1);
      if (to[i] || to[o]) {
        to[i] = 0xFF09;
        to[o] = 0xFF08;
      }
    }
  }
  g_array_free (open, TRUE);
}

char *
np_punct_normalize_text (const char *text, guint *count)
{
  glong n = 0;
  gunichar *s = g_utf8_to_ucs4_fast (text, -1, &n);
  gunichar *to = g_new0 (gunichar, n + 1);
  np_choose (s, n, to);
  GString *out = g_string_sized_new (strlen (text) + 16);
  for (glong i = 0; i < n; i++) {
    /* A full-width mark carries its own space: drop the typed one (a
     * curly quote does not: "他說 "好"" keeps its word space). */
    gboolean beside = (i > 0 && to[i - 1] && s[i - 1] != '"') ||
                      (to[i + 1] && s[i + 1] != '"');
    if (s[i] == ' ' && beside)
      continue;
    g_string_append_unichar (out, to[i] ? to[i] : s[i]);
    *count += to[i] != 0;
  }
  g_free (to);
  g_free (s);
  return g_string_free (out, FALSE);
}

/* The ASCII character that Unicode's compatibility decomposition (NFKC)
 * gives full-width `c`, or 0.  Only the Fullwidth ASCII variants
 * (U+FF01-U+FF5E) are asked: circled ①, ² and mathematical 𝐀 fold to
 * digits and letters too, but they are symbols. */
static char
np_ascii_form (gunichar c)
{
  if (c < 0xFF01 || c > 0xFF5E)
    return 0;
  char wide[8] = { 0 };
  g_unichar_to_utf8 (c, wide);
  g_autofree char *nfkc = g_utf8_normalize (wide, -1, G_NORMALIZE_ALL_COMPOSE);
  if (!nfkc || nfkc[0] == '\0' || nfkc[1] != '\0' || (guchar) nfkc[0] >= 0x80)
    return 0;
  return nfkc[0];
}

/* What the character at i is set as (0: stays).  clreq 3.2: in horizontal
 * writing Western letters and European numerals are set proportional,
 * never in full-width boxes.  A single one too (第１名, Ａ座): its upright
 * full-width form belongs to vertical writing, which newsprint does not
 * set, and one digit set apart from its neighbours would read as another
 * face.  Punctuation stays, save the full stop between two digits
 * (１．２万): that is the number's decimal point, which goes with it. */
static char
np_narrow_at (const gunichar *s, glong n, glong i)
{
  char ascii = np_ascii_form (s[i]);
  if (g_ascii_isalnum (ascii))
    return ascii;
  if (ascii == '.' && i > 0 && i + 1 < n &&
      g_ascii_isdigit (np_ascii_form (s[i - 1])) &&
      g_ascii_isdigit (np_ascii_form (s[i + 1])))
    return ascii;
  return 0;
}

char *
np_punct_narrow_text (const char *text, guint *count)
{
  glong n = 0;
  gunichar *s = g_utf8_to_ucs4_fast (text, -1, &n);
  GString *out = g_string_sized_new (strlen (text));
  for (glong i = 0; i < n; i++) {
    char narrow = np_narrow_at (s, n, i);
    if (narrow)
      g_string_append_c (out, narrow);
    else
      g_string_append_unichar (out, s[i]);
    *count += narrow != 0;
  }
  g_free (s);
  return g_string_free (out, FALSE);
}

guint
np_punct_narrow (NpDocument *doc)
{
  return np_document_rewrite (doc, np_punct_narrow_text);
}

guint
np_punct_normalize (NpDocument *doc)
{
  return np_document_rewrite (doc, np_punct_normalize_text);
}
