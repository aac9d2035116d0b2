/* story.c: document blocks -> shaped elements on the line grid.
 *
 * Contract: np_story_new() decides how each kind of block is set (font
 * role, measure, alignment), shapes it through shape.c, and measures it in
 * whole body lines.  It places nothing: flow.c does.
 */
#include "story.h"

#include <math.h>
#include <string.h>

#define NP_CAPTION_LEADING 1.3
#define NP_TABLE_LEADING 1.4
/* A credit line wider than this part of the column is set a part to a
 * line: flush right and no wider, it reads as a credit. */
#define NP_CREDIT_FULL 0.8
/* Notes of an annotated proof: points, small enough for the margin. */
#define NP_NOTE_SIZE 5.5

typedef struct {
  const NpDocument *doc;
  const GPtrArray *photos; /* the report's photos, or NULL */
  guint figures;  /* figures composed so far */
  const NpStyle *style;
  NpFonts *fonts;
  NpPages *pages;
  GPtrArray *warnings;
  gboolean forced; /* a line was broken where the rules forbid: told once */
  double column;  /* column width, points */
  double pitch;   /* body line pitch, points */
} NpComposer;

/* Drops marks and spaces that would stand before the ellipsis ("，……"). */
static char *
np_cut_before_ellipsis (const char *text, glong chars)
{
  const char *end = g_utf8_offset_to_pointer (text, chars);
  while (end > text) {
    const char *prev = g_utf8_find_prev_char (text, end);
    gunichar ch = g_utf8_get_char (prev);
    if (!g_unichar_ispunct (ch) && !g_unichar_isspace (ch))
      break;
    end = prev;
  }
  g_autofree char *kept = g_strndup (text, end - text);
  /* clreq 3.1.8: the Chinese ellipsis is two … , two ems long. */
  return g_strconcat (kept, "\u2026\u2026", NULL);
}

/* `text`, which `whole` sets in more than `most` lines, cut after the last
 * character that fits with an ellipsis; and a warning that begins with
 * `what` ("headline: too long for the page").  Returns the shorter
 * paragraph. */
static NpParagraph *
np_shorten (NpComposer *c, const NpFont *font, const char *text,
            const NpParagraph *whole, const NpMeasure *measure, guint most,
            const char *what)
{
  /* Characters, not bytes: `whole` may hold 〓 for a missing character. */
  const NpLine *last = g_ptr_array_index (whole->lines, most - 1);
  glong chars = g_utf8_strlen (whole->text, last->end);
  NpParagraph *p = NULL;
  for (; chars >= 0; chars--) {
    g_autofree char *cut = np_cut_before_ellipsis (text, chars);
    np_paragraph_free (p);
    p = np_shape_paragraph (c->fonts, font, cut, measure);
    if (p->lines->len <= most)
      break;
  }
  g_ptr_array_add (c->warnings,
                   g_strdup_printf ("%s (%ld characters): shortened to %u "
                                    "line%s, ending in \u2026\u2026",
                                    what, g_utf8_strlen (text, -1), most,
                                    most > 1 ? "s" : ""));
  return p;
}

/* Shapes `text` in the font of `role` (`weight`: 0 keeps the role's), in
 * at most `most` lines: a longer text is cut (np_shorten()).  Warns of
 * characters no font has and, once, of a line broken by force. */
static const NpParagraph *
np_compose_fitted (NpComposer *c, NpRole role, int weight, const char *text,
                   const NpMeasure *measure, guint source_line, guint most,
                   const char *what)
{
  NpFont font = c->style->font[role];
  if (weight)
    font.weight = weight;
  NpParagraph *p = np_shape_paragraph (c->fonts, &font, text, measure);
  if (p->lines->len > most) {
    NpParagraph *whole = p;
    p = np_shorten (c, &font, text, whole, measure, most, what);
    np_paragraph_free (whole);
  }
  for (guint i = 0; i < p->missing->len; i++) {
    gunichar ch = g_array_index (p->missing, gunichar, i);
    char utf8[8] = { 0 };
    g_unichar_to_utf8 (ch, utf8);
    g_ptr_array_add (c->warnings,
                     g_strdup_printf ("line %u: no font has U+%04X '%s'",
                                      source_line, ch, utf8));
  }
  if (p->forced && !c->forced) {
    c->forced = TRUE;
    g_ptr_array_add (c->warnings,
                     g_strdup_printf ("line %u: no allowed line break in a "
                                      "run of %u characters; broken by force",
                                      source_line, p->forced));
  }
  return np_pages_keep (c->pages, p);
}

static const NpParagraph *
np_compose_text (NpComposer *c, NpRole role, int weight, const char *text,
                 const NpMeasure *measure, guint source_line)
{
  return np_compose_fitted (c, role, weight, text, measure, source_line,
                            G_MAXUINT, NULL);
}

static int
np_lines_for (NpComposer *c, double height)
{
  /* A hair of tolerance so that exact multiples do not round up. */
  return MAX (1, (int) ceil (height / c->pitch - 1e-6));
}

