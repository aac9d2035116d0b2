/* test-flow.c: columns and pages, checked on the positioned page model.
 *
 * A report is generated (paragraphs of varied length, captions, a long
 * signing-unit list, a credit), typeset with the default layout, and the
 * pages are inspected: the line grid, widows and orphans, figures with
 * their captions, tables with their headers, the credit, balancing.
 */
#include <math.h>
#include <string.h>

#include "flow.h"
#include "fonts.h"
#include "report.h"
#include "story.h"
#include "testutil.h"

static NpFonts *np_fonts_fixture;

typedef struct {
  NpDocument *doc;
  NpStyle *style;
  NpPages *pages;
  NpStory *story;
} NpFlowCase;

static const char *np_words[] = {
  "產教融合", "是職業教育的基本辦學特色", "也是職業教育的看家本領",
  "上海國際汽車城", "深化校企合作", "推動專業人才培養供給側",
  "與新能源和智能網聯汽車行業需求側緊密對接", "為嘉定建設世界級汽車產業中心",
  "作出新的更大貢獻", "共同開創職業教育產教融合的新局面",
};

/* A paragraph of about `chars` characters, different for each seed. */
static void
np_append_paragraph (GString *out, guint seed, guint chars)
{
  guint start = out->len;
  for (guint i = 0; g_utf8_strlen (out->str + start, -1) < chars; i++) {
    g_string_append (out, np_words[(seed * 7 + i * 3) % G_N_ELEMENTS (np_words)]);
    g_string_append (out, i % 4 == 3 ? "。" : ",");
  }
  g_string_append (out, "。\n");
}

static char *
np_generate_report (guint paragraphs, guint units)
{
  GString *out = g_string_new ("2024年6月18日上午,產教融合發展大會在汽車城隆重召開。\n");
  for (guint i = 0; i < paragraphs; i++) {
    np_append_paragraph (out, i, 30 + (i * 37) % 260);
    if (i % 3 == 1)
      g_string_append_printf (out, "第%u位嘉賓在大會上講話\n", i);
    if (i == paragraphs / 2 && units > 0) {
      g_string_append (out, "會上,首批成員單位集中簽約。包括");
      for (guint u = 0; u < units; u++)
        g_string_append_printf (out, "%s第%u汽車零部件有限公司",
                                u ? "、" : "", u + 1);
      g_string_append_printf (out, "等共%u家單位。\n", units);
    }
  }
  g_string_append (out, "(供稿:黨委宣傳部)\n");
  return g_string_free (out, FALSE);
}

static NpDocument *
np_read_report (const char *text)
{
  GError *error = NULL;
  NpDocument *doc = np_report_parse (text, "generated", &error);
  g_assert_no_error (error);
  return doc;
}

/* Sets `doc` (taken) with the default layout; its warnings go into
 * `warnings`. */
static NpFlowCase
np_set_document (NpDocument *doc, GPtrArray *warnings)
{
  NpFlowCase s = { .doc = doc };
  s.style = np_style_new_default ();
  s.pages = np_pages_new ();
  s.story = np_story_new (s.doc, s.style, np_fonts_fixture, s.pages, warnings);
  np_flow (s.story, s.style, np_fonts_fixture, s.pages);
  return s;
}

static NpFlowCase
np_set_report (const char *text)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NpFlowCase s = np_set_document (np_read_report (text), warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  return s;
}

static void
np_setting_clear (NpFlowCase *s)
{
  np_story_free (s->story);
  np_pages_free (s->pages);
  np_style_free (s->style);
  np_document_free (s->doc);
}

/* Which column of the page an x falls in. */
static int
np_column_of (const NpStyle *st, guint page, double x)
{
  double left = page % 2 == 0 ? st->margin_inner : st->margin_outer;
  double step = np_style_column_width (st) + st->gutter;
  return (int) floor ((x - left + 1) / step);
}

static gboolean
np_is_body (const NpFlowCase *s, const NpItem *item)
{
  return item->kind == NP_ITEM_TEXT &&
         item->paragraph->font.size == s->style->font[NP_ROLE_BODY].size &&
         item->paragraph->font.family == s->style->font[NP_ROLE_BODY].family;
}

/* All body lines of a page sit on one grid: same pitch, same phase, in
 * every column. */
