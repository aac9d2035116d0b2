/* emojitext.c: text -> emoji sequences (after Unicode UTS #51).
 *
 * Contract: finds where emoji sit in a text, as whole sequences: a base
 * with its skin-tone modifier, variation selector, keycap mark or tags,
 * joined by ZWJ to the next, and regional-indicator pairs (flags).  Only
 * what asks to be a colour picture counts: a pictograph that defaults to
 * emoji presentation, or any with U+FE0F or a skin tone; ♀ or ⚃ alone stay
 * text symbols.  Which character is which comes from Unicode's own emoji
 * data, built in at build time, never from ranges typed here.
 */
#include "emojitext.h"

#include <string.h>

/* The emoji properties of Unicode's emoji-data.txt, and the blocks of
 * Blocks.txt whose emoji are decoration, written as range tables at build
 * time (cmake/emoji-tables.cmake). */
#include "emoji-tables.h"

/* The code points UTS #51 gives a role by name. */
#define NP_ZWJ    0x200D /* joins the emoji of a ZWJ sequence */
#define NP_KEYCAP 0x20E3 /* makes a keycap of # * 0-9 */
#define NP_VS15   0xFE0E /* asks for text presentation */
#define NP_VS16   0xFE0F /* asks for emoji presentation */

static gboolean
np_in_table (const gunichar (*table)[2], gsize n, gunichar c)
{
  gsize lo = 0, hi = n;
  while (lo < hi) {
    gsize mid = lo + (hi - lo) / 2;
    if (c < table[mid][0])
      hi = mid;
    else if (c > table[mid][1])
      lo = mid + 1;
    else
      return TRUE;
  }
  return FALSE;
}

#define NP_HAS(property, c) np_in_table (property, G_N_ELEMENTS (property), c)

/* # * 0-9: emoji only as keycaps, never alone. */
static gboolean
np_is_keycap_base (gunichar c)
{
  return c < 0x80 && NP_HAS (np_emoji_component, c);
}

static gboolean
np_is_regional (gunichar c)
{
  return g_unichar_break_type (c) == G_UNICODE_BREAK_REGIONAL_INDICATOR;
}

/* An emoji character that a selector or skin tone can make a picture of,
 * or that a ZWJ sequence can join (♀ ❤ 🦳). */
static gboolean
np_is_emoji_char (gunichar c)
{
  return NP_HAS (np_emoji, c) && !np_is_keycap_base (c);
}

gboolean
np_emoji_is_part (gunichar c)
{
  return NP_HAS (np_extended_pictographic, c) ||
         (NP_HAS (np_emoji_component, c) && !np_is_keycap_base (c)) ||
         NP_HAS (np_variation_selector, c);
}

/* UTS #51 Emoji_Presentation: shown as emoji without U+FE0F; the others
 * (© ❤ 🌡) are text symbols unless U+FE0F follows.  Pango's itemizer
 * also takes every Emoji_Modifier_Base (✌ ✍ 🕵) for an emoji on its own,
 * so these are set, and counted, as the colour pictures they become. */
gboolean
np_emoji_is_presentation (gunichar c)
{
  return NP_HAS (np_emoji_presentation, c) ||
         NP_HAS (np_emoji_modifier_base, c);
}

/* What may follow a base inside one sequence: a skin tone, U+FE0F, the
 * keycap mark, tags.  These are the emoji components that are neither
 * pictographs (the hair styles 🦰 follow a ZWJ), flags' letters, keycap
 * bases nor the ZWJ itself. */
static gboolean
np_is_extender (gunichar c)
{
  return NP_HAS (np_emoji_component, c) && !np_is_keycap_base (c) &&
         c != NP_ZWJ && !NP_HAS (np_extended_pictographic, c) &&
         !np_is_regional (c);
}

static gunichar
np_peek (const char *p)
{
  return *p ? g_utf8_get_char (p) : 0;
}

/* The end of the character at `p` that no emoji starts at, with the
 * U+FE0E that keeps it a text symbol: the two stay together. */
static const char *
np_text_end (const char *p)
{
  const char *q = g_utf8_next_char (p);
  return np_peek (q) == NP_VS15 ? g_utf8_next_char (q) : q;
}

/* The end of the emoji sequence starting at `p`, or `p` itself when none
 * starts there. */
static const char *
np_sequence_end (const char *p)
{
  gunichar c = np_peek (p);
  const char *q = g_utf8_next_char (p);
  gunichar next = np_peek (q);
  if (np_is_regional (c)) /* a flag is a pair of regional indicators */
    return np_is_regional (next) ? g_utf8_next_char (q) : q;
  if (next == NP_VS15) /* asked for in text style (⌚︎) */
    return p;
  gboolean modified = NP_HAS (np_emoji_modifier, next);
  gboolean emoji =
    np_emoji_is_presentation (c) ||
    ((next == NP_VS16 || modified) && np_is_emoji_char (c)) ||
    (np_is_keycap_base (c) &&
     (next == NP_KEYCAP ||
      (next == NP_VS16 && np_peek (g_utf8_next_char (q)) == NP_KEYCAP)));
  if (!emoji)
    return p;
  for (;;) {
    while (np_is_extender (np_peek (q)))
      q = g_utf8_next_char (q);
    const char *zwj = q;
    if (np_peek (zwj) != NP_ZWJ ||
        !np_is_emoji_char (np_peek (g_utf8_next_char (zwj))))
      return q;
    q = g_utf8_next_char (g_utf8_next_char (zwj));
  }
}

