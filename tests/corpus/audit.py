#!/usr/bin/env python3
"""Sets every report of the corpus and checks each PDF as a reader would.

    audit.py NEWSPRINT CORPUS_DIR AUDIT_DIR [--only NAME]

For each CORPUS_DIR/NAME.txt: newsprint sets it; the newsletter audit
(AUDIT_DIR/newsletter_audit.py) checks the PDF with NAME.json as its
--expect file (captions under frames and no frame under anything else,
the unit and keynote tables, the credit, the headline) and with the
paragraphs newsprint set as its source, one per line, so that its
justification, widow and reading-order checks see the paragraphs of the
page rather than guessing them from a WeChat copy's empty lines.  Then
every Han character of the report must be on the page, except those of
the lines the JSON says are not the report's (`dropped`) and of end marks
such as （完）.  Prints a line per report; exits 1 when any fails.

The corpus judges reading: captions and frames, tables, credit, headline
and lost text fail a report, and so does a paragraph that ends on a lone
character.  The audit's line-level figures (widows and
orphans, ragged lines, kinsoku) are held to zero on the reference report
and the bundled cases (e2e/render.sh); here they are printed as notes, as
the audit also counts a line-end mark whose advance bridges the gutter as
one line with the next column's.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

# End marks, once their dashes, brackets and spaces are gone: （完）, – 完 –.
END_MARKS = {"完", "全文完", "END"}
# The audit's problems about lines rather than reading.
TYPOGRAPHY = ("widows", "continuation lines", "prohibition violations")
# A field name and its colon (講者：, 报告题目：, 簽約單位有：, （图：,
# 《题目》——报告人：): a table's header or a caption's frame says it
# instead.
FIELD = re.compile(r"(^|[\s；;，,（(【—])[^\s：:；;，,。—]{1,6}[：:]")
# A post's tags (#产教融合#, #職業教育): not part of a title or a text.
TAGS = re.compile(r"[#＃][^#＃\s]+[#＃]?")
# A caption's label: 【图】, 圖一：
LABEL = re.compile(r"^[\s▲△]*[（(【]?[图圖][片说說]?[一二三四五六七八九十0-9]*[】：:)）]?")


def han(s):
    return [c for c in s if 0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF
            or 0x20000 <= ord(c) <= 0x3FFFF]


def fold(s):
    return unicodedata.normalize("NFKC", s).strip()


def set_paragraphs(dump):
    """The texts newsprint set, one per line: the headline and every text
    block (table cells are not paragraphs)."""
    lines = [dump.get("headline") or "", dump.get("subtitle") or ""]
    for b in dump["blocks"]:
        if b.get("text"):
            lines.append(b["text"])
        if b.get("credit"):
            lines.append(b["credit"])
        if b.get("title"):
            lines.append(b["title"])
    return "\n".join(l for l in lines if l) + "\n"


def bare_mark(line):
    return re.sub(r"[\s\-–—－()（）]", "", fold(line))


def missing_han(report, want, pdf):
    """Han characters of the report's own lines that the PDF lacks.  The
    title is needed once however often the report repeats it."""
    dropped = {fold(d) for d in want.get("dropped", [])}
    src = open(report, encoding="utf-8-sig").read().replace("\r", "")
    kept, seen_title = [], False
    for l in src.split("\n"):
        if fold(l) in dropped or bare_mark(l) in END_MARKS:
            continue
        if want.get("title") and fold(l) == fold(want["title"]):
            if seen_title:
                continue
            seen_title = True
        kept.append(TAGS.sub("", LABEL.sub("", FIELD.sub(r"\1", l))))
    need = collections.Counter(han("\n".join(kept)))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, errors="replace").stdout
    have = collections.Counter(han(text))
    return sum(max(0, n - have[c]) for c, n in need.items())


def typography(args, pdf, source, expect, figures, notes):
    """No paragraph ends on a lone character (孤字), as the audit reads the
    page and as it reads it column by column (e2e/audit_columns.py): a
    problem.  Justification looser than 0.05 em between Han characters on
    more than a twentieth of the lines: a note, as a report's own spaces
    between Han characters (a web page's) count as gaps too."""
    columns = subprocess.run(
        [sys.executable, os.path.join(os.path.dirname(__file__), "..", "e2e", "audit_columns.py"),
         args.audit, pdf, "--source", source, "--expect", expect],
        capture_output=True, text=True)
    if columns.returncode != 0:
        return ["audit by columns failed: " + columns.stderr.strip()[-200:]]
    c = json.loads(columns.stdout)
    runts = max(int(figures.get("runt_lines", "0")), c.get("runt_lines", 0))
    p95 = max(float(figures.get("han_gap_p95_em", "0")), c.get("han_gap_p95_em", 0))
    if p95 > 0.05:
        notes.append("han_gap_p95_em %.3f > 0.05" % p95)
    if runts:
        examples = c.get("runt_examples") or [figures.get("runt_examples", "")]
        return ["%d paragraphs end on a lone character: %s" % (runts, examples[0])]
    return []


def read_known(path):
    """NAME: why, for the reports known not to audit clean yet
    (known-failures.list): they are shown, and do not fail the run."""
    known = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, why = line.partition(":")
                known[name.strip()] = why.strip()
    return known


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("newsprint")
    ap.add_argument("corpus")
    ap.add_argument("audit")
    ap.add_argument("--only")
    ap.add_argument("--every", type=int, default=1,
                    help="set every Nth report only (a slow, sanitized build)")
    a = ap.parse_args()
    names = sorted(f[:-4] for f in os.listdir(a.corpus) if f.endswith(".txt"))
    if a.only:
        names = [n for n in names if n == a.only]
    names = names[::a.every]
    known = read_known(os.path.join(a.corpus, "known-failures.list"))
    fails = failing_known = 0
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            report = os.path.join(a.corpus, name + ".txt")
            expect = os.path.join(a.corpus, name + ".json")
            pdf = os.path.join(work, name + ".pdf")
            problems, notes = [], []
            run = subprocess.run([a.newsprint, report, "-o", pdf], capture_output=True, text=True)
            dump = subprocess.run([a.newsprint, "--dump-structure", report], capture_output=True,
                                  text=True)
            if run.returncode != 0 or dump.returncode != 0:
                problems.append("newsprint failed: " + (run.stderr or dump.stderr).strip()[-200:])
            else:
                want = json.load(open(expect, encoding="utf-8"))
                if len(want.get("unit_tables", [])) > 1:
                    # the audit judges one units table, on one page and the
                    # next; the scoreboard checks each table of several
                    want.pop("units", None)
                    expect = os.path.join(work, name + ".expect.json")
                    json.dump(want, open(expect, "w", encoding="utf-8"), ensure_ascii=False)
                source = os.path.join(work, name + ".set.txt")
                with open(source, "w", encoding="utf-8") as f:
                    f.write(set_paragraphs(json.loads(dump.stdout)))
                audit = subprocess.run(
                    [sys.executable, os.path.join(a.audit, "newsletter_audit.py"), pdf,
                     "--source", source, "--expect", expect, "--strict"],
                    capture_output=True, text=True)
                figures = {}
                for l in audit.stdout.splitlines():
                    figure, _, value = l.partition(" ")
                    if value.strip() and not l.startswith("PROBLEM"):
                        figures[figure] = value.strip()
                    if not l.startswith("PROBLEM"):
                        continue
                    if any(w in l for w in TYPOGRAPHY):
                        notes.append(l[8:])
                    else:
                        problems.append(l[8:])
                if audit.returncode not in (0, 1):
                    problems.append("audit failed: " + audit.stderr.strip()[-200:])
                problems += typography(a, pdf, source, expect, figures, notes)
                lost = missing_han(report, want, pdf)
                if lost:
                    problems.append("%d Han characters of the report are not on the page" % lost)
            if problems and name in known:
                failing_known += 1
                print("KNOWN %s (%s)" % (name, known[name]))
                for p in problems:
                    print("     " + p)
            elif problems:
                fails += 1
                print("FAIL %s" % name)
                for p in problems:
                    print("     " + p)
            else:
                print("ok   %s%s" % (name, "  (clean now: take it off known-failures.list)"
                                     if name in known else ""))
            for n in notes:
                print("     note: " + n)
    print("%d/%d reports audit clean, %d known not to (known-failures.list)"
          % (len(names) - fails - failing_known, len(names), failing_known))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
