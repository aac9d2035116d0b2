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

/* The sentences of a lead in which its date and its event are looked
 * for. */
#define NP_LEAD_SENTENCES 2
/* How far into the lead (characters) the headline is looked for. */
#define NP_MAX_LEAD_READ 400
/* A headline longer than this (characters) is shortened at a phrase
 * boundary: two lines of the headline size across a page. */
#define NP_MAX_HEADLINE 40
/* A title line at most this long (characters); longer is a paragraph. */
#define NP_MAX_TITLE 64
/* A post's time stamp line (3小时前 来自 微博) is at most this long. */
#define NP_MAX_STAMP 40
/* A line of the e-mail that carried a report is at most this long. */
#define NP_MAX_MAIL_LINE 60
/* A title block holds at most a kicker, the title and a subtitle. */
#define NP_MAX_TITLE_LINES 3
/* A column's tag before a headline and its bar (会议速递｜) is at most
 * this long, and the title after it at least this long (characters). */
#define NP_MAX_COLUMN_TAG 6
#define NP_MIN_TAGGED_TITLE 8
/* A subtitle not marked —— is at least this long (characters): a shorter
 * line under a title is a caption or a name. */
#define NP_MIN_SUBTITLE 10
/* A unit naming the page a post was copied from is at most this long
 * (characters); a title naming a unit is longer and states an event. */
#define NP_MAX_PAGE_NAME 16
/* A WeChat account's name on its own line is at most this long. */
#define NP_MAX_ACCOUNT 12
/* A dateline in brackets (【甲学院讯】) holds at most this many
 * characters. */
#define NP_MAX_DATELINE 29
/* A day's number in brackets (今（12）日) is at most this long
 * (characters, spaces too). */
#define NP_MAX_DAY_NUMBER 4

static gboolean np_is_event (NpReader *reader, const char *clause);
static const char *np_past_time (NpReader *reader, const char *clause);

/* The index of the first open paragraph at or after `i`. */
static guint
np_next_open (const NpReader *reader, guint i)
{
  while (i < np_reader_count (reader)
         && np_reader_para (reader, i)->state != NP_PARA_OPEN)
    i++;
  return i;
}

/* Whether a line is a web page's or WeChat's, not the report's: a meta
 * cue followed by a colon (来源：…, 发布时间：…), 【字体：大 中 小】, a date
 * with a clock time, 原创 …. */
