/* report-lists.c: the tables a report implies: signing units, keynotes.
 *
 * Contract: finds lists of units and talks written as prose or as lines
 * and adds them to the document as tables (序号 | 单位名称, 报告人 | 报告题目).
 * A list is read from evidence, not from one sentence pattern:
 *
 * - units: names separated by 、 (or ；，) with 和/及/与 before the last;
 *   most of them end as units' names do (公司, 学院…); and something says
 *   they signed or joined: a list name with its verb (签约单位有：,
 *   理事单位：), a signing verb in the sentence, or a count (等N家单位) in
 *   a paragraph that speaks of signing.  A lead-in (签约单位名单如下：)
 *   puts the names on the lines after it, bare or numbered.
 * - keynotes: lines such as 张三：《题目》, 张三（某大学教授）：「题目」,
 *   主旨报告：张三《题目》 or 报告人：张三　报告题目：题目; two in a row make a
 *   table, one does when it is labelled or a lead-in announces talks.
 *   张三作题为《题目》的报告 inside a sentence stays prose.
 *
 * A count that disagrees with the names found is a warning; the table
 * shows what was found.
 */
#include "report-private.h"
#include "words.h"

#include "emojitext.h"

#include <string.h>

/* A unit's name is at most this long (characters). */
#define NP_MAX_UNIT 50
/* A name line of a list is at most this long (characters). */
#define NP_MAX_NAME_LINE 100
/* A line that names a list and nothing else (首批成员单位：) is at most
 * this long (characters). */
#define NP_MAX_LIST_TITLE 12
/* How far after a list (characters) the word naming its topics may stand
 * (三個高級文憑課程). */
#define NP_TOPIC_REACH 8
/* A row of names or of a pasted table is at most this long (characters). */
#define NP_MAX_ROW 300
/* Matches of a pattern looked at in one text before giving up. */
#define NP_MAX_TRIES 32
/* A signing party's own name is at least this long (characters): 学校,
 * 联盟 are no names. */
#define NP_MIN_PARTY 4
/* "的 NOUN 为": the noun is at most this many characters (单位, 飯店). */
#define NP_MAX_COPULA_NOUN 4
/* How many paragraphs before a list's lead-in may state its count. */
#define NP_COUNT_LOOKBACK 6
/* A keynote's speaker is at most this long (characters). */
#define NP_MAX_SPEAKER 60

/* ---- names --------------------------------------------------------------- */

/* A name without the bracketed words at its end: 香港專業教育學院（IVE）
 * -> 香港專業教育學院.  Newly allocated, emoji dropped. */
static char *
np_name_core (const char *name)
{
  char *bare = np_strip_emoji (name);
  char *end = bare + strlen (bare);
  while (end > bare && np_is_closer (g_utf8_get_char (g_utf8_prev_char (end)))) {
    const char *open = NULL;
    for (const char *p = bare; p < end; p = g_utf8_next_char (p))
      if (np_is_opener (g_utf8_get_char (p)))
        open = p;
    if (!open || open == bare)
      break;
    end = (char *) open;
  }
  *end = '\0';
  return bare;
}

/* Whether a name ends as a unit's does: 甲公司, 乙学院, and (`weak`)
 * 晶創半導體, 海翔風能. */
static gboolean
np_ends_as_unit (NpReader *reader, const char *name, gboolean weak)
{
  g_autofree char *bare = np_name_core (name);
  glong length = g_utf8_strlen (bare, -1);
  return length >= 2 && length <= NP_MAX_UNIT && !np_has_stop (bare)
         && (np_cues_closes (reader->cues, "units/suffixes", bare) > 0
             || (weak
                 && np_cues_closes (reader->cues, "units/industries", bare)));
}

gboolean
np_is_unit_name (NpReader *reader, const char *name)
{
  return np_ends_as_unit (reader, name, TRUE);
}

gboolean
np_is_org_name (NpReader *reader, const char *name)
{
  return np_ends_as_unit (reader, name, FALSE);
}

/* A name as it goes into its cell: without emoji, its number, spaces,
 * the marks around it and a trailing 等 or (排名不分先后). */
static char *
np_clean_name (NpReader *reader, const char *raw)
{
  g_autofree char *s = np_strip_emoji (raw);
  /* what opens the name: its number, or a bullet (●甲公司, ‧ 乙学院) */
  gsize number = np_item_number (reader, s);
  if (!number)
    number = np_cues_opens (reader->cues, "roles/row-bullets", s);
  if (!number)
    number = np_cues_opens (reader->cues, "heading/bullets", s);
  g_autofree char *t = np_trim (s + number);
  GString *name = g_string_new (t);
  for (gboolean changed = TRUE; changed && name->len;) {
    changed = FALSE;
    gunichar last = g_utf8_get_char (g_utf8_prev_char (name->str + name->len));
    gsize n = np_cues_closes (reader->cues, "units/trailers", name->str);
    if (n) {
      g_string_truncate (name, name->len - n);
      changed = TRUE;
    } else if (np_is_pause (last) || np_is_stop (last) || np_is_space (last)
               || last == 0x2026 || last == '.') {
      g_string_truncate (name, g_utf8_prev_char (name->str + name->len)
                                 - name->str);
      changed = TRUE;
    }
  }
  gsize lead = np_cues_opens (reader->cues, "units/leaders", name->str);
  g_string_erase (name, 0, lead);
  char *trimmed = np_trim (name->str);
  g_string_free (name, TRUE);
  return trimmed;
}

/* Splits a list into names: at 、 when it has any, else at the bars of a
 * post (甲学院｜乙公司), else at ；, else at ，; and the last name again at
 * 和/及/与 when both sides are units. */
static GPtrArray *
np_split_list (NpReader *reader, const char *whole)
{
  /* 丙公司，以及丁学院: a comma with its conjunction parts two names */
  GString *joined = g_string_new (NULL);
  for (const char *p = whole; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    const char *after = g_utf8_next_char (p);
    while (*after && np_is_space (g_utf8_get_char (after)))
      after = g_utf8_next_char (after);
    if ((c == 0xFF0C || c == ',')
        && np_cues_opens (reader->cues, "units/conjunctions", after))
      g_string_append (joined, "、");
    else
      g_string_append_unichar (joined, c);
  }
  g_autofree char *list = g_string_free (joined, FALSE);
  const char *sep = strstr (list, "、")                       ? "、"
                    : strstr (list, "｜") || strstr (list, "丨") ? "｜丨"
                    : strstr (list, "；") || strchr (list, ';') ? "；;"
                                                               : "，,";
  g_auto (GStrv) parts = np_split_at (list, sep);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i]; i++) {
    char *name = np_clean_name (reader, parts[i]);
    if (!*name) {
      g_free (name);
      continue;
    }
    /* 乙学院和丙研究院: the conjunction before the last name (or inside
     * any, with ，-lists); in a 、-list a 及 before the last is a name's
     * own (澳門酒店及飲食業商會、丙协会和丁学院) */
    const char *p = name;
    gsize n = 0;
    gboolean split = FALSE;
    if (strcmp (sep, "、") == 0 && parts[i + 1])
      p = NULL;
    while (p && (p = np_cues_find (reader->cues, "units/conjunctions", p, &n))) {
      g_autofree char *left = g_strndup (name, p - name);
      g_autofree char *right = np_clean_name (reader, p + n);
      /* 物流与采购协会 is one name: its left part ends no organisation's
       * name; 永耀精密工業及華昇光電 are two */
      gboolean inner = np_cues_opens (reader->cues, "units/inner-conjunctions",
                                      p) == n;
      if ((inner ? np_is_org_name (reader, left)
                 : np_is_unit_name (reader, left))
          && np_is_unit_name (reader, right)) {
        g_ptr_array_add (names, g_steal_pointer (&left));
        g_ptr_array_add (names, g_steal_pointer (&right));
        split = TRUE;
        break;
      }
      p += n;
    }
    if (split)
      g_free (name);
    else
      g_ptr_array_add (names, name);
  }
  return names;
}

