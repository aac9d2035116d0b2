/* report-features.c: the evidence about each paragraph, once, in one place.
 *
 * Contract: np_read_features() takes the reader's paragraphs (after
 * report-lines.c) and gives each one its features: named values that say
 * what the paragraph looks like, what it holds and where it stands.  The
 * roles step (report-roles.c) weighs them with fitted weights; the
 * features themselves decide nothing, and no feature is a veto.  They
 * read only the paragraphs, the patterns and the cue words: no later step.
 *
 * A feature is a name, interned, and a value (1 for a yes/no feature).
 * The names are what the model file's vocabulary lists, so a new feature
 * takes effect only once the model is fitted again (tools/fit-roles.py).
 * They are:
 *
 *   len:B        visible length, in buckets (np_length_bucket)
 *   loglen       the same as a number: log2 (1 + length) / 10
 *   first:C, end:C   the class of the first and of the last character
 *   sym:X        the symbol a line opens with (▲ ◆ • ‧ ➡ 【 #), itself
 *   wrap:P       the whole line in one pair of brackets (（…） 【…】)
 *   label, label:L   a short label before a colon or ｜ (L: its cue list)
 *   num:heading, num:item   a number that opens the line (一、 1. ①)
 *   has:date|time|phone|email|url|tab|cells|stop|pause|latin|quote|book
 *   opens:time   a time opens it, as an agenda's row (09:30-10:20　…)
 *   crumbs       a web page's breadcrumbs (首頁 / 最新消息 / 校園新聞)
 *   parallel     a slogan's parallel phrases (凝聚产教合力 共育工匠人才)
 *   credit-under-caption  a photo credit's label under a line that opens
 *                as a caption does (▲…, 图为…, then 摄影：…)
 *   stops:N      how many sentences it holds
 *   cue:L, cue^:L, cue$:L   a word of cue list L in it, opening it,
 *                ending it, found at word boundaries (ICU), never inside
 *                a longer word (联合 is not in 联合动力)
 *   only:L       nothing but words of list L, numbers and marks (分享
 *                收藏 点赞 在看)
 *   pos:…        first, second, last, next to last; its place in tenths
 *   after-end-mark  an end mark (完, - END -) stands above it
 *   picture      a picture stood before it
 *   stop-within, quotation   two sentences; a line wholly in quotes
 *   colon-title  a title in 《》「」“” after a colon: SPEAKER：《TITLE》
 *   header-row   a pasted row whose every cell names a column (报告人  报告题目)
 *   shares-above, shares-below   it repeats the words of the paragraph
 *                before or after it, as a caption does
 *   form:N       how many paragraphs of the report share its form (same
 *                opening symbol, label, brackets, numbering, ending and
 *                about the same length)
 *   doc:…        the report's conventions (hard-wrapped, Traditional)
 *   p:… n:…      the context features of the paragraph before and after
 */
#include "report-private.h"

#include "emojitext.h"
#include "words.h"

#include <math.h>
#include <string.h>

/* A label before a colon is at most this long (characters): 主講嘉賓：,
 * 新聞聯絡人：, 撰稿：. */
#define NP_MAX_LABEL 8

typedef struct {
  const char *name; /* interned */
  double value;
} NpFeature;

struct NpFeatures {
  GPtrArray *sets; /* of GArray of NpFeature, one per paragraph */
  GPtrArray *forms; /* of char*: each paragraph's form key */
};

static void
np_add (GArray *set, const char *name, double value)
{
  NpFeature f = { g_intern_string (name), value };
  g_array_append_val (set, f);
}

/* Whether `set` holds the feature `name`. */
static gboolean
np_has (const GArray *set, const char *name)
{
  const char *interned = g_intern_string (name);
  for (guint k = 0; k < set->len; k++)
    if (g_array_index (set, NpFeature, k).name == interned)
      return TRUE;
  return FALSE;
}

