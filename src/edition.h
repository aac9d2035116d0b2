/* edition.h: an issue's reports -> one story (a layer above story.c). */
#ifndef NP_EDITION_H
#define NP_EDITION_H

#include "issue.h"
#include "story.h"

G_BEGIN_DECLS

/* The script the issue's own words are printed in (contents title,
 * labels, footer): that of most of its articles, the first one's on a
 * tie.  Every article must have been read. */
NpScript np_edition_script (const NpIssue *issue);

/* Sets the issue's articles, each read (article->doc), as one story in
 * `style`: `fonts` holds the fonts of each script (indexed by NpScript;
 * an entry may be NULL when no article is in that script) and `photos`
 * each article's photos (NULL, or an array of which entries may be NULL).
 * Paragraphs are kept by `pages`; warnings go into `warnings`. */
NpStory *np_edition_new (const NpIssue *issue, const NpStyle *style,
                         NpFonts *const fonts[2],
                         const GPtrArray *const *photos, NpPages *pages,
                         GPtrArray *warnings);

G_END_DECLS

#endif
