#!/usr/bin/env python3
"""Checks a newsletter PDF against the report it was made from, with
poppler-utils: every page A4, every Han character of the report in the
PDF's text, the metadata set; and the file's syntax with qpdf --check.

  check_pdf.py OUT.pdf REPORT.txt [--pages N]
  check_pdf.py --qpdf OUT.pdf...      (the syntax only)
"""
import collections
import re
import subprocess
import sys


def is_han(c):
    o = ord(c)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF)


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True,
                          text=True).stdout


# The one thing qpdf finds in Cairo 1.16's output that is no fault of
# newsprint's: a page that shows one picture twice (an emoji) gets a
# resource dictionary naming its XObject twice.
CAIRO_REPEATED_XOBJECT = re.compile(
    r"^WARNING: .*\(object \d+ 0, offset \d+\): dictionary has duplicated "
    r"key /x\d+; last occurrence overrides earlier ones$")


def qpdf_problems(pdf):
    """What qpdf --check says is wrong with `pdf`, as a list of lines."""
    r = subprocess.run(["qpdf", "--check", pdf], capture_output=True,
                       text=True)
    said = (r.stdout + r.stderr).splitlines()
    # Exit 3: warnings only; every one must be the tolerated one.
    problems = [l for l in said
                if l.startswith(("WARNING", "ERROR", "qpdf:"))
                and not CAIRO_REPEATED_XOBJECT.match(l)
                and l != "qpdf: operation succeeded with warnings"]
    if r.returncode not in (0, 3):
        problems.append("qpdf --check exit %d" % r.returncode)
    return ["qpdf: %s: %s" % (pdf, l) for l in problems]


def main():
    if sys.argv[1] == "--qpdf":
        failures = [p for pdf in sys.argv[2:] for p in qpdf_problems(pdf)]
        for f in failures:
            print("FAIL", f)
        sys.exit(1 if failures else 0)
    pdf, report = sys.argv[1], sys.argv[2]
    failures = qpdf_problems(pdf)
    info = run("pdfinfo", "-l", "-1", pdf)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    if not sizes:
        failures.append("no pages")
    for i, (w, h) in enumerate(sizes, 1):
        if abs(float(w) - 595.28) > 1 or abs(float(h) - 841.89) > 1:
            failures.append("page %d is %s x %s pt, not A4" % (i, w, h))
    for key in ("Title", "Creator"):
        if not re.search(r"^%s:\s+\S" % key, info, re.M):
            failures.append("no %s in the PDF metadata" % key)
    if not re.search(r"^Creator:\s+newsprint \d", info, re.M):
        failures.append("Creator is not newsprint")

    text = run("pdftotext", "-enc", "UTF-8", pdf, "-")
    have = collections.Counter(c for c in text if is_han(c))
    with open(report, encoding="utf-8-sig") as f:
        want = collections.Counter(c for c in f.read() if is_han(c))
    missing = sorted(c for c, n in want.items() if have[c] < n)
    if missing:
        failures.append("Han characters missing from the text layer: %s"
                        % "".join(missing[:40]))

    fonts = run("pdffonts", pdf).splitlines()[2:]
    # columns: name type encoding emb sub uni object-id
    unembedded = [l.split()[0] for l in fonts
                  if re.search(r"\sno\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", l)]
    if unembedded:
        failures.append("fonts not embedded: %s" % unembedded)

    for f in failures:
        print("FAIL", f)
    if not failures:
        print("%s: %d pages, A4, all Han text present" % (pdf, len(sizes)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
