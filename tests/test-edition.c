/* test-edition.c: several reports as one issue, checked on the page model.
 *
 * Reports of very different lengths are generated, set as one issue with
 * the default layout, and the pages are inspected: the contents box gives
 * each article the page its headline is on, no headline is left without
 * two lines of its text under it, pages after the first carry the running
 * head, the outline nests articles under sections, the colophon closes
 * the last page, and an issue of one report is that report's page.
 */
#include <math.h>
#include <string.h>

#include "edition.h"
#include "flow.h"
#include "fonts.h"
#include "report.h"
#include "testutil.h"

static NpFonts *np_fonts_fixture;

static const char *np_words[] = {
  "產教融合", "是職業教育的基本辦學特色", "校企雙方共建實訓基地",
  "推動專業人才培養供給側", "與新能源汽車行業需求側緊密對接",
  "聯合體成員單位", "共同開創職業教育產教融合的新局面",
};

/* A report with a title line, a dated lead, `paragraphs` paragraphs of
 * varied length and a credit. */
static char *
np_generate (guint seed, guint paragraphs)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "汽車城第%u屆產教融合論壇隆重舉行\n\n", seed);
  g_string_append (out, "2025年3月18日上午，產教融合論壇在汽車城舉行。\n");
  for (guint i = 0; i < paragraphs; i++) {
    guint start = out->len, chars = 40 + ((seed + i) * 53) % 200;
    for (guint k = 0; g_utf8_strlen (out->str + start, -1) < chars; k++) {
      g_string_append (out, np_words[(seed * 5 + i + k * 3) %
                                     G_N_ELEMENTS (np_words)]);
      g_string_append (out, k % 4 == 3 ? "。" : "，");
    }
    g_string_append (out, "。\n");
  }
  g_string_append (out, "（供稿：聯合體秘書處）\n");
  return g_string_free (out, FALSE);
}

typedef struct {
  NpIssue *issue;
  NpStyle *style;
  NpPages *pages;
  NpStory *story;
} NpIssueCase;

/* An issue of reports with these many paragraphs each (0 ends the list),
 * sections given to every other one, set in the default layout. */
static NpIssueCase
np_set_issue (const guint *lengths, NpStyle *style)
{
  NpIssueCase s = { .issue = np_issue_new (), .style = style };
  static const char *sections[] = { "要聞", NULL, "成員風采", "成員風采" };
  for (guint i = 0; lengths[i]; i++) {
    g_autofree char *name = g_strdup_printf ("report-%u.txt", i);
    NpArticle *a = np_issue_add_article (s.issue, name);
    g_autofree char *text = np_generate (i + 1, lengths[i]);
    GError *error = NULL;
    a->doc = np_report_parse (text, name, &error);
    g_assert_no_error (error);
    a->section = g_strdup (sections[i % G_N_ELEMENTS (sections)]);
  }
  s.issue->number = g_strdup ("2025年第3期");
  s.issue->publisher = g_strdup ("聯合體秘書處");
  s.issue->editor = g_strdup ("王編輯");
  s.issue->print_run = g_strdup ("300份");
  s.pages = np_pages_new ();
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NpFonts *fonts[2] = { np_fonts_fixture, np_fonts_fixture };
  s.story = np_edition_new (s.issue, s.style, fonts, NULL, s.pages, warnings);
  np_flow (s.story, s.style, np_fonts_fixture, s.pages);
  return s;
}

static void
np_issue_case_clear (NpIssueCase *s)
{
  np_story_free (s->story);
  np_pages_free (s->pages);
  np_style_free (s->style);
  np_issue_free (s->issue);
}

static char *
np_item_text (const NpItem *item)
{
  return g_strndup (item->paragraph->text + item->line->start,
                    item->line->end - item->line->start);
}

static NpPage *
np_page (const NpIssueCase *s, guint i)
{
  return g_ptr_array_index (s->pages->pages, i);
}

static const guint np_mixed[] = { 30, 4, 60, 3, 12, 0 };

/* The contents box gives each article the page its headline opens:
 * the outline entry of the article, which flow.c sets where its head is. */
