/* newsprint.c: the pipeline, stage after stage.
 *
 * Contract: runs the stages in order and hands each one's output to the
 * next; it holds no typographic rule of its own.  It also says which data
 * folders hold the layouts and fonts (np_data_dirs) and which layouts
 * they hold, and never reads a build or source tree unless the binary
 * runs from its build tree.
 */
#include "newsprint.h"

#include <math.h>
#include <string.h>

#include "convert.h"
#include "draw.h"
#include "edition.h"
#include "emojitext.h"
#include "flow.h"
#include "fonts.h"
#include "output.h"
#include "photos.h"
#include "punct.h"
#include "report.h"
#include "script.h"
#include "source.h"
#include "story.h"

/* A binary run from its build tree finds the source tree's data through a
 * key file CMake writes beside it; an installed binary has none beside it,
 * so it never looks into a build or source tree, and moving the build tree
 * keeps it working.  Returns the folder, or NULL. */
static char *
np_uninstalled_datadir (const char *bindir)
{
  g_autofree char *path =
    g_build_filename (bindir, "newsprint-uninstalled.ini", NULL);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (file, "newsprint", "datadir", NULL);
}

/* Adds `dir` unless an earlier entry names the same folder; takes it. */
static void
np_add_dir (GPtrArray *dirs, char *dir)
{
  g_autofree char *canonical = g_canonicalize_filename (dir, NULL);
  g_free (dir);
  for (guint i = 0; i < dirs->len; i++)
    if (strcmp (dirs->pdata[i], canonical) == 0)
      return;
  g_ptr_array_add (dirs, g_steal_pointer (&canonical));
}

char **
np_data_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new ();
  const char *env = g_getenv ("NEWSPRINT_DATADIR");
  if (env && *env)
    np_add_dir (dirs, g_strdup (env));
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = exe ? g_path_get_dirname (exe) : NULL;
  /* The source tree before anything installed: a build is run to try the
   * data beside it, not an older installed copy. */
  char *source = bindir ? np_uninstalled_datadir (bindir) : NULL;
  gboolean uninstalled = source != NULL;
  if (uninstalled)
    np_add_dir (dirs, source);
  /* XDG Base Directory Specification: the user's data, then the system's. */
  np_add_dir (dirs,
              g_build_filename (g_get_user_data_dir (), "newsprint", NULL));
  const char *const *system = g_get_system_data_dirs ();
  for (guint i = 0; system[i]; i++)
    np_add_dir (dirs, g_build_filename (system[i], "newsprint", NULL));
  /* An installed binary finds its data relative to itself, wherever the
   * tree was installed or moved to. */
  if (bindir && !uninstalled)
    np_add_dir (dirs,
                g_build_filename (bindir, "..", "share", "newsprint", NULL));
  np_add_dir (dirs, g_strdup (NP_INSTALL_DATADIR));
  g_ptr_array_add (dirs, NULL);
  return (char **) g_ptr_array_free (dirs, FALSE);
}

