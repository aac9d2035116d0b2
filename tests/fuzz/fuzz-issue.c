/* fuzz-issue.c: libFuzzer target for issue files (issue.c).
 *
 * The bytes are written to a file, since np_issue_load() reads a path, and
 * loaded.  A bad issue file must give an error, never a crash, a leak or a
 * GLib critical, so criticals and warnings abort here.  A file that loads
 * is dumped as JSON, with a document for its first article, as
 * --dump-structure does.  run.sh lets inputs grow to 64 KiB, past the
 * longest value an issue file may hold (NP_ISSUE_MAX_VALUE), so that the
 * limit is fuzzed too.
 */
#include <stdint.h>
#include <string.h>

#include "error.h"
#include "fuzzutil.h"
#include "issue.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *issue_path; /* the file every input is written to */

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  np_fuzz_init ("fuzz-issue");
  issue_path = np_fuzz_temp_file (".ini");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  np_fuzz_write (data, size);

  GError *error = NULL;
  g_autoptr (NpIssue) issue = np_issue_load (issue_path, &error);
  g_assert ((issue == NULL) != (error == NULL));
  if (error) {
    g_assert (error->domain == NP_ERROR);
    g_assert (g_utf8_validate (error->message, -1, NULL));
    g_assert (!strchr (error->message, '\n'));
    g_error_free (error);
    return 0;
  }
  g_assert (issue->articles->len > 0);
  NpArticle *first = g_ptr_array_index (issue->articles, 0);
  g_assert (first->path && first->name);
  first->doc = np_document_new ();
  first->doc->headline = g_strdup (first->title);
  g_autofree char *json = np_issue_to_json (issue);
  g_assert (g_utf8_validate (json, -1, NULL));
  return 0;
}