/* Bytes of a list item's number: the digits, circled numbers, brackets
 * and marks it opens with ("1. ", "（1）", "①").  Read here, from the text
 * as the stages after the report left it (punctuation widened, emoji
 * perhaps stripped), not taken from the report stage. */
static gsize
np_label_length (const char *text)
{
  const char *p = text;
  while (*p) {
    gunichar c = g_utf8_get_char (p);
    if (!(g_unichar_isdigit (c) || g_unichar_isspace (c)
          || (c >= 0x2460 && c <= 0x249B) /* ① … ⒛ */
          || g_utf8_strchr (".．、)）(（", -1, c)))
      break;
    p = g_utf8_next_char (p);
  }
  return p - text;
}

/* How wide a list item's number is, so that the lines after the first
 * hang clear of it. */
static double
np_label_width (NpComposer *c, const NpBlock *block, const NpFont *font)
{
  g_autofree char *label = g_strndup (block->text,
                                      np_label_length (block->text));
  if (!*label)
    return 0;
  NpMeasure natural = { .width = c->column, .align = NP_ALIGN_LEFT };
  g_autoptr (NpParagraph) p = np_shape_paragraph (c->fonts, font, label,
                                                  &natural);
  /* a number wider than three characters is no hanging label */
  return MIN (np_paragraph_natural_width (p), 3 * font->size);
}

static NpElement
np_compose_paragraph (NpComposer *c, const NpBlock *block)
{
  const NpStyle *st = c->style;
  NpMeasure m = { .width = c->column, .align = NP_ALIGN_JUSTIFY };
  NpRole role = NP_ROLE_BODY;
  switch (block->kind) {
  case NP_BLOCK_LEAD:
    role = NP_ROLE_LEAD;
    break;
  case NP_BLOCK_HEADING:
    role = NP_ROLE_HEADING;
    m.align = NP_ALIGN_LEFT;
    break;
  case NP_BLOCK_CREDIT:
  case NP_BLOCK_SIGNATURE:
    role = NP_ROLE_CREDIT;
    m.align = NP_ALIGN_RIGHT;
    break;
  default:
    break;
  }
  if (block->kind == NP_BLOCK_ITEM)
    m.hang = np_label_width (c, block, &st->font[role]);
  else if (m.align == NP_ALIGN_JUSTIFY)
    m.indent = st->indent * st->font[role].size;
  NpElement e = { .kind = NP_ELEMENT_TEXT, .block = block->kind };
  e.text = np_compose_text (c, role, 0, block->text, &m, block->line);
  e.lines = (int) e.text->lines->len;
  if (block->kind == NP_BLOCK_HEADING)
    e.label = g_strdup (block->text);
  return e;
}

static const NpPhoto *
np_figure_photo (NpComposer *c)
{
  const GPtrArray *photos = c->photos;
  guint i = c->figures++;
  return photos && i < photos->len ? g_ptr_array_index (photos, i) : NULL;
}

/* A photo keeps its proportions: as wide as the column, unless that makes
 * it higher than the layout allows; then narrower.  Printed below 150 dpi
 * it would look soft: say so. */
static void
np_fit_photo (NpComposer *c, NpElement *e, double width, guint line)
{
  const NpPhoto *photo = e->photo;
  double aspect = (double) photo->height / photo->width;
  e->frame_width = width;
  e->frame_height = width * aspect;
  if (e->frame_height > c->style->frame_max_height) {
    e->frame_height = c->style->frame_max_height;
    e->frame_width = e->frame_height / aspect;
  }
  double dpi = photo->width / (e->frame_width / 72.0);
  if (dpi < 150) {
    g_autofree char *name = g_path_get_basename (photo->path);
    g_ptr_array_add (c->warnings,
                     g_strdup_printf ("line %u: photo %s prints at %.0f dpi "
                                      "(below 150)", line, name, dpi));
  }
}

guint
np_story_count_figures (const NpDocument *doc)
{
  guint n = 0;
  for (guint i = 0; i < doc->blocks->len; i++)
    n += ((const NpBlock *) g_ptr_array_index (doc->blocks, i))->kind ==
         NP_BLOCK_CAPTION;
  return n;
}

/* A photo frame of the column's width with its caption centred below. */
/* Whether the layout wants this caption's figure across all columns: the
 * caption holds one of the words of [frame] span. */
static gboolean
np_spans (const NpStyle *style, const char *caption)
{
  g_auto (GStrv) words = g_strsplit (style->frame_span, ";", -1);
  for (char **w = words; *w; w++) {
    g_strstrip (*w);
    if (**w && strstr (caption, *w))
      return TRUE;
  }
  return FALSE;
}

/* Lines of a photo credit at most: a name, perhaps with its agency. */
#define NP_CREDIT_LINES 2

/* A figure is never split, so its caption and credit take at most what a
 * column holds under the frame, less a line of air above and below;
 * longer ones are cut with an ellipsis and a warning. */
