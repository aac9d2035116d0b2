/* main.c: command line only: options in, exit code out.  --watch's loop
 * of renders is here too: it only calls the engine again.
 *
 * Exit codes follow sysexits.h: 64 usage, 65 bad input data, 66 cannot open
 * input, 70 internal error, 73 cannot create output.
 */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <gio/gio.h>
#include <glib-unix.h>

#include "newsprint.h"

#define NP_LICENSE_NOTE                                                        \
  "Copyright (c) The newsprint authors.  MIT License: free to use, change\n"   \
  "and share; no warranty.  See the LICENSE file."

enum {
  NP_EXIT_OK = 0,
  NP_EXIT_USAGE = 64,
  NP_EXIT_DATA = 65,
  NP_EXIT_NO_INPUT = 66,
  NP_EXIT_INTERNAL = 70,
  NP_EXIT_CANT_CREATE = 73,
};

typedef struct {
  char *output;
  char *layout;
  char *title;
  char *issue;
  char *date;
  gboolean dump_structure;
  gboolean keep_punctuation;
  gboolean verbose;
  char *emoji;
  char *encoding;
  char *to;
  char *phrases;
  char *photos;
  double dpi;
  char *bleed;
  gboolean crop_marks;
  gboolean annotate;
  gboolean version;
  gboolean list_layouts;
  char *print_layout;
  gboolean watch;
  char **inputs;
} NpArgs;

static int
np_exit_code (const GError *error)
{
  if (error->domain != NP_ERROR)
    return NP_EXIT_INTERNAL;
  switch ((NpErrorCode) error->code) {
  case NP_ERROR_USAGE:
    return NP_EXIT_USAGE;
  case NP_ERROR_DATA:
    return NP_EXIT_DATA;
  case NP_ERROR_NO_INPUT:
    return NP_EXIT_NO_INPUT;
  case NP_ERROR_OUTPUT:
    return NP_EXIT_CANT_CREATE;
  case NP_ERROR_INTERNAL:
    break;
  }
  return NP_EXIT_INTERNAL;
}

static int
np_fail (GError *error)
{
  int code = np_exit_code (error);
  fprintf (stderr, "newsprint: %s\n", error->message);
  g_error_free (error);
  return code;
}

#define NP_HELP_DESCRIPTION                                                    \
  "REPORT - reads standard input (then -o is needed).  Without -o the PDF\n"   \
  "is written beside REPORT, with the extension .pdf.  -o page.png writes\n"   \
  "PNG proofs and -o page.svg SVG proofs, one file per page: page-1.png,\n"    \
  "page-2.png, ...\n"                                                          \
  "\n"                                                                         \
  "Several REPORTs make one issue of the newsletter, in that order (-o is\n"   \
  "needed).  An issue file (ISSUE.ini, see examples/issue.ini) names the\n"    \
  "issue's reports, number, date and publisher: newsprint ISSUE.ini.\n"        \
  "\n"                                                                         \
  "Environment:\n"                                                             \
  "  NEWSPRINT_DATADIR   a folder with layouts/ and fonts/, searched first\n"  \
  "  XDG_DATA_HOME       your own layouts, in $XDG_DATA_HOME/newsprint/\n"     \
  "                      layouts (default ~/.local/share)\n"                   \
  "  XDG_DATA_DIRS       system folders searched for newsprint/layouts\n"      \
  "  SOURCE_DATE_EPOCH   the PDF's dates, for byte-identical output\n"         \
  "\n"                                                                         \
  "Exit status: 0 done, 64 usage error, 65 bad report or layout, 66 cannot\n"  \
  "read the report or find the layout, 70 internal error (a font missing),\n"  \
  "73 cannot create the output.  See newsprint(1).\n"

/* The text of --title, --issue or --date as UTF-8.  They are taken as
 * bytes, since GLib would convert them from the locale's encoding and the
 * C locale of cron jobs and containers refuses every Chinese character:
 * converted here when the locale's encoding is another, else kept when
 * UTF-8. */
