#!/usr/bin/env python3
# tests/test-app-options.py: `flywheel --version` and `flywheel --help`.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-app-options.py --app build/src/app/flywheel --version 0.1.0
#
# Both answer in the process that was run, without a display and without
# reaching a running instance.
import argparse
import os
import subprocess
import sys


def run(app, *args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([app, *args], capture_output=True, text=True, env=env, timeout=60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--version", required=True)
    args = parser.parse_args()
    failures = 0

    version = run(args.app, "--version")
    if version.returncode != 0 or version.stdout != f"flywheel {args.version}\n":
        print(f"--version: exit {version.returncode}, {version.stdout!r} {version.stderr!r}")
        failures += 1

    usage = run(args.app, "--help")
    first = usage.stdout.splitlines()[1].strip() if usage.stdout.count("\n") > 1 else ""
    if usage.returncode != 0 or first != "flywheel [OPTION…] [FILE…]" or "--version" not in usage.stdout:
        print(f"--help: exit {usage.returncode}, {usage.stdout!r}")
        failures += 1

    print("ok" if failures == 0 else f"{failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