static NpElement
np_compose_figure (NpComposer *c, const NpBlock *block)
{
  const NpStyle *st = c->style;
  const NpFont *font = &st->font[NP_ROLE_CAPTION];
  NpElement e = { .kind = NP_ELEMENT_FIGURE, .block = block->kind };
  e.span = st->columns > 1 && np_spans (st, block->text);
  double width = e.span ? np_style_text_width (st) : c->column;
  e.frame_width = width;
  e.frame_height = MIN (width * st->frame_aspect, st->frame_max_height);
  e.photo = np_figure_photo (c);
  if (e.photo)
    np_fit_photo (c, &e, width, block->line);
  /* The frame's top meets the em box top of a body line in the same slot. */
  e.inset = (c->pitch - st->font[NP_ROLE_BODY].size) / 2;
  e.text_pitch = font->size * NP_CAPTION_LEADING;
  /* Its height in grid lines depends on how the frame is scaled: flow.c
   * measures it. */

  double column = st->page_height - st->margin_top - st->margin_bottom;
  int room = (int) floor ((column - e.inset - e.frame_height - 2 * c->pitch) /
                          e.text_pitch);
  g_autofree char *what =
    g_strdup_printf ("line %u: caption too long for a column", block->line);
  if (block->credit) {
    /* the photographer's name, small, flush right under the caption */
    NpMeasure right = { .width = width, .align = NP_ALIGN_RIGHT };
    e.credit = np_compose_fitted (c, NP_ROLE_PHOTO_CREDIT, 0, block->credit,
                                  &right, block->line, NP_CREDIT_LINES, what);
    room -= (int) e.credit->lines->len;
  }
  NpMeasure m = { .width = width, .align = NP_ALIGN_CENTER, .balance = TRUE };
  e.text = np_compose_fitted (c, NP_ROLE_CAPTION, 0, block->text, &m,
                              block->line, (guint) MAX (1, room), what);
  return e;
}

/* Horizontal padding of a cell; a third of it above and below the text
 * keeps a one-line row within one grid line. */
static double
np_cell_padding (const NpComposer *c)
{
  return 0.5 * c->style->font[NP_ROLE_TABLE].size;
}

/* Of a units table's width after the serial numbers, the most its names
 * take when other columns follow (the project each unit signed). */
#define NP_NAME_SHARE 0.72
/* Air after the longest name, in ems, beyond the cell's padding: the
 * name and the cell after it read as two, not one line, to a reader's
 * tools too. */
#define NP_NAME_AIR 0.8

/* The natural width on one line of cell `k` of each row (0 where a row
 * has no such cell), padding excluded: each cell shaped once. */
static double *
np_column_naturals (NpComposer *c, const NpBlock *block, guint k)
{
  NpMeasure natural = { .width = c->column, .align = NP_ALIGN_LEFT };
  double *w = g_new0 (double, MAX (block->rows->len, 1));
  for (guint r = 0; r < block->rows->len; r++) {
    char **cells = g_ptr_array_index (block->rows, r);
    gboolean has = TRUE;
    for (guint j = 0; j <= k && has; j++)
      has = cells[j] != NULL;
    if (!has)
      continue;
    NpParagraph *p = np_shape_paragraph (c->fonts, &c->style->font[NP_ROLE_TABLE],
                                         cells[k], &natural);
    w[r] = np_paragraph_natural_width (p);
    np_paragraph_free (p);
  }
  return w;
}

/* The widest of `w` over rows [from, rows). */
static double
np_widest (const double *w, guint from, guint rows)
{
  double most = 0;
  for (guint r = from; r < rows; r++)
    most = MAX (most, w[r]);
  return most;
}

/* Where a two-column table of long cells (speaker, title; their natural
 * widths `a` and `b`) parts its columns: the split, from a quarter to
 * three fifths of the column, that gives the fewest lines in all, each
 * row as high as its taller cell; of equal ones the one nearest
 * `preferred`. */
static double
np_balanced_split (const NpComposer *c, guint rows, const double *a,
                   const double *b, double preferred)
{
  double pad = np_cell_padding (c), best = preferred;
  double best_lines = G_MAXDOUBLE;
  for (double f = 0.25; f <= 0.6 + 1e-9; f += 0.025) {
    double w0 = f * c->column - 2 * pad, w1 = (1 - f) * c->column - 2 * pad;
    double lines = 0;
    for (guint r = 0; r < rows; r++)
      lines += MAX (ceil (a[r] / w0 - 1e-6), ceil (b[r] / w1 - 1e-6));
    double x = f * c->column;
    if (lines < best_lines - 1e-9
        || (lines < best_lines + 1e-9
            && fabs (x - preferred) < fabs (best - preferred))) {
      best_lines = lines;
      best = x;
    }
  }
  return best;
}

/* Widths of the table's columns: the first (serial number or speaker) as
 * wide as its widest cell but at most `first_max` of the column; a
 * keynote table's two columns balanced; a unit's name, what the table is
 * for, given the width to stand on one line (up to NP_NAME_SHARE of what
 * the serial numbers leave) when other columns follow; the columns after
 * share what is left as their longest cells ask. */
