#!/usr/bin/env python3
"""Checks that no text of a PDF leaves its page or lies over other text,
from the word boxes of pdftotext -bbox (poppler-utils).

  check_boxes.py OUT.pdf
"""
import re
import subprocess
import sys


def main():
    # poppler writes an emoji of the PDF's title as two UTF-16 halves
    xhtml = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"],
                           check=True, capture_output=True
                           ).stdout.decode("utf-8", "replace")
    bad = []
    for n, page in enumerate(re.split(r"<page ", xhtml)[1:], 1):
        width, height = (float(v) for v in re.search(
            r'width="([0-9.]+)" height="([0-9.]+)"', page).groups())
        words = [(float(a), float(b), float(c), float(d), text)
                 for a, b, c, d, text in re.findall(
                     r'xMin="([-0-9.]+)" yMin="([-0-9.]+)" '
                     r'xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)<', page)]
        for x0, y0, x1, y1, text in words:
            if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
                bad.append("page %d: '%s' leaves the page" % (n, text[:20]))
        # The middle half of each box: pdftotext's boxes take a font's
        # whole ascent and descent, more than the lines are apart.
        cores = [(x0, y0 + (y1 - y0) / 4, x1, y1 - (y1 - y0) / 4, text)
                 for x0, y0, x1, y1, text in words]
        for i, a in enumerate(cores):
            for b in cores[i + 1:]:
                if (min(a[2], b[2]) - max(a[0], b[0]) > 2
                        and min(a[3], b[3]) - max(a[1], b[1]) > 2):
                    bad.append("page %d: '%s' lies over '%s'"
                               % (n, a[4][:20], b[4][:20]))
    for line in bad[:10]:
        print("FAIL " + line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
