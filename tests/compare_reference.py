#!/usr/bin/python3
# tests/compare_reference.py
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Cross-checks flywheel-cli against the independent Python reference of
# MODEL.md (tests/reference/) on many random valid projects, so that a
# mistake in the C simulation, its JSON or CSV output, or the project file
# round trip shows up as a numbered, reproducible mismatch.
#
# Usage: compare_reference.py --cli PATH/TO/flywheel-cli [--count N]
#                             [--seed S] [--only INDEX] [--keep]
#
# For each project it runs, per scenario:
#   flywheel-cli simulate P.json --format json --scenario NAME [--horizon N]
#   flywheel-cli simulate P.json --format csv  --scenario NAME [--horizon N]
# and, for one scenario of each project,
#   flywheel-cli import P.json P.flywheel
#   flywheel-cli dump P.flywheel, whose spreads must be the project's,
#   flywheel-cli simulate P.flywheel --format json ..., which must print
#   the same bytes as the run on P.json,
# and compares the JSON with the reference, the CSV with the JSON; for the
# same scenario
#   flywheel-cli simulate P.json --format summary ...
# against the reference without its rows; and once per project
#   flywheel-cli compare P.json --format json|csv [--horizon N]
# (these two on every second project: each run is a process).
# against the reference's summaries of every scenario, the CSV against the
# JSON. The tolerances are the same as simulate's. (The band is checked by
# compare_band.py: it can only agree in distribution.)
#
# Tolerances (numbers are doubles computed in possibly different orders):
#  - rows: |a - b| <= 1e-9 * max(|a|, |b|) + 1e-9 * scale, where scale is the
#    largest magnitude of any figure of the reference in rows 0..t.  The
#    model is a non-negative linear system, so relative errors stay near
#    H * n * 2^-53, far below 1e-9; but N - A - L with a + l = 1 leaves a
#    rounding residue of the size of the stage's earlier population, so a
#    value that should be 0 may be 1e-16 * (earlier magnitude): hence the
#    floor relative to the largest figure so far, not to the value itself.
#  - summary sums: the same with scale over all rows.
#  - impacts (differences of two customers(H)): the same relative part,
#    with scale = max(|customers_end|, |impact|) of the reference, which
#    bounds the magnitude of both runs that were subtracted.
#  - loop_gain: relative 1e-9, absolute 1e-12.  steady_customers: relative
#    1e-9 plus 1e-13 / |1 - G| (1 / (1 - G) magnifies G's rounding).  When
#    G is within 1e-9 of 1 but not exactly 1, self_sustaining and
#    steady_customers are not compared (rounding may put G on either side).
#  - null (not finite) equals only null, except that a null may meet a finite
#    value of magnitude >= 1e300 (the period where a double overflows depends
#    on rounding), and that once a run has overflowed (any null or any
#    magnitude >= 1e300 in rows 0..t on either side) null meets anything:
#    0 * inf and inf - inf are not worth arguing about.
#  - The CSV must equal the same run's JSON exactly (same doubles), each
#    number a plain decimal that reads back to that double, with no more
#    significant digits than the shortest such form (see compare_csv).
#
# A quarter of the projects run under a decimal-comma locale when the
# machine has one.  Only the first difference in a project is reported; the
# summary counts projects with a difference as mismatches.

import argparse
import csv
import io
import json
import math
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "reference"))

import flywheel_reference as ref  # noqa: E402
import random_projects  # noqa: E402

REL = 1e-9
BIG = 1e300
FIGURES = ["total", "customers", "new_customers", "churn", "dropoff",
           "referrals", "momentum"]
TOP_KEYS = ["project", "scenario", "period", "horizon", "rows", "summary",
            "points"]
ROW_KEYS = ["period", "stages"] + FIGURES
SUMMARY_KEYS = ["loop_gain", "self_sustaining", "steady_customers",
                "customers_end", "total_churn", "total_referrals",
                "total_new_customers"]
POINT_KEYS = ["name", "stage", "impact"]
SUMMARY_TOP_KEYS = ["project", "scenario", "period", "horizon", "summary",
                    "points"]
