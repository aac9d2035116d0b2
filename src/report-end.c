/* report-end.c: what is not the report's text, the credit, the signature.
 *
 * Contract: np_read_end() takes the roles report-roles.c decided and
 * drops the paragraphs read as not the report's (阅读原文, 点赞 在看 分享,
 * a 往期推荐 list, end marks, a page's meta lines, whose date and source
 * it keeps), sets those read as the credit (供稿：…, （文/张三 图/李四）,
 * 新聞聯絡人：… 電話：…) and the signature (a closing office and its
 * date, whose date it reads), and reads the publisher from the credit.
 * It decides no role.  It also answers, for the other steps, whether a
 * line is a credit, a photo credit, junk or a meta line, and which unit a
 * credit names.
 */
#include "report-private.h"

#include "emojitext.h"

#include <string.h>

/* A credit line is at most this long (characters). */
#define NP_MAX_CREDIT 90
/* A name in a credit is at most this long (characters). */
#define NP_MAX_CREDIT_NAME 30
/* A name standing before the first role of a credit line (陳穎詩女士　電話：…)
 * is at most this long (characters). */
#define NP_MAX_LEADING_NAME 12
/* A photo's credit names at most this many characters. */
#define NP_MAX_PHOTO_CREDIT 30
/* Who took a photo (新华社记者 张三) is at most this long (characters). */
#define NP_MAX_PHOTO_NAME 20
/* A platform's call to act (关注公众号，后台回复…) is at most this long. */
#define NP_MAX_PROMO 60
/* A person's name is at most this long (characters). */
#define NP_MAX_PERSON 5
/* A wire service's code after a credit (（編輯：陳怡君）1140312) has at least
 * this many digits. */
#define NP_MIN_WIRE_CODE 6

static gboolean np_is_photo_note (NpReader *reader, const char *text);

/* `text` without emoji, a wire code after it, and the brackets that wrap
 * it whole: （…） (…) 【…】. */
static char *
np_unwrap (const char *text)
{
  g_autofree char *bare = np_strip_emoji (text);
  char *end = bare + strlen (bare);
  char *digits = end;
  while (digits > bare && g_ascii_isdigit (digits[-1]))
    digits--;
  if (end - digits >= NP_MIN_WIRE_CODE && digits > bare
      && np_is_closer (g_utf8_get_char (g_utf8_prev_char (digits))))
    *digits = '\0';
  static const char *pairs[][2] = { { "（", "）" }, { "(", ")" },
                                    { "【", "】" }, { "[", "]" } };
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (g_str_has_prefix (bare, pairs[i][0])
        && g_str_has_suffix (bare, pairs[i][1])
        && strlen (bare) > strlen (pairs[i][0]) + strlen (pairs[i][1])) {
      g_autofree char *inner
        = g_strndup (bare + strlen (pairs[i][0]),
                     strlen (bare) - strlen (pairs[i][0])
                       - strlen (pairs[i][1]));
      return np_trim (inner);
    }
  return g_steal_pointer (&bare);
}

/* The parts of a credit line: split at spaces, tabs and the separators
 * (| ｜ 丨), each part trimmed and non-empty. */
static GPtrArray *
np_credit_parts (NpReader *reader, const char *inner)
{
  GString *s = g_string_new (inner);
  for (const char *const *sep = np_cues_list (reader->cues,
                                              "credit/separators");
       *sep; sep++)
    if (strcmp (*sep, "/") != 0 && strcmp (*sep, "／") != 0)
      g_string_replace (s, *sep, " ", 0);
  g_string_replace (s, "\u3000", " ", 0);
  g_string_replace (s, "\t", " ", 0);
  g_auto (GStrv) pieces = g_strsplit (s->str, " ", -1);
  g_string_free (s, TRUE);
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; pieces[i]; i++)
    if (*g_strstrip (pieces[i]))
      g_ptr_array_add (parts, g_strdup (pieces[i]));
  return parts;
}

/* Bytes of `part` that are a credit role with what follows it (a colon, a
 * slash, nothing when the name follows: 通讯员 张三), or 0 when `part`
 * does not open with a role.  `list` names the roles. */
static gsize
np_role_length (NpReader *reader, const char *list, const char *part)
{
  gsize n = np_cues_opens (reader->cues, list, part);
  if (n == 0)
    return 0;
  const char *after = part + n;
  if (!*after)
    return n;
  gunichar c = g_utf8_get_char (after);
  if (g_utf8_strchr ("：:／/｜|丨", -1, c))
    return n + g_unichar_to_utf8 (c, NULL);
  /* 记者张三: some roles take the name right after them */
  if (np_cues_opens (reader->cues, "credit/direct", part) == n)
    return n;
  return 0;
}

