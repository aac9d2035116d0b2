/* fonts.c: private fontconfig + Pango font map.
 *
 * Contract: np_fonts_new() reads exactly one fontconfig file (fonts/fonts.conf)
 * and builds a Pango font map on it; everything later asks fonts through the
 * context made here.  Nothing in this file lays out or draws text.
 */
/* dup (), dup2 () and fileno () are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "fonts.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "error.h"

/* Tried in order for characters the role's family lacks: symbols in text
 * style first (⚃, ⚧, ♀ without U+FE0F stay text, UTS #51), then Hebrew
 * and Arabic in faces designed for them (a name quoted in a report), colour
 * emoji last.  Emoji sequences themselves are set in the emoji family
 * explicitly (shape.c), and Pango asks for "emoji" on its own too. */
static const char np_fallback_families[] =
  "Noto Sans Symbols2,Noto Sans Symbols,Noto Serif Hebrew,Noto Naskh Arabic,"
  "DejaVu Sans,Noto Color Emoji";

const char np_emoji_family[] = "Noto Color Emoji";

struct NpFonts {
  FcConfig *config;
  PangoFontMap *map;
  PangoContext *context;
  NpScript script;
  gboolean hong_kong; /* "… CJK" families in their HK cut */
  GHashTable *blanks; /* PangoFont* (ref) -> GHashTable: char -> NpBlanks* */
  double emoji_scale; /* 0 until measured */
};

/* fontconfig reports a bad configuration itself, on standard error, a
 * line or two per problem, where newsprint's one-line message should be
 * all a user sees: its words are caught here instead, while it reads. */
typedef struct {
  int saved; /* standard error, while it points at `sink` */
  FILE *sink;
} NpCapture;

static void
np_capture_start (NpCapture *c)
{
  fflush (stderr);
  c->sink = tmpfile ();
  c->saved = c->sink ? dup (STDERR_FILENO) : -1;
  if (c->saved >= 0 && dup2 (fileno (c->sink), STDERR_FILENO) < 0) {
    close (c->saved);
    c->saved = -1;
  }
}

/* Puts standard error back; returns the first line fontconfig wrote, less
 * its "Fontconfig error: " (newly allocated), or NULL. */
static char *
np_capture_end (NpCapture *c)
{
  char line[512] = "";
  fflush (stderr);
  if (c->saved >= 0) {
    dup2 (c->saved, STDERR_FILENO);
    close (c->saved);
  }
  if (!c->sink)
    return NULL;
  rewind (c->sink);
  gboolean got = fgets (line, sizeof line, c->sink) != NULL;
  fclose (c->sink);
  if (!got)
    return NULL;
  g_strchomp (line);
  char *text = line;
  if (g_str_has_prefix (text, "Fontconfig") && strchr (text, ':'))
    text = g_strchug (strchr (text, ':') + 1);
  /* "\"/path/fonts.conf\", line 37: unclosed token": the path is said. */
  const char *close = text[0] == '"' ? strchr (text + 1, '"') : NULL;
  if (close && g_str_has_prefix (close, "\", "))
    text = (char *) close + 3;
  return g_strdup (text);
}

static FcConfig *
np_fonts_load_config (const char *conf, GError **error)
{
  FcConfig *config = FcConfigCreate ();
  NpCapture capture;
  np_capture_start (&capture);
  gboolean read = FcConfigParseAndLoad (config, (const FcChar8 *) conf, FcTrue);
  gboolean built = read && FcConfigBuildFonts (config);
  g_autofree char *said = np_capture_end (&capture);
  if (!read || !built) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL, "%s: cannot %s%s%s%s",
                 conf,
                 read ? "build the font list" : "read the font configuration",
                 said ? " (" : "", said ? said : "", said ? ")" : "");
    FcConfigDestroy (config);
    return NULL;
  }
  FcFontSet *set = FcConfigGetFonts (config, FcSetSystem);
  if (!set || set->nfont == 0) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "%s: finds no fonts (install fonts-noto-cjk and "
                 "fonts-noto-color-emoji)", conf);
    FcConfigDestroy (config);
    return NULL;
  }
  return config;
}

