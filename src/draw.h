/* draw.h: pages -> Cairo surfaces. */
#ifndef NP_DRAW_H
#define NP_DRAW_H

#include <cairo.h>
#include "emoji.h"
#include "output.h"
#include "page.h"

G_BEGIN_DECLS

/* Paints one page on `cr`, whose user space is in points from the page's
 * top-left corner; `emoji` caches colour pictures across pages. */
void np_draw_page (cairo_t *cr, NpEmoji *emoji, const NpPage *page);

/* Writes every page as one PDF (fonts embedded as subsets, text
 * extractable, metadata from `pages`).  Errors: NP_ERROR_INTERNAL. */
gboolean np_draw_pdf (const NpPages *pages, NpOutput *out, GError **error);

/* Paints page `index` (from 0) at `dpi` on a white image surface, which
 * the caller destroys. */
cairo_surface_t *np_draw_image (const NpPages *pages, guint index,
                                double dpi);

G_END_DECLS

#endif
