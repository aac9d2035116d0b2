/* punct.c: ASCII punctuation in Chinese text -> full-width forms.
 *
 * Contract: a pass over the document model after report.c, before anything
 * is shaped.  Reports pasted from the web carry ASCII commas and colons
 * between Chinese characters, where they sit cramped on the baseline; clreq
 * 3.1 wants the full-width marks of the Chinese set.  Only the marks whose
 * neighbours are Chinese change, so Latin and numbers keep theirs.
 */
#include "punct.h"

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

/* Emoji and their joiners and modifiers, which a reader looks through. */
static gboolean
np_is_transparent (gunichar c)
{
  return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF) || c == 0x200D ||
         c == 0xFE0F || c == 0xFE0E || c == 0x20E3 ||
         (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x23FF) ||
         (c >= 0x2B00 && c <= 0x2BFF) || c == ' ';
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

/* Which marks to widen: those touching Chinese, and both of a pair of
 * parentheses when either is (人工智能(AI) -> 人工智能(AI)). */
static void
np_choose (const gunichar *s, glong n, gboolean *wide)
{
  GArray *open = g_array_new (FALSE, FALSE, sizeof (glong));
  for (glong i = 0; i < n; i++) {
    if (s[i] > 0x7F || !strchr (np_ascii, (int) s[i]))
      continue;
    wide[i] = np_is_chinese (np_neighbour (s, n, i, -1)) ||
              np_is_chinese (np_neighbour (s, n, i, +1));
    if (s[i] == '(')
      g_array_append_val (open, i);
    if (s[i] == ')' && open->len > 0) {
      glong o = g_array_index (open, glong, open->len - 1);
      g_array_set_size (open, open->len - 1);
      wide[i] = wide[o] = wide[i] || wide[o];
    }
  }
  g_array_free (open, TRUE);
}

char *
np_punct_normalize_text (const char *text, guint *count)
{
  glong n = 0;
  gunichar *s = g_utf8_to_ucs4_fast (text, -1, &n);
  gboolean *wide = g_new0 (gboolean, n + 1);
  np_choose (s, n, wide);
  GString *out = g_string_sized_new (strlen (text) + 16);
  for (glong i = 0; i < n; i++) {
    /* A full-width mark carries its own space: drop the typed one. */
    if (s[i] == ' ' && ((i > 0 && wide[i - 1]) || wide[i + 1]))
      continue;
    if (wide[i]) {
      g_string_append_unichar (out, np_wide[strchr (np_ascii, (int) s[i]) -
                                            np_ascii]);
      (*count)++;
    } else {
      g_string_append_unichar (out, s[i]);
    }
  }
  g_free (wide);
  g_free (s);
  return g_string_free (out, FALSE);
}

static void
np_normalize_field (char **field, guint *count)
{
  if (!*field)
    return;
  char *wide = np_punct_normalize_text (*field, count);
  g_free (*field);
  *field = wide;
}

guint
np_punct_normalize (NpDocument *doc)
{
  guint count = 0;
  np_normalize_field (&doc->headline, &count);
  for (guint i = 0; i < doc->blocks->len; i++) {
    NpBlock *block = g_ptr_array_index (doc->blocks, i);
    np_normalize_field (&block->text, &count);
    for (guint r = 0; block->rows && r < block->rows->len; r++)
      for (char **cell = g_ptr_array_index (block->rows, r); *cell; cell++)
        np_normalize_field (cell, &count);
  }
  return count;
}
