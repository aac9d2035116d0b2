#!/bin/sh
# What a report from a source nobody labelled gets: for each source of the
# shared corpus (cn, cnt, hk, mo, tw), fits the role model without that
# source's reports, builds newsprint with it (in BUILD, default
# build-cv), and renders and audits that source's reports with
# ../shared/corpus/run.sh.  Prints one line per source and the sum.
#   tools/cross-validate.sh [SHARED] [BUILD]
# Needs a built build/newsprint-features (the features do not depend on
# the model).  Takes a few minutes; data/ is not touched.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${1:-$root/../shared}" && pwd)
build=${2:-$root/build-cv}
features=$root/build/newsprint-features
[ -x "$features" ] || { echo "cross-validate.sh: build newsprint first (no $features)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

passed=0 total=0
for source in cn cnt hk mo tw; do
  python3 "$root/tools/fit-roles.py" "$features" --shared "$shared" \
    --without "$source" --out "$work/$source" >/dev/null
  cmake -S "$root" -B "$build" -DNP_ROLES_DIR="$work/$source" >/dev/null
  cmake --build "$build" --parallel --target newsprint >/dev/null
  "$shared/corpus/run.sh" "$build/newsprint" "$work/out-$source" "$source-*" \
    >"$work/$source.txt" || true
  line=$(tail -n 1 "$work/$source.txt")
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed*}
  echo "$source: fitted without it, $line"
  passed=$((passed + p)); total=$((total + p + f))
done
echo "all sources: $passed of $total read as an editor expects by a model that never saw their source"
