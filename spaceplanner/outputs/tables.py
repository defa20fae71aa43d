"""The report's tables as people read them, one source for the CSV, Excel and HTML report.

``people_tables(plan, reports, lang)`` gives the indicators, the violations, the capacity each
principle removed (one column per principle, 避 防 让), the shelters (their capacity, load and
what each principle removed) and the stewardship list, with figures rounded as a person reads
them: shares as percentages to 0.1 (a :class:`Share` holds the fraction), persons whole,
areas per person and distances to 0.01 and 0.1. Each column has a key (the CSV header, the
same in every language) and a heading in the export's language (Excel and the HTML report).
The figures at full precision are in ``report.json``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from spaceplanner.i18n import Template, say, tx
from spaceplanner.model.plan import Plan
from spaceplanner.results.indicators import indicator_rows
from spaceplanner.results.labels import label, shelter_class_label
from spaceplanner.results.report import Report

__all__ = ["PRINCIPLES", "Column", "Share", "Table", "people_tables", "persons", "whole_parts"]

#: The three principles, in the order the tables list them (avoid, protect, give way).
PRINCIPLES = ("避", "防", "让")


class Share(float):
    """A share (0-1), shown as a percentage to 0.1 (``0.797`` -> ``79.7 %``)."""


@dataclass(frozen=True)
class Column:
    """A column: ``key`` (CSV header), its ``heading`` in the export's language and ``kind``:
    ``text``, ``share`` (a :class:`Share`), ``persons`` (whole), ``number``."""

    key: str
    heading: str
    kind: str = "text"


@dataclass
class Table:
    """One table: its file stem / sheet ``name``, ``title`` in the export's language, columns
    and rows (one value per column; None is an empty cell)."""

    name: str
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)


def persons(value: Any) -> int | None:
    """Whole persons (rounded half away from zero); None when there is no figure."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    v = float(value)
    return int(math.floor(abs(v) + 0.5) * (1 if v >= 0 else -1))


def whole_parts(values: Sequence[float]) -> list[int]:
    """``values`` (not negative) as whole numbers that add up to their rounded sum: each is
    rounded down, and the persons left go to the largest remainders (so a table's parts add
    up to its total)."""
    floors = [math.floor(v) for v in values]
    left = persons(sum(values)) or 0
    left -= sum(floors)
    order = sorted(range(len(values)), key=lambda k: values[k] - floors[k], reverse=True)
    for k in order[: max(0, left)]:
        floors[k] += 1
    return floors


def _round(value: Any, digits: int) -> float | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return round(float(value), digits)


def _said(value: Any, lang: str) -> str | None:
    """A sentence of the engine or a profile (a source, a reason) in ``lang``."""
    text = _text(value)
    return None if text is None else say(value, lang)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


#: Words of the tables' headings that the label table does not have.
_HEADINGS: dict[str, Template] = {
    "group": tx("Group"),
    "indicator": tx("Indicator"),
    "value": tx("Value"),
    "unit": tx("Unit"),
    "status": tx("Result"),
    "reason": tx("Why not assessed"),
    "target_source": tx("Target set by"),
    "name": tx("Name"),
    "message": tx("Message"),
    "role": tx("Role"),
    "gap": tx("No responsible organisation"),
    "total": tx("Total"),
    "load": tx("Load"),
}


def _heading(key: str, lang: str) -> str:
    if key in _HEADINGS:
        return say(_HEADINGS[key], lang)
    return label(key, lang)  # the principles too: 避 -> "Avoid hazards (避)"


def _columns(lang: str, *specs: tuple[str, str]) -> list[Column]:
    return [Column(key, _heading(key, lang), kind) for key, kind in specs]


def _unit(unit: str, lang: str) -> str:
    if unit == "share":
        return "%"
    if unit == "persons":
        return say(tx("persons", "unit"), lang)
    if unit == "m2/person":
        return say(tx("m²/person"), lang)
    return unit