COMPARE_KEYS = ["scenario"] + SUMMARY_KEYS
NUMBER_RE = re.compile(r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


class Mismatch(Exception):
    def __init__(self, field, expected, got, why=""):
        super().__init__(field)
        self.field = field
        self.expected = expected
        self.got = got
        self.why = why


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def mag(x):
    return abs(x) if is_number(x) and math.isfinite(x) else 0.0


def num_equal(field, want, got, scale=0.0, overflowed=False, rel=REL,
              abs_tol=0.0):
    """Compare a reference number (float or None) with the CLI's."""
    if got is not None and not is_number(got):
        raise Mismatch(field, want, got, "not a number or null")
    if want is None and got is None:
        return
    if want is None or got is None:
        other = got if want is None else want
        if overflowed or abs(other) >= BIG:
            return
        raise Mismatch(field, want, got, "null against a finite number")
    want = float(want)
    got = float(got)
    tol = rel * max(abs(want), abs(got)) + REL * scale + abs_tol
    if not abs(want - got) <= tol:
        raise Mismatch(field, want, got, "differs by %.3g (tolerance %.3g)"
                       % (abs(want - got), tol))


def exact(field, want, got):
    if type(want) is not type(got) or want != got:
        raise Mismatch(field, want, got)


def keys_are(field, obj, keys):
    if not isinstance(obj, dict):
        raise Mismatch(field, "an object", obj)
    if sorted(obj) != sorted(keys):
        raise Mismatch(field + " keys", sorted(keys), sorted(obj))


def row_magnitude(row):
    m = 0.0
    for v in row.get("stages") or []:
        m = max(m, mag(v))
    for k in FIGURES:
        m = max(m, mag(row.get(k)))
    return m


def row_has_null(row):
    return (any(v is None for v in row.get("stages") or [])
            or any(row.get(k) is None for k in FIGURES))


def compare_json(want, got, with_rows=True):
    """Raise Mismatch at the first difference between reference and CLI.

    @want is the reference's full object; without rows (`simulate --format
    summary`) the reference's rows still set the scales of the summary's
    tolerances."""
    keys_are("(top level)", got, TOP_KEYS if with_rows else SUMMARY_TOP_KEYS)
    if not with_rows and list(got) != SUMMARY_TOP_KEYS:
        raise Mismatch("(top level) key order", SUMMARY_TOP_KEYS, list(got))
    for k in ("project", "scenario", "period", "horizon"):
        exact(k, want[k], got[k])
    scale, overflowed = compare_rows(want["rows"], got["rows"] if with_rows else None)
    compare_summary("summary", want["summary"], got["summary"], scale, overflowed)

    pw, pg = want["points"], got["points"]
    if not isinstance(pg, list) or len(pg) != len(pw):
        raise Mismatch("points (count)", len(pw), pg)
    end = want["summary"]["customers_end"]
    for k, (a, b) in enumerate(zip(pw, pg)):
        f = "points[%d]" % k
        keys_are(f, b, POINT_KEYS)
        exact(f + ".name", a["name"], b["name"])
        exact(f + ".stage", a["stage"], b["stage"])
        pscale = max(mag(end), mag(a["impact"]))
        num_equal(f + ".impact", a["impact"], b["impact"], pscale,
                  overflowed=end is None or mag(end) >= BIG)


def compare_rows(rows_w, rows_g):
    """The rows (unless @rows_g is None); returns the scale of the
    reference's figures and whether the run overflowed."""
    if rows_g is not None and (not isinstance(rows_g, list) or len(rows_g) != len(rows_w)):
        raise Mismatch("rows (count)", len(rows_w),
                       len(rows_g) if isinstance(rows_g, list) else rows_g)
    scale = 0.0
    overflowed = False
    for t, rw in enumerate(rows_w):
        rg = rows_g[t] if rows_g is not None else None
        scale = max(scale, row_magnitude(rw))
        overflowed = overflowed or row_has_null(rw) or row_magnitude(rw) >= BIG
        if rg is None:
            continue
        f = "rows[%d]" % t
        keys_are(f, rg, ROW_KEYS)
        exact(f + ".period", t, rg["period"])
        overflowed = overflowed or row_has_null(rg) or row_magnitude(rg) >= BIG
        sg = rg["stages"]
        if not isinstance(sg, list) or len(sg) != len(rw["stages"]):
            raise Mismatch(f + ".stages (count)", len(rw["stages"]), sg)
        for i, (a, b) in enumerate(zip(rw["stages"], sg)):
            num_equal("%s.stages[%d]" % (f, i), a, b, scale, overflowed)
        for k in FIGURES:
            num_equal("%s.%s" % (f, k), rw[k], rg[k], scale, overflowed)
    return scale, overflowed


def compare_summary(field, sw, sg, scale, overflowed):
    keys_are(field, sg, SUMMARY_KEYS)
    G = sw["loop_gain"]
    num_equal(field + ".loop_gain", G, sg["loop_gain"], abs_tol=1e-12)
    near_one = G is not None and G != 1.0 and abs(G - 1.0) <= 1e-9
    if not isinstance(sg["self_sustaining"], bool):
        raise Mismatch(field + ".self_sustaining", sw["self_sustaining"],
                       sg["self_sustaining"], "not a boolean")
    if not near_one:
        exact(field + ".self_sustaining", sw["self_sustaining"],
              sg["self_sustaining"])
        rel = REL
        if G is not None and G < 1.0:
            rel = REL + 1e-13 / (1.0 - G)
        num_equal(field + ".steady_customers", sw["steady_customers"],
                  sg["steady_customers"], rel=rel)
    num_equal(field + ".customers_end", sw["customers_end"],
              sg["customers_end"], scale, overflowed)
    for k in ("total_churn", "total_referrals", "total_new_customers"):
        num_equal(field + "." + k, sw[k], sg[k], scale, overflowed)


def compare_compare(wants, got):
    """`compare --format json` against the reference's simulate objects of
    every scenario (@wants, in file order)."""
    if not isinstance(got, list) or len(got) != len(wants):
        raise Mismatch("compare (count)", len(wants), got)
    for s, (want, item) in enumerate(zip(wants, got)):
        f = "compare[%d]" % s
        if not isinstance(item, dict) or list(item) != COMPARE_KEYS:
            raise Mismatch(f + " keys", COMPARE_KEYS, item)
        exact(f + ".scenario", want["scenario"], item["scenario"])
        scale, overflowed = compare_rows(want["rows"], None)
        compare_summary(f, want["summary"],
                        {k: item[k] for k in SUMMARY_KEYS}, scale, overflowed)


def compare_compare_csv(text, got_json):
    """The CSV of `compare` against the same file's JSON, exactly."""
    check_rfc4180_line(text.split("\n", 1)[0].rstrip("\r"))
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows or rows[0] != COMPARE_KEYS:
        raise Mismatch("compare csv header", COMPARE_KEYS, rows[0] if rows else None)
    if len(rows) - 1 != len(got_json):
        raise Mismatch("compare csv rows (count)", len(got_json), len(rows) - 1)
    for s, (fields, item) in enumerate(zip(rows[1:], got_json)):
        f = "compare csv row %d" % s
        if len(fields) != len(COMPARE_KEYS):
            raise Mismatch(f + " (field count)", len(COMPARE_KEYS), len(fields))
        exact(f + ", scenario", item["scenario"], fields[0])
        want_bool = "true" if item["self_sustaining"] else "false"
        exact(f + ", self_sustaining", want_bool, fields[2])
        for name in ("loop_gain", "steady_customers", "customers_end", "total_churn",
                     "total_referrals", "total_new_customers"):
            check_csv_number("%s, column %r" % (f, name),
                             fields[COMPARE_KEYS.index(name)], item[name])


def significant_digits(s):
    mant = re.split("[eE]", s.lstrip("-"))[0].replace(".", "")
    return len(mant.strip("0"))


def compare_csv(text, got_json, stage_names):
    """The CSV of a run against the same run's JSON, exactly."""
    header_line = text.split("\n", 1)[0].rstrip("\r")
    check_rfc4180_line(header_line)
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header = ["period"] + stage_names + FIGURES
    if not rows or rows[0] != header:
        raise Mismatch("csv header", header, rows[0] if rows else None)
    body = rows[1:]
    jrows = got_json["rows"]
    if len(body) != len(jrows):
        raise Mismatch("csv rows (count)", len(jrows), len(body))
    for t, (fields, jr) in enumerate(zip(body, jrows)):
        if len(fields) != len(header):
            raise Mismatch("csv row %d (field count)" % t, len(header),
                           len(fields))
        want = [t] + list(jr["stages"]) + [jr[k] for k in FIGURES]
        for name, s, w in zip(header, fields, want):
            check_csv_number("csv row %d, column %r" % (t, name), s, w)


def check_csv_number(f, s, w):
    """A CSV field @s against the JSON number @w (None: null), exactly."""
    if s == "":
        if w is not None:
            raise Mismatch(f, w, s, "empty field for a number")
        return
    if not NUMBER_RE.match(s):
        raise Mismatch(f, w, s, "not a plain decimal number")
    v = float(s)
    if w is None or v != float(w):
        raise Mismatch(f, w, s, "CSV and JSON differ")
    # Shortest form: Python's repr is the true shortest string that
    # reads back to v (2^-24 is 5.960464477539063e-08, not the
    # correctly rounded 17 digits); the CLI must be as short.
    if significant_digits(s) > significant_digits(repr(v)):
        raise Mismatch(f, repr(v), s, "not the shortest round-trip form")


def check_rfc4180_line(line):
    """Each field is either plain (no quote, comma, CR or LF) or quoted
    with inner quotes doubled."""
    i = 0
    while True:
        if line.startswith('"', i):
            j = i + 1
            while True:
                j = line.find('"', j)
                if j < 0:
                    raise Mismatch("csv header quoting", "RFC 4180", line)
                if line.startswith('""', j):
                    j += 2
                    continue
                break
            i = j + 1
        else:
            j = line.find(",", i)
            field = line[i:] if j < 0 else line[i:j]
            if '"' in field:
                raise Mismatch("csv header quoting", "RFC 4180", line,
                               "a quote in an unquoted field")
            i = len(line) if j < 0 else j
        if i == len(line):
            return
        if line[i] != ",":
            raise Mismatch("csv header quoting", "RFC 4180", line)
        i += 1


def no_constants(name):
    raise ValueError("%s is not JSON" % name)


class Runner:
    def __init__(self, cli):
        self.cli = cli
        self.count = 0

    def run(self, args, env=None):
        self.count += 1
        cmd = [self.cli] + args
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=60, env=env)
        except subprocess.TimeoutExpired:
            raise Mismatch("exit", "finish within 60 s", "timed out",
                           "command: " + shlex.join(cmd))
        except OSError as e:
            raise Mismatch("exit", "a run", "could not start: %s" % e,
                           "command: " + shlex.join(cmd))
        if p.returncode != 0:
            raise Mismatch("exit status", 0, p.returncode,
                           "command: %s\nstderr:\n%s" % (
                               shlex.join(cmd),
                               p.stderr.decode("utf-8", "replace")))
        return p.stdout


