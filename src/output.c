/* output.c: the output file, written whole or not at all.
 *
 * Contract: bytes go to a temporary file in the target's folder, which is
 * renamed over the target only once everything is written and flushed, so
 * a failed run leaves an existing file untouched and nothing behind.
 */
/* pread() and fsync() are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"

struct NpOutput {
  char *path;     /* the target */
  char *temp;     /* the temporary file, or NULL for standard output */
  int fd;
  int write_errno; /* first write failure, 0 if none */
  GByteArray *held; /* standard output: the bytes, written at commit so
                       they can still be read back and amended */
  guint64 size;     /* bytes written so far */
};

NpOutput *
np_output_open (const char *path, GError **error)
{
  NpOutput *out = g_new0 (NpOutput, 1);
  out->path = g_strdup (path);
  if (strcmp (path, "-") == 0) {
    out->fd = STDOUT_FILENO;
    out->held = g_byte_array_new ();
    return out;
  }
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT, "%s: is a directory",
                 path);
    np_output_abort (out);
    return NULL;
  }
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  out->temp = g_build_filename (dir, name, NULL);
  out->fd = g_mkstemp_full (out->temp, O_RDWR, 0666 & ~0022);
  if (out->fd < 0) {
    int err = errno;
    g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT, "%s: cannot create: %s",
                 path, g_strerror (err));
    g_clear_pointer (&out->temp, g_free);
    np_output_abort (out);
    return NULL;
  }
  return out;
}

void
np_output_write (NpOutput *out, const unsigned char *data, gsize len)
{
  out->size += len;
  if (out->held) {
    g_byte_array_append (out->held, data, (guint) len);
    return;
  }
  while (len > 0 && out->write_errno == 0) {
    ssize_t n = write (out->fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      out->write_errno = errno;
      return;
    }
    data += n;
    len -= (gsize) n;
  }
}

guint64
np_output_size (const NpOutput *out)
{
  return out->size;
}

gsize
np_output_read (NpOutput *out, guint64 offset, unsigned char *buf, gsize len)
{
  if (offset >= out->size)
    return 0;
  len = (gsize) MIN ((guint64) len, out->size - offset);
  if (out->held) {
    memcpy (buf, out->held->data + offset, len);
    return len;
  }
  ssize_t n = pread (out->fd, buf, len, (off_t) offset);
  return n > 0 ? (gsize) n : 0;
}

static void
np_output_free (NpOutput *out)
{
  if (out->held)
    g_byte_array_unref (out->held);
  g_free (out->path);
  g_free (out->temp);
  g_free (out);
}

gboolean
np_output_commit (NpOutput *out, GError **error)
{
  int err = out->write_errno;
  if (out->held) {
    GByteArray *held = g_steal_pointer (&out->held);
    out->size = 0;
    np_output_write (out, held->data, held->len);
    g_byte_array_unref (held);
    err = out->write_errno;
  }
  if (!out->temp) {
    if (err)
      g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT, "stdout: %s",
                   g_strerror (err));
    np_output_free (out);
    return err == 0;
  }
  if (err == 0 && fsync (out->fd) != 0)
    err = errno;
  if (close (out->fd) != 0 && err == 0)
    err = errno;
  out->fd = -1;
  if (err == 0 && g_rename (out->temp, out->path) != 0)
    err = errno;
  if (err) {
    g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT, "%s: cannot write: %s",
                 out->path, g_strerror (err));
    np_output_abort (out);
    return FALSE;
  }
  np_output_free (out);
  return TRUE;
}

void
np_output_abort (NpOutput *out)
{
  if (!out)
    return;
  if (out->temp) {
    if (out->fd >= 0)
      close (out->fd);
    g_unlink (out->temp);
  }
  np_output_free (out);
}
