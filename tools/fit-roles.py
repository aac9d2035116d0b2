#!/usr/bin/env python3
"""Fits the role model of the reading stage on the labelled corpus.

    fit-roles.py FEATURES [--shared DIR] [--own-only] [--without SOURCE]
                          [--out DIR]
    fit-roles.py FEATURES --cv [--shared DIR]

FEATURES is the built `newsprint-features` tool.  The reports are those
of tests/corpus, tests/cases, tests/issue and examples, labelled by
tests/roles/{own,cases,issue,examples}/NAME.roles, and beside the project
(DIR, ../shared by default) the reference report and the corpus written by
others, labelled by tests/roles/{reports,shared}/NAME.roles
(tests/roles/README.md).  --own-only leaves out what is beside it;
--without SOURCE the reports of one source (cn, cnt, hk, mo, tw: the
shared corpus's regions), for a model that has never seen them
(tools/cross-validate.sh).

Fitting writes into DIR (data/ by default):
  roles.model  liblinear's L2-regularised logistic regression (-s 0) of the
               role of a paragraph given its features;
  roles.fit    the names of the features the model's columns stand for, the
               role-to-role transitions (log probabilities, add-one
               smoothed counts of the labels in order) and the weights of
               the decoding (src/report-roles.c).
The same corpus always gives the same two files; tests/roles/fitted.sh
checks that the committed ones are what this makes.

--cv prints what a report nobody labelled can expect: the model fitted on
the own corpus alone and scored on the shared one, and folds that leave
out one source at a time (mainland, Taiwan, Hong Kong, Macau, the
Traditional mainland reports, and the own corpus), scored on what was left
out.  It decodes as the engine does (pooling by form, Viterbi).
"""
import argparse
import collections
import math
import os
import subprocess
import sys
import tempfile

ROLES = ["title", "subtitle", "drop", "lead", "paragraph", "heading", "item",
         "caption", "photo_credit", "units", "keynote", "table", "credit",
         "signature"]
# The cost of liblinear's fit (-c): found by the folds of --cv.
COST = 4
# Roles the corpus holds few of weigh more in the fit, so that a report's
# one signature or photo credit is not read as the common role beside it.
WEIGHTS = {"signature": 3, "photo_credit": 3, "subtitle": 2, "keynote": 2}
# A feature must stand in this many paragraphs to get a weight.
MIN_COUNT = 2
# The decoding (src/report-roles.c): how much the transitions weigh against
# the scores, how far a line is drawn to its form's mean, and under what
# difference of probability two readings are close enough to warn.
DECODE = {"order": float(os.environ.get("NP_ORDER", 0.3)),
          "form": float(os.environ.get("NP_FORM", 0.3)),
          "length": float(os.environ.get("NP_LENGTH", 1.0)), "close": 0.15}

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


# Each folder of tests/roles/ labels the reports of one folder: the own
# corpus, the test cases, the reports, the bundled example, the
# short texts of the unit tests (tests/roles/snippets, text and labels), and
# beside the project the reference report and the corpus written by others.
FOLDERS = [("own", "tests/corpus", "own"), ("cases", "tests/cases", "own"),
           ("issue", "tests/issue", "own"), ("examples", "examples", "own"),
           ("snippets", "tests/roles/snippets", "own"),
           ("reports", "SHARED/reports", "reports"),
           ("shared", "SHARED/corpus", None)]


def corpus(shared):
    """(name, source, text path, roles path) of every labelled report; the
    source of a report of the shared corpus is its region (cn, tw, ...)."""
    out = []
    for folder, texts, source in FOLDERS:
        if texts.startswith("SHARED"):
            if not shared:
                continue
            texts = texts.replace("SHARED", shared)
        else:
            texts = os.path.join(ROOT, texts)
        labels = os.path.join(ROOT, "tests", "roles", folder)
        for f in sorted(x for x in os.listdir(labels) if x.endswith(".roles")):
            name = f[:-len(".roles")]
            out.append((name, source or name.split("-")[0],
                        os.path.join(texts, name + ".txt"), os.path.join(labels, f)))
    return out


def read_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[1] not in ROLES:
                sys.exit("%s: line %d: expected LINE<TAB>ROLE, ROLE one of %s"
                         % (path, n, ", ".join(ROLES)))
            labels[int(parts[0])] = parts[1]
    return labels


def read_report(tool, text, roles):
    """The report's paragraphs: (role, [features]) in order."""
    out = subprocess.run([tool, text], capture_output=True, check=True,
                         text=True).stdout
    labels = read_labels(roles)
    paras = []
    for row in out.splitlines():
        parts = row.split("\t")
        line = int(parts[0])
        if line not in labels:
            sys.exit("%s: no label for line %d" % (roles, line))
        paras.append((labels[line], [tuple(f.split("=", 1)) if "=" in f else (f, "1")
                                     for f in parts[1:]]))
    return paras


def vocabulary(reports):
    count = collections.Counter()
    for paras in reports:
        for _, feats in paras:
            count.update(set(name for name, _ in feats))
    names = sorted(f for f, c in count.items() if c >= MIN_COUNT)
    for n in names:
        assert ";" not in n and "\n" not in n, n
    return names


