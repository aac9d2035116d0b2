/* fuzzing.c: what every libFuzzer target of newsprint sets up. */
#include "fuzzing.h"

#include <stdio.h>
#include <stdlib.h>

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
