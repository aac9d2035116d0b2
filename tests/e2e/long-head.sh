#!/bin/sh
# A headline, date, issue or masthead too long for the page (2,000
# characters of --title, --date, --issue, 1,275 of a layout's masthead;
# 3,000 emoji or 600 Hebrew words as a title) is cut with an ellipsis and one warning;
# the PDF's text stays on its pages and no line lies over another.
#   long-head.sh NEWSPRINT REPORT
set -u
. "$(dirname "$0")/common.sh"
np=$1 report=$2
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

long=$(python3 -c 'print("產教融合發展大會在汽車城隆重召開，" * 120)')
# A layout value may hold 4096 bytes: 1,275 characters for the masthead.
mast=$(python3 -c 'print("產教融合發展大會在汽車城隆重召開，" * 75)')
printf '[masthead]\ntext = %s\n' "$mast" >"$work/masthead.ini"

# sets NAME PART OPTION...: renders with exit 0, one warning naming PART,
# the ellipsis in the text, nothing off the page or overlapping.
sets() {
  name=$1 part=$2
  shift 2
  "$np" "$@" "$report" -o "$work/$name.pdf" 2>"$work/$name.err"
  code=$?
  if [ "$code" -ne 0 ]; then fail "$name: exit $code"; cat "$work/$name.err"; return; fi
  warned=$(grep -c "$part: too long for the page" "$work/$name.err")
  [ "$warned" -eq 1 ] || { fail "$name: $warned warnings about the $part"; cat "$work/$name.err"; }
  pdftotext -enc UTF-8 "$work/$name.pdf" - | grep -q '……' ||
    fail "$name: no ellipsis in the text"
  python3 "$here/check_boxes.py" "$work/$name.pdf" || fail "$name: text off the page or overlapping"
  echo "$name: cut, one warning, nothing off the page"
}

sets title headline --title "$long"
sets date "issue and date line" --date "$long"
sets issue "issue and date line" --issue "$long"
sets masthead masthead --layout "$work/masthead.ini"
sets emoji headline --title "$(python3 -c 'print("😀" * 3000)')"
sets hebrew headline --title "$(python3 -c 'print("שלום " * 600)')"
[ "$fails" -eq 0 ] || exit 1
