"""The indicators of a report, each against its target: pass, fail or not assessed.

An indicator is one figure the planner is judged by (the share sheltered, the share within a
life circle of a park, the green area per person, the share within a kindergarten's radius, ...).
Its target comes from the rule profile (``[targets]``, each with its source) or from the plan
(``[targets]`` in the plan spec, keyed by the indicator's id); an indicator whose data is absent
(no shelters, no activity-space layer, a facility kind without a radius, no residents) is
``not_assessed``, never ``fail``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from spaceplanner.layers.catalogue import closest
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.rules import Profile
from spaceplanner.results.labels import label

__all__ = [
    "FAIL",
    "NOT_ASSESSED",
    "PASS",
    "check_targets",
    "indicator_ids",
    "indicator_rows",
    "indicators",
    "value_text",
]

PASS = "pass"
FAIL = "fail"
NOT_ASSESSED = "not_assessed"

#: A share is compared with this slack: the figures are sums of floats.
_SHARE_SLACK = 1e-9


def indicator_ids(profile: Profile, kinds: set[str]) -> dict[str, str]:
    """The indicator ids a plan may set a target for, each with its unit."""
    ids = {"shelter.sheltered": "share", "shelter.capacity": "ratio"}
    for circle in profile.circles:
        ids[f"space_{circle.name}.covered"] = "share"
        ids[f"space_{circle.name}.per_capita"] = "m2/person"
    for kind in sorted({*profile.facility_radius, *kinds}):
        ids[f"{kind}.covered"] = "share"
    return ids


def check_targets(
    targets: Mapping[str, float], profile: Profile, kinds: set[str], *, file: str | None = None
) -> None:
    """Refuse a plan target for an indicator that does not exist, or a share above 1."""
    known = indicator_ids(profile, kinds)
    for name, value in targets.items():
        if name not in known:
            guess = closest(name, list(known))
            hint = f"did you mean '{guess}'?" if guess else f"indicators: {', '.join(known)}"
            msg = f"no indicator '{name}' to set a target for"
            raise PlanError(msg, file=file, field=f"targets.{name}", hint=hint)
        if known[name] == "share" and value > 1:
            msg = f"target {name} = {value:g} is a share and must be at most 1"
            raise PlanError(msg, file=file, field=f"targets.{name}", hint="e.g. 0.95 for 95 %")


def value_text(
    value: float | None,
    unit: str,
    *,
    space: str = " ",
    area_digits: int = 1,
    area_unit: str = "",
) -> str:
    """An indicator's figure as people read it: shares in %, persons whole, areas per person
    to ``area_digits`` (followed by ``area_unit``); ``—`` when there is none. ``space`` goes
    before a unit (a no-break space in HTML)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if unit == "share":
        return f"{100 * float(value):.1f}{space}%"
    if unit == "persons":
        return f"{float(value):,.0f}"
    return f"{float(value):.{area_digits}f}" + (f"{space}{area_unit}" if area_unit else "")


def _status(value: float | None, target: float, assessed: bool) -> str:
    if not assessed or value is None or not math.isfinite(value):
        return NOT_ASSESSED
    return PASS if value >= target - _SHARE_SLACK * max(1.0, abs(target)) else FAIL


def _row(
    ident: str,
    group: str,
    key: str,
    metric: str,
    period: str,
    value: float | None,
    unit: str,
    target: float,
    target_source: str,
    source: str,
    *,
    assessed: bool,
    reason: str | None = None,
) -> dict[str, Any]:
    status = _status(value, target, assessed)
    return {
        "id": ident,
        "group": group,
        "key": key,
        "metric": metric,
        "period": period,
        # a figure of absent data is no figure: 0 % covered by no layer would read as a failure
        "value": None if status == NOT_ASSESSED else value,
        "unit": unit,
        "target": target,
        "target_source": target_source,
        "source": source,
        "status": status,
        "reason": reason if status == NOT_ASSESSED else None,
    }


