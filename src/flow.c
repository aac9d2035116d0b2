/* flow.c: lines, figures, tables -> columns -> pages.
 *
 * Contract: np_flow() positions the elements of a story in columns, page
 * after page, on one baseline grid, and adds the page furniture (page 1
 * head, footers, running heads, the colophon, the contents box's page
 * numbers).  An article's head across the columns divides a page into
 * bands, each a set of columns of its own.  It works in whole grid lines;
 * shape.c has already fixed every line's content, and story.c and
 * edition.c what each element says.
 */
#include "flow.h"

#include <math.h>
#include <string.h>

/* The ideographic em box spans 0.88 em above and 0.12 em below the baseline
 * in CJK fonts; centring it in a slot puts text of every size on the grid
 * (clreq 3.8, the line grid). */
#define NP_EM_CENTRE 0.38

static double
np_baseline (double slot_top, double slot_height, double size)
{
  return slot_top + slot_height / 2 + NP_EM_CENTRE * size;
}

static double np_page_left (const NpStyle *st, guint page_index);

/* Where the flow stands: the next element and how much of it is placed,
 * and the figures that wait for a column with room. */
typedef struct {
  guint element;
  guint offset;     /* TEXT: lines placed; TABLE: rows placed (0 = none) */
  GArray *pending;  /* of guint: figure elements, in reading order */
  GArray *spans;    /* of guint: figures across all columns, waiting for
                       the top of the next page */
  gboolean forced;  /* a rule had to give way: a column too short */
} NpCursor;

typedef struct {
  NpPage *page;    /* NULL while only measuring */
  guint index;     /* of the page, from 0 */
  double x, top;   /* points */
  int capacity;    /* grid lines */
  int used;        /* grid lines */
} NpColumn;

typedef struct {
  const NpStory *story;
  const NpStyle *style;
  double pitch;    /* points */
  double column;   /* column width, points */
  double figure_scale; /* empty frames' heights are scaled by it, 0.6..1 */
  NpPages *pages;      /* for bookmarks; NULL while only measuring */
  guint ending;        /* a spanning figure closing the story (followed
                          only by the credit), or G_MAXUINT */
  int full;            /* grid lines of a whole column (pages after 1) */
  guint limit;         /* the band being set ends before this element: a
                          head across all columns, or the story's end */
  int colophon;        /* grid lines the colophon takes with its air, 0:
                          none */
  gboolean colophon_set; /* placed (this pass) */
  GArray *starts;      /* of guint: the page each article starts on */
  GArray *entries;     /* of double: each contents entry's last baseline
                          on page 1 */
} NpFlow;

/* Where a figure's parts go, in points below the top of its first grid
 * slot. */
typedef struct {
  double frame;     /* frame height */
  double caption;   /* baseline of the caption's first line */
  int lines;        /* grid lines the whole figure takes */
} NpFigure;

/* The caption's lines sit between two body baselines, not on them: set
 * apart from the text beside it in the other column, and a two-line
 * caption reads as one block there (its lines are closer than the body's). */
static NpFigure
np_figure_geometry (const NpFlow *f, const NpElement *e)
{
  /* A photo keeps its size; only an empty frame gives way. */
  NpFigure g = { .frame = e->frame_height *
                          (e->photo ? 1.0 : f->figure_scale) };
  const NpParagraph *cap = e->text;
  double size = cap->font.size, body = f->style->font[NP_ROLE_BODY].size;
  guint lines = cap->lines->len + (e->credit ? e->credit->lines->len : 0);
  double span = (lines > 0 ? lines - 1 : 0) * e->text_pitch;
  double room_top = e->inset + g.frame + 0.3 * size + 0.88 * size;
  double grid = f->pitch / 2 + NP_EM_CENTRE * body; /* first body baseline */
  double offset = MAX (0, (f->pitch - span) / 2);
  int j = (int) ceil ((room_top - grid - offset) / f->pitch - 1e-6);
  g.caption = grid + MAX (j, 0) * f->pitch + offset;
  double bottom = g.caption + span + 0.12 * size + e->inset;
  g.lines = MAX (1, (int) ceil (bottom / f->pitch - 1e-6));
  return g;
}

static int
np_figure_lines (const NpFlow *f, const NpElement *e)
{
  return np_figure_geometry (f, e).lines;
}

static NpCursor
np_cursor_copy (const NpCursor *c)
{
  NpCursor copy = *c;
  copy.pending = g_array_copy (c->pending);
  copy.spans = g_array_copy (c->spans);
  return copy;
}

static void
np_cursor_clear (NpCursor *c)
{
  g_array_free (c->pending, TRUE);
  g_array_free (c->spans, TRUE);
}

/* Whether the columns have nothing left to set: the story is done, or
 * only its closing spanning figure (and credit) is left. */
static gboolean
np_columns_done (const NpFlow *f, const NpCursor *c)
{
  return (c->element >= f->limit || c->element == f->ending)
         && c->pending->len == 0 && c->spans->len == 0;
}

static gboolean
np_cursor_done (const NpFlow *f, const NpCursor *c)
{
  return c->element >= f->story->elements->len && c->pending->len == 0 &&
         c->spans->len == 0;
}

static const NpElement *
np_element (const NpFlow *f, guint i)
{
  const GArray *els = f->story->elements;
  return i < els->len ? &g_array_index (els, NpElement, i) : NULL;
}

/* ------------------------------------------------------------ placing */

static void
np_mark (const NpFlow *f, const NpColumn *col, const char *title,
         guint level)
{
  if (f->pages && col->page && title)
    np_pages_add_bookmark (f->pages, title, col->index,
                           col->top + col->used * f->pitch, level);
}

/* An annotated proof's note beside the element starting at `top`: in the
 * margin on the column's side of the page, its first line level with the
 * element's. */
