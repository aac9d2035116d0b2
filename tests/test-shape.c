/* test-shape.c: the line breaker and justification, on constructed text. */
#include <math.h>
#include <string.h>

#include "fonts.h"
#include "punct.h"
#include "shape.h"
#include "words.h"
#include "testutil.h"

static NpFonts *np_fonts_fixture;      /* zh-Hant */
static NpFonts *np_fonts_hans_fixture; /* zh-Hans */

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

/* The natural width of `text` on one line, in ems of the 10 pt body. */
static double
np_width_em (NpFonts *fonts, const char *text)
{
  NpFont font = np_body ();
  NpMeasure m = { .width = 1000, .align = NP_ALIGN_LEFT };
  g_autoptr (NpParagraph) p = np_shape_paragraph (fonts, &font, text, &m);
  g_assert_cmpuint (p->lines->len, ==, 1);
  return ((const NpLine *) g_ptr_array_index (p->lines, 0))->width / font.size;
}

static char *
np_line_text (const NpParagraph *p, guint i)
{
  const NpLine *line = g_ptr_array_index (p->lines, i);
  return g_strndup (p->text + line->start, line->end - line->start);
}

/* The lines of `p` joined: every character once, in text order. */
static char *
np_lines_text (const NpParagraph *p)
{
  GString *all = g_string_new (NULL);
  for (guint i = 0; i < p->lines->len; i++) {
    g_autofree char *t = np_line_text (p, i);
    g_string_append (all, t);
  }
  return g_string_free (all, FALSE);
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

/* The kinsoku oracle, read from Unicode's own data rather than from
 * shape.c: the UAX #14 line-break class (LineBreak.txt) and the general
 * category (UnicodeData.txt) of every code point, as two letters each. */
typedef struct {
  guint16 *lb; /* "CL" as 'C' << 8 | 'L'; 0: not listed */
  guint16 *gc;
} NpUcd;

#define NP_TWO(s) ((guint16) ((s)[0] << 8 | (s)[1]))

static void
np_lb_line (char **fields, gpointer data)
{
  NpUcd *ucd = data;
  gunichar first, last;
  np_test_code_range (g_strstrip (fields[0]), &first, &last);
  for (gunichar c = first; c <= last; c++)
    ucd->lb[c] = NP_TWO (g_strstrip (fields[1]));
}

static void
np_gc_line (char **fields, gpointer data)
{
  NpUcd *ucd = data;
  gunichar c, same;
  np_test_code_range (fields[0], &c, &same);
  ucd->gc[c] = NP_TWO (fields[2]);
}

static void
np_ucd_load (NpUcd *ucd)
{
  ucd->lb = g_new0 (guint16, NP_TEST_CODE_POINTS);
  ucd->gc = g_new0 (guint16, NP_TEST_CODE_POINTS);
  np_test_each_unicode_line ("LineBreak.txt", np_lb_line, ucd);
  np_test_each_unicode_line ("UnicodeData.txt", np_gc_line, ucd);
  g_assert_cmpuint (ucd->lb[0x3002], ==, NP_TWO ("CL")); /* 。 read */
  g_assert_cmpuint (ucd->gc[0x300C], ==, NP_TWO ("Ps")); /* 「 read */
}

static void
np_ucd_clear (NpUcd *ucd)
{
  g_free (ucd->lb);
  g_free (ucd->gc);
}

static gboolean
np_lb_is (const NpUcd *ucd, gunichar c, const char *classes)
{
  for (const char *k = classes;; k += 3) { /* "CL CP EX" */
    if (ucd->lb[c] == NP_TWO (k))
      return TRUE;
    if (!k[2])
      return FALSE;
  }
}

static gboolean
np_is_punctuation (const NpUcd *ucd, gunichar c)
{
  return (ucd->gc[c] >> 8) == 'P';
}

/* clreq 3.1.7 "Prohibition rules for line start": closing brackets and
 * quotes, pause and stop marks, marks that hang on what precedes them and
 * the middle dot; and a number's unit sign stays with it.  In UAX #14
 * terms: CL, CP, EX, IS, IN and PO, the punctuation of NS, closing quotes
 * (QU, Pf), and U+00B7 (AI). */
static gboolean
np_want_no_start (const NpUcd *ucd, gunichar c)
{
  return np_lb_is (ucd, c, "CL CP EX IS IN PO") ||
         (np_lb_is (ucd, c, "NS") && np_is_punctuation (ucd, c)) ||
         (np_lb_is (ucd, c, "QU") && ucd->gc[c] == NP_TWO ("Pf")) ||
         c == 0x00B7;
}

/* clreq 3.1.7 "Prohibition rules for line end": opening brackets and
 * quotes; OP, and QU that opens (Pi). */
static gboolean
np_want_no_end (const NpUcd *ucd, gunichar c)
{
  return np_lb_is (ucd, c, "OP") ||
         (np_lb_is (ucd, c, "QU") && ucd->gc[c] == NP_TWO ("Pi"));
}

/* Every punctuation mark of the blocks a Chinese report draws on (ASCII
 * and Latin-1, General Punctuation, CJK Symbols and Punctuation, the
 * vertical, compatibility, small and full/half-width forms), and every
 * unit sign (PO), answers as LineBreak.txt says. */
static void
test_kinsoku_classes (void)
{
  static const gunichar blocks[][2] = {
    { 0x0000, 0x00FF }, { 0x2000, 0x206F }, { 0x2100, 0x214F },
    { 0x3000, 0x303F }, { 0xFE10, 0xFE1F }, { 0xFE30, 0xFE6F },
    { 0xFF00, 0xFFEF },
  };
  NpUcd ucd;
  np_ucd_load (&ucd);
  guint checked = 0, wrong = 0;
  for (gsize b = 0; b < G_N_ELEMENTS (blocks); b++)
    for (gunichar c = blocks[b][0]; c <= blocks[b][1]; c++) {
      if (!np_is_punctuation (&ucd, c) && !np_lb_is (&ucd, c, "PO"))
        continue;
      checked++;
      gboolean start = np_want_no_start (&ucd, c);
      gboolean end = np_want_no_end (&ucd, c);
      if (np_shape_no_line_start (c) != start ||
          np_shape_no_line_end (c) != end) {
        wrong++;
        g_test_message ("U+%04X: no line start %d (want %d), end %d (want %d)",
                        c, np_shape_no_line_start (c), start,
                        np_shape_no_line_end (c), end);
      }
    }
  np_ucd_clear (&ucd);
  g_assert_cmpuint (checked, >, 200); /* the blocks were read */
  g_assert_cmpuint (wrong, ==, 0);
}

/* Punctuation everywhere: no line may start or end with a mark that
 * clreq 3.1.7 prohibits there (the oracle above, not shape.c's rules),
 * whatever the measure. */
static void
test_kinsoku (void)
{
  const char *text =
    "「產教融合」是職業教育的基本辦學特色,也是職業教育的看家本領。"
    "他強調:《上海國際汽車城產教聯合體》成立後,要切實發揮好先行先試、"
    "示範引領作用……在破除資源整合——溝通協調等方面持續發力。"
    "會議氣氛熱烈(約500人參會),精彩不斷!有人問‼︎“何時再聚?”"
    "﹝小括號﹞與｢半形括號｣、〜波浪號〜都不落在行首。";
  NpUcd ucd;
  np_ucd_load (&ucd);
  guint starts = 0;
  for (double w = 60; w <= 260; w += 7) {
    g_autoptr (NpParagraph) p = np_set (text, w, NP_ALIGN_JUSTIFY, 20);
    for (guint i = 0; i < p->lines->len; i++) {
      g_autofree char *t = np_line_text (p, i);
      gunichar first = g_utf8_get_char (t);
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (t, t + strlen (t)));
      if (i > 0 && np_want_no_start (&ucd, first))
        g_error ("width %g: line %u starts with a closing mark: %s", w, i, t);
      if (i + 1 < p->lines->len && np_want_no_end (&ucd, last))
        g_error ("width %g: line %u ends with an opening mark: %s", w, i, t);
      starts++;
    }
  }
  np_ucd_clear (&ucd);
  g_assert_cmpuint (starts, >, 100); /* the lines were looked at */
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
  g_autofree char *all = np_lines_text (p);
  g_assert_cmpstr (all, ==, text);
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

/* The widest extra a line gives its Han characters, and the narrowest it
 * gives its word spaces (a space between two Latin letters), in ems. */
static void
np_line_stretch (const NpParagraph *p, guint i, double em, double *han,
                 double *word)
{
  const NpLine *line = g_ptr_array_index (p->lines, i);
  *han = 0;
  *word = INFINITY;
  for (guint r = 0; r < line->runs->len; r++) {
    PangoGlyphItem *run = g_ptr_array_index (line->runs, r);
    for (int g = 0; g < run->glyphs->num_glyphs; g++) {
      const char *c =
        p->text + run->item->offset + run->glyphs->log_clusters[g];
      double width = run->glyphs->glyphs[g].geometry.width / 1024.0 / em;
      if (g_unichar_iswide (g_utf8_get_char (c)) &&
          g + 1 < run->glyphs->num_glyphs)
        *han = MAX (*han, width - 1);
      else if (*c == ' ' && c > p->text && g_ascii_isalpha (c[-1]) &&
               g_ascii_isalpha (c[1]))
        *word = MIN (*word, width);
    }
  }
}

/* A line holding a Latin phrase is justified mostly at its word spaces,
 * so its Han characters stay as tight as in a line of Chinese. */
static void
test_word_spaces (void)
{
  NpFont font = np_body ();
  NpMeasure m = { .width = 20.5 * font.size, .align = NP_ALIGN_JUSTIFY };
  g_autoptr (NpParagraph) p = np_shape_paragraph (
    np_fonts_hans_fixture, &font,
    "与会代表围绕 battery management system 课程建设和实训基地共享展开讨论"
    "，形成了三项共识。",
    &m);
  g_autofree char *first = np_line_text (p, 0);
  g_test_message ("first line: %s", first);
  g_assert_true (g_str_has_suffix (first, "system"));
  double han, word;
  np_line_stretch (p, 0, font.size, &han, &word);
  const NpLine *line = g_ptr_array_index (p->lines, 0);
  g_assert_cmpfloat_with_epsilon (line->width, m.width, 0.01);
  g_assert_cmpfloat (han, >, 0);
  g_assert_cmpfloat (han, <=, 0.05);
  /* a word space opens NP_WORD_STRETCH times as much */
  g_assert_cmpfloat (word, >=, 0.25 + 3 * han);
}

/* No paragraph ends on a line of one character and its stop (孤字), at
 * any measure, and no line is spaced out by more than 0.16 em to avoid
 * one. */
static void
test_no_runts (void)
{
  static const char *texts[] = {
    "「技職教育不是第二選擇，而是產業的第一線。」",
    "與會代表圍繞課程建設和實訓基地共享展開討論，形成了三項共識。",
    "分組洽談期間，學生代表與企業人力資源主管面對面交流。旅遊管理專業三年級"
    "學生何穎欣說：「第一次這麼近距離了解企業的招聘要求，收穫很大。」",
    "聯盟秘書處表示，下半年將舉辦會展策劃技能競賽，並組織師生赴澳門"
    "企業實地考察，進一步推動產教融合。",
  };
  NpFont font = np_body ();
  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    for (double w = 16; w <= 30; w += 0.5) {
      NpMeasure m = { .width = w * font.size,
                      .align = NP_ALIGN_JUSTIFY,
                      .indent = 2 * font.size };
      for (int hans = 0; hans < 2; hans++) {
        g_autoptr (NpParagraph) p = np_shape_paragraph (
          hans ? np_fonts_hans_fixture : np_fonts_fixture, &font, texts[t], &m);
        if (p->lines->len < 2)
          continue;
        g_autofree char *last = np_line_text (p, p->lines->len - 1);
        guint letters = 0;
        for (const char *c = last; *c; c = g_utf8_next_char (c))
          letters += g_unichar_isalnum (g_utf8_get_char (c));
        if (letters < 2)
          g_test_message ("%s at %.1f em: last line %s", texts[t], w, last);
        g_assert_cmpuint (letters, >=, 2);
        for (guint i = 0; i + 1 < p->lines->len; i++) {
          double han, word;
          np_line_stretch (p, i, font.size, &han, &word);
          g_assert_cmpfloat (han, <=, 0.16);
        }
      }
    }
}

/* A list item's number hangs the lines after the first, so the first line
 * is the wider one: a short item that fits it whole, compressing its marks,
 * is not broken for a lone last character (the breaker once stopped looking
 * at the first line when a later start ran past the narrower measure). */
static void
test_item_first_line (void)
{
  NpFont font = np_body ();
  static const char *item = "（4）完善考核评价办法，将岗位绩效纳入学业评价。";
  NpMeasure m = { .width = 22.4 * font.size, .align = NP_ALIGN_JUSTIFY,
                  .hang = 2.6 * font.size };
  g_autoptr (NpParagraph) p =
    np_shape_paragraph (np_fonts_hans_fixture, &font, item, &m);
  g_assert_cmpuint (p->lines->len, ==, 1);
  const NpLine *line = g_ptr_array_index (p->lines, 0);
  g_assert_cmpfloat (line->width, <=, m.width + 0.01);
  g_assert_cmpfloat (line->x, ==, 0);
}

/* clreq 3.1.6: after the paragraph indent, an opening bracket keeps its
 * leading blank, but may give it up as a mark inside the line does when
 * that keeps a paragraph from ending on a lone character. */
static void
test_indent_bracket (void)
{
  NpFont font = np_body ();
  static const char *text = "（会场在东岚职业技术学院，新校区超大超漂亮）";
  NpMeasure m = { .width = 22.5 * font.size, .align = NP_ALIGN_JUSTIFY,
                  .indent = 2 * font.size };
  g_autoptr (NpParagraph) p =
    np_shape_paragraph (np_fonts_hans_fixture, &font, text, &m);
  g_assert_cmpuint (p->lines->len, ==, 1);
  const NpLine *line = g_ptr_array_index (p->lines, 0);
  g_assert_cmpfloat (line->width, <=, m.width - m.indent + 0.01);
  /* With room to spare, the bracket keeps its blank after the indent. */
  m.width = 30 * font.size;
  g_autoptr (NpParagraph) wide =
    np_shape_paragraph (np_fonts_hans_fixture, &font, text, &m);
  line = g_ptr_array_index (wide->lines, 0);
  g_assert_cmpfloat_with_epsilon (line->width / font.size,
                                  np_width_em (np_fonts_hans_fixture, text),
                                  0.01);
}

/* UAX #14 keeps a quotation mark with both neighbours; in Chinese text
 * “ opens and ” closes, so a line may end after ” (before a number, too)
 * and begin with “, as with any bracket; the apostrophe of "don’t" is no
 * bracket. */
static void
test_quote_breaks (void)
{
  NpFont font = np_body ();
  static const char *text =
    "“师傅手把手地教，比在教室里看视频强多了。”2023级学徒龚子航告诉记者。";
  NpMeasure m = { .width = 22.5 * font.size, .align = NP_ALIGN_JUSTIFY,
                  .indent = 2 * font.size };
  g_autoptr (NpParagraph) p =
    np_shape_paragraph (np_fonts_hans_fixture, &font, text, &m);
  g_autofree char *first = np_line_text (p, 0);
  g_assert_cmpstr (first, ==, "“师傅手把手地教，比在教室里看视频强多了。”");

  /* A break before “ in the middle of a sentence. */
  m.width = 10 * font.size;
  m.indent = 0;
  g_autoptr (NpParagraph) q = np_shape_paragraph (
    np_fonts_hans_fixture, &font, "我们一致同意共同开展“双师型”教师培养。", &m);
  g_autofree char *second = np_line_text (q, 1);
  g_assert_true (g_str_has_prefix (second, "“双师型”"));

  /* Never inside a word for its apostrophe. */
  for (double w = 6; w <= 12; w += 0.25) {
    m.width = w * font.size;
    g_autoptr (NpParagraph) r = np_shape_paragraph (
      np_fonts_hans_fixture, &font, "中中中中中中中中 don’t stop", &m);
    for (guint i = 0; i + 1 < r->lines->len; i++) {
      g_autofree char *line = np_line_text (r, i);
      g_assert_false (g_str_has_suffix (line, "don’"));
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
  /* Broken at the phrase boundary before 在, not inside a word. */
  g_autofree char *second = np_line_text (p, 1);
  g_assert_true (g_str_has_prefix (second, "在"));
  g_assert_cmpfloat (fabs (a->width - b->width), <=, 5 * font.size);
  g_assert_cmpfloat_with_epsilon (a->x, (300 - a->width) / 2, 1e-6);
  /* Without a phrase boundary near the middle, the lines stay even. */
  g_autoptr (NpParagraph) q = np_shape_paragraph (
    np_fonts_fixture, &font, "產教融合共同體第二次理事會暨年度工作會議隆重召開", &m);
  g_assert_cmpuint (q->lines->len, ==, 2);
  const NpLine *c = g_ptr_array_index (q->lines, 0);
  const NpLine *d = g_ptr_array_index (q->lines, 1);
  g_assert_cmpfloat (fabs (c->width - d->width), <=, 4 * font.size);
}

/* The first lines of `text` set balanced at `width` points, 20 pt, in
 * `fonts`, joined with '/'. */
static char *
np_balanced_lines (NpFonts *fonts, const char *text, double width)
{
  NpFont font = np_body ();
  font.size = 20;
  NpMeasure m = { .width = width, .align = NP_ALIGN_CENTER, .balance = TRUE };
  g_autoptr (NpParagraph) p = np_shape_paragraph (fonts, &font, text, &m);
  GString *all = g_string_new (NULL);
  for (guint i = 0; i < p->lines->len; i++) {
    g_autofree char *t = np_line_text (p, i);
    g_string_append_printf (all, "%s%s", i ? "/" : "", t);
  }
  return g_string_free (all, FALSE);
}

/* How a text divides at the place marked '|' in `marked` ("年度|工作":
 * after 年度 in 年度工作), as an NpWordBreak. */
static int
np_break_at (const char *marked, gboolean phrases)
{
  g_auto (GStrv) parts = g_strsplit (marked, "|", 2);
  g_autofree char *text = g_strconcat (parts[0], parts[1], NULL);
  g_autofree guint8 *at = np_words_breaks (text, phrases);
  return at[strlen (parts[0])];
}

/* ICU's dictionary divides Chinese into words; a number keeps its unit,
 * a title in 《》 stays whole, and the cue words mark the phrases. */
static void
test_word_breaks (void)
{
  const struct {
    const char *marked;
    NpWordBreak want;
  } cases[] = {
    { "职业教育联盟|年度工作会议在苏州召开", NP_WORDS_PHRASE }, /* 联盟 | */
    { "职业教育联盟年|度工作会议在苏州召开", NP_WORDS_INSIDE },
    { "职业教育联盟年度工作会议|在苏州召开", NP_WORDS_PHRASE }, /* | 在 */
    { "职业教育联盟年度|工作会议在苏州召开", NP_WORDS_BOUNDARY },
    /* the verb of the event opens a phrase, unless 在 opened its clause
     * or it names the event (成立大会) */
    { "产教联合体|召开理事会", NP_WORDS_PHRASE },
    { "粵港澳論壇|在港舉行", NP_WORDS_PHRASE },
    { "粵港澳論壇在港|舉行", NP_WORDS_BOUNDARY },
    { "智能制造|成立大会", NP_WORDS_BOUNDARY },
    /* numbers keep their units */
    { "2025|年共100余人", NP_WORDS_INSIDE },
    { "2025年共100|余人", NP_WORDS_INSIDE },
    { "与8 |平台", NP_WORDS_INSIDE },
    { "２０２５|年", NP_WORDS_INSIDE },
    { "2025年|共100余人", NP_WORDS_BOUNDARY },
    /* a title in 《》 is whole, unless it never closes */
    { "发布《中国|制造》白皮书", NP_WORDS_INSIDE },
    { "发布《中国制造》|白皮书", NP_WORDS_BOUNDARY },
    { "《中国|制造", NP_WORDS_BOUNDARY },
    { "|", NP_WORDS_BOUNDARY },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_test_message ("%s", cases[i].marked);
    g_assert_cmpint (np_break_at (cases[i].marked, TRUE), ==, cases[i].want);
  }
  /* without phrases, only words */
  g_assert_cmpint (np_break_at ("职业教育联盟|年度工作", FALSE), ==,
                   NP_WORDS_BOUNDARY);
  g_assert_cmpint (np_break_at ("职业教育联盟年|度工作", FALSE), ==,
                   NP_WORDS_INSIDE);
}

/* A headline breaks between words, never inside 年度: the proof that
 * showed …联盟年 / 度工作会议… now breaks after 联盟 or before 在.  A
 * number stays with its unit, a title in 《》 whole. */
static void
test_headline_words (void)
{
  const struct {
    const char *head;
    const char *never[5]; /* line ends, "/" between the lines */
  } cases[] = {
    { "长三角汽车产业职业教育联盟年度工作会议在苏州工业园区召开",
      { "年/度", "工/作", "会/议", "园/区", NULL } },
    { "我校2025年职业技能大赛暨《汽车智能制造》课程发布会隆重举行",
      { "2025/", "《汽车/", "智能/", "制造/", "发布/" } },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (double width = 150; width <= 560; width += 10) {
      g_autofree char *lines =
        np_balanced_lines (np_fonts_hans_fixture, cases[i].head, width);
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].never); k++)
        if (cases[i].never[k])
          g_assert_null (strstr (lines, cases[i].never[k]));
    }
  g_autofree char *two =
    np_balanced_lines (np_fonts_hans_fixture, cases[0].head, 400);
  g_assert_cmpstr (two, ==,
                   "长三角汽车产业职业教育联盟/年度工作会议在苏州工业园区召开");
}

/* A table cell ends between words when a boundary a little earlier fits;
 * with none near, it still fills the measure. */
static void
test_cell_words (void)
{
  NpFont font = np_body ();
  /* 联盟 would straddle the break at 5 ems */
  NpMeasure m = { .width = 50, .align = NP_ALIGN_LEFT, .words = TRUE };
  g_autoptr (NpParagraph) p =
    np_shape_paragraph (np_fonts_hans_fixture, &font, "职业教育联盟理事", &m);
  g_autofree char *first = np_line_text (p, 0);
  g_assert_cmpstr (first, ==, "职业教育");
  NpMeasure plain = { .width = 50, .align = NP_ALIGN_LEFT };
  g_autoptr (NpParagraph) q = np_shape_paragraph (np_fonts_hans_fixture, &font,
                                                  "职业教育联盟理事", &plain);
  g_autofree char *filled = np_line_text (q, 0);
  g_assert_cmpstr (filled, ==, "职业教育联");
  /* …but not at the cost of a line: 10 ems hold it in two lines only
   * with 汽车|人才 broken after 汽车人 */
  NpMeasure ten = { .width = 100, .align = NP_ALIGN_LEFT, .words = TRUE };
  g_autoptr (NpParagraph) r = np_shape_paragraph (
    np_fonts_fixture, &font, "中國人才研究會汽車人才專委會理事長朱明榮", &ten);
  g_assert_cmpuint (r->lines->len, ==, 2);
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
  /* set as the geta mark, a deliberate placeholder */
  g_assert_cmpstr (p->text, ==, "中文\u3013字");
  g_autoptr (NpParagraph) q = np_set ("中文👩🏽‍🦳字⚃🂠", 200, NP_ALIGN_LEFT, 0);
  g_assert_cmpuint (q->missing->len, ==, 0);
}

/* clreq 3.1.6: two marks in a row take 1.5 em.  zh-Hans sets 。 in the
 * corner (half of it blank), zh-Hant centres it (a quarter each side). */
static void
test_adjacent_marks (void)
{
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_hans_fixture, "中\u3002\u300D中"), 3.5, 0.01);
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "中\u3002\u300D中"), 3.75, 0.01);
  /* closing then opening bracket: 」「 */
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "中\u300D\u300C中"), 3.5, 0.01);
  /* two opening marks: 《「 */
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "中\u300A\u300C中"), 3.5, 0.01);
  /* a centred zh-Hant colon keeps its quarters; the bracket's half em
   * goes: ：「 takes 1.5 em in both scripts */
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "中\uFF1A\u300C中"), 3.5, 0.01);
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_hans_fixture, "中\uFF1A\u300C中"), 3.5, 0.01);
  /* a mark between characters keeps its full em */
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "中\u3001中"), 3.0, 0.01);
}

