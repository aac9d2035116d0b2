/* flow.h: lines, figures, tables -> columns -> pages. */
#ifndef NP_FLOW_H
#define NP_FLOW_H

#include "story.h"

G_BEGIN_DECLS

/* Lays the story out in the columns of `style`, page after page, and adds
 * the page furniture (page 1 head, footers).  The rules (see README):
 * every line on the body grid; no paragraph leaves one line alone at the
 * foot or head of a column; a figure that does not fit floats to the next
 * column while the text goes on; a table splits between rows and repeats
 * its header; the credit never starts a column; the last page's columns are
 * balanced; placeholder frames shrink (to 0.6 of their height at most)
 * when that saves a page.  In an issue, an article's head across all
 * columns opens a band: the columns above it end level, and it never
 * stands without two lines of its text under it; a head over one column
 * follows the article before it in the column; pages after the first
 * carry the running head, the last one the colophon at its foot, and the
 * contents box gets each article's page. */
void np_flow (const NpStory *story, const NpStyle *style, NpFonts *fonts,
              NpPages *pages);

G_END_DECLS

#endif
