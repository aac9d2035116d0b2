#!/usr/bin/env python3
"""The corpus scoreboard: how well newsprint reads reports it was not tuned to.

    score.py NEWSPRINT CORPUS_DIR [-v] [--only NAME]

Reads every CORPUS_DIR/NAME.txt with `NEWSPRINT --dump-structure`, compares
what it read with NAME.json (the structure an editor expects, see README.md)
and prints one line per kind of block: expected, found right, missed, found
but wrong, and the score right / (expected + wrong).  Exits 1 when a score is
under its bar: 98% for captions, units, keynote rows and credits, 90% for
exact headlines.  -v lists every miss, report by report.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import unicodedata

BARS = {"captions": 0.98, "units": 0.98, "keynotes": 0.98, "credit": 0.98,
        "title": 0.90}


def talks(block):
    """The talks of a keynote table, as speaker|title: its last two
    columns (an agenda's table has its times before them), its breaks
    (rows without a speaker) left out."""
    head = block["rows"][0]
    who, what = len(head) - 2, len(head) - 1
    return ["%s|%s" % (r[who], r[what]) for r in block["rows"][1:] if r[who]]


def is_emoji(c):
    o = ord(c)
    return (0x1F000 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or o in (0x200D, 0xFE0F, 0xFE0E, 0x20E3)
            or 0xE0020 <= o <= 0xE007F or 0x2B00 <= o <= 0x2BFF or 0x2190 <= o <= 0x21FF)


def key(s):
    """What two texts must share to be the same text: width of punctuation,
    emoji and spaces do not matter (newsprint widens marks as it reads)."""
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace() and not is_emoji(c))


class Board:
    def __init__(self):
        self.rows = collections.OrderedDict()
        self.misses = collections.defaultdict(list)

    def row(self, kind):
        return self.rows.setdefault(kind, [0, 0, 0, 0])  # expected right missed wrong

    def bag(self, name, kind, want, got):
        """Multisets of texts: each expected text found once is right."""
        r = self.row(kind)
        left = collections.Counter(key(g) for g in got)
        r[0] += len(want)
        for w in want:
            if left[key(w)] > 0:
                left[key(w)] -= 1
                r[1] += 1
            else:
                r[2] += 1
                self.misses[name].append("%s missed: %s" % (kind, w))
        for g in got:
            if left[key(g)] > 0:
                left[key(g)] -= 1
                r[3] += 1
                self.misses[name].append("%s wrong: %s" % (kind, g))

    def one(self, name, kind, want, got):
        """One value per report; None expected means none may be found."""
        r = self.row(kind)
        if want is None:
            if got:
                r[3] += 1
                self.misses[name].append("%s wrong: %s (expected none)" % (kind, got))
            return
        r[0] += 1
        if key(want) == key(got):
            r[1] += 1
        else:
            r[2] += 1
            if got:
                r[3] += 1
            self.misses[name].append("%s: expected %s, got %s" % (kind, want, got))


def blocks(dump, kind):
    return [b for b in dump["blocks"] if b["kind"] == kind]


def score(board, name, want, dump):
    cap_blocks = blocks(dump, "caption")
    if "captions" in want:
        board.bag(name, "captions", want["captions"], [b["text"] for b in cap_blocks])
    if "photo_credits" in want:
        board.bag(name, "photo_credits", ["%s|%s" % (c, cr) for c, cr in want["photo_credits"].items()],
                  ["%s|%s" % (b["text"], b["credit"]) for b in cap_blocks if b.get("credit")])
    units = blocks(dump, "units")
    if "units" in want:
        board.bag(name, "units", want["units"], [r[1] for b in units for r in b["rows"][1:]])
    if "unit_tables" in want:
        board.one(name, "unit_tables", " / ".join("%s:%d" % (t.get("title") or "", len(t["units"]))
                                                  for t in want["unit_tables"]),
                  " / ".join("%s:%d" % (b.get("title") or "", len(b["rows"]) - 1) for b in units))
    if "keynotes" in want:
        board.bag(name, "keynotes", ["%s|%s" % tuple(k) for k in want["keynotes"]],
                  [t for b in blocks(dump, "keynotes") for t in talks(b)])
    if "credit" in want:
        got = "\n".join(b["text"] for b in blocks(dump, "credit")) or None
        board.one(name, "credit", want["credit"], got)
    for k in ("title", "date", "publisher", "subtitle"):
        if k in want:
            board.one(name, k, want[k], dump.get("headline" if k == "title" else k))
    if "headings" in want:
        board.bag(name, "headings", want["headings"], [b["text"] for b in blocks(dump, "heading")])
    if "items" in want:
        board.bag(name, "items", want["items"], [b["text"] for b in blocks(dump, "item")])
    if "dropped" in want:
        r = board.row("dropped")
        texts = [key(b["text"]) for b in dump["blocks"] if b.get("text")]
        for d in want["dropped"]:
            r[0] += 1
            kd = key(d)
            # a dropped line may name what the text names too (an account
            # that is the host): only a long one inside a block is printed
            if kd and any(t == kd or (len(kd) >= 12 and kd in t) for t in texts):
                r[2] += 1
                board.misses[name].append("dropped: still printed: %s" % d)
            else:
                r[1] += 1
    if "warnings" in want:
        r = board.row("warnings")
        for w in want["warnings"]:
            r[0] += 1
            if any(w in x for x in dump["warnings"]):
                r[1] += 1
            else:
                r[2] += 1
                board.misses[name].append("warning missing: %s" % w)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("newsprint")
    ap.add_argument("corpus")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--only", help="score this report only")
    a = ap.parse_args()

    board = Board()
    names = sorted(f[:-5] for f in os.listdir(a.corpus) if f.endswith(".json"))
    if a.only:
        names = [n for n in names if n == a.only]
    failed = []
    for name in names:
        txt = os.path.join(a.corpus, name + ".txt")
        want = json.load(open(os.path.join(a.corpus, name + ".json"), encoding="utf-8"))
        run = subprocess.run([a.newsprint, "--dump-structure", txt], capture_output=True)
        if run.returncode != 0:
            failed.append("%s: exit %d: %s" % (name, run.returncode, run.stderr.decode(errors="replace").strip()))
            continue
        score(board, name, want, json.loads(run.stdout.decode("utf-8")))

    print("%-14s %8s %6s %6s %6s %7s" % ("kind", "expected", "right", "missed", "wrong", "score"))
    low = []
    for kind, (exp, right, missed, wrong) in board.rows.items():
        total = exp + wrong
        s = right / total if total else 1.0
        bar = BARS.get(kind)
        flag = ""
        if bar is not None and s < bar:
            flag = "  < %d%%" % round(bar * 100)
            low.append(kind)
        print("%-14s %8d %6d %6d %6d %6.1f%%%s" % (kind, exp, right, missed, wrong, 100 * s, flag))
    print("%d reports" % len(names))
    if a.verbose or low:
        for name in names:
            for m in board.misses.get(name, []):
                print("  %s: %s" % (name, m))
    for f in failed:
        print("FAILED", f)
    sys.exit(1 if low or failed else 0)


if __name__ == "__main__":
    main()