static GArray *
np_table_edges (NpComposer *c, const NpBlock *block, double first_max)
{
  guint n = g_strv_length (g_ptr_array_index (block->rows, 0));
  guint rows = block->rows->len;
  double pad = np_cell_padding (c);
  double size = c->style->font[NP_ROLE_TABLE].size;
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (double));
  double x = 0;
  g_array_append_val (edges, x);
  if (block->kind == NP_BLOCK_UNITS) {
    /* Serial numbers: four ems hold the header 序號 and up to four
     * digits, all centred, with the same air before every name. */
    x = MIN (4 * size + 0.5, c->column * first_max);
  } else {
    g_autofree double *a = np_column_naturals (c, block, 0);
    x = MIN (np_widest (a, 0, rows) + 2 * pad + 0.5, c->column * first_max);
    if (block->kind == NP_BLOCK_KEYNOTES && n == 2) {
      g_autofree double *b = np_column_naturals (c, block, 1);
      x = np_balanced_split (c, rows, a, b, x);
    }
  }
  if (n > 1)
    g_array_append_val (edges, x);
  guint from = 1;
  if (block->kind == NP_BLOCK_UNITS && n > 2) {
    g_autofree double *names = np_column_naturals (c, block, 1);
    double name = np_widest (names, 1, rows) + 2 * pad + NP_NAME_AIR * size;
    x += MIN (name, NP_NAME_SHARE * (c->column - x));
    g_array_append_val (edges, x);
    from = 2;
  }
  g_autofree double *want = g_new0 (double, MAX (n, 1));
  for (guint r = 0; r < rows; r++) {
    char **cells = g_ptr_array_index (block->rows, r);
    for (guint k = 1; k < n && cells[k - 1] && cells[k]; k++)
      want[k] = MAX (want[k], (double) g_utf8_strlen (cells[k], -1));
  }
  double rest = x, total = 0;
  for (guint k = from; k < n; k++)
    total += want[k] = MAX (want[k], 4);
  for (guint k = from; k + 1 < n; k++) {
    x += (c->column - rest) * want[k] / total;
    g_array_append_val (edges, x);
  }
  x = c->column;
  g_array_append_val (edges, x);
  return edges;
}

/* A row at most `room` grid lines high: a cell longer than that would run
 * off the foot of every column (tables split only between rows), so it is
 * cut with an ellipsis and a warning. */
static NpRow
np_compose_row (NpComposer *c, const NpBlock *block, char **cells,
                const GArray *edges, gboolean header, double text_pitch,
                int room)
{
  double pad = np_cell_padding (c);
  NpRow row = { .cells = g_ptr_array_new () };
  guint most = 1;
  guint cell_lines = (guint) MAX (
    1, floor ((room * c->pitch - 2 * pad / 3) / text_pitch + 1e-6));
  g_autofree char *what =
    g_strdup_printf ("line %u: table cell too long for a column", block->line);
  for (guint i = 0; cells[i] && i + 1 < edges->len; i++) {
    double w = g_array_index (edges, double, i + 1) -
               g_array_index (edges, double, i);
    /* Serial numbers and headers are centred, names read from the left. */
    gboolean centre = header || (block->kind == NP_BLOCK_UNITS && i == 0);
    NpMeasure m = { .width = w - 2 * pad,
                    .align = centre ? NP_ALIGN_CENTER : NP_ALIGN_LEFT,
                    .words = TRUE };
    const NpParagraph *p =
      np_compose_fitted (c, NP_ROLE_TABLE, header ? 700 : 0, cells[i], &m,
                         block->line, cell_lines, what);
    g_ptr_array_add (row.cells, (gpointer) p);
    most = MAX (most, p->lines->len);
  }
  row.lines = np_lines_for (c, most * text_pitch + 2 * pad / 3);
  return row;
}

/* A credit too long for one line of the column (供稿：甲学院 | 编辑：乙 |
 * 审核：丙) is set one part to a line, each flush right, rather than
 * wrapped in the middle of a name: parts before the last go into
 * `elements`, the last is returned. */
static NpElement
np_compose_credit (NpComposer *c, const NpBlock *block, GArray *elements)
{
  NpElement whole = np_compose_paragraph (c, block);
  /* a line as wide as the column would read as body text, not a credit;
   * a bracketed credit so long keeps its brackets on its first and last
   * parts */
  gboolean full = whole.lines > 1
                  || np_paragraph_natural_width (whole.text)
                       > NP_CREDIT_FULL * c->column;
  if (!full)
    return whole;
  g_auto (GStrv) parts = g_regex_split_simple (
    "\\s*[|｜丨│\\t]\\s*| {2,}|\u3000+", block->text, 0, 0);
  if (g_strv_length (parts) < 2)
    return whole;
  NpBlock part = *block;
  NpElement e = whole;
  gboolean any = FALSE;
  for (guint i = 0; parts[i]; i++) {
    if (!*g_strstrip (parts[i]))
      continue;
    if (any)
      g_array_append_val (elements, e);
    part.text = parts[i];
    e = np_compose_paragraph (c, &part);
    any = TRUE;
  }
  return e;
}

