#!/usr/bin/env python3
# tests/with-display.py: run a command on a private virtual display.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   with-display.py [--atspi] [--wm] [--size WxH] -- COMMAND [ARGS...]
#
# Starts Xvfb on a display number it picks itself (-displayfd, so tests
# running side by side never race for one), gives the command a private
# D-Bus session (dbus-run-session), in-memory settings and its own data,
# config and state folders (recent files and recovery copies go there,
# not into the user's home),
# with --atspi an accessibility bus so a test can find widgets by
# their accessible names, as a screen reader would, and with --wm a
# window manager (Openbox, which has no compositor: what makes a window
# really full screen, as on a projector PC's desktop). Exits with the
# command's status; 77 (skipped) when there is no Xvfb to run on, or no
# Openbox with --wm.
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ATSPI_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def wait_for_atspi_bus(timeout=15):
    """GTK 4.8 on X11 finds the accessibility bus only through the root
    window's AT_SPI_BUS property, which the launcher sets a moment after
    it starts: a program started before that stays invisible to AT-SPI."""
    end = time.time() + timeout
    while time.time() < end:
        out = subprocess.run(["xprop", "-root", "AT_SPI_BUS"], capture_output=True, text=True)
        if out.returncode == 0 and "unix:" in out.stdout:
            return
        time.sleep(0.1)
    print("with-display.py: the accessibility bus did not come up", file=sys.stderr)


def wait_for_window_manager(timeout=15):
    """A window mapped before the window manager has taken the screen
    is never managed: wait for its _NET_SUPPORTING_WM_CHECK."""
    end = time.time() + timeout
    while time.time() < end:
        out = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                             capture_output=True, text=True)
        if out.returncode == 0 and "window id" in out.stdout:
            return
        time.sleep(0.1)
    print("with-display.py: the window manager did not come up", file=sys.stderr)


def inner(argv, atspi, wm):
    """Inside the D-Bus session: start the accessibility bus and the
    window manager, then run."""
    helpers = []
    if atspi:
        helpers.append(subprocess.Popen([ATSPI_LAUNCHER, "--launch-immediately"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for_atspi_bus()
    if wm:
        helpers.append(subprocess.Popen(["openbox", "--sm-disable"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for_window_manager()
    try:
        return subprocess.call(argv)
    finally:
        for helper in helpers:
            helper.terminate()
            helper.wait()


def main():
    args = sys.argv[1:]
    atspi = False
    wm = False
    size = "1920x1080"
    if args and args[0] == "--inner":
        atspi = args[1] == "1"
        wm = args[2] == "1"
        sys.exit(inner(args[4:], atspi, wm))
    while args and args[0] != "--":
        if args[0] == "--atspi":
            atspi = True
            args = args[1:]
        elif args[0] == "--wm":
            wm = True
            args = args[1:]
        elif args[0] == "--size":
            size = args[1]
            args = args[2:]
        else:
            sys.exit(f"with-display.py: unknown option {args[0]}")
    command = args[1:]
    if not command:
        sys.exit("with-display.py: no command given")

    for tool in ("Xvfb", "dbus-run-session") + (("openbox", "xprop") if wm else ()):
        if shutil.which(tool) is None:
            print(f"with-display.py: {tool} is not installed; skipping", file=sys.stderr)
            sys.exit(77)

    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp", "-noreset"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        sys.exit("with-display.py: Xvfb did not start")

    with tempfile.TemporaryDirectory(prefix="fw-display-") as home:
        env = dict(os.environ)
        env.update({
            "DISPLAY": f":{number}",
            "GDK_BACKEND": "x11",
            "GSETTINGS_BACKEND": "memory",
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "XDG_RUNTIME_DIR": home,
            # Benchmarks count the display server's CPU time too.
            "FW_XVFB_PID": str(xvfb.pid),
        })
        if atspi:
            env["GTK_A11Y"] = "atspi"
            env.pop("NO_AT_BRIDGE", None)
        else:
            env.setdefault("GTK_A11Y", "none")
            env["NO_AT_BRIDGE"] = "1"
        try:
            status = subprocess.call(["dbus-run-session", "--", sys.executable, __file__,
                                      "--inner", "1" if atspi else "0", "1" if wm else "0",
                                      "--"] + command,
                                     env=env)
        finally:
            xvfb.send_signal(signal.SIGTERM)
            try:
                xvfb.wait(timeout=10)
            except subprocess.TimeoutExpired:
                xvfb.kill()
    sys.exit(status)


if __name__ == "__main__":
    main()
