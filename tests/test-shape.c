/* test-shape.c: the line breaker and justification, on constructed text. */
#include <math.h>
#include <string.h>

#include "fonts.h"
#include "shape.h"
#include "testutil.h"

static NpFonts *np_fonts_fixture;

static NpFont
np_body (void)
{
  NpFont font = { .family = (char *) "Noto Serif CJK", .size = 10,
                  .weight = 400 };
  return font;
}

static NpParagraph *
np_set (const char *text, double width, NpAlign align, double indent)
{
  NpFont font = np_body ();
  NpMeasure m = { .width = width, .align = align, .indent = indent };
  return np_shape_paragraph (np_fonts_fixture, &font, text, &m);
}

static char *
np_line_text (const NpParagraph *p, guint i)
{
  const NpLine *line = g_ptr_array_index (p->lines, i);
  return g_strndup (p->text + line->start, line->end - line->start);
}

static void
test_rules (void)
{
  g_assert_true (np_shape_no_line_start (0x3002)); /* 。 */
  g_assert_true (np_shape_no_line_start (0xFF0C)); /* , */
  g_assert_true (np_shape_no_line_start (0x300D)); /* 」 */
  g_assert_true (np_shape_no_line_start (0x2026)); /* … */
  g_assert_false (np_shape_no_line_start (0x4E2D));
  g_assert_true (np_shape_no_line_end (0x300A));   /* 《 */
  g_assert_true (np_shape_no_line_end (0x201C));   /* “ */
  g_assert_false (np_shape_no_line_end (0x3002));
  g_assert_false (np_shape_may_break (0x2014, 0x2014)); /* —— */
  g_assert_false (np_shape_may_break (0x2026, 0x2026)); /* …… */
  g_assert_false (np_shape_may_break ('5', '%'));
  g_assert_false (np_shape_may_break (0x4E2D, 0x3001)); /* 中、 */
  g_assert_false (np_shape_may_break (0x300C, 0x4E2D)); /* 「中 */
  g_assert_true (np_shape_may_break (0x4E2D, 0x6587));
}

/* Punctuation everywhere: no line may start or end with a prohibited mark,
 * whatever the measure. */
static void
test_kinsoku (void)
{
  const char *text =
    "「產教融合」是職業教育的基本辦學特色,也是職業教育的看家本領。"
    "他強調:《上海國際汽車城產教聯合體》成立後,要切實發揮好先行先試、"
    "示範引領作用……在破除資源整合——溝通協調等方面持續發力。"
    "會議氣氛熱烈(約500人參會),精彩不斷!";
  for (double w = 60; w <= 260; w += 7) {
    g_autoptr (NpParagraph) p = np_set (text, w, NP_ALIGN_JUSTIFY, 20);
    for (guint i = 0; i < p->lines->len; i++) {
      g_autofree char *t = np_line_text (p, i);
      gunichar first = g_utf8_get_char (t);
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (t, t + strlen (t)));
      if (i > 0 && np_shape_no_line_start (first))
        g_error ("width %g: line %u starts with a closing mark: %s", w, i, t);
      if (i + 1 < p->lines->len && np_shape_no_line_end (last))
        g_error ("width %g: line %u ends with an opening mark: %s", w, i, t);
    }
  }
}

/* Every line but the last fills the measure exactly; the first is indented
 * and the last is set at its natural width. */
static void
test_justified (void)
{
  const char *text =
    "上海國際汽車城產教聯合體將堅持以教促產、以產助教,深化產教融合、"
    "產學合作,引領構建汽車產業的製造、創新、數據、交流、人才五大中心,"
    "加快建設兼具人才培養、創新創業、促進產業高質量發展功能的聯合體。";
  double width = 175.3, indent = 20;
  g_autoptr (NpParagraph) p = np_set (text, width, NP_ALIGN_JUSTIFY, indent);
  g_assert_cmpuint (p->lines->len, >, 3);
  for (guint i = 0; i < p->lines->len; i++) {
    const NpLine *line = g_ptr_array_index (p->lines, i);
    double expect = i == 0 ? width - indent : width;
    g_assert_cmpfloat_with_epsilon (line->x, i == 0 ? indent : 0, 1e-9);
    if (i + 1 < p->lines->len)
      g_assert_cmpfloat_with_epsilon (line->width, expect, 0.01);
    else
      g_assert_cmpfloat (line->width, <, expect + 0.01);
  }
}

