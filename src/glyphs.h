/* glyphs.h: Pango glyph runs -> Cairo glyphs and clusters. */
#ifndef NP_GLYPHS_H
#define NP_GLYPHS_H

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The glyphs of `run` placed with its baseline starting at (x, y), in
 * points, and the clusters that map them onto the run's text, for
 * cairo_show_text_glyphs(), which keeps the text searchable.  Glyphs Pango
 * marks empty (joiners, selectors) become `empty`.  The glyphs come in
 * text order (a right-to-left run's reversed), with forward clusters.  Both
 * arrays are newly allocated; returns the number of glyphs. */
int np_glyphs_for_run (const PangoGlyphItem *run, double x, double y,
                       unsigned long empty, cairo_glyph_t **glyphs,
                       cairo_text_cluster_t **clusters, int *n_clusters);

G_END_DECLS

#endif