static void
np_override (char **field, const char *value)
{
  if (!value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

void
np_notes_init (NpNotes *notes)
{
  notes->warnings = g_ptr_array_new_with_free_func (g_free);
  notes->marks_widened = 0;
  notes->latin_narrowed = 0;
  notes->emoji_stripped = 0;
  notes->pages = 0;
  notes->edition = NULL;
  notes->chars_converted = 0;
  notes->phrases_used = 0;
}

void
np_notes_clear (NpNotes *notes)
{
  g_clear_pointer (&notes->warnings, g_ptr_array_unref);
}

/* The first of the data folders that holds `leaf` (e.g. "fonts/fonts.conf"),
 * or NULL. */
static char *
np_find_data (const NpOptions *o, const char *leaf)
{
  for (guint i = 0; o->datadirs && o->datadirs[i]; i++) {
    char *path = g_build_filename (o->datadirs[i], leaf, NULL);
    if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
      return path;
    g_free (path);
  }
  return NULL;
}

/* The opencc/ folder of newsprint's data: its own OpenCC configuration.
 * Newly allocated, or NULL. */
static char *
np_own_opencc (const NpOptions *o)
{
  g_autofree char *path = np_find_data (o, "opencc/t2twp.json");
  return path ? g_path_get_dirname (path) : NULL;
}

/* Converts `doc` with `converter` (may be NULL: nothing to do) and notes
 * what changed. */
static void
np_convert (NpConverter *converter, NpVariant to, NpDocument *doc,
            NpNotes *notes)
{
  if (!converter)
    return;
  NpConvertCount count = { 0, 0 };
  np_convert_document (converter, doc, &count);
  notes->edition = np_variant_name (to);
  notes->chars_converted += count.chars;
  notes->phrases_used += count.phrases;
}

static NpDocument *np_read_converted (const NpOptions *o,
                                      NpConverter *converter, NpNotes *notes,
                                      GError **error);

NpDocument *
np_read (const NpOptions *o, NpNotes *notes, GError **error)
{
  g_autoptr (NpConverter) converter = NULL;
  if (o->to != NP_VARIANT_NONE) {
    g_autofree char *own = np_own_opencc (o);
    converter = np_converter_new (o->to, o->phrases, own, error);
    if (!converter)
      return NULL;
  }
  return np_read_converted (o, converter, notes, error);
}

static NpDocument *
np_read_converted (const NpOptions *o, NpConverter *converter,
                   NpNotes *notes, GError **error)
{
  NpSourceNotes source_notes;
  g_autofree char *text = np_source_read_noted (o->input, o->encoding,
                                                &source_notes, error);
  if (!text)
    return NULL;
  const char *name = strcmp (o->input, "-") == 0 ? "stdin" : o->input;
  NpDocument *doc = np_report_parse (text, name, error);
  if (!doc)
    return NULL;
  np_source_notes_warn (&source_notes, notes->warnings);
  for (guint i = 0; i < doc->warnings->len; i++)
    g_ptr_array_add (notes->warnings, g_strdup (doc->warnings->pdata[i]));
  if (!o->keep_punctuation) {
    notes->latin_narrowed += np_punct_narrow (doc);
    notes->marks_widened += np_punct_normalize (doc);
  }
  if (o->emoji == NP_EMOJI_STRIP)
    notes->emoji_stripped += np_emoji_strip (doc);
  if (o->title) {
    np_override (&doc->headline, o->title);
    np_override (&doc->headline_rule, "headline: --title");
  }
  np_override (&doc->issue, o->issue);
  np_override (&doc->date, o->date);
  np_convert (converter, o->to, doc, notes);
  return doc;
}

/* The layouts/ folder of each data folder, NULL-terminated. */
static char **
np_layout_dirs (const char *const *datadirs)
{
  GPtrArray *dirs = g_ptr_array_new ();
  for (guint i = 0; datadirs && datadirs[i]; i++)
    g_ptr_array_add (dirs, g_build_filename (datadirs[i], "layouts", NULL));
  g_ptr_array_add (dirs, NULL);
  return (char **) g_ptr_array_free (dirs, FALSE);
}

char *
np_find_layout (const NpOptions *o, GError **error)
{
  g_auto (GStrv) dirs = np_layout_dirs (o->datadirs);
  return np_style_find (o->layout ? o->layout : "bulletin",
                        (const char *const *) dirs, error);
}

gboolean
np_is_output_file (const char *output, const char *name)
{
  g_autofree char *base = g_path_get_basename (output);
  return strcmp (name, base) == 0 || np_draw_is_page_name (output, name);
}

GBytes *
np_read_layout (const NpOptions *o, GError **error)
{
  g_autofree char *path = np_find_layout (o, error);
  if (!path)
    return NULL;
  g_autofree char *name = g_filename_display_name (path);
  GByteArray *bytes =
    np_source_read_file_max (path, name, NP_STYLE_MAX_FILE, error);
  return bytes ? g_byte_array_free_to_bytes (bytes) : NULL;
}

static void
np_layout_info_free (NpLayoutInfo *info)
{
  g_free (info->name);
  g_free (info->path);
  g_free (info);
}

static int
np_layout_info_compare (gconstpointer a, gconstpointer b)
{
  const NpLayoutInfo *x = *(NpLayoutInfo *const *) a;
  const NpLayoutInfo *y = *(NpLayoutInfo *const *) b;
  int by_name = strcmp (x->name, y->name);
  return by_name ? by_name : (int) x->rank - (int) y->rank;
}

GPtrArray *
np_list_layouts (const char *const *datadirs)
{
  GPtrArray *list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) np_layout_info_free);
  g_auto (GStrv) dirs = np_layout_dirs (datadirs);
  for (guint i = 0; dirs[i]; i++) {
    g_autoptr (GDir) dir = g_dir_open (dirs[i], 0, NULL);
    for (const char *f; dir && (f = g_dir_read_name (dir));) {
      g_autofree char *path = g_build_filename (dirs[i], f, NULL);
      if (!g_str_has_suffix (f, ".ini") || strlen (f) == strlen (".ini") ||
          !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      NpLayoutInfo *info = g_new0 (NpLayoutInfo, 1);
      info->name = g_strndup (f, strlen (f) - strlen (".ini"));
      info->path = g_steal_pointer (&path);
      info->rank = i;
      g_ptr_array_add (list, info);
    }
  }
  /* By name, and for each name in the order np_style_find searches, so
   * the first of a name is the one -l NAME takes. */
  g_ptr_array_sort (list, np_layout_info_compare);
  for (guint i = 1; i < list->len; i++) {
    NpLayoutInfo *prev = list->pdata[i - 1], *info = list->pdata[i];
    info->shadowed = strcmp (prev->name, info->name) == 0;
  }
  return list;
}

static NpStyle *
np_load_style (const NpOptions *o, GError **error)
{
  g_autofree char *path = np_find_layout (o, error);
  return path ? np_style_load (path, error) : NULL;
}

static NpFonts *
np_load_fonts (const NpOptions *o, const NpStyle *style, NpScript script,
               NpFonts *loaded, GError **error)
{
  g_autoptr (NpFonts) fonts = NULL;
  if (loaded) {
    /* Text in the other script: the configuration is read once. */
    fonts = np_fonts_new_script (loaded, script);
  } else {
    g_autofree char *conf = np_find_data (o, "fonts/fonts.conf");
    if (!conf) {
      g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                   "fonts/fonts.conf: not found (is newsprint installed?)");
      return NULL;
    }
    fonts = np_fonts_new (conf, script, error);
  }
  if (!fonts)
    return NULL;
  /* Each family once: most roles share the body's or the heads'. */
  for (int role = 0; role < NP_ROLE_COUNT; role++) {
    gboolean seen = FALSE;
    for (int earlier = 0; earlier < role && !seen; earlier++)
      seen = g_strcmp0 (style->font[earlier].family,
                        style->font[role].family) == 0;
    if (!seen && !np_fonts_check (fonts, &style->font[role], error))
      return NULL;
  }
  return g_steal_pointer (&fonts);
}