static gboolean
np_option_text (char **value, const char *name, GError **error)
{
  const char *charset;
  if (!*value)
    return TRUE;
  if (!g_get_charset (&charset)) {
    char *converted = g_locale_to_utf8 (*value, -1, NULL, NULL, NULL);
    if (converted) {
      g_free (*value);
      *value = converted;
    }
  }
  if (!g_utf8_validate (*value, -1, NULL)) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "--%s: not text in UTF-8 or in the locale's encoding (%s)",
                 name, charset);
    return FALSE;
  }
  return TRUE;
}

/* Several reports make one issue: each is a file, the output is named,
 * and what belongs to one report is given in an issue file instead. */
static gboolean
np_check_several (const NpArgs *a, GError **error)
{
  const char *why = NULL;
  for (guint i = 0; a->inputs[i] && !why; i++) {
    if (strcmp (a->inputs[i], "-") == 0)
      why = "- (standard input) is a report of its own, not one of several";
    else if (np_issue_is_file (a->inputs[i]))
      why = "an issue file is given alone: it names its reports itself";
  }
  if (!why && !a->output && !a->dump_structure)
    why = "-o is needed with several reports";
  else if (!why && a->title)
    why = "--title names one report's headline: with several, give each "
          "its title in an issue file";
  else if (!why && a->photos)
    why = "--photos is one report's photo folder: with several, give each "
          "its photos in an issue file";
  if (why)
    g_set_error_literal (error, NP_ERROR, NP_ERROR_USAGE, why);
  return why == NULL;
}

/* PNG proofs: a screen's resolution at least, a fine print's at most. */
#define NP_DEFAULT_DPI 150.0
#define NP_MIN_DPI 10.0
#define NP_MAX_DPI 1200.0

static gboolean
np_parse_args (int *argc, char ***argv, NpArgs *a, GError **error)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
      "Write the PDF to FILE (- for standard output)", "FILE" },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &a->layout,
      "Layout name (see --list-layouts) or .ini file [bulletin]", "NAME|FILE" },
    { "list-layouts", 0, 0, G_OPTION_ARG_NONE, &a->list_layouts,
      "List the layouts found, each with its file, and exit", NULL },
    { "print-layout", 0, 0, G_OPTION_ARG_STRING, &a->print_layout,
      "Print a layout file, to copy and edit, and exit", "NAME|FILE" },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &a->title,
      "Headline, instead of the one read from the report", "TEXT" },
    { "issue", 0, 0, G_OPTION_ARG_FILENAME, &a->issue,
      "Issue line, e.g. \"第 12 期\"", "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &a->date,
      "Date, instead of the one read from the report", "TEXT" },
    { "dump-structure", 0, 0, G_OPTION_ARG_NONE, &a->dump_structure,
      "Print what the report was read as (JSON) and exit", NULL },
    { "keep-punctuation", 0, 0, G_OPTION_ARG_NONE, &a->keep_punctuation,
      "Leave ASCII , : ; ! ? ( ) and full-width letters and digits in Chinese "
      "text as they are", NULL },
    { "emoji", 0, 0, G_OPTION_ARG_STRING, &a->emoji,
      "keep (with a warning) or strip emoji [as the layout says: keep]",
      "keep|strip" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &a->encoding,
      "The report's encoding (GB18030, BIG5, UTF-16…) [detected]", "NAME" },
    { "photos", 0, 0, G_OPTION_ARG_FILENAME, &a->photos,
      "Fill the photo frames with the pictures in DIR", "DIR" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &a->to,
      "Print in this edition, converting the text with OpenCC [the "
      "report's own script]", "zh-Hans|zh-Hant|zh-TW|zh-HK" },
    { "phrases", 0, 0, G_OPTION_ARG_FILENAME, &a->phrases,
      "Phrases the edition must print as FILE says (from<TAB>to lines)",
      "FILE" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &a->dpi,
      "Resolution of PNG proofs (-o page.png) [150]", "N" },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &a->bleed,
      "Bleed beyond the trimmed page, e.g. 3mm", "LENGTH" },
    { "crop-marks", 0, 0, G_OPTION_ARG_NONE, &a->crop_marks,
      "Draw trim marks outside the page", NULL },
    { "annotate", 0, 0, G_OPTION_ARG_NONE, &a->annotate,
      "Write in the margin how each block was read (a proof)", NULL },
    { "watch", 0, 0, G_OPTION_ARG_NONE, &a->watch,
      "Render again whenever the report, layout or a photo changes", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &a->verbose,
      "Tell what was changed in the text", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &a->version,
      "Print the version and the licence, and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->inputs,
      NULL, "REPORT..." },
    { NULL },
  };
  /* No parameter string: the REPORT of the remaining arguments already
   * names the operand in the usage line. */
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (
    ctx, "Typesets a plain-text Chinese news report as an A4 newsletter PDF.");
  g_option_context_set_description (ctx, NP_HELP_DESCRIPTION);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, argc, argv, error)) {
    (*error)->domain = NP_ERROR;
    (*error)->code = NP_ERROR_USAGE;
    return FALSE;
  }
  if (a->version || a->list_layouts || a->print_layout)
    return TRUE;
  if (!np_option_text (&a->title, "title", error) ||
      !np_option_text (&a->issue, "issue", error) ||
      !np_option_text (&a->date, "date", error))
    return FALSE;
  if (a->emoji && strcmp (a->emoji, "keep") != 0 &&
      strcmp (a->emoji, "strip") != 0) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "--emoji takes keep or strip, not '%s'", a->emoji);
    return FALSE;
  }
  /* NaN fails both comparisons. */
  if (!(a->dpi >= NP_MIN_DPI && a->dpi <= NP_MAX_DPI)) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "--dpi takes a number from %d to %d", (int) NP_MIN_DPI,
                 (int) NP_MAX_DPI);
    return FALSE;
  }
  if (a->output && !*a->output) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "-o takes a file name (- for standard output)");
    return FALSE;
  }
  if (!a->inputs || !a->inputs[0]) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "expected a REPORT (try --help)");
    return FALSE;
  }
  for (guint i = 0; a->inputs[i]; i++)
    if (!*a->inputs[i]) {
      g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                   "REPORT is an empty name (- reads standard input)");
      return FALSE;
    }
  if (a->inputs[1] && !np_check_several (a, error))
    return FALSE;
  if (a->watch && (strcmp (a->inputs[0], "-") == 0 ||
                   !g_strcmp0 (a->output, "-") || a->dump_structure)) {
    g_set_error_literal (error, NP_ERROR, NP_ERROR_USAGE,
                         "--watch needs a REPORT file and an output file "
                         "(not -, nor --dump-structure)");
    return FALSE;
  }
  return TRUE;
}

