/* test-output.c: the output file: never one of the inputs, written whole,
 * an existing file's permissions kept, proofs' page files recognised. */
/* link(), symlink(), umask() and open() are POSIX, not C11. */
#define _XOPEN_SOURCE 700

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "draw.h"
#include "error.h"
#include "output.h"
#include "testutil.h"

static char *
np_scratch (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("np-output-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
np_scratch_free (char *dir)
{
  GDir *folder = g_dir_open (dir, 0, NULL);
  for (const char *name; folder && (name = g_dir_read_name (folder));) {
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_unlink (path);
  }
  if (folder)
    g_dir_close (folder);
  g_rmdir (dir);
  g_free (dir);
}

static void
np_write_file (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A hard link and a symbolic link are the report by other names; a copy
 * and a missing file are not. */
static void
test_inputs_by_inode (void)
{
  char *dir = np_scratch ();
  g_autofree char *report = g_build_filename (dir, "r.txt", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.txt", NULL);
  g_autofree char *soft = g_build_filename (dir, "soft.pdf", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.txt", NULL);
  g_autofree char *none = g_build_filename (dir, "none.pdf", NULL);
  np_write_file (report, "報告\n");
  np_write_file (copy, "報告\n");
  g_assert_cmpint (link (report, hard), ==, 0);
  g_assert_cmpint (symlink ("r.txt", soft), ==, 0);
  const NpInput inputs[] = { { "layout", copy }, { "report", report } };

  g_autoptr (GError) error = NULL;
  g_assert_false (np_output_check_inputs (hard, inputs, 2, &error));
  g_assert_error (error, NP_ERROR, NP_ERROR_OUTPUT);
  g_autofree char *want = g_strdup_printf (
    "%s: is the same file as the report %s; choose another output", hard,
    report);
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);
  g_assert_false (np_output_check_inputs (soft, inputs, 2, &error));
  g_clear_error (&error);
  g_assert_false (np_output_check_inputs (report, inputs, 2, &error));
  g_clear_error (&error);
  g_assert_true (np_output_check_inputs (none, inputs, 2, &error));
  g_assert_no_error (error);
  g_assert_true (np_output_check_inputs (hard, inputs, 1, &error));
  g_assert_no_error (error);
  np_scratch_free (dir);
}

static void
np_commit_text (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;
  NpOutput *out = np_output_open (path, &error);
  g_assert_no_error (error);
  np_output_write (out, (const unsigned char *) text, strlen (text));
  g_assert_true (np_output_commit (out, &error));
  g_assert_no_error (error);
}

/* Written again, a private file stays private; a new file follows the
 * umask; the bytes arrive whole, and nothing else is left in the folder. */
static void
test_permissions (void)
{
  char *dir = np_scratch ();
  g_autofree char *private = g_build_filename (dir, "private.pdf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.pdf", NULL);
  np_write_file (private, "old");
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  mode_t mask = umask (027);
  np_commit_text (private, "new");
  np_commit_text (fresh, "fresh");
  umask (mask);
  GStatBuf st;
  g_assert_cmpint (g_stat (private, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_autofree char *text = np_test_read (private);
  g_assert_cmpstr (text, ==, "new");
  GDir *folder = g_dir_open (dir, 0, NULL);
  guint files = 0;
  while (g_dir_read_name (folder))
    files++;
  g_dir_close (folder);
  g_assert_cmpuint (files, ==, 2);
  np_scratch_free (dir);
}

/* A closed output can still be committed, and many can wait for commit
 * without holding a file open each. */
static void
test_closed_until_commit (void)
{
  char *dir = np_scratch ();
  enum { N = 8 };
  NpOutput *outs[N];
  g_autoptr (GError) error = NULL;
  int before = open (dir, O_RDONLY);
  for (guint i = 0; i < N; i++) {
    g_autofree char *name = g_strdup_printf ("p-%u.png", i + 1);
    g_autofree char *path = g_build_filename (dir, name, NULL);
    outs[i] = np_output_open (path, &error);
    g_assert_no_error (error);
    np_output_write (outs[i], (const unsigned char *) "x", 1);
    np_output_close (outs[i]);
  }
  /* The lowest free descriptor is where it was: every file is closed. */
  int after = open (dir, O_RDONLY);
  g_assert_cmpint (after, ==, before + 1);
  close (after);
  close (before);
  for (guint i = 0; i < N; i++)
    g_assert_true (np_output_commit (outs[i], &error));
  g_autofree char *last = g_build_filename (dir, "p-8.png", NULL);
  g_autofree char *text = np_test_read (last);
  g_assert_cmpstr (text, ==, "x");
  np_scratch_free (dir);
}

/* The files of a proof's pages, and nothing else, whatever the number. */
static void
test_page_names (void)
{
  g_assert_true (np_draw_is_page_name ("out.png", "out-1.png"));
  g_assert_true (np_draw_is_page_name ("dir/out.png", "out-1200.png"));
  g_assert_true (np_draw_is_page_name ("my-out.svg", "my-out-3.svg"));
  g_assert_false (np_draw_is_page_name ("out.png", "out-01.png"));
  g_assert_false (np_draw_is_page_name ("out.png", "out-0.png"));
  g_assert_false (np_draw_is_page_name ("out.png", "out-1.svg"));
  g_assert_false (np_draw_is_page_name ("out.png", "xout-1.png"));
  g_assert_false (np_draw_is_page_name ("out.png", "out.png"));
  g_assert_false (np_draw_is_page_name ("out.png", "out-.png"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/output/inputs/by-inode", test_inputs_by_inode);
  g_test_add_func ("/output/commit/permissions", test_permissions);
  g_test_add_func ("/output/close/until-commit", test_closed_until_commit);
  g_test_add_func ("/output/pages/names", test_page_names);
  return g_test_run ();
}
