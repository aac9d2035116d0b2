/* testutil.c: helpers shared by the unit tests. */
#include "testutil.h"

#include <string.h>

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
  char *path = shared ? g_build_filename (shared, "reports",
                                          "auto-city-2024-06-18.txt", NULL)
                      : NULL;
  if (!path || !g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_test_message ("%s: no reference report: the tests need shared/ "
                    "(reports/, audit/) beside the checkout, or "
                    "NP_SHARED_DIR naming it",
                    path ? path : "NP_SHARED_DIR unset");
    g_test_fail ();
    g_clear_pointer (&path, g_free);
  }
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

void
np_test_each_unicode_line (const char *name,
                           void (*each) (char **fields, gpointer data),
                           gpointer data)
{
  const char *dir = g_getenv ("NP_UNICODE_DIR");
  if (!dir)
    g_error ("NP_UNICODE_DIR is not set: run the test with ctest");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = np_test_read (path);
  /* split in place: the files have tens of thousands of lines, and the
   * sanitizers make every allocation slow */
  for (char *line = text, *next; line; line = next) {
    next = strchr (line, '\n');
    if (next)
      *next++ = 0;
    char *hash = strchr (line, '#');
    if (hash)
      *hash = 0;
    char *fields[16];
    guint n = 0;
    for (char *f = line; f && n < G_N_ELEMENTS (fields) - 1;) {
      fields[n++] = f;
      f = strchr (f, ';');
      if (f)
        *f++ = 0;
    }
    fields[n] = NULL;
    if (n >= 2)
      each (fields, data);
  }
}

void
np_test_code_range (const char *field, gunichar *first, gunichar *last)
{
  char *end;
  guint64 a = g_ascii_strtoull (field, &end, 16);
  guint64 b =
    g_str_has_prefix (end, "..") ? g_ascii_strtoull (end + 2, NULL, 16) : a;
  g_assert_cmpuint (a, <=, b);
  g_assert_cmpuint (b, <, NP_TEST_CODE_POINTS);
  *first = (gunichar) a;
  *last = (gunichar) b;
}
