"""A plan's own targets (``[targets]`` in the plan spec or the plan file's metadata).

The indicator ids they name are checked against the profile in
:func:`spaceplanner.results.indicators.check_targets`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from spaceplanner.i18n import tx
from spaceplanner.layers.errors import PlanError

__all__ = ["flatten_targets"]


def flatten_targets(raw: object, *, file: str | None = None) -> dict[str, float]:
    """A plan's ``[targets]`` table as ``{indicator id: value}``.

    TOML dotted keys (``shelter.sheltered = 0.95``) arrive as nested tables; both forms are
    accepted. Values must be finite numbers, not below zero.
    """
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        msg = tx("targets must be a table of indicator = value")
        hint = tx("e.g. [targets] with shelter.sheltered = 0.95")
        raise PlanError(msg, file=file, field="targets", hint=hint)
    out: dict[str, float] = {}

    def walk(prefix: str, node: Mapping[str, Any]) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, Mapping):
                walk(name, value)
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                msg = tx("target {name} = {value} is not a number").format(
                    name=name, value=repr(value)
                )
                hint = tx("give a number, e.g. 0.95")
                raise PlanError(msg, file=file, field=f"targets.{name}", hint=hint)
            if not math.isfinite(value) or value < 0:
                msg = tx("target {name} = {value} must be a finite number, zero or more").format(
                    name=name, value=repr(value)
                )
                raise PlanError(msg, file=file, field=f"targets.{name}", hint=tx("e.g. 0.95"))
            out[name] = float(value)

    walk("", raw)
    return out