/* Whether enough names of a list are units' names: two, and at least
 * three in five. */
static gboolean
np_are_units (NpReader *reader, const GPtrArray *names)
{
  guint units = 0;
  for (guint i = 0; i < names->len; i++) {
    g_autofree char *core = np_name_core (names->pdata[i]);
    if (g_utf8_strlen (core, -1) > NP_MAX_UNIT
        || np_cues_find (reader->cues, "units/attendance", core, NULL))
      return FALSE;
    units += np_is_unit_name (reader, names->pdata[i]);
  }
  return names->len >= 2 && units >= 2 && units * 5 >= names->len * 3;
}

/* ---- counts -------------------------------------------------------------- */

/* The count a text states for a list (等共8家单位, 十二家, 3所院校), or
 * -1.  When `at` is given, the count must open the text there. */
static int
np_stated_count (NpReader *reader, const char *text, gboolean anchored,
                 gsize *length)
{
  g_autoptr (GMatchInfo) info = NULL;
  if (!g_regex_match (reader->re.count, text, 0, &info))
    return -1;
  int start = 0, end = 0;
  g_match_info_fetch_pos (info, 0, &start, &end);
  if (anchored && start != 0)
    return -1;
  if (length)
    *length = (gsize) end;
  g_autofree char *number = g_match_info_fetch_named (info, "n");
  return np_parse_number (number);
}

/* ---- the table ----------------------------------------------------------- */

static NpBlock *
np_add_units_table (NpReader *reader, const GPtrArray *names, guint line,
                    const char *title, const char *rule, int stated,
                    const GPtrArray *more)
{
  gboolean hans = reader->doc->script == NP_SCRIPT_HANS;
  /* `more`, when given: the further columns' names, then each row's
   * further cells (GStrv each, as many as the names) */
  guint extra = more ? g_strv_length (more->pdata[0]) : 0;
  g_autofree const char **row = g_new0 (const char *, extra + 3);
  row[0] = hans ? "序号" : "序號";
  row[1] = hans ? "单位名称" : "單位名稱";
  for (guint k = 0; k < extra; k++)
    row[2 + k] = ((char **) more->pdata[0])[k];
  NpBlock *table = np_document_add_table (reader->doc, NP_BLOCK_UNITS, line);
  np_block_add_row (table, row, 2 + extra);
  for (guint i = 0; i < names->len; i++) {
    g_autofree char *number = g_strdup_printf ("%u", i + 1);
    row[0] = number;
    row[1] = names->pdata[i];
    char **cells = more && i + 1 < more->len ? more->pdata[i + 1] : NULL;
    for (guint k = 0; k < extra; k++)
      row[2 + k] = cells && k < g_strv_length (cells) ? cells[k] : "";
    np_block_add_row (table, row, 2 + extra);
  }
  table->title = title && *title ? g_strdup (title) : NULL;
  /* units 6/6: found and stated, when the text states a count */
  g_autofree char *count = stated >= 0
                             ? g_strdup_printf ("%u/%d", names->len, stated)
                             : g_strdup_printf ("%u", names->len);
  np_block_set_rule (table, "units %s · %s", count, rule);
  return table;
}

static void
np_check_count (NpReader *reader, int stated, guint found, guint line)
{
  if (stated >= 0 && (guint) stated != found)
    np_document_warn (reader->doc, line,
                      "signing units: the text says %d, found %u; the table "
                      "shows the %u found",
                      stated, found, found);
}

/* The name of the list a text opens or holds (理事单位, 签约单位), or
 * NULL. */
static char *
np_list_name (NpReader *reader, const char *text)
{
  gsize n = 0;
  const char *hit = np_cues_find (reader->cues, "units/lists", text, &n);
  return hit ? g_strndup (hit, n) : NULL;
}

/* ---- lists on lines ------------------------------------------------------ */

char *
np_list_title (NpReader *reader, const char *text)
{
  /* 理事单位：, 签约单位👇, 新增成员单位（12家）：, 首批成员单位（排名不分先后） */
  g_autofree char *bare = np_strip_emoji (text);
  gsize n = strlen (bare);
  if (g_str_has_suffix (bare, "："))
    n -= strlen ("：");
  else if (n && bare[n - 1] == ':')
    n--;
  bare[n] = '\0';
  g_autofree char *name = g_regex_replace_literal (reader->re.aside, bare, -1,
                                                   0, "", 0, NULL);
  g_strstrip (name);
  if (g_utf8_strlen (name, -1) > NP_MAX_LIST_TITLE
      || !np_cues_closes (reader->cues, "units/lists", name))
    return NULL;
  /* the title as written, its aside too: 首批成员单位（排名不分先后） */
  return np_trim (bare);
}

/* The cells of a row pasted from a Word table: split at tabs, or at runs
 * of two or more spaces. */
static char **
np_table_cells (NpReader *reader, const char *text)
{
  if (np_visible_length (text) > NP_MAX_ROW)
    return g_new0 (char *, 1); /* no row of a table is that long */
  return g_regex_split (reader->re.cells, text, 0);
}

/* Whether a line is the header row of a units table pasted as text
 * (序号<TAB>单位名称): the column under 单位名称 holds the names. */
/* Which column of a header row holds the names, or -1 when the line is
 * no header row. */
static int
np_name_column (NpReader *reader, const char *header)
{
  g_auto (GStrv) cells = np_table_cells (reader, header);
  if (g_strv_length (cells) < 2)
    return -1;
  for (guint i = 0; cells[i]; i++)
    if (np_cues_is (reader->cues, "units/headers", g_strstrip (cells[i])))
      return (int) i;
  return -1;
}

gboolean
np_is_table_header (NpReader *reader, const char *text)
{
  return np_name_column (reader, text) >= 0;
}

/* Whether paragraph `i` leads in to a list on the lines after it:
 * 签约单位名单如下：, 首批成员单位（排名不分先后）：, or @@单位 alone. */