static void
np_put_note (const NpFlow *f, const NpColumn *col, const NpParagraph *note,
             double top)
{
  if (!note || !col->page)
    return;
  const NpStyle *st = f->style;
  double left = np_page_left (st, col->index);
  double right = st->page_width - (col->index % 2 == 0 ? st->margin_outer
                                                        : st->margin_inner);
  gboolean left_side = col->x + f->column / 2 < (left + right) / 2;
  double slot = note->font.size * 1.2, y = top;
  np_page_tag (col->page, NP_TAG_ARTIFACT);
  for (guint i = 0; i < note->lines->len; i++, y += slot) {
    const NpLine *line = g_ptr_array_index (note->lines, i);
    double x = left_side ? left - NP_NOTE_GAP - line->width
                         : right + NP_NOTE_GAP;
    np_page_add_text (col->page, note, line, x, y + note->font.size);
  }
}

/* Lines [from, from + count) of a text element: one tagged element (the
 * part of a paragraph in this column). */
static void
np_put_lines (const NpFlow *f, NpColumn *col, const NpElement *e,
              guint from, guint count)
{
  const NpParagraph *p = e->text;
  if (from == 0) {
    np_put_note (f, col, e->note, col->top + col->used * f->pitch);
    np_mark (f, col, e->label, e->level);
  }
  np_page_tag (col->page, e->block == NP_BLOCK_HEADING ? NP_TAG_H2 : NP_TAG_P);
  for (guint i = 0; i < count; i++, col->used++) {
    if (!col->page)
      continue;
    const NpLine *line = g_ptr_array_index (p->lines, from + i);
    double top = col->top + col->used * f->pitch;
    np_page_add_text (col->page, p, line, col->x + line->x,
                      np_baseline (top, f->pitch, p->font.size));
  }
}

static void
np_put_figure (const NpFlow *f, NpColumn *col, const NpElement *e)
{
  NpFigure g = np_figure_geometry (f, e);
  if (col->page) {
    const NpStyle *st = f->style;
    double top = col->top + col->used * f->pitch;
    double width = e->span ? np_style_text_width (st) : f->column;
    np_put_note (f, col, e->note, top + e->inset);
    np_page_tag (col->page, NP_TAG_FIGURE);
    if (e->photo) {
      double w = e->frame_width; /* centred when narrower than the column */
      np_page_add_photo (col->page, e->photo, col->x + (width - w) / 2,
                         top + e->inset, w, g.frame);
    } else {
      np_page_add_box (col->page, col->x, top + e->inset, width, g.frame,
                       &st->frame_fill, &st->frame_border,
                       st->rule_width / 2);
    }
    np_page_tag (col->page, NP_TAG_CAPTION);
    const NpParagraph *cap = e->text;
    double y = top + g.caption;
    for (guint i = 0; i < cap->lines->len; i++, y += e->text_pitch) {
      const NpLine *line = g_ptr_array_index (cap->lines, i);
      np_page_add_text (col->page, cap, line, col->x + line->x, y);
    }
    for (guint i = 0; e->credit && i < e->credit->lines->len;
         i++, y += e->text_pitch) {
      const NpLine *line = g_ptr_array_index (e->credit->lines, i);
      np_page_add_text (col->page, e->credit, line, col->x + line->x, y);
    }
  }
  col->used += g.lines;
}

static void
np_put_row (const NpFlow *f, NpColumn *col, const NpElement *e, guint r)
{
  const NpRow *row = &g_array_index (e->rows, NpRow, r);
  if (r == 0 && e->label && col->page) {
    /* A table, or its part in a column, with its header repeated. */
    np_page_tag (col->page, NP_TAG_ARTIFACT);
    np_page_tag_table (col->page);
  }
  np_page_tag_row (col->page);
  if (col->page) {
    const NpStyle *st = f->style;
    double top = col->top + col->used * f->pitch;
    double height = row->lines * f->pitch;
    double left = col->x, right = col->x + f->column;
    /* Rules as single lines, the way a table is ruled: the header's top,
     * each row's foot, and the column edges down the row. */
    if (r == 0) {
      np_page_add_box (col->page, left, top, right - left, height,
                       &st->table_header_fill, NULL, 0);
      np_page_add_rule (col->page, left, top, right, top, &st->frame_border,
                        st->rule_width);
    }
    np_page_add_rule (col->page, left, top + height, right, top + height,
                      &st->frame_border, st->rule_width);
    for (guint i = 0; i < e->edges->len; i++) {
      double x = col->x + g_array_index (e->edges, double, i);
      np_page_add_rule (col->page, x, top, x, top + height, &st->frame_border,
                        st->rule_width);
    }
    /* The cells of a row share their first line (a serial number beside
     * the first line of a name that wraps, as Word sets a cell: at its
     * top); the tallest cell sits in the middle of the row. */
    guint tallest = 0;
    for (guint i = 0; i < row->cells->len; i++)
      tallest = MAX (tallest, ((const NpParagraph *) g_ptr_array_index (
                                 row->cells, i))->lines->len);
    for (guint i = 0; i < row->cells->len; i++) {
      double x0 = g_array_index (e->edges, double, i);
      const NpParagraph *p = g_ptr_array_index (row->cells, i);
      np_page_tag (col->page, r == 0 ? NP_TAG_TH : NP_TAG_TD);
      double pad = 0.5 * p->font.size;
      double y = top + (height - tallest * e->text_pitch) / 2;
      for (guint k = 0; k < p->lines->len; k++, y += e->text_pitch) {
        const NpLine *line = g_ptr_array_index (p->lines, k);
        np_page_add_text (col->page, p, line, col->x + x0 + pad + line->x,
                          np_baseline (y, e->text_pitch, p->font.size));
      }
    }
  }
  col->used += row->lines;
}

/* ------------------------------------------------------------ rules */

/* Grid lines that must stand in the same column as the end of element `i`:
 * the credit is never alone at a column head, a heading never alone at a
 * column foot. */
