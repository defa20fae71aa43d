"""Site suggestions: which candidate sites to open so that most residents are served.

Three questions, each for shelters (capacitated), activity space of a life circle, or a facility
kind:

* **add k** — which ``k`` candidates maximise the persons sheltered (or covered), the existing
  sites fixed;
* **reach a target** — the fewest candidates (least total ``cost`` when candidates carry one)
  that reach a target share of the population, or how close the candidates can get.

Candidates are a plan layer of role ``candidates`` (or, for shelters, ``auto``: the activity
spaces that are not yet dual-use and the open parcels). Each goes through the same 避/防/让 checks
as real shelters in the chosen scenario; candidates the checks leave no room on, that hold
nobody or reach nobody are excluded, with the reason.

This module asks the question and reads the answer: the candidates, their checks and distances,
the exclusions, the figures before and after. The models and their solvers
(README, "Site suggestions") are in :mod:`spaceplanner.engine.covering`: solved exactly with
HiGHS within a time limit, the optimality gap reported; a model too large for the limit falls back
to a greedy selection with the LP relaxation as bound, and says so.

Progress and cancel go through a :class:`~spaceplanner.feedback.Feedback` (step codes
``candidates``, ``checks``, ``solving``, ``ranking``, ``done``); the exact solver itself cannot
be interrupted, so a cancel while it runs takes effect when it returns (at the latest after the
time limit).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner.engine import covering
from spaceplanner.engine.capacity import assign
from spaceplanner.engine.covering import MAX_VARIABLES, MIP_GAP, CoveringModel
from spaceplanner.engine.evaluation import Evaluator, ShelterProblem
from spaceplanner.engine.siting import is_dual_use
from spaceplanner.feedback import Feedback
from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import closest
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.commands import AddFeatures, AddLayer
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.model.rules import Profile

__all__ = ["Suggestion", "Suggestions", "adding_command", "suggest"]

#: Words of a parcel's land use that mark open ground (a shelter candidate with ``auto``).
OPEN_LAND_USES = (
    "vacant", "open", "park", "green", "square", "plaza", "school", "sport", "pitch",
    "空地", "闲置", "绿地", "公园", "广场", "学校", "操场", "体育",
)  # fmt: skip

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Suggestion:
    """One suggested site."""

    id: str
    layer: str
    rank: int
    gain: float
    capacity: float | None
    mean_distance_m: float | None
    reason: str
    geometry: Any = field(repr=False, default=None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (without the geometry)."""
        return {
            "id": self.id,
            "layer": self.layer,
            "rank": self.rank,
            "gain": self.gain,
            "capacity": self.capacity,
            "mean_distance_m": self.mean_distance_m,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Suggestions:
    """The answer to one question: the suggested sites and the figures before and after."""

    question: dict[str, Any]
    suggestions: list[Suggestion]
    before: float
    after: float
    population: float
    optimal: bool
    gap: float
    curve: list[float]
    solver: str
    excluded: list[dict[str, str]]
    candidates: int
    notes: list[str]
    seconds: float
    reached: bool = True
    crs: Any = None

    def to_dict(self) -> dict[str, Any]:
        """The ``suggestions.json`` contract (README, "Site suggestions")."""
        return {
            "question": self.question,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "before": self.before,
            "after": self.after,
            "population": self.population,
            "share_before": self.before / self.population if self.population else 0.0,
            "share_after": self.after / self.population if self.population else 0.0,
            "optimal": self.optimal,
            "gap": self.gap,
            "curve": self.curve,
            "solver": self.solver,
            "target_reached": self.reached,
            "candidates_considered": self.candidates,
            "excluded": self.excluded,
            "notes": self.notes,
            "seconds": self.seconds,
        }

    def layer(self) -> gpd.GeoDataFrame:
        """The ``suggestions`` layer: one feature per suggested site, by rank."""
        rows = [s.to_dict() for s in self.suggestions]
        return gpd.GeoDataFrame(
            pd.DataFrame(rows, columns=list(Suggestion.__dataclass_fields__)[:-1]),
            geometry=[s.geometry for s in self.suggestions],
            crs=self.crs,
        )


# -- candidates ---------------------------------------------------------------------------------


def _joined(reasons: list[str]) -> str:
    """Reasons as one text: ``a; b; c``, each said in the language."""
    out = reasons[0] if reasons else ""
    for reason in reasons[1:]:
        out = tx("{items}; {item}").format(items=out, item=reason)
    return out


def _candidate_frame(plan: Plan, name: str, for_: str) -> tuple[str, gpd.GeoDataFrame]:
    """The candidates as one frame: id, name, capacity, area, cost, class, geometry."""
    if name == "auto":
        if for_ != "shelters":
            msg: str = tx("automatic candidates are open ground for shelters only")
            raise PlanError(
                msg,
                field="candidates",
                hint=tx("name a layer of role 'candidates' with --candidates"),
            )
        parts = []
        for lyr in plan.by_role("activity_spaces"):
            f = lyr.frame
            if f is None:
                continue
            dual = f["dual_use"].map(is_dual_use) if "dual_use" in f else False
            f = f[~np.asarray(dual, dtype=bool)]
            parts.append(f.assign(id=lyr.name + "/" + f["id"].astype(str), source=lyr.name))
        for lyr in plan.by_role("parcels"):
            f = lyr.frame
            if f is None or "land_use" not in f:
                continue
            use = f["land_use"].astype(str).str.casefold()
            mask = np.zeros(len(f), dtype=bool)
            for word in OPEN_LAND_USES:
                mask |= use.str.contains(word, regex=False).to_numpy()
            f = f[mask]
            parts.append(f.assign(id=lyr.name + "/" + f["id"].astype(str), source=lyr.name))
        parts = [p for p in parts if len(p)]
        if not parts:
            msg = tx(
                "the plan has no open ground to suggest: no activity space that is not yet a "
                "shelter and no parcel whose land use is open"
            )
            raise PlanError(msg, field="candidates", hint=tx("add a layer of role 'candidates'"))
        frame = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=parts[0].crs)
        return tx("open ground"), frame
    layer = plan.layers.get(name)
    if layer is None:
        names = [n for n, lyr in plan.layers.items() if lyr.role == "candidates"]
        guess = closest(name, names) if names else None
        hint = (
            tx("did you mean '{guess}'?").format(guess=guess)
            if guess
            else tx("candidate layers: {names}").format(names=", ".join(names))
            if names
            else tx("add a layer of role 'candidates' to the plan, or use --candidates auto")
        )
        msg = tx("no candidates layer '{name}' in the plan").format(name=name)
        raise PlanError(msg, file=str(plan.path) if plan.path else None, layer=name, hint=hint)
    if layer.frame is None or layer.frame.empty:
        msg = tx("the candidates layer has no features")
        raise PlanError(msg, layer=name, hint=tx("add candidate sites"))
    return name, layer.frame


