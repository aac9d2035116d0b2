/* report.c: reads a plain-text news report into the document model.
 *
 * Contract: np_report_parse() takes decoded text (UTF-8, "\n" line ends)
 * and gives the document: blocks in reading order, each with the rule
 * that read it, plus headline, subtitle, date, publisher and warnings.
 * It never fails on text: whatever no rule recognises is a paragraph, and
 * where the text cannot tell, a warning says so.  It fails only when
 * there is no text at all.
 *
 * The reading goes in steps (report-private.h lists the files): front
 * matter and the editor's @@ marks, lines into paragraphs, the end
 * (junk, credit), the head (title, meta lines, lead), the body, and last
 * the date and headline.  The cue words are data (data/cues.ini); the
 * rules are written down, each with an example, in
 * docs/structure-rules.md.  Keep the three in step.
 */
#include "report.h"

#include "error.h"
#include "report-private.h"
#include "script.h"

#include <string.h>

/* The dropped lines a warning names before it says "…". */
#define NP_DROPPED_NAMED 4

/* ---- the reader ---------------------------------------------------------- */

NpPara *
np_reader_para (const NpReader *reader, guint i)
{
  return g_ptr_array_index (reader->paras, i);
}

guint
np_reader_count (const NpReader *reader)
{
  return reader->paras->len;
}

void
np_reader_drop (NpReader *reader, guint i)
{
  NpPara *p = np_reader_para (reader, i);
  if (p->state == NP_PARA_DROPPED)
    return;
  p->state = NP_PARA_DROPPED;
  g_ptr_array_add (reader->dropped, p);
}

guint
np_reader_next_kept (const NpReader *reader, guint i)
{
  while (i < np_reader_count (reader)
         && np_reader_para (reader, i)->state == NP_PARA_DROPPED)
    i++;
  return i;
}

static gint
np_by_line (gconstpointer a, gconstpointer b)
{
  const NpPara *x = *(NpPara *const *) a, *y = *(NpPara *const *) b;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* ---- patterns ------------------------------------------------------------ */

#define NP_DIGIT "[0-9\uFF10-\uFF19]"
#define NP_CN_SMALL "[一二三四五六七八九十]"
#define NP_CN_NUMBER "[〇零一二两兩三四五六七八九十百千]"

static GRegex *
np_regex (const char *pattern, GRegexCompileFlags flags)
{
  GError *error = NULL;
  GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE | flags, 0, &error);
  if (!re)
    g_error ("report.c: built-in pattern does not compile: %s",
             error->message);
  return re;
}

