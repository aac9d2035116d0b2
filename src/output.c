/* output.c: the output file, written whole or not at all.
 *
 * Contract: bytes go to a temporary file in the target's folder, which is
 * renamed over the target only once everything is written and flushed, so
 * a failed or interrupted run leaves an existing file untouched and
 * nothing behind.  An existing target keeps its permissions and owner, and
 * a symbolic link is written through, not replaced.  A terminal, a pipe or
 * a character device (and "-", standard output) cannot be renamed over:
 * it is written directly, once the bytes are complete.  Other kinds of
 * file, and any of the run's own inputs, are refused.  It does not choose
 * the names of files.
 */
/* pread(), fsync(), fchown() and sigaction() are POSIX, not C11, and
 * realpath() is in its X/Open part. */
#define _XOPEN_SOURCE 700

#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

struct NpOutput {
  char *path;      /* the target, as named (for messages) */
  char *target;    /* the file renamed over: `path` with links followed */
  char *temp;      /* the temporary file, or NULL when written directly */
  int fd;          /* -1 once closed */
  int write_errno; /* first write failure, 0 if none */
  GByteArray *held; /* written directly: the bytes, written at commit so
                       they can still be read back and amended */
  guint64 size;     /* bytes written so far */
  NpOutput *next_temp; /* the next output with a temporary file */
};

/* The signals that end a run from outside (a closed terminal, Ctrl-C,
 * kill): their default action leaves the temporary files behind. */
static const int np_fatal_signals[] = { SIGHUP, SIGINT, SIGTERM };

/* The outputs whose temporary files exist, for the signal handler to
 * remove.  The list changes only with those signals blocked, so the
 * handler always finds it whole. */
static NpOutput *volatile np_temps;

/* Async-signal-safe: unlink(), signal() and raise() only. */
static void
np_on_fatal_signal (int sig)
{
  for (NpOutput *o = np_temps; o; o = o->next_temp)
    unlink (o->temp);
  /* Die of the signal as if it had not been caught: the parent sees it. */
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
np_catch_fatal_signals (void)
{
  static gboolean caught;
  if (caught)
    return;
  caught = TRUE;
  struct sigaction sa = { .sa_handler = np_on_fatal_signal };
  sigemptyset (&sa.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (np_fatal_signals); i++)
    sigaddset (&sa.sa_mask, np_fatal_signals[i]);
  for (guint i = 0; i < G_N_ELEMENTS (np_fatal_signals); i++) {
    struct sigaction old;
    /* A signal ignored by the caller (nohup, a background job) stays
     * ignored. */
    if (sigaction (np_fatal_signals[i], NULL, &old) == 0 &&
        old.sa_handler == SIG_DFL)
      sigaction (np_fatal_signals[i], &sa, NULL);
  }
}

static void
np_block_fatal_signals (gboolean block, sigset_t *saved)
{
  if (!block) {
    sigprocmask (SIG_SETMASK, saved, NULL);
    return;
  }
  sigset_t fatal;
  sigemptyset (&fatal);
  for (guint i = 0; i < G_N_ELEMENTS (np_fatal_signals); i++)
    sigaddset (&fatal, np_fatal_signals[i]);
  sigprocmask (SIG_BLOCK, &fatal, saved);
}

/* Takes `out` off the list of temporary files. */
static void
np_forget_temp (NpOutput *out)
{
  sigset_t saved;
  np_block_fatal_signals (TRUE, &saved);
  for (NpOutput *volatile *p = &np_temps; *p; p = &(*p)->next_temp)
    if (*p == out) {
      *p = out->next_temp;
      break;
    }
  np_block_fatal_signals (FALSE, &saved);
}

static NpOutput *
np_output_new (const char *path, int fd)
{
  NpOutput *out = g_new0 (NpOutput, 1);
  out->path = g_strdup (path);
  out->fd = fd;
  return out;
}

/* Creates the temporary file beside `out->target`, listed for the signal
 * handler from the moment it exists.  An existing target (`st`, or NULL)
 * lends it its owner and permissions; a new one gets 0666 less the umask,
 * as any new file. */
static gboolean
np_create_temp (NpOutput *out, const struct stat *st, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (out->target);
  g_autofree char *base = g_path_get_basename (out->target);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  out->temp = g_build_filename (dir, name, NULL);
  np_catch_fatal_signals ();
  sigset_t saved;
  np_block_fatal_signals (TRUE, &saved);
  out->fd = g_mkstemp_full (out->temp, O_RDWR, st ? 0600 : 0666);
  int err = out->fd < 0 ? errno : 0;
  if (out->fd >= 0) {
    out->next_temp = np_temps;
    np_temps = out;
  } else
    g_clear_pointer (&out->temp, g_free);
  np_block_fatal_signals (FALSE, &saved);
  /* Another user's file keeps its owner only for root: EPERM is usual. */
  if (out->fd >= 0 && st) {
    if (fchown (out->fd, st->st_uid, st->st_gid) != 0 && errno != EPERM)
      err = errno;
    else if (fchmod (out->fd, st->st_mode & 0777) != 0)
      err = errno;
  }
  if (out->fd < 0 || err != 0) {
    g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT, "%s: cannot create: %s",
                 out->path, g_strerror (err));
    return FALSE;
  }
  return TRUE;
}

