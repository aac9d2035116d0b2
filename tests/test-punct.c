/* test-punct.c: ASCII punctuation in Chinese text -> full-width forms.
 * Full-width marks are written as escapes (\uFF0C is the full-width comma)
 * so that no editor can quietly turn them back into ASCII. */
#include "punct.h"
#include "report.h"
#include "testutil.h"

static void
np_check (const char *in, const char *expect, guint expect_count)
{
  guint count = 0;
  g_autofree char *out = np_punct_normalize_text (in, &count);
  g_assert_cmpstr (out, ==, expect);
  g_assert_cmpuint (count, ==, expect_count);
}

static void
test_between_han (void)
{
  np_check ("上午,上海", "上午\uFF0C上海", 1);
  np_check ("他說:好!是嗎?對;", "他說\uFF1A好\uFF01是嗎\uFF1F對\uFF1B", 4);
  np_check ("上海國際汽車城(集團)有限公司",
            "上海國際汽車城\uFF08集團\uFF09有限公司", 2);
}

static void
test_latin_context_stays (void)
{
  np_check ("logo, app and web", "logo, app and web", 0);
  np_check ("會議於10:30開始", "會議於10:30開始", 0);
  np_check ("增長3.5%", "增長3.5%", 0);
  np_check ("the Open (AI) lab", "the Open (AI) lab", 0);
}

static void
test_mixed (void)
{
  /* A pair of parentheses changes together. */
  np_check ("人工智能(AI)", "人工智能\uFF08AI\uFF09", 2);
  /* The first colon touches Han, the second sits between digits. */
  np_check ("時間:10:30", "時間\uFF1A10:30", 1);
  /* A comma between a Latin word and Han touches Han. */
  np_check ("發布logo,微信號", "發布logo\uFF0C微信號", 1);
}

static void
test_through_emoji (void)
{
  np_check ("回應🥫,引發", "回應🥫\uFF0C引發", 1);
  np_check ("主持🕥(供稿)", "主持🕥\uFF08供稿\uFF09", 2);
  /* a text-style emoji (with U+FE0E) is looked through too */
  np_check ("回應🌡\uFE0E,ok", "回應🌡\uFE0E\uFF0Cok", 1);
  /* symbols that are no emoji are not: the comma touches no Han */
  np_check ("完成✓,ok", "完成✓,ok", 0);
  np_check ("代號🄰,ok", "代號🄰,ok", 0);
}

/* A variation selector belongs to the Han character before it (a
 * standardized variant, an ideographic variation sequence). */
static void
test_through_selectors (void)
{
  np_check ("字\uFE00,ok", "字\uFE00\uFF0Cok", 1);
  np_check ("葛\U000E0100,ok", "葛\U000E0100\uFF0Cok", 1);
}

static void
test_spaces_dropped (void)
{
  np_check ("大家好 , 今天", "大家好\uFF0C今天", 1);
  np_check ("會議 : 開始", "會議\uFF1A開始", 1);
}

static void
test_double_quotes (void)
{
  np_check ("賦能\"新四化\"轉型", "賦能\u201C新四化\u201D轉型", 2);
  np_check ("以\"共建,共享\"為", "以\u201C共建\uFF0C共享\u201D為", 3);
  np_check ("he said \"OK\" twice", "he said \"OK\" twice", 0);
  /* a lone quote has no partner and stays */
  np_check ("尺寸5\"", "尺寸5\"", 0);
}

static void
test_already_wide (void)
{
  np_check ("上午\uFF0C上海", "上午\uFF0C上海", 0);
  np_check ("", "", 0);
}

static void
test_document (void)
{
  GError *error = NULL;
  g_autoptr (NpDocument) doc = np_report_parse (
    "2024年6月18日上午,大會召開。\n會上簽約,包括甲公司(集團)、乙公司等2家單位。\n",
    "test", &error);
  g_assert_no_error (error);
  guint n = np_punct_normalize (doc);
  g_assert_cmpuint (n, ==, 6); /* two commas and a pair in the text, the pair in a cell */
  const NpBlock *units = g_ptr_array_index (doc->blocks, 2);
  g_assert_cmpint (units->kind, ==, NP_BLOCK_UNITS);
  char **row = g_ptr_array_index (units->rows, 1);
  g_assert_cmpstr (row[1], ==, "甲公司\uFF08集團\uFF09");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/punct/between-han", test_between_han);
  g_test_add_func ("/punct/latin-context-stays", test_latin_context_stays);
  g_test_add_func ("/punct/mixed", test_mixed);
  g_test_add_func ("/punct/through-emoji", test_through_emoji);
  g_test_add_func ("/punct/through-selectors", test_through_selectors);
  g_test_add_func ("/punct/spaces-dropped", test_spaces_dropped);
  g_test_add_func ("/punct/already-wide", test_already_wide);
  g_test_add_func ("/punct/double-quotes", test_double_quotes);
  g_test_add_func ("/punct/document", test_document);
  return g_test_run ();
}