/* A table's own name (理事单位), set as a small head over it; the head
 * keeps the table's first rows with it. */
static NpElement
np_compose_table_title (NpComposer *c, const NpBlock *block)
{
  NpMeasure m = { .width = c->column, .align = NP_ALIGN_LEFT };
  NpElement e = { .kind = NP_ELEMENT_TEXT, .block = NP_BLOCK_HEADING };
  e.text = np_compose_text (c, NP_ROLE_HEADING, 0, block->title, &m,
                            block->line);
  e.lines = (int) e.text->lines->len;
  return e;
}

static NpElement
np_compose_table (NpComposer *c, const NpBlock *block)
{
  gboolean hans = c->doc->script == NP_SCRIPT_HANS;
  NpElement e = { .kind = NP_ELEMENT_TABLE, .block = block->kind };
  if (block->title)
    e.label = g_strdup (block->title);
  else if (block->kind == NP_BLOCK_UNITS)
    e.label = g_strdup (hans ? "签约单位" : "簽約單位");
  else
    e.label = g_strdup (hans ? "主旨报告" : "主旨報告");
  e.text_pitch = c->style->font[NP_ROLE_TABLE].size * NP_TABLE_LEADING;
  e.edges = np_table_edges (c, block,
                            block->kind == NP_BLOCK_UNITS ? 0.25 : 0.42);
  e.rows = g_array_new (FALSE, FALSE, sizeof (NpRow));
  /* A column holds the header, a line of air and at least one row. */
  const NpStyle *st = c->style;
  int column = (int) floor (
    (st->page_height - st->margin_top - st->margin_bottom) / c->pitch + 1e-6);
  for (guint r = 0; r < block->rows->len; r++) {
    int room = r == 0
                 ? MAX (1, column / 3)
                 : MAX (1, column - 1 - g_array_index (e.rows, NpRow, 0).lines);
    NpRow row = np_compose_row (c, block, g_ptr_array_index (block->rows, r),
                                e.edges, r == 0, e.text_pitch, room);
    g_array_append_val (e.rows, row);
  }
  return e;
}

/* Ideographic spaces: the separator of a Chinese issue line. */
#define NP_ISSUE_SEPARATOR "\u3000\u3000"


static void
np_head_free (NpHead *head)
{
  g_free (head->section_title);
  g_free (head);
}

/* A part of the page 1 head and how much of the page it may take: all
 * together at most 0.7 of the text area, so that page 1 keeps room for the
 * story's first lines, and no part more lines than a reader takes in at a
 * glance.  A headline of twenty lines is a paragraph read as a headline,
 * or a pasted --title. */
typedef struct {
  const char *name; /* for the warning */
  NpRole role;
  double leading; /* line pitch, times the font size */
  double share;   /* of the text area's height, at most */
  guint lines;    /* at most, however tall the page */
} NpHeadPart;

static const NpHeadPart np_masthead_part = { "masthead", NP_ROLE_MASTHEAD,
                                             NP_MASTHEAD_LEADING, 0.12, 2 };
static const NpHeadPart np_meta_part = { "issue and date line", NP_ROLE_META,
                                         NP_META_LEADING, 0.08, 2 };
static const NpHeadPart np_kicker_part = { "kicker", NP_ROLE_SUBTITLE,
                                           NP_KICKER_LEADING, 0.08, 3 };
static const NpHeadPart np_headline_part = { "headline", NP_ROLE_HEADLINE,
                                             NP_HEADLINE_LEADING, 0.24, 4 };
static const NpHeadPart np_subtitle_part = { "subtitle", NP_ROLE_SUBTITLE,
                                             NP_SUBTITLE_LEADING, 0.10, 3 };
static const NpHeadPart np_byline_part = { "byline", NP_ROLE_META,
                                           NP_BYLINE_LEADING, 0.08, 3 };

/* A head part: whole when it fits its share of the page, else cut to
 * that many lines, with a warning. */
static const NpParagraph *
np_compose_head_part (NpComposer *c, const NpHeadPart *part, const char *text,
                      const NpMeasure *measure)
{
  const NpStyle *st = c->style;
  const NpFont *font = &st->font[part->role];
  double area = st->page_height - st->margin_top - st->margin_bottom;
  guint most =
    (guint) MAX (1, MIN (part->lines, floor (part->share * area /
                                             (font->size * part->leading))));
  g_autofree char *what =
    g_strdup_printf ("%s: too long for the page", part->name);
  return np_compose_fitted (c, part->role, 0, text, measure, 1, most, what);
}

static NpComposer
np_composer (const NpSetting *set, const NpDocument *doc)
{
  return (NpComposer) { .doc = doc, .style = set->style, .fonts = set->fonts,
                        .pages = set->pages, .warnings = set->warnings,
                        .column = np_style_column_width (set->style),
                        .pitch = np_style_pitch (set->style) };
}