static void
test_contents_pages (void)
{
  NpIssueCase s = np_set_issue (np_mixed, np_style_new_default ());
  g_assert_cmpuint (s.pages->pages->len, >, 2);
  /* The page numbers are the contents font's items at the box's right. */
  NpPage *first = np_page (&s, 0);
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < first->items->len; i++) {
    const NpItem *item = &g_array_index (first->items, NpItem, i);
    if (item->kind != NP_ITEM_TEXT || item->paragraph->font.size !=
                                        s.story->contents_font.size)
      continue;
    g_autofree char *text = np_item_text (item);
    if (g_ascii_isdigit (text[0]) &&
        item->x > s.style->page_width / 2)
      g_ptr_array_add (numbers, g_steal_pointer (&text));
  }
  GArray *marks = s.pages->bookmarks;
  guint article = 0;
  for (guint i = 0; i < marks->len; i++) {
    const NpBookmark *b = &g_array_index (marks, NpBookmark, i);
    if (!g_str_has_prefix (b->title, "汽車城第"))
      continue;
    g_assert_cmpuint (article, <, numbers->len);
    g_autofree char *page = g_strdup_printf ("%u", b->page + 1);
    g_assert_cmpstr (numbers->pdata[article], ==, page);
    article++;
  }
  g_assert_cmpuint (article, ==, 5);
  g_assert_cmpuint (numbers->len, ==, 5);
  g_ptr_array_free (numbers, TRUE);
  np_issue_case_clear (&s);
}

static gboolean
np_is_body (const NpIssueCase *s, const NpItem *item)
{
  /* the lead is bold, in the body's size */
  return item->kind == NP_ITEM_TEXT && item->tag == NP_TAG_P &&
         item->paragraph->font.size == s->style->font[NP_ROLE_BODY].size;
}

/* clreq 3.6.3, and the newsletter's rule: a headline is followed on its
 * page, under it and within its width, by at least two lines of text. */
static void
test_no_stranded_head (gconstpointer data)
{
  NpIssueCase s = np_set_issue (data, np_style_new_default ());
  const NpFont *head = &s.style->font[NP_ROLE_HEADLINE];
  guint heads = 0;
  for (guint p = 0; p < s.pages->pages->len; p++) {
    NpPage *page = np_page (&s, p);
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *h = &g_array_index (page->items, NpItem, i);
      if (h->kind != NP_ITEM_TEXT || h->tag != NP_TAG_H1 ||
          h->paragraph->font.size != head->size)
        continue;
      /* its last line */
      if (i + 1 < page->items->len) {
        const NpItem *next = &g_array_index (page->items, NpItem, i + 1);
        if (next->kind == NP_ITEM_TEXT && next->paragraph == h->paragraph)
          continue;
      }
      heads++;
      double left = h->x - h->line->x, right = left + h->paragraph->width;
      guint under = 0;
      for (guint k = 0; k < page->items->len; k++) {
        const NpItem *b = &g_array_index (page->items, NpItem, k);
        if (np_is_body (&s, b) && b->y > h->y && b->x >= left - 1 &&
            b->x < right && b->y < h->y + 4 * np_style_pitch (s.style))
          under++;
      }
      g_assert_cmpuint (under, >=, 2);
    }
  }
  g_assert_cmpuint (heads, ==, s.issue->articles->len);
  np_issue_case_clear (&s);
}

/* Pages after the first carry the running head over a rule, page 1 none. */
static void
test_running_head (void)
{
  NpIssueCase s = np_set_issue (np_mixed, np_style_new_default ());
  for (guint p = 0; p < s.pages->pages->len; p++) {
    NpPage *page = np_page (&s, p);
    guint found = 0;
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (item->kind != NP_ITEM_TEXT || item->y >= s.style->margin_top)
        continue;
      g_autofree char *text = np_item_text (item);
      g_assert_cmpstr (text, ==, "產教聯合體通訊 · 2025年第3期");
      found++;
    }
    g_assert_cmpuint (found, ==, p == 0 ? 0 : 1);
  }
  np_issue_case_clear (&s);
}

/* Articles with a section go under the section's entry; their own
 * headings under them. */
