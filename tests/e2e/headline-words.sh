#!/bin/sh
# No headline breaks inside a word as ICU's dictionary divides it: every
# report of tests/cases, tests/corpus, tests/issue, the examples and the
# reference, rendered, its headline's lines read back from the PDF.
#   headline-words.sh NEWSPRINT ICU-WORDS SOURCE-DIR REFERENCE
set -u
. "$(dirname "$0")/common.sh"
np=$1 icu=$2 src=$3 reference=$4
need "$np" "$icu" "$reference" "$src/tests/corpus" "$src/tests/cases"
python3 "$(dirname "$0")/check_headline_words.py" "$np" "$icu" \
  "$src"/tests/cases/*.txt "$src"/tests/corpus/*.txt \
  "$src"/tests/issue/*.txt "$src"/examples/*.txt "$reference" &&
  pass || fail "a headline breaks inside a word"
tally headline-words
