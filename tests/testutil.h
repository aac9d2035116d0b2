/* testutil.h: helpers shared by the unit tests. */
#ifndef NP_TESTUTIL_H
#define NP_TESTUTIL_H

#include <glib.h>

/* The project's source folder (NP_SOURCE_DIR, else the compiled-in one). */
const char *np_test_source_dir (void);
/* The folder holding reports/ and audit/ (NP_SHARED_DIR), or NULL. */
const char *np_test_shared_dir (void);
/* Path of the reference report, or NULL (the test should then skip). */
char *np_test_reference_report (void);
/* Reads a file the test needs; aborts the test when it cannot. */
char *np_test_read (const char *path);

#endif
