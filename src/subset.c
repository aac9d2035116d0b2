/* subset.c: the glyphs a newsletter uses -> small fonts for Cairo.
 *
 * Contract: before drawing, collects every glyph each font shows, and cuts
 * each font down to them with HarfBuzz's subsetter, without the layout
 * tables (the text is shaped already); the glyphs are renumbered, and the
 * old-to-new map goes with the subset.  Cairo then embeds and measures
 * those small fonts instead of loading the whole Noto CJK faces (65,000
 * glyphs, 15 to 20 MB of CFF each), which is what made drawing slow and
 * memory-hungry.  Colour fonts are left out: emoji.c draws them.
 */
#include "subset.h"

#include <cairo-ft.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include "emoji.h"

struct NpSubset {
  hb_set_t *glyphs;         /* glyph numbers shown in this font */
  hb_subset_plan_t *plan;   /* owns the old-to-new glyph map */
  hb_codepoint_t space;     /* the space glyph (whole-font number) */
  cairo_font_face_t *cairo; /* the subset font; NULL when it failed */
};

struct NpSubsets {
  GHashTable *fonts;        /* hb_face_t* -> NpSubset* */
};

/* What a Cairo font face made here owns: Cairo may keep the face in its
 * caches after we let go, so the FreeType face and the bytes under it go
 * only when Cairo drops it. */
typedef struct {
  FT_Face face;
  hb_blob_t *blob;
} NpFaceData;

static const cairo_user_data_key_t np_face_key;

static void
np_subset_free (NpSubset *s)
{
  hb_set_destroy (s->glyphs);
  if (s->cairo)
    cairo_font_face_destroy (s->cairo);
  hb_subset_plan_destroy (s->plan);
  g_free (s);
}

/* One FreeType library for the process: Cairo's caches may outlive any
 * drawing that made a face with it. */
static FT_Library
np_freetype (void)
{
  static FT_Library library;
  static gsize ready;
  if (g_once_init_enter (&ready)) {
    if (FT_Init_FreeType (&library))
      library = NULL;
    g_once_init_leave (&ready, 1);
  }
  return library;
}

static hb_face_t *
np_face_of (PangoFont *font)
{
  hb_font_t *hb = pango_font_get_hb_font (font);
  return hb ? hb_font_get_face (hb) : NULL;
}

static void
np_collect (NpSubsets *subsets, const PangoGlyphItem *run)
{
  PangoFont *font = run->item->analysis.font;
  hb_face_t *face = np_face_of (font);
  if (!face || np_emoji_is_colour (font))
    return;
  NpSubset *s = g_hash_table_lookup (subsets->fonts, face);
  if (!s) {
    s = g_new0 (NpSubset, 1);
    s->glyphs = hb_set_create ();
    hb_set_add (s->glyphs, 0);
    /* The space stands in for glyphs Pango marks empty (draw.c). */
    if (hb_font_get_nominal_glyph (pango_font_get_hb_font (font), ' ',
                                   &s->space))
      hb_set_add (s->glyphs, s->space);
    g_hash_table_insert (subsets->fonts, hb_face_reference (face), s);
  }
  for (int g = 0; g < run->glyphs->num_glyphs; g++) {
    PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
    if (glyph != PANGO_GLYPH_EMPTY && !(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
      hb_set_add (s->glyphs, glyph);
  }
}

static void
np_done_face (void *data)
{
  NpFaceData *d = data;
  FT_Done_Face (d->face);
  hb_blob_destroy (d->blob);
  g_free (d);
}

static void
np_make_subset (hb_face_t *face, NpSubset *s)
{
  FT_Library library = np_freetype ();
  if (!library)
    return;
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  if (!input)
    return;
  hb_set_union (hb_subset_input_glyph_set (input), s->glyphs);
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);
  /* Shaping is done: Cairo needs outlines and metrics, not the layout
   * tables, which are most of the work of subsetting a CJK font. */
  static const char *const dropped[] = { "GSUB", "GPOS", "GDEF", "BASE",
                                         "JSTF", "MATH", "vhea", "vmtx",
                                         "VORG", "DSIG" };
  hb_set_t *drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (drop, hb_tag_from_string (dropped[i], 4));
  s->plan = hb_subset_plan_create_or_fail (face, input);
  hb_subset_input_destroy (input);
  hb_face_t *small = s->plan ? hb_subset_plan_execute_or_fail (s->plan) : NULL;
  if (!small)
    return;
  NpFaceData *d = g_new0 (NpFaceData, 1);
  d->blob = hb_face_reference_blob (small);
  hb_face_destroy (small);
  unsigned len = 0;
  const char *data = hb_blob_get_data (d->blob, &len);
  if (FT_New_Memory_Face (library, (const FT_Byte *) data, (FT_Long) len, 0,
                          &d->face)) {
    hb_blob_destroy (d->blob);
    g_free (d);
    return;
  }
  s->cairo = cairo_ft_font_face_create_for_ft_face (d->face,
                                                    FT_LOAD_NO_HINTING);
  cairo_font_face_set_user_data (s->cairo, &np_face_key, d, np_done_face);
}

NpSubsets *
np_subsets_new (const NpPages *pages)
{
  NpSubsets *subsets = g_new0 (NpSubsets, 1);
  subsets->fonts = g_hash_table_new_full (
    g_direct_hash, g_direct_equal, (GDestroyNotify) hb_face_destroy,
    (GDestroyNotify) np_subset_free);
  for (guint p = 0; p < pages->pages->len; p++) {
    const NpPage *page = g_ptr_array_index (pages->pages, p);
    for (guint i = 0; i < page->items->len; i++) {
      const NpItem *item = &g_array_index (page->items, NpItem, i);
      if (item->kind != NP_ITEM_TEXT)
        continue;
      for (guint r = 0; r < item->line->runs->len; r++)
        np_collect (subsets, g_ptr_array_index (item->line->runs, r));
    }
  }
  GHashTableIter it;
  gpointer face, s;
  g_hash_table_iter_init (&it, subsets->fonts);
  while (g_hash_table_iter_next (&it, &face, &s))
    np_make_subset (face, s);
  return subsets;
}

void
np_subsets_free (NpSubsets *subsets)
{
  if (!subsets)
    return;
  g_hash_table_destroy (subsets->fonts);
  g_free (subsets);
}

const NpSubset *
np_subsets_find (NpSubsets *subsets, PangoFont *font)
{
  hb_face_t *face = np_face_of (font);
  NpSubset *s = face ? g_hash_table_lookup (subsets->fonts, face) : NULL;
  return s && s->cairo ? s : NULL;
}

cairo_font_face_t *
np_subset_face (const NpSubset *subset)
{
  return subset->cairo;
}

unsigned long
np_subset_glyph (const NpSubset *subset, unsigned long glyph)
{
  if (glyph == PANGO_GLYPH_EMPTY)
    glyph = subset->space; /* joiners, selectors: draw nothing */
  hb_codepoint_t to = hb_map_get (
    hb_subset_plan_old_to_new_glyph_mapping (subset->plan),
    (hb_codepoint_t) glyph);
  return to == HB_MAP_VALUE_INVALID ? 0 : to;
}
