/* glyphs.c: Pango glyph runs -> Cairo glyphs and clusters.
 *
 * Contract: pure conversion of one shaped run into what Cairo draws: glyph
 * positions from the advances and offsets (which already carry the
 * justification), and the text clusters.
 */
#include "glyphs.h"

int
np_glyphs_for_run (const PangoGlyphItem *run, double x, double y,
                   unsigned long empty, cairo_glyph_t **glyphs,
                   cairo_text_cluster_t **clusters, int *n_clusters)
{
  const PangoGlyphString *gs = run->glyphs;
  int n = gs->num_glyphs;
  /* A right-to-left run (Hebrew, Arabic) holds its glyphs in visual order,
   * the reverse of its text.  Each glyph carries its own position, so the
   * array is handed over in text order, with forward clusters: Cairo 1.16
   * checks backward clusters' text from the wrong end. */
  gboolean rtl = run->item->analysis.level % 2;
  *glyphs = g_new (cairo_glyph_t, MAX (n, 1));
  *clusters = g_new (cairo_text_cluster_t, MAX (n, 1));
  double pen = x;
  for (int g = 0; g < n; g++) {
    const PangoGlyphInfo *gi = &gs->glyphs[g];
    cairo_glyph_t *out = &(*glyphs)[rtl ? n - 1 - g : g];
    out->index = gi->glyph == PANGO_GLYPH_EMPTY ? empty : gi->glyph;
    out->x = pen + (double) gi->geometry.x_offset / PANGO_SCALE;
    out->y = y + (double) gi->geometry.y_offset / PANGO_SCALE;
    pen += (double) gi->geometry.width / PANGO_SCALE;
  }
  int k = 0;
  for (int t = 0; t < n;) {
    int start = gs->log_clusters[rtl ? n - 1 - t : t], next = t;
    while (next < n && gs->log_clusters[rtl ? n - 1 - next : next] == start)
      next++;
    int end = next < n ? gs->log_clusters[rtl ? n - 1 - next : next]
                       : run->item->length;
    (*clusters)[k].num_bytes = end - start;
    (*clusters)[k].num_glyphs = next - t;
    k++;
    t = next;
  }
  *n_clusters = k;
  return n;
}
