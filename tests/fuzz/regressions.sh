#!/bin/sh
# The fuzzers' findings (tests/fuzz/regressions/), replayed through the
# regular binary: a layout finding must be refused with exit 65 and one
# line on stderr; a report finding, or a photo finding as the first
# photo, must be read (exit 0) or refused (exit 65), and a pipeline finding
# set into a PDF (exit 0) or refused.  Nothing may print a GLib warning or
# critical, crash, or (in the sanitizer build) leak.
#   regressions.sh NEWSPRINT SOURCE_DIR
set -u
np=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
passes=0
# GLib 2.74 keeps small blocks (GError…) in its slice allocator, where
# LeakSanitizer cannot see them leak.
export G_SLICE=always-malloc

for input in "$src"/tests/fuzz/regressions/*; do
  [ -f "$input" ] || continue
  case $(basename "$input") in
  layout-*)
    "$np" "$src/examples/report.txt" --layout "$input" -o "$work/out.pdf" 2>"$work/err"
    code=$?
    if [ "$code" -eq 65 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
       grep -q "^newsprint: $input: " "$work/err"; then ok=1; else ok=0; fi ;;
  report-*)
    "$np" --dump-structure "$input" >/dev/null 2>"$work/err"
    code=$?
    if { [ "$code" -eq 0 ] || [ "$code" -eq 65 ]; } &&
       ! grep -q 'GLib\|CRITICAL\|WARNING\|Sanitizer' "$work/err"; then ok=1; else ok=0; fi ;;
  photo-*)
    rm -rf "$work/photos" && mkdir "$work/photos"
    cp "$input" "$work/photos/01.jpg"
    "$np" --photos "$work/photos" "$src/examples/report.txt" \
      -o "$work/out.pdf" 2>"$work/err"
    code=$?
    if { [ "$code" -eq 0 ] || [ "$code" -eq 65 ]; } &&
       ! grep -q 'GLib\|CRITICAL\|WARNING\|Sanitizer' "$work/err"; then ok=1; else ok=0; fi ;;
  pipeline-*)
    "$np" "$input" -o "$work/out.pdf" 2>"$work/err"
    code=$?
    if { [ "$code" -eq 0 ] || [ "$code" -eq 65 ]; } &&
       ! grep -q 'GLib\|CRITICAL\|WARNING\|Sanitizer' "$work/err"; then ok=1; else ok=0; fi ;;
  *) continue ;;
  esac
  if [ "$ok" -eq 1 ]; then
    passes=$((passes + 1))
  else
    fails=$((fails + 1)); echo "FAIL: $input: exit $code, stderr:"; cat "$work/err"
  fi
done

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
