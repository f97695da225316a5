#!/usr/bin/env python3
# tests/test-cli.py
#
# Copyright 2026 The Flywheel authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""flywheel-cli run the way a user runs it: in a temporary directory, with
files made here, checking exit codes, messages and outputs.

    python3 tests/test-cli.py --cli build/src/cli/flywheel-cli [-v] [-k NAME]

Prints one line per test and a final line "N passed, M failed"; exits 1 if
any failed. Python 3 standard library only.
"""

import argparse
import copy
import csv
import io
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ElementTree

TEMPLATE_IDS = ["attract-engage-delight", "four-a", "sales-cycle"]
FIGURES = ["total", "customers", "new_customers", "churn", "dropoff",
           "referrals", "momentum"]
STAGE_FIELDS = {"name", "color", "count", "customer", "advance", "loss",
                "referral", "weight"}
POINT_FIELDS = {"name", "kind", "angle", "conversion", "churn", "referral",
                "enabled", "note"}
SUMMARY_FIELDS = {"loop_gain", "self_sustaining", "steady_customers",
                  "customers_end", "total_churn", "total_referrals",
                  "total_new_customers"}
SQLITE_HEADER = b"SQLite format 3\0"
COMMANDS = ["new", "templates", "catalog", "import", "dump", "simulate",
            "compare", "check", "export", "report"]
BAND = ["customers_p10", "customers_p50", "customers_p90"]
SPREADS = {"advance": 0.2, "loss": 0.2, "referral": 0.3, "inflow": 0.1}

# A small valid project, written out in full.
SAMPLE = {
    "format": "flywheel", "version": 1,
    "name": "Acme", "period": "month", "horizon": 12,
    "scenarios": [
        {"name": "Baseline", "inflow": 120,
         "stages": [
             {"name": "Attract", "color": "#3584e4", "count": 900,
              "customer": False, "advance": 0.2, "loss": 0.3,
              "referral": 0, "weight": 1},
             {"name": "Engage", "color": "#33d17a", "count": 200,
              "customer": False, "advance": 0.25, "loss": 0.1,
              "referral": 0, "weight": 1},
             {"name": "Delight", "color": "#f6d32d", "count": 50,
              "customer": True, "advance": 0, "loss": 0.05,
              "referral": 0.1, "weight": 2}],
         "points": [
             {"name": "Can't try before buying", "kind": "friction",
              "angle": 40, "conversion": -0.2, "churn": 0,
              "referral": 0, "enabled": True, "note": ""}]},
        {"name": "Growth", "inflow": 200,
         "stages": [{"name": "Lead", "count": 10},
                    {"name": "Customer", "customer": True, "count": 5,
                     "loss": 0.1, "referral": 0.2}],
         "points": []}]}


class Failure(Exception):
    pass


class Result:
    def __init__(self, code, out, err):
        self.code = code
        self.out = out      # bytes
        self.err = err      # str

    @property
    def text(self):
        return self.out.decode("utf-8")

    def __repr__(self):
        return "exit %d, stdout %r, stderr %r" % (
            self.code, self.out[:300], self.err[:500])


class Context:
    """What a test sees: the CLI, a fresh directory and assertions."""

    def __init__(self, cli, directory, verbose):
        self.cli = cli
        self.dir = directory
        self.verbose = verbose

    def path(self, name):
        return os.path.join(self.dir, name)

    def run(self, *args, env=None, stdout=subprocess.PIPE, stdin=None, timeout=120):
        full_env = dict(os.environ)
        full_env.setdefault("LC_ALL", "C.UTF-8")
        if env:
            full_env.update(env)
        proc = subprocess.run([self.cli] + list(args), cwd=self.dir,
                              env=full_env, stdout=stdout, input=stdin,
                              stderr=subprocess.PIPE, timeout=timeout)
        result = Result(proc.returncode, proc.stdout or b"",
                        proc.stderr.decode("utf-8", "replace"))
        if self.verbose:
            print("  $ flywheel-cli %s -> %r" % (" ".join(args), result))
        # Never a crash, whatever the input: a signal is a negative code.
        self.expect(result.code in (0, 1, 2),
                    "flywheel-cli %s: exit code %d (crash?): %r"
                    % (" ".join(args), result.code, result))
        return result

    def expect(self, condition, message):
        if not condition:
            raise Failure(message)

    def ok(self, *args, **kwargs):
        result = self.run(*args, **kwargs)
        self.expect(result.code == 0, "flywheel-cli %s: expected exit 0, got %r"
                    % (" ".join(args), result))
        self.expect(result.err == "", "flywheel-cli %s: unexpected stderr %r"
                    % (" ".join(args), result.err))
        return result

    def fails(self, code, *args, contains=(), **kwargs):
        """Runs, expects exit @code, a message on stderr starting with
        "flywheel-cli: " and holding every string in @contains, and
        nothing on stdout."""
        result = self.run(*args, **kwargs)
        what = "flywheel-cli %s" % " ".join(args)
        self.expect(result.code == code,
                    "%s: expected exit %d, got %r" % (what, code, result))
        self.expect(result.err.startswith("flywheel-cli: "),
                    "%s: message should start with 'flywheel-cli: ': %r"
                    % (what, result.err))
        for needle in contains:
            self.expect(needle in result.err, "%s: message should contain %r: %r"
                        % (what, needle, result.err))
        if kwargs.get("stdout", subprocess.PIPE) == subprocess.PIPE:
            self.expect(result.out == b"", "%s: nothing expected on stdout on failure: %r"
                        % (what, result.out[:200]))
        return result

    def write_json(self, name, value):
        with open(self.path(name), "w", encoding="utf-8") as f:
            if isinstance(value, str):
                f.write(value)
            else:
                json.dump(value, f, ensure_ascii=False, indent=1)
        return name

    def read_bytes(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def new_project(self, name="x.flywheel", template="four-a"):
        self.ok("new", "--template", template, name)
        return name

    def dump(self, name):
        return json.loads(self.ok("dump", name).text)

    def csv_rows(self, result):
        return list(csv.reader(io.StringIO(result.text, newline="")))


TESTS = []


def test(function):
    TESTS.append(function)
    return function


def sample():
    return copy.deepcopy(SAMPLE)


# Lists -------------------------------------------------------------------

@test
def templates_lists_the_three_ids(t):
    lines = t.ok("templates").text.splitlines()
    first_words = [line.split()[0] for line in lines if line.strip()]
    for template_id in TEMPLATE_IDS:
        t.expect(template_id in first_words,
                 "templates: %s not listed: %r" % (template_id, lines))
    t.expect(len(lines) == len(TEMPLATE_IDS) + 1,
             "templates: a header and one line each expected: %r" % lines)


@test
def templates_as_json(t):
    items = json.loads(t.ok("templates", "--format", "json").text)
    t.expect(sorted(item["id"] for item in items) == TEMPLATE_IDS,
             "templates --format json: ids %r" % items)
    for item in items:
        t.expect(item["title"] and item["description"],
                 "templates --format json: empty title or description: %r" % item)


@test
def every_template_makes_a_valid_project(t):
    for template_id in TEMPLATE_IDS:
        name = template_id + ".flywheel"
        t.new_project(name, template_id)
        t.expect(t.read_bytes(name).startswith(SQLITE_HEADER),
                 "new --template %s: not an SQLite file" % template_id)
        t.expect("valid" in t.ok("check", name).text, "check %s" % name)


@test
def catalog_lists_at_least_24_entries(t):
    lines = [line for line in t.ok("catalog").text.splitlines() if line.strip()]
    t.expect(len(lines) - 1 >= 24, "catalog: %d entries" % (len(lines) - 1))
    header = lines[0].split()
    for column in ("KIND", "ID", "NAME", "EFFECTS", "EXPLANATION"):
        t.expect(column in header, "catalog: no %s column: %r" % (column, lines[0]))
    for line in lines[1:]:
        t.expect(line.split()[0] in ("friction", "force"),
                 "catalog: a line not starting with its kind: %r" % line)


@test
def catalog_is_aligned(t):
    lines = [line for line in t.ok("catalog").text.splitlines() if line.strip()]
    column = lines[0].index("ID")
    for line in lines[1:]:
        t.expect(line[column - 1] == " " and line[column] != " ",
                 "catalog: the ID column is not aligned: %r" % line)


@test
def catalog_as_json(t):
    items = json.loads(t.ok("catalog", "--format", "json").text)
    t.expect(len(items) >= 24, "catalog --format json: %d entries" % len(items))
    ids = [item["id"] for item in items]
    t.expect(len(set(ids)) == len(ids), "catalog --format json: duplicate ids")
    for item in items:
        t.expect(set(item) == {"id", "kind", "name", "explanation",
                               "conversion", "churn", "referral"},
                 "catalog --format json: fields %r" % sorted(item))
        t.expect(item["kind"] in ("friction", "force"), "kind %r" % item)


# new, simulate ------------------------------------------------------------

@test
def simulate_csv_has_a_header_and_h_plus_one_rows(t):
    t.new_project()
    project = t.dump("x.flywheel")
    horizon = project["horizon"]
    stages = [stage["name"] for stage in project["scenarios"][0]["stages"]]
    rows = t.csv_rows(t.ok("simulate", "x.flywheel", "--format", "csv"))
    t.expect(rows[0] == ["period"] + stages + FIGURES, "header %r" % rows[0])
    t.expect(len(rows) == horizon + 2,
             "expected %d rows and a header, got %d lines" % (horizon + 1, len(rows)))
    for period, row in enumerate(rows[1:]):
        t.expect(row[0] == str(period), "period column: %r" % row)
        t.expect(len(row) == len(rows[0]), "row %d has %d fields" % (period, len(row)))
        for field in row[1:]:
            float(field)


@test
def simulate_default_format_is_csv(t):
    t.new_project()
    t.expect(t.ok("simulate", "x.flywheel").out
             == t.ok("simulate", "x.flywheel", "--format", "csv").out,
             "simulate without --format should write csv")


@test
def simulate_json_has_rows_summary_points(t):
    t.new_project()
    project = t.dump("x.flywheel")
    scenario = project["scenarios"][0]
    out = json.loads(t.ok("simulate", "x.flywheel", "--format", "json").text)
    for key in ("project", "scenario", "period", "horizon", "rows", "summary", "points"):
        t.expect(key in out, "simulate json: no %r" % key)
    t.expect(out["project"] == project["name"], "project name %r" % out["project"])
    t.expect(out["scenario"] == scenario["name"], "the first scenario expected")
    t.expect(out["horizon"] == project["horizon"], "horizon %r" % out["horizon"])
    t.expect(len(out["rows"]) == project["horizon"] + 1, "rows %d" % len(out["rows"]))
    t.expect(set(out["summary"]) == SUMMARY_FIELDS, "summary %r" % out["summary"])
    t.expect(len(out["points"]) == len(scenario["points"]), "points")
    for row in out["rows"]:
        t.expect(len(row["stages"]) == len(scenario["stages"]), "stages in a row")


@test
def simulate_csv_and_json_agree(t):
    t.new_project()
    rows = t.csv_rows(t.ok("simulate", "x.flywheel"))
    out = json.loads(t.ok("simulate", "x.flywheel", "--format", "json").text)
    n = len(out["rows"][0]["stages"])
    for line, row in zip(rows[1:], out["rows"]):
        t.expect([float(v) for v in line[1:1 + n]] == row["stages"], "stage counts differ")
        t.expect([float(v) for v in line[1 + n:]] == [row[f] for f in FIGURES],
                 "figures differ")


@test
def simulate_horizon_overrides(t):
    t.new_project()
    rows = t.csv_rows(t.ok("simulate", "x.flywheel", "--horizon", "5"))
    t.expect(len(rows) == 7, "--horizon 5: %d lines" % len(rows))
    out = json.loads(t.ok("simulate", "x.flywheel", "--horizon=3", "--format=json").text)
    t.expect(out["horizon"] == 3 and len(out["rows"]) == 4, "--horizon 3 in json")
    rows = t.csv_rows(t.ok("simulate", "x.flywheel", "--horizon", "1"))
    t.expect(len(rows) == 3, "--horizon 1: %d lines" % len(rows))


@test
def simulate_largest_horizon(t):
    t.new_project()
    rows = t.ok("simulate", "x.flywheel", "--horizon", "100000").text.splitlines()
    t.expect(len(rows) == 100002, "--horizon 100000: %d lines" % len(rows))


@test
def simulate_named_scenario(t):
    t.write_json("s.json", sample())
    first = json.loads(t.ok("simulate", "s.json", "--format", "json").text)
    t.expect(first["scenario"] == "Baseline", "the first scenario by default")
    growth = json.loads(t.ok("simulate", "s.json", "--scenario", "Growth",
                             "--format", "json").text)
    t.expect(growth["scenario"] == "Growth", "--scenario Growth: %r" % growth["scenario"])
    rows = t.csv_rows(t.ok("simulate", "s.json", "-s", "Growth"))
    t.expect(rows[0][1:3] == ["Lead", "Customer"], "Growth's stages: %r" % rows[0])


@test
def simulate_json_and_flywheel_give_the_same_output(t):
    t.write_json("s.json", sample())
    t.ok("import", "s.json", "s.flywheel")
    for fmt in ("csv", "json"):
        t.expect(t.ok("simulate", "s.json", "--format", fmt).out
                 == t.ok("simulate", "s.flywheel", "--format", fmt).out,
                 "simulate --format %s differs between JSON and project file" % fmt)


@test
def simulate_quotes_csv_fields(t):
    project = sample()
    project["scenarios"][0]["stages"][0]["name"] = 'Say "hi", then'
    t.write_json("q.json", project)
    rows = t.csv_rows(t.ok("simulate", "q.json"))
    t.expect(rows[0][1] == 'Say "hi", then', "quoted stage name: %r" % rows[0])
    t.expect(len(rows[1]) == len(rows[0]), "row length with a quoted name")


@test
def simulate_overflow_is_empty_or_null_not_a_crash(t):
    project = sample()
    del project["scenarios"][1]
    project["horizon"] = 400
    for stage in project["scenarios"][0]["stages"]:
        stage["count"] = 1e12
        stage["referral"] = 100
    t.write_json("big.json", project)
    rows = t.csv_rows(t.ok("simulate", "big.json"))
    t.expect(len(rows) == 402, "rows of an exploding wheel")
    t.expect(any(field == "" for field in rows[-1]),
             "a figure past a double should be an empty field: %r" % rows[-1])
    out = json.loads(t.ok("simulate", "big.json", "--format", "json").text)
    t.expect(None in out["rows"][-1]["stages"] or out["rows"][-1]["total"] is None,
             "a figure past a double should be null")


def german_locale(t):
    """An environment with a German locale, whose decimal separator is a
    comma: an installed one, or one built here with localedef. None when
    neither works."""
    available = subprocess.run(["locale", "-a"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL).stdout.decode().split()
    for name in available:
        if name.lower().replace("-", "") == "de_de.utf8":
            return {"LC_ALL": name}
    locales = t.path("locales")
    os.mkdir(locales)
    try:
        subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8",
                        os.path.join(locales, "de_DE.UTF-8")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    env = dict(os.environ, LOCPATH=locales, LC_ALL="de_DE.UTF-8")
    probe = subprocess.run([sys.executable, "-c",
                            "import locale; locale.setlocale(locale.LC_ALL, '');"
                            "print(locale.localeconv()['decimal_point'])"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if probe.returncode != 0 or probe.stdout.strip() != b",":
        return None
    return {"LOCPATH": locales, "LC_ALL": "de_DE.UTF-8"}


@test
def numbers_use_a_dot_in_any_locale(t):
    t.new_project()
    t.write_json("s.json", sample())
    t.expect(b"." in t.ok("simulate", "x.flywheel").out, "some decimals expected")
    german = german_locale(t)
    if german is None:
        return "skipped: no de_DE.UTF-8 locale"
    # German numbers, English words: once translations are installed the
    # messages (check's summary, the catalog's names) are German, as they
    # should be; what must not change is how numbers are written.
    german = dict(german, LC_NUMERIC=german["LC_ALL"], LC_ALL="", LANG="C.UTF-8", LANGUAGE="")
    for args in (["simulate", "x.flywheel"], ["simulate", "x.flywheel", "--format", "json"],
                 ["simulate", "s.json"], ["dump", "s.json"], ["check", "s.json"],
                 ["catalog"], ["catalog", "--format", "json"]):
        t.expect(t.ok(*args, env=german).out == t.ok(*args).out,
                 "%s differs under %s" % (" ".join(args), german["LC_ALL"]))
    return None


# dump, import -------------------------------------------------------------

@test
def dump_writes_every_field(t):
    t.new_project()
    project = t.dump("x.flywheel")
    t.expect(project["format"] == "flywheel" and project["version"] == 1, "format, version")
    for key in ("name", "period", "horizon", "scenarios"):
        t.expect(key in project, "dump: no %r" % key)
    for scenario in project["scenarios"]:
        t.expect({"name", "inflow", "stages", "points"} <= set(scenario), "scenario keys")
        for stage in scenario["stages"]:
            t.expect(set(stage) == STAGE_FIELDS, "stage fields %r" % sorted(stage))
        for point in scenario["points"]:
            t.expect(set(point) == POINT_FIELDS, "point fields %r" % sorted(point))


@test
def dump_fills_in_defaults(t):
    minimal = {"format": "flywheel", "version": 1, "name": "Min",
               "period": "week", "horizon": 4,
               "scenarios": [{"name": "Only",
                              "stages": [{"name": "A"}, {"name": "B"}],
                              "points": [{"name": "P", "angle": 10}]}]}
    t.write_json("min.json", minimal)
    project = t.dump("min.json")
    stage = project["scenarios"][0]["stages"][0]
    t.expect(stage["count"] == 0 and stage["customer"] is False
             and stage["advance"] == 0 and stage["loss"] == 0
             and stage["referral"] == 0 and stage["weight"] == 1,
             "stage defaults: %r" % stage)
    t.expect(stage["color"].startswith("#") and len(stage["color"]) == 7, "colour default")
    point = project["scenarios"][0]["points"][0]
    t.expect(point["kind"] == "friction" and point["enabled"] is True
             and point["note"] == "" and point["conversion"] == 0
             and point["churn"] == 0 and point["referral"] == 0,
             "point defaults: %r" % point)


@test
def dump_reimports_to_an_identical_dump(t):
    for template_id in TEMPLATE_IDS:
        t.new_project("x.flywheel", template_id)
        first = t.ok("dump", "x.flywheel").out
        with open(t.path("dump.json"), "wb") as f:
            f.write(first)
        t.ok("import", "dump.json", "y.flywheel")
        t.expect(t.ok("dump", "y.flywheel").out == first,
                 "%s: dump, import, dump differs" % template_id)
        os.remove(t.path("x.flywheel"))


@test
def dump_keeps_the_sample(t):
    t.write_json("s.json", sample())
    t.ok("import", "s.json", "s.flywheel")
    project = t.dump("s.flywheel")
    t.expect(project["scenarios"][0] == SAMPLE["scenarios"][0],
             "the full scenario should come back as written: %r" % project["scenarios"][0])
    t.expect([s["name"] for s in project["scenarios"]] == ["Baseline", "Growth"],
             "scenario order")


# The band, --format summary, compare ---------------------------------------

def sample_with_spreads():
    project = sample()
    project["scenarios"][0]["uncertainty"] = dict(SPREADS)
    return project


@test
def simulate_draws_adds_the_band_csv(t):
    t.write_json("u.json", sample_with_spreads())
    plain = t.csv_rows(t.ok("simulate", "u.json"))
    rows = t.csv_rows(t.ok("simulate", "u.json", "--draws", "200"))
    t.expect(rows[0] == plain[0] + BAND, "header: %r" % rows[0])
    t.expect(len(rows) == len(plain), "one row per period")
    customers = plain[0].index("customers")
    for line, plain_line in zip(rows[1:], plain[1:]):
        t.expect(line[:len(plain_line)] == plain_line,
                 "the band changes nothing else: %r" % line)
        p10, p50, p90 = (float(v) for v in line[len(plain_line):])
        t.expect(p10 <= p50 <= p90, "ordered: %r" % line)
    # Period 0 is the same in every draw: the counts are not drawn.
    t.expect(rows[1][-3:] == [rows[1][customers]] * 3, "period 0: %r" % rows[1])
    t.expect(float(rows[-1][-3]) < float(rows[-1][-1]), "a band, not a line: %r" % rows[-1])


@test
def simulate_draws_json_rows_match_the_csv(t):
    t.write_json("u.json", sample_with_spreads())
    rows = t.csv_rows(t.ok("simulate", "u.json", "--draws", "50", "--seed", "9"))
    out = json.loads(t.ok("simulate", "u.json", "-f", "json", "-d", "50", "--seed=9").text)
    t.expect(len(out["rows"]) == len(rows) - 1, "rows")
    for line, row in zip(rows[1:], out["rows"]):
        t.expect(list(row)[-3:] == BAND, "the band's keys come last: %r" % list(row))
        t.expect([float(v) for v in line[-3:]] == [row[k] for k in BAND],
                 "csv and json bands differ: %r %r" % (line, row))


@test
def simulate_draws_reproducible_for_a_seed(t):
    t.write_json("u.json", sample_with_spreads())
    first = t.ok("simulate", "u.json", "--draws", "300").out
    t.expect(t.ok("simulate", "u.json", "--draws", "300").out == first, "same run, same bytes")
    t.expect(t.ok("simulate", "u.json", "--draws", "300", "--seed", "1").out == first,
             "the default seed is 1")
    t.expect(t.ok("simulate", "u.json", "--draws", "300", "--seed", "2").out != first,
             "another seed, another band")
    t.expect(t.ok("simulate", "u.json", "--draws", "300", "--seed", "18446744073709551615").out != first,
             "the largest seed works")
    t.expect(t.ok("simulate", "u.json", "--draws", "301").out != first, "another D, another band")
    # Through a project file: the spreads are stored.
    t.ok("import", "u.json", "u.flywheel")
    t.expect(t.ok("simulate", "u.flywheel", "--draws", "300").out == first,
             "a project file gives the band its JSON gives")


@test
def simulate_draws_without_spreads_is_the_figure(t):
    t.write_json("s.json", sample())
    for scenario in ("Baseline", "Growth"):
        rows = t.csv_rows(t.ok("simulate", "s.json", "-s", scenario, "--draws", "37", "-H", "60"))
        customers = rows[0].index("customers")
        for line in rows[1:]:
            t.expect(line[-3:] == [line[customers]] * 3,
                     "%s: the band must be the customers exactly: %r" % (scenario, line))


@test
def simulate_draws_one_and_the_most(t):
    t.write_json("u.json", sample_with_spreads())
    rows = t.csv_rows(t.ok("simulate", "u.json", "--draws", "1"))
    for line in rows[1:]:
        t.expect(line[-3] == line[-2] == line[-1], "D = 1: one draw is every percentile: %r" % line)
    rows = t.csv_rows(t.ok("simulate", "u.json", "--draws", "100000", "-H", "3"))
    t.expect(len(rows) == 5 and len(rows[0]) == len(rows[1]), "D = 100000")


@test
def simulate_summary_is_the_json_without_rows(t):
    t.write_json("u.json", sample_with_spreads())
    for args in ([], ["-s", "Growth"], ["-H", "40"]):
        full = json.loads(t.ok("simulate", "u.json", "-f", "json", *args).text)
        summary = json.loads(t.ok("simulate", "u.json", "-f", "summary", *args).text)
        del full["rows"]
        t.expect(summary == full, "summary %r: %r" % (args, summary))
        t.expect(list(summary) == ["project", "scenario", "period", "horizon", "summary", "points"],
                 "key order: %r" % list(summary))


def awkward_compare_project():
    project = sample()
    # An infinite loop gain (a referring stage nobody leaves) has no
    # steady customer base; a name that CSV must quote.
    project["scenarios"].append(
        {"name": "Stuck, \"forever\"", "inflow": 1,
         "stages": [{"name": "In", "count": 1, "referral": 0.5},
                    {"name": "Out", "customer": True}]})
    return project


@test
def compare_csv_is_every_summary_in_file_order(t):
    t.write_json("c.json", awkward_compare_project())
    result = t.ok("compare", "c.json")
    rows = t.csv_rows(result)
    t.expect(rows[0] == ["scenario", "loop_gain", "self_sustaining", "steady_customers",
                         "customers_end", "total_churn", "total_referrals",
                         "total_new_customers"], "header: %r" % rows[0])
    names = [s["name"] for s in awkward_compare_project()["scenarios"]]
    t.expect([r[0] for r in rows[1:]] == names, "file order: %r" % rows)
    t.expect('"Stuck, ""forever"""' in result.text, "RFC 4180 quoting: %r" % result.text)
    for line, name in zip(rows[1:], names):
        summary = json.loads(t.ok("simulate", "c.json", "-s", name, "-f", "summary").text)["summary"]
        for field, key in zip(line[1:], rows[0][1:]):
            value = summary[key]
            if isinstance(value, bool):
                t.expect(field == ("true" if value else "false"), "%s %s: %r" % (name, key, field))
            elif value is None:
                t.expect(field == "", "%s %s: %r should be empty" % (name, key, field))
            else:
                t.expect(float(field) == value, "%s %s: %r != %r" % (name, key, field, value))
    stuck = rows[-1]
    t.expect(stuck[1] == "" and stuck[2] == "true" and stuck[3] == "",
             "infinite loop gain empty, self-sustaining, no steady base: %r" % stuck)