/* A head part for a text that may be absent or empty: NULL then. */
static const NpParagraph *
np_compose_given_part (NpComposer *c, const NpHeadPart *part,
                       const char *text, const NpMeasure *measure)
{
  return text && *text ? np_compose_head_part (c, part, text, measure)
                       : NULL;
}

/* The issue line: on one centred line, or (GB/T 9704-2012 7.2: the
 * number under the masthead, then the issuer at the left and the date at
 * the right, each one character in from the edge) split. */
static void
np_compose_meta (NpComposer *c, NpStory *story, const NpHeadText *head)
{
  const NpStyle *st = c->style;
  double width = np_style_text_width (st);
  NpMeasure centred = { .width = width, .align = NP_ALIGN_CENTER,
                        .balance = TRUE };
  if (st->meta_form == NP_META_SPLIT) {
    const char *number[] = { head->number, head->serial };
    g_autofree char *line = np_text_join (number, 2, NP_ISSUE_SEPARATOR);
    if (line)
      story->meta = np_compose_head_part (c, &np_meta_part, line, &centred);
    double em = st->font[NP_ROLE_META].size;
    NpMeasure left = { .width = width / 2 - em, .indent = em,
                       .align = NP_ALIGN_LEFT };
    NpMeasure right = { .width = width / 2 - em, .align = NP_ALIGN_RIGHT };
    if (head->publisher && *head->publisher)
      story->meta_left = np_compose_fitted (c, NP_ROLE_META, 0,
                                            head->publisher, &left, 1, 1,
                                            "publisher: too long for the "
                                            "page");
    if (head->date && *head->date)
      story->meta_right = np_compose_fitted (c, NP_ROLE_META, 0, head->date,
                                             &right, 1, 1,
                                             "date: too long for the page");
    return;
  }
  const char *parts[] = { head->number, head->serial, head->date,
                          head->publisher };
  g_autofree char *line =
    np_text_join (parts, G_N_ELEMENTS (parts), NP_ISSUE_SEPARATOR);
  if (line)
    story->meta = np_compose_head_part (c, &np_meta_part, line, &centred);
}

/* The page 1 head: masthead, the issue line, the headline. */
static void
np_compose_head (NpComposer *c, NpStory *story, const NpHeadText *head,
                 NpScript script)
{
  const NpStyle *st = c->style;
  NpMeasure centred = { .width = np_style_text_width (st),
                        .align = NP_ALIGN_CENTER, .balance = TRUE };
  const char *masthead = head->masthead ? head->masthead
                                        : np_style_masthead (st, script);
  if (masthead && *masthead)
    story->masthead =
      np_compose_head_part (c, &np_masthead_part, masthead, &centred);
  np_compose_meta (c, story, head);
  story->headline =
    np_compose_given_part (c, &np_headline_part, head->headline, &centred);
  story->subtitle =
    np_compose_given_part (c, &np_subtitle_part, head->subtitle, &centred);
  story->kicker =
    np_compose_given_part (c, &np_kicker_part, head->kicker, &centred);
  story->byline =
    np_compose_given_part (c, &np_byline_part, head->byline, &centred);
}

NpStory *
np_story_new_head (const NpHeadText *head, NpScript script,
                   const NpSetting *set)
{
  NpComposer c = np_composer (set, NULL);
  NpStory *story = g_new0 (NpStory, 1);
  story->elements = g_array_new (FALSE, TRUE, sizeof (NpElement));
  story->contents = g_array_new (FALSE, TRUE, sizeof (NpContentsEntry));
  story->colophon = g_array_new (FALSE, TRUE, sizeof (NpColophonRow));
  story->heads = g_ptr_array_new_with_free_func ((GDestroyNotify) np_head_free);
  story->colophon_form = set->style->colophon;
  story->contents_font = set->style->font[NP_ROLE_CONTENTS];
  np_compose_head (&c, story, head, script);
  story->footer = np_style_footer (set->style, script);
  return story;
}

/* A part of an article's head, or NULL for an empty text; the head
 * grows by its lines. */
static const NpParagraph *
np_head_part (NpComposer *c, NpHead *h, const NpHeadPart *part,
              const char *text, const NpMeasure *measure)
{
  const NpParagraph *p = np_compose_given_part (c, part, text, measure);
  if (p)
    h->height += p->lines->len * p->font.size * part->leading;
  return p;
}

/* An article's head in an issue, over the column or across the text
 * width: the parts centred and balanced like page 1's headline. */
