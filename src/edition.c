/* edition.c: an issue's reports -> one story.
 *
 * Contract: np_edition_new() sets the reports of an issue one after
 * another as one story, a layer above the story of one report: the page 1
 * head says the issue's masthead, number and date; a contents box lists
 * the articles; each article opens with its own head; pages after the
 * first carry a running head; the colophon the layout asks for closes the
 * last page.  It decides what the issue says and where; story.c shapes
 * it and flow.c places it.  An issue of one report is that report's page,
 * with the issue's fields.
 */
#include "edition.h"

#include <string.h>

/* The words the issue's furniture prints, in each script: the colophon's
 * labels (GB/T 9704-2012 7.4 for the imprint's). */
typedef struct {
  const char *hant, *hans;
} NpLabel;

static const NpLabel np_label_publisher = { "主辦", "主办" };
static const NpLabel np_label_editor = { "編輯", "编辑" };
static const NpLabel np_label_reviewer = { "審核", "审核" };
static const NpLabel np_label_address = { "地址", "地址" };
static const NpLabel np_label_phone = { "電話", "电话" };
static const NpLabel np_label_email = { "電郵", "邮箱" };
static const NpLabel np_label_print_run = { "印數", "印数" };
static const NpLabel np_label_report_to = { "報", "报" };
static const NpLabel np_label_send_to = { "送", "送" };
static const NpLabel np_label_copy_to = { "發", "发" };
static const NpLabel np_label_issued = { "印發", "印发" };

static const char *
np_label (const NpLabel *label, NpScript script)
{
  return script == NP_SCRIPT_HANS ? label->hans : label->hant;
}

NpScript
np_edition_script (const NpIssue *issue)
{
  guint hans = 0, hant = 0;
  for (guint i = 0; i < issue->articles->len; i++) {
    const NpArticle *a = g_ptr_array_index (issue->articles, i);
    if (a->doc && a->doc->script == NP_SCRIPT_HANS)
      hans++;
    else if (a->doc)
      hant++;
  }
  if (hans != hant)
    return hans > hant ? NP_SCRIPT_HANS : NP_SCRIPT_HANT;
  const NpArticle *first =
    issue->articles->len ? g_ptr_array_index (issue->articles, 0) : NULL;
  return first && first->doc ? first->doc->script : NP_SCRIPT_HANS;
}

static gboolean
np_given (const char *text)
{
  return text && *text;
}

/* "主办：某某" for a given field, else NULL. */
static char *
np_field (const NpLabel *label, const char *value, NpScript script)
{
  return np_given (value)
           ? g_strdup_printf ("%s\uff1a%s", np_label (label, script), value)
           : NULL;
}

/* The framed colophon of a newsletter: who publishes and edits it, where
 * to reach them, how many are printed. */
static void
np_add_colophon_box (NpStory *story, const NpIssue *issue, NpScript script,
                     const NpSetting *set)
{
  char *rows[3][3] = {
    { np_field (&np_label_publisher, issue->publisher, script),
      np_field (&np_label_editor, issue->editor, script),
      np_field (&np_label_reviewer, issue->reviewer, script) },
    { np_field (&np_label_address, issue->address, script),
      np_field (&np_label_phone, issue->phone, script), NULL },
    { np_field (&np_label_email, issue->email, script),
      np_field (&np_label_print_run, issue->print_run, script), NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++) {
    g_autofree char *line =
      np_text_join ((const char *const *) rows[i], 3, "\u3000\u3000");
    if (line)
      np_story_add_colophon_row (story, line, NULL, set);
    for (guint k = 0; k < 3; k++)
      g_free (rows[i][k]);
  }
}

/* GB/T 9704-2012 7.4, the 版记: whom the 简报 goes to (报, 送, 发), one
 * line each, then the issuer at the left and the date of printing with
 * 印发 at the right. */
static void
np_add_imprint (NpStory *story, const NpIssue *issue, const char *publisher,
                const char *date, NpScript script, const NpSetting *set)
{
  const struct {
    const NpLabel *label;
    const char *value;
  } lines[] = {
    { &np_label_report_to, issue->report_to },
    { &np_label_send_to, issue->send_to },
    { &np_label_copy_to, issue->copy_to },
  };
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++) {
    g_autofree char *line = np_field (lines[i].label, lines[i].value, script);
    if (line)
      np_story_add_colophon_row (story, line, NULL, set);
  }
  g_autofree char *issued =
    np_given (date) ? g_strconcat (date, np_label (&np_label_issued, script),
                                   NULL)
                    : NULL;
  if (np_given (publisher) || issued)
    np_story_add_colophon_row (story, np_given (publisher) ? publisher : NULL,
                               issued, set);
}

