#!/bin/sh
# Runs with no allowed line break (10,000 。, （ or — in a row) are broken
# by force: every character is still in the PDF, no text runs past the
# right margin, and one warning says so, however many such runs there are.
#   unbreakable.sh NEWSPRINT
set -u
. "$(dirname "$0")/common.sh"
np=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for mark in 。 （ —; do
  python3 - "$work/r.txt" "$mark" <<'PY'
import sys
mark = sys.argv[2]
open(sys.argv[1], "w", encoding="utf-8").write(
    "會議報道\n\n2024年6月18日，會議召開。\n\n首段" + mark * 10000 + "段末\n\n"
    + "又一段" + mark * 3000 + "段末\n")
PY
  "$np" "$work/r.txt" -o "$work/r.pdf" 2>"$work/err"
  code=$?
  if [ "$code" -ne 0 ]; then fail "$mark: exit $code"; cat "$work/err"; continue; fi
  warned=$(grep -c "no allowed line break in a run of" "$work/err")
  [ "$warned" -eq 1 ] || { fail "$mark: $warned warnings, not 1"; cat "$work/err"; }
  pdftotext -enc UTF-8 "$work/r.pdf" "$work/r.out"
  found=$(python3 -c 'import sys; print(open(sys.argv[1], encoding="utf-8").read().count(sys.argv[2]))' "$work/r.out" "$mark")
  # 。 also ends the date line.
  want=13000
  [ "$mark" = 。 ] && want=13001
  [ "$found" -eq "$want" ] || fail "$mark: $found in the PDF, not $want"
  # Every word inside the right margin (A4, 595 points wide; margins 18mm),
  # but for a mark ending a line, whose blank half may hang into it (clreq
  # 3.1.6): half an em of the 10.5 point body.
  pdftotext -bbox "$work/r.pdf" - | python3 -c '
import re, sys
right = max(float(x) for x in re.findall(r"xMax=\"([0-9.]+)\"", sys.stdin.read()))
sys.exit(0 if right < 595.28 - 18 * 72 / 25.4 + 5.5 else "text reaches x = %.1f" % right)' ||
    fail "$mark: text runs past the margin"
  echo "$mark: $found kept, $warned warning"
done
[ "$fails" -eq 0 ] || exit 1