/* The advance, in ems, of the glyph that shows character `c` on line `i`. */
static double
np_glyph_em (const NpParagraph *p, guint i, gunichar c)
{
  const NpLine *line = g_ptr_array_index (p->lines, i);
  for (guint r = 0; r < line->runs->len; r++) {
    const PangoGlyphItem *run = g_ptr_array_index (line->runs, r);
    for (int g = 0; g < run->glyphs->num_glyphs; g++) {
      const char *at = p->text + run->item->offset + run->glyphs->log_clusters[g];
      if (g_utf8_get_char (at) == c)
        return run->glyphs->glyphs[g].geometry.width / (p->font.size * PANGO_SCALE);
    }
  }
  g_assert_not_reached ();
}

/* clreq's order of compression: a comma gives up its blank before a full
 * stop does, as the stop shows a longer pause. */
static void
test_compression_order (void)
{
  NpFont font = np_body ();
  NpMeasure m = { .width = 10.7 * font.size, .align = NP_ALIGN_JUSTIFY };
  g_autoptr (NpParagraph) p = np_shape_paragraph (
    np_fonts_hans_fixture, &font, "中中中。中中中，中中中", &m);
  g_assert_cmpuint (p->lines->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (np_glyph_em (p, 0, 0x3002), 1.0, 0.01);
  g_assert_cmpfloat_with_epsilon (np_glyph_em (p, 0, 0xFF0C), 0.7, 0.01);
  /* Past what the comma gives, the stop gives the rest. */
  m.width = 10.2 * font.size;
  g_autoptr (NpParagraph) q = np_shape_paragraph (
    np_fonts_hans_fixture, &font, "中中中。中中中，中中中", &m);
  g_assert_cmpuint (q->lines->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (np_glyph_em (q, 0, 0xFF0C), 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (np_glyph_em (q, 0, 0x3002), 0.7, 0.01);
}

/* A line starting with an opening bracket drops its leading blank; a line
 * ending with a closing mark may set it half-width to fit. */
static void
test_line_edges (void)
{
  NpFont font = np_body ();
  NpMeasure m = { .width = 3.5 * font.size, .align = NP_ALIGN_JUSTIFY };
  g_autoptr (NpParagraph) p = np_shape_paragraph (
    np_fonts_fixture, &font, "中中中\u300D中中\u300C中中", &m);
  g_assert_cmpuint (p->lines->len, ==, 3);
  g_autofree char *first = np_line_text (p, 0);
  g_assert_cmpstr (first, ==, "中中中\u300D"); /* 」 compressed to fit */
  const NpLine *last = g_ptr_array_index (p->lines, 2);
  g_autofree char *third = np_line_text (p, 2);
  g_assert_cmpstr (third, ==, "\u300C中中");
  g_assert_cmpfloat_with_epsilon (last->width / font.size, 2.5, 0.01);
}

/* clreq 3.2.1: a quarter em between Han and Latin or digits, and a typed
 * space there shrinks to the same quarter em. */
static void
test_latin_spacing (void)
{
  double han = np_width_em (np_fonts_fixture, "中");
  double latin = np_width_em (np_fonts_fixture, "A8");
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "中A8中"), 2 * han + latin + 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "中 A8 中"), 2 * han + latin + 0.5, 0.01);
  /* none next to full-width punctuation */
  g_assert_cmpfloat_with_epsilon (
    np_width_em (np_fonts_fixture, "\uFF0CA8\u3002"),
    np_width_em (np_fonts_fixture, "\uFF0C") + latin +
      np_width_em (np_fonts_fixture, "\u3002"), 0.01);
  /* letters and digits typed full-width get the same once narrowed */
  guint count = 0;
  g_autofree char *narrowed = np_punct_narrow_text ("中\uFF21\uFF18中", &count);
  g_assert_cmpfloat_with_epsilon (np_width_em (np_fonts_fixture, narrowed),
                                  2 * han + latin + 0.5, 0.01);
}

