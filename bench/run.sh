#!/bin/sh
# Times newsprint on the reference report and on generated 10- and 100-page
# reports, beside pango-view on the same text (plain text in one column, no
# layout: a floor), in one run so that the ratios hold on a noisy machine.
# Prints the median wall time and the median peak memory of RUNS runs.
#   bench/run.sh [RUNS]        (needs GNU time: apt-get install time)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
np=${NEWSPRINT:-$top/build/newsprint}
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
reference=$top/../shared/reports/auto-city-2024-06-18.txt
python3 "$here/genreport.py" 10 >"$work/10-pages.txt"
python3 "$here/genreport.py" 100 >"$work/100-pages.txt"

# median of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure LABEL COMMAND...: RUNS runs after one warm-up.
measure() {
  label=$1; shift
  "$@" >/dev/null 2>&1 || true
  : >"$work/times"
  i=0
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "%e %M" -o "$work/one" "$@" >/dev/null 2>&1 || true
    cat "$work/one" >>"$work/times"
    i=$((i + 1))
  done
  wall=$(cut -d' ' -f1 "$work/times" | median)
  mem=$(cut -d' ' -f2 "$work/times" | median)
  printf '%-28s %8s s %8.1f MiB\n' "$label" "$wall" "$(echo "$mem / 1024" | bc -l)"
}

printf '%-28s %10s %12s\n' "" "wall" "peak memory"
for report in "$reference" "$work/10-pages.txt" "$work/100-pages.txt"; do
  [ -f "$report" ] || continue
  name=$(basename "$report" .txt)
  pages=$("$np" "$report" -o "$work/out.pdf" 2>/dev/null && pdfinfo "$work/out.pdf" | sed -n 's/^Pages: *//p')
  measure "newsprint $name ($pages p)" "$np" "$report" -o "$work/out.pdf"
  measure "pango-view $name" pango-view --no-display -q \
    --font="Noto Serif CJK TC 10.5" "$report" -o "$work/pv.pdf"
done