/* REPORT with its extension replaced by .pdf. */
static char *
np_default_output (const char *input, GError **error)
{
  if (strcmp (input, "-") == 0) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "-o is needed when the report comes from standard input");
    return NULL;
  }
  const char *slash = strrchr (input, '/');
  const char *dot = strrchr (input, '.');
  gsize stem = (dot && (!slash || dot > slash + 1)) ? (gsize) (dot - input)
                                                    : strlen (input);
  return g_strdup_printf ("%.*s.pdf", (int) stem, input);
}

static void
np_args_clear (NpArgs *a)
{
  g_free (a->output);
  g_free (a->layout);
  g_free (a->title);
  g_free (a->issue);
  g_free (a->date);
  g_free (a->emoji);
  g_free (a->encoding);
  g_free (a->to);
  g_free (a->phrases);
  g_free (a->photos);
  g_free (a->bleed);
  g_free (a->print_layout);
  g_strfreev (a->inputs);
}

/* The last second a GDateTime holds: 9999-12-31T23:59:59Z. */
#define NP_LAST_SECOND G_GUINT64_CONSTANT (253402300799)

/* SOURCE_DATE_EPOCH, the reproducible-builds convention: the PDF's dates
 * as whole seconds since 1970, which fix every byte of the file.  Unset or
 * empty: NULL, the time of writing.  Anything else is refused rather than
 * read as 1970. */
static gboolean
np_source_date (GDateTime **when, GError **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds = 0;
  *when = NULL;
  if (!epoch || !*epoch)
    return TRUE;
  if (!g_ascii_string_to_unsigned (epoch, 10, 0, NP_LAST_SECOND, &seconds,
                                   NULL)) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "SOURCE_DATE_EPOCH: must be a whole number of seconds since "
                 "1970 from 0 to %" G_GUINT64_FORMAT " (got '%s')",
                 NP_LAST_SECOND, epoch);
    return FALSE;
  }
  *when = g_date_time_new_from_unix_utc ((gint64) seconds);
  return TRUE;
}

