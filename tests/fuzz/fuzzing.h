/* fuzzing.h: what every libFuzzer target of newsprint sets up. */
#ifndef NP_FUZZING_H
#define NP_FUZZING_H

#include <glib.h>

/* Makes GLib's errors, criticals and warnings abort (so that libFuzzer
 * saves the input: criticals are for programming errors only), and warns
 * on standard error, as `name`, when G_SLICE=always-malloc is not set. */
void np_fuzz_init (const char *name);

#endif