static int
np_keep_after (const NpFlow *f, guint i)
{
  const NpElement *e = np_element (f, i), *next = np_element (f, i + 1);
  if (!next)
    return 0;
  /* The closing lines (signature, credit) stay together with the
   * lines before them. */
  if (next->kind == NP_ELEMENT_TEXT && np_block_closes (next->block)) {
    int lines = 0;
    for (guint k = i + 1; (next = np_element (f, k)) &&
                          next->kind == NP_ELEMENT_TEXT &&
                          np_block_closes (next->block);
         k++)
      lines += next->lines;
    return lines;
  }
  if (e->block != NP_BLOCK_HEADING)
    return 0;
  switch (next->kind) {
  case NP_ELEMENT_HEAD:
    return 0;
  case NP_ELEMENT_TEXT: {
    /* Two lines of text, the first of a paragraph being two at least (no
     * orphan): a one-line paragraph (各成员单位：) counts, and so do the
     * first two lines of the paragraph after it. */
    int lines = 0;
    for (guint k = i + 1; (next = np_element (f, k)) &&
                          next->kind == NP_ELEMENT_TEXT &&
                          !np_block_closes (next->block);
         k++) {
      if (next->lines >= 2)
        return lines + 2;
      lines += next->lines;
      if (lines >= 2)
        break;
    }
    return MAX (lines, 1);
  }
  case NP_ELEMENT_FIGURE:
    return np_figure_lines (f, next);
  case NP_ELEMENT_TABLE: {
    /* the line of air over a table, its header, and the rows that may
     * open it: two when more follow (np_rows_fitting) */
    guint n = next->rows->len, first = n > 3 ? 2 : MIN (n - 1, 1);
    int lines = 1;
    for (guint r = 0; r <= first && r < n; r++)
      lines += g_array_index (next->rows, NpRow, r).lines;
    return lines;
  }
  }
  return 0;
}

/* Whether a figure too tall for what is left of `col` must go here all
 * the same: the column is empty and as tall as any, so waiting would not
 * help.  An empty column under the page 1 head, or shortened to balance
 * the last page, lets the figure wait for a whole one rather than run off
 * the foot of the page. */
static gboolean
np_only_room (const NpFlow *f, const NpColumn *col)
{
  return col->used == 0 && col->capacity >= f->full;
}

/* Places the figures waiting for room, in order; one that does not fit
 * waits on (with those behind it) while text fills the column. */
static void
np_place_pending (const NpFlow *f, NpCursor *c, NpColumn *col)
{
  /* The credit, when it comes next, must fit after the figures too. */
  const NpElement *next = np_element (f, c->element);
  int credit = next && np_block_closes (next->block) ? next->lines : 0;
  while (c->pending->len > 0) {
    const NpElement *e = np_element (f, g_array_index (c->pending, guint, 0));
    if (np_figure_lines (f, e) + credit > col->capacity - col->used) {
      if (!np_only_room (f, col))
        return;
      c->forced = TRUE;
    }
    np_put_figure (f, col, e);
    g_array_remove_index (c->pending, 0);
  }
}

/* Returns FALSE when the column is full. */
static gboolean
np_place_figure (const NpFlow *f, NpCursor *c, NpColumn *col,
                 const NpElement *e)
{
  if (e->span) {
    g_array_append_val (c->spans, c->element); /* for the next page's top */
    c->element++;
    return TRUE;
  }
  int need = np_figure_lines (f, e) + np_keep_after (f, c->element);
  if (c->pending->len > 0 ||
      (need > col->capacity - col->used && !np_only_room (f, col))) {
    /* Float: it waits for the next column while the text goes on here. */
    g_array_append_val (c->pending, c->element);
  } else {
    np_put_figure (f, col, e);
  }
  c->element++;
  return TRUE;
}

/* How many of the `rest` lines of a paragraph to set in `room` lines when it
 * cannot all go: at least two at the foot (no orphan), at least two at the
 * next head (no widow).  A paragraph already started keeps that rule too:
 * one line of it alone in a column, between a figure and the foot, reads
 * as an orphan and a widow at once. */
static int
np_split_lines (int rest, int room)
{
  int k = MIN (room, rest - 2);
  return k < 2 ? 0 : k;
}

static gboolean
np_place_text (const NpFlow *f, NpCursor *c, NpColumn *col,
               const NpElement *e)
{
  /* Waiting figures come before the credit closes the story. */
  if (np_block_closes (e->block) && (c->pending->len > 0 || c->spans->len))
    return FALSE;
  int rest = e->lines - (int) c->offset;
  int room = col->capacity - col->used;
  if (rest + np_keep_after (f, c->element) <= room) {
    np_put_lines (f, col, e, c->offset, rest);
    c->element++;
    c->offset = 0;
    return TRUE;
  }
  int k = e->block == NP_BLOCK_HEADING
            ? 0 : np_split_lines (rest, room);
  if (k == 0 && col->used == 0) {
    k = MIN (room, rest); /* a column too short for the rules: fill it */
    c->forced = TRUE;
  }
  np_put_lines (f, col, e, c->offset, k);
  c->offset += k;
  if ((int) c->offset == e->lines) {
    c->element++;
    c->offset = 0;
  }
  return FALSE;
}

/* The rows [start, end) to set in `room` lines under the header, like
 * lines of a paragraph: no single row left alone on either side of a
 * column break, when the table has rows enough to avoid it. */
static guint
np_rows_fitting (const NpElement *e, guint start, int room)
{
  guint n = e->rows->len, end = start;
  room -= g_array_index (e->rows, NpRow, 0).lines;
  while (end < n && g_array_index (e->rows, NpRow, end).lines <= room)
    room -= g_array_index (e->rows, NpRow, end++).lines;
  if (end < n && n - end == 1 && end - start >= 2)
    end--; /* a last row alone at the next column head */
  if (end < n && end - start == 1 && start == 1 && n - start > 2)
    end = start; /* a first row alone at this column foot */
  return end;
}

