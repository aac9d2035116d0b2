/* newsprint.h: the engine's entry points, the whole pipeline in one call.
 *
 *   source -> report -> style -> fonts -> story/shape -> flow -> draw
 *
 * The command line (main.c) and the tests call these; each stage also has
 * its own header for finer use.
 */
#ifndef NP_NEWSPRINT_H
#define NP_NEWSPRINT_H

#include "document.h"
#include "issue.h"
#include "error.h"
#include "page.h"
#include "style.h"

G_BEGIN_DECLS

typedef enum {
  NP_EMOJI_LAYOUT, /* as the layout says ([text] emoji, keep by default) */
  NP_EMOJI_KEEP,   /* keep them, with one warning */
  NP_EMOJI_STRIP,  /* remove them */
} NpEmojiPolicy;

typedef struct {
  const char *input;   /* report path, "-" for standard input; or an issue
                          file (np_issue_is_file) */
  const char *const *inputs; /* several reports (NULL-terminated), set one
                                after another as one issue; NULL: `input`
                                alone */
  const char *output;  /* PDF path, "-" for standard output */
  const char *layout;  /* layout name or file; NULL: "bulletin" */
  const char *title;   /* overrides of what the report says; may be NULL */
  const char *issue;
  const char *date;
  const char *const *datadirs; /* folders with layouts/ and fonts/, in order */
  gboolean keep_punctuation;   /* leave ASCII marks in Chinese text alone */
  NpEmojiPolicy emoji;         /* what to do with emoji in the report */
  const char *encoding;        /* the report's encoding; NULL detects it */
  const char *photos;          /* folder of photos for the frames, or NULL */
  NpVariant to;                /* the edition to print in (--to), or
                                  NP_VARIANT_NONE: the issue file's, the
                                  layout's, else the report's own script */
  const char *phrases;         /* a phrase file for the edition, or NULL */
  double dpi;                  /* PNG proofs: resolution (0: 150) */
  double bleed;                /* points of bleed beyond the trim, 0: none */
  gboolean crop_marks;         /* draw trim marks outside the page */
  gboolean annotate;           /* write how each block was read in the
                                  margin (a proof for the editor) */
  GDateTime *created;          /* the PDF's dates (SOURCE_DATE_EPOCH), or
                                  NULL: the time of writing */
} NpOptions;

/* What a run has to tell besides its result. */
typedef struct {
  GPtrArray *warnings;  /* of char*: "line N: what is odd", owned */
  guint marks_widened;  /* ASCII marks set full-width */
  guint latin_narrowed; /* full-width letters and digits set as ASCII */
  guint emoji_stripped; /* emoji sequences removed */
  guint pages;          /* pages written by np_render */
  const char *edition;  /* the edition converted to ("zh-Hans"), or NULL */
  guint chars_converted; /* characters the edition changed */
  guint phrases_used;   /* phrases of the phrase file put in */
} NpNotes;

void np_notes_init (NpNotes *notes);
void np_notes_clear (NpNotes *notes);

/* Folders searched for layouts/ and fonts/, each once, in order:
 * $NEWSPRINT_DATADIR; the source tree, for a binary run from its build
 * tree; $XDG_DATA_HOME/newsprint; newsprint/ in each of $XDG_DATA_DIRS;
 * share/newsprint beside the running binary; the configured install
 * prefix's share/newsprint.  Newly allocated. */
char **np_data_dirs (void);

/* Resolves options->layout (NULL: "bulletin") as --layout does: a file,
 * else NAME.ini in the layouts/ of each data folder.  Returns a newly
 * allocated path, or NULL with NP_ERROR_NO_INPUT. */
char *np_find_layout (const NpOptions *options, GError **error);

/* Whether `name` (a file name, no folder) is one that a render to
 * `output` writes: the file itself, or a proof page of it (out.png ->
 * out-1.png, out-2.png…). */
gboolean np_is_output_file (const char *output, const char *name);

/* The bytes of the layout file np_find_layout () finds, read as layouts
 * are: a regular file of at most NP_STYLE_MAX_FILE bytes.  Returns them
 * newly allocated, or NULL with NP_ERROR_NO_INPUT or NP_ERROR_DATA. */
GBytes *np_read_layout (const NpOptions *options, GError **error);

/* A layout file found in a data folder. */
typedef struct {
  char *name;        /* "bulletin" */
  char *path;        /* ".../layouts/bulletin.ini" */
  guint rank;        /* index of its data folder in the search order */
  gboolean shadowed; /* an earlier folder has a layout of the same name */
} NpLayoutInfo;

/* Every NAME.ini in the layouts/ of `datadirs`, sorted by name and, for
 * one name, in search order.  Returns a GPtrArray of NpLayoutInfo that
 * owns its elements. */
GPtrArray *np_list_layouts (const char *const *datadirs);

/* Reads and decodes the report, widens its punctuation and narrows its
 * full-width letters and digits (unless keep_punctuation), strips emoji
 * when the options say so (the layout's policy is applied by np_typeset)
 * and applies the overrides.  The warnings of decoding (control
 * characters, a doubtful encoding) and of the document go into `notes`. */
NpDocument *np_read (const NpOptions *options, NpNotes *notes,
                     GError **error);

/* Typesets a document into pages, as an issue of one report
 * (np_typeset_issue), after applying the emoji policy and the layout's
 * edition to it (which may change its text).  Kept emoji and missing
 * glyphs add warnings to `notes`. */
NpPages *np_typeset (NpDocument *doc, const NpOptions *options,
                     NpNotes *notes, GError **error);

/* The issue the options name: an issue file (`input` ending in .ini),
 * or the reports of `inputs` (or `input`) in order, with --issue and
 * --date as its number and date.  Reads nothing but the issue file. */
NpIssue *np_issue_from_options (const NpOptions *options, GError **error);

/* Reads every article of `issue` as np_read reads a report (each with its
 * own encoding, title and the options' punctuation and emoji settings).
 * Warnings go into `notes`, each naming its report when there are
 * several. */
gboolean np_read_issue (NpIssue *issue, const NpOptions *options,
                        NpNotes *notes, GError **error);

/* Typesets a read issue into pages: one report under its own head,
 * several one after another under the issue's head (edition.h). */
NpPages *np_typeset_issue (NpIssue *issue, const NpOptions *options,
                           NpNotes *notes, GError **error);

/* The whole run: read, typeset, write the PDF whole or not at all. */
gboolean np_render (const NpOptions *options, NpNotes *notes,
                    GError **error);

G_END_DECLS

#endif
