#!/usr/bin/env python3
"""Checks a newsletter issue PDF as a reader's tools see it (poppler-utils
and qpdf only): the masthead and its issue line, the contents box with the
page of each headline, every article's headline and text in reading order,
headlines kept with their text, running heads, footers, the colophon, the
PDF's title, outline and tags.

  check_issue.py OUT.pdf --newsprint BIN (--ini ISSUE.ini | --reports
      A.txt B.txt... --number TEXT) [--layout NAME] [--pages-alone N]

What the issue should hold is read from the issue file (or the reports and
--number), from `newsprint --dump-structure` of each report (its headline,
script and blocks) and from `newsprint --print-layout` (masthead, footer,
columns and margins).  Each failure is one line saying what was expected
and what the PDF shows instead, so that either side can be fixed.
"""
import argparse
import collections
import configparser
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4

# The furniture an issue prints in its script: Traditional, Simplified.
LABELS = {
    "contents": ("本期導讀", "本期导读"),
    "contents-jianbao": ("本期要目", "本期要目"),
    "publisher": ("主辦", "主办"),
    "editor": ("編輯", "编辑"),
    "address": ("地址", "地址"),
    "phone": ("電話", "电话"),
    "email": ("郵箱", "邮箱"),
    "email-also": ("電郵", "邮箱"),
    "print-run": ("印數", "印数"),
    "report-to": ("報", "报"),
    "send-to": ("送", "送"),
    "copy-to": ("發", "发"),
    "issued": ("印發", "印发"),
}


def label(name, hans):
    return LABELS[name][1 if hans else 0]


def labels(name, hans):
    """The label and the other word for it in that script (電郵 for 郵箱)."""
    return [label(n, hans) for n in (name, name + "-also") if n in LABELS]


def key(text):
    """The letters, digits and Han characters of `text`: what survives
    pdftotext's spacing and newsprint's punctuation widths."""
    return "".join(c for c in text if c.isalnum())


def short(text, n=24):
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if r.returncode != 0:
        sys.exit("check_issue: %s: exit %d: %s" % (" ".join(cmd[:2]), r.returncode,
                                                   r.stderr.strip()[:300]))
    return r.stdout


def length(text):
    """A layout length (8mm, 0.5cm, 1in, 12pt) in points."""
    m = re.fullmatch(r"\s*([\d.]+)\s*(mm|cm|in|pt)\s*", text, re.I)
    if not m:
        return None
    return float(m.group(1)) * {"mm": MM, "cm": 10 * MM, "in": 72, "pt": 1}[m.group(2).lower()]


# ------------------------------------------------------------ what is due

class Layout:
    """The parts of a layout the checks need, from --print-layout."""

    def __init__(self, np, name):
        r = subprocess.run([np, "--print-layout", name], capture_output=True, text=True)
        cp = configparser.ConfigParser(interpolation=None, strict=False)
        cp.optionxform = str
        if r.returncode == 0:
            cp.read_string(r.stdout)
        self.name = name

        def get(group, k, default):
            return cp.get(group, k, fallback=default)
        self.masthead = (get("masthead", "text", "產教聯合體通訊"),
                         get("masthead", "text-simplified", None))
        self.footer = (get("footer", "text", "第 {page} 頁 / 共 {pages} 頁"),
                       get("footer", "text-simplified", "第 {page} 页 / 共 {pages} 页"))
        # Without the layout's word, the contract's: a 简报 has 本期要目.
        jianbao = name == "jianbao"
        contents = "contents-jianbao" if jianbao else "contents"
        self.contents = (get("issue", "contents", label(contents, False)),
                         get("issue", "contents-simplified", label(contents, True)))
        self.running_head = get("issue", "running-head",
                                "" if jianbao else "{masthead} · {number}")
        self.colophon = get("issue", "colophon", "imprint" if jianbao else "box")
        self.separator = get("issue", "separator", "rule")
        self.columns = int(get("page", "columns", "2"))
        self.gutter = length(get("page", "gutter", "7mm"))
        self.inner = length(get("page", "margin-inner", "18mm"))
        self.outer = length(get("page", "margin-outer", "18mm"))

    def pick(self, pair, hans):
        return pair[1] if hans and pair[1] is not None else pair[0]

    def column_edges(self, page_no, width):
        """(left, right) of each column on page `page_no` (1-based); the
        inner margin is on the left of odd pages."""
        left = self.inner if page_no % 2 else self.outer
        area = width - self.inner - self.outer
        w = (area - (self.columns - 1) * self.gutter) / self.columns
        return [(left + i * (w + self.gutter), left + i * (w + self.gutter) + w)
                for i in range(self.columns)]


