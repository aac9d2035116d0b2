/* draw.h: pages -> Cairo surfaces. */
#ifndef NP_DRAW_H
#define NP_DRAW_H

#include <cairo.h>
#include "emoji.h"
#include "output.h"
#include "page.h"

G_BEGIN_DECLS

/* What the print shop asks for beyond the trimmed page. */
typedef struct {
  double bleed;        /* points printed beyond the trim on each side */
  gboolean crop_marks; /* trim marks outside the bleed */
} NpPress;

/* Writes every page as one PDF (fonts embedded as subsets, text
 * extractable, tagged, metadata from `pages`).  With `press` (may be
 * NULL) the media box grows by the bleed and the marks, and the TrimBox
 * stays the page.  Errors: NP_ERROR_INTERNAL. */
gboolean np_draw_pdf (const NpPages *pages, const NpPress *press,
                      NpOutput *out, GError **error);
/* The same PDF as Cairo makes it, written through `write`, before the
 * tags' language and the print boxes are added (for tests and fuzzing). */
gboolean np_draw_pdf_stream (const NpPages *pages, const NpPress *press,
                             cairo_write_func_t write, void *closure,
                             GError **error);

/* What a file name asks for: PDF (also "-"), or proofs of each page as
 * PNG or SVG (by the extension, .png or .svg). */
typedef enum {
  NP_FORMAT_PDF,
  NP_FORMAT_PNG,
  NP_FORMAT_SVG,
} NpFormat;

NpFormat np_draw_format (const char *path);

/* The file of page `number` (from 1) of a proof: out.png -> out-1.png.
 * Newly allocated. */
char *np_draw_page_path (const char *path, guint number);
/* Whether `name` (a file name, no folder) is the file of some page of the
 * proofs `path` asks for: out.png -> out-1.png, out-2.png… */
gboolean np_draw_is_page_name (const char *path, const char *name);

/* Writes page `index` (from 0) as a PNG at `dpi`, or as an SVG. */
gboolean np_draw_png (const NpPages *pages, guint index, double dpi,
                      NpOutput *out, GError **error);
gboolean np_draw_svg (const NpPages *pages, guint index, NpOutput *out,
                      GError **error);

/* Paints page `index` (from 0) at `dpi` on a white image surface, which
 * the caller destroys. */
cairo_surface_t *np_draw_image (const NpPages *pages, guint index,
                                double dpi);

G_END_DECLS

#endif