/* Print needs outlines as designed: no hinting, no rounding of metrics or
 * positions to device pixels (which would make 10.5 pt text 11 pt wide). */
static void
np_fonts_set_print_options (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_cairo_context_set_resolution (context, 72.0);
}

static NpFonts *np_fonts_new_context (FcConfig *config, PangoFontMap *map,
                                      NpScript script);

NpFonts *
np_fonts_new (const char *conf, NpScript script, GError **error)
{
  FcConfig *config = np_fonts_load_config (conf, error);
  if (!config)
    return NULL;

  /* Pango's FT2 font map loads fontconfig's default configuration in a
   * thread when it is created, unless one is current: make ours current
   * first, so the user's and the system's fonts are never even scanned. */
  FcConfigSetCurrent (config);
  PangoFontMap *map =
    pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  NpFonts *fonts = np_fonts_new_context (config, map, script);
  g_object_unref (map);
  FcConfigDestroy (config); /* the fonts hold it now */
  return fonts;
}

/* Fonts in `script` on a configuration and font map already made (taken
 * with a reference of their own). */
static NpFonts *
np_fonts_new_context (FcConfig *config, PangoFontMap *map, NpScript script)
{
  NpFonts *fonts = g_new0 (NpFonts, 1);
  fonts->config = FcConfigReference (config);
  fonts->script = script;
  fonts->map = g_object_ref (map);
  fonts->context = pango_font_map_create_context (fonts->map);
  fonts->blanks = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                         g_object_unref,
                                         (GDestroyNotify) g_hash_table_unref);
  np_fonts_set_print_options (fonts->context);
  pango_context_set_language (
    fonts->context, pango_language_from_string (np_script_name (script)));
  pango_context_set_base_dir (fonts->context, PANGO_DIRECTION_LTR);
  return fonts;
}

NpFonts *
np_fonts_new_script (NpFonts *fonts, NpScript script)
{
  return np_fonts_new_context (fonts->config, fonts->map, script);
}

void
np_fonts_free (NpFonts *fonts)
{
  if (!fonts)
    return;
  g_clear_pointer (&fonts->blanks, g_hash_table_unref);
  g_clear_object (&fonts->context);
  g_clear_object (&fonts->map);
  FcConfigDestroy (fonts->config);
  g_free (fonts);
}

PangoContext *
np_fonts_context (NpFonts *fonts)
{
  return fonts->context;
}

void
np_fonts_set_language (NpFonts *fonts, const char *language)
{
  fonts->hong_kong = g_ascii_strcasecmp (language, "zh-HK") == 0 &&
                     fonts->script == NP_SCRIPT_HANT;
  pango_context_set_language (fonts->context,
                              pango_language_from_string (language));
}

char *
np_fonts_family (NpFonts *fonts, const char *family)
{
  if (g_str_has_suffix (family, " CJK"))
    return g_strconcat (family,
                        fonts->hong_kong                  ? " HK"
                        : fonts->script == NP_SCRIPT_HANS ? " SC"
                                                          : " TC",
                        NULL);
  return g_strdup (family);
}

PangoFontDescription *
np_fonts_describe (NpFonts *fonts, const NpFont *font)
{
  g_autofree char *family = np_fonts_family (fonts, font->family);
  g_autofree char *families =
    g_strconcat (family, ",", np_fallback_families, NULL);
  PangoFontDescription *desc = pango_font_description_new ();
  pango_font_description_set_family (desc, families);
  pango_font_description_set_absolute_size (desc, font->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, (PangoWeight) font->weight);
  return desc;
}

/* Common Han characters, in both scripts alike (一 的 中 人 年): a family
 * that lacks them is no Chinese font, however it is named. */
static const FcChar32 np_han_probe[] = { 0x4E00, 0x7684, 0x4E2D, 0x4EBA,
                                         0x5E74 };

