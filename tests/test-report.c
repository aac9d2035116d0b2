/* test-report.c: the structure rules (report.c), the model and its JSON
 * dump (document.c) and script detection (script.c).
 *
 * Inputs are written with ASCII punctuation for readability; wide() turns
 * them into their full-width twins where a test needs both forms.  The
 * reference report is checked against its audit file in shared/ and never
 * quoted here.
 */
#include "cues.h"
#include "document.h"
#include "emoji.h"
#include "error.h"
#include "fonts.h"
#include "page.h"
#include "photos.h"
#include "report.h"
#include "script.h"
#include "shape.h"
#include "source.h"
#include "story.h"
#include "style.h"
#include "subset.h"
#include "testjson.h"
#include "testutil.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------- */

/* `ascii` with , : ; ( ) ! ? turned full-width (U+FF0C …). */
static char *
wide (const char *ascii)
{
  static const char from[] = ",:;()!?";
  static const gunichar to[] = { 0xFF0C, 0xFF1A, 0xFF1B, 0xFF08,
                                 0xFF09, 0xFF01, 0xFF1F };
  GString *out = g_string_new (NULL);
  for (const char *p = ascii; *p; p++)
    {
      const char *hit = strchr (from, *p);
      if (hit)
        g_string_append_unichar (out, to[hit - from]);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static NpDocument *
parse (const char *text)
{
  GError *error = NULL;
  NpDocument *doc = np_report_parse (text, "test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static const NpBlock *
block_at (const NpDocument *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->blocks->len);
  return g_ptr_array_index (doc->blocks, i);
}

/* The kinds of all blocks, space-separated: a whole structure in one
 * assertion. */
static char *
kinds (const NpDocument *doc)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, np_block_kind_name (block_at (doc, i)->kind));
    }
  return g_string_free (out, FALSE);
}

static void
assert_kinds (const char *text, const char *expected)
{
  g_autoptr (NpDocument) doc = parse (text);
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==, expected);
}

/* Index of the first block of `kind`, or -1. */
/* The index of the first block whose text is `text`, or -1. */
static int
find_text (const NpDocument *doc, const char *text)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    if (g_strcmp0 (block_at (doc, i)->text, text) == 0)
      return (int) i;
  return -1;
}

static int
find_kind (const NpDocument *doc, NpBlockKind kind)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    if (block_at (doc, i)->kind == kind)
      return (int) i;
  return -1;
}

static guint
count_kind (const NpDocument *doc, NpBlockKind kind)
{
  guint n = 0;
  for (guint i = 0; i < doc->blocks->len; i++)
    n += block_at (doc, i)->kind == kind;
  return n;
}

static const char *
cell (const NpBlock *table, guint row, guint column)
{
  g_assert_nonnull (table->rows);
  g_assert_cmpuint (row, <, table->rows->len);
  char **cells = g_ptr_array_index (table->rows, row);
  g_assert_cmpuint (column, <, g_strv_length (cells));
  return cells[column];
}

static const char *
warning_at (const NpDocument *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->warnings->len);
  return g_ptr_array_index (doc->warnings, i);
}

/* How many warnings mention `about` ("signing units", "front matter"):
 * tests of one rule ignore the warnings of others (no date, no headline
 * in a two-line test text). */
static guint
warnings_about (const NpDocument *doc, const char *about)
{
  guint n = 0;
  for (guint i = 0; i < doc->warnings->len; i++)
    n += strstr (g_ptr_array_index (doc->warnings, i), about) != NULL;
  return n;
}

static const char *
cases_path (const char *name, char **owned)
{
  *owned = g_build_filename (np_test_source_dir (), "tests", "cases", name,
                             NULL);
  return *owned;
}

/* The strings of the array `key` in the audit file: a minimal reader for
 * its flat {"key": ["…", …]} layout, so the test needs no JSON library. */
static GPtrArray *
audit_list (const char *json, const char *key)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", key);
  const char *p = strstr (json, quoted);
  g_assert_nonnull (p);
  p = strchr (p, '[');
  g_assert_nonnull (p);
  for (p++; *p && *p != ']'; p++)
    {
      if (*p != '"')
        continue;
      GString *item = g_string_new (NULL);
      for (p++; *p && *p != '"'; p++)
        {
          if (*p == '\\' && p[1])
            p++;
          g_string_append_c (item, *p);
        }
      g_ptr_array_add (list, g_string_free (item, FALSE));
    }
  return list;
}

/* ---- the reference report ------------------------------------------------ */

typedef struct {
  NpDocument *doc;
  char *audit; /* the audit JSON text */
} Reference;

static gboolean
reference_load (Reference *ref)
{
  g_autofree char *path = np_test_reference_report ();
  if (!path)
    return FALSE; /* failed */
  g_autofree char *text = np_test_read (path);
  g_autofree char *audit = g_build_filename (
    np_test_shared_dir (), "audit", "cases", "auto-city-2024-06-18.json", NULL);
  ref->doc = parse (text);
  ref->audit = np_test_read (audit);
  return TRUE;
}

static void
reference_clear (Reference *ref)
{
  np_document_free (ref->doc);
  g_free (ref->audit);
}

static void
test_reference_facts (void)
{
  Reference ref;
  if (!reference_load (&ref))
    return;
  const NpDocument *doc = ref.doc;

  g_assert_cmpuint (doc->script, ==, NP_SCRIPT_HANT);
  g_assert_cmpstr (doc->date, ==, "2024年6月18日");
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  g_assert_cmpuint (count_kind (doc, NP_BLOCK_LEAD), ==, 1);
  g_assert_cmpuint (block_at (doc, 0)->kind, ==, NP_BLOCK_LEAD);
  g_assert_cmpuint (block_at (doc, 0)->line, ==, 1);

  /* the headline is the lead's first sentence between the time phrase
   * (date, 上午, comma) and its full stop */
  const char *lead = block_at (doc, 0)->text;
  g_assert_cmpuint (g_utf8_strlen (doc->headline, -1), ==, 25);
  g_autofree char *expected_lead = g_strdup_printf ("%s上午,%s。", doc->date,
                                                    doc->headline);
  g_assert_cmpstr (lead, ==, expected_lead);

  const NpBlock *credit = block_at (doc, doc->blocks->len - 1);
  g_assert_cmpuint (credit->kind, ==, NP_BLOCK_CREDIT);
  g_assert_cmpuint (credit->line, ==, 27);
  g_assert_cmpuint (count_kind (doc, NP_BLOCK_CREDIT), ==, 1);
  g_autofree char *expected_credit = g_strdup_printf ("(供稿:%s)",
                                                      doc->publisher);
  g_assert_cmpstr (credit->text, ==, expected_credit);
  reference_clear (&ref);
}

static void
test_reference_captions (void)
{
  Reference ref;
  if (!reference_load (&ref))
    return;
  g_autoptr (GPtrArray) expected = audit_list (ref.audit, "captions");
  g_assert_cmpuint (expected->len, ==, 8);
  g_assert_cmpuint (count_kind (ref.doc, NP_BLOCK_CAPTION), ==, 8);
  guint n = 0;
  for (guint i = 0; i < ref.doc->blocks->len; i++)
    {
      const NpBlock *block = block_at (ref.doc, i);
      if (block->kind == NP_BLOCK_CAPTION)
        g_assert_cmpstr (block->text, ==, g_ptr_array_index (expected, n++));
    }
  reference_clear (&ref);
}

static void
test_reference_units (void)
{
  Reference ref;
  if (!reference_load (&ref))
    return;
  g_autoptr (GPtrArray) expected = audit_list (ref.audit, "units");
  g_assert_cmpuint (count_kind (ref.doc, NP_BLOCK_UNITS), ==, 1);
  int at = find_kind (ref.doc, NP_BLOCK_UNITS);
  const NpBlock *units = block_at (ref.doc, at);
  const NpBlock *before = block_at (ref.doc, at - 1);

  /* right after the paragraph that lists them, the 會上… one */
  g_assert_cmpuint (before->kind, ==, NP_BLOCK_PARAGRAPH);
  g_assert_true (g_str_has_prefix (before->text, "會上"));
  g_assert_cmpuint (units->line, ==, before->line);

  g_assert_cmpuint (units->rows->len, ==, expected->len + 1);
  g_assert_cmpstr (cell (units, 0, 0), ==, "序號");
  g_assert_cmpstr (cell (units, 0, 1), ==, "單位名稱");
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_assert_cmpstr (cell (units, i + 1, 0), ==, number);
      g_assert_cmpstr (cell (units, i + 1, 1), ==,
                       g_ptr_array_index (expected, i));
    }
  reference_clear (&ref);
}

static void
test_reference_keynotes (void)
{
  Reference ref;
  if (!reference_load (&ref))
    return;
  g_assert_cmpuint (count_kind (ref.doc, NP_BLOCK_KEYNOTES), ==, 1);
  const NpBlock *table = block_at (ref.doc,
                                   find_kind (ref.doc, NP_BLOCK_KEYNOTES));
  g_assert_cmpuint (table->rows->len, ==, 6);
  g_assert_cmpstr (cell (table, 0, 0), ==, "報告人");
  g_assert_cmpstr (cell (table, 0, 1), ==, "報告題目");
  for (guint i = 1; i < table->rows->len; i++)
    {
      g_assert_null (strstr (cell (table, i, 1), "《"));
      g_assert_null (strstr (cell (table, i, 1), "》"));
      g_assert_cmpstr (cell (table, i, 0), !=, "");
    }
  reference_clear (&ref);
}

/* ---- paragraph conventions ----------------------------------------------- */

static void
test_paragraphs_one_per_line (void)
{
  /* U+3000 ideographic spaces as indent, a blank line at the end only */
  g_autoptr (NpDocument) doc = parse (
    "\u3000\u3000第一段,這是一個段落。  \n"
    "第二段,這是另一個段落。\n"
    "\t第三段,還是一個段落。\n"
    "\n");
  g_assert_cmpuint (doc->blocks->len, ==, 3);
  g_assert_cmpstr (block_at (doc, 0)->text, ==, "第一段,這是一個段落。");
  g_assert_cmpstr (block_at (doc, 2)->text, ==, "第三段,還是一個段落。");
  g_assert_cmpuint (block_at (doc, 1)->line, ==, 2);
  g_assert_cmpuint (block_at (doc, 2)->line, ==, 3);
}

static void
test_paragraphs_blank_lines (void)
{
  g_autoptr (NpDocument) doc = parse (
    "\n"
    "第一段的第一行,\n"
    "第一段的第二行。\n"
    "\n"
    "\u3000\u3000我们使用 open\n"
    "source 软件和 3\n"
    "D 打印,\n"
    "效果很好。\n");
  g_assert_cmpuint (doc->blocks->len, ==, 2);
  g_assert_cmpstr (block_at (doc, 0)->text, ==,
                   "第一段的第一行,第一段的第二行。");
  g_assert_cmpuint (block_at (doc, 0)->line, ==, 2);
  g_assert_cmpstr (block_at (doc, 1)->text, ==,
                   "我们使用 open source 软件和 3 D 打印,效果很好。");
  g_assert_cmpuint (block_at (doc, 1)->line, ==, 5);
}

static void
test_paragraphs_latin_join (void)
{
  /* the Latin join also applies with full-width punctuation around */
  g_autofree char *text
    = wide ("本校与 Example\nUniversity 合作(2024\n年起)。\n\n第二段。");
  g_autoptr (NpDocument) doc = parse (text);
  g_autofree char *expected
    = wide ("本校与 Example University 合作(2024年起)。");
  g_assert_cmpstr (block_at (doc, 0)->text, ==, expected);
}

/* ---- front matter -------------------------------------------------------- */

static void
test_front_matter_fields (void)
{
  g_autofree char *text = wide (
    "---\n"
    "title: 測試標題\n"
    "Issue: 第 12 期\n"
    "date: 2024年6月1日\n"
    "publisher: 測試學院\n"
    "masthead: 測試通訊\n"
    "---\n"
    "2024年6月18日,會議召開。\n"
    "(供稿:宣傳部)\n");
  g_autoptr (NpDocument) doc = parse (text);
  g_assert_cmpstr (doc->headline, ==, "測試標題");
  g_assert_cmpstr (doc->issue, ==, "第 12 期");
  g_assert_cmpstr (doc->date, ==, "2024年6月1日"); /* not the lead's */
  g_assert_cmpstr (doc->publisher, ==, "測試學院"); /* not the credit's */
  g_assert_cmpstr (doc->masthead, ==, "測試通訊");
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  g_assert_cmpuint (block_at (doc, 0)->kind, ==, NP_BLOCK_LEAD);
  g_assert_cmpuint (block_at (doc, 0)->line, ==, 8);
  g_assert_cmpuint (block_at (doc, 1)->line, ==, 9);
}