/* A closing mark behind an emoji still may not start a line. */
static void
test_emoji_transparent (void)
{
  const char *text = "對問題作出了不同角度的深刻回應🥫\uFF0C引發了全場聽眾的思考"
                     "\u300C👍產教融合\u300D";
  for (double w = 40; w <= 200; w += 3) {
    g_autoptr (NpParagraph) p = np_set (text, w, NP_ALIGN_JUSTIFY, 0);
    for (guint i = 1; i < p->lines->len; i++) {
      g_autofree char *t = np_line_text (p, i);
      g_assert_false (g_str_has_prefix (t, "🥫\uFF0C"));
      g_autofree char *prev = np_line_text (p, i - 1);
      g_assert_false (g_str_has_suffix (prev, "\u300C"));
    }
  }
}

/* Justified lines stay tight: the extra space a gap takes is small. */
static void
test_tight_justification (void)
{
  const char *text =
    "上海市教委大力支持職業院校與產教融合型頭部企業深度合作\uFF0C促進職業院校"
    "發揮人才培養\u3001應用研發和社會服務職能\uFF0C推動專業人才培養供給側與"
    "新能源和智能網聯汽車行業需求側緊密對接\u3002希望各方以聯合體建設為契機"
    "\uFF0C促進企業需求側和教育供給側要素全方位融合\uFF0C積極探索共建\u3001"
    "共享\u3001共贏的校企緊密合作性人才培養模式改革\u3002";
  NpFont font = np_body ();
  NpMeasure m = { .width = 22 * font.size + 3.3, .align = NP_ALIGN_JUSTIFY,
                  .indent = 2 * font.size };
  g_autoptr (NpParagraph) p = np_shape_paragraph (np_fonts_fixture, &font,
                                                  text, &m);
  for (guint i = 0; i + 1 < p->lines->len; i++) {
    const NpLine *line = g_ptr_array_index (p->lines, i);
    double widest = 0;
    for (guint r = 0; r < line->runs->len; r++) {
      PangoGlyphItem *run = g_ptr_array_index (line->runs, r);
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        widest = MAX (widest, run->glyphs->glyphs[g].geometry.width / 1024.0);
    }
    /* no glyph advanced by more than 0.1 em beyond its full em */
    g_assert_cmpfloat (widest, <=, 1.1 * font.size);
  }
}

