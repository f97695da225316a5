#!/usr/bin/python3
# tests/reference/flywheel_reference.py
# Copyright 2026 The Flywheel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# An independent implementation of the flywheel model (shared MODEL.md,
# version 1), written from the model text alone, so the C program's numbers
# can be checked against a second reading of the same contract.
#
# Every formula is evaluated in the order MODEL.md writes it, with IEEE
# doubles (Python floats): sums and products run over stages and points in
# input order, starting from 0.0 and 1.0, and each binary operation is done
# left to right.  Nothing here validates: the input is assumed valid.
#
# Choices where MODEL.md is silent (kept in step with compare_reference.py):
#  - A missing scenario "inflow" is taken as 0.
#  - simulate() with no scenario name runs the first scenario.
#  - An angle is reduced with fmod (exact) and then, when negative, 360 is
#    added (one rounding).  If that rounding gives exactly 360 (a tiny negative
#    angle), the value is past the last boundary, so it belongs to the last
#    stage, as it would mathematically; it is not wrapped to 0.
#  - "plus E + R(t)" in new_customers is evaluated left to right:
#    (sum + E) + R.
#  - A_i = a*_i * N_i and r*_i * N_i are computed literally even when the
#    rate is 0, so an infinite N_i gives NaN there, as IEEE says.  Only the
#    loop gain has the explicit rule "a term with r*_i = 0 is 0".
#  - The impact of a disabled point is customers(H) with that point turned
#    on minus customers(H) as the scenario is (with it off).
#  - The band (MODEL.md "Uncertainty") draws with Python's own generator
#    (random.Random, a Mersenne Twister), not the program's: the two agree
#    in distribution only, which is what compare_band.py checks.  Values
#    are ordered with nan after +inf (MODEL.md does not say; a run past a
#    double's range gives nan as inf - inf).

import argparse
import json
import math
import random
import sys

INF = math.inf

STAGE_DEFAULTS = {
    "count": 0.0,
    "customer": False,
    "advance": 0.0,
    "loss": 0.0,
    "referral": 0.0,
    "weight": 1.0,
}

POINT_DEFAULTS = {
    "kind": "friction",
    "conversion": 0.0,
    "churn": 0.0,
    "referral": 0.0,
    "enabled": True,
    "note": "",
}


def _finite_or_none(x):
    """A figure as MODEL.md writes it in JSON: null when not finite."""
    x = float(x)
    if math.isfinite(x):
        return x
    return None


def _add(values):
    """sum over values in order, plain double accumulation from 0.0.

    (Python 3.12's sum() compensates rounding; the model does not.)"""
    s = 0.0
    for v in values:
        s = s + v
    return s


# ---------------------------------------------------------------- geometry

def arc_starts(weights):
    """s_0 .. s_n: s_0 = 0, s_(i+1) = s_i + 360 * w_i / W, cumulatively."""
    w_total = _add(float(w) for w in weights)
    s = [0.0]
    for w in weights:
        s.append(s[-1] + 360.0 * float(w) / w_total)
    return s


def reduce_angle(angle):
    """angle modulo 360 into [0, 360] (360 only through rounding)."""
    m = math.fmod(float(angle), 360.0)
    if m < 0.0:
        m = m + 360.0
    return m


def stage_of_angle(angle, starts):
    """Index of the stage whose arc [s_i, s_(i+1)) holds the angle.

    An angle at or past the last boundary (rounding) is the last stage's."""
    n = len(starts) - 1
    m = reduce_angle(angle)
    for i in range(n):
        if m < starts[i + 1]:
            return i
    return n - 1


# --------------------------------------------------------------- the model

def _normalise_stage(st):
    out = dict(STAGE_DEFAULTS)
    out.update(st)
    return {
        "name": out["name"],
        "count": float(out["count"]),
        "customer": bool(out["customer"]),
        "advance": float(out["advance"]),
        "loss": float(out["loss"]),
        "referral": float(out["referral"]),
        "weight": float(out["weight"]),
    }


def _normalise_point(pt):
    out = dict(POINT_DEFAULTS)
    out.update(pt)
    return {
        "name": out["name"],
        "angle": float(out["angle"]),
        "conversion": float(out["conversion"]),
        "churn": float(out["churn"]),
        "referral": float(out["referral"]),
        "enabled": bool(out["enabled"]),
    }


def effective_rates(stages, points, point_stage, enabled):
    """(a*, l*, r*) lists for the given enabled flags (one per point)."""
    return effective_rates_from(stages, points, point_stage, enabled,
                                [st["advance"] for st in stages],
                                [st["loss"] for st in stages],
                                [st["referral"] for st in stages])


