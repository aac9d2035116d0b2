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
} NpOptions;

/* Folders searched for layouts/ and fonts/: $NEWSPRINT_DATADIR, the
 * installed share/newsprint beside the running binary, the configured
 * install prefix, the source tree.  Newly allocated. */
char **np_data_dirs (void);

/* Reads and decodes the report and applies the overrides. */
NpDocument *np_read (const NpOptions *options, GError **error);

/* Typesets a document into pages.  Warnings (missing glyphs) are appended
 * to `warnings` as newly allocated strings. */
NpPages *np_typeset (const NpDocument *doc, const NpOptions *options,
                     GPtrArray *warnings, GError **error);

/* The whole run: read, typeset, write the PDF whole or not at all. */
gboolean np_render (const NpOptions *options, GPtrArray *warnings,
                    GError **error);

G_END_DECLS

#endif
