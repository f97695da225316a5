#!/usr/bin/python3
# tests/reference/random_projects.py
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes random valid projects in the JSON interchange format (MODEL.md),
# reproducibly from a seed, so the C program and the reference can be run on
# many inputs nobody picked by hand: edge rates, exact arc boundaries,
# negative angles, awkward names for CSV quoting, and now and then a wheel
# that grows past the range of a double.
#
# Usage: random_projects.py [--seed S] [--count N] [--out DIR]
# (without --out, prints the projects as a JSON list).

import argparse
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import flywheel_reference as ref  # noqa: E402

PERIODS = ["week", "month", "quarter"]

# Names that matter for CSV quoting and JSON escapes.  None is longer than
# 80 bytes in UTF-8 (so it is valid however "characters" is counted) and
# none has leading or trailing whitespace or a control character.
TRICKY_NAMES = [
    'Café, "VIP"',
    "Attract",
    "Sign up",
    "a,b",
    'say "hi"',
    '"',
    '""',
    ",",
    "x, y, z",
    "inner   spaces",
    "Ünïcødé",
    "日本語の段階",
    "emoji 😀 stage",
    "back\\slash",
    "'single'",
    "semi;colon",
    "=SUM(A1)",
    "#hash",
    "what?!",
    "Ελληνικά",
    "period",
    "total",
    "100%",
    "a" * 80,
    "ü" * 40,
    "1e5",
    "-dash",
]

WORDS = ["attract", "engage", "delight", "trial", "onboard", "active",
         "loyal", "fan", "lead", "churned", "buyer", "advocate", "visitor",
         "signup", "renew", "upsell"]


def _name(rng, taken=None):
    """A valid name, unique in `taken` when given."""
    for attempt in range(1000):
        roll = rng.random()
        if roll < 0.35:
            name = rng.choice(TRICKY_NAMES)
        elif roll < 0.9:
            words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
            name = " ".join(words)
            if rng.random() < 0.5:
                name = name.capitalize()
        else:
            name = "".join(rng.choice("abcdefghij ,\"'é") for _ in
                           range(rng.randint(1, 30))).strip()
            if not name:
                name = "s"
        if attempt > 10:
            name = "%s %d" % (name[:30], attempt)
        if rng.random() < 0.05 and name[0] != "-" and len(name.encode()) < 80:
            name = "-" + name  # generate() keeps it off scenario names
        if taken is None or name not in taken:
            if taken is not None:
                taken.add(name)
            return name
    raise RuntimeError("no unique name")


def _color(rng):
    return "#%06x" % rng.randrange(0x1000000)


def _count(rng):
    roll = rng.random()
    if roll < 0.2:
        return 0
    if roll < 0.45:
        return rng.randint(1, 1000000)
    if roll < 0.55:
        return rng.choice([1, 1e6, 0.5, 1e-9])
    return round(rng.uniform(0, 10 ** rng.uniform(0, 6)), rng.randint(0, 6))


def _fraction(rng):
    roll = rng.random()
    if roll < 0.15:
        return 0
    if roll < 0.2:
        return 1
    if roll < 0.5:
        return round(rng.random(), 2)
    return rng.random() * rng.choice([1, 0.3, 0.05])


def _advance_loss(rng):
    roll = rng.random()
    if roll < 0.08:
        a, l = 0, 0
    elif roll < 0.25:
        a = _fraction(rng)
        l = 1 - a  # exactly 1 in total (made so below if rounding says not)
    elif roll < 0.3:
        a, l = rng.choice([(1, 0), (0, 1)])
    else:
        a, l = _fraction(rng), _fraction(rng)
        if a + l > 1:
            a, l = a / 2, l / 2
    while a + l > 1:
        l = math.nextafter(l, 0)
    return a, l


def _referral(rng, blowup):
    if blowup and rng.random() < 0.7:
        return rng.uniform(50, 100)
    roll = rng.random()
    if roll < 0.45:
        return 0
    if roll < 0.85:
        return round(rng.uniform(0, 0.3), 3)
    if roll < 0.97:
        return rng.uniform(0, 2)
    return rng.choice([1, 2])


def _weight(rng):
    roll = rng.random()
    if roll < 0.35:
        return 1
    if roll < 0.5:
        return rng.randint(1, 10)
    if roll < 0.6:
        return rng.choice([0.001, 0.01, 100, 0.1, 0.2, 0.7, 1 / 3])
    return rng.uniform(0.01, 5)


def _effect(rng, low, high, blowup):
    roll = rng.random()
    if roll < 0.3:
        return 0
    if roll < 0.75:
        return round(rng.uniform(max(low, -0.5), min(high, 0.5)), 2)
    if roll < 0.85:
        return rng.choice([low, high, -0.25, 0.25])
    if blowup:
        return rng.uniform(low, high)
    return rng.uniform(low, min(high, 1.0))


def _angle(rng, starts):
    roll = rng.random()
    n = len(starts) - 1
    if roll < 0.35:
        return rng.uniform(-720, 720)
    if roll < 0.55:
        return starts[rng.randrange(n)]  # an exact arc boundary
    if roll < 0.65:
        return starts[rng.randrange(n)] + rng.choice([-720, -360, 360, 720])
    if roll < 0.75:
        return rng.choice([0, 360, -360, 720, -720, 0.0, 360.0])
    if roll < 0.9:
        return rng.randint(-720, 720)
    if roll < 0.95:
        return rng.choice([-1e-15, -1e-9, 1e-9, 359.99999999999994, -0.5])
    return round(rng.uniform(-720, 720), 1)


