/* report.h: text -> document model (the structure rules, see README). */
#ifndef NP_REPORT_H
#define NP_REPORT_H

#include "document.h"

G_BEGIN_DECLS

/* Reads decoded report text (UTF-8, "\n" line ends) into a document.
 * Whatever is not recognised is a paragraph.  Returns NULL with
 * NP_ERROR_DATA when the text holds no words at all, or when every line
 * was read as not the report's (a page's junk, lines marked @@删除). */
NpDocument *np_report_parse (const char *text, const char *name,
                             GError **error);

/* The features of each paragraph of `text`, as the role model weighs them
 * (report-features.c), for fitting the model (tools/fit-roles.py): a line
 * per paragraph, its report line and its feature names, TAB-separated
 * (NAME=VALUE for a feature whose value is not 1).
 * With `roles`, the role decided instead of the features: the role, its
 * probability, the best other role, its probability and the features
 * that weighed most.  Newly allocated. */
char *np_report_features (const char *text, gboolean roles);

G_END_DECLS

#endif