/* The name of a part whose role comes after it (甲学院供稿, 王五摄): its
 * length in bytes, or 0 when the part does not end with a role of the
 * list `after`. */
static gsize
np_name_before_role (NpReader *reader, const char *after, const char *part)
{
  gsize n = np_cues_closes (reader->cues, after, part);
  return n && n < strlen (part) ? strlen (part) - n : 0;
}

/* The list of roles written after names that goes with a list of roles:
 * "credit/cues" -> "credit/after". */
static char *
np_after_list (const char *list)
{
  const char *slash = strchr (list, '/');
  return g_strdup_printf ("%.*s/after", (int) (slash - list), list);
}

/* Whether a part is a date (2025-04-26, 114年3月12日), as wire credits
 * and release stamps carry. */
static gboolean
np_is_date_part (NpReader *reader, const char *part)
{
  gsize start = 0, end = 0;
  g_autofree char *date = np_find_date (reader, part, TRUE, &start, &end);
  return date && part[end] == '\0';
}

/* Whether `text`, once unwrapped, is made of credit parts only: a role
 * with its name (供稿：甲学院, 文/张三, 记者 张三), a name with its role
 * after it (甲学院 供稿, 王五摄), a further name after one, a date; a short
 * name may stand before the first role (陳女士　電話：…).  `list` names
 * the roles: "credit/cues" or "photo-credit/cues". */
static gboolean
np_is_credit_of (NpReader *reader, const char *list, const char *text)
{
  if (np_visible_length (text) > NP_MAX_CREDIT)
    return FALSE;
  g_autofree char *inner = np_unwrap (text);
  if (!*inner || np_has_stop (inner))
    return FALSE;
  g_autoptr (GPtrArray) parts = np_credit_parts (reader, inner);
  g_autofree char *after = np_after_list (list);
  /* a photo's credit names its photographer first: 文/张三 图/李四 is the
   * report's credit, not a photo's */
  gboolean photo = g_str_has_prefix (list, "photo");
  guint roles = 0;
  for (guint i = 0; i < parts->len; i++) {
    const char *part = parts->pdata[i];
    const char *next = i + 1 < parts->len ? parts->pdata[i + 1] : NULL;
    gsize n = np_role_length (reader, list, part);
    if (n > 0) {
      if (g_utf8_strlen (part + n, -1) > NP_MAX_CREDIT_NAME)
        return FALSE;
      roles++;
      continue;
    }
    if (np_name_before_role (reader, after, part) > 0) {
      roles++; /* 甲学院供稿, 王五摄: the role after its name */
      continue;
    }
    if (np_is_date_part (reader, part))
      continue;
    glong length = g_utf8_strlen (part, -1);
    /* a name before its role (甲学院 供稿), after a role, or a short
     * one before the first role (陳女士　電話：…) */
    gboolean named_after = next && np_cues_is (reader->cues, after, next);
    gboolean leading = length <= NP_MAX_LEADING_NAME && i == 0 && !photo;
    if (length > NP_MAX_CREDIT_NAME || g_utf8_strchr (part, -1, 0xFF1A)
        || strchr (part, ':') || (roles == 0 && !named_after && !leading))
      return FALSE;
  }
  return roles > 0;
}

gboolean
np_is_credit_line (NpReader *reader, const char *text)
{
  return np_is_credit_of (reader, "credit/cues", text);
}

