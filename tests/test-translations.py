#!/usr/bin/env python3
# tests/test-translations.py: po/ is complete.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-translations.py SOURCE_ROOT
#
# 1. po/POTFILES.in is sorted, names files that exist, and names every
#    file with a translatable string (_(), N_(), C_(), ngettext,
#    translatable="yes", and the data files merged through po/).
# 2. Every language in po/LINGUAS translates every string of a template
#    extracted right now, with nothing fuzzy, and passes msgfmt --check:
#    a string added without its translations fails here.
# 3. The same for the user guide: help/LINGUAS against the segments
#    itstool extracts from help/C now (skipped without itstool).
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(|translatable="(yes|true|1)"')
SCANNED = ("src", "ui", "data")
MERGED_DATA = re.compile(r"\.(desktop|metainfo\.xml|mime\.xml|gschema\.xml)\.in$")

# The glib preset of Meson's i18n.gettext, which po/meson.build uses.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_print:1:c-format",
]


def listed_files(root):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def translatable_files(root):
    found = []
    for top in SCANNED:
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                if MERGED_DATA.search(name):
                    found.append(rel)
                elif name.endswith((".c", ".ui")):
                    with open(path, encoding="utf-8") as f:
                        if MARKERS.search(f.read()):
                            found.append(rel)
    return sorted(found)


def check_potfiles(root):
    problems = []
    listed = listed_files(root)
    if listed != sorted(listed):
        problems.append("po/POTFILES.in is not sorted")
    for rel in listed:
        if not os.path.exists(os.path.join(root, rel)):
            problems.append(f"po/POTFILES.in names {rel}, which does not exist")
    for rel in translatable_files(root):
        if rel not in listed:
            problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")
    return problems


def linguas(path):
    with open(path, encoding="utf-8") as f:
        return [w for line in f for w in line.split("#")[0].split()]


def check_languages(root):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "flywheel.pot")
        subprocess.run(["xgettext", *XGETTEXT_ARGS, "--directory", root,
                        "--files-from", os.path.join(root, "po", "POTFILES.in"),
                        "--output", pot], check=True)
        return check_catalogs(pot, [(lang, os.path.join(root, "po", f"{lang}.po"))
                                    for lang in linguas(os.path.join(root, "po", "LINGUAS"))], tmp)


def check_help(root):
    help_dir = os.path.join(root, "help")
    if shutil.which("itstool") is None:
        print("help: itstool is not installed; the guide's translations not checked")
        return []
    pages = sorted(os.path.join(help_dir, "C", name) for name in os.listdir(os.path.join(help_dir, "C"))
                   if name.endswith((".page", ".xml")))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "help.pot")
        subprocess.run(["itstool", "-o", pot, *pages], check=True)
        return check_catalogs(pot, [(f"help {lang}", os.path.join(help_dir, lang, f"{lang}.po"))
                                    for lang in linguas(os.path.join(help_dir, "LINGUAS"))], tmp)


def check_catalogs(pot, catalogs, tmp):
    problems = []
    for lang, po in catalogs:
        if not os.path.exists(po):
            problems.append(f"{lang}: {po} is missing")
            continue
        merged = os.path.join(tmp, f"{lang.replace(' ', '-')}.po")
        own = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null", po],
                             capture_output=True, text=True)
        if own.returncode != 0:
            problems.append(f"{lang}: msgfmt --check: {own.stderr.strip()}")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged, po, pot],
                       check=True)
        stats = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file=/dev/null", merged],
                               capture_output=True, text=True)
        summary = stats.stderr.strip()
        if stats.returncode != 0 or "untranslated" in summary or "fuzzy" in summary:
            problems.append(f"{lang} against the sources: {summary}")
            untranslated = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                          capture_output=True, text=True).stdout
            for msgid in re.findall(r'^msgid "(.+)"$', untranslated, re.M)[:20]:
                problems.append(f"  untranslated in {lang}: {msgid}")
        else:
            print(f"{lang}: {summary}")
    return problems


def main():
    root = sys.argv[1]
    problems = check_potfiles(root) + check_languages(root) + check_help(root)
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
