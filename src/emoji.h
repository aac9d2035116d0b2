/* emoji.h: colour glyphs -> print-resolution pictures with their text. */
#ifndef NP_EMOJI_H
#define NP_EMOJI_H

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Caches the decoded pictures of one drawing (a PDF, a set of PNGs). */
typedef struct NpEmoji NpEmoji;

NpEmoji *np_emoji_new (void);
void np_emoji_free (NpEmoji *emoji); /* accepts NULL */

/* Whether `font` draws its glyphs as colour pictures (CBDT/sbix PNGs). */
gboolean np_emoji_is_colour (PangoFont *font);

/* Paints a run of a colour font with its baseline starting at (x, y):
 * each glyph as the font's own picture, with invisible glyphs carrying the
 * run's text for search and copy, set at `text_size` (points), the size of
 * the text around the run. */
void np_emoji_show (NpEmoji *emoji, cairo_t *cr, const char *text,
                    const PangoGlyphItem *run, double x, double y,
                    double text_size);

G_END_DECLS

#endif
