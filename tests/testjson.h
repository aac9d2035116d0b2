/* testjson.h: the JSON dumps read back, for the tests that check them. */
#ifndef NP_TESTJSON_H
#define NP_TESTJSON_H

#include <json-glib/json-glib.h>

/* `json` read by json-glib, an independent reader: a dump must be JSON
 * that any tool takes.  Returns its top-level object (a new reference);
 * fails the test when it is not one. */
JsonObject *np_test_json_read (const char *json);

#endif
