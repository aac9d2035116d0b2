#!/bin/sh
# Inputs that are not what they should be: a device, a FIFO, a folder or a
# huge file as the report or standard input; a FIFO, a huge, a very wide,
# a cut-off JPEG or PNG and a CMYK photo.  Each bad one gets one line
# naming it and the right exit status, at once, and leaves the inputs as
# they were; the good ones print right.
#   inputs.sh NEWSPRINT REPORT
set -eu
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
np=$(abs "$1") report=$(abs "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$work"

# refuses STATUS LINE ARGS...: newsprint ARGS must exit with STATUS
# within 60 s (a wait for ever is a failure), end with LINE, and write
# nothing.  Standard input is $stdin.
stdin=/dev/null
refuses() {
  want=$1 line=$2
  shift 2
  status=0
  rm -f out.pdf
  timeout 60 "$np" "$@" -o out.pdf <"$stdin" >/dev/null 2>err || status=$?
  [ "$status" -ne 124 ] || fail "$*: still waiting after 60 s"
  [ "$status" -eq "$want" ] || fail "$*: exit $status, not $want: $(cat err)"
  # warnings about the report may come first; the error is the last line
  [ "$(tail -n 1 err)" = "newsprint: $line" ] || fail "$*: message: $(cat err)"
  [ ! -e out.pdf ] || fail "$*: wrote a PDF"
}

# The report.
refuses 66 "/dev/zero: is a device, not a regular file" /dev/zero
refuses 66 "/dev/urandom: is a device, not a regular file" /dev/urandom
mkfifo pipe.txt
refuses 66 "pipe.txt: is a named pipe, not a regular file" pipe.txt
mkdir folder
refuses 66 "folder: is a directory" folder
truncate -s 17M big.txt
refuses 65 "big.txt: too large (17.0 MiB; the limit is 16.0 MiB)" big.txt
stdin=/dev/zero
refuses 65 "stdin: too large (more than the limit of 16.0 MiB)" -
stdin=/dev/null
head -c 20000000 /dev/zero | tr '\0' 'a' >long.txt
stdin=long.txt
refuses 65 "stdin: too large (more than the limit of 16.0 MiB)" -
stdin=/dev/null
timeout 60 "$np" - -o stdin.pdf 2>/dev/null <"$report" ||
  fail "a report on standard input"

# keep FOLDER...: remember the files' checksums, to be checked at the end.
keep() { find "$@" -type f -exec md5sum {} + >>sums; }

# The photos.  ImageMagick's own policy stops at 16000 pixels a side.
mkdir policy
sed 's/"16KP"/"64KP"/g' /etc/ImageMagick-6/policy.xml >policy/policy.xml
export MAGICK_CONFIGURE_PATH="$work/policy"
mkdir photos
convert -size 400x300 xc:navy photos/01.jpg
cp -r photos fifo && rm fifo/01.jpg && mkfifo fifo/01.jpg
keep photos
refuses 66 "fifo/01.jpg: is a named pipe, not a regular file" --photos fifo "$report"
refuses 66 "/dev/null: cannot open the photo folder: not a folder" --photos /dev/null "$report"
refuses 66 "none: cannot open the photo folder: No such file or directory" --photos none "$report"

# Cut off: libjpeg would fill the rest with grey and only warn.
cp -r photos cut
convert -size 800x600 plasma:fractal -quality 90 whole.jpg
head -c $(($(wc -c <whole.jpg) / 2)) whole.jpg >cut/01.jpg
keep cut
refuses 65 "cut/01.jpg: not a readable JPEG or PNG image (the JPEG data stops short: the file is cut off or damaged)" --photos cut "$report"
# gdk-pixbuf takes a cut-off PNG for whole, without a word.
mkdir cut-png
convert -size 800x600 plasma:fractal whole.png
head -c $(($(wc -c <whole.png) / 2)) whole.png >cut-png/01.png
keep cut-png
refuses 65 "cut-png/01.png: not a readable JPEG or PNG image (the PNG data stops short: the file is cut off or damaged)" --photos cut-png "$report"

# More pixels than may be decoded (110 megapixels): refused from its
# header, before the pixels take memory and time.
mkdir huge
python3 - huge/01.png <<'PY'
import struct, sys, zlib
w, h = 11000, 10000
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
z = zlib.compressobj(1)
row = b"\0" + b"\xff\0\0" * w
data = b"".join(z.compress(row) for _ in range(h)) + z.flush()
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n"
    + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", data) + chunk(b"IEND", b""))
PY
keep huge
refuses 65 "huge/01.png: 11000 x 10000 pixels is too large a photo (the limit is 100 megapixels): scale it down first" --photos huge "$report"

# Wider than a Cairo image may be: decoded at the size it prints.
mkdir wide
convert -size 40000x100 gradient:red-blue wide/01.png
convert -size 100x40000 gradient:red-blue wide/02.jpg
keep wide
"$np" --photos wide "$report" -o wide.pdf 2>err || fail "wide photos: $(cat err)"
pdfimages -list wide.pdf | awk 'NR > 2 && ($4 > 2100 || $5 > 2100) {
  print "FAIL: a photo embedded at " $4 "x" $5; exit 1 }'
[ "$(pdfimages -list wide.pdf | grep -c ' 40000 \| 2[0-9][0-9][0-9] ')" -ge 2 ] ||
  fail "the wide photos are not in the PDF: $(pdfimages -list wide.pdf)"

# CMYK as Photoshop and ImageMagick write it (Adobe, inverted): the red
# must print red, not a dark negative.
mkdir cmyk
convert -size 640x480 xc:'rgb(255,0,0)' -colorspace CMYK cmyk/01.jpg
keep cmyk
"$np" --photos cmyk "$report" -o cmyk.pdf 2>err || fail "CMYK photo: $(cat err)"
red=$(pdftoppm -r 30 -f 1 -l 1 cmyk.pdf | python3 -c '
import sys
ppm = sys.stdin.buffer.read().split(maxsplit=4)
w, h, px = int(ppm[1]), int(ppm[2]), ppm[4]
print(sum(1 for i in range(0, w * h * 3, 3)
          if px[i] > 200 and px[i + 1] < 60 and px[i + 2] < 60))')
[ "$red" -gt 1000 ] || fail "the CMYK photo does not print red ($red red pixels)"

# Order: IMG_9 before IMG_10, as a file manager shows them.
mkdir order
convert -size 900x600 xc:green order/IMG_10.jpg
convert -size 600x900 xc:green order/IMG_9.jpg
keep order
"$np" --photos order "$report" -o order.pdf 2>/dev/null || fail "order"
first=$(pdfimages -list order.pdf | awk '$4 == 600 || $4 == 900 { print $4 "x" $5; exit }')
[ "$first" = "600x900" ] || fail "IMG_10.jpg placed before IMG_9.jpg ($first first)"

# Nothing the runs above read has changed.
[ -p pipe.txt ] && [ -p fifo/01.jpg ] || fail "a FIFO is gone"
[ "$(wc -c <big.txt)" -eq 17825792 ] || fail "big.txt changed"
md5sum -c --quiet sums || fail "a photo changed"
echo "devices, FIFOs, folders, huge, wide, cut-off and CMYK inputs"
