#!/usr/bin/python3
# tests/compare_band.py
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks `flywheel-cli simulate --draws D` against the independent Python
# reference of MODEL.md's band (tests/reference/flywheel_reference.py).
#
# The two draw with different generators (the program: xoshiro256**; the
# reference: Python's Mersenne Twister), so they can only agree in
# distribution. The check is distribution-free:
#
#   For the CLI's q-th percentile v of customers(t) (from D_cli draws) the
#   reference draws its own D_ref values of customers(t) and counts the
#   share below v, F_lt, and at or below v, F_le. If both follow MODEL.md,
#   F(v) of the CLI's order statistic x_(k), k = ceil(q D_cli / 100), has a
#   Beta(k, D_cli - k + 1) law, whatever the distribution of customers(t):
#   mean within 1/D_cli of q/100, standard deviation about
#   sqrt(p (1 - p) / D_cli) with p = q/100; the reference's empirical share
#   at a fixed point has standard deviation sqrt(p (1 - p) / D_ref). So
#
#       F_lt - tol <= p <= F_le + tol,
#       tol = 6 sqrt(p (1 - p) (1/D_cli + 1/D_ref)) + 2/D_ref + 1/D_cli.
#
#   Six standard deviations make a false failure about 2e-9 per comparison
#   (normal approximation of the Beta and binomial laws, good at these
#   sizes), about 1e-6 over the whole test's few hundred comparisons. Ties
#   (period 0, where no input is drawn yet; a clamped rate; a run past a
#   double's range, ordered with nan after +inf) are covered by using F_lt
#   and F_le. With D_cli = 20000 and D_ref = 2000 the tolerance is 0.072 at
#   the median and 0.043 at the 10th and 90th percentiles.
#
# It is deterministic (fixed seeds on both sides), so it passes or fails
# the same way on every run of a build. And it can fail: it also checks,
# on the reference alone, that a band drawn with spreads 1.5 times too wide
# or the 20th percentile reported as the 10th is caught (the power of the
# test on these scenarios), so a loose bound cannot pass silently.
#
# Usage: compare_band.py --cli PATH/TO/flywheel-cli [-v]

import argparse
import copy
import csv
import io
import json
import math
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "reference"))

import flywheel_reference as ref  # noqa: E402
import random_projects  # noqa: E402

D_CLI = 20000
D_REF = 2000
SIGMAS = 6
LEVELS = (10, 50, 90)
HORIZON = 24


def tolerance(q):
    p = q / 100.0
    return (SIGMAS * math.sqrt(p * (1.0 - p) * (1.0 / D_CLI + 1.0 / D_REF))
            + 2.0 / D_REF + 1.0 / D_CLI)


def key(x):
    """Ascending, nan after +inf (as both implementations order)."""
    return (1, 0.0) if math.isnan(x) else (0, x)


def shares(values, v):
    """The shares of @values below and at or below @v."""
    kv = key(v)
    below = sum(1 for x in values if key(x) < kv)
    at_or_below = sum(1 for x in values if key(x) <= kv)
    return below / len(values), at_or_below / len(values)


def disagreement(per_period_values, band):
    """The first (t, q, v, F_lt, F_le) where @band (a list of (p10, p50,
    p90) per period) is outside the tolerance against the reference's
    values, or None."""
    for t, levels in enumerate(band):
        values = per_period_values[t]
        for q, v in zip(LEVELS, levels):
            f_lt, f_le = shares(values, v)
            tol = tolerance(q)
            if not (f_lt - tol <= q / 100.0 <= f_le + tol):
                return t, q, v, f_lt, f_le
    return None