static NpHead *
np_compose_article_head (NpComposer *c, const char *section, double width)
{
  const NpDocument *doc = c->doc;
  NpHead *h = g_new0 (NpHead, 1);
  NpMeasure centred = { .width = width, .align = NP_ALIGN_CENTER,
                        .balance = TRUE };
  if (section && *section) {
    NpMeasure label = { .width = width, .align = NP_ALIGN_LEFT };
    h->section = np_compose_fitted (c, NP_ROLE_SECTION, 0, section, &label,
                                    1, 1, "section: too long for a column");
    h->section_title = g_strdup (section);
    h->height += h->section->font.size * NP_SECTION_LEADING;
  }
  h->kicker = np_head_part (c, h, &np_kicker_part, doc->kicker, &centred);
  h->headline =
    np_head_part (c, h, &np_headline_part, doc->headline, &centred);
  h->subtitle =
    np_head_part (c, h, &np_subtitle_part, doc->subtitle, &centred);
  h->byline = np_head_part (c, h, &np_byline_part, doc->byline, &centred);
  return h;
}

static void
np_add_blocks (NpComposer *c, NpStory *story, guint article, guint level)
{
  const NpDocument *doc = c->doc;
  for (guint i = 0; i < doc->blocks->len; i++) {
    const NpBlock *block = g_ptr_array_index (doc->blocks, i);
    NpElement e;
    switch (block->kind) {
    case NP_BLOCK_CAPTION:
      e = np_compose_figure (c, block);
      break;
    case NP_BLOCK_KEYNOTES:
    case NP_BLOCK_UNITS:
      if (block->title) {
        NpElement title = np_compose_table_title (c, block);
        title.article = article;
        title.level = level;
        g_array_append_val (story->elements, title);
      }
      e = np_compose_table (c, block);
      break;
    case NP_BLOCK_CREDIT:
      e = np_compose_credit (c, block, story->elements);
      break;
    default:
      e = np_compose_paragraph (c, block);
      break;
    }
    e.rule = block->rule;
    e.article = article;
    e.level = level;
    g_array_append_val (story->elements, e);
  }
}

/* Body lines the elements from `first` on take, figures and tables
 * counted at their least. */
static int
np_count_lines (const NpStory *story, guint first, double pitch)
{
  int lines = 0;
  for (guint i = first; i < story->elements->len; i++) {
    const NpElement *e = &g_array_index (story->elements, NpElement, i);
    if (e->kind == NP_ELEMENT_FIGURE)
      lines += (int) ceil (e->frame_height / pitch) + 1;
    else if (e->kind == NP_ELEMENT_TABLE)
      for (guint r = 0; r < e->rows->len; r++)
        lines += g_array_index (e->rows, NpRow, r).lines;
    else
      lines += e->lines;
  }
  return lines;
}

void
np_story_add_report (NpStory *story, const NpDocument *doc, guint article,
                     gboolean own_head, const char *section,
                     gboolean in_section, const GPtrArray *photos,
                     const NpSetting *set)
{
  NpComposer c = np_composer (set, doc);
  c.photos = photos;
  guint first = story->elements->len;
  /* In an issue, an article's own entries go under its headline's. */
  guint level = own_head ? (in_section ? 2 : 1) : 0;
  np_add_blocks (&c, story, article, level);
  if (!own_head)
    return;
  /* A long article's headline goes across all columns, a short one's
   * over its column (the layout's [issue] span-lines). */
  const NpStyle *st = set->style;
  int lines = np_count_lines (story, first, c.pitch);
  gboolean span = st->columns == 1 || st->span_lines == 0 ||
                  lines >= st->span_lines;
  NpHead *head = np_compose_article_head (
    &c, section, span ? np_style_text_width (st) : c.column);
  g_ptr_array_add (story->heads, head);
  NpElement e = { .kind = NP_ELEMENT_HEAD, .block = NP_BLOCK_HEADING,
                  .head = head, .span = span, .article = article,
                  .level = in_section ? 1 : 0,
                  .rule = doc->headline_rule };
  /* a little air between the head and the text under it */
  e.lines = np_lines_for (&c, head->height + 0.4 * c.pitch);
  if (doc->headline)
    e.label = g_strdup (doc->headline);
  g_array_insert_val (story->elements, first, e);
}

void
np_story_add_contents (NpStory *story, const char *title,
                       const NpSetting *set)
{
  NpComposer c = np_composer (set, NULL);
  const NpStyle *st = set->style;
  NpMeasure m = { .width = np_style_text_width (st) - 2 * NP_BOX_PAD,
                  .align = NP_ALIGN_LEFT };
  story->contents_title = np_compose_fitted (&c,
                                             NP_ROLE_CONTENTS, 700, title, &m,
                                             1, 1, "contents: title too long");
}

/* Room for the page number at the right of a contents entry, in ems. */
#define NP_CONTENTS_NUMBER 3

void
np_story_add_contents_entry (NpStory *story, const char *section,
                             const char *headline, guint article,
                             const NpSetting *set)
{
  NpComposer c = np_composer (set, NULL);
  const NpStyle *st = set->style;
  double size = st->font[NP_ROLE_CONTENTS].size;
  NpMeasure m = { .width = np_style_text_width (st) - 2 * NP_BOX_PAD -
                           NP_CONTENTS_NUMBER * size,
                  .hang = 0,
                  .align = NP_ALIGN_LEFT,
                  .words = TRUE };
  /* 【要闻】 before the headline, as contents lists print sections. */
  g_autofree char *text =
    section && *section ? g_strdup_printf ("\u3010%s\u3011%s", section,
                                           headline ? headline : "")
                        : g_strdup (headline ? headline : "");
  NpContentsEntry entry = {
    np_compose_fitted (&c, NP_ROLE_CONTENTS, 0, text, &m, 1, 2,
                       "contents: a headline too long for two lines"),
    article
  };
  g_array_append_val (story->contents, entry);
}