static gboolean
np_place_table (const NpFlow *f, NpCursor *c, NpColumn *col,
                const NpElement *e)
{
  guint start = MAX (c->offset, 1), n = e->rows->len;
  int gap = (c->offset == 0 && col->used > 0) ? 1 : 0; /* air above */
  guint end = np_rows_fitting (e, start, col->capacity - col->used - gap);
  int keep = np_keep_after (f, c->element);
  if (end == n && keep > 0 && end - start >= 3) {
    /* The closing lines after the table: when they cannot follow it
     * here, two rows go on with them to the next column. */
    int used = col->used + gap;
    for (guint r = 0; r < end; r = r == 0 ? start : r + 1)
      used += g_array_index (e->rows, NpRow, r).lines;
    if (used + 1 + keep > col->capacity)
      end -= 2;
  }
  if (end == start && start < n) {
    if (col->used > 0)
      return FALSE;
    end = start + 1; /* a column too short for one row: overfill it */
    c->forced = TRUE;
  }
  col->used += gap;
  if (c->offset == 0) {
    np_put_note (f, col, e->note, col->top + col->used * f->pitch);
    np_mark (f, col, e->label, e->level);
  }
  np_put_row (f, col, e, 0); /* the header, again in every column */
  for (guint r = start; r < end; r++)
    np_put_row (f, col, e, r);
  if (end < n) {
    c->offset = end;
    return FALSE;
  }
  c->element++;
  c->offset = 0;
  if (col->used < col->capacity)
    col->used++; /* air below */
  return TRUE;
}

/* The page an article starts on, for the contents box. */
static void
np_note_start (const NpFlow *f, const NpElement *e, guint page)
{
  if (f->pages && e->article < f->starts->len &&
      g_array_index (f->starts, guint, e->article) == G_MAXUINT)
    g_array_index (f->starts, guint, e->article) = page;
}

static double
np_put_centred_at (NpPage *page, const NpParagraph *p, double x, double y,
                   double leading)
{
  double slot = p->font.size * leading;
  for (guint i = 0; i < p->lines->len; i++, y += slot) {
    const NpLine *line = g_ptr_array_index (p->lines, i);
    np_page_add_text (page, p, line, x + line->x,
                      np_baseline (y, slot, p->font.size));
  }
  return y;
}

/* An article's head at (x, top), `width` wide: the section label on an
 * accent bar with a rule running on from it, then kicker, headline,
 * subtitle and byline centred.  One outline entry for a new section and
 * one for the article, which opens its page there. */
static void
np_put_article_head (const NpFlow *f, NpPage *page, guint index,
                     const NpElement *e, double x, double top, double width)
{
  const NpHead *h = e->head;
  const NpStyle *st = f->style;
  double y = top;
  if (h->section) {
    const NpParagraph *p = h->section;
    double size = p->font.size, slot = size * NP_SECTION_LEADING;
    const NpLine *line = g_ptr_array_index (p->lines, 0);
    double bar = line->width + size; /* half an em either side */
    double bar_top = y + 0.15 * slot, bar_h = 0.7 * slot;
    np_page_add_box (page, x, bar_top, bar, bar_h, &st->accent, NULL, 0);
    np_page_add_rule (page, x + bar, bar_top + bar_h - 0.5, x + width,
                      bar_top + bar_h - 0.5, &st->accent, 1);
    np_page_tag (page, NP_TAG_P);
    np_page_add_text (page, p, line, x + size / 2,
                      np_baseline (bar_top, bar_h, size));
    if (f->pages && h->section_title)
      np_pages_add_bookmark (f->pages, h->section_title, index, y,
                             e->level - 1);
    y += slot;
  }
  if (h->kicker) {
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred_at (page, h->kicker, x, y, NP_KICKER_LEADING);
  }
  if (h->headline) {
    NpColumn at = { .page = page, .index = index, .x = x };
    np_put_note (f, &at, e->note, y);
    np_page_tag (page, NP_TAG_H1);
    if (f->pages && e->label)
      np_pages_add_bookmark (f->pages, e->label, index, y, e->level);
    y = np_put_centred_at (page, h->headline, x, y, NP_HEADLINE_LEADING);
  }
  if (h->subtitle) {
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred_at (page, h->subtitle, x, y, NP_SUBTITLE_LEADING);
  }
  if (h->byline) {
    np_page_tag (page, NP_TAG_P);
    np_put_centred_at (page, h->byline, x, y, NP_BYLINE_LEADING);
  }
}

/* The thin rule between two articles, in the middle of a line of air
 * (a section label separates them itself). */
static void
np_put_separator (const NpFlow *f, NpPage *page, const NpElement *e, double x,
                  double top, double width)
{
  const NpStyle *st = f->style;
  if (!page || e->head->section || !st->separator)
    return;
  np_page_tag (page, NP_TAG_ARTIFACT);
  double y = top + f->pitch / 2;
  np_page_add_rule (page, x, y, x + width, y, &st->frame_border,
                    st->rule_width);
}

/* An article's head `width` wide at (x, top), after `air` lines with the
 * separator in them; the page its article starts on is noted. */
static void
np_set_head (const NpFlow *f, NpPage *page, guint index, const NpElement *e,
             double x, double top, double width, int air)
{
  if (air)
    np_put_separator (f, page, e, x, top, width);
  if (!page)
    return;
  np_note_start (f, e, index);
  np_put_article_head (f, page, index, e, x, top + air * f->pitch, width);
}

/* A head over one column: after the figures of the article before it,
 * with a line of air (and the separator) unless it opens the column, and
 * never without the first lines of its article under it (clreq 3.6.3:
 * a heading is not left at the foot of a column). */
static gboolean
np_place_head (const NpFlow *f, NpCursor *c, NpColumn *col,
               const NpElement *e)
{
  if (c->pending->len > 0 || c->spans->len > 0)
    return FALSE;
  int air = col->used > 0 ? 1 : 0;
  if (air + e->lines + np_keep_after (f, c->element) >
      col->capacity - col->used) {
    if (col->used > 0)
      return FALSE;
    c->forced = TRUE;
  }
  np_set_head (f, col->page, col->index, e, col->x,
               col->top + col->used * f->pitch, f->column, air);
  col->used += air + e->lines;
  c->element++;
  return TRUE;
}