static void
test_line_grid (void)
{
  g_autofree char *text = np_generate_report (40, 12);
  NpFlowCase s = np_set_report (text);
  double pitch = np_style_pitch (s.style);
  g_assert_cmpuint (s.pages->pages->len, >, 2);
  for (guint p = 0; p < s.pages->pages->len; p++) {
    NpPage *page = g_ptr_array_index (s.pages->pages, p);
    double phase = NAN;
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (!np_is_body (&s, item))
        continue;
      double ph = fmod (item->y, pitch);
      if (isnan (phase))
        phase = ph;
      double d = fabs (ph - phase);
      g_assert_cmpfloat (MIN (d, pitch - d), <, 0.01);
    }
  }
  np_setting_clear (&s);
}

/* Each paragraph's lines, column by column: a paragraph that crosses a
 * column break leaves at least two lines on each side. */
static void
test_widows_orphans (void)
{
  /* reports of many lengths, so that figures and column feet fall at
   * every place of a paragraph: one line of it alone between a figure and
   * the foot is an orphan too */
  for (guint n = 20; n <= 62; n += 3) {
  g_autofree char *text = np_generate_report (n, 0);
  NpFlowCase s = np_set_report (text);
  const NpParagraph *current = NULL;
  int run = 0, runs = 0, key = -1;
  for (guint p = 0; p < s.pages->pages->len; p++) {
    NpPage *page = g_ptr_array_index (s.pages->pages, p);
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (!np_is_body (&s, item))
        continue;
      int col = (int) p * 8 + np_column_of (s.style, p, item->x);
      if (item->paragraph != current || col != key) {
        if (current && item->paragraph == current)
          g_assert_cmpint (run, >=, 2); /* no orphan left behind */
        if (item->paragraph != current) {
          if (current && runs > 1)
            g_assert_cmpint (run, >=, 2); /* no widow carried over */
          current = item->paragraph;
          runs = 0;
        }
        run = 0;
        runs++;
        key = col;
      }
      run++;
    }
  }
  np_setting_clear (&s);
  }
}

/* A caption stands right under a frame of the column's width. */
static void
test_figures (void)
{
  g_autofree char *text = np_generate_report (30, 0);
  NpFlowCase s = np_set_report (text);
  const NpFont *cap = &s.style->font[NP_ROLE_CAPTION];
  guint captions = 0;
  for (guint p = 0; p < s.pages->pages->len; p++) {
    NpPage *page = g_ptr_array_index (s.pages->pages, p);
    const NpItem *frame = NULL;
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (item->kind == NP_ITEM_BOX && item->filled &&
          fabs (item->w - np_style_column_width (s.style)) < 0.01)
        frame = item;
      if (item->kind != NP_ITEM_TEXT || item->paragraph->font.size != cap->size)
        continue;
      captions++;
      g_assert_nonnull (frame);
      double gap = item->y - (frame->y + frame->h);
      g_assert_cmpfloat (gap, >, 0);
      g_assert_cmpfloat (gap, <, 3 * cap->size);
      g_assert_cmpfloat (item->x, >=, frame->x);
      g_assert_cmpfloat (item->x, <, frame->x + frame->w);
    }
  }
  g_assert_cmpuint (captions, ==, 10); /* every third of 30 paragraphs */
  np_setting_clear (&s);
}

/* A table of 120 units runs over several columns, each starting with the
 * header again; every unit is set once. */
static void
test_long_table (void)
{
  g_autofree char *text = np_generate_report (6, 120);
  NpFlowCase s = np_set_report (text);
  const NpFont *table = &s.style->font[NP_ROLE_TABLE];
  guint headers = 0, cells = 0, columns = 0;
  int last_col = -1;
  for (guint p = 0; p < s.pages->pages->len; p++) {
    NpPage *page = g_ptr_array_index (s.pages->pages, p);
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (item->kind != NP_ITEM_TEXT || item->paragraph->font.size != table->size)
        continue;
      int col = (int) p * 8 + np_column_of (s.style, p, item->x);
      const char *t = item->paragraph->text;
      if (item->paragraph->font.weight == 700) {
        if (g_str_has_prefix (t, "序號")) {
          headers++;
          g_assert_cmpint (col, !=, last_col);
        }
        continue;
      }
      if (!strstr (t, "汽車零部件有限公司"))
        continue; /* a caption in the same size */
      if (col != last_col) {
        columns++;
        last_col = col;
      }
      cells++;
    }
  }
  g_assert_cmpuint (cells, ==, 120);
  g_assert_cmpuint (columns, >, 1);
  g_assert_cmpuint (headers, ==, columns);
  np_setting_clear (&s);
}

/* The credit comes last, flush right, never first in its column; the last
 * page's columns end within a few lines of each other. */
