/* report-head.c: the head of a report: title, subtitle, meta lines, lead;
 * then its date and headline.
 *
 * Contract: np_read_head() reads the paragraphs before the body: a title
 * line (taken, not printed again as body text), a ——subtitle, and the
 * lines a web page or WeChat puts between title and text (breadcrumbs,
 * 发布时间/来源/浏览次数, the account name and time), which are dropped
 * after their date and source are read.  It marks the lead.
 * np_finish_head() runs after the body and the end are read: it settles
 * the date (front matter, the lead, the meta lines, a date line at the
 * end, in that order) and, without a title, takes the headline from the
 * lead's event clause.  It warns where the text cannot tell.
 */
#include "report-private.h"

#include "emojitext.h"

#include <string.h>

/* A headline longer than this (characters) is shortened at a phrase
 * boundary: two lines of the headline size across a page. */
#define NP_MAX_HEADLINE 40
/* A title line at most this long (characters); longer is a paragraph. */
#define NP_MAX_TITLE 64
/* A line of the e-mail that carried a report is at most this long. */
#define NP_MAX_MAIL_LINE 60
/* A WeChat account's name on its own line is at most this long. */
#define NP_MAX_ACCOUNT 12

/* The index of the first open paragraph at or after `i`. */
static guint
np_next_open (const NpReader *reader, guint i)
{
  while (i < np_reader_count (reader)
         && np_reader_para (reader, i)->state != NP_PARA_OPEN)
    i++;
  return i;
}

/* What the text of a date line is besides its date: a weekday, the part
 * of the day, a clock time, spaces. */
static gboolean
np_is_date_line (NpReader *reader, const char *text)
{
  gsize start = 0, end = 0;
  const char *p = np_skip_emoji (text);
  g_autofree char *date = np_find_date (reader, p, TRUE, &start, &end);
  if (!date)
    return FALSE;
  p += end;
  p += np_time_length (reader, p);
  return *np_skip_emoji (p) == '\0';
}

/* Whether a line is a web page's or WeChat's, not the report's: a meta
 * cue followed by a colon (来源：…, 发布时间：…), 【字体：大 中 小】, a date
 * with a clock time, 原创 …. */
static gboolean
np_is_meta_line (NpReader *reader, const char *text)
{
  if (np_visible_length (text) > 160 || np_has_stop (text))
    return FALSE;
  if (np_is_date_line (reader, text))
    return TRUE;
  const char *p = text;
  gsize n = 0;
  while ((p = np_cues_find (reader->cues, "meta/cues", p, &n))) {
    gunichar after = g_utf8_get_char (p + n);
    if (g_utf8_strchr ("：:｜|", -1, after) || (p == text && after == ' '))
      return TRUE;
    p += n;
  }
  if (np_cues_opens (reader->cues, "meta/openers", np_skip_emoji (text)))
    return TRUE;
  /* a date and a time somewhere: "甲学院 2025-04-26 18:30" */
  gsize start = 0, end = 0;
  g_autofree char *date = np_find_date (reader, text, FALSE, &start, &end);
  return date && np_has_clock (reader, text + end)
         && np_visible_length (text) <= 60;
}

/* A short line of a name only (a WeChat account) right before a meta
 * line. */
static gboolean
np_is_account_line (NpReader *reader, guint i)
{
  const NpPara *p = np_reader_para (reader, i);
  guint next = np_next_open (reader, i + 1);
  if (np_visible_length (p->text) > NP_MAX_ACCOUNT || np_final_char (p->text) == 0
      || np_is_pause (np_final_char (p->text))
      || np_is_stop (np_final_char (p->text))
      || next >= np_reader_count (reader))
    return FALSE;
  return np_is_meta_line (reader, np_reader_para (reader, next)->text);
}

/* Whether paragraph `i` may be the title line. */
static gboolean
np_is_title_line (NpReader *reader, guint i)
{
  const NpPara *p = np_reader_para (reader, i);
  if (p->force == NP_FORCE_TITLE)
    return TRUE;
  if (p->force != NP_FORCE_NONE)
    return FALSE;
  glong length = np_visible_length (p->text);
  gunichar final = np_final_char (p->text);
  /* 2024年4月20日下午，…: a dated sentence is the lead, not its title */
  gsize start = 0, end = 0;
  const char *words = np_skip_emoji (p->text);
  g_autofree char *date = np_find_date (reader, words, TRUE, &start, &end);
  if (date && np_time_length (reader, words + end) > 0
      && *np_skip_emoji (words + end + np_time_length (reader, words + end)))
    return FALSE;
  if (length < 4 || length > NP_MAX_TITLE || final == 0 || np_is_pause (final)
      || (np_is_stop (final) && (final == 0x3002 || length > 40))
      || np_next_open (reader, i + 1) >= np_reader_count (reader))
    return FALSE;
  return !np_is_meta_line (reader, p->text)
         && !np_is_credit_line (reader, p->text)
         && !np_is_account_line (reader, i)
         && !np_cues_opens (reader->cues, "caption/marks", p->text)
         && np_item_number (reader, p->text) == 0
         && np_heading_number (reader, p->text) == 0;
}