static void
test_front_matter_unknown_key (void)
{
  g_autoptr (NpDocument) doc = parse ("---\n"
                                      "title: 标题\n"
                                      "author: 某人\n"
                                      "no colon here\n"
                                      "---\n"
                                      "会议由学院副院长主持，各成员单位代表参加。\n");
  g_assert_cmpstr (doc->headline, ==, "标题");
  g_assert_cmpuint (warnings_about (doc, "front matter:"), ==, 2);
  g_assert_true (g_str_has_prefix (
    warning_at (doc, 0), "line 3: front matter: unknown key \"author\""));
  g_assert_cmpstr (warning_at (doc, 1), ==,
                   "line 4: front matter: expected \"key: value\"");
}

static void
test_front_matter_unclosed (void)
{
  g_autoptr (NpDocument) doc = parse ("---\ntitle: 标题\n会议由学院副院长主持，各成员单位代表参加。\n");
  g_assert_cmpuint (warnings_about (doc, "front matter:"), ==, 1);
  g_assert_true (g_str_has_prefix (warning_at (doc, 0), "line 1: "));
  /* read as text: a rule of marks says nothing, the rest stays */
  g_assert_cmpstr (doc->headline, ==, "title: 标题");
  g_assert_cmpuint (doc->blocks->len, ==, 1);
  g_assert_cmpstr (block_at (doc, 0)->text, ==, "会议由学院副院长主持，各成员单位代表参加。");
}

/* ---- lead and headline --------------------------------------------------- */

static void
test_lead_date_forms (void)
{
  static const struct {
    const char *text;
    const char *date; /* NULL: not a lead */
  } cases[] = {
    { "2024年6月18日上午,大會召開。", "2024年6月18日" },
    { "6月18日,大会召开。", "6月18日" },
    { "2024年6月18日", "2024年6月18日" },
    { "二〇二四年六月十八日,大會召開。", "二〇二四年六月十八日" },
    { "二零二四年十二月三十一日晚,晚会举行。", "二零二四年十二月三十一日" },
    /* full-width digits are read as ASCII ones */
    { "\uFF12\uFF10\uFF12\uFF14年\uFF16月\uFF11\uFF18日,大會召開。",
      "2024年6月18日" },
    /* and with the full-width hyphen a web editor types between them */
    { "\uFF12\uFF10\uFF12\uFF15\uFF0D\uFF10\uFF14\uFF0D\uFF12\uFF16,大会召开。",
      "2025年4月26日" },
    { "5月4号上午,活动举行。", "5月4号" },
    { "2025.4.26,大会召开。", "2025年4月26日" },
    { "2025-04-26 上午,大会召开。", "2025年4月26日" },
    { "2025/4/26,大会召开。", "2025年4月26日" },
    { "114年3月12日,大會召開。", "114年3月12日" },
    { "民國114年3月12日,大會召開。", "民國114年3月12日" },
    /* a date in the first sentence dates the lead, too */
    { "會議於6月18日召開。", "6月18日" },
    { "2024年13月5日,不是日期。", NULL },
    { "學院舉行開放日。", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (NpDocument) doc = parse (cases[i].text);
      g_assert_cmpuint (block_at (doc, 0)->kind, ==,
                        cases[i].date ? NP_BLOCK_LEAD : NP_BLOCK_PARAGRAPH);
      g_assert_cmpstr (doc->date, ==, cases[i].date);
      g_assert_cmpuint (warnings_about (doc, "no date"), ==,
                        cases[i].date ? 0 : 1);
    }
  /* 昨天, 近日: a lead with no date, which the page's date line gives */
  g_autoptr (NpDocument) relative
    = parse ("某學院舉行開放日\n發布時間:2025-04-26 10:32\n"
             "近日,學院舉行開放日。\n");
  g_assert_cmpuint (block_at (relative, 0)->kind, ==, NP_BLOCK_LEAD);
  g_assert_cmpstr (relative->date, ==, "2025年4月26日");
}

static void
test_headline_strip_time (void)
{
  static const struct {
    const char *text;
    const char *headline;
  } cases[] = {
    { "2024年6月18日上午,某某大會隆重召開。其後…", "某某大會隆重召開" },
    { "6月18日下午3時30分,會議召開!", "會議召開" },
    { "6月18日晚上8点 晚会开幕?观众…", "晚会开幕" },
    { "6月18日(星期二)9:30,論壇開幕。", "論壇開幕" },
    { "6月18日,學院舉行典禮🎉。", "學院舉行典禮" },
    { "學院今天舉行開放日,歡迎參觀。", "學院今天舉行開放日" },
    { "2024年6月18日", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (NpDocument) doc = parse (cases[i].text);
      g_assert_cmpstr (doc->headline, ==, cases[i].headline);

      g_autofree char *full_width = wide (cases[i].text);
      g_autofree char *expected = cases[i].headline ? wide (cases[i].headline)
                                                    : NULL;
      g_autoptr (NpDocument) wide_doc = parse (full_width);
      g_assert_cmpstr (wide_doc->headline, ==, expected);
    }
}

static void
test_headline_long (void)
{
  /* a clause over 40 characters loses the modifier it opens with */
  g_autoptr (NpDocument) doc = parse (
    "5月9日,由甲市教育局和乙市工业和信息化局联合主办的二〇二五年甲市"
    "职业院校技能大赛暨产教融合成果展在丙学院开幕。");
  g_assert_cmpstr (doc->headline, ==,
                   "二〇二五年甲市职业院校技能大赛暨产教融合成果展在丙学院开幕");

  /* no modifier and no break before 40 characters: kept whole */
  const char *run = "一二三四五六七八九十一二三四五六七八九十"
                    "一二三四五六七八九十一二三四五六七八九举行";
  g_autofree char *text = g_strdup_printf ("6月1日,%s。", run);
  g_autoptr (NpDocument) whole = parse (text);
  g_assert_cmpstr (whole->headline, ==, run);
}

/* The headline is the lead's event clause, not its setting or source. */
static void
test_headline_event_clause (void)
{
  static const struct {
    const char *text;
    const char *headline;
  } cases[] = {
    { "近日,甲学院产教融合论坛在乙市举行。", "甲学院产教融合论坛在乙市举行" },
    { "日前,记者从甲市教育局获悉,甲市首批产教融合基地集中签约。",
      "甲市首批产教融合基地集中签约" },
    { "为深入贯彻全国教育大会精神,推动产教融合,5月9日,甲联合体成立大会"
      "在乙学院召开。", "甲联合体成立大会在乙学院召开" },
    { "在产业转型升级的背景下,甲论坛在乙学院开幕。", "甲论坛在乙学院开幕" },
    { "按照市委部署,甲学院举办技能大赛。", "甲学院举办技能大赛" },
    { "本报讯 6月3日,甲学院校企合作恳谈会在该院召开。",
      "甲学院校企合作恳谈会在该院召开" },
    { "今(12)日,南嶺科技大學舉行產學聯盟成立大會。",
      "南嶺科技大學舉行產學聯盟成立大會" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (NpDocument) doc = parse (cases[i].text);
      g_assert_cmpstr (doc->headline, ==, cases[i].headline);
      g_assert_cmpuint (warnings_about (doc, "headline"), ==, 0);
    }
  /* no event verb: the first clause, with a warning */
  g_autoptr (NpDocument) unsure = parse ("6月1日,春光明媚,校园里人来人往。");
  g_assert_cmpstr (unsure->headline, ==, "春光明媚");
  g_assert_cmpuint (warnings_about (unsure, "names no event"), ==, 1);
}

/* A title line opens the report: it is the headline and not body text;
 * a ——subtitle and the page's meta lines follow it. */
static void
test_headline_title_line (void)
{
  g_autoptr (NpDocument) doc = parse (
    "当前位置:首页 > 新闻中心\n"
    "甲学院与三家企业签约\n"
    "——记甲学院产教融合新进展\n"
    "发布时间:2025-04-26 16:45  来源:甲学院  浏览次数:356\n"
    "近日,甲学院与三家企业签署合作协议。\n"
    "会议由学院副院长主持，各成员单位代表参加。\n");
  g_assert_cmpstr (doc->headline, ==, "甲学院与三家企业签约");
  g_assert_cmpstr (doc->subtitle, ==, "——记甲学院产教融合新进展");
  g_assert_cmpstr (doc->date, ==, "2025年4月26日");
  g_assert_cmpstr (doc->publisher, ==, "甲学院");
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==, "lead paragraph");
  g_assert_cmpuint (warnings_about (doc, "dropped 2 lines"), ==, 1);

  /* a WeChat account line and its time stamp, no title */
  g_autoptr (NpDocument) wechat = parse (
    "甲职教\n2025-06-05 08:30\n近日,甲联合体供需对接会在乙学院举行。\n会议由学院副院长主持，各成员单位代表参加。\n");
  g_assert_cmpstr (wechat->headline, ==, "甲联合体供需对接会在乙学院举行");
  g_assert_cmpstr (wechat->date, ==, "2025年6月5日");
}

/* ---- credit -------------------------------------------------------------- */

static void
test_credit_forms (void)
{
  static const struct {
    const char *text;
    const char *publisher;
  } cases[] = {
    { "(供稿:黨委宣傳部)", "黨委宣傳部" },
    { "(来源: 学院新闻中心)", "学院新闻中心" },
    { "来源:甲学院官网", "甲学院" },
    { "(撰稿:王小明)", NULL },
    { "(文:李四)", NULL },
    { "(图:张三)", NULL },
    { "(攝影:陳五)", NULL },
    { "(通讯员:赵六)", NULL },
    { "(通讯员 赵六 钱七)", NULL },
    { "(记者 甲 通讯员 乙)", NULL },
    { "(文/张三 图/李四)", NULL },
    { "(責任編輯:周七)", NULL },
    { "(记者:吴八)", NULL },
    { "(記者陳怡婷/台中報導)", NULL },
    { "供稿:甲学院 | 编辑:乙 | 审核:丙", "甲学院" },
    { "(供稿:张三)", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int w = 0; w < 2; w++)
      {
        g_autofree char *credit = w ? wide (cases[i].text)
                                    : g_strdup (cases[i].text);
        g_autofree char *text = g_strdup_printf ("会议由学院副院长主持，各成员单位代表参加。\n%s\n", credit);
        g_autoptr (NpDocument) doc = parse (text);
        g_assert_cmpuint (block_at (doc, 1)->kind, ==, NP_BLOCK_CREDIT);
        g_assert_cmpstr (block_at (doc, 1)->text, ==, credit);
        g_assert_cmpstr (doc->publisher, ==, cases[i].publisher);
      }
}

static void
test_credit_not_last_or_not_credit (void)
{
  /* (完) ends the text and is not printed */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n(完)", "paragraph");
  /* several credit lines in a row, with the page's junk after them */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n文字:张三 图片:李四\n编辑:王五\n审核:赵六\n"
                "阅读原文\n微信扫一扫\n关注该公众号\n",
                "paragraph credit credit credit");
  /* a lone credit-like line is the report itself */
  assert_kinds ("(供稿:宣傳部)", "paragraph");
}

/* ---- keynotes ------------------------------------------------------------ */

static void
test_keynotes_run (void)
{
  g_autofree char *text = wide (
    "會議舉行了主旨演講。\n"
    "某大學教授張三:《產教融合的路徑》\n"
    "某公司總經理李四🎤:《企業的角色》。👍\n"
    "某學院院長王五 : 《標題:副標題》\n"
    "會議現場\n");
  g_autoptr (NpDocument) doc = parse (text);
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==, "paragraph keynotes caption");
  const NpBlock *table = block_at (doc, 1);
  g_assert_cmpuint (table->line, ==, 2);
  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_cmpstr (cell (table, 0, 0), ==, "報告人");
  g_assert_cmpstr (cell (table, 0, 1), ==, "報告題目");
  g_assert_cmpstr (cell (table, 1, 0), ==, "某大學教授張三");
  g_assert_cmpstr (cell (table, 1, 1), ==, "產教融合的路徑");
  g_assert_cmpstr (cell (table, 2, 0), ==, "某公司總經理李四🎤");
  g_assert_cmpstr (cell (table, 2, 1), ==, "企業的角色");
  g_autofree char *subtitle = wide ("標題:副標題");
  g_assert_cmpstr (cell (table, 3, 0), ==, "某學院院長王五");
  g_assert_cmpstr (cell (table, 3, 1), ==, subtitle);
}

static void
test_keynotes_simplified (void)
{
  g_autoptr (NpDocument) doc = parse ("专家们作了报告。\n"
                                      "张三:《职业教育的数字化转型》\n"
                                      "李四:《现场工程师培养》\n");
  g_assert_cmpuint (doc->script, ==, NP_SCRIPT_HANS);
  const NpBlock *table = block_at (doc, 1);
  g_assert_cmpuint (table->kind, ==, NP_BLOCK_KEYNOTES);
  g_assert_cmpstr (cell (table, 0, 0), ==, "报告人");
  g_assert_cmpstr (cell (table, 0, 1), ==, "报告题目");
  g_assert_cmpstr (cell (table, 2, 1), ==, "现场工程师培养");
}

static void
test_keynotes_single (void)
{
  /* one line alone tells too little for the scores: the editor's mark
   * reads it as a keynote */
  assert_kinds ("會議聽取了專題報告。\n@@報告 張三:《人才培養》\n",
                "paragraph keynotes");
  assert_kinds ("会议听取了专题报告。\n@@报告 张三:《人才培养》\n",
                "paragraph keynotes");
  /* … not elsewhere, nor with text after the title */
  assert_kinds ("會議聽取報告。\n張三:《人才培養》一書出版。\n",
                "paragraph paragraph");
}

/* ---- headings ------------------------------------------------------------ */

static void
test_heading_ordinals (void)
{
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n一、基本情況\n会议由学院副院长主持，各成员单位代表参加。\n十、下一步工作\n会议由学院副院长主持，各成员单位代表参加。",
                "paragraph heading paragraph heading paragraph");
  g_autofree char *text = wide ("会议由学院副院长主持，各成员单位代表参加。\n(一)基本情况\n(二)主要做法\n会议由学院副院长主持，各成员单位代表参加。");
  assert_kinds (text, "paragraph heading heading paragraph");
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n(三)主要做法\n会议由学院副院长主持，各成员单位代表参加。", "paragraph heading paragraph");
  /* a numbered sentence is a paragraph, not a heading or a caption */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n"
                "一、一二三四五六七八九十一二三四五六七八九十一二三四五六七八九。\n",
                "paragraph paragraph");
  /* 01 …, 第一部分 …, 【…】 and bullets make heads too */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n01 产教融合\n会议由学院副院长主持，各成员单位代表参加。\n第二部分 下一步工作\n会议由学院副院长主持，各成员单位代表参加。\n"
                "【活动亮点】\n会议由学院副院长主持，各成员单位代表参加。\n◆ 共建实训基地\n会议由学院副院长主持，各成员单位代表参加。",
                "paragraph heading paragraph heading paragraph heading "
                "paragraph heading paragraph");
  /* the first paragraph is never a heading */
  assert_kinds ("一、基本情況\n会议由学院副院长主持，各成员单位代表参加。", "paragraph paragraph");
}