class Article:
    def __init__(self, np, path, section=None, title=None, encoding=None, name=None):
        cmd = [np, "--dump-structure", path]
        if encoding:
            cmd += ["--encoding", encoding]
        d = json.loads(run(cmd))
        self.path = path
        self.name = name or os.path.basename(path)
        self.section = section
        self.headline = title or d["headline"] or ""
        self.hans = d["script"] == "zh-Hans"
        self.blocks = d["blocks"]

    def __str__(self):
        return "%s (%s)" % (self.name, short(self.headline, 16))


def read_issue(args):
    """The issue's fields and its articles, from the issue file or the
    command line."""
    fields = {}
    articles = []
    if args.ini:
        cp = configparser.ConfigParser(interpolation=None, strict=False)
        cp.optionxform = str
        cp.read(args.ini, encoding="utf-8")
        fields = dict(cp["issue"]) if cp.has_section("issue") else {}
        base = os.path.dirname(os.path.abspath(args.ini))
        for group in cp.sections():
            if not group.startswith("report"):
                continue
            g = cp[group]
            articles.append(Article(args.newsprint, os.path.join(base, g["file"]),
                                    g.get("section"), g.get("title"),
                                    g.get("encoding"), os.path.basename(g["file"])))
    else:
        fields["number"] = args.number
        articles = [Article(args.newsprint, p) for p in args.reports]
    return fields, articles


def issue_is_hans(articles):
    """The script of most of the articles; the first one's on a tie."""
    hans = sum(a.hans for a in articles)
    hant = len(articles) - hans
    return hans > hant or (hans == hant and articles[0].hans)


# ------------------------------------------------------------ what is there

Line = collections.namedtuple("Line", "page x0 y0 x1 y1 text col h")


