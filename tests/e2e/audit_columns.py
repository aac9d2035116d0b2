#!/usr/bin/env python3
"""The newsletter audit, with each row of a page cut at the columns' left
edges before it judges lines.

    audit_columns.py AUDIT_DIR OUT.pdf --source REPORT [--expect CASE.json]

Prints the audit's figures as JSON, as `newsletter_audit.py --json` does.
The audit groups a page's glyphs into rows and cuts a row only where a
gap is wider than 1.6 em; two columns 7 mm apart are 1.9 em apart, and a
line of the left column that ends in a mark set half-width (clreq 3.1.6)
still has that mark's full advance, so the row runs on into the right
column's line.  Such a joined line is wider than its column and left out;
the right column's line goes missing from its column, and a paragraph's
last two lines there read as a widow.  Cut at the column edges the audit
itself finds (its columns_of), the rows read column by column.  A line
that starts with an opening mark set without its leading blank is taken
to start where its ink does, at the column edge, not half an em before
it, where the audit would find it in no column.  Only the reading of rows
changes; every rule is the audit's own.
"""
import importlib.util
import os
import sys


def load_audit(audit_dir):
    spec = importlib.util.spec_from_file_location(
        "newsletter_audit", os.path.join(audit_dir, "newsletter_audit.py"))
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    return audit


def cut_at_columns(audit):
    """Replaces audit.build_lines with one that cuts its lines at the left
    edge of each column of the body text, in the body size the audit
    reads from the whole document."""
    build_lines, read_trace = audit.build_lines, audit.read_trace
    body = {}

    def read(pdf):
        """The pages, and the body size the audit will find in them."""
        pages = read_trace(pdf)
        body["size"] = audit.body_size(pages)
        return pages

    def cut(page):
        lines = build_lines(page)
        size = body.get("size")
        if not size:
            return lines
        lefts = audit.columns_of(lines, size)
        out = []
        for line in lines:
            if abs(line["size"] - size) >= 0.05:
                out.append(line)  # heads across the columns stay whole
                continue
            # A line may start with an opening mark half an em early
            # (its leading blank trimmed); none reaches this far past its
            # column's right edge.
            parts, part = [], [line["glyphs"][0]]
            for g in line["glyphs"][1:]:
                if any(part[0]["x"] < left - 0.75 * size <= g["x"] for left in lefts):
                    parts.append(part)
                    part = []
                part.append(g)
            parts.append(part)
            for p in parts:
                # An opening mark that starts a line gives up its leading
                # blank (clreq 3.1.6): its glyph starts half an em before
                # the column, its ink at the column's edge.
                x0 = p[0]["x"]
                if p[0]["u"] in audit.NO_END and len(p) > 1:
                    x0 = min(x0 + 0.5 * size, p[1]["x"])
                out.append(dict(line, x0=x0, x1=p[-1]["x"] + p[-1]["adv"],
                                text="".join(g["u"] for g in p), glyphs=p))
        out.sort(key=lambda l: (l["y"], l["x0"]))
        return out

    audit.read_trace, audit.build_lines = read, cut


def main():
    audit = load_audit(sys.argv[1])
    cut_at_columns(audit)
    sys.argv = ["newsletter_audit.py"] + sys.argv[2:] + ["--json"]
    audit.main()


if __name__ == "__main__":
    main()
