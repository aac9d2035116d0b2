/* report-lines.c: the lines of a report -> paragraphs.
 *
 * Contract: takes the body lines (after the front matter) and gives the
 * paragraphs, each with the line it starts on, whether a picture stood
 * before it, and the editor's @@ mark.  It reads no structure beyond
 * that: what a paragraph is, report-body.c and the others decide.
 *
 * Reports come in two conventions, decided per file:
 *
 * - one paragraph per line (WeChat, web pages, Word with "no line
 *   breaks"): every line is a paragraph.  An empty line then stands where
 *   a picture stood when the file has them only here and there (WeChat
 *   copies leave one for each picture); in a file that puts an empty
 *   line between all paragraphs they are only spacing.
 * - hard-wrapped (e-mail, Word "insert line breaks", plain-text editors):
 *   lines of about one width, cut in mid-sentence.  The lines of a
 *   paragraph are joined; a paragraph ends at an empty line, at a line
 *   cut short, or where the next line is indented or numbered.
 */
#include "report-private.h"

#include "emojitext.h"

#include <string.h>

/* Display columns under which a file is never taken as hard-wrapped at
 * that width (15 Chinese characters). */
#define NP_MIN_WRAP 30

/* A line of the body: trimmed, with what the rules need to know of it. */
typedef struct {
  char *text;        /* trimmed; "" for a blank line */
  guint line;        /* 1-based */
  gboolean indented; /* opened with spaces or U+3000 */
  gboolean picture;  /* a placeholder where a picture stood ([图片]) */
  gboolean mail;     /* under an e-mail's signature mark: not the report */
  glong width;       /* display columns of the trimmed text */
  NpForce force;
  gboolean opens;    /* opens a paragraph by its look (np_raw_opens) */
  gboolean alone;    /* stands alone: a keynote, or names set apart */
} NpRaw;

/* HTML's spaces and marks that a page copied as text may leave behind:
 * &nbsp; between words, &amp; for &. */
static const char *const np_entities[][2] = {
  { "&nbsp;", " " },  { "&ensp;", " " },  { "&emsp;", "\u3000" },
  { "&#160;", " " },  { "&#12288;", "\u3000" }, { "&amp;", "&" },
  { "&lt;", "<" },    { "&gt;", ">" },    { "&quot;", "\"" },
  { "&#39;", "'" },   { "&ldquo;", "\u201C" }, { "&rdquo;", "\u201D" },
  { "&middot;", "\u00B7" }, { "&hellip;", "\u2026" }, { "&mdash;", "\u2014" },
};

static char *
np_unescape (const char *line)
{
  if (!strchr (line, '&'))
    return g_strdup (line);
  GString *s = g_string_new (line);
  for (guint i = 0; i < G_N_ELEMENTS (np_entities); i++)
    g_string_replace (s, np_entities[i][0], np_entities[i][1], 0);
  return g_string_free (s, FALSE);
}

/* A line of marks only (:::, ***, ———): a page's furniture, as good as
 * blank. */
static gboolean
np_is_furniture (const char *text)
{
  if (!*text)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_isalnum (c) || (np_is_cjk (c) && !g_unichar_ispunct (c))
        || np_emoji_is_part (c))
      return FALSE; /* a line of emoji says something: 👏👏 */
  }
  return TRUE;
}

/* ---- the editor's marks -------------------------------------------------- */

static const struct {
  const char *list;
  NpForce force;
} np_marks[] = {
  { "editor/caption", NP_FORCE_CAPTION },
  { "editor/heading", NP_FORCE_HEADING },
  { "editor/paragraph", NP_FORCE_PARAGRAPH },
  { "editor/title", NP_FORCE_TITLE },
  { "editor/subtitle", NP_FORCE_SUBTITLE },
  { "editor/units", NP_FORCE_UNITS },
  { "editor/keynote", NP_FORCE_KEYNOTE },
  { "editor/credit", NP_FORCE_CREDIT },
  { "editor/item", NP_FORCE_ITEM },
  { "editor/drop", NP_FORCE_DROP },
};

