#!/usr/bin/env python3
# tests/test-cli-locale.py: files never follow the locale.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-cli-locale.py --cli build/src/cli/flywheel-cli
#
# Under German and French (both write 12,5), the CSV and the JSON of
# `flywheel-cli simulate` still write 12.5, exactly as under C. Skips (77)
# when neither locale is installed (the Makefile generates them).
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

LOCALES = ("de_DE.UTF-8", "fr_FR.UTF-8")


def installed(name):
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    return name.lower().replace("utf-8", "utf8") in out.split()


def run(cli, locale, *args):
    env = dict(os.environ, LC_ALL=locale, LANGUAGE="")
    out = subprocess.run([cli, *args], capture_output=True, text=True, env=env, timeout=60)
    if out.returncode != 0:
        sys.exit(f"{' '.join(args)} under {locale}: exit {out.returncode}: {out.stderr}")
    return out.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    args = parser.parse_args()
    locales = [name for name in LOCALES if installed(name)]
    if not locales:
        print("neither de_DE.UTF-8 nor fr_FR.UTF-8 is installed; skipping")
        sys.exit(77)

    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, "acme.flywheel")
        run(args.cli, "C.UTF-8", "new", "--template", "attract-engage-delight", project)
        csv_c = run(args.cli, "C.UTF-8", "simulate", project, "--format", "csv")
        json_c = run(args.cli, "C.UTF-8", "simulate", project, "--format", "json")
        rows = list(csv.reader(io.StringIO(csv_c)))
        fractional = [cell for row in rows[1:] for cell in row if "." in cell]
        if not fractional:
            sys.exit("the projection has no fractional number to check")
        failures = 0
        for locale in locales:
            csv_l = run(args.cli, locale, "simulate", project, "--format", "csv")
            json_l = run(args.cli, locale, "simulate", project, "--format", "json")
            if csv_l != csv_c:
                print(f"CSV under {locale} differs from C.UTF-8")
                failures += 1
            if json_l != json_c:
                print(f"JSON under {locale} differs from C.UTF-8")
                failures += 1
            json.loads(json_l)
            print(f"{locale}: CSV and JSON as under C ({len(fractional)} numbers with '.')")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