static void
np_set_metadata (NpPages *pages, const NpDocument *doc, const NpStyle *style,
                 const NpOptions *o)
{
  pages->title = g_strdup (doc->headline);
  pages->author = g_strdup (doc->publisher);
  const char *masthead = doc->masthead ? doc->masthead
                                       : np_style_masthead (style, doc->script);
  GPtrArray *parts = g_ptr_array_new ();
  if (masthead && *masthead)
    g_ptr_array_add (parts, (gpointer) masthead);
  if (doc->issue)
    g_ptr_array_add (parts, doc->issue);
  if (doc->date)
    g_ptr_array_add (parts, doc->date);
  g_ptr_array_add (parts, NULL);
  pages->subject = g_strjoinv (" ", (char **) parts->pdata);
  pages->language = g_strdup (np_document_language (doc));
  pages->created = o->created ? g_date_time_ref (o->created) : NULL;
  /* Keywords: what the report is about, as its tables name it. */
  pages->keywords = g_strdup (masthead);
  g_ptr_array_free (parts, TRUE);
}

/* Emoji rarely belong in an official newsletter: strip them when asked,
 * else say once how many there are and where the first ones stand. */
static void
np_apply_emoji_policy (NpDocument *doc, const NpOptions *o,
                       const NpStyle *style, NpNotes *notes)
{
  gboolean strip = o->emoji == NP_EMOJI_STRIP ||
                   (o->emoji == NP_EMOJI_LAYOUT && style->emoji_strip);
  if (strip) {
    notes->emoji_stripped += np_emoji_strip (doc);
    return;
  }
  NpEmojiCensus census;
  np_emoji_census (doc, &census);
  if (census.count > 0)
    g_ptr_array_add (notes->warnings,
                     g_strdup_printf ("%u emoji kept (%s%s); --emoji strip "
                                      "removes them", census.count,
                                      census.first->str,
                                      census.count > 3 ? ", …" : ""));
  g_string_free (census.first, TRUE);
}

