/* punct.h: ASCII punctuation in Chinese text -> full-width forms, and
 * full-width letters and digits -> ASCII ones. */
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

/* Returns `text` (newly allocated) with each full-width Latin letter or
 * digit (Ａ-Ｚ ａ-ｚ ０-９) set as its ASCII form, the one Unicode's
 * compatibility decomposition gives, and the full stop between two such
 * digits (１．２) as their decimal point; other full-width punctuation
 * stays.  Adds the number of characters changed to *count. */
char *np_punct_narrow_text (const char *text, guint *count);

/* The same for every text of the document; returns the number of
 * characters changed.  Run it before np_punct_normalize, so that a mark
 * between digits typed full-width (１０:３０) is seen between digits. */
guint np_punct_narrow (NpDocument *doc);

G_END_DECLS

#endif
