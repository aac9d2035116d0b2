/* main.c: command line only: options in, exit code out.
 *
 * Exit codes follow sysexits.h: 64 usage, 65 bad input data, 66 cannot open
 * input, 70 internal error, 73 cannot create output.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "newsprint.h"

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
  char *photos;
  double dpi;
  char *bleed;
  gboolean crop_marks;
  gboolean annotate;
  gboolean version;
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

static gboolean
np_parse_args (int *argc, char ***argv, NpArgs *a, GError **error)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
      "Write the PDF to FILE (- for standard output)", "FILE" },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &a->layout,
      "Layout name (in layouts/) or .ini file [bulletin]", "NAME|FILE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &a->title,
      "Headline, instead of the one read from the report", "TEXT" },
    { "issue", 0, 0, G_OPTION_ARG_STRING, &a->issue,
      "Issue line, e.g. \"第 12 期\"", "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &a->date,
      "Date, instead of the one read from the report", "TEXT" },
    { "dump-structure", 0, 0, G_OPTION_ARG_NONE, &a->dump_structure,
      "Print what the report was read as (JSON) and exit", NULL },
    { "keep-punctuation", 0, 0, G_OPTION_ARG_NONE, &a->keep_punctuation,
      "Leave ASCII , : ; ! ? ( ) in Chinese text as they are", NULL },
    { "emoji", 0, 0, G_OPTION_ARG_STRING, &a->emoji,
      "keep (with a warning) or strip emoji [as the layout says: keep]",
      "keep|strip" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &a->encoding,
      "The report's encoding (GB18030, BIG5, UTF-16…) [detected]", "NAME" },
    { "photos", 0, 0, G_OPTION_ARG_FILENAME, &a->photos,
      "Fill the photo frames with the pictures in DIR", "DIR" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &a->dpi,
      "Resolution of PNG proofs (-o page.png) [150]", "N" },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &a->bleed,
      "Bleed beyond the trimmed page, e.g. 3mm", "LENGTH" },
    { "crop-marks", 0, 0, G_OPTION_ARG_NONE, &a->crop_marks,
      "Draw trim marks outside the page", NULL },
    { "annotate", 0, 0, G_OPTION_ARG_NONE, &a->annotate,
      "Write in the margin how each block was read (a proof)", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &a->verbose,
      "Tell what was changed in the text", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &a->version,
      "Print the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->inputs,
      NULL, "REPORT" },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("REPORT");
  g_option_context_set_summary (
    ctx, "Typesets a plain-text Chinese news report as an A4 newsletter PDF.");
  g_option_context_set_description (
    ctx, "REPORT - reads standard input.  Without -o the PDF is written\n"
         "beside REPORT, with the extension .pdf.\n");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, argc, argv, error)) {
    (*error)->domain = NP_ERROR;
    (*error)->code = NP_ERROR_USAGE;
    return FALSE;
  }
  if (a->version)
    return TRUE;
  if (a->emoji && strcmp (a->emoji, "keep") != 0 &&
      strcmp (a->emoji, "strip") != 0) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "--emoji takes keep or strip, not '%s'", a->emoji);
    return FALSE;
  }
  if (a->output && !*a->output) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "-o takes a file name (- for standard output)");
    return FALSE;
  }
  if (!a->inputs || !a->inputs[0] || a->inputs[1]) {
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "expected one REPORT (try --help)");
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
  g_free (a->photos);
  g_free (a->bleed);
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

/* "3mm", "0.125in", "8.5pt": a length for --bleed, in points. */
static gboolean
np_parse_length (const char *text, double *points, GError **error)
{
  static const struct {
    const char *unit;
    double points;
  } units[] = { { "mm", 72 / 25.4 }, { "cm", 72 / 2.54 }, { "in", 72 },
                { "pt", 1 } };
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  for (guint i = 0; end != text && i < G_N_ELEMENTS (units); i++)
    if (strcmp (end, units[i].unit) == 0 && value >= 0 && value <= 100) {
      *points = value * units[i].points;
      return TRUE;
    }
  g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
               "--bleed takes a length such as 3mm, not '%s'", text);
  return FALSE;
}

static int
np_dump (const NpOptions *o, NpNotes *notes, GError **error)
{
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
  for (guint i = 0; i < notes->warnings->len; i++)
    fprintf (stderr, "newsprint: %s: %s\n", name,
             (const char *) notes->warnings->pdata[i]);
  if (a->verbose)
    fprintf (stderr, "newsprint: %s: %u ASCII punctuation marks set "
             "full-width, %u emoji removed\n", name, notes->marks_widened,
             notes->emoji_stripped);
}

static int
np_run (NpArgs *a)
{
  GError *error = NULL;
  g_auto (GStrv) dirs = np_data_dirs ();
  NpOptions o = { .input = a->inputs[0], .layout = a->layout,
                  .title = a->title, .issue = a->issue, .date = a->date,
                  .datadirs = (const char *const *) dirs,
                  .keep_punctuation = a->keep_punctuation,
                  .emoji = !a->emoji                        ? NP_EMOJI_LAYOUT
                           : strcmp (a->emoji, "strip") == 0 ? NP_EMOJI_STRIP
                                                             : NP_EMOJI_KEEP,
                  .encoding = a->encoding, .photos = a->photos,
                  .dpi = a->dpi, .crop_marks = a->crop_marks,
                  .annotate = a->annotate };
  if (a->bleed && !np_parse_length (a->bleed, &o.bleed, &error))
    return np_fail (error);
  g_autoptr (GDateTime) created = NULL;
  if (!np_source_date (&created, &error))
    return np_fail (error);
  o.created = created;
  NpNotes notes;
  np_notes_init (&notes);
  int code = a->dump_structure ? np_dump (&o, &notes, &error)
                               : np_typeset_file (a, &o, &notes, &error);
  np_print_notes (a, &o, &notes);
  np_notes_clear (&notes);
  return code == NP_EXIT_OK ? code : np_fail (error);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  NpArgs a = { 0 };
  GError *error = NULL;
  int code;
  if (!np_parse_args (&argc, &argv, &a, &error))
    code = np_fail (error);
  else if (a.version) {
    printf ("newsprint %s\n", NP_VERSION);
    code = NP_EXIT_OK;
  } else
    code = np_run (&a);
  np_args_clear (&a);
  return code;
}
