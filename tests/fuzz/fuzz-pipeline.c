/* fuzz-pipeline.c: libFuzzer target for the whole pipeline.
 *
 * Any bytes go the way `newsprint report.txt` takes them: source (decode),
 * report, punct, emojitext, story and shape, flow, and draw, to a PDF that
 * Cairo writes into a callback that throws it away.  The fonts and the two
 * shipped layouts are loaded once; the input's length picks the layout and
 * whether the proof's annotations are set, so that every input keeps one
 * meaning.  Inputs are capped at NP_FUZZ_MAX bytes: a report of that size
 * already reaches every rule, and each run stays quick.  A crash, a leak or
 * a GLib critical or warning is a finding (criticals abort here).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "convert.h"
#include "draw.h"
#include "emojitext.h"
#include "flow.h"
#include "fonts.h"
#include "punct.h"
#include "report.h"
#include "source.h"
#include "story.h"
#include "fuzzutil.h"

/* Bytes of input set at most: a few pages of text. */
#define NP_FUZZ_MAX 4096

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static NpFonts *np_fonts[2];  /* by NpScript */
static NpStyle *np_styles[2]; /* bulletin, compact */
static NpConverter *np_converters[4]; /* zh-Hans, zh-Hant, zh-TW, zh-HK */

static char *
data_path (const char *leaf)
{
  return g_build_filename (NP_SOURCE_DATADIR, leaf, NULL);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  np_fuzz_init ("fuzz-pipeline");
  GError *error = NULL;
  g_autofree char *conf = data_path ("fonts/fonts.conf");
  static const NpScript scripts[] = { NP_SCRIPT_HANT, NP_SCRIPT_HANS };
  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++) {
    np_fonts[scripts[i]] = np_fonts_new (conf, scripts[i], &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (np_converters); i++) {
    g_autofree char *own = data_path ("opencc");
    np_converters[i] = np_converter_new (NP_VARIANT_HANS + i, NULL, own,
                                         &error);
    g_assert_no_error (error);
  }
  static const char *const layouts[] = { "layouts/bulletin.ini",
                                         "layouts/compact.ini" };
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++) {
    g_autofree char *path = data_path (layouts[i]);
    np_styles[i] = np_style_load (path, &error);
    g_assert_no_error (error);
  }
  return 0;
}

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int len)
{
  (void) data;
  *(gsize *) closure += len;
  return CAIRO_STATUS_SUCCESS;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > NP_FUZZ_MAX)
    return 0;
  GError *error = NULL;
  NpSourceNotes notes;
  g_autofree char *text = np_source_decode_noted ((const char *) data, size,
                                                  "fuzz.txt", &notes, &error);
  if (!text) {
    g_assert (error != NULL);
    g_error_free (error);
    return 0;
  }
  g_autoptr (NpDocument) doc = np_report_parse (text, "fuzz.txt", &error);
  if (!doc) {
    g_assert (error != NULL);
    g_error_free (error);
    return 0;
  }
  np_punct_normalize (doc);
  if (size % 5 == 4)
    np_emoji_strip (doc);
  /* An edition, for one input in two: --to zh-Hans … zh-HK. */
  if (size % 11 < 4)
    np_convert_document (np_converters[size % 11], doc, NULL);

  const NpStyle *style = np_styles[size % 2];
  NpFonts *fonts = np_fonts[doc->script];
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (NpPages) pages = np_pages_new ();
  g_autoptr (NpStory) story = np_story_new (doc, style, fonts, pages, warnings);
  if (size % 3 == 2)
    np_story_annotate (story, doc, style, fonts, pages);
  np_flow (story, style, fonts, pages);

  gsize written = 0;
  gboolean press_marks = size % 7 == 6; /* --bleed 9 --crop-marks */
  NpPress press = { .bleed = press_marks ? 9 : 0, .crop_marks = press_marks };
  gboolean ok = np_draw_pdf_stream (pages, &press, discard, &written, &error);
  if (!ok) {
    /* Drawing fails only for a reason of Cairo's: a bug here. */
    fprintf (stderr, "fuzz-pipeline: %s\n", error->message);
    abort ();
  }
  g_assert (written > 0);
  return 0;
}
