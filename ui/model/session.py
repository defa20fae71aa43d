"""The desktop app's model of an open plan, without Qt.

A :class:`Session` holds the plan, its command stack (every edit goes through it), how each layer
is shown (:class:`LayerView`: order, visibility, style), the selection and the latest evaluation.
It tells its listeners what changed with a small set of events, so Qt widgets stay thin adapters
over it (the napari/glue pattern) and everything here is tested without a display.

Events (``listener(event, data)``):

``"layers"``
    layers added, removed, reordered, shown/hidden or restyled (``data``: the layer name or None)
``"features"``
    features of a layer changed by an edit, undo or redo (``data``: the layer name)
``"selection"``
    the selected feature(s) changed (``data``: ``(layer, id)`` of the first, or None; all of
    them in :attr:`Session.selected_ids`)
``"report"``
    a new evaluation arrived (``data``: the :class:`~spaceplanner.results.report.Report`)
``"edited"``
    after every edit, undo or redo, once the events above went out (``data``:
    ``(command, action)`` with action ``"do"``, ``"undo"`` or ``"redo"``); the app re-evaluates
``"dirty"``
    the saved/unsaved state may have changed (``data``: the new ``dirty`` flag)
``"path"``
    the plan file changed after save-as (``data``: the path)
``"scenario"``
    the hazard scenario to evaluate changed (``data``: its name)
``"basemap"``
    the base map under the layers changed (``data``: its description or None)
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spaceplanner.engine.hazards import opening_scenario, uncounted_layers
from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.errors import LayerError, PlanError
from spaceplanner.model.commands import AddLayer, Command, CommandStack, RemoveLayer
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.model.plan_file import save_plan
from spaceplanner.model.styles import STYLE_KEYS, geometry_default
from spaceplanner.results.report import Report

__all__ = ["ROLE_ORDER", "LayerView", "Session", "default_style"]

#: Drawing order by role, bottom first (points and sites above areas, as a planner reads a map).
ROLE_ORDER = [
    "terrain",
    "parcels",
    "boundary",
    "buildings",
    "hazards",
    "network",
    "residents",
    "activity_spaces",
    "shelters",
    "hazard_sources",
    "facilities",
    "entrances",
]

Listener = Callable[[str, Any], None]


def default_style(role: str, geometry: str | None = None) -> dict[str, Any]:
    """The role's style from the catalogue, with every key a renderer needs (and the changes
    for layers of one ``geometry``: :func:`~spaceplanner.model.styles.geometry_default`)."""
    style: dict[str, Any] = {
        "fill": "#cccccc",
        "stroke": "#333333",
        "width": 0.4,
        "opacity": 1.0,
        "size": 2.4,
    }
    with contextlib.suppress(KeyError):
        style.update(get_role(role).style)
    style.update(geometry_default(role, geometry))
    return style


def _layer_style(layer: PlanLayer) -> dict[str, Any]:
    """The default style of a layer: its role's, for its geometry."""
    kinds = layer.geometry_types()[:1]
    polygon = bool(kinds) and kinds[0] in ("Polygon", "MultiPolygon")
    return default_style(layer.role, "polygon" if polygon else None)


