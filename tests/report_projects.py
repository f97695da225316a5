# tests/report_projects.py: projects for the report's tests and benchmark
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Flywheel JSON projects as a consultant's would look, of any size up to
MODEL.md's largest (16 stages, 1000 points, 50 scenarios), with names
that read like real ones (up to 80 characters) and effects that give
every point a different impact, so a ranking has an order to check."""

STAGE_WORDS = ["Discover", "Research", "Visit", "Sign up", "Trial", "Onboard", "Activate",
               "Adopt", "Buy", "Renew", "Expand", "Advocate", "Review", "Refer", "Return",
               "Champion"]
PALETTE = ["#1c71d8", "#9141ac", "#e66100", "#26a269", "#c01c28", "#986a44", "#2ec27e",
           "#f5c211", "#613583", "#1a5fb4", "#a51d2d", "#63452c", "#e5a50a", "#3584e4",
           "#c64600", "#813d9c"]
FRICTION_WORDS = ["Slow answers to questions about pricing and contract terms",
                  "Checkout asks for the same details twice",
                  "No way to try the product before buying it",
                  "Onboarding emails arrive in the wrong order",
                  "Invoices that customers cannot read"]
FORCE_WORDS = ["Referral programme with a reward for both sides",
               "Self-service knowledge base",
               "Customer success calls in the first month",
               "Case studies from customers in the same trade",
               "Community forum answered within a day"]


def point_name(kind, k):
    words = (FRICTION_WORDS if kind == "friction" else FORCE_WORDS)[k % 5]
    name = "%s (%s %d)" % (words, kind, k + 1)
    return name[:80]


def project(name="Acme Consulting", n_stages=16, n_points=200, n_scenarios=1,
            horizon=24, long_names=False, spreads=True):
    """A valid project as a dict ready for json.dump."""
    scenarios = []
    for s in range(n_scenarios):
        stages = []
        for i in range(n_stages):
            stage_name = STAGE_WORDS[i % len(STAGE_WORDS)]
            if long_names:
                stage_name = (stage_name + " " + "stage of the customer's journey " * 3)[:77] \
                    + " %02d" % i
            stages.append({
                "name": stage_name, "color": PALETTE[i % len(PALETTE)],
                "count": 1000.0 * (n_stages - i), "customer": i >= n_stages // 2,
                "advance": 0.0 if i == n_stages - 1 else 0.3 + 0.004 * s, "loss": 0.1,
                "referral": 0.05 if i >= n_stages // 2 else 0.0, "weight": 1 + i % 3})
        points = []
        for k in range(n_points):
            kind = "friction" if k % 2 == 0 else "force"
            strength = 0.01 + 0.12 * ((k * 37) % 101) / 101.0
            points.append({
                "name": point_name(kind, k), "kind": kind,
                "angle": (k * 360.0 / max(n_points, 1) + 0.5) % 360,
                "conversion": -strength if kind == "friction" else strength,
                "churn": 0, "referral": 0, "enabled": k % 17 != 16, "note": ""})
        scenario = {"name": ("Scenario %d" % (s + 1)) if s else "Baseline",
                    "inflow": 500.0 + 10 * s, "stages": stages, "points": points}
        if spreads:
            scenario["uncertainty"] = {"advance": 0.2, "loss": 0.2, "referral": 0.3,
                                       "inflow": 0.1}
        scenarios.append(scenario)
    return {"format": "flywheel", "version": 1, "name": name, "period": "month",
            "horizon": horizon, "scenarios": scenarios}
