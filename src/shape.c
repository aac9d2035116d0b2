/* shape.c: paragraphs -> lines (the CJK line-breaking rules live here).
 *
 * Contract: np_shape_paragraph() turns one paragraph of text into lines set
 * to a measure.  It shapes the text once (Pango itemises, picks fonts and
 * calls HarfBuzz), cuts the glyphs into clusters ("units"), chooses the
 * breaks for the whole paragraph at once, and slices the glyph runs into
 * lines whose advances already carry the justification.  It knows nothing of
 * columns or pages.
 */
#include "shape.h"

#include "emojitext.h"
#include "words.h"

#include <math.h>
#include <string.h>
#include <unicode/uchar.h>

/* One shaping cluster: the smallest piece a line can be made of. */
typedef struct {
  guint start, end;     /* bytes of the paragraph text */
  int width;            /* Pango units */
  guint run;            /* index of its glyph run */
  int glyph0, glyph1;   /* its glyphs in that run: [glyph0, glyph1) */
  gboolean space;       /* white space: dropped at a line end */
  gboolean emoji;       /* a pictograph: transparent to the kinsoku rules */
  gboolean letter;      /* a Han character, letter or digit */
  gboolean break_before; /* a line may start with this unit */
  int gap_before;        /* justification may widen the gap before it: its
                            share of the slack, 0 (none), 1 (a gap between
                            characters) or NP_WORD_STRETCH (a word space) */
  int lead, trail;      /* blank of a full-width mark on each side, Pango
                           units: what compression may take away */
  int kern;             /* change to the gap before this unit when both
                           sides share a line: a quarter em between Han and
                           Latin, minus a blank between two marks */
  gboolean kern_self;   /* the kern trims this unit's lead, not the
                           previous unit's trail */
  int spare_lead;       /* what compression may take inside a line, on */
  int spare_trail;      /* each side: blank of marks, Latin spacing */
  gboolean stop;        /* a mark that ends a sentence (。？！) */
  guint8 word;          /* NpWordBreak of the place before it */
} NpUnit;

/* What the breaker works on: the shaped paragraph, not yet broken. */
typedef struct {
  const char *text;
  NpFonts *fonts;
  GPtrArray *runs;   /* of PangoGlyphItem*, owned, in text order */
  GArray *units;     /* of NpUnit */
  gint64 *prefix;    /* prefix[i]: width of units [0, i), Pango units */
  gint64 *kerns;     /* kerns[i]: kerns of units [0, i) */
  gint64 *spares;    /* spares[i]: spare blank of units [0, i) */
  int em;            /* font size, Pango units */
  int target;        /* balanced measures: the line length aimed at */
  gboolean indented; /* the first line starts after a paragraph indent */
} NpShaping;

/* ------------------------------------------------------------ the rules */

/* General category P*: marks, as opposed to the letters and symbols that
 * share their line-break class. */
static gboolean
np_is_punctuation (gunichar c)
{
  switch (g_unichar_type (c)) {
  case G_UNICODE_CONNECT_PUNCTUATION:
  case G_UNICODE_DASH_PUNCTUATION:
  case G_UNICODE_OPEN_PUNCTUATION:
  case G_UNICODE_CLOSE_PUNCTUATION:
  case G_UNICODE_INITIAL_PUNCTUATION:
  case G_UNICODE_FINAL_PUNCTUATION:
  case G_UNICODE_OTHER_PUNCTUATION:
    return TRUE;
  default:
    return FALSE;
  }
}

/* clreq 3.1.7 "Prohibition rules for line start": closing brackets and
 * quotes, pause and stop marks, marks that hang on what precedes them
 * (…), and the middle dot; and a unit sign (% ℃) stays with its number.
 * Unicode's line-break classes (UAX #14) list their members, so that the
 * vertical, small and half-width forms (︒ ﹚ ｣) and ‼ 〜 are not
 * forgotten. */
gboolean
np_shape_no_line_start (gunichar c)
{
  switch (g_unichar_break_type (c)) {
  case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
  case G_UNICODE_BREAK_CLOSE_PARANTHESIS:
  case G_UNICODE_BREAK_EXCLAMATION:
  case G_UNICODE_BREAK_INFIX_SEPARATOR:
  case G_UNICODE_BREAK_INSEPARABLE:
  case G_UNICODE_BREAK_POSTFIX:
    return TRUE;
  case G_UNICODE_BREAK_NON_STARTER: /* its marks, not 々 or ゝ */
    return np_is_punctuation (c);
  case G_UNICODE_BREAK_QUOTATION:
    return g_unichar_type (c) == G_UNICODE_FINAL_PUNCTUATION;
  default:
    return c == 0x00B7; /* · (class AI), the interpunct of Chinese */
  }
}

/* clreq 3.1.7 "Prohibition rules for line end": opening brackets and
 * quotes (UAX #14 class OP, and QU that opens). */
gboolean
np_shape_no_line_end (gunichar c)
{
  switch (g_unichar_break_type (c)) {
  case G_UNICODE_BREAK_OPEN_PUNCTUATION:
    return TRUE;
  case G_UNICODE_BREAK_QUOTATION:
    return g_unichar_type (c) == G_UNICODE_INITIAL_PUNCTUATION;
  default:
    return FALSE;
  }
}

gboolean
np_shape_may_break (gunichar before, gunichar after)
{
  if (np_shape_no_line_end (before) || np_shape_no_line_start (after))
    return FALSE;
  /* clreq 3.1.8: the two-em dash and the ellipsis are never split. */
  if (before == after && (before == 0x2014 || before == 0x2026 ||
                          before == 0x2025 || before == 0x2E3A))
    return FALSE;
  /* A number stays with its unit sign. */
  if (g_unichar_isdigit (before) &&
      (after == '%' || after == 0x2030 || after == 0x2103 || after == 0xB0))
    return FALSE;
  return TRUE;
}

