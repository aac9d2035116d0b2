/* report-rows.c: a run of lines read as the rows of a table.
 *
 * Contract: np_read_rows() takes the run of open paragraphs from `i` that
 * the roles step read as rows of one kind (signing units or keynotes)
 * and gives one table block, the units table (序号, 单位名称, and every
 * further column the rows have) or the keynote table (报告人, 报告题目).
 * It reads the rows in whatever shape they came, one reader for all:
 *
 *   cells       set apart by tabs, two spaces or more, or U+3000
 *               (报告人  报告题目, 1<TAB>甲公司<TAB>共建实训基地)
 *   bullets     and numbers before a row (•  甲公司, 1. 张三：题目)
 *   labels      a talk's label before its colon (专题演讲一：…)
 *   brackets    a title in 《》「」“”〈〉『』 after its speaker
 *   colons      SPEAKER：TITLE, the last colon parting them
 *   pairs       key-value lines: 主讲嘉宾：… then 演讲题目：…, or
 *               甲方：… 乙方：… on one line (the party that differs from
 *               row to row is the unit; a bracketed note after it, its
 *               project, is a column of its own)
 *
 * A header row (序号 单位名称, 报告人 报告题目) gives the table's column
 * names and is not a row.  No cell is dropped: what a row holds beyond
 * the table's columns becomes a column of its own.  A row it cannot read
 * stays a paragraph, with a warning.  It decides no role.
 */
#include "report-private.h"

#include <string.h>

/* What stands after a row's title is at most this long (characters): a
 * note, not a sentence. */
#define NP_MAX_ROW_LABEL NP_MAX_SHORT_LABEL

/* Whether a row gave both a speaker and a title; when not, neither is
 * kept. */
static gboolean
np_pair_ok (char **speaker, char **title)
{
  if (**speaker && **title)
    return TRUE;
  g_clear_pointer (speaker, g_free);
  g_clear_pointer (title, g_free);
  return FALSE;
}

/* The `n` bytes at `s`, trimmed, newly allocated. */
static char *
np_trim_n (const char *s, gsize n)
{
  g_autofree char *part = g_strndup (s, n);
  return np_trim (part);
}

/* The marks a talk's title stands in. */
static const char *const np_title_marks[][2] = {
  { "《", "》" }, { "「", "」" }, { "“", "”" }, { "〈", "〉" },
  { "『", "』" }, { "<", ">" },
};

