/* issue.c: the issue model (see issue.h). */
#include "issue.h"

#include <string.h>

#include "error.h"

static void
np_article_free (NpArticle *a)
{
  g_free (a->path);
  g_free (a->name);
  g_free (a->section);
  g_free (a->photos);
  g_free (a->title);
  g_free (a->encoding);
  np_document_free (a->doc);
  g_free (a);
}

NpIssue *
np_issue_new (void)
{
  NpIssue *issue = g_new0 (NpIssue, 1);
  issue->articles =
    g_ptr_array_new_with_free_func ((GDestroyNotify) np_article_free);
  return issue;
}

void
np_issue_free (NpIssue *issue)
{
  if (!issue)
    return;
  g_ptr_array_free (issue->articles, TRUE);
  char **fields[] = { &issue->path, &issue->masthead, &issue->number,
                      &issue->serial, &issue->date, &issue->publisher,
                      &issue->editor, &issue->reviewer, &issue->address,
                      &issue->phone, &issue->email, &issue->print_run,
                      &issue->report_to, &issue->send_to, &issue->copy_to,
                      &issue->layout };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (*fields[i]);
  g_free (issue);
}

NpArticle *
np_issue_add_article (NpIssue *issue, const char *path)
{
  NpArticle *a = g_new0 (NpArticle, 1);
  a->path = g_strdup (path);
  a->name = strcmp (path, "-") == 0 ? g_strdup ("stdin")
                                    : g_filename_display_name (path);
  g_ptr_array_add (issue->articles, a);
  return a;
}

gboolean
np_issue_is_file (const char *path)
{
  gsize n = strlen (path);
  return n > 4 && g_ascii_strcasecmp (path + n - 4, ".ini") == 0;
}

NpIssue *
np_issue_load (const char *path, GError **error)
{
  g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: cannot read", path);
  return NULL;
}

char *
np_issue_to_json (const NpIssue *issue)
{
  (void) issue;
  return g_strdup ("{}\n");
}