static void
np_addf (GArray *set, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
np_addf (GArray *set, const char *fmt, ...)
{
  va_list args;
  va_start (args, fmt);
  g_autofree char *name = g_strdup_vprintf (fmt, args);
  va_end (args);
  np_add (set, name, 1);
}

/* The buckets of length: a caption is rarely over 45 characters, a
 * heading over 30, a paragraph under 20. */
static const char *
np_length_bucket (glong n)
{
  static const struct {
    glong max;
    const char *name;
  } buckets[] = { { 0, "0" },      { 4, "1-4" },     { 8, "5-8" },
                  { 12, "9-12" },  { 20, "13-20" },  { 30, "21-30" },
                  { 45, "31-45" }, { 70, "46-70" },  { 120, "71-120" },
                  { G_MAXLONG, "121+" } };
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    if (n <= buckets[i].max)
      return buckets[i].name;
  return "121+";
}

/* What kind of character opens or ends a line, as an editor would tell
 * them apart. */
static const char *
np_char_class (gunichar c)
{
  if (c == 0)
    return "none";
  if (c == 0x2014 || c == 0x2015 || c == '-')
    return "dash";
  if (c == 0x2026)
    return "ellipsis";
  if (c == '.' || c == 0xFF0E)
    return "dot";
  if (np_is_stop (c))
    return "stop";
  if (c == 0xFF1A || c == ':')
    return "colon";
  if (np_is_pause (c))
    return "pause";
  if (np_is_opener (c))
    return "open";
  if (np_is_closer (c))
    return "close";
  if (g_unichar_isdigit (c) || (c >= 0xFF10 && c <= 0xFF19))
    return "digit";
  if (c < 0x80 && g_ascii_isalpha (c))
    return "latin";
  if (np_emoji_is_part (c))
    return "emoji";
  if (np_is_cjk (c) && g_unichar_isalpha (c))
    return "han";
  return "symbol";
}

/* The symbol a line opens with, when it is one (▲ ◆ • ‧ ➡ # 【), as a
 * feature name; NULL for a letter, a digit or a character of text. */
static char *
np_opening_symbol (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  if (!c || g_unichar_isalnum (c) || (np_is_cjk (c) && g_unichar_isalpha (c)))
    return NULL;
  if (c < 0x80 && !strchr ("#*-+>[(@~=", (int) c))
    return NULL;
  char buf[8] = { 0 };
  g_unichar_to_utf8 (c, buf);
  return g_strdup_printf ("sym:%s", buf);
}

/* The pair of brackets the whole line stands in, or NULL. */
static const char *
np_wrapping (const char *text)
{
  static const char *const pairs[][2] = {
    { "（", "）" }, { "(", ")" }, { "【", "】" }, { "[", "]" },
    { "「", "」" }, { "“", "”" }, { "《", "》" }, { "〔", "〕" },
  };
  gsize len = strlen (text);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++) {
    gsize o = strlen (pairs[i][0]), c = strlen (pairs[i][1]);
    if (len > o + c && g_str_has_prefix (text, pairs[i][0])
        && g_str_has_suffix (text, pairs[i][1]))
      return pairs[i][0];
  }
  return NULL;
}

/* The label before the first colon, ｜ or ／ of a line, when it is short:
 * the bytes it takes, 0 when there is none. */
static gsize
np_label_length (const char *text)
{
  static const char *const marks[] = { "：", ":", "｜", "|", "／", "丨", "/" };
  glong chars = 0;
  for (const char *p = text; *p && chars <= NP_MAX_LABEL;
       p = g_utf8_next_char (p), chars++)
    for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
      if (g_str_has_prefix (p, marks[i]))
        /* 2025/6/20 and 9:30 are no labels */
        return chars > 0 && !g_unichar_isdigit (g_utf8_get_char (text))
                   ? (gsize) (p - text)
                   : 0;
  return 0;
}

static gboolean
np_matches (const GRegex *re, const char *text)
{
  return g_regex_match (re, text, 0, NULL);
}

/* Cue words found where ICU's dictionary puts word boundaries on both
 * sides: 联合 is not found in 联合动力, nor 欢迎 in 欢迎辞. */
