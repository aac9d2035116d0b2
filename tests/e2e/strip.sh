#!/bin/sh
# --emoji strip: the PDF's text holds no emoji, modifier, selector or
# joiner, and every Han character of the report is still there; the layout
# key [text] emoji = strip does the same.
#   strip.sh NEWSPRINT REPORT
set -eu
np=$1 report=$2
here=$(dirname "$0")
. "$here/common.sh"
need "$report"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() {
  python3 "$here/check_pdf.py" "$1" "$report"
  pdftotext -enc UTF-8 "$1" - | python3 -c '
import sys
text = sys.stdin.read()
left = [c for c in text if ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF
        or 0x2B00 <= ord(c) <= 0x2BFF or ord(c) in (0xFE0F, 0xFE0E, 0x200D, 0x20E3)]
if left:
    sys.exit("FAIL emoji left in the text: " + "".join(left[:20]))
print("no emoji in the text")'
}
"$np" --emoji strip "$report" -o "$work/strip.pdf" 2>"$work/err"
if grep -q "emoji kept" "$work/err"; then echo "FAIL: warned about kept emoji"; exit 1; fi
check "$work/strip.pdf"
printf '[text]\nemoji = strip\n' >"$work/strip.ini"
"$np" --layout "$work/strip.ini" "$report" -o "$work/layout.pdf" 2>/dev/null
check "$work/layout.pdf"
# Kept (the default), they are named once on standard error.
"$np" "$report" -o "$work/keep.pdf" 2>"$work/err"
grep -q "emoji kept (line " "$work/err" || { echo "FAIL: no warning"; cat "$work/err"; exit 1; }
echo "strip and keep behave"