static void
test_credit_and_balance (void)
{
  for (guint n = 3; n < 40; n += 5) {
    g_autofree char *text = np_generate_report (n, 0);
    NpFlowCase s = np_set_report (text);
    NpPage *page = g_ptr_array_index (s.pages->pages, s.pages->pages->len - 1);
    const NpFont *credit = &s.style->font[NP_ROLE_CREDIT];
    double bottom[8] = { 0 };
    double top[8] = { 0 };
    const NpItem *last = NULL;
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (item->kind != NP_ITEM_TEXT || item->y > s.style->page_height -
                                                     s.style->margin_bottom)
        continue;
      int col = np_column_of (s.style, s.pages->pages->len - 1, item->x);
      if (col < 0 || col > 7)
        continue;
      if (top[col] == 0 || item->y < top[col])
        top[col] = item->y;
      bottom[col] = MAX (bottom[col], item->y);
      if (g_str_has_prefix (item->paragraph->text, "(供稿"))
        last = item;
    }
    g_assert_nonnull (last);
    g_assert_cmpfloat (last->paragraph->font.size, ==, credit->size);
    int col = np_column_of (s.style, s.pages->pages->len - 1, last->x);
    if (last->y <= top[col])
      g_error ("%u paragraphs: the credit heads column %d", n, col);
    if (bottom[1] > 0)
      g_assert_cmpfloat (fabs (bottom[0] - bottom[1]), <=,
                         12 * np_style_pitch (s.style));
    np_setting_clear (&s);
  }
}

/* A closing group photo spans the columns at the foot of the last page,
 * under all the text, with the credit after it ([frame] span). */
static void
test_spanning_ending (void)
{
  g_autofree char *body = np_generate_report (12, 0);
  /* the generated report ends with its credit: put the photo before it */
  char *credit = strstr (body, "(供稿");
  g_assert_nonnull (credit);
  g_autofree char *text = g_strdup_printf ("%.*s全體嘉賓大合影\n%s",
                                           (int) (credit - body), body, credit);
  NpFlowCase s = { 0 };
  GError *error = NULL;
  s.doc = np_report_parse (text, "generated", &error);
  g_assert_no_error (error);
  s.style = np_style_new_default ();
  g_free (s.style->frame_span);
  s.style->frame_span = g_strdup ("合照;合影");
  s.pages = np_pages_new ();
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  s.story = np_story_new (s.doc, s.style, np_fonts_fixture, s.pages, warnings);
  np_flow (s.story, s.style, np_fonts_fixture, s.pages);
  double width = s.style->page_width - s.style->margin_inner -
                 s.style->margin_outer;
  NpPage *last = g_ptr_array_index (s.pages->pages, s.pages->pages->len - 1);
  const NpItem *frame = NULL, *credit_line = NULL;
  double lowest_body = 0;
  for (guint i = 0; i < last->items->len; i++) {
    const NpItem *item = &g_array_index (last->items, NpItem, i);
    if (item->kind == NP_ITEM_BOX && item->filled &&
        fabs (item->w - width) < 0.01)
      frame = item;
    if (np_is_body (&s, item))
      lowest_body = MAX (lowest_body, item->y);
    if (item->kind == NP_ITEM_TEXT &&
        g_str_has_prefix (item->paragraph->text, "(供稿"))
      credit_line = item;
  }
  g_assert_nonnull (frame);
  g_assert_nonnull (credit_line);
  g_assert_cmpfloat (frame->y, >, lowest_body);
  g_assert_cmpfloat (credit_line->y, >, frame->y + frame->h);
  np_setting_clear (&s);
}

/* Every line of every paragraph is placed exactly once. */
static void
test_all_lines_placed (void)
{
  g_autofree char *text = np_generate_report (50, 30);
  NpFlowCase s = np_set_report (text);
  GHashTable *seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint placed = 0;
  for (guint p = 0; p < s.pages->pages->len; p++) {
    NpPage *page = g_ptr_array_index (s.pages->pages, p);
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (item->kind != NP_ITEM_TEXT)
        continue;
      gboolean header = item->paragraph->font.weight == 700 &&
                        item->paragraph->font.size ==
                          s.style->font[NP_ROLE_TABLE].size;
      if (header && g_hash_table_contains (seen, item->line))
        continue; /* repeated in each column the table runs into */
      g_assert_false (g_hash_table_contains (seen, item->line));
      g_hash_table_add (seen, (gpointer) item->line);
      placed++;
    }
  }
  guint expected = 0;
  for (guint i = 0; i < s.pages->paragraphs->len; i++) {
    const NpParagraph *para = g_ptr_array_index (s.pages->paragraphs, i);
    expected += para->lines->len;
  }
  g_assert_cmpuint (placed, ==, expected);
  g_hash_table_destroy (seen);
  np_setting_clear (&s);
}

