"""What a worker does for one community: evaluate its plan, and draw its map and map sheet.

Runs in a Dask worker process (or anywhere): it takes the community's plan (cut by
:mod:`spaceplanner.city.partition`) and returns plain data — the table row, the files as bytes,
the time taken — so that nothing depends on a file system shared with the client. A community
whose data fails is a row with its error, never an exception.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spaceplanner.city.partition import Block, Piece, community_plan
from spaceplanner.i18n import say, tx
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.plan import Plan
from spaceplanner.results.report import Report

__all__ = [
    "CommunityResult",
    "Options",
    "evaluate_community",
    "evaluate_member",
    "evaluate_piece",
    "figures_row",
]


@dataclass(frozen=True)
class Options:
    """How every community is evaluated."""

    rules: str | None = None
    scenario: str | None = None
    period: str = "both"
    lang: str = "en"
    maps: bool = True


@dataclass(frozen=True)
class CommunityResult:
    """One community's outcome: ``status`` is ``ok`` or the error message."""

    index: int
    status: str
    row: dict[str, Any] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    seconds: float = 0.0
    #: A failure that is no fault of the data (a worker that died, a bug): computed again on
    #: ``--resume``.
    retry: bool = False


def figures_row(report: Report) -> dict[str, Any]:
    """The table row of a community's report: ``population``; per indicator of the profile its
    figure (``shelters_share_sheltered``; ``<key>_share_covered`` for the shares covered:
    ``space_<circle>``, each facility kind, the size-band coverages; ``<key>_per_capita_m2``
    for the areas per person; ``shelter_capacity_persons``) and ``pass_<indicator>`` (1 pass,
    0 fail, empty when not assessed); ``targets_met``, ``targets_assessed`` and ``violations``
    (the count of 避/防/让 violations)."""
    row: dict[str, Any] = {"population": report.population}
    names = {"sheltered": "shelters_share_sheltered", "capacity": "shelter_capacity_persons"}
    for ind in report.indicators:
        if ind.metric in names:
            column = names[ind.metric]
        elif ind.metric == "covered":
            column = f"{ind.key}_share_covered"
        elif ind.metric == "per_capita":
            column = f"{ind.key}_per_capita_m2"
        else:
            column = f"{ind.key}_{ind.metric}"
        row[column] = ind.value
    met = assessed = 0
    for ind in report.indicators:
        passed = ind.passed
        row[f"pass_{ind.id.replace('.', '_')}"] = None if passed is None else int(passed)
        if passed is not None:
            assessed += 1
            met += int(passed)
    row["targets_met"] = met
    row["targets_assessed"] = assessed
    row["violations"] = len(report.violations)
    return row


def _unusable(report: Report) -> str | None:
    """Why a community's figures mean nothing: nobody lives in it, or nobody reaches the
    walking network (every share would be 0 or undefined)."""
    if report.population <= 0:
        return tx("no residents in the community (check its boundary and the residents layers)")
    if report.population_unreachable >= report.population:
        return tx(
            "none of its {n:,.0f} residents reaches the walking network "
            "(check the network layer around the community)"
        ).format(n=report.population)
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def evaluate_piece(skeleton: Plan, piece: Piece, options: Options) -> CommunityResult:
    """Rebuild a community's plan from the city's skeleton and its piece
    (:func:`~spaceplanner.city.partition.community_plan`), and evaluate it."""
    start = time.perf_counter()
    plan = community_plan(skeleton, piece)
    result = evaluate_community(piece.index, plan, options)
    return replace(result, seconds=time.perf_counter() - start)


def evaluate_member(skeleton: Plan, block: Block, index: int, options: Options) -> CommunityResult:
    """Evaluate community ``index`` of a :class:`~spaceplanner.city.partition.Block`: its piece
    is taken out of the block here, on the worker."""
    start = time.perf_counter()
    result = evaluate_piece(skeleton, block.piece(index), options)
    return replace(result, seconds=time.perf_counter() - start)


def evaluate_community(index: int, plan: Plan, options: Options) -> CommunityResult:
    """Evaluate community ``index``'s plan; with ``options.maps`` also its web map and map sheet
    (the ``export`` html and pdf)."""
    from spaceplanner.engine.evaluation import Evaluator
    from spaceplanner.outputs.exports import export

    start = time.perf_counter()
    try:
        evaluator = Evaluator(plan, rules=options.rules)
        report = evaluator.evaluate(scenario=options.scenario, period=options.period, gaps=False)
        problem = _unusable(report)
        if problem:
            said = say(problem, options.lang)
            return CommunityResult(index, said, seconds=time.perf_counter() - start)
        if options.maps:  # the gap layers the maps draw (the figures' stages are kept)
            report = evaluator.evaluate(scenario=options.scenario, period=options.period)
        row = figures_row(report)
        files: dict[str, bytes] = {}
        if options.maps:
            with tempfile.TemporaryDirectory(prefix="spaceplanner-community-") as tmp:
                export(plan, [report], tmp, ["html", "pdf"], rules=options.rules, lang=options.lang)
                files = {
                    "map.html": (Path(tmp) / "map.html").read_bytes(),
                    "sheet.pdf": (Path(tmp) / "map_sheet.pdf").read_bytes(),
                }
    except SpacePlannerError as exc:
        # said in the batch's language (a worker process has no language of its own)
        text = exc.describe(options.lang)
        return CommunityResult(index, _one_line(text), seconds=time.perf_counter() - start)
    except Exception as exc:  # a bug, but the run goes on: the row says so
        status = _one_line(f"internal error: {type(exc).__name__}: {exc}")
        return CommunityResult(index, status, seconds=time.perf_counter() - start, retry=True)
    return CommunityResult(index, "ok", row, files, time.perf_counter() - start)