static void
np_patterns_init (NpPatterns *re, NpCues *cues)
{
  g_autofree char *parts = np_cues_pattern (cues, "date/parts");
  g_autofree char *weekdays = np_cues_pattern (cues, "date/weekdays");
  g_autofree char *ordinals = np_cues_pattern (cues, "heading/ordinal-words");
  g_autofree char *counters = np_cues_pattern (cues, "units/counters");
  g_autofree char *nouns = np_cues_pattern (cues, "units/nouns");
  g_autofree char *ends = np_cues_pattern (cues, "units/ends");
  g_autofree char *batches = np_cues_pattern (cues, "units/batches");
  g_autofree char *labels = np_cues_pattern (cues, "keynotes/labels");
  g_autofree char *pictures = np_cues_pattern (cues, "caption/labels");
  g_autofree char *numbered = np_cues_pattern (cues, "caption/numbered");
  g_autofree char *number = g_strdup ("(?:" NP_DIGIT "{1,4}|" NP_CN_NUMBER
                                      "{1,5})");

  re->date = np_regex (
    "(?<!" NP_DIGIT ")(?:(?<y>" NP_DIGIT "{4}|[〇零一二三四五六七八九]{4}"
    "|(?:民國|民国)?" NP_DIGIT "{2,3})\\s*年\\s*)?"
    "(?<m>" NP_DIGIT "{1,2}|" NP_CN_SMALL "{1,3})\\s*月\\s*"
    "(?<d>" NP_DIGIT "{1,2}|" NP_CN_SMALL "{1,3})\\s*[日號号]"
    "|(?<!" NP_DIGIT ")(?<ny>" NP_DIGIT "{3,4})\\s*[-./－／．]\\s*"
    "(?<nm>" NP_DIGIT "{1,2})\\s*[-./－／．]\\s*(?<nd>" NP_DIGIT "{1,2})"
    "(?!" NP_DIGIT ")", G_REGEX_DUPNAMES);
  g_autofree char *relative = np_cues_pattern (cues, "date/relative");
  g_autofree char *trailing_time = g_strdup_printf (
    "(?:(?:今|昨|前|明)?[（(]\\s*" NP_DIGIT "{1,2}\\s*[）)]日|%s|%s"
    "|(?:" NP_DIGIT "{1,2}|" NP_CN_SMALL "{1,3})[月日号號])\\s*$", relative,
    parts);
  re->trailing_time = np_regex (trailing_time, 0);
  re->aside = np_regex ("[（(][^（()）]*[）)]", 0);
  re->latin = np_regex ("[A-Za-z][A-Za-z .,&'()-]*", 0);
  re->leading_zero = np_regex ("(?<![0-9])0(?=[0-9][月日號号])", 0);
  g_autofree char *clock = g_strdup_printf (
    "(?:(?:" NP_DIGIT "{1,2}|" NP_CN_SMALL "{1,3})\\s*[時时點点]"
    "(?:\\s*(?:" NP_DIGIT "{1,2}|" NP_CN_SMALL "{1,3})\\s*分|半)?"
    "|" NP_DIGIT "{1,2}[:：]" NP_DIGIT "{2}(?:[:：]" NP_DIGIT "{2})?)");
  g_autofree char *time = g_strdup_printf (
    "^\\s*(?:[（(]%s[一二三四五六日天][）)]|%s[一二三四五六日天])?\\s*%s?\\s*%s?\\s*"
    "(?:許|许|左右)?[，,\\s]*", weekdays, weekdays, parts, clock);
  re->time = np_regex (time, 0);
  g_autofree char *has_clock = g_strdup_printf ("^\\s*%s?\\s*%s", parts,
                                                clock);
  re->clock = np_regex (has_clock, 0);
  /* the top level of Taiwan's official numbering (文書處理手冊: 壹、 一、
   * （一） 1、 （1）) counts in the financial numerals */
  g_autofree char *heading = g_strdup_printf (
    "^(?:(?:" NP_CN_SMALL "|[壹贰貳叁參肆伍陆陸柒捌玖拾]){1,3}\\s*[、．.]|[（(]\\s*" NP_CN_SMALL
    "{1,3}\\s*[）)]|第[一二三四五六七八九十0-9０-９]{1,3}%s"
    "|0[1-9](?![:：][0-9])(?:\\s+|\\s*[｜|丨/／、.．:：-])|(?:Part|PART)\\s*[0-9]+)\\s*",
    ordinals);
  re->heading = np_regex (heading, 0);
  re->item = np_regex (
    "^(?:" NP_DIGIT "{1,2}\\s*[.．、](?!" NP_DIGIT ")|[（(]\\s*" NP_DIGIT
    "{1,2}\\s*[）)]|" NP_DIGIT "{1,2}\\s*[）)]|[①-⑳]|[⑴-⒇]|[⒈-⒛]"
    "|[0-9]\uFE0F?\u20E3|\U0001F51F)\\s*", 0);
  re->brackets = np_regex (
    "^[【\\[［(（▲△▼↑👆👇]+|[】\\]］)）：:，,。.!！👆👇]+$", 0);
  g_autofree char *count = g_strdup_printf (
    "(?:等\\s*)?(?:共(?:计|計|有)?\\s*)?(?<n>%s)\\s*%s(?:\\s*(?<noun>%s))?", number,
    counters, nouns);
  re->count = np_regex (count, 0);
  g_autofree char *list_end = g_strdup_printf (
    "(?<![中高初同平优優头頭上特甲乙])等(?=\\s*(?:%s)?\\s*(?:共|" NP_DIGIT "|" NP_CN_NUMBER "|%s|[，,。；;！!？?、（(]|$|%s))"
    "|(?:共(?:计|計|有)?\\s*)?%s\\s*%s|(?<verb>%s)", batches, nouns, ends, number,
    counters, ends);
  re->list_end = np_regex (list_end, 0);
  g_autofree char *keynote = g_strdup_printf (
    "^(?:(?<label>%s)[一二三四五六七八九十0-9]{0,2}\\s*(?:[：:]|\\s+)\\s*)?(?<speaker>[^《「“『：:]+?)\\s*"
    "(?<colon>[：:])?\\s*(?:《(?<title>.+)》|「(?<title>.+)」|“(?<title>.+)”"
    "|『(?<title>.+)』)(?<rest>[^《「“『]*)$", labels);
  re->keynote = np_regex (keynote, G_REGEX_DUPNAMES);
  g_autofree char *speaker_keys = np_cues_pattern (cues, "keynotes/speaker-keys");
  g_autofree char *keynote_after = g_strdup_printf (
    "^(?:%s)[一二三四五六七八九十0-9]*\\s*[：:]\\s*(?:《(?<title>.+)》|「(?<title>.+)」"
    "|“(?<title>.+)”)\\s*[（(]\\s*%s\\s*[：:]\\s*(?<speaker>[^）)]+)[）)]"
    "[^《「“]*$", labels, speaker_keys);
  re->keynote_after = np_regex (keynote_after, G_REGEX_DUPNAMES);
  g_autofree char *verbs = np_cues_pattern (cues, "keynotes/verbs");
  g_autofree char *each = np_cues_pattern (cues, "keynotes/each");
  g_autofree char *title_words = np_cues_pattern (cues, "keynotes/title-words");
  g_autofree char *as_title = np_cues_pattern (cues, "keynotes/as-title");
  g_autofree char *talk = g_strdup_printf (
    "(?<who>[^，,；;：:。！？!?《「“〈]+?)\\s*(?<each>%s)?\\s*(?:%s)\\s*%s?\\s*"
    "(?<titles>(?:(?:《[^》]+》|「[^」]+」|“[^”]+”|〈[^〉]+〉)\\s*[、，,和与與及]?\\s*)+)"
    "%s?\\s*的?[^，,。；;！？!?《「“〈]{0,10}?(?:%s)", each, verbs, title_words,
    as_title, labels);
  re->talk = np_regex (talk, G_REGEX_DUPNAMES);
  re->quoted = np_regex ("《(?<t>[^》]+)》|「(?<t>[^」]+)」|“(?<t>[^”]+)”|〈(?<t>[^〉]+)〉",
                         G_REGEX_DUPNAMES);
  g_autofree char *wrapper = g_strdup_printf (
    "^(?:[（(]\\s*%s\\s*[：:/／]\\s*(?<text>.+?)\\s*[）)]"
    "|[【\\[［]\\s*%s\\s*[】\\]］]\\s*(?<text>.+)"
    "|[（(]\\s*%s\\s*[一二三四五六七八九十0-9０-９]{0,3}\\s*[）)]\\s*(?<text>.+)"
    "|%s\\s*[：:]\\s*(?<text>.+)"
    "|%s[一二三四五六七八九十0-9０-９]{1,3}\\s*[：:]\\s*(?<text>.+))$",
    pictures, pictures, pictures, pictures, numbered);
  re->caption_wrapper = np_regex (wrapper, G_REGEX_DUPNAMES);
  re->cells = np_regex ("\t+| {2,}|\u3000{2,}", 0);
  re->clock_any = np_regex (
    "(?<!" NP_DIGIT ")" NP_DIGIT "{1,2}[:：]" NP_DIGIT "{2}(?!" NP_DIGIT ")"
    "|(?:上午|下午|晚上|早上|中午)\\s*" NP_DIGIT "{1,2}\\s*[時时點点]", 0);
  re->phone = np_regex (
    "(?<![0-9])(?:\\(?0[0-9]{1,3}\\)?[- ]?)?[0-9]{3,4}[- ][0-9]{4}(?![0-9])"
    "|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|分機|分机|電話|电话|Tel|TEL", 0);
  re->email = np_regex ("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", 0);
  re->url = np_regex ("https?://|www\\.[A-Za-z0-9-]+\\.", 0);
  re->caption_number = np_regex (
    "^[图圖](?:" NP_DIGIT "{1,2}|" NP_CN_SMALL "{1,3})(?:\\s+|[：:．.、-]\\s*)",
    0);
}