/* A line opening with @@WORD (or ＠＠WORD, as a Chinese input method types
 * it) is read the way WORD says.  Two at-signs never open a line of a real
 * report, and survive Word and WeChat as typed.  Returns the text after
 * the mark (a pointer into `text`), setting `force`; `text` itself when
 * there is no mark. */
static const char *
np_editor_mark (NpReader *reader, const char *text, guint line,
                NpForce *force)
{
  *force = NP_FORCE_NONE;
  const char *p = text;
  if (g_str_has_prefix (p, "@@"))
    p += 2;
  else if (g_str_has_prefix (p, "＠＠"))
    p += strlen ("＠＠");
  else
    return text;
  while (*p && np_is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  for (guint i = 0; i < G_N_ELEMENTS (np_marks); i++) {
    gsize n = np_cues_opens (reader->cues, np_marks[i].list, p);
    if (n == 0)
      continue;
    *force = np_marks[i].force;
    p += n;
    while (*p && (np_is_space (g_utf8_get_char (p))
                  || g_utf8_strchr ("：:", -1, g_utf8_get_char (p))))
      p = g_utf8_next_char (p);
    return p;
  }
  np_document_warn (reader->doc, line,
                    "@@ mark not known (try @@图注, @@小标题, @@正文, "
                    "@@标题, @@单位, @@报告, @@署名, @@删除): read as text");
  return p;
}

/* ---- the convention ------------------------------------------------------ */

static gboolean
np_raw_blank (const NpRaw *r)
{
  return *r->text == '\0' && r->force == NP_FORCE_NONE;
}

/* Whether a line opens a new paragraph by its look alone: a number, a
 * heading ordinal, names set apart (`names`), a caption mark or an
 * editor's mark. */
static gboolean
np_raw_opens (NpReader *reader, const NpRaw *r, gboolean names)
{
  return r->force != NP_FORCE_NONE || np_item_number (reader, r->text) > 0
         || names || np_heading_number (reader, r->text) > 0
         || np_cues_opens (reader->cues, "caption/marks", r->text) > 0
         || np_cues_opens (reader->cues, "caption/prefixes", r->text) > 0
         || np_match_length (reader->re.caption_number, r->text) > 0
         || np_cues_opens (reader->cues, "heading/bullets", r->text) > 0
         || np_cues_opens (reader->cues, "roles/row-bullets", r->text) > 0
         || np_is_photo_credit (reader, r->text);
}

static int
np_compare_long (gconstpointer a, gconstpointer b)
{
  glong x = *(const glong *) a, y = *(const glong *) b;
  return x < y ? -1 : x > y;
}

/* Whether a line followed by `next` is cut in mid-sentence: it ends on a
 * pause (，、；), inside a Latin word or number that goes on, or (with
 * `wrap`) on a character at about the width the file is wrapped at. */
static gboolean
np_cut_short (const NpRaw *r, const NpRaw *next, glong wrap)
{
  gunichar final = np_final_char (r->text);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (r->text
                                                     + strlen (r->text)));
  gunichar first = g_utf8_get_char (next->text);
  if (np_is_pause (final) && final != 0xFF1A && final != ':')
    return TRUE;
  if (g_unichar_isalnum (last) && !np_is_cjk (last) && g_unichar_isalnum (first)
      && !np_is_cjk (first))
    return TRUE;
  return wrap > 0 && ABS (r->width - wrap) <= MAX (4, wrap / 8);
}

/* Whether two lines in a row belong to one paragraph by their look: the
 * second is no blank, no numbered line, no caption and no keynote. */
static gboolean
np_may_join (const NpRaw *r, const NpRaw *next)
{
  return !np_raw_blank (r) && !np_raw_blank (next)
         && r->force == NP_FORCE_NONE && !next->opens && !r->alone;
}

/* The width a hard-wrapped file was cut at, or 0 when the file has one
 * paragraph per line.  A line followed by another is looked at: in a
 * hard-wrapped file most such lines are of one width and cut in
 * mid-sentence, and they carry most of the text.  In a file of one
 * paragraph per line they are whole paragraphs, ending with a full stop,
 * or short lines (titles, captions, names) that end where they mean to. */
