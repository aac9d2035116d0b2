#!/bin/sh
# --dump-structure is stable: the dump of REPORT equals EXPECTED.json.
# NP_UPDATE_REFS=1 rewrites EXPECTED.json instead (check the diff by eye).
#   dump.sh NEWSPRINT REPORT EXPECTED.json
set -eu
np=$1 report=$2 expected=$3
if [ "${NP_UPDATE_REFS:-0}" = 1 ]; then
  "$np" --dump-structure "$report" >"$expected"
  echo "rewrote $expected"
  exit 0
fi
"$np" --dump-structure "$report" | diff -u "$expected" -
echo "$report: structure as expected"