NpOutput *
np_output_open (const char *path, GError **error)
{
  if (strcmp (path, "-") == 0) {
    NpOutput *out = np_output_new ("stdout", STDOUT_FILENO);
    out->held = g_byte_array_new ();
    return out;
  }
  struct stat st, link;
  gboolean exists = stat (path, &st) == 0;
  gboolean is_link = lstat (path, &link) == 0 && S_ISLNK (link.st_mode);
  if (exists && (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode))) {
    int fd = open (path, O_WRONLY | O_NOCTTY);
    if (fd < 0) {
      int err = errno;
      g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT, "%s: cannot open: %s",
                   path, g_strerror (err));
      return NULL;
    }
    NpOutput *out = np_output_new (path, fd);
    out->held = g_byte_array_new ();
    return out;
  }
  if (exists && !S_ISREG (st.st_mode)) {
    g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT,
                 "%s: is %s; choose a file to write", path,
                 np_file_kind (st.st_mode));
    return NULL;
  }
  if (!exists && is_link) {
    g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT,
                 "%s: is a symbolic link to a missing file", path);
    return NULL;
  }
  NpOutput *out = np_output_new (path, -1);
  char *real = is_link ? realpath (path, NULL) : NULL;
  out->target = g_strdup (real ? real : path);
  free (real);
  if (!np_create_temp (out, exists ? &st : NULL, error)) {
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

void
np_output_close (NpOutput *out)
{
  if (out->held || out->fd < 0)
    return;
  if (out->write_errno == 0 && fsync (out->fd) != 0)
    out->write_errno = errno;
  if (close (out->fd) != 0 && out->write_errno == 0)
    out->write_errno = errno;
  out->fd = -1;
}

static void
np_output_free (NpOutput *out)
{
  if (out->held)
    g_byte_array_unref (out->held);
  g_free (out->path);
  g_free (out->target);
  g_free (out->temp);
  g_free (out);
}

gboolean
np_output_commit (NpOutput *out, GError **error)
{
  if (out->held) {
    GByteArray *held = g_steal_pointer (&out->held);
    out->size = 0;
    np_output_write (out, held->data, held->len);
    g_byte_array_unref (held);
    if (out->fd != STDOUT_FILENO && close (out->fd) != 0 &&
        out->write_errno == 0)
      out->write_errno = errno;
    out->fd = -1;
  }
  np_output_close (out);
  if (out->temp && out->write_errno == 0 &&
      g_rename (out->temp, out->target) != 0)
    out->write_errno = errno;
  if (out->write_errno) {
    g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT, "%s: cannot write: %s",
                 out->path, g_strerror (out->write_errno));
    np_output_abort (out);
    return FALSE;
  }
  if (out->temp)
    np_forget_temp (out);
  np_output_free (out);
  return TRUE;
}

void
np_output_abort (NpOutput *out)
{
  if (!out)
    return;
  if (out->fd >= 0 && out->fd != STDOUT_FILENO)
    close (out->fd);
  if (out->temp) {
    g_unlink (out->temp);
    np_forget_temp (out);
  }
  np_output_free (out);
}

gboolean
np_output_check_inputs (const char *path, const NpInput *inputs, guint n,
                        GError **error)
{
  struct stat out, in;
  if (stat (path, &out) != 0 || !S_ISREG (out.st_mode))
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (stat (inputs[i].path, &in) == 0 && in.st_dev == out.st_dev &&
        in.st_ino == out.st_ino) {
      g_set_error (error, NP_ERROR, NP_ERROR_OUTPUT,
                   "%s: is the same file as the %s %s; choose another "
                   "output",
                   path, inputs[i].role, inputs[i].path);
      return FALSE;
    }
  return TRUE;
}
