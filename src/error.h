/* error.h: the one GError domain of newsprint.
 *
 * Every stage that can fail takes a GError ** and sets an NP_ERROR with a
 * message of the form "WHAT: what is wrong" (WHAT is usually a file name).
 * Only main.c prints errors and maps codes to exit statuses.
 */
#ifndef NP_ERROR_H
#define NP_ERROR_H

#include <glib.h>

G_BEGIN_DECLS

#define NP_ERROR (np_error_quark ())
GQuark np_error_quark (void);

typedef enum {
  NP_ERROR_USAGE,    /* bad command line (exit 64) */
  NP_ERROR_DATA,     /* input or layout file unusable (exit 65) */
  NP_ERROR_NO_INPUT, /* input cannot be opened or read (exit 66) */
  NP_ERROR_OUTPUT,   /* output cannot be created or written (exit 73) */
  NP_ERROR_INTERNAL, /* fonts missing, cairo failure (exit 70) */
} NpErrorCode;

/* What a file that is not a regular file is, for a message about it:
 * "a directory", "a named pipe", "a socket", "a device", "a block
 * device", else "a special file".  `mode` is a struct stat's
 * st_mode. */
const char *np_file_kind (unsigned int mode);

G_END_DECLS

#endif
