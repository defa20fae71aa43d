"""Edits to a plan as undoable command objects, and the stack that runs them (no Qt).

Each kind of edit is one small class with ``do``/``undo`` and a ``label`` (glue's
``core/command.py`` pattern). A command never changes a layer's frame in place: it sets a new
frame, so anything holding the old one (an evaluator's caches, a view) sees a consistent state,
and the layer gets a new version (:attr:`~spaceplanner.model.plan.PlanLayer.version`), which is
how the evaluator's cache notices the change. Features are found by their stable ``id``.
The desktop app's undo/redo actions only mirror a :class:`CommandStack`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import affinity
from shapely.geometry.base import BaseGeometry

from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.words import unit_word
from spaceplanner.model.plan import Plan, PlanLayer

__all__ = [
    "AddFeature",
    "AddFeatures",
    "AddLayer",
    "Command",
    "CommandStack",
    "DeleteFeature",
    "DeleteFeatures",
    "EditAttributes",
    "MoveFeature",
    "RemoveLayer",
    "SetGeometry",
]


#: Labels the desktop's drawing tools give their edits, in the catalogue so that
#: ``say(label, lang)`` finds them (the app shows undo labels in its language).
TOOL_LABELS = (tx("Add point"), tx("Add polygon"), tx("Add line"))


class Command(Protocol):
    """An undoable edit of a plan."""

    label: str

    @property
    def layer(self) -> str:
        """The name of the layer the edit changes."""
        ...

    def do(self, plan: Plan) -> None:
        """Apply the edit."""

    def undo(self, plan: Plan) -> None:
        """Take the edit back, leaving the plan as before ``do``."""


def _layer(plan: Plan, name: str) -> PlanLayer:
    layer = plan.layers.get(name)
    if layer is None or layer.frame is None:
        msg = tx("no such vector layer in the plan")
        raise LayerError(
            msg, layer=name, hint=tx("layers: {names}").format(names=", ".join(plan.layers))
        )
    return layer


def _row(layer: PlanLayer, feature_id: str) -> int:
    assert layer.frame is not None
    hits = np.flatnonzero(layer.frame["id"].astype(str).to_numpy() == str(feature_id))
    if hits.size != 1:
        msg = "no such feature" if hits.size == 0 else "the feature id is not unique"
        raise LayerError(msg, layer=layer.name, feature=str(feature_id))
    return int(hits[0])


def _check_values(layer: PlanLayer, values: dict[str, Any]) -> None:
    """Numbers of the role's number fields must be finite numbers, at least 0 (unless the field
    takes negative values) and at most the field's plausible maximum, as when a file is read."""
    role = get_role(layer.role)
    for name, value in values.items():
        spec = role.fields.get(name)
        if spec is None or spec.type not in {"number", "integer"} or value is None:
            continue
        number = not isinstance(value, bool) and isinstance(value, int | float | np.number)
        if (
            not number
            or not math.isfinite(value)
            or (value < 0 and not spec.negative)
            or (spec.type == "integer" and float(value) != int(value))
        ):
            kind = tx("a whole number") if spec.type == "integer" else tx("a number")
            if spec.negative:
                msg = tx("{name} must be {kind}, not {value}").format(
                    name=name, kind=kind, value=repr(value)
                )
                hint = tx("enter {kind}").format(kind=kind)
            else:
                msg = tx("{name} must be {kind} of at least 0, not {value}").format(
                    name=name, kind=kind, value=repr(value)
                )
                hint = tx("enter {kind} of at least 0").format(kind=kind)
            raise LayerError(msg, layer=layer.name, field=name, hint=hint)
        if spec.maximum is not None and value > spec.maximum:
            msg = (
                tx(
                    "{name} {value:,g} {unit} is above the plausible maximum of "
                    "{maximum:,g} {unit} for one feature"
                )
                if spec.unit
                else tx(
                    "{name} {value:,g} is above the plausible maximum of "
                    "{maximum:,g} for one feature"
                )
            ).format(name=name, value=value, unit=unit_word(spec.unit), maximum=spec.maximum)
            raise LayerError(msg, layer=layer.name, field=name, hint=tx("check the value and unit"))


def _with_geometry(layer: PlanLayer, row: int, geometry: BaseGeometry) -> None:
    assert layer.frame is not None
    geoms = layer.frame.geometry.copy()
    geoms.iloc[row] = geometry
    layer.frame = layer.frame.set_geometry(geoms)


