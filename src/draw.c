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
#include <pango/pangocairo.h>

#include "emoji.h"
#include "error.h"

static void
np_set_colour (cairo_t *cr, const NpColor *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
np_draw_text (cairo_t *cr, NpEmoji *emoji, const NpItem *item)
{
  const NpParagraph *p = item->paragraph;
  double x = item->x;
  np_set_colour (cr, &p->font.color);
  for (guint i = 0; i < item->line->runs->len; i++) {
    PangoGlyphItem *run = g_ptr_array_index (item->line->runs, i);
    if (np_emoji_is_colour (run->item->analysis.font)) {
      np_emoji_show (emoji, cr, p->text, run, x, item->y, p->font.size);
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

static void
np_draw_rule (cairo_t *cr, const NpItem *item)
{
  np_set_colour (cr, &item->stroke);
  cairo_set_line_width (cr, item->stroke_width);
  cairo_move_to (cr, item->x, item->y);
  cairo_rel_line_to (cr, item->w, item->h);
  cairo_stroke (cr);
}

void
np_draw_page (cairo_t *cr, NpEmoji *emoji, const NpPage *page)
{
  for (guint i = 0; i < page->items->len; i++) {
    const NpItem *item = &g_array_index (page->items, NpItem, i);
    switch (item->kind) {
    case NP_ITEM_TEXT:
      np_draw_text (cr, emoji, item);
      break;
    case NP_ITEM_BOX:
      np_draw_box (cr, item);
      break;
    case NP_ITEM_RULE:
      np_draw_rule (cr, item);
      break;
    }
  }
}

static cairo_status_t
np_write_output (void *closure, const unsigned char *data, unsigned int len)
{
  np_output_write (closure, data, len);
  return CAIRO_STATUS_SUCCESS;
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
    { CAIRO_PDF_METADATA_CREATOR, "newsprint " NP_VERSION },
  };
  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    if (meta[i].value && *meta[i].value)
      cairo_pdf_surface_set_metadata (surface, meta[i].key, meta[i].value);
}

gboolean
np_draw_pdf (const NpPages *pages, NpOutput *out, GError **error)
{
  const NpPage *first = g_ptr_array_index (pages->pages, 0);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (
    np_write_output, out, first->width, first->height);
  np_set_metadata (surface, pages);
  cairo_t *cr = cairo_create (surface);
  NpEmoji *emoji = np_emoji_new ();
  for (guint i = 0; i < pages->pages->len; i++) {
    const NpPage *page = g_ptr_array_index (pages->pages, i);
    cairo_pdf_surface_set_size (surface, page->width, page->height);
    np_draw_page (cr, emoji, page);
    cairo_show_page (cr);
  }
  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  np_emoji_free (emoji); /* after finish: the PDF refers to its pictures */
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
  NpEmoji *emoji = np_emoji_new ();
  np_draw_page (cr, emoji, page);
  cairo_destroy (cr);
  np_emoji_free (emoji);
  return surface;
}
