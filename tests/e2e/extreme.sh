#!/bin/sh
# Extreme reports, made up here: one paragraph of 200,000 characters (with
# and without punctuation), 6,000 paragraphs, a signing list of 400 units
# and one-line reports.  Each must render (exit 0) into a valid PDF that
# holds its last words; the units table must repeat its header on every
# page it spans.  With NP_SANITIZED=1 (the sanitizer build) the
# 6,000-paragraph report, the slowest, is left out.
#   extreme.sh NEWSPRINT
set -u
. "$(dirname "$0")/common.sh"
np=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! python3 - "$work" <<'PY'
import random, sys
random.seed(2024)
work = sys.argv[1]
# Common characters of Traditional news text, for sentences that shape
# and break like real ones.
han = ("的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生"
       "能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都"
       "同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實軍者"
       "意無力它與長把機民公此已工使情明性知全又關點正業外將兩高間由問很最重")
def words(n):
    return "".join(random.choice(han) for _ in range(n))
def sentences(total):
    out, n = [], 0
    while n < total:
        s = words(random.randint(8, 40)) + random.choice("，，，。")
        out.append(s)
        n += len(s)
    return "".join(out)[:total]
lead = "2024年6月18日上午，大會在會堂隆重召開。"
end = "全文到此結束。"  # the last words, looked for in the PDF

def write(name, text):
    open(work + "/" + name + ".txt", "w", encoding="utf-8").write(text)

body = lead + sentences(200000 - len(lead) - len(end))
write("long", body + end + "\n")
assert len(body + end) == 200000
write("long-unbroken", words(200000 - len(end)) + end + "\n")
write("paragraphs", lead + "\n"
      + "".join(words(random.randint(20, 80)) + "。\n" for _ in range(5998))
      + end + "\n")
units = "、".join("嵐州第%d精工有限公司" % i for i in range(1, 401))
write("units", lead + "\n會上舉行了集中簽約。簽約單位有：" + units
      + "等共400家單位。\n會議還聽取了專題報告。\n" + end + "\n")
write("one-line", "2024年6月18日，大會召開。" + end + "\n")
write("one-line-bare", "會議召開" + end)
PY
then fail "python3 could not write the reports"; fi

# renders NAME: NAME.txt renders into a valid PDF whose last page holds the
# report's last words.
renders() {
  "$np" "$work/$1.txt" -o "$work/$1.pdf" 2>"$work/$1.err"
  code=$?
  if [ "$code" -ne 0 ]; then
    fail "$1.txt: exit $code"; cat "$work/$1.err"; return
  fi
  pages=$(pdfinfo "$work/$1.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  if [ -z "$pages" ]; then fail "$1.pdf: not a valid PDF"; return; fi
  if pdftotext -f "$pages" -l "$pages" "$work/$1.pdf" - | tr -d ' \n' | grep -q 全文到此結束; then
    pass; echo "$1.txt: $pages pages"
  else fail "$1.pdf: the last words are not on its last page"; fi
}

renders long
renders long-unbroken
if [ "${NP_SANITIZED:-0}" = 1 ]; then
  echo "paragraphs.txt: skipped under the sanitizers"
else
  renders paragraphs
fi
renders units
renders one-line
renders one-line-bare

# The units table: rows 1 to 400 each once, over several pages, each of
# which repeats the header.  A row, in pdftotext's layout, is a serial
# number and a name standing alone; the paragraph that lists the names
# has them between 、 marks.
if [ -s "$work/units.pdf" ] && python3 - "$work/units.pdf" <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
row = re.compile(r"(?:^|\s)(\d+)\s+嵐州第 ?(\d+) ?精工有限公司(?=\s|$)")
seen, spanned = [], []
for page in range(1, pages + 1):
    text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l",
                           str(page), pdf, "-"], capture_output=True,
                          text=True).stdout
    rows = [(int(a), int(b)) for line in text.splitlines()
            for a, b in row.findall(line)]
    if rows:
        spanned.append((page, "單位名稱" in text))
        seen += rows
bad = []
if sorted(seen) != [(i, i) for i in range(1, 401)]:
    bad.append("table rows are not 1 to 400 once each (%d rows)" % len(seen))
if len(spanned) < 2:
    bad.append("the table does not continue over pages")
for page, header in spanned:
    if not header:
        bad.append("page %d: table rows without the header" % page)
for b in bad:
    print("FAIL: units.pdf:", b)
print("units.pdf: table on pages %s" % ", ".join(str(p) for p, _ in spanned))
sys.exit(1 if bad else 0)
PY
then pass; else fails=$((fails + 1)); fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