static gboolean
np_is_units_lead_in (NpReader *reader, const NpPara *p)
{
  if (p->force == NP_FORCE_UNITS)
    return !*p->text;
  if (np_is_table_header (reader, p->text))
    return TRUE;
  g_autofree char *title = np_list_title (reader, p->text);
  if (title)
    return TRUE;
  gunichar final = np_final_char (p->text);
  g_autofree char *bare = np_strip_emoji (p->text);
  if (final != 0xFF1A && final != ':'
      && !np_cues_closes (reader->cues, "units/lead-ins", bare))
    return FALSE;
  return np_cues_find (reader->cues, "units/lists", p->text, NULL)
         || np_cues_find (reader->cues, "units/lead-ins", p->text, NULL)
         || np_cues_find (reader->cues, "units/context", p->text, NULL);
}

/* A line that holds one name: short, no sentence in it, no colon, not a
 * caption, a heading or a credit. */
static char *
np_name_line (NpReader *reader, const NpPara *p, int column)
{
  if (column >= 0) {
    /* a row of a pasted table: the cell under 单位名称 */
    g_auto (GStrv) cells = np_table_cells (reader, p->text);
    if (p->state != NP_PARA_OPEN || (int) g_strv_length (cells) <= column)
      return NULL;
    char *name = np_clean_name (reader, cells[column]);
    if (*name && !np_has_stop (name))
      return name;
    g_free (name);
    return NULL;
  }
  if (p->state != NP_PARA_OPEN
      || (p->force != NP_FORCE_NONE && p->force != NP_FORCE_UNITS)
      || np_visible_length (p->text) > NP_MAX_NAME_LINE
      || g_utf8_strchr (p->text, -1, 0xFF1A) || strchr (p->text, ':')
      || np_is_photo_credit (reader, p->text)
      || np_heading_number (reader, p->text)
      || np_cues_opens (reader->cues, "caption/marks", p->text)
      || np_cues_opens (reader->cues, "caption/prefixes", p->text)
      || g_regex_match (reader->re.caption_number, p->text, 0, NULL))
    return NULL;
  char *name = np_clean_name (reader, p->text);
  if (!*name || np_has_stop (name) || strstr (name, "，")) {
    g_free (name);
    return NULL;
  }
  return name;
}

GPtrArray *
np_spaced_names (NpReader *reader, const char *text)
{
  if (np_visible_length (text) > NP_MAX_ROW)
    return NULL;
  g_auto (GStrv) parts = np_split_at (text, NP_SPACES);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i]; i++) {
    if (!*parts[i])
      continue;
    g_autofree char *clean = np_clean_name (reader, parts[i]);
    if (!np_is_unit_name (reader, clean)) {
      g_ptr_array_unref (names);
      return NULL;
    }
    g_ptr_array_add (names, g_steal_pointer (&clean));
  }
  if (names->len >= 2)
    return names;
  g_ptr_array_unref (names);
  return NULL;
}

/* A count stated a few paragraphs before a list on lines: 首批吸纳12家成员
 * 单位, 第二批共有十一家单位加入, in a paragraph that speaks of units.  -1
 * when there is none. */
static int
np_count_before (NpReader *reader, guint i)
{
  for (guint b = i, seen = 0; b-- > 0 && seen < NP_COUNT_LOOKBACK;) {
    const NpPara *p = np_reader_para (reader, b);
    if (p->state == NP_PARA_DROPPED)
      continue;
    seen++;
    if (!np_cues_find (reader->cues, "units/context", p->text, NULL)
        && !np_cues_find (reader->cues, "units/lists", p->text, NULL))
      continue;
    g_autoptr (GMatchInfo) info = NULL;
    g_regex_match (reader->re.count, p->text, 0, &info);
    for (int tries = 0; g_match_info_matches (info) && tries < NP_MAX_TRIES;
         g_match_info_next (info, NULL), tries++) {
      g_autofree char *noun = g_match_info_fetch_named (info, "noun");
      g_autofree char *number = g_match_info_fetch_named (info, "n");
      if (noun && *noun)
        return np_parse_number (number);
    }
  }
  return -1;
}

guint
np_read_unit_lines (NpReader *reader, guint i)
{
  const NpPara *lead_in = np_reader_para (reader, i);
  if (!np_is_units_lead_in (reader, lead_in))
    return 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint k = np_reader_next_kept (reader, i + 1);
  gboolean numbered = FALSE;
  /* a table pasted from Word: its header row, the lead-in's or the next
   * line, says which column holds the names */
  int column = np_name_column (reader, lead_in->text);
  const char *header = lead_in->text;
  if (column < 0 && k < np_reader_count (reader)
      && (column = np_name_column (reader, np_reader_para (reader, k)->text))
           >= 0)
    header = np_reader_para (reader, k++)->text;
  /* the table's further columns (代表人, 合作项目): kept, every cell, under
   * the names the header gives them; a serial number's column is not */
  g_autoptr (GPtrArray) more = NULL;
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  if (column >= 0) {
    g_auto (GStrv) heads = np_table_cells (reader, header);
    g_autoptr (GStrvBuilder) names_of = g_strv_builder_new ();
    for (guint j = 0; heads[j]; j++) {
      g_strstrip (heads[j]);
      if ((int) j == column || np_cues_is (reader->cues, "roles/columns", heads[j]))
        continue;
      g_array_append_val (kept, j);
      g_strv_builder_add (names_of, heads[j]);
    }
    if (kept->len) {
      more = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_ptr_array_add (more, g_strv_builder_end (names_of));
    }
  }
  for (; k < np_reader_count (reader); k++) {
    const NpPara *p = np_reader_para (reader, k);
    if (p->state == NP_PARA_DROPPED)
      continue;
    /* a picture, or the next list's name, ends a list */
    g_autofree char *next_title = np_list_title (reader, p->text);
    if (p->picture || next_title)
      break;
    char *name = np_name_line (reader, p, column);
    /* the list ends where the names, or their numbering, end; after
     * names of units, a line that names no unit is no more of them */
    if (name && !np_is_unit_name (reader, name) && names->len >= 2
        && np_are_units (reader, names)) {
      g_free (name);
      break;
    }
    gboolean has_number = column < 0 && np_item_number (reader, p->text) > 0;
    if (name && names->len == 0)
      numbered = has_number;
    if (!name || has_number != numbered) {
      g_free (name);
      break;
    }
    if (more) {
      g_auto (GStrv) cells = np_table_cells (reader, p->text);
      guint have = g_strv_length (cells);
      g_autoptr (GStrvBuilder) row = g_strv_builder_new ();
      for (guint j = 0; j < kept->len; j++) {
        guint at = g_array_index (kept, guint, j);
        g_strv_builder_add (row, at < have ? g_strstrip (cells[at]) : "");
      }
      g_ptr_array_add (more, g_strv_builder_end (row));
      g_ptr_array_add (names, name);
      continue;
    }
    /* 甲公司 乙协会 丙研究院: several names on a line, set apart by spaces */
    g_autoptr (GPtrArray) several = np_spaced_names (reader, name);
    if (several) {
      for (guint j = 0; j < several->len; j++)
        g_ptr_array_add (names, g_strdup (several->pdata[j]));
      g_free (name);
    } else
      g_ptr_array_add (names, name);
  }
  if (names->len == 0
      || (!np_are_units (reader, names) && lead_in->force != NP_FORCE_UNITS))
    return 0;

  /* The count may stand in the lead-in or a paragraph before it. */
  int stated = np_stated_count (reader, lead_in->text, FALSE, NULL);
  if (stated < 0)
    stated = np_count_before (reader, i);
  g_autofree char *title = np_list_name (reader, lead_in->text);
  np_add_units_table (reader, names, np_reader_para (reader, i + 1)->line,
                      title,
                      lead_in->force == NP_FORCE_UNITS ? "@@单位"
                      : column >= 0                    ? "a pasted table"
                                                       : "lines after a lead-in",
                      stated, more);
  np_check_count (reader, stated, names->len,
                  np_reader_para (reader, i + 1)->line);
  for (guint j = i + 1; j < k; j++)
    if (np_reader_para (reader, j)->state == NP_PARA_OPEN)
      np_reader_para (reader, j)->state = NP_PARA_TAKEN;
  return k - i - 1;
}