/* Each run of a line holds exactly its slice of the text: glyph clusters
 * within its bytes, in the direction of its level, and the line is as wide
 * as its runs. */
static void
np_assert_runs_sound (const NpParagraph *p)
{
  for (guint i = 0; i < p->lines->len; i++) {
    const NpLine *line = g_ptr_array_index (p->lines, i);
    double width = 0;
    for (guint r = 0; r < line->runs->len; r++) {
      PangoGlyphItem *run = g_ptr_array_index (line->runs, r);
      gboolean rtl = run->item->analysis.level % 2;
      g_assert_cmpint (run->glyphs->num_glyphs, >, 0);
      g_assert_cmpint (run->item->offset, >=, (int) line->start);
      g_assert_cmpint (run->item->offset + run->item->length, <=,
                       (int) line->end);
      for (int g = 0; g < run->glyphs->num_glyphs; g++) {
        int c = run->glyphs->log_clusters[g];
        g_assert_cmpint (c, >=, 0);
        g_assert_cmpint (c, <, run->item->length);
        if (g > 0 && rtl)
          g_assert_cmpint (c, <=, run->glyphs->log_clusters[g - 1]);
        else if (g > 0)
          g_assert_cmpint (c, >=, run->glyphs->log_clusters[g - 1]);
      }
      width +=
        pango_glyph_string_get_width (run->glyphs) / (double) PANGO_SCALE;
    }
    g_assert_cmpfloat (fabs (width - line->width), <, 0.01);
  }
}

