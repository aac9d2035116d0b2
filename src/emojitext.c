/* emojitext.c: text -> emoji sequences (after Unicode UTS #51).
 *
 * Contract: finds where emoji sit in a text, as whole sequences: a base
 * with its skin-tone modifier, variation selector, keycap mark or tags,
 * joined by ZWJ to the next, and regional-indicator pairs (flags).  Only
 * what asks to be a colour picture counts: a pictograph that defaults to
 * emoji presentation, or any with U+FE0F or a skin tone; ♀ or ⚃ alone stay
 * text symbols.
 */
#include "emojitext.h"

#include <string.h>

/* Extended_Pictographic below U+1F000 (Unicode 15 emoji-data.txt), as
 * sorted inclusive ranges.  Above, U+1F000..1FAFF and U+1FC00..1FFFD are
 * taken whole: those blocks hold pictographs (and the skin-tone modifiers
 * and regional indicators that build emoji) and no CJK text. */
static const gunichar np_pictograph_ranges[][2] = {
  { 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C },
  { 0x2049, 0x2049 }, { 0x2122, 0x2122 }, { 0x2139, 0x2139 },
  { 0x2194, 0x2199 }, { 0x21A9, 0x21AA }, { 0x231A, 0x231B },
  { 0x2328, 0x2328 }, { 0x2388, 0x2388 }, { 0x23CF, 0x23CF },
  { 0x23E9, 0x23F3 }, { 0x23F8, 0x23FA }, { 0x24C2, 0x24C2 },
  { 0x25AA, 0x25AB }, { 0x25B6, 0x25B6 }, { 0x25C0, 0x25C0 },
  { 0x25FB, 0x25FE }, { 0x2600, 0x2605 }, { 0x2607, 0x2612 },
  { 0x2614, 0x2685 }, { 0x2690, 0x2705 }, { 0x2708, 0x2712 },
  { 0x2714, 0x2714 }, { 0x2716, 0x2716 }, { 0x271D, 0x271D },
  { 0x2721, 0x2721 }, { 0x2728, 0x2728 }, { 0x2733, 0x2734 },
  { 0x2744, 0x2744 }, { 0x2747, 0x2747 }, { 0x274C, 0x274C },
  { 0x274E, 0x274E }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
  { 0x2763, 0x2767 }, { 0x2795, 0x2797 }, { 0x27A1, 0x27A1 },
  { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2934, 0x2935 },
  { 0x2B05, 0x2B07 }, { 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 },
  { 0x2B55, 0x2B55 }, { 0x3030, 0x3030 }, { 0x303D, 0x303D },
  { 0x3297, 0x3297 }, { 0x3299, 0x3299 },
};

gboolean
np_emoji_is_part (gunichar c)
{
  if (c < 0xA9)
    return FALSE;
  if (c == 0x200D || c == 0x20E3 || (c >= 0xFE00 && c <= 0xFE0F)
      || (c >= 0xE0020 && c <= 0xE007F))
    return TRUE;
  if (c >= 0x1F000)
    return c <= 0x1FAFF || (c >= 0x1FC00 && c <= 0x1FFFD);
  for (gsize i = 0; i < G_N_ELEMENTS (np_pictograph_ranges); i++)
    {
      if (c < np_pictograph_ranges[i][0])
        return FALSE; /* sorted: no later range can hold it */
      if (c <= np_pictograph_ranges[i][1])
        return TRUE;
    }
  return FALSE;
}

/* Emoji_Presentation=Yes below U+1F000 (Unicode 15 emoji-data.txt), and
 * the modifier bases ☝ ⛹ ✌ ✍, which Pango shows as emoji too. */
