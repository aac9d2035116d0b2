/* emojitext.h: text -> emoji sequences (after Unicode UTS #51). */
#ifndef NP_EMOJITEXT_H
#define NP_EMOJITEXT_H

#include <glib.h>

#include "document.h"

G_BEGIN_DECLS

/* A byte range of a text. */
typedef struct {
  guint start, end;
} NpSpan;

/* The emoji sequences of `text` (UTF-8), in order, as byte ranges: each
 * one picture when the font has it.  Free with g_array_unref. */
GArray *np_emoji_spans (const char *text);

/* A pictograph (Extended_Pictographic) or another part of an emoji
 * sequence (Emoji_Component but # * 0-9: ZWJ, U+FE0E/U+FE0F, keycap, tags,
 * skin tones, flags' letters).  Reports
 * pasted from social media scatter these through the text, and the rules
 * of every stage look past them. */
gboolean np_emoji_is_part (gunichar c);

/* Whether `c` is shown as an emoji even without U+FE0F (Emoji_Presentation,
 * and the modifier bases, which Pango shows so too). */
gboolean np_emoji_is_presentation (gunichar c);

/* `text` (newly allocated) without emoji: whole sequences, the ♀/♂ and
 * selectors left of broken ones, the emoji characters of the pictograph
 * planes and symbol blocks even in text style (🌡 ☺ ⚧), pictographs that
 * Unicode does not count as emoji (⚃ 🂠); other text-style symbols (© ™ ↔)
 * stay; a keycap keeps its digit (1️⃣ -> 1); the marks or spaces on both
 * sides of one do not double up.  Chinese text is never touched.  Adds the
 * number removed to *count. */
char *np_emoji_strip_text (const char *text, guint *count);

/* The same for every text of the document; a block left empty (a line of
 * emoji only) is dropped.  Returns the number removed. */
guint np_emoji_strip (NpDocument *doc);

/* How many emoji a document holds, and the first few with their lines. */
typedef struct {
  guint count;
  GString *first; /* "line 2: 🚜, line 2: 👩🏽🦳, …", owned */
} NpEmojiCensus;

/* Looks at every text of the document (np_document_foreach_text) but
 * changes none. */
void np_emoji_census (NpDocument *doc, NpEmojiCensus *census);

G_END_DECLS

#endif
