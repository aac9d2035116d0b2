/* output.h: the output file, written whole or not at all. */
#ifndef NP_OUTPUT_H
#define NP_OUTPUT_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct NpOutput NpOutput;

/* Opens `path` for writing ("-": standard output) at once, so that a
 * target that cannot be created fails before any layout work.  A regular
 * file (or a new one, or a link to one) is written to a hidden temporary
 * file beside it, removed again if the run is interrupted by SIGHUP,
 * SIGINT or SIGTERM; a terminal, pipe or character device is written
 * directly at commit.  Errors are NP_ERROR_OUTPUT: a directory, socket or
 * block device, a link to nothing, a folder where no file can be
 * created. */
NpOutput *np_output_open (const char *path, GError **error);
/* Appends bytes; the first failure is kept and reported by commit. */
void np_output_write (NpOutput *out, const unsigned char *data, gsize len);
/* How many bytes were written, and reading them back (to amend a file
 * once it is complete, before np_output_close); returns the bytes read. */
guint64 np_output_size (const NpOutput *out);
gsize np_output_read (NpOutput *out, guint64 offset, unsigned char *buf,
                      gsize len);
/* Flushes and closes the temporary file, so that a run writing many files
 * holds one open at a time; nothing may be written after.  A failure is
 * kept and reported by commit. */
void np_output_close (NpOutput *out);

/* Moves the complete file into place (atomically) and frees `out`. */
gboolean np_output_commit (NpOutput *out, GError **error);
/* Removes the temporary file and frees `out`; accepts NULL. */
void np_output_abort (NpOutput *out);

/* A file the run reads, which its output must never replace. */
typedef struct {
  const char *role; /* "report", "layout", "photo" */
  const char *path;
} NpInput;

/* Fails (NP_ERROR_OUTPUT) when `path` exists and is, through any link,
 * the same file as one of the `n` inputs.  Touches no file. */
gboolean np_output_check_inputs (const char *path, const NpInput *inputs,
                                 guint n, GError **error);

G_END_DECLS

#endif
