#!/usr/bin/python3
# tests/test-e2e-files.py: unsaved work and outside changes, as a user
# meets them, with the real program.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run inside tests/with-display.py --atspi (which gives the program its
# own XDG_STATE_HOME, where recovery copies go).
#
# 1. Type a number into "New leads from marketing", wait for the recovery
#    copy, kill the program with SIGKILL, start it again: a banner offers
#    the work back; Restore shows it as unsaved under the file's name,
#    Ctrl+S writes it to the file and the copy goes.
# 2. With a file open and edited, `flywheel-cli new --force` replaces it;
#    Ctrl+S asks (the file keeps the other version), Cancel keeps both.
# 3. SIGTERM with unsaved work ends the program and keeps a copy.
import glob
import os
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

import fw_e2e
from fw_e2e import (PATIENCE, Screen, Tap, arguments, click, dump, find, find_app, log, walk,
                    window_origin, xdotool)

INFLOW = "New leads from marketing"


def recovery_copies():
    folder = os.path.join(os.environ["XDG_STATE_HOME"], "flywheel", "recovery")
    return sorted(glob.glob(os.path.join(folder, "*.info")))


def window_titles():
    """The names of the program's top-level windows, for a failure's log."""
    out = subprocess.run(["xdotool", "search", "--name", "Flywheel"], capture_output=True, text=True)
    names = []
    for wid in out.stdout.split():
        name = subprocess.run(["xdotool", "getwindowname", wid], capture_output=True, text=True)
        names.append(name.stdout.strip())
    return names


def wait_for(condition, what):
    """fw_e2e.wait_for, naming the program's windows if it fails."""
    fw_e2e.wait_for(condition, what, context=lambda: f"windows: {window_titles()}")


def start(args, *files):
    app = subprocess.Popen([args.app, *files])
    accessible = find_app("flywheel")
    return app, accessible


def stop(app):
    if app.poll() is None:
        app.kill()
        app.wait(timeout=10)


def type_inflow(accessible, value):
    screen = Screen(window_origin())
    field = find(accessible, lambda n: (n.name or "").startswith(INFLOW) and
                 n.getRoleName() in ("spin button", "text"), "the marketing inflow field")
    time.sleep(0.5)
    click(*screen.centre(field))
    time.sleep(0.3)
    xdotool("key", "ctrl+a")
    xdotool("type", str(value))
    xdotool("key", "Tab")
    time.sleep(0.3)


def window_title_has(text):
    out = subprocess.run(["xdotool", "search", "--name", text], capture_output=True, text=True)
    return out.returncode == 0 and out.stdout.strip() != ""


def is_restore_button(node):
    return node.name == "Restore" and node.getRoleName() == "push button"


def has_restore_button(accessible):
    """Whether the recovery banner's Restore button is still there (True
    too while the tree is changing under the walk: ask again)."""
    try:
        return any(is_restore_button(n) for n in walk(accessible))
    except Exception:
        return True


def window_has_focus(text):
    out = subprocess.run(["xdotool", "getwindowfocus", "getwindowname"], capture_output=True, text=True)
    return out.returncode == 0 and text in out.stdout


def check_kill_and_restore(args, tmp):
    path = os.path.join(tmp, "Client.flywheel")
    subprocess.run([args.cli, "new", "--template", "attract-engage-delight", path], check=True)
    before = dump(args.cli, path)["scenarios"][0]["inflow"]
    assert recovery_copies() == [], recovery_copies()

    app, accessible = start(args, path)
    try:
        type_inflow(accessible, 4321)
        wait_for(lambda: len(recovery_copies()) == 1, "a recovery copy")
        log("recovery copy", recovery_copies())
        time.sleep(0.5)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        stop(app)
    assert dump(args.cli, path)["scenarios"][0]["inflow"] == before, "the user's file was written"

    app, accessible = start(args)
    try:
        restore = find(accessible, is_restore_button, "the Restore button")
        banner = find(accessible, lambda n: "Client.flywheel" in (n.name or "") and
                      "were kept when Flywheel ended" in (n.name or ""), "the banner's sentence")
        log("banner:", banner.name)
        screen = Screen(window_origin())
        click(*screen.centre(restore))
        wait_for(lambda: window_title_has("• Client.flywheel"), "the restored, unsaved title")
        # The banner goes once the work is back; keys pressed while the
        # window is still taking the focus back from its removed button
        # can go nowhere on a display without a window manager.
        wait_for(lambda: not has_restore_button(accessible), "the banner withdrawn")
        wait_for(lambda: window_has_focus("• Client.flywheel"), "the restored window with the keyboard focus")
        xdotool("key", "ctrl+s")
        wait_for(lambda: dump(args.cli, path)["scenarios"][0]["inflow"] == 4321,
                 "the restored work in the file")
        wait_for(lambda: recovery_copies() == [], "the copy removed after saving")
        assert window_title_has("Client.flywheel") and not window_title_has("• Client.flywheel")
    finally:
        stop(app)


def check_outside_change_asks(args, tmp):
    path = os.path.join(tmp, "Shared.flywheel")
    subprocess.run([args.cli, "new", "--template", "attract-engage-delight", path], check=True)

    app, accessible = start(args, path)
    try:
        type_inflow(accessible, 777)
        subprocess.run([args.cli, "new", "--force", "--template", "sales-cycle", path], check=True)
        other = dump(args.cli, path)
        xdotool("key", "ctrl+s")
        question = find(accessible, lambda n: "was changed by another program" in (n.name or ""),
                        "the question before overwriting")
        log("asked:", question.name)
        time.sleep(1.0)
        assert dump(args.cli, path) == other, "the other program's version was overwritten"
        cancel = find(accessible, lambda n: n.name == "Cancel" and n.getRoleName() == "push button" and
                      n.getState().contains(pyatspi.STATE_VISIBLE), "the dialog's Cancel")
        cancel.queryAction().doAction(0)
        time.sleep(1.0)
        assert dump(args.cli, path) == other, "Cancel overwrote the file"
        assert window_title_has("• Shared.flywheel"), "the edit is no longer on screen, unsaved"
    finally:
        stop(app)


def check_sigterm_keeps_copy(args, tmp):
    for copy in recovery_copies():
        os.unlink(copy)
    app, accessible = start(args)
    try:
        type_inflow(accessible, 99)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=PATIENCE) == 0, "SIGTERM did not end the program cleanly"
    finally:
        stop(app)
    assert len(recovery_copies()) == 1, recovery_copies()


def main():
    args = arguments()
    tap = Tap()
    with tempfile.TemporaryDirectory(prefix="fw-e2e-files-") as tmp:
        tap.run("/e2e/files/kill-then-restore", check_kill_and_restore, args, tmp)
        tap.run("/e2e/files/outside-change-asks", check_outside_change_asks, args, tmp)
        tap.run("/e2e/files/sigterm-keeps-copy", check_sigterm_keeps_copy, args, tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
