/* subset.h: the glyphs a newsletter uses -> small fonts for Cairo. */
#ifndef NP_SUBSET_H
#define NP_SUBSET_H

#include <cairo.h>
#include <pango/pango.h>

#include "page.h"

G_BEGIN_DECLS

typedef struct NpSubsets NpSubsets;

/* Subsets every (non-colour) font the text of `pages` uses to the glyphs
 * it shows.  Never fails: a font that cannot be
 * subset is simply not in the result. */
NpSubsets *np_subsets_new (const NpPages *pages);
void np_subsets_free (NpSubsets *subsets); /* accepts NULL */

/* The subset of one font. */
typedef struct NpSubset NpSubset;

/* The subset of `font` (owned by `subsets`), or NULL: then draw with the
 * font itself. */
const NpSubset *np_subsets_find (NpSubsets *subsets, PangoFont *font);

/* Its Cairo font face, and the number a glyph of the whole font has in
 * it (a glyph Pango marks empty becomes the space). */
cairo_font_face_t *np_subset_face (const NpSubset *subset);
unsigned long np_subset_glyph (const NpSubset *subset, unsigned long glyph);

G_END_DECLS

#endif