def write_problem(path, reports, index):
    with open(path, "w", encoding="utf-8") as f:
        for paras in reports:
            for role, feats in paras:
                idx = sorted({(index[x], v) for x, v in feats if x in index})
                f.write("%d %s\n" % (ROLES.index(role),
                                     " ".join("%d:%s" % iv for iv in idx)))


def transitions(reports):
    """log P(b | a), add-one smoothed; the row 'start' for the first."""
    counts = {a: collections.Counter() for a in ROLES + ["start"]}
    for paras in reports:
        prev = "start"
        for role, _ in paras:
            counts[prev][role] += 1
            prev = role
    rows = {}
    for a, c in counts.items():
        total = sum(c.values()) + len(ROLES)
        rows[a] = [math.log((c[b] + 1) / total) for b in ROLES]
    return rows


def length_odds(reports):
    """For each role and length bucket the corpus never saw together (a
    caption of 200 characters), how much less likely that is than the
    bucket over all paragraphs: log P(bucket | role) - log P(bucket), the
    count smoothed by one; 0 where the corpus saw it.  The regression,
    with other evidence at hand, does not learn such a limit."""
    buckets = sorted({f[len("len:"):] for paras in reports for _, feats in paras
                      for f, _ in feats if f.startswith("len:")})
    by_role = {r: collections.Counter() for r in ROLES}
    total = collections.Counter()
    for paras in reports:
        for role, feats in paras:
            b = next((f[len("len:"):] for f, _ in feats if f.startswith("len:")), None)
            if b is not None:
                by_role[role][b] += 1
                total[b] += 1
    n = sum(total.values())
    odds = {}
    for r in ROLES:
        m = sum(by_role[r].values())
        # only where the corpus never saw the role so long or so short:
        # where it did, the regression's own length features weigh it
        odds[r] = [0.0 if by_role[r][b] else
                   min(0.0, math.log(1 / (m + len(buckets)))
                       - math.log((total[b] + 1) / (n + len(buckets))))
                   for b in buckets]
    return buckets, odds


def fit(reports, out_dir, cost=COST):
    names = vocabulary(reports)
    index = {n: i + 1 for i, n in enumerate(names)}
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        problem = os.path.join(tmp, "train")
        write_problem(problem, reports, index)
        weights = []
        for role, w in sorted(WEIGHTS.items()):
            weights += ["-w%d" % ROLES.index(role), str(w)]
        subprocess.run(["liblinear-train", "-q", "-s", "0", "-c", str(cost),
                        "-B", "1"] + weights
                       + [problem, os.path.join(out_dir, "roles.model")],
                       check=True)
    rows = transitions(reports)
    buckets, lengths = length_odds(reports)
    with open(os.path.join(out_dir, "roles.fit"), "w", encoding="utf-8") as f:
        f.write("# Written by tools/fit-roles.py from the labelled corpus: "
                "do not edit.\n")
        f.write("[decode]\n")
        for k, v in DECODE.items():
            f.write("%s=%s\n" % (k, v))
        f.write("\n[transitions]\n")
        for a in ["start"] + ROLES:
            f.write("%s=%s\n" % (a, ";".join("%.4f" % x for x in rows[a])))
        f.write("\n[lengths]\n")
        f.write("buckets=%s\n" % ";".join(buckets))
        for r in ROLES:
            f.write("%s=%s\n" % (r, ";".join("%.4f" % x for x in lengths[r])))
        f.write("\n[features]\n")
        f.write("names=%s\n" % ";".join(names))
    return index, (rows, buckets, lengths)


# ---- decoding, as src/report-roles.c does, for the folds --------------------

def predict(reports, model_dir, index):
    """Per report, per paragraph: log probabilities in ROLES order."""
    with tempfile.TemporaryDirectory() as tmp:
        problem = os.path.join(tmp, "test")
        write_problem(problem, reports, index)
        result = os.path.join(tmp, "out")
        subprocess.run(["liblinear-predict", "-q", "-b", "1", problem,
                        os.path.join(model_dir, "roles.model"), result],
                       check=True)
        with open(result) as f:
            header = f.readline().split()[1:]
            rows = [list(map(float, l.split()[1:])) for l in f]
    order = [header.index(str(r)) if str(r) in header else None
             for r in range(len(ROLES))]
    out, k = [], 0
    for paras in reports:
        doc = []
        for _ in paras:
            doc.append([math.log(max(rows[k][o] if o is not None else 0, 1e-6))
                        for o in order])
            k += 1
        out.append(doc)
    return out