/* A subtitle line: ——记…, or marked @@副标题. */
static gboolean
np_is_subtitle_line (NpReader *reader, guint i)
{
  const NpPara *p = np_reader_para (reader, i);
  if (p->force == NP_FORCE_SUBTITLE)
    return TRUE;
  return p->force == NP_FORCE_NONE
         && np_cues_opens (reader->cues, "headline/subtitle-marks", p->text)
         && np_visible_length (p->text) <= NP_MAX_TITLE
         && !np_is_stop (np_final_char (p->text));
}

/* Reads a meta line's date and source. */
static void
np_read_meta (NpReader *reader, const char *text)
{
  if (!reader->meta_date)
    reader->meta_date = np_find_date (reader, text, FALSE, NULL, NULL);
  char *publisher = np_credit_publisher (reader, text);
  if (publisher && !reader->meta_publisher)
    reader->meta_publisher = publisher;
  else
    g_free (publisher);
}

/* Where a lead's own words start: past emoji, a dateline (本报讯, 【甲学院讯】,
 * （记者 张三）) and spaces. */
static const char *
np_past_dateline (NpReader *reader, const char *text)
{
  const char *p = np_skip_emoji (text);
  for (int k = 0; k < 3; k++) {
    gsize n = np_cues_opens (reader->cues, "meta/datelines", p);
    if (n == 0 && (g_str_has_prefix (p, "【") || g_str_has_prefix (p, "（")
                   || g_str_has_prefix (p, "("))) {
      /* a bracketed dateline: 【甲学院讯】, （记者 张三 通讯员 李四） */
      const char *close = strstr (p, g_str_has_prefix (p, "【") ? "】"
                                     : g_str_has_prefix (p, "(") ? ")"
                                                                 : "）");
      g_autofree char *inner = close ? g_strndup (p, close - p) : NULL;
      if (inner && g_utf8_strlen (inner, -1) <= 30
          && (np_cues_closes (reader->cues, "meta/datelines", inner)
              || np_cues_find (reader->cues, "credit/direct", inner, NULL)))
        n = close - p + (g_str_has_prefix (p, "【") ? strlen ("】")
                         : g_str_has_prefix (p, "(") ? 1
                                                     : strlen ("）"));
    }
    if (n == 0)
      break;
    p = np_skip_emoji (p + n);
  }
  return p;
}

/* Whether a line belongs to the e-mail that carried the report: a
 * greeting (各位老师：) or the covering note (附件是…新闻稿，请审阅). */
static gboolean
np_is_mail_line (NpReader *reader, const char *text)
{
  if (np_cues_find (reader->cues, "end/mail", text, NULL) == NULL)
    return FALSE;
  gunichar final = np_final_char (text);
  return np_visible_length (text) <= NP_MAX_MAIL_LINE
         && (final == 0xFF1A || final == ':' || np_is_stop (final)
             || np_visible_length (text) <= NP_MAX_ACCOUNT);
}

/* Whether paragraph `k` goes on the title line `i`: a title broken over
 * two lines, both with no mark at the end, standing alone above an empty
 * line. */
static gboolean
np_title_goes_on (NpReader *reader, guint i, guint k)
{
  const NpPara *a = np_reader_para (reader, i), *b = np_reader_para (reader, k);
  guint after = np_next_open (reader, k + 1);
  gunichar end_a = np_final_char (a->text), end_b = np_final_char (b->text);
  return b->force == NP_FORCE_NONE && b->line == a->line + 1
         && after < np_reader_count (reader)
         && np_reader_para (reader, after)->line > b->line + 1
         && !g_unichar_ispunct (end_a) && !np_is_stop (end_b)
         && !np_is_pause (end_b)
         && np_visible_length (a->text) + np_visible_length (b->text)
              <= NP_MAX_TITLE
         && !np_is_meta_line (reader, b->text)
         && !np_is_credit_line (reader, b->text)
         && !np_is_subtitle_line (reader, k)
         && !np_find_date (reader, b->text, TRUE, NULL, NULL);
}