/* ---- captions ------------------------------------------------------------ */

static void
test_caption_short_line (void)
{
  assert_kinds ("2024年6月18日,會議召開。\n院長主持會議\n正文繼續。",
                "lead caption paragraph");
  assert_kinds ("2024年6月18日,会议召开。\n院长主持会议\n双方表示，将以此次签约为契机，深化合作。",
                "lead caption paragraph");
  /* captions may follow one another and tables */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n圖一\n圖二\n", "paragraph caption caption");
  /* emoji at the end do not count as the ending */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n嘉賓合影👨‍👩‍👧‍👦🏽\n", "paragraph caption");
}

static void
test_caption_sentence_end (void)
{
  static const char *const endings[] = {
    "。", "!", "?", ";", ":", ".", ",", "、", "…", "。👍", "。」",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (endings); i++)
    for (int w = 0; w < 2; w++)
      {
        g_autofree char *line = g_strdup_printf ("会议由学院副院长主持，各成员单位代表参加。\n院長主持會議%s\n",
                                                 endings[i]);
        g_autofree char *text = w ? wide (line) : g_strdup (line);
        assert_kinds (text, "paragraph paragraph");
      }
}

/* A lead-in ending with a dash and a pull quote are text, not captions. */
static void
test_caption_not_lead_in_or_quote (void)
{
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n會場內外,處處可見這樣的場景——\n会议由学院副院长主持，各成员单位代表参加。",
                "paragraph paragraph paragraph");
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n\u201C讓每一個人都有人生出彩的機會\u201D\n会议由学院副院长主持，各成员单位代表参加。",
                "paragraph paragraph paragraph");
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n\u300C產教融合,校企共贏\u300D👏\n",
                "paragraph paragraph");
  /* a caption may still contain a quotation */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n\u300C訂單班\u300D學生合影\n", "paragraph caption");
}

/* A lead may open with an emoji pasted from the web. */
static void
test_lead_after_emoji (void)
{
  g_autoptr (NpDocument) doc =
    parse ("🎉 2024年4月20日下午,創新營開營🚀\n会议由学院副院长主持，各成员单位代表参加。\n(供稿:國際交流處📰)\n");
  g_assert_cmpint (block_at (doc, 0)->kind, ==, NP_BLOCK_LEAD);
  g_assert_cmpstr (doc->date, ==, "2024年4月20日");
  g_assert_cmpstr (doc->headline, ==, "創新營開營");
  g_assert_cmpstr (doc->publisher, ==, "國際交流處");
}

static void
test_caption_length (void)
{
  /* a long line is a paragraph: captions are short */
  const char *long_line = "一二三四五六七八九十一二三四五六七八九十"
                          "一二三四五六七八九十一二三四五六七八九十"
                          "一二三四五六七八九十一二三四五六七八九十。";
  g_autofree char *over = g_strdup_printf ("会议由学院副院长主持，各成员单位代表参加。\n%s\n", long_line);
  assert_kinds (over, "paragraph paragraph");
  /* a line of emoji only is no caption; at the end it is decoration */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n🎉🎉\n会议由学院副院长主持，各成员单位代表参加。\n", "paragraph paragraph paragraph");
}

static void
test_caption_after_heading (void)
{
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n一、概况\n学院简介\n", "paragraph heading paragraph");
}

/* ---- signing units ------------------------------------------------------- */

static void
test_units_counted (void)
{
  g_autoptr (NpDocument) doc = parse (
    "會上,校企代表簽約。包括甲公司🏭、 乙學院 、丙研究院👩‍🔬等共3家單位。\n"
    "簽約儀式\n");
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==, "paragraph units caption");
  const NpBlock *table = block_at (doc, 1);
  g_assert_cmpuint (table->line, ==, 1);
  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_cmpstr (cell (table, 0, 0), ==, "序號");
  g_assert_cmpstr (cell (table, 0, 1), ==, "單位名稱");
  g_assert_cmpstr (cell (table, 1, 1), ==, "甲公司");
  g_assert_cmpstr (cell (table, 2, 1), ==, "乙學院");
  g_assert_cmpstr (cell (table, 3, 0), ==, "3");
  g_assert_cmpstr (cell (table, 3, 1), ==, "丙研究院");
  g_assert_cmpuint (warnings_about (doc, "signing units"), ==, 0);
}

static void
test_units_simplified (void)
{
  g_autoptr (NpDocument) doc = parse (
    "会上,签约仪式举行。包括甲公司、乙学院、丙研究院、丁协会等4家企业。\n");
  const NpBlock *table = block_at (doc, 1);
  g_assert_cmpuint (table->kind, ==, NP_BLOCK_UNITS);
  g_assert_cmpstr (cell (table, 0, 0), ==, "序号");
  g_assert_cmpstr (cell (table, 0, 1), ==, "单位名称");
  g_assert_cmpstr (cell (table, 4, 1), ==, "丁协会");
  g_assert_cmpuint (warnings_about (doc, "signing units"), ==, 0);
}

static void
test_units_chinese_numerals (void)
{
  static const struct {
    const char *count;
    int value;
  } cases[] = {
    { "三", 3 }, { "八", 8 }, { "十二", 12 }, { "二十", 20 },
    { "二十三", 23 }, { "一百零五", 105 }, { "\uFF13", 3 }, { "10", 10 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "簽約單位包括甲公司、乙學院、丙研究院等共%s家單位。", cases[i].count);
      g_autoptr (NpDocument) doc = parse (text);
      g_assert_cmpuint (find_kind (doc, NP_BLOCK_UNITS), ==, 1);
      if (cases[i].value == 3)
        g_assert_cmpuint (warnings_about (doc, "signing units"), ==, 0);
      else
        {
          g_autofree char *expected = g_strdup_printf (
            "line 1: signing units: the text says %d, found 3",
            cases[i].value);
          g_assert_cmpuint (warnings_about (doc, expected), ==, 1);
        }
    }
}

static void
test_units_mismatch (void)
{
  g_autoptr (NpDocument) doc = parse ("会议由学院副院长主持，各成员单位代表参加。\n"
                                      "会议由学院副院长主持，各成员单位代表参加。\n"
                                      "會上簽約。包括甲公司、乙學院等共五家機構。\n");
  g_assert_cmpuint (warnings_about (doc, "signing units"), ==, 1);
  g_assert_true (g_str_has_prefix (
    warning_at (doc, 0), "line 3: signing units: the text says 5, found 2"));
  const NpBlock *table = block_at (doc, 3); /* emitted all the same */
  g_assert_cmpuint (table->kind, ==, NP_BLOCK_UNITS);
  g_assert_cmpuint (table->rows->len, ==, 3);
}

static void
test_units_cue_words (void)
{
  /* cue word, list ending at 等 without a count */
  g_autofree char *colon = wide ("签约单位有:甲公司、乙学院、丙研究院等。");
  g_autoptr (NpDocument) doc = parse (colon);
  g_assert_cmpuint (find_kind (doc, NP_BLOCK_UNITS), ==, 1);
  g_assert_cmpuint (block_at (doc, 1)->rows->len, ==, 4);
  g_assert_cmpuint (warnings_about (doc, "signing units"), ==, 0);

  /* cue word, list ending at the sentence end, commas when no 、 */
  g_autofree char *commas
    = wide ("首批成員單位為甲公司,乙學院,丙研究院。其他。");
  g_autoptr (NpDocument) by_commas = parse (commas);
  const NpBlock *table = block_at (by_commas, 1);
  g_assert_cmpuint (table->kind, ==, NP_BLOCK_UNITS);
  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_cmpstr (cell (table, 3, 1), ==, "丙研究院");

  /* cue word with a stated count that disagrees */
  g_autoptr (NpDocument) counted = parse (
    "成员单位包括甲公司、乙学院等共八家。\n");
  g_assert_cmpuint (
    warnings_about (counted, "line 1: signing units: the text says 8, found 2"),
    ==, 1);
}

static void
test_units_not_a_list (void)
{
  /* one name is a mention */
  assert_kinds ("簽約單位包括甲公司等共1家單位。\n", "paragraph");
  /* 包括 without a count or a cue word is ordinary prose */
  assert_kinds ("內容包括技能展示、專業體驗、校企對接等。\n", "paragraph");
  /* the list stops at the sentence end */
  assert_kinds ("包括甲公司、乙學院。共3家單位。\n", "paragraph");
}

static void
test_units_in_lead (void)
{
  assert_kinds ("6月18日,包括甲公司、乙學院等2家單位簽約。\n会议由学院副院长主持，各成员单位代表参加。\n",
                "lead units paragraph");
}


/* The names of the first units table, joined by " | ". */
static char *
unit_names (const NpDocument *doc)
{
  int at = find_kind (doc, NP_BLOCK_UNITS);
  if (at < 0)
    return g_strdup ("");
  const NpBlock *table = block_at (doc, at);
  GString *out = g_string_new (NULL);
  for (guint r = 1; r < table->rows->len; r++)
    g_string_append_printf (out, "%s%s", r > 1 ? " | " : "", cell (table, r, 1));
  return g_string_free (out, FALSE);
}

