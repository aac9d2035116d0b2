/* subset.h: the glyphs a newsletter uses -> small fonts for Cairo. */
#ifndef NP_SUBSET_H
#define NP_SUBSET_H

#include <cairo.h>
#include <pango/pango.h>

#include "page.h"

G_BEGIN_DECLS

typedef struct NpSubsets NpSubsets;

/* Subsets every (non-colour) font the text of `pages` uses to the glyphs
 * it shows, keeping glyph numbers.  Never fails: a font that cannot be
 * subset is simply not in the result. */
NpSubsets *np_subsets_new (const NpPages *pages);
void np_subsets_free (NpSubsets *subsets); /* accepts NULL */

/* The subset of `font` as a Cairo font face (owned by `subsets`), or NULL:
 * then draw with the font itself. */
cairo_font_face_t *np_subsets_face (NpSubsets *subsets, PangoFont *font);

G_END_DECLS

#endif
