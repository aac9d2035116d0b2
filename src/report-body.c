/* report-body.c: the body's paragraphs -> blocks.
 *
 * Contract: np_read_body() reads every open paragraph, in order, into a
 * block, as the role report-roles.c decided for it says: the lead,
 * keynote and unit tables (report-lists.c), headings, list items,
 * captions with their photo credits, and plain paragraphs; then the
 * credit and signature.  It decides no role itself: an editor's @@ mark
 * or the role does.  Each block records the rule that made it, with the
 * role's probability and the features that weighed most.
 *
 * A caption's mark (▲, （图：…）, 【图】) is not printed; its labels (图为,
 * 图1) are.  A photo credit under it goes with it.
 */
#include "report-private.h"

#include "emojitext.h"

#include <string.h>

static NpBlock *
np_add (NpReader *reader, NpBlockKind kind, const char *text,
        const NpPara *p, const char *rule)
{
  NpBlock *b = np_document_add_text (reader->doc, kind, text, p->line);
  np_block_set_rule (b, "%s: %s", np_block_kind_name (kind), rule);
  return b;
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

static void
np_add_caption (NpReader *reader, guint i, NpCaptionLine *c, const char *rule)
{
  NpPara *p = np_reader_para (reader, i);
  NpBlock *b = np_add (reader, NP_BLOCK_CAPTION, c->text, p, rule);
  b->credit = g_steal_pointer (&c->credit);
  guint next = np_reader_next_kept (reader, i + 1);
  if (!b->credit && next < np_reader_count (reader)) {
    NpPara *credit = np_reader_para (reader, next);
    if (credit->state == NP_PARA_OPEN && credit->force == NP_FORCE_NONE
        && credit->role == NP_LINE_PHOTO_CREDIT) {
      b->credit = np_trim (credit->text);
      credit->state = NP_PARA_TAKEN;
    }
  }
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
  np_read_talk_sentences (reader, i);
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
    np_add_caption (reader, i, &c, "@@图注");
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

/* How the roles step read a paragraph, for the block's rule: "▲ mark ·
 * scored 0.93". */
static char *
np_scored (const NpPara *p, const char *how)
{
  char prob[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (prob, sizeof prob, "%.2f", p->role_p);
  return g_strdup_printf ("%s%sscored %s", how ? how : "", how ? " · " : "",
                          prob);
}

/* The block just added was read by its role: it keeps the evidence. */
static void
np_keep_evidence (NpReader *reader, const NpPara *p, guint before)
{
  GPtrArray *blocks = reader->doc->blocks;
  for (guint k = before; k < blocks->len; k++) {
    NpBlock *b = g_ptr_array_index (blocks, k);
    if (b->line == p->line && !b->evidence && p->evidence)
      b->evidence = g_strdup (p->evidence);
  }
}

/* Reads paragraph `i` by the role the roles step decided for it. */
static void
np_read_one_role (NpReader *reader, guint i);

static void
np_read_one (NpReader *reader, guint i)
{
  guint before = reader->doc->blocks->len;
  np_read_one_role (reader, i);
  np_keep_evidence (reader, np_reader_para (reader, i), before);
}

static void
np_read_one_role (NpReader *reader, guint i)
{
  NpPara *p = np_reader_para (reader, i);
  NpCaptionLine c = { 0 };
  g_autofree char *scored = np_scored (p, NULL);

  if (i == reader->lead
      && (p->role == NP_LINE_LEAD || p->role == NP_LINE_PARAGRAPH
          || p->role == NP_LINE_TITLE || p->role == NP_LINE_SUBTITLE)) {
    gboolean lead = np_is_lead (reader, i);
    np_add_paragraph (reader, i, lead ? NP_BLOCK_LEAD : NP_BLOCK_PARAGRAPH,
                      lead ? "the first paragraph, dated"
                           : "the first paragraph", FALSE);
    return;
  }
  switch (p->role) {
  case NP_LINE_CAPTION: {
    /* 圖片： alone, over the captions of a press release: a label with
     * no caption in it, not printed (the dropped lines' warning names it) */
    g_autofree char *bare = np_strip_emoji (p->text);
    g_autofree char *key = NULL;
    const char *after = np_short_label (bare, &key);
    if (np_cues_is (reader->cues, "caption/labels",
                    after && !*np_skip_spaces (after) ? key : bare)) {
      np_reader_drop (reader, i);
      return;
    }
    np_caption_marks (reader, p->text, &c);
    g_autofree char *rule = np_scored (p, c.rule);
    np_add_caption (reader, i, &c, rule);
    g_free (c.text);
    g_free (c.credit);
    return;
  }
  case NP_LINE_HEADING:
    if (!np_read_list_title (reader, i))
      np_add (reader, NP_BLOCK_HEADING, p->text, p, scored);
    return;
  case NP_LINE_ITEM:
    np_add (reader, NP_BLOCK_ITEM, p->text, p, scored);
    return;
  case NP_LINE_DROP:
  case NP_LINE_PHOTO_CREDIT: /* a photo's credit with no caption above */
    np_reader_drop (reader, i);
    return;
  case NP_LINE_CREDIT:
    p->state = NP_PARA_CREDIT;
    return;
  case NP_LINE_SIGNATURE:
    p->state = NP_PARA_SIGNATURE;
    return;
  case NP_LINE_UNITS: /* a list's title line: read before, with the rows */
  case NP_LINE_TITLE:
  case NP_LINE_SUBTITLE:
  case NP_LINE_LEAD:
  case NP_LINE_PARAGRAPH:
  case NP_LINE_KEYNOTE:
  case NP_LINE_TABLE:
  case NP_N_LINE_ROLES:
    break;
  }
  np_add_paragraph (reader, i, NP_BLOCK_PARAGRAPH, scored, FALSE);
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
    /* a run of rows: the row reader first, then the keynote forms of
     * report-lists.c (a lead-in over its talks) */
    guint run = 0;
    if (i != reader->lead && p->force == NP_FORCE_NONE
        && !(p->role == NP_LINE_UNITS && np_read_list_title (reader, i)))
      run = np_read_rows (reader, i);
    if (p->state == NP_PARA_TAKEN && !run)
      continue; /* a list's title line read its table */
    if (!run && i != reader->lead && p->role == NP_LINE_KEYNOTE)
      run = np_read_keynotes (reader, i);
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
