/* report-body.c: the body's paragraphs -> blocks.
 *
 * Contract: np_read_body() reads every open paragraph, in order, into a
 * block: the lead, keynote and unit tables (report-lists.c), headings,
 * list items, captions with their photo credits, and plain paragraphs;
 * then the credit and signature that report-end.c found.  Each block
 * records the rule that made it.
 *
 * A caption is read from evidence: a mark (▲, （图：…）, 【图】) or a
 * label (图为, 图1) is enough; so is a photo credit under the line.
 * Without either, a caption is a short line that does not end as a
 * sentence or a phrase does, under text, not under a heading; in a file
 * where empty lines mark pictures it must stand after one.  A short line
 * that names nothing a photo shows (合影, 致辞, 签约…) may as well be a
 * section head: it is read as a caption, with a warning.
 */
#include "report-private.h"

#include "emojitext.h"

#include <string.h>

/* A caption without a mark or label is at most this long (characters),
 * one with at most NP_MAX_MARKED_CAPTION. */
#define NP_MAX_CAPTION 40
#define NP_MAX_MARKED_CAPTION 64
/* A numbered heading is at most this long, or NP_MAX_LONG_HEADING when
 * it holds no sentence stop. */
#define NP_MAX_HEADING 30
#define NP_MAX_LONG_HEADING 50
/* A head in brackets or after a bullet (【活动亮点】) is at most this long. */
#define NP_MAX_MARKED_HEADING 24
/* A numbered line over its own paragraph is a head when at most this
 * long (characters). */
#define NP_MAX_NUMBERED_HEAD 16
/* An unmarked caption with a comma is at most this long (characters). */
#define NP_MAX_CLAUSE_CAPTION 20
/* A caption repeats the paragraph above it when one in this many of its
 * character pairs stands there too. */
#define NP_SHARED_PAIRS 3

static gsize
np_match_length (const GRegex *re, const char *text)
{
  g_autoptr (GMatchInfo) info = NULL;
  int end = 0;
  if (g_regex_match (re, text, 0, &info))
    g_match_info_fetch_pos (info, 0, NULL, &end);
  return (gsize) end;
}

gsize
np_heading_number (NpReader *reader, const char *text)
{
  return np_match_length (reader->re.heading, text);
}

gsize
np_item_number (NpReader *reader, const char *text)
{
  return np_match_length (reader->re.item, text);
}

static NpBlockKind
np_last_kind (const NpDocument *doc)
{
  if (doc->blocks->len == 0)
    return NP_BLOCK_LEAD;
  const NpBlock *last = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  return last->kind;
}

static NpBlock *
np_add (NpReader *reader, NpBlockKind kind, const char *text,
        const NpPara *p, const char *rule)
{
  NpBlock *b = np_document_add_text (reader->doc, kind, text, p->line);
  np_block_set_rule (b, "%s: %s", np_block_kind_name (kind), rule);
  return b;
}

/* ---- headings ------------------------------------------------------------ */

/* A numbered head (一、 (一) 第一部分 01), short and not a sentence. */
static gboolean
np_is_numbered_heading (NpReader *reader, const char *text)
{
  if (np_heading_number (reader, text) == 0)
    return FALSE;
  glong length = np_visible_length (text);
  return length <= NP_MAX_HEADING
         || (length <= NP_MAX_LONG_HEADING && !np_has_stop (text));
}

