#!/usr/bin/env python3
"""Checks that no headline breaks inside a word, as ICU's dictionary word
breaker divides it: renders each report, finds its headline's lines in the
PDF's text (pdftotext) and checks each break against ICU's boundaries
(icu-words, built beside the tests).

  check_headline_words.py NEWSPRINT ICU-WORDS REPORT...
"""
import json
import re
import subprocess
import sys
import tempfile
import os


def squeeze(text):
    return re.sub(r"\s+", "", text)


def boundaries(icu_words, text):
    """Character offsets of ICU's word boundaries in `text`.  icu-words
    parts the words with |, so a | of the text's own goes in as ｜, one
    character as well."""
    text = text.replace("|", "｜")
    out = subprocess.run([icu_words], input=text + "\n", check=True,
                         capture_output=True, text=True).stdout.rstrip("\n")
    at, places = 0, {0}
    for word in out.split("|"):
        at += len(word)
        places.add(at)
    return places


def headline_lines(pdf, head):
    """The PDF's lines that, joined, read as `head`; None if not found."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "2",
                           pdf, "-"], check=True, capture_output=True
                          ).stdout.decode("utf-8", "replace")
    lines = [squeeze(l) for l in text.split("\n")]
    for i in range(len(lines)):
        got = []
        for line in lines[i:]:
            if not line:
                break
            got.append(line)
            joined = "".join(got)
            if joined == head:
                return got
            if not head.startswith(joined):
                break
    return None


def main():
    newsprint, icu_words, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
    bad, found, missed = [], 0, []
    with tempfile.TemporaryDirectory() as work:
        pdf = os.path.join(work, "out.pdf")
        for report in reports:
            dump = subprocess.run([newsprint, "--dump-structure", report],
                                  capture_output=True)
            if dump.returncode != 0:
                continue  # a report newsprint refuses has no headline
            head = json.loads(dump.stdout.decode("utf-8")).get("headline")
            if not head:
                continue
            if subprocess.run([newsprint, report, "-o", pdf],
                              capture_output=True).returncode != 0:
                continue
            head = squeeze(head)
            lines = headline_lines(pdf, head)
            if lines is None:
                missed.append(report)
                continue
            found += 1
            places = boundaries(icu_words, head)
            at = 0
            for line in lines[:-1]:
                at += len(line)
                if at not in places:
                    bad.append("%s: %s / %s" % (os.path.basename(report),
                                                head[:at][-8:], head[at:][:8]))
    for b in bad:
        print("FAIL: breaks inside a word: " + b)
    for m in missed:
        print("note: headline not found in the PDF's text: " + m)
    print("%d headlines checked, %d broken inside a word, %d not found"
          % (found, len(bad), len(missed)))
    # most headlines must be found, or the check checks nothing
    sys.exit(1 if bad or found < 2 * len(missed) or found == 0 else 0)


if __name__ == "__main__":
    main()