static void
np_patterns_clear (NpPatterns *re)
{
  GRegex **all[] = { &re->date, &re->latin, &re->aside,
                     &re->trailing_time, &re->leading_zero, &re->time,
                     &re->clock, &re->heading, &re->item, &re->brackets,
                     &re->count, &re->list_end, &re->keynote, &re->talk,
                     &re->quoted, &re->keynote_after, &re->caption_wrapper,
                     &re->caption_number, &re->cells, &re->clock_any,
                     &re->phone, &re->email, &re->url };
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_clear_pointer (all[i], g_regex_unref);
}

/* ---- front matter -------------------------------------------------------- */

static gboolean
np_is_fence (const char *line)
{
  g_autofree char *trimmed = np_trim (line);
  return strcmp (trimmed, "---") == 0;
}

/* Where the key ends: the first ASCII or full-width colon, or NULL. */
static const char *
np_find_colon (const char *s)
{
  const char *ascii = strchr (s, ':');
  const char *wide = strstr (s, "：");
  if (!ascii || (wide && wide < ascii))
    return wide;
  return ascii;
}

static void
np_front_matter_set (NpReader *reader, const char *key, const char *value,
                     guint line)
{
  NpDocument *doc = reader->doc;
  char **field = NULL;
  if (strcmp (key, "title") == 0) {
    field = &doc->headline;
    g_free (doc->headline_rule);
    doc->headline_rule = g_strdup ("headline: front matter");
  }
  else if (strcmp (key, "subtitle") == 0)
    field = &doc->subtitle;
  else if (strcmp (key, "issue") == 0)
    field = &doc->issue;
  else if (strcmp (key, "date") == 0)
    field = &doc->date;
  else if (strcmp (key, "publisher") == 0)
    field = &doc->publisher;
  else if (strcmp (key, "masthead") == 0)
    field = &doc->masthead;
  else if (strcmp (key, "credit") == 0)
    field = &reader->front_credit;
  if (!field) {
    np_document_warn (doc, line,
                      "front matter: unknown key \"%s\" (known: title, "
                      "subtitle, date, issue, publisher, masthead, credit)",
                      key);
    return;
  }
  g_free (*field);
  *field = *value ? g_strdup (value) : NULL; /* empty: as if not given */
}