@test
def compare_json_matches_the_csv(t):
    t.write_json("c.json", awkward_compare_project())
    items = json.loads(t.ok("compare", "c.json", "--format", "json").text)
    rows = t.csv_rows(t.ok("compare", "c.json", "-f", "csv"))
    t.expect(len(items) == len(rows) - 1, "one object per scenario")
    for item, line in zip(items, rows[1:]):
        t.expect(list(item) == rows[0], "keys in the header's order: %r" % list(item))
        t.expect(item["scenario"] == line[0], "names")
        t.expect(type(item["self_sustaining"]) is bool, "a boolean")
    t.expect(items[-1]["loop_gain"] is None and items[-1]["steady_customers"] is None,
             "null for infinite and none: %r" % items[-1])
    # --horizon runs every scenario that long.
    short = json.loads(t.ok("compare", "c.json", "-f", "json", "-H", "1").text)
    one = json.loads(t.ok("simulate", "c.json", "-s", "Growth", "-f", "summary", "-H", "1").text)
    t.expect(short[1]["customers_end"] == one["summary"]["customers_end"], "--horizon")


@test
def band_and_compare_option_errors(t):
    t.write_json("u.json", sample_with_spreads())
    cases = [
        (["simulate", "u.json", "--seed", "3"], ["--seed", "--draws"]),
        (["simulate", "u.json", "--draws", "0"], ["--draws", "between 1 and 100000", '"0"']),
        (["simulate", "u.json", "--draws", "100001"], ["--draws", '"100001"']),
        (["simulate", "u.json", "--draws", "ten"], ["--draws", '"ten"']),
        (["simulate", "u.json", "--draws", "1.5"], ["--draws", '"1.5"']),
        (["simulate", "u.json", "--draws", "-5"], ["--draws", '"-5"']),
        (["simulate", "u.json", "--draws", "10", "--seed", "-1"], ["--seed", '"-1"']),
        (["simulate", "u.json", "--draws", "10", "--seed", "18446744073709551616"],
         ["--seed", "18446744073709551615", '"18446744073709551616"']),
        (["simulate", "u.json", "--draws", "10", "--seed", "0x10"], ["--seed", '"0x10"']),
        (["simulate", "u.json", "--draws", "10", "-f", "summary"], ["--draws", "summary"]),
        (["compare", "u.json", "-f", "summary"], ["--format", "csv or json", '"summary"']),
        (["compare", "u.json", "--horizon", "0"], ["--horizon", '"0"']),
        (["compare", "u.json", "--draws", "10"], ["--draws"]),
        (["compare"], ["FILE"]),
        (["compare", "missing.json"], ["missing.json"]),
    ]
    for args, needles in cases:
        t.fails(2, *args, contains=needles)
    # The seed's range ends: 0 works.
    t.ok("simulate", "u.json", "--draws", "10", "--seed", "0")


