/* test-emoji.c: emoji sequences in text, and the strip filter. */
#include <string.h>

#include "emojitext.h"
#include "report.h"
#include "testutil.h"

/* The spans of `text`, as the substrings they cover, joined by "|". */
static char *
np_spans_of (const char *text)
{
  g_autoptr (GArray) spans = np_emoji_spans (text);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++) {
    const NpSpan *s = &g_array_index (spans, NpSpan, i);
    if (i)
      g_string_append_c (out, '|');
    g_string_append_len (out, text + s->start, s->end - s->start);
  }
  return g_string_free (out, FALSE);
}

static void
np_check_spans (const char *text, const char *expect)
{
  g_autofree char *got = np_spans_of (text);
  g_assert_cmpstr (got, ==, expect);
}

static void
test_sequences (void)
{
  /* a base with its skin tone is one sequence */
  np_check_spans ("中👩🏽中", "👩🏽");
  /* complete ZWJ sequences are one; a family of four */
  np_check_spans ("中👨‍👩‍👧‍👦中", "👨‍👩‍👧‍👦");
  np_check_spans ("中💆🏼‍♀️中", "💆🏼‍♀️");
  /* flags are pairs of regional indicators */
  np_check_spans ("中🇨🇳🇩🇪中", "🇨🇳|🇩🇪");
  /* keycaps */
  np_check_spans ("第1️⃣名", "1️⃣");
  /* a broken sequence (no ZWJ) is two */
  np_check_spans ("中👩🏽🦳中", "👩🏽|🦳");
  np_check_spans ("中🤦🏿♀️中", "🤦🏿|♀️");
}

/* clreq and UTS #51: a symbol without U+FE0F stays a text symbol. */
static void
test_text_presentation (void)
{
  np_check_spans ("中♀中", "");
  np_check_spans ("中♀️中", "♀️");
  np_check_spans ("骰子⚃和牌🂠", "");
  np_check_spans ("中✍🏼中", "✍🏼");
  np_check_spans ("2024年", "");
  g_assert_true (np_emoji_is_presentation (0x1F600));
  g_assert_false (np_emoji_is_presentation (0x2640));
}

static void
np_check_strip (const char *text, const char *expect, guint expect_count)
{
  guint count = 0;
  g_autofree char *got = np_emoji_strip_text (text, &count);
  g_assert_cmpstr (got, ==, expect);
  g_assert_cmpuint (count, ==, expect_count);
}

static void
test_strip (void)
{
  np_check_strip ("孫真榮👩🏽🦳、上海", "孫真榮、上海", 2);
  np_check_strip ("徐國慶💆🏼♀️、同濟", "徐國慶、同濟", 1);
  np_check_strip ("共建🚣🏼♂️🧙🏼♀️、共享", "共建、共享", 2);
  np_check_strip ("國旗🇨🇳與第1️⃣名", "國旗與第1名", 2);
  np_check_strip ("企業🂠、骰子⚃", "企業、骰子", 2);
  /* no doubled mark, no stray space */
  np_check_strip ("交流,🎉,分享", "交流,分享", 1);
  np_check_strip ("大會 🎉 召開", "大會召開", 1);
  np_check_strip ("the AI 🤖 lab", "the AI lab", 1);
  /* Chinese text and ordinary symbols stay */
  np_check_strip ("產教融合→共同發展①", "產教融合→共同發展①", 0);
  np_check_strip ("🎉🎉", "", 2);
}

static void
test_strip_document (void)
{
  GError *error = NULL;
  g_autoptr (NpDocument) doc = np_report_parse (
    "🎉2024年6月18日上午,大會召開🚀。\n正文👍。\n🎉🎉\n嘉賓合影📸\n", "test",
    &error);
  g_assert_no_error (error);
  guint before = doc->blocks->len;
  guint n = np_emoji_strip (doc);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpuint (doc->blocks->len, ==, before - 1); /* the emoji line */
  for (guint i = 0; i < doc->blocks->len; i++) {
    const NpBlock *b = g_ptr_array_index (doc->blocks, i);
    g_autoptr (GArray) spans = np_emoji_spans (b->text);
    g_assert_cmpuint (spans->len, ==, 0);
    g_assert_null (strstr (b->text, "\xEF\xB8\x8F")); /* U+FE0F */
  }
}

static void
test_census (void)
{
  GError *error = NULL;
  g_autoptr (NpDocument) doc = np_report_parse (
    "2024年6月18日上午,大會召開🚀。\n正文👍🏽,再見👋🎉。\n", "test", &error);
  g_assert_no_error (error);
  NpEmojiCensus census;
  np_emoji_census (doc, &census);
  g_assert_cmpuint (census.count, ==, 4);
  g_assert_cmpstr (census.first->str, ==,
                   "line 1: 🚀, line 2: 👍🏽, line 2: 👋");
  g_string_free (census.first, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emoji/sequences", test_sequences);
  g_test_add_func ("/emoji/text-presentation", test_text_presentation);
  g_test_add_func ("/emoji/strip", test_strip);
  g_test_add_func ("/emoji/strip-document", test_strip_document);
  g_test_add_func ("/emoji/census", test_census);
  return g_test_run ();
}