static glong
np_wrap_width (const GArray *raws)
{
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (glong));
  for (guint i = 0; i + 1 < raws->len; i++) {
    const NpRaw *r = &g_array_index (raws, NpRaw, i);
    if (np_may_join (r, &g_array_index (raws, NpRaw, i + 1)))
      g_array_append_val (widths, r->width);
  }
  if (widths->len < 2)
    return 0;
  g_array_sort (widths, np_compare_long);
  /* the widest lines' common width (a few run a column or two over where
   * a mark may not start a line) */
  glong wrap = g_array_index (widths, glong, widths->len * 3 / 4);
  /* no editor wraps Chinese text narrower than this: lines so short that
   * are all alike are names or heads, not a wrapped paragraph */
  glong near = wrap >= NP_MIN_WRAP ? wrap : 0;
  glong all = 0, cut = 0;
  guint cuts = 0, stops = 0, broken = 0;
  for (guint i = 0; i + 1 < raws->len; i++) {
    const NpRaw *r = &g_array_index (raws, NpRaw, i);
    const NpRaw *next = &g_array_index (raws, NpRaw, i + 1);
    if (!np_may_join (r, next))
      continue;
    all += r->width;
    gunichar final = np_final_char (r->text);
    stops += np_is_stop (final) || final == 0xFF1A || final == ':';
    if (np_cut_short (r, next, near) && !np_is_stop (final)) {
      cut += r->width;
      cuts++;
    }
    broken += np_cut_short (r, next, 0);
  }
  /* most lines followed by another are cut, and they hold most of the
   * text: a notice of short heads and items has a few lines of about one
   * width by chance (its title, a contact line) */
  if (cuts >= 2 && cut * 2 >= all && cuts * 2 >= widths->len)
    return wrap;
  /* A few short lines, none ending a sentence, some broken in mid-phrase:
   * too few to measure a width, but wrapped all the same. */
  return broken > 0 && stops == 0 && widths->len >= 2 ? wrap : 0;
}

/* Whether, in a hard-wrapped file, line `next` goes on the paragraph that
 * line `r` is in. */
static gboolean
np_continues (const NpRaw *r, const NpRaw *next, glong wrap,
              gboolean indents)
{
  if (!np_may_join (r, next))
    return FALSE;
  if (indents && next->indented)
    return FALSE; /* the file indents its paragraphs' first lines */
  /* a line of the full width goes on, whatever it ends with; a short one
   * was ended on purpose unless it stops in mid-phrase */
  return r->width >= wrap - MAX (6, wrap / 5) || np_cut_short (r, next, 0);
}

/* Whether paragraphs' first lines are indented: most lines after an empty
 * line or at the top are. */
static gboolean
np_indents (const GArray *raws)
{
  guint firsts = 0, indented = 0;
  gboolean after_blank = TRUE;
  for (guint i = 0; i < raws->len; i++) {
    const NpRaw *r = &g_array_index (raws, NpRaw, i);
    if (np_raw_blank (r)) {
      after_blank = TRUE;
      continue;
    }
    if (after_blank) {
      firsts++;
      indented += r->indented;
    }
    after_blank = FALSE;
  }
  return firsts >= 2 && indented * 2 > firsts;
}

/* Whether empty lines mark pictures: the file has one paragraph per line
 * and empty lines stand at fewer than half of its paragraph breaks. */
static gboolean
np_blanks_are_pictures (const GArray *raws)
{
  guint breaks = 0, blank_breaks = 0;
  gboolean seen_text = FALSE, blank = FALSE;
  for (guint i = 0; i < raws->len; i++) {
    const NpRaw *r = &g_array_index (raws, NpRaw, i);
    if (np_raw_blank (r)) {
      blank = seen_text;
      continue;
    }
    if (seen_text) {
      breaks++;
      blank_breaks += blank;
    }
    seen_text = TRUE;
    blank = FALSE;
  }
  return blank_breaks > 0 && blank_breaks * 2 < breaks;
}