/* A head set off by brackets (【活动亮点】) or opened by a bullet (◆ …). */
static const char *
np_marked_heading (NpReader *reader, const char *text)
{
  /* a head may ask (📍 联盟要干啥？) but not state a sentence */
  g_autofree char *bare = np_strip_emoji (text);
  gsize len = strlen (bare);
  gboolean asks = g_str_has_suffix (bare, "？") || (len && bare[len - 1] == '?');
  if (asks)
    bare[len - (bare[len - 1] == '?' ? 1 : strlen ("？"))] = '\0';
  if (np_visible_length (text) > NP_MAX_MARKED_HEADING + 2
      || np_has_stop (bare) || np_is_pause (np_final_char (bare)))
    return NULL;
  for (const char *const *pair = np_cues_list (reader->cues,
                                               "heading/brackets");
       *pair; pair++) {
    gunichar open = g_utf8_get_char (*pair);
    gunichar close = g_utf8_get_char (g_utf8_next_char (*pair));
    if (g_utf8_get_char (bare) == open && *bare
        && g_utf8_get_char (g_utf8_prev_char (bare + strlen (bare))) == close) {
      /* 【图】 is a caption's label, not a head */
      g_autofree char *inner = g_strndup (
        g_utf8_next_char (bare),
        g_utf8_prev_char (bare + strlen (bare)) - g_utf8_next_char (bare));
      return np_cues_is (reader->cues, "caption/labels", inner) ? NULL
                                                                 : "【】";
    }
  }
  /* 📍地点：…: a field of the event, not a head */
  if (np_cues_opens (reader->cues, "heading/bullets", text)
      && !(np_cues_opens (reader->cues, "headline/info-marks", text)
           && (g_utf8_strchr (text, -1, 0xFF1A) || strchr (text, ':'))))
    return "bullet";
  if (np_cues_opens (reader->cues, "heading/openers", text))
    return "附：";
  /* 【开幕式】启幕职教之约: a bracketed label opening a short line */
  for (const char *const *pair = np_cues_list (reader->cues,
                                               "heading/brackets");
       *pair; pair++) {
    gsize open = g_utf8_next_char (*pair) - *pair;
    const char *close = g_utf8_next_char (*pair);
    if (strncmp (bare, *pair, open) != 0)
      continue;
    const char *end = strstr (bare, close);
    if (!end || !end[strlen (close)])
      continue;
    g_autofree char *inner = g_strndup (bare + open, end - bare - open);
    if (!np_cues_is (reader->cues, "caption/labels", inner)
        && g_utf8_strlen (inner, -1) <= 8)
      return "【】 label";
  }
  return NULL;
}

/* A short numbered line (1.课程设置紧贴岗位) over a paragraph of its own,
 * not in a run of items: a head of the third level, not a list item. */
static gboolean
np_is_numbered_head (NpReader *reader, guint i)
{
  const NpPara *p = np_reader_para (reader, i);
  gunichar final = np_final_char (p->text);
  if (np_visible_length (p->text) > NP_MAX_NUMBERED_HEAD || np_is_stop (final)
      || np_is_pause (final) || np_last_kind (reader->doc) == NP_BLOCK_ITEM)
    return FALSE;
  guint k = np_reader_next_kept (reader, i + 1);
  if (k >= np_reader_count (reader))
    return FALSE;
  const NpPara *next = np_reader_para (reader, k);
  return next->state == NP_PARA_OPEN && np_item_number (reader, next->text) == 0
         && np_has_stop (next->text)
         && np_visible_length (next->text) > NP_MAX_NUMBERED_HEAD;
}

/* ---- captions ------------------------------------------------------------ */

/* How a caption line was marked, and its text without the mark. */
typedef struct {
  char *text;        /* as printed: the mark and wrapper dropped */
  char *credit;      /* the photo credit at its end, or NULL */
  const char *rule;  /* which evidence */
  gboolean marked;   /* by a mark, a label or a wrapper */
} NpCaptionLine;

/* Reads the marks of a caption line: ▲ …, （图：…）, 【图】…, 图：…, and the
 * labels kept as written: 图为…, 图1 …. */
static void
np_caption_marks (NpReader *reader, const char *line, NpCaptionLine *c)
{
  NpCues *cues = reader->cues;
  /* 合影（記者王五攝）: the credit at its end goes under it */
  g_autofree char *own = NULL;
  const char *text = line;
  if (np_split_photo_credit (reader, line, &own, &c->credit))
    text = own;
  const char *p = text;
  gsize n = np_cues_opens (cues, "caption/marks", p);
  if (n) {
    c->text = np_trim (p + n);
    c->rule = "▲ mark";
    c->marked = TRUE;
    return;
  }
  g_autoptr (GMatchInfo) info = NULL;
  if (g_regex_match (reader->re.caption_wrapper, p, 0, &info)) {
    g_autofree char *inner = g_match_info_fetch_named (info, "text");
    c->text = np_trim (inner);
    c->rule = "（图：…） wrapper";
    c->marked = TRUE;
    return;
  }
  if (np_cues_opens (cues, "caption/prefixes", p)) {
    c->text = g_strdup (text);
    c->rule = "图为 prefix";
    c->marked = TRUE;
    return;
  }
  if (np_match_length (reader->re.caption_number, p)) {
    c->text = g_strdup (text);
    c->rule = "图1 label";
    c->marked = TRUE;
    return;
  }
  c->text = g_strdup (text);
  c->rule = NULL;
  c->marked = FALSE;
}

