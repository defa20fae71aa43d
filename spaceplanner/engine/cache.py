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
import shapely

from spaceplanner.layers.catalogue import get_role
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.results.report import DUAL_USE_SUFFIX

__all__ = ["StageCache", "content_digest", "digest", "layer_key", "raster_extent"]

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


def content_digest(layer: PlanLayer) -> str:
    """A digest of what the engine reads from a layer (geometry, role fields, options): O(data),
    for noticing a frame changed in place (:meth:`StageCache.notice_in_place_edits`)."""
    h = hashlib.sha1()
    if layer.raster is not None:
        src = layer.raster
        h.update(repr((src.dataset, src.band, src.crs.to_wkt())).encode())
    else:
        frame = layer.frame
        assert frame is not None
        geoms = frame.geometry.to_numpy()
        # the geometries by their structure and coordinates (serialising each one to WKB
        # costs seconds at city scale)
        for part in (
            shapely.get_type_id(geoms),
            shapely.get_num_geometries(geoms),
            shapely.get_num_interior_rings(geoms),
            shapely.get_num_coordinates(geoms),
            shapely.get_coordinates(geoms, include_z=True),
        ):
            h.update(np.ascontiguousarray(part).tobytes())
        used = [] if layer.role == "network" else [c for c in get_role(layer.role).fields]
        for col in used:
            if col in frame:
                h.update(col.encode() + b"\x1e")
                h.update(_column_bytes(frame[col].to_numpy()))
    h.update(repr(sorted(layer.options.items())).encode())
    h.update(repr(sorted(layer.constants.items())).encode())
    return h.hexdigest()


def raster_extent(plan: Plan, role: str) -> tuple[float, ...] | None:
    """The plan's extent when a layer of ``role`` is a raster: such a raster is read over the
    extent of the vector layers, so a stage that reads it depends on every one of them."""
    if any(lyr.raster is not None for lyr in plan.by_role(role)):
        return plan.extent()
    return None


class StageCache:
    """The engine's memory between evaluations of one plan."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[object, Any]] = {}
        self._tables: dict[str, dict[str, Any]] = {}
        self._contents: dict[str, tuple[int, str]] = {}

    def notice_in_place_edits(self, plan: Plan) -> None:
        """Give a new version to every layer whose content changed while its version did not
        (a frame edited in place, e.g. ``frame.loc[0, "capacity"] = 10`` in a notebook), so the
        version-keyed entries are not reused for it. O(data): the desktop, whose edits are
        commands that replace frames, skips it."""
        seen: dict[str, tuple[int, str]] = {}
        for layer in plan:
            known = self._contents.get(layer.name)
            digest_now = content_digest(layer)
            if known is not None and known[0] == layer.version and known[1] != digest_now:
                layer.touch()
            seen[layer.name] = (layer.version, digest_now)
        self._contents = seen

    def forget_missing(self, names: set[str]) -> None:
        """Drop the entries and per-site tables of layers no longer in the plan (a long desktop
        session adds, removes and renames layers)."""
        for store in (self._entries, self._tables):
            for key in list(store):
                _, _, layer = key.partition(":")
                if layer and layer.removesuffix(DUAL_USE_SUFFIX) not in names:
                    del store[key]

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
