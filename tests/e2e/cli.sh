#!/bin/sh
# Command-line behaviour: exit codes, one-line errors, outputs never damaged.
#   cli.sh NEWSPRINT SOURCE_DIR
set -u
. "$(dirname "$0")/common.sh"
np=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

expect 64 '^newsprint: expected a REPORT' -- "$np"
expect 64 '^newsprint: .*--nonsense' -- "$np" --nonsense x.txt
expect 64 '^newsprint: REPORT is an empty name' -- "$np" "" -o "$work/a.pdf"
# Several reports make an issue; what belongs to one report alone is
# refused with them.
r="$src/examples/report.txt"
expect 64 '^newsprint: -o is needed with several reports' -- "$np" "$r" "$r"
expect 64 '^newsprint: - (standard input) is a report of its own' -- "$np" "$r" - -o "$work/a.pdf"
expect 64 '^newsprint: an issue file is given alone' -- "$np" "$r" "$work/i.ini" -o "$work/a.pdf"
expect 64 '^newsprint: --title names one report' -- "$np" "$r" "$r" --title T -o "$work/a.pdf"
expect 64 '^newsprint: --photos is one report' -- "$np" "$r" "$r" --photos "$work" -o "$work/a.pdf"
expect 64 '^newsprint: REPORT is an empty name' -- "$np" "$r" "" -o "$work/a.pdf"
expect 66 "^newsprint: $work/none.txt: cannot open" -- "$np" "$work/none.txt" -o "$work/a.pdf"
expect 66 "^newsprint: $work: is a directory" -- "$np" "$work" -o "$work/a.pdf"
printf '\n  \n' >"$work/empty.txt"
expect 65 "^newsprint: $work/empty.txt: the report is empty" -- "$np" "$work/empty.txt" -o "$work/a.pdf"
expect 73 "^newsprint: $work/no/such/dir/a.pdf: cannot create" -- "$np" "$src/examples/report.txt" -o "$work/no/such/dir/a.pdf"
expect 66 "^newsprint: nosuchlayout: no such layout" -- "$np" "$src/examples/report.txt" -o "$work/a.pdf" --layout nosuchlayout
printf '[page]\ncolumns = many\n' >"$work/bad.ini"
expect 65 "^newsprint: $work/bad.ini: \[page\] columns" -- "$np" "$src/examples/report.txt" -o "$work/a.pdf" --layout "$work/bad.ini"

# A failed run leaves an existing output untouched and no temporary file.
echo "precious" >"$work/keep.pdf"
"$np" "$work/empty.txt" -o "$work/keep.pdf" 2>/dev/null
if [ "$(cat "$work/keep.pdf")" != precious ] || ls -a "$work" | grep -q '^\.keep\.pdf\.'; then
  echo "FAIL: a failed run damaged keep.pdf or left a temporary file"; fails=$((fails + 1))
else passes=$((passes + 1)); fi

# Standard input and output, and the default output name.
if "$np" - -o - <"$src/examples/report.txt" 2>/dev/null | head -c 5 | grep -q '%PDF-'; then
  passes=$((passes + 1)); else echo "FAIL: - -o - did not write a PDF"; fails=$((fails + 1)); fi
cp "$src/examples/report.txt" "$work/r.txt"
if "$np" "$work/r.txt" 2>/dev/null && [ -s "$work/r.pdf" ]; then
  passes=$((passes + 1)); else echo "FAIL: no r.pdf beside r.txt"; fails=$((fails + 1)); fi
if "$np" --version | grep -q '^newsprint [0-9]' && "$np" --version | grep -q 'MIT License' &&
   head -1 "$src/LICENSE" | grep -q '^MIT License$' && grep -q 'MIT' "$src/README.md"; then
  passes=$((passes + 1)); else echo "FAIL: --version or LICENSE"; fails=$((fails + 1)); fi

# --help: REPORT... in the usage line; the proofs, the environment and
# the exit codes are named.
"$np" --help >"$work/help" 2>&1
if [ "$(sed -n 2p "$work/help")" = "  newsprint [OPTION…] REPORT..." ] &&
   grep -q -- '-o page.png' "$work/help" && grep -q -- '-o page.svg' "$work/help" &&
   grep -q 'one file per page' "$work/help" &&
   grep -q NEWSPRINT_DATADIR "$work/help" && grep -q XDG_DATA_HOME "$work/help" &&
   grep -q XDG_DATA_DIRS "$work/help" && grep -q SOURCE_DATE_EPOCH "$work/help" &&
   tr '\n' ' ' <"$work/help" | grep -q 'Exit status: .* 64 usage.* 65 .* 66 .* 70 .* 73 cannot create'; then
  passes=$((passes + 1)); else echo "FAIL: --help:"; cat "$work/help"; fails=$((fails + 1)); fi

