/* fuzzutil.c: what every libFuzzer target sets up the same way. */
#include "fuzzutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* GLib's own fatal logs stop with SIGTRAP, which libFuzzer does not catch:
 * abort instead, so that the input is saved. */
static void
abort_on_log (const char *domain, GLogLevelFlags level, const char *message,
              gpointer data)
{
  (void) data;
  if (level &
      (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) {
    fprintf (stderr, "%s: %s\n", domain ? domain : "newsprint", message);
    abort ();
  }
}

void
np_fuzz_init (const char *name)
{
  /* GLib 2.74 recycles small blocks (GError, GPtrArray, list nodes) in
   * its slice allocator, where LeakSanitizer cannot see them leak.  It
   * reads G_SLICE before this runs, so run.sh sets it. */
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    fprintf (stderr,
             "%s: without G_SLICE=always-malloc, leaks of GLib's "
             "small blocks go unseen\n",
             name);
  g_log_set_default_handler (abort_on_log, NULL);
}

static char *temp_path; /* np_fuzz_temp_file()'s */

static void
remove_temp_file (void)
{
  unlink (temp_path);
  g_free (temp_path);
}

const char *
np_fuzz_temp_file (const char *suffix)
{
  g_assert (temp_path == NULL);
  g_autofree char *template = g_strconcat ("np-fuzz-XXXXXX", suffix, NULL);
  GError *error = NULL;
  int fd = g_file_open_tmp (template, &temp_path, &error);
  g_assert_no_error (error);
  close (fd);
  atexit (remove_temp_file);
  return temp_path;
}

void
np_fuzz_write (const guint8 *data, gsize size)
{
  FILE *file = fopen (temp_path, "wb");
  if (!file || fwrite (data, 1, size, file) != size || fclose (file) != 0)
    g_error ("cannot write %s", temp_path);
}