static void
np_cue_features (NpReader *reader, GArray *set, const char *text,
                 const guint8 *breaks, const char *const *lists)
{
  gsize len = strlen (text);
  g_autofree guint8 *covered = g_malloc (len + 1);
  for (const char *const *list = lists; *list; list++) {
    gboolean found = FALSE, opens = FALSE, closes = FALSE;
    memset (covered, 0, len + 1);
    for (const char *const *w = np_cues_list (reader->cues, *list); *w;
         w++) {
      gsize n = strlen (*w);
      for (const char *at = strstr (text, *w); at; at = strstr (at + 1, *w)) {
        gsize s = at - text, e = s + n;
        /* a word of letters or marks (E-mail, ▲) needs no dictionary */
        gboolean whole = (breaks[s] != NP_WORDS_INSIDE || s == 0)
                         && (e == len || breaks[e] != NP_WORDS_INSIDE);
        if (!whole)
          continue;
        found = TRUE;
        opens |= s == 0;
        closes |= e == len;
        memset (covered + s, 1, n);
      }
    }
    /* a page's buttons (分享, 在看) are evidence as the whole line only:
     * the same words end titles and sentences (五个干货分享) */
    gboolean whole_only = np_cues_is (reader->cues, "roles/whole-line", *list);
    if (found && !whole_only)
      np_addf (set, "cue:%s", *list);
    if (opens)
      np_addf (set, "cue^:%s", *list);
    if (closes && !whole_only)
      np_addf (set, "cue$:%s", *list);
    /* only the list's words, and numbers and marks between them: 分享
     * 收藏 点赞 在看 is a page's buttons, 五个干货分享 a title's end */
    gboolean only = found;
    for (const char *p = text; *p && only; p = g_utf8_next_char (p))
      only = covered[p - text] || !g_unichar_isalpha (g_utf8_get_char (p));
    if (only)
      np_addf (set, "only:%s", *list);
  }
}

/* The form of a line, for lines an editor reads alike: the same class of
 * first character (a digit, a Han character, a bracket), the same opening
 * symbol, label, brackets, numbering and ending, a date and a time of
 * day or not (a post's time stamp is not the subtitle above it), about
 * the same length. */
static char *
np_form_key (NpReader *reader, const char *text, const GArray *own)
{
  g_autofree char *sym = np_opening_symbol (text);
  const char *wrap = np_wrapping (text);
  glong n = np_visible_length (text);
  gboolean stamp = np_has (own, "has:date") && np_has (own, "has:time");
  return g_strdup_printf (
    "%s|%s|%s|%c|%c%c%c|%s|%s|%d", sym ? sym : "", wrap ? wrap : "",
    np_char_class (np_first_char (text)),
    np_label_length (text) ? 'L' : '-',
    np_heading_number (reader, text) ? 'H' : '-',
    np_item_number (reader, text) ? 'I' : '-', stamp ? 'T' : '-',
    np_char_class (np_final_char (text)), np_has_stop (text) ? "s" : "",
    n <= 8 ? 0 : n <= 20 ? 1 : n <= 45 ? 2 : 3);
}

/* Whether every cell of a pasted row is a column's name (报告人  报告题目,
 * 序号<TAB>单位名称, 时间<TAB>议程): the header of a table. */
static gboolean
np_is_header_row (NpReader *reader, const char *text)
{
  static const char *const keys[] = { "keynotes/speaker-keys",
                                      "keynotes/title-keys", "units/headers",
                                      "roles/schedule", "roles/columns" };
  g_autoptr (GPtrArray) cells = np_cells (reader, text);
  guint named = 0;
  for (guint k = 0; k < cells->len; k++)
    for (guint j = 0; j < G_N_ELEMENTS (keys); j++)
      if (np_cues_is (reader->cues, keys[j], cells->pdata[k])) {
        named++;
        break;
      }
  return cells->len >= 2 && named == cells->len;
}

/* Whether a text holds a sentence stop before its end: two sentences. */
static gboolean
np_stops_within (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p)) {
    const char *rest = g_utf8_next_char (p);
    while (*rest && np_is_closer (g_utf8_get_char (rest)))
      rest = g_utf8_next_char (rest);
    if (np_is_stop (g_utf8_get_char (p)) && *rest)
      return TRUE;
  }
  return FALSE;
}

/* Whether a line is wholly in quotation marks: a pull quote. */
static gboolean
np_is_quotation (const char *text)
{
  if (!*text)
    return FALSE;
  gunichar first = g_utf8_get_char (text);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (text + strlen (text)));
  return (first == 0x201C && last == 0x201D) || (first == 0x300C && last == 0x300D)
         || (first == 0x300E && last == 0x300F) || (first == '"' && last == '"');
}

/* A caption repeats the people and acts of the paragraph beside it
 * (院长张三致辞 under 院长张三在致辞中…), where a head announces what
 * comes: one in this many of its pairs of characters stands there too. */
#define NP_SHARED_PAIRS 3

static gboolean
np_shares_pairs (const char *text, const char *other)
{
  guint pairs = 0, shared = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p)) {
    const char *q = g_utf8_next_char (p);
    if (!*q || !np_is_cjk (g_utf8_get_char (p))
        || !np_is_cjk (g_utf8_get_char (q)))
      continue;
    char pair[16] = { 0 };
    memcpy (pair, p, MIN ((gsize) (g_utf8_next_char (q) - p), sizeof pair - 1));
    pairs++;
    shared += strstr (other, pair) != NULL;
  }
  return pairs > 0 && shared * NP_SHARED_PAIRS >= pairs;
}