@dataclass
class LayerView:
    """How one layer is shown: visible or not, and its style (``fill``, ``stroke``, ``width``
    in mm, ``opacity`` 0–1, ``size`` of point symbols in mm)."""

    name: str
    visible: bool = True
    style: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The view as saved in the plan file."""
        return {"name": self.name, "visible": self.visible, "style": dict(self.style)}


class Session:
    """An open plan with its edit history, layer views, selection and latest evaluation.

    Parameters
    ----------
    plan
        The plan; its ``view`` (saved layer order, visibility and styles) is restored.
    path
        The plan GeoPackage that :meth:`save` writes; None until save-as for a plan opened
        from a TOML spec or a sample (those are never overwritten).
    """

    def __init__(self, plan: Plan, *, path: Path | None = None) -> None:
        self.plan = plan
        self.path = path
        self.stack = CommandStack(plan)
        self.stack.subscribe(self._on_command)
        self.selection: tuple[str, str] | None = None
        #: Every selected feature's id (of the selection's layer), the selection's first.
        self.selected_ids: tuple[str, ...] = ()
        self.report: Report | None = None
        self.scenario: str = opening_scenario(plan)
        self.period: str = "both"
        self._listeners: list[Listener] = []
        self._removed_views: dict[str, tuple[int, LayerView]] = {}
        self._view_changed = False  # order, visibility or style changed since the last save
        self.views: list[LayerView] = self._initial_views()

    # -- events ---------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(event, data)`` after every change (see the module docstring)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def set_scenario(self, scenario: str) -> None:
        """Evaluate in ``scenario`` from now on; listeners get a ``scenario`` event (the layer
        list and the map mark the hazard layers it does not count)."""
        self.scenario = scenario
        self.emit("scenario", scenario)

    def uncounted_hazards(self) -> set[str]:
        """Hazard layers the current scenario does not count."""
        return set(uncounted_layers(self.plan, self.scenario))

    def emit(self, event: str, data: Any = None) -> None:
        """Tell every listener about ``event``."""
        for listener in list(self._listeners):
            listener(event, data)

    # -- layer views ----------------------------------------------------------------------
    def _initial_views(self) -> list[LayerView]:
        saved = {v["name"]: v for v in self.plan.view.get("layers", []) if "name" in v}
        rank = {role: i for i, role in enumerate(ROLE_ORDER)}
        names = list(self.plan.layers)
        if saved:
            ordered = [n for n in saved if n in self.plan.layers]
            ordered += [n for n in names if n not in saved]
        else:
            # top first: the last role in ROLE_ORDER is drawn on top
            ordered = sorted(
                names,
                key=lambda n: (-rank.get(self.plan.layers[n].role, -1), names.index(n)),
            )
        views = []
        for name in ordered:
            style = _layer_style(self.plan.layers[name])
            item = saved.get(name, {})
            style.update(item.get("style", {}))
            views.append(LayerView(name, bool(item.get("visible", True)), style))
        return views

    def view(self, name: str) -> LayerView:
        """The view of layer ``name``."""
        for v in self.views:
            if v.name == name:
                return v
        raise KeyError(name)

    def layer_names(self) -> list[str]:
        """Layer names, top of the map first."""
        return [v.name for v in self.views]

    def set_visible(self, name: str, visible: bool) -> None:
        """Show or hide a layer."""
        view = self.view(name)
        if view.visible != visible:
            view.visible = visible
            self.emit("layers", name)
            self._view_edited()

    def set_style(self, name: str, **style: Any) -> None:
        """Change style keys of a layer (``fill="#ff0000"``, ``opacity=0.5``, ...)."""
        unknown = set(style) - STYLE_KEYS
        if unknown:
            msg = f"unknown style keys {', '.join(sorted(unknown))}"
            raise LayerError(msg, layer=name, hint=f"use {', '.join(sorted(STYLE_KEYS))}")
        self.view(name).style.update(style)
        self.emit("layers", name)
        self._view_edited()

    def set_basemap(self, basemap: dict[str, Any] | None) -> None:
        """Show a base map under the layers (``{"kind": "file", "path": ...}`` or
        ``{"kind": "xyz", "provider": "osm"}``; None: none), saved with the plan's view;
        listeners get a ``basemap`` event."""
        view = {k: v for k, v in self.plan.view.items() if k != "basemap"}
        if basemap:
            view["basemap"] = dict(basemap)
        self.plan.view = view
        self.emit("basemap", basemap)
        self._view_edited()

    def move_layer(self, name: str, index: int) -> None:
        """Put a layer at ``index`` in the list (0 = drawn on top)."""
        view = self.view(name)
        self.views.remove(view)
        self.views.insert(max(0, min(index, len(self.views))), view)
        self.emit("layers", name)
        self._view_edited()

    def set_role(self, name: str, role: str) -> None:
        """Change a layer's role (checked as on load: the fields must fit the new role)."""
        from spaceplanner.layers.conform import conform  # only needed here

        layer = self.plan.layers[name]
        if layer.frame is None:
            msg = "a raster layer's role is chosen when it is added"
            raise LayerError(msg, layer=name)
        result = conform(layer.frame, get_role(role), label=name, file=layer.source or "<plan>")
        errors = [p for p in result.problems if p.severity == "error"]
        if errors:
            raise errors[0].to_error()
        new = replace(layer, role=role, frame=result.frame, field_map=result.field_map)
        styles = (dict(self.view(name).style), default_style(role))
        self.push(
            _ReplaceLayer(
                name, new, label=tx("Set role of {name}").format(name=name), styles=styles
            )
        )

    def store_views(self) -> None:
        """Write the layer views into the plan (saved with it)."""
        self.plan.view = {**self.plan.view, "layers": [v.to_dict() for v in self.views]}

    def _view_edited(self) -> None:
        """Layer order, visibility or style changed: saved with the plan, so unsaved now."""
        self.store_views()
        if not self._view_changed:
            self._view_changed = True
            self.emit("dirty", True)

    # -- edits ----------------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Do an edit (it raises and changes nothing when it cannot be done)."""
        self.stack.push(command)

    def undo(self) -> Command | None:
        """Take back the last edit."""
        return self.stack.undo()

    def redo(self) -> Command | None:
        """Do again the last edit taken back."""
        return self.stack.redo()

    def add_layer(self, layer: PlanLayer, *, index: int = 0) -> None:
        """Add a layer (undoable); it is shown at ``index`` of the list (0 = on top)."""
        self.push(AddLayer(layer, label=tx("Add layer {name}").format(name=layer.name)))
        self.move_layer(layer.name, index)

    def remove_layer(self, name: str) -> None:
        """Remove a layer (undoable; undo puts it back with its place, style and visibility)."""
        view = self.view(name)
        self._removed_views[name] = (self.views.index(view), view)
        self.push(RemoveLayer(name, label=tx("Remove layer {name}").format(name=name)))

    def _on_command(self, command: Command, action: str) -> None:
        # keep the views in step with the plan's layers (add/remove layer and their undo)
        names = set(self.plan.layers)
        known = {v.name for v in self.views}
        for name in [n for n in self.plan.layers if n not in known]:
            index, view = self._removed_views.pop(
                name, (0, LayerView(name, True, _layer_style(self.plan.layers[name])))
            )
            self.views.insert(min(index, len(self.views)), view)
        self.views = [v for v in self.views if v.name in names]
        if self.selection is not None and (
            self.selection[0] not in names or not self._has_feature(*self.selection)
        ):
            self.select(None)
        elif self.selection is not None and len(self.selected_ids) > 1:
            layer = self.selection[0]
            self.select_many(layer, [i for i in self.selected_ids if self._has_feature(layer, i)])
        restyled = isinstance(command, _ReplaceLayer) and command.styles is not None
        if restyled:
            # the new role's style comes and goes with the role (undo gives the old one back)
            assert isinstance(command, _ReplaceLayer) and command.styles is not None
            old_style, new_style = command.styles
            self.view(command.layer).style = dict(old_style if action == "undo" else new_style)
        self.store_views()
        if names != known or restyled:
            self.emit("layers", command.layer)
        else:
            self.emit("features", command.layer)
        self.emit("edited", (command, action))
        self.emit("dirty", self.dirty)

    def _has_feature(self, layer: str, feature_id: str) -> bool:
        frame = self.plan.layers[layer].frame
        return frame is not None and bool((frame["id"].astype(str) == feature_id).any())

    def new_id(self, layer: str) -> str:
        """An id for a new feature of ``layer``, not used in the layer (``<layer>-<n>``)."""
        frame = self.plan.layers[layer].frame
        used = set() if frame is None else set(frame["id"].astype(str))
        n = len(used) + 1
        while f"{layer}-{n}" in used:
            n += 1
        return f"{layer}-{n}"

    # -- selection and results ------------------------------------------------------------
    def select(self, item: tuple[str, str] | None) -> None:
        """Select a feature ``(layer, id)``, or nothing."""
        ids = (item[1],) if item is not None else ()
        if item != self.selection or ids != self.selected_ids:
            self.selection = item
            self.selected_ids = ids
            self.emit("selection", item)

    def select_many(self, layer: str, ids: Sequence[str]) -> None:
        """Select features ``ids`` of ``layer`` (none: nothing); the first is the selection."""
        chosen = tuple(dict.fromkeys(str(i) for i in ids))
        item = (layer, chosen[0]) if chosen else None
        if item != self.selection or chosen != self.selected_ids:
            self.selection = item
            self.selected_ids = chosen
            self.emit("selection", item)

    def set_report(self, report: Report) -> None:
        """Store a new evaluation and tell the views."""
        self.report = report
        self.emit("report", report)

    def snapshot(self) -> Plan:
        """A copy of the plan an evaluation can read in another thread while edits go on.

        Layers' frames are never changed in place (commands set new frames), so the copy shares
        them safely; only the containers are copied.
        """
        plan = copy.copy(self.plan)
        plan.layers = {name: copy.copy(layer) for name, layer in self.plan.layers.items()}
        return plan

    # -- saving ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True when there are edits (or layer order, visibility, style changes) not saved."""
        return self.stack.dirty or self._view_changed

    def save(self, path: Path | str | None = None) -> Path:
        """Save the plan (atomically) to ``path`` or the session's file; that file becomes the
        session's file."""
        target = Path(path) if path is not None else self.path
        if target is None:
            msg = "the plan has no file yet"
            raise PlanError(msg, hint="use Save As to choose a .gpkg file")
        self.store_views()
        written = save_plan(self.plan, target)
        changed = written != self.path
        self.path = written
        self.plan.path = written
        self.stack.mark_clean()
        self._view_changed = False
        if changed:
            self.emit("path", written)
        self.emit("dirty", False)
        return written


@dataclass
class _ReplaceLayer:
    """Swap a layer for a new version of it (a changed role)."""

    layer: str
    new: PlanLayer
    label: str = "Change layer"
    styles: tuple[dict[str, Any], dict[str, Any]] | None = None  # (before, after), for the view
    _old: PlanLayer | None = field(default=None, repr=False)

    def do(self, plan: Plan) -> None:
        self._old = plan.layers[self.layer]
        plan.layers = {k: (self.new if k == self.layer else v) for k, v in plan.layers.items()}

    def undo(self, plan: Plan) -> None:
        assert self._old is not None
        old = self._old
        plan.layers = {k: (old if k == self.layer else v) for k, v in plan.layers.items()}