static void
np_front_matter_line (NpReader *reader, const char *text, guint line)
{
  g_autofree char *trimmed = np_trim (text);
  if (!*trimmed || *trimmed == '#')
    return;
  const char *colon = np_find_colon (trimmed);
  if (!colon) {
    np_document_warn (reader->doc, line,
                      "front matter: expected \"key: value\"");
    return;
  }
  g_autofree char *raw_key = g_strndup (trimmed, colon - trimmed);
  g_autofree char *key = np_trim (raw_key);
  g_autofree char *lower = g_ascii_strdown (key, -1);
  g_autofree char *value = np_trim (g_utf8_next_char (colon));
  np_front_matter_set (reader, lower, value, line);
}

/* Reads the front matter, if the report opens with one.  Returns the
 * index of the first body line (0 when there is none). */
static guint
np_read_front_matter (NpReader *reader, char **lines)
{
  if (!lines[0] || !np_is_fence (lines[0]))
    return 0;
  guint close = 1;
  while (lines[close] && !np_is_fence (lines[close]))
    close++;
  if (!lines[close]) {
    /* an opening --- alone is more likely a rule typed into the text */
    np_document_warn (reader->doc, 1,
                      "front matter: no closing ---, read as text");
    return 0;
  }
  for (guint i = 1; i < close; i++)
    np_front_matter_line (reader, lines[i], i + 1);
  return close + 1;
}