def _figure(value: Any, unit: str) -> Any:
    """An indicator's value or target as a table holds it, by its unit."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if unit == "share":
        return Share(round(float(value), 3))
    if unit == "persons":
        return persons(value)
    return round(float(value), 2)


def _indicators(reports: Sequence[Report], lang: str) -> Table:
    columns = _columns(
        lang,
        ("scenario", "text"),
        ("rules", "text"),
        ("group", "text"),
        ("indicator", "text"),
        ("period", "text"),
        ("value", "number"),
        ("unit", "text"),
        ("target", "number"),
        ("status", "text"),
        ("reason", "text"),
        ("source", "text"),
        ("target_source", "text"),
        ("id", "text"),
    )
    rows = []
    for rep in reports:
        for r in indicator_rows(rep, lang):
            unit = str(r["unit"])
            rows.append(
                [
                    label(str(r["scenario"]), lang),
                    r["rules"],
                    label(str(r["group"]), lang),
                    r["indicator"],
                    label(str(r["period"]), lang),
                    _figure(r["value"], unit),
                    _unit(unit, lang),
                    _figure(r["target"], unit),
                    label(str(r["status"]), lang),
                    _said(r["reason"], lang),
                    _said(r["source"], lang),
                    _said(r["target_source"], lang),
                    r["id"],
                ]
            )
    return Table("indicators", say(tx("Indicators"), lang), columns, rows)


def _violations(reports: Sequence[Report], lang: str) -> Table:
    columns = _columns(
        lang,
        ("scenario", "text"),
        ("rule", "text"),
        ("principle", "text"),
        ("layer", "text"),
        ("id", "text"),
        ("name", "text"),
        ("measured", "number"),
        ("required", "number"),
        ("message", "text"),
        ("source", "text"),
    )
    rows = [
        [
            label(rep.scenario, lang),
            v.rule,
            v.principle,
            v.site.layer,
            v.site.feature,
            _text(v.name),
            _round(v.measured, 1),
            _round(v.required, 1),
            say(v.message, lang),
            say(v.source, lang),
        ]
        for rep in reports
        for v in rep.violations
    ]
    return Table("violations", label("violations", lang), columns, rows)


def _removed(reports: Sequence[Report], lang: str) -> Table:
    """The capacity (persons) each principle removed, one column per principle, and the total
    (the whole persons of the principles add up to it)."""
    columns = _columns(
        lang, ("scenario", "text"), *((p, "persons") for p in PRINCIPLES), ("total", "persons")
    )
    rows = []
    for rep in reports:
        by = [max(0.0, float(rep.capacity_removed_by.get(p, 0.0))) for p in PRINCIPLES]
        rows.append([label(rep.scenario, lang), *whole_parts(by), persons(sum(by))])
    title = say(tx("Capacity removed by principle"), lang)
    return Table("capacity_removed", title, columns, rows)


def _shelters(reports: Sequence[Report], lang: str) -> Table:
    """Each shelter: its capacity, the persons assigned, its load and what each principle
    removed from its capacity."""
    columns = _columns(
        lang,
        ("scenario", "text"),
        ("layer", "text"),
        ("id", "text"),
        ("name", "text"),
        ("class", "text"),
        ("capacity", "persons"),
        ("assigned", "persons"),
        ("load", "share"),
        *((p, "persons") for p in PRINCIPLES),
        ("steward", "text"),
    )
    rows = []
    for rep in reports:
        for s in rep.shelters.by_shelter if rep.shelters is not None else ():
            capacity = float(s.capacity_persons or 0.0)
            load = Share(round(s.assigned / capacity, 3)) if capacity > 0 else None
            removed = s.capacity_removed or {}
            rows.append(
                [
                    label(rep.scenario, lang),
                    s.site.layer,
                    s.site.feature,
                    _text(s.name),
                    shelter_class_label(s.shelter_class, lang),
                    persons(capacity),
                    persons(s.assigned),
                    load,
                    *(persons(removed.get(p, 0.0)) for p in PRINCIPLES),
                    _text(s.steward),
                ]
            )
    return Table("shelters", label("shelters", lang), columns, rows)


def _stewardship(plan: Plan, report: Report, lang: str) -> Table:
    columns = _columns(
        lang,
        ("scenario", "text"),
        ("role", "text"),
        ("layer", "text"),
        ("id", "text"),
        ("name", "text"),
        ("steward", "text"),
        ("gap", "text"),
    )
    rows = []
    for role in ("shelters", "activity_spaces", "facilities"):
        for lyr in plan.by_role(role):
            frame = lyr.frame
            if frame is None:
                continue
            names = frame["name"] if "name" in frame else [None] * len(frame)
            stewards = frame["steward"] if "steward" in frame else [None] * len(frame)
            for site_id, name, steward in zip(frame["id"], names, stewards, strict=True):
                missing = steward is None or (isinstance(steward, float) and np.isnan(steward))
                rows.append(
                    [
                        label(report.scenario, lang),
                        label(role, lang),
                        lyr.name,
                        _text(site_id),
                        _text(name),
                        None if missing else str(steward),
                        label("yes" if missing else "no", lang),
                    ]
                )
    return Table("stewardship", label("steward", lang), columns, rows)


def people_tables(plan: Plan, reports: Sequence[Report], lang: str = "en") -> dict[str, Table]:
    """The report's tables for people, by name: ``indicators``, ``violations``,
    ``capacity_removed``, ``shelters``, ``stewardship`` (one row set per report)."""
    tables = [
        _indicators(reports, lang),
        _violations(reports, lang),
        _removed(reports, lang),
        _shelters(reports, lang),
        _stewardship(plan, reports[0], lang),
    ]
    return {t.name: t for t in tables}


def cell_text(value: Any, kind: str, *, space: str = " ") -> str:
    """A cell as text: shares as ``79.7 %``, whole numbers with thousands separators."""
    if value is None:
        return ""
    if isinstance(value, Share):
        return f"{100 * float(value):.1f}{space}%"
    if isinstance(value, bool):
        return "✔" if value else "✘"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def csv_value(value: Any) -> Any:
    """A cell as the CSV holds it: shares as percentages (79.7), the rest as it is."""
    if isinstance(value, Share):
        return round(100 * float(value), 1)
    return value
