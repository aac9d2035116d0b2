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
  /* Emoji=Yes in text style: a picture only with U+FE0F (UTS #51) */
  np_check_spans ("氣溫🌡辣椒🌶工具🛠版權©愛❤", "");
  np_check_spans ("氣溫🌡️辣椒🌶️版權©️", "🌡️|🌶️|©️");
  /* U+FE0E keeps even an emoji-default character text */
  np_check_spans ("手錶⌚︎和⌚", "⌚");
  /* # alone is text; as a keycap, a picture */
  np_check_spans ("#話題# #️⃣", "#️⃣");
  /* a pictograph that is no emoji character stays text with U+FE0F */
  np_check_spans ("骰子⚃️", "");
  g_assert_true (np_emoji_is_presentation (0x1F600));
  g_assert_false (np_emoji_is_presentation (0x2640));
}

/* Answers taken from Unicode's emoji-data.txt (UTS #51, Emoji 15.0) for
 * characters a Chinese report holds: Emoji=Yes in text style (© ❤ 🌡 🌶
 * 🛠) is a picture only with U+FE0F; Emoji_Presentation=Yes (😀 ⌚) is one
 * alone; # is Emoji only as a keycap base; CJK text and marks never are. */
typedef struct {
  gunichar c;
  gboolean part;    /* looked past by the rules */
  gboolean picture; /* a colour picture alone */
} NpEmojiCase;

static const NpEmojiCase np_emoji_cases[] = {
  { 0x00A9, TRUE, FALSE },  /* © Emoji, Extended_Pictographic, text */
  { 0x2122, TRUE, FALSE },  /* ™ */
  { 0x2764, TRUE, FALSE },  /* ❤ text default */
  { 0x2640, TRUE, FALSE },  /* ♀ */
  { 0x1F321, TRUE, FALSE }, /* 🌡 Emoji=Yes, Emoji_Presentation=No */
  { 0x1F336, TRUE, FALSE }, /* 🌶 */
  { 0x1F6E0, TRUE, FALSE }, /* 🛠 */
  { 0x1F54A, TRUE, FALSE }, /* 🕊 */
  { 0x2683, TRUE, FALSE },  /* ⚃ Extended_Pictographic, Emoji=No */
  { 0x1F0A0, TRUE, FALSE }, /* 🂠 */
  { 0x1F600, TRUE, TRUE },  /* 😀 Emoji_Presentation */
  { 0x231A, TRUE, TRUE },   /* ⌚ */
  { 0x1F680, TRUE, TRUE },  /* 🚀 */
  { 0x270C, TRUE, TRUE },   /* ✌ Emoji_Modifier_Base: Pango shows it so */
  { 0x1F575, TRUE, TRUE },  /* 🕵 Emoji_Modifier_Base */
  { 0x1F3FD, TRUE, TRUE },  /* 🏽 Emoji_Modifier, a swatch alone */
  { 0x1F1E8, TRUE, TRUE },  /* 🇨 regional indicator */
  { 0x200D, TRUE, FALSE },  /* ZWJ: Emoji_Component */
  { 0x20E3, TRUE, FALSE },  /* combining keycap */
  { 0xFE0F, TRUE, FALSE },  /* VS16 */
  { 0xFE0E, TRUE, FALSE },  /* VS15, of emoji-variation-sequences.txt */
  { 0xE0067, TRUE, FALSE }, /* tag g */
  { '#', FALSE, FALSE },    /* Emoji (keycap base), never alone */
  { '1', FALSE, FALSE },
  { 0xFE00, FALSE, FALSE },  /* VS1: no emoji selector */
  { 0x1F100, FALSE, FALSE }, /* 🄀 enclosed digit, no pictograph */
  { 0x1F130, FALSE, FALSE }, /* 🄰 */
  { 0x1F700, FALSE, FALSE }, /* 🜀 alchemical symbol */
  { 0x2713, FALSE, FALSE },  /* ✓ */
  { 0x2460, FALSE, FALSE },  /* ① */
  { 0x4E2D, FALSE, FALSE },  /* 中 */
  { 0x3002, FALSE, FALSE },  /* 。 */
  { 0xFF0C, FALSE, FALSE },  /* ， */
  { 0x3001, FALSE, FALSE },  /* 、 */
  { 0x300C, FALSE, FALSE },  /* 「 */
  { 0x300A, FALSE, FALSE },  /* 《 */
  { 0x2014, FALSE, FALSE },  /* — */
  { 0x00B7, FALSE, FALSE },  /* · */
  { 0x3000, FALSE, FALSE },  /* ideographic space */
};

static void
test_properties (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (np_emoji_cases); i++) {
    const NpEmojiCase *e = &np_emoji_cases[i];
    g_test_message ("U+%04X", e->c);
    g_assert_cmpint (np_emoji_is_part (e->c), ==, e->part);
    g_assert_cmpint (np_emoji_is_presentation (e->c), ==, e->picture);
    /* alone between Han characters: a span exactly when a picture */
    char utf8[8] = { 0 };
    g_unichar_to_utf8 (e->c, utf8);
    g_autofree char *text = g_strconcat ("中", utf8, "中", NULL);
    g_autoptr (GArray) spans = np_emoji_spans (text);
    g_assert_cmpuint (spans->len, ==, e->picture ? 1 : 0);
  }
}