/* ---- steps --------------------------------------------------------------- */

/* Whether the file's empty lines mark pictures that captions name: more
 * of its short lines (no sentence) stand after one than not. */
static gboolean
np_pictures_named (NpReader *reader)
{
  guint after = 0, elsewhere = 0;
  for (guint i = 0; i < np_reader_count (reader); i++) {
    const NpPara *p = np_reader_para (reader, i);
    if (p->state == NP_PARA_OPEN && i != reader->lead
        && np_visible_length (p->text) <= 40
        && !np_is_stop (np_final_char (p->text))
        && !np_is_pause (np_final_char (p->text))) {
      after += p->picture;
      elsewhere += !p->picture;
    }
  }
  return after > 0 && after >= elsewhere;
}

/* The front matter's credit stands for the lines the end step found:
 * they are dropped before the body is read, and it closes the report. */
static void
np_drop_found_credit (NpReader *reader)
{
  if (!reader->front_credit)
    return;
  for (guint i = 0; i < np_reader_count (reader); i++) {
    NpPara *p = np_reader_para (reader, i);
    if (p->state == NP_PARA_CREDIT)
      np_reader_drop (reader, i);
  }
}

static void
np_add_front_credit (NpReader *reader)
{
  if (!reader->front_credit)
    return;
  NpBlock *b = np_document_add_text (reader->doc, NP_BLOCK_CREDIT,
                                     reader->front_credit, 1);
  np_block_set_rule (b, "credit: front matter");
}

/* One warning for everything dropped, naming the first few. */
static void
np_warn_dropped (NpReader *reader)
{
  GPtrArray *d = reader->dropped;
  if (d->len == 0)
    return;
  g_ptr_array_sort (d, np_by_line);
  for (guint i = 0; i < d->len; i++) {
    const NpPara *p = d->pdata[i];
    np_document_add_dropped (reader->doc, p->line, p->text);
  }
  GString *names = g_string_new (NULL);
  for (guint i = 0; i < d->len && i < NP_DROPPED_NAMED; i++) {
    const char *text = ((NpPara *) d->pdata[i])->text;
    g_autofree char *stripped = np_strip_emoji (text);
    /* a line of emoji only is named by its emoji */
    g_autofree char *bare = *stripped ? g_steal_pointer (&stripped)
                                      : np_trim (text);
    glong length = g_utf8_strlen (bare, -1);
    g_string_append_printf (names, "%s%.*s%s", i ? ", " : "",
                            (int) (g_utf8_offset_to_pointer (bare,
                                                             MIN (length, 15))
                                   - bare),
                            bare, length > 15 ? "…" : "");
  }
  if (d->len > NP_DROPPED_NAMED)
    g_string_append (names, ", …");
  np_document_warn (reader->doc, ((NpPara *) d->pdata[0])->line,
                    "dropped %u line%s that %s not the report's text (%s)",
                    d->len, d->len == 1 ? "" : "s", d->len == 1 ? "is" : "are",
                    names->str);
  g_string_free (names, TRUE);
}