NpPages *
np_typeset (NpDocument *doc, const NpOptions *o, NpNotes *notes,
            GError **error)
{
  /* One report is an issue of one: the same steps, the same page. */
  g_autoptr (NpIssue) issue = np_issue_new ();
  NpArticle *a = np_issue_add_article (issue, o->input ? o->input : "-");
  a->photos = g_strdup (o->photos);
  a->doc = doc; /* lent, taken back below */
  NpPages *pages = np_typeset_issue (issue, o, notes, error);
  a->doc = NULL;
  return pages;
}

NpIssue *
np_issue_from_options (const NpOptions *o, GError **error)
{
  g_autoptr (NpIssue) issue = NULL;
  if (!o->inputs && np_issue_is_file (o->input)) {
    issue = np_issue_load (o->input, error);
    if (!issue)
      return NULL;
  } else {
    const char *one[] = { o->input, NULL };
    const char *const *inputs = o->inputs ? o->inputs : one;
    issue = np_issue_new ();
    for (guint i = 0; inputs[i]; i++) {
      NpArticle *a = np_issue_add_article (issue, inputs[i]);
      a->encoding = g_strdup (o->encoding);
      a->photos = g_strdup (o->photos);
    }
  }
  if (o->issue)
    np_override (&issue->number, o->issue);
  if (o->date)
    np_override (&issue->date, o->date);
  if (o->title && issue->articles->len == 1)
    np_override (&((NpArticle *) issue->articles->pdata[0])->title, o->title);
  return g_steal_pointer (&issue);
}

/* Several reports: the warnings from `from` on name the report they are
 * about. */
static void
np_name_warnings (GPtrArray *warnings, guint from, const char *name)
{
  for (guint k = from; k < warnings->len; k++) {
    char *w = warnings->pdata[k];
    warnings->pdata[k] = g_strdup_printf ("%s: %s", name, w);
    g_free (w);
  }
}

/* The issue's own words (masthead, number, publisher, colophon) in the
 * edition, each from the script it is written in. */
static void
np_convert_issue_fields (NpConverter *converter, NpIssue *issue)
{
  char **fields[] = { &issue->masthead, &issue->number, &issue->serial,
                      &issue->date, &issue->publisher, &issue->editor,
                      &issue->reviewer, &issue->address, &issue->print_run,
                      &issue->report_to, &issue->send_to, &issue->copy_to };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++) {
    if (!*fields[i])
      continue;
    char *text = np_converter_text (converter, *fields[i],
                                    np_script_detect (*fields[i]), NULL);
    g_free (*fields[i]);
    *fields[i] = text;
  }
  for (guint i = 0; i < issue->articles->len; i++) {
    NpArticle *a = g_ptr_array_index (issue->articles, i);
    if (a->section) {
      char *text = np_converter_text (converter, a->section,
                                      np_script_detect (a->section), NULL);
      g_free (a->section);
      a->section = text;
    }
  }
}