/* Unicode's emoji data, read here on its own, as one byte of property
 * bits per code point: the oracle for the tables built into newsprint. */
enum {
  NP_PICT = 1 << 0,         /* Extended_Pictographic */
  NP_COMPONENT = 1 << 1,    /* Emoji_Component */
  NP_PRESENTATION = 1 << 2, /* Emoji_Presentation */
  NP_MODIFIER_BASE = 1 << 3,
  NP_SELECTOR = 1 << 4, /* ends an emoji variation sequence */
};

static void
np_emoji_data_line (char **fields, gpointer data)
{
  guint8 *props = data;
  static const struct {
    const char *name;
    guint8 bit;
  } known[] = {
    { "Extended_Pictographic", NP_PICT },
    { "Emoji_Component", NP_COMPONENT },
    { "Emoji_Presentation", NP_PRESENTATION },
    { "Emoji_Modifier_Base", NP_MODIFIER_BASE },
  };
  gunichar first, last;
  np_test_code_range (fields[0], &first, &last);
  g_strstrip (fields[1]);
  for (gsize k = 0; k < G_N_ELEMENTS (known); k++)
    if (strcmp (fields[1], known[k].name) == 0)
      for (gunichar c = first; c <= last; c++)
        props[c] |= known[k].bit;
}

/* "0023 FE0E ; text style;": the selector is the second code point. */
static void
np_variation_line (char **fields, gpointer data)
{
  guint8 *props = data;
  char *end;
  g_ascii_strtoull (fields[0], &end, 16);
  gunichar selector, same;
  np_test_code_range (g_strchug (end), &selector, &same);
  props[selector] |= NP_SELECTOR;
}

/* Every code point answers as emoji-data.txt says: rules look past
 * Extended_Pictographic, Emoji_Component (but # * 0-9, emoji only in a
 * keycap) and the emoji selectors; a character is a picture alone when
 * Emoji_Presentation or, as Pango shows it, Emoji_Modifier_Base. */
static void
test_whole_table (void)
{
  g_autofree guint8 *props = g_new0 (guint8, NP_TEST_CODE_POINTS);
  np_test_each_unicode_line ("emoji/emoji-data.txt", np_emoji_data_line, props);
  np_test_each_unicode_line ("emoji/emoji-variation-sequences.txt",
                             np_variation_line, props);
  guint part = 0, want_part = 0, picture = 0, want_picture = 0, wrong = 0;
  for (gunichar c = 0; c < NP_TEST_CODE_POINTS; c++) {
    gboolean p = (props[c] & (NP_PICT | NP_SELECTOR)) ||
                 ((props[c] & NP_COMPONENT) && c >= 0x80);
    gboolean q = (props[c] & (NP_PRESENTATION | NP_MODIFIER_BASE)) != 0;
    want_part += p;
    want_picture += q;
    part += np_emoji_is_part (c);
    picture += np_emoji_is_presentation (c);
    if (p != np_emoji_is_part (c) || q != np_emoji_is_presentation (c)) {
      if (wrong++ < 10)
        g_test_message ("U+%04X: part %d (want %d), picture %d (want %d)", c,
                        np_emoji_is_part (c), p, np_emoji_is_presentation (c),
                        q);
    }
  }
  g_test_message ("%u parts, %u pictures alone", want_part, want_picture);
  /* the oracle read something: emoji-data.txt 15.0 has 3537 pictographs */
  g_assert_cmpuint (want_part, >, 3000);
  g_assert_cmpuint (want_picture, >, 1000);
  g_assert_cmpuint (part, ==, want_part);
  g_assert_cmpuint (picture, ==, want_picture);
  g_assert_cmpuint (wrong, ==, 0);
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
  /* emoji characters of the pictograph planes and symbol blocks go even
   * in text style; those of other blocks carry meaning and stay */
  np_check_strip (
    "氣溫🌡、辣椒🌶️、笑☺、性別⚧、©新華社",
    "氣溫、辣椒、笑、性別、©新華社", 4);
  np_check_strip ("版權©、商標™、往返↔、播放▶、祝㊗、地鐵Ⓜ",
                  "版權©、商標™、往返↔、播放▶、祝㊗、地鐵Ⓜ", 0);
  /* U+FE0E goes with its symbol: one emoji, no stray selector */
  np_check_strip ("手錶⌚︎、⌚", "手錶、", 2);
  /* not emoji: ✓ ❶ ☆ are no pictographs */
  np_check_strip ("✓完成、❶第一、☆星", "✓完成、❶第一、☆星", 0);
  /* no emoji: VS1 and enclosed letters are not emoji components */
  np_check_strip ("葛\xEF\xB8\x80、🄰", "葛\xEF\xB8\x80、🄰", 0);
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
  g_test_add_func ("/emoji/properties", test_properties);
  g_test_add_func ("/emoji/whole-table", test_whole_table);
  g_test_add_func ("/emoji/strip", test_strip);
  g_test_add_func ("/emoji/strip-document", test_strip_document);
  g_test_add_func ("/emoji/census", test_census);
  return g_test_run ();
}