/* A web page's breadcrumbs are short steps with one mark between them:
 * 首頁 / 最新消息 / 校園新聞, 首页 > 新闻中心 > 学院要闻.  At most this
 * many characters a step, and at least this many steps. */
#define NP_MAX_CRUMB 8
#define NP_MIN_CRUMBS 3

static gboolean
np_is_crumbs (const char *text)
{
  static const char *const marks = ">＞/／»›→";
  gunichar mark = 0;
  guint steps = 1, chars = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_utf8_strchr (marks, -1, c)) {
      /* a slash stands between spaces in breadcrumbs, not in a credit
       * (文／張三 攝影／李四); a bar parts a credit's names (记者 | 甲) */
      gboolean spaced = p > text && np_is_space (g_utf8_get_char (
                                      g_utf8_prev_char (p)))
                        && np_is_space (g_utf8_get_char (g_utf8_next_char (p)));
      if ((mark && c != mark) || chars == 0
          || (g_utf8_strchr ("/／", -1, c) && !spaced))
        return FALSE;
      mark = c;
      steps++;
      chars = 0;
    } else if (np_is_stop (c) || c == ':' || c == 0xFF1A
               || ++chars > NP_MAX_CRUMB + 2)
      return FALSE; /* +2: the spaces around a mark */
  }
  return mark && chars > 0 && steps >= NP_MIN_CRUMBS;
}

/* A slogan's parallel phrases (对仗): 凝聚产教合力 共育工匠人才, 匠心筑梦·
 * 产教同行, two or more runs of Han characters of one length (three to
 * eight) parted by spaces or a middle dot, as kickers and titles are
 * written. */
static gboolean
np_is_parallel (const char *text)
{
  guint parts = 0, run = 0, first = 0;
  for (const char *p = text;; p = g_utf8_next_char (p)) {
    gunichar c = *p ? g_utf8_get_char (p) : 0;
    if (c && np_is_cjk (c) && g_unichar_isalpha (c)) {
      run++;
      continue;
    }
    if (c && !np_is_space (c) && c != 0x00B7 && c != 0x30FB)
      return FALSE;
    if (run) {
      if (run < 3 || run > 8 || (parts && run != first))
        return FALSE;
      first = run;
      parts++;
      run = 0;
    }
    if (!c)
      break;
  }
  return parts >= 2;
}

static guint
np_count_stops (const char *text)
{
  guint n = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    n += np_is_stop (g_utf8_get_char (p));
  return n;
}