void
np_story_set_running_head (NpStory *story, const char *text,
                           const NpSetting *set)
{
  NpComposer c = np_composer (set, NULL);
  NpMeasure m = { .width = np_style_text_width (set->style),
                  .align = NP_ALIGN_LEFT };
  story->running = np_compose_fitted (&c, NP_ROLE_FOOTER, 0, text, &m, 1, 1,
                                      "running head: too long for the page");
}

void
np_story_add_colophon_row (NpStory *story, const char *left,
                           const char *right, const NpSetting *set)
{
  NpComposer c = np_composer (set, NULL);
  const NpStyle *st = set->style;
  double size = st->font[NP_ROLE_CONTENTS].size;
  /* GB/T 9704-2012 7.4: the imprint's lines stand one character in from
   * either edge. */
  double width = np_style_text_width (st) - 2 * NP_BOX_PAD;
  NpMeasure l = { .width = right ? width / 2 : width, .align = NP_ALIGN_LEFT,
                  .hang = 3 * size };
  NpMeasure r = { .width = width / 2, .align = NP_ALIGN_RIGHT };
  NpColophonRow row = { 0 };
  if (left)
    row.left = np_compose_fitted (&c, NP_ROLE_CONTENTS, 0, left, &l, 1, 3,
                                  "colophon: a line too long");
  if (right)
    row.right = np_compose_fitted (&c, NP_ROLE_CONTENTS, 0, right, &r, 1, 1,
                                   "colophon: a line too long");
  story->colophon_pitch = size * NP_COLOPHON_LEADING;
  g_array_append_val (story->colophon, row);
}

NpStory *
np_story_new (const NpDocument *doc, const NpStyle *style, NpFonts *fonts,
              NpPages *pages, GPtrArray *warnings)
{
  NpSetting set = { style, fonts, pages, warnings };
  NpHeadText head = { .masthead = doc->masthead, .number = doc->issue,
                      .date = doc->date, .publisher = doc->publisher,
                      .kicker = doc->kicker, .headline = doc->headline,
                      .subtitle = doc->subtitle, .byline = doc->byline };
  NpStory *story = np_story_new_head (&head, doc->script, &set);
  np_story_add_report (story, doc, 0, FALSE, NULL, FALSE, pages->photos,
                       &set);
  return story;
}

/* "caption: ▲ mark" as a note reads "caption · ▲ mark". */
static char *
np_note_text (const char *rule)
{
  GString *s = g_string_new (rule);
  g_string_replace (s, ": ", " · ", 1);
  return g_string_free (s, FALSE);
}

void
np_story_annotate (NpStory *story, const NpDocument *doc,
                   const NpStyle *style, NpFonts *fonts, NpPages *pages)
{
  NpFont font = style->font[NP_ROLE_FOOTER];
  font.size = NP_NOTE_SIZE;
  font.color = (NpColor) { 0.8, 0.1, 0.1 };
  /* as wide as the narrower outer margin allows, less a gap */
  double width = MIN (style->margin_inner, style->margin_outer) - NP_NOTE_GAP;
  NpMeasure m = { .width = MAX (width, 4 * font.size), .align = NP_ALIGN_LEFT };
  for (guint i = 0; i < story->elements->len; i++) {
    NpElement *e = &g_array_index (story->elements, NpElement, i);
    if (!e->rule)
      continue;
    g_autofree char *text = np_note_text (e->rule);
    e->note = np_pages_keep (pages, np_shape_paragraph (fonts, &font, text,
                                                        &m));
  }
  if (story->headline && doc->headline_rule) {
    g_autofree char *text = np_note_text (doc->headline_rule);
    story->headline_note = np_pages_keep (
      pages, np_shape_paragraph (fonts, &font, text, &m));
  }
}

void
np_story_free (NpStory *story)
{
  if (!story)
    return;
  for (guint i = 0; i < story->elements->len; i++) {
    NpElement *e = &g_array_index (story->elements, NpElement, i);
    if (e->rows) {
      for (guint r = 0; r < e->rows->len; r++)
        g_ptr_array_free (g_array_index (e->rows, NpRow, r).cells, TRUE);
      g_array_free (e->rows, TRUE);
    }
    if (e->edges)
      g_array_free (e->edges, TRUE);
    g_free (e->label);
  }
  g_array_free (story->elements, TRUE);
  g_array_free (story->contents, TRUE);
  g_array_free (story->colophon, TRUE);
  g_ptr_array_free (story->heads, TRUE);
  g_free (story);
}