/* Whether a line is wholly in quotation marks: a pull quote. */
static gboolean
np_is_quotation (const char *text)
{
  g_autofree char *bare = np_strip_emoji (text);
  if (!*bare)
    return FALSE;
  gunichar first = g_utf8_get_char (bare);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (bare + strlen (bare)));
  return (first == 0x201C && last == 0x201D) || (first == 0x300C && last == 0x300D)
         || (first == 0x300E && last == 0x300F) || (first == '"' && last == '"');
}

/* Whether a text holds a sentence stop before its end: two sentences,
 * never a caption. */
static gboolean
np_stops_within (const char *text)
{
  g_autofree char *bare = np_strip_emoji (text);
  for (const char *p = bare; *p; p = g_utf8_next_char (p)) {
    const char *rest = g_utf8_next_char (p);
    while (*rest && np_is_closer (g_utf8_get_char (rest)))
      rest = g_utf8_next_char (rest);
    if (np_is_stop (g_utf8_get_char (p)) && *rest)
      return TRUE;
  }
  return FALSE;
}

/* Whether paragraph `i` is a caption; fills `c` when it is. */
static gboolean
np_is_caption (NpReader *reader, guint i, NpCaptionLine *c)
{
  const NpPara *p = np_reader_para (reader, i);
  np_caption_marks (reader, p->text, c);
  guint next = np_reader_next_kept (reader, i + 1);
  gboolean credited
    = c->credit
      || (next < np_reader_count (reader)
          && np_reader_para (reader, next)->state == NP_PARA_OPEN
          && np_reader_para (reader, next)->force == NP_FORCE_NONE
          && np_is_photo_credit (reader, np_reader_para (reader, next)->text));
  gboolean strong = c->marked || credited;
  glong length = np_visible_length (c->text);
  gunichar final = np_final_char (c->text);

  /* a caption ends on a word: not on a pause, a dash (a lead-in), an
   * ellipsis or a Western full stop */
  if (length == 0 || final == 0 || np_is_pause (final) || final == 0x2014
      || final == 0x2026 || final == '.' || final == 0xFF0E
      || length > (strong ? NP_MAX_MARKED_CAPTION : NP_MAX_CAPTION)
      || np_is_quotation (c->text) || np_stops_within (c->text))
    return FALSE;
  if (strong && !c->marked && length > NP_MAX_CLAUSE_CAPTION
      && (g_utf8_strchr (c->text, -1, 0xFF0C) || strchr (c->text, ',')))
    return FALSE; /* a sentence, whatever stands under it */
  if (strong) {
    if (!c->rule)
      c->rule = "photo credit under it";
    return TRUE;
  }
  /* unmarked: a short line that is no sentence, under text; a colon in
   * it makes it a field (主讲：张三) or a lead-in, not a caption */
  NpBlockKind before = np_last_kind (reader->doc);
  if (np_is_stop (final) || before == NP_BLOCK_HEADING
      || g_utf8_strchr (c->text, -1, 0xFF1A) || strchr (c->text, ':'))
    return FALSE;
  /* a long line with a comma in it is a sentence that lost its stop
   * (联盟表示，欢迎更多企业加入👏), not a caption */
  gboolean comma = g_utf8_strchr (c->text, -1, 0xFF0C) || strchr (c->text, ',');
  if (comma && (length > NP_MAX_CLAUSE_CAPTION
                || !np_cues_find (reader->cues, "caption/subjects", c->text,
                                  NULL)))
    return FALSE;
  /* 请留意…, 欢迎报名: a word to the readers */
  if (np_cues_find (reader->cues, "caption/calls", c->text, NULL))
    return FALSE;
  if (reader->pictures && !p->picture)
    return FALSE; /* pictures are marked in this file, and none stood here */
  c->rule = p->picture ? "short line after a picture" : "short line";
  return TRUE;
}