/* ---- paragraphs ---------------------------------------------------------- */

/* Appends a hard-wrapped line to its paragraph: CJK lines join with
 * nothing between them, a Latin word broken at a line end gets its space. */
static void
np_join_line (GString *paragraph, const char *line)
{
  gunichar last = g_utf8_get_char (
    g_utf8_prev_char (paragraph->str + paragraph->len));
  gunichar first = g_utf8_get_char (line);
  if (!np_is_cjk (last) && !np_is_space (last) && !np_is_cjk (first)
      && !np_is_space (first))
    g_string_append_c (paragraph, ' ');
  g_string_append (paragraph, line);
}

static void
np_para_free (NpPara *para)
{
  g_free (para->text);
  g_free (para->evidence);
  g_free (para);
}

static void
np_raw_clear (gpointer data)
{
  g_free (((NpRaw *) data)->text);
}

void
np_lines_to_paras (NpReader *reader, char **lines, guint start)
{
  g_autoptr (GArray) raws = g_array_new (FALSE, TRUE, sizeof (NpRaw));
  g_array_set_clear_func (raws, np_raw_clear);
  gboolean mail = FALSE;
  for (guint i = start; lines[i]; i++) {
    NpRaw r = { .line = i + 1 };
    g_autofree char *line = np_unescape (lines[i]);
    g_autofree char *trimmed = np_trim (line);
    r.indented = *line && *trimmed && np_is_space (g_utf8_get_char (line));
    r.text = g_strdup (np_editor_mark (reader, trimmed, r.line, &r.force));
    /* "--" alone opens an e-mail's signature: what follows is the
     * sender's name and number, not the report */
    mail |= strcmp (r.text, "--") == 0 || strcmp (r.text, "-- ") == 0;
    r.mail = mail;
    if (r.force == NP_FORCE_NONE
        && np_cues_is (reader->cues, "caption/placeholders", r.text)) {
      r.picture = TRUE;
      r.text[0] = '\0';
    } else if (r.force == NP_FORCE_NONE && !r.mail && np_is_furniture (r.text))
      r.text[0] = '\0';
    r.width = np_display_width (r.text);
    g_autoptr (GPtrArray) names = np_spaced_names (reader, r.text);
    r.opens = np_raw_opens (reader, &r, names != NULL);
    r.alone = names != NULL || np_is_keynote_text (reader, r.text);
    g_array_append_val (raws, r);
  }

  glong wrap = np_wrap_width (raws);
  reader->wrapped = wrap > 0;
  gboolean indents = wrap && np_indents (raws);
  gboolean pictures = !wrap && np_blanks_are_pictures (raws);

  GPtrArray *paras
    = g_ptr_array_new_with_free_func ((GDestroyNotify) np_para_free);
  reader->paras = paras;
  GString *text = NULL;
  gboolean blank_before = FALSE, placeholder = FALSE;
  for (guint i = 0; i < raws->len; i++) {
    NpRaw *r = &g_array_index (raws, NpRaw, i);
    placeholder |= r->picture;
    if (np_raw_blank (r)) {
      blank_before = paras->len > 0 || text;
      continue;
    }
    NpRaw *prev = i > 0 ? &g_array_index (raws, NpRaw, i - 1) : NULL;
    if (text && prev && wrap && np_continues (prev, r, wrap, indents)) {
      np_join_line (text, r->text);
    } else {
      if (text) {
        NpPara *last = g_ptr_array_index (paras, paras->len - 1);
        last->text = g_string_free (text, FALSE);
      }
      NpPara *para = g_new0 (NpPara, 1);
      para->line = r->line;
      para->force = r->force;
      para->picture = (pictures && blank_before) || placeholder;
      g_ptr_array_add (paras, para);
      if (r->mail)
        np_reader_drop (reader, paras->len - 1);
      text = g_string_new (r->text);
    }
    blank_before = placeholder = FALSE;
  }
  if (text) {
    NpPara *last = g_ptr_array_index (paras, paras->len - 1);
    last->text = g_string_free (text, FALSE);
  }
}