/* `text` repeated to `chars` characters. */
static char *
np_repeat (const char *text, guint chars)
{
  GString *out = g_string_new (NULL);
  while (g_utf8_strlen (out->str, -1) < chars)
    g_string_append (out, text);
  return g_string_free (out, FALSE);
}

/* Every text line of the setting stays on its page, inside the margins
 * left and right, and no two lines that share a stretch of the width
 * share a stretch of the height (their em boxes, clreq 3.8). */
static void
np_assert_nothing_off_or_over (const NpFlowCase *s)
{
  const NpStyle *st = s->style;
  for (guint p = 0; p < s->pages->pages->len; p++) {
    NpPage *page = g_ptr_array_index (s->pages->pages, p);
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *a = &g_array_index (page->items, NpItem, i);
      if (a->kind != NP_ITEM_TEXT)
        continue;
      double size = a->paragraph->font.size;
      g_assert_cmpfloat (a->y - 0.88 * size, >=, 0);
      g_assert_cmpfloat (a->y + 0.12 * size, <=, st->page_height);
      g_assert_cmpfloat (a->x, >=,
                         MIN (st->margin_inner, st->margin_outer) - 0.01);
      g_assert_cmpfloat (a->x + a->line->width, <=,
                         st->page_width -
                           MIN (st->margin_inner, st->margin_outer) + 0.01);
      for (guint k = i + 1; k < page->items->len; k++) {
        const NpItem *b = &g_array_index (page->items, NpItem, k);
        if (b->kind != NP_ITEM_TEXT)
          continue;
        double bsize = b->paragraph->font.size;
        gboolean across = a->x < b->x + b->line->width - 0.5 &&
                          b->x < a->x + a->line->width - 0.5;
        gboolean down = a->y - 0.88 * size < b->y + 0.12 * bsize - 0.5 &&
                        b->y - 0.88 * bsize < a->y + 0.12 * size - 0.5;
        if (across && down)
          g_error ("page %u: '%.*s' overlaps '%.*s'", p + 1,
                   (int) (a->line->end - a->line->start),
                   a->paragraph->text + a->line->start,
                   (int) (b->line->end - b->line->start),
                   b->paragraph->text + b->line->start);
      }
    }
  }
}

/* A headline of 2,000 characters (a pasted --title, a paragraph read as
 * the headline), a date as long, a masthead of 500: each is cut to what
 * a head holds, with an ellipsis and one warning, and nothing overlaps or
 * leaves the page. */
static void
test_head_too_long (void)
{
  g_autofree char *text = np_generate_report (20, 0);
  NpDocument *doc = np_read_report (text);
  g_free (doc->headline);
  doc->headline = np_repeat ("產教融合發展大會在汽車城隆重召開，", 2000);
  g_free (doc->date);
  doc->date = np_repeat ("2024年6月18日", 2000);
  g_free (doc->masthead);
  doc->masthead = np_repeat ("產教聯合體通訊", 500);
  g_free (doc->subtitle);
  doc->subtitle = np_repeat ("副題", 1000);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NpFlowCase s = np_set_document (doc, warnings);
  g_assert_cmpuint (warnings->len, ==, 4);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_nonnull (strstr (warnings->pdata[i], "too long for the page"));
  g_assert_cmpuint (s.story->headline->lines->len, <=, 4);
  g_assert_true (g_str_has_suffix (s.story->headline->text, "……"));
  g_assert_true (g_str_has_prefix (s.story->headline->text, "產教融合"));
  np_assert_nothing_off_or_over (&s);
  np_setting_clear (&s);

  /* A head of ordinary length is set whole. */
  g_autofree char *plain = np_generate_report (20, 0);
  NpFlowCase t = np_set_report (plain);
  g_assert_false (g_str_has_suffix (t.story->headline->text, "……"));
  np_assert_nothing_off_or_over (&t);
  np_setting_clear (&t);
}

/* A signing table with a unit's name longer than a column would run off
 * the column's foot (tables split only between rows): the cell is cut
 * with an ellipsis and one warning, and every row stays on the page. */
static void
test_table_cell_too_long (void)
{
  g_autofree char *name = np_repeat ("甲", 3000);
  g_autofree char *text = g_strdup_printf (
    "2024年6月18日上午,產教融合發展大會在汽車城隆重召開。\n"
    "會上,首批成員單位集中簽約。包括%s公司、乙學院、丙研究院等共3家單位。\n"
    "(供稿:黨委宣傳部)\n",
    name);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NpFlowCase s = np_set_document (np_read_report (text), warnings);
  guint tables = 0;
  for (guint i = 0; i < s.story->elements->len; i++)
    tables +=
      g_array_index (s.story->elements, NpElement, i).kind == NP_ELEMENT_TABLE;
  g_assert_cmpuint (tables, ==, 1);
  np_assert_nothing_off_or_over (&s);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (
    strstr (warnings->pdata[0], "table cell too long for a column"));
  np_setting_clear (&s);
}

