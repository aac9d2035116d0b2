/* emoji.c: colour glyphs -> print-resolution pictures with their text.
 *
 * Contract: draws the glyphs of a colour bitmap font (Noto Color Emoji) as
 * the font's own full-size pictures, one image per distinct glyph however
 * often it is used, and lays an invisible text glyph over each so the PDF
 * text still holds the emoji.  Cairo 1.16 would draw such glyphs as 72 dpi
 * images, and its Type 3 fonts cannot hold colour.
 */
#include "emoji.h"

#include "glyphs.h"

#include <string.h>

#include <hb-ot.h>
#include <pango/pangocairo.h>

struct NpEmoji {
  GHashTable *faces;    /* hb_face_t* -> NpEmojiFace* */
};

/* One colour font: its pictures and the invisible font carrying its text. */
typedef struct {
  hb_font_t *font;           /* scaled to font units */
  unsigned upem;
  GHashTable *pictures;      /* glyph -> cairo_surface_t* (NULL: none) */
  cairo_font_face_t *carrier;
  double ratio;              /* emoji size / size of the text around it */
} NpEmojiFace;

static const cairo_user_data_key_t np_carrier_key;

static void
np_emoji_face_free (NpEmojiFace *f)
{
  hb_font_destroy (f->font);
  g_hash_table_destroy (f->pictures);
  cairo_font_face_destroy (f->carrier);
  g_free (f);
}

NpEmoji *
np_emoji_new (void)
{
  NpEmoji *emoji = g_new0 (NpEmoji, 1);
  emoji->faces = g_hash_table_new_full (
    g_direct_hash, g_direct_equal, (GDestroyNotify) hb_face_destroy,
    (GDestroyNotify) np_emoji_face_free);
  return emoji;
}

void
np_emoji_free (NpEmoji *emoji)
{
  if (!emoji)
    return;
  g_hash_table_destroy (emoji->faces);
  g_free (emoji);
}

/* The carrier's glyphs draw nothing; they only advance, as the colour
 * glyph they stand for does, so that text selection covers the picture. */
static cairo_status_t
np_carrier_render (cairo_scaled_font_t *scaled, unsigned long glyph,
                   cairo_t *cr, cairo_text_extents_t *extents)
{
  (void) cr;
  NpEmojiFace *f = cairo_font_face_get_user_data (
    cairo_scaled_font_get_font_face (scaled), &np_carrier_key);
  extents->x_advance =
    f->ratio * hb_font_get_glyph_h_advance (f->font, glyph) / f->upem;
  return CAIRO_STATUS_SUCCESS;
}

static NpEmojiFace *
np_emoji_face (NpEmoji *emoji, hb_face_t *face)
{
  NpEmojiFace *f = g_hash_table_lookup (emoji->faces, face);
  if (f)
    return f;
  f = g_new0 (NpEmojiFace, 1);
  f->upem = hb_face_get_upem (face);
  f->font = hb_font_create (face);
  hb_font_set_scale (f->font, (int) f->upem, (int) f->upem);
  f->pictures = g_hash_table_new_full (
    g_direct_hash, g_direct_equal, NULL,
    (GDestroyNotify) cairo_surface_destroy);
  f->carrier = cairo_user_font_face_create ();
  cairo_user_font_face_set_render_glyph_func (f->carrier, np_carrier_render);
  cairo_font_face_set_user_data (f->carrier, &np_carrier_key, f, NULL);
  g_hash_table_insert (emoji->faces, hb_face_reference (face), f);
  return f;
}

gboolean
np_emoji_is_colour (PangoFont *font)
{
  hb_font_t *hb = pango_font_get_hb_font (font);
  return hb && hb_ot_color_has_png (hb_font_get_face (hb));
}

typedef struct {
  const char *data;
  unsigned length, offset;
} NpBlobReader;

