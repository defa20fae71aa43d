"""One cache for the engine's stages, keyed by the versions of the layers each stage read.

A stage's entry is valid while the layers it read keep their version
(:attr:`~spaceplanner.model.plan.PlanLayer.version`, bumped whenever an edit replaces a layer's
frame, raster, role or options), so checking whether a stage must run again is O(1) in the size of
the data. Inside a layer, some stages keep results per site (where a site reaches the network, who
lives within a shelter's radius, what the 避/防/让 checks removed) keyed by the site's own content,
so an edit to one site recomputes that site alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from spaceplanner.model.plan import PlanLayer

__all__ = ["StageCache", "digest", "layer_key"]

T = TypeVar("T")


def _column_bytes(values: np.ndarray) -> bytes:
    """The values of a column as bytes: raw for numbers, text for anything else."""
    if values.dtype.kind in "biuf":
        return np.ascontiguousarray(values).tobytes()
    return "\x1f".join(map(str, values)).encode()


def digest(*parts: object) -> str:
    """A digest of the parts (arrays by their bytes, anything else by its repr)."""
    h = hashlib.sha1()
    for part in parts:
        if isinstance(part, np.ndarray):
            h.update(_column_bytes(part))
        elif isinstance(part, bytes):
            h.update(part)
        else:
            h.update(repr(part).encode())
        h.update(b"\x1e")
    return h.hexdigest()


def layer_key(layer: PlanLayer) -> tuple[object, ...]:
    """What identifies a layer's content for the cache: its name, its version and (cheap, and
    safe against an options table changed in place) its options."""
    return (layer.name, layer.version, repr(sorted(layer.options.items())))


class StageCache:
    """The engine's memory between evaluations of one plan."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[object, Any]] = {}
        self._tables: dict[str, dict[str, Any]] = {}

    def get(self, name: str, key: object, make: Callable[[], T]) -> T:
        """The value stored under ``name`` if it was made for ``key``, else ``make()`` (stored)."""
        hit = self._entries.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = make()
        self._entries[name] = (key, value)
        return value

    def table(self, name: str) -> dict[str, Any]:
        """A per-site table (site key → result) kept under ``name``."""
        return self._tables.setdefault(name, {})

    def tables(self, prefix: str) -> list[dict[str, Any]]:
        """Every per-site table whose name starts with ``prefix``."""
        return [t for n, t in self._tables.items() if n.startswith(prefix)]

    def keep(self, name: str, keys: list[str]) -> dict[str, Any]:
        """Keep only ``keys`` in the table ``name`` (the sites the layer has now)."""
        known = self._tables.get(name, {})
        fresh = {k: known[k] for k in keys}
        self._tables[name] = fresh
        return fresh