def indicators(
    summary: Mapping[str, Any],
    profile: Profile,
    targets: Mapping[str, float],
    *,
    has_shelters: bool,
    has_spaces: bool,
    unrated: list[str],
) -> list[dict[str, Any]]:
    """Every indicator of an evaluation's summary with its target and status.

    Parameters
    ----------
    summary
        The report summary (``population``, ``shelters``, ``activity_spaces``, ``facilities``).
    profile
        The rule profile: default targets and per-capita targets, with their sources.
    targets
        The plan's own targets by indicator id; they override the profile's.
    has_shelters, has_spaces
        Whether the plan has any shelter (a shelters layer or a dual-use space) and any
        activity-space layer; without, those indicators are not assessed.
    unrated
        Facility kinds in the plan with no service radius: listed as not assessed.
    """
    pop = float(summary.get("population") or 0.0)
    people = pop > 0
    no_people = "the plan has no residents"
    rows: list[dict[str, Any]] = []

    def target(ident: str, default: float, source: str) -> tuple[float, str]:
        if ident in targets:
            return targets[ident], "set by the plan"
        return default, source

    sh = summary.get("shelters")
    if sh is not None:
        reason = no_people if not people else "the plan has no shelters and no dual-use space"
        t, src = target(
            "shelter.sheltered",
            profile.targets["shelter_sheltered_share"].value,
            profile.targets["shelter_sheltered_share"].source,
        )
        per_capita = "; ".join(
            dict.fromkeys(r["per_capita_m2"]["source"] for r in sh["rules"].values())
        )
        rows.append(
            _row(
                "shelter.sheltered",
                "shelters",
                "shelter",
                "sheltered",
                "emergency",
                sh["share_sheltered"],
                "share",
                t,
                src,
                per_capita,
                assessed=people and has_shelters,
                reason=reason,
            )
        )
        t, src = target(
            "shelter.capacity",
            profile.targets["shelter_capacity_ratio"].value,
            profile.targets["shelter_capacity_ratio"].source,
        )
        rows.append(
            _row(
                "shelter.capacity",
                "shelters",
                "shelter",
                "capacity",
                "emergency",
                sh["capacity_persons"],
                "persons",
                t * pop,
                src,
                per_capita,
                assessed=people and has_shelters,
                reason=reason,
            )
        )
    spaces = summary.get("activity_spaces")
    if spaces is not None:
        reason = no_people if not people else "the plan has no activity-space layer"
        for name, c in spaces.items():
            if name == "overall":
                continue
            t, src = target(
                f"space_{name}.covered",
                profile.targets["space_covered_share"].value,
                profile.targets["space_covered_share"].source,
            )
            rows.append(
                _row(
                    f"space_{name}.covered",
                    "activity_spaces",
                    f"space_{name}",
                    "covered",
                    "normal",
                    c["share_covered"],
                    "share",
                    t,
                    src,
                    c["sources"]["radius_m"],
                    assessed=people and has_spaces,
                    reason=reason,
                )
            )
            t, src = target(
                f"space_{name}.per_capita",
                c["target_per_capita_m2"],
                c["sources"]["per_capita_m2"],
            )
            rows.append(
                _row(
                    f"space_{name}.per_capita",
                    "activity_spaces",
                    f"space_{name}",
                    "per_capita",
                    "normal",
                    c["per_capita_m2"],
                    "m2/person",
                    t,
                    src,
                    c["sources"]["per_capita_m2"],
                    assessed=people and has_spaces,
                    reason=reason,
                )
            )
    facilities = summary.get("facilities")
    if facilities is not None:
        default = profile.targets["facility_covered_share"]
        for kind, f in facilities.items():
            t, src = target(f"{kind}.covered", default.value, default.source)
            rows.append(
                _row(
                    f"{kind}.covered",
                    "facilities",
                    kind,
                    "covered",
                    "normal",
                    f["share_covered"],
                    "share",
                    t,
                    src,
                    f["source"],
                    assessed=people,
                    reason=no_people,
                )
            )
        for kind in unrated:
            t, src = target(f"{kind}.covered", default.value, default.source)
            rows.append(
                _row(
                    f"{kind}.covered",
                    "facilities",
                    kind,
                    "covered",
                    "normal",
                    None,
                    "share",
                    t,
                    src,
                    "",
                    assessed=False,
                    reason=f"no service radius for '{kind}' in profile '{profile.name}' "
                    "(set radius_m on its layer)",
                )
            )
    return rows


def indicator_rows(report: Any, lang: str = "en") -> list[dict[str, Any]]:
    """Each indicator of ``report`` against its target (:mod:`spaceplanner.results.indicators`),
    with a
    label in ``lang``: ``indicator`` (label), ``id``, ``group`` (shelters, activity_spaces,
    facilities), ``key`` (the indicator's name in the gap layers: ``shelter``, ``space_5min``, a
    facility kind), ``period``, ``value``, ``unit`` (share, persons, m2/person), ``target``,
    ``status`` (``pass``, ``fail``, ``not_assessed``), ``pass`` (True, False, or None when not
    assessed), ``source`` (the standard and clause cited), ``target_source``, ``reason`` (why not
    assessed), plus ``scenario`` and ``rules``."""
    s = report.summary
    base = {"scenario": s["scenario"], "rules": s["rules"]}
    rows: list[dict[str, Any]] = []
    for ind in s.get("indicators") or []:
        key, metric = ind["key"], ind["metric"]
        if ind["group"] == "shelters":
            text = (
                label("sheltered", lang)
                if metric == "sheltered"
                else f"{label('capacity', lang)} ({label('shelters', lang)})"
            )
        else:
            what = label("per_capita_m2" if metric == "per_capita" else "share_covered", lang)
            text = f"{label(key, lang)}: {what}"
        status = ind["status"]
        rows.append(
            {
                **base,
                **ind,
                "indicator": text,
                "pass": None if status == NOT_ASSESSED else status == PASS,
            }
        )
    return rows
