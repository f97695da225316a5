#!/usr/bin/env python3
# tests/bench-report.py: the report and the PNG export as whole processes
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   python3 tests/bench-report.py --cli build/src/cli/flywheel-cli [--runs 15]
#   meson test -C build --benchmark -v bench-report
#
# Issue 10's budgets, measured as a user meets them: `flywheel-cli report`
# of a 16-stage, 200-point project (three scenarios with spreads, so the
# band and the comparison table are drawn) within 300 ms, and
# `flywheel-cli export` of that wheel as a 1920x1080 PNG within 100 ms,
# each a whole process: start, read the project file, compute, draw,
# encode and write (fsync included). Prints the median and the fastest of
# the wall-clock times and of the CPU times (user + system, which a
# loaded machine inflates less), and the load average they were taken at.
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_projects  # noqa: E402


def measure(argv, runs):
    walls, cpus = [], []
    for _ in range(runs + 2):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(wall * 1000)
        cpus.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    # The first two warm the page cache and fontconfig's.
    return walls[2:], cpus[2:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        source = os.path.join(folder, "big.json")
        project = os.path.join(folder, "big.flywheel")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(report_projects.project(n_stages=16, n_points=200, n_scenarios=3), f)
        subprocess.run([args.cli, "import", source, project], check=True)

        cases = [
            ("report, 16 stages, 200 points, 3 scenarios (budget 300 ms)",
             [args.cli, "report", project, os.path.join(folder, "r.pdf")]),
            ("export PNG 1920x1080, 16 stages, 200 points (budget 100 ms)",
             [args.cli, "export", project, os.path.join(folder, "w.png"),
              "--width", "1920", "--height", "1080"]),
        ]
        print("load average: %.2f %.2f %.2f" % os.getloadavg())
        for name, argv in cases:
            walls, cpus = measure(argv, args.runs)
            print("%s\n  wall median %.0f ms, fastest %.0f ms; CPU median %.0f ms, fastest %.0f ms"
                  % (name, statistics.median(walls), min(walls), statistics.median(cpus), min(cpus)))
        print("load average: %.2f %.2f %.2f" % os.getloadavg())
    return 0


if __name__ == "__main__":
    sys.exit(main())