/* UAX #14 (LB19) finds no break on either side of a quotation mark, as
 * it cannot tell one that opens from one that closes; in Chinese text “
 * and ‘ open and ” and ’ close, and clreq 3.1.7 treats them as the
 * brackets are: a line may end after a closing mark (”2023年…) and start
 * with an opening one (说“…).  A single mark is taken for a bracket only
 * beside a Han character, not as the apostrophe of "don’t".  `at` is the
 * first character after the place, `first`; `last` is the one before. */
static gboolean
np_quote_break (const char *text, const char *at, gunichar last,
                gunichar first)
{
  if (last == 0x201D || first == 0x201C)
    return TRUE;
  if (last == 0x2019) {
    const char *mark = g_utf8_find_prev_char (text, at);
    const char *inner = mark ? g_utf8_find_prev_char (text, mark) : NULL;
    return inner && g_unichar_iswide (g_utf8_get_char (inner));
  }
  if (first == 0x2018)
    return g_unichar_iswide (g_utf8_get_char (g_utf8_next_char (at)));
  return FALSE;
}

/* Characters set on the ideographic em grid: justification may open the
 * gap on either side of them (clreq 3.8, inter-character spacing).  Wide
 * and ambiguous-width characters (UAX #11) and pictographs (UTS #51),
 * which are set an em wide among Chinese whatever their width class. */
static gboolean
np_is_grid_char (gunichar c)
{
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ||
         np_emoji_is_part (c);
}

/* A cluster shown as an emoji: a pictograph, or a keycap or other
 * sequence made one by U+FE0F or U+20E3. */
static gboolean
np_has_emoji (const char *text, guint start, guint end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (np_emoji_is_part (c))
      return TRUE;
  }
  return FALSE;
}

/* ------------------------------------------------------------ shaping */

static gunichar
np_last_char (const char *text, guint start, guint end)
{
  const char *p = g_utf8_find_prev_char (text + start, text + end);
  return p ? g_utf8_get_char (p) : 0;
}