static void
test_units_forms (void)
{
  static const struct {
    const char *text;
    const char *names;
  } cases[] = {
    { "签约单位为:甲公司;乙学院;丙研究院。", "甲公司 | 乙学院 | 丙研究院" },
    { "签约单位有:甲公司,乙学院,丙研究院。", "甲公司 | 乙学院 | 丙研究院" },
    { "会上,甲公司、乙学院和丙研究院三家单位签署了合作协议。",
      "甲公司 | 乙学院 | 丙研究院" },
    { "会上,甲公司、乙学院及丙研究院3家单位签署了合作协议。",
      "甲公司 | 乙学院 | 丙研究院" },
    { "共有5家单位签约,分别是甲公司、乙学院、丙研究院、丁集团和戊协会。",
      "甲公司 | 乙学院 | 丙研究院 | 丁集团 | 戊协会" },
    { "学院分别与甲公司、乙公司等2家企业签订协议。", "甲公司 | 乙公司" },
    { "甲公司、乙学院、丙研究院等共3家单位与集团签署协议。",
      "甲公司 | 乙学院 | 丙研究院" },
    /* 等 inside a name does not end the list */
    { "签约单位有:江岸市第二中等专业学校、甲高等职业技术学院、丙公司。",
      "江岸市第二中等专业学校 | 甲高等职业技术学院 | 丙公司" },
    /* the party before 与 signs too, unless the count leaves it out */
    { "國立甲大學今(26)日與乙公司、丙協會簽署合作備忘錄。",
      "國立甲大學 | 乙公司 | 丙協會" },
    { "國立甲大學今天與乙半導體、丙光電及丁工業3家業者共同簽署備忘錄。",
      "乙半導體 | 丙光電 | 丁工業" },
    /* a comma with its conjunction goes on with the list */
    { "学院与甲公司、乙公司,以及丙学院、丁学校共同签订协议。",
      "甲公司 | 乙公司 | 丙学院 | 丁学校" },
    { "本次簽約的飯店為甲國際酒店、乙度假飯店集團及丙大飯店。",
      "甲國際酒店 | 乙度假飯店集團 | 丙大飯店" },
    /* names before 单位为: the noun's copula opens no list here; 联合
     * inside 联合会 is no verb that ends one */
    { "会议同意吸纳甲公司、乙学校和丙市物流与采购联合会3家单位为集团新成员单位。",
      "甲公司 | 乙学校 | 丙市物流与采购联合会" },
    /* 等首批N家: the batch between 等 and the count */
    { "会上,甲公司、乙学院、丙研究院等首批18家成员单位共同签署章程。",
      "甲公司 | 乙学院 | 丙研究院" },
    /* 及 inside a name in the middle of a 、-list is the name's own */
    { "首批成员单位包括:甲旅遊學院、澳門酒店及飲食業商會、丙協會和丁學院。",
      "甲旅遊學院 | 澳門酒店及飲食業商會 | 丙協會 | 丁學院" },
    /* a post's partners between bars */
    { "合作夥伴:藍灣專業教育學院｜啟航物流有限公司｜海心邨居民協會",
      "藍灣專業教育學院 | 啟航物流有限公司 | 海心邨居民協會" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wide (cases[i].text);
      g_autoptr (NpDocument) doc = parse (text);
      g_autofree char *got = unit_names (doc);
      g_autofree char *want = wide (cases[i].names);
      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_units_lines (void)
{
  static const struct {
    const char *text;
    const char *names;
  } cases[] = {
    { "会上签约。\n签约单位名单如下:\n1. 甲公司\n2. 乙学院\n3. 丙研究院\n双方表示，将以此次签约为契机，深化合作。\n",
      "甲公司 | 乙学院 | 丙研究院" },
    { "会上签约。\n签约单位名单如下:\n①甲公司\n②乙学院\n会议现场\n",
      "甲公司 | 乙学院" },
    { "会上签约。\n签约单位名单如下:\n(1)甲公司\n(2)乙学院\n",
      "甲公司 | 乙学院" },
    { "会上签约。\n签约单位名单如下:\n甲公司\n乙学院\n丙研究院\n",
      "甲公司 | 乙学院 | 丙研究院" },
    { "大会授牌。\n签约单位👇\n🔸甲公司\n🔸乙学院\n", "甲公司 | 乙学院" },
    { "会上签约。\n序号\t单位名称\n1\t甲公司\n2\t乙学院\n", "甲公司 | 乙学院" },
    { "新增成员单位(3家):\n甲公司 乙协会 丙研究院\n", "甲公司 | 乙协会 | 丙研究院" },
    /* bullets before the names go */
    { "會上簽約。\n本次簽約合作廠商如下:\n●甲精密機械股份有限公司\n● 乙光電股份有限公司\n●丙雲端服務有限公司\n",
      "甲精密機械股份有限公司 | 乙光電股份有限公司 | 丙雲端服務有限公司" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wide (cases[i].text);
      g_autoptr (NpDocument) doc = parse (text);
      g_autofree char *got = unit_names (doc);
      g_autofree char *want = wide (cases[i].names);
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpuint (warnings_about (doc, "signing units"), ==, 0);
    }
}

/* A pasted table's further columns are kept, each under its header's
 * name; the serial numbers' column is the table's own. */
static void
test_units_columns (void)
{
  g_autoptr (NpDocument) doc = parse (
    "教育處今日舉辦聯盟成立典禮，邀集區域內院校及企業共同簽署。\n"
    "本次合作備忘錄簽署單位如下：\n"
    "序號\t單位名稱\t代表人\n"
    "1\t國立瀾港科技大學\t校長 陳文彬\n"
    "2\t岳峰精密機械股份有限公司\t董事長 蔡宗翰\n"
    "教育處表示，未來將定期召開聯盟會議，檢視合作成效。\n");
  int at = find_kind (doc, NP_BLOCK_UNITS);
  g_assert_cmpint (at, >=, 0);
  const NpBlock *t = block_at (doc, at);
  g_assert_cmpuint (t->rows->len, ==, 3);
  g_assert_cmpstr (cell (t, 0, 2), ==, "代表人");
  g_assert_cmpstr (cell (t, 1, 1), ==, "國立瀾港科技大學");
  g_assert_cmpstr (cell (t, 1, 2), ==, "校長 陳文彬");
  g_assert_cmpstr (cell (t, 2, 2), ==, "董事長 蔡宗翰");
}

/* A count before a list counts what it names: 三家業者 are not the topics
 * after them; and a sentence that names some of a list's units again
 * makes no second table. */
static void
test_units_not_again (void)
{
  g_autoptr (NpDocument) topics = parse (
    "甲科技大學今日與中部地區三家業者締結合作關係，未來將在實習、專題研究、師資交流及就業媒合等方面展開合作。\n"
    "簽約單位為：乙半導體設備股份有限公司；丙精密機械股份有限公司；丁智慧製造產業發展協會。\n");
  g_assert_cmpuint (count_kind (topics, NP_BLOCK_UNITS), ==, 1);
  g_autoptr (NpDocument) again = parse (
    "6月1日，联盟成立大会召开，首批成员单位共同签署章程。\n"
    "首批成员单位名单如下：\n1、甲职业技术学院\n2、乙重工集团有限公司\n3、丙智能装备股份有限公司\n"
    "大会现场，我院分别与乙重工集团有限公司、丙智能装备股份有限公司签订了订单班培养协议。\n");
  g_assert_cmpuint (count_kind (again, NP_BLOCK_UNITS), ==, 1);
}

/* Two lists, each with its name as the table's title. */
static void
test_units_two_lists (void)
{
  g_autoptr (NpDocument) doc = parse (
    "大会选举产生理事会。\n理事单位:甲公司、乙学院。\n成员单位:丙研究院、丁公司、戊协会。\n");
  g_assert_cmpuint (count_kind (doc, NP_BLOCK_UNITS), ==, 2);
  const NpBlock *first = block_at (doc, find_kind (doc, NP_BLOCK_UNITS));
  g_assert_cmpstr (first->title, ==, "理事单位");
  const NpBlock *last = block_at (doc, doc->blocks->len - 1);
  g_assert_cmpstr (last->title, ==, "成员单位");
  g_assert_cmpuint (last->rows->len, ==, 4);
}

/* Names that did not sign make no table. */
static void
test_units_not_signatories (void)
{
  static const char *const texts[] = {
    /* guests */
    "会上举行签约仪式,市教育局、市工信局、市人社局代表及嘉宾一百余人出席。",
    /* topics */
    "会上签约。各方将围绕智慧港口、冷链物流、跨境电商物流三个方向开展合作。",
    "会上签约。双方将在智能制造、工业检测等领域开展合作。",
    /* exhibitors, not signatories */
    "活動週期間,包括甲職業學校、乙商貿學校、丙衛生學校等共四家單位的學生作品參展。",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = wide (texts[i]);
      g_autoptr (NpDocument) doc = parse (text);
      g_assert_cmpint (find_kind (doc, NP_BLOCK_UNITS), ==, -1);
    }
}

/* Whether the features of report line `line` (np_report_features) name
 * `feature`. */
static gboolean
line_has_feature (const char *text, guint line, const char *feature)
{
  g_autofree char *all = np_report_features (text, FALSE);
  g_auto (GStrv) rows = g_strsplit (all, "\n", -1);
  for (guint i = 0; rows[i]; i++) {
    g_auto (GStrv) cells = g_strsplit (rows[i], "\t", -1);
    if (!cells[0] || (guint) g_ascii_strtoull (cells[0], NULL, 10) != line)
      continue;
    for (guint k = 1; cells[k]; k++)
      if (strcmp (cells[k], feature) == 0)
        return TRUE;
    return FALSE;
  }
  return FALSE;
}

static void
test_features_forms (void)
{
  const char *body = "2025年5月2日，本校與12家企業簽署產學合作備忘錄，攜手培育人才。\n";
  /* breadcrumbs, and the credits that look like them */
  const struct { const char *line; gboolean crumbs; } crumbs[] = {
    { "首頁 / 最新消息 / 校園新聞", TRUE },
    { "首页 > 新闻中心 > 学院要闻", TRUE },
    { "首頁＞學院新聞＞活動花絮", TRUE },
    { "文／張三 攝影／李四 編輯／王五", FALSE },
    { "记者 | 邹雨桐 通讯员 | 黎昊然", FALSE },
    { "供稿：智能制造学院 > 编辑：林小雨 > 审核：陈卫东", FALSE },
  };
  for (guint k = 0; k < G_N_ELEMENTS (crumbs); k++) {
    g_autofree char *text = g_strconcat (crumbs[k].line, "\n", body, NULL);
    g_assert_cmpint (line_has_feature (text, 1, "crumbs"), ==, crumbs[k].crumbs);
  }
  /* an agenda's time opens its row; a date does not */
  g_assert_true (line_has_feature ("09:30-10:20　智慧製造人才培育\n", 1,
                                   "opens:time"));
  g_assert_false (line_has_feature ("會議於09:30開始。\n", 1, "opens:time"));
  /* a time is no heading's number (09:30 is not 09 and a colon), 壹、 is */
  g_assert_false (line_has_feature ("09:30 開幕式\n", 1, "num:heading"));
  g_assert_true (line_has_feature ("壹、活動緣起\n", 1, "num:heading"));
  /* a slogan's parallel phrases, not a sentence's words */
  g_assert_true (line_has_feature ("凝聚产教合力 共育工匠人才\n", 1, "parallel"));
  g_assert_true (line_has_feature ("匠心筑梦·产教同行\n", 1, "parallel"));
  g_assert_false (line_has_feature ("我院牵头成立江州市智能制造产教融合联盟\n", 1,
                                    "parallel"));
  g_assert_false (line_has_feature ("产教同行 共育匠才工匠\n", 1, "parallel"));
  /* a photo credit under a caption, not under a paragraph */
  const char *under = "▲校長與企業代表合影\n攝影：陳嘉穎\n";
  g_assert_true (line_has_feature (under, 2, "credit-under-caption"));
  g_assert_false (line_has_feature ("典禮於上午舉行，由校長主持。\n攝影：陳嘉穎\n", 2,
                                    "credit-under-caption"));
}

static void
test_keynotes_forms (void)
{
  static const struct {
    const char *text;
    const char *speaker, *title;
  } cases[] = {
    { "专家作了主旨报告:\n主旨报告:张三《产教融合的路径》\n", "张三",
      "产教融合的路径" },
    { "講者與講題如下:\n張三(甲大學教授):「技職教育的未來」\n",
      "張三(甲大學教授)", "技職教育的未來" },
    { "会议安排了报告。\n报告人:张三\u3000报告题目:智慧农业发展趋势\n"
      "报告人:李四\u3000报告题目:种业振兴\n",
      "张三", "智慧农业发展趋势" },
    { "研讨会上,专家作主题报告。\n"
      "主题报告一:《智能会计时代的岗位重构》(主讲:张三,甲大学教授)\n",
      "张三,甲大学教授", "智能会计时代的岗位重构" },
    { "年会设主旨报告环节:\n时间\t报告人\t报告题目\n9:30\t张三\t数字孪生赋能实训\n",
      "张三", "数字孪生赋能实训" },
    /* an agenda without a header: cells typed by what they hold */
    { "论坛议程如下:\n"
      "9:00—9:30  开幕式  主持人:嘉川职业技术学院副院长 邓明远\n"
      "9:30—10:10  主旨报告《数字化转型背景下的教学改革》  报告人:郑国华 研究所所长\n"
      "10:20—11:00  主旨报告《产业数字化对技能人才的新要求》  报告人:贺小川 首席技术官\n",
      "郑国华 研究所所长", "数字化转型背景下的教学改革" },
    /* the title first, its speaker after a dash and a key */
    { "会议邀请两位专家作主旨报告:\n"
      "报告一:《智能制造背景下的专业群建设》——报告人:张三 研究所所长\n"
      "报告二:《企业参与人才培养的实践》——报告人:李四 人力资源总监\n",
      "张三 研究所所长", "智能制造背景下的专业群建设" },
    /* a header with the title before the speaker, one space after the
     * time where the columns were aligned */
    { "論壇安排專題演講,場次如下:\n"
      "時間\u3000\u3000\u3000講題\u3000\u3000\u3000\u3000主講人\n"
      "09:30-10:20\u3000智慧製造人才培育\u3000\u3000王大明 理事長\n"
      "10:30-11:20\u3000AI導入中小企業的實務經驗\u3000\u3000李淑芬 總經理\n",
      "王大明 理事長", "智慧製造人才培育" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wide (cases[i].text);
      g_autoptr (NpDocument) doc = parse (text);
      int at = find_kind (doc, NP_BLOCK_KEYNOTES);
      g_assert_cmpint (at, >=, 0);
      g_autofree char *speaker = wide (cases[i].speaker);
      g_autofree char *title = wide (cases[i].title);
      /* an agenda's time, when the rows have one, is the first column */
      const NpBlock *t = block_at (doc, at);
      guint who = g_strv_length (g_ptr_array_index (t->rows, 0)) == 3;
      guint r = 1; /* the first talk: an agenda's opening has no speaker */
      while (r + 1 < t->rows->len && !*cell (t, r, who))
        r++;
      g_assert_cmpstr (cell (t, r, who), ==, speaker);
      g_assert_cmpstr (cell (t, r, who + 1), ==, title);
    }
  /* an agenda's times are a column, and its breaks rows without a
   * speaker: nothing is left out */
  g_autoptr (NpDocument) agenda = parse (
    "論壇於3月21日在臺北舉行，共有162人參加，會員學校代表與企業代表齊聚一堂。\n"
    "論壇安排專題演講，場次如下：\n"
    "時間\u3000\u3000\u3000講題\u3000\u3000\u3000\u3000主講人\n"
    "09:30-10:20\u3000智慧製造人才培育\u3000\u3000王大明 理事長\n"
    "10:20-10:30\u3000茶敘交流\n"
    "10:30-11:20\u3000AI導入中小企業的實務經驗\u3000\u3000李淑芬 總經理\n"
    "與會代表圍繞跨境實習、課程互認及師資交流等議題深入討論。\n");
  int at = find_kind (agenda, NP_BLOCK_KEYNOTES);
  g_assert_cmpint (at, >=, 0);
  const NpBlock *t = block_at (agenda, at);
  g_assert_cmpstr (cell (t, 0, 0), ==, "時間");
  g_assert_cmpstr (cell (t, 1, 0), ==, "09:30-10:20");
  g_assert_cmpstr (cell (t, 1, 1), ==, "王大明 理事長");
  g_assert_cmpstr (cell (t, 1, 2), ==, "智慧製造人才培育");
  g_assert_cmpuint (t->rows->len, ==, 4);
  /* a row with more than its title and speaker keeps every cell */
  g_autoptr (NpDocument) more = parse (
    "论坛议程如下：\n"
    "9:30—10:10  主旨报告《数字化转型的教学改革》  报告人：郑国华 所长  201会议室\n"
    "10:20—11:00  主旨报告《产业数字化的新要求》  报告人：贺小川 总监  202会议室\n");
  at = find_kind (more, NP_BLOCK_KEYNOTES);
  g_assert_cmpint (at, >=, 0);
  const NpBlock *m = block_at (more, at);
  g_autofree char *row = g_strjoinv (" ", g_ptr_array_index (m->rows, 1));
  g_assert_nonnull (strstr (row, "201会议室"));
  g_assert_nonnull (strstr (row, "郑国华 所长"));
  g_assert_nonnull (strstr (row, "数字化转型的教学改革"));
  g_assert_cmpstr (cell (t, 2, 1), ==, "");
  g_assert_cmpstr (cell (t, 2, 2), ==, "茶敘交流");
  g_assert_cmpint (find_text (agenda, "10:20-10:30\u3000茶敘交流"), ==, -1);
  /* a talk named in a sentence stays prose */
  assert_kinds ("会上,张三作题为《产教融合的路径》的报告。\n会议由学院副院长主持，各成员单位代表参加。\n",
                "paragraph paragraph");
}

static void
test_keynotes_sentences (void)
{
  /* four talks in one sentence: speakers and titles in order */
  g_autoptr (NpDocument) one = parse (
    "5月17日，联盟论坛在学院举行，来自各地的300余名代表参加论坛。\n"
    "在主旨报告环节，甲大学教授、研究中心主任王明哲，乙研究院院长钟丽萍分别作了题为"
    "《政策演进与实践走向》《联合体建设的关键问题》的主旨报告。\n"
    "会议由学院副院长主持，各成员单位代表参加。\n");
  int at = find_kind (one, NP_BLOCK_KEYNOTES);
  g_assert_cmpint (at, ==, -1); /* a comma between them: not 、, no table */
  g_assert_cmpuint (warnings_about (one, "not as many speakers"), ==, 1);

  g_autoptr (NpDocument) listed = parse (
    "5月17日，联盟论坛在学院举行，来自各地的300余名代表参加论坛。\n"
    "在主旨报告环节，甲大学教授、研究中心主任王明哲、乙研究院院长钟丽萍分别作了题为"
    "《政策演进与实践走向》《联合体建设的关键问题》的主旨报告。\n"
    "会议由学院副院长主持，各成员单位代表参加。\n");
  at = find_kind (listed, NP_BLOCK_KEYNOTES);
  g_assert_cmpint (at, >, find_kind (listed, NP_BLOCK_PARAGRAPH));
  const NpBlock *t = block_at (listed, at);
  g_assert_cmpuint (t->rows->len, ==, 3);
  g_assert_cmpstr (cell (t, 1, 0), ==, "甲大学教授、研究中心主任王明哲");
  g_assert_cmpstr (cell (t, 1, 1), ==, "政策演进与实践走向");
  g_assert_cmpstr (cell (t, 2, 0), ==, "乙研究院院长钟丽萍");
  g_assert_cmpstr (cell (t, 2, 1), ==, "联合体建设的关键问题");

  /* one talk in each of three paragraphs of a section: one table */
  g_autoptr (NpDocument) three = parse (
    "6月15日，数字商贸论坛在杭州举行，400余名代表齐聚一堂。\n"
    "甲学院教授方景明作题为《商贸类专业的重构与升级》的主旨报告。他指出，新业态快速发展。\n"
    "乙集团副总裁任佳琪作题为《从“货找人”到“人找货”》的主旨报告。她分析了岗位能力的变化。\n"
    "丙学院副院长宁海波以《专业群建设的探索》为题作了报告，分享了学院的做法。\n"
    "会议由学院副院长主持，各成员单位代表参加。\n");
  at = find_kind (three, NP_BLOCK_KEYNOTES);
  g_assert_cmpint (at, >=, 0);
  t = block_at (three, at);
  g_assert_cmpuint (t->rows->len, ==, 4);
  g_assert_cmpstr (cell (t, 2, 1), ==, "从“货找人”到“人找货”");
  g_assert_cmpstr (cell (t, 3, 0), ==, "丙学院副院长宁海波");
  /* the paragraphs keep their words */
  g_assert_cmpint (find_kind (three, NP_BLOCK_KEYNOTES), ==, at);
  for (guint k = 0; k < three->blocks->len; k++)
    g_assert (block_at (three, k)->kind != NP_BLOCK_KEYNOTES || k == (guint) at);
}

static void
test_caption_marks (void)
{
  static const struct {
    const char *line;
    const char *caption;
    const char *credit; /* NULL: none */
  } cases[] = {
    { "▲ 签约仪式现场", "签约仪式现场", NULL },
    { "(图:校企代表签署合作协议)", "校企代表签署合作协议", NULL },
    { "【图】签约现场", "签约现场", NULL },
    { "图为签约仪式现场。", "图为签约仪式现场。", NULL },
    { "图1 年会现场", "图1 年会现场", NULL },
    { "圖說:與會貴賓合影。", "與會貴賓合影。", NULL },
    { "图为学生操作训练。新华社记者 张三 摄", "图为学生操作训练。",
      "新华社记者 张三 摄" },
    { "▲學生示範高空救援(記者林靜宜攝)", "學生示範高空救援", "(記者林靜宜攝)" },
    /* a bracketed number before it: the wrapper goes */
    { "(图一) 市教育局副局长(左二)为联盟揭牌", "市教育局副局长(左二)为联盟揭牌", NULL },
    { "(圖二)教育局副局長見證聯盟成員簽署備忘錄。", "教育局副局長見證聯盟成員簽署備忘錄。", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("2025年4月26日,大会召开。\n%s\n会议由学院副院长主持，各成员单位代表参加。\n",
                                               cases[i].line);
      g_autofree char *input = wide (text);
      g_autoptr (NpDocument) doc = parse (input);
      const NpBlock *b = block_at (doc, 1);
      g_autofree char *caption = wide (cases[i].caption);
      g_assert_cmpuint (b->kind, ==, NP_BLOCK_CAPTION);
      g_assert_cmpstr (b->text, ==, caption);
      g_autofree char *credit = cases[i].credit ? wide (cases[i].credit) : NULL;
      g_assert_cmpstr (b->credit, ==, credit);
    }
  /* a photo credit on the line under it belongs to the caption */
  g_autoptr (NpDocument) doc = parse ("2025年4月26日，大会召开。\n嘉宾合影\n摄影：张三\n会议由学院副院长主持，各成员单位代表参加。\n");
  g_assert_cmpstr (block_at (doc, 1)->credit, ==, "摄影：张三");
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==, "lead caption paragraph");

  /* 圖片： alone over a press release's captions is no caption of its own */
  g_autoptr (NpDocument) labelled = parse (
    "教育局副局長今日出席聯盟成立典禮，並於典禮上致辭，勉勵業界與院校攜手培育人才。\n"
    "典禮上，聯盟成員代表簽署合作備忘錄，承諾未來三年合共提供五百個實習名額。\n"
    "圖片：\n"
    "（圖一）教育局副局長今日在成立典禮上致辭。\n"
    "（圖二）教育局副局長與主禮嘉賓見證聯盟成員簽署合作備忘錄。\n"
    "完\n");
  for (guint k = 0; k < labelled->blocks->len; k++)
    g_assert_cmpstr (block_at (labelled, k)->text, !=, "圖片：");
  g_assert_cmpint (find_kind (labelled, NP_BLOCK_CAPTION), >=, 0);
}

/* In a WeChat copy, empty lines mark pictures: a caption stands after
 * one, and a short line elsewhere is not taken for one. */
static void
test_caption_pictures (void)
{
  g_autoptr (NpDocument) doc = parse (
    "2025年4月26日，大会召开。\n"
    "院长致辞。她表示，学院将深化合作。\n"
    "\n"
    "院长致辞\n"
    "会议审议了章程。\n"
    "聚焦产业需求\n"
    "会议要求，各单位抓好落实。\n"
    "\n"
    "嘉宾合影\n");
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==,
                   "lead paragraph caption paragraph paragraph paragraph caption");
}

static void
test_credit_end_forms (void)
{
  static const struct {
    const char *end;
    const char *kinds;
    const char *publisher;
  } cases[] = {
    { "（甲学院宣传部 供稿）", "lead paragraph credit", "甲学院宣传部" },
    { "甲学院宣传部供稿", "lead paragraph credit", "甲学院宣传部" },
    { "文字丨张三\n图片丨李四\n编辑丨王五", "lead paragraph credit credit credit",
      NULL },
    { "（新聞來源：港都時報，2025-04-26）", "lead paragraph credit", "港都時報" },
    { "（編輯：陳怡君）1140312", "lead paragraph credit", NULL },
    { "甲联盟秘书处\n2025年3月18日", "lead paragraph signature signature", NULL },
    { "（完）\n2025年4月26日（星期六）\n香港時間18時30分",
      "lead paragraph signature signature", NULL },
    { "来源：甲学院\n阅读原文\n微信扫一扫\n关注该公众号", "lead paragraph credit",
      "甲学院" },
    { "供稿：甲学院\n往期推荐\n甲学院召开年会\n乙联盟成立", "lead paragraph credit",
      "甲学院" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("2025年4月26日，大会召开。\n会议由学院副院长主持，各成员单位代表参加。\n%s\n",
                                               cases[i].end);
      g_autoptr (NpDocument) doc = parse (text);
      g_autofree char *got = kinds (doc);
      g_assert_cmpstr (got, ==, cases[i].kinds);
      g_assert_cmpstr (doc->publisher, ==, cases[i].publisher);
    }
}

static void
test_headline_title_block (void)
{
  g_autoptr (NpDocument) news = parse (
    "搭建校企协同育人“立交桥”\n"
    "江岸市组建智能制造产教融合共同体\n"
    "——首批8家单位签约共建\n"
    "本报记者 林晓岚　通讯员 郑书恒\n"
    "本报讯 4月26日，江岸市智能制造产教融合共同体成立。\n"
    "会议由学院副院长主持，各成员单位代表参加。\n");
  g_assert_cmpstr (news->kicker, ==, "搭建校企协同育人“立交桥”");
  g_assert_cmpstr (news->headline, ==, "江岸市组建智能制造产教融合共同体");
  g_assert_cmpstr (news->subtitle, ==, "——首批8家单位签约共建");
  g_assert_cmpstr (news->byline, ==, "本报记者 林晓岚　通讯员 郑书恒");
  g_assert_cmpuint (block_at (news, 0)->kind, ==, NP_BLOCK_LEAD);

  /* a title its writer broke over two lines */
  g_autoptr (NpDocument) broken = parse (
    "青屿职业技术学院在2025年全省职业院校技能大赛中\n"
    "荣获一等奖4项\n"
    "\n"
    "2025年5月20日，省教育厅公布获奖名单。\n");
  g_assert_cmpstr (broken->headline, ==,
                   "青屿职业技术学院在2025年全省职业院校技能大赛中荣获一等奖4项");
  g_assert_null (broken->kicker);

  /* a post: the page's name and time stamp, the title in 【】 with tags */
  g_autoptr (NpDocument) post = parse (
    "南屿交通职业学院\n"
    "3小时前 来自 微博网页版\n"
    "【南屿联盟扩容 新增十二家成员单位】#产教融合# #职业教育#\n"
    "2025年5月18日下午，联盟年度工作会议召开。\n");
  g_assert_cmpstr (post->headline, ==, "南屿联盟扩容 新增十二家成员单位");
  g_assert_cmpuint (warnings_about (post, "dropped 2 lines"), ==, 1);

  /* a WeChat column's tag before the bar: the kicker, not the headline */
  g_autoptr (NpDocument) tagged = parse (
    "会议速递｜2025数字商贸产教融合创新发展论坛在杭举行\n"
    "6月15日，数字商贸论坛在杭州举行，400余名代表齐聚一堂。\n");
  g_assert_cmpstr (tagged->headline, ==, "2025数字商贸产教融合创新发展论坛在杭举行");
  g_assert_cmpstr (tagged->kicker, ==, "会议速递");
  /* a bar inside a title's words is no tag: 聚力·共生·向新 is too long */
  g_autoptr (NpDocument) slogan = parse (
    "聚力·共生·向新｜青禾现代农业产教联合体年会举行\n"
    "6月15日，年会在学院举行，400余名代表齐聚一堂。\n");
  g_assert_cmpstr (slogan->headline, ==, "聚力·共生·向新｜青禾现代农业产教联合体年会举行");
  /* a bracketed tag: 【活動花絮】 the kicker, the rest the headline */
  g_autoptr (NpDocument) bracketed = parse (
    "【活動花絮】職專學界攜手 培育創科人才——交流日圓滿舉行\n"
    "由本會主辦的交流日已於3月16日圓滿舉行，三百多名師生參與。\n");
  g_assert_cmpstr (bracketed->headline, ==, "職專學界攜手 培育創科人才——交流日圓滿舉行");
  g_assert_cmpstr (bracketed->kicker, ==, "活動花絮");

  /* one headline: an office's name over a press release is not a second
   * one, and the title under it wins whatever the first line's score */
  const char *const offices[] = {
    "瀾港縣政府教育處 新聞稿\n",
    "山城工程职业技术学院\n",
  };
  for (guint k = 0; k < G_N_ELEMENTS (offices); k++) {
    g_autofree char *text = g_strconcat (
      offices[k],
      "發布日期：113年3月22日\n"
      "技職校院攜手在地產業 「瀾港智慧製造產學聯盟」正式成立\n"
      "為強化技職教育與在地產業鏈結，教育處今（22）日舉辦聯盟成立典禮，邀集區域內院校及企業共同簽署。\n"
      "林處長表示，智慧製造是本縣產業轉型的關鍵，唯有學校與企業緊密合作，才能培養符合產業需求的技術人才。\n"
      "依據備忘錄，各校將與企業共建實作場域，推動業師協同教學，並建立學生職場體驗與就業媒合機制。\n"
      "教育處表示，未來將定期召開聯盟會議，檢視合作成效，並擴大邀請更多企業加入。\n", NULL);
    g_autoptr (NpDocument) release = parse (text);
    g_assert_cmpstr (release->headline, ==,
                     "技職校院攜手在地產業 「瀾港智慧製造產學聯盟」正式成立");
  }

  /* a forwarded e-mail's header, greeting and note over the report */
  g_autoptr (NpDocument) mail = parse (
    "发件人：\"周晓琳\"<zhouxiaolin@example.edu.cn>;\n"
    "发送时间：2025年3月9日(星期日) 下午3:12\n"
    "收件人：\"联盟秘书处\"<office@example.com>;\n"
    "主题：转发：关于我院承办产教融合论坛的情况报告\n"
    "秘书处各位老师：\n"
    "附上我院论坛新闻稿，请审阅。谢谢！\n"
    "清溪职业技术学院成功承办第三届产教融合发展论坛\n"
    "3月7日至8日，由产教融合联盟主办、清溪职业技术学院承办的第三届产教融合发展论坛举行，200余名代表参加。\n"
    "开幕式由我院副院长孟凡杰主持，副市长方明到会致辞。\n");
  g_assert_cmpstr (mail->headline, ==, "清溪职业技术学院成功承办第三届产教融合发展论坛");
  g_assert_cmpuint (mail->dropped->len, ==, 6);
}

static void
test_items_and_heads (void)
{
  /* items after a lead-in, one per line, never captions */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n会议明确了三项任务：\n1. 完善机制\n2. 共建基地\n3. 开发课程\n会议由学院副院长主持，各成员单位代表参加。\n",
                "paragraph paragraph item item item paragraph");
  /* a short numbered line over its own paragraph is a head */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n1.课程设置紧贴岗位\n课程由校企双方共同开发，每门课都对应一个岗位。\n",
                "paragraph heading paragraph");
  /* keycap numbers */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n1️⃣ 联合体揭牌\n大会为联合体揭牌，这是一个新的开始。\n",
                "paragraph heading paragraph");
  /* appendix heads and bracketed labels */
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n附：2025年工作要点\n1、开展培训\n2、组织竞赛\n",
                "paragraph heading item item");
  assert_kinds ("会议由学院副院长主持，各成员单位代表参加。\n【开幕式】启幕职教之约\n会议由学院副院长主持，各成员单位代表参加。\n",
                "paragraph heading paragraph");
}

/* Hard-wrapped or one paragraph per line, by the file's look. */
static void
test_paragraphs_conventions (void)
{
  /* hard-wrapped at one width, cut in mid-sentence: joined */
  g_autoptr (NpDocument) wrapped = parse (
    "2025年4月26日，江屿市新能源汽车产教融合共同体成立仪式在\n"
    "江屿职业技术学院举行。来自二十多家企业和院校的代表参加了\n"
    "仪式，共同见证了共同体的成立。\n"
    "\n"
    "与会代表围绕课程建设和实训基地共享展开讨论，形成了三项共\n"
    "识，并商定了下一步的工作安排和联络机制，会议取得圆满成功。\n");
  g_assert_cmpuint (wrapped->blocks->len, ==, 2);
  /* one paragraph per line, empty lines only where pictures stood */
  g_autoptr (NpDocument) lines = parse (
    "2025年4月26日，江屿市新能源汽车产教融合共同体成立仪式举行。\n"
    "来自二十多家企业和院校的代表参加了仪式。\n"
    "\n"
    "仪式现场\n"
    "与会代表围绕课程建设展开讨论，形成了三项共识。\n");
  g_autofree char *got = kinds (lines);
  g_assert_cmpstr (got, ==, "lead paragraph caption paragraph");
  /* a notice of heads and items, one per line: its title and a contact
   * line happen to be about one width, which makes no wrapped file */
  g_autoptr (NpDocument) notice = parse (
    "关于召开长三角数字商贸产教联盟2025年度理事会的通知\n"
    "各理事单位：\n"
    "为总结联盟2024年工作，经联盟理事长办公会研究，定于2025年4月18日召开理事会。现将有关事项通知如下：\n"
    "一、会议时间\n"
    "2025年4月18日（星期五）9:00—16:30，会期1天。\n"
    "二、会议地点\n"
    "嘉禾会展中心三楼B厅（嘉禾市南湖区会展路88号）\n"
    "三、其他事项\n"
    "1．请各理事单位于4月10日前将参会回执发送至联盟秘书处邮箱。\n"
    "2．会议地点停车位有限，建议乘坐公共交通前往。\n"
    "联系人：吴佳琪  0573-82216530  13857301256\n"
    "        陆嘉伟  0573-82216531\n"
    "附件：长三角数字商贸产教联盟2025年度理事会参会回执\n"
    "长三角数字商贸产教联盟秘书处\n"
    "2025年3月25日\n");
  g_assert_cmpstr (notice->headline, ==,
                   "关于召开长三角数字商贸产教联盟2025年度理事会的通知");
  for (guint i = 0; i < notice->blocks->len; i++) {
    const char *t = block_at (notice, i)->text;
    g_assert_true (!t || !strstr (t, "陆嘉伟") || !strstr (t, "联系人"));
    g_assert_true (!t || !strstr (t, "附件") || !strstr (t, "秘书处"));
  }
}

static void
test_editor_marks (void)
{
  g_autoptr (NpDocument) doc = parse (
    "2025年4月26日，大会召开。\n"
    "@@小标题 学院简介\n"
    "学院始建于1958年。\n"
    "＠＠图注：院长致辞。\n"
    "@@正文 嘉宾合影\n"
    "@@单位 本次协办方有甲公司、乙学院。\n"
    "@@删除 本文不印的一行\n"
    "@@条目 一是完善机制\n"
    "@@署名 （撰稿：张三）\n"
    "@@foo 未知的标记读作会议由学院副院长主持，各成员单位代表参加。\n");
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==,
                   "lead heading paragraph caption paragraph paragraph units "
                   "item paragraph credit");
  g_assert_cmpstr (block_at (doc, 1)->text, ==, "学院简介");
  g_assert_cmpstr (block_at (doc, 3)->text, ==, "院长致辞。");
  g_assert_cmpstr (block_at (doc, 3)->rule, ==, "caption: @@图注");
  g_assert_cmpuint (warnings_about (doc, "@@ mark not known"), ==, 1);
  g_autofree char *names = unit_names (doc);
  g_assert_cmpstr (names, ==, "甲公司 | 乙学院");

  /* front matter says what the text cannot */
  g_autoptr (NpDocument) front = parse ("---\ntitle: 标题\nsubtitle: ——副题\n"
                                        "credit: （供稿：甲学院）\n---\n"
                                        "会议由学院副院长主持，各成员单位代表参加。\n文字：张三\n");
  g_assert_cmpstr (front->subtitle, ==, "——副题");
  g_autofree char *front_kinds = kinds (front);
  g_assert_cmpstr (front_kinds, ==, "paragraph credit");
  g_assert_cmpstr (block_at (front, 1)->text, ==, "（供稿：甲学院）");
}

