#!/usr/bin/python3
# tests/test-e2e-intent.py: what a user means survives real input.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run inside tests/with-display.py --atspi. Starts `flywheel FILE` and,
# finding widgets by their accessible names as a screen reader would and
# driving them with xdotool:
#  - every control a keyboard or a screen reader reaches in the window
#    (each page of the side panel, presenting too), the New Project
#    dialog and the point editor has a name that is neither empty, a GTK
#    type name, nor read with a mnemonic underscore, and the compare
#    boxes, spread fields and the chart's series button say what they do;
#  - the projection shown as a table: the table and the group around it
#    named, none of Flywheel's own elements read as its type name;
#  - Space toggles the point editor's Enabled switch;
#  - Escape during a drag of a point takes the drag back with nothing
#    left to redo;
#  - Escape in a field takes back a refused value kept there;
#  - the click that follows ticking "Paying customers" lands where the
#    user aimed, and what is typed next goes into that field;
#  - presenting, a click on the wheel, Right and Enter leave the focus
#    on something visible.
import os
import re
import subprocess
import sys
import tempfile
import time

import pyatspi

from fw_e2e import (PATIENCE, Screen, eventually, Tap, arguments, click, drag, dump, find, find_app,
                    find_wheel, focused, log, rim_radius, running, stage_arcs, wait_for, walk,
                    wheel_point, window_origin, xdotool)

# Empty, a GTK type name, or a mnemonic underscore ("_Open", "Re_move").
BAD_NAME = re.compile(r"^\s*$|^Gtk[A-Z]|(^|[A-Za-z])_[A-Za-z]")
SKIPPED_ROLES = {"label", "frame", "dialog", "window", "application"}