static void
np_collect_missing (const PangoGlyphItem *run, const char *text,
                    GArray *missing)
{
  const PangoGlyphString *gs = run->glyphs;
  for (int g = 0; g < gs->num_glyphs; g++) {
    PangoGlyph glyph = gs->glyphs[g].glyph;
    if (glyph == PANGO_GLYPH_EMPTY || !(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
      continue;
    const char *p = text + run->item->offset + gs->log_clusters[g];
    gunichar c = g_utf8_get_char (p);
    /* Default-ignorable characters (joiners, selectors) draw nothing by
     * design: they are not missing. */
    if (c == 0x200D || c == 0xFE0F || c == 0xFE0E)
      continue;
    g_array_append_val (missing, c);
  }
}

/* Cuts one run into clusters and appends them as units. */
static void
np_add_units (NpShaping *s, guint run_index, const PangoLogAttr *attrs,
              glong *char_index, const char **char_ptr)
{
  PangoGlyphItem *run = g_ptr_array_index (s->runs, run_index);
  PangoGlyphItemIter it;
  for (gboolean ok = pango_glyph_item_iter_init_start (&it, run, s->text); ok;
       ok = pango_glyph_item_iter_next_cluster (&it)) {
    NpUnit u = { .start = it.start_index, .end = it.end_index,
                 .run = run_index };
    /* Right-to-left runs list a cluster's glyphs backwards. */
    gboolean ltr = it.start_glyph <= it.end_glyph;
    u.glyph0 = ltr ? it.start_glyph : it.end_glyph + 1;
    u.glyph1 = ltr ? it.end_glyph : it.start_glyph + 1;
    for (int g = u.glyph0; g < u.glyph1; g++)
      u.width += run->glyphs->glyphs[g].geometry.width;

    /* Log attributes are per character; walk to this unit's first one. */
    while (*char_ptr < s->text + u.start) {
      *char_ptr = g_utf8_next_char (*char_ptr);
      (*char_index)++;
    }
    const PangoLogAttr *a = &attrs[*char_index];
    gunichar first = g_utf8_get_char (s->text + u.start);
    u.space = a->is_white;
    u.emoji = np_has_emoji (s->text, u.start, u.end);
    u.letter = !u.emoji && g_unichar_isalnum (first);
    if (u.glyph1 - u.glyph0 == 1 && u.end - u.start <= 3) {
      NpBlanks b = np_fonts_blanks (s->fonts, run->item->analysis.font, first);
      u.lead = (int) lround (b.lead * u.width);
      u.trail = (int) lround (b.trail * u.width);
      u.stop = (u.lead > 0 || u.trail > 0) &&
               u_hasBinaryProperty ((UChar32) first, UCHAR_S_TERM);
    }
    if (s->units->len > 0) {
      const NpUnit *prev = &g_array_index (s->units, NpUnit, s->units->len - 1);
      gunichar last = np_last_char (s->text, prev->start, prev->end);
      u.break_before = (a->is_line_break ||
                        (a->is_cursor_position &&
                         np_quote_break (s->text, s->text + u.start, last,
                                         first))) &&
                       np_shape_may_break (last, first);
      u.gap_before = a->is_cursor_position && !u.space &&
                     (prev->space || np_is_grid_char (last) ||
                      np_is_grid_char (first));
    }
    g_array_append_val (s->units, u);
  }
}

/* A mark that may not start a line may not start one behind an emoji
 * either ("回應🥫," must not break before 🥫), nor may an opening bracket end
 * one before an emoji: a reader sees through the picture to the text. */
static void
np_emoji_keep (NpShaping *s)
{
  guint n = s->units->len;
  for (guint i = 1; i < n; i++) {
    NpUnit *u = &g_array_index (s->units, NpUnit, i);
    if (!u->break_before)
      continue;
    guint j = i;
    while (j < n && g_array_index (s->units, NpUnit, j).emoji)
      j++;
    if (j > i && j < n) {
      const NpUnit *v = &g_array_index (s->units, NpUnit, j);
      if (np_shape_no_line_start (g_utf8_get_char (s->text + v->start)))
        u->break_before = FALSE;
    }
    guint k = i;
    while (k > 0 && g_array_index (s->units, NpUnit, k - 1).emoji)
      k--;
    if (k < i && k > 0) {
      const NpUnit *w = &g_array_index (s->units, NpUnit, k - 1);
      if (np_shape_no_line_end (np_last_char (s->text, w->start, w->end)))
        u->break_before = FALSE;
    }
  }
}

static gboolean
np_is_han (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

static gboolean
np_is_latin (gunichar c)
{
  return c < 0x250 && g_unichar_isalnum (c);
}

/* clreq 3.2.1: a quarter em between Han and Latin letters or digits, set as
 * space in the layout, never as a character.  A space typed there shrinks
 * to the same quarter em. */
static int
np_latin_kern (const NpShaping *s, const NpUnit *a, const NpUnit *b)
{
  gunichar last = np_last_char (s->text, a->start, a->end);
  gunichar first = g_utf8_get_char (s->text + b->start);
  if (a->emoji || b->emoji) /* a keycap 1️⃣ is a picture, not a digit */
    return 0;
  if ((np_is_han (last) && np_is_latin (first)) ||
      (np_is_latin (last) && np_is_han (first)))
    return s->em / 4;
  return 0;
}

/* clreq 3.1.6: two marks in a row take 1.5 em, not 2: the blank between
 * them goes.  The first mark's trailing blank if it has one (。」 」「 、《),
 * else the second's leading one (《「); the second's when it is the wider,
 * as after a centred zh-Hant mark (：「 loses the half em before 「, not the
 * quarter after ：). */
static void
np_pair_kern (NpUnit *a, NpUnit *b)
{
  if (a->trail > 0 && b->lead <= a->trail && (b->lead > 0 || b->trail > 0)) {
    b->kern = -a->trail;
    a->spare_trail = 0;
  } else if (b->lead > 0 && (a->trail > 0 || a->lead > 0)) {
    b->kern = -b->lead;
    b->kern_self = TRUE;
    b->spare_lead = 0;
  }
}

/* A line with Latin words in it is justified as Latin text is, mostly at
 * its word spaces: a space between two words may open this many times as
 * much as the gap between two Han characters, so that a line holding a
 * phrase like "battery management system" does not space out its Chinese
 * (clreq 3.8 spreads a line's slack between characters; a word space is
 * where a Latin reader expects it). */
#define NP_WORD_STRETCH 4

/* A typed space between two characters set off the em grid (Latin,
 * Greek, Cyrillic letters and digits): a space between words. */
static gboolean
np_is_word_space (const NpShaping *s, const NpUnit *before, const NpUnit *after)
{
  gunichar last = np_last_char (s->text, before->start, before->end);
  gunichar first = g_utf8_get_char (s->text + after->start);
  return !before->emoji && !after->emoji && g_unichar_isalnum (last) &&
         g_unichar_isalnum (first) && !np_is_grid_char (last) &&
         !np_is_grid_char (first);
}

/* Fixed spacing between units: Latin spacing, punctuation pairs.  Marks
 * inside a line may also give up blank to justify it: all of it in zh-Hans,
 * half in zh-Hant, whose centred marks need air on both sides (clreq 3.1.6,
 * 3.8); Latin spacing may narrow from a quarter to an eighth of an em. */
static void
np_space_units (NpShaping *s)
{
  gboolean hans = np_fonts_script (s->fonts) == NP_SCRIPT_HANS;
  for (guint i = 0; i < s->units->len; i++) {
    NpUnit *u = &g_array_index (s->units, NpUnit, i);
    u->spare_lead = hans ? u->lead : u->lead / 2;
    u->spare_trail = hans ? u->trail : u->trail / 2;
  }
  for (guint i = 1; i < s->units->len; i++) {
    NpUnit *a = &g_array_index (s->units, NpUnit, i - 1);
    NpUnit *b = &g_array_index (s->units, NpUnit, i);
    if (i >= 2 && a->space) {
      const NpUnit *before = &g_array_index (s->units, NpUnit, i - 2);
      if (np_latin_kern (s, before, b)) {
        a->kern_self = TRUE; /* the typed space becomes the quarter em */
        a->kern = s->em / 4 - a->width;
        a->spare_trail = s->em / 8;
      } else if (b->gap_before && np_is_word_space (s, before, b)) {
        b->gap_before = NP_WORD_STRETCH;
      }
      continue;
    }
    b->kern = np_latin_kern (s, a, b);
    if (b->kern)
      a->spare_trail = s->em / 8;
    else
      np_pair_kern (a, b);
  }
}

/* The attributes of a paragraph: its font, and emoji sequences set in the
 * colour emoji font, whatever symbol font would cover their first
 * character, so that a sequence (👨‍💻, 1️⃣, 🇨🇳) shapes into one picture;
 * scaled to advance one em like a Han character, so justification and the
 * line grid are not disturbed. */
static PangoAttrList *
np_paragraph_attrs (NpFonts *fonts, const NpFont *font, const char *text)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoFontDescription *desc = np_fonts_describe (fonts, font);
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (desc));
  pango_font_description_free (desc);
  g_autoptr (GArray) spans = np_emoji_spans (text);
  double scale = spans->len ? np_fonts_emoji_scale (fonts) : 1;
  for (guint i = 0; i < spans->len; i++) {
    const NpSpan *span = &g_array_index (spans, NpSpan, i);
    PangoAttribute *family = pango_attr_family_new (np_emoji_family);
    PangoAttribute *size = pango_attr_scale_new (scale);
    family->start_index = size->start_index = span->start;
    family->end_index = size->end_index = span->end;
    pango_attr_list_insert (attrs, family);
    pango_attr_list_insert (attrs, size);
  }
  return attrs;
}

/* Itemises and shapes the whole paragraph once, without a PangoLayout:
 * nothing here needs line extents, whose ink boxes would make Pango decode
 * every colour emoji bitmap just to measure it. */
static void
np_shape_runs (NpShaping *s, const NpFont *font)
{
  PangoContext *context = np_fonts_context (s->fonts);
  int len = (int) strlen (s->text);
  PangoAttrList *attrs = np_paragraph_attrs (s->fonts, font, s->text);
  GList *items = pango_itemize (context, s->text, 0, len, attrs, NULL);
  for (GList *l = items; l; l = l->next) {
    PangoItem *item = l->data;
    PangoGlyphItem *run = g_slice_new0 (PangoGlyphItem);
    run->item = item;
    run->glyphs = pango_glyph_string_new ();
    pango_shape_with_flags (s->text + item->offset, item->length, s->text, len,
                            &item->analysis, run->glyphs, PANGO_SHAPE_NONE);
    g_ptr_array_add (s->runs, run);
  }
  g_list_free (items);
  pango_attr_list_unref (attrs);
}

static void
np_shaping_init (NpShaping *s, NpFonts *fonts, const char *text,
                 const NpFont *font, GArray *missing)
{
  s->text = text;
  s->target = 0;
  s->indented = FALSE;
  s->fonts = fonts;
  s->runs = g_ptr_array_new_with_free_func (
    (GDestroyNotify) pango_glyph_item_free);
  s->units = g_array_new (FALSE, TRUE, sizeof (NpUnit));
  s->em = (int) lround (font->size * PANGO_SCALE);
  np_shape_runs (s, font);

  int n_chars = (int) g_utf8_strlen (text, -1);
  PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, (int) strlen (text), -1,
                       pango_context_get_language (np_fonts_context (fonts)),
                       attrs, n_chars + 1);
  glong char_index = 0;
  const char *char_ptr = text;
  for (guint r = 0; r < s->runs->len; r++) {
    np_collect_missing (g_ptr_array_index (s->runs, r), text, missing);
    np_add_units (s, r, attrs, &char_index, &char_ptr);
  }

  g_free (attrs);
  np_emoji_keep (s);
  np_space_units (s);
  guint n = s->units->len;
  s->prefix = g_new (gint64, n + 1);
  s->kerns = g_new (gint64, n + 1);
  s->spares = g_new (gint64, n + 1);
  s->prefix[0] = s->kerns[0] = s->spares[0] = 0;
  for (guint i = 0; i < n; i++) {
    const NpUnit *u = &g_array_index (s->units, NpUnit, i);
    s->prefix[i + 1] = s->prefix[i] + u->width;
    s->kerns[i + 1] = s->kerns[i] + u->kern;
    s->spares[i + 1] = s->spares[i] + u->spare_lead + u->spare_trail;
  }
}