static void
np_fill_column (const NpFlow *f, NpCursor *c, NpColumn *col)
{
  gboolean room = TRUE;
  while (room) {
    np_place_pending (f, c, col);
    const NpElement *e = np_element (f, c->element);
    if (!e || col->used >= col->capacity || c->element == f->ending ||
        c->element >= f->limit)
      return;
    switch (e->kind) {
    case NP_ELEMENT_HEAD:
      room = np_place_head (f, c, col, e);
      break;
    case NP_ELEMENT_FIGURE:
      room = np_place_figure (f, c, col, e);
      break;
    case NP_ELEMENT_TEXT:
      room = np_place_text (f, c, col, e);
      break;
    case NP_ELEMENT_TABLE:
      room = np_place_table (f, c, col, e);
      break;
    }
  }
}

/* ------------------------------------------------------------ pages */

/* The figures waiting to span all columns, across the top of the page;
 * returns the height they take. */
static double
np_put_spans (const NpFlow *f, NpCursor *c, NpPage *page, guint index,
              double top)
{
  NpColumn full = { .page = page, .index = index, .top = top,
                    .x = np_page_left (f->style, index) };
  for (guint i = 0; i < c->spans->len; i++)
    np_put_figure (f, &full, np_element (f, g_array_index (c->spans, guint, i)));
  g_array_set_size (c->spans, 0);
  return full.used * f->pitch;
}

static double
np_page_left (const NpStyle *st, guint page_index)
{
  /* Page 1 is a right-hand page: its inner margin is on the left. */
  return page_index % 2 == 0 ? st->margin_inner : st->margin_outer;
}

/* Fills the page's columns with at most `lines` grid lines each; returns
 * the lines the fullest column took. */
static int
np_fill_page (const NpFlow *f, NpCursor *c, NpPage *page, guint page_index,
              double top, int lines)
{
  const NpStyle *st = f->style;
  int most = 0;
  for (int i = 0; i < st->columns && !np_columns_done (f, c); i++) {
    NpColumn col = { .page = page, .index = page_index, .top = top,
                     .capacity = lines,
                     .x = np_page_left (st, page_index) +
                          i * (f->column + st->gutter) };
    np_fill_column (f, c, &col);
    most = MAX (most, col.used);
  }
  return most;
}

/* The fewest lines a column of the last page needs so that the rest of the
 * story fits its columns: the columns then end level (balanced).  Returns
 * 0 when the rest does not fit the page at all. */
static gboolean
np_fits_page (const NpFlow *f, const NpCursor *c, double top, int lines)
{
  NpCursor trial = np_cursor_copy (c);
  trial.forced = FALSE;
  np_fill_page (f, &trial, NULL, 0, top, lines);
  /* Shorter columns must still keep every rule. */
  gboolean done = np_columns_done (f, &trial) && !trial.forced;
  np_cursor_clear (&trial);
  return done;
}

static int np_ending_lines (const NpFlow *f);

static int
np_balanced_lines (const NpFlow *f, const NpCursor *c, double top, int full)
{
  /* Room for a closing spanning figure below the columns. */
  if (f->ending != G_MAXUINT)
    full -= np_ending_lines (f);
  /* Most pages are not the last: one trial at full height tells. */
  if (full < 1 || !np_fits_page (f, c, top, full))
    return 0;
  for (int lines = 1; lines <= full; lines++) {
    if (np_fits_page (f, c, top, lines))
      return lines;
  }
  return full;
}

static double
np_put_centred (NpPage *page, const NpStyle *st, const NpParagraph *p,
                double y, double leading, guint page_index)
{
  return np_put_centred_at (page, p, np_page_left (st, page_index), y,
                            leading);
}

/* The line pitch of the contents box's entries, times their size. */
#define NP_CONTENTS_LEADING 1.6

/* The contents box across the text width at `y`: a frame in the accent
 * colour, its title, and one entry per article, whose page number
 * np_put_contents_pages adds once the pages are known.  Returns the
 * box's foot. */
static double
np_put_contents (NpFlow *f, NpPage *page, double y)
{
  const NpStyle *st = f->style;
  const NpStory *s = f->story;
  double left = st->margin_inner;
  double width = np_style_text_width (st);
  double top = y;
  y += NP_BOX_PAD;
  np_page_tag (page, NP_TAG_P);
  y = np_put_centred_at (page, s->contents_title, left + NP_BOX_PAD, y,
                         NP_CONTENTS_LEADING);
  for (guint i = 0; i < s->contents->len; i++) {
    const NpContentsEntry *entry =
      &g_array_index (s->contents, NpContentsEntry, i);
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred_at (page, entry->text, left + NP_BOX_PAD, y,
                           NP_CONTENTS_LEADING);
    double slot = entry->text->font.size * NP_CONTENTS_LEADING;
    double baseline = np_baseline (y - slot, slot, entry->text->font.size);
    if (f->pages)
      g_array_append_val (f->entries, baseline);
  }
  y += NP_BOX_PAD;
  np_page_add_box (page, left, top, width, y - top, NULL, &st->accent,
                   1.0);
  return y;
}

/* Each contents entry's page number, flush right in the box. */
static void
np_put_contents_pages (const NpFlow *f, NpFonts *fonts, NpPages *pages)
{
  const NpStyle *st = f->style;
  const NpStory *s = f->story;
  if (!s->contents_title || pages->pages->len == 0)
    return;
  NpPage *page = g_ptr_array_index (pages->pages, 0);
  double right = st->page_width - st->margin_outer - NP_BOX_PAD;
  NpMeasure m = { .width = 4 * s->contents_font.size,
                  .align = NP_ALIGN_RIGHT };
  for (guint i = 0; i < s->contents->len && i < f->entries->len; i++) {
    const NpContentsEntry *entry =
      &g_array_index (s->contents, NpContentsEntry, i);
    guint start = entry->article < f->starts->len
                    ? g_array_index (f->starts, guint, entry->article)
                    : G_MAXUINT;
    if (start == G_MAXUINT)
      continue;
    g_autofree char *text = g_strdup_printf ("%u", start + 1);
    const NpParagraph *p = np_pages_keep (
      pages, np_shape_paragraph (fonts, &s->contents_font, text, &m));
    const NpLine *line = g_ptr_array_index (p->lines, 0);
    np_page_tag (page, NP_TAG_P);
    np_page_add_text (page, p, line, right - m.width + line->x,
                      g_array_index (f->entries, double, i));
  }
}