def _as_role(frame: gpd.GeoDataFrame, name: str, role: str, kind: str | None) -> PlanLayer:
    """The candidates as a layer of ``role`` (shelters, activity_spaces or facilities)."""
    cols: dict[str, Any] = {"id": frame["id"].astype(str).to_numpy()}
    if "name" in frame:
        cols["name"] = frame["name"].to_numpy()
    if role == "shelters":
        if "capacity" in frame:
            cols["capacity"] = frame["capacity"].to_numpy(float)
        if "area" in frame:
            cols["effective_area"] = frame["area"].to_numpy(float)
        elif "effective_area" in frame:
            cols["effective_area"] = frame["effective_area"].to_numpy(float)
        if "class" in frame:
            cols["class"] = frame["class"].to_numpy(object)
    elif role == "activity_spaces":
        if "area" in frame:
            cols["area"] = frame["area"].to_numpy(float)
    else:
        cols["kind"] = np.full(len(frame), kind, dtype=object)
    out = gpd.GeoDataFrame(cols, geometry=frame.geometry.to_numpy(), crs=frame.crs)
    return PlanLayer(name, role, frame=out)


# -- the problem: groups and arcs ---------------------------------------------------------------


# -- the question -----------------------------------------------------------------------------


def _parse_for(for_: str, profile: Profile) -> tuple[str, str | None]:
    if for_ in ("shelters", "activity_spaces"):
        return for_, None
    if for_.startswith("facility:") and for_.removeprefix("facility:"):
        return "facilities", for_.removeprefix("facility:")
    msg = tx("cannot suggest sites for '{what}'").format(what=for_)
    raise PlanError(
        msg,
        field="for",
        hint=tx("use shelters, activity_spaces or facility:KIND (e.g. facility:clinic)"),
    )