/* The visual position, in line `i`, of the run holding `word`. */
static guint
np_run_at (const NpParagraph *p, guint i, const char *word)
{
  const NpLine *line = g_ptr_array_index (p->lines, i);
  int at = (int) (strstr (p->text, word) - p->text);
  for (guint r = 0; r < line->runs->len; r++) {
    PangoGlyphItem *run = g_ptr_array_index (line->runs, r);
    if (at >= run->item->offset && at < run->item->offset + run->item->length)
      return r;
  }
  g_assert_not_reached ();
}

/* Hebrew and Arabic inside Chinese text are set right to left in their own
 * fonts, and a line may break anywhere around them without losing or
 * repeating a glyph; the glyphs of a right-to-left run come in visual
 * order, so the lines must be cut in text order all the same. */
static void
test_right_to_left (void)
{
  const char *text = "會議由中文של主持，以色列代表שלום עולם致辭，"
                     "阿拉伯文代表مرحبا بكم發言，並介紹了עולם 2024 שלום項目。";
  for (double w = 20; w <= 300; w += 9) {
    g_autoptr (NpParagraph) p = np_set (text, w, NP_ALIGN_JUSTIFY, 20);
    g_autofree char *all = np_lines_text (p);
    /* a space at a break is dropped, as between Latin words */
    g_auto (GStrv) words = g_strsplit (text, " ", -1);
    g_autofree char *unspaced = g_strjoinv ("", words);
    g_auto (GStrv) kept = g_strsplit (all, " ", -1);
    g_autofree char *kept_unspaced = g_strjoinv ("", kept);
    g_assert_cmpstr (kept_unspaced, ==, unspaced);
    g_assert_cmpuint (p->missing->len, ==, 0);
    np_assert_runs_sound (p);
  }
  /* One wide line: the two Hebrew words around a number read from right to
   * left, so the word written second is the leftmost (UAX #9, L2). */
  g_autoptr (NpParagraph) wide = np_set (text, 1000, NP_ALIGN_LEFT, 0);
  g_assert_cmpuint (wide->lines->len, ==, 1);
  guint written_first = np_run_at (wide, 0, "עולם 2024");
  guint number = np_run_at (wide, 0, "2024");
  guint written_second = np_run_at (wide, 0, "שלום項目");
  g_assert_cmpuint (written_second, <, number);
  g_assert_cmpuint (number, <, written_first);
}

