"""Two evaluations side by side: what a change of the plan (or of scenario or period) did.

A planner keeps the report of a chosen moment — before moving a shelter, or under another
scenario — and compares the current one with it: every indicator's value before and after
with its change and whether it now passes, the violations that appeared and those that went,
and a one-line headline ("+157 persons sheltered, −2 violations").

A violation is the same one in both reports when it is the same rule broken by the same site
because of the same cause (its measured distance may have changed); indicators are matched by
their id (``shelter.sheltered``, ``space_5min.covered``, ...).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spaceplanner.results.indicators import indicator_label, value_text
from spaceplanner.results.report import Indicator, Report, Violation

__all__ = ["Comparison", "IndicatorChange", "compare", "violation_key"]

#: Changes smaller than these are no change (float noise of the same figure).
_EPSILON = {"share": 1e-9, "persons": 1e-6, "m2/person": 1e-9}


@dataclass(frozen=True)
class IndicatorChange:
    """One indicator in the two reports (``None`` where a report does not have it)."""

    id: str
    before: Indicator | None
    after: Indicator | None

    @property
    def unit(self) -> str:
        """The indicator's unit (``share``, ``persons``, ``m2/person``)."""
        ind = self.after or self.before
        assert ind is not None
        return ind.unit

    @property
    def value_before(self) -> float | None:
        return _value(self.before)

    @property
    def value_after(self) -> float | None:
        return _value(self.after)

    @property
    def delta(self) -> float | None:
        """After minus before; None unless both have a value."""
        a, b = self.value_after, self.value_before
        return None if a is None or b is None else a - b

    @property
    def changed(self) -> bool:
        """True when the value or the status differs (or only one report has it)."""
        if self.before is None or self.after is None:
            return True
        if self.before.status != self.after.status:
            return True
        d = self.delta
        if d is None:
            return (self.value_before is None) != (self.value_after is None)
        return abs(d) > _EPSILON.get(self.unit, 1e-9)

    @property
    def better(self) -> bool | None:
        """True when the change moves the figure the right way (more covered, sheltered or
        per person; a fail turned pass), False the other way, None for no change."""
        if not self.changed or not (self.assessed("before") and self.assessed("after")):
            return None  # an indicator that came or went is neither (see the headline)
        assert self.before is not None and self.after is not None
        if self.before.status != self.after.status:
            return self.after.status == "pass"
        d = self.delta
        return None if d is None or d == 0 else d > 0

    def assessed(self, which: str) -> bool:
        """Whether the report ``which`` (``"before"``/``"after"``) assessed the indicator."""
        ind = self.before if which == "before" else self.after
        return ind is not None and ind.status != "not_assessed" and _value(ind) is not None

    def label(self, lang: str = "en") -> str:
        ind = self.after or self.before
        assert ind is not None
        return indicator_label(ind, lang)

    def text(self, which: str) -> str:
        """The value before or after (``"before"``/``"after"``) as people read it."""
        return value_text(self.value_before if which == "before" else self.value_after, self.unit)

    def delta_text(self) -> str:
        """The change with its sign (percentage points for shares); ``—`` without one."""
        d = self.delta
        if d is None:
            return "—"
        if self.unit == "share":
            return f"{_sign(d * 100)}{abs(d * 100):.1f} pp"
        if self.unit == "persons":
            return f"{_sign(d)}{abs(d):,.0f}"
        return f"{_sign(d)}{abs(d):.2f} m²/person"


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _sign(x: float) -> str:
    return "+" if x > 0 else ("−" if x < 0 else "±")


def _value(ind: Indicator | None) -> float | None:
    if ind is None or ind.value is None:
        return None
    v = float(ind.value)
    return v if math.isfinite(v) else None


def violation_key(v: Violation) -> tuple[Any, ...]:
    """What makes a violation the same one in two reports: the rule, the site and the cause
    (and the hazard of a hazard zone); not its measured figures."""
    hazard = v.details.get("hazard") if v.details else None
    return (v.site.layer, v.site.feature, v.site.dual_use, v.rule, v.cause, hazard)


@dataclass(frozen=True)
class Comparison:
    """The current report against a kept one (see the module docstring)."""

    before: Report
    after: Report
    indicators: tuple[IndicatorChange, ...]
    violations_added: tuple[Violation, ...]
    violations_removed: tuple[Violation, ...]

    @property
    def sheltered_delta(self) -> float | None:
        """Persons sheltered now minus then (None unless both evaluated shelters)."""
        if self.before.shelters is None or self.after.shelters is None:
            return None
        return self.after.shelters.population_sheltered - self.before.shelters.population_sheltered

    @property
    def violations_delta(self) -> int:
        return len(self.after.violations) - len(self.before.violations)

    def changed(self) -> list[IndicatorChange]:
        """The indicators whose value or status changed."""
        return [c for c in self.indicators if c.changed]

    def headline(self, lang: str = "en") -> str:
        """One line: persons sheltered, violations and indicators that changed."""
        zh = lang == "zh"
        parts = []
        sheltered = self.sheltered_delta
        if sheltered is not None and abs(sheltered) >= 0.5:
            n = f"{_sign(sheltered)}{abs(sheltered):,.0f}"
            parts.append(f"避难安置 {n} 人" if zh else f"{n} persons sheltered")
        added, removed = len(self.violations_added), len(self.violations_removed)
        if added or removed:
            d = added - removed
            n = f"{_sign(d)}{abs(d)}"
            detail = (
                f"（新增 {added}，消除 {removed}）" if zh else f" ({added} new, {removed} gone)"
            )
            many = "" if abs(d) == 1 else "s"
            parts.append(f"违规 {n} 处{detail}" if zh else f"{n} violation{many}{detail}")
        gone = sum(1 for c in self.changed() if c.assessed("before") and not c.assessed("after"))
        came = sum(1 for c in self.changed() if c.assessed("after") and not c.assessed("before"))
        if gone:
            parts.append(
                f"{gone} 项指标不再评估" if zh else f"{gone} indicator{_s(gone)} no longer assessed"
            )
        if came:
            parts.append(
                f"{came} 项指标新增评估" if zh else f"{came} indicator{_s(came)} now assessed"
            )
        better = sum(1 for c in self.changed() if c.better)
        worse = sum(1 for c in self.changed() if c.better is False)
        if better or worse:
            parts.append(
                f"{better} 项指标改善，{worse} 项变差"
                if zh
                else f"{better} indicator{'' if better == 1 else 's'} better, {worse} worse"
            )
        if not parts:
            return "与参照相同" if zh else "no change from the reference"
        return ("，" if zh else ", ").join(parts)


def compare(before: Report, after: Report) -> Comparison:
    """Compare ``after`` (the current report) with ``before`` (the kept one)."""
    old = {ind.id: ind for ind in before.indicators}
    new = {ind.id: ind for ind in after.indicators}
    order = [*new, *(k for k in old if k not in new)]
    changes = tuple(IndicatorChange(k, old.get(k), new.get(k)) for k in order)
    was = {violation_key(v): v for v in before.violations}
    now = {violation_key(v): v for v in after.violations}
    return Comparison(
        before,
        after,
        changes,
        _ordered(v for k, v in now.items() if k not in was),
        _ordered(v for k, v in was.items() if k not in now),
    )


def _ordered(violations: Iterable[Violation]) -> tuple[Violation, ...]:
    return tuple(sorted(violations, key=lambda v: (v.principle, v.site.layer, v.site.feature)))