def suggest(
    plan: Plan,
    *,
    for_: str = "shelters",
    candidates: str = "candidates",
    add: int | None = None,
    target: float | None = None,
    scenario: str | None = None,
    rules: str | None = None,
    circle: str | None = None,
    time_limit: float = 60.0,
    feedback: Feedback | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Suggestions:
    """Suggest sites to open among the candidates.

    Parameters
    ----------
    plan
        The plan (not changed).
    for_
        ``shelters``, ``activity_spaces`` or ``facility:KIND``.
    candidates
        The name of a plan layer of role ``candidates``, or ``auto`` (shelters: open ground).
    add, target
        Exactly one: the number of sites to add, or the share of residents (0-1) to reach.
    scenario, rules
        The hazard scenario of the checks and the rule profile (the plan's when omitted).
    circle
        For activity spaces, the life circle (the profile's smallest when omitted).
    time_limit
        Seconds for the exact solver.
    feedback
        Progress by step code (``candidates``, ``checks``, ``solving``, ``ranking``, ``done``)
        and cancel: a cancel stops the work with :class:`~spaceplanner.feedback.CancelledError`
        at the next step (the exact solver runs to its end or its time limit first).
    progress, cancel
        Simple callbacks instead of ``feedback``: ``progress(fraction, English label)``,
        ``cancel()`` returning True to stop.

    Raises
    ------
    PlanError
        On a bad question (no candidates, k out of range, a target above what is reachable, a
        time limit of 0).
    """
    start = time.perf_counter()
    fb = feedback or Feedback.from_callbacks(progress, cancel)
    if (add is None) == (target is None):
        msg: str = tx("ask one question: --add K (sites to add) or --target SHARE (share to reach)")
        raise PlanError(msg, field="add", hint=tx("e.g. --add 3 or --target 1.0"))
    if add is not None and (isinstance(add, bool) or int(add) != add or add < 1):
        msg = tx("--add {value} is not a number of sites").format(value=repr(add))
        raise PlanError(msg, field="add", hint=tx("give a whole number of at least 1"))
    if target is not None and not (math.isfinite(target) and 0 < target <= 1):
        msg = tx("--target {value} is not a share").format(value=repr(target))
        raise PlanError(msg, field="target", hint=tx("give a share between 0 and 1, e.g. 0.95"))
    if not (math.isfinite(time_limit) and time_limit > 0):
        msg = tx("a time limit of {value} s leaves the solver no time").format(
            value=repr(time_limit)
        )
        raise PlanError(
            msg, field="time_limit", hint=tx("give a positive number of seconds, e.g. 60")
        )

    fb.step("candidates", 0.0)
    ev = Evaluator(plan, rules=rules)
    profile = ev.profile
    role, kind = _parse_for(for_, profile)
    cand_name, frame = _candidate_frame(plan, candidates, role)
    frame = frame.reset_index(drop=True)
    if "id" not in frame:
        frame = frame.assign(id=[f"{cand_name}-{i + 1}" for i in range(len(frame))])
    ids = frame["id"].astype(str).to_numpy()
    cost = frame["cost"].to_numpy(float) if "cost" in frame else np.ones(len(frame))
    cost = np.where(np.isfinite(cost) & (cost > 0), cost, 1.0)
    work_name = f"{cand_name} (candidate)"
    excluded: list[dict[str, str]] = []
    notes: list[str] = []

    # every candidate through the 避/防/让 checks, as a shelter would be
    shelter_layer = _as_role(frame, work_name, "shelters", None)
    work = replace(plan, layers={**plan.layers, work_name: shelter_layer})
    wev = Evaluator(work, rules=rules)
    fb.step("checks", 0.1)
    problem = wev.shelter_problem(scenario=scenario)
    table = problem.table.reset_index(drop=True)
    is_cand = (table["layer"] == work_name).to_numpy()
    cand_rows = np.flatnonzero(is_cand)  # in candidate order
    by_site: dict[str, list[str]] = {}
    for v in problem.violations:
        if v.get("layer") == work_name:
            by_site.setdefault(str(v["id"]), []).append(
                tx("{principle} {message}").format(principle=v["principle"], message=v["message"])
            )
    safe = problem.eligible[cand_rows]
    for j in np.flatnonzero(~safe):
        reasons = by_site.get(ids[j]) or [tx("no room left after the checks")]
        excluded.append({"id": ids[j], "reason": _joined(reasons)})
    scenario_used = wev.scenario
    question: dict[str, Any] = {
        "for": for_,
        "candidates": candidates,
        "add": add,
        "target": target,
        "scenario": scenario_used,
        "rules": profile.name,
        "time_limit_s": time_limit,
    }

    population = problem.population
    total = float(population.sum())
    if role == "shelters":
        capacity = problem.capacity.copy()
        pairs = problem.pairs
        s_idx = pairs["s"].to_numpy(np.int64)
        r_idx = pairs["r"].to_numpy(np.int64)
        cap_c = capacity[cand_rows]
        reach = np.bincount(s_idx, minlength=len(table))[cand_rows] > 0
        for j in np.flatnonzero(safe & (cap_c <= 0)):
            excluded.append({"id": ids[j], "reason": tx("no capacity: give a capacity or an area")})
        for j in np.flatnonzero(safe & (cap_c > 0) & ~reach):
            excluded.append({"id": ids[j], "reason": tx("nobody lives within its radius")})
        usable_c = safe & (cap_c > 0) & reach
        keep_site = ~is_cand
        keep_site[cand_rows[usable_c]] = True
        new_index = np.full(len(table), -1, dtype=np.int64)
        new_index[keep_site] = np.arange(int(keep_site.sum()))
        arc_ok = keep_site[s_idx]
        group_pop, arc_g, arc_s = covering.groups(
            r_idx[arc_ok], new_index[s_idx[arc_ok]], population, int(keep_site.sum())
        )
        model = CoveringModel(
            group_pop,
            arc_g,
            arc_s,
            capacity[keep_site],
            is_cand[keep_site],
            cost[usable_c],
        )
        before = _engine_after(problem, is_cand, np.empty(0, np.int64))
        question["radius"] = tx("per shelter class")
        usable_ids = ids[usable_c]
        usable_cap: np.ndarray | None = cap_c[usable_c]
        distances = pairs.assign(keep=arc_ok)
    else:
        if role == "activity_spaces":
            circles = {c.name: c for c in profile.circles}
            name = circle or profile.circles[0].name
            if name not in circles:
                msg = tx("profile '{profile}' has no life circle '{name}'").format(
                    profile=profile.name, name=name
                )
                hint = tx("circles: {names}").format(names=", ".join(circles))
                raise PlanError(msg, field="circle", hint=hint)
            radius = circles[name].radius_m.value
            key = f"space_{name}"
            geoms = frame.geometry.to_numpy()
            area = frame["area"].to_numpy(float) if "area" in frame else np.full(len(frame), np.nan)
            area = np.where(np.isnan(area), shapely.area(geoms), area)
            small = area < circles[name].min_area_m2.value
            for j in np.flatnonzero(safe & small):
                excluded.append(
                    {
                        "id": ids[j],
                        "reason": tx(
                            "{area:,.0f} m² is below the {name} circle's minimum {minimum:,.0f} m²"
                        ).format(area=area[j], name=name, minimum=circles[name].min_area_m2.value),
                    }
                )
            safe = safe & ~small
            question["circle"] = name
        else:
            assert kind is not None
            rule = profile.facility_radius.get(kind)
            if rule is None:
                msg = tx("profile '{profile}' has no service radius for '{kind}'").format(
                    profile=profile.name, kind=kind
                )
                raise PlanError(msg, field="for", hint=tx("choose a kind the profile rates"))
            radius = rule.value
            key = kind
        question["radius"] = radius
        layer = _as_role(frame, work_name, role, kind)
        site, resident, _d = ev.coverage_problem(layer, radius, scenario=scenario)
        covered = ev.covered(key, scenario=scenario)
        fixed = float(population[covered].sum())
        keep = safe[site] & ~covered[resident]
        reach_any = np.bincount(site[keep], minlength=len(frame)) > 0
        for j in np.flatnonzero(safe & ~reach_any):
            excluded.append(
                {"id": ids[j], "reason": tx("reaches nobody who is not served already")}
            )
        usable_c = safe & reach_any
        new_index = np.full(len(frame), -1, dtype=np.int64)
        new_index[usable_c] = np.arange(int(usable_c.sum()))
        arc_ok = usable_c[site] & ~covered[resident]
        group_pop, arc_g, arc_s = covering.groups(
            resident[arc_ok], new_index[site[arc_ok]], population, int(usable_c.sum())
        )
        model = CoveringModel(
            group_pop,
            arc_g,
            arc_s,
            None,
            np.ones(int(usable_c.sum()), dtype=bool),
            cost[usable_c],
            fixed=fixed,
        )
        before = fixed
        usable_ids = ids[usable_c]
        usable_cap = None
        distances = None

    n_c = int(usable_c.sum())
    if n_c == 0:
        msg = tx("no usable candidate: all {n} were excluded").format(n=len(frame))
        listed = _joined(
            [tx("{id}: {reason}").format(id=e["id"], reason=e["reason"]) for e in excluded[:3]]
        )
        hint = tx("{listed} — add other candidates").format(listed=listed)
        raise PlanError(msg, layer=cand_name, hint=hint)
    if add is not None and add > n_c:
        msg = tx("--add {add} asks for more sites than the {n} usable candidates").format(
            add=add, n=n_c
        )
        hint = tx("give at most {n}, or add candidates").format(n=n_c)
        raise PlanError(msg, field="add", hint=hint)
    need = None
    if target is not None:
        need = target * total
        best_all = model.value(np.arange(n_c))
        if best_all < need - 1e-6:
            msg = tx(
                "the target {target:.1%} cannot be reached with these candidates: at most "
                "{share:.1%} ({best:,.0f} of {total:,.0f} persons) with all {n} usable "
                "candidates open"
            ).format(target=target, share=best_all / total, best=best_all, total=total, n=n_c)
            raise PlanError(msg, layer=cand_name, hint=tx("add candidates, or lower the target"))

    fb.step("solving", 0.3)
    n_vars = (model.group_pop.size if model.capacity is None else model.arc_g.size) + n_c
    solver: str = tx("HiGHS MILP")
    chosen: np.ndarray | None = None
    gap = math.nan
    optimal = False
    if before >= (need if need is not None else math.inf) - 1e-9:
        chosen, optimal, gap = np.empty(0, np.int64), True, 0.0
        notes.append(tx("the existing sites already reach the target: nothing to add"))
    elif n_vars <= MAX_VARIABLES:
        chosen, objective, bound, optimal = covering.solve(
            model, k=add, need=need, time_limit=time_limit
        )
        if chosen is not None:
            gap = abs(bound - objective) / max(abs(objective), 1e-9)
            if not optimal:
                notes.append(
                    tx(
                        "the solver stopped at the time limit ({limit:g} s) with a gap of "
                        "{gap:.2%}: the answer may not be the best"
                    ).format(limit=time_limit, gap=gap)
                )
    else:
        notes.append(
            tx(
                "the model has {n:,} variables (more than {most:,}): solved greedily, with the "
                "LP relaxation as bound"
            ).format(n=n_vars, most=MAX_VARIABLES)
        )
    if chosen is None:
        solver = tx("greedy (LP bound)")
        chosen = covering.greedy(model, k=add, need=need, feedback=fb)
        if add is not None:
            _x, _o, lp_bound, _ok = covering.solve(
                model, k=add, need=None, time_limit=time_limit, relax=True
            )
            value = model.value(chosen)
            gap = abs(lp_bound - value) / max(value, 1e-9) if np.isfinite(lp_bound) else math.nan
        else:
            gap = math.nan
        optimal = bool(gap <= MIP_GAP) if np.isfinite(gap) else False
        if not any("greedily" in n for n in notes):
            notes.append(tx("the exact solver found no answer in the time limit: solved greedily"))

    if add is not None and chosen.size:
        chosen = covering.prefer_earlier(model, chosen)
    fb.step("ranking", 0.8)
    order, gains, curve = covering.rank(model, chosen)
    useful = np.asarray(gains) > 1e-6
    if not useful.all():
        # a site that adds nobody is no suggestion (the solver may open it at no loss)
        dropped = int((~useful).sum())
        order = order[useful]
        gains = [g for g, u in zip(gains, useful, strict=True) if u]
        curve = [c for c, u in zip(curve, useful, strict=True) if u]
        if add is not None:
            notes.append(
                (
                    tx(
                        "{dropped} of the {add} sites asked for would add nobody: no candidate "
                        "serves anyone not served already"
                    )
                    if not gains
                    else tx("{dropped} of the {add} sites asked for would add nobody: left out")
                ).format(dropped=dropped, add=add)
            )
    after = curve[-1] if curve else before
    if role == "shelters":
        # the engine's own figure (its assignment counts persons to 0.001)
        after_eval = _engine_after(problem, is_cand, cand_rows[usable_c][order])
        if curve:
            curve[-1] = after_eval
        after = after_eval
    suggestions = []
    for rank, (pick, gain) in enumerate(zip(order, gains, strict=True), start=1):
        c = int(pick)
        mean_d = None
        if distances is not None:
            row = cand_rows[usable_c][c]
            sel = distances["s"].to_numpy() == row
            if sel.any():
                w = population[distances["r"].to_numpy()[sel]]
                mean_d = (
                    float(np.average(distances["d"].to_numpy()[sel], weights=w))
                    if w.sum()
                    else None
                )
        cap = float(usable_cap[c]) if usable_cap is not None else None
        if role == "shelters" and cap is not None:
            reason: str = tx("+{gain:,.0f} persons sheltered (holds {cap:,.0f} after the checks)")
        elif role == "shelters":
            reason = tx("+{gain:,.0f} persons sheltered")
        elif cap is not None:
            reason = tx("+{gain:,.0f} persons covered (holds {cap:,.0f} after the checks)")
        else:
            reason = tx("+{gain:,.0f} persons covered")
        reason = reason.format(gain=gain, cap=cap)
        geom = frame.geometry.to_numpy()[np.flatnonzero(usable_c)[c]]
        suggestions.append(
            Suggestion(str(usable_ids[c]), cand_name, rank, float(gain), cap, mean_d, reason, geom)
        )
    fb.step("done", 1.0)
    return Suggestions(
        question=question,
        suggestions=suggestions,
        before=float(before),
        after=float(after),
        population=total,
        optimal=bool(optimal),
        gap=float(gap) if np.isfinite(gap) else float("nan"),
        curve=[float(c) for c in curve],
        solver=solver,
        excluded=excluded,
        candidates=len(frame),
        notes=notes,
        seconds=time.perf_counter() - start,
        reached=need is None or after >= need - 1e-6,
        crs=plan.crs,
    )


def _engine_after(problem: ShelterProblem, is_cand: np.ndarray, rows: np.ndarray) -> float:
    """Persons sheltered, as the evaluation counts them, with the candidate ``rows`` open."""
    on = ~is_cand
    on[rows] = True
    pairs = problem.pairs
    keep = on[pairs["s"].to_numpy(np.int64)]
    cap = np.where(on, problem.capacity, 0.0)
    return float(assign(problem.population, cap, pairs[keep], problem.group_key).flow)


def adding_command(plan: Plan, result: Suggestions) -> AddFeatures | AddLayer:
    """One undoable edit that adds the suggested sites to the plan: to its first layer of the
    role asked about (shelters, activity spaces, facilities of the kind), or as a new layer
    ``suggested <role>`` when the plan has none. The new features keep the candidates' ids
    (prefixed ``suggested-`` when the id is taken) and, for shelters, their capacity."""
    for_ = str(result.question["for"])
    role = "facilities" if for_.startswith("facility:") else for_
    kind = for_.removeprefix("facility:") if role == "facilities" else None
    rows: list[tuple[dict[str, Any], Any]] = []
    for s in result.suggestions:
        values: dict[str, Any] = {"id": s.id}
        if role == "shelters" and s.capacity is not None:
            values["capacity"] = float(s.capacity)
        if kind is not None:
            values["kind"] = kind
        rows.append((values, s.geometry))
    targets = [lyr for lyr in plan.by_role(role) if lyr.frame is not None]
    if role == "activity_spaces":
        polygonal = all(shapely.get_type_id(g) in (3, 6) for _, g in rows)
        if not polygonal:
            msg = tx("activity spaces are polygons: a suggested site is a point")
            raise PlanError(msg, hint=tx("give the candidates polygon outlines"))
    if targets:
        layer = targets[0]
        assert layer.frame is not None
        taken = set(layer.frame["id"].astype(str))
        for values, _ in rows:
            if values["id"] in taken:
                values["id"] = f"suggested-{values['id']}"
        return AddFeatures(
            layer.name, rows, label=tx("Add {n} suggested sites").format(n=len(rows))
        )
    name = f"suggested {role.replace('_', ' ')}"
    frame = gpd.GeoDataFrame(
        pd.DataFrame([v for v, _ in rows]), geometry=[g for _, g in rows], crs=plan.crs
    )
    return AddLayer(
        PlanLayer(name, role, frame=frame), label=tx("Add {n} suggested sites").format(n=len(rows))
    )