static cairo_status_t
np_read_blob (void *closure, unsigned char *out, unsigned int length)
{
  NpBlobReader *r = closure;
  if (length > r->length - r->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The picture laid on white paper, opaque (NULL if `png` failed): a print
 * shop wants no transparency to flatten, and the PDF no soft mask to
 * store beside every picture.  Emoji are set on the page, which is white
 * (a shaded table header would show the white square). */
static cairo_surface_t *
np_on_paper (cairo_surface_t *png)
{
  if (cairo_surface_status (png) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy (png);
    return NULL;
  }
  int w = cairo_image_surface_get_width (png);
  int h = cairo_image_surface_get_height (png);
  cairo_surface_t *opaque = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                        w, h);
  cairo_t *cr = cairo_create (opaque);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (png);
  return opaque;
}

/* The glyph's picture at the font's own resolution (Noto Color Emoji:
 * 136 pixels for 109 to the em), decoded once; NULL when it has none. */
static cairo_surface_t *
np_emoji_picture (NpEmojiFace *f, hb_codepoint_t glyph)
{
  gpointer key = GUINT_TO_POINTER (glyph);
  cairo_surface_t *picture;
  if (g_hash_table_lookup_extended (f->pictures, key, NULL,
                                    (gpointer *) &picture))
    return picture;
  hb_blob_t *png = hb_ot_color_glyph_reference_png (f->font, glyph);
  NpBlobReader r = { .data = hb_blob_get_data (png, &r.length) };
  picture = NULL;
  if (r.length > 0) {
    picture = np_on_paper (
      cairo_image_surface_create_from_png_stream (np_read_blob, &r));
  }
  hb_blob_destroy (png);
  g_hash_table_insert (f->pictures, key, picture);
  return picture;
}

static void
np_paint_picture (cairo_t *cr, NpEmojiFace *f, hb_codepoint_t glyph,
                  double x, double y, double scale)
{
  cairo_surface_t *picture = np_emoji_picture (f, glyph);
  hb_glyph_extents_t ext;
  if (!picture || !hb_font_get_glyph_extents (f->font, glyph, &ext))
    return;
  int w = cairo_image_surface_get_width (picture);
  int h = cairo_image_surface_get_height (picture);
  if (w == 0 || h == 0 || ext.width == 0 || ext.height == 0)
    return;
  cairo_save (cr);
  /* HarfBuzz measures from the baseline upwards; Cairo's y grows down. */
  cairo_translate (cr, x + ext.x_bearing * scale, y - ext.y_bearing * scale);
  cairo_scale (cr, ext.width * scale / w, -ext.height * scale / h);
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_rectangle (cr, 0, 0, w, h); /* not cairo_paint(): see draw.c */
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The size the font is set at, in points.  Pango's description of a bitmap
 * font gives its pixel strike (109), so ask the Cairo font, which fontconfig
 * scaled to the text's size. */
static double
np_font_size (PangoFont *font)
{
  cairo_scaled_font_t *scaled =
    pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  cairo_matrix_t m;
  cairo_scaled_font_get_font_matrix (scaled, &m);
  return m.yy;
}

void
np_emoji_show (NpEmoji *emoji, cairo_t *cr, const char *text,
               const PangoGlyphItem *run, double x, double y,
               double text_size)
{
  PangoFont *font = run->item->analysis.font;
  NpEmojiFace *f =
    np_emoji_face (emoji, hb_font_get_face (pango_font_get_hb_font (font)));
  double size = np_font_size (font);
  /* The carrier is set at the size of the text around it, so that a reader
   * sees the emoji on the same line as their neighbours; its advances are
   * scaled to the picture's.  The ratio is the same all through a
   * newsletter (emoji are scaled to one em everywhere). */
  if (f->ratio == 0)
    f->ratio = size / text_size;
  double scale = size / f->upem;
  cairo_glyph_t *glyphs;
  cairo_text_cluster_t *clusters;
  int nc;
  /* Joiners and selectors keep their (empty) glyph in the carrier, so
   * that the text of a whole sequence maps onto its glyphs. */
  int n = np_glyphs_for_run (run, x, y, PANGO_GLYPH_EMPTY, &glyphs, &clusters,
                             &nc);
  for (int g = 0; g < n; g++) {
    PangoGlyph glyph = (PangoGlyph) glyphs[g].index; /* in text order */
    if (glyph != PANGO_GLYPH_EMPTY && !(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
      np_paint_picture (cr, f, glyph, glyphs[g].x, glyphs[g].y, scale);
  }
  if (n > 0) {
    cairo_save (cr);
    cairo_set_font_face (cr, f->carrier);
    cairo_set_font_size (cr, size / f->ratio);
    cairo_show_text_glyphs (cr, text + run->item->offset, run->item->length,
                            glyphs, n, clusters, nc, 0);
    cairo_restore (cr);
  }
  g_free (clusters);
  g_free (glyphs);
}
