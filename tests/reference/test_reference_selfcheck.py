#!/usr/bin/python3
# tests/reference/test_reference_selfcheck.py
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the reference implementation itself against small cases worked out
# by hand from MODEL.md, so that a mistake in the reference is not mistaken
# for (or does not hide) a mistake in the C program.

import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import flywheel_reference as ref  # noqa: E402

PASSED = 0
FAILED = 0


def close(a, b, rel=1e-12, abs_=1e-12):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return abs(a - b) <= rel * max(abs(a), abs(b)) + abs_


def check(name, got, want):
    global PASSED, FAILED
    if close(got, want) if not isinstance(want, (list, str)) else got == want:
        PASSED += 1
    else:
        FAILED += 1
        print("FAIL %s: got %r, want %r" % (name, got, want))


def project(stages, points=(), inflow=10, horizon=2):
    return {
        "format": "flywheel", "version": 1, "name": "P", "period": "month",
        "horizon": horizon,
        "scenarios": [{"name": "S", "inflow": inflow,
                       "stages": list(stages), "points": list(points)}],
    }


def two_stage(r1=0.2, l1=0.1, points=(), horizon=2, inflow=10, a1=0.3):
    return project([
        {"name": "Lead", "count": 100, "advance": 0.5, "loss": 0.2},
        {"name": "Customer", "count": 10, "customer": True,
         "advance": a1, "loss": l1, "referral": r1},
    ], points, inflow, horizon)


def test_two_stage_by_hand():
    # Lead: N=100, a=0.5, l=0.2, r=0.  Customer: N=10, a=0.3 (last stage:
    # ignored), l=0.1, r=0.2.  E=10.
    # t=0: A=[50,0] L=[20,1] R=0.2*10=2
    #      total 110, customers 10, new = A_0 = 50, churn 1, dropoff 20,
    #      referrals 2, momentum 50+0+2 = 52
    #      N(1) = [100-50-20+10+2, 10-0-1+50] = [42, 59]
    # t=1: A=[21,0] L=[8.4,5.9] R=11.8
    #      total 101, customers 59, new 21, churn 5.9, dropoff 8.4,
    #      referrals 11.8, momentum 32.8
    #      N(2) = [42-21-8.4+10+11.8, 59-5.9+21] = [34.4, 74.1]
    # t=2: total 108.5, customers 74.1; A=[17.2,0] L=[6.88,7.41]
    #      R=14.82, momentum 32.02
    # Totals over t=0..1: churn 6.9, referrals 13.8, new 71.
    # Loop gain: T_0 = 1/0.7, P_1 = 0.5/0.7 = 5/7, T_1 = (5/7)/0.1 = 50/7,
    # G = 0.2 * 50/7 = 10/7 >= 1: self-sustaining, no steady state.
    out = ref.simulate(two_stage())
    rows = out["rows"]
    check("rows", len(rows), 3)
    want = [
        ([100, 10], 110, 10, 50, 1, 20, 2, 52),
        ([42, 59], 101, 59, 21, 5.9, 8.4, 11.8, 32.8),
        ([34.4, 74.1], 108.5, 74.1, 17.2, 7.41, 6.88, 14.82, 32.02),
    ]
    keys = ["total", "customers", "new_customers", "churn", "dropoff",
            "referrals", "momentum"]
    for t, w in enumerate(want):
        check("period %d" % t, rows[t]["period"], t)
        for i in range(2):
            check("N_%d(%d)" % (i, t), rows[t]["stages"][i], w[0][i])
        for key, value in zip(keys, w[1:]):
            check("%s(%d)" % (key, t), rows[t][key], value)
    s = out["summary"]
    check("loop_gain", s["loop_gain"], 10 / 7)
    check("self_sustaining", s["self_sustaining"], True)
    check("steady_customers None when G >= 1", s["steady_customers"], None)
    check("customers_end", s["customers_end"], 74.1)
    check("total_churn", s["total_churn"], 6.9)
    check("total_referrals", s["total_referrals"], 13.8)
    check("total_new_customers", s["total_new_customers"], 71)
    check("header fields", [out["project"], out["scenario"], out["period"]],
          ["P", "S", "month"])
    check("horizon", out["horizon"], 2)
    # The last stage's advance is ignored: 0.3 or 0 gives the same run.
    check("last advance ignored", ref.simulate(two_stage(a1=0.0)) == out,
          True)
    # Horizon override: one period only.
    short = ref.simulate(two_stage(), horizon=1)
    check("horizon override", short["horizon"], 1)
    check("horizon override end", short["summary"]["customers_end"], 59)


