#!/usr/bin/env python3
# tools/make-screenshot.py: the README's screenshot, from the real program.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tools/make-screenshot.py BUILD_DIR OUTPUT.png [TEMPLATE]
#
# Makes a project from a template with the command line, opens it in
# Flywheel on a private virtual display the size of the window (through
# tests/with-display.py), lets the wheel settle and the figures ease in,
# and captures the screen with ImageMagick's import. `make screenshot`
# runs it for README.md.
import os
import subprocess
import sys
import tempfile
import time

WIDTH, HEIGHT = 1440, 900


def inside(build, output, template):
    with tempfile.TemporaryDirectory(prefix="fw-shot-") as home:
        # A project in ~/Documents, as a user would keep it.
        os.environ["HOME"] = home
        os.makedirs(os.path.join(home, "Documents"))
        path = os.path.join(home, "Documents", "Acme.flywheel")
        subprocess.run([os.path.join(build, "src/cli/flywheel-cli"), "new", "--template", template,
                        path], check=True)
        app = subprocess.Popen([os.path.join(build, "src/app/flywheel"), path])
        try:
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Flywheel"],
                           check=True, stdout=subprocess.DEVNULL, timeout=30)
            # Pointer out of the way, off any tooltip; then let it settle.
            subprocess.run(["xdotool", "mousemove", str(WIDTH - 1), str(HEIGHT - 1)], check=True)
            time.sleep(3)
            subprocess.run(["import", "-window", "root", output], check=True)
        finally:
            app.terminate()
            app.wait(timeout=10)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--inside":
        inside(*sys.argv[2:5])
        return
    if len(sys.argv) < 3:
        sys.exit("usage: make-screenshot.py BUILD_DIR OUTPUT.png [TEMPLATE]")
    build, output = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    template = sys.argv[3] if len(sys.argv) > 3 else "attract-engage-delight"
    here = os.path.dirname(os.path.abspath(__file__))
    status = subprocess.call([sys.executable, os.path.join(here, "..", "tests", "with-display.py"),
                              "--size", f"{WIDTH}x{HEIGHT}", "--",
                              sys.executable, os.path.abspath(__file__), "--inside",
                              build, output, template])
    sys.exit(status)


if __name__ == "__main__":
    main()