@test
def files_are_told_apart_by_content(t):
    t.write_json("s.json", sample())
    t.ok("import", "s.json", "looks-like.json")   # a project file named .json
    t.expect(t.read_bytes("looks-like.json").startswith(SQLITE_HEADER), "import wrote SQLite")
    shutil.copy(t.path("s.json"), t.path("looks-like.flywheel"))  # JSON named .flywheel
    shutil.copy(t.path("s.json"), t.path("no-extension"))
    reference = t.ok("simulate", "s.json").out
    for name in ("looks-like.json", "looks-like.flywheel", "no-extension"):
        t.expect(t.ok("simulate", name).out == reference, "simulate %s" % name)
    t.expect("project file" in t.ok("check", "looks-like.json").text,
             "check should say a project file named .json is a project file")


@test
def a_pipe_is_read_like_a_file(t):
    t.new_project()
    t.write_json("s.json", sample())
    project_file = t.read_bytes("x.flywheel")
    json_text = t.read_bytes("s.json")
    t.expect(t.ok("simulate", "/dev/stdin", stdin=project_file).out
             == t.ok("simulate", "x.flywheel").out, "a project file through a pipe")
    t.expect(t.ok("dump", "/dev/stdin", stdin=json_text).out
             == t.ok("dump", "s.json").out, "JSON through a pipe")
    t.fails(2, "check", "/dev/stdin", stdin=project_file[:len(project_file) // 2],
            contains=["/dev/stdin"])
    t.fails(2, "check", "/dev/stdin", stdin=b"hello\n", contains=["/dev/stdin"])
    t.fails(2, "check", "/dev/stdin", stdin=b"", contains=["/dev/stdin"])
    if os.path.exists("/dev/zero"):   # an endless device is refused, not read forever
        t.fails(2, "check", "/dev/zero", contains=["/dev/zero"])


@test
def what_is_not_a_regular_file_is_refused_without_blocking(t):
    """Issue 8, finding 8: open () on a FIFO nobody writes to waits
    forever; the CLI refuses it at once, and a device or a folder too,
    saying what it is. A pipe on standard input is still read (above)."""
    os.mkfifo(t.path("f.flywheel"))
    for command in (["check"], ["dump"], ["simulate"], ["import"]):
        args = command + ["f.flywheel"] + (["out.flywheel"] if command == ["import"] else [])
        try:
            t.fails(2, *args, contains=["f.flywheel", "a named pipe, not a file"])
        except subprocess.TimeoutExpired:
            raise Failure("flywheel-cli %s blocked on a FIFO" % " ".join(args))
    t.expect(not os.path.exists(t.path("out.flywheel")), "import wrote something")
    # /dev/null even when it is standard input, as under meson: only a
    # pipe there is read.
    if os.path.exists("/dev/null"):
        t.fails(2, "check", "/dev/null", contains=["/dev/null", "a device, not a file"])
    os.mkdir(t.path("folder.flywheel"))
    t.fails(2, "check", "folder.flywheel", contains=["folder.flywheel", "directory"])


@test
def names_reach_the_terminal_escaped(t):
    """Issue 8, finding 8: names come from files, and a control character
    in one (an OSC sequence retitles a terminal) is shown escaped, as the
    error messages already show it, never written raw."""
    project = sample()
    project["name"] = "Acme\u001b]0;owned\u0007"
    project["scenarios"][0]["name"] = "Base\u009b31m\u001b[2J"
    t.write_json("s.json", project)
    t.ok("import", "s.json", "x.flywheel")
    for name in ("s.json", "x.flywheel"):
        out = t.ok("check", name).text
        t.expect(not raw_controls(out),
                 "check %s printed a control character: %r" % (name, out))
        t.expect('"Acme\\u001b]0;owned\\u0007"' in out, "check %s: project name %r" % (name, out))
        t.expect("\\u001b[2J" in out, "check %s: scenario name %r" % (name, out))
        result = t.fails(2, "simulate", "--scenario", "Other", name, contains=["\\u001b[2J"])
        t.expect("\x1b" not in result.err, "simulate's message: %r" % result.err)


@test
def file_names_reach_the_terminal_escaped(t):
    """Issue 8, finding 8: a file's name is a name too. A message that
    quotes one (a file missing, not a project, already there) shows its
    control characters escaped, as it shows the names inside files."""
    evil = "no\u001b]0;owned\u0007.flywheel"
    with open(t.path(evil), "w", encoding="utf-8") as f:
        f.write("not a project")
    t.ok("new", "--template", "attract-engage-delight", "there\u001b[2J.flywheel")
    for args in (("check", evil), ("check", "gone\u001b[2J.json"),
                 ("new", "--template", "attract-engage-delight", "there\u001b[2J.flywheel")):
        result = t.run(*args)
        err = result.err
        t.expect(result.code != 0 and err.startswith("flywheel-cli: "), "%s: %r" % (args, result))
        t.expect(not raw_controls(err), "%s printed a control character: %r" % (args, err))
        t.expect("\\u001b" in err, "%s: the name escaped: %r" % (args, err))
    # check's listing names the file on stdout: escaped the same way.
    listed = t.ok("check", "there\u001b[2J.flywheel").out.decode("utf-8")
    t.expect(not raw_controls(listed), "check's listing printed a control character: %r" % listed)
    t.expect(listed.startswith("there\\u001b[2J.flywheel: valid"), "check's listing: %r" % listed)


def raw_controls(text):
    """The control characters (C0 but the line ends, DEL, C1) in @text."""
    return [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) < 0xa0]


