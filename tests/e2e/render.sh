#!/bin/sh
# Renders a report and checks the PDF as a reader's tools see it: poppler
# (A4, every Han character present, metadata) and the newsletter audit
# (no PROBLEM: kinsoku, justification, widows and orphans, captions…).
#   render.sh NEWSPRINT REPORT AUDIT_DIR [EXPECT.json]
set -eu
np=$1 report=$2 audit=$3 expect=${4:-}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$np" "$report" -o "$work/out.pdf" 2>"$work/err" || { cat "$work/err"; exit 1; }
cat "$work/err"
python3 "$here/check_pdf.py" "$work/out.pdf" "$report"
if [ -n "$expect" ]; then
  python3 "$audit/newsletter_audit.py" "$work/out.pdf" --source "$report" \
    --expect "$expect" --strict
else
  python3 "$audit/newsletter_audit.py" "$work/out.pdf" --source "$report" --strict
fi