static void
np_reader_clear (NpReader *reader)
{
  np_patterns_clear (&reader->re);
  g_clear_pointer (&reader->cues, np_cues_free);
  g_clear_pointer (&reader->paras, g_ptr_array_unref);
  g_clear_pointer (&reader->dropped, g_ptr_array_unref);
  g_clear_pointer (&reader->line_titles, g_ptr_array_unref);
  g_clear_pointer (&reader->end_date, g_free);
  g_clear_pointer (&reader->meta_date, g_free);
  g_clear_pointer (&reader->meta_publisher, g_free);
  g_clear_pointer (&reader->front_credit, g_free);
}

/* ---- entry point --------------------------------------------------------- */

/* The reading up to the paragraphs: the front matter, the editor's marks
 * and the lines joined.  Returns whether any paragraph holds text. */
static gboolean
np_reader_start (NpReader *reader, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  *reader = (NpReader) { .doc = np_document_new (), .cues = np_cues_new (),
                         .lead = G_MAXUINT };
  reader->dropped = g_ptr_array_new (); /* of NpPara*, owned by paras */
  reader->line_titles = g_ptr_array_new (); /* of NpBlock*, owned by doc */
  reader->doc->script = np_script_detect (text);
  np_patterns_init (&reader->re, reader->cues);

  guint body = np_read_front_matter (reader, lines);
  np_lines_to_paras (reader, lines, body);
  gboolean any = FALSE;
  for (guint i = 0; i < np_reader_count (reader) && !any; i++)
    any = *np_reader_para (reader, i)->text != '\0';
  return any;
}

char *
np_report_features (const char *text, gboolean roles)
{
  g_return_val_if_fail (text != NULL, NULL);
  NpReader reader;
  np_reader_start (&reader, text);
  NpFeatures *features = np_read_features (&reader);
  if (roles)
    np_read_roles (&reader, features);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < np_reader_count (&reader); i++) {
    const NpPara *p = np_reader_para (&reader, i);
    g_string_append_printf (out, "%u", p->line);
    if (roles) {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (
        out, "\t%s\t%s\t%s\t%s\t%s", np_role_name (p->role),
        g_ascii_formatd (a, sizeof a, "%.2f", p->role_p),
        np_role_name (p->second),
        g_ascii_formatd (b, sizeof b, "%.2f", p->second_p), p->evidence);
    } else
      for (guint k = 0; k < np_features_count (features, i); k++) {
        double value;
        const char *name = np_features_name (features, i, k, &value);
        char v[G_ASCII_DTOSTR_BUF_SIZE];
        if (value == 1)
          g_string_append_printf (out, "\t%s", name);
        else
          g_string_append_printf (out, "\t%s=%s", name,
                                  g_ascii_formatd (v, sizeof v, "%.4f", value));
      }
    g_string_append_c (out, '\n');
  }
  np_features_free (features);
  np_reader_clear (&reader);
  np_document_free (reader.doc);
  return g_string_free (out, FALSE);
}

NpDocument *
np_report_parse (const char *text, const char *name, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  NpReader reader;
  gboolean any = np_reader_start (&reader, text);
  if (any) {
    NpFeatures *features = np_read_features (&reader);
    np_read_roles (&reader, features);
    np_features_free (features);
    np_read_end (&reader);
    np_read_head (&reader);
    reader.pictures = np_pictures_named (&reader);
    np_drop_found_credit (&reader);
    np_read_body (&reader);
    np_add_front_credit (&reader);
    np_title_unit_tables (&reader);
    np_finish_head (&reader);
    np_warn_dropped (&reader);
  }
  np_reader_clear (&reader);

  const char *what = NULL;
  if (!any)
    what = "the report is empty";
  else if (reader.doc->blocks->len == 0)
    /* every line was the page's (阅读原文, 微信扫一扫) or marked @@删除 */
    what = "no text of the report is left: every line was read as the "
           "page's, not the report's; begin a line with @@正文 to keep it";
  if (what) {
    g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: %s",
                 name ? name : "report", what);
    g_clear_pointer (&reader.doc, np_document_free);
  }
  return reader.doc;
}
