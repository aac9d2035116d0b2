/* fuzzutil.h: what every libFuzzer target sets up the same way. */
#ifndef NP_FUZZUTIL_H
#define NP_FUZZUTIL_H

#include <glib.h>

/* Makes GLib's criticals, warnings and errors abort, so that libFuzzer
 * saves the input, and warns on stderr when G_SLICE=always-malloc is
 * missing.  `name` is the target's, for that warning. */
void np_fuzz_init (const char *name);

#endif
