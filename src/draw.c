/* draw.c: pages -> Cairo surfaces (PDF).
 *
 * Contract: paints the items of positioned pages exactly where flow.c put
 * them; it decides nothing about layout.  Text goes through
 * pango_cairo_show_glyph_item(), which hands Cairo the text with its
 * glyphs, so every character stays searchable and copyable in the PDF.
 */
#include "draw.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "emoji.h"
#include "error.h"
#include "glyphs.h"
#include "pdfmark.h"
#include "subset.h"

static void
np_set_colour (cairo_t *cr, const NpColor *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* What painting needs beside the page: the emoji pictures decoded so far,
 * and (for a PDF) the subset fonts. */
typedef struct {
  NpEmoji *emoji;
  NpSubsets *subsets; /* NULL: draw with the whole fonts */
} NpInk;

/* A run in the subset of its font: its glyphs renumbered, at the same
 * positions, with the text for search and copy. */
static void
np_show_subset (cairo_t *cr, const NpSubset *subset, const char *text,
                const PangoGlyphItem *run, double x, double y)
{
  PangoFont *font = run->item->analysis.font;
  PangoFontDescription *desc = pango_font_describe_with_absolute_size (font);
  double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  pango_font_description_free (desc);
  cairo_glyph_t *glyphs;
  cairo_text_cluster_t *clusters;
  int nc;
  int n = np_glyphs_for_run (run, x, y, PANGO_GLYPH_EMPTY, &glyphs, &clusters,
                             &nc);
  for (int g = 0; g < n; g++)
    glyphs[g].index = np_subset_glyph (subset, glyphs[g].index);
  cairo_set_font_face (cr, np_subset_face (subset));
  cairo_set_font_size (cr, size);
  cairo_show_text_glyphs (cr, text + run->item->offset, run->item->length,
                          glyphs, n, clusters, nc, 0);
  g_free (clusters);
  g_free (glyphs);
}

static void
np_draw_text (cairo_t *cr, NpInk *ink, const NpItem *item)
{
  const NpParagraph *p = item->paragraph;
  double x = item->x;
  np_set_colour (cr, &p->font.color);
  for (guint i = 0; i < item->line->runs->len; i++) {
    PangoGlyphItem *run = g_ptr_array_index (item->line->runs, i);
    PangoFont *font = run->item->analysis.font;
    const NpSubset *subset =
      ink->subsets ? np_subsets_find (ink->subsets, font) : NULL;
    if (np_emoji_is_colour (font)) {
      np_emoji_show (ink->emoji, cr, p->text, run, x, item->y, p->font.size);
    } else if (subset) {
      np_show_subset (cr, subset, p->text, run, x, item->y);
    } else {
      cairo_move_to (cr, x, item->y);
      pango_cairo_show_glyph_item (cr, p->text, run);
    }
    x += (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
  }
}

static void
np_draw_box (cairo_t *cr, const NpItem *item)
{
  cairo_rectangle (cr, item->x, item->y, item->w, item->h);
  if (item->filled) {
    np_set_colour (cr, &item->fill);
    cairo_fill_preserve (cr);
  }
  if (item->stroked) {
    np_set_colour (cr, &item->stroke);
    cairo_set_line_width (cr, item->stroke_width);
    cairo_stroke_preserve (cr);
  }
  cairo_new_path (cr);
}

/* How EXIF orientation `o` maps stored pixels (w x h) to upright ones. */
static void
np_orientation_matrix (int o, double w, double h, cairo_matrix_t *m)
{
  switch (o) {
  case 2: cairo_matrix_init (m, -1, 0, 0, 1, w, 0); break;   /* mirrored */
  case 3: cairo_matrix_init (m, -1, 0, 0, -1, w, h); break;  /* upside down */
  case 4: cairo_matrix_init (m, 1, 0, 0, -1, 0, h); break;   /* flipped */
  case 5: cairo_matrix_init (m, 0, 1, 1, 0, 0, 0); break;    /* transposed */
  case 6: cairo_matrix_init (m, 0, 1, -1, 0, h, 0); break;   /* turned right */
  case 7: cairo_matrix_init (m, 0, -1, -1, 0, h, w); break;  /* transverse */
  case 8: cairo_matrix_init (m, 0, -1, 1, 0, 0, w); break;   /* turned left */
  default: cairo_matrix_init_identity (m); break;
  }
}

static void
np_draw_photo (cairo_t *cr, const NpItem *item)
{
  const NpPhoto *photo = item->photo;
  cairo_surface_t *s = photo->surface;
  double w = cairo_image_surface_get_width (s);
  double h = cairo_image_surface_get_height (s);
  cairo_matrix_t upright;
  np_orientation_matrix (photo->orientation, w, h, &upright);
  cairo_save (cr);
  cairo_translate (cr, item->x, item->y);
  cairo_scale (cr, item->w / photo->width, item->h / photo->height);
  cairo_transform (cr, &upright);
  cairo_set_source_surface (cr, s, 0, 0);
  /* A filled rectangle, not cairo_paint(): Cairo 1.16 loses track of the
   * tags of the pages after an unbounded paint inside one. */
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
np_draw_rule (cairo_t *cr, const NpItem *item)
{
  np_set_colour (cr, &item->stroke);
  cairo_set_line_width (cr, item->stroke_width);
  cairo_move_to (cr, item->x, item->y);
  cairo_rel_line_to (cr, item->w, item->h);
  cairo_stroke (cr);
}

/* PDF structure tag names, by NpTag. */
static const char *const np_tag_names[] = {
  [NP_TAG_ARTIFACT] = NULL, [NP_TAG_H1] = "H1",      [NP_TAG_H2] = "H2",
  [NP_TAG_P] = "P",         [NP_TAG_FIGURE] = "Figure",
  [NP_TAG_CAPTION] = "Caption", [NP_TAG_TH] = "TH", [NP_TAG_TD] = "TD",
};

/* The tagged elements open while a page is painted: a table, its row, and
 * one element (a paragraph, a cell…).  Artifacts paint inside whatever is
 * open and change nothing. */
typedef struct {
  guint table, row, element;
  NpTag tag;
} NpOpenTags;

static void
np_close_tags (cairo_t *cr, NpOpenTags *open, gboolean element,
               gboolean row, gboolean table)
{
  if (element && open->element) {
    cairo_tag_end (cr, np_tag_names[open->tag]);
    open->element = 0;
  }
  if (row && open->row) {
    cairo_tag_end (cr, "TR");
    open->row = 0;
  }
  if (table && open->table) {
    cairo_tag_end (cr, "Table");
    open->table = 0;
  }
}

static void
np_open_tags (cairo_t *cr, NpOpenTags *open, const NpItem *item)
{
  if (item->tag == NP_TAG_ARTIFACT || item->element == open->element)
    return;
  gboolean new_table = item->table != open->table;
  gboolean new_row = new_table || item->row != open->row;
  np_close_tags (cr, open, TRUE, new_row, new_table);
  if (new_table && item->table) {
    cairo_tag_begin (cr, "Table", NULL);
    open->table = item->table;
  }
  if (new_row && item->row) {
    cairo_tag_begin (cr, "TR", NULL);
    open->row = item->row;
  }
  cairo_tag_begin (cr, np_tag_names[item->tag], NULL);
  open->element = item->element;
  open->tag = item->tag;
}

/* Paints one page on `cr`, whose user space is in points from the page's
 * top-left corner. */
static void
np_draw_page (cairo_t *cr, NpInk *ink, const NpPage *page)
{
  /* Each page's elements grouped in one Part (PDF 14.8.4.2): Cairo 1.16
   * declares the file tagged (/MarkInfo << /Marked true >>) itself when
   * the elements hang under such a grouping element, and not when they
   * hang straight on the structure root. */
  cairo_tag_begin (cr, "Part", NULL);
  NpOpenTags open = { 0 };
  for (guint i = 0; i < page->items->len; i++) {
    const NpItem *item = &g_array_index (page->items, NpItem, i);
    np_open_tags (cr, &open, item);
    switch (item->kind) {
    case NP_ITEM_TEXT:
      np_draw_text (cr, ink, item);
      break;
    case NP_ITEM_BOX:
      np_draw_box (cr, item);
      break;
    case NP_ITEM_RULE:
      np_draw_rule (cr, item);
      break;
    case NP_ITEM_PHOTO:
      np_draw_photo (cr, item);
      break;
    }
  }
  np_close_tags (cr, &open, TRUE, TRUE, TRUE);
  cairo_tag_end (cr, "Part");
}

static cairo_status_t
np_write_output (void *closure, const unsigned char *data, unsigned int len)
{
  np_output_write (closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* The date the PDF says it was made, in the ISO 8601 form Cairo wants. */
static char *
np_pdf_date (const NpPages *pages)
{
  g_autoptr (GDateTime) when = pages->created
                                 ? g_date_time_ref (pages->created)
                                 : g_date_time_new_now_utc ();
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
}

static void
np_set_metadata (cairo_surface_t *surface, const NpPages *pages)
{
  const struct {
    cairo_pdf_metadata_t key;
    const char *value;
  } meta[] = {
    { CAIRO_PDF_METADATA_TITLE, pages->title },
    { CAIRO_PDF_METADATA_AUTHOR, pages->author },
    { CAIRO_PDF_METADATA_SUBJECT, pages->subject },
    { CAIRO_PDF_METADATA_KEYWORDS, pages->keywords },
    { CAIRO_PDF_METADATA_CREATOR, "newsprint " NP_VERSION },
  };
  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    if (meta[i].value && *meta[i].value)
      cairo_pdf_surface_set_metadata (surface, meta[i].key, meta[i].value);
  /* Reproducible builds: SOURCE_DATE_EPOCH fixes the dates, and with them
   * every byte of the file. */
  g_autofree char *date = np_pdf_date (pages);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* The deepest outline an issue makes: section, article, its headings. */
#define NP_OUTLINE_DEPTH 4

static void
np_add_outline (cairo_surface_t *surface, const NpPages *pages)
{
  /* The last entry at each depth: an entry goes under the nearest one
   * above it. */
  int parents[NP_OUTLINE_DEPTH] = { CAIRO_PDF_OUTLINE_ROOT };
  guint depth = 0;
  for (guint i = 0; i < pages->bookmarks->len; i++) {
    const NpBookmark *b = &g_array_index (pages->bookmarks, NpBookmark, i);
    /* A whole point: Cairo 1.16 reads a fraction here by the locale's
     * decimal mark and refuses "113.52" under de_DE, and a bookmark needs
     * no finer place. */
    g_autofree char *link = g_strdup_printf ("page=%u pos=[0 %ld]",
                                             b->page + 1, lround (b->y));
    guint level = MIN (b->level, MIN (depth, NP_OUTLINE_DEPTH - 1));
    int id = cairo_pdf_surface_add_outline (
      surface, level ? parents[level - 1] : CAIRO_PDF_OUTLINE_ROOT, b->title,
      link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
    parents[level] = id;
    depth = level + 1;
  }
}

/* Room outside the trim: the bleed, and beyond it the crop marks, set off
 * 3 pt from the bleed and 18 pt long. */
#define NP_MARK_OFFSET 3.0
#define NP_MARK_LENGTH 18.0

static double
np_slug (const NpPress *press)
{
  if (!press)
    return 0;
  return press->bleed +
         (press->crop_marks ? NP_MARK_OFFSET + NP_MARK_LENGTH : 0);
}

/* Trim marks at the four corners of a w x h page, outside the bleed. */
static void
np_draw_crop_marks (cairo_t *cr, const NpPress *press, double w, double h)
{
  double near = press->bleed + NP_MARK_OFFSET;
  double far = near + NP_MARK_LENGTH;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.25);
  for (int corner = 0; corner < 4; corner++) {
    double x = corner & 1 ? w : 0, y = corner & 2 ? h : 0;
    double sx = corner & 1 ? 1 : -1, sy = corner & 2 ? 1 : -1;
    cairo_move_to (cr, x + sx * near, y);
    cairo_line_to (cr, x + sx * far, y);
    cairo_move_to (cr, x, y + sy * near);
    cairo_line_to (cr, x, y + sy * far);
  }
  cairo_stroke (cr);
}

gboolean
np_draw_pdf_stream (const NpPages *pages, const NpPress *press,
                    cairo_write_func_t write, void *closure, GError **error)
{
  const NpPage *first = g_ptr_array_index (pages->pages, 0);
  double slug = np_slug (press);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (
    write, closure, first->width + 2 * slug, first->height + 2 * slug);
  np_set_metadata (surface, pages);
  cairo_t *cr = cairo_create (surface);
  NpInk ink = { np_emoji_new (), np_subsets_new (pages) };
  for (guint i = 0; i < pages->pages->len; i++) {
    const NpPage *page = g_ptr_array_index (pages->pages, i);
    cairo_pdf_surface_set_size (surface, page->width + 2 * slug,
                                page->height + 2 * slug);
    cairo_save (cr);
    cairo_translate (cr, slug, slug);
    np_draw_page (cr, &ink, page);
    if (press && press->crop_marks)
      np_draw_crop_marks (cr, press, page->width, page->height);
    cairo_restore (cr);
    cairo_show_page (cr);
  }
  np_add_outline (surface, pages);
  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  /* After finish: the PDF refers to the pictures and fonts until then. */
  np_emoji_free (ink.emoji);
  np_subsets_free (ink.subsets);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL, "PDF: %s",
                 cairo_status_to_string (status));
    return FALSE;
  }
  return TRUE;
}

gboolean
np_draw_pdf (const NpPages *pages, const NpPress *press, NpOutput *out,
             GError **error)
{
  if (!np_draw_pdf_stream (pages, press, np_write_output, out, error))
    return FALSE;
  const NpPage *first = g_ptr_array_index (pages->pages, 0);
  double slug = np_slug (press);
  const char *language = pages->language ? pages->language : "zh";
  if (slug == 0)
    return np_pdf_finish (out, language, NULL, NULL, error);
  double b = press->bleed;
  double trim[4] = { slug, slug, slug + first->width, slug + first->height };
  double bleed[4] = { trim[0] - b, trim[1] - b, trim[2] + b, trim[3] + b };
  return np_pdf_finish (out, language, trim, bleed, error);
}

cairo_surface_t *
np_draw_image (const NpPages *pages, guint index, double dpi)
{
  const NpPage *page = g_ptr_array_index (pages->pages, index);
  double scale = dpi / 72.0;
  cairo_surface_t *surface = cairo_image_surface_create (
    CAIRO_FORMAT_RGB24, (int) ceil (page->width * scale),
    (int) ceil (page->height * scale));
  cairo_t *cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  NpInk ink = { np_emoji_new (), NULL };
  np_draw_page (cr, &ink, page);
  cairo_destroy (cr);
  np_emoji_free (ink.emoji);
  return surface;
}

NpFormat
np_draw_format (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    return NP_FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return NP_FORMAT_SVG;
  return NP_FORMAT_PDF;
}

char *
np_draw_page_path (const char *path, guint number)
{
  const char *dot = strrchr (path, '.');
  gsize stem = dot ? (gsize) (dot - path) : strlen (path);
  return g_strdup_printf ("%.*s-%u%s", (int) stem, path, number,
                          dot ? dot : "");
}

gboolean
np_draw_is_page_name (const char *path, const char *name)
{
  const char *dash = strrchr (name, '-');
  if (!dash || !g_ascii_isdigit (dash[1]))
    return FALSE;
  guint64 number = g_ascii_strtoull (dash + 1, NULL, 10);
  if (number == 0 || number > G_MAXUINT)
    return FALSE;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *page = np_draw_page_path (base, (guint) number);
  return strcmp (page, name) == 0;
}

static gboolean
np_check_surface (cairo_surface_t *surface, const char *what, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL, "%s: %s", what,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
np_draw_png (const NpPages *pages, guint index, double dpi, NpOutput *out,
             GError **error)
{
  cairo_surface_t *image = np_draw_image (pages, index, dpi);
  cairo_status_t status =
    cairo_surface_write_to_png_stream (image, np_write_output, out);
  gboolean ok = np_check_surface (image, "PNG", error);
  cairo_surface_destroy (image);
  if (ok && status != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL, "PNG: %s",
                 cairo_status_to_string (status));
    ok = FALSE;
  }
  return ok;
}

gboolean
np_draw_svg (const NpPages *pages, guint index, NpOutput *out,
             GError **error)
{
  const NpPage *page = g_ptr_array_index (pages->pages, index);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (
    np_write_output, out, page->width, page->height);
  cairo_t *cr = cairo_create (surface);
  NpInk ink = { np_emoji_new (), NULL };
  np_draw_page (cr, &ink, page);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  np_emoji_free (ink.emoji);
  gboolean ok = np_check_surface (surface, "SVG", error);
  cairo_surface_destroy (surface);
  return ok;
}
