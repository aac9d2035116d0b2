/* fuzzutil.h: what every libFuzzer target sets up the same way. */
#ifndef NP_FUZZUTIL_H
#define NP_FUZZUTIL_H

#include <glib.h>

/* Makes GLib's criticals, warnings and errors abort, so that libFuzzer
 * saves the input, and warns on stderr when G_SLICE=always-malloc is
 * missing.  `name` is the target's, for that warning. */
void np_fuzz_init (const char *name);

/* For the stages that read a file by its path: a temporary file whose
 * name ends in `suffix` (".ini"), removed at exit; each input is written
 * over it with np_fuzz_write().  Call once. */
const char *np_fuzz_temp_file (const char *suffix);
void np_fuzz_write (const guint8 *data, gsize size);

#endif