/* `text` past the bullet, the number or the emoji it opens with. */
static const char *
np_past_bullet (NpReader *reader, const char *text)
{
  const char *p = np_skip_emoji (text);
  gsize n = np_cues_opens (reader->cues, "heading/bullets", p);
  if (!n)
    n = np_cues_opens (reader->cues, "roles/row-bullets", p);
  if (!n)
    n = np_item_number (reader, p);
  p += n;
  while (*p && np_is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Whether the key before a colon is one of the words of `list`, or opens
 * with one (专题演讲一 opens with 专题演讲). */
static gboolean
np_key_is (NpReader *reader, const char *list, const char *key)
{
  g_autofree char *bare = np_bare (key);
  return np_cues_opens (reader->cues, list, bare) > 0;
}

/* A title in brackets at the end of a row: 张三《题目》, 张三：「题目」.
 * Fills speaker and title; FALSE when there is none. */
static gboolean
np_bracketed_title (const char *text, char **speaker, char **title)
{
  for (guint i = 0; i < G_N_ELEMENTS (np_title_marks); i++) {
    const char *open = strstr (text, np_title_marks[i][0]);
    if (!open || open == text)
      continue;
    const char *close = g_strrstr (open, np_title_marks[i][1]);
    if (!close)
      continue;
    /* what stands after the title must be short: a note, not a sentence */
    const char *after = close + strlen (np_title_marks[i][1]);
    if (g_utf8_strlen (after, -1) > NP_MAX_ROW_LABEL)
      continue;
    g_autofree char *left = g_strndup (text, open - text);
    g_strchomp (left);
    gsize len = strlen (left);
    /* 张三：《题目》: the colon between them goes */
    if (g_str_has_suffix (left, "："))
      left[len - strlen ("：")] = '\0';
    else if (len && left[len - 1] == ':')
      left[len - 1] = '\0';
    *speaker = np_trim (left);
    const char *inner = open + strlen (np_title_marks[i][0]);
    *title = np_trim_n (inner, close - inner);
    return np_pair_ok (speaker, title);
  }
  return FALSE;
}

/* The last colon of a row parts its speaker from the title: 周文彬副署長
 * （經濟部產業發展署）：臺灣製造業… */
static gboolean
np_colon_title (const char *text, char **speaker, char **title)
{
  const char *wide = g_strrstr (text, "：");
  const char *ascii = strrchr (text, ':');
  const char *colon = MAX (wide, ascii);
  if (!colon || colon == text)
    return FALSE;
  gsize n = colon == wide ? strlen ("：") : 1;
  *speaker = np_trim_n (text, colon - text);
  *title = np_trim (colon + n);
  return np_pair_ok (speaker, title);
}

/* ---- keynotes ------------------------------------------------------------ */

/* A title without the marks that wrap it whole (《题目》 -> 题目). */
static char *
np_strip_title_marks (const char *title)
{
  g_autofree char *speaker = NULL, *inner = NULL;
  g_autofree char *probe = g_strdup_printf ("x%s", title);
  if (np_bracketed_title (probe, &speaker, &inner)
      && strlen (inner) + 6 >= strlen (title))
    return g_steal_pointer (&inner);
  return g_strdup (title);
}

/* "keynotes 3 · rows · scored 0.93", the probability in ASCII digits. */
static void
np_rows_rule (NpBlock *table, const char *kind, guint rows, double p)
{
  char prob[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (prob, sizeof prob, "%.2f", p);
  np_block_set_rule (table, "%s %u · rows · scored %s", kind, rows, prob);
}

/* The title first, its speaker after it: in brackets (《题目》（主讲：张三，
 * 甲大学教授）), after a dash with a key (《题目》——报告人：张三 所长) or
 * without one (《题目》—— 张三 教授). */
static gboolean
np_title_first (NpReader *reader, const char *text, char **speaker,
                char **title)
{
  static const char *const dashes[] = { "——", "—", "－－", "－", "--", "-",
                                        "～", "~", "，", "," };
  for (guint i = 0; i < G_N_ELEMENTS (np_title_marks); i++) {
    if (!g_str_has_prefix (text, np_title_marks[i][0]))
      continue;
    const char *inner = text + strlen (np_title_marks[i][0]);
    const char *close = strstr (inner, np_title_marks[i][1]);
    if (!close)
      return FALSE;
    const char *after = np_skip_spaces (close + strlen (np_title_marks[i][1]));
    gboolean dash = FALSE, bracket = FALSE;
    for (guint d = 0; d < G_N_ELEMENTS (dashes) && !dash; d++)
      if (g_str_has_prefix (after, dashes[d])) {
        after = np_skip_spaces (after + strlen (dashes[d]));
        dash = TRUE;
      }
    if (g_str_has_prefix (after, "（") || *after == '(') {
      after = g_utf8_next_char (after);
      bracket = TRUE;
    }
    g_autofree char *key = NULL;
    const char *value = np_short_label (after, &key);
    if (value && np_key_is (reader, "keynotes/speaker-keys", key))
      after = value;
    else if (!dash || bracket)
      return FALSE; /* 《题目》（2025年版）: a note, not a speaker */
    g_autofree char *who = g_strdup (after);
    char *end = bracket ? g_strrstr (who, "）") : NULL;
    if (bracket && !end)
      end = strrchr (who, ')');
    if (end)
      *end = '\0';
    *speaker = np_trim (who);
    *title = np_trim_n (inner, close - inner);
    return np_pair_ok (speaker, title);
  }
  return FALSE;
}

/* A cell that is a time or a span of times only: 9:30, 9:30-10:00. */
static gboolean
np_is_time_cell (NpReader *reader, const char *cell)
{
  if (!g_regex_match (reader->re.clock_any, cell, 0, NULL))
    return FALSE;
  for (const char *p = cell; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (np_is_cjk (c) && g_unichar_isalpha (c) && c != 0x65F6 && c != 0x6642
        && c != 0x5206 && c != 0x81F3)
      return FALSE; /* words, not a time: 时 時 分 至 may stand in one */
  }
  return TRUE;
}

/* The columns a keynote table's header row names (时间 讲题 主讲人): which
 * cell holds the time, the speaker and the title; -1 when no header
 * said. */
typedef struct {
  int time, speaker, title;
  guint cells;
  char *names[3]; /* the header's own words for them, or NULL */
} NpTalkColumns;

static void
np_talk_columns_clear (NpTalkColumns *cols)
{
  for (guint k = 0; k < G_N_ELEMENTS (cols->names); k++)
    g_clear_pointer (&cols->names[k], g_free);
}

/* Whether `cells` is a header row, and if so, its columns into `cols`. */
static gboolean
np_talk_header (NpReader *reader, GPtrArray *cells, NpTalkColumns *cols)
{
  NpTalkColumns found = { -1, -1, -1, cells->len, { NULL } };
  for (guint k = 0; k < cells->len; k++) {
    const char *cell = cells->pdata[k];
    if (np_key_is (reader, "keynotes/speaker-keys", cell))
      found.speaker = (int) k;
    else if (np_key_is (reader, "keynotes/title-keys", cell))
      found.title = (int) k;
    else if (!np_key_is (reader, "roles/schedule", cell))
      return FALSE;
    else if (found.time < 0 && k == 0)
      found.time = 0;
  }
  int at[] = { found.time, found.speaker, found.title };
  for (guint k = 0; k < G_N_ELEMENTS (at); k++)
    if (at[k] >= 0)
      found.names[k] = g_strdup (cells->pdata[at[k]]);
  np_talk_columns_clear (cols);
  *cols = found;
  return TRUE;
}

/* One row of a keynote table as read: its time in the agenda (or NULL),
 * speaker and title; a break in the agenda (10:10-10:20 茶歇) has no
 * speaker. */
typedef struct {
  char *time, *speaker, *title;
} NpTalkRow;

static void
np_talk_row_clear (NpTalkRow *row)
{
  g_clear_pointer (&row->time, g_free);
  g_clear_pointer (&row->speaker, g_free);
  g_clear_pointer (&row->title, g_free);
}

/* The cells from `from` up to `to` but `skip`, joined with spaces (a post
 * may take a cell of its own: 王大明  理事長). */
static char *
np_join_cells (GPtrArray *cells, guint from, guint to, int skip)
{
  GString *s = g_string_new (NULL);
  for (guint k = from; k < to && k < cells->len; k++)
    if ((int) k != skip)
      g_string_append_printf (s, "%s%s", s->len ? " " : "",
                              (char *) cells->pdata[k]);
  return g_string_free (s, FALSE);
}

/* An agenda's row that is no talk (10:10-10:20 茶歇, 开幕式  主持人：…): no
 * speaker, its cells after the time as what happens. */
static gboolean
np_agenda_item (NpTalkRow *row, GPtrArray *cells, guint from)
{
  row->speaker = g_strdup ("");
  row->title = np_join_cells (cells, from, cells->len, -1);
  return TRUE;
}

/* Reads one keynote row.  A header row gives nothing and returns TRUE
 * with *header set. */
static gboolean
np_keynote_row (NpReader *reader, const char *text, NpTalkColumns *cols,
                NpTalkRow *row, gboolean *header)
{
  *header = FALSE;
  g_autoptr (GPtrArray) cells = np_cells (reader, text);
  /* an agenda's time and what follows it are two cells, though one space
   * parts them where the columns were aligned (09:30-10:20　智慧製造) */
  if (cells->len >= 1) {
    const char *first = cells->pdata[0], *gap = first;
    while (*gap && !np_is_space (g_utf8_get_char (gap)))
      gap = g_utf8_next_char (gap);
    g_autofree char *time = g_strndup (first, gap - first);
    if (*gap && np_is_time_cell (reader, time)) {
      char *rest = np_trim (gap);
      g_ptr_array_insert (cells, 1, rest);
      g_free (cells->pdata[0]);
      cells->pdata[0] = g_steal_pointer (&time);
    }
  }
  if (cells->len >= 2) {
    if (np_talk_header (reader, cells, cols)) {
      *header = TRUE;
      return TRUE;
    }
    /* an agenda's time opens its row: a column of its own */
    guint from = 0;
    if (np_is_time_cell (reader, cells->pdata[0])) {
      row->time = g_strdup (cells->pdata[0]);
      from = 1;
    }
    /* a row with fewer cells than the header, and none where the speaker
     * goes, is a break in the agenda (10:10-10:20 茶歇) */
    if (row->time && cols->cells >= 3 && cells->len < cols->cells)
      return np_agenda_item (row, cells, from);
    /* under a header that names the title before the speaker, the cells
     * are where it says */
    if (cols->speaker >= 0 && cols->title >= 0 && cols->speaker > cols->title) {
      if ((guint) cols->speaker >= cells->len) {
        if (cells->len >= cols->cells || !row->time)
          return FALSE;
        return np_agenda_item (row, cells, from);
      }
      row->speaker = np_join_cells (cells, cols->speaker, cells->len, -1);
      row->title = g_strdup (cells->pdata[cols->title]);
      return TRUE;
    }
    if (cells->len - from < 2)
      return row->time ? np_agenda_item (row, cells, from) : FALSE;
    /* cells typed by what they hold: a title in its marks (主旨报告《题目》),
     * a speaker after its key (报告人：张三 所长); an agenda's item with its
     * host (开幕式  主持人：…) is no talk, a row without a speaker */
    int titled = -1, keyed = -1, other_key = -1;
    for (guint k = from; k < cells->len; k++) {
      g_autofree char *key = NULL;
      const char *cell = cells->pdata[k];
      if (titled < 0 && g_regex_match (reader->re.quoted, cell, 0, NULL))
        titled = (int) k;
      else if (np_short_label (cell, &key)) {
        if (keyed < 0 && np_key_is (reader, "keynotes/speaker-keys", key))
          keyed = (int) k;
        else if (other_key < 0 && np_key_is (reader, "roles/schedule", key))
          other_key = (int) k; /* 主持人：, not a title's own colon */
      }
    }
    /* typed only when nothing else stands in the row: no cell beyond the
     * title's and the speaker's, and nothing around the title's marks but
     * a talk's label (主旨报告《…》); else every cell is kept below */
    guint typed = (titled >= 0) + (keyed >= 0);
    g_autoptr (GMatchInfo) q = NULL;
    if (titled >= 0) {
      g_regex_match (reader->re.quoted, cells->pdata[titled], 0, &q);
      gint start = 0, end = 0;
      g_match_info_fetch_pos (q, 0, &start, &end);
      const char *cell = cells->pdata[titled];
      g_autofree char *before = np_trim_n (cell, start);
      if (*np_skip_spaces (cell + end)
          || (*before && !np_key_is (reader, "keynotes/labels", before)))
        titled = -1;
    }
    if (titled >= 0 && cells->len - from == typed) {
      row->title = g_match_info_fetch_named (q, "t");
      row->speaker = keyed >= 0
                       ? np_trim (np_short_label (cells->pdata[keyed], NULL))
                       : np_join_cells (cells, from, cells->len, titled);
      return TRUE;
    }
    if (row->time && other_key >= 0 && keyed < 0)
      return np_agenda_item (row, cells, from);
    /* 单位职务  姓名  题目: every cell but the last names the speaker */
    row->speaker = np_join_cells (cells, from, cells->len - 1, -1);
    row->title = g_strdup (cells->pdata[cells->len - 1]);
    return TRUE;
  }
  const char *p = np_past_bullet (reader, text);
  g_autofree char *label = NULL;
  const char *after = np_short_label (p, &label);
  if (after && np_key_is (reader, "keynotes/labels", label))
    p = after; /* 专题演讲一：… */
  return np_title_first (reader, p, &row->speaker, &row->title)
         || np_bracketed_title (p, &row->speaker, &row->title)
         || np_colon_title (p, &row->speaker, &row->title);
}

/* Reads a run of keynote rows from `i`: key-value pairs (主讲嘉宾：…,
 * 演讲题目：…) or rows of their own.  An agenda's times make a column
 * of the table, and its breaks rows without a speaker: every cell is
 * kept.  Returns the paragraphs read. */
static guint
np_read_keynote_rows (NpReader *reader, guint i)
{
  guint n = np_reader_count (reader), k = i;
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (NpTalkRow));
  g_array_set_clear_func (rows, (GDestroyNotify) np_talk_row_clear);
  g_autoptr (GArray) used = g_array_new (FALSE, FALSE, sizeof (guint));
  char *speaker = NULL;
  gboolean timed = FALSE;
  NpTalkColumns cols = { -1, -1, -1, 0, { NULL } };
  for (; k < n; k++) {
    NpPara *p = np_reader_para (reader, k);
    if (p->state == NP_PARA_DROPPED)
      continue;
    if (p->state != NP_PARA_OPEN || p->role != NP_LINE_KEYNOTE
        || p->force != NP_FORCE_NONE)
      break;
    g_autofree char *key = NULL;
    const char *value = np_short_label (np_past_bullet (reader, p->text), &key);
    if (value && np_key_is (reader, "keynotes/speaker-keys", key)) {
      g_free (speaker);
      speaker = np_trim (value);
      g_array_append_val (used, k);
      continue;
    }
    if (value && speaker && np_key_is (reader, "keynotes/title-keys", key)) {
      g_autofree char *title = np_trim (value);
      NpTalkRow row = { NULL, g_steal_pointer (&speaker),
                        np_strip_title_marks (title) };
      g_array_append_val (rows, row);
      g_array_append_val (used, k);
      continue;
    }
    NpTalkRow row = { NULL, NULL, NULL };
    gboolean header = FALSE;
    if (!np_keynote_row (reader, p->text, &cols, &row, &header)) {
      np_talk_row_clear (&row);
      break;
    }
    g_array_append_val (used, k);
    if (header)
      continue;
    char *bare = np_strip_title_marks (row.title);
    g_free (row.title);
    row.title = bare;
    timed |= row.time != NULL;
    g_array_append_val (rows, row);
  }
  g_free (speaker);
  guint talks = 0;
  for (guint r = 0; r < rows->len; r++)
    talks += *g_array_index (rows, NpTalkRow, r).speaker != '\0';
  if (talks == 0) {
    np_talk_columns_clear (&cols);
    return 0;
  }
  /* the header's names as the writer gave them (时间 主讲人 讲题), else
   * the table's own */
  gboolean hans = reader->doc->script == NP_SCRIPT_HANS;
  const char *header[] = {
    cols.names[0] ? cols.names[0] : hans ? "时间" : "時間",
    cols.names[1] ? cols.names[1] : hans ? "报告人" : "報告人",
    cols.names[2] ? cols.names[2] : hans ? "报告题目" : "報告題目",
  };
  const NpPara *first = np_reader_para (reader, i);
  NpBlock *table
    = np_document_add_table (reader->doc, NP_BLOCK_KEYNOTES, first->line);
  np_block_add_row (table, timed ? header : header + 1, timed ? 3 : 2);
  for (guint r = 0; r < rows->len; r++) {
    const NpTalkRow *row = &g_array_index (rows, NpTalkRow, r);
    const char *cells[] = { row->time ? row->time : "", row->speaker,
                            row->title };
    np_block_add_row (table, timed ? cells : cells + 1, timed ? 3 : 2);
  }
  np_rows_rule (table, "keynotes", talks, first->role_p);
  np_talk_columns_clear (&cols);
  for (guint u = 0; u < used->len; u++)
    np_reader_para (reader, g_array_index (used, guint, u))->state
      = NP_PARA_TAKEN;
  return k - i;
}

/* ---- units --------------------------------------------------------------- */

/* A cell that is a serial number only: 1, 01, ①, （一）. */
static gboolean
np_is_serial (NpReader *reader, const char *cell)
{
  gsize n = np_item_number (reader, cell);
  if (n && !cell[n])
    return TRUE;
  for (const char *p = cell; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isdigit (g_utf8_get_char (p)))
      return FALSE;
  return *cell != '\0';
}

/* The cells of one unit row, serial number dropped: the unit first, then
 * what else the row says of it (the project it signed). */
static GPtrArray *
np_unit_row (NpReader *reader, const char *text)
{
  GPtrArray *cells = np_cells (reader, text);
  if (cells->len && np_is_serial (reader, cells->pdata[0]))
    g_ptr_array_remove_index (cells, 0);
  if (cells->len == 0)
    return cells;
  /* 甲方：本校　乙方：甲公司（共建…）: the parties as cells */
  if (cells->len == 1) {
    char *only = g_ptr_array_steal_index (cells, 0);
    char *p = (char *) np_past_bullet (reader, only);
    g_ptr_array_add (cells, g_strdup (p));
    g_free (only);
  }
  /* a note in brackets after the unit (（共建智慧物流产业学院）) is a
   * column of its own; a name's own brackets (（上海）有限公司) are not at
   * its end */
  char *last = cells->pdata[cells->len - 1];
  if (g_str_has_suffix (last, "）") && cells->len == 1) {
    char *open = g_strrstr (last, "（");
    if (open && open != last
        && g_utf8_strlen (open, -1) > NP_MAX_ROW_LABEL / 2
        && !np_is_org_name (reader, open)) {
      char *note = g_strndup (open + strlen ("（"),
                              strlen (open) - 2 * strlen ("（"));
      *open = '\0';
      g_ptr_array_add (cells, note);
    }
  }
  return cells;
}

/* The parties of a row written 甲方：A　乙方：B: the labels and values. */
static GPtrArray *
np_party_values (NpReader *reader, const char *text, GPtrArray **labels)
{
  g_auto (GStrv) parts = np_split_at (text, "\u3000\t");
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  *labels = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; parts[k]; k++) {
    g_autofree char *part = np_trim (parts[k]);
    char *label = NULL;
    const char *value = np_short_label (part, &label);
    if (value && np_key_is (reader, "units/roles", label)) {
      g_ptr_array_add (*labels, label);
      g_ptr_array_add (values, np_trim (value));
    } else {
      g_free (label);
      if (*part && values->len) {
        /* a value with a space inside it */
        char *v = values->pdata[values->len - 1];
        values->pdata[values->len - 1] = g_strdup_printf ("%s %s", v, part);
        g_free (v);
      }
    }
  }
  return values;
}

/* Reads a run of unit rows from `i` into a units table.  Returns the
 * paragraphs read. */
static guint
np_read_unit_rows (NpReader *reader, guint i)
{
  guint n = np_reader_count (reader), k = i;
  g_autoptr (GPtrArray) rows
    = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) header = NULL;
  g_autoptr (GArray) used = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *same = NULL; /* a party every row names */
  g_autofree char *title = NULL; /* the list's name, from its first line */
  guint columns = 1;
  for (; k < n; k++) {
    NpPara *p = np_reader_para (reader, k);
    if (p->state == NP_PARA_DROPPED)
      continue;
    if (p->state != NP_PARA_OPEN || p->role != NP_LINE_UNITS
        || p->force != NP_FORCE_NONE)
      break;
    g_array_append_val (used, k);
    /* the list's own name over it: 签约单位名单如下：, 理事单位👇 */
    g_autofree char *bare = np_strip_emoji (p->text);
    gunichar final = np_final_char (bare);
    if (k == i && !np_is_table_header (reader, p->text)
        && (final == 0xFF1A || final == ':' || g_strcmp0 (bare, p->text) != 0
            || np_cues_closes (reader->cues, "units/lead-ins", bare)
            || np_cues_opens (reader->cues, "heading/openers", bare))) {
      g_free (title);
      title = np_list_title (reader, p->text);
      if (!title) {
        title = np_trim (bare);
        gsize len = strlen (title);
        if (g_str_has_suffix (title, "："))
          title[len - strlen ("：")] = '\0';
        else if (len && title[len - 1] == ':')
          title[len - 1] = '\0';
      }
      continue;
    }
    if (np_is_table_header (reader, p->text)) {
      g_clear_pointer (&header, g_ptr_array_unref);
      header = np_cells (reader, p->text);
      /* the table numbers its rows itself: the header's 序号 goes, as
       * the rows' numbers do */
      if (header->len && (np_is_serial (reader, header->pdata[0])
                          || np_cues_is (reader->cues, "roles/columns",
                                         header->pdata[0])))
        g_ptr_array_remove_index (header, 0);
      continue;
    }
    g_autoptr (GPtrArray) labels = NULL;
    g_autoptr (GPtrArray) parties = np_party_values (reader, p->text, &labels);
    GPtrArray *cells;
    if (parties->len >= 2) {
      /* the party that is the same on every row (the school itself) is
       * no row: the other is the unit */
      cells = g_ptr_array_new_with_free_func (g_free);
      guint pick = 1;
      if (same && g_strcmp0 (same, parties->pdata[1]) == 0)
        pick = 0;
      else if (!same)
        same = g_strdup (parties->pdata[0]);
      g_autofree char *unit = g_strdup (parties->pdata[pick]);
      g_autoptr (GPtrArray) split = np_unit_row (reader, unit);
      for (guint c = 0; c < split->len; c++)
        g_ptr_array_add (cells, g_strdup (split->pdata[c]));
    } else
      cells = np_unit_row (reader, np_past_bullet (reader, p->text));
    if (cells->len == 0) {
      g_ptr_array_unref (cells);
      continue;
    }
    columns = MAX (columns, cells->len);
    g_ptr_array_add (rows, cells);
  }
  if (rows->len == 0)
    return 0;

  gboolean hans = reader->doc->script == NP_SCRIPT_HANS;
  const NpPara *first = np_reader_para (reader, i);
  NpBlock *table
    = np_document_add_table (reader->doc, NP_BLOCK_UNITS, first->line);
  g_autoptr (GPtrArray) head = g_ptr_array_new ();
  g_ptr_array_add (head, (gpointer) (hans ? "序号" : "序號"));
  for (guint c = 0; c < columns; c++) {
    const char *name = header && c < header->len ? header->pdata[c] : NULL;
    if (!name)
      name = c == 0 ? (hans ? "单位名称" : "單位名稱")
                    : (hans ? "说明" : "說明");
    g_ptr_array_add (head, (gpointer) name);
  }
  np_block_add_row (table, (const char *const *) head->pdata, head->len);
  for (guint r = 0; r < rows->len; r++) {
    GPtrArray *cells = rows->pdata[r];
    g_autofree char *number = g_strdup_printf ("%u", r + 1);
    g_autoptr (GPtrArray) row = g_ptr_array_new ();
    g_ptr_array_add (row, number);
    for (guint c = 0; c < columns; c++)
      g_ptr_array_add (row, c < cells->len ? cells->pdata[c] : (gpointer) "");
    np_block_add_row (table, (const char *const *) row->pdata, row->len);
  }
  np_rows_rule (table, "units", rows->len, first->role_p);
  if (title && *title) {
    table->title = g_steal_pointer (&title);
    g_ptr_array_add (reader->line_titles, table);
  }
  for (guint u = 0; u < used->len; u++)
    np_reader_para (reader, g_array_index (used, guint, u))->state
      = NP_PARA_TAKEN;
  return k - i;
}

guint
np_read_rows (NpReader *reader, guint i)
{
  const NpPara *p = np_reader_para (reader, i);
  if (p->state != NP_PARA_OPEN || p->force != NP_FORCE_NONE)
    return 0;
  if (p->role == NP_LINE_KEYNOTE)
    return np_read_keynote_rows (reader, i);
  if (p->role == NP_LINE_UNITS)
    return np_read_unit_rows (reader, i);
  return 0;
}