static void
np_shaping_clear (NpShaping *s)
{
  g_ptr_array_free (s->runs, TRUE);
  g_array_free (s->units, TRUE);
  g_free (s->prefix);
  g_free (s->kerns);
  g_free (s->spares);
}

/* ------------------------------------------------------------ breaking */

#define NP_UNIT(s, i) (&g_array_index ((s)->units, NpUnit, (i)))

/* The end of a line running to unit `b`, less the spaces it ends with. */
static guint
np_trim_end (const NpShaping *s, guint a, guint b)
{
  while (b > a && NP_UNIT (s, b - 1)->space)
    b--;
  return b;
}

/* The gaps of units [a, b) that justification widens, each counted by its
 * share of the slack. */
static guint
np_count_gaps (const NpShaping *s, guint a, guint b)
{
  guint gaps = 0;
  for (guint i = a + 1; i < b; i++)
    gaps += NP_UNIT (s, i)->gap_before;
  return gaps;
}

/* What compression may take inside a line of units [a, end): all but the
 * first unit's lead (trimmed at the line start anyway) and the last unit,
 * whose trailing blank is the end trim. */
static gint64
np_inner_spare (const NpShaping *s, guint a, guint end)
{
  if (end < a + 2)
    return 0;
  return s->spares[end - 1] - s->spares[a] - NP_UNIT (s, a)->spare_lead;
}

/* How a line of units [a, end) measures. */
typedef struct {
  gint64 natural;  /* width with the fixed spacing, Pango units */
  gint64 shrink;   /* what compressing marks could take off */
  int start_trim;  /* blank taken from an opening mark at the line start */
  int start_spare; /* blank such a mark after the indent may give up */
  int end_trim;    /* blank the last mark may give up */
} NpLineSize;

static NpLineSize
np_line_size (const NpShaping *s, guint a, guint end, gboolean first_line)
{
  NpLineSize z = { 0 };
  if (end <= a)
    return z;
  const NpUnit *head = NP_UNIT (s, a), *tail = NP_UNIT (s, end - 1);
  z.natural = s->prefix[end] - s->prefix[a] + s->kerns[end] - s->kerns[a + 1];
  /* An opening bracket starting a line loses its leading blank, so the
   * text edge stays straight.  After the paragraph indent it keeps it,
   * but may give it up as a mark inside the line does (clreq 3.1.6: a
   * paragraph's opening bracket may lose half an em after the indent);
   * a list item's number keeps its own, so its lines stay aligned. */
  if (head->lead > 0 && head->trail == 0) {
    if (!first_line)
      z.start_trim = head->lead;
    else if (s->indented)
      z.start_spare = head->spare_lead;
  }
  z.natural -= z.start_trim;
  /* clreq 3.1.6: a mark ending a line may be set half-width.  A centred
   * mark (zh-Hant) gives up both its quarters: its ink then hangs a
   * quarter em past the measure, as hanging punctuation does. */
  z.end_trim = tail->trail + (tail->trail > 0 ? tail->lead : 0);
  z.shrink = z.end_trim + z.start_spare + np_inner_spare (s, a, end);
  return z;
}

