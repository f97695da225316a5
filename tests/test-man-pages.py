#!/usr/bin/env python3
# tests/test-man-pages.py: the manual pages are whole and well formed.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-man-pages.py --cli build/src/cli/flywheel-cli --app build/src/app/flywheel \
#       build/man/flywheel-cli.1 build/man/flywheel.1
#
# Every command that `flywheel-cli --help` lists, and every long option of
# each command's --help and of `flywheel --help-all`, must be in the
# pages, so a command or an option added without its manual fails here.
# groff checks the troff itself when it is installed.
import argparse
import os
import re
import shutil
import subprocess
import sys


def help_text(*argv):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60).stdout


def commands(cli):
    text = help_text(cli, "--help")
    section = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in section.splitlines() if line.strip()]


def long_options(text):
    return sorted(set(re.findall(r"--([a-z][a-z0-9-]*)", text)))


def troff_option(name):
    return "\\-\\-" + name.replace("-", "\\-")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("cli_page")
    parser.add_argument("app_page")
    args = parser.parse_args()
    cli_page = open(args.cli_page, encoding="utf-8").read()
    app_page = open(args.app_page, encoding="utf-8").read()
    missing = []

    for command in commands(args.cli):
        if not re.search(r"^\.B[I]? \"?" + re.escape(command.replace("-", "\\-")) + r"\b", cli_page, re.M):
            missing.append(f"flywheel-cli.1: command {command}")
        for option in long_options(help_text(args.cli, command, "--help")):
            if troff_option(option) not in cli_page:
                missing.append(f"flywheel-cli.1: {command} --{option}")
    for option in long_options(help_text(args.cli, "--help")):
        if troff_option(option) not in cli_page:
            missing.append(f"flywheel-cli.1: --{option}")
    for option in long_options(help_text(args.app, "--help-all")):
        if option.startswith("gapplication") or option.startswith("help-"):
            continue
        if troff_option(option) not in app_page:
            missing.append(f"flywheel.1: --{option}")

    for line in missing:
        print("missing from the manual:", line)

    warnings = []
    if shutil.which("groff"):
        for page in (args.cli_page, args.app_page):
            out = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page],
                                 capture_output=True, text=True)
            warnings += [f"{page}: {line}" for line in out.stderr.splitlines() if line.strip()]
    for line in warnings:
        print("groff:", line)

    sys.exit(1 if missing or warnings else 0)


if __name__ == "__main__":
    main()
