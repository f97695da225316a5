#!/usr/bin/python3
# tests/test-e2e-playback.py: scrubbing and playing the periods with
# real input.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run inside tests/with-display.py --atspi. Starts `flywheel FILE`,
# finds the period slider by the name a screen reader hears ("Period")
# and the wheel by its own, and with xdotool:
#  - drags the slider's knob with the mouse: the slider's value reads
#    "Month N of 24" and the wheel's description (its counts) changes;
#  - with the focus on the slider, Right steps one month, Space plays
#    (the months advance by themselves) and Space pauses (they stop);
#  - Alt+Home goes back to month 0, where the wheel says what it said at
#    the start;
#  - after a click on "Next period", and after a click on the tab on
#    show (Compare, clicked then on show), Space still plays and pauses.
import os
import subprocess
import sys
import tempfile
import time

from fw_e2e import (Screen, Tap, arguments, click, drag, find, find_app, find_wheel, log,
                    running, wait_for, window_origin, xdotool)


class Session:
    def __init__(self):
        self.app = find_app("flywheel")
        self.screen = Screen(window_origin())
        time.sleep(1.0)
        self.wheel = find_wheel(self.app, self.screen)
        self.slider = find(self.app, lambda n: n.name == "Period" and n.getRoleName() == "slider",
                           "the period slider")

    def value(self):
        return self.slider.queryValue().currentValue

    def value_text(self):
        """What a screen reader says with the value ("Month 5 of 24"):
        the slider's description (GTK 4.8's Value interface has no text)."""
        return self.slider.description or ""

    def wheel_says(self):
        return self.wheel.description or ""


def check_scrub(s):
    start_says = s.wheel_says()
    assert s.value() == 0, f"the slider starts at {s.value()}"
    assert start_says.startswith("3 stages: Attract"), start_says
    x, y, w, h = s.screen.extents(s.slider)
    # The knob sits at the left end at month 0; drag it to the middle.
    drag((x + 8, y + h // 2), (x + w // 2, y + h // 2))
    wait_for(lambda: s.value() >= 6, "the slider to move")
    month = round(s.value())
    log("scrubbed to month", month)
    assert s.value() == month, f"the slider stopped between months: {s.value()}"
    wait_for(lambda: s.wheel_says() != start_says, "the wheel to show another month")
    log("the wheel now says:", s.wheel_says()[:80])
    text = s.value_text()
    log("the slider reads", repr(text))
    assert text == f"Month {month} of 24", f"the slider reads {text!r}"


def check_keys(s):
    # The slider has the focus after the drag; Right steps a month.
    before = round(s.value())
    xdotool("key", "Right")
    wait_for(lambda: round(s.value()) == before + 1, "Right to step a month")

    xdotool("key", "space")
    wait_for(lambda: s.value() >= before + 3, "Space to play the months")
    xdotool("key", "space")
    # Paused, the slider rests on a whole month, exactly (GTK 4.8 keeps
    # an accessible number within 0.001 of the last: the slider must
    # never have said 15.00004 before resting on 15; fw-playback-bar.c).
    wait_for(lambda: s.value() == round(s.value()), "Space to pause on a whole month",
             context=lambda: f"the slider reads {s.value()}")
    paused = s.value()
    time.sleep(1.5)
    assert s.value() == paused, f"the months went on while paused: {paused} -> {s.value()}"

    xdotool("key", "alt+Home")
    wait_for(lambda: s.value() == 0, "Alt+Home to go back to month 0")


def space_plays_and_pauses(s, after):
    before = round(s.value())
    xdotool("key", "space")
    wait_for(lambda: s.value() >= before + 2, f"Space to play after {after}",
             context=lambda: f"the slider reads {s.value()} (was {before})")
    xdotool("key", "space")
    wait_for(lambda: s.value() == round(s.value()), f"Space to pause after {after}",
             context=lambda: f"the slider reads {s.value()}")


def check_space_after_clicks(s):
    xdotool("key", "alt+Home")
    wait_for(lambda: s.value() == 0, "Alt+Home to go back to month 0")
    step = find(s.app, lambda n: n.name == "Next period" and n.getRoleName() in ("button", "push button"),
                "the Next period button")
    click(*s.screen.centre(step))
    wait_for(lambda: s.value() == 1, "a click on Next period to step a month")
    space_plays_and_pauses(s, "a click on Next period")

    tab = find(s.app, lambda n: n.name == "Compare" and n.getRoleName() in ("toggle button", "push button", "button",
                                                                          "page tab"),
               "the side panel's Compare tab")
    click(*s.screen.centre(tab))
    time.sleep(0.5)
    space_plays_and_pauses(s, "a click on the Compare tab")


def main():
    args = arguments()
    tap = Tap()

    with tempfile.TemporaryDirectory(prefix="fw-e2e-") as tmp:
        path = os.path.join(tmp, "Class.flywheel")
        subprocess.run([args.cli, "new", "--template", "attract-engage-delight", path], check=True)
        with running(args.app, path):
            s = Session()
            tap.run("/e2e/playback/scrub-the-slider", check_scrub, s)
            tap.run("/e2e/playback/keys", check_keys, s)
            tap.run("/e2e/playback/space-after-clicks", check_space_after_clicks, s)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
