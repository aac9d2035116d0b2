/* issue.h: an issue file (or several reports) -> the issue model.
 *
 * A newsletter issue is one masthead with its number, several reports
 * (articles) one after another, and the publisher's details that close it.
 * An issue comes from an issue file (a GKeyFile, examples/issue.ini) or
 * from reports named on the command line; either way it is this model,
 * which the later stages set as one story.  It holds text and paths only.
 */
#ifndef NP_ISSUE_H
#define NP_ISSUE_H

#include <glib.h>

#include "document.h"

G_BEGIN_DECLS

/* One report of the issue. */
typedef struct {
  char *path;      /* the report file ("-": standard input); relative paths
                      of an issue file are resolved against its folder */
  char *name;      /* the path as messages show it (UTF-8) */
  char *section;   /* the section it is filed under (要闻), or NULL */
  char *photos;    /* its photo folder, or NULL */
  char *title;     /* a headline that replaces the report's, or NULL */
  char *encoding;  /* the report's encoding, or NULL: detected */
  NpDocument *doc; /* the report as read, once np_read_issue has read it */
} NpArticle;

/* The issue's own fields.  Every string may be NULL: not given. */
typedef struct {
  char *path;       /* the issue file, or NULL (reports on the command
                       line) */
  char *masthead;   /* the newsletter's name; NULL: the layout's */
  char *number;     /* 2025年第3期 */
  char *serial;     /* 总第27期 */
  char *date;       /* 2025年3月20日 */
  char *publisher;  /* 主办 / 编印单位 */
  char *editor;     /* 编辑 */
  char *reviewer;   /* 审核 */
  char *address;    /* 地址 */
  char *phone;      /* 电话 */
  char *email;      /* 邮箱 */
  char *print_run;  /* 印数 (300份) */
  char *report_to;  /* 报: the offices a 简报 is reported to */
  char *send_to;    /* 送 */
  char *copy_to;    /* 发 */
  char *layout;     /* the layout the file asks for, or NULL */
  char *to;         /* the edition it asks for (zh-Hans…), or NULL */
  char *phrases;    /* its phrase file (resolved like a report), or NULL */
  GPtrArray *articles; /* of NpArticle*, owned, in reading order */
} NpIssue;

NpIssue *np_issue_new (void);
void np_issue_free (NpIssue *issue); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpIssue, np_issue_free)

/* Appends an article for the report at `path` (copied) and returns it. */
NpArticle *np_issue_add_article (NpIssue *issue, const char *path);

/* Whether `path` names an issue file rather than a report: its name ends
 * in ".ini". */
gboolean np_issue_is_file (const char *path);

/* Reads an issue file: the [issue] group and one [report …] group per
 * article, in the order of the file.  Strict like a layout: an unknown
 * group or key, a value over NP_ISSUE_MAX_VALUE bytes, a report group
 * without `file` or a file with no report is NP_ERROR_DATA, with a message
 * naming the file, the group and the key ("issue.ini: [report 2] file:
 * …").  A file that cannot be opened is NP_ERROR_NO_INPUT.  The reports
 * themselves are not read here. */
NpIssue *np_issue_load (const char *path, GError **error);

#define NP_ISSUE_MAX_FILE (1024 * 1024)
#define NP_ISSUE_MAX_VALUE 4096

/* The issue as stable, indented JSON: its fields, then each article with
 * its file, section, photos and, once read, its document
 * (np_document_to_json).  Newly allocated. */
char *np_issue_to_json (const NpIssue *issue);

G_END_DECLS

#endif
