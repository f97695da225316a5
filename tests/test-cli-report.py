#!/usr/bin/env python3
# tests/test-cli-report.py
#
# Copyright 2026 The Flywheel authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""`flywheel-cli report` as a user runs it, and the band on the chart's
exports: one page whatever the project holds, the names and the ranking
as text, the paper of the locale, clear errors and nothing half written.

    python3 tests/test-cli-report.py --cli build/src/cli/flywheel-cli [-v] [-k NAME]

Uses test-cli.py's harness (a fresh directory per test, exit codes and
messages checked). The PDF is read back with poppler-utils (pdftotext,
pdfinfo), which the Makefile installs; without them the text checks are
skipped and say so.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
spec = importlib.util.spec_from_file_location("cli_harness", os.path.join(HERE, "test-cli.py"))
harness = importlib.util.module_from_spec(spec)
spec.loader.exec_module(harness)

import report_projects  # noqa: E402  (after the path is set)

TESTS = []


def test(function):
    TESTS.append(function)
    return function


def locale_installed(name):
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    return name.lower().replace("utf-8", "utf8") in out.split()


def page_size(t, name):
    """The page's size in points, from pdfinfo, or None without it."""
    if shutil.which("pdfinfo") is None:
        return None
    info = subprocess.run(["pdfinfo", t.path(name)], check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return round(float(match.group(1))), round(float(match.group(2)))


def flat_text(t, name):
    """pdftotext's text in the order it is drawn (-raw: one column after
    the other, not mixed line by line as the page's layout), with every
    run of white space made one space, so a name wrapped onto two lines
    still reads as one; None without poppler-utils."""
    if shutil.which("pdftotext") is None:
        return None
    text = subprocess.run(["pdftotext", "-raw", t.path(name), "-"], check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")
    return " ".join(text.split())


def report_text(t, project):
    """Writes @project, reports it into report.pdf, checks it is one page
    and returns its flat text; None without poppler-utils."""
    t.write_json("p.json", project)
    t.ok("report", "p.json", "report.pdf")
    t.expect(harness.pdf_pages(t, "report.pdf") == 1, "report.pdf: one page expected")
    return flat_text(t, "report.pdf")


A4 = (595, 842)
LETTER = (612, 792)


@test
def report_holds_names_figures_and_ranking(t):
    project = json.loads(json.dumps(harness.SAMPLE))
    baseline = project["scenarios"][0]
    baseline["points"] = [
        {"name": "Slow replies to pricing questions", "kind": "friction", "angle": 10,
         "conversion": -0.1},
        {"name": "Checkout asks twice for the same details", "kind": "friction", "angle": 150,
         "conversion": -0.6},
        {"name": "Referral reward for both sides", "kind": "force", "angle": 300,
         "referral": 0.5},
        {"name": "Invoices nobody can read", "kind": "friction", "angle": 300, "churn": 0.02},
        {"name": "Self-service help centre", "kind": "force", "angle": 100, "conversion": 0.05},
        {"name": "Switched off friction", "kind": "friction", "angle": 200,
         "conversion": -0.5, "enabled": False},
    ]
    text = report_text(t, project)
    if text is None:
        return "text not checked: pdftotext (poppler-utils) is not installed"
    for needle in ("Acme", "Baseline", "Attract", "Engage", "Delight", "Summary",
                   "Loop gain", "Needs marketing", "Projection", "Costliest friction",
                   "Strongest forces", "Scenarios compared", "Growth"):
        t.expect(needle in text, "report.pdf should hold %r as text: %r" % (needle, text))
    # A loop gain below 1 reads as the window reads it, not as an alarm.
    t.expect("Not self-sustaining" not in text, "the window's words for a gain below 1: %r" % text)
    t.expect("Switched off friction" not in text, "a point switched off is not ranked")
    t.expect("1 point switched off" in text, "the report says a point is switched off")

    # The ranking as the engine's impacts order it.
    summary = json.loads(t.ok("simulate", "p.json", "--format", "summary").text)
    names = {p["name"]: p["impact"] for p in summary["points"]}
    kinds = {p["name"]: p["kind"] for p in baseline["points"]}
    frictions = sorted((n for n in names if kinds[n] == "friction" and n != "Switched off friction"),
                       key=lambda n: names[n])
    forces = sorted((n for n in names if kinds[n] == "force"), key=lambda n: -names[n])
    for ranking in (frictions, forces):
        places = [text.find(name) for name in ranking]
        t.expect(-1 not in places and places == sorted(places),
                 "ranked in order of impact %r, found at %r: %r" % (ranking, places, text))
    t.expect(names[frictions[0]] < names[frictions[-1]], "impacts differ, so the order means something")

    # The report on another scenario names it and has its own ranking.
    t.ok("report", "p.json", "growth.pdf", "--scenario", "Growth")
    text = flat_text(t, "growth.pdf")
    t.expect("Scenario: Growth" in text and "No friction points" in text, text)


@test
def report_of_the_largest_project_is_one_page(t):
    project = report_projects.project(name="Northwind Traders — customer retention review 2027",
                                      n_points=1000, n_scenarios=50, long_names=True)
    # MODEL.md's longest names: 80 characters.
    project["name"] = ("Northwind Traders, customer retention and referral review for the "
                       "board 2027")[:80]
    project["scenarios"][0]["name"] = "Baseline: " + "the plan the board approved " * 3
    project["scenarios"][0]["name"] = project["scenarios"][0]["name"][:80].strip()
    t.write_json("big.json", project)
    for paper in ("a4", "letter"):
        out = "big-%s.pdf" % paper
        t.ok("report", "big.json", out, "--paper", paper)
        t.expect(harness.pdf_pages(t, out) == 1, "%s: one page expected" % out)
        text = flat_text(t, out)
        if text is None:
            return "text not checked: pdftotext (poppler-utils) is not installed"
        t.expect(project["name"] in text, "the project's name in full: %r" % text)
        t.expect(project["scenarios"][0]["name"] in text, "the scenario's name in full")
        more = [int(n) for n in re.findall(r"and (\d+) more\b", text)]
        t.expect(len(more) >= 2, "%s: the lists that do not fit say how many more: %r"
                 % (out, text))
        t.expect(re.search(r"and \d+ more scenarios", text), "%s: the scenarios left out" % out)
        t.expect("Below each figure: its difference from" in text,
                 "%s: the table's differences fit on the page too" % out)
    # A friction's name shown in full, however long.
    longest = max((p["name"] for p in project["scenarios"][0]["points"]), key=len)
    t.expect(len(longest) > 50, "the sample has long names")


# A consultant's scenario names: up to 46 characters, each two lines at
# most in the table's name column.
CLIENT_NAMES = [
    "Today (as measured in Q3)",
    "Faster quotes",
    "Faster quotes + transparent pricing page",
    "Self-service configurator with delivery dates",
    "Referral programme with showroom evenings",
    "Pessimistic: two carpenters leave",
    "Optimistic: trade fair and online catalogue",
    "Faster quotes + pricing page + follow-up calls",
]


@test
def report_lists_every_scenario_whole(t):
    """R5-11: with four scenarios the table left one out ("and 1 more
    scenario") while room remained, and the scenario reported was cut
    ("Faster quotes + transpare…") in its row and the footer. Every one
    of four fits on A4 and US Letter, of eight on A4 and six on Letter,
    each name whole (wrapped, not cut), whichever is reported; one page."""
    project = json.loads(json.dumps(harness.SAMPLE))
    # A long project name: the footer says it and the scenario's.
    project["name"] = "Nordlicht Möbelwerkstatt GmbH – Vertriebsanalyse 2027 für die Geschäftsleitung"
    for count, papers in ((4, ("a4", "letter")), (6, ("letter",)), (8, ("a4",))):
        project["scenarios"] = []
        for i, name in enumerate(CLIENT_NAMES[:count]):
            scenario = json.loads(json.dumps(harness.SAMPLE["scenarios"][i % 2]))
            scenario["name"] = name
            project["scenarios"].append(scenario)
        t.write_json("p%d.json" % count, project)
        for paper in papers:
            for reported in (CLIENT_NAMES[2], CLIENT_NAMES[count - 1]):
                out = "r%d-%s.pdf" % (count, paper)
                t.ok("report", "p%d.json" % count, out, "--paper", paper, "--scenario", reported)
                t.expect(harness.pdf_pages(t, out) == 1, "%s: one page expected" % out)
                text = flat_text(t, out)
                if text is None:
                    return "text not checked: pdftotext (poppler-utils) is not installed"
                t.expect("more scenario" not in text, "%s: no scenario left out: %r" % (out, text))
                t.expect("\u2026" not in text, "%s: nothing cut with an ellipsis: %r" % (out, text))
                for name in CLIENT_NAMES[:count]:
                    t.expect(name in text, "%s: %r whole in the table: %r" % (out, name, text))
                # The footer: the project and the scenario reported, whole.
                t.expect("%s \u2014 %s" % (project["name"], reported) in text,
                         "%s: the footer names both whole: %r" % (out, text))


def display_change(value):
    """fw_display_change()'s text in the C locale: "+316", "−7.7",
    "+0.39", "±0"; one decimal from 1 on, none from 10 on."""
    m = abs(value)
    if round(m * 10) / 10 >= 10:
        text = "%.0f" % m
    elif round(m * 100) / 100 >= 1:
        text = ("%.1f" % m).rstrip("0").rstrip(".")
    else:
        text = ("%.2f" % m).rstrip("0").rstrip(".")
    if not any(c in "123456789" for c in text):
        return "±0"
    return ("\u2212" if value < 0 else "+") + text


@test
def report_comparison_shows_differences(t):
    """The comparison table says what the window's Compare page says:
    under each figure of a scenario after the first, its difference from
    the first, in the same words, signs and digits (the consultant's
    baseline and its copy without the costliest friction)."""
    project = json.loads(json.dumps(harness.SAMPLE))
    baseline = project["scenarios"][0]
    copy = json.loads(json.dumps(baseline))
    copy["name"] = "Baseline (copy)"
    copy["points"] = []
    project["scenarios"] = [baseline, copy]
    text = report_text(t, project)
    if text is None:
        return "text not checked: pdftotext (poppler-utils) is not installed"
    t.expect("Below each figure: its difference from \u201cBaseline\u201d." in text,
             "the table says what its smaller figures are, as the window does: %r" % text)

    first, other = json.loads(t.ok("compare", "p.json", "--format", "json").text)
    columns = ("customers_end", "total_new_customers", "total_churn", "total_referrals")
    expected = [display_change(other[k] - first[k]) for k in columns]
    t.expect(other["customers_end"] - first["customers_end"] > 1, "removing the friction gains customers")
    t.expect(expected[0].startswith("+"), "a gain is written with a plus: %r" % expected)
    # After the copy's name and its figures, its differences, in the
    # columns' order; the first scenario's row has none.
    row = text[text.index("Baseline (copy)"):]
    at = 0
    for difference in expected:
        found = re.compile(r"(?<!\S)%s(?!\S)" % re.escape(difference)).search(row, at)
        t.expect(found is not None, "the copy's difference %r after %r: %r"
                 % (difference, row[:at], row))
        at = found.end()
    before_copy = text[text.index("Scenarios compared"):text.index("Baseline (copy)")]
    # The columns of sums say over what (user review, C7).
    t.expect(re.search(r"Churn\s+over\s+\d+\s+months", before_copy) is not None,
             "the churn column says over the horizon: %r" % before_copy)
    t.expect(not any(d in before_copy for d in expected),
             "the first scenario's row has no differences: %r" % before_copy)


@test
def report_paper_follows_lc_paper(t):
    t.write_json("p.json", harness.SAMPLE)
    env = {"LC_ALL": "", "LANG": "C.UTF-8"}
    if locale_installed("de_DE.UTF-8"):
        t.ok("report", "p.json", "de.pdf", env=dict(env, LC_PAPER="de_DE.UTF-8"))
        size = page_size(t, "de.pdf")
        if size is not None:
            t.expect(size == A4, "LC_PAPER=de_DE: A4 expected, got %r" % (size,))
    if not locale_installed("en_US.UTF-8"):
        return "US Letter not checked: the en_US.UTF-8 locale is not installed"
    t.ok("report", "p.json", "us.pdf", env=dict(env, LC_PAPER="en_US.UTF-8"))
    t.ok("report", "p.json", "us-all.pdf", env={"LC_ALL": "en_US.UTF-8"})
    t.ok("report", "p.json", "c.pdf", env={"LC_ALL": "C.UTF-8"})
    t.ok("report", "p.json", "forced.pdf", "--paper", "a4", env=dict(env, LC_PAPER="en_US.UTF-8"))
    sizes = [page_size(t, name) for name in ("us.pdf", "us-all.pdf", "c.pdf", "forced.pdf")]
    if sizes[0] is None:
        return "sizes not checked: pdfinfo (poppler-utils) is not installed"
    t.expect(sizes == [LETTER, LETTER, A4, A4], "Letter, Letter, A4, A4 expected: %r" % sizes)


@test
def report_fonts_are_embedded(t):
    if shutil.which("pdffonts") is None:
        return "not checked: pdffonts (poppler-utils) is not installed"
    t.write_json("p.json", harness.SAMPLE)
    t.ok("report", "p.json", "report.pdf")
    out = subprocess.run(["pdffonts", t.path("report.pdf")], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8").splitlines()[2:]
    t.expect(out, "the report has fonts (its text is text)")
    for line in out:
        # name type encoding emb sub uni id: "emb" is the fourth field from the end.
        t.expect(line.split()[-5] == "yes", "every font embedded: %r" % line)


@test
def report_bad_input_leaves_out_alone(t):
    t.write_json("p.json", harness.SAMPLE)
    with open(t.path("keep.pdf"), "wb") as f:
        f.write(b"keep")
    t.fails(2, "report", "p.json", "report.png", contains=["report.png", ".pdf"])
    t.fails(2, "report", "p.json", ".pdf", contains=[".pdf"])
    t.fails(2, "report", "p.json", contains=["OUT"])
    t.fails(2, "report", "p.json", "keep.pdf", "--scenario", "Nope",
            contains=["Nope", "Baseline", "Growth"])
    t.fails(2, "report", "p.json", "keep.pdf", "--paper", "b5", contains=["--paper", "a4", "letter"])
    t.fails(2, "report", "missing.json", "keep.pdf", contains=["missing.json"])
    t.write_json("bad.json", "{ not json")
    t.fails(2, "report", "bad.json", "keep.pdf", contains=["bad.json"])
    t.fails(1, "report", "p.json", os.path.join("no-such-folder", "r.pdf"),
            contains=["no-such-folder"])
    t.expect(t.read_bytes("keep.pdf") == b"keep", "a failed report leaves OUT as it was")
    t.expect(sorted(os.listdir(t.dir)) == ["bad.json", "keep.pdf", "p.json"],
             "nothing else written: %r" % os.listdir(t.dir))
    help_text = t.ok("report", "--help").text
    for needle in ("FILE OUT", "--scenario", "--paper", "LC_PAPER", "one page"):
        t.expect(needle in help_text, "report --help should mention %r" % needle)


@test
def chart_exports_draw_the_band(t):
    project = json.loads(json.dumps(harness.SAMPLE))
    project["scenarios"][0]["uncertainty"] = harness.SPREADS
    t.write_json("p.json", project)
    t.ok("export", "p.json", "band.svg", "--what", "chart")
    t.ok("export", "p.json", "none.svg", "--what", "chart", "--scenario", "Growth")
    t.ok("export", "p.json", "band.pdf", "--what", "chart")
    text = flat_text(t, "band.pdf")
    if text is not None:
        t.expect("10th–90th percentile" in text, "the band is in the legend: %r" % text)
        t.ok("export", "p.json", "none.pdf", "--what", "chart", "--scenario", "Growth")
        t.expect("percentile" not in flat_text(t, "none.pdf"),
                 "a scenario without spreads has no band")
    # The same band as `simulate --draws 1000`: the band's median reaches
    # where simulate says, so it is drawn from the same numbers.
    rows = t.csv_rows(t.ok("simulate", "p.json", "--draws", "1000"))
    t.expect(rows[0][-3:] == ["customers_p10", "customers_p50", "customers_p90"], rows[0])
    band = t.read_bytes("band.svg")
    none = t.read_bytes("none.svg")
    t.expect(len(band) > 0 and band != none, "the band changes the drawing")


def pdf_strokes(data):
    """The stroked polylines of a PDF written by cairo: (stroke colour,
    [(x, y), ...]) for each path of straight segments ended by S, read
    from the page's Flate-compressed content streams."""
    import zlib
    strokes = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            content = zlib.decompress(match.group(1)).decode("latin-1")
        except zlib.error:
            continue
        operands, points, color, curved = [], [], None, False
        for token in content.split():
            if re.fullmatch(r"-?(\d+\.?\d*|\.\d+)", token):
                operands.append(float(token))
                continue
            if token == "RG" and len(operands) >= 3:
                color = tuple(operands[-3:])
            elif token in ("m", "l") and len(operands) >= 2:
                points.append(tuple(operands[-2:]))
            elif token in ("c", "v", "y", "re"):
                curved = True
            elif token == "S":
                if points and not curved:
                    strokes.append((color, points))
                points, curved = [], False
            elif token in ("f", "f*", "n", "B", "b", "s"):
                points, curved = [], False
            operands = []
    return strokes


@test
def report_chart_draws_every_month(t):
    """V10-03: at H = 60 the report's chart (about 8 points a month) drew
    the customers through a vertex every 3-4 months, corners a reader
    saw: the line was simplified within 0.2 of a point, the PDF's unit.
    It must pass within a quarter of a pixel at 300 dpi (0.06 pt) of
    every month's value, as the window's does of its pixels."""
    project = json.loads(json.dumps(harness.SAMPLE))
    project["horizon"] = 60
    t.write_json("p.json", project)
    t.ok("report", "p.json", "report.pdf")
    rows = t.csv_rows(t.ok("simulate", "p.json"))
    customers = [float(row[rows[0].index("customers")]) for row in rows[1:]]
    t.expect(len(customers) == 61, "61 rows: %d" % len(customers))
    blue = (0x1c / 255, 0x71 / 255, 0xd8 / 255)
    lines = [points for color, points in pdf_strokes(t.read_bytes("report.pdf"))
             if color is not None and len(points) > 2
             and max(abs(a - b) for a, b in zip(color, blue)) < 0.01]
    t.expect(len(lines) == 1, "one customers line in the report: %d" % len(lines))
    line = lines[0]
    (x0, y0), (x1, y1) = line[0], line[-1]
    worst = 0.0
    for month, value in enumerate(customers):
        x = x0 + (x1 - x0) * month / 60
        y = y0 + (y1 - y0) * (value - customers[0]) / (customers[-1] - customers[0])
        for (ax, ay), (bx, by) in zip(line, line[1:]):
            if ax - 1e-3 <= x <= bx + 1e-3:
                drawn = ay + (by - ay) * (x - ax) / (bx - ax) if bx > ax else ay
                worst = max(worst, abs(drawn - y))
                break
        else:
            t.expect(False, "month %d is not under the line" % month)
    t.expect(worst <= 0.06, "the line strays %.3f pt from a month's value (%d vertices)"
             % (worst, len(line)))


def ranked_rows(text, heading, end):
    """How many ranked rows a list of the report shows, and how many it
    says are left out ("and N more"), from pdftotext -raw's flat text."""
    start = text.index(heading) + len(heading)
    # pdftotext -raw gives some pages' right-hand list twice, heading
    # and all: the list ends where its heading comes again.
    stops = [i for i in (text.find(end, start), text.find(heading, start)) if i >= 0]
    part = text[start:min(stops)]
    shown = len(re.findall(r"(?:^| )\d+ (?=\S)", re.split(r" and \d+ more", part)[0]))
    more = re.search(r"and (\d+) more", part)
    return shown, int(more.group(1)) if more else 0


@test
def report_friction_list_as_long_as_forces(t):
    """V10-04: on US Letter "Costliest friction" showed 2 points and "and
    3 more" while "Strongest forces" beside it showed 3 in the same
    height: the friction list kept a ranked row's room for its "and N
    more" line, the forces (cut nowhere) did not. What to fix first must
    list at least as many points as the forces beside it."""
    if shutil.which("pdftotext") is None:
        return "not checked: pdftotext (poppler-utils) is not installed"
    checked = 0
    for n_points in (7, 9, 12):
        for n_scenarios in (3, 4, 5):
            project = report_projects.project(n_stages=7, n_points=n_points, n_scenarios=n_scenarios,
                                              horizon=60)
            t.write_json("p.json", project)
            for paper in ("a4", "letter"):
                t.ok("report", "p.json", "r.pdf", "--paper", paper)
                text = flat_text(t, "r.pdf")
                frictions, friction_more = ranked_rows(text, "Costliest friction", "Strongest forces")
                forces, _ = ranked_rows(text, "Strongest forces", "Impact:")
                t.expect(frictions + friction_more == (n_points + 1) // 2,
                         "every friction shown or counted: %r" % text)
                if friction_more > 0:
                    checked += 1
                    t.expect(frictions >= forces,
                             "%d points, %d scenarios, %s: %d frictions and \"and %d more\" beside "
                             "%d forces: %r" % (n_points, n_scenarios, paper, frictions, friction_more,
                                                forces, text))
                    # Three scenarios leave room for three of each when
                    # the chart gives up its last sixth (the verifier's
                    # page: 3 frictions and "and 2 more" on Letter).
                    if n_scenarios == 3:
                        t.expect(frictions >= 3, "%d points, %s: %d frictions listed: %r"
                                 % (n_points, paper, frictions, text))
    t.expect(checked > 0, "some friction list was cut, so the rule was tried")


@test
def report_at_the_longest_horizon_draws_where_it_settles(t):
    """V10-10: at MODEL.md's longest horizon (100000 months) the report's
    chart drew every change in its first pixel column. It now stops a
    margin after the projection settles and says so on the chart; the
    figures stay those at month 100000."""
    project = report_projects.project(n_stages=16, n_points=20, n_scenarios=3, horizon=100000)
    text = report_text(t, project)
    if text is None:
        return "text not checked: pdftotext (poppler-utils) is not installed"
    t.expect("Projection over 100000 months" in text, "the horizon named: %s" % text[:300])
    match = re.search(r"Drawn to month (\d+) of 100000: from month (\d+) on, every line stays "
                      r"level \((\d+) customers\)\.", text)
    t.expect(match is not None, "the chart says where it stops: %s" % text)
    if match:
        shown, settled = int(match.group(1)), int(match.group(2))
        t.expect(settled < shown <= 10000, "drawn to %d, settled at %d" % (shown, settled))
        t.expect("Customers now and after 100000 months" in text, text)
        # The customers it stays at are the summary's, customers(H).
        t.expect(re.search(r"→ %s Customers now and after" % match.group(3), text) is not None,
                 "the level said is customers at month 100000: %s" % text[:600])


def main():
    harness.TESTS[:] = TESTS
    return harness.main()


if __name__ == "__main__":
    sys.exit(main())
