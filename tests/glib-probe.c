/* glib-probe.c: GLib API newer than 2.68, which the build must refuse.
 *
 * ctest's build/glib-2.68 compiles this with the engine's flags and
 * expects GLib's "Not available before 2.70": newsprint declares GLib 2.68
 * as its minimum, and GLIB_VERSION_MAX_ALLOWED keeps newer calls out. */
#include <glib.h>

gboolean np_glib_probe (const char *text);

gboolean
np_glib_probe (const char *text)
{
  g_autoptr (GPatternSpec) spec = g_pattern_spec_new ("*.ini");
  return g_pattern_spec_match_string (spec, text); /* since 2.70 */
}