/* The edition the run asks for: --to, else the issue file's. */
static NpVariant
np_issue_variant (const NpIssue *issue, const NpOptions *o)
{
  NpVariant to = o->to;
  if (to == NP_VARIANT_NONE && issue->to)
    np_variant_parse (issue->to, &to); /* checked when the file was read */
  return to;
}

gboolean
np_read_issue (NpIssue *issue, const NpOptions *o, NpNotes *notes,
               GError **error)
{
  gboolean several = issue->articles->len > 1;
  NpVariant to = np_issue_variant (issue, o);
  g_autoptr (NpConverter) converter = NULL;
  if (to != NP_VARIANT_NONE) {
    g_autofree char *own = np_own_opencc (o);
    converter = np_converter_new (to, o->phrases ? o->phrases
                                                 : issue->phrases, own, error);
    if (!converter)
      return FALSE;
  }
  for (guint i = 0; i < issue->articles->len; i++) {
    NpArticle *a = g_ptr_array_index (issue->articles, i);
    NpOptions own = *o;
    own.input = a->path;
    own.inputs = NULL;
    own.encoding = a->encoding;
    own.title = a->title;
    own.issue = NULL;
    own.date = NULL;
    own.to = to;
    guint before = notes->warnings->len;
    a->doc = np_read_converted (&own, converter, notes, error);
    if (several)
      np_name_warnings (notes->warnings, before, a->name);
    if (!a->doc)
      return FALSE;
    if (a->title && issue->path) {
      g_free (a->doc->headline_rule);
      a->doc->headline_rule = g_strdup ("headline: title in the issue file");
    }
  }
  if (converter)
    np_convert_issue_fields (converter, issue);
  return TRUE;
}

/* Each article's photos, loaded into `pages`, which owns them; the
 * returned arrays only point into it (NULL for an article without). */
static GPtrArray **
np_load_issue_photos (const NpIssue *issue, const NpStyle *style,
                      NpPages *pages, NpNotes *notes, GError **error)
{
  guint n = issue->articles->len;
  GPtrArray **photos = g_new0 (GPtrArray *, n + 1);
  double text_width = np_style_text_width (style); /* a spanning frame's */
  for (guint i = 0; i < n; i++) {
    const NpArticle *a = g_ptr_array_index (issue->articles, i);
    if (!a->photos)
      continue;
    GPtrArray *own =
      np_photos_load (a->photos, np_story_count_figures (a->doc),
                      MAX (text_width, style->frame_max_height),
                      notes->warnings, error);
    if (!own) {
      for (guint k = 0; k < i; k++)
        if (photos[k])
          g_ptr_array_unref (photos[k]);
      g_free (photos);
      return NULL;
    }
    if (!pages->photos)
      pages->photos =
        g_ptr_array_new_with_free_func ((GDestroyNotify) np_photo_free);
    /* pages owns the photos; the article's array points to them. */
    g_ptr_array_set_free_func (own, NULL);
    for (guint k = 0; k < own->len; k++)
      g_ptr_array_add (pages->photos, own->pdata[k]);
    photos[i] = own;
  }
  return photos;
}

static void
np_set_issue_metadata (NpPages *pages, const NpIssue *issue,
                       const NpStyle *style, const NpOptions *o)
{
  NpScript script = np_edition_script (issue);
  const NpArticle *first = g_ptr_array_index (issue->articles, 0);
  if (issue->articles->len == 1 && !issue->path) {
    np_set_metadata (pages, first->doc, style, o);
    return;
  }
  const char *masthead = issue->masthead
                           ? issue->masthead
                           : np_style_masthead (style, script);
  const char *title[] = { masthead, issue->number };
  const char *subject[] = { masthead, issue->number, issue->serial,
                            issue->date };
  pages->title = np_text_join (title, G_N_ELEMENTS (title), " ");
  pages->subject = np_text_join (subject, G_N_ELEMENTS (subject), " ");
  pages->author = g_strdup (issue->publisher);
  pages->keywords = g_strdup (masthead);
  pages->language = g_strdup (first->doc->language
                                ? first->doc->language
                                : np_script_name (script));
  pages->created = o->created ? g_date_time_ref (o->created) : NULL;
}

