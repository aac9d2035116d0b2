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
#include "error.h"
#include "page.h"
#include "style.h"

G_BEGIN_DECLS

typedef struct {
  const char *input;   /* report path, "-" for standard input */
  const char *output;  /* PDF path, "-" for standard output */
  const char *layout;  /* layout name or file; NULL: "bulletin" */
  const char *title;   /* overrides of what the report says; may be NULL */
  const char *issue;
  const char *date;
  const char *const *datadirs; /* folders with layouts/ and fonts/, in order */
  gboolean keep_punctuation;   /* leave ASCII marks in Chinese text alone */
} NpOptions;

/* What a run has to tell besides its result. */
typedef struct {
  GPtrArray *warnings;  /* of char*: "line N: what is odd", owned */
  guint marks_widened;  /* ASCII marks set full-width */
} NpNotes;

void np_notes_init (NpNotes *notes);
void np_notes_clear (NpNotes *notes);

/* Folders searched for layouts/ and fonts/: $NEWSPRINT_DATADIR, the
 * installed share/newsprint beside the running binary, the configured
 * install prefix, the source tree.  Newly allocated. */
char **np_data_dirs (void);

/* Reads and decodes the report, widens its punctuation (unless
 * keep_punctuation) and applies the overrides.  The document's warnings
 * are copied into `notes`. */
NpDocument *np_read (const NpOptions *options, NpNotes *notes,
                     GError **error);

/* Typesets a document into pages.  Missing glyphs add to `notes`. */
NpPages *np_typeset (const NpDocument *doc, const NpOptions *options,
                     NpNotes *notes, GError **error);

/* The whole run: read, typeset, write the PDF whole or not at all. */
gboolean np_render (const NpOptions *options, NpNotes *notes,
                    GError **error);

G_END_DECLS

#endif
