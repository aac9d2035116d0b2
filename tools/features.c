/* newsprint-features: the features of each paragraph of a report, as the
 * role model weighs them, for tools/fit-roles.py.
 *
 *   newsprint-features REPORT
 *
 * Prints a line per paragraph: the report line it starts on and its
 * feature names, TAB-separated.  The report is read and decoded as
 * newsprint reads it (any encoding it detects). */
#include "report.h"
#include "source.h"

#include <stdio.h>

int
main (int argc, char **argv)
{
  if (argc != 2) {
    fprintf (stderr, "usage: newsprint-features REPORT\n");
    return 64;
  }
  g_autoptr (GError) error = NULL;
  g_autofree char *text = np_source_read (argv[1], &error);
  if (!text) {
    fprintf (stderr, "newsprint-features: %s\n", error->message);
    return 65;
  }
  g_autofree char *features = np_report_features (text);
  fputs (features, stdout);
  return 0;
}
