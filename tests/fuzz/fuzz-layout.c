/* fuzz-layout.c: libFuzzer target for layout files (style.c).
 *
 * The bytes are written to a file, since np_style_load() reads a path, and
 * loaded.  A bad layout must give an error, never a crash, a leak or a
 * GLib critical, so criticals and warnings abort here.  The same bytes, up
 * to a NUL, are read as a length too, as --bleed reads its value.  run.sh
 * lets inputs grow to 64 KiB, past the longest value and line a layout may
 * hold (NP_STYLE_MAX_VALUE), so that those limits are fuzzed too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "error.h"
#include "fuzzutil.h"
#include "style.h"
#include "fuzzutil.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *layout_path; /* the file every input is written to */

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  np_fuzz_init ("fuzz-layout");
  layout_path = np_fuzz_temp_file (".ini");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  np_fuzz_write (data, size);

  g_autofree char *text = g_strndup ((const char *) data, size);
  double points = -1;
  g_autofree char *why = NULL;
  if (np_style_parse_length (text, 0, 72, &points, &why))
    g_assert (points >= 0 && points <= 72 && !why);
  else
    g_assert (why != NULL);

  GError *error = NULL;
  g_autoptr (NpStyle) style = np_style_load (layout_path, &error);
  g_assert ((style == NULL) != (error == NULL));
  if (error)
    g_error_free (error);
  else {
    /* What the later stages ask of a style. */
    (void) np_style_masthead (style, NP_SCRIPT_HANS);
    (void) np_style_footer (style, NP_SCRIPT_HANT);
    (void) np_style_column_width (style);
    (void) np_style_pitch (style);
  }
  return 0;
}
