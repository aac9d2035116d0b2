/* output.h: the output file, written whole or not at all. */
#ifndef NP_OUTPUT_H
#define NP_OUTPUT_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct NpOutput NpOutput;

/* Opens a temporary file beside `path` ("-": standard output) at once, so
 * that a target that cannot be created fails before any layout work.
 * Errors are NP_ERROR_OUTPUT. */
NpOutput *np_output_open (const char *path, GError **error);
/* Appends bytes; the first failure is kept and reported by commit. */
void np_output_write (NpOutput *out, const unsigned char *data, gsize len);
/* How many bytes were written, and reading them back (to amend a file
 * once it is complete); returns the bytes read. */
guint64 np_output_size (const NpOutput *out);
gsize np_output_read (NpOutput *out, guint64 offset, unsigned char *buf,
                      gsize len);

/* Moves the complete file into place (atomically) and frees `out`. */
gboolean np_output_commit (NpOutput *out, GError **error);
/* Removes the temporary file and frees `out`; accepts NULL. */
void np_output_abort (NpOutput *out);

G_END_DECLS

#endif