def scenarios():
    """(name, project, scenario name): random wheels with spreads, and a
    few made to test what random ones rarely reach."""
    result = []
    for index in range(6):
        project = random_projects.generate(20261203, index)
        sc = project["scenarios"][0]
        rng = random.Random("band/%d" % index)
        sc["uncertainty"] = {k: rng.choice([0.05, 0.2, 0.5, 1.0])
                             for k in ("advance", "loss", "referral", "inflow")}
        if len(sc["stages"]) > 10:  # the reference is slow
            del sc["stages"][10:]
        result.append(("random %d" % index, project, sc["name"]))

    base = {"format": "flywheel", "version": 1, "name": "Band",
            "period": "month", "horizon": HORIZON}
    clamps = dict(base, scenarios=[{
        "name": "Clamps", "inflow": 50,
        "uncertainty": {"advance": 1, "loss": 1, "referral": 1, "inflow": 1},
        "stages": [
            {"name": "Lead", "count": 1000, "advance": 0.7, "loss": 0.3},
            {"name": "Trial", "count": 100, "advance": 0.6, "loss": 0.4,
             "referral": 0.2},
            {"name": "Paying", "customer": True, "count": 50, "loss": 0.9,
             "referral": 0.5}],
        "points": [{"name": "Push", "angle": 10, "conversion": 0.5},
                   {"name": "Churn", "angle": 300, "churn": 0.05}]}])
    result.append(("clamps", clamps, "Clamps"))
    none = dict(base, scenarios=[{
        "name": "No spreads", "inflow": 10,
        "stages": [{"name": "A", "count": 100, "advance": 0.3, "loss": 0.1},
                   {"name": "B", "customer": True, "loss": 0.05,
                    "referral": 0.1}]}])
    result.append(("no spreads", none, "No spreads"))
    return result


def cli_band(cli, path, name, workdir):
    out = subprocess.run([cli, "simulate", path, "--scenario", name,
                          "--horizon", str(HORIZON), "--draws", str(D_CLI),
                          "--seed", "20261203"],
                         capture_output=True, timeout=120, cwd=workdir)
    if out.returncode != 0:
        raise RuntimeError("flywheel-cli failed: %s" % out.stderr.decode())
    rows = list(csv.reader(io.StringIO(out.stdout.decode(), newline="")))
    header = rows[0]
    columns = [header.index("customers_p%d" % q) for q in LEVELS]
    customers = header.index("customers")
    band = [tuple(float(r[c]) if r[c] != "" else math.nan for c in columns)
            for r in rows[1:]]
    plain = [r[customers] for r in rows[1:]]
    return band, plain, [tuple(r[c] for c in columns) for r in rows[1:]]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cli", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    cli = os.path.abspath(args.cli)
    failures = 0
    checks = 0

    with tempfile.TemporaryDirectory(prefix="flywheel-band-") as workdir:
        for label, project, name in scenarios():
            path = os.path.join(workdir, "%s.json" % label.replace(" ", "-"))
            with open(path, "w", encoding="utf-8") as f:
                json.dump(project, f)
            band, plain, texts = cli_band(cli, path, name, workdir)
            draws = ref.band_draws(project, name, HORIZON, D_REF, 20261203)
            per_period = [[d[t] for d in draws] for t in range(HORIZON + 1)]
            checks += 3 * len(band)

            problem = disagreement(per_period, band)
            if problem is not None:
                failures += 1
                t, q, v, f_lt, f_le = problem
                print("FAIL %s: t=%d, the CLI's p%d %r sits at the reference's "
                      "share %.4f..%.4f, beyond %.2f +- %.4f"
                      % (label, t, q, v, f_lt, f_le, q / 100.0, tolerance(q)))
            elif args.verbose:
                print("ok %s" % label)

            # Without spreads the band is the figure, exactly, in the CLI.
            sc = ref.find_scenario(project, name)
            if not any(sc.get("uncertainty", {}).values()):
                if any(t != (p,) * 3 for t, p in zip(texts, plain)):
                    failures += 1
                    print("FAIL %s: without spreads the band is not the customers" % label)

            # The test's power, on the reference alone: a band drawn with
            # spreads 1.5 times too wide, or the 20th percentile given as
            # the 10th, must be caught on the random wheels that have room.
            if label == "random 0":
                wide = copy.deepcopy(project)
                u = ref.find_scenario(wide, name)["uncertainty"]
                for k in u:
                    u[k] = min(1.0, u[k] * 1.5)
                wrong = ref.band(wide, name, HORIZON, D_CLI // 10, 7)
                if disagreement(per_period, wrong) is None:
                    failures += 1
                    print("FAIL power: spreads 1.5 times too wide were not noticed")
                shifted = [(sorted(v, key=key)[len(v) // 5 - 1], b[1], b[2])
                           for v, b in zip(per_period, band)]
                if disagreement(per_period, shifted) is None:
                    failures += 1
                    print("FAIL power: the 20th percentile given as the 10th was not noticed")

    print("compare_band: %d scenarios, %d percentile comparisons, %d failures "
          "(D = %d in the CLI, %d in the reference, %d sigmas)"
          % (len(scenarios()), checks, failures, D_CLI, D_REF, SIGMAS))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
