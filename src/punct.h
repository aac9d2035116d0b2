/* punct.h: ASCII punctuation in Chinese text -> full-width forms. */
#ifndef NP_PUNCT_H
#define NP_PUNCT_H

#include "document.h"

G_BEGIN_DECLS

/* Returns `text` (newly allocated) with each ASCII , : ; ! ? ( ) that
 * touches Chinese text set in its full-width form, and the spaces around it
 * dropped, and straight double quotes around Chinese as curly ones; marks
 * in Latin or numeric context (`10:30`, `a, b`, `"OK"`) stay.  Adds the
 * number of marks changed to *count. */
char *np_punct_normalize_text (const char *text, guint *count);

/* The same for every text of the document (headline, blocks, table cells);
 * returns the number of marks changed. */
guint np_punct_normalize (NpDocument *doc);

G_END_DECLS

#endif
