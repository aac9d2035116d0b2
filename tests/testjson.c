/* testjson.c: the JSON dumps read back, for the tests that check them. */
#include "testjson.h"

JsonObject *
np_test_json_read (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GError *error = NULL;
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  JsonNode *root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}