@dataclass
class SetGeometry:
    """Give a feature a new geometry (a reshaped polygon, a moved point)."""

    layer: str
    feature_id: str
    geometry: BaseGeometry
    label: str = tx("Reshape feature")
    _old: BaseGeometry | None = field(default=None, repr=False)

    def do(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        row = _row(layer, self.feature_id)
        assert layer.frame is not None
        self._old = layer.frame.geometry.iloc[row]
        _with_geometry(layer, row, self.geometry)

    def undo(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert self._old is not None
        _with_geometry(layer, _row(layer, self.feature_id), self._old)


@dataclass
class MoveFeature:
    """Move a feature by ``(dx, dy)`` metres."""

    layer: str
    feature_id: str
    dx: float
    dy: float
    label: str = tx("Move feature")

    def _shift(self, plan: Plan, sign: float) -> None:
        layer = _layer(plan, self.layer)
        row = _row(layer, self.feature_id)
        assert layer.frame is not None
        moved = affinity.translate(layer.frame.geometry.iloc[row], sign * self.dx, sign * self.dy)
        _with_geometry(layer, row, moved)

    def do(self, plan: Plan) -> None:
        self._shift(plan, 1.0)

    def undo(self, plan: Plan) -> None:
        self._shift(plan, -1.0)


@dataclass
class AddFeature:
    """Add a feature with ``values`` (its ``id`` included) and ``geometry``."""

    layer: str
    values: dict[str, Any]
    geometry: BaseGeometry
    label: str = tx("Add feature")

    def do(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None
        new_id = str(self.values.get("id", ""))
        if not new_id or (layer.frame["id"].astype(str) == new_id).any():
            msg = tx("the new feature needs an id not used in the layer (got {id})").format(
                id=repr(new_id)
            )
            raise LayerError(msg, layer=layer.name, field="id")
        _check_values(layer, self.values)
        row = gpd.GeoDataFrame(
            {k: [v] for k, v in {**self.values, "id": new_id}.items()},
            geometry=[self.geometry],
            crs=layer.frame.crs,
        )
        if row.geometry.name != layer.frame.geometry.name:
            row = row.rename_geometry(layer.frame.geometry.name)
        layer.frame = gpd.GeoDataFrame(
            pd.concat([layer.frame, row], ignore_index=True), crs=layer.frame.crs
        )

    def undo(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None
        row = _row(layer, str(self.values["id"]))
        layer.frame = layer.frame.drop(index=layer.frame.index[row]).reset_index(drop=True)


@dataclass
class AddFeatures:
    """Add several features to one layer as one edit (e.g. the suggested sites)."""

    layer: str
    rows: list[tuple[dict[str, Any], BaseGeometry]]
    label: str = tx("Add features")

    def do(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None
        ids = [str(values.get("id", "")) for values, _ in self.rows]
        taken = set(layer.frame["id"].astype(str))
        clash = [i for i in ids if not i or i in taken]
        if clash or len(set(ids)) != len(ids):
            msg = tx("the new features need ids not used in the layer (got {ids})").format(
                ids=repr(clash or ids)
            )
            raise LayerError(msg, layer=layer.name, field="id")
        for values, _ in self.rows:
            _check_values(layer, values)
        new = gpd.GeoDataFrame(
            pd.DataFrame(
                [{**values, "id": i} for (values, _), i in zip(self.rows, ids, strict=True)]
            ),
            geometry=[geom for _, geom in self.rows],
            crs=layer.frame.crs,
        )
        if new.geometry.name != layer.frame.geometry.name:
            new = new.rename_geometry(layer.frame.geometry.name)
        layer.frame = gpd.GeoDataFrame(
            pd.concat([layer.frame, new], ignore_index=True), crs=layer.frame.crs
        )

    def undo(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None
        ids = {str(values["id"]) for values, _ in self.rows}
        keep = ~layer.frame["id"].astype(str).isin(ids)
        layer.frame = layer.frame[keep.to_numpy()].reset_index(drop=True)


@dataclass
class DeleteFeature:
    """Delete a feature (undo puts it back where it was)."""

    layer: str
    feature_id: str
    label: str = tx("Delete feature")
    _removed: gpd.GeoDataFrame | None = field(default=None, repr=False)
    _position: int = -1

    def do(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None
        self._position = _row(layer, self.feature_id)
        self._removed = layer.frame.iloc[[self._position]]
        layer.frame = layer.frame.drop(index=layer.frame.index[self._position]).reset_index(
            drop=True
        )

    def undo(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None and self._removed is not None
        before = layer.frame.iloc[: self._position]
        after = layer.frame.iloc[self._position :]
        layer.frame = gpd.GeoDataFrame(
            pd.concat([before, self._removed, after], ignore_index=True), crs=layer.frame.crs
        )


@dataclass
class DeleteFeatures:
    """Delete several features of one layer as one edit (undo puts each back where it was)."""

    layer: str
    feature_ids: list[str]
    label: str = tx("Delete features")
    _removed: gpd.GeoDataFrame | None = field(default=None, repr=False)
    _positions: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def do(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None
        rows = sorted({_row(layer, str(fid)) for fid in self.feature_ids})
        self._positions = np.asarray(rows, dtype=np.int64)
        self._removed = layer.frame.iloc[rows]
        keep = np.ones(len(layer.frame), dtype=bool)
        keep[rows] = False
        layer.frame = layer.frame[keep].reset_index(drop=True)

    def undo(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        assert layer.frame is not None and self._removed is not None
        kept, removed = len(layer.frame), len(self._removed)
        back = np.zeros(kept + removed, dtype=bool)
        back[self._positions] = True
        order = np.empty(kept + removed, dtype=np.int64)
        order[~back] = np.arange(kept)
        order[back] = kept + np.arange(removed)
        both = pd.concat([layer.frame, self._removed], ignore_index=True)
        layer.frame = gpd.GeoDataFrame(both.iloc[order].reset_index(drop=True), crs=layer.frame.crs)


@dataclass
class EditAttributes:
    """Set attribute values of a feature (capacity, class, kind, dual_use, steward, ...)."""

    layer: str
    feature_id: str
    values: dict[str, Any]
    label: str = tx("Edit attributes")
    _old: dict[str, Any] = field(default_factory=dict, repr=False)

    def _set(self, plan: Plan, values: dict[str, Any]) -> None:
        layer = _layer(plan, self.layer)
        row = _row(layer, self.feature_id)
        assert layer.frame is not None
        frame = layer.frame.copy()
        for name, value in values.items():
            if name not in frame.columns:
                frame[name] = None
            frame.loc[frame.index[row], name] = value
        layer.frame = frame

    def do(self, plan: Plan) -> None:
        layer = _layer(plan, self.layer)
        if "id" in self.values:
            msg = tx("ids are stable: a feature's id cannot be edited")
            raise LayerError(msg, layer=layer.name, field="id", feature=self.feature_id)
        _check_values(layer, self.values)
        row = _row(layer, self.feature_id)
        assert layer.frame is not None
        self._old = {
            k: (layer.frame[k].iloc[row] if k in layer.frame.columns else None) for k in self.values
        }
        self._set(plan, self.values)

    def undo(self, plan: Plan) -> None:
        self._set(plan, self._old)


@dataclass
class AddLayer:
    """Add a layer (read and fitted to its role beforehand) at ``position`` (the end when None)."""

    new: PlanLayer
    position: int | None = None
    label: str = tx("Add layer")

    @property
    def layer(self) -> str:
        return self.new.name

    def do(self, plan: Plan) -> None:
        if self.new.name in plan.layers:
            msg = tx("a layer of this name is already in the plan")
            raise LayerError(msg, layer=self.new.name, hint=tx("choose another name"))
        items = list(plan.layers.items())
        at = len(items) if self.position is None else max(0, min(self.position, len(items)))
        items.insert(at, (self.new.name, self.new))
        plan.layers = dict(items)

    def undo(self, plan: Plan) -> None:
        plan.layers = {k: v for k, v in plan.layers.items() if k != self.new.name}


@dataclass
class RemoveLayer:
    """Remove a layer from the plan (undo puts it back in its place)."""

    name: str
    label: str = tx("Remove layer")
    _removed: PlanLayer | None = field(default=None, repr=False)
    _position: int = -1

    @property
    def layer(self) -> str:
        return self.name

    def do(self, plan: Plan) -> None:
        if self.name not in plan.layers:
            msg = tx("no such layer in the plan")
            raise LayerError(
                msg,
                layer=self.name,
                hint=tx("layers: {names}").format(names=", ".join(plan.layers)),
            )
        names = list(plan.layers)
        self._position = names.index(self.name)
        self._removed = plan.layers[self.name]
        plan.layers = {k: v for k, v in plan.layers.items() if k != self.name}

    def undo(self, plan: Plan) -> None:
        assert self._removed is not None
        AddLayer(self._removed, self._position).do(plan)


Listener = Callable[[Command, str], None]
_UNSAVED = object()


class CommandStack:
    """Runs commands on a plan and keeps them for undo and redo.

    Listeners are called with the command and ``"do"``, ``"undo"`` or ``"redo"`` after each
    change, so views and the evaluator can follow the plan.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean: object = None  # the command on top when last saved
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(command, action)`` after every change."""
        self._listeners.append(listener)

    def _notify(self, command: Command, action: str) -> None:
        for listener in self._listeners:
            listener(command, action)

    def push(self, command: Command) -> None:
        """Do ``command`` and record it; a failing command changes nothing and is not kept."""
        command.do(self.plan)
        self._done.append(command)
        self._undone.clear()
        self._notify(command, "do")

    def undo(self) -> Command | None:
        """Take back the last command (None when there is none)."""
        if not self._done:
            return None
        command = self._done.pop()
        command.undo(self.plan)
        self._undone.append(command)
        self._notify(command, "undo")
        return command

    def redo(self) -> Command | None:
        """Do again the last command taken back (None when there is none)."""
        if not self._undone:
            return None
        command = self._undone.pop()
        command.do(self.plan)
        self._done.append(command)
        self._notify(command, "redo")
        return command

    @property
    def can_undo(self) -> bool:
        """True when there is a command to take back."""
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        """True when there is a command to do again."""
        return bool(self._undone)

    @property
    def undo_label(self) -> str | None:
        """Label of the command undo would take back."""
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        """Label of the command redo would do again."""
        return self._undone[-1].label if self._undone else None

    def _top(self) -> Command | None:
        return self._done[-1] if self._done else None

    def mark_clean(self) -> None:
        """Remember the current state as saved."""
        self._clean = self._top()

    def mark_unsaved(self) -> None:
        """Treat the current state as not saved (a plan recovered from an autosave)."""
        self._clean = _UNSAVED

    @property
    def dirty(self) -> bool:
        """True when the plan differs from its last saved state."""
        return self._top() is not self._clean
