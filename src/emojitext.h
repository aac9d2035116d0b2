/* emojitext.h: text -> emoji sequences (after Unicode UTS #51). */
#ifndef NP_EMOJITEXT_H
#define NP_EMOJITEXT_H

#include <glib.h>

G_BEGIN_DECLS

/* A byte range of a text. */
typedef struct {
  guint start, end;
} NpSpan;

/* The emoji sequences of `text` (UTF-8), in order, as byte ranges: each
 * one picture when the font has it.  Free with g_array_unref. */
GArray *np_emoji_spans (const char *text);

/* Whether `c` is shown as an emoji even without U+FE0F. */
gboolean np_emoji_is_presentation (gunichar c);

G_END_DECLS

#endif