/* The running head's template with the masthead and number in it; a
 * separator left with nothing after it is dropped. */
static char *
np_running_text (const char *format, const char *masthead, const char *number)
{
  GString *out = g_string_new (format);
  g_string_replace (out, "{masthead}", masthead ? masthead : "", 0);
  g_string_replace (out, "{number}", number ? number : "", 0);
  g_autofree char *text = g_string_free (out, FALSE);
  /* Blanks and middle dots at either end: a separator with nothing on
   * one side of it. */
  static const char separators[] = " \u00b7\u30fb\u3000";
  const char *start = text, *end = text + strlen (text);
  while (start < end && g_utf8_strchr (separators, -1,
                                       g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start) {
    const char *last = g_utf8_find_prev_char (start, end);
    if (!g_utf8_strchr (separators, -1, g_utf8_get_char (last)))
      break;
    end = last;
  }
  return end > start ? g_strndup (start, end - start) : NULL;
}

static const char *
np_either (const char *first, const char *second)
{
  return np_given (first) ? first : second;
}

NpStory *
np_edition_new (const NpIssue *issue, const NpStyle *style,
                NpFonts *const fonts[2], const GPtrArray *const *photos,
                NpPages *pages, GPtrArray *warnings)
{
  NpScript script = np_edition_script (issue);
  NpSetting set = { style, fonts[script], pages, warnings };
  guint n = issue->articles->len;
  const NpArticle *first = n ? g_ptr_array_index (issue->articles, 0) : NULL;
  const NpDocument *one = n == 1 ? first->doc : NULL;
  /* An issue of one report: its page, with what the issue says over what
   * the report says. */
  NpHeadText head = {
    .masthead = np_either (issue->masthead, one ? one->masthead : NULL),
    .number = np_either (issue->number, one ? one->issue : NULL),
    .serial = issue->serial,
    .date = np_either (issue->date, one ? one->date : NULL),
    .publisher = np_either (issue->publisher, one ? one->publisher : NULL),
  };
  if (one) {
    head.kicker = one->kicker;
    head.headline = one->headline;
    head.subtitle = one->subtitle;
    head.byline = one->byline;
  }
  NpStory *story = np_story_new_head (&head, script, &set);
  const char *contents = np_style_contents_title (style, script);
  if (n > 1 && np_given (contents))
    np_story_add_contents (story, contents, &set);
  const char *section = NULL;
  for (guint i = 0; i < n; i++) {
    const NpArticle *a = g_ptr_array_index (issue->articles, i);
    NpSetting own = set;
    own.fonts = fonts[a->doc->script];
    /* What shaping finds names the report it is in. */
    g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
    if (n > 1)
      own.warnings = found;
    /* A section label where a new section opens. */
    const char *opens = np_given (a->section) &&
                            g_strcmp0 (a->section, section) != 0
                          ? a->section : NULL;
    if (np_given (a->section))
      section = a->section;
    np_story_add_report (story, a->doc, i, n > 1, opens,
                         np_given (a->section), photos ? photos[i] : NULL,
                         &own);
    if (n > 1 && np_given (contents))
      np_story_add_contents_entry (story, a->section, a->doc->headline, i,
                                   &own);
    for (guint k = 0; k < found->len; k++)
      g_ptr_array_add (warnings, g_strdup_printf ("%s: %s", a->name,
                                                  (char *) found->pdata[k]));
  }
  const char *masthead =
    np_either (head.masthead, np_style_masthead (style, script));
  if (n > 1 && np_given (style->running_head)) {
    g_autofree char *running =
      np_running_text (style->running_head, masthead, head.number);
    if (running)
      np_story_set_running_head (story, running, &set);
  }
  if (style->colophon == NP_COLOPHON_BOX)
    np_add_colophon_box (story, issue, script, &set);
  else if (style->colophon == NP_COLOPHON_IMPRINT)
    np_add_imprint (story, issue, head.publisher, head.date, script, &set);
  return story;
}