def decode(logp, forms, fitted, paras):
    rows, buckets, lengths = fitted
    n = len(logp)
    lw = DECODE["length"]
    logp = [list(x) for x in logp]
    for i, (_, feats) in enumerate(paras):
        b = next((f[len("len:"):] for f, _ in feats if f.startswith("len:")), None)
        if b in buckets:
            k = buckets.index(b)
            for r in range(len(ROLES)):
                logp[i][r] += lw * lengths[ROLES[r]][k]
    a = DECODE["form"]
    groups = collections.defaultdict(list)
    for i, f in enumerate(forms):
        groups[f].append(i)
    pooled = [list(x) for x in logp]
    for members in groups.values():
        if len(members) < 2:
            continue
        mean = [sum(logp[i][r] for i in members) / len(members)
                for r in range(len(ROLES))]
        for i in members:
            pooled[i] = [(1 - a) * logp[i][r] + a * mean[r]
                         for r in range(len(ROLES))]
    w = DECODE["order"]
    R = len(ROLES)
    # states: a role and where the line stands to the one headline (before,
    # in its run, after), as src/report-roles.c decodes
    T, S = ROLES.index("title"), ROLES.index("subtitle")
    D = ROLES.index("drop")

    def step(phase, a, b):
        if phase == 0:
            return 1 if b == T else 0 if b in (D, S) else 2
        if phase == 1:
            if b == T:
                return 1 if a == T else None
            return 1 if b == S else 2
        return None if b == T else 2

    NEG = float("-inf")
    score = [NEG] * (3 * R)
    for b in range(R):
        score[step(0, b, b) * R + b] = pooled[0][b] + w * rows["start"][b]
    back = [[0] * (3 * R)]
    for i in range(1, n):
        new, frm = [NEG] * (3 * R), [0] * (3 * R)
        for s_ in range(3 * R):
            if score[s_] == NEG:
                continue
            a, phase = s_ % R, s_ // R
            for b in range(R):
                to = step(phase, a, b)
                if to is None:
                    continue
                t = to * R + b
                v = score[s_] + w * rows[ROLES[a]][b] + pooled[i][b]
                if v > new[t]:
                    new[t], frm[t] = v, s_
        score = new
        back.append(frm)
    last = max(range(3 * R), key=lambda s_: score[s_])
    path = []
    for i in range(n - 1, -1, -1):
        path.append(last % R)
        last = back[i][last]
    return [ROLES[r] for r in reversed(path)]


def forms_of(paras):
    # the engine's form key is not in the dump; the opening symbol, label
    # and ending features stand for it
    keys = []
    for _, feats in paras:
        keys.append("|".join(sorted(f for f, _ in feats
                                    if f.startswith(("sym:", "wrap:", "end:", "num:", "label", "len:")))))
    return keys


def score_fold(train, test, tmp):
    index, rows = fit([p for _, p in train], tmp)
    logps = predict([p for _, p in test], tmp, index)
    right = total = whole = 0
    per_role = collections.defaultdict(lambda: [0, 0])
    for (name, paras), logp in zip(test, logps):
        got = decode(logp, forms_of(paras), rows, paras)
        ok = 0
        for (want, _), g in zip(paras, got):
            if g != want:
                CONFUSED[(want, g)] += 1
            per_role[want][1] += 1
            if g == want:
                per_role[want][0] += 1
                ok += 1
        right += ok
        total += len(paras)
        whole += ok == len(paras)
    return right, total, whole, len(test), per_role


CONFUSED = collections.Counter()


def cv(tool, shared):
    items = corpus(shared)
    reports = [(src, (name, read_report(tool, text, roles)))
               for name, src, text, roles in items]
    sources = sorted({s for s, _ in reports})
    with tempfile.TemporaryDirectory() as tmp:
        print("fitted on\tscored on\tlines right\treports all right")
        r, t, w, n, per = score_fold([x for s, x in reports if s == "own"],
                                     [x for s, x in reports if s != "own"], tmp)
        print("own\tshared\t%.1f%% (%d/%d)\t%d/%d" % (100 * r / t, r, t, w, n))
        R = T = W = N = 0
        totals = collections.defaultdict(lambda: [0, 0])
        for held in sources:
            r, t, w, n, per = score_fold([x for s, x in reports if s != held],
                                         [x for s, x in reports if s == held], tmp)
            print("all but %s\t%s\t%.1f%% (%d/%d)\t%d/%d"
                  % (held, held, 100 * r / t, r, t, w, n))
            R, T, W, N = R + r, T + t, W + w, N + n
            for k, v in per.items():
                totals[k][0] += v[0]
                totals[k][1] += v[1]
        print("folds by source\tall\t%.1f%% (%d/%d)\t%d/%d" % (100 * R / T, R, T, W, N))
        print("\nrole\tright in the folds")
        for role in ROLES:
            v = totals[role]
            if v[1]:
                print("%s\t%.1f%% (%d/%d)" % (role, 100 * v[0] / v[1], v[0], v[1]))
        print("\nmost often read wrong (expected -> read), all folds")
        for (want, got), k in CONFUSED.most_common(12):
            print("%s -> %s\t%d" % (want, got, k))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--own-only", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "data"))
    ap.add_argument("--without", metavar="SOURCE")
    ap.add_argument("--cv", action="store_true")
    args = ap.parse_args()
    shared = None if args.own_only else args.shared
    if args.cv:
        cv(args.features, args.shared)
        return
    reports = [read_report(args.features, text, roles)
               for _, source, text, roles in corpus(shared)
               if source != args.without]
    fit(reports, args.out)


main()