# Layouts in $XDG_DATA_HOME/newsprint/layouts: found by name, listed with
# their file, and one of a name the source tree has listed as shadowed.
xdg=$work/xdg
mkdir -p "$xdg/newsprint/layouts"
"$np" --print-layout bulletin >"$xdg/newsprint/layouts/mine.ini"
cp "$src/layouts/compact.ini" "$xdg/newsprint/layouts/bulletin.ini"
XDG_DATA_HOME=$xdg "$np" --list-layouts >"$work/list"
tab=$(printf '\t')
if grep -qx "mine$tab$xdg/newsprint/layouts/mine.ini" "$work/list" &&
   grep -qx "bulletin$tab$src/layouts/bulletin.ini" "$work/list" &&
   grep -qx "bulletin$tab$xdg/newsprint/layouts/bulletin.ini$tab(shadowed)" "$work/list" &&
   grep -qx "compact$tab$src/layouts/compact.ini" "$work/list" &&
   grep -qx "jianbao$tab$src/layouts/jianbao.ini" "$work/list" &&
   [ "$(grep -c "^bulletin$tab" "$work/list")" -eq 2 ]; then
  passes=$((passes + 1)); else echo "FAIL: --list-layouts:"; cat "$work/list"; fails=$((fails + 1)); fi
if XDG_DATA_HOME=$xdg "$np" "$src/examples/report.txt" -l mine -o "$work/mine.pdf" 2>/dev/null &&
   head -c 5 "$work/mine.pdf" | grep -q '%PDF-'; then
  passes=$((passes + 1)); else echo "FAIL: -l mine from XDG_DATA_HOME"; fails=$((fails + 1)); fi
expect 66 "^newsprint: mine: no such layout" -- env XDG_DATA_HOME="$work/none" "$np" "$src/examples/report.txt" -o "$work/a.pdf" -l mine

# --print-layout: the file as it is; edited, it is used as -l FILE.
if "$np" --print-layout bulletin | cmp -s - "$src/layouts/bulletin.ini" &&
   "$np" --print-layout "$src/layouts/compact.ini" | cmp -s - "$src/layouts/compact.ini"; then
  passes=$((passes + 1)); else echo "FAIL: --print-layout is not the layout file"; fails=$((fails + 1)); fi
"$np" --print-layout bulletin | sed 's/^columns *= *2$/columns = 9/' >"$work/edited.ini"
if ! cmp -s "$work/edited.ini" "$src/layouts/bulletin.ini"; then
  expect 65 "^newsprint: $work/edited.ini: \[page\] columns" -- "$np" "$src/examples/report.txt" -o "$work/a.pdf" -l "$work/edited.ini"
else echo "FAIL: bulletin.ini has no 'columns = 2' line to edit"; fails=$((fails + 1)); fi
expect 66 "^newsprint: nosuchlayout: no such layout" -- "$np" --print-layout nosuchlayout
expect 66 "^newsprint: /dev/zero: is a device, not a regular file" -- "$np" --print-layout /dev/zero

# --watch needs files to watch and to write.
expect 64 "^newsprint: --watch needs a REPORT file" -- "$np" --watch - -o "$work/a.pdf"
expect 64 "^newsprint: --watch needs a REPORT file" -- "$np" --watch "$src/examples/report.txt" -o -
# --dpi: a number in range; a proof page too large for memory is refused
# before anything is written.
for dpi in -5 0 nan 100000; do
  expect 64 "^newsprint: --dpi takes a number from 10 to 1200" -- "$np" "$src/examples/report.txt" -o "$work/p.png" --dpi "$dpi"
done
printf '[page]\nsize = 4000mmx4000mm\n' >"$work/huge.ini"
expect 64 "^newsprint: $work/huge.png: a page of 94489 x 94489 pixels is too large a proof" -- "$np" "$src/examples/report.txt" -o "$work/huge.png" --dpi 600 -l "$work/huge.ini" --emoji strip
if [ -z "$(ls -A "$work" | grep huge.*png)" ]; then
  passes=$((passes + 1)); else echo "FAIL: a refused proof left a file"; fails=$((fails + 1)); fi
if "$np" --dump-structure "$src/examples/report.txt" | python3 -c 'import json,sys; json.load(sys.stdin)'; then
  passes=$((passes + 1)); else echo "FAIL: --dump-structure is not JSON"; fails=$((fails + 1)); fi

