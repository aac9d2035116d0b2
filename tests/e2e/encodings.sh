#!/bin/sh
# Encoding round trips: the same report in every encoding newsprint reads
# is read as the same structure as its UTF-8 original, whether the encoding
# is detected or named with --encoding; a wrongly named one fails cleanly
# or is flagged, and never crashes.
#   encodings.sh NEWSPRINT SOURCE_DIR
set -u
. "$(dirname "$0")/common.sh"
np=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The reports: Traditional (with emoji, which Big5 cannot hold), the same
# without its emoji (every character of it exists in Big5: checked below
# by iconv without -c), and Simplified, with and without its emoji.
cp "$src/examples/report.txt" "$work/traditional.txt"
cp "$src/tests/cases/simplified-blankline.txt" "$work/simplified.txt"
python3 - "$work" <<'PY'
import sys
def is_emoji(c):
    return ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF or c == "\ufe0f"
for name, plain in (("traditional", "big5safe"), ("simplified", "plain")):
    text = open(sys.argv[1] + "/" + name + ".txt", encoding="utf-8").read()
    assert any(map(is_emoji, text)), "the premise: the report has emoji"
    open(sys.argv[1] + "/" + plain + ".txt", "w", encoding="utf-8").write(
        "".join(c for c in text if not is_emoji(c)))
PY
if ! iconv -f UTF-8 -t BIG5 "$work/big5safe.txt" >/dev/null; then
  fail "big5safe.txt has characters that Big5 lacks"
fi

# variant REPORT KIND: writes REPORT in encoding KIND to stdout.
variant() {
  case $2 in
  gb18030) iconv -f UTF-8 -t GB18030 "$1" ;;
  big5) iconv -f UTF-8 -t BIG5 "$1" ;;
  utf16le-bom) printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$1" ;;
  utf16be-bom) printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$1" ;;
  utf8-bom-crlf) printf '\357\273\277'; sed 's/$/\r/' "$1" ;;
  gb18030-crlf) sed 's/$/\r/' "$1" | iconv -f UTF-8 -t GB18030 ;;
  utf16le-bom-cr) printf '\377\376'; tr '\n' '\r' <"$1" | iconv -f UTF-8 -t UTF-16LE ;;
  esac
}

# same WANT.json FILE [OPTION...]: the dump of FILE equals WANT.json, with
# nothing on stderr but the emoji warning.
same() {
  want=$1 file=$2
  shift 2
  "$np" --dump-structure "$@" "$file" >"$work/got.json" 2>"$work/err"
  code=$?
  if [ "$code" -ne 0 ]; then
    fail "$file $*: exit $code"; cat "$work/err"
  elif ! cmp -s "$want" "$work/got.json"; then
    fail "$file $*: another structure than the UTF-8 original"
    diff "$want" "$work/got.json" | head -10
  elif grep -v 'emoji kept' "$work/err" | grep -q .; then
    fail "$file $*: unexpected messages"; cat "$work/err"
  else pass; fi
}

for report in traditional big5safe simplified; do
  "$np" --dump-structure "$work/$report.txt" >"$work/$report.json" 2>/dev/null ||
    fail "$report.txt: no dump"
  kinds="gb18030 utf16le-bom utf16be-bom utf8-bom-crlf gb18030-crlf utf16le-bom-cr"
  if [ "$report" = big5safe ]; then kinds="$kinds big5"; fi
  for kind in $kinds; do
    file="$work/$report-$kind.txt"
    variant "$work/$report.txt" "$kind" >"$file" || fail "cannot make $file"
    # Detected.
    same "$work/$report.json" "$file"
    # Named.
    case $kind in
    gb18030 | gb18030-crlf) same "$work/$report.json" "$file" --encoding GB18030 ;;
    big5)
      same "$work/$report.json" "$file" --encoding BIG5
      same "$work/$report.json" "$file" --encoding big5 ;;
    utf16le-bom | utf16le-bom-cr)
      same "$work/$report.json" "$file" --encoding UTF-16
      same "$work/$report.json" "$file" --encoding UTF-16LE ;;
    utf16be-bom)
      same "$work/$report.json" "$file" --encoding UTF-16
      same "$work/$report.json" "$file" --encoding UTF-16BE ;;
    utf8-bom-crlf) same "$work/$report.json" "$file" --encoding UTF-8 ;;
    esac
  done
  # The original itself, named.
  same "$work/$report.json" "$work/$report.txt" --encoding UTF-8
done

# A PDF renders from a legacy encoding too (the whole pipeline, not just
# the reading).
if "$np" "$work/big5safe-big5.txt" -o "$work/big5.pdf" 2>"$work/err" &&
   pdfinfo "$work/big5.pdf" >/dev/null 2>&1; then
  pass; else fail "big5safe-big5.txt: no valid PDF"; cat "$work/err"; fi

# wrong FILE ENCODING: a wrongly named encoding fails with one line and
# exit 65, or renders with a warning that the encoding is doubtful; never
# a crash (a signal, or a sanitizer's exit code) or a silent success.
wrong() {
  "$np" --dump-structure --encoding "$2" "$1" >/dev/null 2>"$work/err"
  code=$?
  if [ "$code" -eq 65 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
     grep -q "^newsprint: $1: line [0-9]*: not valid $2 text at byte [0-9]*$" "$work/err"; then
    pass
  elif [ "$code" -eq 0 ] &&
       grep -q "^newsprint: $1: read as $2, the text has few common Chinese characters" "$work/err"; then
    pass
  else
    fail "$1 read as $2: exit $code, stderr:"; cat "$work/err"
  fi
}
# GB18030 as Big5: the Traditional report hits a byte pair that Big5 lacks
# on line 1; the Simplified one without emoji converts, into nonsense.
wrong "$work/traditional-gb18030.txt" BIG5
wrong "$work/big5safe-gb18030.txt" BIG5
wrong "$work/simplified-gb18030.txt" BIG5
iconv -f UTF-8 -t GB18030 "$work/plain.txt" >"$work/plain-gb18030.txt"
wrong "$work/plain-gb18030.txt" BIG5
if grep -q 'few common' "$work/err"; then pass; else
  fail "plain-gb18030.txt as BIG5: no doubtful-encoding warning"; cat "$work/err"; fi
# And the other way round, Big5 and UTF-8 named as GB18030, UTF-16 named
# as Big5.
wrong "$work/big5safe-big5.txt" GB18030
wrong "$work/traditional.txt" GB18030
wrong "$work/traditional-utf16le-bom.txt" BIG5

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
