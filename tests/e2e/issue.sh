#!/bin/sh
# An issue of five reports: set from tests/issue/issue.ini in the bulletin
# and jianbao layouts and from reports on the command line, each PDF read
# back by check_issue.py (masthead, contents, headlines and their pages,
# text in reading order, running heads, footers, colophon, title, outline,
# tags) and by the newsletter audit once per article; no more pages than
# the reports set alone; bad issue files refused with one line, leaving
# the output as it was.
#   issue.sh NEWSPRINT SOURCE_DIR REFERENCE AUDIT_DIR
set -u
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
here=$(abs "$(dirname "$0")")
np=$(abs "$1") src=$(abs "$2") reference=$(abs "$3") audit=$(abs "$4")
issue=$src/tests/issue
. "$here/common.sh"
need "$reference" "$audit/newsletter_audit.py" "$issue/issue.ini"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() { python3 "$here/check_issue.py" --newsprint "$np" "$@"; }

# The issue file with its paths made absolute: the reference report is
# wherever the build found shared/, the others beside issue.ini.
awk -v ref="$reference" -v dir="$issue" '
  /^(file|photos) *=/ {
    k = $0; sub(/ *=.*/, "", k); v = $0; sub(/^[^=]*= */, "", v)
    if (v ~ /shared\/reports\//) v = ref; else if (v !~ /^\//) v = dir "/" v
    print k " = " v; next
  }
  { print }' "$issue/issue.ini" >"$work/issue.ini"
cd "$work"

# Each report alone, as the economy check's measure; the four of
# tests/issue set alone as their cases expect (captions, keynotes, credit).
alone=0
for line in "$reference:" "alliance-founded.txt:photos-founded" "forum-hant.txt:" \
            "workshop-hans.txt:photos-workshop" "notice-hant.txt:"; do
  report=${line%%:*} photos=${line#*:}
  case $report in /*) ;; *) report=$issue/$report ;; esac
  if "$np" ${photos:+--photos "$issue/$photos"} "$report" -o alone.pdf 2>err; then
    alone=$((alone + $(pdfinfo alone.pdf | awk '/^Pages:/ { print $2 }')))
    case=${report%.txt}.json
    if [ -e "$case" ]; then
      python3 "$audit/newsletter_audit.py" alone.pdf --source "$report" --expect "$case" \
        --strict >audit.txt && pass || { grep PROBLEM audit.txt; fail "audit of $report alone"; }
    fi
  else
    fail "$report alone: $(cat err)"
  fi
done

# The issue file, in the bulletin layout.
if "$np" issue.ini -o bulletin.pdf 2>err; then
  pass
  if check bulletin.pdf --ini issue.ini --pages-alone "$alone"; then pass
  else fail "bulletin.pdf: the issue as check_issue.py reads it"; fi
  python3 "$here/check_pdf.py" --qpdf bulletin.pdf && pass || fail "qpdf --check bulletin.pdf"
  # The audit once per article: the text figures of each report's own
  # text.  pdftotext's own flow reads lines of two columns set on one grid
  # in turn, so its paragraphs_in_reading_order is shown, not required;
  # check_issue.py reads the columns in order instead.  So are widows and
  # orphans: the audit reads a page's rows, and where a left column's line
  # ends in a mark set half-width into the gutter, it runs that line into
  # the right column's; check_issue.py counts them column by column.
  for report in "$reference" "$issue"/alliance-founded.txt "$issue"/forum-hant.txt \
                "$issue"/workshop-hans.txt "$issue"/notice-hant.txt; do
    python3 "$audit/newsletter_audit.py" bulletin.pdf --source "$report" --json \
      >audit.json 2>audit.err || { fail "audit of $report: $(cat audit.err)"; continue; }
    python3 - "$report" audit.json <<'PY' && pass || fail "audit of $(basename "$report") in the issue"
import json, os, sys
a = json.load(open(sys.argv[2]))
want = {"han_chars_missing": 0, "kinsoku_violations": 0, "halfwidth_punct_in_cjk": 0,
        "runt_lines": 0, "offgrid_body_lines": 0}
name = os.path.basename(sys.argv[1])
bad = ["%s %s (want %s)" % (k, a.get(k), v) for k, v in want.items() if a.get(k) != v]
for b in bad:
    print("FAIL audit of %s in the issue: %s" % (name, b))
print("audit of %s: paragraphs_in_reading_order %s, widows %s, orphans %s (read by rows)"
      % (name, a.get("paragraphs_in_reading_order"), a.get("widows"), a.get("orphans")))
sys.exit(1 if bad else 0)
PY
  done
  # The checker itself: the same PDF read as an issue of the reports in
  # another order, or a report set alone read as an issue, is refused.
  python3 - issue.ini >swapped.ini <<'PY'
import configparser, sys
cp = configparser.ConfigParser(interpolation=None)
cp.optionxform = str
cp.read(sys.argv[1], encoding="utf-8")
for g in ["issue", "report 1", "report 3", "report 2", "report 4", "report 5"]:
    print("[%s]" % g)
    for k, v in cp[g].items():
        print("%s = %s" % (k, v))
PY
  if check bulletin.pdf --ini swapped.ini >checker.txt; then
    fail "check_issue.py took the issue for one with articles 2 and 3 swapped"
  else pass; fi
  "$np" "$issue/notice-hant.txt" -o single.pdf 2>/dev/null
  if check single.pdf --reports "$issue/notice-hant.txt" --number "2025年第3期" >checker.txt; then
    fail "check_issue.py took a report set alone for an issue"
  else pass; fi
else
  fail "issue.ini, bulletin: exit $?: $(cat err)"
fi

# The same issue as a 简报.
if "$np" -l jianbao issue.ini -o jianbao.pdf 2>err; then
  pass
  check jianbao.pdf --ini issue.ini --layout jianbao && pass || fail "jianbao.pdf"
else
  fail "issue.ini, jianbao: exit $?: $(cat err)"
fi

# A report in Big5, named with its encoding; the two scripts tie, so the
# first report's (Simplified) is the issue's.
iconv -f UTF-8 -t BIG5 "$issue/notice-hant.txt" >notice-big5.txt
printf '[issue]\nnumber = 2025年第4期\n\n[report 1]\nfile = %s\n\n[report 2]\nfile = notice-big5.txt\nencoding = BIG5\n' \
  "$issue/workshop-hans.txt" >encoding.ini
if "$np" encoding.ini -o encoding.pdf 2>err; then
  check encoding.pdf --ini encoding.ini && pass || fail "encoding.pdf"
else
  fail "encoding.ini: exit $?: $(cat err)"
fi

# Reports on the command line: two Simplified and one Traditional make
# Simplified furniture; on a tie, the first report's script decides.
cli() {
  pdf=$1; shift
  if "$np" "$@" -o "$pdf" --issue "2025年第3期" 2>err; then
    check "$pdf" --reports "$@" --number "2025年第3期" && pass || fail "$pdf: $*"
  else
    fail "$*: exit $?: $(cat err)"
  fi
}
a=$issue/alliance-founded.txt b=$issue/forum-hant.txt
c=$issue/workshop-hans.txt d=$issue/notice-hant.txt
cli cli.pdf "$a" "$b" "$c"
cli tie-hans.pdf "$c" "$d"
cli tie-hant.pdf "$d" "$c"

# Refused, with one line naming the file (and the group and key), the
# output left as it was.
cp bulletin.pdf earlier.pdf 2>/dev/null || printf 'an earlier issue' >earlier.pdf
before=$(cksum <earlier.pdf)
refused() {
  code=$1 pattern=$2 ini=$3
  cp earlier.pdf out.pdf
  expect "$code" "$pattern" -- "$np" "$ini" -o out.pdf
  grep -q '^newsprint: ' "$work/err" || fail "$ini: message does not start with 'newsprint: '"
  [ "$(cksum <out.pdf)" = "$before" ] && pass || fail "$ini: out.pdf changed though refused"
}
mkdir folder && mkfifo fifo
printf '[issue]\nnumber = 2025年第3期\ncolour = red\n\n[report 1]\nfile = %s\n' "$a" >unknown-key.ini
refused 65 'unknown-key.ini.*\[issue\].*colour' unknown-key.ini
printf '[issue]\nnumber = 1\n\n[report 1]\nfile = %s\nphoto = x\n' "$a" >report-key.ini
refused 65 'report-key.ini.*\[report 1\].*photo' report-key.ini
printf '[issue]\nnumber = 1\n\n[report 1]\nfile = %s\n\n[report 2]\nfile = nowhere.txt\n' "$a" >missing.ini
refused 66 'nowhere.txt' missing.ini
printf '[issue]\nnumber = 1\n\n[report 1]\nfile = folder\n' >folder.ini
refused 66 'folder' folder.ini
printf '[issue]\nnumber = 1\n\n[report 1]\nfile = %s\n\n[report 2]\nfile = fifo\n' "$a" >fifo.ini
refused 66 'fifo' fifo.ini
refused 66 'absent.ini' absent.ini
printf '[issue]\nlayout = nosuch\n\n[report 1]\nfile = %s\n' "$a" >layout.ini
refused 66 'layout.ini: \[issue\] layout: nosuch' layout.ini
: >empty.txt
printf '[issue]\n\n[report 1]\nfile = %s\n\n[report 2]\nfile = empty.txt\n' "$a" >empty.ini
refused 65 'empty.txt: the report is empty' empty.ini
cp earlier.pdf out.pdf
expect 73 'same file as the issue file' -- "$np" missing.ini -o missing.ini
cp earlier.pdf out.pdf
expect 66 'nowhere.txt' -- "$np" "$a" nowhere.txt -o out.pdf --issue "2025年第3期"
[ "$(cksum <out.pdf)" = "$before" ] && pass || fail "a missing report on the command line: out.pdf changed"

tally issue
