/* fonts.c: private fontconfig + Pango font map.
 *
 * Contract: np_fonts_new() reads exactly one fontconfig file (fonts/fonts.conf)
 * and builds a Pango font map on it; everything later asks fonts through the
 * context made here.  Nothing in this file lays out or draws text.
 */
#include "fonts.h"

#include <string.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "error.h"

/* Tried in order for characters the role's family lacks.  Colour emoji come
 * before the symbol fonts so that an emoji sequence is one colour picture;
 * DejaVu is the last resort for odd symbols (⚃, ⚧). */
static const char np_fallback_families[] =
  "Noto Color Emoji,Noto Sans Symbols 2,Noto Sans Symbols,DejaVu Sans";

struct NpFonts {
  FcConfig *config;
  PangoFontMap *map;
  PangoContext *context;
  NpScript script;
};

static FcConfig *
np_fonts_load_config (const char *conf, GError **error)
{
  FcConfig *config = FcConfigCreate ();
  if (!FcConfigParseAndLoad (config, (const FcChar8 *) conf, FcTrue)) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "%s: cannot read the font configuration", conf);
    FcConfigDestroy (config);
    return NULL;
  }
  if (!FcConfigBuildFonts (config)) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "%s: cannot build the font list", conf);
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

NpFonts *
np_fonts_new (const char *conf, NpScript script, GError **error)
{
  FcConfig *config = np_fonts_load_config (conf, error);
  if (!config)
    return NULL;

  NpFonts *fonts = g_new0 (NpFonts, 1);
  fonts->config = config;
  fonts->script = script;
  fonts->map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (fonts->map), config);
  fonts->context = pango_font_map_create_context (fonts->map);
  np_fonts_set_print_options (fonts->context);
  pango_context_set_language (
    fonts->context, pango_language_from_string (np_script_name (script)));
  pango_context_set_base_dir (fonts->context, PANGO_DIRECTION_LTR);
  return fonts;
}

void
np_fonts_free (NpFonts *fonts)
{
  if (!fonts)
    return;
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

char *
np_fonts_family (NpFonts *fonts, const char *family)
{
  if (g_str_has_suffix (family, " CJK"))
    return g_strconcat (family, fonts->script == NP_SCRIPT_HANS ? " SC" : " TC",
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

gboolean
np_fonts_check (NpFonts *fonts, const NpFont *font, GError **error)
{
  g_autofree char *family = np_fonts_family (fonts, font->family);
  FcPattern *pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *found = FcFontList (fonts->config, pattern, objects);
  gboolean ok = found && found->nfont > 0;
  if (found)
    FcFontSetDestroy (found);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  if (!ok)
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "font '%s': not installed (see fonts/fonts.conf)", family);
  return ok;
}
