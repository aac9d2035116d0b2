#!/bin/sh
# --photos: pictures of several sizes, kinds and orientations fill the
# frames; JPEG goes into the PDF as it is; a soft photo is warned about; a
# corrupt one is an error naming it.
#   photos.sh NEWSPRINT REPORT AUDIT_DIR [REFERENCE EXPECT.json]
set -eu
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
here=$(abs "$(dirname "$0")")
np=$(abs "$1") report=$(abs "$2") audit=$(abs "$3")
reference=${4:+$(abs "$4")} expect=${5:+$(abs "$5")}
. "$(dirname "$0")/common.sh"
need "$report" "$audit/newsletter_audit.py" ${reference:+"$reference"} ${expect:+"$expect"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$work/photos"
cd "$work/photos"
convert -size 1600x1200 gradient:navy-gold 01.jpg
convert -size 800x1200 plasma:fractal -quality 85 b.jpg
convert -size 1200x800 gradient:red-white c-stored.jpg
convert -size 600x400 xc:green d.png
convert -size 200x150 xc:blue e-small.jpg
# c.jpg: stored landscape, EXIF orientation 6 (turn right): upright portrait.
python3 - <<'PY'
import struct
data = open("c-stored.jpg", "rb").read()
ifd = struct.pack("<HHHIHH", 1, 0x0112, 3, 1, 6, 0) + struct.pack("<I", 0)
tiff = b"II*\0" + struct.pack("<I", 8) + ifd
app1 = b"Exif\0\0" + tiff
open("c.jpg", "wb").write(data[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + data[2:])
PY
rm c-stored.jpg
cd "$work"

"$np" "$report" -o plain.pdf 2>/dev/null
"$np" --photos photos "$report" -o photo.pdf 2>err || { cat err; fail "exit $?"; }
grep -q "photo e-small.jpg prints at [0-9]* dpi (below 150)" err || fail "no low-resolution warning: $(cat err)"
pdfimages -list photo.pdf >list
[ "$(grep -c ' jpeg ' list)" -eq 4 ] || fail "expected 4 JPEGs passed through: $(cat list)"
grep -q ' 1600  *1200 .* jpeg ' list || fail "01.jpg not at 1600x1200"
grep -q ' 600  *400 ' list || fail "the PNG is missing"
# The JPEGs are embedded, not re-encoded: the PDF grows by about their size.
jpegs=$(cat photos/*.jpg | wc -c)
grown=$(( $(wc -c <photo.pdf) - $(wc -c <plain.pdf) ))
[ "$grown" -ge "$jpegs" ] && [ "$grown" -le $((jpegs + 65536)) ] || fail "PDF grew by $grown bytes for $jpegs bytes of JPEG"
# c.jpg is drawn turned: its 1200x800 pixels fill a portrait box.
mutool trace photo.pdf | python3 -c '
import re, sys
for m in re.finditer(r"<fill_image[^>]*transform=\"([^\"]+)\" width=\"1200\" height=\"800\"", sys.stdin.read()):
    a, b, c, d = [abs(float(v)) for v in m.group(1).split()[:4]]
    sys.exit(0 if a < 1e-3 and d < 1e-3 else "c.jpg not turned: %s" % m.group(1))
sys.exit("c.jpg not found")'
python3 "$audit/newsletter_audit.py" photo.pdf --source "$report" --strict >/dev/null || fail "audit problems with photos"
python3 "$here/check_pdf.py" --qpdf photo.pdf || fail "qpdf --check"

# A corrupt photo: one line naming it, exit 65, nothing written.
cp -r photos broken && printf 'not a picture' >broken/02.jpg
if "$np" --photos broken "$report" -o broken.pdf 2>err; then fail "corrupt photo accepted"; fi
grep -q '^newsprint: .*02.jpg: not a readable JPEG or PNG image' err || fail "message: $(cat err)"
[ ! -e broken.pdf ] || fail "wrote a PDF despite the error"
if "$np" --photos nowhere "$report" -o x.pdf 2>err; then fail "missing folder accepted"; fi
grep -q '^newsprint: nowhere' err || fail "message: $(cat err)"
# The whole newsletter in one command: eight photos, outline, tags,
# byte-identical output, and the audit still content.
if [ -n "$reference" ]; then
  mkdir eight
  for i in 1 2 3 4 5 6 7 8; do
    convert -size $((1200 + 40 * i))x900 plasma:fractal -quality 80 "eight/0$i.jpg"
  done
  SOURCE_DATE_EPOCH=1718668800 "$np" --photos eight "$reference" -o r1.pdf 2>/dev/null
  SOURCE_DATE_EPOCH=1718668800 "$np" --photos eight "$reference" -o r2.pdf 2>/dev/null
  cmp -s r1.pdf r2.pdf || fail "not reproducible with photos"
  [ "$(pdfimages -list r1.pdf | grep -c ' jpeg ')" -eq 8 ] || fail "not 8 photos"
  pdfinfo r1.pdf | grep -q '^Tagged: *yes' || fail "not tagged"
  python3 "$here/check_pdf.py" --qpdf r1.pdf || fail "qpdf --check"
  [ "$(mutool show r1.pdf outline | grep -c .)" -ge 2 ] || fail "no outline"
  python3 "$audit/newsletter_audit.py" r1.pdf --source "$reference" \
    --expect "$expect" --strict >audit.txt || { cat audit.txt; fail "audit"; }
fi
echo "photos placed, JPEG passed through, orientation, warnings and errors"
