/* testutil.c: helpers shared by the unit tests. */
#include "testutil.h"

const char *
np_test_source_dir (void)
{
  const char *dir = g_getenv ("NP_SOURCE_DIR");
  return dir ? dir : NP_SOURCE_DATADIR;
}

const char *
np_test_shared_dir (void)
{
  return g_getenv ("NP_SHARED_DIR");
}

char *
np_test_reference_report (void)
{
  const char *shared = np_test_shared_dir ();
  if (!shared)
    return NULL;
  char *path = g_build_filename (shared, "reports",
                                 "auto-city-2024-06-18.txt", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}

char *
np_test_read (const char *path)
{
  char *text = NULL;
  GError *error = NULL;
  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("cannot read %s: %s", path, error->message);
  return text;
}
