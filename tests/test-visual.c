/* test-visual.c: a page of a fixed sample, compared with a reference image.
 *
 * Typography changes show here first: page 1 of tests/visual/sample.txt is
 * drawn at 100 dpi and compared pixel by pixel with
 * tests/visual/sample-1.png.  A pixel counts as changed when a channel
 * moves by more than 48 of 255; more than 0.2 % changed pixels fail the
 * test and leave the new picture and a difference picture in the build
 * folder.  NP_UPDATE_REFS=1 rewrites the reference instead.
 */
#include <string.h>

#include "draw.h"
#include "newsprint.h"
#include "testutil.h"

#define NP_DPI 100.0
#define NP_CHANNEL_TOLERANCE 48
#define NP_CHANGED_LIMIT 0.002

static cairo_surface_t *
np_render_sample (const char *report)
{
  const char *dirs[] = { np_test_source_dir (), NULL };
  NpOptions o = { .input = report, .datadirs = dirs };
  NpNotes notes;
  np_notes_init (&notes);
  GError *error = NULL;
  g_autoptr (NpDocument) doc = np_read (&o, &notes, &error);
  g_assert_no_error (error);
  g_autoptr (NpPages) pages = np_typeset (doc, &o, &notes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes.warnings->len, ==, 0);
  np_notes_clear (&notes);
  return np_draw_image (pages, 0, NP_DPI);
}

/* Marks changed pixels red on a faded copy; returns how many changed. */
static guint
np_compare (cairo_surface_t *got, cairo_surface_t *want, cairo_surface_t *diff)
{
  int w = cairo_image_surface_get_width (got);
  int h = cairo_image_surface_get_height (got);
  int gs = cairo_image_surface_get_stride (got);
  int ws = cairo_image_surface_get_stride (want);
  int ds = cairo_image_surface_get_stride (diff);
  cairo_surface_flush (got);
  cairo_surface_flush (want);
  const guint8 *g = cairo_image_surface_get_data (got);
  const guint8 *r = cairo_image_surface_get_data (want);
  guint8 *d = cairo_image_surface_get_data (diff);
  guint changed = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      const guint8 *a = g + y * gs + 4 * x, *b = r + y * ws + 4 * x;
      gboolean moved = FALSE;
      for (int c = 0; c < 3; c++)
        moved |= ABS ((int) a[c] - (int) b[c]) > NP_CHANNEL_TOLERANCE;
      guint32 *out = (guint32 *) (d + y * ds + 4 * x);
      *out = moved ? 0xFFFF0000 : 0xFF000000 | (0xC0C0C0 + (a[1] >> 2) * 0x010101);
      changed += moved;
    }
  cairo_surface_mark_dirty (diff);
  return changed;
}

static void
test_sample_page (void)
{
  g_autofree char *report = g_build_filename (np_test_source_dir (), "tests",
                                              "visual", "sample.txt", NULL);
  g_autofree char *ref = g_build_filename (np_test_source_dir (), "tests",
                                           "visual", "sample-1.png", NULL);
  cairo_surface_t *got = np_render_sample (report);
  if (g_strcmp0 (g_getenv ("NP_UPDATE_REFS"), "1") == 0) {
    g_assert_cmpint (cairo_surface_write_to_png (got, ref), ==,
                     CAIRO_STATUS_SUCCESS);
    g_test_message ("rewrote %s", ref);
    cairo_surface_destroy (got);
    return;
  }
  cairo_surface_t *want = cairo_image_surface_create_from_png (ref);
  g_assert_cmpint (cairo_surface_status (want), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (got), ==,
                   cairo_image_surface_get_width (want));
  g_assert_cmpint (cairo_image_surface_get_height (got), ==,
                   cairo_image_surface_get_height (want));
  cairo_surface_t *diff = cairo_image_surface_create (
    CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (got),
    cairo_image_surface_get_height (got));
  guint changed = np_compare (got, want, diff);
  double share = (double) changed / (cairo_image_surface_get_width (got) *
                                     cairo_image_surface_get_height (got));
  if (share > NP_CHANGED_LIMIT) {
    cairo_surface_write_to_png (got, "visual-sample-1.png");
    cairo_surface_write_to_png (diff, "visual-sample-1-diff.png");
    g_error ("%.2f%% of the pixels changed (limit %.2f%%); see "
             "visual-sample-1.png and visual-sample-1-diff.png in %s",
             100 * share, 100 * NP_CHANGED_LIMIT, g_get_current_dir ());
  }
  cairo_surface_destroy (diff);
  cairo_surface_destroy (want);
  cairo_surface_destroy (got);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/visual/sample-page", test_sample_page);
  return g_test_run ();
}