# Warnings name the report and its line, and the PDF is still written.
printf '2024年6月18日上午,大會召開。\n第二段有一個無字形的字\364\217\277\275在此。\n' >"$work/glyph.txt"
"$np" "$work/glyph.txt" -o "$work/glyph.pdf" 2>"$work/err"
if [ $? -eq 0 ] && grep -q "^newsprint: $work/glyph.txt: line 2: no font has U+10FFFD" "$work/err" && [ -s "$work/glyph.pdf" ]; then
  passes=$((passes + 1)); else echo "FAIL: missing glyph not reported:"; cat "$work/err"; fails=$((fails + 1)); fi
printf '2024年6月18日上午,大會召開。\n會上簽約,包括甲公司、乙公司、丙公司等共5家單位。\n' >"$work/units.txt"
"$np" "$work/units.txt" -o "$work/units.pdf" 2>"$work/err"
if [ $? -eq 0 ] && grep -q "^newsprint: $work/units.txt: line 2: .*5.*3" "$work/err" && [ -s "$work/units.pdf" ]; then
  passes=$((passes + 1)); else echo "FAIL: unit count mismatch not reported:"; cat "$work/err"; fails=$((fails + 1)); fi

# Punctuation: widened by default and counted with --verbose; kept on request.
printf '2024年6月18日上午,大會召開。\n' >"$work/punct.txt"
if "$np" -v "$work/punct.txt" -o "$work/punct.pdf" 2>&1 | grep -q ": 1 ASCII punctuation marks set full-width" &&
   "$np" --dump-structure "$work/punct.txt" | grep -q '上午，大會' &&
   "$np" --keep-punctuation --dump-structure "$work/punct.txt" | grep -q '上午,大會'; then
  passes=$((passes + 1)); else echo "FAIL: punctuation options"; fails=$((fails + 1)); fi

# Full-width letters and digits: set half-width and counted (the lead's 9
# and the 2 of the headline drawn from it), kept on request.
printf '２０２４年６月１８日上午，５Ｇ大會召開。\n' >"$work/widths.txt"
if "$np" -v "$work/widths.txt" -o "$work/widths.pdf" 2>&1 | grep -q ": 11 full-width letters and digits set half-width" &&
   "$np" --dump-structure "$work/widths.txt" | grep -q '"2024年6月18日上午，5G大會' &&
   "$np" --keep-punctuation --dump-structure "$work/widths.txt" | grep -q '"２０２４年６月１８日上午，５Ｇ大會'; then
  passes=$((passes + 1)); else echo "FAIL: full-width letters and digits"; fails=$((fails + 1)); fi

# Bad input, one class at a time: the exit code and the one-line message
# (through expect), then no output written beside a fresh target, and an
# existing output left as it was, with no temporary file behind.
#   refused CODE PATTERN REPORT [OPTION...]
refused() {
  code=$1 pattern=$2 report=$3
  shift 3
  rm -rf "$work/outdir" && mkdir "$work/outdir"
  expect "$code" "$pattern" -- "$np" "$report" -o "$work/outdir/new.pdf" "$@"
  if [ -n "$(ls -A "$work/outdir")" ]; then
    echo "FAIL: $report: the refused run wrote:"; ls -A "$work/outdir"; fails=$((fails + 1))
  else passes=$((passes + 1)); fi
  echo "precious" >"$work/outdir/keep.pdf"
  "$np" "$report" -o "$work/outdir/keep.pdf" "$@" 2>/dev/null
  if [ "$(cat "$work/outdir/keep.pdf")" != precious ] || [ "$(ls -A "$work/outdir")" != keep.pdf ]; then
    echo "FAIL: $report: a refused run damaged keep.pdf or left a file:"; ls -A "$work/outdir"
    fails=$((fails + 1))
  else passes=$((passes + 1)); fi
}

# A PNG picture and a PDF (the output of an earlier run) passed by mistake.
python3 - "$work/photo.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data)))
png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
       + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
