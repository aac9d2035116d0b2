/* test-source.c: unit tests of source.c (bytes -> UTF-8 text). */
#include "error.h"
#include "source.h"
#include "testutil.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* A sentence in simplified and in traditional characters; the legacy
 * encodings are made from them with g_convert. */
static const char simplified[] =
  "上海国际汽车城产教融合发展大会在安亭隆重召开,这是我们的一个重要会议。\n";
static const char traditional[] =
  "上海國際汽車城產教融合發展大會在安亭隆重召開,這是我們的一個重要會議。\n";

/* Decodes `len` bytes and expects `want`. */
static void
assert_decodes_n (const char *bytes, gsize len, const char *want)
{
  GError *error = NULL;
  g_autofree char *text = np_source_decode (bytes, len, "t.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, want);
}

static void
assert_decodes (const char *bytes, const char *want)
{
  assert_decodes_n (bytes, strlen (bytes), want);
}

/* Decodes `len` bytes and expects NP_ERROR_DATA with message `want`. */
static void
assert_fails_n (const char *bytes, gsize len, const char *want)
{
  GError *error = NULL;
  g_autofree char *text = np_source_decode (bytes, len, "t.txt", &error);
  g_assert_null (text);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

static void
assert_fails (const char *bytes, const char *want)
{
  assert_fails_n (bytes, strlen (bytes), want);
}

/* `utf8` converted to `charset` (the test's own premise, so it asserts). */
static char *
encode (const char *utf8, const char *charset, gsize *len)
{
  GError *error = NULL;
  char *bytes = g_convert (utf8, -1, charset, "UTF-8", NULL, len, &error);
  g_assert_no_error (error);
  return bytes;
}

/* ---- encodings -------------------------------------------------------- */

static void
test_plain (void)
{
  assert_decodes (simplified, simplified);
  assert_decodes ("no newline at the end", "no newline at the end");
}

static void
test_bom (void)
{
  assert_decodes ("\xef\xbb\xbf新聞\n", "新聞\n");
}

static void
test_crlf (void)
{
  assert_decodes ("第一段\r\n第二段\r\n", "第一段\n第二段\n");
}

static void
test_cr (void)
{
  assert_decodes ("第一段\r第二段\r", "第一段\n第二段\n");
  assert_decodes ("一\r\r二\r\n三\n", "一\n\n二\n三\n");
}

static void
test_utf16 (gconstpointer data)
{
  gboolean big_endian = GPOINTER_TO_INT (data);
  gsize len = 0;
  g_autofree char *body =
    encode ("標題\r\n正文,第二句。\n", big_endian ? "UTF-16BE" : "UTF-16LE",
            &len);
  g_autofree char *bytes = g_malloc (len + 2);
  memcpy (bytes, big_endian ? "\xfe\xff" : "\xff\xfe", 2);
  memcpy (bytes + 2, body, len);
  assert_decodes_n (bytes, len + 2, "標題\n正文,第二句。\n");
}

static void
test_utf16_odd_length (void)
{
  /* "AB" in UTF-16LE with half a unit left over. */
  assert_fails_n ("\xff\xfe" "A\0B\0C", 7, "t.txt: invalid UTF-16 at byte 6");
}

static void
test_utf16_nul (void)
{
  assert_fails_n ("\xff\xfe" "A\0\0\0", 6,
                  "t.txt: not a text file (binary data at byte 4)");
}

static void
test_gb18030 (void)
{
  gsize len = 0;
  g_autofree char *bytes = encode (simplified, "GB18030", &len);
  assert_decodes_n (bytes, len, simplified);
}

/* Traditional text can be written in GB18030 too; it must not be taken
 * for Big5. */
static void
test_gb18030_traditional (void)
{
  gsize len = 0;
  g_autofree char *bytes = encode (traditional, "GB18030", &len);
  assert_decodes_n (bytes, len, traditional);
}

/* Big5 bytes also convert cleanly as GB18030, into nonsense: the common
 * character count must pick Big5. */
static void
test_big5 (void)
{
  gsize len = 0;
  g_autofree char *bytes = encode (traditional, "BIG5", &len);
  g_autofree char *as_gb =
    g_convert (bytes, (gssize) len, "UTF-8", "GB18030", NULL, NULL, NULL);
  g_assert_nonnull (as_gb); /* the premise: both encodings convert */
  g_assert_cmpstr (as_gb, !=, traditional);
  assert_decodes_n (bytes, len, traditional);
}

static void
test_gb18030_reference (void)
{
  g_autofree char *path = np_test_reference_report ();
  if (!path)
    return; /* failed */
  g_autofree char *utf8 = np_test_read (path);
  gsize len = 0;
  g_autofree char *bytes = encode (utf8, "GB18030", &len);
  GError *error = NULL;
  g_autofree char *want = np_source_decode (utf8, strlen (utf8), "r", &error);
  g_assert_no_error (error);
  assert_decodes_n (bytes, len, want);
}

/* ---- bad bytes -------------------------------------------------------- */

static void
test_binary_nul (void)
{
  assert_fails_n ("abc\0def", 7,
                  "t.txt: not a text file (binary data at byte 3)");
}

static void
test_binary_png (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  assert_fails_n (png, sizeof png - 1,
                  "t.txt: not a text file (binary data at byte 0)");
  assert_fails_n (png, 8, "t.txt: not a text file (binary data at byte 0)");
}

static void
test_binary_pdf (void)
{
  assert_fails ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
                "t.txt: not a text file (binary data at byte 0)");
}

static void
test_binary_controls (void)
{
  assert_fails ("ab\x01\x02\x03\x04\x05\x06xyz\n",
                "t.txt: not a text file (binary data at byte 2)");
}

static void
test_invalid_utf8 (void)
{
  /* 第一行\n = 10 bytes, 第二行\n = 10, 壞 = 3: the bad byte is at 23. */
  assert_fails ("第一行\n第二行\n壞\xff字\n",
                "t.txt: line 3: invalid UTF-8 at byte 23");
  /* With CR line ends and a BOM, which counts in the offset. */
  assert_fails ("\xef\xbb\xbf一\r二\r\xc3(\r",
                "t.txt: line 3: invalid UTF-8 at byte 11");
}

/* A UTF-8 file with one damaged character may still convert cleanly as
 * GB18030; it must be reported, not printed as nonsense. */
static void
test_damaged_utf8 (void)
{
  /* 上海汽車城的大會在今天召開 with the last byte of 大 lost. */
  static const char damaged[] = "上海汽車城的\xe5\xa4會在今天召開\n";
  g_autofree char *as_gb = g_convert (damaged, -1, "UTF-8", "GB18030", NULL,
                                      NULL, NULL);
  g_assert_nonnull (as_gb); /* the premise */
  g_autofree char *want = g_strdup_printf (
    "t.txt: line 1: invalid UTF-8 at byte %zu", strlen ("上海汽車城的"));
  assert_fails (damaged, want);
}

/* ---- characters ------------------------------------------------------- */

static void
test_controls_dropped (void)
{
  assert_decodes ("新\x01聞\x1b[0m報\x7f導\t後\n", "新聞[0m報導\t後\n");
  assert_decodes ("一\xc2\x85二\xef\xbb\xbf三\n", "一二三\n"); /* C1, BOM */
}

static void
test_form_feed (void)
{
  assert_decodes ("第一段\f第二段\n", "第一段\n第二段\n");
}

static void
test_empty (void)
{
  assert_fails_n ("", 0, "t.txt: the report is empty");
  assert_fails (" \n\t\r\n", "t.txt: the report is empty");
  assert_fails ("\xe3\x80\x80\n\xe3\x80\x80", "t.txt: the report is empty");
  assert_fails ("\xef\xbb\xbf", "t.txt: the report is empty");
  assert_fails ("\f \n   \x01   \n", "t.txt: the report is empty");
  assert_fails_n ("\xff\xfe", 2, "t.txt: the report is empty");
}

/* Decodes `bytes` and expects `controls` dropped, the first on `line`, and
 * the warning `want` (NULL: none). */
static void
assert_dropped (const char *bytes, guint controls, guint line,
                const char *want)
{
  GError *error = NULL;
  NpSourceNotes notes = { 99, 99, "X", 99, 99 };
  g_autofree char *text =
    np_source_decode_noted (bytes, strlen (bytes), "t.txt", &notes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes.controls, ==, controls);
  g_assert_cmpuint (notes.first_line, ==, line);
  g_assert_null (notes.encoding);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  np_source_notes_warn (&notes, warnings);
  g_assert_cmpuint (warnings->len, ==, want ? 1 : 0);
  if (want)
    g_assert_cmpstr (warnings->pdata[0], ==, want);
}

static void
test_controls_counted (void)
{
  assert_dropped ("一\n二\n三\n", 0, 0, NULL);
  /* Tab, the line ends and form feed are not dropped; a BOM inside the
   * text is dropped but is no control character. */
  assert_dropped ("一\t二\r\n三\r四\f五\xef\xbb\xbf六\n", 0, 0, NULL);
  assert_dropped ("第一行\n第二行\x01\n", 1, 2,
                  "1 control character dropped (at line 2)");
  /* ESC, DEL and a C1 control (U+0085); lines counted after CRLF, a lone
   * CR and a form feed, as the later stages number them.  (Fewer than one
   * byte in ten, which would be binary data.) */
  assert_dropped ("第一行\r\n第二行\r第三行\f第四行\x1b[0m第五行\x7f\n"
                  "第六行\xc2\x85\n",
                  3, 4, "3 control characters dropped (first at line 4)");
}

/* The notes are set on success only, and NULL is allowed. */
static void
test_controls_notes_optional (void)
{
  GError *error = NULL;
  g_autofree char *text =
    np_source_decode_noted ("新\x02聞報導", 13, "t.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "新聞報導");

  NpSourceNotes notes = { 7, 7, NULL, 0, 0 };
  g_autofree char *none =
    np_source_decode_noted ("\x02\xe3\x80\x80\xe3\x80\x80\xe3\x80\x80\n", 11,
                            "t.txt", &notes, &error);
  g_assert_null (none);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, "t.txt: the report is empty");
  g_clear_error (&error);
  g_assert_cmpuint (notes.controls, ==, 7);
}

/* Bytes in a named encoding, without a file; NULL detects. */
static void
test_decode_as (void)
{
  gsize len = 0;
  g_autofree char *big5 = encode (traditional, "BIG5", &len);
  GError *error = NULL;
  g_autofree char *named =
    np_source_decode_as (big5, len, "t.txt", "BIG5", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (named, ==, traditional);
  g_autofree char *detected =
    np_source_decode_as (big5, len, "t.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detected, ==, traditional);

  g_autofree char *empty =
    np_source_decode_as ("", 0, "t.txt", "GB18030", NULL, &error);
  g_assert_null (empty);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, "t.txt: the report is empty");
  g_error_free (error);
}

/* ---- reading files ---------------------------------------------------- */

typedef struct {
  char *dir; /* a fresh temporary folder */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  (void) data;
  GError *error = NULL;
  f->dir = g_dir_make_tmp ("np-source-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
write_file_n (Fixture *f, const char *name, const char *contents, gssize len)
{
  GError *error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_file (Fixture *f, const char *name, const char *contents)
{
  return write_file_n (f, name, contents, -1);
}

static void
test_read_file (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (f, "r.txt", "標題\r\n正文\r\n");
  GError *error = NULL;
  g_autofree char *text = np_source_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "標題\n正文\n");
}

/* Reads `path` with np_source_read () and expects error `code` with the
 * message "PATH: `what`". */
static void
assert_read_fails (const char *path, NpErrorCode code, const char *what)
{
  GError *error = NULL;
  g_autofree char *text = np_source_read (path, &error);
  g_assert_null (text);
  g_assert_error (error, NP_ERROR, (int) code);
  g_autofree char *want = g_strdup_printf ("%s: %s", path, what);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

static void
test_read_names_file (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (f, "blank.txt", "  \n");
  assert_read_fails (path, NP_ERROR_DATA, "the report is empty");
}

static void
test_read_directory (Fixture *f, gconstpointer data)
{
  (void) data;
  assert_read_fails (f->dir, NP_ERROR_NO_INPUT, "is a directory");
}

/* A device never ends: it is refused by what it is, before any read. */
static void
test_read_device (void)
{
  assert_read_fails ("/dev/zero", NP_ERROR_NO_INPUT,
                     "is a device, not a regular file");
}

/* A FIFO with no writer: refused at once instead of waiting for ever. */
static void
test_read_fifo (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = g_build_filename (f->dir, "pipe", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_read_fails (path, NP_ERROR_NO_INPUT,
                     "is a named pipe, not a regular file");
}

/* Past 16 MiB a file is refused by its size, unread (a sparse file). */
static void
test_read_too_large (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (f, "big.txt", "");
  FILE *big = fopen (path, "wb");
  g_assert_nonnull (big);
  g_assert_cmpint (fseek (big, 17 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', big), ==, '\n');
  g_assert_cmpint (fclose (big), ==, 0);
  assert_read_fails (path, NP_ERROR_DATA,
                     "too large (17.0 MiB; the limit is 16.0 MiB)");
}

/* Standard input shows its size only by ending: reading stops just past
 * the limit.  The message names it "stdin", not "-". */
static void
test_read_stdin_too_large (void)
{
  g_assert_nonnull (freopen ("/dev/zero", "rb", stdin));
  GError *error = NULL;
  g_autofree char *text = np_source_read ("-", &error);
  g_assert_null (text);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpstr (error->message, ==,
                   "stdin: too large (more than the limit of 16.0 MiB)");
  g_error_free (error);
}

static void
test_read_missing (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = g_build_filename (f->dir, "none.txt", NULL);
  g_autofree char *what = g_strdup_printf ("cannot open: %s",
                                           g_strerror (ENOENT));
  assert_read_fails (path, NP_ERROR_NO_INPUT, what);
}

/* "-" is standard input, named "stdin" in messages.  (This replaces the
 * test's own stdin, which nothing else reads.) */
static void
test_read_stdin (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *good = write_file (f, "in.txt", "\xef\xbb\xbf新聞\r\n");
  g_assert_nonnull (freopen (good, "rb", stdin));
  GError *error = NULL;
  g_autofree char *text = np_source_read ("-", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "新聞\n");

  g_autofree char *bad = write_file_n (f, "bad.txt", "a\0b", 3);
  g_assert_nonnull (freopen (bad, "rb", stdin));
  g_autofree char *none = np_source_read ("-", &error);
  g_assert_null (none);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpstr (error->message, ==,
                   "stdin: not a text file (binary data at byte 1)");
  g_error_free (error);
}

/* A named encoding: the controls are counted in the decoded text. */
static void
test_read_as (Fixture *f, gconstpointer data)
{
  (void) data;
  gsize len = 0;
  g_autofree char *gb = encode ("標題\r\n正\x01文\n", "GB18030", &len);
  g_autofree char *path = write_file_n (f, "gb.txt", gb, (gssize) len);
  GError *error = NULL;
  NpSourceNotes notes = { 0 };
  g_autofree char *text =
    np_source_read_noted (path, "GB18030", &notes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "標題\n正文\n");
  g_assert_cmpuint (notes.controls, ==, 1);
  g_assert_cmpuint (notes.first_line, ==, 2);
  g_assert_cmpstr (notes.encoding, ==, "GB18030");

  g_autofree char *again = np_source_read_as (path, "GB18030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, "標題\n正文\n");
}

/* The wrong legacy encoding, named by the user, converts into nonsense:
 * the warning says so; the right one gives none. */
static void
test_read_as_wrong (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *twice = g_strconcat (traditional, traditional, NULL);
  gsize len = 0;
  g_autofree char *big5 = encode (twice, "BIG5", &len);
  g_autofree char *path = write_file_n (f, "big5.txt", big5, (gssize) len);
  const struct {
    const char *encoding;
    guint warnings;
  } cases[] = { { "GB18030", 1 }, { "BIG5", 0 } };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      NpSourceNotes notes = { 0 };
      g_autofree char *text =
        np_source_read_noted (path, cases[i].encoding, &notes, &error);
      g_assert_no_error (error);
      g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      np_source_notes_warn (&notes, warnings);
      g_assert_cmpuint (warnings->len, ==, cases[i].warnings);
      if (cases[i].warnings)
        g_assert_true (g_str_has_prefix (
          warnings->pdata[0], "read as GB18030, the text has few common "
                              "Chinese characters ("));
      else
        g_assert_cmpstr (text, ==, twice);
    }
}

static void
test_read_as_unknown (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (f, "r.txt", "新聞\n");
  GError *error = NULL;
  g_autofree char *text = np_source_read_as (path, "NO-SUCH-CHARSET", &error);
  g_assert_null (text);
  g_assert_error (error, NP_ERROR, NP_ERROR_USAGE);
  g_autofree char *want =
    g_strdup_printf ("%s: unknown encoding 'NO-SUCH-CHARSET'", path);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

/* Bytes the named encoding cannot decode: the line and the byte offset. */
static void
test_read_as_invalid (Fixture *f, gconstpointer data)
{
  (void) data;
  /* "一\r\n二\n" in GB18030 is 7 bytes, then 0xFF, which no GB18030
   * sequence starts with. */
  gsize len = 0;
  g_autofree char *gb = encode ("一\r\n二\n三", "GB18030", &len);
  g_assert_cmpuint (len, ==, 9);
  gb[7] = '\xff';
  g_autofree char *path = write_file_n (f, "gb.txt", gb, (gssize) len);
  GError *error = NULL;
  g_autofree char *text = np_source_read_as (path, "GB18030", &error);
  g_assert_null (text);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_autofree char *want = g_strdup_printf (
    "%s: line 3: not valid GB18030 text at byte 7", path);
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);

  /* A character cut short at the end is an error too, not dropped. */
  g_autofree char *cut = write_file_n (f, "cut.txt", "\xff\xfe" "A\0B", 5);
  g_autofree char *none = np_source_read_as (cut, "UTF-16", &error);
  g_assert_null (none);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_autofree char *want_cut = g_strdup_printf (
    "%s: line 1: not valid UTF-16 text at byte 4", cut);
  g_assert_cmpstr (error->message, ==, want_cut);
  g_error_free (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source/plain", test_plain);
  g_test_add_func ("/source/bom", test_bom);
  g_test_add_func ("/source/crlf", test_crlf);
  g_test_add_func ("/source/cr", test_cr);
  g_test_add_data_func ("/source/utf16le", GINT_TO_POINTER (FALSE),
                        test_utf16);
  g_test_add_data_func ("/source/utf16be", GINT_TO_POINTER (TRUE),
                        test_utf16);
  g_test_add_func ("/source/utf16/odd-length", test_utf16_odd_length);
  g_test_add_func ("/source/utf16/nul", test_utf16_nul);
  g_test_add_func ("/source/gb18030", test_gb18030);
  g_test_add_func ("/source/gb18030/traditional", test_gb18030_traditional);
  g_test_add_func ("/source/gb18030/reference", test_gb18030_reference);
  g_test_add_func ("/source/big5", test_big5);
  g_test_add_func ("/source/binary/nul", test_binary_nul);
  g_test_add_func ("/source/binary/png", test_binary_png);
  g_test_add_func ("/source/binary/pdf", test_binary_pdf);
  g_test_add_func ("/source/binary/controls", test_binary_controls);
  g_test_add_func ("/source/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/source/invalid-utf8/damaged", test_damaged_utf8);
  g_test_add_func ("/source/controls-dropped", test_controls_dropped);
  g_test_add_func ("/source/form-feed", test_form_feed);
  g_test_add_func ("/source/decode-as", test_decode_as);
  g_test_add_func ("/source/controls/counted", test_controls_counted);
  g_test_add_func ("/source/controls/notes-optional",
                   test_controls_notes_optional);
  g_test_add_func ("/source/empty", test_empty);
  g_test_add ("/source/read/file", Fixture, NULL, fixture_set_up,
              test_read_file, fixture_tear_down);
  g_test_add ("/source/read/names-file", Fixture, NULL, fixture_set_up,
              test_read_names_file, fixture_tear_down);
  g_test_add ("/source/read/directory", Fixture, NULL, fixture_set_up,
              test_read_directory, fixture_tear_down);
  g_test_add_func ("/source/read/device", test_read_device);
  g_test_add ("/source/read/fifo", Fixture, NULL, fixture_set_up,
              test_read_fifo, fixture_tear_down);
  g_test_add ("/source/read/too-large", Fixture, NULL, fixture_set_up,
              test_read_too_large, fixture_tear_down);
  g_test_add_func ("/source/read/stdin-too-large", test_read_stdin_too_large);
  g_test_add ("/source/read/missing", Fixture, NULL, fixture_set_up,
              test_read_missing, fixture_tear_down);
  g_test_add ("/source/read/stdin", Fixture, NULL, fixture_set_up,
              test_read_stdin, fixture_tear_down);
  g_test_add ("/source/read-as/gb18030", Fixture, NULL, fixture_set_up,
              test_read_as, fixture_tear_down);
  g_test_add ("/source/read-as/wrong", Fixture, NULL, fixture_set_up,
              test_read_as_wrong, fixture_tear_down);
  g_test_add ("/source/read-as/unknown", Fixture, NULL, fixture_set_up,
              test_read_as_unknown, fixture_tear_down);
  g_test_add ("/source/read-as/invalid", Fixture, NULL, fixture_set_up,
              test_read_as_invalid, fixture_tear_down);

  return g_test_run ();
}
