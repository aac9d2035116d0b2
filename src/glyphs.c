/* glyphs.c: Pango glyph runs -> Cairo glyphs and clusters.
 *
 * Contract: pure conversion of one shaped run (left to right) into what
 * Cairo draws: glyph positions from the advances and offsets (which
 * already carry the justification), and the text clusters.
 */
#include "glyphs.h"

int
np_glyphs_for_run (const PangoGlyphItem *run, double x, double y,
                   unsigned long empty, cairo_glyph_t **glyphs,
                   cairo_text_cluster_t **clusters, int *n_clusters)
{
  const PangoGlyphString *gs = run->glyphs;
  int n = gs->num_glyphs;
  *glyphs = g_new (cairo_glyph_t, MAX (n, 1));
  *clusters = g_new (cairo_text_cluster_t, MAX (n, 1));
  double pen = x;
  for (int g = 0; g < n; g++) {
    const PangoGlyphInfo *gi = &gs->glyphs[g];
    (*glyphs)[g].index = gi->glyph == PANGO_GLYPH_EMPTY ? empty : gi->glyph;
    (*glyphs)[g].x = pen + (double) gi->geometry.x_offset / PANGO_SCALE;
    (*glyphs)[g].y = y + (double) gi->geometry.y_offset / PANGO_SCALE;
    pen += (double) gi->geometry.width / PANGO_SCALE;
  }
  int k = 0;
  for (int g = 0; g < n;) {
    int start = gs->log_clusters[g], next = g;
    while (next < n && gs->log_clusters[next] == start)
      next++;
    int end = next < n ? gs->log_clusters[next] : run->item->length;
    (*clusters)[k].num_bytes = end - start;
    (*clusters)[k].num_glyphs = next - g;
    k++;
    g = next;
  }
  *n_clusters = k;
  return n;
}