/* The layout's words (masthead, footer, contents title, running head)
 * for an edition in another script than they are written in. */
static void
np_convert_layout_texts (NpConverter *converter, NpStyle *style,
                         NpScript script)
{
  gboolean hans = script == NP_SCRIPT_HANS;
  char **fields[] = { hans ? &style->masthead_text_hans : &style->masthead_text,
                      hans ? &style->footer_text_hans : &style->footer_text,
                      hans ? &style->contents_title_hans
                           : &style->contents_title,
                      &style->running_head };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++) {
    NpScript written = *fields[i] ? np_script_detect (*fields[i]) : script;
    if (written == script)
      continue;
    char *text = np_converter_text (converter, *fields[i], written, NULL);
    g_free (*fields[i]);
    *fields[i] = text;
  }
}

/* Converts the issue to the layout's edition ([text] to) when neither
 * --to nor the issue file asked for one, and the layout's own words to
 * the edition whoever asked for it. */
static gboolean
np_edition_of_layout (NpIssue *issue, const NpOptions *o, NpStyle *style,
                      NpNotes *notes, GError **error)
{
  const NpArticle *first = g_ptr_array_index (issue->articles, 0);
  NpVariant to = NP_VARIANT_NONE;
  if (first->doc->language)
    np_variant_parse (first->doc->language, &to);
  gboolean now = to == NP_VARIANT_NONE && style->to != NP_VARIANT_NONE;
  if (now)
    to = style->to;
  if (to == NP_VARIANT_NONE)
    return TRUE;
  NpScript script = to == NP_VARIANT_HANS ? NP_SCRIPT_HANS : NP_SCRIPT_HANT;
  const char *masthead = np_style_masthead (style, script);
  if (!now && (!masthead || np_script_detect (masthead) == script))
    return TRUE; /* converted already, and the layout speaks its script */
  const char *phrases = o->phrases    ? o->phrases
                        : issue->phrases ? issue->phrases
                                         : style->phrases;
  g_autofree char *own = np_own_opencc (o);
  g_autoptr (NpConverter) converter =
    np_converter_new (to, phrases, own, error);
  if (!converter)
    return FALSE;
  for (guint i = 0; now && i < issue->articles->len; i++)
    np_convert (converter, to,
                ((NpArticle *) issue->articles->pdata[i])->doc, notes);
  if (now)
    np_convert_issue_fields (converter, issue);
  np_convert_layout_texts (converter, style, script);
  return TRUE;
}

NpPages *
np_typeset_issue (NpIssue *issue, const NpOptions *o, NpNotes *notes,
                  GError **error)
{
  NpOptions styled = *o;
  if (!o->layout && issue->layout)
    styled.layout = issue->layout;
  g_autoptr (NpStyle) style = np_load_style (&styled, error);
  if (!style) {
    if (styled.layout == issue->layout && issue->path) {
      g_autofree char *name = g_filename_display_name (issue->path);
      g_prefix_error (error, "%s: [issue] layout: ", name);
    }
    return NULL;
  }
  if (!np_edition_of_layout (issue, o, style, notes, error))
    return NULL;
  NpFonts *fonts[2] = { NULL, NULL };
  gboolean ok = TRUE;
  gboolean several = issue->articles->len > 1;
  for (guint i = 0; i < issue->articles->len && ok; i++) {
    NpArticle *a = g_ptr_array_index (issue->articles, i);
    guint before = notes->warnings->len;
    np_apply_emoji_policy (a->doc, o, style, notes);
    if (several)
      np_name_warnings (notes->warnings, before, a->name);
    NpScript own = a->doc->script;
    NpScript other = own == NP_SCRIPT_HANS ? NP_SCRIPT_HANT : NP_SCRIPT_HANS;
    if (!fonts[own])
      ok = (fonts[own] = np_load_fonts (o, style, own, fonts[other],
                                        error)) != NULL;
  }
  NpScript script = np_edition_script (issue);
  /* An edition for a region: its faces (HK) and its language. */
  const NpArticle *first = g_ptr_array_index (issue->articles, 0);
  for (guint i = 0; ok && i < 2; i++)
    if (fonts[i] && first->doc->language)
      np_fonts_set_language (fonts[i], first->doc->language);
  NpPages *pages = ok ? np_pages_new () : NULL;
  GPtrArray **photos =
    pages ? np_load_issue_photos (issue, style, pages, notes, error) : NULL;
  if (photos) {
    g_autoptr (NpStory) story =
      np_edition_new (issue, style, fonts, (const GPtrArray *const *) photos,
                      pages, notes->warnings);
    if (o->annotate)
      np_story_annotate (story,
                         ((NpArticle *) issue->articles->pdata[0])->doc,
                         style, fonts[script], pages);
    np_flow (story, style, fonts[script], pages);
    np_set_issue_metadata (pages, issue, style, &styled);
    for (guint i = 0; i < issue->articles->len; i++)
      if (photos[i])
        g_ptr_array_unref (photos[i]);
    g_free (photos);
  } else {
    g_clear_pointer (&pages, np_pages_free);
  }
  np_fonts_free (fonts[0]);
  np_fonts_free (fonts[1]);
  return pages;
}

