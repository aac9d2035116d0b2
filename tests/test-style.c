/* test-style.c: unit tests of style.c (layout files -> NpStyle).
 *
 * Besides the tests below, every tests/cases/layouts/bad-NAME.ini becomes a
 * test /style/bad/NAME: its first line "# expect: MESSAGE" gives the error
 * message that loading it must give after "PATH: ".  Every good-NAME.ini
 * must load (/style/good/NAME); some are also checked value by value.
 */
#include "error.h"
#include "style.h"
#include "testutil.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#define MM(x) ((x) * 72.0 / 25.4)
#define EPSILON 1e-9

static char *
layouts_dir (void)
{
  return g_build_filename (np_test_source_dir (), "layouts", NULL);
}

static char *
cases_dir (void)
{
  return g_build_filename (np_test_source_dir (), "tests", "cases", "layouts",
                           NULL);
}

static char *
case_path (const char *name)
{
  g_autofree char *dir = cases_dir ();
  return g_build_filename (dir, name, NULL);
}

static NpStyle *
load_ok (const char *path)
{
  GError *error = NULL;
  NpStyle *style = np_style_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (style);
  return style;
}

static void
assert_color (NpColor c, guint32 hex)
{
  g_assert_cmpfloat_with_epsilon (c.r, ((hex >> 16) & 0xff) / 255.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (c.g, ((hex >> 8) & 0xff) / 255.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (c.b, (hex & 0xff) / 255.0, EPSILON);
}

static void
assert_font (const NpFont *font, const char *family, double size, int weight,
             guint32 color)
{
  g_assert_cmpstr (font->family, ==, family);
  g_assert_cmpfloat_with_epsilon (font->size, size, EPSILON);
  g_assert_cmpint (font->weight, ==, weight);
  assert_color (font->color, color);
}

/* The values of [issue] but its accent. */
static void
assert_issue (const NpStyle *s, const char *contents,
              const char *contents_hans, int span_lines,
              const char *running_head, gboolean separator,
              NpColophonForm colophon)
{
  g_assert_cmpstr (np_style_contents_title (s, NP_SCRIPT_HANT), ==, contents);
  g_assert_cmpstr (np_style_contents_title (s, NP_SCRIPT_HANS), ==,
                   contents_hans);
  g_assert_cmpint (s->span_lines, ==, span_lines);
  g_assert_cmpstr (s->running_head, ==, running_head);
  g_assert_cmpint (s->separator, ==, separator);
  g_assert_cmpint (s->colophon, ==, colophon);
}

static void
assert_same_color (NpColor a, NpColor b)
{
  g_assert_cmpfloat (a.r, ==, b.r);
  g_assert_cmpfloat (a.g, ==, b.g);
  g_assert_cmpfloat (a.b, ==, b.b);
}

/* Every field but `path` equal. */
static void
assert_same_style (const NpStyle *a, const NpStyle *b)
{
  g_assert_cmpfloat (a->page_width, ==, b->page_width);
  g_assert_cmpfloat (a->page_height, ==, b->page_height);
  g_assert_cmpfloat (a->margin_top, ==, b->margin_top);
  g_assert_cmpfloat (a->margin_bottom, ==, b->margin_bottom);
  g_assert_cmpfloat (a->margin_inner, ==, b->margin_inner);
  g_assert_cmpfloat (a->margin_outer, ==, b->margin_outer);
  g_assert_cmpint (a->columns, ==, b->columns);
  g_assert_cmpfloat (a->gutter, ==, b->gutter);
  for (int i = 0; i < NP_ROLE_COUNT; i++)
    {
      g_assert_cmpstr (a->font[i].family, ==, b->font[i].family);
      g_assert_cmpfloat (a->font[i].size, ==, b->font[i].size);
      g_assert_cmpint (a->font[i].weight, ==, b->font[i].weight);
      assert_same_color (a->font[i].color, b->font[i].color);
    }
  g_assert_cmpfloat (a->line_height, ==, b->line_height);
  g_assert_cmpfloat (a->indent, ==, b->indent);
  g_assert_cmpstr (a->masthead_text, ==, b->masthead_text);
  g_assert_cmpstr (a->footer_text, ==, b->footer_text);
  g_assert_cmpstr (a->masthead_text_hans, ==, b->masthead_text_hans);
  g_assert_cmpstr (a->footer_text_hans, ==, b->footer_text_hans);
  assert_same_color (a->masthead_rule, b->masthead_rule);
  g_assert_cmpfloat (a->frame_aspect, ==, b->frame_aspect);
  g_assert_cmpfloat_with_epsilon (a->frame_max_height, b->frame_max_height,
                                  EPSILON);
  assert_same_color (a->frame_fill, b->frame_fill);
  assert_same_color (a->frame_border, b->frame_border);
  assert_same_color (a->table_header_fill, b->table_header_fill);
  g_assert_cmpfloat (a->rule_width, ==, b->rule_width);
  g_assert_cmpint (a->masthead_rule_form, ==, b->masthead_rule_form);
  g_assert_cmpint (a->meta_form, ==, b->meta_form);
  g_assert_cmpstr (a->contents_title, ==, b->contents_title);
  g_assert_cmpstr (a->contents_title_hans, ==, b->contents_title_hans);
  g_assert_cmpint (a->span_lines, ==, b->span_lines);
  g_assert_cmpstr (a->running_head, ==, b->running_head);
  g_assert_cmpint (a->separator, ==, b->separator);
  g_assert_cmpint (a->colophon, ==, b->colophon);
  assert_same_color (a->accent, b->accent);
}

/* ---- defaults and shipped layouts ------------------------------------- */

static void
test_defaults (void)
{
  g_autoptr (NpStyle) s = np_style_new_default ();
  const char *serif = "Noto Serif CJK", *sans = "Noto Sans CJK";

  g_assert_cmpstr (s->path, ==, "built-in");
  g_assert_cmpfloat_with_epsilon (s->page_width, 595.276, EPSILON);
  g_assert_cmpfloat_with_epsilon (s->page_height, 841.89, EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_top, MM (18), EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_bottom, MM (20), EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_inner, MM (18), EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_outer, MM (18), EPSILON);
  g_assert_cmpint (s->columns, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->gutter, MM (7), EPSILON);

  assert_font (&s->font[NP_ROLE_MASTHEAD], serif, 30, 700, 0x8b1a1a);
  assert_font (&s->font[NP_ROLE_HEADLINE], serif, 21, 700, 0x111111);
  assert_font (&s->font[NP_ROLE_META], sans, 9, 400, 0x555555);
  assert_font (&s->font[NP_ROLE_LEAD], serif, 10.5, 700, 0x111111);
  assert_font (&s->font[NP_ROLE_BODY], serif, 10.5, 400, 0x111111);
  assert_font (&s->font[NP_ROLE_HEADING], sans, 10.5, 700, 0x111111);
  assert_font (&s->font[NP_ROLE_CAPTION], sans, 8.5, 400, 0x333333);
  assert_font (&s->font[NP_ROLE_TABLE], sans, 8.5, 400, 0x111111);
  assert_font (&s->font[NP_ROLE_CREDIT], sans, 9, 400, 0x333333);
  assert_font (&s->font[NP_ROLE_FOOTER], sans, 8, 400, 0x555555);
  g_assert_cmpfloat_with_epsilon (s->line_height, 1.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (s->indent, 2, EPSILON);

  g_assert_cmpstr (s->masthead_text, ==, "產教聯合體通訊");
  g_assert_cmpstr (s->footer_text, ==, "第 {page} 頁 / 共 {pages} 頁");
  assert_color (s->masthead_rule, 0x8b1a1a);
  g_assert_cmpfloat_with_epsilon (s->frame_aspect, 0.75, EPSILON);
  assert_color (s->frame_fill, 0xeeeeee);
  assert_color (s->frame_border, 0x999999);
  assert_color (s->table_header_fill, 0xe6e6e6);
  g_assert_cmpfloat_with_epsilon (s->rule_width, 0.5, EPSILON);

  g_assert_cmpint (s->masthead_rule_form, ==, NP_MASTHEAD_RULE_DOUBLE);
  g_assert_cmpint (s->meta_form, ==, NP_META_LINE);
  assert_font (&s->font[NP_ROLE_SECTION], sans, 9, 700, 0xffffff);
  assert_font (&s->font[NP_ROLE_CONTENTS], sans, 9, 400, 0x111111);
  assert_issue (s, "本期導讀", "本期导读", 24, "{masthead} · {number}", TRUE,
                NP_COLOPHON_BOX);
  assert_color (s->accent, 0x8b1a1a);
}

/* bulletin.ini is the defaults written out for users to copy: it must
 * stay exactly equal to them. */
static void
test_bulletin_is_default (void)
{
  g_autofree char *dir = layouts_dir ();
  g_autofree char *path = g_build_filename (dir, "bulletin.ini", NULL);
  g_autoptr (NpStyle) loaded = load_ok (path);
  g_autoptr (NpStyle) defaults = np_style_new_default ();

  g_assert_cmpstr (loaded->path, ==, path);
  assert_same_style (loaded, defaults);
}

static void
test_script_text (void)
{
  g_autoptr (NpStyle) s = np_style_new_default ();
  g_assert_cmpstr (np_style_masthead (s, NP_SCRIPT_HANT), ==, "產教聯合體通訊");
  g_assert_cmpstr (np_style_masthead (s, NP_SCRIPT_HANS), ==, "产教联合体通讯");
  g_assert_cmpstr (np_style_footer (s, NP_SCRIPT_HANS), ==,
                   "第 {page} 页 / 共 {pages} 页");
}

static void
test_compact (void)
{
  g_autofree char *dir = layouts_dir ();
  g_autofree char *path = g_build_filename (dir, "compact.ini", NULL);
  g_autoptr (NpStyle) s = load_ok (path);

  g_assert_cmpfloat_with_epsilon (s->page_width, 595.276, EPSILON);
  g_assert_cmpfloat_with_epsilon (s->page_height, 841.89, EPSILON);
  g_assert_cmpint (s->columns, ==, 3);
  g_assert_cmpfloat_with_epsilon (s->font[NP_ROLE_BODY].size, 9.5, EPSILON);
  g_assert_cmpfloat (s->margin_inner + s->margin_outer, <, MM (36));
  g_assert_cmpfloat (np_style_column_width (s), >=, MM (30));
  /* Captions must stay distinguishable from body text by size. */
  g_assert_cmpfloat (s->font[NP_ROLE_CAPTION].size, <,
                     s->font[NP_ROLE_BODY].size);
  /* Three columns hold fewer characters a line than the default two. */
  g_autoptr (NpStyle) defaults = np_style_new_default ();
  g_assert_cmpint (s->span_lines, >, defaults->span_lines);
}

/* The 工作简报 keeps GB/T 9704-2012's page: A4 (5.2.1), a 版心 of
 * 156mm x 225mm 37mm from the top and 28mm from the binding edge (5.2.2),
 * 22 lines of 28 characters (5.2.4), a red masthead and rule (7.2.4,
 * 7.2.7), page numbers in 4号 (7.5), the 版记 at the end (7.4). */
static void
test_jianbao (void)
{
  g_autofree char *dir = layouts_dir ();
  g_autofree char *path = g_build_filename (dir, "jianbao.ini", NULL);
  g_autoptr (NpStyle) s = load_ok (path);
  double tight = MM (1e-6);

  g_assert_cmpfloat_with_epsilon (s->page_width, MM (210), MM (0.1));
  g_assert_cmpfloat_with_epsilon (s->page_height, MM (297), MM (0.1));
  g_assert_cmpfloat_with_epsilon (s->margin_top, MM (37), tight);
  g_assert_cmpfloat_with_epsilon (s->margin_inner, MM (28), tight);
  g_assert_cmpfloat_with_epsilon (np_style_column_width (s), MM (156),
                                  MM (0.1));
  double height = s->page_height - s->margin_top - s->margin_bottom;
  g_assert_cmpfloat_with_epsilon (height, MM (225), MM (0.1));
  g_assert_cmpint (s->columns, ==, 1);

  /* Lines a page and characters a line, as flow.c and shape.c count
   * them: whole pitches in the text height, whole ems in the column. */
  g_assert_cmpint ((int) floor (height / np_style_pitch (s) + 1e-6), ==, 22);
  g_assert_cmpint (
    (int) floor (np_style_column_width (s) / s->font[NP_ROLE_BODY].size), ==,
    28);
  /* Nor fewer lines by a loose pitch: 22 lines fill the 版心 to 2mm. */
  g_assert_cmpfloat (height - 22 * np_style_pitch (s), <, MM (2));
  g_assert_cmpfloat_with_epsilon (s->indent, 2, EPSILON);

  g_assert_cmpstr (np_style_masthead (s, NP_SCRIPT_HANT), ==, "工作簡報");
  g_assert_cmpstr (np_style_masthead (s, NP_SCRIPT_HANS), ==, "工作简报");
  assert_color (s->font[NP_ROLE_MASTHEAD].color, 0xe60012);
  assert_color (s->masthead_rule, 0xe60012);
  g_assert_cmpint (s->masthead_rule_form, ==, NP_MASTHEAD_RULE_SINGLE);
  g_assert_cmpint (s->meta_form, ==, NP_META_SPLIT);
  assert_font (&s->font[NP_ROLE_HEADLINE], "Noto Serif CJK", 22, 700,
               0x000000);
  assert_font (&s->font[NP_ROLE_BODY], "Kai CJK", 15.75, 400, 0x000000);
  assert_font (&s->font[NP_ROLE_HEADING], "Noto Sans CJK", 16, 700,
               0x000000);
  assert_font (&s->font[NP_ROLE_FOOTER], "Noto Serif CJK", 14, 400,
               0x000000);
  assert_font (&s->font[NP_ROLE_CONTENTS], "Kai CJK", 14, 400, 0x000000);
  g_assert_cmpstr (np_style_footer (s, NP_SCRIPT_HANS), ==, "— {page} —");
  assert_issue (s, "本期要目", "本期要目", 0, "", TRUE, NP_COLOPHON_IMPRINT);
  /* Every role but the masthead's and the section label's is black
   * (5.2.5). */
  for (int role = 0; role < NP_ROLE_COUNT; role++)
    if (role != NP_ROLE_MASTHEAD && role != NP_ROLE_SECTION)
      assert_color (s->font[role].color, 0x000000);
}

/* ---- fixtures --------------------------------------------------------- */

/* The text after "# expect: " on the first line of a fixture. */
static char *
expected_message (const char *path)
{
  g_autofree char *text = np_test_read (path);
  const char *start = text;
  if (g_str_has_prefix (start, "\xef\xbb\xbf"))
    start += 3;
  g_assert_true (g_str_has_prefix (start, "# expect: "));
  start += strlen ("# expect: ");
  return g_strndup (start, strcspn (start, "\r\n"));
}

static void
test_bad_case (gconstpointer data)
{
  const char *path = data;
  g_autofree char *expect = expected_message (path);
  g_autofree char *want = g_strdup_printf ("%s: %s", path, expect);

  GError *error = NULL;
  g_autoptr (NpStyle) style = np_style_load (path, &error);
  g_assert_null (style);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

static void
test_good_case (gconstpointer data)
{
  const char *path = data;
  g_autofree char *expect = expected_message (path);
  g_assert_cmpstr (expect, ==, "ok");
  g_autoptr (NpStyle) style = load_ok (path);
  g_assert_cmpstr (style->path, ==, path);
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Registers one test per fixture file. */
static void
add_case_tests (void)
{
  g_autofree char *dir = cases_dir ();
  GError *error = NULL;
  g_autoptr (GDir) listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      gboolean bad = g_str_has_prefix (file, "bad-");
      g_assert_true (bad || g_str_has_prefix (file, "good-"));
      const char *stem = strchr (file, '-') + 1;
      g_autofree char *test_path = g_strdup_printf (
        "/style/%s/%.*s", bad ? "bad" : "good",
        (int) (strlen (stem) - strlen (".ini")), stem);
      g_test_add_data_func_full (test_path, g_build_filename (dir, file, NULL),
                                 bad ? test_bad_case : test_good_case, g_free);
    }
}

static void
test_good_empty (void)
{
  g_autofree char *path = case_path ("good-empty.ini");
  g_autoptr (NpStyle) loaded = load_ok (path);
  g_autoptr (NpStyle) defaults = np_style_new_default ();
  assert_same_style (loaded, defaults);
}

static void
test_good_units (void)
{
  g_autofree char *path = case_path ("good-units.ini");
  g_autoptr (NpStyle) s = load_ok (path);

  /* 100mm x 6in turned to landscape. */
  g_assert_cmpfloat_with_epsilon (s->page_width, 6 * 72, EPSILON);
  g_assert_cmpfloat_with_epsilon (s->page_height, MM (100), EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_top, MM (10), EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_bottom, 36, EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_inner, 36, EPSILON);
  g_assert_cmpfloat_with_epsilon (s->margin_outer, MM (12.5), EPSILON);
  g_assert_cmpint (s->columns, ==, 1);
  g_assert_cmpfloat (s->gutter, ==, 0);
  g_assert_cmpfloat_with_epsilon (s->frame_max_height, 144, EPSILON);
  g_assert_cmpstr (s->masthead_text, ==, "Bulletin with spaces inside");
  assert_color (s->masthead_rule, 0xffaa00);
  g_assert_cmpstr (s->footer_text, ==, "{page}/{pages}");
  /* Text in one script only serves Simplified reports too. */
  g_assert_cmpstr (np_style_masthead (s, NP_SCRIPT_HANS), ==,
                   "Bulletin with spaces inside");
  g_assert_cmpstr (np_style_footer (s, NP_SCRIPT_HANS), ==, "{page}/{pages}");
  assert_font (&s->font[NP_ROLE_BODY], "Source Han Serif TC", 12, 700,
               0x0a0b0c);
  /* Untouched roles keep their defaults. */
  assert_font (&s->font[NP_ROLE_CAPTION], "Noto Sans CJK", 8.5, 400,
               0x333333);
}

static void
test_good_bom_crlf (void)
{
  g_autofree char *path = case_path ("good-bom-crlf.ini");
  g_autoptr (NpStyle) s = load_ok (path);
  g_assert_cmpint (s->columns, ==, 3);
  g_assert_cmpstr (s->masthead_text, ==, "通訊");
}

/* Every key of [issue], [masthead] rule and meta, and the fonts of an
 * issue's section labels and contents. */
static void
test_good_issue (void)
{
  g_autofree char *path = case_path ("good-issue.ini");
  g_autoptr (NpStyle) s = load_ok (path);

  g_assert_cmpint (s->masthead_rule_form, ==, NP_MASTHEAD_RULE_SINGLE);
  g_assert_cmpint (s->meta_form, ==, NP_META_SPLIT);
  assert_issue (s, "本期要目", "本期要目（简）", 0, "{number} | {masthead}",
                FALSE, NP_COLOPHON_IMPRINT);
  assert_color (s->accent, 0xe60012);
  assert_font (&s->font[NP_ROLE_SECTION], "Noto Sans CJK", 10, 700,
               0xffffff);
  assert_font (&s->font[NP_ROLE_CONTENTS], "Kai CJK", 12, 400, 0x222222);
  /* The masthead's own colour and text are not touched. */
  assert_color (s->masthead_rule, 0x8b1a1a);
  g_assert_cmpstr (s->masthead_text, ==, "產教聯合體通訊");
}

/* contents in one script serves the other too, as the masthead's text
 * does; the other values at the ends of their ranges. */
static void
test_good_issue_inherit (void)
{
  g_autofree char *path = case_path ("good-issue-inherit.ini");
  g_autoptr (NpStyle) s = load_ok (path);

  assert_issue (s, "目錄", "目錄", 500, "{masthead} · {number}", TRUE,
                NP_COLOPHON_NONE);
  /* The footer's simplified text is its own still. */
  g_assert_cmpstr (np_style_footer (s, NP_SCRIPT_HANS), ==,
                   "第 {page} 页 / 共 {pages} 页");
}

/* An empty contents means no contents box in either script, and an empty
 * running head none. */
static void
test_good_no_running_head (void)
{
  g_autofree char *path = case_path ("good-no-running-head.ini");
  g_autoptr (NpStyle) s = load_ok (path);
  g_assert_cmpstr (np_style_contents_title (s, NP_SCRIPT_HANT), ==, "");
  g_assert_cmpstr (np_style_contents_title (s, NP_SCRIPT_HANS), ==, "");
  g_assert_cmpstr (s->running_head, ==, "");
}

/* ---- files that cannot be read ---------------------------------------- */

static void
test_missing (void)
{
  g_autofree char *path = case_path ("no-such-layout.ini");
  GError *error = NULL;
  g_autoptr (NpStyle) style = np_style_load (path, &error);
  g_assert_null (style);
  g_assert_error (error, NP_ERROR, NP_ERROR_NO_INPUT);
  g_autofree char *want = g_strdup_printf ("%s: cannot open: %s", path,
                                           g_strerror (ENOENT));
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

static void
test_directory (void)
{
  g_autofree char *dir = cases_dir ();
  GError *error = NULL;
  g_autoptr (NpStyle) style = np_style_load (dir, &error);
  g_assert_null (style);
  g_assert_error (error, NP_ERROR, NP_ERROR_NO_INPUT);
  g_autofree char *want = g_strdup_printf ("%s: is a directory", dir);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

/* ---- sizes and other files ------------------------------------------ */

/* A layout in a fresh temporary folder; free with remove_temp (). */
static char *
write_temp (const char *contents, gsize len)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp ("np-style-XXXXXX", &error);
  g_assert_no_error (error);
  char *path = g_build_filename (dir, "mine.ini", NULL);
  g_file_set_contents (path, contents, (gssize) len, &error);
  g_assert_no_error (error);
  g_free (dir);
  return path;
}

static void
remove_temp (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_remove (path);
  g_rmdir (dir);
  g_free (path);
}

/* Loads `contents` and wants `code` with the message "PATH: `want`". */
static void
assert_refused (const char *contents, gsize len, int code, const char *want)
{
  char *path = write_temp (contents, len);
  GError *error = NULL;
  g_autoptr (NpStyle) style = np_style_load (path, &error);
  g_assert_null (style);
  g_assert_error (error, NP_ERROR, code);
  g_autofree char *message = g_strdup_printf ("%s: %s", path, want);
  g_assert_cmpstr (error->message, ==, message);
  g_error_free (error);
  remove_temp (path);
}

static void
test_too_large (void)
{
  gsize len = NP_STYLE_MAX_FILE + 1;
  g_autofree char *text = g_malloc (len);
  memset (text, '#', len);
  assert_refused (text, len, NP_ERROR_DATA,
                  "too large (1048577 bytes; the limit is 1048576 bytes)");
}

/* A masthead of NP_STYLE_MAX_VALUE bytes is read; one byte more is not. */
static void
test_value_too_long (void)
{
  GString *text = g_string_new ("[masthead]\ntext = ");
  for (int i = 0; i < NP_STYLE_MAX_VALUE / 3; i++)
    g_string_append (text, "產");
  g_string_append (text, "x\n");
  char *path = write_temp (text->str, text->len);
  g_autoptr (NpStyle) style = load_ok (path);
  g_assert_cmpuint (strlen (style->masthead_text), ==, NP_STYLE_MAX_VALUE);
  remove_temp (path);

  g_string_insert (text, text->len - 1, "y");
  assert_refused (text->str, text->len, NP_ERROR_DATA,
                  "[masthead] text: the value is 4097 bytes long; a value "
                  "may be at most 4096 bytes");
  g_string_free (text, TRUE);
}

static void
test_line_too_long (void)
{
  GString *text = g_string_new ("[page]\n\n");
  for (int i = 0; i < 10000; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\n");
  assert_refused (text->str, text->len, NP_ERROR_DATA,
                  "line 3: is 10000 bytes long; a line may be at most 4352 "
                  "bytes");
  g_string_free (text, TRUE);
}

/* The bad line of a layout near the size limit is found in one pass: read
 * again prefix by prefix, half a million lines took hours. */
static void
test_bad_line_found_fast (void)
{
  GString *text = g_string_new ("[page]\n");
  int lines = 1;
  while (text->len < NP_STYLE_MAX_FILE - 100)
    {
      g_string_append (text, "#\n");
      lines++;
    }
  g_string_append (text, "margin-top 18mm\n");
  g_autofree char *want = g_strdup_printf (
    "line %d: Key file contains line “margin-top 18mm” which is not a "
    "key-value pair, group, or comment", lines + 1);
  g_autoptr (GTimer) timer = g_timer_new ();
  assert_refused (text->str, text->len, NP_ERROR_DATA, want);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  g_string_free (text, TRUE);
}

/* A named pipe would block a reader until something writes to it. */
static void
test_fifo (void)
{
  GError *error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("np-style-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "pipe.ini", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  const char *const dirs[] = { NULL };
  g_autofree char *found = np_style_find (path, dirs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, path);

  g_autoptr (NpStyle) style = np_style_load (path, &error);
  g_assert_null (style);
  g_assert_error (error, NP_ERROR, NP_ERROR_NO_INPUT);
  g_autofree char *want =
    g_strdup_printf ("%s: is a named pipe, not a regular file", path);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
  g_remove (path);
  g_rmdir (dir);
}

/* ---- lengths ---------------------------------------------------------- */

/* Every row of tests/cases/layouts/lengths.tsv, as np_style_parse_length
 * reads it and as a layout's gutter. */
static void
test_lengths (void)
{
  g_autofree char *table = g_build_filename (np_test_source_dir (), "tests",
                                             "cases", "layouts", "lengths.tsv",
                                             NULL);
  g_autofree char *text = np_test_read (table);
  g_auto (GStrv) rows = g_strsplit (text, "\n", -1);
  int checked = 0;
  for (int i = 0; rows[i]; i++)
    {
      if (!rows[i][0] || rows[i][0] == '#')
        continue;
      g_auto (GStrv) cells = g_strsplit (rows[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (cells), ==, 2);
      const char *input = cells[0], *verdict = cells[1];
      char *end = NULL;
      double points = g_ascii_strtod (verdict, &end);
      gboolean good = end != verdict && *end == '\0';

      double got = -1;
      g_autofree char *why = NULL;
      gboolean ok = np_style_parse_length (input, 0, 14400, &got, &why);
      g_test_message ("'%s': %s", input, ok ? "accepted" : why);
      g_assert_cmpint (ok, ==, good);
      if (good)
        g_assert_cmpfloat_with_epsilon (got, points, 1e-4);
      else
        g_assert_true (g_str_has_prefix (why, verdict));

      g_autofree char *layout =
        g_strdup_printf ("[page]\ngutter = %s\n", input);
      char *path = write_temp (layout, strlen (layout));
      GError *error = NULL;
      g_autoptr (NpStyle) style = np_style_load (path, &error);
      if (good)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat_with_epsilon (style->gutter, points, 1e-4);
        }
      else
        {
          g_autofree char *want =
            g_strdup_printf ("%s: [page] gutter: %s", path, why);
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, want));
          g_error_free (error);
        }
      remove_temp (path);
      checked++;
    }
  g_assert_cmpint (checked, >, 20);
}

/* ---- np_style_find ---------------------------------------------------- */

static void
test_find_by_name (void)
{
  g_autofree char *dir = layouts_dir ();
  const char *const dirs[] = { "/nonexistent", dir, NULL };
  GError *error = NULL;
  g_autofree char *path = np_style_find ("compact", dirs, &error);
  g_assert_no_error (error);
  g_autofree char *want = g_build_filename (dir, "compact.ini", NULL);
  g_assert_cmpstr (path, ==, want);

  /* "NAME.ini" that is not in the current folder is looked up too. */
  g_autofree char *again = np_style_find ("compact.ini", dirs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, want);
}

/* The first folder that has the layout wins. */
static void
test_find_order (void)
{
  g_autofree char *layouts = layouts_dir ();
  g_autofree char *cases = cases_dir ();
  const char *const dirs[] = { cases, layouts, NULL };
  GError *error = NULL;
  g_autofree char *path = np_style_find ("good-empty", dirs, &error);
  g_assert_no_error (error);
  g_autofree char *want = g_build_filename (cases, "good-empty.ini", NULL);
  g_assert_cmpstr (path, ==, want);
}

static void
test_find_by_path (void)
{
  g_autofree char *path = case_path ("good-units.ini");
  const char *const dirs[] = { "/nonexistent", NULL };
  GError *error = NULL;
  g_autofree char *found = np_style_find (path, dirs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, path);
}

static void
test_find_not_found (void)
{
  const char *const dirs[] = { "/nonexistent/a", "/nonexistent/b", NULL };
  GError *error = NULL;
  g_autofree char *found = np_style_find ("tabloid", dirs, &error);
  g_assert_null (found);
  g_assert_error (error, NP_ERROR, NP_ERROR_NO_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "tabloid: no such layout (looked in /nonexistent/a, "
                   "/nonexistent/b)");
  g_clear_error (&error);

  found = np_style_find ("/nonexistent/tabloid.ini", dirs, &error);
  g_assert_null (found);
  g_assert_error (error, NP_ERROR, NP_ERROR_NO_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "/nonexistent/tabloid.ini: no such layout (no such file)");
  g_clear_error (&error);

  const char *const none[] = { NULL };
  found = np_style_find ("tabloid", none, &error);
  g_assert_null (found);
  g_assert_error (error, NP_ERROR, NP_ERROR_NO_INPUT);
  g_assert_cmpstr (error->message, ==, "tabloid: no such layout");
  g_clear_error (&error);
}

/* ---- arithmetic ------------------------------------------------------- */

static void
test_column_width (void)
{
  g_autoptr (NpStyle) s = np_style_new_default ();
  g_assert_cmpfloat_with_epsilon (np_style_column_width (s),
                                  (595.276 - MM (18) - MM (18) - MM (7)) / 2,
                                  EPSILON);

  s->page_width = 600;
  s->margin_inner = 40;
  s->margin_outer = 20;
  s->gutter = 15;
  s->columns = 3;
  g_assert_cmpfloat_with_epsilon (np_style_column_width (s), 170, EPSILON);
  s->columns = 1;
  g_assert_cmpfloat_with_epsilon (np_style_column_width (s), 540, EPSILON);
}

static void
test_pitch (void)
{
  g_autoptr (NpStyle) s = np_style_new_default ();
  g_assert_cmpfloat_with_epsilon (np_style_pitch (s), 18.4, EPSILON);
  s->font[NP_ROLE_BODY].size = 10;
  s->line_height = 1.5;
  g_assert_cmpfloat_with_epsilon (np_style_pitch (s), 15, EPSILON);
}

static void
test_free_null (void)
{
  np_style_free (NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/style/defaults", test_defaults);
  g_test_add_func ("/style/bulletin-is-default", test_bulletin_is_default);
  g_test_add_func ("/style/compact", test_compact);
  g_test_add_func ("/style/jianbao", test_jianbao);
  g_test_add_func ("/style/script-text", test_script_text);
  add_case_tests ();
  g_test_add_func ("/style/values/empty", test_good_empty);
  g_test_add_func ("/style/values/units", test_good_units);
  g_test_add_func ("/style/values/bom-crlf", test_good_bom_crlf);
  g_test_add_func ("/style/values/issue", test_good_issue);
  g_test_add_func ("/style/values/issue-inherit", test_good_issue_inherit);
  g_test_add_func ("/style/values/no-running-head",
                   test_good_no_running_head);
  g_test_add_func ("/style/missing", test_missing);
  g_test_add_func ("/style/directory", test_directory);
  g_test_add_func ("/style/size/file", test_too_large);
  g_test_add_func ("/style/size/value", test_value_too_long);
  g_test_add_func ("/style/size/line", test_line_too_long);
  g_test_add_func ("/style/size/bad-line-fast", test_bad_line_found_fast);
  g_test_add_func ("/style/fifo", test_fifo);
  g_test_add_func ("/style/lengths", test_lengths);
  g_test_add_func ("/style/find/name", test_find_by_name);
  g_test_add_func ("/style/find/order", test_find_order);
  g_test_add_func ("/style/find/path", test_find_by_path);
  g_test_add_func ("/style/find/not-found", test_find_not_found);
  g_test_add_func ("/style/column-width", test_column_width);
  g_test_add_func ("/style/pitch", test_pitch);
  g_test_add_func ("/style/free-null", test_free_null);

  return g_test_run ();
}
