/* words.c: where Chinese text divides into words and phrases.
 *
 * Contract: np_words_breaks() takes a paragraph's text and gives, for each
 * place between two characters, whether it lies inside a word, between two
 * words, or between two phrases.  Words are ICU's (the word break iterator
 * with its Chinese dictionary); a number keeps the unit that follows it
 * (2025年, 100余人, 8 平台) and a name in 《》「」『』“” stays whole; the
 * phrase boundaries are read from the cue words of data/cues.ini
 * ([linebreak]).  It does not choose breaks: shape.c does, and body text
 * does not ask, since clreq lets it break between any two characters.
 */
#include "words.h"

#include "cues.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

/* ICU's word boundaries of `text` (`len` bytes) into `at`; FALSE when ICU
 * cannot (no data, or a text past its int32 lengths). */
static gboolean
np_words_icu (const char *text, gsize len, guint8 *at)
{
  if (len > G_MAXINT32 / 2)
    return FALSE;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  u_strFromUTF8 (NULL, 0, &n, text, (int32_t) len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return FALSE;
  status = U_ZERO_ERROR;
  g_autofree UChar *units = g_new (UChar, n + 1);
  u_strFromUTF8 (units, n + 1, NULL, text, (int32_t) len, &status);
  if (U_FAILURE (status))
    return FALSE;
  /* byte[k]: the byte offset of UTF-16 unit k */
  g_autofree gsize *byte = g_new (gsize, n + 1);
  int32_t k = 0;
  for (const char *p = text; p < text + len && k < n;
       p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    byte[k++] = (gsize) (p - text);
    if (c > 0xFFFF && k < n)
      byte[k++] = (gsize) (p - text); /* inside a surrogate pair */
  }
  byte[k] = len;
  UBreakIterator *words = ubrk_open (UBRK_WORD, "zh", units, n, &status);
  if (U_FAILURE (status))
    return FALSE;
  for (int32_t b = ubrk_first (words); b != UBRK_DONE; b = ubrk_next (words))
    if (b <= k)
      at[byte[b]] = NP_WORDS_BOUNDARY;
  ubrk_close (words);
  return TRUE;
}

/* A number stays with the unit or measure word that follows it: 2025年,
 * 100余人, 8 平台: a reader takes the number and what it counts as one
 * word, which GB/T 9704-2012 7.3.3 asks a broken title to keep whole. */
static void
np_words_keep_numbers (const char *text, gsize len, guint8 *at)
{
  for (gsize p = 1; p < len; p++) {
    /* the letter first: a run of spaces is then walked back once */
    if (at[p] == NP_WORDS_INSIDE ||
        !g_unichar_isalpha (g_utf8_get_char (text + p)))
      continue;
    const char *q = text + p;
    while (q > text && q[-1] == ' ')
      q--;
    const char *prev = g_utf8_find_prev_char (text, q);
    if (prev && g_unichar_isdigit (g_utf8_get_char (prev)))
      at[p] = NP_WORDS_INSIDE;
  }
}

/* The marks that hold a name: 《》 〈〉 「」 『』 “”. */
static const gunichar np_words_pairs[][2] = {
  { 0x300A, 0x300B }, { 0x3008, 0x3009 }, { 0x300C, 0x300D },
  { 0x300E, 0x300F }, { 0x201C, 0x201D },
};

/* A title in 《》 or a name in quotes is read as one: no break inside it,
 * when it closes within the text.  Linear: the text after a name is not
 * searched again, nor for a mark already found unclosed. */
static void
np_words_keep_names (const char *text, gsize len, guint8 *at)
{
  guint unclosed = 0; /* bit k: no np_words_pairs[k][1] is left */
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    for (guint k = 0; k < G_N_ELEMENTS (np_words_pairs); k++) {
      if (c != np_words_pairs[k][0] || (unclosed & (1u << k)))
        continue;
      const char *from = g_utf8_next_char (p);
      const char *end = g_utf8_strchr (from, (gssize) (text + len - from),
                                       np_words_pairs[k][1]);
      if (!end) {
        unclosed |= 1u << k;
        break;
      }
      memset (at + (from - text), NP_WORDS_INSIDE, (gsize) (end - from) + 1);
      p = end;
      break;
    }
  }
}

