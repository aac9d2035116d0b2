#!/bin/sh
# The file itself: tagged structure, outline, metadata, byte-identical
# output under SOURCE_DATE_EPOCH, and PNG/SVG proofs of every page.
#   pdf.sh NEWSPRINT REPORT
set -eu
np=$1 report=$2
. "$(dirname "$0")/common.sh"
need "$report"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

SOURCE_DATE_EPOCH=1718668800 "$np" "$report" -o "$work/a.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=1718668800 "$np" "$report" -o "$work/b.pdf" 2>/dev/null
cmp -s "$work/a.pdf" "$work/b.pdf" || fail "two runs differ under SOURCE_DATE_EPOCH"
info=$(pdfinfo "$work/a.pdf")
echo "$info" | grep -q '^Tagged: *yes' || fail "not tagged"
echo "$info" | grep -q '^CreationDate: *Tue Jun 18 00:00:00 2024' || fail "creation date not from SOURCE_DATE_EPOCH"
for key in Title Author Subject Keywords Creator; do
  echo "$info" | grep -q "^$key: *[^ ]" || fail "no $key"
done
# The outline names the headline and the tables.
outline=$(mutool show "$work/a.pdf" outline)
[ "$(echo "$outline" | grep -c .)" -ge 2 ] || fail "outline too short: $outline"
# Structure: paragraphs, a headline, figures with captions, table cells.
tree=$(mutool show "$work/a.pdf" grep)
for tag in /Part /H1 /P /Figure /Caption /Table /TR /TD /TH; do
  echo "$tree" | grep -q "/S$tag[^A-Za-z]" || fail "no $tag element"
done

pages=$(echo "$info" | sed -n 's/^Pages: *//p')
"$np" "$report" -o "$work/p.png" --dpi 72 2>/dev/null
[ "$(ls "$work"/p-*.png | wc -l)" -eq "$pages" ] || fail "PNG proofs: not one per page"
file "$work/p-1.png" | grep -q '596 x 842' || fail "PNG at 72 dpi is not A4: $(file "$work/p-1.png")"
"$np" "$report" -o "$work/s.svg" 2>/dev/null
[ "$(ls "$work"/s-*.svg | wc -l)" -eq "$pages" ] || fail "SVG proofs: not one per page"
grep -q 'width="595' "$work/s-1.svg" || fail "SVG is not A4"
# Print shop: 3 mm bleed and crop marks grow the media box; the trim stays A4.
"$np" --bleed 3mm --crop-marks "$report" -o "$work/press.pdf" 2>/dev/null
pdfinfo -box "$work/press.pdf" | python3 -c '
import re, sys
boxes = {m.group(1): [float(v) for v in m.group(2).split()]
         for m in re.finditer(r"^(\w+Box):\s+(.*)$", sys.stdin.read(), re.M)}
t, b, m = boxes["TrimBox"], boxes["BleedBox"], boxes["MediaBox"]
bleed = 3 * 72 / 25.4
ok = (abs(t[2] - t[0] - 595.28) < 0.1 and abs(t[3] - t[1] - 841.89) < 0.1
      and abs(t[0] - b[0] - bleed) < 0.1 and m[2] - m[0] > b[2] - b[0] + 30)
sys.exit(0 if ok else "boxes wrong: %s" % boxes)' || fail "bleed boxes"
# Under a decimal-comma locale every number in the file still has a full
# stop: the same bytes as under C.  The machine may have no such locale;
# localedef makes one from the locales package's sources.
comma=$(locale -a 2>/dev/null | grep -i -m1 '^\(de_DE\|fr_FR\)\.utf-\?8$' || true)
if [ -z "$comma" ]; then
  localedef -i de_DE -f UTF-8 "$work/de_DE.UTF-8" 2>/dev/null || fail "localedef de_DE"
  comma=de_DE.UTF-8 LOCPATH=$work
  export LOCPATH
fi
[ "$(LC_ALL=$comma python3 -c 'import locale; locale.setlocale(locale.LC_ALL, ""); print(locale.localeconv()["decimal_point"])')" = , ] ||
  fail "$comma has no decimal comma"
for loc in C "$comma"; do
  LC_ALL=$loc SOURCE_DATE_EPOCH=1718668800 "$np" --bleed 3mm --crop-marks "$report" -o "$work/press-$loc.pdf" 2>/dev/null
done
cmp -s "$work/press-C.pdf" "$work/press-$comma.pdf" || fail "the PDF differs under $comma: $(grep -a -m1 -o '/TrimBox [^]]*]' "$work/press-$comma.pdf")"
unset LOCPATH
python3 "$(dirname "$0")/check_pdf.py" --qpdf "$work/a.pdf" "$work/press.pdf" || fail "qpdf --check"
echo "tagged, outlined, reproducible; $pages PNG and SVG proofs; bleed; numbers under $comma"
