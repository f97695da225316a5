# Makefile: the two commands of README.md, and a few more for developers.
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   make run     build, then open Flywheel on a sample project
#   make check   build, then run every test
#   make check SANITIZE=1   the same suite built with ASan and UBSan, in
#                build-sanitize/ (.ci/sanitize): what CI runs
#   make bench   build, then run the benchmarks (docs/performance.md)
#   make screenshot  retake README's screenshot from the real program
#
# Each installs what a Debian 12 machine lacks first (apt-get, through
# sudo when not root), so a fresh clone needs nothing but make.

BUILD ?= build
MESON ?= meson
SAMPLE ?= $(BUILD)/sample.flywheel

# Debian 12 packages the build and the tests need: the toolchain and
# libraries; fonts and icons the window shows; and for the window tests a
# virtual display, a D-Bus session, real input (xdotool), the
# accessibility bus through which the end-to-end test finds widgets and a
# window manager (openbox) that makes a window really full screen;
# poppler-utils (pdftotext, pdfinfo) for the tests that read exported PDFs.
# libharfbuzz-dev brings harfbuzz-subset.pc and its runtime
# (libharfbuzz-subset0), which SVG exports cut their fonts with; GTK's
# Pango needs it anyway, it is named for the render library's own use.
PACKAGES = gcc libc6-dev pkg-config meson ninja-build python3 \
           libglib2.0-dev libjson-glib-dev libsqlite3-dev libgtk-4-dev libpng-dev libharfbuzz-dev \
           gettext libxml2-utils desktop-file-utils appstream yelp-tools itstool locales \
           fonts-cantarell fonts-dejavu-core adwaita-icon-theme librsvg2-common \
           xvfb xauth x11-utils xdotool dbus at-spi2-core python3-pyatspi imagemagick openbox \
           poppler-utils

# Locales the tests run in (test-window-german, test-cli-locale; en_US for
# US Letter paper in test-cli-report).
TEST_LOCALES = de_DE.UTF-8 fr_FR.UTF-8 en_US.UTF-8

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run check bench screenshot clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@# The translated window test and the CLI's locale test run in German
	@# and French: generate those locales when the machine lacks them.
	@missing=""; \
	for l in $(TEST_LOCALES); do \
	  locale -a 2>/dev/null | grep -qix "$$(echo $$l | sed 's/UTF-8/utf8/')" || missing="$$missing $$l"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Generating locales:$$missing"; \
	  for l in $$missing; do \
	    $(SUDO) sed -i "s/^# *\($$l UTF-8\)/\1/" /etc/locale.gen; \
	    grep -q "^$$l UTF-8" /etc/locale.gen || echo "$$l UTF-8" | $(SUDO) tee -a /etc/locale.gen >/dev/null; \
	  done; \
	  $(SUDO) locale-gen; \
	fi

$(BUILD)/build.ninja: | deps
	$(MESON) setup $(BUILD)

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

# The sample is made once, so what a user saves into it is still there
# on the next run.
run: build
	@[ -f $(SAMPLE) ] || $(BUILD)/src/cli/flywheel-cli new --template attract-engage-delight $(SAMPLE)
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/src/app/flywheel $(SAMPLE)

# With SANITIZE set, .ci/sanitize builds build-sanitize/ with ASan and
# UBSan and runs the suite there, after the same packages and locales.
ifdef SANITIZE
check: deps
	.ci/sanitize
else
check: build
	$(MESON) test -C $(BUILD) --print-errorlogs
endif

bench: build
	$(MESON) test -C $(BUILD) --benchmark --verbose

# README's picture, taken of the real program (tools/make-screenshot.py).
screenshot: build
	python3 tools/make-screenshot.py $(BUILD) docs/screenshot.png

clean:
	rm -rf $(BUILD)