def comma_locale():
    """A locale with a decimal comma, if the machine has one."""
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True,
                             text=True, timeout=10).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    for name in ("de_DE.utf8", "fr_FR.utf8", "de_DE.UTF-8", "fr_FR.UTF-8",
                 "nl_NL.utf8", "es_ES.utf8", "it_IT.utf8", "ru_RU.utf8"):
        if name in out:
            return name
    return None


def check_project(runner, seed, index, workdir, comma):
    """Raise Mismatch (with .command set) at the first difference."""
    project = random_projects.generate(seed, index)
    path = os.path.join(workdir, "project-%d.json" % index)
    with open(path, "w", encoding="utf-8") as f:
        f.write(random_projects.dumps(project, seed, index))
    rng = random.Random("flywheel-cli/%d/%d" % (seed, index))
    env = None
    if comma and rng.random() < 0.25:
        env = dict(os.environ, LC_ALL=comma, LANG=comma)
    flywheel = os.path.join(workdir, "project-%d.flywheel" % index)
    # The import round trip is checked on one scenario per project.
    via_import = rng.randrange(len(project["scenarios"]))
    # The reference's runs at the project's horizon, kept for compare.
    at_horizon = {}
    for number, sc in enumerate(project["scenarios"]):
        extra = ["--scenario", sc["name"]]
        horizon = None
        if rng.random() < 0.3:
            horizon = rng.choice([1, 2, rng.randint(1, 60)])
            extra += ["--horizon", str(horizon)]
        cmd = ["simulate", path, "--format", "json"] + extra
        try:
            raw = runner.run(cmd, env)
            try:
                got = json.loads(raw.decode("utf-8"),
                                 parse_constant=no_constants)
            except ValueError as e:
                raise Mismatch("stdout", "JSON", raw[:500], str(e))
            want = ref.simulate(project, sc["name"], horizon)
            if horizon is None:
                at_horizon[sc["name"]] = want
            compare_json(want, got)

            cmd = ["simulate", path, "--format", "csv"] + extra
            raw_csv = runner.run(cmd, env)
            try:
                text = raw_csv.decode("utf-8")
            except UnicodeDecodeError as e:
                raise Mismatch("csv", "UTF-8", raw_csv[:500], str(e))
            compare_csv(text, got, [st["name"] for st in sc["stages"]])

            if number != via_import:
                continue
            if index % 2 == 0:  # half the projects: each run is a process
                cmd = ["simulate", path, "--format", "summary"] + extra
                summary = json.loads(runner.run(cmd, env).decode("utf-8"),
                                     parse_constant=no_constants)
                compare_json(want, summary, with_rows=False)

            cmd = ["import", path, flywheel]
            runner.run(cmd, env)
            cmd = ["dump", flywheel]
            dumped = json.loads(runner.run(cmd, env).decode("utf-8"))
            check_spreads(project, dumped)
            cmd = ["simulate", flywheel, "--format", "json"] + extra
            again = runner.run(cmd, env)
            if again != raw:
                raise Mismatch("output after import", raw[:300] + b"...",
                               again[:300] + b"...",
                               "simulate of the imported .flywheel file "
                               "prints other bytes than of the JSON file")
        except Mismatch as m:
            m.command = shlex.join([runner.cli] + cmd)
            if env is not None:
                m.command = "LC_ALL=%s %s" % (comma, m.command)
            m.path = path
            raise

    # compare: every scenario at once, at the project's horizon when that
    # is short, else at a short --horizon (the reference is slow); on half
    # the projects, as --format summary.
    if index % 2 == 1:
        return
    extra = []
    horizon = None
    if project["horizon"] > 100:
        horizon = rng.randint(1, 60)
        extra = ["--horizon", str(horizon)]
    cmd = ["compare", path, "--format", "json"] + extra
    try:
        got = json.loads(runner.run(cmd, env).decode("utf-8"),
                         parse_constant=no_constants)
        wants = [at_horizon[sc["name"]] if horizon is None and sc["name"] in at_horizon
                 else ref.simulate(project, sc["name"], horizon)
                 for sc in project["scenarios"]]
        compare_compare(wants, got)
        cmd = ["compare", path, "--format", "csv"] + extra
        compare_compare_csv(runner.run(cmd, env).decode("utf-8"), got)
    except Mismatch as m:
        m.command = shlex.join([runner.cli] + cmd)
        if env is not None:
            m.command = "LC_ALL=%s %s" % (comma, m.command)
        m.path = path
        raise


