/* fuzz-report.c: libFuzzer target for the reading stages.
 *
 * Any bytes go the way a report does before layout: source (decode),
 * report (parse), punct (widen marks), emojitext (census and strip) and
 * the --dump-structure JSON; and they are decoded once more in a named
 * encoding, as with --encoding.  Bad input must give an error, never a crash,
 * a leak or a GLib critical (criticals are for programming errors only,
 * CODING.md), so criticals and warnings abort here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "document.h"
#include "emojitext.h"
#include "error.h"
#include "fuzzutil.h"
#include "punct.h"
#include "report.h"
#include "source.h"
#include "fuzzutil.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  np_fuzz_init ("fuzz-report");
  return 0;
}

static void
census (NpDocument *doc)
{
  NpEmojiCensus census;
  np_emoji_census (doc, &census);
  g_string_free (census.first, TRUE);
}

/* --encoding NAME: the same bytes in one of the encodings a user may name,
 * chosen by the input's length so that every input keeps one meaning. */
static void
decode_named (const uint8_t *data, size_t size)
{
  static const char *const encodings[] = { "GB18030", "BIG5", "UTF-16",
                                           "UTF-8" };
  GError *error = NULL;
  NpSourceNotes notes;
  g_autofree char *text = np_source_decode_as (
    (const char *) data, size, "fuzz.txt",
    encodings[size % G_N_ELEMENTS (encodings)], &notes, &error);
  g_assert ((text == NULL) != (error == NULL));
  if (error) {
    g_error_free (error);
    return;
  }
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  np_source_notes_warn (&notes, warnings);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  decode_named (data, size);

  GError *error = NULL;
  NpSourceNotes notes;
  g_autofree char *text = np_source_decode_noted ((const char *) data, size,
                                                  "fuzz.txt", &notes, &error);
  if (!text) {
    g_assert (error != NULL);
    g_error_free (error);
    return 0;
  }
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  np_source_notes_warn (&notes, warnings);

  g_autoptr (NpDocument) doc = np_report_parse (text, "fuzz.txt", &error);
  if (!doc) {
    g_assert (error != NULL);
    g_error_free (error);
    return 0;
  }
  np_punct_normalize (doc);
  census (doc);
  g_free (np_document_to_json (doc));
  np_emoji_strip (doc);
  census (doc);
  g_free (np_document_to_json (doc));
  return 0;
}