def read_twice(name):
    """GTK 4.8 reads a field's own name and then its caption's: "Note
    Note", "Advance, stage Engage Advance". True when the name ends with
    words it already said."""
    words = name.split()
    for k in range(1, min(6, len(words) // 2) + 1):
        tail = words[-k:]
        if any(words[i:i + k] == tail for i in range(len(words) - k)):
            return True
    return False


def on_screen(node):
    state = node.getState()
    if not state.contains(pyatspi.STATE_VISIBLE):
        return False
    _, _, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return w > 0 and h > 0


def actionable(node):
    if node.getState().contains(pyatspi.STATE_FOCUSABLE):
        return True
    try:
        return node.queryAction().nActions > 0 and node.getRoleName() not in SKIPPED_ROLES
    except NotImplementedError:
        return False


def inside_button(node):
    """Parts of a button (the item a drop-down shows on it): a keyboard
    and a screen reader reach the button, whose name is checked."""
    parent = node.parent
    while parent is not None:
        if parent.getRoleName() in ("push button", "toggle button"):
            return True
        parent = parent.parent
    return False


def badly_named(root):
    """The focusable or actionable controls on screen under @root whose
    name a screen reader cannot use."""
    bad, seen = [], 0
    for node in walk(root):
        try:
            if (node.getRoleName() in SKIPPED_ROLES or not on_screen(node) or
                    not actionable(node) or inside_button(node)):
                continue
        except Exception:
            continue
        seen += 1
        if BAD_NAME.search(node.name or "") or read_twice(node.name):
            bad.append(f"{node.getRoleName()} {node.name!r}")
    assert seen > 0, f"no controls found in {root.name!r}"
    log(root.name, ":", seen, "controls checked")
    return bad


def file_identity(path):
    """Which file @path names now (None if none): a save's rename makes
    it another."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


class Session:
    def __init__(self, args, path):
        self.args = args
        self.path = path
        self.app = find_app("flywheel")
        self.screen = Screen(window_origin())
        time.sleep(1.0)
        self.wheel = find_wheel(self.app, self.screen)

    def named(self, name, role=None):
        return find(self.app, lambda n: n.name == name and (role is None or n.getRoleName() == role),
                    f"{role or 'widget'} {name!r}")

    def sensitive(self, name):
        return self.named(name, "push button").getState().contains(pyatspi.STATE_SENSITIVE)

    def saved(self):
        """Ctrl+S, then the file as saved. A save writes a new file and
        renames it over the old one (fw-store-file.h), so the save is
        done when the name leads to another file: waited for, not slept
        on (a save under load can take longer than any fixed sleep)."""
        before = file_identity(self.path)
        xdotool("key", "ctrl+s")
        wait_for(lambda: file_identity(self.path) != before, f"Ctrl+S to save {self.path}")
        return dump(self.args.cli, self.path)

    def open_editor_on_first_point(self):
        # The wheel from the keyboard: first stage, its first point, edit.
        click(*wheel_point(self.screen.extents(self.wheel), 0, fraction=0.0))
        time.sleep(0.3)
        xdotool("key", "Home", "Down", "Return")
        return find(self.app, lambda n: (n.name or "").startswith("Edit point"), "the point editor")


def check_window_names(s):
    bad = badly_named(find(s.app, lambda n: n.getRoleName() == "frame", "the window"))
    assert not bad, "controls without a usable name: " + "; ".join(bad)


def check_side_pages_names(s):
    """The other pages of the side panel (points; compare and spreads),
    once shown, and what each control there does and to what: a compare
    box is not just a scenario's name, a spread field says it is an
    uncertainty, the chart's series button says what it chooses."""
    frame = find(s.app, lambda n: n.getRoleName() == "frame", "the window")
    try:
        for page in ("Friction & Forces", "Compare"):
            tab = s.named(page, "page tab")
            click(*s.screen.centre(tab))
            time.sleep(1.0)
            bad = badly_named(frame)
            assert not bad, f"on {page}: controls without a usable name: " + "; ".join(bad)
        names = []
        for node in walk(frame):
            try:
                if on_screen(node):
                    names.append(node.name or "")
            except NotImplementedError:
                continue
        compare = [n for n in names if n.startswith("Compare scenario ")]
        assert compare, "no compare box says what it does: " + repr([n for n in names if "Baseline" in n])
        spreads = [n for n in names if n.endswith("uncertainty (± %)")]
        assert len(spreads) == 4, f"spread fields: {spreads!r}"
        assert "Series shown" in names, "the chart's series button does not say what it chooses"
    finally:
        click(*s.screen.centre(s.named("Stages", "page tab")))
        time.sleep(0.5)


# One of Flywheel's own type names ("FwProjectionTable"): what GTK 4.8
# reads for an element given no role or name of its own.
OWN_TYPE_NAME = re.compile(r"^Fw[A-Z][A-Za-z]*$")


def check_projection_table_names(s):
    """The projection as a table: the table is "Projection table", and
    the group around it (its caption, the scenario chooser) is named by
    its caption, not read as its type name."""
    frame = find(s.app, lambda n: n.getRoleName() == "frame", "the window")
    click(*s.screen.centre(s.named("Table", "page tab")))
    try:
        table = s.named("Projection table", "tree table")
        group = table.parent
        while group is not None and group.getRoleName() != "panel":
            group = group.parent
        assert group is not None, "the table is in no group"
        assert group.name.endswith("period by period"), f"the table's group is called {group.name!r}"
        leaked = [f"{n.getRoleName()} {n.name!r}" for n in walk(frame) if OWN_TYPE_NAME.match(n.name or "")]
        assert not leaked, "read by their type name: " + "; ".join(leaked)
    finally:
        click(*s.screen.centre(s.named("Chart", "page tab")))
        time.sleep(0.5)


def check_presenting_names(s):
    xdotool("key", "F5")
    time.sleep(1.5)
    try:
        bad = badly_named(find(s.app, lambda n: n.getRoleName() == "frame", "the window"))
        assert not bad, "controls without a usable name while presenting: " + "; ".join(bad)
    finally:
        xdotool("key", "Escape")
        time.sleep(1.0)


def check_new_project_names(s):
    xdotool("key", "ctrl+n")
    time.sleep(1.5)
    try:
        bad = badly_named(find(s.app, lambda n: n.name == "New Flywheel", "the New Flywheel dialog"))
    finally:
        xdotool("key", "Escape")
        time.sleep(0.5)
    assert not bad, "controls without a usable name: " + "; ".join(bad)


def check_point_editor(s):
    s.open_editor_on_first_point()
    time.sleep(0.8)
    try:
        root = find(s.app, lambda n: (n.name or "").startswith("Edit point"), "the point editor")
        bad = badly_named(root)
        assert not bad, "controls without a usable name: " + "; ".join(bad)

        # Tab to the Enabled switch, then Space toggles it.
        switch = find(root, lambda n: n.getRoleName() == "check box", "the Enabled switch")
        for _ in range(20):
            if switch.getState().contains(pyatspi.STATE_FOCUSED):
                break
            xdotool("key", "ctrl+Tab")
            time.sleep(0.15)
        if not switch.getState().contains(pyatspi.STATE_FOCUSED):
            # Where the focus went instead, found by a walk of the whole
            # tree: only on failure, as each walk costs the instrumented
            # window hundreds of accessibility calls.
            now = focused(s.app)
            raise AssertionError("Tab never reached the Enabled switch; focus on "
                                 f"{now and (now.getRoleName(), now.name)!r}")
        was = switch.getState().contains(pyatspi.STATE_CHECKED)
        xdotool("key", "space")
        assert eventually(lambda: switch.getState().contains(pyatspi.STATE_CHECKED) != was), \
            "Space did not toggle the Enabled switch"
        xdotool("key", "space")
        time.sleep(0.3)
    finally:
        xdotool("key", "Escape")
        time.sleep(0.5)


def check_drag_escape(s):
    before = s.saved()
    stages = before["scenarios"][0]["stages"]
    point = before["scenarios"][0]["points"][0]
    box = s.screen.extents(s.wheel)
    start = wheel_point(box, point["angle"], radius=rim_radius(box))
    end = wheel_point(box, point["angle"] + 40, radius=rim_radius(box))
    moved = {}

    def escape_while_held():
        moved["undo"] = s.sensitive("Undo")
        xdotool("key", "Escape")
        time.sleep(0.4)

    drag(start, end, before_release=escape_while_held)
    time.sleep(0.5)
    assert moved.get("undo"), "the drag did not move the point (nothing to undo while dragging)"
    assert not s.sensitive("Redo"), "Escape left a redo step behind"
    xdotool("key", "ctrl+shift+z")
    time.sleep(0.3)
    after = s.saved()
    assert after["scenarios"][0]["points"][0]["angle"] == point["angle"], \
        (point["angle"], after["scenarios"][0]["points"][0]["angle"])


def field_text(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def check_escape_takes_back(s):
    """A value refused and kept in its field (pending) is taken back by
    Escape: the field shows the project's value again, unmarked, and the
    project never held the refused one."""
    before = s.saved()["scenarios"][0]["stages"][0]
    assert not before["customer"], before
    field = s.named(f"Drop-off per month (%), stage {before['name']}", "text")
    click(*s.screen.centre(field))
    time.sleep(0.3)
    # Too much with the stage's advance: refused, and kept.
    refused = str(round(100 - before["advance"] * 100) + 10)
    xdotool("key", "ctrl+a")
    xdotool("type", refused)
    assert eventually(lambda: field_text(field) == refused and "100%" in (field.description or "")), \
        (field_text(field), field.description)
    # GTK 4.8 gives a screen reader the reason as the field's
    # description (it exposes no invalid state over AT-SPI).
    reason = field.description
    assert "100%" in reason, f"the refused value is not explained: {reason!r}"
    xdotool("key", "Escape")
    eventually(lambda: field.description != reason)
    shown = field_text(field)
    assert float(shown) == round(before["loss"] * 100, 6), (shown, before["loss"])
    assert field.description != reason, f"still explained as refused after Escape: {field.description!r}"
    assert field.getState().contains(pyatspi.STATE_FOCUSED), "Escape took the focus away"
    xdotool("key", "Tab")
    time.sleep(0.3)
    after = s.saved()["scenarios"][0]["stages"][0]
    assert after == before, (before, after)


def settled_extents(screen, node):
    """@node's extents once a scroll has finished moving it: the same
    twice, half a second apart (an instrumented build on a loaded machine
    scrolls late)."""
    before = None
    end = time.time() + PATIENCE
    while time.time() < end:
        now = screen.extents(node)
        if now == before:
            return now
        before = now
        time.sleep(0.5)
    return now


def check_paying_customers_click(s):
    stage = s.saved()["scenarios"][0]["stages"][1]["name"]
    check = s.named(f"People in {stage} are paying customers", "check box")
    advance = s.named(f"Advance per month (%), stage {stage}", "text")
    frame = find(s.app, lambda n: n.getRoleName() == "frame", "the window")
    bottom = s.screen.extents(frame)[1] + s.screen.extents(frame)[3]
    # Scroll the panel until the field shows whole, its row still cut
    # off below it: where a user sees the field and ticks the box above.
    # The pointer over the panel, within the window (the box may start
    # below its bottom edge, where the wheel of the mouse scrolls nothing).
    cx, cy = s.screen.centre(check)
    xdotool("mousemove", cx, min(cy, bottom - 40))
    for _ in range(20):
        x, y, w, h = settled_extents(s.screen, advance)
        if y + h < bottom - 24:
            break
        xdotool("click", 5)
    settled_extents(s.screen, advance)
    aim = s.screen.centre(advance)   # where the user saw the field
    log("aiming at", aim, "window bottom", bottom)
    click(*s.screen.centre(check))
    time.sleep(1.0)
    click(*aim)
    eventually(lambda: focused(s.app).name.startswith("Advance per month (%), stage " + stage))
    now = focused(s.app)
    assert now is not None and now.name.startswith("Advance per month (%), stage " + stage), \
        f"the click on {stage}'s Advance field went elsewhere; focus on {now and now.name!r}"
    xdotool("key", "ctrl+a")
    xdotool("type", "12")
    xdotool("key", "Tab")
    eventually(lambda: s.saved()["scenarios"][0]["stages"][1]["advance"] == 0.12)
    after = s.saved()["scenarios"][0]["stages"][1]
    assert after["customer"] is True and after["advance"] == 0.12, after


def check_presenting_focus(s):
    xdotool("key", "F11")
    time.sleep(1.5)
    try:
        box = s.screen.extents(s.wheel)
        arcs = stage_arcs(s.saved()["scenarios"][0]["stages"])
        click(*wheel_point(box, (arcs[0][0] + arcs[0][1]) / 2, fraction=0.28))
        time.sleep(0.3)
        xdotool("key", "Right")
        time.sleep(0.2)
        xdotool("key", "Return")
        eventually(lambda: focused(s.app) is not None)
        now = focused(s.app)
        assert now is not None, "no widget has the focus"
        assert on_screen(now), f"the focus is on {now.name!r}, which is not on screen"
        x, y, w, h = s.screen.extents(now)
        assert w > 0 and h > 0
    finally:
        xdotool("key", "F11")
        time.sleep(1.0)


def main():
    args = arguments()
    tap = Tap()

    with tempfile.TemporaryDirectory(prefix="fw-e2e-") as tmp:
        path = os.path.join(tmp, "Client.flywheel")
        subprocess.run([args.cli, "new", "--template", "attract-engage-delight", path], check=True)
        with running(args.app, path):
            s = Session(args, path)
            tap.run("/e2e/intent/window-names", check_window_names, s)
            tap.run("/e2e/intent/side-pages-names", check_side_pages_names, s)
            tap.run("/e2e/intent/projection-table-names", check_projection_table_names, s)
            tap.run("/e2e/intent/presenting-names", check_presenting_names, s)
            tap.run("/e2e/intent/point-editor-names-and-space", check_point_editor, s)
            tap.run("/e2e/intent/drag-escape-leaves-no-redo", check_drag_escape, s)
            tap.run("/e2e/intent/escape-takes-pending-back", check_escape_takes_back, s)
            tap.run("/e2e/intent/paying-customers-click", check_paying_customers_click, s)
            tap.run("/e2e/intent/presenting-keeps-focus", check_presenting_focus, s)
            # Last: without a window manager, the keyboard does not come
            # back to the main window once a dialog on top has closed.
            tap.run("/e2e/intent/new-project-names", check_new_project_names, s)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