def _stage(rng, taken, blowup):
    a, l = _advance_loss(rng)
    st = {"name": _name(rng, taken)}
    fields = [
        ("color", _color(rng)),
        ("count", _count(rng)),
        ("customer", rng.random() < 0.4),
        ("advance", a),
        ("loss", l),
        ("referral", _referral(rng, blowup)),
        ("weight", _weight(rng)),
    ]
    for key, value in fields:
        # Leave a field out now and then; the model's default then applies.
        if rng.random() < 0.1:
            continue
        st[key] = value
    return st


def _point(rng, starts, blowup):
    pt = {"name": _name(rng), "angle": _angle(rng, starts)}
    fields = [
        ("kind", rng.choice(["friction", "force"])),
        ("conversion", _effect(rng, -1, 10, blowup)),
        ("churn", _effect(rng, -1, 1, blowup)),
        ("referral", _effect(rng, -1, 10, blowup)),
        ("enabled", rng.random() < 0.8),
        ("note", rng.choice(["", "", "why, \"because\"", "ñ\nline two"])),
    ]
    for key, value in fields:
        if rng.random() < 0.1:
            continue
        pt[key] = value
    return pt


def _scenario(rng, taken, blowup):
    n = rng.randint(2, 16)
    stage_names = set()
    stages = [_stage(rng, stage_names, blowup) for _ in range(n)]
    if rng.random() < 0.1:
        # very unequal arcs
        for st in stages:
            st["weight"] = rng.choice([0.001, 100, 1, 0.01])
    starts = ref.arc_starts([st.get("weight", 1) for st in stages])
    n_points = rng.choice([0, rng.randint(0, 5), rng.randint(0, 40)])
    points = [_point(rng, starts, blowup) for _ in range(n_points)]
    if blowup:
        # a few strong referral forces, so the wheel outgrows a double
        for _ in range(rng.randint(1, 4)):
            points.append({"name": _name(rng), "kind": "force",
                           "angle": rng.choice([0, 360, -720]),
                           "referral": rng.choice([5, 10])})
    inflow = rng.choice([0, rng.randint(0, 1000), rng.uniform(0, 1000),
                         round(rng.uniform(0, 100), 1)])
    sc = {"name": _name(rng, taken), "inflow": inflow, "stages": stages}
    if points or rng.random() < 0.7:
        sc["points"] = points
    return sc


def _uncertainty(rng):
    """MODEL.md's optional spreads: absent, some keys, or all four, with
    the ends of the range."""
    keys = [k for k in ("advance", "loss", "referral", "inflow")
            if rng.random() < 0.6]
    return {k: rng.choice([0, 1, rng.uniform(0, 1), 0.1, 0.25]) for k in keys}


def add_uncertainty(project, seed, index):
    """Spreads on about half the scenarios, drawn from a generator of
    their own so that the rest of each project stays as it was."""
    rng = random.Random("flywheel-spreads/%d/%d" % (seed, index))
    for sc in project["scenarios"]:
        if rng.random() < 0.5:
            sc["uncertainty"] = _uncertainty(rng)
    return project


def generate(seed, index):
    """Project number `index` of the series for `seed` (a plain dict)."""
    rng = random.Random("flywheel/%d/%d" % (seed, index))
    # About one project in twenty has a wheel that grows past a double.
    blowup = rng.random() < 0.05
    taken = set()
    scenarios = []
    for _ in range(rng.randint(1, 3)):
        sc = _scenario(rng, taken, blowup and rng.random() < 0.7)
        # scenario names are given on the command line: no leading '-'
        if sc["name"].startswith("-"):
            taken.discard(sc["name"])
            sc["name"] = sc["name"].lstrip("-") or "scenario"
            while sc["name"] in taken:
                sc["name"] += " bis"
            taken.add(sc["name"])
        scenarios.append(sc)
    return add_uncertainty({
        "format": "flywheel",
        "version": 1,
        "name": _name(rng),
        "period": rng.choice(PERIODS),
        "horizon": (rng.randint(110, 120) if blowup else
                    rng.choice([1, 2, rng.randint(1, 24),
                                rng.randint(1, 120)])),
        "scenarios": scenarios,
    }, seed, index)


def dumps(project, seed, index):
    """JSON text for a project; ASCII escapes on some, raw UTF-8 on others."""
    rng = random.Random("flywheel-json/%d/%d" % (seed, index))
    return json.dumps(project, ensure_ascii=rng.random() < 0.3,
                      indent=rng.choice([None, 2]), allow_nan=False)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write random valid flywheel projects (JSON).")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--out", help="directory to write project-N.json into")
    args = ap.parse_args(argv)
    projects = [generate(args.seed, i) for i in range(args.count)]
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        for i, p in enumerate(projects):
            path = os.path.join(args.out, "project-%d.json" % i)
            with open(path, "w", encoding="utf-8") as f:
                f.write(dumps(p, args.seed, i))
                f.write("\n")
    else:
        json.dump(projects, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
