/* words.h: where Chinese text divides into words (ICU's dictionary).
 *
 * Chinese is written without spaces, so the places a headline may break
 * between words come from ICU's word break iterator, which carries a
 * Chinese dictionary.  shape.c asks for them when a measure sets a
 * headline, a caption, a table cell or a contents entry.
 */
#ifndef NP_WORDS_H
#define NP_WORDS_H

#include <glib.h>

G_BEGIN_DECLS

/* How a place between two characters divides the text. */
typedef enum {
  NP_WORDS_INSIDE,   /* inside a word, a number with its unit, or a name
                        in 《》「」“” */
  NP_WORDS_BOUNDARY, /* between two words */
  NP_WORDS_PHRASE,   /* between two phrases: before 暨 or the verb of an
                        event, after the name of an organisation */
} NpWordBreak;

/* For each byte offset of `text` (UTF-8, 0 to its length inclusive), an
 * NpWordBreak; NP_WORDS_PHRASE only if `phrases`.  Never fails: without
 * ICU's data every place is a boundary, as in body text.  Newly
 * allocated; g_free() it. */
guint8 *np_words_breaks (const char *text, gboolean phrases);

G_END_DECLS

#endif
