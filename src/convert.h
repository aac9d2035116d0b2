/* convert.h: a document -> the same document in another script or region.
 *
 * An edition prints a report in Simplified or Traditional Chinese, or in
 * the characters and words of Taiwan or Hong Kong, whatever the script it
 * was written in.  OpenCC's phrase-level configurations convert the text;
 * a phrase file of the user's own keeps names in the form they want.
 */
#ifndef NP_CONVERT_H
#define NP_CONVERT_H

#include "document.h"

G_BEGIN_DECLS

/* A converter for one edition: OpenCC's configurations, opened once, and
 * the user's phrases. */
typedef struct NpConverter NpConverter;

/* Opens what converting to `to` needs, from OpenCC's folder
 * ($NEWSPRINT_OPENCC_DIR, else OpenCC's own) and `own`, the opencc/
 * folder of newsprint's data (its configuration for a Traditional text in
 * Taiwan's words; NULL: not found).  `phrases` is a phrase file (lines
 * "from<TAB>to", # comments) or NULL.  Errors: a configuration or
 * dictionary missing, NP_ERROR_INTERNAL naming the file; a phrase file
 * that cannot be read (NP_ERROR_NO_INPUT) or has a bad line
 * (NP_ERROR_DATA, "FILE: line N: …"). */
NpConverter *np_converter_new (NpVariant to, const char *phrases,
                               const char *own, GError **error);
void np_converter_free (NpConverter *converter); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpConverter, np_converter_free)

/* What converting changed. */
typedef struct {
  guint chars;   /* characters changed */
  guint phrases; /* the user's phrases put in */
} NpConvertCount;

/* `text`, written in `from`, in the converter's edition (newly
 * allocated); adds what changed to `count` (may be NULL). */
char *np_converter_text (NpConverter *converter, const char *text,
                         NpScript from, NpConvertCount *count);

/* Converts every text of `doc` to the converter's edition and sets the
 * document's script and language to it. */
void np_convert_document (NpConverter *converter, NpDocument *doc,
                          NpConvertCount *count);

G_END_DECLS

#endif