/* Cost of a line of units [a, b): Knuth's demerits, with the badness of
 * a justified line measured as the extra space each gap must take (0.05 em
 * a gap is barely seen; 0.1 em is where a reader starts to notice).  Compressing marks
 * to fit one more character costs less than spacing one out (clreq 3.8:
 * pull a character up rather than push one down). */
/* Where a headline may break: after punctuation or before an opening mark
 * freely, between phrases (before 暨 or the verb of the event, after an
 * organisation's name: src/words.c) cheaply, between Latin and Han at some
 * cost, between two other words dearly.  Inside a word it may not break at
 * all (np_mark_words). */
static double
np_break_penalty (const NpShaping *s, guint b)
{
  const NpUnit *u = NP_UNIT (s, b - 1), *v = NP_UNIT (s, b);
  gunichar before = np_last_char (s->text, u->start, u->end);
  gunichar after = g_utf8_get_char (s->text + v->start);
  if (u->trail > 0 || u->space || np_shape_no_line_end (after))
    return 0;
  if (v->word == NP_WORDS_PHRASE)
    return 3000;
  if (!np_is_han (before) || !np_is_han (after))
    return 6000;
  return 30000;
}

/* A balanced line: all lines near the target length, breaks at phrase
 * boundaries, as few lines as the measure allows. */
static double
np_balanced_cost (const NpShaping *s, guint b, gboolean last,
                  const NpLineSize *z)
{
  double off = (double) (z->natural - s->target) / s->em;
  return 1e6 + 500.0 * off * off + (last ? 0 : np_break_penalty (s, b));
}

/* A paragraph ending on a lone character (孤字) costs as much as a
 * justified line spaced out by 0.16 em between characters: a reader sees
 * the stray line before a loose one, and a typesetter takes a character
 * down from the line before and spaces that line out.  The breaker first
 * tries the cheaper remedies (compressing marks to pull the character up,
 * loosening several lines a little), and goes that far only for a short
 * paragraph with no marks to compress.  A last line of emoji and marks
 * alone, which nothing may be able to join, costs a tenth of that. */
#define NP_RUNT_COST 1e7

static double
np_line_cost (const NpShaping *s, const NpMeasure *m, guint a, guint b,
              gboolean last, int measure)
{
  guint end = np_trim_end (s, a, b);
  NpLineSize z = np_line_size (s, a, end, a == 0);
  double slack = (double) (measure - z.natural) / s->em; /* ems */
  double squeeze = 0;
  if (slack < 0) {
    double need = -slack * s->em;
    if (need > z.shrink)
      return 1e20 * (1.0 - slack); /* overfull: only when nothing fits */
    double ratio = need / z.shrink;
    squeeze = (10.0 + 30.0 * ratio * ratio) * (10.0 + 30.0 * ratio * ratio);
  }
  if (s->target > 0)
    return np_balanced_cost (s, b, last, &z) + squeeze;
  if (slack < 0)
    return squeeze;
  if (last) {
    /* A paragraph should not end on a lone character with its stop (clreq
     * 3.1.9): it looks like a stray line. */
    guint letters = 0;
    for (guint i = a; i < end; i++)
      letters += NP_UNIT (s, i)->letter;
    if (a == 0 || letters > 1)
      return 0.0;
    return letters == 1 ? NP_RUNT_COST : NP_RUNT_COST / 10;
  }
  double badness;
  if (m->align == NP_ALIGN_JUSTIFY) {
    guint gaps = np_count_gaps (s, a, end);
    double per_gap = gaps ? MIN (slack / gaps, 10.0) : (slack > 0.3 ? 10.0 : 0.0);
    badness = 100.0 * pow (per_gap / 0.05, 3);
  } else {
    badness = 100.0 * slack * slack; /* ragged: keep lines even */
  }
  return (10.0 + badness) * (10.0 + badness);
}

/* What ending a ragged line inside a word costs (a table cell, a contents
 * entry): as much as ending it about three ems short, whose badness is
 * (10 + 100 * 3^2)^2; so the line ends at a word boundary up to three
 * characters earlier, and inside the word only when none is that near. */
#define NP_WORD_COST 1e6

static double
np_word_cost (const NpShaping *s, const NpMeasure *m, guint b)
{
  if (!m->words || b >= s->units->len)
    return 0;
  return NP_UNIT (s, b)->word == NP_WORDS_INSIDE ? NP_WORD_COST : 0;
}

/* The measure of a line, in Pango units: the first less the indent, the
 * others less the hang of a list item. */
static int
np_line_measure (int width, int indent, int hang, gboolean first)
{
  return first ? width - indent : width - hang;
}

/* What a line ending in a break the rules forbid costs: more than any
 * line the rules allow, less than one running past the measure. */
#define NP_FORCED_COST 1e16

/* The places a line may end: where the rules allow a break, and, in a
 * stretch without one that is wider than the narrowest line, between any
 * two of its units.  clreq 3.1.7 makes the prohibition rules what line
 * adjustment works within; when no adjustment can meet them (ten thousand
 * 。 in a row, a dash a page long), breaking them is the last resort, and
 * still better than text running off the column.  Sets `forced` for the
 * forced places, and `*longest` to the characters of the longest stretch
 * broken so. */
static GArray *
np_break_candidates (const NpShaping *s, int narrowest, gboolean *forced,
                     guint *longest)
{
  guint n = s->units->len;
  GArray *cands = g_array_new (FALSE, FALSE, sizeof (guint));
  guint a = 0;
  g_array_append_val (cands, a);
  for (guint b = 1; b <= n; b++) {
    if (b < n && !NP_UNIT (s, b)->break_before)
      continue;
    guint end = np_trim_end (s, a, b);
    NpLineSize z = np_line_size (s, a, end, a == 0);
    if (end > a + 1 && z.natural - z.shrink > narrowest) {
      for (guint i = a + 1; i < end; i++) {
        forced[i] = TRUE;
        g_array_append_val (cands, i);
      }
      const NpUnit *first = NP_UNIT (s, a), *last = NP_UNIT (s, end - 1);
      *longest =
        MAX (*longest, (guint) g_utf8_strlen (s->text + first->start,
                                              last->end - first->start));
    }
    g_array_append_val (cands, b);
    a = b;
  }
  return cands;
}

