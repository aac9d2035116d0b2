/* error.c: the NP_ERROR domain. */
#include "error.h"

G_DEFINE_QUARK (newsprint-error-quark, np_error)
