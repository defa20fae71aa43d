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

from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import closest
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.rules import Profile
from spaceplanner.results.labels import label
from spaceplanner.results.report import (
    ActivitySpaces,
    FacilityCoverage,
    Indicator,
    Report,
    ShelterSummary,
    SpaceArea,
    SpaceCoverage,
)
from spaceplanner.results.words import join_sources, phrase

__all__ = [
    "FAIL",
    "NOT_ASSESSED",
    "PASS",
    "check_targets",
    "indicator_ids",
    "indicator_label",
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
    if "shelter_area_per_capita_m2" in profile.optional_targets:
        ids["shelter_area.per_capita"] = "m2/person"
    for circle in profile.circles:
        ids[f"space_{circle.name}.covered"] = "share"
        ids[f"space_{circle.name}.per_capita"] = "m2/person"
    for cover in profile.space_coverage:
        ids[f"{cover.name}.covered"] = "share"
    for area in profile.space_area:
        ids[f"{area.name}.per_capita"] = "m2/person"
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
            hint = (
                tx("did you mean '{guess}'?").format(guess=guess)
                if guess
                else tx("indicators: {names}").format(names=", ".join(known))
            )
            msg = tx("no indicator '{name}' to set a target for").format(name=name)
            raise PlanError(msg, file=file, field=f"targets.{name}", hint=hint)
        if known[name] == "share" and value > 1:
            msg = tx("target {name} = {value:g} is a share and must be at most 1").format(
                name=name, value=value
            )
            raise PlanError(msg, file=file, field=f"targets.{name}", hint=tx("e.g. 0.95 for 95 %"))


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
) -> Indicator:
    status = _status(value, target, assessed)
    return Indicator(
        id=ident,
        group=group,
        key=key,
        metric=metric,
        period=period,
        # a figure of absent data is no figure: 0 % covered by no layer would read as a failure
        value=None if status == NOT_ASSESSED else value,
        unit=unit,
        target=target,
        target_source=target_source,
        source=source,
        status=status,
        reason=reason if status == NOT_ASSESSED else None,
    )


