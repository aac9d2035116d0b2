#!/bin/sh
# The files around a run: inputs never overwritten by the output, devices
# and pipes written as they are, an existing output's permissions kept, no
# temporary file left behind (not even after a signal), one file open at a
# time for proofs, and SOURCE_DATE_EPOCH read strictly.
#   files.sh NEWSPRINT REPORT
set -u
np=$1 report=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
passes=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { passes=$((passes + 1)); }

# expect CODE PATTERN -- COMMAND...: exit status CODE and one stderr line
# matching PATTERN.
expect() {
  code=$1 pattern=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  got=$?
  if [ "$got" -ne "$code" ] || ! grep -q -- "$pattern" "$work/err" ||
     [ "$(wc -l <"$work/err")" -ne 1 ]; then
    fail "$*: exit $got (want $code), stderr: $(cat "$work/err")"
  else pass; fi
}

cp "$report" "$work/r.txt"
# The report says nothing odd, so a good run writes nothing to stderr.
printf '2024年6月18日上午，大會在禮堂召開。\n會議由主任主持。\n' >"$work/short.txt"

# SOURCE_DATE_EPOCH: whole seconds since 1970, or unset (empty); anything
# else is refused rather than read as 1970.
for bad in abc 12x 1.5 -1 ' 7' 253402300800; do
  expect 64 "^newsprint: SOURCE_DATE_EPOCH: must be a whole number of seconds since 1970 .*(got '$bad')$" -- \
    env SOURCE_DATE_EPOCH="$bad" "$np" "$work/short.txt" -o "$work/epoch.pdf"
done
[ ! -e "$work/epoch.pdf" ] || fail "a refused SOURCE_DATE_EPOCH wrote a PDF"
if SOURCE_DATE_EPOCH= "$np" "$work/short.txt" -o "$work/epoch.pdf" &&
   SOURCE_DATE_EPOCH=0 "$np" "$work/short.txt" -o "$work/zero.pdf" &&
   pdfinfo "$work/zero.pdf" | grep -q '^CreationDate: *Thu Jan  1 00:00:00 1970' &&
   ! pdfinfo "$work/epoch.pdf" | grep -q '^CreationDate: .* 1970'; then
  pass; else fail "SOURCE_DATE_EPOCH empty (now) or 0 (1970)"; fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
