#!/bin/sh
# memcheck on the built newsprint: the reference report and the example
# rendered to PDF, plus a dump, a report in a named legacy encoding with
# control characters, and refused input (the error paths).  Any memory
# error, or a leak that is "definitely lost", fails the test, except what
# newsprint.supp names (library-internal issues only).  Exits 77 (skipped)
# without valgrind, or for a sanitizer build (NP_SANITIZED=1), which
# valgrind cannot run.
#   run.sh NEWSPRINT SOURCE_DIR [SHARED_DIR]
set -u
np=$1
src=$2
shared=${3:-}
here=$(cd "$(dirname "$0")" && pwd)

if [ "${NP_SANITIZED:-0}" = 1 ]; then
  echo "SKIP: a sanitizer build does not run under valgrind"; exit 77
fi
if ! command -v valgrind >/dev/null 2>&1; then
  echo "SKIP: valgrind is not installed"; exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
passes=0

# GLib's slice allocator would hide blocks from memcheck (GLib 2.74).
export G_SLICE=always-malloc

# check WANT NAME NEWSPRINT-ARGS...: runs newsprint under memcheck and
# expects exit status WANT; memcheck's own errors exit with 1.
check() {
  want=$1 name=$2
  shift 2
  valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
    --error-exitcode=1 --num-callers=40 --track-origins=yes \
    --suppressions="$here/newsprint.supp" --log-file="$work/$name.log" \
    "$np" "$@" >/dev/null 2>"$work/$name.err"
  got=$?
  if [ "$got" -eq "$want" ] && grep -q 'ERROR SUMMARY: 0 errors' "$work/$name.log"; then
    passes=$((passes + 1)); echo "$name: clean"
  else
    fails=$((fails + 1))
    echo "FAIL: $name: exit $got (want $want)"
    cat "$work/$name.err" "$work/$name.log"
  fi
}

reference=$shared/reports/auto-city-2024-06-18.txt
if [ -n "$shared" ] && [ -f "$reference" ]; then
  check 0 reference "$reference" -o "$work/reference.pdf"
  check 0 reference-dump --dump-structure "$reference"
else
  echo "FAIL: $reference: no reference report (the tests need shared/ beside the checkout, or -DNP_SHARED_DIR)"
  fails=$((fails + 1))
fi
check 0 example "$src/examples/report.txt" -o "$work/example.pdf"
# jianbao sets its body in the Kai alias of fonts.conf (AR PL UKai).
check 0 jianbao "$src/tests/cases/simplified-blankline.txt" -l jianbao -o "$work/jianbao.pdf"
# An issue: its file, the articles with photos, the colophon; and its dump.
check 0 issue "$src/examples/issue.ini" -o "$work/issue.pdf"
printf '[issue]\nnumber = 2025年第3期\npublisher = 秘書處\n[report 1]\nfile = %s\nphotos = %s\nsection = 成员风采\n[report 2]\nfile = %s\n' \
  "$src/tests/issue/workshop-hans.txt" "$src/tests/issue/photos-workshop" \
  "$src/tests/issue/notice-hant.txt" >"$work/photos.ini"
check 0 issue-photos "$work/photos.ini" -o "$work/photos.pdf"
check 0 issue-cli "$src/tests/issue/notice-hant.txt" "$src/examples/report.txt" \
  -o "$work/issue-cli.pdf" --issue "2025年第3期"
check 0 issue-jianbao "$src/examples/issue.ini" -l jianbao -o "$work/issue-jb.pdf"
check 0 issue-dump --dump-structure "$src/examples/issue.ini"
# Editions: OpenCC's conversion and a phrase file.
check 0 edition "$src/tests/editions/software-hans.txt" --to zh-TW \
  --phrases "$src/tests/editions/names.txt" -o "$work/edition.pdf"
check 0 edition-issue "$src/examples/issue.ini" --to zh-Hans -o "$work/edition-issue.pdf"

printf '2024年6月18日上午，大會召開。\n第二段\001有控制字符。\n' |
  iconv -f UTF-8 -t GB18030 >"$work/gb18030.txt"
check 0 gb18030 "$work/gb18030.txt" --encoding GB18030 -o "$work/gb18030.pdf"
printf '%%PDF-1.7\n' >"$work/not-a-report.pdf"
check 65 refused "$work/not-a-report.pdf" -o "$work/refused.pdf"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
