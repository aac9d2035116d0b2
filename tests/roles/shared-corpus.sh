#!/bin/sh
# The reports written by other people (../shared/corpus), set and audited
# by the corpus's own run.sh: at least MIN of them must come out as an
# editor expects.  MIN is the floor newsprint holds today, raised as the
# reading improves; README.md gives the figure.
#   shared-corpus.sh NEWSPRINT SHARED_DIR MIN
set -u
np=$1 shared=$2 min=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -x "$shared/corpus/run.sh" ] && [ ! -f "$shared/corpus/run.sh" ]; then
  echo "no $shared/corpus/run.sh: the corpus must be beside the checkout"
  exit 1
fi
bash "$shared/corpus/run.sh" "$np" "$work/out" >"$work/log" 2>&1
grep -v '^ok ' "$work/log"
passed=$(sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p' "$work/log")
[ -n "$passed" ] || { echo "run.sh printed no score"; exit 1; }
if [ "$passed" -lt "$min" ]; then
  echo "only $passed reports of the shared corpus read right; at least $min must"
  exit 1
fi
echo "$passed reports of the shared corpus read right (at least $min must)"