/* The features of one paragraph's own text. */
static GArray *
np_own_features (NpReader *reader, const NpPara *p,
                 const char *const *lists)
{
  GArray *set = g_array_new (FALSE, FALSE, sizeof (NpFeature));
  g_autofree char *text = np_strip_emoji (p->text);
  glong length = np_visible_length (text);
  np_addf (set, "len:%s", np_length_bucket (length));
  /* and as a number, so that a line longer than any the corpus holds
   * reads as what long lines are: text */
  np_add (set, "loglen", log2 (1.0 + (double) length) / 10.0);
  np_addf (set, "first:%s", np_char_class (np_first_char (p->text)));
  np_addf (set, "end:%s", np_char_class (np_final_char (p->text)));
  if (*p->text && !*text)
    np_add (set, "emoji-only", 1);
  g_autofree char *sym = np_opening_symbol (p->text);
  if (sym)
    np_add (set, sym, 1);
  const char *wrap = np_wrapping (text);
  if (wrap)
    np_addf (set, "wrap:%s", wrap);
  gsize label = np_label_length (text);
  if (label) {
    np_add (set, "label", 1);
    /* 相片一：, 配图1： are 相片, 配图 numbered */
    g_autofree char *key = g_strndup (text, label);
    for (gsize end = strlen (key); end > 0;) {
      const char *last = g_utf8_prev_char (key + end);
      gunichar c = g_utf8_get_char (last);
      if (!g_unichar_isdigit (c)
          && !g_utf8_strchr ("一二三四五六七八九十", -1, c))
        break;
      end = last - key;
      key[end] = '\0';
    }
    for (const char *const *list = lists; *list; list++)
      if (np_cues_is (reader->cues, *list, key))
        np_addf (set, "label:%s", *list);
  }
  if (np_heading_number (reader, text))
    np_add (set, "num:heading", 1);
  if (np_item_number (reader, text))
    np_add (set, "num:item", 1);

  NpPatterns *re = &reader->re;
  if (np_matches (re->date, text))
    np_add (set, "has:date", 1);
  if (np_is_date_line (reader, text, NULL))
    np_add (set, "date-line", 1);
  if (np_is_crumbs (text))
    np_add (set, "crumbs", 1);
  if (np_is_parallel (text))
    np_add (set, "parallel", 1);
  GMatchInfo *clock = NULL;
  if (g_regex_match (re->clock_any, text, 0, &clock)) {
    np_add (set, "has:time", 1);
    gint start = -1;
    /* an agenda's row opens with its time: 09:30-10:20　… */
    if (g_match_info_fetch_pos (clock, 0, &start, NULL) && start == 0)
      np_add (set, "opens:time", 1);
  }
  g_match_info_free (clock);
  if (np_matches (re->phone, text))
    np_add (set, "has:phone", 1);
  if (np_matches (re->email, text))
    np_add (set, "has:email", 1);
  if (np_matches (re->url, text))
    np_add (set, "has:url", 1);
  if (strchr (p->text, '\t'))
    np_add (set, "has:tab", 1);
  if (np_matches (re->cells, p->text)) {
    np_add (set, "has:cells", 1);
    if (np_is_header_row (reader, p->text))
      np_add (set, "header-row", 1);
  }
  guint stops = np_count_stops (text);
  np_addf (set, "stops:%s", stops == 0 ? "0" : stops == 1 ? "1"
                            : stops <= 3 ? "2-3" : "4+");
  for (const char *q = text; *q; q = g_utf8_next_char (q))
    if (np_is_pause (g_utf8_get_char (q))) {
      np_add (set, "has:pause", 1);
      break;
    }
  if (np_matches (re->latin, text))
    np_add (set, "has:latin", 1);
  if (strstr (text, "《"))
    np_add (set, "has:book", 1);
  /* SPEAKER：《TITLE》, a talk's shape */
  if (strstr (text, "：《") || strstr (text, ":《") || strstr (text, "：「")
      || strstr (text, ":「") || strstr (text, "：“"))
    np_add (set, "colon-title", 1);
  if (strstr (text, "“") || strstr (text, "「"))
    np_add (set, "has:quote", 1);
  if (p->picture)
    np_add (set, "picture", 1);
  if (np_stops_within (text))
    np_add (set, "stop-within", 1);
  if (np_is_quotation (text))
    np_add (set, "quotation", 1);
  if (strstr (text, "：") || strchr (text, ':'))
    np_add (set, "has:colon", 1);
  if (strstr (text, "，") || strchr (text, ','))
    np_add (set, "has:comma", 1);

  /* the words inside brackets that wrap the line: （本报记者 张三 摄） ends
   * with 摄 */
  g_autofree char *inner = wrap ? g_strndup (text + strlen (wrap),
                                             strlen (text) - strlen (wrap)
                                               - strlen (g_utf8_prev_char (
                                                 text + strlen (text))))
                                : g_strdup (text);
  g_autofree guint8 *breaks = np_words_breaks (inner, FALSE);
  np_cue_features (reader, set, inner, breaks, lists);
  return set;
}

/* Whether a line opens as captions do: a mark (▲), a label (图：), a
 * prefix (图为) or a wrapper. */
static gboolean
np_has_caption_opening (const GArray *own)
{
  return np_has (own, "cue^:caption/marks") || np_has (own, "cue^:caption/labels")
         || np_has (own, "cue^:caption/prefixes") || np_has (own, "wrap:（")
         || np_has (own, "sym:▲");
}

/* Whether a feature of a paragraph also tells about its neighbours: its
 * look, not its words. */
