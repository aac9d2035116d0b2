/* cues.h: the cue words of the structure rules (data/cues.ini).
 *
 * The words report.c reads a report's structure by are data, not code:
 * data/cues.ini lists them in both scripts, and this file gives them to
 * the rules as lists and as the few look-ups the rules make (does a text
 * open with, end with, hold or equal a word of a list).  The file is built
 * into newsprint, so the cues never go missing.
 */
#ifndef NP_CUES_H
#define NP_CUES_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct NpCues NpCues;

/* The built-in cues.  Never fails: a cues.ini that does not load is a
 * build error, caught by the tests. */
NpCues *np_cues_new (void);
void np_cues_free (NpCues *cues); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpCues, np_cues_free)

/* The words of `group`/`key`, longest first (NULL-terminated, owned by
 * `cues`).  A list the file lacks is empty. */
const char *const *np_cues_list (NpCues *cues, const char *list);

/* Look-ups in the list named "group/key" (e.g. "caption/marks").  Each
 * returns the byte length of the longest matching word, or 0. */
gsize np_cues_opens (NpCues *cues, const char *list, const char *text);
gsize np_cues_closes (NpCues *cues, const char *list, const char *text);
gboolean np_cues_is (NpCues *cues, const char *list, const char *text);
/* Where a word of the list first occurs in `text` (its length in
 * `length`), or NULL. */
const char *np_cues_find (NpCues *cues, const char *list, const char *text,
                          gsize *length);

/* The list as a regular-expression alternation "(?:w1|w2|…)", each word
 * escaped.  Newly allocated. */
char *np_cues_pattern (NpCues *cues, const char *list);

G_END_DECLS

#endif