/* Whether a caption names what photos show (合影, 致辞, 签约…), or what
 * the paragraph above it told: a caption under the text it illustrates
 * repeats its people and acts (院长张三致辞 under 院长张三在致辞中…),
 * where a section head announces what comes. */
static gboolean
np_names_a_scene (NpReader *reader, const char *text, const char *above)
{
  if (np_cues_find (reader->cues, "caption/subjects", text, NULL))
    return TRUE;
  if (!above)
    return FALSE;
  guint pairs = 0, shared = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p)) {
    const char *q = g_utf8_next_char (p);
    if (!*q || !np_is_cjk (g_utf8_get_char (p))
        || !np_is_cjk (g_utf8_get_char (q)))
      continue;
    g_autofree char *pair = g_strndup (p, g_utf8_next_char (q) - p);
    pairs++;
    shared += strstr (above, pair) != NULL;
  }
  return pairs > 0 && shared * NP_SHARED_PAIRS >= pairs;
}

static void
np_add_caption (NpReader *reader, guint i, NpCaptionLine *c, gboolean forced)
{
  NpPara *p = np_reader_para (reader, i);
  NpBlock *b = np_add (reader, NP_BLOCK_CAPTION, c->text, p,
                       forced ? "@@图注" : c->rule);
  b->credit = g_steal_pointer (&c->credit);
  guint next = np_reader_next_kept (reader, i + 1);
  if (!b->credit && next < np_reader_count (reader)) {
    NpPara *credit = np_reader_para (reader, next);
    if (credit->state == NP_PARA_OPEN && credit->force == NP_FORCE_NONE
        && np_is_photo_credit (reader, credit->text)) {
      b->credit = np_trim (credit->text);
      credit->state = NP_PARA_TAKEN;
    }
  }
  const char *above = NULL;
  for (guint k = i; k-- > 0 && !above;)
    if (np_reader_para (reader, k)->state != NP_PARA_DROPPED)
      above = np_reader_para (reader, k)->text;
  if (!forced && !c->marked && !b->credit
      && !np_names_a_scene (reader, c->text, above))
    np_document_warn (reader->doc, p->line,
                      "\"%s\" read as a caption; if it is a section head, "
                      "begin the line with @@小标题",
                      c->text);
}

/* ---- the body ------------------------------------------------------------ */

/* 理事单位： (or 签约单位👇) over its names: the line is the table's
 * title; 序号<TAB>单位名称 over its rows: the table's own header.  Returns
 * whether it was either. */
static gboolean
np_read_list_title (NpReader *reader, guint i)
{
  NpPara *p = np_reader_para (reader, i);
  /* a table's header row pasted as text: the table prints its own */
  if (np_is_table_header (reader, p->text) && np_read_unit_lines (reader, i)) {
    p->state = NP_PARA_TAKEN;
    return TRUE;
  }
  g_autofree char *name = np_list_title (reader, p->text);
  if (!name || !np_read_unit_lines (reader, i))
    return FALSE;
  NpBlock *table = g_ptr_array_index (reader->doc->blocks,
                                      reader->doc->blocks->len - 1);
  g_free (table->title);
  table->title = g_steal_pointer (&name);
  g_ptr_array_add (reader->line_titles, table);
  p->state = NP_PARA_TAKEN;
  return TRUE;
}

/* A paragraph, and the unit list its text may hold.  The table comes
 * after the paragraph, which keeps its words: a reader finds them all. */
static void
np_add_paragraph (NpReader *reader, guint i, NpBlockKind kind,
                  const char *rule, gboolean forced_units)
{
  NpPara *p = np_reader_para (reader, i);
  if (np_read_list_title (reader, i))
    return;
  np_add (reader, kind, p->text, p, rule);
  np_read_unit_sentence (reader, i, forced_units);
  np_read_unit_lines (reader, i);
}

/* Reads paragraph `i` by the editor's @@ mark.  Returns FALSE when it has
 * none. */
