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
 * when that saves a page. */
void np_flow (const NpStory *story, const NpStyle *style, NpFonts *fonts,
              NpPages *pages);

G_END_DECLS

#endif