/* The rules under the masthead: a thick one over a thin one, or one. */
static double
np_put_masthead_rules (const NpStyle *st, NpPage *page, double y)
{
  double left = st->margin_inner;
  double right = st->page_width - st->margin_outer;
  switch (st->masthead_rule_form) {
  case NP_MASTHEAD_RULE_DOUBLE:
    np_page_add_rule (page, left, y + 2, right, y + 2, &st->masthead_rule, 2);
    np_page_add_rule (page, left, y + 5, right, y + 5, &st->masthead_rule,
                      0.5);
    return y + 7;
  case NP_MASTHEAD_RULE_SINGLE:
    np_page_add_rule (page, left, y + 3, right, y + 3, &st->masthead_rule, 1.5);
    return y + 7;
  case NP_MASTHEAD_RULE_NONE:
    break;
  }
  return y;
}

/* Masthead, rules, issue line and headline across all columns of page 1;
 * returns their height rounded up to whole grid lines. */
static double
np_put_head (NpFlow *f, NpPage *page)
{
  const NpStyle *st = f->style;
  const NpStory *s = f->story;
  double left = st->margin_inner;
  double right = st->page_width - st->margin_outer;
  double y = st->margin_top;
  gboolean split = st->meta_form == NP_META_SPLIT;
  if (s->masthead) {
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred (page, st, s->masthead, y, NP_MASTHEAD_LEADING, 0);
    if (!split)
      y = np_put_masthead_rules (st, page, y);
  }
  if (s->meta) {
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred (page, st, s->meta, y, NP_META_LEADING, 0);
  }
  if (s->meta_left || s->meta_right) {
    /* GB/T 9704-2012 7.2.4: issuer and date on one line over the red
     * rule. */
    const NpParagraph *p = s->meta_left ? s->meta_left : s->meta_right;
    double slot = p->font.size * NP_META_LEADING;
    double base = np_baseline (y, slot, p->font.size);
    np_page_tag (page, NP_TAG_P);
    if (s->meta_left) {
      const NpLine *line = g_ptr_array_index (s->meta_left->lines, 0);
      np_page_add_text (page, s->meta_left, line, left + line->x, base);
    }
    if (s->meta_right) {
      const NpLine *line = g_ptr_array_index (s->meta_right->lines, 0);
      np_page_add_text (page, s->meta_right, line,
                        right - s->meta_right->width + line->x, base);
    }
    y += slot;
  }
  if (split)
    y = np_put_masthead_rules (st, page, y);
  if (s->contents_title)
    y = np_put_contents (f, page, y + 0.5 * f->pitch);
  if (s->kicker) {
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred (page, st, s->kicker, y + 0.25 * f->pitch,
                        NP_KICKER_LEADING, 0);
  }
  if (s->headline) {
    NpColumn head = { .page = page, .index = 0, .x = left };
    np_put_note (f, &head, s->headline_note, y + 0.25 * f->pitch);
    np_page_tag (page, NP_TAG_H1);
    if (f->pages)
      np_pages_add_bookmark (f->pages, s->headline->text, 0, y, 0);
    y = np_put_centred (page, st, s->headline, y + 0.25 * f->pitch,
                        NP_HEADLINE_LEADING, 0);
  }
  if (s->subtitle) {
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred (page, st, s->subtitle, y, NP_SUBTITLE_LEADING, 0);
  }
  if (s->byline) {
    np_page_tag (page, NP_TAG_P);
    y = np_put_centred (page, st, s->byline, y, NP_BYLINE_LEADING, 0);
  }
  y += 0.4 * f->pitch;
  /* A report's head closes with a rule; in an issue the first article's
   * head follows, under its own rule or section label. */
  if (s->heads->len == 0)
    np_page_add_rule (page, left, y, right, y, &st->frame_border,
                      st->rule_width);
  double height = y - st->margin_top;
  return ceil (height / f->pitch - 1e-6) * f->pitch + 0.5 * f->pitch;
}

/* "第 {page} 頁 / 共 {pages} 頁" with the numbers filled in. */
static char *
np_footer_text (const char *format, guint page, guint pages)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  g_autofree char *m = g_strdup_printf ("%u", pages);
  GString *out = g_string_new (format);
  g_string_replace (out, "{pages}", m, 0);
  g_string_replace (out, "{page}", n, 0);
  return g_string_free (out, FALSE);
}

static void
np_put_footers (const NpStyle *st, const char *format, NpFonts *fonts,
                NpPages *pages)
{
  double width = np_style_text_width (st);
  NpMeasure m = { .width = width, .align = NP_ALIGN_CENTER };
  const NpFont *font = &st->font[NP_ROLE_FOOTER];
  for (guint i = 0; i < pages->pages->len; i++) {
    NpPage *page = g_ptr_array_index (pages->pages, i);
    np_page_tag (page, NP_TAG_ARTIFACT);
    g_autofree char *text = np_footer_text (format, i + 1,
                                            pages->pages->len);
    const NpParagraph *p =
      np_pages_keep (pages, np_shape_paragraph (fonts, font, text, &m));
    double top = st->page_height - st->margin_bottom;
    double y = np_baseline (top, st->margin_bottom, font->size);
    /* One line: a longer footer (style.c refuses most) would otherwise
     * be set over itself. */
    if (p->lines->len > 0) {
      const NpLine *line = g_ptr_array_index (p->lines, 0);
      np_page_add_text (page, p, line, np_page_left (st, i) + line->x, y);
    }
  }
}

/* The closing spanning figure across the text width at `top`, and the
 * credit flush right under it; the band is then done.  Returns the
 * height taken. */