# Names with every kind of control character (ESC ]0;... BEL retitles a
# terminal; CR, LF, TAB, DEL, C1 controls), a CSV's comma and quote, and
# a backslash; and the CSV field each must give (docs/model-notes.md,
# "Control characters in CSV").
EVIL_STAGE = "Att\u001b]0;TITLE\u0007ract\r\nnext\u007f\u0085\u009b31m"
EVIL_SCENARIO = 'Growth, "best"\u001b]0;T\u0007 Q1\\Q2\tcase\u0080'
ESCAPED_STAGE = "Att\\u001b]0;TITLE\\u0007ract\\r\\nnext\\u007f\\u0085\\u009b31m"
ESCAPED_SCENARIO = 'Growth, "best"\\u001b]0;T\\u0007 Q1\\Q2\\tcase\\u0080'


def evil_names(t):
    """Writes evil.json and evil.flywheel (those names in the sample)
    and plain.json (the sample); returns the two evil files."""
    project = sample()
    project["scenarios"][0]["name"] = EVIL_SCENARIO
    project["scenarios"][0]["stages"][0]["name"] = EVIL_STAGE
    t.write_json("evil.json", project)
    t.write_json("plain.json", sample())
    t.ok("import", "evil.json", "evil.flywheel")
    return ("evil.json", "evil.flywheel")


def safe_csv_rows(t, result, what):
    """The rows of CSV that must hold no raw control character."""
    t.expect(not raw_controls(result.text),
             "%s wrote a control character raw: %r" % (what, result.out[:400]))
    return t.csv_rows(result)


@test
def compare_csv_escapes_names(t):
    """Issue 8, finding 8: compare (CSV by default) writes a scenario
    name's control characters escaped; quotes still doubled, the
    backslash kept, every figure as with plain names; JSON keeps the
    name whole."""
    for name in evil_names(t):
        plain = t.csv_rows(t.ok("compare", "plain.json"))
        for args in (["compare", name], ["compare", name, "--format", "csv"]):
            rows = safe_csv_rows(t, t.ok(*args), " ".join(args))
            t.expect(len(rows) == 3, "%s: a header and two rows: %r" % (args, rows))
            t.expect(rows[1][0] == ESCAPED_SCENARIO, "%s: scenario name %r" % (args, rows[1][0]))
            t.expect(rows[0] == plain[0] and rows[1][1:] == plain[1][1:] and rows[2] == plain[2],
                     "%s: figures differ from the plain names' %r %r" % (args, rows, plain))
        out = json.loads(t.ok("compare", name, "--format", "json").text)
        t.expect(out[0]["scenario"] == EVIL_SCENARIO, "compare --format json: %r" % out[0])