/* ---- lists inside sentences ---------------------------------------------- */

/* Where the list ends in `text` (from a name on): at 等, at a count, at a
 * verb, at the end; a list of names set off by 、 ends at a comma too.
 * Returns the list's length in bytes. */
static gsize
np_list_extent (NpReader *reader, const char *text)
{
  gsize end = strlen (text);
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree guint8 *breaks = NULL;
  g_regex_match (reader->re.list_end, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL)) {
    int s = 0, vs = -1, ve = -1;
    g_match_info_fetch_pos (info, 0, &s, NULL);
    /* a verb ends the list only as a word of its own and not before the
     * end of a unit's name: 联合 is no verb in 物流与采购联合会 */
    if (g_match_info_fetch_named_pos (info, "verb", &vs, &ve) && vs >= 0) {
      if (!breaks)
        breaks = np_words_breaks (text, FALSE);
      if (breaks[vs] == NP_WORDS_INSIDE || breaks[ve] == NP_WORDS_INSIDE
          || np_cues_opens (reader->cues, "units/suffixes", text + ve))
        continue;
    }
    end = MIN (end, (gsize) s);
    break;
  }
  const char *sep = g_strstr_len (text, end, "、");
  int depth = 0;
  if (sep)
    for (const char *p = text; p < text + end; p = g_utf8_next_char (p)) {
      gunichar c = g_utf8_get_char (p);
      depth += c == 0xFF08 || c == '(' ? 1 : c == 0xFF09 || c == ')' ? -1 : 0;
      /* …丙公司，以及丁学院: the list goes on after its comma */
      if (p >= sep && depth <= 0 && g_utf8_strchr ("，,", -1, c)
          && !np_cues_opens (reader->cues, "units/conjunctions",
                             g_utf8_next_char (p)))
        return p - text;
    }
  return end;
}

/* Where the clause around [from, to) of `sentence` begins and ends: at
 * the nearest ，；： (or the sentence's ends). */