/* Bleed beyond the trim, in points: printers ask for 3 to 5 mm; more than
 * an inch is surely a slip. */
#define NP_MAX_BLEED 72.0

/* "3mm", "0.125in", "8.5pt": --bleed, read as layouts read lengths. */
static gboolean
np_parse_bleed (const char *text, double *points, GError **error)
{
  g_autofree char *why = NULL;
  if (np_style_parse_length (text, 0, NP_MAX_BLEED, points, &why))
    return TRUE;
  g_set_error (error, NP_ERROR, NP_ERROR_USAGE, "--bleed: %s (got '%s')", why,
               text);
  return FALSE;
}

static int
np_dump (const NpOptions *o, NpNotes *notes, GError **error)
{
  if (o->inputs || np_issue_is_file (o->input)) {
    g_autoptr (NpIssue) issue = np_issue_from_options (o, error);
    if (!issue || !np_read_issue (issue, o, notes, error))
      return -1;
    g_autofree char *json = np_issue_to_json (issue);
    fputs (json, stdout);
    return NP_EXIT_OK;
  }
  g_autoptr (NpDocument) doc = np_read (o, notes, error);
  if (!doc)
    return -1;
  g_autofree char *json = np_document_to_json (doc);
  fputs (json, stdout);
  return NP_EXIT_OK;
}

static int
np_typeset_file (const NpArgs *a, NpOptions *o, NpNotes *notes,
                 GError **error)
{
  g_autofree char *output = a->output ? g_strdup (a->output)
                                      : np_default_output (o->input, error);
  if (!output)
    return -1;
  o->output = output;
  gboolean ok = np_render (o, notes, error);
  o->output = NULL;
  return ok ? NP_EXIT_OK : -1;
}

static void
np_print_notes (const NpArgs *a, const NpOptions *o, const NpNotes *notes)
{
  const char *name = strcmp (o->input, "-") == 0 ? "stdin" : o->input;
  /* Several reports: each warning names its own. */
  for (guint i = 0; i < notes->warnings->len; i++)
    fprintf (stderr, "newsprint: %s%s%s\n", o->inputs ? "" : name,
             o->inputs ? "" : ": ", (const char *) notes->warnings->pdata[i]);
  if (a->verbose)
    fprintf (stderr, "newsprint: %s: %u ASCII punctuation marks set "
             "full-width, %u emoji removed\n", name, notes->marks_widened,
             notes->emoji_stripped);
  if (a->verbose)
    fprintf (stderr, "newsprint: %s: %u full-width letters and digits set "
             "half-width\n", name, notes->latin_narrowed);
  if (a->verbose && notes->edition)
    fprintf (stderr, "newsprint: %s: converted to %s: %u characters "
             "changed, %u phrases from the phrase file\n", name,
             notes->edition, notes->chars_converted, notes->phrases_used);
}

/* --watch: a render after each change, for an editor who keeps the PDF
 * open beside the text. */
typedef struct {
  const NpArgs *args;
  NpOptions *options;
  char *output; /* the output as -o or the default names it */
  GMainLoop *loop;
  GPtrArray *monitors; /* of GFileMonitor, one per watched path */
  char **watched;      /* the watched paths, to see when they change */
  guint pending;       /* the debounce timeout, or 0 */
} NpWatch;

/* An editor's save is several events (truncate, write, rename, a backup):
 * wait this long after the last one before rendering. */
#define NP_WATCH_DEBOUNCE_MS 200

static void np_watch_files (NpWatch *w);

static void
np_watch_render (NpWatch *w)
{
  GError *error = NULL;
  NpNotes notes;
  np_notes_init (&notes);
  gint64 start = g_get_monotonic_time ();
  int code = np_typeset_file (w->args, w->options, &notes, &error);
  double seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  np_print_notes (w->args, w->options, &notes);
  if (code == NP_EXIT_OK)
    fprintf (stderr, "newsprint: wrote %s (%u page%s) in %.2f s\n", w->output,
             notes.pages, notes.pages == 1 ? "" : "s", seconds);
  else
    np_fail (error);
  np_notes_clear (&notes);
  /* The layout may now be another file (one was added to a data folder). */
  np_watch_files (w);
}