/* Chooses breaks for the whole paragraph (total fit, as Knuth and Plass):
 * best[b] is the cheapest way to set units [0, b).  Returns the line ends;
 * `*forced_run` (may be NULL) is set as np_break_candidates() says. */
static GArray *
np_break_lines (const NpShaping *s, const NpMeasure *m, int width, int indent,
                guint *forced_run)
{
  guint n = s->units->len;
  int hang = (int) lround (m->hang * PANGO_SCALE);
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (guint));
  if (n == 0)
    return ends;

  gboolean *forced = g_new0 (gboolean, n + 1);
  guint longest = 0;
  GArray *cands =
    np_break_candidates (s,
                         MIN (np_line_measure (width, indent, hang, TRUE),
                              np_line_measure (width, indent, hang, FALSE)),
                         forced, &longest);
  if (forced_run)
    *forced_run = longest;

  int widest = MAX (np_line_measure (width, indent, hang, TRUE),
                    np_line_measure (width, indent, hang, FALSE));
  guint nc = cands->len;
  double *best = g_new (double, nc);
  guint *from = g_new (guint, nc);
  best[0] = 0;
  for (guint j = 1; j < nc; j++) {
    guint b = g_array_index (cands, guint, j);
    best[j] = INFINITY;
    from[j] = j - 1;
    for (guint i = j; i-- > 0;) {
      guint a = g_array_index (cands, guint, i);
      int measure = np_line_measure (width, indent, hang, a == 0);
      double c = best[i] + np_line_cost (s, m, a, b, b == n, measure) +
                 (forced[b] ? NP_FORCED_COST : 0) + np_word_cost (s, m, b);
      if (c < best[j]) {
        best[j] = c;
        from[j] = i;
      }
      /* Overfull: earlier starts only make it wider, unless the first
       * line's measure is the wider one (a list item's number hangs the
       * lines after it, not the first). */
      guint end = np_trim_end (s, a, b);
      NpLineSize z = np_line_size (s, a, end, a == 0);
      if (end > a && z.natural - z.shrink > widest)
        break;
    }
  }

  for (guint j = nc - 1; j > 0; j = from[j])
    g_array_prepend_val (ends, g_array_index (cands, guint, j));
  g_free (best);
  g_free (from);
  g_free (forced);
  g_array_free (cands, TRUE);
  return ends;
}

/* ------------------------------------------------------------ lines */

/* A new glyph item holding glyphs [g0, g1) of `run`, which show the text
 * bytes [start, end).  Copies only that slice, so slicing a long paragraph
 * into lines stays linear. */
static PangoGlyphItem *
np_slice_run (const PangoGlyphItem *run, const char *text, int g0, int g1,
              guint start, guint end)
{
  PangoGlyphItem *slice = g_slice_new0 (PangoGlyphItem);
  slice->item = pango_item_copy (run->item);
  slice->item->offset = (int) start;
  slice->item->length = (int) (end - start);
  slice->item->num_chars = (int) g_utf8_strlen (text + start, end - start);
  slice->glyphs = pango_glyph_string_new ();
  pango_glyph_string_set_size (slice->glyphs, g1 - g0);
  int shift = (int) start - run->item->offset;
  for (int g = g0; g < g1; g++) {
    slice->glyphs->glyphs[g - g0] = run->glyphs->glyphs[g];
    slice->glyphs->log_clusters[g - g0] = run->glyphs->log_clusters[g] - shift;
  }
  return slice;
}

/* Spreads `slack` over the gaps of units [a, end), each by its share, by
 * widening the unit before each gap; integer steps are spread so they add
 * up exactly. */
static void
np_justify (const NpShaping *s, guint a, guint end, gint64 slack, int *trail)
{
  guint gaps = np_count_gaps (s, a, end);
  if (gaps == 0 || slack <= 0)
    return;
  guint k = 0;
  for (guint i = a + 1; i < end; i++) {
    if (!NP_UNIT (s, i)->gap_before)
      continue;
    gint64 before = slack * k / gaps;
    k += NP_UNIT (s, i)->gap_before;
    trail[i - 1 - a] += (int) (slack * k / gaps - before);
  }
}

/* What compression may take from unit i of the line starting at unit a:
 * its spare blanks, and for the first unit only what np_line_size()
 * allows an opening mark after the indent. */
static int
np_unit_spare (const NpShaping *s, guint a, guint i, const NpLineSize *z)
{
  const NpUnit *u = NP_UNIT (s, i);
  return u->spare_trail + (i > a ? u->spare_lead : z->start_spare);
}

/* Takes up to `need` from the spare blanks inside the line, in proportion,
 * from the marks that end a sentence or from the others; returns what it
 * took. */
static gint64
np_compress_marks (const NpShaping *s, guint a, guint end, const NpLineSize *z,
                   gint64 need, gboolean stops, int *lead, int *trail)
{
  gint64 total = 0;
  for (guint i = a; i + 1 < end; i++)
    if (NP_UNIT (s, i)->stop == stops)
      total += np_unit_spare (s, a, i, z);
  need = MIN (need, total); /* an overfull line keeps what it cannot lose */
  gint64 taken = 0, seen = 0;
  for (guint i = a; need > 0 && i + 1 < end; i++) {
    const NpUnit *u = NP_UNIT (s, i);
    int spare = np_unit_spare (s, a, i, z);
    if (spare == 0 || u->stop != stops)
      continue;
    seen += spare;
    int cut = (int) (need * seen / total - taken);
    taken += cut;
    int from_trail = MIN (cut, u->spare_trail);
    trail[i - a] -= from_trail;
    lead[i - a] -= cut - from_trail;
  }
  return taken;
}

