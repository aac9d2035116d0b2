/* test-issue.c: unit tests of issue.c (an issue file -> NpIssue, and its
 * JSON dump).
 *
 * Each test writes its issue file into a fresh temporary folder.  The
 * files that must be refused are listed in `bad_files` with the message
 * that loading each must give after "PATH: ".
 */
#include "error.h"
#include "issue.h"
#include "report.h"
#include "source.h"
#include "testjson.h"
#include "testutil.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  char *dir; /* a fresh temporary folder, removed afterwards */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  (void) data;
  GError *error = NULL;
  f->dir = g_dir_make_tmp ("np-issue-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  if (dir)
    {
      const char *entry;
      while ((entry = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, entry, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  (void) data;
  remove_tree (f->dir);
  g_free (f->dir);
}

/* Writes `len` bytes (-1: a C string) to `name` under the fixture's
 * folder, making the folders on the way; returns the path. */
static char *
write_file (Fixture *f, const char *name, const char *contents, gssize len)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  GError *error = NULL;
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static NpIssue *
load_ok (const char *path)
{
  GError *error = NULL;
  NpIssue *issue = np_issue_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (issue);
  return issue;
}

/* Loading `path` fails with `code` and the message "PATH: `what`". */
static void
assert_load_fails (const char *path, NpErrorCode code, const char *what)
{
  GError *error = NULL;
  g_autoptr (NpIssue) issue = np_issue_load (path, &error);
  g_assert_null (issue);
  g_assert_error (error, NP_ERROR, (int) code);
  g_autofree char *want = g_strdup_printf ("%s: %s", path, what);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

static NpArticle *
article (const NpIssue *issue, guint i)
{
  g_assert_cmpuint (i, <, issue->articles->len);
  return g_ptr_array_index (issue->articles, i);
}

/* ---- good files ------------------------------------------------------- */

static const char every_key[] =
  "# 产教联合体通讯\n"
  "[issue]\n"
  "masthead = 产教联合体通讯\n"
  "number = 2025年第3期\n"
  "serial = 总第27期\n"
  "date = 2025年3月20日\n"
  "publisher = 汽车城产教联合体秘书处\n"
  "editor = 王晓兰\n"
  "reviewer = 陈国栋\n"
  "address = 汽车城大道88号\n"
  "phone = 0431-8888 6666\n"
  "email = office@example.org\n"
  "print-run = 300份\n"
  "report-to = 市教育局\n"
  "send-to = 各成员单位\n"
  "copy-to = 秘书处各部门\n"
  "layout = jianbao\n"
  "\n"
  "[report 1]\n"
  "file = reports/annual.txt\n"
  "section = 要闻\n"
  "photos = photos/annual/\n"
  "title = 联合体召开年度大会\n"
  "encoding = GB18030\n";

static void
test_every_key (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (f, "issue.ini", every_key, -1);
  g_autoptr (NpIssue) issue = load_ok (path);

  g_assert_cmpstr (issue->path, ==, path);
  g_assert_cmpstr (issue->masthead, ==, "产教联合体通讯");
  g_assert_cmpstr (issue->number, ==, "2025年第3期");
  g_assert_cmpstr (issue->serial, ==, "总第27期");
  g_assert_cmpstr (issue->date, ==, "2025年3月20日");
  g_assert_cmpstr (issue->publisher, ==, "汽车城产教联合体秘书处");
  g_assert_cmpstr (issue->editor, ==, "王晓兰");
  g_assert_cmpstr (issue->reviewer, ==, "陈国栋");
  g_assert_cmpstr (issue->address, ==, "汽车城大道88号");
  g_assert_cmpstr (issue->phone, ==, "0431-8888 6666");
  g_assert_cmpstr (issue->email, ==, "office@example.org");
  g_assert_cmpstr (issue->print_run, ==, "300份");
  g_assert_cmpstr (issue->report_to, ==, "市教育局");
  g_assert_cmpstr (issue->send_to, ==, "各成员单位");
  g_assert_cmpstr (issue->copy_to, ==, "秘书处各部门");
  g_assert_cmpstr (issue->layout, ==, "jianbao");

  g_assert_cmpuint (issue->articles->len, ==, 1);
  NpArticle *a = article (issue, 0);
  g_autofree char *report = g_build_filename (f->dir, "reports", "annual.txt",
                                              NULL);
  g_autofree char *photos = g_build_filename (f->dir, "photos", "annual",
                                              NULL);
  g_assert_cmpstr (a->path, ==, report);
  g_assert_cmpstr (a->name, ==, report);
  g_assert_cmpstr (a->section, ==, "要闻");
  g_assert_cmpstr (a->photos, ==, photos);
  g_assert_cmpstr (a->title, ==, "联合体召开年度大会");
  g_assert_cmpstr (a->encoding, ==, "GB18030");
  g_assert_null (a->doc);
}

/* Only `file` is needed; the rest is NULL, and so is a key left empty.
 * Blanks around a value go, the ideographic space of Chinese input methods
 * too, but not those inside it. */
static void
test_least (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (
    f, "least.ini",
    "[issue]\nnumber =\nserial =   \t\nmasthead = \u3000简报 二〇二五\u3000 \n"
    "[report]\nfile=a.txt\nsection=\n",
    -1);
  g_autoptr (NpIssue) issue = load_ok (path);
  g_assert_null (issue->number);
  g_assert_null (issue->serial);
  g_assert_null (issue->date);
  g_assert_null (issue->layout);
  g_assert_cmpstr (issue->masthead, ==, "简报 二〇二五");
  NpArticle *a = article (issue, 0);
  g_assert_null (a->section);
  g_assert_null (a->photos);
  g_assert_null (a->title);
  g_assert_null (a->encoding);
}

/* The reports come in the order of their groups, whatever the names. */
static void
test_order (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (f, "order.ini",
                                      "[report 2]\nfile = b.txt\n"
                                      "[report 10]\nfile = c.txt\n"
                                      "[issue]\nnumber = 第1期\n"
                                      "[report 1]\nfile = a.txt\n"
                                      "[report-notice]\nfile = d.txt\n",
                                      -1);
  g_autoptr (NpIssue) issue = load_ok (path);
  g_assert_cmpuint (issue->articles->len, ==, 4);
  const char *want[] = { "b.txt", "c.txt", "a.txt", "d.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_true (g_str_has_suffix (article (issue, i)->path, want[i]));
  g_assert_cmpstr (issue->number, ==, "第1期");
}

/* Paths are relative to the issue file's folder, not the current one; the
 * name shows the path as the user gave it, through the file's folder. */
static void
test_relative (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *written = write_file (
    f, "news/2025/issue.ini",
    "[report 1]\nfile = reports/a.txt\nphotos = ../photos/a\n"
    "[report 2]\nfile = /srv/news/b.txt\nphotos = /srv/photos/b/\n"
    "[report 3]\nfile = reports\\windows\\c.txt\n",
    -1);
  g_autofree char *cwd = g_get_current_dir ();
  g_assert_cmpint (chdir (f->dir), ==, 0);
  g_autoptr (NpIssue) issue = load_ok ("news/2025/issue.ini");
  g_assert_cmpint (chdir (cwd), ==, 0);

  g_autofree char *a = g_build_filename (f->dir, "news", "2025", "reports",
                                         "a.txt", NULL);
  g_autofree char *photos = g_build_filename (f->dir, "news", "photos", "a",
                                              NULL);
  g_autofree char *c = g_build_filename (f->dir, "news", "2025", "reports",
                                         "windows", "c.txt", NULL);
  g_assert_cmpstr (issue->path, ==, "news/2025/issue.ini");
  g_assert_cmpstr (article (issue, 0)->path, ==, a);
  g_assert_cmpstr (article (issue, 0)->name, ==, "news/2025/reports/a.txt");
  g_assert_cmpstr (article (issue, 0)->photos, ==, photos);
  g_assert_cmpstr (article (issue, 1)->path, ==, "/srv/news/b.txt");
  g_assert_cmpstr (article (issue, 1)->name, ==, "/srv/news/b.txt");
  g_assert_cmpstr (article (issue, 1)->photos, ==, "/srv/photos/b");
  g_assert_cmpstr (article (issue, 2)->path, ==, c);
  g_assert_cmpstr (article (issue, 2)->name, ==,
                   "news/2025/reports/windows/c.txt");
}

/* A layout file beside the issue file is that one, wherever newsprint
 * runs; a layout named, or a file that is not there, is left for -l's
 * search to find or to name. */
static void
test_layout_beside (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *mine = write_file (f, "news/mine.ini", "[page]\n", -1);
  static const struct {
    const char *value;
    gboolean beside;
  } cases[] = {
    { "mine.ini", TRUE },     { "./mine.ini", TRUE },
    { "jianbao", FALSE },     { "compact.ini", FALSE },
    { "other/x.ini", FALSE }, { "/etc/none.ini", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "[issue]\nlayout = %s\n[report]\nfile = a.txt\n", cases[i].value);
      g_autofree char *path = write_file (f, "news/issue.ini", text, -1);
      g_autoptr (NpIssue) issue = load_ok (path);
      g_assert_cmpstr (issue->layout, ==,
                       cases[i].beside ? mine : cases[i].value);
    }
}

/* An issue file in the current folder: the name is the path as written. */
static void
test_relative_here (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *written =
    write_file (f, "issue.ini", "[report 1]\nfile = a.txt\n", -1);
  g_autofree char *cwd = g_get_current_dir ();
  g_assert_cmpint (chdir (f->dir), ==, 0);
  g_autoptr (NpIssue) issue = load_ok ("issue.ini");
  g_assert_cmpint (chdir (cwd), ==, 0);
  g_autofree char *a = g_build_filename (f->dir, "a.txt", NULL);
  g_assert_cmpstr (article (issue, 0)->path, ==, a);
  g_assert_cmpstr (article (issue, 0)->name, ==, "a.txt");
}

/* Saved by Notepad: a BOM and Windows line ends. */
static void
test_bom_crlf (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = write_file (
    f, "notepad.ini",
    "\xef\xbb\xbf# 第3期\r\n[issue]\r\nnumber = 2025年第3期\r\n\r\n"
    "[report 1]\r\nfile = a.txt\r\nsection = 要闻\r\n",
    -1);
  g_autoptr (NpIssue) issue = load_ok (path);
  g_assert_cmpstr (issue->number, ==, "2025年第3期");
  g_assert_cmpstr (article (issue, 0)->section, ==, "要闻");
  g_assert_true (g_str_has_suffix (article (issue, 0)->path, "/a.txt"));
}

/* Saved in the legacy encodings of Chinese Windows. */
static void
test_legacy_encodings (Fixture *f, gconstpointer data)
{
  (void) data;
  static const struct {
    const char *encoding, *text, *section;
  } cases[] = {
    { "GB18030", "[issue]\nnumber = 二〇二五年第三期\n[report 1]\n"
                 "file = 要闻.txt\nsection = 联盟动态\n", "联盟动态" },
    { "BIG5", "[issue]\nnumber = 第三期\n[report 1]\nfile = a.txt\n"
              "section = 會員風采與聯盟動態\n", "會員風采與聯盟動態" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = 0;
      GError *error = NULL;
      g_autofree char *bytes = g_convert (cases[i].text, -1, cases[i].encoding,
                                          "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
      g_autofree char *path = write_file (f, "legacy.ini", bytes,
                                          (gssize) len);
      g_autoptr (NpIssue) issue = load_ok (path);
      g_assert_cmpstr (article (issue, 0)->section, ==, cases[i].section);
    }
}

/* examples/issue.ini, which users copy, loads, and every report it names
 * is read without a warning: its headline, date and script as an editor
 * sees them. */
static void
test_example (void)
{
  static const struct {
    const char *section, *headline, *date;
    NpScript script;
  } want[] = {
    { "要闻", NULL, "2025年3月21日", NP_SCRIPT_HANT },
    { "要闻", "岚州市智能制造产教联合体召开一届一次理事会", "2025年4月8日",
      NP_SCRIPT_HANS },
    { "成员风采", "北辰智控與嵐州職業技術學院共建工業軟件實訓室",
      "2025年4月2日", NP_SCRIPT_HANT },
    { "通知公告", "关于开展2025年度优秀实训项目评选的通知", "2025年4月10日",
      NP_SCRIPT_HANS },
  };
  g_autofree char *path =
    g_build_filename (np_test_source_dir (), "examples", "issue.ini", NULL);
  g_autoptr (NpIssue) issue = load_ok (path);
  g_assert_cmpstr (issue->number, ==, "2025年第1期");
  g_assert_cmpstr (issue->layout, ==, "bulletin");
  g_assert_nonnull (issue->publisher);
  g_assert_nonnull (issue->copy_to);
  g_assert_cmpuint (issue->articles->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < issue->articles->len; i++)
    {
      NpArticle *a = article (issue, i);
      g_assert_cmpstr (a->section, ==, want[i].section);
      g_assert_null (a->photos);
      GError *error = NULL;
      g_autofree char *text = np_source_read_as (a->path, a->encoding,
                                                 &error);
      g_assert_no_error (error);
      a->doc = np_report_parse (text, a->name, &error);
      g_assert_no_error (error);
      if (want[i].headline)
        g_assert_cmpstr (a->doc->headline, ==, want[i].headline);
      g_assert_cmpstr (a->doc->date, ==, want[i].date);
      g_assert_cmpint (a->doc->script, ==, want[i].script);
      /* none but where the reading is close (perhaps …) */
      for (guint w = 0; w < a->doc->warnings->len; w++)
        g_assert_nonnull (
          strstr (g_ptr_array_index (a->doc->warnings, w), "perhaps"));
    }
  g_assert_true (g_str_has_suffix (article (issue, 0)->path,
                                   "/examples/report.txt"));
  g_assert_cmpstr (article (issue, 0)->title, ==,
                   "嵐州市智能製造產教聯合體成立");
}

/* ---- files that must be refused --------------------------------------- */

typedef struct {
  const char *test;     /* /issue/bad/TEST */
  const char *contents;
  const char *message;  /* after "PATH: " */
} BadFile;

static const BadFile bad_files[] = {
  { "unknown-group", "[issue]\nnumber = 1\n[reprot 2]\nfile = a.txt\n",
    "[reprot 2]: unknown group (known groups: issue, report … (one for each "
    "report))" },
  { "unknown-key", "[report 1]\nfile = a.txt\n[report 2]\nfle = b.txt\n",
    "[report 2] fle: unknown key (known keys: file, section, photos, title, "
    "encoding)" },
  { "unknown-issue-key", "[issue]\nprint_run = 300份\n",
    "[issue] print_run: unknown key (known keys: masthead, number, serial, "
    "date, publisher, editor, reviewer, address, phone, email, print-run, "
    "report-to, send-to, copy-to, layout, to, phrases)" },
  { "locale-key", "[report 1]\nfile = a.txt\ntitle[zh_CN] = 标题\n",
    "[report 1] title[zh_CN]: unknown key (known keys: file, section, "
    "photos, title, encoding)" },
  { "no-file", "[report 1]\nfile = a.txt\n[report 2]\nsection = 要闻\n",
    "[report 2] file: missing; name the report's file, as file = "
    "reports/news.txt (relative to this file's folder)" },
  { "empty-file", "[report 1]\nfile =  \n",
    "[report 1] file: missing; name the report's file, as file = "
    "reports/news.txt (relative to this file's folder)" },
  { "no-report", "[issue]\nnumber = 2025年第3期\n",
    "no report; name each in a group of its own, as [report 1] with file = "
    "reports/news.txt" },
  { "only-comments", "\xef\xbb\xbf# 第3期\r\n\r\n",
    "no report; name each in a group of its own, as [report 1] with file = "
    "reports/news.txt" },
  { "blank", " \n\t\n",
    "no report; name each in a group of its own, as [report 1] with file = "
    "reports/news.txt" },
  { "group-twice",
    "[report 1]\nfile = a.txt\n\n[report 2]\nfile = b.txt\n\n"
    "[report 1]\nfile = c.txt\n",
    "[report 1]: the group is there twice (lines 1 and 7); give each report "
    "a group of its own name, as [report 1], [report 2]" },
  { "issue-twice", "[issue]\nnumber = 1\n[report]\nfile = a\n[issue]\n",
    "[issue]: the group is there twice (lines 1 and 5); keep one [issue] "
    "group" },
  { "key-twice", "[report 1]\nfile = a.txt\nsection = 要闻\nfile = b.txt\n",
    "[report 1] file: given twice (lines 2 and 4); each report needs a "
    "group of its own, as [report 2]" },
  { "issue-key-twice", "[issue]\ndate = 3月\ndate = 4月\n",
    "[issue] date: given twice (lines 2 and 3)" },
  { "key-before-group", "number = 1\n[report 1]\nfile = a.txt\n",
    "line 1: a key before the first group; the file begins with [issue] or "
    "[report 1] (got 'number = 1')" },
  { "not-a-line", "[report 1]\nfile = a.txt\n要闻\n",
    "line 3: neither a [group], a key = value nor a # comment (got '要闻')" },
  { "no-key", "[report 1]\n = a.txt\n",
    "line 2: a value without its key (got '= a.txt')" },
  { "open-group", "[report 1\nfile = a.txt\n",
    "line 1: a group is its name in brackets, alone on its line, as [report "
    "1] (got '[report 1')" },
  { "group-and-more", "[report 1] 要闻\nfile = a.txt\n",
    "line 1: a group is its name in brackets, alone on its line, as [report "
    "1] (got '[report 1] 要闻')" },
  { "bracket-in-group", "[report [1]\nfile = a.txt\n",
    "line 1: a group's name may hold neither '[' nor a tab (got '[report "
    "[1]')" },
  { "tab-in-group", "[report\t1]\nfile = a.txt\n",
    "line 1: a group's name may hold neither '[' nor a tab (got "
    "'[report\t1]')" },
  { "comment-after", "[report 1]\nfile = a.txt\nsection = 要闻   # 栏目\n",
    "[report 1] section: a comment must be on a line of its own (got '要闻   "
    "# 栏目')" },
  { "unknown-encoding", "[report 1]\nfile = a.txt\nencoding = GB2313\n",
    "[report 1] encoding: not an encoding newsprint knows; use GB18030, "
    "BIG5, UTF-8 or UTF-16LE, or leave it out to have it detected (got "
    "'GB2313')" },
  { "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    "not a text file (binary data at byte 0)" },
};

static void
test_bad (Fixture *f, gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = write_file (f, "issue.ini", bad->contents,
                                      strcmp (bad->test, "binary") == 0
                                        ? 16
                                        : -1);
  assert_load_fails (path, NP_ERROR_DATA, bad->message);
}

/* A value one byte past the limit is refused, naming its group and key;
 * one at the limit is read. */
static void
test_value_too_long (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *at = g_strnfill (NP_ISSUE_MAX_VALUE, 'a');
  g_autofree char *good = g_strdup_printf ("[report 1]\nfile = a\n"
                                           "title = %s\n", at);
  g_autofree char *path = write_file (f, "issue.ini", good, -1);
  g_autoptr (NpIssue) issue = load_ok (path);
  g_assert_cmpuint (strlen (article (issue, 0)->title), ==,
                    NP_ISSUE_MAX_VALUE);

  g_autofree char *bad = g_strdup_printf ("[report 1]\nfile = a\n"
                                          "title = %sa\n", at);
  g_autofree char *again = write_file (f, "issue.ini", bad, -1);
  g_autofree char *what = g_strdup_printf (
    "[report 1] title: the value is %d bytes long; a value may be at most "
    "%d bytes", NP_ISSUE_MAX_VALUE + 1, NP_ISSUE_MAX_VALUE);
  assert_load_fails (again, NP_ERROR_DATA, what);
}

/* A long unknown key or group is quoted short: one line stays short. */
static void
test_long_names_quoted_short (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *key = g_strnfill (3000, 'k');
  g_autofree char *text = g_strdup_printf ("[report 1]\n%s = 1\n", key);
  g_autofree char *path = write_file (f, "issue.ini", text, -1);
  GError *error = NULL;
  g_autoptr (NpIssue) issue = np_issue_load (path, &error);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpuint (strlen (error->message), <, strlen (path) + 200);
  g_assert_nonnull (strstr (error->message, "kkk…: unknown key"));
  g_clear_error (&error);

  g_autofree char *name = g_strnfill (257, 'g');
  g_autofree char *group = g_strdup_printf ("[%s]\nfile = a\n", name);
  g_autofree char *again = write_file (f, "issue.ini", group, -1);
  g_autoptr (NpIssue) none = np_issue_load (again, &error);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_true (g_str_has_suffix (
    error->message, "ggg…]: a group's name may be at most 256 bytes"));
  g_error_free (error);
}

static void
test_missing (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = g_build_filename (f->dir, "none.ini", NULL);
  g_autofree char *what = g_strdup_printf ("cannot open: %s",
                                           g_strerror (ENOENT));
  assert_load_fails (path, NP_ERROR_NO_INPUT, what);
}

static void
test_directory (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = g_build_filename (f->dir, "folder.ini", NULL);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_load_fails (path, NP_ERROR_NO_INPUT, "is a directory");
}

/* A FIFO with no writer is refused at once rather than waited on. */
static void
test_fifo (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *path = g_build_filename (f->dir, "pipe.ini", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_load_fails (path, NP_ERROR_NO_INPUT,
                     "is a named pipe, not a regular file");
}

static void
test_device (void)
{
  assert_load_fails ("/dev/zero", NP_ERROR_NO_INPUT,
                     "is a device, not a regular file");
}

/* Past NP_ISSUE_MAX_FILE a file is refused by its size. */
static void
test_too_large (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *big = g_strnfill (NP_ISSUE_MAX_FILE + 1, '#');
  g_autofree char *path = write_file (f, "big.ini", big,
                                      NP_ISSUE_MAX_FILE + 1);
  assert_load_fails (path, NP_ERROR_DATA,
                     "too large (1048577 bytes; the limit is 1048576 "
                     "bytes)");
}

/* ---- the rest of the model -------------------------------------------- */

static void
test_is_file (void)
{
  g_assert_true (np_issue_is_file ("issue.ini"));
  g_assert_true (np_issue_is_file ("2025/第3期.INI"));
  g_assert_true (np_issue_is_file (".ini"));
  g_assert_false (np_issue_is_file ("report.txt"));
  g_assert_false (np_issue_is_file ("ini"));
  g_assert_false (np_issue_is_file ("issue.ini.txt"));
  g_assert_false (np_issue_is_file ("-"));
  g_assert_false (np_issue_is_file (""));
}

static void
test_add_article (void)
{
  g_autoptr (NpIssue) issue = np_issue_new ();
  NpArticle *a = np_issue_add_article (issue, "news/a.txt");
  NpArticle *b = np_issue_add_article (issue, "-");
  g_assert_cmpuint (issue->articles->len, ==, 2);
  g_assert_true (article (issue, 0) == a && article (issue, 1) == b);
  g_assert_cmpstr (a->path, ==, "news/a.txt");
  g_assert_cmpstr (a->name, ==, "news/a.txt");
  g_assert_cmpstr (b->path, ==, "-");
  g_assert_cmpstr (b->name, ==, "stdin");
  g_assert_null (a->section);
  g_assert_null (a->doc);
  b->doc = np_document_new (); /* freed with the issue */
}

static void
test_free_null (void)
{
  np_issue_free (NULL);
}

/* ---- JSON ------------------------------------------------------------- */

/* The whole dump of a small issue, to the byte: its order is fixed, a
 * missing field is null, and a document is set in at its indent. */
static void
test_json_layout (void)
{
  g_autoptr (NpIssue) issue = np_issue_new ();
  issue->number = g_strdup ("2025年第3期");
  issue->print_run = g_strdup ("300份");
  NpArticle *a = np_issue_add_article (issue, "a.txt");
  a->section = g_strdup ("要闻");
  NpArticle *b = np_issue_add_article (issue, "b.txt");
  b->doc = np_document_new ();
  b->doc->headline = g_strdup ("标题");
  np_document_add_text (b->doc, NP_BLOCK_PARAGRAPH, "正文。", 2);
  np_block_set_rule (g_ptr_array_index (b->doc->blocks, 0), "paragraph");

  g_autofree char *json = np_issue_to_json (issue);
  g_assert_cmpstr (json, ==,
                   "{\n"
                   "  \"path\": null,\n"
                   "  \"masthead\": null,\n"
                   "  \"number\": \"2025年第3期\",\n"
                   "  \"serial\": null,\n"
                   "  \"date\": null,\n"
                   "  \"publisher\": null,\n"
                   "  \"editor\": null,\n"
                   "  \"reviewer\": null,\n"
                   "  \"address\": null,\n"
                   "  \"phone\": null,\n"
                   "  \"email\": null,\n"
                   "  \"print_run\": \"300份\",\n"
                   "  \"report_to\": null,\n"
                   "  \"send_to\": null,\n"
                   "  \"copy_to\": null,\n"
                   "  \"layout\": null,\n"
                   "  \"to\": null,\n"
                   "  \"phrases\": null,\n"
                   "  \"articles\": [\n"
                   "    {\n"
                   "      \"file\": \"a.txt\",\n"
                   "      \"section\": \"要闻\",\n"
                   "      \"photos\": null,\n"
                   "      \"title\": null,\n"
                   "      \"encoding\": null,\n"
                   "      \"document\": null\n"
                   "    },\n"
                   "    {\n"
                   "      \"file\": \"b.txt\",\n"
                   "      \"section\": null,\n"
                   "      \"photos\": null,\n"
                   "      \"title\": null,\n"
                   "      \"encoding\": null,\n"
                   "      \"document\": {\n"
                   "        \"headline\": \"标题\",\n"
                   "        \"headline_rule\": null,\n"
                   "        \"kicker\": null,\n"
                   "        \"subtitle\": null,\n"
                   "        \"byline\": null,\n"
                   "        \"masthead\": null,\n"
                   "        \"issue\": null,\n"
                   "        \"date\": null,\n"
                   "        \"publisher\": null,\n"
                   "        \"script\": \"zh-Hant\",\n"
                   "        \"blocks\": [\n"
                   "          {\n"
                   "            \"kind\": \"paragraph\",\n"
                   "            \"line\": 2,\n"
                   "            \"rule\": \"paragraph\",\n"
                   "            \"text\": \"正文。\"\n"
                   "          }\n"
                   "        ],\n"
                   "        \"dropped\": [],\n"
                   "        \"warnings\": []\n"
                   "      }\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");

  g_autoptr (NpIssue) empty = np_issue_new ();
  g_autofree char *none = np_issue_to_json (empty);
  g_assert_true (g_str_has_suffix (none, "  \"articles\": []\n}\n"));
  g_autoptr (JsonObject) root = np_test_json_read (none);
  g_assert_true (json_object_get_null_member (root, "number"));
}

/* A loaded file's dump, read back by json-glib: every field comes back as
 * it was, quotes and backslashes included, and the embedded document is
 * an object of its own. */
static void
test_json_round_trip (Fixture *f, gconstpointer data)
{
  (void) data;
  g_autofree char *text = g_strconcat (
    every_key, "\n[report 2]\nfile = b\\c.txt\n"
    "title = 他说\"好\"与\\坏\n",
    NULL);
  g_autofree char *path = write_file (f, "issue.ini", text, -1);
  g_autoptr (NpIssue) issue = load_ok (path);
  NpArticle *b = article (issue, 1);
  b->doc = np_document_new ();
  b->doc->headline = g_strdup ("标题\t\"引\"");
  np_document_warn (b->doc, 3, "%s", "警告\\");

  g_autofree char *json = np_issue_to_json (issue);
  g_autoptr (JsonObject) root = np_test_json_read (json);
  g_assert_cmpstr (json_object_get_string_member (root, "path"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (root, "print_run"), ==,
                   "300份");
  g_assert_cmpstr (json_object_get_string_member (root, "copy_to"), ==,
                   "秘书处各部门");
  JsonArray *articles = json_object_get_array_member (root, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 2);

  JsonObject *first = json_array_get_object_element (articles, 0);
  g_autofree char *photos = g_build_filename (f->dir, "photos", "annual",
                                              NULL);
  g_assert_cmpstr (json_object_get_string_member (first, "photos"), ==,
                   photos);
  g_assert_cmpstr (json_object_get_string_member (first, "encoding"), ==,
                   "GB18030");
  g_assert_true (json_object_get_null_member (first, "document"));

  JsonObject *second = json_array_get_object_element (articles, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "title"), ==,
                   "他说\"好\"与\\坏");
  g_assert_true (json_object_get_null_member (second, "section"));
  JsonObject *doc = json_object_get_object_member (second, "document");
  g_assert_nonnull (doc);
  g_assert_cmpstr (json_object_get_string_member (doc, "headline"), ==,
                   "标题\t\"引\"");
  JsonArray *warnings = json_object_get_array_member (doc, "warnings");
  g_assert_cmpstr (json_array_get_string_element (warnings, 0), ==,
                   "line 3: 警告\\");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                     \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/issue/load/every-key", test_every_key);
  ADD ("/issue/load/least", test_least);
  ADD ("/issue/load/order", test_order);
  ADD ("/issue/load/relative", test_relative);
  ADD ("/issue/load/relative-here", test_relative_here);
  ADD ("/issue/load/layout-beside", test_layout_beside);
  ADD ("/issue/load/bom-crlf", test_bom_crlf);
  ADD ("/issue/load/legacy-encodings", test_legacy_encodings);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/issue/bad/%s", bad_files[i].test);
      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad,
                  fixture_tear_down);
    }
  ADD ("/issue/bad/value-too-long", test_value_too_long);
  ADD ("/issue/bad/long-names", test_long_names_quoted_short);
  ADD ("/issue/file/missing", test_missing);
  ADD ("/issue/file/directory", test_directory);
  ADD ("/issue/file/fifo", test_fifo);
  g_test_add_func ("/issue/file/device", test_device);
  ADD ("/issue/file/too-large", test_too_large);
  ADD ("/issue/json/round-trip", test_json_round_trip);
#undef ADD
  g_test_add_func ("/issue/example", test_example);
  g_test_add_func ("/issue/is-file", test_is_file);
  g_test_add_func ("/issue/add-article", test_add_article);
  g_test_add_func ("/issue/free-null", test_free_null);
  g_test_add_func ("/issue/json/layout", test_json_layout);

  return g_test_run ();
}