static gboolean
np_watch_fire (gpointer data)
{
  NpWatch *w = data;
  w->pending = 0;
  np_watch_render (w);
  return G_SOURCE_REMOVE;
}

static void
np_watch_changed (GFileMonitor *monitor, GFile *file, GFile *other,
                  GFileMonitorEvent event, gpointer data)
{
  (void) monitor;
  (void) file;
  (void) other;
  NpWatch *w = data;
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  if (w->pending)
    g_source_remove (w->pending);
  w->pending = g_timeout_add (NP_WATCH_DEBOUNCE_MS, np_watch_fire, w);
}

/* In the photo folder, the output's own files (bulletin.pdf, its hidden
 * temporary file, the proofs bulletin-1.png ...) are no change to render:
 * rendering on them would never stop. */
static void
np_watch_photos_changed (GFileMonitor *monitor, GFile *file, GFile *other,
                         GFileMonitorEvent event, gpointer data)
{
  NpWatch *w = data;
  g_autofree char *name = g_file_get_basename (file);
  if (name[0] != '.' && !np_is_output_file (w->output, name))
    np_watch_changed (monitor, file, other, event, data);
}

/* Watches the report, the layout file and the photo folder, anew when
 * that list has changed. */
static void
np_watch_files (NpWatch *w)
{
  GPtrArray *paths = g_ptr_array_new ();
  g_autoptr (NpIssue) issue = np_issue_from_options (w->options, NULL);
  if (!issue || issue->path)
    g_ptr_array_add (paths, g_strdup (w->options->input));
  for (guint i = 0; issue && i < issue->articles->len; i++) {
    const NpArticle *article = g_ptr_array_index (issue->articles, i);
    g_ptr_array_add (paths, g_strdup (article->path));
    if (article->photos)
      g_ptr_array_add (paths, g_strdup (article->photos));
  }
  char *layout = np_find_layout (w->options, NULL);
  if (layout)
    g_ptr_array_add (paths, layout);
  const char *phrases = w->options->phrases ? w->options->phrases
                        : issue && issue->phrases ? issue->phrases
                                                  : NULL;
  if (phrases)
    g_ptr_array_add (paths, g_strdup (phrases));
  g_ptr_array_add (paths, NULL);
  g_auto (GStrv) now = (char **) g_ptr_array_free (paths, FALSE);
  if (w->watched && g_strv_equal ((const char *const *) now,
                                  (const char *const *) w->watched))
    return;
  g_ptr_array_set_size (w->monitors, 0);
  for (guint i = 0; now[i]; i++) {
    g_autoptr (GFile) file = g_file_new_for_path (now[i]);
    gboolean dir = g_file_test (now[i], G_FILE_TEST_IS_DIR);
    GFileMonitor *monitor =
      dir ? g_file_monitor_directory (file, G_FILE_MONITOR_NONE, NULL, NULL)
          : g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
    if (!monitor)
      continue;
    g_signal_connect (monitor, "changed",
                      dir ? G_CALLBACK (np_watch_photos_changed)
                          : G_CALLBACK (np_watch_changed),
                      w);
    g_ptr_array_add (w->monitors, monitor);
  }
  g_strfreev (w->watched);
  w->watched = g_steal_pointer (&now);
}

static gboolean
np_watch_quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

/* Renders, then again after each change, until SIGINT or SIGTERM: then
 * returns 0, as ending the watch is how it is meant to end. */