/* Takes `need` off a line that is too long, in clreq's order of
 * compression: first the last mark's trailing blank, then the spare blanks
 * inside the line (and an opening mark's after the indent) in proportion,
 * and the marks that end a sentence (。？！) last, as they show a longer
 * pause. */
static void
np_compress (const NpShaping *s, guint a, guint end, const NpLineSize *z,
             gint64 need, int *lead, int *trail)
{
  gint64 at_end = MIN (need, (gint64) z->end_trim);
  trail[end - 1 - a] -= (int) at_end;
  need -= at_end;
  need -= np_compress_marks (s, a, end, z, need, FALSE, lead, trail);
  np_compress_marks (s, a, end, z, need, TRUE, lead, trail);
}

/* The per-unit changes of a line: fixed spacing, trims, then compression
 * or justification.  lead[k] moves unit a+k's ink left and narrows it;
 * trail[k] widens (or narrows) it on the right. */
static void
np_adjust_line (const NpShaping *s, const NpMeasure *m, guint a, guint end,
                int measure, gboolean last, int *lead, int *trail)
{
  for (guint i = a + 1; i < end; i++) {
    const NpUnit *u = NP_UNIT (s, i);
    if (u->kern_self)
      lead[i - a] += u->kern;
    else
      trail[i - 1 - a] += u->kern;
  }
  NpLineSize z = np_line_size (s, a, end, a == 0);
  lead[0] -= z.start_trim;
  if (z.natural > measure)
    np_compress (s, a, end, &z, z.natural - measure, lead, trail);
  else if (m->align == NP_ALIGN_JUSTIFY && !last)
    np_justify (s, a, end, measure - z.natural, trail);
}

/* Puts a line's runs, cut in text order, into the order they are seen:
 * the Unicode bidirectional algorithm (UAX #9, rule L2) reverses each run
 * of right-to-left levels, so that a Hebrew or Arabic name in Chinese text
 * reads from right to left, and a number inside it from left to right. */
static void
np_reorder_runs (GPtrArray *runs)
{
  gboolean mixed = FALSE;
  GList *items = NULL;
  for (guint r = runs->len; r-- > 0;) {
    PangoGlyphItem *run = g_ptr_array_index (runs, r);
    mixed |= run->item->analysis.level > 0;
    items = g_list_prepend (items, run->item);
  }
  if (mixed) {
    GList *visual = pango_reorder_items (items);
    gpointer *logical = g_memdup2 (runs->pdata, runs->len * sizeof (gpointer));
    guint k = 0;
    for (GList *l = visual; l; l = l->next, k++)
      for (guint r = 0; r < runs->len; r++) {
        PangoGlyphItem *run = logical[r];
        if (run->item == l->data)
          runs->pdata[k] = run;
      }
    g_free (logical);
    g_list_free (visual);
  }
  g_list_free (items);
}

static NpLine *
np_make_line (const NpShaping *s, const NpMeasure *m, guint a, guint b,
              int measure, gboolean last)
{
  guint end = np_trim_end (s, a, b);
  int *lead = g_new0 (int, end - a + 1);
  int *trail = g_new0 (int, end - a + 1);
  if (end > a)
    np_adjust_line (s, m, a, end, measure, last, lead, trail);

  NpLine *line = g_new0 (NpLine, 1);
  line->runs = g_ptr_array_new_with_free_func (
    (GDestroyNotify) pango_glyph_item_free);
  gint64 width = 0;
  for (guint i = a; i < end;) {
    const NpUnit *u = NP_UNIT (s, i);
    guint j = i; /* units [i, j) of one run make one slice */
    while (j < end && NP_UNIT (s, j)->run == u->run)
      j++;
    const NpUnit *v = NP_UNIT (s, j - 1);
    /* A right-to-left run (Hebrew, Arabic, or text after U+202E) holds its
     * glyphs in visual order, so its logically first unit has the last
     * glyphs: the slice spans from the lowest glyph to the highest. */
    int g0 = MIN (u->glyph0, v->glyph0), g1 = MAX (u->glyph1, v->glyph1);
    PangoGlyphItem *slice = np_slice_run (g_ptr_array_index (s->runs, u->run),
                                          s->text, g0, g1, u->start, v->end);
    PangoGlyphInfo *glyphs = slice->glyphs->glyphs;
    for (guint k = i; k < j; k++) {
      const NpUnit *w = NP_UNIT (s, k);
      glyphs[w->glyph0 - g0].geometry.x_offset += lead[k - a];
      glyphs[w->glyph1 - 1 - g0].geometry.width += lead[k - a] + trail[k - a];
      width += w->width + lead[k - a] + trail[k - a];
    }
    g_ptr_array_add (line->runs, slice);
    i = j;
  }
  g_free (lead);
  g_free (trail);
  np_reorder_runs (line->runs);

  line->start = NP_UNIT (s, a)->start;
  line->end = end > a ? NP_UNIT (s, end - 1)->end : line->start;
  line->width = (double) width / PANGO_SCALE;
  return line;
}

static void
np_line_free (NpLine *line)
{
  g_ptr_array_free (line->runs, TRUE);
  g_free (line);
}

static void
np_place_line (NpLine *line, const NpMeasure *m, gboolean first)
{
  double room = m->width - line->width;
  switch (m->align) {
  case NP_ALIGN_JUSTIFY:
  case NP_ALIGN_LEFT:
    line->x = first ? m->indent : m->hang;
    break;
  case NP_ALIGN_CENTER:
    line->x = room / 2;
    break;
  case NP_ALIGN_RIGHT:
    line->x = room;
    break;
  }
}

/* For a balanced measure: the narrowest width that needs no more lines than
 * the full measure, so a two-line headline breaks near its middle. */