/* The files the run reads: the issue file, each report (standard input
 * when it is "-"), the layout and the photos; the paths are newly
 * allocated.  Whatever cannot be found is left out: reading it fails
 * later, by name. */
static GArray *
np_inputs (const NpOptions *o, const NpIssue *issue)
{
  GArray *inputs = g_array_new (FALSE, FALSE, sizeof (NpInput));
  if (issue->path) {
    NpInput file = { "issue file", g_strdup (issue->path) };
    g_array_append_val (inputs, file);
  }
  for (guint i = 0; i < issue->articles->len; i++) {
    const NpArticle *a = g_ptr_array_index (issue->articles, i);
    NpInput report = { "report", g_strdup (strcmp (a->path, "-") == 0
                                             ? "/dev/stdin" : a->path) };
    g_array_append_val (inputs, report);
    g_autoptr (GPtrArray) photos =
      a->photos ? np_photos_list (a->photos, NULL) : NULL;
    for (guint k = 0; photos && k < photos->len; k++) {
      NpInput photo = { "photo",
                        g_build_filename (a->photos, photos->pdata[k], NULL) };
      g_array_append_val (inputs, photo);
    }
  }
  NpOptions styled = *o;
  if (!o->layout && issue->layout)
    styled.layout = issue->layout;
  NpInput layout = { "layout", np_find_layout (&styled, NULL) };
  if (layout.path)
    g_array_append_val (inputs, layout);
  const char *phrases = o->phrases ? o->phrases : issue->phrases;
  if (phrases) {
    NpInput file = { "phrase file", g_strdup (phrases) };
    g_array_append_val (inputs, file);
  }
  return inputs;
}

/* Refuses an output that would replace one of the run's inputs, before
 * any file is created: the PDF, or for proofs every page file the output
 * names, whatever the number of pages. */
static gboolean
np_check_output (const NpOptions *o, const NpIssue *issue, gboolean proofs,
                 GError **error)
{
  GArray *inputs = np_inputs (o, issue);
  const NpInput *in = (const NpInput *) inputs->data;
  gboolean ok = TRUE;
  /* "-" is standard output, which the shell may have opened on an input
   * (`-o - >>report.txt`): /dev/stdout names whatever it is. */
  if (!proofs)
    ok = np_output_check_inputs (
      strcmp (o->output, "-") == 0 ? "/dev/stdout" : o->output, in,
      inputs->len, error);
  g_autofree char *dir = g_path_get_dirname (o->output);
  GDir *folder = proofs ? g_dir_open (dir, 0, NULL) : NULL;
  for (const char *name; ok && folder && (name = g_dir_read_name (folder));)
    if (np_draw_is_page_name (o->output, name)) {
      g_autofree char *page = g_build_filename (dir, name, NULL);
      ok = np_output_check_inputs (page, in, inputs->len, error);
    }
  if (folder)
    g_dir_close (folder);
  for (guint i = 0; i < inputs->len; i++)
    g_free ((char *) in[i].path);
  g_array_free (inputs, TRUE);
  return ok;
}