def column_parts(line, edges, body):
    """The words of a pdftotext line, cut where one column's text ends and
    the next column's begins: pdftotext joins two columns' lines set on
    one grid when a colour emoji or a mark set half-width into the gutter
    narrows the space between them.  A head across the columns, in a
    larger size, keeps its wide spaces."""
    words = [tuple(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")) + (w.text or "",)
             for w in line.iter(XHTML + "word")]
    words.sort()
    parts, part = [], []
    for w in words:
        # Body text either side of the middle of a gutter, at least half a
        # gutter apart.
        if part and abs(part[-1][3] - part[-1][1] - body) < 0.6 and abs(w[3] - w[1] - body) < 0.6 \
                and any(part[-1][2] <= (right + nxt) / 2 <= w[0]
                        and w[0] - part[-1][2] >= (nxt - right) / 2
                        for (_, right), (nxt, _) in zip(edges, edges[1:])):
            parts.append(part)
            part = []
        part.append(w)
    return parts + [part] if part else parts


def place_words(groups, col, words):
    """Adds `words` to the group of their column at their height: a word
    taller than the text (a colour emoji) still joins its line."""
    for box in words:
        mid = (box[1] + box[3]) / 2
        g = next((g for g in groups if g[0] == col and abs(g[1] - mid) < 4), None)
        if g is None:
            g = [col, mid, []]
            groups.append(g)
        g[2].append(box)


def read_lines(pdf, layout):
    """Every text line of the PDF with its box, its text size (the height
    of its words, as pdftotext gives it) and its column (-1: across the
    columns), page by page in reading order: top to bottom, and between
    two lines across the columns, column by column.  pdftotext cuts a line
    where a colour emoji (a taller glyph) stands; its words are put back
    together by where they sit."""
    root = ET.fromstring(run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", pdf, "-"]))
    # The body's text height: that of most words.
    body = collections.Counter(round(float(w.get("yMax")) - float(w.get("yMin")), 1)
                               for w in root.iter(XHTML + "word")).most_common(1)[0][0]
    pages = []
    for n, page in enumerate(root.iter(XHTML + "page"), 1):
        width = float(page.get("width"))
        edges = layout.column_edges(n, width)
        groups = []  # [col, middle, [(x0, y0, x1, y1, text)]]
        for line in page.iter(XHTML + "line"):
            for part in column_parts(line, edges, body):
                x0, x1 = part[0][0], max(w[2] for w in part)
                # A line is in the column it starts in (an opening mark
                # may start it half an em early), unless it crosses the
                # middle of a gutter (a justified line's last mark may
                # hang).
                col = max([0] + [i for i, (left, _) in enumerate(edges) if x0 >= left - 6])
                if col + 1 < len(edges) and x1 > (edges[col][1] + edges[col + 1][0]) / 2:
                    col = -1
                place_words(groups, col, part)
        raw = []
        for col, _, words in groups:
            words.sort()
            sizes = collections.Counter(round(w[3] - w[1], 1) for w in words if key(w[4]))
            h = sizes.most_common(1)[0][0] if sizes else max(w[3] - w[1] for w in words)
            raw.append(Line(n, min(w[0] for w in words), min(w[1] for w in words),
                            max(w[2] for w in words), max(w[3] for w in words),
                            " ".join(w[4] for w in words), col, h))
        raw.sort(key=lambda l: (l.y1 - l.h / 2, l.x0))
        ordered, band = [], []
        for l in raw:
            if l.col < 0:
                ordered += sorted(band, key=lambda b: (b.col, b.y1 - b.h / 2))
                band = []
                ordered.append(l)
            else:
                band.append(l)
        ordered += sorted(band, key=lambda b: (b.col, b.y1 - b.h / 2))
        words = [w for g in groups for w in g[2]]
        pages.append((width, float(page.get("height")), ordered, words))
    return pages


def height(line):
    return line.h


# ------------------------------------------------------------ the checks

class Checker:
    def __init__(self, args):
        self.args = args
        self.failures = []
        self.layout = Layout(args.newsprint, args.layout)
        self.fields, self.articles = read_issue(args)
        self.hans = issue_is_hans(self.articles)
        self.masthead = self.fields.get("masthead") or self.layout.pick(self.layout.masthead, self.hans)
        self.number = self.fields.get("number") or ""
        self.pages = read_lines(args.pdf, self.layout)
        self.lines = [l for _, _, ls, _ in self.pages for l in ls]
        heights = collections.Counter(round(height(l), 1) for l in self.lines
                                      if len(key(l.text)) >= 8)
        # The body's text height: that of most lines; 15.1 is what
        # pdftotext gives the bulletin's 10.5 pt body.
        self.body = heights.most_common(1)[0][0] if heights else 15.1

    def fail(self, what):
        self.failures.append(what)

    def is_body(self, line):
        return abs(height(line) - self.body) < 0.6

    # -- PDF metadata

    def check_metadata(self):
        info = run(["pdfinfo", self.args.pdf])
        meta = dict(l.split(":", 1) for l in info.splitlines() if ":" in l)
        title = meta.get("Title", "").strip()
        want = "%s %s" % (self.masthead, self.number)
        if title != want:
            self.fail("PDF Title is '%s', want masthead + ' ' + number: '%s'" % (title, want))
        if meta.get("Tagged", "").strip() != "yes":
            self.fail("the PDF is not tagged (pdfinfo Tagged: %s)" % meta.get("Tagged", "").strip())

    # -- headlines: where each article starts

    def find_headlines(self):
        """Where each article's headline is, in reading order: the indexes
        in self.lines of its first and last lines, or None.  Headlines are
        lines set larger than the body, found in the articles' order."""
        big = [i for i, l in enumerate(self.lines) if height(l) > 1.1 * self.body]
        # Runs of consecutive large lines: a headline may take two lines.
        runs, run_ = [], []
        for i in big:
            if run_ and i != run_[-1] + 1:
                runs.append(run_)
                run_ = []
            run_.append(i)
        if run_:
            runs.append(run_)
        found, start = [], 0
        for a in self.articles:
            want = key(a.headline)
            hit = None
            for r in runs:
                if r[0] < start:
                    continue
                text = key("".join(self.lines[i].text for i in r))
                if want and want in text:
                    # The lines that hold it, not the whole run (a
                    # section label or a subtitle may stand beside it).
                    first = last = None
                    acc = ""
                    for i in r:
                        line = key(self.lines[i].text)
                        acc += line
                        if first is None and line and line in want:
                            first = i
                        if want in acc:
                            last = i
                            break
                    hit = (first if first is not None else r[0], last)
                    break
            if hit is None:
                seen = [short(" ".join(self.lines[i].text for i in r)) for r in runs
                        if r[0] >= start][:4]
                self.fail("article %s: headline '%s' not found set as a heading after the "
                          "previous one (large lines there: %s)" % (a, a.headline, seen or "none"))
                found.append(None)
            else:
                found.append(hit)
                start = hit[1] + 1
        self.heads = found

    # -- page 1: masthead, issue line, contents

    def rows(self, page):
        """The words of a page in rows across the whole page, whatever
        column they stand in, each row left to right: how page 1's
        centred lines and the contents box (a headline, its page number
        flush right) are read."""
        rows = []
        for w in sorted(self.pages[page - 1][3], key=lambda w: (w[1] + w[3]) / 2):
            mid = (w[1] + w[3]) / 2
            if rows and abs(rows[-1][0] - mid) < 3:
                rows[-1][1].append(w)
            else:
                rows.append([mid, [w]])
        return [Line(page, min(w[0] for w in ws), min(w[1] for w in ws),
                     max(w[2] for w in ws), max(w[3] for w in ws),
                     " ".join(w[4] for w in sorted(ws)), -1, 0) for _, ws in rows]

    def check_page1(self):
        width = self.pages[0][0]
        rows = self.rows(1)
        if not any(key(self.masthead) == key(l.text) for l in rows[:4]):
            self.fail("page 1: masthead '%s' not among the first lines (%s)"
                      % (self.masthead, [short(l.text) for l in rows[:4]]))
        parts = [self.fields.get(k) for k in ("number", "serial", "date")]
        if self.layout.name == "jianbao":
            parts = parts[:1]
        parts = [p for p in parts if p]
        # The parts in order on one row; the separators are not read.
        pattern = ".*".join(re.escape(key(p)) for p in parts)
        meta = [l for l in rows[:8] if parts and re.search(pattern, key(l.text))]
        if parts and not meta:
            self.fail("page 1: no issue line '%s' under the masthead (first rows: %s)"
                      % (" · ".join(parts), [short(l.text, 40) for l in rows[:6]]))
        elif parts and abs((meta[0].x0 + meta[0].x1) / 2 - width / 2) > 3:
            self.fail("page 1: issue line '%s' not centred (%.1f to %.1f pt on a %.1f pt page)"
                      % (short(meta[0].text, 40), meta[0].x0, meta[0].x1, width))
        self.check_contents(rows)

    def check_contents(self, rows):
        title = self.layout.pick(self.layout.contents, self.hans)
        self.contents_bottom = 0
        at = [i for i, l in enumerate(rows) if key(l.text) == key(title)]
        if not at:
            self.fail("page 1: no contents box titled '%s'" % title)
            return
        box = rows[at[0] + 1:]
        head = self.lines[self.heads[0][0]] if self.heads and self.heads[0] else None
        if head and head.page == 1:
            box = [l for l in box if l.y1 <= head.y0 + 1]
        # The text of the box, with where each key character came from.
        text = "\n".join(l.text for l in box)
        keys, where = "", []
        for i, c in enumerate(text):
            if c.isalnum():
                keys += c
                where.append(i)
        start = 0
        last_row = None
        for n, a in enumerate(self.articles):
            want = key(a.headline)
            k = keys.find(want, start)
            if not want or k < 0:
                self.fail("contents: no entry for article %s: '%s' not in the box "
                          "after the previous entry (box reads: '%s')"
                          % (a, a.headline, short(text.replace("\n", " "), 60)))
                continue
            end = where[k + len(want) - 1] + 1
            m = re.match(r"[^\w]*?(\d+)", text[end:])
            start = k + len(want)
            if not m:
                self.fail("contents: entry '%s' has no page number after it (reads '%s')"
                          % (short(a.headline), short(text[end:end + 20])))
                continue
            start = keys.find(m.group(1), start) + len(m.group(1))
            last_row = text[:end + m.end()].count("\n")
            got = int(m.group(1))
            if self.heads[n] and got != self.lines[self.heads[n][0]].page:
                self.fail("contents: '%s' listed on page %d, its headline is on page %d"
                          % (short(a.headline), got, self.lines[self.heads[n][0]].page))
        if last_row is not None:
            self.contents_bottom = box[last_row].y1
            if head and (head.page != 1 or head.y0 < self.contents_bottom):
                self.fail("the first article's headline is on page %d at %.0f pt, "
                          "not under the contents box (its last entry ends at %.0f pt "
                          "on page 1)" % (head.page, head.y0, self.contents_bottom))

    # -- every article's text, in reading order

    def segment(self, n):
        """The lines of article n: from its headline to the next one's."""
        head = self.heads[n]
        nxt = next((h for h in self.heads[n + 1:] if h), None)
        return head[1] + 1, (nxt[0] if nxt else len(self.lines))

    def check_articles(self):
        for n, a in enumerate(self.articles):
            if not self.heads[n]:
                continue
            lo, hi = self.segment(n)
            body = [l for l in self.lines[lo:hi] if self.is_body(l)]
            stream = "".join(key(l.text) for l in body)
            pos = 0
            for b in a.blocks:
                if b["kind"] not in ("lead", "paragraph", "heading", "item"):
                    continue
                want = key(b["text"])
                if not want:
                    continue
                k = stream.find(want, pos)
                if k >= 0:
                    pos = k + len(want)
                    continue
                # How far it reads right, and what the PDF has instead.
                good = 0
                while good < len(want) and stream.find(want[:good + 1], pos) >= 0:
                    good += 1
                at = stream.find(want[:good], pos) + good if good else pos
                self.fail("article %s: %s of line %d not found whole after the text before it "
                          "(body-size lines between its headline and the next): reads right "
                          "up to '…%s', then the PDF has '%s' where the report has '%s'"
                          % (a, b["kind"], b["line"], want[max(0, good - 8):good],
                             stream[at:at + 10], want[good:good + 10]))
            everything = key("".join(l.text for l in self.lines[lo:hi]))
            for b in a.blocks:
                if b["kind"] in ("caption", "credit", "signature") and key(b["text"]) not in everything:
                    self.fail("article %s: %s '%s' (line %d) not found in its pages"
                              % (a, b["kind"], short(b["text"]), b["line"]))

    def check_keep_with_next(self):
        """clreq 3.1.3 keeps a heading with its text: no headline ends a
        column unless two lines of its article follow it there."""
        for n, a in enumerate(self.articles):
            if not self.heads[n]:
                continue
            last = self.lines[self.heads[n][1]]
            after = self.lines[self.heads[n][1] + 1:]
            col = None
            count = 0
            for l in after:
                if l.page != last.page:
                    break
                if col is None:
                    if l.col < 0 and not self.is_body(l):
                        continue  # a subtitle across the columns
                    col = l.col
                if l.col != col or height(l) > 1.1 * self.body:
                    break
                count += self.is_body(l)
                if count >= 2:
                    break
            if count < 2:
                self.fail("article %s: its headline ends page %d %s with %d line%s of its "
                          "text after it in that column (want at least 2)"
                          % (a, last.page, "column %d" % (last.col + 1) if last.col >= 0
                             else "across the columns", count, "" if count == 1 else "s"))

    def check_widows_orphans(self):
        """No paragraph leaves its first line alone at a column's foot
        (orphan) or its last line alone at a column's head (widow), read
        column by column: the audit reads a page's rows, and a row's left
        line that ends in a mark set half-width into the gutter runs into
        the right one there."""
        for n, a in enumerate(self.articles):
            if not self.heads[n]:
                continue
            lo, hi = self.segment(n)
            body = [l for l in self.lines[lo:hi] if self.is_body(l)]
            paras = [key(b["text"]) for b in a.blocks if b.get("text")]

            def cont(x, y):
                joined = key(x.text) + key(y.text)
                return bool(key(x.text)) and any(joined in p for p in paras)

            for i in range(len(body) - 1):
                l, m = body[i], body[i + 1]
                if (l.page, l.col) == (m.page, m.col) or not cont(l, m):
                    continue
                if i == 0 or not cont(body[i - 1], l) or \
                        (body[i - 1].page, body[i - 1].col) != (l.page, l.col):
                    self.fail("article %s: orphan: '%s' opens a paragraph alone at the foot "
                              "of page %d column %d" % (a, short(l.text), l.page, l.col + 1))
                if i + 2 >= len(body) or not cont(m, body[i + 2]) or \
                        (body[i + 2].page, body[i + 2].col) != (m.page, m.col):
                    self.fail("article %s: widow: '%s' ends a paragraph alone at the head "
                              "of page %d column %d" % (a, short(m.text), m.page, m.col + 1))

    def check_sections(self):
        """A section label over the first article of each section; other
        articles set apart from the one before by a rule (when the layout
        draws one)."""
        previous = None
        for n, a in enumerate(self.articles):
            if not a.section or a.section == previous or not self.heads[n]:
                if n and self.heads[n] and self.layout.separator == "rule" \
                        and not self.has_rule_above(n):
                    self.fail("article %s: no rule between it and the article before"
                              % a)
                previous = a.section
                continue
            previous = a.section
            lo = self.heads[n - 1][1] + 1 if n and self.heads[n - 1] else 0
            between = [l for l in self.lines[lo:self.heads[n][0]]
                       if l.page > 1 or l.y0 >= self.contents_bottom]
            if not any(key(l.text) == key(a.section) for l in between):
                self.fail("article %s: no section label '%s' between the previous article "
                          "and its headline" % (a, a.section))

    # -- furniture on every page

    def check_pages(self):
        head = self.layout.running_head.replace("{masthead}", self.masthead) \
                                       .replace("{number}", self.number)
        for n, (_, h, lines, _) in enumerate(self.pages, 1):
            want = self.footer(n)
            low = [l for l in lines if l.y0 > 0.85 * h]
            if not any(key(l.text) == key(want) for l in low):
                self.fail("page %d: no footer '%s' (the foot of the page reads %s)"
                          % (n, want, [short(l.text) for l in low] or "nothing"))
            if n > 1 and head:
                top = [l for l in lines if l.y1 < 0.12 * h]
                if not any(key(l.text) == key(head) for l in top):
                    self.fail("page %d: no running head '%s' (the top of the page reads %s)"
                              % (n, head, [short(l.text) for l in top] or "nothing"))

    def footer(self, n):
        return self.layout.pick(self.layout.footer, self.hans) \
                   .replace("{page}", str(n)).replace("{pages}", str(len(self.pages)))

    def check_colophon(self):
        # The last page's rows without its footer, top to bottom.
        lines = [l for l in self.rows(len(self.pages))
                 if key(l.text) != key(self.footer(len(self.pages)))]
        text = key("".join(l.text for l in lines))
        if self.layout.colophon == "box":
            boxed = []
            for field in ("publisher", "editor", "address", "phone", "email", "print-run"):
                value = self.fields.get(field)
                if not value:
                    continue
                wants = [key(l + value) for l in labels(field, self.hans)]
                if not any(w in text for w in wants):
                    self.fail("last page: colophon line '%s：%s' not found"
                              % (label(field, self.hans), value))
                # The last row that holds it: an article may quote the phone.
                boxed += [l for l in lines if any(w[:len(w) - len(key(value)) + 2] in key(l.text)
                                                  for w in wants)][-1:]
            if boxed:
                self.check_frame(len(self.pages), boxed)
        elif self.layout.colophon == "imprint":
            ys = []
            for field in ("report-to", "send-to", "copy-to"):
                value = self.fields.get(field)
                if not value:
                    continue
                want = key(label(field, self.hans) + value)
                at = [l for l in lines if key(l.text).startswith(want)]
                if not at:
                    self.fail("last page: imprint line '%s：%s' not found"
                              % (label(field, self.hans), value))
                else:
                    ys.append(at[0].y0)
            if ys != sorted(ys):
                self.fail("last page: 報/送/發 lines out of order")
            parts = [self.fields.get(k) for k in ("publisher", "date")]
            if all(parts) and lines:
                want = key("".join(parts) + label("issued", self.hans))
                if key(lines[-1].text) != want:
                    self.fail("last page: the last line is '%s', want '%s　%s%s'"
                              % (short(lines[-1].text), parts[0], parts[1],
                                 label("issued", self.hans)))

    def strokes(self, page):
        """The boxes of the paths stroked on `page`, read from its content
        stream with qpdf.  Cairo draws in a space turned to pdftotext's
        (y down) by one `cm` at the start of the page."""
        if not hasattr(self, "qdf"):
            self.qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable",
                                       self.args.pdf, "-"],
                                      capture_output=True).stdout.decode("latin-1")
        at = self.qdf.find("%%%% Contents for page %d\n" % page)
        stream = self.qdf[at:].split("stream\n", 1)[-1].split("\nendstream", 1)[0] \
            if at >= 0 else ""
        boxes, points = [], []
        for tok in re.finditer(r"(-?[\d.]+ -?[\d.]+ -?[\d.]+ -?[\d.]+) re|"
                               r"(-?[\d.]+ -?[\d.]+) [ml]|\b([SsBbfnW])\b", stream):
            if tok.group(1):
                x, y, w, h = (float(v) for v in tok.group(1).split())
                points += [(x, y), (x + w, y + h)]
            elif tok.group(2):
                points.append(tuple(float(v) for v in tok.group(2).split()))
            else:
                if tok.group(3) in "SsBb" and points:
                    xs, ys = [p[0] for p in points], [p[1] for p in points]
                    boxes.append((min(xs), min(ys), max(xs), max(ys)))
                if tok.group(3) != "W":
                    points = []
        return boxes

    def check_frame(self, page, lines):
        """A stroked frame on `page` around all of `lines` (the colophon)."""
        x0, y0 = min(l.x0 for l in lines), min(l.y0 for l in lines)
        x1, y1 = max(l.x1 for l in lines), max(l.y1 for l in lines)
        frames = [b for b in self.strokes(page) if b[2] - b[0] > 20 and b[3] - b[1] > 10]
        if not any(f[0] <= x0 + 2 and f[1] <= y0 + 2 and f[2] >= x1 - 2 and f[3] >= y1 - 2
                   for f in frames):
            self.fail("page %d: no frame around the colophon (its lines span %.0f,%.0f to "
                      "%.0f,%.0f pt; stroked boxes there: %s)"
                      % (page, x0, y0, x1, y1,
                         ["%.0f,%.0f-%.0f,%.0f" % f for f in frames][:6] or "none"))

    def has_rule_above(self, n):
        """Whether a thin rule stands over article n's headline, under the
        text before it in the same column (or anywhere above it when the
        headline opens its column).  A headline that opens its page has
        nothing to be set apart from: no rule is wanted there."""
        head = self.lines[self.heads[n][0]]
        before = [l for l in self.lines[:self.heads[n][0]] if l.page == head.page
                  and min(l.x1, head.x1) - max(l.x0, head.x0) > 10 and l.y1 <= head.y0 + 1]
        top = before[-1].y1 - 2 if before else 0
        if not [l for l in self.lines[:self.heads[n][0]] if l.page == head.page
                and self.is_body(l)]:
            return True
        return any(b[3] - b[1] < 2 and min(b[2], head.x1) - max(b[0], head.x0) > 20
                   and top <= b[1] <= head.y0 + 2 for b in self.strokes(head.page))

    def check_outline(self):
        data = json.loads(run(["qpdf", "--json=2", "--json-key=outlines", self.args.pdf]))
        entries = []

        def walk(nodes, parent):
            for node in nodes:
                entries.append((node.get("title", ""), parent, node.get("destpageposfrom1")))
                walk(node.get("kids", []), node.get("title", ""))
        walk(data.get("outlines", []), None)
        for n, a in enumerate(self.articles):
            mine = [e for e in entries if key(e[0]) == key(a.headline)]
            if not mine:
                self.fail("outline: no entry '%s' for article %s (entries: %s)"
                          % (a.headline, a, [short(e[0], 12) for e in entries][:12]))
                continue
            title, parent, page = mine[0]
            if a.section and key(parent or "") != key(a.section):
                self.fail("outline: '%s' is under '%s', want under its section '%s'"
                          % (short(a.headline), parent, a.section))
            if self.heads[n] and page and page != self.lines[self.heads[n][0]].page:
                self.fail("outline: '%s' points to page %s, its headline is on page %d"
                          % (short(a.headline), page, self.lines[self.heads[n][0]].page))

    def run(self):
        self.check_metadata()
        self.find_headlines()
        self.check_page1()
        self.check_articles()
        self.check_keep_with_next()
        self.check_widows_orphans()
        self.check_sections()
        self.check_pages()
        self.check_colophon()
        self.check_outline()
        if self.args.pages_alone is not None:
            pages = len(self.pages)
            print("economy: the issue takes %d pages, its reports alone %d"
                  % (pages, self.args.pages_alone))
            if pages > self.args.pages_alone:
                self.fail("the issue takes %d pages, more than its %d reports set alone (%d)"
                          % (pages, len(self.articles), self.args.pages_alone))
        for f in self.failures:
            print("FAIL %s: %s" % (os.path.basename(self.args.pdf), f))
        if not self.failures:
            print("%s: %d pages, %d articles, %s furniture: as the issue asks"
                  % (self.args.pdf, len(self.pages), len(self.articles),
                     "Simplified" if self.hans else "Traditional"))
        return 1 if self.failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("pdf")
    p.add_argument("--newsprint", required=True)
    p.add_argument("--ini")
    p.add_argument("--reports", nargs="+")
    p.add_argument("--number")
    p.add_argument("--layout", default="bulletin")
    p.add_argument("--pages-alone", type=int)
    args = p.parse_args()
    if not args.ini and not args.reports:
        p.error("give --ini or --reports")
    sys.exit(Checker(args).run())


if __name__ == "__main__":
    main()