static int
np_balanced_width (const NpShaping *s, const NpMeasure *m, int width,
                   int indent)
{
  g_autoptr (GArray) full = np_break_lines (s, m, width, indent, NULL);
  if (full->len < 2)
    return width;
  int lo = (int) (s->prefix[s->units->len] / full->len), hi = width;
  while (hi - lo > PANGO_SCALE / 4) {
    int mid = lo + (hi - lo) / 2;
    g_autoptr (GArray) ends = np_break_lines (s, m, mid, indent, NULL);
    gboolean fits = ends->len <= full->len;
    for (guint i = 0, a = 0; fits && i < ends->len; i++) {
      guint b = g_array_index (ends, guint, i);
      NpLineSize z = np_line_size (s, a, np_trim_end (s, a, b), a == 0);
      fits = z.natural <= mid;
      a = b;
    }
    if (fits)
      hi = mid;
    else
      lo = mid;
  }
  return hi;
}

/* Headlines and captions break only between words, never inside 年度,
 * 2025年 or 《…》: GB/T 9704-2012 7.3.3 asks that a title broken over
 * lines keep its words whole (回行时，要做到词意完整), while body text may
 * break between any two characters the prohibition rules allow (clreq
 * 3.1.7).  Ragged cells only mark the words, for np_word_cost(). */
static void
np_mark_words (NpShaping *s, const NpMeasure *m)
{
  g_autofree guint8 *at =
    m->balance || m->words ? np_words_breaks (s->text, m->balance) : NULL;
  for (guint i = 0; i < s->units->len; i++) {
    NpUnit *u = NP_UNIT (s, i);
    u->word = at ? at[u->start] : NP_WORDS_BOUNDARY;
    if (m->balance && u->word == NP_WORDS_INSIDE)
      u->break_before = FALSE;
  }
}

/* The breaks of a paragraph; a ragged one that avoids ending inside a
 * word does so only while that takes no more lines: a table row a line
 * taller costs the reader more than a word carried over. */
static GArray *
np_break_words (const NpShaping *s, const NpMeasure *m, int width, int indent,
                guint *forced_run)
{
  GArray *ends = np_break_lines (s, m, width, indent, forced_run);
  if (!m->words || m->balance || ends->len < 2)
    return ends;
  NpMeasure plain = *m;
  plain.words = FALSE;
  GArray *filled = np_break_lines (s, &plain, width, indent, NULL);
  if (filled->len < ends->len) {
    g_array_free (ends, TRUE);
    return filled;
  }
  g_array_free (filled, TRUE);
  return ends;
}

/* clreq and Chinese printing practice mark a character that cannot be set
 * with the geta mark 〓, a deliberate placeholder, not a box of hex digits. */
#define NP_PLACEHOLDER 0x3013

static gboolean
np_is_missing (const GArray *missing, gunichar c)
{
  for (guint i = 0; i < missing->len; i++)
    if (g_array_index (missing, gunichar, i) == c)
      return TRUE;
  return FALSE;
}

/* `text` with each character of `missing` replaced by the placeholder. */
static char *
np_replace_missing (const char *text, const GArray *missing)
{
  GString *out = g_string_new (NULL);
  for (const char *q = text; *q; q = g_utf8_next_char (q)) {
    gunichar c = g_utf8_get_char (q);
    g_string_append_unichar (out, np_is_missing (missing, c) ? NP_PLACEHOLDER
                                                             : c);
  }
  return g_string_free (out, FALSE);
}

NpParagraph *
np_shape_paragraph (NpFonts *fonts, const NpFont *font, const char *text,
                    const NpMeasure *measure)
{
  NpParagraph *p = g_new0 (NpParagraph, 1);
  p->text = g_strdup (text);
  p->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) np_line_free);
  p->font = *font;
  p->width = measure->width;
  p->missing = g_array_new (FALSE, FALSE, sizeof (gunichar));

  NpShaping s;
  np_shaping_init (&s, fonts, p->text, font, p->missing);
  if (p->missing->len > 0) {
    /* Shape again with placeholders; `missing` keeps the originals. */
    np_shaping_clear (&s);
    char *marked = np_replace_missing (p->text, p->missing);
    g_free (p->text);
    p->text = marked;
    g_autoptr (GArray) again = g_array_new (FALSE, FALSE, sizeof (gunichar));
    np_shaping_init (&s, fonts, p->text, font, again);
  }
  np_mark_words (&s, measure);
  s.indented = measure->indent > 0;
  int width = (int) lround (measure->width * PANGO_SCALE);
  int indent = (int) lround (measure->indent * PANGO_SCALE);
  int hang = (int) lround (measure->hang * PANGO_SCALE);
  s.target = measure->balance ? np_balanced_width (&s, measure, width, indent)
                              : 0;
  g_autoptr (GArray) ends =
    np_break_words (&s, measure, width, indent, &p->forced);
  for (guint i = 0, a = 0; i < ends->len; i++) {
    guint b = g_array_index (ends, guint, i);
    int line_measure = np_line_measure (width, indent, hang, a == 0);
    NpLine *line = np_make_line (&s, measure, a, b, line_measure,
                                 i + 1 == ends->len);
    np_place_line (line, measure, a == 0);
    g_ptr_array_add (p->lines, line);
    a = b;
  }
  np_shaping_clear (&s);
  return p;
}

void
np_paragraph_free (NpParagraph *p)
{
  if (!p)
    return;
  g_ptr_array_free (p->lines, TRUE);
  g_array_free (p->missing, TRUE);
  g_free (p->text);
  g_free (p);
}

double
np_paragraph_natural_width (const NpParagraph *p)
{
  double widest = 0;
  for (guint i = 0; i < p->lines->len; i++) {
    const NpLine *line = g_ptr_array_index (p->lines, i);
    widest = MAX (widest, line->width);
  }
  return widest;
}
