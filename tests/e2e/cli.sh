#!/bin/sh
# Command-line behaviour: exit codes, one-line errors, outputs never damaged.
#   cli.sh NEWSPRINT SOURCE_DIR
set -u
np=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
passes=0

# expect CODE PATTERN -- COMMAND...: exit status CODE, one stderr line
# matching PATTERN.
expect() {
  code=$1 pattern=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  got=$?
  lines=$(wc -l <"$work/err")
  if [ "$got" -ne "$code" ] || ! grep -q -- "$pattern" "$work/err" || [ "$lines" -ne 1 ]; then
    echo "FAIL: $*: exit $got (want $code), stderr:"; cat "$work/err"
    fails=$((fails + 1))
  else
    passes=$((passes + 1))
  fi
}

expect 64 '^newsprint: expected one REPORT' -- "$np"
expect 64 '^newsprint: .*--nonsense' -- "$np" --nonsense x.txt
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
if "$np" --version | grep -q '^newsprint [0-9]'; then
  passes=$((passes + 1)); else echo "FAIL: --version"; fails=$((fails + 1)); fi
if "$np" --dump-structure "$src/examples/report.txt" | python3 -c 'import json,sys; json.load(sys.stdin)'; then
  passes=$((passes + 1)); else echo "FAIL: --dump-structure is not JSON"; fails=$((fails + 1)); fi

# Warnings name the report and its line, and the PDF is still written.
printf '2024年6月18日上午,大會召開。\n第二段有一個無字形的字\364\217\277\275在此。\n' >"$work/glyph.txt"
"$np" "$work/glyph.txt" -o "$work/glyph.pdf" 2>"$work/err"
if [ $? -eq 0 ] && grep -q "^newsprint: $work/glyph.txt: line 2: no font has U+10FFFD" "$work/err" && [ -s "$work/glyph.pdf" ]; then
  passes=$((passes + 1)); else echo "FAIL: missing glyph not reported:"; cat "$work/err"; fails=$((fails + 1)); fi
printf '2024年6月18日上午,大會召開。\n會上,包括甲公司、乙公司、丙公司等共5家單位。\n' >"$work/units.txt"
"$np" "$work/units.txt" -o "$work/units.pdf" 2>"$work/err"
if [ $? -eq 0 ] && grep -q "^newsprint: $work/units.txt: line 2: .*5.*3" "$work/err" && [ -s "$work/units.pdf" ]; then
  passes=$((passes + 1)); else echo "FAIL: unit count mismatch not reported:"; cat "$work/err"; fails=$((fails + 1)); fi

# Punctuation: widened by default and counted with --verbose; kept on request.
printf '2024年6月18日上午,大會召開。\n' >"$work/punct.txt"
if "$np" -v "$work/punct.txt" -o "$work/punct.pdf" 2>&1 | grep -q ": 1 ASCII punctuation marks set full-width" &&
   "$np" --dump-structure "$work/punct.txt" | grep -q '上午，大會' &&
   "$np" --keep-punctuation --dump-structure "$work/punct.txt" | grep -q '上午,大會'; then
  passes=$((passes + 1)); else echo "FAIL: punctuation options"; fails=$((fails + 1)); fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