void
np_read_head (NpReader *reader)
{
  NpDocument *doc = reader->doc;
  guint n = np_reader_count (reader);
  guint i = np_next_open (reader, 0);

  /* The e-mail the report came in: its greeting and covering note. */
  while (i < n && np_reader_para (reader, i)->force == NP_FORCE_NONE
         && np_is_mail_line (reader, np_reader_para (reader, i)->text)) {
    np_reader_drop (reader, i);
    i = np_next_open (reader, i + 1);
  }

  /* Meta lines may stand above the title: breadcrumbs, a time stamp. */
  while (i < n && np_next_open (reader, i + 1) < n
         && np_reader_para (reader, i)->force == NP_FORCE_NONE
         && (np_is_meta_line (reader, np_reader_para (reader, i)->text)
             || np_is_account_line (reader, i))) {
    np_read_meta (reader, np_reader_para (reader, i)->text);
    np_reader_drop (reader, i);
    i = np_next_open (reader, i + 1);
  }
  if (i < n && np_is_title_line (reader, i)) {
    NpPara *title = np_reader_para (reader, i);
    g_autofree char *text = np_strip_emoji (title->text);
    title->state = NP_PARA_TAKEN;
    guint k = np_next_open (reader, i + 1);
    if (k < n && np_title_goes_on (reader, i, k)) {
      g_autofree char *rest = np_strip_emoji (np_reader_para (reader, k)->text);
      char *joined = g_strconcat (text, rest, NULL);
      g_free (text);
      text = joined;
      np_reader_para (reader, k)->state = NP_PARA_TAKEN;
      k = np_next_open (reader, k + 1);
    }
    if (!doc->headline) {
      doc->headline = g_steal_pointer (&text);
      doc->headline_rule = g_strdup (np_reader_para (reader, i)->force
                                         == NP_FORCE_TITLE
                                       ? "headline: @@标题"
                                       : "headline: title line");
    }
    i = k;
    reader->titled = TRUE;
  }
  if (i < n && reader->titled && np_is_subtitle_line (reader, i)) {
    NpPara *subtitle = np_reader_para (reader, i);
    if (!doc->subtitle)
      doc->subtitle = g_strdup (subtitle->text);
    subtitle->state = NP_PARA_TAKEN;
    i = np_next_open (reader, i + 1);
  }
  /* Between title and text: meta lines, and credit lines some pages put
   * there (文｜张三); the credit is set at the end all the same. */
  while (i < n && np_next_open (reader, i + 1) < n
         && np_reader_para (reader, i)->force == NP_FORCE_NONE) {
    NpPara *p = np_reader_para (reader, i);
    g_autofree char *bare = np_bare (p->text);
    g_autofree char *title = doc->headline ? np_bare (doc->headline) : NULL;
    if (np_is_meta_line (reader, p->text) || np_is_account_line (reader, i)) {
      np_read_meta (reader, p->text);
      np_reader_drop (reader, i);
    } else if (np_is_credit_line (reader, p->text))
      p->state = NP_PARA_CREDIT;
    else if (title && strcmp (bare, title) == 0)
      p->state = NP_PARA_TAKEN; /* the title again, as Word repeats it */
    else
      break;
    i = np_next_open (reader, i + 1);
  }
  reader->lead = i < n ? i : G_MAXUINT;
}

/* ---- the lead and its date ----------------------------------------------- */