def indicators(
    population: float,
    sh: ShelterSummary | None,
    spaces: ActivitySpaces | None,
    facilities: Mapping[str, FacilityCoverage] | None,
    profile: Profile,
    targets: Mapping[str, float],
    *,
    has_shelters: bool,
    has_spaces: bool,
    unrated: list[str],
    has_facilities: bool = True,
    space_coverage: Mapping[str, SpaceCoverage] | None = None,
    space_per_capita: Mapping[str, SpaceArea] | None = None,
) -> tuple[Indicator, ...]:
    """Every indicator of an evaluation with its target and status.

    Parameters
    ----------
    population
        Residents of the plan.
    sh, spaces, facilities
        The report's parts (None for a period that does not have them).
    profile
        The rule profile: default targets and per-capita targets, with their sources.
    targets
        The plan's own targets by indicator id; they override the profile's.
    has_shelters, has_spaces
        Whether the plan has any shelter (a shelters layer or a dual-use space) and any
        activity-space layer; without, those indicators are not assessed.
    unrated
        Facility kinds in the plan with no service radius: listed as not assessed.
    has_facilities
        Whether the plan has a facilities layer; without, the kinds the profile requires are
        not assessed (with one, a required kind without a site covers nobody: it fails).
    space_coverage, space_per_capita
        The profile's activity-space coverage by size bands and areas per person (None in the
        emergency period).
    """
    pop = float(population or 0.0)
    people = pop > 0
    no_people = tx("the plan has no residents")
    rows: list[Indicator] = []

    def target(ident: str, default: float, source: str) -> tuple[float, str]:
        if ident in targets:
            return targets[ident], tx("set by the plan")
        return default, phrase(source)

    if sh is not None:
        reason: str = (
            no_people if not people else tx("the plan has no shelters and no dual-use space")
        )
        t, src = target(
            "shelter.sheltered",
            profile.targets["shelter_sheltered_share"].value,
            profile.targets["shelter_sheltered_share"].source,
        )
        per_capita = join_sources(r["per_capita_m2"]["source"] for r in sh.rules.values())
        rows.append(
            _row(
                "shelter.sheltered",
                "shelters",
                "shelter",
                "sheltered",
                "emergency",
                sh.share_sheltered,
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
                sh.capacity_persons,
                "persons",
                t * pop,
                src,
                per_capita,
                assessed=people and has_shelters,
                reason=reason,
            )
        )
    if sh is not None and "shelter_area_per_capita_m2" in profile.optional_targets:
        rule = profile.optional_targets["shelter_area_per_capita_m2"]
        t, src = target("shelter_area.per_capita", rule.value, rule.source)
        rows.append(
            _row(
                "shelter_area.per_capita",
                "shelters",
                "shelter_area",
                "per_capita",
                "emergency",
                sh.per_capita_area_m2,
                "m2/person",
                t,
                src,
                tx(
                    "effective shelter area after the 避/防/让 checks ÷ residents; per shelter: "
                    "{sources}"
                ).format(sources=per_capita),
                assessed=people and has_shelters,
                reason=reason,
            )
        )
    if spaces is not None:
        reason = no_people if not people else tx("the plan has no activity-space layer")
        for name, c in spaces.circles.items():
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
                    c.share_covered,
                    "share",
                    t,
                    src,
                    phrase(c.sources["radius_m"]),
                    assessed=people and has_spaces,
                    reason=reason,
                )
            )
            t, src = target(
                f"space_{name}.per_capita",
                c.target_per_capita_m2,
                c.sources["per_capita_m2"],
            )
            rows.append(
                _row(
                    f"space_{name}.per_capita",
                    "activity_spaces",
                    f"space_{name}",
                    "per_capita",
                    "normal",
                    c.per_capita_m2,
                    "m2/person",
                    t,
                    src,
                    phrase(c.sources["per_capita_m2"]),
                    assessed=people and has_spaces,
                    reason=reason,
                )
            )
    if space_coverage is not None:
        reason = no_people if not people else tx("the plan has no activity-space layer")
        for name, cov in space_coverage.items():
            t, src = target(f"{name}.covered", cov.target_share, cov.sources["target"])
            bands = join_sources(
                text
                for b in cov.bands
                for text in (b.sources["min_area_m2"], b.sources["radius_m"])
            )
            rows.append(
                _row(
                    f"{name}.covered",
                    "activity_spaces",
                    name,
                    "covered",
                    "normal",
                    cov.share_covered,
                    "share",
                    t,
                    src,
                    bands,
                    assessed=people and has_spaces,
                    reason=reason,
                )
            )
    if space_per_capita is not None:
        reason = no_people if not people else tx("the plan has no activity-space layer")
        for name, area in space_per_capita.items():
            t, src = target(f"{name}.per_capita", area.target_per_capita_m2, area.sources["target"])
            sizes = join_sources(v for k, v in area.sources.items() if k != "target")
            rows.append(
                _row(
                    f"{name}.per_capita",
                    "activity_spaces",
                    name,
                    "per_capita",
                    "normal",
                    area.per_capita_m2,
                    "m2/person",
                    t,
                    src,
                    sizes or phrase(area.sources["target"]),
                    assessed=people and has_spaces,
                    reason=reason,
                )
            )
    if facilities is not None:
        default = profile.targets["facility_covered_share"]

        def kind_row(
            kind: str, value: float | None, source: str, assessed: bool, reason: str
        ) -> Indicator:
            t, src = target(f"{kind}.covered", default.value, default.source)
            return _row(
                f"{kind}.covered",
                "facilities",
                kind,
                "covered",
                "normal",
                value,
                "share",
                t,
                src,
                phrase(source),
                assessed=assessed,
                reason=reason,
            )

        for kind, f in facilities.items():
            rows.append(kind_row(kind, f.share_covered, f.source, people, no_people))
        if not has_facilities:
            missing = no_people if not people else tx("the plan has no facilities layer")
            for kind, rule in profile.facility_radius.items():
                if kind in profile.required_facilities:
                    rows.append(kind_row(kind, None, rule.source, False, missing))
        for kind in unrated:
            reason = tx(
                "no service radius for '{kind}' in profile '{profile}' (set radius_m on its layer)"
            ).format(kind=kind, profile=profile.name)
            rows.append(kind_row(kind, None, "", False, reason))
    return tuple(rows)


def indicator_rows(report: Report, lang: str = "en") -> list[dict[str, Any]]:
    """Each indicator of ``report`` against its target, as a table row with a label in
    ``lang``: ``indicator`` (label), ``id``, ``group`` (shelters, activity_spaces, facilities),
    ``key`` (the indicator's name in the gap layers: ``shelter``, ``space_5min``, a facility
    kind), ``period``, ``value``, ``unit`` (share, persons, m2/person), ``target``, ``status``
    (``pass``, ``fail``, ``not_assessed``), ``pass`` (True, False, or None when not assessed),
    ``source`` (the standard and clause cited), ``target_source``, ``reason`` (why not
    assessed), plus ``scenario`` and ``rules``."""
    base = {"scenario": report.scenario, "rules": report.rules}
    return [
        {**base, **ind.to_dict(), "indicator": indicator_label(ind, lang), "pass": ind.passed}
        for ind in report.indicators
    ]


def indicator_label(ind: Indicator, lang: str = "en") -> str:
    """The indicator as people read it (``Sheltered``, ``5-minute circle: share covered``)."""
    if ind.group == "shelters" and ind.metric != "per_capita":
        if ind.metric == "sheltered":
            return label("sheltered", lang)
        return f"{label('capacity', lang)} ({label('shelters', lang)})"
    what = label("per_capita_m2" if ind.metric == "per_capita" else "share_covered", lang)
    return f"{label(ind.key, lang)}: {what}"
