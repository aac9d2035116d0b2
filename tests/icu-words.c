/* icu-words.c: each line of standard input with ICU's word boundaries
 * marked by '|', as ICU's dictionary word breaker finds them for Chinese.
 *
 * The headline test reads it to check newsprint's breaks against ICU
 * itself rather than against newsprint's own reading of the words. */
#include <stdio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int
main (void)
{
  static char line[1 << 16];
  static UChar text[1 << 16];
  static char word[1 << 18];
  while (fgets (line, sizeof line, stdin)) {
    line[strcspn (line, "\n")] = '\0';
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8 (text, (int32_t) (sizeof text / sizeof *text), &n, line, -1,
                   &status);
    UBreakIterator *words = ubrk_open (UBRK_WORD, "zh", text, n, &status);
    if (U_FAILURE (status)) {
      fprintf (stderr, "icu-words: %s\n", u_errorName (status));
      return 1;
    }
    int32_t a = ubrk_first (words);
    for (int32_t b = ubrk_next (words); b != UBRK_DONE;
         a = b, b = ubrk_next (words)) {
      int32_t m = 0;
      u_strToUTF8 (word, (int32_t) sizeof word, &m, text + a, b - a, &status);
      printf ("%s%s", a ? "|" : "", word);
    }
    printf ("\n");
    ubrk_close (words);
  }
  return 0;
}
