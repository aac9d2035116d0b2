/* fonts.h: private fontconfig + Pango font map.
 *
 * newsprint sees only the fonts that fonts/fonts.conf names, never the
 * user's configuration, so a report prints alike on every machine.  One
 * NpFonts serves a whole run: the configuration is read once.
 */
#ifndef NP_FONTS_H
#define NP_FONTS_H

#include <pango/pango.h>
#include "document.h"
#include "style.h"

G_BEGIN_DECLS

typedef struct NpFonts NpFonts;

/* Loads the fontconfig file `conf` and makes a Pango context for text in
 * `script` (language zh-Hant or zh-Hans, no hinting, 72 dpi so that one
 * Pango point is one PDF point).  Fails with NP_ERROR_INTERNAL when the
 * file cannot be read or names no font at all. */
NpFonts *np_fonts_new (const char *conf, NpScript script, GError **error);
/* Fonts for text in `script` from the configuration and font map of
 * `fonts` (read once, shared): an issue's articles in the other script. */
NpFonts *np_fonts_new_script (NpFonts *fonts, NpScript script);
void np_fonts_free (NpFonts *fonts); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpFonts, np_fonts_free)

PangoContext *np_fonts_context (NpFonts *fonts); /* owned by fonts */

/* Sets the language text is shaped and chosen fonts for (an edition's,
 * "zh-TW"); for "zh-HK", a family "… CJK" gets its Hong Kong cut. */
void np_fonts_set_language (NpFonts *fonts, const char *language);

/* The family actually asked of fontconfig for a layout family: a family
 * "… CJK" gets the script's region, "Noto Serif CJK" -> "Noto Serif CJK TC".
 * Newly allocated. */
char *np_fonts_family (NpFonts *fonts, const char *family);

/* A description for `font` with the fallback families behind it (colour
 * emoji, symbols).  Newly allocated; free with pango_font_description_free. */
PangoFontDescription *np_fonts_describe (NpFonts *fonts, const NpFont *font);

/* The blank parts of a full-width punctuation glyph, as fractions of its
 * advance: what the font's half-width alternates ('halt') take away on the
 * leading and the trailing side.  A corner-set comma (zh-Hans) has
 * trail 0.5; a centred one (zh-Hant) 0.25 on each side; an opening bracket
 * lead 0.5.  Both are 0 for a character that is not such a mark. */
typedef struct {
  double lead, trail;
} NpBlanks;

NpBlanks np_fonts_blanks (NpFonts *fonts, PangoFont *font, gunichar c);

NpScript np_fonts_script (NpFonts *fonts);

/* The family colour emoji are set in, and the scale that makes an emoji
 * advance one em, as a Han character does (Noto Color Emoji is 1.25 em
 * wide): 1 when the font cannot be measured. */
extern const char np_emoji_family[];
double np_fonts_emoji_scale (NpFonts *fonts);

/* Checks that fontconfig has the family `font` asks for, so that a missing
 * font package is one clear error rather than silent substitution.  A
 * family that fonts.conf defines as a list of others ("Kai CJK") passes
 * when one of them is installed; the first installed one must have Han
 * characters. */
gboolean np_fonts_check (NpFonts *fonts, const NpFont *font, GError **error);

G_END_DECLS

#endif