static const gunichar np_bmp_emoji[][2] = {
  { 0x261D, 0x261D }, { 0x26F9, 0x26F9 }, { 0x270C, 0x270D },
  { 0x231A, 0x231B }, { 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 },
  { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
  { 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 },
  { 0x26A1, 0x26A1 }, { 0x26AA, 0x26AB }, { 0x26BD, 0x26BE },
  { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 },
  { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
  { 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 },
  { 0x270A, 0x270B }, { 0x2728, 0x2728 }, { 0x274C, 0x274C },
  { 0x274E, 0x274E }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
  { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
  { 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 },
};

/* Supplementary blocks whose pictographs default to emoji presentation
 * (the Mahjong, domino and playing-card blocks mostly do not). */
static const gunichar np_astral_emoji[][2] = {
  { 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E },
  { 0x1F191, 0x1F19A }, { 0x1F1E6, 0x1F1FF }, { 0x1F201, 0x1F201 },
  { 0x1F21A, 0x1F21A }, { 0x1F22F, 0x1F22F }, { 0x1F232, 0x1F23A },
  { 0x1F250, 0x1F251 }, { 0x1F300, 0x1F64F }, { 0x1F680, 0x1F6FF },
  { 0x1F7E0, 0x1F7F0 }, { 0x1F90C, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
};

static gboolean
np_in_ranges (const gunichar (*ranges)[2], gsize n, gunichar c)
{
  for (gsize i = 0; i < n; i++)
    if (c >= ranges[i][0] && c <= ranges[i][1])
      return TRUE;
  return FALSE;
}

gboolean
np_emoji_is_presentation (gunichar c)
{
  return np_in_ranges (np_bmp_emoji, G_N_ELEMENTS (np_bmp_emoji), c) ||
         np_in_ranges (np_astral_emoji, G_N_ELEMENTS (np_astral_emoji), c);
}

/* Characters that may become emoji with U+FE0F after them. */
static gboolean
np_is_pictographic (gunichar c)
{
  return np_emoji_is_part (c) && c != 0x200D && c != 0x20E3 &&
         !(c >= 0xFE00 && c <= 0xFE0F) && !(c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
np_is_keycap_base (gunichar c)
{
  return (c >= '0' && c <= '9') || c == '#' || c == '*';
}

static gboolean
np_is_regional (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* What may follow a base inside one sequence. */
static gboolean
np_is_extender (gunichar c)
{
  return (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0xFE0F || c == 0x20E3 ||
         (c >= 0xE0020 && c <= 0xE007F);
}

static gunichar
np_peek (const char *p)
{
  return *p ? g_utf8_get_char (p) : 0;
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
  gboolean modified = next >= 0x1F3FB && next <= 0x1F3FF;
  gboolean emoji = np_emoji_is_presentation (c) ||
                   ((next == 0xFE0F || modified) && np_is_pictographic (c)) ||
                   (np_is_keycap_base (c) && (next == 0x20E3 ||
                    (next == 0xFE0F && np_peek (g_utf8_next_char (q)) == 0x20E3)));
  if (!emoji)
    return p;
  for (;;) {
    while (np_is_extender (np_peek (q)))
      q = g_utf8_next_char (q);
    const char *zwj = q;
    if (np_peek (zwj) != 0x200D || !np_is_pictographic (
                                      np_peek (g_utf8_next_char (zwj))))
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
      p = g_utf8_next_char (p);
      continue;
    }
    NpSpan span = { (guint) (p - text), (guint) (end - text) };
    g_array_append_val (spans, span);
    p = end;
  }
  return spans;
}

/* Pictographs kept apart from any sequence: the symbol blocks a report
 * pasted from the web scatters about (⚃ 🂠 ⚧).  Arrows, circled numbers and
 * letterlike symbols are left alone: they can carry meaning. */
static gboolean
np_is_stray_pictograph (gunichar c)
{
  return (c >= 0x2600 && c <= 0x27BF) || (c >= 0x1F000 && c <= 0x1FAFF) ||
         (c >= 0x2B00 && c <= 0x2BFF) || (c >= 0x2300 && c <= 0x23FF) ||
         c == 0x303D || c == 0xFE0F || c == 0xFE0E || c == 0x200D ||
         c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F);
}

/* The end of what to strip at `p`: an emoji sequence, or a stray
 * pictograph with whatever modifiers and selectors cling to it. */
static const char *
np_strip_end (const char *p)
{
  const char *end = np_sequence_end (p);
  if (end == p && np_is_stray_pictograph (np_peek (p)))
    end = g_utf8_next_char (p);
  if (end == p)
    return p;
  /* A broken sequence leaves ♀/♂ and selectors behind (🙇🏽♀): they go too. */
  for (;;) {
    gunichar c = np_peek (end);
    if (np_is_extender (c) || c == 0x200D || c == 0x2640 || c == 0x2642)
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
    p = g_utf8_next_char (p);
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
    g_string_append_unichar (out, c);
  }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

static void
np_strip_field (char **field, guint line, gpointer count)
{
  (void) line;
  char *bare = np_emoji_strip_text (*field, count);
  g_free (*field);
  *field = bare;
}

guint
np_emoji_strip (NpDocument *doc)
{
  guint count = 0;
  np_document_foreach_text (doc, np_strip_field, &count);
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
      p = g_utf8_next_char (p);
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