def test_steady_state():
    # r_1 = 0.07: G = 0.07 * 50/7 = 0.5 < 1, every T finite.
    # steady = (E / (1 - G)) * T_1 = (10 / 0.5) * 50/7 = 1000/7.
    s = ref.simulate(two_stage(r1=0.07))["summary"]
    check("loop_gain 0.5", s["loop_gain"], 0.5)
    check("not self-sustaining", s["self_sustaining"], False)
    check("steady", s["steady_customers"], 1000 / 7)


def test_infinite_loop_gain():
    # Customer stage with a* + l* = 0 (last stage, loss 0) and r = 0.2,
    # reached with P_1 = 5/7 > 0: T_1 infinite, so G infinite (null),
    # self-sustaining, no steady state.
    s = ref.simulate(two_stage(r1=0.2, l1=0.0))["summary"]
    check("infinite G is null", s["loop_gain"], None)
    check("infinite G sustains", s["self_sustaining"], True)
    check("infinite G no steady", s["steady_customers"], None)
    # Same stage without referral: the term r*T with r = 0 is 0, so G = 0,
    # but T_1 is infinite, so there is still no steady state.
    s = ref.simulate(two_stage(r1=0.0, l1=0.0))["summary"]
    check("r=0 term is 0", s["loop_gain"], 0.0)
    check("r=0 not sustaining", s["self_sustaining"], False)
    check("infinite T no steady", s["steady_customers"], None)
    # Unreachable: stage 0 never advances (a=0, l=0.5), so P_1 = 0 and
    # T_1 = 0 although a_1 + l_1 = 0: G = 0, steady = (10/1) * 0 = 0.
    p = project([
        {"name": "Lead", "count": 5, "advance": 0, "loss": 0.5},
        {"name": "Customer", "customer": True, "referral": 3},
    ])
    s = ref.simulate(p)["summary"]
    check("unreachable G", s["loop_gain"], 0.0)
    check("unreachable steady", s["steady_customers"], 0.0)


def test_boundaries_and_angles():
    # Weights 1, 1, 2: W = 4, s = 0, 90, 180, 360.
    stages = [{"name": "A"}, {"name": "B"}, {"name": "C", "weight": 2}]
    cases = [
        (0, 0), (90, 1), (180, 2), (89.999, 0), (359.999, 2),
        (360, 0), (720, 0), (-360, 0), (-720, 0),  # multiples of 360
        (-90, 2), (-270, 1), (-180, 2), (-0.5, 2), (450, 1),  # negative etc.
        (-1e-15, 2),  # -1e-15 + 360 rounds to 360: past the last boundary
    ]
    points = [{"name": "p%d" % k, "angle": a} for k, (a, _) in enumerate(cases)]
    out = ref.simulate(project(stages, points))
    for k, (angle, want) in enumerate(cases):
        check("angle %r" % angle, out["points"][k]["stage"], want)
    # Weights 0.1, 0.2, 0.7 computed cumulatively; a point at the computed
    # s_1 (= 360 * 0.1 / W) sits on stage 1, just below it on stage 0.
    stages = [{"name": "A", "weight": 0.1}, {"name": "B", "weight": 0.2},
              {"name": "C", "weight": 0.7}]
    s = ref.arc_starts([0.1, 0.2, 0.7])
    check("s_0", s[0], 0.0)
    w_total = 0.1 + 0.2 + 0.7
    check("s_1 exact", s[1] == 360 * 0.1 / w_total, True)
    check("s_2 cumulative", s[2] == s[1] + 360 * 0.2 / w_total, True)
    below = math.nextafter(s[2], 0)
    pts = [{"name": "on1", "angle": s[1]}, {"name": "on2", "angle": s[2]},
           {"name": "below2", "angle": below},
           {"name": "neg", "angle": s[2] - 360}]
    out = ref.simulate(project(stages, pts))
    check("on s_1", out["points"][0]["stage"], 1)
    check("on s_2", out["points"][1]["stage"], 2)
    check("below s_2", out["points"][2]["stage"], 1)
    want_neg = ref.stage_of_angle(math.fmod(s[2] - 360, 360) + 360, s)
    check("negative boundary", out["points"][3]["stage"], want_neg)