static void
test_outline (void)
{
  NpIssueCase s = np_set_issue (np_mixed, np_style_new_default ());
  GArray *marks = s.pages->bookmarks;
  const NpBookmark *b = &g_array_index (marks, NpBookmark, 0);
  g_assert_cmpstr (b->title, ==, "要聞");
  g_assert_cmpuint (b->level, ==, 0);
  b = &g_array_index (marks, NpBookmark, 1);
  g_assert_true (g_str_has_prefix (b->title, "汽車城第1屆"));
  g_assert_cmpuint (b->level, ==, 1);
  guint sections = 0, articles = 0;
  for (guint i = 0; i < marks->len; i++) {
    b = &g_array_index (marks, NpBookmark, i);
    sections += b->level == 0 && !g_str_has_prefix (b->title, "汽車城");
    articles += g_str_has_prefix (b->title, "汽車城");
  }
  /* 要聞, 成員風采 (over two articles), 要聞 again (a section that
   * opens anew) */
  g_assert_cmpuint (sections, ==, 3);
  g_assert_cmpuint (articles, ==, 5);
  /* The second article of 成員風采 goes under it too. */
  guint under = 0;
  for (guint i = 0; i < marks->len; i++) {
    b = &g_array_index (marks, NpBookmark, i);
    if (g_str_has_prefix (b->title, "汽車城第3屆") ||
        g_str_has_prefix (b->title, "汽車城第4屆"))
      under += b->level == 1;
  }
  g_assert_cmpuint (under, ==, 2);
  np_issue_case_clear (&s);
}

/* The colophon box closes the last page at its foot, in the issue's
 * script. */
static void
test_colophon (void)
{
  NpIssueCase s = np_set_issue (np_mixed, np_style_new_default ());
  NpPage *last = np_page (&s, s.pages->pages->len - 1);
  double foot = s.style->page_height - s.style->margin_bottom;
  gboolean found = FALSE, box = FALSE;
  for (guint i = 0; i < last->items->len; i++) {
    const NpItem *item = &g_array_index (last->items, NpItem, i);
    if (item->kind == NP_ITEM_BOX && item->stroked &&
        fabs (item->y + item->h - foot) < 0.5)
      box = TRUE;
    if (item->kind != NP_ITEM_TEXT)
      continue;
    g_autofree char *text = np_item_text (item);
    if (strstr (text, "主辦：聯合體秘書處") && strstr (text, "編輯：王編輯"))
      found = TRUE;
  }
  g_assert_true (found);
  g_assert_true (box);
  np_issue_case_clear (&s);
}

/* Pages stay economical: the issue takes no more pages than its reports
 * set one by one. */
static void
test_economy (void)
{
  NpIssueCase s = np_set_issue (np_mixed, np_style_new_default ());
  guint alone = 0;
  for (guint i = 0; np_mixed[i]; i++) {
    guint one[] = { np_mixed[i], 0 };
    NpIssueCase single = np_set_issue (one, np_style_new_default ());
    alone += single.pages->pages->len;
    np_issue_case_clear (&single);
  }
  g_test_message ("issue: %u pages, reports alone: %u",
                  s.pages->pages->len, alone);
  g_assert_cmpuint (s.pages->pages->len, <=, alone);
  np_issue_case_clear (&s);
}

/* One column (a 简报): every headline across it. */
static void
test_one_column (void)
{
  NpStyle *style = np_style_new_default ();
  style->columns = 1;
  NpIssueCase s = np_set_issue (np_mixed, style);
  for (guint i = 0; i < s.story->elements->len; i++) {
    const NpElement *e = &g_array_index (s.story->elements, NpElement, i);
    if (e->kind == NP_ELEMENT_HEAD)
      g_assert_true (e->span);
  }
  np_issue_case_clear (&s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autofree char *conf =
    g_build_filename (np_test_source_dir (), "fonts", "fonts.conf", NULL);
  GError *error = NULL;
  np_fonts_fixture = np_fonts_new (conf, NP_SCRIPT_HANT, &error);
  g_assert_no_error (error);
  static const guint shorts[] = { 2, 3, 2, 4, 2, 3, 0 };
  static const guint longs[] = { 40, 35, 50, 0 };
  g_test_add_func ("/edition/contents-pages", test_contents_pages);
  g_test_add_data_func ("/edition/no-stranded-head/mixed", np_mixed,
                        test_no_stranded_head);
  g_test_add_data_func ("/edition/no-stranded-head/short", shorts,
                        test_no_stranded_head);
  g_test_add_data_func ("/edition/no-stranded-head/long", longs,
                        test_no_stranded_head);
  g_test_add_func ("/edition/running-head", test_running_head);
  g_test_add_func ("/edition/outline", test_outline);
  g_test_add_func ("/edition/colophon", test_colophon);
  g_test_add_func ("/edition/economy", test_economy);
  g_test_add_func ("/edition/one-column", test_one_column);
  int status = g_test_run ();
  np_fonts_free (np_fonts_fixture);
  return status;
}
