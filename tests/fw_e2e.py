# tests/fw_e2e.py: what the end-to-end tests share: the real program,
# found through AT-SPI as a screen reader finds it, driven by xdotool.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import contextlib
import json
import math
import subprocess
import time

import pyatspi

# How long a test waits for what it expects before it fails: a bound for
# failing (an instrumented build on a machine shared by many builds takes
# that long to open a dialog), never a speed. A pass returns at once;
# speed is measured by the benchmarks (tests/bench-*), never asserted.
PATIENCE = 60


def arguments():
    """The programs under test: --app (flywheel) and --cli (flywheel-cli)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--cli", required=True)
    return parser.parse_args()


def log(*args):
    print("#", *args, flush=True)


def xdotool(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True)


def find_app(name, timeout=PATIENCE):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    raise AssertionError(f"no application called {name!r} on the accessibility bus")


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def eventually(predicate, timeout=PATIENCE, step=0.1):
    """Whether @predicate becomes true within @timeout seconds: what
    input changes shows a moment later, later still in an instrumented
    build on a loaded machine. A pass returns at once."""
    end = time.time() + timeout
    while True:
        try:
            if predicate():
                return True
        except Exception:
            pass
        if time.time() >= end:
            return False
        time.sleep(step)


def wait_for(condition, what, timeout=PATIENCE, context=None):
    """Returns once @condition() is true; fails naming @what (and what
    @context(), if given, says about the screen) if it never was."""
    end = time.time() + timeout
    while time.time() < end:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}" + (f" ({context()})" if context else ""))


def find(app, predicate, what, timeout=PATIENCE):
    """The first node under @app that @predicate accepts, looked for
    again until it shows (PATIENCE). A node already there returns at
    once."""
    end = time.time() + timeout
    while time.time() < end:
        for node in walk(app):
            try:
                if predicate(node):
                    return node
            except Exception:
                continue
        time.sleep(0.2)
    raise AssertionError(f"found no {what}")


def find_wheel(app, screen):
    """The wheel, by the start of the name a screen reader hears and its
    width."""
    return find(app, lambda n: (n.name or "").startswith("Flywheel") and
                screen.extents(n)[2] > 300, "the wheel")


@contextlib.contextmanager
def running(*argv):
    """The program started with @argv, ended when the block is left:
    asked to end (SIGTERM), killed if it has not within ten seconds."""
    app = subprocess.Popen(list(argv))
    try:
        yield app
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()


def window_origin(name="Flywheel"):
    """Where the program's window is on the screen: GTK 4.8 reports
    positions within the window only."""
    out = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", name,
                          "getwindowgeometry", "--shell"],
                         check=True, capture_output=True, text=True, timeout=30).stdout
    values = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return int(values["X"]), int(values["Y"])


class Screen:
    """Positions on the screen of accessible objects in one window."""

    def __init__(self, origin):
        self.origin = origin

    def extents(self, node):
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return box.x + self.origin[0], box.y + self.origin[1], box.width, box.height

    def centre(self, node):
        x, y, w, h = self.extents(node)
        return x + w // 2, y + h // 2


def click(x, y):
    xdotool("mousemove", x, y)
    time.sleep(0.2)
    xdotool("click", 1)


def drag(start, end, steps=8, before_release=None):
    xdotool("mousemove", *start)
    time.sleep(0.3)
    xdotool("mousedown", 1)
    time.sleep(0.2)
    for k in range(1, steps + 1):
        x = round(start[0] + (end[0] - start[0]) * k / steps)
        y = round(start[1] + (end[1] - start[1]) * k / steps)
        xdotool("mousemove", x, y)
        time.sleep(0.1)
    time.sleep(0.3)
    if before_release is not None:
        before_release()
    xdotool("mouseup", 1)


def dump(cli, path):
    out = subprocess.run([cli, "dump", path], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def stage_arcs(stages):
    """Each stage's arc, as MODEL.md lays them out: (start, end) degrees."""
    total = sum(s["weight"] for s in stages)
    arcs, s = [], 0.0
    for stage in stages:
        e = s + 360.0 * stage["weight"] / total
        arcs.append((s, e))
        s = e
    return arcs


def stage_at(stages, angle):
    a = angle % 360.0
    for i, (_, e) in enumerate(stage_arcs(stages)[:-1]):
        if a < e:
            return i
    return len(stages) - 1


def wheel_point(box, degrees, fraction=None, radius=None):
    """The screen position at @degrees on the wheel drawn in @box (x, y,
    w, h), either at @fraction of the smaller side or at @radius."""
    x, y, w, h = box
    r = radius if radius is not None else fraction * min(w, h)
    return (round(x + w / 2 + r * math.sin(math.radians(degrees))),
            round(y + h / 2 - r * math.cos(math.radians(degrees))))


def rim_radius(box):
    """The radius the point markers sit on: src/render/fw-wheel-layout.c."""
    size = min(box[2], box[3])
    label = min(max(size * 0.021, 12.0), 30.0)
    marker = max(label * 0.8, 9.0)
    outer = max(size / 2.0 - (marker * 1.2 + label * 3.0), size * 0.2)
    return outer + marker * 0.15


def focused(app):
    for node in walk(app):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


class Tap:
    """TAP output for a handful of named checks in one program run."""

    def __init__(self):
        self.results = []

    def run(self, name, func, *args):
        try:
            func(*args)
            self.results.append((True, name, ""))
        except Exception as error:  # an assertion, or AT-SPI giving up
            self.results.append((False, name, f"{type(error).__name__}: {error}"))
            log(name, "failed:", error)

    def finish(self):
        print(f"1..{len(self.results)}")
        for i, (ok, name, why) in enumerate(self.results, 1):
            print(f"{'ok' if ok else 'not ok'} {i} {name}" + (f" # {why}" if why else ""))
        return 0 if all(ok for ok, _, _ in self.results) else 1
