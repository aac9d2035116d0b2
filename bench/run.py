#!/usr/bin/env python3
"""Times newsprint on the reference report (as written, and printed in
Simplified with --to zh-Hans), on generated 10- and 100-page reports and
on a generated issue of twelve reports (about 16 pages), beside pango-view on the same text (plain text in one column, no
layout: a floor for the same stack), runs of the two taken in turn so that
the ratios hold on a noisy machine.  Prints the median wall time and the
median peak memory (of the whole process) of RUNS runs.

  bench/run.py [RUNS]      (python3 and poppler-utils; nothing else)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
NEWSPRINT = os.environ.get("NEWSPRINT", os.path.join(TOP, "build", "newsprint"))
REFERENCE = os.path.join(TOP, "..", "shared", "reports", "auto-city-2024-06-18.txt")


def run_once(cmd):
    """Wall seconds and peak resident MiB of one run of cmd."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.monotonic() - start, usage.ru_maxrss / 1024.0


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    work = tempfile.mkdtemp()
    reports = [("reference", REFERENCE)] if os.path.exists(REFERENCE) else []
    # The reference converted: OpenCC's cost beside the same typesetting.
    edition = ("reference --to zh-Hans", REFERENCE, REFERENCE, ["--to", "zh-Hans"])
    for n in (10, 100):
        path = os.path.join(work, "%d-pages.txt" % n)
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "genreport.py"), str(n)],
                           stdout=f, check=True)
        reports.append(("%d pages" % n, path))
    # The issue: newsprint sets issue.ini, pango-view the twelve reports'
    # text one after another.
    folder = os.path.join(work, "issue")
    subprocess.run([sys.executable, os.path.join(HERE, "genreport.py"), "--issue", folder],
                   check=True)
    text = os.path.join(folder, "all.txt")
    with open(text, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(folder)):
            if name.startswith("report-"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    out.write(f.read())
    issue = ("issue of 12", os.path.join(folder, "issue.ini"), text)
    pdf = os.path.join(work, "out.pdf")
    print("%-22s %6s %9s %9s %11s %11s %7s" % ("report", "pages", "np wall", "pv wall",
                                               "np memory", "pv memory", "np/pv"))
    rows = [r + (r[1], []) for r in reports] + [issue + ([],)]
    if reports and reports[0][0] == "reference":
        rows.insert(1, edition)
    ratio_of = {}
    for name, path, text, extra in rows:
        np_cmd = [NEWSPRINT, path, "-o", pdf] + extra
        pv_cmd = ["pango-view", "--no-display", "-q", "--font=Noto Serif CJK TC 10.5",
                  text, "-o", os.path.join(work, "pv.pdf")]
        if subprocess.run(np_cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode != 0:  # warm-up
            print("%-22s newsprint failed: %s" % (name, " ".join(np_cmd)))
            continue
        run_once(pv_cmd)
        pages = pages_of(pdf)
        np_runs, pv_runs, ratios = [], [], []
        for _ in range(runs):
            a, b = run_once(np_cmd), run_once(pv_cmd)
            np_runs.append(a)
            pv_runs.append(b)
            ratios.append(a[0] / b[0])
        med = statistics.median
        print("%-22s %6d %8.3fs %8.3fs %8.1fMiB %8.1fMiB %7.2f" % (
            name, pages, med(r[0] for r in np_runs), med(r[0] for r in pv_runs),
            med(r[1] for r in np_runs), med(r[1] for r in pv_runs), med(ratios)))
        ratio_of[name] = med(ratios)
        # The edition's target: converting costs at most a tenth of the
        # run, measured against pango-view as both rows are, so that the
        # machine's load cancels out.
        if name == edition[0] and "reference" in ratio_of:
            more = ratio_of[name] / ratio_of["reference"] - 1
            print("--to zh-Hans target, at most 10%% more time: %s (%+.0f%%)" % (
                "met" if more <= 0.10 else "missed", 100 * more))
        # The issue's targets: a 16-page issue in a second and 150 MiB.
        if name == issue[0]:
            wall, peak = med(r[0] for r in np_runs), med(r[1] for r in np_runs)
            print("issue target, 1.0 s and 150 MiB: %s" % (
                "met" if wall <= 1.0 and peak <= 150
                else "missed (%.2f s, %.0f MiB)" % (wall, peak)))


if __name__ == "__main__":
    main()