def test_points_effects_and_impact():
    # Point on stage 0 (angle 10 of 0..180), conversion +1 doubles a_0 to
    # 1.0, then a + l = 1.2 > 1 so a* = 1 - 0.2 = 0.8.  H = 1:
    #   enabled:  customers(1) = 10 - 1 + 0.8 * 100 = 89
    #   disabled: customers(1) = 10 - 1 + 0.5 * 100 = 59
    # Impact 30 whether the point is enabled or disabled in the file; a
    # disabled point leaves the run as it is.
    on = {"name": "Free trial", "kind": "force", "angle": 10,
          "conversion": 1}
    off = dict(on, enabled=False)
    out_on = ref.simulate(two_stage(points=[on], horizon=1))
    out_off = ref.simulate(two_stage(points=[off], horizon=1))
    check("enabled end", out_on["summary"]["customers_end"], 89)
    check("disabled end", out_off["summary"]["customers_end"], 59)
    check("enabled impact", out_on["points"][0]["impact"], 30)
    check("disabled impact", out_off["points"][0]["impact"], 30)
    check("point stage", out_off["points"][0]["stage"], 0)
    check("point name", out_off["points"][0]["name"], "Free trial")
    # Churn -0.5 on the customer stage (angle 200 of 180..360): l* = max(0,
    # 0.1 - 0.5) = 0; referral -1: r* = 0.  H = 1:
    #   customers(1) = 10 - 0 + 50 = 60, against 59 without it: impact 1.
    # With both effects the loop gain is 0 (r* = 0) and T_1 infinite.
    pt = {"name": "x", "angle": 200, "churn": -0.5, "referral": -1}
    out = ref.simulate(two_stage(points=[pt], horizon=1))
    check("churn clamp end", out["summary"]["customers_end"], 60)
    check("churn clamp impact", out["points"][0]["impact"], 1)
    check("referral -1 G", out["summary"]["loop_gain"], 0.0)
    check("churn clamp steady", out["summary"]["steady_customers"], None)
    # A point with no effect has impact exactly 0.
    out = ref.simulate(two_stage(points=[{"name": "z", "angle": 5}]))
    check("no-effect impact", out["points"][0]["impact"], 0.0)


def test_first_stage_customer():
    # Stage 0 is a customer stage: new customers = E + R.  Stage 1 is a
    # customer stage too, so A_0 does not count.
    # N = [10, 20], a_0 = 0.5, r_1 = 0.5, E = 3: R = 10, new = 3 + 10 = 13.
    p = project([
        {"name": "Buy", "count": 10, "customer": True, "advance": 0.5},
        {"name": "Fan", "count": 20, "customer": True, "referral": 0.5},
    ], inflow=3, horizon=1)
    row = ref.simulate(p)["rows"][0]
    check("new with stage 0 customer", row["new_customers"], 13)
    check("churn none", row["churn"], 0)


def test_non_finite():
    # A wheel that overflows: N(1) = 1e308 + 100 * 1e308 = inf, later NaN.
    # Nothing raises, and the JSON carries nulls.
    p = project([
        {"name": "A", "count": 1e308, "advance": 0.5, "referral": 100},
        {"name": "B", "count": 1e308, "customer": True, "referral": 100},
    ], horizon=4)
    out = ref.simulate(p, horizon=4)
    json.dumps(out, allow_nan=False)
    check("finite at t=0", out["rows"][0]["stages"][0], 1e308)
    check("total overflows at t=0", out["rows"][0]["total"], None)
    check("inf at t=1", out["rows"][1]["stages"][0], None)
    check("customers_end null", out["summary"]["customers_end"], None)