def effective_rates_from(stages, points, point_stage, enabled,
                         advance, loss, referral):
    """The same from base rates a_i, l_i, r_i given apart from the stages
    (a draw of the band)."""
    n = len(stages)
    a_eff, l_eff, r_eff = [], [], []
    for i in range(n):
        prod_c = 1.0
        sum_d = 0.0
        prod_q = 1.0
        for k, pt in enumerate(points):
            if enabled[k] and point_stage[k] == i:
                prod_c = prod_c * (1.0 + pt["conversion"])
                sum_d = sum_d + pt["churn"]
                prod_q = prod_q * (1.0 + pt["referral"])
        a = min(1.0, advance[i] * prod_c)
        l = min(1.0, max(0.0, loss[i] + sum_d))
        r = referral[i] * prod_q
        if a + l > 1.0:
            a = 1.0 - l
        if i == n - 1:
            a = 0.0
        a_eff.append(a)
        l_eff.append(l)
        r_eff.append(r)
    return a_eff, l_eff, r_eff


def _flows(N, a_eff, l_eff, r_eff):
    n = len(N)
    A = [a_eff[i] * N[i] for i in range(n)]
    L = [l_eff[i] * N[i] for i in range(n)]
    R = 0.0
    for i in range(n):
        R = R + r_eff[i] * N[i]
    return A, L, R


def _next_state(N, A, L, R, E):
    n = len(N)
    nxt = [0.0] * n
    nxt[0] = N[0] - A[0] - L[0] + E + R
    for i in range(1, n):
        nxt[i] = N[i] - A[i] - L[i] + A[i - 1]
    return nxt


def _figures(N, A, L, R, E, customer):
    n = len(N)
    total = _add(N)
    customers = _add(N[i] for i in range(n) if customer[i])
    new_c = 0.0
    for i in range(1, n):
        if customer[i] and not customer[i - 1]:
            new_c = new_c + A[i - 1]
    if customer[0]:
        new_c = new_c + E + R
    churn = _add(L[i] for i in range(n) if customer[i])
    dropoff = _add(L[i] for i in range(n) if not customer[i])
    momentum = _add(A) + R
    return total, customers, new_c, churn, dropoff, R, momentum


def customers_at_horizon(stages, E, H, rates):
    """customers(H) alone (used for the points' impacts)."""
    a_eff, l_eff, r_eff = rates
    customer = [st["customer"] for st in stages]
    N = [st["count"] for st in stages]
    for _ in range(H):
        A, L, R = _flows(N, a_eff, l_eff, r_eff)
        N = _next_state(N, A, L, R, E)
    return _add(N[i] for i in range(len(N)) if customer[i])


def loop_gain(stages, rates):
    """(G, list of T_i) per MODEL.md's summary figures."""
    a_eff, l_eff, r_eff = rates
    n = len(stages)
    P = 1.0
    T = []
    for i in range(n):
        out = a_eff[i] + l_eff[i]
        if out > 0.0:
            T.append(P / out)
            P = P * a_eff[i] / out
        else:
            T.append(INF if P > 0.0 else 0.0)
            P = 0.0
    G = 0.0
    for i in range(n):
        term = 0.0 if r_eff[i] == 0.0 else r_eff[i] * T[i]
        G = G + term
    return G, T


def find_scenario(project, scenario_name=None):
    scenarios = project["scenarios"]
    if scenario_name is None:
        return scenarios[0]
    for sc in scenarios:
        if sc["name"] == scenario_name:
            return sc
    raise KeyError("no scenario named %r" % (scenario_name,))


def _inputs(project, scenario_name, horizon):
    """A scenario's inputs with defaults filled in, and where its points sit."""
    sc = find_scenario(project, scenario_name)
    H = int(project["horizon"] if horizon is None else horizon)
    E = float(sc.get("inflow", 0.0))
    stages = [_normalise_stage(st) for st in sc["stages"]]
    points = [_normalise_point(pt) for pt in sc.get("points", [])]
    customer = [st["customer"] for st in stages]
    starts = arc_starts([st["weight"] for st in stages])
    point_stage = [stage_of_angle(pt["angle"], starts) for pt in points]
    enabled = [pt["enabled"] for pt in points]
    return sc, H, E, stages, points, customer, point_stage, enabled


