/* testutil.h: helpers shared by the unit tests. */
#ifndef NP_TESTUTIL_H
#define NP_TESTUTIL_H

#include <glib.h>

/* The project's source folder (NP_SOURCE_DIR, else the compiled-in one). */
const char *np_test_source_dir (void);
/* The folder holding reports/ and audit/ (NP_SHARED_DIR), or NULL. */
const char *np_test_shared_dir (void);
/* Path of the reference report, or NULL when it is missing: the test has
 * then failed, saying where the report was looked for, and returns. */
char *np_test_reference_report (void);
/* Reads a file the test needs; aborts the test when it cannot. */
char *np_test_read (const char *path);

/* Number of Unicode code points: U+0000..U+10FFFF. */
#define NP_TEST_CODE_POINTS 0x110000
/* Calls `each` with the ';'-separated fields (at least two, comments
 * dropped, not stripped) of every data line of Unicode's file `name`, a
 * path under NP_UNICODE_DIR ("LineBreak.txt", "emoji/emoji-data.txt"):
 * the tests read the standard's data themselves, as their oracle. */
void np_test_each_unicode_line (const char *name,
                                void (*each) (char **fields, gpointer data),
                                gpointer data);
/* The code points of a field "XXXX" or "XXXX..YYYY" into *first, *last. */
void np_test_code_range (const char *field, gunichar *first, gunichar *last);

#endif