/* The first of np_han_probe that no font of the family in `found` has,
 * or 0. */
static FcChar32
np_fonts_missing_han (const FcFontSet *found)
{
  FcChar32 missing = np_han_probe[0];
  for (int i = 0; missing && i < found->nfont; i++) {
    FcCharSet *chars = NULL;
    if (FcPatternGetCharSet (found->fonts[i], FC_CHARSET, 0, &chars) !=
        FcResultMatch)
      continue;
    missing = 0;
    for (gsize k = 0; !missing && k < G_N_ELEMENTS (np_han_probe); k++)
      if (!FcCharSetHasChar (chars, np_han_probe[k]))
        missing = np_han_probe[k];
  }
  return missing;
}

/* The fonts of the first family that fontconfig tries for `family` at
 * `weight` and has: the family itself, or what fonts.conf makes of it,
 * e.g. "Kai CJK SC" -> AR PL UKai CN, else Noto Serif CJK SC.  NULL when
 * none is installed; free with FcFontSetDestroy. */
static FcFontSet *
np_fonts_resolve (NpFonts *fonts, const char *family, int weight)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddDouble (pattern, FC_WEIGHT,
                      FcWeightFromOpenTypeDouble ((double) weight));
  /* The pattern's rules only (aliases, Kai's bold): no defaults, which
   * would add families the layout did not ask for. */
  FcConfigSubstitute (fonts->config, pattern, FcMatchPattern);
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, FC_CHARSET, NULL);
  FcFontSet *found = NULL;
  FcChar8 *name = NULL;
  for (int i = 0;
       !found &&
       FcPatternGetString (pattern, FC_FAMILY, i, &name) == FcResultMatch;
       i++) {
    FcPattern *one = FcPatternCreate ();
    FcPatternAddString (one, FC_FAMILY, name);
    found = FcFontList (fonts->config, one, objects);
    FcPatternDestroy (one);
    if (found && found->nfont == 0)
      g_clear_pointer (&found, FcFontSetDestroy);
  }
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return found;
}

gboolean
np_fonts_check (NpFonts *fonts, const NpFont *font, GError **error)
{
  g_autofree char *family = np_fonts_family (fonts, font->family);
  FcFontSet *found = np_fonts_resolve (fonts, family, font->weight);
  gboolean installed = found != NULL;
  FcChar32 missing = installed ? np_fonts_missing_han (found) : 0;
  if (found)
    FcFontSetDestroy (found);
  if (!installed)
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "font '%s': not installed (see fonts/fonts.conf)", family);
  /* Pango would set every Han character in some other font, or in none,
   * with a warning for each: refuse the layout once instead. */
  else if (missing) {
    char utf8[8] = "";
    g_unichar_to_utf8 ((gunichar) missing, utf8);
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "font '%s': has no Chinese characters (no %s U+%04X); name "
                 "a Chinese family such as Noto Serif CJK in the layout",
                 family, utf8, (unsigned) missing);
  }
  return installed && !missing;
}

NpScript
np_fonts_script (NpFonts *fonts)
{
  return fonts->script;
}

/* Full-width punctuation of the CJK fonts: CJK symbols and punctuation,
 * curly quotes, full-width forms of ASCII marks, vertical/small forms. */
static gboolean
np_is_cjk_punct (gunichar c)
{
  return (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0x3014 && c <= 0x301F) || (c >= 0x2018 && c <= 0x201F) ||
         c == 0xFF01 || (c >= 0xFF08 && c <= 0xFF0C) || c == 0xFF0E ||
         (c >= 0xFF1A && c <= 0xFF1B) || c == 0xFF1F || c == 0xFF3B ||
         c == 0xFF3D || c == 0xFF5B || c == 0xFF5D || c == 0xFF5F ||
         c == 0xFF60 || c == 0x30FB;
}

/* Shapes `c` alone, with or without 'halt', and returns its first glyph's
 * advance and offset in the font's units. */
