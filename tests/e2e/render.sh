#!/bin/sh
# Renders a report and checks the PDF as a reader's tools see it: poppler
# (A4, every Han character present, metadata) and the newsletter audit
# (no PROBLEM: kinsoku, justification, widows and orphans, captions…).
#   render.sh NEWSPRINT REPORT AUDIT_DIR [EXPECT.json]
set -eu
np=$1 report=$2 audit=$3 expect=${4:-}
here=$(dirname "$0")
. "$here/common.sh"
need "$report" "$audit/newsletter_audit.py" ${expect:+"$expect"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$np" "$report" -o "$work/out.pdf" 2>"$work/err" || { cat "$work/err"; exit 1; }
cat "$work/err"
python3 "$here/check_pdf.py" "$work/out.pdf" "$report"
set -- "$work/out.pdf" --source "$report"
if [ -n "$expect" ]; then set -- "$@" --expect "$expect"; fi
python3 "$audit/newsletter_audit.py" "$@" --json >"$work/audit.json"
# The audit once more with its rows cut at the column edges: it reads a
# row of two columns as one line where the left one ends in a half-width
# mark (audit_columns.py), and so counts widows and orphans that are not.
python3 "$here/audit_columns.py" "$audit" "$@" >"$work/columns.json"
python3 - "$work/audit.json" "$work/columns.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
c = json.load(open(sys.argv[2]))
for k, v in a.items():  # the audit's figures, for the test's log
    print("%-28s %s" % (k, v))
# Every problem of the audit's, and of its column-by-column reading;
# widows and orphans as that reading counts them.
rows = "%d widows, %d orphans" % (a["widows"], a["orphans"])
bad = sorted(set(p for p in a["problems"] if p != rows) | set(c["problems"]))
print("read column by column: widows %d, orphans %d, justified %s"
      % (c["widows"], c["orphans"], c["justified_lines"]))
if a["halfwidth_punct_in_cjk"] != 0:
    bad.append("ASCII marks in Chinese text: %d" % a["halfwidth_punct_in_cjk"])
# Justification opens the gap between two Han characters by at most
# 0.05 em on all but the loosest twentieth of lines, while no paragraph
# ends on a lone character (孤字, shape.c NP_RUNT_COST).
# Both readings: the one by columns sees the lines the other joins.
for view in (a, c):
    if view.get("han_gap_p95_em", 0) > 0.05:
        bad.append("han_gap_p95_em %.3f > 0.05" % view["han_gap_p95_em"])
    if view.get("runt_lines", 0) != 0:
        bad.append("%d paragraphs end on a lone character" % view["runt_lines"])
if a["offgrid_body_lines"] != 0:
    bad.append("%d body lines off the grid" % a["offgrid_body_lines"])
if a["tofu_boxes"] != 0:
    bad.append("%d missing glyphs" % a["tofu_boxes"])
if a.get("inline_image_min_dpi", 300) < 300:
    bad.append("emoji printed at %d dpi" % a["inline_image_min_dpi"])
for b in bad:
    print("FAIL", b)
sys.exit(1 if bad else 0)
PY
