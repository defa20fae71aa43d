"""Evaluate a plan: who can walk to a shelter with room for them, to activity space, to facilities.

The pipeline (ARCHITECTURE.md §3), one stage function each, typed in and out:

    plan ─ locate_stage ─▶ Context (network, residents on it, entrances)
         ─ shelter_stage ─▶ ShelterStage (capacity after check_stage's 避/防/让, exact assignment)
         ─ space_stage, facility_stage ─▶ SpaceStage, FacilityStage (distances by circle, kind)
         ─ notes_stage, indicators ─▶ Report (spaceplanner.results.report)
         ─ gap_stage ─▶ result layers (residents, uncovered residents, gap and service areas)

The :class:`Evaluator` sequences the stages and owns their :class:`~spaceplanner.engine.cache.
StageCache`, keyed by layer versions: evaluating again after an edit recomputes only what read
the edited layers (and, inside a layer, only the edited sites); everything after the per-layer
distances is cheap and recomputed every time, so an incremental evaluation is the same
computation as a full one, on the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from spaceplanner import settings
from spaceplanner.engine.cache import StageCache
from spaceplanner.engine.check_stage import route_checks, typed_violation
from spaceplanner.engine.daily import facility_stage, space_stage
from spaceplanner.engine.distance import group_reach
from spaceplanner.engine.gaps import gap_stage, shelter_part, space_part, start_drawing
from spaceplanner.engine.hazards import check_scenario
from spaceplanner.engine.limits import check_memory, plan_memory
from spaceplanner.engine.locate import (
    Context,
    Inputs,
    distances,
    layer_sources,
    locate_stage,
    site_gates,
)
from spaceplanner.engine.notes import notes_stage
from spaceplanner.engine.shelter_stage import shelter_stage
from spaceplanner.feedback import CancelledError, Feedback
from spaceplanner.i18n import tx
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.model.rules import Profile, load_profile
from spaceplanner.results.indicators import check_targets, indicators
from spaceplanner.results.report import Report
from spaceplanner.results.run import prefetch_digest, run_record
from spaceplanner.results.violation_layers import violation_layers

__all__ = ["CancelledError", "Evaluator", "ResidentFacts", "ShelterProblem", "evaluate"]

Progress = Callable[[float, str], None]
PERIODS = settings.PERIODS
#: The steps an evaluation reports (:mod:`spaceplanner.feedback` codes), in order.
STEPS = ("network", "shelters", "activity_spaces", "facilities", "gaps")


@dataclass(frozen=True)
class ShelterProblem:
    """The shelters of a plan after the checks, and who can walk to each (see
    :meth:`Evaluator.shelter_problem`)."""

    table: pd.DataFrame
    pairs: pd.DataFrame
    capacity: np.ndarray
    eligible: np.ndarray
    population: np.ndarray
    group_key: np.ndarray
    violations: list[dict[str, Any]]
    sheltered: float


@dataclass(frozen=True)
class ResidentFacts:
    """What each resident point gets (see :meth:`Evaluator.resident_facts`).

    Attributes
    ----------
    ids, layer, xy, population
        The resident points (ids and layers as in the plan, coordinates in its CRS).
    sheltered
        Persons of each point with a place in a shelter (the report's exact assignment).
    shelter, shelter_distance
        The shelter (a row of ``shelters``; -1: none) taking most of each point's persons, and
        the walk to it (m; infinite for none).
    shelters
        The shelters after the checks: ``id``, ``layer``, ``name``, ``class``, ``radius_m``,
        ``capacity_persons`` and ``geometry`` (the dual-use spaces included).
    facilities, spaces
        Each point's walk to the nearest site of each facility kind, and of each life circle's
        activity spaces, within the radius (infinite beyond it).
    """

    ids: np.ndarray
    layer: np.ndarray
    xy: np.ndarray
    population: np.ndarray
    sheltered: np.ndarray
    shelter: np.ndarray
    shelter_distance: np.ndarray
    shelters: gpd.GeoDataFrame
    facilities: dict[str, np.ndarray]
    spaces: dict[str, np.ndarray]


class Evaluator:
    """Evaluates a plan, reusing the stages' work across calls.

    Parameters
    ----------
    plan
        The plan (its layers may be edited between calls to :meth:`evaluate`; edits replace a
        layer's frame, as the edit commands do).
    rules
        Rule profile name or path; the plan's when omitted.
    check_content
        Notice layers whose frame was changed in place (O(data) per evaluation). The desktop,
        whose edits are commands that replace frames (a new layer version each), turns it off.
    """

    def __init__(self, plan: Plan, *, rules: str | None = None, check_content: bool = True) -> None:
        if plan.crs is None or not plan.layers:
            msg = tx("the plan has no usable layers")
            raise PlanError(msg, file=str(plan.path) if plan.path else None)
        self.plan = plan
        self.profile: Profile = load_profile(rules or plan.rules)
        self.scenario = plan.scenario
        self.cache = StageCache()
        self.check_content = check_content

    def _inputs(self, scenario: str | None, feedback: Feedback | None = None) -> Inputs:
        self.scenario = scenario or self.plan.scenario
        check_scenario(self.scenario, self.plan)
        if self.check_content:
            self.cache.notice_in_place_edits(self.plan)
        self.cache.forget_missing(set(self.plan.layers))
        return Inputs(self.plan, self.profile, self.scenario, self.cache, feedback or Feedback())

    def evaluate(
        self,
        *,
        scenario: str | None = None,
        period: str = "both",
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        gaps: bool | str = True,
        feedback: Feedback | None = None,
        draw_apart: bool = False,
    ) -> Report:
        """Evaluate the plan as it is now.

        Parameters
        ----------
        scenario
            Hazard scenario (``flood``, ``earthquake``, ``fire``, ``all`` or a user type); the
            plan's when omitted. Its hazard zones shape the emergency period.
        period
            ``normal`` (daily life: activity space and facilities), ``emergency`` (shelters,
            dual-use spaces switched to shelters, after the 避/防/让 checks) or ``both``.
        gaps
            Also build the gap layers; the figures do not need them. ``"points"`` builds only the
            cheap ones (residents with their distances, uncovered residents, shelters with their
            load, hazard zones) and leaves out gap areas and service areas, which take seconds
            at city scale: the desktop app's live updates after an edit use it.
        feedback
            Progress by step code (:data:`STEPS`, then ``done``) and cancel; see
            :mod:`spaceplanner.feedback`. A cancel stops the evaluation with
            :class:`~spaceplanner.feedback.CancelledError`.
        progress, cancel
            Simple callbacks instead of ``feedback``: ``progress(fraction, English label)``,
            ``cancel()`` returning True to stop.
        draw_apart
            With ``gaps=True``: draw the gap and service areas of a large plan in a forked copy
            of the process, on another core, started once the residents are located (it draws
            their ground while the figures are worked out) and going on while the caller does
            (the command line writes the other layers meanwhile); reading those layers waits
            for them. See :class:`spaceplanner.engine.gaps.AreaDrawing`.
        """
        if period not in PERIODS:
            msg: str = tx("unknown period '{period}'").format(period=period)
            hint = tx("use one of {names}").format(names=", ".join(PERIODS))
            raise PlanError(msg, field="period", hint=hint)
        if gaps not in (True, False, "points"):
            msg = tx("unknown gaps option {value}").format(value=repr(gaps))
            raise PlanError(msg, field="gaps", hint=tx("use True, False or 'points'"))
        if feedback is not None and (progress is not None or cancel is not None):
            msg = "give either feedback or the progress/cancel callbacks, not both"
            raise TypeError(msg)
        fb = feedback or Feedback.from_callbacks(progress, cancel)
        # the plan file's digest for the run record, hashed beside the evaluation
        prefetch_digest(self.plan.path)
        inp = self._inputs(scenario, fb)
        where = str(self.plan.path) if self.plan.path else None
        check_targets(self.plan.targets, self.profile, self._facility_kinds(), file=where)
        check_memory(plan_memory(self.plan), file=where)

        def step(i: int) -> None:
            fb.step(STEPS[i], i / len(STEPS))

        step(0)
        ctx = locate_stage(inp)
        # a large plan's gap and service areas are drawn on another core, from here on
        drawing = start_drawing(inp, ctx) if draw_apart and gaps is True else None
        step(1)
        shelters = shelter_stage(inp, ctx)
        if drawing is not None:  # the copy draws each stage's areas as the stage ends
            drawing.add(shelter_part(ctx, shelters))
        step(2)
        spaces = space_stage(inp, ctx)
        if drawing is not None:
            drawing.add(space_part(spaces))
        step(3)
        facilities = facility_stage(inp, ctx)
        violations = tuple(
            typed_violation(v) for v in [*shelters.checks.violations, *route_checks(inp)]
        )
        layers: MutableMapping[str, gpd.GeoDataFrame] = {}
        if gaps:
            step(4)
            layers = gap_stage(
                inp, ctx, shelters, spaces, facilities, areas=gaps is True, apart=drawing
            )
            layers.update(violation_layers(violations, self.plan.crs))
        emergency, normal = period != "normal", period != "emergency"
        res = ctx.residents
        report = Report(
            plan=self.plan.name,
            crs=crs_label(self.plan.crs),
            rules=self.profile.name,
            rules_title=self.profile.title,
            scenario=inp.scenario,
            distance="network" if ctx.network is not None else "straight_line",
            walking_speed_m_per_min=self.profile.walking_speed.value,
            population=res.total,
            resident_points=res.count,
            population_unreachable=float(res.population[~ctx.access.reachable].sum()),
            period=period,
            shelters=shelters.summary if emergency else None,
            activity_spaces=spaces.summary if normal else None,
            facilities=facilities.summary if normal else None,
            violations=violations,
            capacity_removed_by=shelters.summary.capacity_removed_by,
            # shelters, dual-use spaces and sensitive facilities put through 避/防/让
            sites_checked=len(shelters.checks.remaining_share),
            notes=tuple(notes_stage(inp, ctx, facilities, shelters.checks)),
            run=run_record(self.plan, self.profile, inp.scenario, period),
            indicators=indicators(
                res.total,
                shelters.summary if emergency else None,
                spaces.summary if normal else None,
                facilities.summary if normal else None,
                self.profile,
                self.plan.targets,
                has_shelters=bool(shelters.layers),
                has_spaces=bool(spaces.layers),
                unrated=facilities.unrated if normal else [],
                has_facilities=bool(self.plan.by_role("facilities")),
                space_coverage=spaces.coverage if normal else None,
                space_per_capita=spaces.per_capita if normal else None,
            ),
            detour_factor=self.profile.detour_factor.to_dict() if ctx.network is None else None,
            space_coverage=spaces.coverage if normal and spaces.coverage else None,
            space_per_capita=spaces.per_capita if normal and spaces.per_capita else None,
            layers=layers,
        )
        fb.step("done", 1.0, check=False)  # the report is complete: a cancel now changes nothing
        return report

    def _facility_kinds(self) -> set[str]:
        kinds: set[str] = set()
        for lyr in self.plan.by_role("facilities"):
            if lyr.frame is not None:
                kinds |= set(lyr.frame["kind"].astype(str))
        return kinds

    # -- inputs of the site suggestions ----------------------------------------------------------
    def _located(self, scenario: str | None) -> tuple[Inputs, Context]:
        inp = self._inputs(scenario)
        return inp, locate_stage(inp)

    def shelter_problem(self, *, scenario: str | None = None) -> ShelterProblem:
        """The shelter step as the site suggestions need it: every shelter (dual-use spaces
        included) with its capacity after the 避/防/让 checks, and the residents within each
        one's radius. :func:`~spaceplanner.engine.capacity.assign` on it gives the report's
        figure."""
        inp, ctx = self._located(scenario)
        sh = shelter_stage(inp, ctx)
        return ShelterProblem(
            table=sh.table,
            pairs=sh.pairs,
            capacity=np.asarray(sh.capacity, dtype=float),
            eligible=np.asarray(sh.eligible, dtype=bool),
            population=ctx.residents.population,
            group_key=ctx.access.seg,
            violations=sh.checks.violations,
            sheltered=float(sh.summary.population_sheltered),
        )

    def coverage_problem(
        self, layer: PlanLayer, radius: float, *, scenario: str | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(site, resident, distance)`` of every resident within ``radius`` of each site of
        ``layer`` (a layer that need not be in the plan)."""
        inp, ctx = self._located(scenario)
        assert layer.frame is not None
        geoms = layer.frame.geometry.to_numpy()
        singles = [np.array([i]) for i in range(len(geoms))]
        if ctx.network is None:
            dense, _ = distances(inp, ctx, geoms, singles, radius)
            site, resident = np.nonzero(np.isfinite(dense))
            return site, resident, dense[site, resident]
        gates = site_gates(ctx, layer.frame["id"].to_numpy(), layer.name)
        sources = layer_sources(inp, ctx, layer.name, geoms, gates)
        site, resident, d = group_reach(ctx.network, sources, singles, ctx.access, limit=radius)
        keep = d <= radius
        return site[keep], resident[keep], d[keep]

    def resident_facts(self, *, scenario: str | None = None) -> ResidentFacts:
        """Each resident point's shelter (with the walk to it), its sheltered persons, and its
        walks to the nearest facility of each kind and activity space of each circle: the
        figures of the report, point by point (for the resident sheets)."""
        inp, ctx = self._located(scenario)
        sh = shelter_stage(inp, ctx)
        res = ctx.residents
        dist = np.full(res.count, np.inf)
        chosen = sh.assigned_to
        if len(sh.pairs):
            r = sh.pairs["r"].to_numpy(np.int64)
            s = sh.pairs["s"].to_numpy(np.int64)
            mine = chosen[r] == s
            dist[r[mine]] = sh.pairs["d"].to_numpy(float)[mine]
        columns = ["id", "layer", "name", "class", "radius_m", "capacity_persons"]
        table = sh.table.reset_index(drop=True)
        shelters = gpd.GeoDataFrame(
            {c: table[c].to_numpy() if c in table else None for c in columns},
            geometry=list(sh.geoms),
            crs=self.plan.crs,
        )
        return ResidentFacts(
            ids=res.ids,
            layer=res.layer,
            xy=res.xy,
            population=res.population,
            sheltered=np.asarray(sh.sheltered, dtype=float),
            shelter=np.asarray(chosen, dtype=np.int64),
            shelter_distance=dist,
            shelters=shelters,
            facilities=dict(facility_stage(inp, ctx).distances),
            spaces=dict(space_stage(inp, ctx).distances),
        )

    def population(self) -> np.ndarray:
        """Persons of each resident point (in the order of the coverage and shelter problems)."""
        return self._located(None)[1].residents.population

    def covered(self, what: str, *, scenario: str | None = None) -> np.ndarray:
        """Which residents an existing indicator already covers: ``space_<circle>`` or a
        facility kind (a boolean per resident point)."""
        inp, ctx = self._located(scenario)
        if what.startswith("space_"):
            d = space_stage(inp, ctx).distances.get(what.removeprefix("space_"))
        else:
            d = facility_stage(inp, ctx).distances.get(what)
        if d is None:
            return np.zeros(ctx.residents.count, dtype=bool)
        return np.isfinite(d)


def evaluate(
    plan: Plan,
    *,
    rules: str | None = None,
    scenario: str | None = None,
    period: str = "both",
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    gaps: bool | str = True,
    feedback: Feedback | None = None,
    draw_apart: bool = False,
) -> Report:
    """Evaluate ``plan`` once (see :class:`Evaluator` to evaluate again after edits)."""
    # once: there is no earlier evaluation whose frames could have been edited in place
    return Evaluator(plan, rules=rules, check_content=False).evaluate(
        scenario=scenario,
        period=period,
        progress=progress,
        cancel=cancel,
        gaps=gaps,
        feedback=feedback,
        draw_apart=draw_apart,
    )
