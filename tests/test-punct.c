/* test-punct.c: ASCII punctuation in Chinese text -> full-width forms,
 * full-width letters and digits -> ASCII ones.  Full-width characters are
 * written as escapes (\uFF0C is the full-width comma, \uFF12 the digit 2)
 * so that no editor can quietly turn them into ASCII. */
#include "punct.h"
#include "report.h"
#include "testutil.h"

#include <string.h>

static void
np_check_by (NpRewriteFunc rewrite, const char *in, const char *expect,
             guint expect_count)
{
  guint count = 0;
  g_autofree char *out = rewrite (in, &count);
  g_assert_cmpstr (out, ==, expect);
  g_assert_cmpuint (count, ==, expect_count);
}

static void
np_check (const char *in, const char *expect, guint expect_count)
{
  np_check_by (np_punct_normalize_text, in, expect, expect_count);
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
np_check_narrow (const char *in, const char *expect, guint expect_count)
{
  np_check_by (np_punct_narrow_text, in, expect, expect_count);
}

/* clreq 3.2: numbers and Latin words typed full-width are set half-width. */
static void
test_narrow_digits_letters (void)
{
  /* ２０２５年６月 */
  np_check_narrow ("\uFF12\uFF10\uFF12\uFF15年\uFF16月", "2025年6月", 5);
  /* ＡＩ賦能, ５Ｇ基站, ＷｅＣｈａｔ */
  np_check_narrow ("\uFF21\uFF29賦能", "AI賦能", 2);
  np_check_narrow ("\uFF15\uFF27基站", "5G基站", 2);
  np_check_narrow ("\uFF37\uFF45\uFF23\uFF48\uFF41\uFF54公眾號", "WeChat公眾號",
                   6);
  /* every letter and digit of the block, and nothing else in it */
  for (gunichar c = 0xFF01; c <= 0xFF5E; c++) {
    char wide[8] = { 0 };
    g_unichar_to_utf8 (c, wide);
    guint count = 0;
    g_autofree char *out = np_punct_narrow_text (wide, &count);
    char ascii = (char) (c - 0xFF01 + '!');
    if (g_ascii_isalnum (ascii))
      g_assert_true (out[0] == ascii && out[1] == '\0' && count == 1);
    else
      g_assert_true (strcmp (out, wide) == 0 && count == 0);
  }
}

/* One digit or letter alone is narrowed too: clreq keeps a full-width
 * digit for vertical writing only. */
static void
test_narrow_single (void)
{
  np_check_narrow ("第\uFF11名", "第1名", 1);
  np_check_narrow ("\uFF21座三樓", "A座三樓", 1);
}

/* Full-width punctuation is the Chinese set and stays; so do symbols that
 * Unicode also folds to digits and letters. */
static void
test_narrow_leaves (void)
{
  np_check_narrow ("增長\uFF13\uFF05\uFF0C好\uFF01\uFF08\uFF21\uFF09",
                   "增長3\uFF05\uFF0C好\uFF01\uFF08A\uFF09", 2);
  /* a full stop that ends a sentence, or stands beside one digit only */
  np_check_narrow ("\uFF0E好\uFF0E\uFF13\uFF0E", "\uFF0E好\uFF0E3\uFF0E", 1);
  np_check_narrow ("①²\U0001D400\uFF5F\uFFE5", "①²\U0001D400\uFF5F\uFFE5", 0);
  np_check_narrow ("上午，上海 AI 5G", "上午，上海 AI 5G", 0);
  np_check_narrow ("", "", 0);
}

/* The full stop between two digits is the number's decimal point. */
static void
test_narrow_decimal (void)
{
  np_check_narrow ("超過\uFF11\uFF0E\uFF12萬人次", "超過1.2萬人次", 3);
  np_check_narrow ("\uFF10\uFF0E\uFF15\uFF0E\uFF16", "0.5.6", 5);
  /* the ASCII point of a number stays as it is */
  np_check_narrow ("\uFF11.\uFF12", "1.2", 2);
}

/* Narrowed first, the colon of a time typed full-width sits between
 * digits and stays; the one after Han is widened. */
static void
test_narrow_then_widen (void)
{
  guint narrowed = 0, widened = 0;
  g_autofree char *narrow =
    np_punct_narrow_text ("時間:\uFF11\uFF10:\uFF13\uFF10", &narrowed);
  g_autofree char *out = np_punct_normalize_text (narrow, &widened);
  g_assert_cmpstr (out, ==, "時間\uFF1A10:30");
  g_assert_cmpuint (narrowed, ==, 4);
  g_assert_cmpuint (widened, ==, 1);
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

/* Every text of the document, table cells too; the date was read from the
 * full-width digits before. */
static void
test_document_narrow (void)
{
  GError *error = NULL;
  g_autoptr (NpDocument) doc =
    np_report_parse ("\uFF12\uFF10\uFF12\uFF14年\uFF16月\uFF11\uFF18日上午,"
                     "\uFF15\uFF27大會召開。\n"
                     "會上簽約,包括甲公司(\uFF21\uFF29)、乙公司等2家單位。\n",
                     "test", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->date, ==, "2024年6月18日");
  /* 9 in the lead, 2 in the headline drawn from it, 2 in the paragraph
   * and 2 in its table */
  g_assert_cmpuint (np_punct_narrow (doc), ==, 15);
  g_assert_cmpstr (doc->headline, ==, "5G大會召開");
  const NpBlock *lead = g_ptr_array_index (doc->blocks, 0);
  g_assert_cmpstr (lead->text, ==, "2024年6月18日上午,5G大會召開。");
  const NpBlock *units = g_ptr_array_index (doc->blocks, 2);
  g_assert_cmpint (units->kind, ==, NP_BLOCK_UNITS);
  char **row = g_ptr_array_index (units->rows, 1);
  g_assert_cmpstr (row[1], ==, "甲公司(AI)");
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
  g_test_add_func ("/punct/narrow/digits-letters", test_narrow_digits_letters);
  g_test_add_func ("/punct/narrow/single", test_narrow_single);
  g_test_add_func ("/punct/narrow/leaves", test_narrow_leaves);
  g_test_add_func ("/punct/narrow/decimal", test_narrow_decimal);
  g_test_add_func ("/punct/narrow/then-widen", test_narrow_then_widen);
  g_test_add_func ("/punct/narrow/document", test_document_narrow);
  return g_test_run ();
}
