#!/usr/bin/python3
# tests/test-e2e.py: the real program, driven by real input.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run inside tests/with-display.py --atspi. Starts `flywheel FILE` on a
# fresh project, finds the catalog entry and the wheel by their
# accessible names (as a screen reader would), drags the entry onto the
# wheel's second stage with the mouse (xdotool), presses Ctrl+S, and then
# reads the file back with `flywheel-cli dump`: the new point must be
# there, on that stage.
import json
import math
import os
import subprocess
import sys
import tempfile
import time

from fw_e2e import (Screen, arguments, drag, dump, find, find_app, find_wheel, log, running,
                    stage_at, wait_for, window_origin, xdotool)

ENTRY_ID = "cant-try-before-buying"


def main():
    args = arguments()

    catalog = json.loads(subprocess.run([args.cli, "catalog", "--format", "json"], check=True,
                                        capture_output=True, text=True).stdout)
    entries = catalog if isinstance(catalog, list) else catalog.get("entries", catalog)
    entry = next(e for e in entries if e["id"] == ENTRY_ID)

    with tempfile.TemporaryDirectory(prefix="fw-e2e-") as tmp:
        path = os.path.join(tmp, "Client.flywheel")
        subprocess.run([args.cli, "new", "--template", "attract-engage-delight", path], check=True)
        before = dump(args.cli, path)
        n_before = len(before["scenarios"][0]["points"])
        stages = before["scenarios"][0]["stages"]

        with running(args.app, path):
            accessible = find_app("flywheel")
            screen = Screen(window_origin())
            extents = screen.extents
            row = find(accessible, lambda n: entry["name"] in (n.name or "") and
                       n.getRoleName() in ("list item", "row", "push button", "label", "panel",
                                           "table row", "list box item", "section"),
                       f"catalog entry {entry['name']!r}")
            wheel = find_wheel(accessible, screen)
            time.sleep(1.0)

            rx, ry, rw, rh = extents(row)
            wx, wy, ww, wh = extents(wheel)
            log("row", (rx, ry, rw, rh), "wheel", (wx, wy, ww, wh))

            # The middle of the second stage's arc, well inside the wheel.
            total = sum(s["weight"] for s in stages)
            start_angle = 360.0 * stages[0]["weight"] / total
            middle = start_angle + 180.0 * stages[1]["weight"] / total
            radius = 0.3 * min(ww, wh)
            target = (round(wx + ww / 2 + radius * math.sin(math.radians(middle))),
                      round(wy + wh / 2 - radius * math.cos(math.radians(middle))))
            drag((rx + rw // 3, ry + rh // 2), target)
            time.sleep(0.5)

            xdotool("key", "ctrl+s")
            wait_for(lambda: len(dump(args.cli, path)["scenarios"][0]["points"]) != n_before,
                     "the saved file to change")
            after = dump(args.cli, path)

    points = after["scenarios"][0]["points"]
    assert len(points) == n_before + 1, f"expected {n_before + 1} points after the drop, found {len(points)}"
    point = points[-1]
    assert point["name"] == entry["name"], point
    stage = stage_at(after["scenarios"][0]["stages"], point["angle"])
    assert stage == 1, f"the point landed on stage {stage}, not on stage 1 ({stages[1]['name']})"
    log("dropped", point["name"], "at", point["angle"], "on", stages[stage]["name"])
    print("1..1\nok 1 /e2e/drag-catalog-point-onto-stage-and-save")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"1..1\nnot ok 1 /e2e/drag-catalog-point-onto-stage-and-save # {error}")
        sys.exit(1)
