#!/bin/sh
# Without shared/ (the reference report and the audit), every test that
# reads it fails with a line naming what is missing: none passes or skips
# having checked nothing.
#   missing-shared.sh NEWSPRINT SOURCE_DIR TEST_REPORT TEST_SOURCE
set -u
np=$1 src=$2 test_report=$3 test_source=$4
e2e=$src/tests/e2e
. "$e2e/common.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
none=$work/none # never made

# refused PATTERN -- COMMAND...: COMMAND exits non-zero and says PATTERN.
refused() {
  pattern=$1
  shift 2
  "$@" >"$work/out" 2>&1
  got=$?
  if [ "$got" -eq 0 ] || ! grep -q -- "$pattern" "$work/out"; then
    fail "$*: exit $got (want a failure saying '$pattern'):"
    tail -5 "$work/out"
  else
    pass
  fi
}

report=$none/reports/auto-city-2024-06-18.txt
refused "$report: not found" -- sh "$e2e/render.sh" "$np" "$report" "$none/audit"
refused "$none/audit/newsletter_audit.py: not found" -- \
  sh "$e2e/render.sh" "$np" "$src/examples/report.txt" "$none/audit"
refused "$report: not found" -- sh "$e2e/strip.sh" "$np" "$report"
refused "$report: not found" -- sh "$e2e/pdf.sh" "$np" "$report"
refused "not found" -- sh "$e2e/photos.sh" "$np" "$src/examples/report.txt" \
  "$none/audit" "$report" "$none/audit/cases/auto-city-2024-06-18.json"
refused "$report: no reference report" -- \
  env NP_SHARED_DIR="$none" "$test_report" -p /report/reference/facts
refused "$report: no reference report" -- \
  env NP_SHARED_DIR="$none" "$test_source" -p /source/gb18030/reference
refused "NP_SHARED_DIR unset" -- \
  env -u NP_SHARED_DIR "$test_report" -p /report/reference/facts

tally "missing shared/"