/* A units table with a column after the names: each name on one line,
 * the first line of every cell of a row on one baseline, the note
 * wrapping under its own first line. */
static void
test_table_name_column (void)
{
  NpDocument *doc = np_document_new ();
  doc->headline = g_strdup ("學院舉行校企合作簽約儀式");
  np_document_add_text (doc, NP_BLOCK_LEAD,
                        "2025年5月20日，學院舉行校企合作簽約儀式。", 1);
  NpBlock *t = np_document_add_table (doc, NP_BLOCK_UNITS, 2);
  const char *rows[][3] = {
    { "序號", "單位名稱", "說明" },
    { "1", "臨港寧遠新能源汽車有限公司", "共建寧遠新能源汽車訂單班與聯合實訓中心" },
    { "2", "江蘇恒創智能裝備有限公司", "共建工業機器人現代學徒制試點" },
    { "3", "臨港市商貿流通協會", "共建電子商務人才培養基地" },
  };
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    np_block_add_row (t, rows[r], 3);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NpFlowCase s = np_set_document (doc, warnings);
  const NpFont *table = &s.style->font[NP_ROLE_TABLE];
  guint names = 0;
  NpPage *page = g_ptr_array_index (s.pages->pages, 0);
  for (guint i = 0; i < page->items->len; i++) {
    const NpItem *item = &g_array_index (page->items, NpItem, i);
    if (item->kind != NP_ITEM_TEXT || item->paragraph->font.size != table->size
        || !g_str_has_suffix (item->paragraph->text, "公司"))
      continue;
    names++;
    g_assert_cmpuint (item->paragraph->lines->len, ==, 1);
    /* the row's note starts on the name's baseline, right of it */
    gboolean beside = FALSE;
    for (guint k = 0; k < page->items->len; k++) {
      const NpItem *o = &g_array_index (page->items, NpItem, k);
      beside |= o->kind == NP_ITEM_TEXT && o->paragraph != item->paragraph
                && g_str_has_prefix (o->paragraph->text, "共建")
                && fabs (o->y - item->y) < 0.01 && o->x > item->x
                && o->line == g_ptr_array_index (o->paragraph->lines, 0);
    }
    g_assert_true (beside);
  }
  g_assert_cmpuint (names, ==, 2);
  np_setting_clear (&s);
}

/* A caption (with its photo credit) longer than a column can hold under
 * its frame would run off the column's foot (a figure is never split):
 * it is cut with an ellipsis and one warning. */
static void
test_caption_too_long (void)
{
  g_autofree char *text = np_generate_report (12, 0);
  NpDocument *doc = np_read_report (text);
  guint captions = 0;
  for (guint i = 0; i < doc->blocks->len; i++) {
    NpBlock *block = g_ptr_array_index (doc->blocks, i);
    if (block->kind != NP_BLOCK_CAPTION || captions++ > 0)
      continue;
    g_free (block->text);
    block->text = np_repeat ("嘉賓在大會上講話，", 3000);
    g_free (block->credit);
    block->credit = g_strdup ("攝影：張三");
  }
  g_assert_cmpuint (captions, >, 1);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NpFlowCase s = np_set_document (doc, warnings);
  np_assert_nothing_off_or_over (&s);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (warnings->pdata[0], "caption too long"));
  np_setting_clear (&s);
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
  g_test_add_func ("/flow/line-grid", test_line_grid);
  g_test_add_func ("/flow/widows-orphans", test_widows_orphans);
  g_test_add_func ("/flow/figures", test_figures);
  g_test_add_func ("/flow/long-table", test_long_table);
  g_test_add_func ("/flow/credit-balance", test_credit_and_balance);
  g_test_add_func ("/flow/all-lines-placed", test_all_lines_placed);
  g_test_add_func ("/flow/spanning-ending", test_spanning_ending);
  g_test_add_func ("/flow/head-too-long", test_head_too_long);
  g_test_add_func ("/flow/table-cell-too-long", test_table_cell_too_long);
  g_test_add_func ("/flow/table-name-column", test_table_name_column);
  g_test_add_func ("/flow/caption-too-long", test_caption_too_long);
  int status = g_test_run ();
  np_fonts_free (np_fonts_fixture);
  return status;
}