static gboolean
np_read_forced (NpReader *reader, guint i)
{
  NpPara *p = np_reader_para (reader, i);
  NpCaptionLine c = { 0 };
  switch (p->force) {
  case NP_FORCE_NONE:
  case NP_FORCE_TITLE:    /* taken by the head, or too late: text */
  case NP_FORCE_SUBTITLE:
  case NP_FORCE_KEYNOTE:  /* a keynote the lists could not split */
    return FALSE;
  case NP_FORCE_CREDIT:   /* set with the credit at the end */
    p->state = NP_PARA_CREDIT;
    return TRUE;
  case NP_FORCE_DROP:
    p->state = NP_PARA_DROPPED;
    return TRUE;
  case NP_FORCE_CAPTION:
    np_caption_marks (reader, p->text, &c);
    np_add_caption (reader, i, &c, TRUE);
    g_free (c.text);
    g_free (c.credit);
    return TRUE;
  case NP_FORCE_HEADING:
    np_add (reader, NP_BLOCK_HEADING, p->text, p, "@@小标题");
    return TRUE;
  case NP_FORCE_ITEM:
    np_add (reader, NP_BLOCK_ITEM, p->text, p, "@@条目");
    return TRUE;
  case NP_FORCE_PARAGRAPH:
    np_add (reader, NP_BLOCK_PARAGRAPH, p->text, p, "@@正文");
    return TRUE;
  case NP_FORCE_UNITS:
    if (!*p->text)
      np_read_unit_lines (reader, i);
    else
      np_add_paragraph (reader, i, NP_BLOCK_PARAGRAPH, "@@单位", TRUE);
    return TRUE;
  }
  return FALSE;
}

static void
np_read_one (NpReader *reader, guint i)
{
  NpPara *p = np_reader_para (reader, i);
  const char *how = NULL;
  NpCaptionLine c = { 0 };

  if (i == reader->lead) {
    gboolean lead = np_is_lead (reader, i);
    np_add_paragraph (reader, i, lead ? NP_BLOCK_LEAD : NP_BLOCK_PARAGRAPH,
                      lead ? "the first paragraph, dated"
                           : "the first paragraph", FALSE);
  } else if (np_read_list_title (reader, i)) {
    /* the table says it all */
  } else if (np_is_numbered_heading (reader, p->text))
    np_add (reader, NP_BLOCK_HEADING, p->text, p, "numbered");
  else if ((how = np_marked_heading (reader, p->text)))
    np_add (reader, NP_BLOCK_HEADING, p->text, p, how);
  else if (np_item_number (reader, p->text) > 0
           && np_is_numbered_head (reader, i))
    np_add (reader, NP_BLOCK_HEADING, p->text, p, "numbered, over its text");
  else if (np_item_number (reader, p->text) > 0)
    np_add (reader, NP_BLOCK_ITEM, p->text, p, "numbered");
  else if (np_is_caption (reader, i, &c))
    np_add_caption (reader, i, &c, FALSE);
  else if (np_is_photo_credit (reader, p->text)) {
    np_reader_drop (reader, i); /* a photo's credit with no caption */
  } else
    np_add_paragraph (reader, i, NP_BLOCK_PARAGRAPH, "plain", FALSE);
  g_free (c.text);
  g_free (c.credit);
}

void
np_read_body (NpReader *reader)
{
  guint n = np_reader_count (reader);
  for (guint i = 0; i < n; i++) {
    NpPara *p = np_reader_para (reader, i);
    if (p->state != NP_PARA_OPEN)
      continue;
    if (np_read_forced (reader, i))
      continue;
    guint run = i == reader->lead ? 0 : np_read_keynotes (reader, i);
    if (run) {
      i += run - 1;
      continue;
    }
    np_read_one (reader, i);
  }
  /* The credit and the signature close the report, in their order. */
  for (guint i = 0; i < n; i++) {
    NpPara *p = np_reader_para (reader, i);
    if (p->state == NP_PARA_CREDIT)
      np_add (reader, NP_BLOCK_CREDIT, p->text, p,
              p->force == NP_FORCE_CREDIT ? "@@署名" : "credit line");
    else if (p->state == NP_PARA_SIGNATURE)
      np_add (reader, NP_BLOCK_SIGNATURE, p->text, p, "closing office and date");
  }
}