PY
refused 65 "^newsprint: $work/photo.png: not a text file (binary data at byte 0)$" "$work/photo.png"
printf '2024年6月18日上午，大會召開。\n' >"$work/small.txt"
"$np" "$work/small.txt" -o "$work/small.pdf" 2>/dev/null
refused 65 "^newsprint: $work/small.pdf: not a text file (binary data at byte 0)$" "$work/small.pdf"
# A NUL byte in otherwise good text; its offset (41 bytes of line 1, then
# 第二 is 6 bytes).
printf '2024年6月18日上午，大會召開。\n第二\000段\n' >"$work/nul.txt"
refused 65 "^newsprint: $work/nul.txt: not a text file (binary data at byte 47)$" "$work/nul.txt"
# Bytes that decode in no encoding: line and byte offset (41 + 第二段).
printf '2024年6月18日上午，大會召開。\n第二段\377\376壞了。\n' >"$work/undecodable.txt"
refused 65 "^newsprint: $work/undecodable.txt: line 2: invalid UTF-8 at byte 50$" "$work/undecodable.txt"
# Only spaces, tabs, blank lines and the ideographic space U+3000.
printf ' \n\343\200\200\343\200\200\n\t\r\n\343\200\200\n' >"$work/blank.txt"
refused 65 "^newsprint: $work/blank.txt: the report is empty$" "$work/blank.txt"
# --encoding: an unknown name is a usage error.
refused 64 "^newsprint: $work/small.txt: unknown encoding 'NO-SUCH-CHARSET'$" "$work/small.txt" --encoding NO-SUCH-CHARSET
# --encoding: bytes the named encoding cannot decode name line and byte.
printf '2024年6月18日上午，大會召開。\n第二段。\n' | iconv -f UTF-8 -t GB18030 >"$work/badgb.txt"
at=$(($(wc -c <"$work/badgb.txt") + 3))
printf 'abc\377\n' >>"$work/badgb.txt"
refused 65 "^newsprint: $work/badgb.txt: line 3: not valid GB18030 text at byte $at$" "$work/badgb.txt" --encoding GB18030

# Control characters (ESC of a colour code, ^A, DEL) are dropped with one
# warning that counts them, and the report still renders; a form feed is a
# paragraph break, not a control character to drop.
printf '2024年6月18日上午，大會召開。\n第二段\033[0m有\001控制\177字符。\f第三段。\n' >"$work/controls.txt"
"$np" "$work/controls.txt" -o "$work/controls.pdf" 2>"$work/err"
if [ $? -eq 0 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
   grep -q "^newsprint: $work/controls.txt: 3 control characters dropped (first at line 2)$" "$work/err" &&
   head -c 5 "$work/controls.pdf" | grep -q '%PDF-'; then
  passes=$((passes + 1)); else echo "FAIL: control characters:"; cat "$work/err"; fails=$((fails + 1)); fi
if "$np" --dump-structure "$work/controls.txt" 2>/dev/null >"$work/controls.json" &&
   grep -q '"第二段\[0m有控制字符。"' "$work/controls.json" &&
   grep -q '"第三段。"' "$work/controls.json"; then
  passes=$((passes + 1)); else echo "FAIL: control characters in the dump:"; cat "$work/controls.json"; fails=$((fails + 1)); fi

# --encoding GB18030 on a GB18030 file reads what the UTF-8 original says.
iconv -f UTF-8 -t GB18030 "$src/tests/cases/simplified-blankline.txt" >"$work/gb18030.txt"
"$np" --dump-structure "$src/tests/cases/simplified-blankline.txt" >"$work/utf8.json" 2>/dev/null
if "$np" --dump-structure --encoding GB18030 "$work/gb18030.txt" 2>/dev/null | cmp -s - "$work/utf8.json" &&
   "$np" --encoding GB18030 "$work/gb18030.txt" -o "$work/gb18030.pdf" 2>/dev/null &&
   head -c 5 "$work/gb18030.pdf" | grep -q '%PDF-'; then
  passes=$((passes + 1)); else echo "FAIL: --encoding GB18030"; fails=$((fails + 1)); fi

# --annotate writes each block's reading in the margin, and only then;
# the editor's @@ marks force a reading and are not printed.
printf '2025年4月26日上午，大會召開。\n院長致辭。她表示，學院將深化合作。\n@@小标题 學院簡介\n學院始建於1958年。\n會上簽約，包括甲公司、乙學院等共2家單位。\n（供稿：宣傳部）\n' >"$work/marks.txt"
"$np" "$work/marks.txt" --annotate -o "$work/annotated.pdf" 2>/dev/null
"$np" "$work/marks.txt" -o "$work/plain.pdf" 2>/dev/null
pdftotext "$work/annotated.pdf" "$work/annotated.txt"
pdftotext "$work/plain.pdf" "$work/plain.txt"
# (notes wrap in the margin: look for words, not whole notes)
if grep -q "heading · @@" "$work/annotated.txt" &&
   grep -q "units 2/2 ·" "$work/annotated.txt" &&
   grep -q "credit · credit" "$work/annotated.txt" &&
   grep -q "headline ·" "$work/annotated.txt" &&
   ! grep -q "·" "$work/plain.txt" && ! grep -q "@@" "$work/plain.txt" &&
   grep -q "學院簡介" "$work/plain.txt"; then
  passes=$((passes + 1)); else echo "FAIL: --annotate and @@ marks:"; cat "$work/annotated.txt"; fails=$((fails + 1)); fi

# A report whose every line is a page's is refused by name, nothing written.
printf '阅读原文\n微信扫一扫\n' >"$work/junk.txt"
refused 65 "^newsprint: $work/junk.txt: no text of the report is left" "$work/junk.txt"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
