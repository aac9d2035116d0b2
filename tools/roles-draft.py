#!/usr/bin/env python3
"""Drafts a role label file for a report from how newsprint reads it now.

    roles-draft.py [--resolve] NEWSPRINT REPORT.txt [TEXT.txt] > NAME.roles

Each non-empty line of the report gets one line in the draft:
`LINE<TAB>ROLE<TAB>first characters of the line`.  The role is that of the
block starting on the line; a line inside a table, or a line that goes on a
paragraph before it, takes the role of the block above it; a line that no
block starts on is `?`, or with --resolve (for a report newsprint is known
to read right) `photo_credit` when a caption's credit holds it, else `drop`.  An
editor then corrects the draft by hand (tests/roles/README.md).
"""
import json
import subprocess
import unicodedata
import sys

KIND = {"lead": "lead", "paragraph": "paragraph", "heading": "heading",
        "item": "item", "caption": "caption", "keynotes": "keynote",
        "units": "units", "credit": "credit", "signature": "signature"}


def bare(s):
    """What two texts share when a title is cleaned: no spaces, emoji,
    brackets or tags, widths folded."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace() and ord(c) < 0x1F000
                   and c not in "【】#")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    np, report = args[0], args[1]
    text = args[2] if len(args) > 2 else report
    dump = json.loads(subprocess.run([np, "--dump-structure", report],
                                     capture_output=True, check=True).stdout)
    by_line = {}
    for b in dump["blocks"]:
        by_line.setdefault(b["line"], KIND[b["kind"]])
    with open(text, encoding="utf-8-sig") as f:
        lines = f.read().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    resolve = "--resolve" in sys.argv
    credits = [b["credit"] for b in dump["blocks"] if b.get("credit")]
    head = {dump.get("headline") or "", dump.get("subtitle") or "",
            dump.get("kicker") or "", dump.get("byline") or ""}
    filled = [l for l in lines if l.strip()]
    wrapped = len(lines) - len(filled) >= len(filled) / 3
    prev = None
    blank = True
    out = []
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            blank = True
            continue
        role = by_line.get(n)
        if role is None and resolve and any(c.strip() == s for c in credits):
            role = "photo_credit"
        elif role is None:
            headline = dump.get("headline") or ""
            if s == headline.strip() or s in head or (
                    len(s) >= 4 and bare(s) in bare(headline)) or (
                    len(headline) >= 4 and bare(headline) in bare(s)):
                role = "title" if (bare(s) in bare(headline)
                                   or bare(headline) in bare(s)) else "subtitle"
            elif any(len(s) >= 4 and bare(s) in bare(h) for h in head if h):
                role = "subtitle"
            elif prev in ("units", "keynote") or (wrapped and not blank and prev):
                role = prev
            elif resolve:
                # trusted reading: what no block starts on was a photo's
                # credit taken under its caption, or dropped
                role = "photo_credit" if any(c in s or s in c for c in credits) else "drop"
            else:
                role = "?"
        out.append([n, role, s[:24]])
        prev = role
        blank = False
    # a list's title line or a pasted table's header, which the table
    # took, is the table's
    for i in range(len(out) - 1):
        if resolve and out[i][1] == "drop" and out[i + 1][1] in ("units", "keynote"):
            out[i][1] = out[i + 1][1]
    for n, role, s in out:
        print("%d\t%s\t%s" % (n, role, s))


main()