def check_spreads(project, dumped):
    """Every scenario's uncertainty survives the project file: missing
    spreads are 0, and a dump leaves out one that is all 0."""
    for s, (sc, back) in enumerate(zip(project["scenarios"], dumped["scenarios"])):
        want = {k: 0 for k in ("advance", "loss", "referral", "inflow")}
        want.update(sc.get("uncertainty", {}))
        got = back.get("uncertainty", {k: 0 for k in want})
        if any(float(want[k]) != float(got[k]) for k in want) or list(got) != list(want):
            raise Mismatch("scenarios[%d].uncertainty after import" % s, want, got)
        if all(v == 0 for v in want.values()) and "uncertainty" in back:
            raise Mismatch("scenarios[%d].uncertainty after import" % s, "left out",
                           back["uncertainty"], "an all-zero uncertainty is not dumped")


def short(v):
    s = repr(v)
    return s if len(s) <= 400 else s[:400] + "..."


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Cross-check flywheel-cli against the Python reference.")
    ap.add_argument("--cli", required=True, help="path to flywheel-cli")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--only", type=int, help="check only this project index")
    ap.add_argument("--keep", action="store_true",
                    help="keep the work directory even when all pass")
    args = ap.parse_args(argv)

    cli = os.path.abspath(args.cli)
    if not os.access(cli, os.X_OK):
        print("compare_reference: %s is not an executable" % cli)
        return 1
    runner = Runner(cli)
    comma = comma_locale()
    workdir = tempfile.mkdtemp(prefix="flywheel-compare-")
    count = args.count
    if os.environ.get("FW_TEST_QUICK") and count > 25:
        # The sanitizer run (.ci/sanitize): fewer random projects, each
        # checked in full; make check runs all of them.
        print("# FW_TEST_QUICK: %d of %d projects" % (25, count))
        count = 25
    indices = [args.only] if args.only is not None else range(count)
    failures = 0
    reported = 0
    start = time.monotonic()
    for index in indices:
        try:
            check_project(runner, args.seed, index, workdir, comma)
        except Mismatch as m:
            failures += 1
            if reported < 10:
                reported += 1
                print("MISMATCH seed %d, project %d (kept in %s)"
                      % (args.seed, index, m.path))
                print("  command:   %s" % m.command)
                print("  field:     %s" % m.field)
                print("  reference: %s" % short(m.expected))
                print("  cli:       %s" % short(m.got))
                if m.why:
                    print("  why:       %s" % m.why)
                print("  again:     %s %s --cli %s --seed %d --only %d"
                      % (sys.executable, os.path.abspath(__file__), cli,
                         args.seed, index))
            continue
        for suffix in (".json", ".flywheel"):
            try:
                os.remove(os.path.join(workdir, "project-%d%s" % (index,
                                                                 suffix)))
            except FileNotFoundError:
                pass
    if failures == 0 and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    elif failures:
        print("compare_reference: failing projects kept in %s" % workdir)
    print("compare_reference: %d projects, %d mismatches "
          "(seed %d, %d runs of flywheel-cli, %.1f s%s)"
          % (len(indices), failures, args.seed, runner.count,
             time.monotonic() - start,
             ", also under LC_ALL=%s" % comma if comma else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
