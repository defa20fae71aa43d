"""The result of an evaluation: the report figures (report.json) and the gap layers."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd

__all__ = ["Report"]


def _clean(value: Any) -> Any:
    """Make ``value`` JSON-safe: numpy scalars to Python, NaN and inf to None."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@dataclass
class Report:
    """An evaluation's figures and gap layers.

    Attributes
    ----------
    summary
        The report as a JSON-ready dict (the ``report.json`` contract in the README).
    layers
        Gap and result layers by name (``residents``, ``gap_areas``, ``service_areas``,
        ``shelters``), all in the plan's CRS.
    stale
        Names of layers carried over from an earlier evaluation, which no longer match the
        figures (the desktop app's live updates after an edit keep the last full run's gap
        areas and service areas on the map until the next full run).
    """

    summary: dict[str, Any]
    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    stale: frozenset[str] = frozenset()

    def __getitem__(self, key: str) -> Any:
        return self.summary[key]

    def figures(self) -> dict[str, Any]:
        """The JSON-ready summary without the run record (``run``: version, time, checksums),
        so two evaluations of the same plan compare equal."""
        return {k: v for k, v in _clean(self.summary).items() if k != "run"}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(_clean(self.summary), ensure_ascii=False, indent=indent)