static int
np_watch (const NpArgs *a, NpOptions *o)
{
  GError *error = NULL;
  NpWatch w = { .args = a, .options = o };
  w.output =
    a->output ? g_strdup (a->output) : np_default_output (o->input, &error);
  if (!w.output)
    return np_fail (error);
  w.loop = g_main_loop_new (NULL, FALSE);
  w.monitors = g_ptr_array_new_with_free_func (g_object_unref);
  guint sigint = g_unix_signal_add (SIGINT, np_watch_quit, w.loop);
  guint sigterm = g_unix_signal_add (SIGTERM, np_watch_quit, w.loop);
  np_watch_render (&w);
  g_main_loop_run (w.loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (w.pending)
    g_source_remove (w.pending);
  g_ptr_array_unref (w.monitors);
  g_strfreev (w.watched);
  g_main_loop_unref (w.loop);
  g_free (w.output);
  return NP_EXIT_OK;
}

static int
np_run (NpArgs *a)
{
  GError *error = NULL;
  g_auto (GStrv) dirs = np_data_dirs ();
  NpOptions o = { .input = a->inputs[0],
                  .inputs = a->inputs[1] ? (const char *const *) a->inputs
                                         : NULL,
                  .layout = a->layout,
                  .title = a->title, .issue = a->issue, .date = a->date,
                  .datadirs = (const char *const *) dirs,
                  .keep_punctuation = a->keep_punctuation,
                  .emoji = !a->emoji                        ? NP_EMOJI_LAYOUT
                           : strcmp (a->emoji, "strip") == 0 ? NP_EMOJI_STRIP
                                                             : NP_EMOJI_KEEP,
                  .encoding = a->encoding, .photos = a->photos,
                  .dpi = a->dpi, .crop_marks = a->crop_marks,
                  .annotate = a->annotate, .phrases = a->phrases };
  if (a->bleed && !np_parse_bleed (a->bleed, &o.bleed, &error))
    return np_fail (error);
  if (a->to && !np_variant_parse (a->to, &o.to))
    return np_fail (g_error_new (NP_ERROR, NP_ERROR_USAGE,
                                 "--to takes %s, not '%s'", np_variant_names,
                                 a->to));
  g_autoptr (GDateTime) created = NULL;
  if (!np_source_date (&created, &error))
    return np_fail (error);
  o.created = created;
  if (a->watch)
    return np_watch (a, &o);
  NpNotes notes;
  np_notes_init (&notes);
  int code = a->dump_structure ? np_dump (&o, &notes, &error)
                               : np_typeset_file (a, &o, &notes, &error);
  np_print_notes (a, &o, &notes);
  np_notes_clear (&notes);
  return code == NP_EXIT_OK ? code : np_fail (error);
}

/* Each layout -l NAME can take, with its file; a layout of the same name
 * in a folder searched later is marked, as -l never reaches it. */
static int
np_list_layouts_run (void)
{
  g_auto (GStrv) dirs = np_data_dirs ();
  g_autoptr (GPtrArray) list = np_list_layouts ((const char *const *) dirs);
  for (guint i = 0; i < list->len; i++) {
    const NpLayoutInfo *info = list->pdata[i];
    printf ("%s\t%s%s\n", info->name, info->path,
            info->shadowed ? "\t(shadowed)" : "");
  }
  return NP_EXIT_OK;
}

/* The layout file -l NAME would read, as it is: the start of one's own. */
static int
np_print_layout_run (const char *name)
{
  GError *error = NULL;
  g_auto (GStrv) dirs = np_data_dirs ();
  NpOptions o = { .layout = name, .datadirs = (const char *const *) dirs };
  g_autoptr (GBytes) layout = np_read_layout (&o, &error);
  if (!layout)
    return np_fail (error);
  gsize length = 0;
  const void *text = g_bytes_get_data (layout, &length);
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    return np_fail (g_error_new (NP_ERROR, NP_ERROR_OUTPUT,
                                 "stdout: cannot write the layout"));
  return NP_EXIT_OK;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* Numbers in messages quote layout files and options, which are written
   * with a full stop in every locale ("0.5pt", not "0,5pt"). */
  setlocale (LC_NUMERIC, "C");
  NpArgs a = { .dpi = NP_DEFAULT_DPI };
  GError *error = NULL;
  int code;
  if (!np_parse_args (&argc, &argv, &a, &error))
    code = np_fail (error);
  else if (a.version) {
    printf ("newsprint %s\n%s\n", NP_VERSION, NP_LICENSE_NOTE);
    code = NP_EXIT_OK;
  } else if (a.list_layouts)
    code = np_list_layouts_run ();
  else if (a.print_layout)
    code = np_print_layout_run (a.print_layout);
  else
    code = np_run (&a);
  np_args_clear (&a);
  return code;
}