gboolean
np_is_photo_credit (NpReader *reader, const char *text)
{
  if (np_visible_length (text) > NP_MAX_PHOTO_CREDIT)
    return FALSE;
  g_autofree char *inner = np_unwrap (text);
  /* 📷：张三 */
  const char *p = text;
  while (*p && np_is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (g_str_has_prefix (p, "📷") || g_str_has_prefix (p, "📸"))
    return *inner && !np_has_stop (inner);
  if (np_is_credit_of (reader, "photo-credit/cues", text))
    /* a role with nothing after it (图片) names no one: a placeholder;
     * （图：专委会成员合影）names a scene: a caption */
    return !np_cues_is (reader->cues, "photo-credit/cues", inner)
           && !np_is_photo_note (reader, text);
  /* （本报记者 张三 摄）, 新华社记者 张三 摄, 南岳科大提供: names and the
   * role after them */
  gsize n = np_cues_closes (reader->cues, "photo-credit/after", inner);
  if (n == 0 || n >= strlen (inner))
    return FALSE;
  g_autofree char *who = g_strndup (inner, strlen (inner) - n);
  g_strstrip (who);
  for (const char *q = who; *q; q = g_utf8_next_char (q))
    if (np_is_stop (g_utf8_get_char (q)) || np_is_pause (g_utf8_get_char (q)))
      return FALSE;
  return *who && g_utf8_strlen (who, -1) <= NP_MAX_PHOTO_NAME;
}

gboolean
np_split_photo_credit (NpReader *reader, const char *text, char **caption,
                       char **credit)
{
  g_autofree char *bare = np_trim (text);
  const char *end = bare + strlen (bare);
  const char *cut = NULL;
  /* 合影（記者林冠廷攝）: a bracketed credit at the end */
  gunichar last = *bare ? g_utf8_get_char (g_utf8_prev_char (end)) : 0;
  if (last == 0xFF09 || last == ')') {
    gunichar open = last == ')' ? '(' : 0xFF08;
    for (const char *q = bare; *q; q = g_utf8_next_char (q))
      if (g_utf8_get_char (q) == open)
        cut = q;
  }
  /* 图为签约现场。新华社记者 张三 摄: a credit after the last full stop */
  if (!cut || !np_is_photo_credit (reader, cut)) {
    cut = NULL;
    for (const char *q = bare; *q; q = g_utf8_next_char (q))
      if (np_is_stop (g_utf8_get_char (q)) && *g_utf8_next_char (q))
        cut = g_utf8_next_char (q);
  }
  if (!cut || cut == bare || !np_is_photo_credit (reader, cut))
    return FALSE;
  g_autofree char *head = g_strndup (bare, cut - bare);
  *caption = np_trim (head);
  *credit = np_trim (cut);
  return TRUE;
}

/* A source's name as the masthead prints it: up to a comma, without a
 * date or a 官网 after it. */
static char *
np_source_name (NpReader *reader, const char *name)
{
  GString *s = g_string_new (name);
  for (const char *p = s->str; *p; p = g_utf8_next_char (p))
    if (g_utf8_strchr ("，,；;（(", -1, g_utf8_get_char (p))) {
      g_string_truncate (s, p - s->str);
      break;
    }
  gsize n = np_cues_closes (reader->cues, "credit/publisher-trailers", s->str);
  if (n && n < s->len) {
    /* 甲学院官网 -> 甲学院, but 鹭川新闻网 is the unit itself */
    g_autofree char *unit = g_strndup (s->str, s->len - n);
    if (np_is_unit_name (reader, unit))
      g_string_truncate (s, s->len - n);
  }
  return g_string_free (s, FALSE);
}

char *
np_credit_publisher (NpReader *reader, const char *text)
{
  g_autofree char *inner = np_unwrap (text);
  g_autoptr (GPtrArray) parts = np_credit_parts (reader, inner);
  for (guint i = 0; i < parts->len; i++) {
    const char *part = parts->pdata[i];
    gsize n = np_role_length (reader, "credit/publisher", part);
    g_autofree char *name = NULL;
    if (n > 0 && part[n])
      name = g_strdup (part + n);                 /* 供稿：甲学院 */
    else if (n > 0 && i > 0)
      name = g_strdup (parts->pdata[i - 1]);      /* 甲学院 供稿 */
    else if (n > 0 && i + 1 < parts->len)
      name = g_strdup (parts->pdata[i + 1]);      /* 供稿 甲学院 */
    else if ((n = np_name_before_role (reader, "credit/publisher-after",
                                       part)))
      name = g_strndup (part, n);                 /* 甲学院供稿 */
    if (!name)
      continue;
    g_autofree char *source = np_source_name (reader, name);
    /* a unit, not a person: 党委宣传部, 甲学院新闻中心, not 张三 */
    if (np_is_unit_name (reader, source) || g_utf8_strlen (source, -1) >= 5)
      return g_steal_pointer (&source);
  }
  return NULL;
}

/* Whether a line is nothing but hashtags and mentions (#产教融合#
 * #职业教育, @某学院): a post's tags. */
static gboolean
np_is_tags (const char *text)
{
  if (np_visible_length (text) > NP_MAX_PROMO * 2)
    return FALSE;
  g_autofree char *bare = np_strip_emoji (text);
  g_auto (GStrv) words = np_split_at (bare, NP_SPACES);
  gboolean any = FALSE;
  for (guint i = 0; words[i]; i++) {
    if (!*words[i])
      continue;
    if (*words[i] != '#' && *words[i] != '@'
        && !g_str_has_prefix (words[i], "＃") && !g_str_has_prefix (words[i], "＠"))
      return FALSE;
    any = TRUE;
  }
  return any;
}

/* Whether a word is a count a page shows by its buttons: 35, 1.2万, 10w+. */
static gboolean
np_is_count_word (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (!g_utf8_strchr ("0123456789.,万wW+", -1, g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
np_is_junk (NpReader *reader, const char *text)
{
  g_autofree char *bare = np_bare (text);
  if (!*bare)
    return FALSE;
  if (np_cues_is (reader->cues, "end/junk", bare) || np_is_tags (text))
    return TRUE;
  /* 关注公众号，后台回复…: a platform's call to act */
  if (np_visible_length (text) <= NP_MAX_PROMO
      && np_cues_find (reader->cues, "end/promo", text, NULL))
    return TRUE;
  /* 附件1：名单.docx: a file that came with the page */
  if ((g_str_has_prefix (bare, "附件") || g_str_has_prefix (bare, "附檔"))
      && np_cues_find (reader->cues, "end/attachments", bare, NULL))
    return TRUE;
  /* 点赞 在看 分享 on one line, or 赞 35, 阅读 1.2万: junk words with
   * counts, on a short line */
  if (np_visible_length (text) > NP_MAX_PROMO)
    return FALSE;
  g_autofree char *stripped = np_strip_emoji (text);
  GString *spaced = g_string_new (stripped);
  g_string_replace (spaced, "】【", "】 【", 0); /* 【打印】【关闭】 */
  g_auto (GStrv) words = np_split_at (spaced->str, NP_SPACES "|｜丨·•");
  g_string_free (spaced, TRUE);
  gboolean any = FALSE;
  for (guint i = 0; words[i]; i++) {
    /* 【打印本页】, 分享到： */
    g_autofree char *word = g_regex_replace_literal (
      reader->re.brackets, words[i], -1, 0, "", 0, NULL);
    if (!*word || np_is_count_word (word))
      continue;
    if (!np_cues_is (reader->cues, "end/junk", word))
      return FALSE;
    any = TRUE;
  }
  return any;
}




/* A caption of the photos a release lists after its end (圖一：…), or the
 * label over them (圖片說明：): the body step reads them. */
static gboolean
np_is_photo_note (NpReader *reader, const char *text)
{
  g_autoptr (GMatchInfo) info = NULL;
  if (g_regex_match (reader->re.caption_number, text, 0, NULL))
    return TRUE;
  if (!g_regex_match (reader->re.caption_wrapper, text, 0, &info))
    return FALSE;
  /* （图：甲乙合影）names a scene; （图：张三）, （圖／南濱科大提供）its
   * photographer */
  g_autofree char *inner = g_match_info_fetch_named (info, "text");
  return np_visible_length (inner) > NP_MAX_PERSON
         && !np_cues_closes (reader->cues, "photo-credit/after", inner);
}

/* Reads a date from a credit line (（新聞來源：港都時報，2025-04-26）) for
 * a report that gives none elsewhere. */
static void
np_date_from_credit (NpReader *reader, const char *text)
{
  if (reader->end_date)
    return;
  reader->end_date = np_find_date (reader, text, FALSE, NULL, NULL);
}

void
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

void
np_read_end (NpReader *reader)
{
  guint n = np_reader_count (reader);
  /* What the roles step read as not the report's, as its credit or as
   * its signature, wherever it stands.  A page's line may still tell the
   * date and the source (发布时间：2025-04-26 来源：甲学院). */
  for (guint i = 0; i < n; i++) {
    NpPara *p = np_reader_para (reader, i);
    char *date = NULL;
    if (p->state != NP_PARA_OPEN || p->force != NP_FORCE_NONE)
      continue;
    switch (p->role) {
    case NP_LINE_DROP:
      if (np_is_meta_line (reader, p->text))
        np_read_meta (reader, p->text);
      np_reader_drop (reader, i);
      break;
    case NP_LINE_CREDIT:
      p->state = NP_PARA_CREDIT;
      np_date_from_credit (reader, p->text);
      break;
    case NP_LINE_SIGNATURE:
      p->state = NP_PARA_SIGNATURE;
      if (np_is_date_line (reader, p->text, &date)) {
        g_free (reader->end_date);
        reader->end_date = date;
      }
      break;
    default:
      break;
    }
  }

  /* A credit's source is the report's publisher, unless the front matter
   * named one. */
  for (guint i = 0; i < n && !reader->doc->publisher; i++) {
    NpPara *p = np_reader_para (reader, i);
    if (p->state == NP_PARA_CREDIT)
      reader->doc->publisher = np_credit_publisher (reader, p->text);
  }
}