/* A report whose every line is the page's is no report. */
static void
test_empty_after_dropping (void)
{
  GError *error = NULL;
  NpDocument *doc = np_report_parse ("阅读原文\n微信扫一扫\n", "junk.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_true (g_str_has_prefix (error->message, "junk.txt: no text of the report"));
  g_clear_error (&error);
}

/* ---- whole reports in tests/cases ---------------------------------------- */

static void
test_case_simplified_blankline (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = np_test_read (cases_path ("simplified-blankline.txt",
                                                    &path));
  g_autoptr (NpDocument) doc = parse (text);
  g_autofree char *got = kinds (doc);
  g_assert_cmpstr (got, ==,
                   "lead paragraph caption heading paragraph heading "
                   "paragraph units caption paragraph keynotes credit");
  g_assert_cmpuint (doc->script, ==, NP_SCRIPT_HANS);
  g_assert_cmpstr (doc->date, ==, "2024年11月5日");
  g_assert_cmpstr (doc->headline, ==,
                   "江屿市新能源汽车产教融合共同体成立仪式在江屿职业技术学院举行");
  g_assert_cmpstr (doc->publisher, ==, "江屿职业技术学院");
  g_assert_true (g_str_has_suffix (block_at (doc, 0)->text,
                                   "来自 20 多家企业和院校的代表参加了仪式。"));
  g_assert_true (g_str_has_prefix (block_at (doc, 1)->text,
                                   "与会代表围绕 battery management system 课程"));
  g_assert_cmpuint (block_at (doc, 1)->line, ==, 5);
  g_assert_cmpuint (block_at (doc, 2)->line, ==, 9);
  const NpBlock *units = block_at (doc, 7);
  g_assert_cmpuint (units->rows->len, ==, 5);
  g_assert_cmpstr (cell (units, 2, 1), ==, "江屿动力电池有限公司");
  g_assert_cmpstr (units->rule, ==, "units 4 · list name");
  g_assert_cmpuint (block_at (doc, 10)->rows->len, ==, 2);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

static void
test_case_traditional_lines (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = np_test_read (cases_path ("traditional-lines.txt",
                                                    &path));
  g_autoptr (NpDocument) doc = parse (text);
  g_autofree char *got = kinds (doc);
  /* the schools on show did not sign: no table of units */
  g_assert_cmpstr (got, ==,
                   "lead paragraph caption heading paragraph paragraph "
                   "paragraph credit");
  g_assert_cmpuint (doc->script, ==, NP_SCRIPT_HANT);
  g_assert_cmpstr (doc->headline, ==, "青禾市職業教育活動週開幕");
  g_assert_cmpstr (doc->issue, ==, "第 7 期");
  g_assert_cmpstr (doc->masthead, ==, "青禾職教通訊");
  g_assert_cmpstr (doc->date, ==, "2024年5月10日");
  g_assert_cmpstr (doc->publisher, ==, "青禾市教育局");
  g_assert_true (g_str_has_prefix (block_at (doc, 0)->text, "二〇二四年"));
  g_assert_cmpuint (block_at (doc, 0)->line, ==, 8);
  /* the front matter's fault, and no other but a reading the text leaves
   * open (perhaps …) */
  g_assert_cmpuint (warnings_about (doc, "front matter"), ==, 1);
  g_assert_cmpuint (doc->warnings->len - warnings_about (doc, "perhaps"), ==,
                    1);
  g_assert_true (g_str_has_prefix (
    warning_at (doc, 0), "line 6: front matter: unknown key \"color\""));
}

static void
test_case_example (void)
{
  g_autofree char *path = g_build_filename (np_test_source_dir (), "examples",
                                            "report.txt", NULL);
  g_autofree char *text = np_test_read (path);
  g_autoptr (NpDocument) doc = parse (text);
  g_assert_cmpuint (doc->script, ==, NP_SCRIPT_HANT);
  g_assert_nonnull (doc->headline);
  g_assert_nonnull (doc->date);
  g_assert_nonnull (doc->publisher);
  g_assert_cmpuint (block_at (doc, 0)->kind, ==, NP_BLOCK_LEAD);
  g_assert_cmpuint (block_at (doc, doc->blocks->len - 1)->kind, ==,
                    NP_BLOCK_CREDIT);
  g_assert_cmpuint (count_kind (doc, NP_BLOCK_CAPTION), >=, 5);
  g_assert_cmpuint (count_kind (doc, NP_BLOCK_KEYNOTES), ==, 1);
  g_assert_cmpuint (count_kind (doc, NP_BLOCK_UNITS), ==, 1);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* ---- errors -------------------------------------------------------------- */

static void
test_empty (void)
{
  static const char *const texts[] = {
    "", "\n\n", "  \t\n\u3000\u3000\n", "---\ntitle: 空\n---\n\n",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GError *error = NULL;
      NpDocument *doc = np_report_parse (texts[i], "empty.txt", &error);
      g_assert_null (doc);
      g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
      g_assert_cmpstr (error->message, ==, "empty.txt: the report is empty");
      g_clear_error (&error);
    }
}

/* ---- script -------------------------------------------------------------- */

static void
test_script_detect (void)
{
  g_assert_cmpuint (np_script_detect ("這個會議說明了產業發展。"), ==,
                    NP_SCRIPT_HANT);
  g_assert_cmpuint (np_script_detect ("这个会议说明了产业发展。"), ==,
                    NP_SCRIPT_HANS);
  /* characters both scripts write are not evidence: a tie is Traditional */
  g_assert_cmpuint (np_script_detect ("后面干里台上"), ==, NP_SCRIPT_HANT);
  g_assert_cmpuint (np_script_detect (""), ==, NP_SCRIPT_HANT);
  g_assert_cmpuint (np_script_detect ("plain ASCII 🎉"), ==, NP_SCRIPT_HANT);
  g_assert_cmpuint (np_script_detect ("這個 这个"), ==, NP_SCRIPT_HANT);
  /* the majority wins in mixed text */
  g_assert_cmpuint (np_script_detect ("學校 这个会议说明"), ==,
                    NP_SCRIPT_HANS);
  g_assert_cmpuint (np_script_detect ("後來 裡面 發展 國際 機構"), ==,
                    NP_SCRIPT_HANT);
}

/* ---- the model and its JSON dump ----------------------------------------- */

static void
test_document_api (void)
{
  g_autoptr (NpDocument) doc = np_document_new ();
  g_assert_cmpuint (doc->script, ==, NP_SCRIPT_HANT);
  NpBlock *text = np_document_add_text (doc, NP_BLOCK_PARAGRAPH, "段落", 3);
  g_assert_cmpstr (text->text, ==, "段落");
  g_assert_null (text->rows);
  g_assert_cmpuint (text->line, ==, 3);

  NpBlock *table = np_document_add_table (doc, NP_BLOCK_UNITS, 4);
  g_assert_null (table->text);
  const char *row[] = { "1", "甲" };
  np_block_add_row (table, row, 2);
  np_block_add_row (table, row, 1);
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (table->rows, 1)), ==, 1);

  np_document_warn (doc, 7, "found %d", 2);
  np_document_warn (doc, 0, "whole report");
  g_assert_cmpstr (warning_at (doc, 0), ==, "line 7: found 2");
  g_assert_cmpstr (warning_at (doc, 1), ==, "whole report");

  g_assert_cmpstr (text->rule, ==, "paragraph");
  np_block_set_rule (text, "paragraph: %s", "plain");
  g_assert_cmpstr (text->rule, ==, "paragraph: plain");

  static const char *const names[] = {
    "lead", "paragraph", "heading", "item", "caption", "keynotes", "units",
    "credit", "signature",
  };
  for (int kind = NP_BLOCK_LEAD; kind <= NP_BLOCK_SIGNATURE; kind++)
    g_assert_cmpstr (np_block_kind_name (kind), ==, names[kind]);
  g_assert_cmpstr (np_script_name (NP_SCRIPT_HANT), ==, "zh-Hant");
  g_assert_cmpstr (np_script_name (NP_SCRIPT_HANS), ==, "zh-Hans");
}

/* Objects freed half built, as a failing stage leaves them: a table with
 * no rows, a block with no text, a document with warnings and no blocks
 * (the sanitizers and valgrind see any leak); and NULL, which every free
 * of the engine accepts for the error paths' sake. */
static void
test_free_partial (void)
{
  NpDocument *doc = np_document_new ();
  np_document_add_table (doc, NP_BLOCK_UNITS, 3);
  NpBlock *empty = np_document_add_text (doc, NP_BLOCK_CAPTION, "", 1);
  g_clear_pointer (&empty->text, g_free);
  np_document_warn (doc, 1, "half built");
  g_assert_cmpuint (doc->blocks->len, ==, 2);
  np_document_free (doc);

  doc = np_document_new ();
  doc->headline = g_strdup ("只有標題");
  np_document_free (doc);

  np_document_free (NULL);
  np_cues_free (NULL);
  np_emoji_free (NULL);
  np_fonts_free (NULL);
  np_pages_free (NULL);
  np_photo_free (NULL);
  np_paragraph_free (NULL);
  np_story_free (NULL);
  np_style_free (NULL);
  np_subsets_free (NULL);
}

static void
test_json_layout (void)
{
  g_autoptr (NpDocument) doc = np_document_new ();
  doc->headline = g_strdup ("標題");
  doc->date = g_strdup ("2024年6月18日");
  np_document_add_text (doc, NP_BLOCK_LEAD, "導語。", 1);
  NpBlock *caption = np_document_add_text (doc, NP_BLOCK_CAPTION, "合影", 2);
  caption->credit = g_strdup ("攝影:張三");
  NpBlock *table = np_document_add_table (doc, NP_BLOCK_KEYNOTES, 2);
  np_block_set_rule (table, "keynotes 1 · labelled");
  const char *header[] = { "報告人", "報告題目" };
  const char *row[] = { "張三", "題目" };
  np_block_add_row (table, header, 2);
  np_block_add_row (table, row, 2);
  np_document_warn (doc, 2, "note");

  g_autofree char *json = np_document_to_json (doc);
  g_assert_cmpstr (json, ==,
                   "{\n"
                   "  \"headline\": \"標題\",\n"
                   "  \"headline_rule\": null,\n"
                   "  \"kicker\": null,\n"
                   "  \"subtitle\": null,\n"
                   "  \"byline\": null,\n"
                   "  \"masthead\": null,\n"
                   "  \"issue\": null,\n"
                   "  \"date\": \"2024年6月18日\",\n"
                   "  \"publisher\": null,\n"
                   "  \"script\": \"zh-Hant\",\n"
                   "  \"blocks\": [\n"
                   "    {\n"
                   "      \"kind\": \"lead\",\n"
                   "      \"line\": 1,\n"
                   "      \"rule\": \"lead\",\n"
                   "      \"text\": \"導語。\"\n"
                   "    },\n"
                   "    {\n"
                   "      \"kind\": \"caption\",\n"
                   "      \"line\": 2,\n"
                   "      \"rule\": \"caption\",\n"
                   "      \"credit\": \"攝影:張三\",\n"
                   "      \"text\": \"合影\"\n"
                   "    },\n"
                   "    {\n"
                   "      \"kind\": \"keynotes\",\n"
                   "      \"line\": 2,\n"
                   "      \"rule\": \"keynotes 1 · labelled\",\n"
                   "      \"rows\": [\n"
                   "        [\"報告人\", \"報告題目\"],\n"
                   "        [\"張三\", \"題目\"]\n"
                   "      ]\n"
                   "    }\n"
                   "  ],\n"
                   "  \"dropped\": [],\n"
                   "  \"warnings\": [\n"
                   "    \"line 2: note\"\n"
                   "  ]\n"
                   "}\n");
}

static void
test_json_empty_document (void)
{
  g_autoptr (NpDocument) doc = np_document_new ();
  g_autofree char *json = np_document_to_json (doc);
  g_assert_true (strstr (json, "  \"blocks\": [],\n") != NULL);
  g_assert_true (g_str_has_suffix (json, "  \"warnings\": []\n}\n"));
}

/* Characters JSON must escape, and the ones a careless writer breaks:
 * quotes, backslashes, every C0 control, DEL, U+2028/U+2029 and emoji
 * beyond the BMP come back from a JSON reader as they went in. */
static void
test_json_escapes (void)
{
  g_autoptr (NpDocument) doc = np_document_new ();
  doc->headline = g_strdup ("他說\"好\\壞\"\t\n\x01了");
  g_autofree char *json = np_document_to_json (doc);
  g_assert_nonnull (strstr (
    json, "\"headline\": \"他說\\\"好\\\\壞\\\"\\u0009\\u000a\\u0001了\",\n"));

  GString *awkward = g_string_new ("引號\"、反斜線\\、/斜線");
  for (char c = 1; c < 0x20; c++)
    g_string_append_c (awkward, c);
  g_string_append (awkward, "\x7f 行\u2028段\u2029 👩🏽‍🦳 🇨🇳 #️⃣ \U0010FFFD");
  g_autofree char *text = g_string_free (awkward, FALSE);
  doc->kicker = g_strdup (text);
  np_document_add_text (doc, NP_BLOCK_PARAGRAPH, text, 3);
  np_document_warn (doc, 3, "%s", text);
  g_autofree char *again = np_document_to_json (doc);
  g_autoptr (JsonObject) root = np_test_json_read (again);
  g_assert_cmpstr (json_object_get_string_member (root, "headline"), ==,
                   "他說\"好\\壞\"\t\n\x01了");
  g_assert_cmpstr (json_object_get_string_member (root, "kicker"), ==, text);
  JsonArray *blocks = json_object_get_array_member (root, "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 1);
  JsonObject *block = json_array_get_object_element (blocks, 0);
  g_assert_cmpstr (json_object_get_string_member (block, "text"), ==, text);
  JsonArray *warnings = json_object_get_array_member (root, "warnings");
  g_autofree char *warning = g_strdup_printf ("line 3: %s", text);
  g_assert_cmpstr (json_array_get_string_element (warnings, 0), ==, warning);
}

/* A parsed report's dump, read back: every field holds what the rules
 * found, in the fixed key order. */
static void
test_json_read (void)
{
  g_autofree char *text = wide (
    "2024年6月18日,某會議召開。\n"
    "他說:\"這是引號\"和\\反斜線。\n"
    "會議現場\n"
    "包括甲公司、乙學院等共2家單位。\n"
    "(供稿:宣傳部)\n");
  g_autoptr (NpDocument) doc = parse (text);
  g_autofree char *json = np_document_to_json (doc);
  g_autoptr (JsonObject) root = np_test_json_read (json);

  g_assert_cmpstr (json_object_get_string_member (root, "headline"), ==,
                   "某會議召開");
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==,
                   "2024年6月18日");
  g_assert_cmpstr (json_object_get_string_member (root, "publisher"), ==,
                   "宣傳部");
  g_assert_cmpstr (json_object_get_string_member (root, "script"), ==,
                   "zh-Hant");
  g_assert_true (json_object_get_null_member (root, "kicker"));
  g_assert_true (json_object_get_null_member (root, "issue"));

  static const struct {
    const char *kind;
    gint64 line;
    const char *text;
  } want[] = {
    { "lead", 1, "2024年6月18日,某會議召開。" },
    { "paragraph", 2, "他說:\"這是引號\"和\\反斜線。" },
    { "caption", 3, "會議現場" },
    { "paragraph", 4, "包括甲公司、乙學院等共2家單位。" },
    { "credit", 5, "(供稿:宣傳部)" },
  };
  JsonArray *blocks = json_object_get_array_member (root, "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++) {
    JsonObject *block = json_array_get_object_element (blocks, i);
    g_autofree char *expect = wide (want[i].text);
    g_assert_cmpstr (json_object_get_string_member (block, "kind"), ==,
                     want[i].kind);
    g_assert_cmpint (json_object_get_int_member (block, "line"), ==,
                     want[i].line);
    g_assert_cmpstr (json_object_get_string_member (block, "text"), ==, expect);
    g_assert_true (g_str_has_prefix (
      json_object_get_string_member (block, "rule"), want[i].kind));
  }
  g_assert_cmpuint (
    json_array_get_length (json_object_get_array_member (root, "warnings")), ==,
    0);

  /* keys in their fixed order */
  static const char *const keys[] = {
    "headline", "headline_rule", "kicker", "subtitle", "byline", "masthead",
    "issue", "date", "publisher", "script", "blocks", "dropped", "warnings",
  };
  g_autoptr (GList) members = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  guint i = 0;
  for (GList *l = members; l; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, keys[i]);
}

/* A report's awkward bytes on their way to the dump: bytes that are no
 * UTF-8 (a lone surrogate's CESU-8 form, a stray continuation byte, an
 * overlong '/') are refused by the source stage with the line they are
 * on, never passed on; controls, quotes, backslashes, separators and emoji
 * are read, and the dump of what was read is valid JSON holding them. */
static void
test_json_awkward_report (void)
{
  static const char *const broken[] = {
    "2024年6月18日，大會召開。\n代理\xed\xa0\x80字。\n",
    "2024年6月18日，大會召開。\n續\x80字。\n",
    "2024年6月18日，大會召開。\n長\xc0\xaf字。\n",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (broken); i++) {
    GError *error = NULL;
    char *text =
      np_source_decode (broken[i], strlen (broken[i]), "awkward.txt", &error);
    g_assert_null (text);
    g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
    g_assert_nonnull (strstr (error->message, "line 2"));
    g_clear_error (&error);
  }

  static const char bytes[] =
    "2024年6月18日，大會召開。\n"
    "他說\"好\"，\\路徑\\，\x1b[0m控制\x7f字符\x01。\n"
    "表情👩🏽‍🦳與🇨🇳\u2028段落\u2029。\n";
  GError *error = NULL;
  g_autofree char *text =
    np_source_decode (bytes, sizeof bytes - 1, "awkward.txt", &error);
  g_assert_no_error (error);
  g_autoptr (NpDocument) doc = parse (text);
  g_autofree char *json = np_document_to_json (doc);
  g_autoptr (JsonObject) root = np_test_json_read (json);
  JsonArray *blocks = json_object_get_array_member (root, "blocks");
  GString *all = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (blocks); i++) {
    JsonObject *block = json_array_get_object_element (blocks, i);
    if (json_object_has_member (block, "text"))
      g_string_append (all, json_object_get_string_member (block, "text"));
  }
  g_autofree char *read = g_string_free (all, FALSE);
  g_assert_nonnull (strstr (read, "他說\"好\"，\\路徑\\，"));
  g_assert_nonnull (strstr (read, "表情👩🏽‍🦳與🇨🇳"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/reference/facts", test_reference_facts);
  g_test_add_func ("/report/reference/captions", test_reference_captions);
  g_test_add_func ("/report/reference/units", test_reference_units);
  g_test_add_func ("/report/reference/keynotes", test_reference_keynotes);

  g_test_add_func ("/report/paragraphs/one-per-line",
                   test_paragraphs_one_per_line);
  g_test_add_func ("/report/paragraphs/blank-lines",
                   test_paragraphs_blank_lines);
  g_test_add_func ("/report/paragraphs/latin-join", test_paragraphs_latin_join);

  g_test_add_func ("/report/front-matter/fields", test_front_matter_fields);
  g_test_add_func ("/report/front-matter/unknown-key",
                   test_front_matter_unknown_key);
  g_test_add_func ("/report/front-matter/unclosed",
                   test_front_matter_unclosed);

  g_test_add_func ("/report/lead/date-forms", test_lead_date_forms);
  g_test_add_func ("/report/headline/strip-time", test_headline_strip_time);
  g_test_add_func ("/report/headline/long", test_headline_long);
  g_test_add_func ("/report/headline/event-clause",
                   test_headline_event_clause);
  g_test_add_func ("/report/headline/title-line", test_headline_title_line);

  g_test_add_func ("/report/credit/forms", test_credit_forms);
  g_test_add_func ("/report/credit/not-a-credit",
                   test_credit_not_last_or_not_credit);

  g_test_add_func ("/report/keynotes/run", test_keynotes_run);
  g_test_add_func ("/report/keynotes/simplified", test_keynotes_simplified);
  g_test_add_func ("/report/keynotes/single", test_keynotes_single);

  g_test_add_func ("/report/heading/ordinals", test_heading_ordinals);

  g_test_add_func ("/report/caption/short-line", test_caption_short_line);
  g_test_add_func ("/report/caption/sentence-end", test_caption_sentence_end);
  g_test_add_func ("/report/caption/length", test_caption_length);
  g_test_add_func ("/report/caption/not-lead-in-or-quote",
                   test_caption_not_lead_in_or_quote);
  g_test_add_func ("/report/lead/after-emoji", test_lead_after_emoji);
  g_test_add_func ("/report/caption/after-heading",
                   test_caption_after_heading);

  g_test_add_func ("/report/units/counted", test_units_counted);
  g_test_add_func ("/report/units/simplified", test_units_simplified);
  g_test_add_func ("/report/units/chinese-numerals",
                   test_units_chinese_numerals);
  g_test_add_func ("/report/units/mismatch", test_units_mismatch);
  g_test_add_func ("/report/units/cue-words", test_units_cue_words);
  g_test_add_func ("/report/units/not-a-list", test_units_not_a_list);
  g_test_add_func ("/report/units/in-lead", test_units_in_lead);
  g_test_add_func ("/report/units/forms", test_units_forms);
  g_test_add_func ("/report/units/lines", test_units_lines);
  g_test_add_func ("/report/units/two-lists", test_units_two_lists);
  g_test_add_func ("/report/units/not-again", test_units_not_again);
  g_test_add_func ("/report/units/columns", test_units_columns);
  g_test_add_func ("/report/units/not-signatories", test_units_not_signatories);
  g_test_add_func ("/report/keynotes/forms", test_keynotes_forms);
  g_test_add_func ("/report/features/forms", test_features_forms);
  g_test_add_func ("/report/keynotes/sentences", test_keynotes_sentences);
  g_test_add_func ("/report/caption/marks", test_caption_marks);
  g_test_add_func ("/report/caption/pictures", test_caption_pictures);
  g_test_add_func ("/report/credit/end-forms", test_credit_end_forms);
  g_test_add_func ("/report/headline/title-block", test_headline_title_block);
  g_test_add_func ("/report/items-and-heads", test_items_and_heads);
  g_test_add_func ("/report/paragraphs/conventions",
                   test_paragraphs_conventions);
  g_test_add_func ("/report/editor/marks", test_editor_marks);
  g_test_add_func ("/report/empty-after-dropping", test_empty_after_dropping);

  g_test_add_func ("/report/cases/simplified-blankline",
                   test_case_simplified_blankline);
  g_test_add_func ("/report/cases/traditional-lines",
                   test_case_traditional_lines);
  g_test_add_func ("/report/cases/example", test_case_example);

  g_test_add_func ("/report/empty", test_empty);
  g_test_add_func ("/report/script/detect", test_script_detect);

  g_test_add_func ("/report/document/api", test_document_api);
  g_test_add_func ("/report/document/free-partial", test_free_partial);
  g_test_add_func ("/report/json/layout", test_json_layout);
  g_test_add_func ("/report/json/empty-document", test_json_empty_document);
  g_test_add_func ("/report/json/escapes", test_json_escapes);
  g_test_add_func ("/report/json/read", test_json_read);
  g_test_add_func ("/report/json/awkward-report", test_json_awkward_report);

  return g_test_run ();
}