gboolean
np_is_meta_line (NpReader *reader, const char *text)
{
  if (np_visible_length (text) > 160 || np_has_stop (text))
    return FALSE;
  if (np_is_date_line (reader, text, NULL))
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
  /* 3小时前 来自 微博网页版: a post's time stamp */
  if (np_visible_length (text) <= NP_MAX_STAMP
      && np_cues_find (reader->cues, "meta/stamps", text, NULL))
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
  /* 港灣專業教育學院 Harbour Institute…: a page named by its unit */
  if (np_visible_length (p->text) > NP_MAX_TITLE)
    return FALSE;
  g_autofree char *han = g_regex_replace (reader->re.latin, p->text, -1, 0, "",
                                          0, NULL);
  gboolean unit = np_is_unit_name (reader, han)
                  && np_visible_length (han) <= NP_MAX_PAGE_NAME
                  && !np_is_event (reader, han);
  if ((np_visible_length (p->text) > NP_MAX_ACCOUNT && !unit)
      || np_final_char (p->text) == 0
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
  gsize time = date ? np_time_length (reader, words + end) : 0;
  if (time > 0 && *np_skip_emoji (words + end + time))
    return FALSE;
  /* 今日（5月20日），…: a sentence opening with its time is the lead */
  const char *after_time = np_past_time (reader, words);
  g_autofree char *opening = g_strndup (words, after_time - words);
  if (strstr (opening, "，") || strchr (opening, ','))
    return FALSE;
  if (length < 4 || length > NP_MAX_TITLE || final == 0 || np_is_pause (final)
      || (np_is_stop (final) && (final == 0x3002 || length > 40))
      || np_next_open (reader, i + 1) >= np_reader_count (reader))
    return FALSE;
  return !np_is_meta_line (reader, p->text)
         && !np_is_credit_line (reader, p->text)
         && !np_is_account_line (reader, i)
         && !np_cues_opens (reader->cues, "headline/info-marks", p->text)
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

/* Where a lead's own words start: past emoji, a dateline (本报讯, 【甲学院讯】,
 * （记者 张三）) and spaces. */
static const char *
np_past_dateline (NpReader *reader, const char *text)
{
  const char *p = np_skip_emoji (text);
  for (int k = 0; k < 3; k++) {
    gsize n = np_cues_opens (reader->cues, "meta/datelines", p);
    /* a bracketed dateline: 【甲学院讯】, （记者 张三 通讯员 李四） */
    g_autofree char *inner = NULL;
    gsize span = n ? 0 : np_bracketed (p, "【（(", &inner);
    if (span && g_utf8_strlen (inner, -1) <= NP_MAX_DATELINE
        && (np_cues_closes (reader->cues, "meta/datelines", inner)
            || np_cues_find (reader->cues, "credit/direct", inner, NULL)))
      n = span;
    if (n == 0)
      break;
    p = np_skip_emoji (p + n);
  }
  return p;
}

/* Whether a line belongs to the e-mail that carried the report: its
 * header (发件人：…, 主题：…), a greeting (各位老师：) or the covering note
 * (附件是…新闻稿，请审阅). */
static gboolean
np_is_mail_line (NpReader *reader, const char *text)
{
  g_autofree char *key = NULL;
  if (np_short_label (text, &key)
      && np_cues_is (reader->cues, "end/mail-headers", key))
    return TRUE;
  if (np_cues_find (reader->cues, "end/mail", text, NULL) == NULL)
    return FALSE;
  gunichar final = np_final_char (text);
  return np_visible_length (text) <= NP_MAX_MAIL_LINE
         && (final == 0xFF1A || final == ':' || np_is_stop (final)
             || np_visible_length (text) <= NP_MAX_ACCOUNT);
}

/* Whether paragraph `k` goes on the title line `i`. */
static gboolean
np_title_goes_on (NpReader *reader, guint i, guint k)
{
  const NpPara *a = np_reader_para (reader, i), *b = np_reader_para (reader, k);
  /* the roles step reads both lines as the title's: a title its writer
   * broke over two lines (its first line the longer), unless the second,
   * longer, states the event and the first does not, which makes the
   * first a kicker over it (技職深耕 產學零距離 over 嘉濱科大攜手6家企業…) */
  return b->force == NP_FORCE_NONE && a->role == NP_LINE_TITLE
         && b->role == NP_LINE_TITLE && b->line == a->line + 1
         && np_visible_length (a->text) + np_visible_length (b->text)
              <= NP_MAX_TITLE
         && !(np_visible_length (a->text) < np_visible_length (b->text)
              && np_is_event (reader, b->text)
              && !np_is_event (reader, a->text));
}

/* A title as printed: without a 【】 around it and the hashtags after it
 * (【甲联盟扩容】#产教融合#), without emoji at its ends. */
static char *
np_clean_title (NpReader *reader, const char *text)
{
  g_autofree char *bare = np_strip_emoji (text);
  GString *s = g_string_new (bare);
  /* hashtags: #word# or #word, at the end */
  for (;;) {
    char *hash = strrchr (s->str, '#');
    char *wide = g_strrstr (s->str, "＃");
    char *at = MAX (hash, wide);
    if (!at || at == s->str)
      break;
    /* only a run of tags at the end goes */
    const char *p = at;
    while (*p && !np_is_space (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    if (*np_skip_emoji (p))
      break;
    g_string_truncate (s, at - s->str);
    g_strchomp (s->str);
    s->len = strlen (s->str);
  }
  if (g_str_has_prefix (s->str, "【") && g_str_has_suffix (s->str, "】")) {
    g_string_erase (s, 0, strlen ("【"));
    g_string_truncate (s, s->len - strlen ("】"));
  }
  /* a web page's markers: 【简讯】 before the title, （附圖） after it */
  g_autofree char *inner = NULL;
  gsize open = np_bracketed (s->str, "【[", &inner);
  if (open && s->str[open] && np_cues_is (reader->cues, "headline/markers", inner))
    g_string_erase (s, 0, open);
  for (const char *const *w = np_cues_list (reader->cues, "headline/attachments");
       *w; w++) {
    g_autofree char *wide = g_strdup_printf ("（%s）", *w);
    g_autofree char *narrow = g_strdup_printf ("(%s)", *w);
    const char *forms[] = { wide, narrow };
    for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
      if (g_str_has_suffix (s->str, forms[k]) && s->len > strlen (forms[k]))
        g_string_truncate (s, s->len - strlen (forms[k]));
  }
  char *clean = np_trim (s->str);
  g_string_free (s, TRUE);
  return clean;
}

/* A WeChat or Facebook column's tag before the headline (会议速递｜…,
 * 重磅 | …, 【活動花絮】…): a short label, then the title itself.  The tag
 * becomes the kicker over the headline, unless one is there already; then
 * it goes.  (The web's own markers, 【简讯】, went with np_clean_title.) */
static void
np_split_column_tag (NpDocument *doc, guint line)
{
  if (!doc->headline)
    return;
  g_autofree char *tag = NULL;
  const char *rest = NULL;
  gsize span = np_bracketed (doc->headline, "【", &tag);
  if (span)
    rest = doc->headline + span;
  for (const char *p = doc->headline; *p && !rest; p = g_utf8_next_char (p))
    if (g_utf8_strchr ("｜|丨", -1, g_utf8_get_char (p))) {
      tag = g_strndup (doc->headline, p - doc->headline);
      rest = g_utf8_next_char (p);
    }
  if (!rest)
    return;
  g_strstrip (tag);
  while (*rest && np_is_space (g_utf8_get_char (rest)))
    rest = g_utf8_next_char (rest);
  if (!*tag || np_visible_length (tag) > NP_MAX_COLUMN_TAG || np_has_stop (tag)
      || np_visible_length (rest) < NP_MIN_TAGGED_TITLE)
    return;
  if (!doc->kicker)
    doc->kicker = g_steal_pointer (&tag);
  else
    np_document_warn (doc, line, "the column tag \"%s\" before the headline "
                      "left out: the headline has a kicker already", tag);
  char *title = g_strdup (rest);
  g_free (doc->headline);
  doc->headline = title;
}

/* A byline under the title (本报记者 张三　通讯员 李四, 文／李四): printed
 * under the headline, as the paper does; several join. */
static void
np_read_byline (NpReader *reader, NpPara *p)
{
  NpDocument *doc = reader->doc;
  char *publisher = np_credit_publisher (reader, p->text);
  if (publisher) {
    /* 来源：甲学院: the report's source, not a byline */
    if (!reader->meta_publisher)
      reader->meta_publisher = publisher;
    else
      g_free (publisher);
    p->state = NP_PARA_CREDIT;
    return;
  }
  char *line = doc->byline ? g_strdup_printf ("%s\u3000%s", doc->byline,
                                               p->text)
                           : g_strdup (p->text);
  g_free (doc->byline);
  doc->byline = line;
  p->state = NP_PARA_TAKEN;
}

/* Whether paragraph `k` is the line of a title block after `i`: the next
 * line of the report, title-like too. */
static gboolean
np_title_block_line (NpReader *reader, guint i, guint k)
{
  const NpPara *a = np_reader_para (reader, i), *b = np_reader_para (reader, k);
  return k < np_reader_count (reader) && b->line == a->line + 1
         && !b->picture && np_is_title_line (reader, k)
         && !np_is_subtitle_line (reader, k);
}

/* Reads the title block from paragraph `i`: a title, perhaps broken over
 * two lines, perhaps with a kicker over it (引题: 搭建校企协同育人“立交桥”)
 * and a subtitle under it, marked —— or not.  Of two or three title
 * lines, the one that states an event is the title.  Returns the index of
 * the first paragraph after the block. */
static guint
np_read_title_block (NpReader *reader, guint i)
{
  NpDocument *doc = reader->doc;
  guint n = np_reader_count (reader);
  if (i >= n || !np_is_title_line (reader, i))
    return i;
  guint block[NP_MAX_TITLE_LINES] = { i };
  guint lines = 1;
  for (guint k = np_next_open (reader, i + 1);
       lines < NP_MAX_TITLE_LINES
       && np_title_block_line (reader, block[lines - 1], k);
       k = np_next_open (reader, k + 1))
    block[lines++] = k;

  const char *text[NP_MAX_TITLE_LINES] = { NULL };
  for (guint k = 0; k < lines; k++)
    text[k] = np_reader_para (reader, block[k])->text;
  g_autofree char *title = NULL;
  guint used = 1;
  if (lines >= 2 && np_title_goes_on (reader, block[0], block[1])) {
    /* one title broken over two lines */
    g_autofree char *first = np_clean_title (reader, text[0]);
    g_autofree char *rest = np_clean_title (reader, text[1]);
    title = g_strconcat (first, rest, NULL);
    used = 2;
  } else if (lines >= 2) {
    /* kicker, title, subtitle: the title states the event; without one
     * the middle of three is the title, and a short first line of two is
     * its kicker */
    guint t = 0;
    while (t < lines && !np_is_event (reader, text[t]))
      t++;
    if (t == lines)
      t = lines == 3 || np_visible_length (text[0]) * 5
                          < np_visible_length (text[1]) * 3
            ? 1
            : 0;
    title = np_clean_title (reader, text[t]);
    if (t > 0)
      doc->kicker = np_clean_title (reader, text[0]);
    used = t + 1;
    if (t + 1 < lines && np_visible_length (text[t + 1]) >= NP_MIN_SUBTITLE) {
      if (!doc->subtitle)
        doc->subtitle = g_strdup (text[t + 1]);
      used = t + 2;
    }
  } else
    title = np_clean_title (reader, text[0]);
  for (guint k = 0; k < used; k++)
    np_reader_para (reader, block[k])->state = NP_PARA_TAKEN;
  if (!doc->headline) {
    doc->headline = g_steal_pointer (&title);
    doc->headline_rule = g_strdup (np_reader_para (reader, i)->force
                                       == NP_FORCE_TITLE
                                     ? "headline: @@标题"
                                   : used > 1 && !doc->kicker && !doc->subtitle
                                     ? "headline: title over two lines"
                                     : "headline: title line");
  }
  np_split_column_tag (doc, np_reader_para (reader, i)->line);
  reader->titled = TRUE;
  guint next = np_next_open (reader, block[used - 1] + 1);
  if (next < n && np_is_subtitle_line (reader, next)) {
    if (!doc->subtitle)
      doc->subtitle = g_strdup (np_reader_para (reader, next)->text);
    np_reader_para (reader, next)->state = NP_PARA_TAKEN;
    next = np_next_open (reader, next + 1);
  }
  return next;
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
  i = np_read_title_block (reader, i);
  /* Between title and text: meta lines, a byline (本报记者 张三, 文／李四)
   * and the title again, as Word repeats it. */
  while (i < n && np_next_open (reader, i + 1) < n
         && np_reader_para (reader, i)->force == NP_FORCE_NONE) {
    NpPara *p = np_reader_para (reader, i);
    g_autofree char *bare = np_bare (p->text);
    g_autofree char *title = doc->headline ? np_bare (doc->headline) : NULL;
    if (np_is_meta_line (reader, p->text) || np_is_account_line (reader, i)) {
      np_read_meta (reader, p->text);
      np_reader_drop (reader, i);
    } else if (np_is_credit_line (reader, p->text)) {
      np_read_byline (reader, p);
    } else if (title && strcmp (bare, title) == 0)
      p->state = NP_PARA_TAKEN;
    else
      break;
    i = np_next_open (reader, i + 1);
  }
  /* 📍地点：…, 📅时间：… stay where they stand; the lead is after them */
  while (i < n && np_cues_opens (reader->cues, "headline/info-marks",
                                 np_reader_para (reader, i)->text))
    i = np_next_open (reader, i + 1);
  reader->lead = i < n ? i : G_MAXUINT;
}

/* ---- the lead and its date ----------------------------------------------- */

/* The first `n` sentences of `text`, up to the 。！？ of the last
 * (newly allocated).  A lead may open with a sentence of scene or
 * background (春风送暖，职教花开。) before it dates and states its news. */
static char *
np_first_sentences (const char *text, int n)
{
  const char *p = text;
  for (int k = 0; k < n && *p; k++) {
    if (k > 0)
      p = g_utf8_next_char (p);
    while (*p && !np_is_stop (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
  }
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
  g_autofree char *sentence = np_first_sentences (words, NP_LEAD_SENTENCES);
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
    /* 今日（5月20日）: the day's date in brackets */
    g_autofree char *inner = NULL;
    gsize span = n ? 0 : np_bracketed (p, "（(", &inner);
    if (span && np_is_date_line (reader, inner, NULL))
      n = span;
    /* 今（12）日 / 昨(7)日: a day named by its number in brackets */
    gsize word = n ? 0 : np_cues_opens (reader->cues, "date/days", p);
    g_autofree char *day = NULL;
    span = word ? np_bracketed (p + word, "（(", &day) : 0;
    if (span && g_utf8_strlen (day, -1) <= NP_MAX_DAY_NUMBER
        && g_str_has_prefix (p + word + span, "日"))
      n = word + span + strlen ("日");
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
  g_autofree char *sentences = np_first_sentences (np_past_dateline (reader,
                                                                     text),
                                                   NP_LEAD_SENTENCES);
  /* no headline hides further in than this */
  g_autofree char *sentence = g_utf8_substring (
    sentences, 0, MIN (g_utf8_strlen (sentences, -1), NP_MAX_LEAD_READ));
  /* the first clause of the first sentence stands in when no clause of
   * the first sentences states an event */
  g_auto (GStrv) clauses = np_split_at (sentence, "，,；;。！？!?");
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
  /* 正式开班啦: a post's particle is no headline's */
  gsize particle = np_cues_closes (reader->cues, "headline/particles", headline);
  if (particle && particle < strlen (headline))
    headline[strlen (headline) - particle] = '\0';
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

/* The date the report gives: the lead's, the meta lines', a date line's
 * at the end, in that order; NULL when none of them has one. */
static char *
np_found_date (NpReader *reader, const NpPara *lead)
{
  char *date = NULL;
  if (lead) {
    g_autofree char *sentence = np_first_sentences (lead->text,
                                                    NP_LEAD_SENTENCES);
    gsize end = 0;
    date = np_find_date (reader, sentence, FALSE, NULL, &end);
    /* 7月7日至13日: a week's report is dated by its page, if it has one */
    if (date && reader->meta_date
        && np_cues_opens (reader->cues, "date/range", sentence + end))
      g_clear_pointer (&date, g_free);
  }
  if (!date && (reader->meta_date || reader->end_date))
    return g_strdup (reader->meta_date ? reader->meta_date
                                       : reader->end_date);
  return date;
}

/* `date` (taken), with its year when it has none: a date without its
 * year (今日（四月二十六日）) gives way to the page's or the release's full
 * date of that day, or takes its year. */
static char *
np_with_year (NpReader *reader, char *date)
{
  if (strstr (date, "年"))
    return date;
  const char *full = np_same_day (reader, date, reader->end_date)
                       ? reader->end_date
                     : np_same_day (reader, date, reader->meta_date)
                       ? reader->meta_date
                       : NULL;
  if (full) {
    g_free (date);
    return g_strdup (full);
  }
  const char *dated = reader->meta_date ? reader->meta_date
                                        : reader->end_date;
  const char *year = dated ? strstr (dated, "年") : NULL;
  if (year && year - dated == 4) {
    char *whole = g_strdup_printf ("%.*s%s", (int) (year - dated + 3), dated,
                                   date);
    g_free (date);
    return whole;
  }
  return date;
}

void
np_finish_head (NpReader *reader)
{
  NpDocument *doc = reader->doc;
  const NpPara *lead = reader->lead != G_MAXUINT
                         ? np_reader_para (reader, reader->lead)
                         : NULL;
  if (!doc->date)
    doc->date = np_found_date (reader, lead);
  if (!doc->date)
    np_document_warn (doc, 0, "no date found in the report: give one with "
                              "--date, or with date: at the top");
  else
    doc->date = np_with_year (reader, doc->date);

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