/* The length of the word of `words` that runs from place `p` to a word
 * boundary, or 0; `before` looks back: a word that ends at `p`. */
static gsize
np_words_cue (const char *const *words, const char *text, gsize len,
              const guint8 *word, gsize p, gboolean before)
{
  for (const char *const *w = words; *w; w++) {
    gsize n = strlen (*w);
    gsize from = before ? p - MIN (n, p) : p;
    if (before && n > p)
      continue;
    if (from + n <= len && word[from] != NP_WORDS_INSIDE &&
        word[from + n] != NP_WORDS_INSIDE && strncmp (text + from, *w, n) == 0)
      return n;
  }
  return 0;
}

/* Characters an event verb may stand from the 在 that opened its clause
 * (在江屿职业技术学院举行: eight between them), beyond which it starts a
 * clause of its own. */
#define NP_CLAUSE_REACH 16

/* Whether a word of `places` opens the clause that runs to place `p`: no
 * punctuation between, and no more than NP_CLAUSE_REACH characters. */
static gboolean
np_words_in_place (const char *const *places, const char *text, gsize len,
                   const guint8 *word, gsize p)
{
  const char *q = text + p;
  for (guint k = 0; k < NP_CLAUSE_REACH && q > text; k++) {
    q = g_utf8_find_prev_char (text, q);
    gunichar c = g_utf8_get_char (q);
    if (!g_unichar_isalnum (c))
      return FALSE;
    if (np_words_cue (places, text, len, word, (gsize) (q - text), FALSE))
      return TRUE;
  }
  return FALSE;
}

/* Editors break a headline between its phrases: before 暨 and before the
 * clause of the event (在…召开, 隆重举行), after the name of an
 * organisation (…联盟 | 年度工作会议); GB/T 9704-2012 7.3.3 asks a title
 * broken over lines to keep its sense whole (词意完整).  The cue words are
 * data. */
static void
np_words_phrases (const char *text, gsize len, guint8 *at)
{
  g_autoptr (NpCues) cues = np_cues_new ();
  const char *const *before = np_cues_list (cues, "linebreak/before");
  const char *const *verbs = np_cues_list (cues, "linebreak/verbs");
  const char *const *places = np_cues_list (cues, "linebreak/places");
  const char *const *nouns = np_cues_list (cues, "linebreak/event-nouns");
  const char *const *after = np_cues_list (cues, "linebreak/after");
  g_autofree guint8 *word = g_memdup2 (at, len + 1);
  for (gsize p = 1; p < len; p++) {
    if (word[p] == NP_WORDS_INSIDE)
      continue;
    gsize verb = np_words_cue (verbs, text, len, word, p, FALSE);
    if (np_words_cue (before, text, len, word, p, FALSE) ||
        np_words_cue (after, text, len, word, p, TRUE) ||
        (verb && !np_words_cue (nouns, text, len, word, p + verb, FALSE) &&
         !np_words_in_place (places, text, len, word, p)))
      at[p] = NP_WORDS_PHRASE;
  }
}

guint8 *
np_words_breaks (const char *text, gboolean phrases)
{
  g_return_val_if_fail (text != NULL, NULL);
  gsize len = strlen (text);
  guint8 *at = g_new0 (guint8, len + 1);
  if (!np_words_icu (text, len, at)) {
    memset (at, NP_WORDS_BOUNDARY, len + 1);
    return at;
  }
  at[0] = at[len] = NP_WORDS_BOUNDARY;
  np_words_keep_numbers (text, len, at);
  np_words_keep_names (text, len, at);
  if (phrases)
    np_words_phrases (text, len, at);
  return at;
}