@test
def simulate_csv_escapes_names(t):
    """Issue 8, finding 8: simulate's CSV header writes a stage name's
    control characters escaped: one line per period (a CR or LF in a
    name no longer splits a row), every figure as with plain names."""
    for name in evil_names(t):
        plain = t.csv_rows(t.ok("simulate", "plain.json"))
        for args in (["simulate", name, "--format", "csv"], ["simulate", name]):
            result = t.ok(*args)
            rows = safe_csv_rows(t, result, " ".join(args))
            t.expect(result.text.count("\n") == SAMPLE["horizon"] + 2,
                     "%s: one line per period and the header: %r" % (args, result.text[:300]))
            t.expect(rows[0][1] == ESCAPED_STAGE, "%s: stage name %r" % (args, rows[0]))
            t.expect(rows[0][2:] == plain[0][2:] and rows[1:] == plain[1:],
                     "%s: figures differ from the plain names'" % args)


@test
def export_csv_escapes_names(t):
    """Issue 8, finding 8: a CSV file exported is as safe to cat as
    simulate's output, and the same bytes."""
    for name in evil_names(t):
        t.ok("export", name, "out.csv")
        exported = Result(0, t.read_bytes("out.csv"), "")
        rows = safe_csv_rows(t, exported, "export %s out.csv" % name)
        t.expect(rows[0][1] == ESCAPED_STAGE, "export %s out.csv: stage name %r" % (name, rows[0]))
        t.expect(exported.out == t.ok("simulate", name).out,
                 "export %s out.csv differs from simulate" % name)


def largest_note_project(n_scenarios):
    """A valid project whose dump takes the most bytes per character: every
    note 2000 control characters, which JSON writes as six bytes each."""
    project = sample()
    scenario = project["scenarios"][0]
    scenario["points"] = [
        {"name": "Point %d" % i, "angle": i * 0.3, "note": "\u0001" * 2000}
        for i in range(1000)]
    project["scenarios"] = []
    for s in range(n_scenarios):
        copy_ = copy.deepcopy(scenario)
        copy_["name"] = "Scenario %d" % s
        project["scenarios"].append(copy_)
    return project


@test
def everything_dump_writes_import_takes_back(t):
    """Issue 8, finding 7: a valid project whose dump is larger than the
    JSON reader's old 64 MiB limit goes round: import, dump, check and
    import again. (MODEL.md's largest dumps to 610.5 MiB; the unit tests
    /core/json/limits/* check that against the limit itself.)"""
    t.write_json("big.json", largest_note_project(6))
    t.ok("import", "big.json", "big.flywheel", timeout=300)
    with open(t.path("dumped.json"), "wb") as out:
        t.ok("dump", "big.flywheel", stdout=out, timeout=300)
    size = os.path.getsize(t.path("dumped.json"))
    t.expect(size > 64 * 1024 * 1024, "the dump should pass 64 MiB: %d bytes" % size)
    t.expect(b"valid Flywheel JSON" in t.ok("check", "dumped.json", timeout=300).out,
             "check should take the dump back")
    t.ok("import", "dumped.json", "again.flywheel", timeout=300)
    t.expect(t.read_bytes("again.flywheel") == t.read_bytes("big.flywheel"),
             "the project should come back the same")


@test
def import_replaces_an_existing_file(t):
    t.new_project("out.flywheel", "four-a")
    t.write_json("s.json", sample())
    t.ok("import", "s.json", "out.flywheel")
    t.expect(t.dump("out.flywheel")["name"] == "Acme", "import should replace OUT")
    with open(t.path("plain.txt"), "w") as f:
        f.write("not a project\n")
    t.ok("import", "s.json", "plain.txt")
    t.expect(t.read_bytes("plain.txt").startswith(SQLITE_HEADER), "import over a text file")
    leftovers = sorted(os.listdir(t.dir))
    t.expect(leftovers == ["out.flywheel", "plain.txt", "s.json"],
             "import left files behind: %r" % leftovers)


@test
def failing_import_leaves_the_old_file_untouched(t):
    t.new_project("out.flywheel")
    before = t.read_bytes("out.flywheel")
    bad = sample()
    bad["scenarios"][0]["stages"][0]["advance"] = 1.5
    t.write_json("bad.json", bad)
    t.write_json("broken.json", '{"format": "flywheel", "version": 1, ')
    t.fails(2, "import", "bad.json", "out.flywheel", contains=["bad.json"])
    t.fails(2, "import", "broken.json", "out.flywheel", contains=["broken.json"])
    t.fails(2, "import", "missing.json", "out.flywheel", contains=["missing.json"])
    t.expect(t.read_bytes("out.flywheel") == before, "OUT changed by a failing import")
    t.expect(sorted(os.listdir(t.dir)) == ["bad.json", "broken.json", "out.flywheel"],
             "files left behind: %r" % os.listdir(t.dir))


@test
def import_onto_a_directory_fails_cleanly(t):
    t.write_json("s.json", sample())
    os.mkdir(t.path("dir"))
    t.fails(1, "import", "s.json", "dir")
    t.expect(os.path.isdir(t.path("dir")) and os.listdir(t.path("dir")) == [],
             "the directory was changed")
    t.expect(sorted(os.listdir(t.dir)) == ["dir", "s.json"],
             "files left behind: %r" % os.listdir(t.dir))


@test
def writing_into_a_missing_directory_is_exit_1(t):
    t.write_json("s.json", sample())
    t.fails(1, "import", "s.json", "nowhere/out.flywheel", contains=["nowhere"])
    t.fails(1, "new", "--template", "four-a", "nowhere/out.flywheel", contains=["nowhere"])
    t.expect(sorted(os.listdir(t.dir)) == ["s.json"],
             "something was created: %r" % os.listdir(t.dir))


@test
def writing_into_a_read_only_directory_is_exit_1(t):
    if os.geteuid() == 0:
        return "skipped: root can write anywhere"
    t.write_json("s.json", sample())
    os.mkdir(t.path("ro"))
    os.chmod(t.path("ro"), 0o500)
    try:
        t.fails(1, "import", "s.json", "ro/out.flywheel")
        t.expect(os.listdir(t.path("ro")) == [], "something was created in ro/")
    finally:
        os.chmod(t.path("ro"), 0o700)
    return None


# export -------------------------------------------------------------------

