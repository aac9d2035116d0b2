#!/usr/bin/env python3
"""Reads an edition back from its PDF, as a reader's tools see it: the
text (pdftotext, with the line breaks taken out, so that a word broken
over two lines is still one word), the CJK faces (pdffonts) and the
document's language (the catalog's /Lang, through qpdf --json).

  check_edition.py PDF [--simplified] [--lang TAG] [--faces sc|tc|hk]
                       [--has TEXT]... [--lacks TEXT]...

--simplified: no Traditional-only character is left, on the pages or in
the document information (Title, Subject, Keywords, Author).  The oracle
is OpenCC's own t2s conversion (the opencc command) run on that text: any
character it would change is one a Simplified reader should not see.
Prints one FAIL line per problem and exits 1 if there was one.
"""
import argparse
import json
import re
import subprocess
import sys

# Noto CJK faces name their region in the PostScript name:
# NotoSerifCJKsc-Regular, NotoSansCJKtc-Bold, NotoSerifCJKhk-Regular.
NOTO_CJK = re.compile(r"Noto(?:Sans|Serif)CJK(sc|tc|hk|jp|kr)-")


def pdf_text(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"],
                         capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", out)


def metadata(pdf):
    """The document information a reader's PDF viewer shows in its title
    bar and properties: Title, Subject, Keywords, Author."""
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", pdf], capture_output=True,
                         text=True).stdout
    fields = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        if key in ("Title", "Subject", "Keywords", "Author"):
            fields[key] = value.strip()
    return fields


def cjk_regions(pdf):
    out = subprocess.run(["pdffonts", pdf], capture_output=True, text=True,
                         check=True).stdout
    return sorted(set(NOTO_CJK.findall(out)))


def catalog_lang(pdf):
    # qpdf exits 3 when it only warns (Cairo's Type 3 fonts repeat keys in
    # their glyph dictionaries), so its status is not the test.
    out = subprocess.run(["qpdf", "--json", pdf], capture_output=True, text=True).stdout
    objects = json.loads(out)["qpdf"][1]
    root = objects["trailer"]["value"]["/Root"]
    lang = objects["obj:" + root]["value"].get("/Lang")
    if isinstance(lang, str) and lang.startswith("u:"):
        lang = lang[2:]
    return lang


def traditional_left(text):
    """The characters of text that OpenCC's t2s would change, each with a
    few characters around it."""
    simplified = subprocess.run(["opencc", "-c", "t2s.json"], input=text,
                                capture_output=True, text=True, check=True).stdout
    simplified = simplified.rstrip("\n")
    if len(simplified) != len(text):
        return ["t2s changes the text's length (%d to %d characters)"
                % (len(text), len(simplified))]
    return ["%s (%s in …%s…)" % (a, b, text[max(0, i - 6):i + 7])
            for i, (a, b) in enumerate(zip(text, simplified)) if a != b]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--simplified", action="store_true")
    ap.add_argument("--lang")
    ap.add_argument("--faces", choices=["sc", "tc", "hk"])
    ap.add_argument("--has", action="append", default=[])
    ap.add_argument("--lacks", action="append", default=[])
    a = ap.parse_args()
    name = a.pdf
    problems = []
    text = pdf_text(a.pdf)
    if not text:
        problems.append("no text")
    if a.simplified:
        left = traditional_left(text)
        if left:
            problems.append("%d Traditional characters left: %s"
                            % (len(left), "; ".join(left[:8])))
        for key, value in metadata(a.pdf).items():
            left = traditional_left(value) if value else []
            if left:
                problems.append("%s: Traditional characters left: %s"
                                % (key, "; ".join(left[:8])))
    if a.lang is not None:
        lang = catalog_lang(a.pdf)
        if lang != a.lang:
            problems.append("/Lang is %s (want %s)" % (lang, a.lang))
    if a.faces:
        regions = cjk_regions(a.pdf)
        if regions != [a.faces]:
            problems.append("Noto CJK faces of region %s (want %s only)"
                            % (",".join(regions) or "none", a.faces))
    for word in a.has:
        if word not in text:
            problems.append("%s is not in the text" % word)
    for word in a.lacks:
        if word in text:
            i = text.index(word)
            problems.append("%s is in the text (…%s…)"
                            % (word, text[max(0, i - 8):i + len(word) + 8]))
    for p in problems:
        print("FAIL: %s: %s" % (name, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
