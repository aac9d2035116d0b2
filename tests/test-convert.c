/* test-convert.c: editions, checked on texts and documents.
 *
 * OpenCC is the oracle of what a character becomes; these tests check
 * what newsprint adds around it: which configurations an edition chains,
 * quotation marks in pairs, the user's phrases winning, every field of a
 * document converted, and the errors.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "convert.h"
#include "error.h"
#include "report.h"
#include "testutil.h"

/* newsprint's own OpenCC configurations, in the source tree. */
static char *np_own;

static char *
np_convert_one (NpVariant to, const char *text, NpScript from,
                const char *phrases, NpConvertCount *count)
{
  GError *error = NULL;
  g_autoptr (NpConverter) c = np_converter_new (to, phrases, np_own, &error);
  g_assert_no_error (error);
  return np_converter_text (c, text, from, count);
}

static void
test_variant_names (void)
{
  static const struct {
    const char *name;
    NpVariant variant;
  } good[] = { { "zh-Hans", NP_VARIANT_HANS }, { "zh-hant", NP_VARIANT_HANT },
               { "ZH-TW", NP_VARIANT_TW }, { "zh-HK", NP_VARIANT_HK } };
  for (guint i = 0; i < G_N_ELEMENTS (good); i++) {
    NpVariant v = NP_VARIANT_NONE;
    g_assert_true (np_variant_parse (good[i].name, &v));
    g_assert_cmpint (v, ==, good[i].variant);
    g_autofree char *asked = g_ascii_strdown (good[i].name, -1);
    g_autofree char *named = g_ascii_strdown (np_variant_name (v), -1);
    g_assert_cmpstr (asked, ==, named);
  }
  static const char *bad[] = { "zh", "zh-CN", "Hans", "", "zh-Hans ", NULL };
  for (guint i = 0; bad[i]; i++) {
    NpVariant v = NP_VARIANT_NONE;
    g_assert_false (np_variant_parse (bad[i], &v));
  }
  g_assert_null (np_variant_name (NP_VARIANT_NONE));
}

/* Each edition from each script: the characters, and for Taiwan the
 * words. */