static gboolean
np_is_context (const char *name)
{
  static const char *const prefixes[] = {
    "len:", "first:", "end:", "sym:", "wrap:", "num:", "label", "picture",
    "stops:", "date-line", "has:tab", "cue^:", "emoji-only", "opens:time",
  };
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* Whether a feature of a paragraph tells about the one after it: a
 * lead-in announces the lines under it, wherever its word stands
 * (会议还安排了主旨报告环节。). */
static gboolean
np_is_context_below (const char *name)
{
  return np_is_context (name) || strcmp (name, "cue:keynotes/lead-ins") == 0
         || strcmp (name, "cue:units/lead-ins") == 0;
}

static void
np_add_context (GArray *set, const GArray *other, const char *prefix)
{
  if (!other) {
    np_addf (set, "%snone", prefix);
    return;
  }
  for (guint k = 0; k < other->len; k++) {
    const NpFeature *f = &g_array_index (other, NpFeature, k);
    if (strcmp (prefix, "p:") == 0 ? np_is_context_below (f->name)
                                   : np_is_context (f->name))
      np_addf (set, "%s%s", prefix, f->name);
  }
}

static void
np_add_position (GArray *set, guint i, guint n)
{
  if (i == 0)
    np_add (set, "pos:first", 1);
  else if (i == 1)
    np_add (set, "pos:second", 1);
  if (i + 1 == n)
    np_add (set, "pos:last", 1);
  else if (i + 2 == n)
    np_add (set, "pos:last2", 1);
  else if (i + 4 >= n)
    np_add (set, "pos:last3-4", 1);
  np_addf (set, "pos:%u", n ? 10 * i / n : 0);
}

NpFeatures *
np_read_features (NpReader *reader)
{
  NpFeatures *features = g_new0 (NpFeatures, 1);
  guint n = np_reader_count (reader);
  const char *const *lists = np_cues_list (reader->cues, "roles/cue-lists");
  g_autoptr (GPtrArray) own
    = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  features->forms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) forms = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++) {
    const NpPara *p = np_reader_para (reader, i);
    g_ptr_array_add (own, np_own_features (reader, p, lists));
    char *form = np_form_key (reader, p->text, own->pdata[i]);
    g_ptr_array_add (features->forms, form);
    g_hash_table_insert (forms, form,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                             g_hash_table_lookup (forms, form))
                                           + 1));
  }

  features->sets
    = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gboolean ended = FALSE; /* an end mark (完, - END -) stood above */
  for (guint i = 0; i < n; i++) {
    GArray *set = g_array_copy (own->pdata[i]);
    np_add_position (set, i, n);
    if (ended)
      np_add (set, "after-end-mark", 1);
    ended |= np_cues_is (reader->cues, "end/marks",
                         np_reader_para (reader, i)->text);
    guint same = GPOINTER_TO_UINT (
      g_hash_table_lookup (forms, features->forms->pdata[i]));
    np_addf (set, "form:%s", same <= 1 ? "1" : same == 2 ? "2"
                             : same <= 4 ? "3-4" : "5+");
    if (reader->wrapped)
      np_add (set, "doc:wrapped", 1);
    if (reader->doc->script == NP_SCRIPT_HANT)
      np_add (set, "doc:hant", 1);
    const char *text = np_reader_para (reader, i)->text;
    if (i > 0 && np_visible_length (text) <= 64
        && np_shares_pairs (text, np_reader_para (reader, i - 1)->text))
      np_add (set, "shares-above", 1);
    if (i + 1 < n && np_visible_length (text) <= 64
        && np_shares_pairs (text, np_reader_para (reader, i + 1)->text))
      np_add (set, "shares-below", 1);
    /* 攝影：甲 under a line that opens as captions do: the photo's own
     * credit; the two together say it, as no weight of either alone can */
    if (i > 0 && np_has (own->pdata[i], "cue^:photo-credit/cues")
        && np_has_caption_opening (own->pdata[i - 1]))
      np_add (set, "credit-under-caption", 1);
    np_add_context (set, i > 0 ? own->pdata[i - 1] : NULL, "p:");
    np_add_context (set, i + 1 < n ? own->pdata[i + 1] : NULL, "n:");
    g_ptr_array_add (features->sets, set);
  }
  return features;
}

void
np_features_free (NpFeatures *features)
{
  if (!features)
    return;
  g_ptr_array_unref (features->sets);
  g_ptr_array_unref (features->forms);
  g_free (features);
}

guint
np_features_count (const NpFeatures *features, guint i)
{
  return ((GArray *) features->sets->pdata[i])->len;
}

const char *
np_features_name (const NpFeatures *features, guint i, guint k,
                  double *value)
{
  const NpFeature *f
    = &g_array_index ((GArray *) features->sets->pdata[i], NpFeature, k);
  if (value)
    *value = f->value;
  return f->name;
}

const char *
np_features_form (const NpFeatures *features, guint i)
{
  return features->forms->pdata[i];
}