def test_nearest_rank():
    # k = ceil(q * D / 100), 1 when that is 0.
    for q, D, k in [(10, 1, 1), (50, 1, 1), (90, 1, 1), (10, 10, 1), (50, 10, 5),
                    (90, 10, 9), (10, 11, 2), (50, 7, 4), (90, 7, 7),
                    (10, 1000, 100), (90, 1000, 900), (0, 5, 1)]:
        check("rank q=%d D=%d" % (q, D), ref.nearest_rank(q, D), k)
    # Ten values 1..10 in any order: p10 = x_1, p50 = x_5, p90 = x_9.
    check("percentiles of 1..10", ref.percentiles([7, 3, 10, 1, 5, 9, 2, 8, 4, 6], 10),
          [1, 5, 9])
    check("nan sorts last", ref.percentiles([math.nan, 2.0, math.inf], 3)[:2],
          [2.0, math.inf])


def test_band_without_spreads_is_the_figure():
    p = two_stage(horizon=6)
    rows = ref.simulate(p)["rows"]
    for t, levels in enumerate(ref.band(p, draws=5, seed=3)):
        check("band t=%d" % t, list(levels), [rows[t]["customers"]] * 3)


def test_band_draws_by_hand():
    # Stage 0 is the customer stage and starts empty, nothing moves: so
    # customers(1) = E * (1 + u_E U_E), U_E uniform in [-1, 1], the fourth
    # number of each draw of a two-stage wheel (after U_a, U_l, U_r of
    # stage 0 and of stage 1, i.e. the seventh).
    p = project([{"name": "C", "customer": True}, {"name": "X"}], inflow=100,
                horizon=1)
    p["scenarios"][0]["uncertainty"] = {"inflow": 0.5}
    rng = __import__("random").Random(11)
    inflows = []
    for _ in range(10):
        for _ in range(6):
            rng.uniform(-1.0, 1.0)
        inflows.append(100 * (1.0 + 0.5 * rng.uniform(-1.0, 1.0)))
    inflows.sort()
    levels = ref.band(p, draws=10, seed=11)[1]
    check("band p10 = x_1", levels[0], inflows[0])
    check("band p50 = x_5", levels[1], inflows[4])
    check("band p90 = x_9", levels[2], inflows[8])
    check("all within E (1 +- 0.5)", all(50 <= x <= 150 for x in inflows), True)


def test_band_clamps():
    # A loss of 0.8 with a spread of 1 draws up to 1.6, clamped to 1: the
    # last stage (advance 0 whatever happens) never goes below 0.
    p = project([{"name": "In"}, {"name": "C", "customer": True, "count": 1000,
                                  "loss": 0.8}], inflow=0, horizon=1)
    p["scenarios"][0]["uncertainty"] = {"loss": 1}
    values = [d[1] for d in ref.band_draws(p, draws=400, seed=2)]
    check("never below 0", min(values) >= 0.0, True)
    check("some clamped to exactly 0", values.count(0.0) > 50, True)


def test_summary_and_compare():
    p = two_stage(horizon=3)
    p["scenarios"].append(dict(p["scenarios"][0], name="T", inflow=20))
    full = ref.simulate(p)
    summary = ref.summary_only(p)
    check("summary has no rows", "rows" in summary, False)
    check("summary keys", list(summary),
          ["project", "scenario", "period", "horizon", "summary", "points"])
    check("summary equals simulate's", summary["summary"] == full["summary"], True)
    items = ref.compare(p)
    check("compare: one per scenario, in order", [i["scenario"] for i in items], ["S", "T"])
    check("compare keys", list(items[0]),
          ["scenario", "loop_gain", "self_sustaining", "steady_customers",
           "customers_end", "total_churn", "total_referrals", "total_new_customers"])
    check("compare T", items[1]["customers_end"],
          ref.simulate(p, "T")["summary"]["customers_end"])


def main():
    for name, fn in sorted(globals().items()):
        if name.startswith("test_") and callable(fn):
            fn()
    print("%d passed, %d failed" % (PASSED, FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