static double
np_put_ending (const NpFlow *f, NpCursor *c, NpPage *page, guint index,
               double top)
{
  const NpStyle *st = f->style;
  double left = np_page_left (st, index);
  double width = np_style_text_width (st);
  NpColumn full = { .page = page, .index = index, .top = top, .x = left };
  np_put_figure (f, &full, np_element (f, f->ending));
  NpColumn right = full;
  right.x = left + width - f->column;
  for (guint i = f->ending + 1; i < f->limit; i++) {
    const NpElement *e = np_element (f, i);
    np_put_lines (f, &right, e, 0, e->lines);
  }
  c->element = f->limit;
  return right.used * f->pitch;
}

/* Grid lines the closing figure takes under the columns, with the credit
 * and a line of air. */
static int
np_ending_lines (const NpFlow *f)
{
  int lines = 1 + np_figure_lines (f, np_element (f, f->ending));
  for (guint k = f->ending + 1; k < f->limit; k++)
    lines += np_element (f, k)->lines;
  return lines;
}

/* The band from the cursor on: up to the next head across all columns,
 * or the story's end.  A spanning figure followed by nothing but the
 * credit closes it: it goes across the foot of the band, under balanced
 * columns. */
static void
np_set_band (NpFlow *f, const NpCursor *c)
{
  const GArray *els = f->story->elements;
  guint i = c->element;
  /* A head across the columns at the cursor is one the figures of the
   * article before it kept from its place: the band is theirs alone. */
  while (i < els->len && !(np_element (f, i)->kind == NP_ELEMENT_HEAD &&
                           np_element (f, i)->span))
    i++;
  f->limit = i;
  f->ending = G_MAXUINT;
  while (i > c->element && np_block_closes (np_element (f, i - 1)->block))
    i--;
  if (i > c->element && np_element (f, i - 1)->kind == NP_ELEMENT_FIGURE &&
      np_element (f, i - 1)->span)
    f->ending = i - 1;
}

/* Points the colophon takes: its lines, and in a box its padding. */
static double
np_colophon_height (const NpFlow *f)
{
  const NpStory *s = f->story;
  double h = s->colophon->len * s->colophon_pitch;
  for (guint i = 0; i < s->colophon->len; i++) {
    const NpColophonRow *row = &g_array_index (s->colophon, NpColophonRow, i);
    if (row->left && row->left->lines->len > 1)
      h += (row->left->lines->len - 1) * s->colophon_pitch;
  }
  return h + 2 * NP_BOX_PAD;
}

/* The colophon at the foot of the last page: a framed box, or (GB/T
 * 9704-2012 7.4) the imprint's lines between rules, the first and last
 * thick (0.35 mm), the others thin (0.25 mm). */
static void
np_put_colophon (const NpFlow *f, NpPage *page, guint index)
{
  const NpStyle *st = f->style;
  const NpStory *s = f->story;
  if (!page)
    return;
  double left = np_page_left (st, index);
  double width = np_style_text_width (st);
  double height = np_colophon_height (f);
  double top = st->page_height - st->margin_bottom - height;
  double y = top + NP_BOX_PAD, slot = s->colophon_pitch;
  gboolean imprint = s->colophon_form == NP_COLOPHON_IMPRINT;
  double thick = 0.35 * 72 / 25.4, thin = 0.25 * 72 / 25.4;
  np_page_tag (page, NP_TAG_ARTIFACT);
  if (imprint)
    np_page_add_rule (page, left, top, left + width, top, &st->frame_border,
                      thick);
  else
    np_page_add_box (page, left, top, width, height, NULL, &st->accent, 1.0);
  for (guint i = 0; i < s->colophon->len; i++) {
    const NpColophonRow *row = &g_array_index (s->colophon, NpColophonRow, i);
    const NpParagraph *first = row->left ? row->left : row->right;
    double size = first->font.size;
    np_page_tag (page, NP_TAG_P);
    double next = y;
    if (row->left)
      next = np_put_centred_at (page, row->left, left + NP_BOX_PAD, y,
                                NP_COLOPHON_LEADING);
    if (row->right) {
      const NpLine *line = g_ptr_array_index (row->right->lines, 0);
      np_page_add_text (page, row->right, line,
                        left + width - NP_BOX_PAD - row->right->width +
                          line->x,
                        np_baseline (y, slot, size));
      next = MAX (next, y + slot);
    }
    y = next;
    if (imprint) {
      np_page_tag (page, NP_TAG_ARTIFACT);
      gboolean last = i + 1 == s->colophon->len;
      double ry = last ? top + height : y + NP_BOX_PAD / 2;
      np_page_add_rule (page, left, ry, left + width, ry, &st->frame_border,
                        last ? thick : thin);
      y += last ? 0 : NP_BOX_PAD;
    }
  }
}

/* Whole grid lines between `top` and the foot of the text area. */
static int
np_lines_below (const NpFlow *f, double top)
{
  const NpStyle *st = f->style;
  return (int) floor ((st->page_height - st->margin_bottom - top) / f->pitch
                      + 1e-6);
}

/* An article's head across all columns at `top`, after a line of air
 * with the separator unless it opens the page.  Returns FALSE, placing
 * nothing, when it would stand without two lines of its text under it
 * on this page. */
static gboolean
np_place_span_head (NpFlow *f, NpCursor *c, NpPage *page, guint index,
                    double *top, gboolean opens)
{
  const NpStyle *st = f->style;
  const NpElement *e = np_element (f, c->element);
  int room = np_lines_below (f, *top);
  int air = opens ? 0 : 1;
  if (air + e->lines + np_keep_after (f, c->element) > room && !opens)
    return FALSE;
  np_set_head (f, page, index, e, np_page_left (st, index), *top,
               np_style_text_width (st), air);
  *top += (air + e->lines) * f->pitch;
  c->element++;
  return TRUE;
}

/* Sets one page: bands of columns, each under the head across all
 * columns that opens it, balanced when the band ends on the page; the
 * colophon at the foot of the last. */