/* The largest PNG proof page, in pixels: A4 at 1200 dpi and no more, so
 * that a large page at a high --dpi is refused before its memory is taken;
 * and Cairo's limit on either side. */
#define NP_MAX_PROOF_PIXELS 150e6
#define NP_MAX_PROOF_SIDE 32767.0

static gboolean
np_check_proof_size (const NpOptions *o, const NpPages *pages, double dpi,
                     GError **error)
{
  for (guint i = 0; i < pages->pages->len; i++) {
    const NpPage *page = g_ptr_array_index (pages->pages, i);
    double w = ceil (page->width * dpi / 72);
    double h = ceil (page->height * dpi / 72);
    if (w * h > NP_MAX_PROOF_PIXELS || w > NP_MAX_PROOF_SIDE ||
        h > NP_MAX_PROOF_SIDE) {
      g_autofree char *name = g_filename_display_name (o->output);
      g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                   "%s: a page of %.0f x %.0f pixels is too large a proof (the "
                   "limit is 150 megapixels, 32767 a side): lower --dpi",
                   name, w, h);
      return FALSE;
    }
  }
  return TRUE;
}

/* One proof file per page, all written before any is moved into place,
 * each closed once written (a proof may have thousands of pages);
 * `first` (page 1's, opened before layout) is used or freed. */
static gboolean
np_write_proofs (const NpOptions *o, const NpPages *pages, NpOutput *first,
                 GError **error)
{
  NpFormat format = np_draw_format (o->output);
  double dpi = o->dpi > 0 ? o->dpi : 150;
  if (format == NP_FORMAT_PNG && !np_check_proof_size (o, pages, dpi, error)) {
    np_output_abort (first);
    return FALSE;
  }
  guint n = pages->pages->len;
  NpOutput **outs = g_new0 (NpOutput *, n);
  outs[0] = first;
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < n; i++) {
    if (!outs[i]) {
      g_autofree char *path = np_draw_page_path (o->output, i + 1);
      outs[i] = np_output_open (path, error);
      ok = outs[i] != NULL;
    }
    if (ok)
      ok = format == NP_FORMAT_PNG
             ? np_draw_png (pages, i, dpi, outs[i], error)
             : np_draw_svg (pages, i, outs[i], error);
    if (ok)
      np_output_close (outs[i]);
  }
  for (guint i = 0; i < n; i++) {
    if (ok)
      ok = np_output_commit (outs[i], error);
    else
      np_output_abort (outs[i]);
  }
  g_free (outs);
  return ok;
}

gboolean
np_render (const NpOptions *o, NpNotes *notes, GError **error)
{
  gboolean proofs = np_draw_format (o->output) != NP_FORMAT_PDF;
  g_autoptr (NpIssue) issue = np_issue_from_options (o, error);
  if (!issue || !np_check_output (o, issue, proofs, error))
    return FALSE;
  g_autofree char *target = proofs ? np_draw_page_path (o->output, 1)
                                   : g_strdup (o->output);
  NpOutput *out = np_output_open (target, error);
  if (!out)
    return FALSE;
  g_autoptr (NpPages) pages =
    np_read_issue (issue, o, notes, error)
      ? np_typeset_issue (issue, o, notes, error) : NULL;
  if (!pages) {
    np_output_abort (out);
    return FALSE;
  }
  notes->pages = pages->pages->len;
  if (proofs)
    return np_write_proofs (o, pages, out, error);
  NpPress press = { .bleed = o->bleed, .crop_marks = o->crop_marks };
  if (!np_draw_pdf (pages, &press, out, error)) {
    np_output_abort (out);
    return FALSE;
  }
  return np_output_commit (out, error);
}