static void
test_editions (void)
{
  static const struct {
    NpVariant to;
    NpScript from;
    const char *in, *out;
  } cases[] = {
    { NP_VARIANT_HANS, NP_SCRIPT_HANT, "這個會議", "这个会议" },
    { NP_VARIANT_HANS, NP_SCRIPT_HANS, "这个会议", "这个会议" },
    { NP_VARIANT_HANT, NP_SCRIPT_HANS, "这个会议", "這個會議" },
    { NP_VARIANT_HANT, NP_SCRIPT_HANT, "這個會議", "這個會議" },
    /* Taiwan's words, from either script */
    { NP_VARIANT_TW, NP_SCRIPT_HANS, "软件和网络", "軟體和網路" },
    { NP_VARIANT_TW, NP_SCRIPT_HANT, "軟件和網絡", "軟體和網路" },
    /* a Traditional text keeps its surnames 范 and 于 */
    { NP_VARIANT_TW, NP_SCRIPT_HANT, "范曉峰和于海濤的軟件",
      "范曉峰和于海濤的軟體" },
    { NP_VARIANT_HK, NP_SCRIPT_HANS, "这个会议", "這個會議" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *out =
      np_convert_one (cases[i].to, cases[i].in, cases[i].from, NULL, NULL);
    g_assert_cmpstr (out, ==, cases[i].out);
  }
}

/* clreq 3.1.2: “” ‘’ in Simplified Chinese, 「」 『』 in Traditional; a
 * mark changes only with the one that closes it. */
static void
test_quotes (void)
{
  static const struct {
    NpVariant to;
    NpScript from;
    const char *in, *out;
  } cases[] = {
    { NP_VARIANT_HANT, NP_SCRIPT_HANS, "他说：“好的‘一’。”",
      "他說：「好的『一』。」" },
    { NP_VARIANT_HANS, NP_SCRIPT_HANT, "他說：「好的『一』。」",
      "他说：“好的‘一’。”" },
    /* an apostrophe, and a mark left open, stay as they are */
    { NP_VARIANT_HANT, NP_SCRIPT_HANS, "It’s “开", "It’s “開" },
    { NP_VARIANT_TW, NP_SCRIPT_HANS, "“一”和“二”", "「一」和「二」" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *out =
      np_convert_one (cases[i].to, cases[i].in, cases[i].from, NULL, NULL);
    g_assert_cmpstr (out, ==, cases[i].out);
  }
}

static char *
np_write_temp (const char *name, const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("np-convert-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
np_remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_remove (path);
  g_rmdir (dir);
}

/* A name OpenCC writes otherwise comes out as the phrase file says. */
static void
test_phrases (void)
{
  NpConvertCount count = { 0, 0 };
  g_autofree char *plain =
    np_convert_one (NP_VARIANT_TW, "范东升院长", NP_SCRIPT_HANS, NULL, NULL);
  g_assert_null (strstr (plain, "范東升"));
  g_autofree char *path =
    np_write_temp ("names.txt", "\xEF\xBB\xBF# 人名\r\n\r\n范东升\t范東升\r\n"
                                "  # 机构\n云岭\t雲嶺\n");
  g_autofree char *named = np_convert_one (NP_VARIANT_TW, "范东升院长和范东升",
                                           NP_SCRIPT_HANS, path, &count);
  g_assert_cmpstr (named, ==, "范東升院長和范東升");
  g_assert_cmpuint (count.phrases, ==, 2);
  g_assert_cmpuint (count.chars, >, 0);
  np_remove_temp (path);
}

static void
test_phrase_errors (void)
{
  static const struct {
    const char *text, *want;
  } cases[] = {
    { "范东升 范東升\n", "line 1: want the phrase as written, a tab" },
    { "# fine\n\t范東升\n", "line 2: want the phrase" },
    { "范东升\t\n", "line 1: want the phrase" },
    { "一\t二\t三\n", "line 1: want the phrase" },
    { "\xff\xfe\n", "not UTF-8 text" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *path = np_write_temp ("bad.txt", cases[i].text);
    GError *error = NULL;
    NpConverter *c = np_converter_new (NP_VARIANT_HANS, path, np_own, &error);
    g_assert_null (c);
    g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
    g_assert_nonnull (strstr (error->message, "bad.txt: "));
    g_assert_nonnull (strstr (error->message, cases[i].want));
    g_error_free (error);
    np_remove_temp (path);
  }
  GError *error = NULL;
  g_assert_null (np_converter_new (NP_VARIANT_HANS, "/nonexistent/p.txt", np_own,
                                   &error));
  g_assert_error (error, NP_ERROR, NP_ERROR_NO_INPUT);
  g_error_free (error);
}

/* Without OpenCC's files the error names the first one missing. */
static void
test_missing_opencc (void)
{
  g_autofree char *dir = g_dir_make_tmp ("np-opencc-XXXXXX", NULL);
  g_setenv ("NEWSPRINT_OPENCC_DIR", dir, TRUE);
  GError *error = NULL;
  g_assert_null (np_converter_new (NP_VARIANT_HANS, NULL, np_own, &error));
  g_assert_error (error, NP_ERROR, NP_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "t2s.json"));
  g_clear_error (&error);
  g_unsetenv ("NEWSPRINT_OPENCC_DIR");
  g_rmdir (dir);
}

/* Every text of a document converts, and it becomes the edition's. */
static void
test_document (void)
{
  const char *report =
    "---\ntitle: 聯盟舉辦軟件培訓\nmasthead: 產教聯合體通訊\n---\n"
    "2025年3月1日，聯盟在學院舉辦「軟件開發」培訓班。\n"
    "圖為學員在實訓室學習\n"
    "（供稿：聯盟秘書處）\n";
  GError *error = NULL;
  g_autoptr (NpDocument) doc = np_report_parse (report, "t.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->script, ==, NP_SCRIPT_HANT);
  g_autoptr (NpConverter) c = np_converter_new (NP_VARIANT_HANS, NULL, np_own, &error);
  g_assert_no_error (error);
  NpConvertCount count = { 0, 0 };
  np_convert_document (c, doc, &count);
  g_assert_cmpint (doc->script, ==, NP_SCRIPT_HANS);
  g_assert_cmpstr (np_document_language (doc), ==, "zh-Hans");
  g_assert_cmpstr (doc->headline, ==, "联盟举办软件培训");
  g_assert_cmpstr (doc->masthead, ==, "产教联合体通讯");
  g_autofree char *json = np_document_to_json (doc);
  /* nothing Traditional left anywhere in the model */
  static const char *traditional[] = { "聯", "舉", "辦", "學", "實", "圖",
                                       "為", "處", "稿：聯", "「", NULL };
  for (guint i = 0; traditional[i]; i++)
    g_assert_null (strstr (json, traditional[i]));
  g_assert_cmpuint (count.chars, >, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  np_own = g_build_filename (np_test_source_dir (), "opencc", NULL);
  g_test_add_func ("/convert/variant-names", test_variant_names);
  g_test_add_func ("/convert/editions", test_editions);
  g_test_add_func ("/convert/quotes", test_quotes);
  g_test_add_func ("/convert/phrases", test_phrases);
  g_test_add_func ("/convert/phrase-errors", test_phrase_errors);
  g_test_add_func ("/convert/missing-opencc", test_missing_opencc);
  g_test_add_func ("/convert/document", test_document);
  int status = g_test_run ();
  g_free (np_own);
  return status;
}