static void
np_fill_bands (NpFlow *f, NpCursor *c, NpPage *page, guint index, double top)
{
  double first = top;
  guint n = f->story->elements->len;
  for (;;) {
    int lines = np_lines_below (f, top);
    if (np_cursor_done (f, c)) {
      if (!f->colophon_set && (lines >= f->colophon || top <= first)) {
        np_put_colophon (f, page, index);
        f->colophon_set = TRUE;
      }
      return;
    }
    const NpElement *e = np_element (f, c->element);
    if (c->offset == 0 && e && e->kind == NP_ELEMENT_HEAD && e->span &&
        c->pending->len == 0 && c->spans->len == 0) {
      if (!np_place_span_head (f, c, page, index, &top, top <= first))
        return;
      lines = np_lines_below (f, top);
    }
    np_set_band (f, c);
    if (lines <= 0)
      return;
    if (c->element == f->ending && c->pending->len == 0) {
      top += np_put_ending (f, c, page, index, top);
      continue;
    }
    gboolean last = f->limit >= n && !f->colophon_set;
    int reserve = last ? f->colophon : 0;
    int balanced = lines - reserve > 0
                     ? np_balanced_lines (f, c, top, lines - reserve) : 0;
    int capacity = balanced ? balanced : lines;
    /* The rest fits the page but not above the colophon: leave some of
     * it for the next page, so that the colophon does not stand alone. */
    if (!balanced && reserve && lines - reserve >= 2 &&
        np_balanced_lines (f, c, top, lines))
      capacity = lines - reserve;
    double before = top;
    int used = np_fill_page (f, c, page, index, top, capacity);
    top += used * f->pitch;
    if (c->element == f->ending && np_columns_done (f, c) &&
        used + np_ending_lines (f) <= lines - reserve)
      top += np_put_ending (f, c, page, index, top + f->pitch) + f->pitch;
    if (!balanced || !np_columns_done (f, c) ||
        (top <= before && c->element < f->limit))
      return; /* the page is full */
  }
}

/* Lays the whole story out once; returns the number of pages.  With
 * `pages` NULL it only measures. */
static guint
np_flow_pass (NpFlow *f, NpPages *pages)
{
  const NpStyle *style = f->style;
  NpCursor c = { .pending = g_array_new (FALSE, FALSE, sizeof (guint)),
                 .spans = g_array_new (FALSE, FALSE, sizeof (guint)) };
  f->colophon_set = f->colophon == 0;
  guint i;
  /* page 1 at least: the masthead and headline over nothing at all */
  for (i = 0; i == 0 || !np_cursor_done (f, &c) || !f->colophon_set; i++) {
    NpPage *page = pages ? np_pages_add_page (pages, style->page_width,
                                              style->page_height)
                         : NULL;
    double top = style->margin_top + (i == 0 ? np_put_head (f, page) : 0);
    top += np_put_spans (f, &c, page, i, top);
    np_fill_bands (f, &c, page, i, top);
  }
  np_cursor_clear (&c);
  return i;
}

/* The running head over pages after the first, at the outer edge, with a
 * thin rule under it. */
static void
np_put_running_heads (const NpStyle *st, const NpStory *story,
                      NpPages *pages)
{
  const NpParagraph *p = story->running;
  if (!p || p->lines->len == 0)
    return;
  double width = np_style_text_width (st);
  const NpLine *line = g_ptr_array_index (p->lines, 0);
  double y = st->margin_top - 0.3 * st->font[NP_ROLE_BODY].size;
  for (guint i = 1; i < pages->pages->len; i++) {
    NpPage *page = g_ptr_array_index (pages->pages, i);
    double left = np_page_left (st, i);
    /* A left-hand page (odd index) has its outer edge at the left. */
    double x = i % 2 == 1 ? left : left + width - line->width;
    np_page_tag (page, NP_TAG_ARTIFACT);
    np_page_add_text (page, p, line, x, y - 0.5 * p->font.size);
    np_page_add_rule (page, left, y, left + width, y, &st->frame_border,
                      st->rule_width);
  }
}

static gboolean
np_has_figures (const NpStory *story)
{
  for (guint i = 0; i < story->elements->len; i++)
    if (g_array_index (story->elements, NpElement, i).kind == NP_ELEMENT_FIGURE)
      return TRUE;
  return FALSE;
}

/* Placeholder frames give way before pages do: when smaller frames (down
 * to 0.6 of their height) save a page, the largest scale that does wins,
 * so no page is left with a few floated figures on it. */
static double
np_figure_scale (NpFlow *f)
{
  static const double scales[] = { 1.0, 0.9, 0.8, 0.7, 0.6 };
  double best = 1.0;
  guint fewest = G_MAXUINT;
  for (guint i = 0; i < G_N_ELEMENTS (scales) && np_has_figures (f->story);
       i++) {
    f->figure_scale = scales[i];
    guint n = np_flow_pass (f, NULL);
    if (n < fewest) {
      fewest = n;
      best = scales[i];
    }
  }
  return best;
}

void
np_flow (const NpStory *story, const NpStyle *style, NpFonts *fonts,
         NpPages *pages)
{
  NpFlow f = { .story = story, .style = style,
               .pitch = np_style_pitch (style),
               .column = np_style_column_width (style), .figure_scale = 1,
               .limit = story->elements->len, .ending = G_MAXUINT };
  f.full = (int) floor (
    (style->page_height - style->margin_top - style->margin_bottom) / f.pitch +
    1e-6);
  if (story->colophon->len > 0)
    f.colophon = 1 + (int) ceil (np_colophon_height (&f) / f.pitch - 1e-6);
  guint articles = 0;
  for (guint i = 0; i < story->elements->len; i++)
    articles = MAX (articles,
                    g_array_index (story->elements, NpElement, i).article + 1);
  f.starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_size (f.starts, articles);
  for (guint i = 0; i < articles; i++)
    g_array_index (f.starts, guint, i) = G_MAXUINT;
  f.entries = g_array_new (FALSE, FALSE, sizeof (double));
  f.figure_scale = np_figure_scale (&f);
  f.pages = pages;
  np_flow_pass (&f, pages);
  np_put_footers (style, story->footer, fonts, pages);
  np_put_running_heads (style, story, pages);
  np_put_contents_pages (&f, fonts, pages);
  g_array_free (f.starts, TRUE);
  g_array_free (f.entries, TRUE);
}