def png_size(data):
    """The width and height a PNG's header gives."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise Failure("not a PNG: %r" % data[:16])
    return struct.unpack(">II", data[16:24])


def pdf_text(t, name):
    """The text pdftotext finds in @name, or None without poppler-utils."""
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", "-layout", t.path(name), "-"], check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")


def pdf_pages(t, name):
    """The page count, from pdfinfo when it is installed, otherwise by
    counting the page objects."""
    if shutil.which("pdfinfo") is not None:
        info = subprocess.run(["pdfinfo", t.path(name)], check=True,
                              stdout=subprocess.PIPE).stdout.decode("utf-8")
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page\b", t.read_bytes(name)))


def shown_count(value):
    """A count as the wheel shows it in the C locale (fw_display_count):
    whole from 10 up, one decimal below."""
    if round(value * 10) / 10 >= 10:
        return "%.0f" % value
    text = "%.1f" % value
    return text[:-2] if text.endswith(".0") else text


@test
def export_png_sizes(t):
    t.write_json("s.json", sample())
    t.ok("export", "s.json", "wheel.png")
    t.expect(png_size(t.read_bytes("wheel.png")) == (1600, 900), "default PNG size")
    t.ok("export", "s.json", "chart.PNG", "--what", "chart", "--width", "640", "--height", "480")
    t.expect(png_size(t.read_bytes("chart.PNG")) == (640, 480), "--width/--height")
    t.ok("export", "s.json", "wide.png", "--width", "1000")
    t.expect(png_size(t.read_bytes("wide.png")) == (1000, 563), "16:9 from --width alone")
    t.ok("export", "s.json", "tall.png", "--height", "8000", "--width", "100")
    t.expect(png_size(t.read_bytes("tall.png")) == (100, 8000), "the extremes of the range")
    # The two views differ, and so do two periods of the wheel.
    t.ok("export", "s.json", "chart.png", "--what", "chart")
    t.ok("export", "s.json", "later.png", "--period", "12")
    t.expect(len({t.read_bytes(n) for n in ("wheel.png", "chart.png", "later.png")}) == 3,
             "wheel, chart and a later period should differ")


@test
def export_svg_is_xml_with_the_names_as_text(t):
    t.write_json("s.json", sample())
    for what in ("wheel", "chart"):
        t.ok("export", "s.json", "%s.svg" % what, "--what", what)
        root = ElementTree.fromstring(t.read_bytes("%s.svg" % what))
        t.expect(root.tag == "{http://www.w3.org/2000/svg}svg", "root: %r" % root.tag)
        t.expect(root.get("width") == "960pt" and root.get("height") == "540pt",
                 "a 16:9 slide in points: %r" % root.attrib)
        text = " ".join(root.itertext())
        for needle in ["Acme", "Baseline"] + (["Attract", "Engage", "Delight"]
                                              if what == "wheel" else ["Churn"]):
            t.expect(needle in text, "%s.svg should say %r: %r" % (what, needle, text))
    t.ok("export", "s.json", "small.svg", "--width", "400", "--height", "300")
    root = ElementTree.fromstring(t.read_bytes("small.svg"))
    t.expect(root.get("width") == "400pt", "SVG size: %r" % root.attrib)


@test
def export_svg_words_are_text_not_outlines(t):
    """Every word a template's wheel shows is an SVG <text> (searchable and
    editable in a slide tool), not glyph outlines (V10-08)."""
    svg = "{http://www.w3.org/2000/svg}"
    for template in TEMPLATE_IDS:
        name = t.new_project("%s.flywheel" % template, template)
        project = t.dump(name)
        t.ok("export", name, "%s.svg" % template)
        data = t.read_bytes("%s.svg" % template)
        root = ElementTree.fromstring(data)
        texts = root.findall(".//%stext" % svg)
        said = " ".join("".join(e.itertext()) for e in texts)
        stages = [stage["name"] for stage in project["scenarios"][0]["stages"]]
        caption = "%s · %s · " % (project["name"], project["scenarios"][0]["name"])
        for needle in stages + [caption, "momentum", "people moving per"]:
            t.expect(needle in said, "%s.svg: no <text> says %r: %r" % (template, needle, said))
        for e in texts:
            t.expect(e.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
                     and e.get("transform", "").startswith("matrix("),
                     "%s.svg: a <text> without its place: %r" % (template, e.attrib))
            # A line in two weights ("<b>Referrals</b> 50/month") is a
            # <tspan> per run, each with its font and width.
            for piece in e.findall("%stspan" % svg) or [e]:
                t.expect(float(piece.get("textLength")) > 0 and float(piece.get("font-size")) >= 9,
                         "%s.svg: words without size or width: %r" % (template, piece.attrib))
        t.expect("Referral" in said, "%s.svg: the referral label is not text: %r" % (template, said))
        glyphs = data.count(b'href="#glyph')
        t.expect(glyphs == 0, "%s.svg: %d glyph outlines left" % (template, glyphs))
    t.ok("export", TEMPLATE_IDS[0] + ".flywheel", "chart.svg", "--what", "chart")
    said = " ".join(e.text or "" for e in
                    ElementTree.fromstring(t.read_bytes("chart.svg")).findall(".//%stext" % svg))
    for needle in ("Customers", "Churn", "Momentum", "Month"):
        t.expect(needle in said, "chart.svg: no <text> says %r: %r" % (needle, said))


@test
def export_svg_embeds_its_fonts(t):
    """The SVG carries the fonts of its words (a client's machine without
    DejaVu Sans shows the same picture): every <text> and <tspan> names
    first a family that an @font-face in the SVG's <style> defines from a
    data: URL, one rule per face. tests/test-svg-fonts.c loads the fonts
    and checks that they cover every character."""
    svg = "{http://www.w3.org/2000/svg}"
    project = sample()
    project["name"] = "Nordlicht Möbelwerkstatt"
    project["scenarios"][0]["stages"][0]["name"] = "Größe – Première"
    t.write_json("s.json", project)
    for what in ("wheel", "chart"):
        t.ok("export", "s.json", "%s.svg" % what, "--what", what)
        root = ElementTree.fromstring(t.read_bytes("%s.svg" % what))
        style = "".join("".join(e.itertext()) for e in root.iter("%sstyle" % svg))
        faces = re.findall(r'@font-face \{ font-family: "([^"]+)"; '
                           r'src: url\(data:font/(?:ttf|otf);base64,[A-Za-z0-9+/=]+\) '
                           r'format\("(?:truetype|opentype)"\);', style)
        t.expect(faces and len(faces) == len(set(faces)) == style.count("@font-face"),
                 "%s.svg: @font-face rules %r in %r" % (what, faces, style[:300]))
        used = set()
        pieces = 0
        for e in root.iter():
            if e.tag not in ("%stext" % svg, "%stspan" % svg) or e.get("font-family") is None:
                continue
            families = [f.strip().strip("'") for f in e.get("font-family").split(",")]
            t.expect(families[0] in faces and families[-1] == "sans-serif",
                     "%s.svg: %r does not name an embedded font first" % (what, e.attrib))
            used.add(families[0])
            pieces += 1
        t.expect(pieces > 0 and used == set(faces), "%s.svg: fonts used %r, embedded %r" % (what, used, faces))
    said = " ".join(ElementTree.fromstring(t.read_bytes("wheel.svg")).itertext())
    t.expect("Größe – Première" in said and "Nordlicht Möbelwerkstatt · " in said,
             "wheel.svg: the names: %r" % said)


@test
def export_pdf_one_page_with_text(t):
    t.write_json("s.json", sample())
    t.ok("export", "s.json", "wheel.pdf")
    t.ok("export", "s.json", "chart.pdf", "--what", "chart", "--scenario", "Growth")
    for name in ("wheel.pdf", "chart.pdf"):
        t.expect(t.read_bytes(name).startswith(b"%PDF-"), "%s is not a PDF" % name)
        t.expect(pdf_pages(t, name) == 1, "%s: one page expected" % name)
    wheel = pdf_text(t, "wheel.pdf")
    if wheel is None:
        return "text not checked: pdftotext (poppler-utils) is not installed"
    for needle in ("Attract", "Engage", "Delight", "momentum", "Referrals"):
        t.expect(needle in wheel, "wheel.pdf should hold %r as text: %r" % (needle, wheel))
    chart = pdf_text(t, "chart.pdf")
    for needle in ("Customers", "Churn", "Momentum", "Month"):
        t.expect(needle in chart, "chart.pdf should hold %r as text: %r" % (needle, chart))
    return None


@test
def export_wheel_says_referrals_once(t):
    """The seven-step sales cycle has a stage named "Referrals" at 12
    o'clock, beside the referral loop's label: the label says "Referral
    inflow" there (the figures' name for it), so the exported wheel does
    not read "Referrals 200 Referrals 50/month". A wheel without such a
    stage keeps "Referrals 120/month"."""
    t.ok("export", t.new_project("sales.flywheel", "sales-cycle"), "sales.pdf")
    t.ok("export", t.new_project("aed.flywheel", "attract-engage-delight"), "aed.pdf")
    sales = pdf_text(t, "sales.pdf")
    if sales is None:
        return "text not checked: pdftotext (poppler-utils) is not installed"
    words = " ".join(sales.split())
    t.expect(len(re.findall(r"\bReferrals\b", words)) == 1,
             "sales.pdf: \"Referrals\" once, the stage's name: %r" % words)
    t.expect(re.search(r"Referral inflow [\d.,]+/month", words),
             "sales.pdf: the loop's label says \"Referral inflow\": %r" % words)
    aed = " ".join(pdf_text(t, "aed.pdf").split())
    t.expect(re.search(r"Referrals [\d.,]+/month", aed) and "Referral inflow" not in aed,
             "aed.pdf: the loop's label says \"Referrals\": %r" % aed)
    return None


@test
def export_period_shows_the_counts_then(t):
    t.write_json("s.json", sample())
    rows = t.csv_rows(t.ok("simulate", "s.json"))
    header = rows[0]
    for period in (0, 7, 12):
        t.ok("export", "s.json", "p%d.pdf" % period, "--period", str(period))
        text = pdf_text(t, "p%d.pdf" % period)
        if text is None:
            return "not checked: pdftotext (poppler-utils) is not installed"
        row = dict(zip(header, rows[1 + period]))
        for stage in ("Attract", "Engage", "Delight"):
            shown = shown_count(float(row[stage]))
            t.expect(re.search(r"(^|\s)%s(\s|$)" % re.escape(shown), text),
                     "period %d: %s should show %s: %r" % (period, stage, shown, text))
    t.ok("export", "s.json", "chart.pdf", "--what", "chart", "--period", "7")
    text = pdf_text(t, "chart.pdf")
    t.expect("Month 7" in text, "the chart's marker should name month 7: %r" % text)
    return None


@test
def new_and_import_write_through_links(t):
    """V8-01: `new` onto a dangling link said "already exists" while
    `import` wrote through the same kind of link. Both now write through
    it (the file it names is created, the link stays a link), and `new`
    still refuses a real file, reached through a link too, without
    --force."""
    t.write_json("s.json", sample())
    for command in (["new", "--template", "four-a"], ["import", "s.json"]):
        link, target = t.path("%s-link.flywheel" % command[0]), t.path("%s-target.flywheel" % command[0])
        os.symlink(os.path.basename(target), link)
        t.ok(*(command + [link]))
        t.expect(os.path.islink(link), "%s: the link should stay a link" % command[0])
        t.expect(os.path.isfile(target), "%s: the file the link names should exist" % command[0])
        t.ok("check", link)
    before = t.read_bytes("new-target.flywheel")
    t.fails(2, "new", "--template", "sales-cycle", t.path("new-link.flywheel"),
            contains=["already exists", "--force"])
    t.expect(t.read_bytes("new-target.flywheel") == before, "refused, yet the file changed")
    t.ok("new", "--template", "sales-cycle", "--force", t.path("new-link.flywheel"))
    t.expect(os.path.islink(t.path("new-link.flywheel")), "--force: the link should stay a link")
    t.expect(t.read_bytes("new-target.flywheel") != before, "--force: the file should be replaced")


@test
def export_wheel_has_a_caption(t):
    """R5-21: two exported wheels pasted side by side on a slide must say
    which scenario and which month each shows. The wheel has a caption
    "project · scenario · Month t of H" unless --no-caption; the chart
    (its legend names the scenarios) and CSV refuse --no-caption."""
    t.write_json("s.json", sample())
    t.ok("export", "s.json", "p7.pdf", "--period", "7", "--scenario", "Growth")
    t.ok("export", "s.json", "bare.pdf", "--period", "7", "--scenario", "Growth", "--no-caption")
    t.ok("export", "s.json", "p7.png", "--period", "7")
    t.ok("export", "s.json", "bare.png", "--period", "7", "--no-caption")
    t.expect(t.read_bytes("p7.png") != t.read_bytes("bare.png"), "the caption draws nothing")
    t.fails(2, "export", "s.json", "c.png", "--what", "chart", "--no-caption",
            contains=["--no-caption", "chart"])
    t.fails(2, "export", "s.json", "c.csv", "--no-caption", contains=["--no-caption", "CSV"])
    t.expect("--no-caption" in t.ok("export", "--help").text, "--help should list --no-caption")
    # The SVG's <desc> says the caption first, in the same words.
    t.ok("export", "s.json", "p7.svg", "--period", "7")
    t.ok("export", "s.json", "bare.svg", "--period", "7", "--no-caption")
    svg_desc = [ElementTree.fromstring(t.read_bytes(n)).find("{http://www.w3.org/2000/svg}desc").text
                for n in ("p7.svg", "bare.svg")]
    t.expect(svg_desc[0].startswith("Acme · Baseline · Month 7 of 12. "), "p7.svg desc: %r" % svg_desc[0])
    t.expect("Month 7 of 12" not in svg_desc[1], "bare.svg desc: %r" % svg_desc[1])
    captioned = pdf_text(t, "p7.pdf")
    if captioned is None:
        return "text not checked: pdftotext (poppler-utils) is not installed"
    caption = "Acme · Growth · Month 7 of 12"
    t.expect(caption in " ".join(captioned.split()), "p7.pdf should say %r: %r" % (caption, captioned))
    bare = " ".join(pdf_text(t, "bare.pdf").split())
    t.expect("Month 7" not in bare and "Acme" not in bare, "--no-caption: %r" % bare)
    return None


@test
def export_chart_overlays_scenarios(t):
    t.write_json("s.json", sample())
    t.ok("export", "s.json", "both.svg", "--what", "chart", "-s", "Baseline", "-s", "Growth")
    root = ElementTree.fromstring(t.read_bytes("both.svg"))
    title = root.find("{http://www.w3.org/2000/svg}title").text
    t.expect("Baseline" in title and "Growth" in title, "the title names both: %r" % title)
    t.ok("export", "s.json", "one.svg", "--what", "chart", "-s", "Baseline")
    t.expect(t.read_bytes("one.svg") != t.read_bytes("both.svg"), "the overlay draws nothing more")
    t.ok("export", "s.json", "both.pdf", "--what", "chart", "-s", "Growth", "-s", "Baseline")
    text = pdf_text(t, "both.pdf")
    if text is not None:
        # Several scenarios are named in the legend.
        t.expect("Baseline" in text and "Growth" in text, "legend: %r" % text)
    t.fails(2, "export", "s.json", "w.png", "-s", "Baseline", "-s", "Growth",
            contains=["--scenario", "chart"])
    t.fails(2, "export", "s.json", "w.csv", "-s", "Baseline", "-s", "Growth",
            contains=["--scenario"])
    t.fails(2, "export", "s.json", "c.png", "--what", "chart", "-s", "Growth", "-s", " Growth ",
            contains=["\"Growth\"", "twice"])
    t.fails(2, "export", "s.json", "c.png", "--what", "chart", "-s", "Growth", "-s", "Nope",
            contains=["Nope"])
    t.expect(not any(n.startswith(("w.", "c.")) for n in os.listdir(t.dir)),
             "files left behind: %r" % os.listdir(t.dir))


@test
def export_csv_is_simulate(t):
    t.write_json("s.json", sample())
    t.ok("import", "s.json", "s.flywheel")
    for scenario in ("Baseline", "Growth"):
        t.ok("export", "s.flywheel", "out.csv", "--scenario", scenario)
        expected = t.ok("simulate", "s.flywheel", "--scenario", scenario, "--format", "csv").out
        t.expect(t.read_bytes("out.csv") == expected,
                 "export CSV differs from simulate's for %s" % scenario)


@test
def export_bad_input_leaves_out_alone(t):
    t.write_json("s.json", sample())
    with open(t.path("keep.png"), "wb") as f:
        f.write(b"precious")
    before = sorted(os.listdir(t.dir))
    t.fails(2, "export", "s.json", "out.jpg", contains=["out.jpg", ".png"])
    t.fails(2, "export", "s.json", "png", contains=["png"])
    t.fails(2, "export", "s.json", "keep.png", "--period", "13", contains=["--period", "12"])
    t.fails(2, "export", "s.json", "keep.png", "--period", "-1", contains=["--period"])
    t.fails(2, "export", "s.json", "keep.png", "--scenario", "Nope",
            contains=["Nope", "\"Baseline\", \"Growth\""])
    t.fails(2, "export", "s.json", "keep.png", "--width", "99", contains=["--width", "8000"])
    t.fails(2, "export", "s.json", "keep.png", "--height", "8001", contains=["--height"])
    t.fails(2, "export", "s.json", "keep.png", "--width", "12px", contains=["12px"])
    t.fails(2, "export", "s.json", "keep.png", "--what", "pie", contains=["wheel", "chart"])
    t.fails(2, "export", "s.json", "keep.csv", "--width", "800", contains=["--width", "CSV"])
    t.fails(2, "export", "s.json", "keep.csv", "--period", "3", contains=["--period"])
    t.fails(2, "export", "missing.json", "keep.png", contains=["missing.json"])
    t.fails(2, "export", "s.json", contains=["OUT"])
    t.expect(t.read_bytes("keep.png") == b"precious", "a failed export changed OUT")
    t.expect(sorted(os.listdir(t.dir)) == before, "files left behind: %r" % os.listdir(t.dir))
    # Where OUT cannot be written: exit 1, nothing half-written.
    t.fails(1, "export", "s.json", "nowhere/out.png", contains=["nowhere"])
    os.mkdir(t.path("dir.png"))
    t.fails(1, "export", "s.json", "dir.png", contains=["dir.png"])
    t.expect(os.listdir(t.path("dir.png")) == [], "the directory was changed")
    t.expect(sorted(os.listdir(t.dir)) == sorted(before + ["dir.png"]),
             "files left behind: %r" % os.listdir(t.dir))


@test
def export_replaces_out_whole(t):
    t.write_json("s.json", sample())
    with open(t.path("out.pdf"), "wb") as f:
        f.write(b"old")
    os.chmod(t.path("out.pdf"), 0o600)
    t.ok("export", "s.json", "out.pdf")
    t.expect(t.read_bytes("out.pdf").startswith(b"%PDF-"), "OUT not replaced")
    t.expect(os.stat(t.path("out.pdf")).st_mode & 0o777 == 0o600,
             "replacing OUT should keep its permissions")
    t.expect(sorted(os.listdir(t.dir)) == ["out.pdf", "s.json"],
             "files left behind: %r" % os.listdir(t.dir))


# new ----------------------------------------------------------------------

@test
def new_refuses_to_overwrite_without_force(t):
    t.new_project("x.flywheel", "four-a")
    before = t.read_bytes("x.flywheel")
    t.fails(2, "new", "--template", "sales-cycle", "x.flywheel",
            contains=["x.flywheel", "--force"])
    t.expect(t.read_bytes("x.flywheel") == before, "new changed an existing file")
    with open(t.path("notes.txt"), "w") as f:
        f.write("keep me\n")
    t.fails(2, "new", "--template", "four-a", "notes.txt", contains=["notes.txt"])
    t.expect(t.read_bytes("notes.txt") == b"keep me\n", "new overwrote notes.txt")
    t.ok("new", "--template", "sales-cycle", "--force", "x.flywheel")
    t.expect(t.read_bytes("x.flywheel") != before, "--force should replace the file")
    t.ok("check", "x.flywheel")


@test
def new_needs_a_known_template(t):
    t.fails(2, "new", "--template", "nope", "x.flywheel", contains=["nope", "four-a"])
    t.fails(2, "new", "x.flywheel", contains=["--template"])
    t.expect(os.listdir(t.dir) == [], "a failed new created a file")


# check --------------------------------------------------------------------

@test
def check_accepts_good_files(t):
    t.new_project()
    t.write_json("s.json", sample())
    out = t.ok("check", "x.flywheel").text
    t.expect(out.startswith("x.flywheel: valid"), "check x.flywheel: %r" % out)
    out = t.ok("check", "s.json").text
    t.expect(out.startswith("s.json: valid"), "check s.json: %r" % out)
    t.expect("2 scenarios" in out and "Baseline" in out and "3 stages" in out,
             "check should sum up the file: %r" % out)


# Bad input ----------------------------------------------------------------

def bad_advance():
    project = sample()
    project["scenarios"][0]["stages"][0]["advance"] = 1.5
    return project


@test
def advance_out_of_range_is_named_with_its_place(t):
    t.write_json("x.json", bad_advance())
    message = "x.json: scenarios[0].stages[0].advance: must be between 0 and 1, got 1.5"
    for args in (["check", "x.json"], ["simulate", "x.json"], ["dump", "x.json"],
                 ["import", "x.json", "out.flywheel"]):
        t.fails(2, *args, contains=[message])
    t.expect(not os.path.exists(t.path("out.flywheel")), "import of a bad file wrote OUT")


@test
def unknown_key_is_refused(t):
    project = sample()
    project["scenarios"][0]["stages"][1]["colour"] = "#ffffff"
    t.write_json("k.json", project)
    t.fails(2, "check", "k.json", contains=["k.json", "scenarios[0].stages[1]", "colour"])
    project = sample()
    project["extra"] = 1
    t.write_json("k2.json", project)
    t.fails(2, "check", "k2.json", contains=["k2.json", "extra"])


@test
def malformed_json_is_refused(t):
    t.write_json("m.json", '{"format": "flywheel", "version": 1,,}')
    t.fails(2, "check", "m.json", contains=["m.json"])
    t.write_json("e.json", "")
    t.fails(2, "check", "e.json", contains=["e.json"])
    t.write_json("a.json", "[1, 2, 3]")
    t.fails(2, "check", "a.json", contains=["a.json"])
    t.write_json("n.json", '{"format": "flywheel", "version": 1}')
    t.fails(2, "check", "n.json", contains=["n.json"])
    t.write_json("v.json", dict(sample(), version=2))
    t.fails(2, "check", "v.json", contains=["v.json"])
    with open(t.path("u.json"), "wb") as f:
        f.write(b'{"format": "flywheel", "name": "\xff\xfe"}')
    t.fails(2, "check", "u.json", contains=["u.json"])


@test
def missing_file_is_bad_input(t):
    for command in (["check"], ["simulate"], ["dump"], ["import", "out.flywheel"]):
        t.fails(2, command[0], "missing.flywheel", *command[1:], contains=["missing.flywheel"])
    os.mkdir(t.path("adir"))
    t.fails(2, "check", "adir", contains=["adir"])
    t.expect(sorted(os.listdir(t.dir)) == ["adir"], "something was created")


@test
def not_a_project_is_refused(t):
    with open(t.path("hello.txt"), "w") as f:
        f.write("hello, world\n")
    with open(t.path("noise.bin"), "wb") as f:
        f.write(bytes(range(256)) * 4)
    db = sqlite3.connect(t.path("other.db"))
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with open(t.path("truncated.flywheel"), "wb") as f:
        f.write(SQLITE_HEADER + b"\0" * 84)
    for name in ("hello.txt", "noise.bin", "other.db", "truncated.flywheel"):
        for command in ("check", "simulate", "dump"):
            t.fails(2, command, name, contains=[name])


@test
def damaged_project_file_is_refused(t):
    t.new_project()
    data = bytearray(t.read_bytes("x.flywheel"))
    half = bytes(data[:len(data) // 2])
    with open(t.path("half.flywheel"), "wb") as f:
        f.write(half)
    t.fails(2, "check", "half.flywheel", contains=["half.flywheel"])


@test
def bad_format_is_refused(t):
    t.new_project()
    t.fails(2, "simulate", "x.flywheel", "--format", "xml", contains=["--format", "xml"])
    t.fails(2, "simulate", "x.flywheel", "--format", "", contains=["--format"])
    t.fails(2, "catalog", "--format", "csv", contains=["--format"])


@test
def bad_horizon_is_refused(t):
    t.new_project()
    for value in ("0", "100001", "abc", "-1", "1.5", "", " 5", "1e3"):
        t.fails(2, "simulate", "x.flywheel", "--horizon", value, contains=["--horizon"])
    # A bad option is reported before the file is even read.
    t.fails(2, "simulate", "missing.flywheel", "--horizon", "0", contains=["--horizon"])


@test
def unknown_scenario_lists_the_names(t):
    t.write_json("s.json", sample())
    t.fails(2, "simulate", "s.json", "--scenario", "Nope",
            contains=["s.json", "Nope", "Baseline", "Growth"])
    t.fails(2, "simulate", "s.json", "--scenario", os.fsdecode(b"\xff\xfe"),
            contains=["s.json", "Baseline"])
    t.fails(2, "simulate", "s.json", "--scenario", "", contains=["s.json", "Baseline"])
    t.ok("simulate", "s.json", "--scenario", "  Growth ")   # names are compared trimmed


@test
def non_ascii_names_in_any_locale(t):
    project = sample()
    project["scenarios"][1]["name"] = "Año 2 — crecimiento"
    t.write_json("u.json", project)
    for lc_all in ("C.UTF-8", "C"):
        out = json.loads(t.ok("simulate", "u.json", "--scenario", "Año 2 — crecimiento",
                              "--format", "json", env={"LC_ALL": lc_all}).text)
        t.expect(out["scenario"] == "Año 2 — crecimiento", "LC_ALL=%s: %r" % (lc_all, out))


@test
def usage_errors(t):
    t.new_project()
    t.fails(2, contains=["Usage"])
    t.fails(2, "frobnicate", contains=["frobnicate", "Usage"])
    t.fails(2, "--frobnicate", contains=["--frobnicate"])
    t.fails(2, "help", "frobnicate", contains=["frobnicate"])
    t.fails(2, "simulate", contains=["Usage", "FILE"])
    t.fails(2, "simulate", "x.flywheel", "y.flywheel", contains=["Usage", "y.flywheel"])
    t.fails(2, "simulate", "x.flywheel", "--bogus", contains=["Usage", "--bogus"])
    t.fails(2, "simulate", "x.flywheel", "--horizon", contains=["Usage", "--horizon"])
    t.fails(2, "import", "x.flywheel", contains=["Usage", "OUT"])
    t.fails(2, "import", contains=["Usage", "IN"])
    t.fails(2, "dump", contains=["Usage"])
    t.fails(2, "check", contains=["Usage"])
    t.fails(2, "new", "--template", "four-a", contains=["Usage", "OUT"])
    t.fails(2, "templates", "extra", contains=["Usage", "extra"])
    t.fails(2, "catalog", "--bogus", contains=["Usage"])
    t.fails(2, "--version", "extra", contains=["extra"])


@test
def double_dash_ends_options(t):
    t.ok("new", "--template", "four-a", "--", "-x.flywheel")
    t.expect(os.path.exists(t.path("-x.flywheel")), "new -- -x.flywheel")
    t.ok("check", "--", "-x.flywheel")
    t.ok("simulate", "--horizon", "2", "--", "-x.flywheel")


# Output failures ------------------------------------------------------------

@test
def full_disk_on_stdout_is_exit_1(t):
    if not os.path.exists("/dev/full"):
        return "skipped: no /dev/full"
    t.new_project()
    for args in (["simulate", "x.flywheel"],
                 ["simulate", "x.flywheel", "--format", "json"],
                 ["dump", "x.flywheel"], ["check", "x.flywheel"],
                 ["templates"], ["catalog"], ["--help"], ["simulate", "--help"],
                 ["--version"]):
        with open("/dev/full", "wb") as full:
            t.fails(1, *args, stdout=full, contains=["standard output"])
    return None


@test
def closed_pipe_is_exit_1(t):
    t.new_project()
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        # Like any Unix tool, a reader that went away (`| head`) gets no
        # complaint on stderr, but the status says the output stopped.
        result = t.run("simulate", "x.flywheel", "--horizon", "1000", stdout=write_end)
        t.expect(result.code == 1, "closed pipe: exit %r, want 1" % result.code)
        t.expect(result.err == "", "closed pipe: stderr %r, want nothing" % result.err)
    finally:
        os.close(write_end)


# Help ---------------------------------------------------------------------

@test
def help_for_everything(t):
    out = t.ok("--help").text
    for command in COMMANDS:
        t.expect("\n  %s " % command in out, "--help should list %s: %r" % (command, out))
    t.expect(t.ok("help").out == t.ok("-h").out == t.ok("--help").out, "help, -h, --help")
    for command in COMMANDS:
        text = t.ok(command, "--help").text
        t.expect("Usage:" in text and ("flywheel-cli %s" % command) in text,
                 "%s --help: %r" % (command, text))
        t.expect(t.ok("help", command).out == text.encode(),
                 "help %s differs from %s --help" % (command, command))
        t.expect(t.ok(command, "-h").out == text.encode(), "%s -h" % command)
    simulate = t.ok("help", "simulate").text
    for needle in ("--scenario", "--horizon", "--format", "FILE"):
        t.expect(needle in simulate, "help simulate should mention %s" % needle)
    t.expect("--force" in t.ok("new", "--help").text, "new --help should mention --force")
    t.expect("content" in out, "--help should say files are told apart by content")


@test
def version(t):
    out = t.ok("--version").text
    t.expect(out.startswith("flywheel-cli ") and out.strip().split()[-1][0].isdigit(),
             "--version: %r" % out)


# Runner ---------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the flywheel-cli binary")
    parser.add_argument("-k", dest="only", help="run the tests whose name holds this")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    cli = os.path.abspath(args.cli)

    passed = failed = 0
    for function in TESTS:
        name = function.__name__
        if args.only and args.only not in name:
            continue
        directory = tempfile.mkdtemp(prefix="test-cli-")
        try:
            note = function(Context(cli, directory, args.verbose))
            print("ok - %s%s" % (name, " # " + note if note else ""))
            passed += 1
        except Failure as e:
            print("not ok - %s: %s" % (name, e))
            failed += 1
        except Exception:  # a bug in the test or an output that does not parse
            print("not ok - %s: %s" % (name, traceback.format_exc().strip().replace("\n", "\n# ")))
            failed += 1
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        sys.stdout.flush()

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