GArray *
np_emoji_spans (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (NpSpan));
  for (const char *p = text; *p;) {
    const char *end = np_sequence_end (p);
    if (end == p) {
      p = np_text_end (p);
      continue;
    }
    NpSpan span = { (guint) (p - text), (guint) (end - text) };
    g_array_append_val (spans, span);
    p = end;
  }
  return spans;
}

/* What is stripped, and counted, even outside a sequence: emoji
 * characters of the pictograph planes and of the BMP's symbol blocks, in
 * text style too (☺ ⚧ 🛳: a report pasted from social media scatters them
 * as decoration); pictographs that Unicode does not count as emoji (⚃ 🂠);
 * and the joiners and selectors of broken sequences.  Emoji characters of
 * other blocks carry meaning in text style (© ™ ↔ Ⓜ ▶ ㊗) and stay. */
static gboolean
np_is_stray_pictograph (gunichar c)
{
  return np_emoji_is_part (c) && (!NP_HAS (np_emoji, c) || c > 0xFFFF ||
                                  NP_HAS (np_decoration_block, c));
}

/* The end of what to strip at `p`: an emoji sequence, or a stray
 * pictograph with whatever modifiers and selectors cling to it. */
static const char *
np_strip_end (const char *p)
{
  const char *end = np_sequence_end (p);
  if (end == p && np_is_stray_pictograph (np_peek (p)))
    end = np_text_end (p);
  if (end == p)
    return p;
  /* A broken sequence leaves ♀/♂ and selectors behind (🙇🏽♀): they go too. */
  for (;;) {
    gunichar c = np_peek (end);
    if (np_is_extender (c) || c == NP_ZWJ || c == 0x2640 || c == 0x2642)
      end = g_utf8_next_char (end);
    else
      return end;
  }
}

static gboolean
np_is_pause (gunichar c)
{
  return c == 0x3001 || c == 0xFF0C || c == 0x3002 || c == ',' || c == 0xFF1B;
}

char *
np_emoji_strip_text (const char *text, guint *count)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean removed = FALSE;
  for (const char *p = text; *p;) {
    const char *end = np_strip_end (p);
    if (end != p) {
      (*count)++;
      /* A keycap stands for its digit: 第1️⃣名 keeps its 1. */
      if (np_is_keycap_base (g_utf8_get_char (p))) {
        g_string_append_c (out, *p);
        removed = FALSE;
      } else {
        removed = TRUE;
      }
      p = end;
      continue;
    }
    gunichar c = g_utf8_get_char (p);
    const char *kept = p;
    p = np_text_end (p);
    if (removed && out->len > 0) {
      gunichar last = g_utf8_get_char (
        g_utf8_find_prev_char (out->str, out->str + out->len));
      /* What stood on both sides of an emoji now meet: no doubled mark
       * (、🎉、), no space left between Chinese (大會 🎉 召開). */
      if ((c == last && np_is_pause (c)) || (c == ' ' && last == ' ') ||
          (c == ' ' && last > 0x7F))
        continue;
      if (last == ' ' && c > 0x7F)
        g_string_truncate (out, out->len - 1);
    }
    removed = FALSE;
    g_string_append_len (out, kept, p - kept);
  }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

guint
np_emoji_strip (NpDocument *doc)
{
  guint count = np_document_rewrite (doc, np_emoji_strip_text);
  /* a line of emoji only leaves nothing to print */
  for (guint i = 0; i < doc->blocks->len;) {
    const NpBlock *block = g_ptr_array_index (doc->blocks, i);
    if (block->text && !*block->text)
      g_ptr_array_remove_index (doc->blocks, i);
    else
      i++;
  }
  return count;
}

/* Appends "line N: 🎉" for one emoji found in `text`. */
static void
np_census_text (const char *text, guint line, NpEmojiCensus *census)
{
  for (const char *p = text; p && *p;) {
    const char *end = np_strip_end (p);
    if (end == p) {
      p = np_text_end (p);
      continue;
    }
    if (census->count < 3) {
      if (census->first->len > 0)
        g_string_append (census->first, ", ");
      g_string_append_printf (census->first, "line %u: %.*s", line,
                              (int) (end - p), p);
    }
    census->count++;
    p = end;
  }
}

/* Counts a block's texts only: the headline repeats the lead, the
 * publisher the credit. */
static void
np_census_field (char **field, guint line, gpointer census)
{
  if (line > 0)
    np_census_text (*field, line, census);
}

void
np_emoji_census (NpDocument *doc, NpEmojiCensus *census)
{
  census->count = 0;
  census->first = g_string_new (NULL);
  np_document_foreach_text (doc, np_census_field, census);
}