/* The first sentence of `text`, up to its 。！？ (newly allocated). */
static char *
np_first_sentence (const char *text)
{
  const char *p = text;
  while (*p && !np_is_stop (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return g_strndup (text, p - text);
}

/* Whether paragraph `i`, the first of the body, reads as a lead: it opens
 * with a dateline, a date or a word such as 近日, or its first sentence
 * dates the event. */
gboolean
np_is_lead (NpReader *reader, guint i)
{
  const NpPara *p = np_reader_para (reader, i);
  if (p->force != NP_FORCE_NONE || i != reader->lead)
    return FALSE;
  const char *words = np_past_dateline (reader, p->text);
  if (words != np_skip_emoji (p->text)
      || np_cues_opens (reader->cues, "date/relative", words))
    return TRUE;
  g_autofree char *sentence = np_first_sentence (words);
  g_autofree char *date = np_find_date (reader, sentence, FALSE, NULL, NULL);
  return date != NULL;
}

/* ---- the headline from the lead ------------------------------------------ */

/* `clause` past a date, a time and a relative time word it opens with
 * (4月26日上午, 近日, 今（12）日), and past spaces and emoji. */
static const char *
np_past_time (NpReader *reader, const char *clause)
{
  const char *p = np_skip_emoji (clause);
  for (int k = 0; k < 3; k++) {
    gsize start = 0, end = 0;
    g_autofree char *date = np_find_date (reader, p, TRUE, &start, &end);
    gsize n = date ? end : np_cues_opens (reader->cues, "date/relative", p);
    if (n == 0) {
      /* 今（12）日 / 昨(7)日: a day named by its number in brackets */
      gsize word = np_cues_opens (reader->cues, "date/days", p);
      const char *q = p + word;
      if (word && (g_str_has_prefix (q, "（") || *q == '(')) {
        const char *close = strstr (q, *q == '(' ? ")" : "）");
        if (close && close - q <= 12) {
          q = close + (*close == ')' ? 1 : strlen ("）"));
          if (g_str_has_prefix (q, "日"))
            n = q + strlen ("日") - p;
        }
      }
    }
    if (n == 0)
      break;
    p += n;
    p += np_time_length (reader, p);
    p = np_skip_emoji (p);
  }
  return p;
}

/* Whether a clause of the lead is not the event: where the news came
 * from (记者从…获悉) or the setting (为深入贯彻…, 在…的背景下, 按照…部署). */
static gboolean
np_is_setting (NpReader *reader, const char *clause)
{
  NpCues *c = reader->cues;
  if (np_cues_closes (c, "headline/source-closers", clause)
      || np_cues_opens (c, "headline/source-openers", clause))
    return TRUE;
  gsize n = np_cues_opens (c, "headline/background-openers", clause);
  if (n == 0)
    return FALSE;
  /* 在 opens many an event clause (在…举行 is rare at the start, but
   * 在…的背景下 is common): only with a closer is it the setting. */
  if (n == strlen ("在") && g_str_has_prefix (clause, "在"))
    return np_cues_closes (c, "headline/background-closers", clause) > 0;
  return TRUE;
}

/* A clause that states the event: one of the event verbs is in it. */
static gboolean
np_is_event (NpReader *reader, const char *clause)
{
  return np_cues_find (reader->cues, "headline/event-verbs", clause, NULL)
         != NULL;
}

/* Drops what may dangle at the end of a cut sentence: emoji, spaces and
 * pausing punctuation. */
static void
np_chop_tail (char *s)
{
  char *end = s + strlen (s);
  while (end > s) {
    char *prev = g_utf8_prev_char (end);
    gunichar c = g_utf8_get_char (prev);
    if (!np_emoji_is_part (c) && !np_is_space (c) && !np_is_pause (c)
        && c != 0x2026 && c != 0x2014)
      break;
    end = prev;
  }
  *end = '\0';
}

/* A headline over NP_MAX_HEADLINE characters loses the modifier it opens
 * with (由甲联盟主办的…), then is cut at its last phrase boundary (、 or a
 * space) before that length, when it has one. */
static char *
np_shorten (NpReader *reader, char *headline)
{
  if (g_utf8_strlen (headline, -1) <= NP_MAX_HEADLINE)
    return headline;
  const char *p = headline, *cut = NULL;
  gsize n = 0;
  while ((p = np_cues_find (reader->cues, "headline/modifier-ends", p, &n))) {
    cut = p + n;
    p += n;
    if (g_utf8_strlen (cut, -1) <= NP_MAX_HEADLINE)
      break;
  }
  if (cut && *cut && g_utf8_strlen (cut, -1) >= 8) {
    char *rest = g_strdup (cut);
    g_free (headline);
    headline = rest;
  }
  if (g_utf8_strlen (headline, -1) <= NP_MAX_HEADLINE)
    return headline;
  char *last = NULL;
  glong k = 0;
  for (char *q = headline; *q && k < NP_MAX_HEADLINE;
       q = g_utf8_next_char (q), k++)
    if (k >= 8 && (g_utf8_strchr ("、 \u3000", -1, g_utf8_get_char (q))))
      last = q;
  if (last)
    *last = '\0';
  return headline;
}

/* The headline the lead implies: the clause of its first sentence that
 * states the event, without the date, the time and the setting.  NULL
 * when nothing is left. */
static char *
np_headline_from (NpReader *reader, const char *text, gboolean *sure)
{
  g_autofree char *sentence = np_first_sentence (np_past_dateline (reader,
                                                                   text));
  g_auto (GStrv) clauses = g_regex_split_simple ("[，,；;]", sentence, 0, 0);
  const char *first = NULL, *event = NULL;
  for (guint i = 0; clauses[i] && !event; i++) {
    const char *clause = np_past_time (reader, clauses[i]);
    if (np_visible_length (clause) < 4 || np_is_setting (reader, clause))
      continue;
    if (!first)
      first = clause;
    if (np_is_event (reader, clause))
      event = clause;
  }
  *sure = event != NULL;
  const char *chosen = event ? event : first;
  if (!chosen)
    return NULL;
  char *headline = np_strip_emoji (chosen);
  np_chop_tail (headline);
  headline = np_shorten (reader, headline);
  np_chop_tail (headline);
  if (*headline)
    return headline;
  g_free (headline);
  return NULL;
}

/* ---- after the body ------------------------------------------------------ */

/* Month and day of a date as newsprint prints it (2025年4月26日,
 * 四月二十六日); FALSE when they cannot be read. */
static gboolean
np_month_day (NpReader *reader, const char *date, int *m, int *d)
{
  g_autoptr (GMatchInfo) info = NULL;
  if (!date || !g_regex_match (reader->re.date, date, 0, &info))
    return FALSE;
  g_autofree char *month = g_match_info_fetch_named (info, "m");
  g_autofree char *day = g_match_info_fetch_named (info, "d");
  *m = np_parse_number (month);
  *d = np_parse_number (day);
  return *m > 0 && *d > 0;
}

/* Whether `full`, a date with its year, names the day `date` does. */
static gboolean
np_same_day (NpReader *reader, const char *date, const char *full)
{
  int m1 = 0, d1 = 0, m2 = 0, d2 = 0;
  return full && strstr (full, "年") && np_month_day (reader, date, &m1, &d1)
         && np_month_day (reader, full, &m2, &d2) && m1 == m2 && d1 == d2;
}

void
np_finish_head (NpReader *reader)
{
  NpDocument *doc = reader->doc;
  const NpPara *lead = reader->lead != G_MAXUINT
                         ? np_reader_para (reader, reader->lead)
                         : NULL;
  if (!doc->date && lead) {
    g_autofree char *sentence = np_first_sentence (lead->text);
    doc->date = np_find_date (reader, sentence, FALSE, NULL, NULL);
  }
  if (!doc->date && reader->meta_date)
    doc->date = g_strdup (reader->meta_date);
  if (!doc->date && reader->end_date)
    doc->date = g_strdup (reader->end_date);
  if (!doc->date)
    np_document_warn (doc, 0, "no date found in the report: give one with "
                              "--date, or with date: at the top");
  /* A date without its year (今日（四月二十六日）) gives way to the page's
   * or the release's full date of that day, or takes its year. */
  else if (!strstr (doc->date, "年")
           && (np_same_day (reader, doc->date, reader->end_date)
               || np_same_day (reader, doc->date, reader->meta_date))) {
    const char *full = np_same_day (reader, doc->date, reader->end_date)
                         ? reader->end_date
                         : reader->meta_date;
    g_free (doc->date);
    doc->date = g_strdup (full);
  } else if (!strstr (doc->date, "年")) {
    const char *dated = reader->meta_date ? reader->meta_date
                                          : reader->end_date;
    const char *year = dated ? strstr (dated, "年") : NULL;
    if (year && year - dated == 4) {
      char *full = g_strdup_printf ("%.*s%s", (int) (year - dated + 3),
                                    dated, doc->date);
      g_free (doc->date);
      doc->date = full;
    }
  }

  if (!doc->publisher && reader->meta_publisher)
    doc->publisher = g_strdup (reader->meta_publisher);

  if (doc->headline || !lead)
    return;
  gboolean sure = FALSE;
  doc->headline = np_headline_from (reader, lead->text, &sure);
  doc->headline_rule = g_strdup (sure ? "headline: the lead's event clause"
                                      : "headline: the lead's first clause");
  if (!doc->headline)
    np_document_warn (doc, lead->line, "no headline found: give one with "
                                       "--title or a title line");
  else if (!sure)
    np_document_warn (doc, lead->line,
                      "headline \"%s\" read from the lead, which names no "
                      "event (举行, 召开, 签约…): check it, or give one with "
                      "--title", doc->headline);
}