static void
np_clause_around (const char *sentence, const char *from, const char *to,
                  const char **begin, const char **end)
{
  *begin = sentence;
  int depth = 0; /* a comma in brackets parts no clause: (Macau, S.A.) */
  for (const char *p = sentence; p < from; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    depth += c == 0xFF08 || c == '(' ? 1 : c == 0xFF09 || c == ')' ? -1 : 0;
    if (depth <= 0 && g_utf8_strchr ("，,；;", -1, c))
      *begin = g_utf8_next_char (p);
  }
  const char *p = to;
  while (*p && !g_utf8_strchr ("，,；;。！？!?", -1, g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  *end = p;
}

/* Whether a text between `begin` and `end` holds a word of `list`. */
static gboolean
np_holds (NpReader *reader, const char *list, const char *begin,
          const char *end)
{
  g_autofree char *span = g_strndup (begin, end - begin);
  return np_cues_find (reader->cues, list, span, NULL) != NULL;
}

/* Where a list starts after a list name or a noun with its verb:
 * 签约单位有：…, 理事单位：…, 签约的单位为….  NULL when there is none;
 * `title` gets the list name. */
static const char *
np_named_start (NpReader *reader, const char *sentence, char **title)
{
  NpCues *c = reader->cues;
  static const char *const nouns[] = { "units/lists", "units/nouns" };
  for (guint k = 0; k < G_N_ELEMENTS (nouns); k++) {
    gsize n = 0;
    for (const char *hit = sentence;
         (hit = np_cues_find (c, nouns[k], hit, &n)); hit += n) {
      const char *p = hit + n;
      if (g_str_has_prefix (p, "名单") || g_str_has_prefix (p, "名單"))
        p += strlen ("名单");
      p = np_skip_emoji (p);
      gsize verb = np_cues_opens (c, "units/copulas", p);
      /* 签约单位分别是…; a plain noun takes its verb only (三家单位分别
       * 与学院签署: the names stood before it) */
      if (!verb && k == 0)
        verb = np_cues_opens (c, "units/openers", p);
      p += verb;
      gboolean colon = g_str_has_prefix (p, "：") || *p == ':';
      if (colon)
        p += *p == ':' ? 1 : strlen ("：");
      /* a list name may take a colon alone; a plain noun needs its verb */
      if (verb || (colon && k == 0)) {
        if (k == 0)
          *title = g_strndup (hit, n);
        return np_skip_emoji (p);
      }
    }
  }
  return NULL;
}

/* The signing party before 与 as a name: without a role before it
 * (承办方) and a time after it (今（26）日, 今天); NULL when it is no
 * unit's own name (学校, 联盟). */
static char *
np_party_name (NpReader *reader, const char *party)
{
  g_autofree char *name = np_strip_emoji (party);
  gsize role = np_cues_opens (reader->cues, "units/roles", name);
  memmove (name, name + role, strlen (name + role) + 1);
  for (gboolean cut = TRUE; cut;) {
    g_autoptr (GMatchInfo) info = NULL;
    cut = g_regex_match (reader->re.trailing_time, name, 0, &info);
    if (cut) {
      int start = 0;
      g_match_info_fetch_pos (info, 0, &start, NULL);
      cut = start > 0;
      name[start] = '\0';
    }
  }
  g_strstrip (name);
  if (g_utf8_strlen (name, -1) < NP_MIN_PARTY || !np_is_org_name (reader, name))
    return NULL;
  return g_steal_pointer (&name);
}

/* Where a list starts without a name: after an opener (包括, 分别是,
 * 分别与) before its first 、, else at its clause; past the words before
 * the names and a party that signs with them (`party` gets its name). */
static const char *
np_plain_start (NpReader *reader, const char *sentence, const char **rule,
                char **party)
{
  const char *first_sep = strstr (sentence, "、");
  if (!first_sep)
    return NULL;
  const char *opener = NULL;
  gsize on = 0;
  for (const char *p = sentence; p < first_sep;) {
    gsize k = 0;
    const char *hit = np_cues_find (reader->cues, "units/openers", p, &k);
    if (!hit || hit >= first_sep)
      break;
    opener = hit;
    on = k;
    p = hit + k;
  }
  const char *clause = sentence, *end = NULL;
  np_clause_around (sentence, first_sep, first_sep, &clause, &end);
  *rule = opener ? "names after 包括/分别" : "names in a sentence";
  const char *start = opener && opener + on > clause ? opener + on : clause;
  /* 本计划由甲大学、乙学校…: past the words before the names */
  gsize n = 0;
  for (const char *p = start; p < first_sep;) {
    const char *hit = np_cues_find (reader->cues, "units/before", p, &n);
    if (!hit || hit >= first_sep)
      break;
    start = hit + n;
    p = hit + n;
  }
  /* 学院与甲公司、乙公司…, 本校今天與甲、乙…: the party that signs with
   * the list is a unit, or a time stands before 与; a 与 inside a name
   * (职业教育与成人教育研究所) has neither before it */
  for (const char *p = start; p < first_sep;) {
    const char *hit = np_cues_find (reader->cues, "units/partners", p, &n);
    if (!hit || hit >= first_sep)
      break;
    g_autofree char *before = g_strndup (start, hit - start);
    g_autofree char *name = np_party_name (reader, before);
    if (name || np_is_org_name (reader, before)
        || np_cues_closes (reader->cues, "date/relative", before)
        || np_cues_closes (reader->cues, "date/parts", before)) {
      start = hit + n;
      g_free (*party);
      *party = g_steal_pointer (&name);
    }
    p = hit + n;
  }
  return np_skip_emoji (start);
}

/* Where a list starts after "the units that signed are": 签约的单位为…,
 * 參與簽約的飯店為…: 的, a short noun and its verb, before the first 、.
 * NULL when there is none. */
static const char *
np_copula_start (NpReader *reader, const char *sentence)
{
  const char *first_sep = strstr (sentence, "、");
  if (!first_sep)
    return NULL;
  const char *start = NULL;
  for (const char *p = sentence; (p = strstr (p, "的")) && p < first_sep;
       p += strlen ("的")) {
    const char *q = p + strlen ("的");
    for (int k = 0; k < NP_MAX_COPULA_NOUN && *q && q < first_sep; k++) {
      q = g_utf8_next_char (q);
      gsize verb = np_cues_opens (reader->cues, "units/copulas", q);
      if (verb && q + verb <= first_sep) {
        start = q + verb;
        break;
      }
    }
  }
  if (!start)
    return NULL;
  /* 簽署的企業分別為：甲、乙: past the colon */
  if (g_str_has_prefix (start, "："))
    start += strlen ("：");
  else if (*start == ':')
    start++;
  return np_skip_emoji (start);
}

/* An editor's list (@@单位 本次协办方有甲公司、乙学院): past the last
 * verb that introduces it before the first name. */
static const char *
np_past_copula (NpReader *reader, const char *start)
{
  const char *first_sep = strstr (start, "、");
  const char *after = start;
  for (const char *p = start; *p && (!first_sep || p < first_sep);
       p = g_utf8_next_char (p)) {
    gsize n = np_cues_opens (reader->cues, "units/copulas", p);
    if (n)
      after = p + n;
  }
  return np_skip_emoji (after);
}

/* Whether the words after a list name what it lists as topics:
 * 等领域, 三个方向, 三個高級文憑課程, 等产业学院4个 — a noun that is
 * neither a unit (单位, 企业) nor a count, within the phrase. */
static gboolean
np_names_topics (NpReader *reader, const char *tail)
{
  if (np_cues_opens (reader->cues, "units/nouns", tail)
      || np_cues_opens (reader->cues, "units/context", tail))
    return FALSE; /* 等单位, 等企业; 与集团签署 */
  const char *p = tail;
  for (int k = 0; k < NP_TOPIC_REACH && *p; k++, p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (np_is_pause (c) || np_is_stop (c))
      break;
    if (np_cues_opens (reader->cues, "units/topics", p))
      return TRUE;
  }
  return FALSE;
}

/* Whether a name of a list is a name, not a phrase: no pause, no count. */
static gboolean
np_is_plain_name (NpReader *reader, const char *name)
{
  g_autofree char *core = np_name_core (name);
  /* 共建冷链物流, 為航空服務: a verb's object, not a unit's name */
  if (np_cues_opens (reader->cues, "units/not-openers", core))
    return FALSE;
  for (const char *p = core; *p; p = g_utf8_next_char (p))
    if (np_is_pause (g_utf8_get_char (p)))
      return FALSE;
  return np_stated_count (reader, core, FALSE, NULL) < 0;
}

/* The list of a sentence that starts at `start` (`named`: after a name
 * for it): its names and the count the sentence states.  FALSE when no
 * list starts there. */
static gboolean
np_list_at (NpReader *reader, const char *sentence, const char *paragraph,
            gboolean forced, const char *start, gboolean named, char **party,
            GPtrArray **names, int *stated, char **title)
{
  if (forced)
    start = np_past_copula (reader, start);

  gsize extent = np_list_extent (reader, start);
  g_autofree char *list = g_strndup (start, extent);
  *names = np_split_list (reader, list);
  for (guint i = 0; i < (*names)->len; i++)
    if (!np_is_plain_name (reader, (*names)->pdata[i]))
      goto not_a_list;

  /* a count after the list (等共8家单位, ，共6家), else one stated
   * earlier in the sentence (共有5家单位签约，分别是…) */
  const char *after = start + extent;
  while (*after && (np_is_space (g_utf8_get_char (after))
                    || g_utf8_strchr ("，,", -1, g_utf8_get_char (after))))
    after = g_utf8_next_char (after);
  gsize counted_bytes = 0;
  *stated = np_stated_count (reader, after, TRUE, &counted_bytes);
  if (*stated < 0) {
    g_autofree char *before = g_strndup (sentence, start - sentence);
    *stated = np_stated_count (reader, before, FALSE, NULL);
  }
  /* 智慧港口、冷链物流等领域, …三个方向: topics, not units */
  const char *tail = after + counted_bytes;
  if (g_str_has_prefix (tail, "等"))
    tail += strlen ("等");
  if (np_names_topics (reader, tail))
    goto not_a_list;

  /* The evidence: units' names, or as many names as the text counts; and
   * a reason to think they signed. */
  /* 甲大学与乙、丙、丁签署: 甲 signs too, unless the count the text
   * gives is of the others (甲大学与乙、丙及丁3家业者签署) */
  if (*party && (*stated < 0 || (guint) *stated == (*names)->len + 1))
    g_ptr_array_insert (*names, 0, g_steal_pointer (party));
  /* as many names as counted, one of them at least a unit's (三家業者
   * counts firms, not 實習、專題研究、師資交流 after them) */
  gboolean some_unit = FALSE;
  for (guint k = 0; k < (*names)->len && !some_unit; k++)
    some_unit = np_is_unit_name (reader, (*names)->pdata[k]);
  gboolean counted = *stated >= 2 && (guint) *stated == (*names)->len
                     && some_unit;
  if (!forced && !counted && !np_are_units (reader, *names))
    goto not_a_list;
  if ((*names)->len < 2 && !forced)
    goto not_a_list;
  if (named || forced)
    return TRUE;
  const char *tail_begin = NULL, *tail_end = NULL;
  np_clause_around (sentence, after, after, &tail_begin, &tail_end);
  if (np_holds (reader, "units/attendance", start + extent, tail_end))
    goto not_a_list; /* 甲局、乙局代表出席: guests, not signatories */
  if (np_cues_find (reader->cues, "units/context", sentence, NULL))
    return TRUE;
  if (*stated >= 0 && np_cues_find (reader->cues, "units/context", paragraph,
                                    NULL))
    return TRUE;
not_a_list:
  g_clear_pointer (names, g_ptr_array_unref);
  g_clear_pointer (title, g_free);
  return FALSE;
}

/* One list in a sentence: its names, the count the sentence states, what
 * made it a list.  FALSE when the sentence holds none. */
static gboolean
np_sentence_list (NpReader *reader, const char *sentence,
                  const char *paragraph, gboolean forced, GPtrArray **names,
                  int *stated, char **title, const char **rule)
{
  *title = NULL;
  *names = NULL;
  /* 签约单位有：…, then 签约的单位为…, then names with no name for them;
   * a start that gives no list leaves the next one to try (吸纳A、B等6家
   * 单位为新成员单位: the names stand before 单位为) */
  const char *start = np_named_start (reader, sentence, title);
  g_autofree char *party = NULL;
  if (start && np_list_at (reader, sentence, paragraph, forced, start, TRUE,
                           &party, names, stated, title)) {
    *rule = *title ? "list name" : "a noun and its verb";
    return TRUE;
  }
  g_clear_pointer (title, g_free);
  start = np_copula_start (reader, sentence);
  if (start && np_list_at (reader, sentence, paragraph, forced, start, FALSE,
                           &party, names, stated, title)) {
    *rule = "a noun and its verb";
    return TRUE;
  }
  start = np_plain_start (reader, sentence, rule, &party);
  return start && np_list_at (reader, sentence, paragraph, forced, start,
                              FALSE, &party, names, stated, title);
}

/* The sentences of a paragraph, each with its 。！？ and the closing
 * quotes after it. */
static GPtrArray *
np_sentences (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *start = text, *p = text;
  while (*p) {
    gunichar c = g_utf8_get_char (p);
    p = g_utf8_next_char (p);
    if (!np_is_stop (c))
      continue;
    while (*p && np_is_closer (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    g_ptr_array_add (out, g_strndup (start, p - start));
    start = p;
  }
  if (*start)
    g_ptr_array_add (out, g_strdup (start));
  return out;
}

/* Whether every name of `names` stands in a units table read already: a
 * sentence that names again some of a list's units (我院分别与甲公司、乙公司
 * 签订…, under the members' list) tells, and makes no second table. */
static gboolean
np_units_listed (NpReader *reader, const GPtrArray *names)
{
  GPtrArray *blocks = reader->doc->blocks;
  for (guint n = 0; n < names->len; n++) {
    gboolean found = FALSE;
    for (guint b = 0; b < blocks->len && !found; b++) {
      const NpBlock *table = blocks->pdata[b];
      if (table->kind != NP_BLOCK_UNITS)
        continue;
      for (guint r = 1; r < table->rows->len && !found; r++) {
        GStrv row = table->rows->pdata[r];
        found = row[0] && row[1] && strcmp (row[1], names->pdata[n]) == 0;
      }
    }
    if (!found)
      return FALSE;
  }
  return names->len > 0;
}

void
np_read_unit_sentence (NpReader *reader, guint i, gboolean forced)
{
  const NpPara *para = np_reader_para (reader, i);
  g_autoptr (GPtrArray) sentences = np_sentences (para->text);
  for (guint s = 0; s < sentences->len; s++) {
    GPtrArray *names = NULL;
    int stated = -1;
    g_autofree char *title = NULL;
    const char *rule = NULL;
    if (!np_sentence_list (reader, sentences->pdata[s], para->text, forced,
                           &names, &stated, &title, &rule))
      continue;
    if (!forced && np_units_listed (reader, names)) {
      g_ptr_array_unref (names);
      continue;
    }
    np_add_units_table (reader, names, para->line, title,
                        forced ? "@@单位" : rule, stated, NULL);
    np_check_count (reader, stated, names->len, para->line);
    g_ptr_array_unref (names);
  }
}

void
np_title_unit_tables (NpReader *reader)
{
  GPtrArray *blocks = reader->doc->blocks;
  guint tables = 0;
  for (guint i = 0; i < blocks->len; i++)
    tables += ((NpBlock *) blocks->pdata[i])->kind == NP_BLOCK_UNITS;
  /* one table needs no name of its own: the text above it says what it
   * is, unless that text was its name alone */
  if (tables >= 2)
    return;
  for (guint i = 0; i < blocks->len; i++) {
    NpBlock *b = blocks->pdata[i];
    if (b->kind == NP_BLOCK_UNITS
        && !g_ptr_array_find (reader->line_titles, b, NULL))
      g_clear_pointer (&b->title, g_free);
  }
}

/* ---- keynotes ------------------------------------------------------------ */

/* `text` after the field key of `list` and its colon (报告人：), found
 * anywhere; NULL when the key is not there.  `key` gets where it starts. */
static const char *
np_field (NpReader *reader, const char *list, const char *text,
          const char **key)
{
  const char *p = text;
  gsize n = 0;
  while ((p = np_cues_find (reader->cues, list, p, &n))) {
    const char *after = p + n;
    if (g_str_has_prefix (after, "：") || *after == ':') {
      *key = p;
      return after + (*after == ':' ? 1 : strlen ("："));
    }
    p = after;
  }
  return NULL;
}

/* The title without the marks around it: 《》「」“”『』. */
static char *
np_unquote (const char *s)
{
  g_autofree char *t = np_trim (s);
  gunichar first = g_utf8_get_char (t);
  gunichar last = *t ? g_utf8_get_char (g_utf8_prev_char (t + strlen (t)))
                     : 0;
  if (np_is_opener (first) && np_is_closer (last) && strlen (t) > 6) {
    gsize a = g_unichar_to_utf8 (first, NULL), b = g_unichar_to_utf8 (last, NULL);
    g_autofree char *inner = g_strndup (t + a, strlen (t) - a - b);
    return np_trim (inner);
  }
  return g_steal_pointer (&t);
}

/* A speaker's cell: as written, without a number and trailing marks. */
static char *
np_clean_speaker (NpReader *reader, const char *raw)
{
  const char *p = np_skip_emoji (raw);
  p += np_item_number (reader, p);
  g_autofree char *t = np_trim (p);
  GString *s = g_string_new (t);
  while (s->len) {
    gunichar last = g_utf8_get_char (g_utf8_prev_char (s->str + s->len));
    if (!np_is_pause (last) && !np_is_space (last))
      break;
    g_string_truncate (s, g_utf8_prev_char (s->str + s->len) - s->str);
  }
  return g_string_free (s, FALSE);
}

/* Splits a keynote line into speaker and title (newly allocated, and set
 * only when it returns TRUE).  `labelled` says whether the line names
 * itself a talk (主旨报告：…, 报告人：…), which is enough on its own.
 * FALSE when the line is no keynote. */
static gboolean
np_keynote_cells (NpReader *reader, const char *text, char **speaker,
                  char **title, gboolean *labelled)
{
  if (np_visible_length (text) > 2 * NP_MAX_SPEAKER + 60)
    return FALSE;
  /* 主题报告一：《题目》（主讲：张三，某大学教授）: the title first */
  g_autoptr (GMatchInfo) after = NULL;
  if (g_regex_match (reader->re.keynote_after, text, 0, &after)) {
    g_autofree char *who = g_match_info_fetch_named (after, "speaker");
    g_autofree char *what = g_match_info_fetch_named (after, "title");
    g_autofree char *trimmed_who = np_trim (who);
    g_autofree char *trimmed_what = np_trim (what);
    if (!*trimmed_who || !*trimmed_what)
      return FALSE;
    *speaker = g_steal_pointer (&trimmed_who);
    *title = g_steal_pointer (&trimmed_what);
    *labelled = TRUE;
    return TRUE;
  }
  /* 报告人：张三　报告题目：题目 (either order) */
  const char *skey = NULL, *tkey = NULL;
  const char *sval = np_field (reader, "keynotes/speaker-keys", text, &skey);
  const char *tval = np_field (reader, "keynotes/title-keys", text, &tkey);
  if (sval && tval) {
    const char *send = tkey > skey ? tkey : sval + strlen (sval);
    const char *tend = skey > tkey ? skey : tval + strlen (tval);
    g_autofree char *s = g_strndup (sval, send - sval);
    g_autofree char *t = g_strndup (tval, tend - tval);
    *speaker = np_clean_speaker (reader, s);
    g_autofree char *tt = np_clean_speaker (reader, t);
    *title = np_unquote (tt);
    *labelled = TRUE;
    if (**speaker && **title)
      return TRUE;
    g_clear_pointer (speaker, g_free);
    g_clear_pointer (title, g_free);
    return FALSE;
  }
  /* SPEAKER：《TITLE》, 主旨报告：SPEAKER《TITLE》 */
  g_autoptr (GMatchInfo) info = NULL;
  const char *p = np_skip_emoji (text);
  p += np_item_number (reader, p);
  if (!g_regex_match (reader->re.keynote, p, 0, &info))
    return FALSE;
  g_autofree char *label = g_match_info_fetch_named (info, "label");
  g_autofree char *who = g_match_info_fetch_named (info, "speaker");
  g_autofree char *colon = g_match_info_fetch_named (info, "colon");
  g_autofree char *what = g_match_info_fetch_named (info, "title");
  g_autofree char *rest = g_match_info_fetch_named (info, "rest");
  *labelled = label && *label;
  g_autofree char *bare_who = np_strip_emoji (who);
  if ((!*labelled && !(colon && *colon)) || !*bare_who || !*what
      || np_visible_length (who) > NP_MAX_SPEAKER || np_has_stop (who)
      || np_cues_closes (reader->cues, "keynotes/not-speakers", bare_who))
    return FALSE;
  /* after the title only marks, emoji and spaces: 《题目》。👍 */
  for (const char *q = rest; *q; q = g_utf8_next_char (q)) {
    gunichar ch = g_utf8_get_char (q);
    if (!g_unichar_ispunct (ch) && !np_emoji_is_part (ch) && !np_is_space (ch))
      return FALSE;
  }
  *speaker = np_clean_speaker (reader, who);
  *title = np_trim (what);
  return TRUE;
}

gboolean
np_is_keynote_text (NpReader *reader, const char *text)
{
  g_autofree char *speaker = NULL;
  g_autofree char *title = NULL;
  gboolean labelled = FALSE;
  return np_keynote_cells (reader, text, &speaker, &title, &labelled);
}

/* Whether paragraph `p` is a keynote line: its cells in `speaker` and
 * `title` (newly allocated) when it is. */
static gboolean
np_is_keynote_line (NpReader *reader, const NpPara *p, char **speaker,
                    char **title, gboolean *labelled)
{
  if (p->state != NP_PARA_OPEN
      || (p->force != NP_FORCE_NONE && p->force != NP_FORCE_KEYNOTE))
    return FALSE;
  if (!np_keynote_cells (reader, p->text, speaker, title, labelled))
    return FALSE;
  *labelled |= p->force == NP_FORCE_KEYNOTE;
  return TRUE;
}

/* The columns of a keynote table pasted from Word (时间<TAB>报告人<TAB>
 * 报告题目): which holds the speaker and which the title; FALSE when the
 * line is no such header. */
static gboolean
np_keynote_columns (NpReader *reader, const char *text, int *who, int *what)
{
  g_auto (GStrv) cells = np_table_cells (reader, text);
  *who = *what = -1;
  for (int k = 0; cells[k]; k++) {
    g_strstrip (cells[k]);
    if (np_cues_is (reader->cues, "keynotes/speaker-keys", cells[k]))
      *who = k;
    else if (np_cues_is (reader->cues, "keynotes/title-keys", cells[k]))
      *what = k;
  }
  return *who >= 0 && *what >= 0;
}

/* A new keynote table, its header row in the report's script. */
static NpBlock *
np_add_keynotes_table (NpReader *reader, guint line)
{
  gboolean hans = reader->doc->script == NP_SCRIPT_HANS;
  const char *header[] = { hans ? "报告人" : "報告人",
                           hans ? "报告题目" : "報告題目" };
  NpBlock *table = np_document_add_table (reader->doc, NP_BLOCK_KEYNOTES,
                                          line);
  np_block_add_row (table, header, 2);
  return table;
}

/* A keynote table pasted as text under its header row at `i`; returns
 * the lines used, header included (0: none). */
static guint
np_read_keynote_table (NpReader *reader, guint i)
{
  int who = -1, what = -1;
  if (!np_keynote_columns (reader, np_reader_para (reader, i)->text, &who,
                           &what))
    return 0;
  NpBlock *table = NULL;
  guint k = i + 1;
  for (; k < np_reader_count (reader); k++) {
    NpPara *p = np_reader_para (reader, k);
    g_auto (GStrv) cells = np_table_cells (reader, p->text);
    if (p->state != NP_PARA_OPEN || (int) g_strv_length (cells) <= MAX (who, what))
      break;
    g_autofree char *speaker = np_trim (cells[who]);
    g_autofree char *title = np_unquote (cells[what]);
    if (!*speaker || !*title)
      break;
    if (!table)
      table = np_add_keynotes_table (reader, p->line);
    const char *row[] = { speaker, title };
    np_block_add_row (table, row, 2);
    p->state = NP_PARA_TAKEN;
  }
  if (!table)
    return 0;
  np_reader_para (reader, i)->state = NP_PARA_TAKEN;
  np_block_set_rule (table, "keynotes %u · a pasted table",
                     table->rows->len - 1);
  return k - i;
}

guint
np_read_keynotes (NpReader *reader, guint i)
{
  guint pasted = np_read_keynote_table (reader, i);
  if (pasted)
    return pasted;
  guint n = np_reader_count (reader), run = 0;
  gboolean labelled = FALSE;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  for (; i + run < n; run++) {
    char *speaker = NULL, *title = NULL;
    gboolean l = FALSE;
    if (!np_is_keynote_line (reader, np_reader_para (reader, i + run),
                             &speaker, &title, &l))
      break;
    g_ptr_array_add (cells, speaker);
    g_ptr_array_add (cells, title);
    labelled |= l;
  }
  if (run == 0)
    return 0;
  const char *why = labelled ? "labelled" : "two or more lines";
  if (run == 1 && !labelled) {
    /* one line alone: a table only after a lead-in that speaks of talks */
    const NpPara *before = i > 0 ? np_reader_para (reader, i - 1) : NULL;
    if (!before || !np_cues_find (reader->cues, "keynotes/lead-ins",
                                  before->text, NULL))
      return 0;
    why = "after a lead-in";
  }
  NpBlock *table = np_add_keynotes_table (reader,
                                          np_reader_para (reader, i)->line);
  for (guint k = 0; k < run; k++) {
    np_block_add_row (table, (const char *const *) &cells->pdata[2 * k], 2);
    np_reader_para (reader, i + k)->state = NP_PARA_TAKEN;
  }
  np_block_set_rule (table, "keynotes %u · %s", run, why);
  return run;
}

/* ---- talks in sentences -------------------------------------------------- */

/* The speakers a talk sentence names before its verb, one for each of
 * `n` titles: split at 、 (和, 与 before the last); when that gives more
 * than `n`, a piece that ends in a post (教授、) joins the next one.  NULL when the count
 * is not `n`. */
static GPtrArray *
np_talk_speakers (NpReader *reader, const char *who, guint n)
{
  g_autofree char *bare = np_trim (who);
  gsize before = np_cues_opens (reader->cues, "keynotes/before-speakers", bare);
  const char *start = bare + before;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  if (n == 1) {
    g_ptr_array_add (out, np_clean_speaker (reader, start));
  } else {
    g_autoptr (GPtrArray) names = np_split_list (reader, start);
    /* more pieces than talks: a piece that ends in a post (教授、) is one
     * speaker's with the next, first one first */
    for (guint k = 0; names->len > n && k + 1 < names->len;) {
      if (!np_cues_closes (reader->cues, "roles/posts", names->pdata[k])) {
        k++;
        continue;
      }
      char *joined = g_strconcat (names->pdata[k], "、", names->pdata[k + 1],
                                  NULL);
      g_ptr_array_remove_index (names, k + 1);
      g_free (names->pdata[k]);
      names->pdata[k] = joined;
    }
    for (guint k = 0; k < names->len; k++)
      g_ptr_array_add (out, np_clean_speaker (reader, names->pdata[k]));
  }
  for (guint k = 0; k < out->len; k++) {
    const char *s = out->pdata[k];
    if (g_utf8_strlen (s, -1) < 2 || np_visible_length (s) > NP_MAX_SPEAKER
        || np_cues_is (reader->cues, "keynotes/pronouns", s)) {
      g_ptr_array_unref (out);
      return NULL;
    }
  }
  if (out->len != n) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}

/* Adds to `cells` (speaker, title, …) the talks the sentences of `text`
 * name; returns how many. */
static guint
np_talks_of (NpReader *reader, const NpPara *para, GPtrArray *cells)
{
  g_autoptr (GPtrArray) sentences = np_sentences (para->text);
  guint found = 0;
  for (guint s = 0; s < sentences->len; s++) {
    g_autoptr (GMatchInfo) info = NULL;
    if (!g_regex_match (reader->re.talk, sentences->pdata[s], 0, &info))
      continue;
    g_autofree char *who = g_match_info_fetch_named (info, "who");
    g_autofree char *each = g_match_info_fetch_named (info, "each");
    g_autofree char *titles = g_match_info_fetch_named (info, "titles");
    g_autoptr (GPtrArray) what = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GMatchInfo) q = NULL;
    g_regex_match (reader->re.quoted, titles, 0, &q);
    for (; g_match_info_matches (q); g_match_info_next (q, NULL))
      g_ptr_array_add (what, g_match_info_fetch_named (q, "t"));
    /* several titles need 分别 and as many speakers */
    if (what->len == 0 || (what->len > 1 && !(each && *each)))
      continue;
    g_autoptr (GPtrArray) speakers = np_talk_speakers (reader, who, what->len);
    if (!speakers) {
      if (what->len == 1)
        np_document_warn (reader->doc, para->line,
                          "a talk named in a sentence, but no speaker's name "
                          "before it: not in a keynote table; a line "
                          "报告人：… 题目：… puts it there");
      else
        np_document_warn (reader->doc, para->line,
                          "%u talks named in a sentence, but not as many "
                          "speakers: no keynote table made of it; a line of "
                          "its own for each (报告人：… 题目：…) makes one",
                          what->len);
      continue;
    }
    for (guint k = 0; k < what->len; k++) {
      g_ptr_array_add (cells, g_strdup (speakers->pdata[k]));
      g_ptr_array_add (cells, np_trim (what->pdata[k]));
    }
    found += what->len;
  }
  return found;
}

void
np_read_talk_sentences (NpReader *reader, guint i)
{
  NpPara *first = np_reader_para (reader, i);
  if (first->talks_read)
    return;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint talks = np_talks_of (reader, first, cells);
  if (!talks)
    return;
  first->talks_read = TRUE;
  /* the talks of its section: up to a heading */
  guint n = np_reader_count (reader);
  for (guint k = i + 1; k < n; k++) {
    NpPara *p = np_reader_para (reader, k);
    if (p->role == NP_LINE_HEADING || p->role == NP_LINE_CREDIT
        || p->role == NP_LINE_SIGNATURE)
      break;
    if (p->role != NP_LINE_PARAGRAPH && p->role != NP_LINE_LEAD)
      continue;
    guint more = np_talks_of (reader, p, cells);
    if (more)
      p->talks_read = TRUE;
    talks += more;
  }
  /* one talk is told by its sentence; a table lists two or more */
  if (talks < 2)
    return;
  NpBlock *table = np_add_keynotes_table (reader, first->line);
  for (guint k = 0; k < talks; k++)
    np_block_add_row (table, (const char *const *) &cells->pdata[2 * k], 2);
  np_block_set_rule (table, "keynotes %u · talks named in sentences", talks);
}