def simulate(project, scenario_name=None, horizon=None):
    """The `simulate --format json` object for one scenario of a project.

    project is the JSON interchange dict; non-finite figures are None."""
    sc, H, E, stages, points, customer, point_stage, enabled = _inputs(
        project, scenario_name, horizon)
    n = len(stages)
    rates = effective_rates(stages, points, point_stage, enabled)
    a_eff, l_eff, r_eff = rates

    rows = []
    N = [st["count"] for st in stages]
    tot_churn = tot_ref = tot_new = 0.0
    customers_end = 0.0
    for t in range(H + 1):
        A, L, R = _flows(N, a_eff, l_eff, r_eff)
        total, customers, new_c, churn, dropoff, refs, momentum = _figures(
            N, A, L, R, E, customer)
        rows.append({
            "period": t,
            "stages": [_finite_or_none(x) for x in N],
            "total": _finite_or_none(total),
            "customers": _finite_or_none(customers),
            "new_customers": _finite_or_none(new_c),
            "churn": _finite_or_none(churn),
            "dropoff": _finite_or_none(dropoff),
            "referrals": _finite_or_none(refs),
            "momentum": _finite_or_none(momentum),
        })
        if t < H:
            tot_churn = tot_churn + churn
            tot_ref = tot_ref + refs
            tot_new = tot_new + new_c
            N = _next_state(N, A, L, R, E)
        else:
            customers_end = customers

    G, T = loop_gain(stages, rates)
    self_sustaining = G >= 1.0
    if G < 1.0 and all(math.isfinite(x) for x in T):
        steady = (E / (1.0 - G)) * _add(T[i] for i in range(n) if customer[i])
    else:
        steady = INF  # written as null

    # Impacts: customers(H) with point k on minus with it off.  Runs whose
    # effective rates are bit-for-bit the same give the same customers(H),
    # so they are computed once.
    cache = {tuple(a_eff + l_eff + r_eff): customers_end}

    def run(flags):
        rt = effective_rates(stages, points, point_stage, flags)
        key = tuple(rt[0] + rt[1] + rt[2])
        if key not in cache:
            cache[key] = customers_at_horizon(stages, E, H, rt)
        return cache[key]

    out_points = []
    for k, pt in enumerate(points):
        on = list(enabled)
        on[k] = True
        off = list(enabled)
        off[k] = False
        impact = run(on) - run(off)
        out_points.append({
            "name": pt["name"],
            "stage": point_stage[k],
            "impact": _finite_or_none(impact),
        })

    return {
        "project": project["name"],
        "scenario": sc["name"],
        "period": project["period"],
        "horizon": H,
        "rows": rows,
        "summary": {
            "loop_gain": _finite_or_none(G),
            "self_sustaining": bool(self_sustaining),
            "steady_customers": _finite_or_none(steady),
            "customers_end": _finite_or_none(customers_end),
            "total_churn": _finite_or_none(tot_churn),
            "total_referrals": _finite_or_none(tot_ref),
            "total_new_customers": _finite_or_none(tot_new),
        },
        "points": out_points,
    }


def summary_only(project, scenario_name=None, horizon=None):
    """`simulate --format summary`: the simulate object without "rows"."""
    out = simulate(project, scenario_name, horizon)
    del out["rows"]
    return out


def compare(project, horizon=None):
    """`compare --format json`: every scenario's summary, in file order."""
    result = []
    for sc in project["scenarios"]:
        item = {"scenario": sc["name"]}
        item.update(simulate(project, sc["name"], horizon)["summary"])
        result.append(item)
    return result


def _order_key(x):
    """Ascending, with nan after +inf."""
    return (1, 0.0) if math.isnan(x) else (0, x)


def nearest_rank(q, D):
    """k = ceil(q * D / 100), and 1 when that is 0 (integers, exactly)."""
    k = -((-q * D) // 100)
    return max(k, 1)


def band_draws(project, scenario_name=None, horizon=None, draws=1000,
               seed=1):
    """customers(t) of every draw: a list of D lists of H + 1 values."""
    sc, H, E, stages, points, customer, point_stage, enabled = _inputs(
        project, scenario_name, horizon)
    n = len(stages)
    u = {"advance": 0.0, "loss": 0.0, "referral": 0.0, "inflow": 0.0}
    u.update(sc.get("uncertainty", {}))
    rng = random.Random(seed)

    result = []
    for _ in range(draws):
        # For every stage independently U_a, U_l, U_r; one U_E.
        advance, loss, referral = [], [], []
        for st in stages:
            advance.append(st["advance"] * (1.0 + u["advance"] * rng.uniform(-1.0, 1.0)))
            loss.append(st["loss"] * (1.0 + u["loss"] * rng.uniform(-1.0, 1.0)))
            referral.append(st["referral"] * (1.0 + u["referral"] * rng.uniform(-1.0, 1.0)))
        E_draw = E * (1.0 + u["inflow"] * rng.uniform(-1.0, 1.0))
        a_eff, l_eff, r_eff = effective_rates_from(
            stages, points, point_stage, enabled, advance, loss, referral)
        N = [st["count"] for st in stages]
        values = []
        for t in range(H + 1):
            values.append(_add(N[i] for i in range(n) if customer[i]))
            if t < H:
                A, L, R = _flows(N, a_eff, l_eff, r_eff)
                N = _next_state(N, A, L, R, E_draw)
        result.append(values)
    return result


def percentiles(values, D):
    """MODEL.md's 10th, 50th and 90th percentiles of D values."""
    ordered = sorted(values, key=_order_key)
    return [ordered[nearest_rank(q, D) - 1] for q in (10, 50, 90)]


def band(project, scenario_name=None, horizon=None, draws=1000, seed=1):
    """The band of customers: (p10, p50, p90) for t = 0..H."""
    per_draw = band_draws(project, scenario_name, horizon, draws, seed)
    H = len(per_draw[0]) - 1
    return [tuple(percentiles([d[t] for d in per_draw], draws))
            for t in range(H + 1)]


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Reference simulation of a flywheel project (MODEL.md).")
    ap.add_argument("project", help="project in the JSON interchange format")
    ap.add_argument("--scenario", help="scenario name (default: the first)")
    ap.add_argument("--horizon", type=int, help="override the horizon")
    args = ap.parse_args(argv)
    with open(args.project, encoding="utf-8") as f:
        project = json.load(f)
    result = simulate(project, args.scenario, args.horizon)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2,
              allow_nan=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