static hb_glyph_position_t
np_shape_alone (hb_font_t *hb, gunichar c, hb_language_t lang, gboolean halt)
{
  hb_buffer_t *buf = hb_buffer_create ();
  hb_buffer_add_utf32 (buf, &c, 1, 0, 1);
  hb_buffer_set_direction (buf, HB_DIRECTION_LTR);
  hb_buffer_set_script (buf, HB_SCRIPT_HAN);
  hb_buffer_set_language (buf, lang);
  hb_feature_t feature = { HB_TAG ('h', 'a', 'l', 't'), 1, 0, (unsigned) -1 };
  hb_shape (hb, buf, halt ? &feature : NULL, halt ? 1 : 0);
  unsigned n = 0;
  hb_glyph_position_t *pos = hb_buffer_get_glyph_positions (buf, &n);
  hb_glyph_position_t first = n ? pos[0] : (hb_glyph_position_t){ 0 };
  hb_buffer_destroy (buf);
  return first;
}

static NpBlanks
np_measure_blanks (NpFonts *fonts, PangoFont *font, gunichar c)
{
  NpBlanks b = { 0, 0 };
  hb_font_t *hb = pango_font_get_hb_font (font);
  if (!hb)
    return b;
  hb_language_t lang =
    hb_language_from_string (np_script_name (fonts->script), -1);
  hb_glyph_position_t full = np_shape_alone (hb, c, lang, FALSE);
  hb_glyph_position_t half = np_shape_alone (hb, c, lang, TRUE);
  if (full.x_advance <= 0 || half.x_advance >= full.x_advance)
    return b;
  b.lead = (double) -half.x_offset / full.x_advance;
  b.trail = (double) (full.x_advance - half.x_advance + half.x_offset) /
            full.x_advance;
  b.lead = CLAMP (b.lead, 0, 1);
  b.trail = CLAMP (b.trail, 0, 1);
  return b;
}

NpBlanks
np_fonts_blanks (NpFonts *fonts, PangoFont *font, gunichar c)
{
  NpBlanks none = { 0, 0 };
  if (!np_is_cjk_punct (c) || !font)
    return none;
  GHashTable *chars = g_hash_table_lookup (fonts->blanks, font);
  if (!chars) {
    chars = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                   g_free);
    g_hash_table_insert (fonts->blanks, g_object_ref (font), chars);
  }
  NpBlanks *b = g_hash_table_lookup (chars, GUINT_TO_POINTER (c));
  if (!b) {
    b = g_new (NpBlanks, 1);
    *b = np_measure_blanks (fonts, font, c);
    g_hash_table_insert (chars, GUINT_TO_POINTER (c), b);
  }
  return *b;
}

double
np_fonts_emoji_scale (NpFonts *fonts)
{
  if (fonts->emoji_scale > 0)
    return fonts->emoji_scale;
  fonts->emoji_scale = 1;
  PangoFontDescription *desc = pango_font_description_from_string (
    np_emoji_family);
  pango_font_description_set_absolute_size (desc, 100 * PANGO_SCALE);
  PangoFont *font = pango_font_map_load_font (fonts->map, fonts->context,
                                              desc);
  pango_font_description_free (desc);
  hb_font_t *hb = font ? pango_font_get_hb_font (font) : NULL;
  hb_codepoint_t glyph;
  if (hb && hb_font_get_nominal_glyph (hb, 0x1F600, &glyph)) {
    hb_face_t *face = hb_font_get_face (hb);
    hb_font_t *units = hb_font_create (face);
    hb_font_set_scale (units, (int) hb_face_get_upem (face),
                       (int) hb_face_get_upem (face));
    hb_position_t advance = hb_font_get_glyph_h_advance (units, glyph);
    if (advance > 0)
      fonts->emoji_scale = (double) hb_face_get_upem (face) / advance;
    hb_font_destroy (units);
  }
  g_clear_object (&font);
  return fonts->emoji_scale;
}
