/* script.h: which Chinese script a text is written in. */
#ifndef NP_SCRIPT_H
#define NP_SCRIPT_H

#include "document.h"

G_BEGIN_DECLS

/* Counts the characters of `text` that exist in only one of Traditional and
 * Simplified Chinese (這/这, 會/会, …); the larger count wins, a tie is
 * Traditional.  Characters common to both scripts are not counted. */
NpScript np_script_detect (const char *text);

G_END_DECLS

#endif
