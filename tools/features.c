/* newsprint-features: the features of each paragraph of a report, as the
 * role model weighs them, for tools/fit-roles.py.
 *
 *   newsprint-features [--roles] REPORT
 *
 * Prints a line per paragraph: the report line it starts on and its
 * feature names, TAB-separated; with --roles, the role the model decided,
 * its probability, the best other role, its probability and the features
 * that weighed most.  The report is read and decoded as
 * newsprint reads it (any encoding it detects). */
#include "report.h"
#include "source.h"

#include <stdio.h>

int
main (int argc, char **argv)
{
  gboolean roles = argc == 3 && g_strcmp0 (argv[1], "--roles") == 0;
  if (argc != 2 + roles) {
    fprintf (stderr, "usage: newsprint-features [--roles] REPORT\n");
    return 64;
  }
  g_autoptr (GError) error = NULL;
  g_autofree char *text = np_source_read (argv[1 + roles], &error);
  if (!text) {
    fprintf (stderr, "newsprint-features: %s\n", error->message);
    return 65;
  }
  g_autofree char *features = np_report_features (text, roles);
  fputs (features, stdout);
  return 0;
}