/* Bidirectional controls honoured where they apply, and harmless where they
 * do not: an override turns the Chinese that follows right to left, a
 * control alone sets nothing. */
static void
test_bidi_controls (void)
{
  static const char *const texts[] = {
    "\u202E中文內容很多很多，也有標點。",
    "\u202B中文\u202C內容\u2067עברית\u2069結束。",
    "\u202E",
    "\u2067\u2069",
    "\u200F\u200E",
    "前文\u202D後文\u202E反向\u202C正常。",
  };
  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    for (double w = 20; w <= 120; w += 25) {
      g_autoptr (NpParagraph) p = np_set (texts[k], w, NP_ALIGN_JUSTIFY, 10);
      g_autofree char *all = np_lines_text (p);
      /* Trailing controls may be trimmed like spaces; nothing else. */
      g_assert_true (g_str_has_prefix (texts[k], all));
      g_assert_cmpuint (p->missing->len, ==, 0);
      np_assert_runs_sound (p);
    }
}

/* A run with no allowed break wider than the measure (ten thousand 。, （
 * or —) is broken anyway: every line fits, every character is kept, and
 * the paragraph says how long the run was. */
static void
test_forced_breaks (void)
{
  static const char *const marks[] = { "。", "（", "——" };
  for (guint k = 0; k < G_N_ELEMENTS (marks); k++) {
    GString *text = g_string_new ("開始");
    for (guint i = 0; i < 10000 / g_utf8_strlen (marks[k], -1); i++)
      g_string_append (text, marks[k]);
    g_string_append (text, "結束。");
    g_autoptr (NpParagraph) p = np_set (text->str, 100, NP_ALIGN_JUSTIFY, 20);
    g_assert_cmpuint (p->lines->len, >, 50);
    g_assert_cmpuint (p->forced, >=, 10000);
    g_autofree char *all = np_lines_text (p);
    g_assert_cmpstr (all, ==, text->str);
    for (guint i = 0; i < p->lines->len; i++) {
      const NpLine *line = g_ptr_array_index (p->lines, i);
      g_assert_cmpfloat (line->x + line->width, <=, 100 + 0.01);
    }
    g_string_free (text, TRUE);
  }
  /* Text with allowed breaks is never broken by force. */
  g_autoptr (NpParagraph) p =
    np_set ("會議氣氛熱烈，精彩不斷。", 30, NP_ALIGN_JUSTIFY, 0);
  g_assert_cmpuint (p->forced, ==, 0);
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
  np_fonts_hans_fixture = np_fonts_new (conf, NP_SCRIPT_HANS, &error);
  g_assert_no_error (error);
  g_test_add_func ("/shape/rules", test_rules);
  g_test_add_func ("/shape/kinsoku", test_kinsoku);
  g_test_add_func ("/shape/kinsoku-classes", test_kinsoku_classes);
  g_test_add_func ("/shape/justified", test_justified);
  g_test_add_func ("/shape/text-kept", test_text_kept);
  g_test_add_func ("/shape/latin-words", test_latin_words);
  g_test_add_func ("/shape/word-spaces", test_word_spaces);
  g_test_add_func ("/shape/no-runts", test_no_runts);
  g_test_add_func ("/shape/item-first-line", test_item_first_line);
  g_test_add_func ("/shape/indent-bracket", test_indent_bracket);
  g_test_add_func ("/shape/quote-breaks", test_quote_breaks);
  g_test_add_func ("/shape/centred-balanced", test_centred_and_balanced);
  g_test_add_func ("/shape/words/breaks", test_word_breaks);
  g_test_add_func ("/shape/words/headline", test_headline_words);
  g_test_add_func ("/shape/words/cell", test_cell_words);
  g_test_add_func ("/shape/right-aligned", test_right_aligned);
  g_test_add_func ("/shape/missing-glyph", test_missing_glyph);
  g_test_add_func ("/shape/empty", test_empty);
  g_test_add_func ("/shape/adjacent-marks", test_adjacent_marks);
  g_test_add_func ("/shape/line-edges", test_line_edges);
  g_test_add_func ("/shape/compression-order", test_compression_order);
  g_test_add_func ("/shape/latin-spacing", test_latin_spacing);
  g_test_add_func ("/shape/emoji-transparent", test_emoji_transparent);
  g_test_add_func ("/shape/tight-justification", test_tight_justification);
  g_test_add_func ("/shape/right-to-left", test_right_to_left);
  g_test_add_func ("/shape/bidi-controls", test_bidi_controls);
  g_test_add_func ("/shape/forced-breaks", test_forced_breaks);
  int status = g_test_run ();
  np_fonts_free (np_fonts_fixture);
  np_fonts_free (np_fonts_hans_fixture);
  return status;
}