/* The whole text is shown once, in order, across the lines. */
static void
test_text_kept (void)
{
  const char *text = "安信8平台院長韓芳,上海蔚來汽車有限公司助理副總裁余晨,"
                     "中國人才研究會汽車人才專委會理事長朱明榮作大會主旨報告。";
  g_autoptr (NpParagraph) p = np_set (text, 120, NP_ALIGN_JUSTIFY, 20);
  GString *all = g_string_new (NULL);
  for (guint i = 0; i < p->lines->len; i++) {
    g_autofree char *t = np_line_text (p, i);
    g_string_append (all, t);
  }
  g_assert_cmpstr (all->str, ==, text);
  g_string_free (all, TRUE);
}

/* A Latin word is never split, and a line of Latin words is justified at
 * its spaces. */
static void
test_latin_words (void)
{
  const char *text = "會議發布了 newsprint typesetting engine 的 logo 和微信公眾號。";
  for (double w = 80; w <= 200; w += 10) {
    g_autoptr (NpParagraph) p = np_set (text, w, NP_ALIGN_JUSTIFY, 0);
    for (guint i = 0; i + 1 < p->lines->len; i++) {
      const NpLine *a = g_ptr_array_index (p->lines, i);
      const NpLine *b = g_ptr_array_index (p->lines, i + 1);
      gunichar before = g_utf8_get_char (g_utf8_find_prev_char (p->text, p->text + a->end));
      gunichar after = g_utf8_get_char (p->text + b->start);
      /* Adjacent letters on both sides of a break: a split word. */
      gboolean adjacent = a->end == b->start;
      g_assert_false (adjacent && g_unichar_isalpha (before) &&
                      before < 0x80 && g_unichar_isalpha (after) &&
                      after < 0x80);
    }
  }
}

static void
test_centred_and_balanced (void)
{
  NpFont font = np_body ();
  font.size = 20;
  NpMeasure m = { .width = 300, .align = NP_ALIGN_CENTER, .balance = TRUE };
  g_autoptr (NpParagraph) p = np_shape_paragraph (
    np_fonts_fixture, &font, "上海國際汽車城產教融合發展大會在安信8平台隆重召開", &m);
  g_assert_cmpuint (p->lines->len, ==, 2);
  const NpLine *a = g_ptr_array_index (p->lines, 0);
  const NpLine *b = g_ptr_array_index (p->lines, 1);
  g_assert_cmpfloat (fabs (a->width - b->width), <=, 2 * font.size);
  g_assert_cmpfloat_with_epsilon (a->x, (300 - a->width) / 2, 1e-6);
}

static void
test_right_aligned (void)
{
  g_autoptr (NpParagraph) p = np_set ("(供稿:黨委宣傳部)", 200, NP_ALIGN_RIGHT, 0);
  g_assert_cmpuint (p->lines->len, ==, 1);
  const NpLine *line = g_ptr_array_index (p->lines, 0);
  g_assert_cmpfloat_with_epsilon (line->x + line->width, 200, 1e-6);
}

static void
test_missing_glyph (void)
{
  g_autoptr (NpParagraph) p = np_set ("中文\U0010FFFD字", 200, NP_ALIGN_LEFT, 0);
  g_assert_cmpuint (p->missing->len, ==, 1);
  g_assert_cmpuint (g_array_index (p->missing, gunichar, 0), ==, 0x10FFFD);
  g_autoptr (NpParagraph) q = np_set ("中文👩🏽‍🦳字⚃🂠", 200, NP_ALIGN_LEFT, 0);
  g_assert_cmpuint (q->missing->len, ==, 0);
}

static void
test_empty (void)
{
  g_autoptr (NpParagraph) p = np_set ("", 200, NP_ALIGN_JUSTIFY, 20);
  g_assert_cmpuint (p->lines->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autofree char *conf = g_build_filename (np_test_source_dir (), "fonts",
                                            "fonts.conf", NULL);
  GError *error = NULL;
  np_fonts_fixture = np_fonts_new (conf, NP_SCRIPT_HANT, &error);
  g_assert_no_error (error);
  g_test_add_func ("/shape/rules", test_rules);
  g_test_add_func ("/shape/kinsoku", test_kinsoku);
  g_test_add_func ("/shape/justified", test_justified);
  g_test_add_func ("/shape/text-kept", test_text_kept);
  g_test_add_func ("/shape/latin-words", test_latin_words);
  g_test_add_func ("/shape/centred-balanced", test_centred_and_balanced);
  g_test_add_func ("/shape/right-aligned", test_right_aligned);
  g_test_add_func ("/shape/missing-glyph", test_missing_glyph);
  g_test_add_func ("/shape/empty", test_empty);
  int status = g_test_run ();
  np_fonts_free (np_fonts_fixture);
  return status;
}
