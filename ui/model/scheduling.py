"""When the desktop app evaluates, without Qt: the policy behind the evaluation runner.

Two kinds of run: *full* (every layer, gap and service areas, with progress; the Evaluate
button, a new scenario or period) and *live* (the figures and point layers only, after each
edit). One run goes at a time. Requests made while one is going are coalesced: at most one more
run is remembered (a full one if any full run was asked for), and it evaluates the plan as it is
when it starts, so no stale run is ever queued. A remembered run is dropped when the run that
just ended already gave the outcome for this very plan.

A live run goes to the worker thread unless the evaluator is warm and the last live run was
quick: then it is done at once in the window's thread (see :func:`runs_in_place`).

A live report has no gap or service areas: :func:`with_areas_of` carries them over from the
last full run, marked stale.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from typing import Literal

from spaceplanner.model.plan import Plan
from spaceplanner.results.report import Report

__all__ = [
    "AREA_LAYERS",
    "Kind",
    "RunSchedule",
    "plan_state",
    "runs_in_place",
    "with_areas_of",
]

#: ``"full"`` or ``"live"``.
Kind = Literal["full", "live"]

#: The slow gap layers a live run leaves out; the last full run's are shown meanwhile.
AREA_LAYERS = ("gap_areas", "service_areas")


class RunSchedule:
    """Which run to start, and when: one at a time, at most one more remembered.

    The owner starts the run this object names and tells it when a run ended.
    """

    def __init__(self) -> None:
        #: The run wanted after the current one: ``"full"``, ``"live"`` or None.
        self.pending: Kind | None = None

    def request(self, kind: Kind, *, busy: bool) -> Kind | None:
        """A run of ``kind`` is asked for; return the run to start now (None: remembered, as
        a run is going). A full request makes the remembered run a full one; a live request
        never demotes it."""
        if not busy:
            return kind
        if kind == "full" or self.pending is None:
            self.pending = kind
        return None

    def cancel(self) -> None:
        """Forget the remembered run."""
        self.pending = None

    def after(self, *, ended_full: bool, unchanged: bool) -> Kind | None:
        """A run ended; return the run to start now, or None.

        Parameters
        ----------
        ended_full
            The run that ended was a full one.
        unchanged
            It completed (or failed) for the plan exactly as it is now: a remembered live run
            then has nothing new to say, nor a full one after a full run.
        """
        wanted, self.pending = self.pending, None
        if wanted is None:
            return None
        if unchanged and (wanted == "live" or ended_full):
            return None
        return wanted


def runs_in_place(*, warm: bool, last_live_seconds: float | None, quick_seconds: float) -> bool:
    """A live run can be done at once in the window's thread: the evaluator is warm for this
    session and its last live run was quick (handing it to the worker would only add the
    thread hand-off and the competition with the window's painting for Python's lock)."""
    return warm and last_live_seconds is not None and last_live_seconds <= quick_seconds


def plan_state(key: Hashable, scenario: str, period: str, plan: Plan) -> tuple[Hashable, ...]:
    """What a run reads, cheaply: commands set new frames, never change one in place, and
    each new frame (raster, role, options) gives its layer a new version."""
    return (
        key,
        scenario,
        period,
        tuple(
            (name, lyr.version, repr(sorted(lyr.options.items())))
            for name, lyr in plan.layers.items()
        ),
    )


def with_areas_of(live: Report, full: Report) -> Report:
    """``live`` with the area layers it lacks taken from ``full``, marked stale."""
    carried = {n: full.layers[n] for n in AREA_LAYERS if n not in live.layers and n in full.layers}
    if not carried:
        return live
    return replace(live, layers={**live.layers, **carried}, stale=frozenset(carried))
