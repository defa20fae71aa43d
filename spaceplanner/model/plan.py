"""Loading a plan: :func:`load_plan` reads a TOML spec or a plan GeoPackage.

A plan is declared in a small TOML spec that points at source files (the public contract in the
README), or stored whole in one GeoPackage (read by :mod:`spaceplanner.model.plan_file`). Loading
reads every layer, fits it to its role (:func:`spaceplanner.layers.conform.conform`), projects it
once to the plan's metric CRS and checks that the layers overlap. Problems are collected per
layer, so ``validate`` can report all of them; analysis loads with ``strict=True`` and stops at
the first.

The plan's classes and shared checks live in :mod:`spaceplanner.model.plan_core` (below both
loaders) and are reached here too: ``from spaceplanner.model.plan import Plan, load_plan``.
"""

from __future__ import annotations

import math
import stat
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyproj import CRS
from pyproj.exceptions import CRSError

from spaceplanner import settings
from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import (
    FieldSpec,
    OptionSpec,
    closest,
    get_role,
    layer_options,
    role_names,
)
from spaceplanner.layers.chinacrs import layer_to_wgs84, offset_system
from spaceplanner.layers.conform import conform
from spaceplanner.layers.crs import (
    WEB_MERCATOR,
    choose_metric_crs,
    crs_label,
    is_metric,
    parse_crs,
)
from spaceplanner.layers.dxf import cad_options
from spaceplanner.layers.errors import LayerError, PlanError, SpacePlannerError
from spaceplanner.layers.poi import sort_pois
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import (
    is_raster_source,
    parse_layer_crs,
    read_raster,
    read_vector,
)
from spaceplanner.layers.tables import join_problem, join_table
from spaceplanner.layers.values import BOOL_WORDS, bool_value
from spaceplanner.layers.words import either_text, unit_word
from spaceplanner.model.plan_core import (
    Plan,
    PlanLayer,
    check_coordinates,
    check_extent,
    check_overlap,
    check_plan_crs,
    project_layer,
)
from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.model.targets import flatten_targets

__all__ = [
    "LAYER_OPTIONS",
    "PLAN_KEYS",
    "LayerSpec",
    "Plan",
    "PlanLayer",
    "load_plan",
    "project_layer",
    "read_layer",
    "read_spec",
]

#: Keys a plan spec may have at its top level, with the type of each value.
_PLAN_KEY_TYPES = {
    "name": "text",
    "crs": "crs",
    "rules": "text",
    "scenario": "text",
    "description": "text",
}
#: ``targets`` is checked where it is read (spaceplanner.model.targets.flatten_targets).
PLAN_KEYS = (*_PLAN_KEY_TYPES, "targets", "layers")
#: Options of a raster hazard layer that say which cells form the zone.
RASTER_ZONE_OPTIONS = ("min_value", "max_value", "max_slope_pct")
#: Keys every layer table may have besides its role's fields (types and ranges: roles.toml).
LAYER_OPTIONS = tuple(k for k in layer_options() if k not in RASTER_ZONE_OPTIONS)
#: Roles whose layers have a service radius that ``radius_m`` may override.
RADIUS_ROLES = ("shelters", "activity_spaces", "facilities")


@dataclass
class LayerSpec:
    """What a plan spec says about one layer."""

    name: str
    role: str
    path: Path
    layer: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


def _plan_error(message: str, path: Path, hint: str | None = None, **where: str) -> PlanError:
    return PlanError(message, file=str(path), hint=hint, **where)


def _kind(value: object) -> str:
    """What a TOML value is, in a user's words."""
    if isinstance(value, bool):
        return tx("true/false")
    if isinstance(value, int | float):
        return tx("a number")
    if isinstance(value, str):
        return tx("text")
    if isinstance(value, list):
        return tx("a list")
    if isinstance(value, dict):
        return tx("a table")
    return tx("a date or time")


def _wrong_type(key: str, value: object, want: str) -> tuple[str, str]:
    """The message and hint for ``key = value`` where ``want`` was expected."""
    shown = repr(value) if not isinstance(value, dict) else "{...}"
    msg = tx("{key} = {value} is {kind}, not {want}").format(
        key=key, value=shown, kind=_kind(value), want=want
    )
    if want == "text":
        example = value if isinstance(value, int | float | str) else "..."
        return msg, tx('write it in quotes: {key} = "{example}"').format(key=key, example=example)
    return msg, tx("give {want}").format(want=want)


def _check_value(key: str, value: object, option: OptionSpec) -> tuple[str, str] | None:
    """What is wrong with the value of a layer option or plan key, as (message, hint)."""
    kind = option.type
    if kind == "text":
        return None if isinstance(value, str) else _wrong_type(key, value, tx("text"))
    if kind == "crs":
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
            return None
        return _wrong_type(key, value, tx('a CRS such as "EPSG:4490"'))
    if kind == "table":
        return None if isinstance(value, dict) else _wrong_type(key, value, tx("a table { ... }"))
    if kind == "list":
        return None if isinstance(value, list) else _wrong_type(key, value, tx("a list [ ... ]"))
    if kind == "choice":
        if isinstance(value, str) and value in option.choices:
            return None
        shown = either_text(f'"{c}"' for c in option.choices)
        return tx("{key} = {value} is not one of {choices}").format(
            key=key, value=repr(value), choices=shown
        ), tx("use {key} = {choices}").format(key=key, choices=shown)
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return _wrong_type(key, value, tx("a whole number"))
    elif isinstance(value, bool) or not isinstance(value, int | float):
        return _wrong_type(key, value, tx("a number"))
    number = float(value)
    if math.isnan(number) and option.nan:
        return None
    unit = unit_word(option.unit) if option.unit else None
    shown_value = repr(value)
    if not math.isfinite(number):
        return tx("{key} = {value} is not a finite number").format(key=key, value=shown_value), (
            tx("give a number in {unit}").format(unit=unit) if unit else tx("give a number")
        )
    low = option.minimum if option.minimum is not None else None if option.negative else 0.0
    if option.positive and number <= 0:
        return tx("{key} = {value} is not usable").format(key=key, value=shown_value), (
            tx("give a positive number {unit}").format(unit=unit)
            if unit
            else tx("give a positive number")
        )
    if low is not None and number < low:
        return tx("{key} = {value} is below {low:g}").format(key=key, value=shown_value, low=low), (
            tx("give a number of at least {low:g} {unit}").format(low=low, unit=unit)
            if unit
            else tx("give a number of at least {low:g}").format(low=low)
        )
    if option.maximum is not None and number > option.maximum:
        return (
            (
                tx("{key} = {value} is above the plausible maximum of {maximum:,.0f} {unit}")
                if unit
                else tx("{key} = {value} is above the plausible maximum of {maximum:,.0f}")
            ).format(key=key, value=shown_value, maximum=option.maximum, unit=unit),
            tx("check the value and its unit; the bounds are in the role catalogue (roles.toml)"),
        )
    return None


def _field_value_problem(spec: FieldSpec, key: str, value: object) -> tuple[str, str] | None:
    """What is wrong with a role field's entry in a layer table: a column name or a constant."""
    if key != spec.name or not spec.constant:
        if isinstance(value, str):
            return None
        msg, _ = _wrong_type(key, value, tx("text (a column name)"))
        return msg, tx('name the source column in quotes: {key} = "<column>"').format(key=key)
    if spec.type == "bool":
        if bool_value(value) is not None and not isinstance(value, list | dict | float):
            return None
        return tx("{key} = {value} is not yes/no").format(key=key, value=repr(value)), tx(
            "use {words}"
        ).format(words=BOOL_WORDS)
    if spec.type in {"number", "integer"}:
        return None  # read and range-checked as the column values are (conform)
    return None if isinstance(value, str) else _wrong_type(key, value, tx("text"))


def _layer_not_a_table(name: str, value: object, path: Path) -> PlanError:
    example = value if isinstance(value, str) else "..."
    return _plan_error(
        tx("the layer is {kind}, not a table").format(kind=_kind(value)),
        path,
        tx(
            'write it as a table: [layers.{name}] with path = "{example}" on the next line '
            "(and role = ... unless the name is a role)"
        ).format(name=name, example=example),
        layer=name,
    )


def read_spec(path: Path | str) -> tuple[dict[str, Any], list[LayerSpec]]:
    """Read and check a plan TOML spec.

    Returns
    -------
    tuple
        The top-level settings (without ``layers``) and the layer specs in file order.

    Raises
    ------
    PlanError
        On a missing or malformed file, unknown keys, a value of the wrong type or out of its
        range, an unknown role, a layer without a path.
    """
    path = Path(path)
    if not path.exists():
        raise _plan_error(tx("plan file not found"), path, tx("check the path"))
    try:
        # utf-8-sig: Windows Notepad saves UTF-8 with a byte-order mark
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise _plan_error(tx("the plan is not UTF-8 text"), path, tx("save it as UTF-8")) from exc
    except tomllib.TOMLDecodeError as exc:
        raise _plan_error(
            tx("the plan is not valid TOML ({reason})").format(reason=str(exc)),
            path,
            tx("fix the syntax"),
        ) from exc
    for key, value in data.items():
        if key not in PLAN_KEYS:
            guess = closest(key, list(PLAN_KEYS))
            hint: str = (
                tx("did you mean '{guess}'?").format(guess=guess)
                if guess
                else tx("known keys: {names}").format(names=", ".join(PLAN_KEYS))
            )
            raise _plan_error(tx("unknown plan key '{key}'").format(key=key), path, hint)
        if key in _PLAN_KEY_TYPES:
            wrong = _check_value(key, value, OptionSpec(key, _PLAN_KEY_TYPES[key]))
            if wrong:
                raise _plan_error(wrong[0], path, wrong[1], field=key)
    tables = data.get("layers", {})
    if not isinstance(tables, dict):
        raise _plan_error(
            tx("layers is {kind}, not tables").format(kind=_kind(tables)),
            path,
            tx('declare each layer as a table: [layers.residents] with path = "..." below it'),
            field="layers",
        )
    if not tables:
        raise _plan_error(
            tx("the plan has no [layers.*] tables"), path, tx("declare at least one layer")
        )
    options = layer_options()
    specs = []
    for name, raw in tables.items():
        if not isinstance(raw, dict):
            raise _layer_not_a_table(name, raw, path)
        role = raw.get("role", name if name in role_names() else None)
        if role is None:
            raise _plan_error(
                tx("the layer has no role"),
                path,
                tx("add `role = ...`, one of {roles}").format(roles=", ".join(role_names())),
                layer=name,
            )
        if not isinstance(role, str):
            msg, hint = _wrong_type("role", role, tx("text"))
            raise _plan_error(msg, path, hint, layer=name, field="role")
        try:
            role_spec = get_role(role)
        except KeyError as exc:
            raise _plan_error(
                exc.args[0],
                path,
                tx("roles are: {roles}").format(roles=", ".join(role_names())),
                layer=name,
                field="role",
            ) from exc
        allowed = set(LAYER_OPTIONS) | set(role_spec.fields)
        if role == "hazards":
            allowed |= set(RASTER_ZONE_OPTIONS)
        allowed |= {f"{f}_field" for f, s in role_spec.fields.items() if s.constant}
        for key, value in raw.items():
            if key not in allowed:
                guess = closest(key, sorted(allowed))
                hint = (
                    tx("did you mean '{guess}'?").format(guess=guess)
                    if guess
                    else tx("{role} fields are: {fields}").format(
                        role=role, fields=", ".join(role_spec.fields)
                    )
                )
                raise _plan_error(
                    tx("unknown field or option '{key}' for {role}").format(key=key, role=role),
                    path,
                    hint,
                    layer=name,
                    field=key,
                )
            if key in RASTER_ZONE_OPTIONS:
                continue  # checked with the layer, as a raster hazard (_check_raster_hazard)
            if key in options:
                wrong = _check_value(key, value, options[key])
            else:
                wrong = _field_value_problem(
                    role_spec.fields[key.removesuffix("_field")], key, value
                )
            if wrong:
                raise _plan_error(wrong[0], path, wrong[1], layer=name, field=key)
        if "path" not in raw:
            raise _plan_error(
                tx("the layer has no path"), path, tx('add `path = "..."`'), layer=name
            )
        _check_source_options(raw, path, name)
        if "radius_m" in raw and role not in RADIUS_ROLES:
            raise _plan_error(
                tx("radius_m = {value} is not usable").format(value=repr(raw["radius_m"])),
                path,
                tx("only {roles} have a service radius").format(roles=", ".join(RADIUS_ROLES)),
                layer=name,
                field="radius_m",
            )
        options_ = {k: v for k, v in raw.items() if k not in {"role", "path", "layer"}}
        if isinstance(options_.get("join"), dict) and isinstance(options_["join"].get("path"), str):
            joined = (path.parent / options_["join"]["path"]).resolve()
            options_["join"] = {**options_["join"], "path": str(joined)}
        specs.append(
            LayerSpec(
                name,
                role,
                (path.parent / str(raw["path"])).resolve(),
                raw.get("layer"),
                options_,
            )
        )
    settings_ = {k: v for k, v in data.items() if k != "layers"}
    return settings_, specs


#: Options of CAD drawings only (spaceplanner.layers.dxf).
CAD_OPTIONS = ("dxf_layers", "units", "offset", "control_points")


def _check_source_options(raw: dict[str, Any], path: Path, name: str) -> None:
    """Options that belong to one kind of source: CAD placement to DXF drawings, and a ``join``
    table's shape (its values are checked when the layer is read)."""
    suffix = Path(str(raw["path"])).suffix.lower()
    for key in CAD_OPTIONS:
        if key in raw and suffix not in {".dxf", ".dwg"}:
            raise _plan_error(
                tx("{key} is an option of CAD drawings (.dxf)").format(key=key),
                path,
                tx("remove it from this layer"),
                layer=name,
                field=key,
            )
    if "join" in raw:
        wrong = join_problem(raw["join"])
        if wrong is not None:
            raise _plan_error(wrong[0], path, wrong[1], layer=name, field="join")


def _check_raster_hazard(spec: LayerSpec) -> None:
    """A raster hazard needs its type and exactly one rule for which cells form the zone."""
    given = [k for k in RASTER_ZONE_OPTIONS if k in spec.options]
    where = {"file": str(spec.path), "layer": spec.name}
    if len(given) != 1:
        msg = tx("a raster hazard needs exactly one of min_value, max_value or max_slope_pct")
        raise LayerError(
            msg,
            **where,
            hint=tx(
                "e.g. `max_value = 192.0` (terrain at or below 192 m floods) "
                "or `min_value = 0.5` (depth at least 0.5 m)"
            ),
        )
    wrong = _check_value(given[0], spec.options[given[0]], layer_options()[given[0]])
    if wrong:
        raise LayerError(wrong[0], **where, field=given[0], hint=wrong[1])
    if "hazard" not in spec.options:
        msg = tx("a raster hazard needs its type")
        raise LayerError(
            msg, **where, field="hazard", hint=tx('add `hazard = "flood"` (or another type)')
        )


def _read_layer(spec: LayerSpec, plan_crs: CRS | None) -> PlanLayer:
    """Read one layer in its own CRS and fit it to its role."""
    role = get_role(spec.role)
    file = str(spec.path)
    opts = spec.options
    offset = offset_system(opts.get("crs"))
    layer_crs = None
    if "crs" in opts and offset is None:
        layer_crs = parse_layer_crs(opts["crs"], label=spec.name, file=file)
    if spec.role != "hazards" and any(k in opts for k in RASTER_ZONE_OPTIONS):
        msg: str = tx("min_value, max_value and max_slope_pct are options of raster hazard layers")
        raise LayerError(msg, file=file, layer=spec.name, hint=tx("remove them from this layer"))
    if is_raster_source(spec.path, spec.layer, label=spec.name):
        if not role.raster:
            msg = tx("{role} must be vector features, not a raster").format(role=spec.role)
            raise LayerError(
                msg, file=file, layer=spec.name, hint=tx("give a vector file, or another role")
            )
        if spec.role == "hazards":
            _check_raster_hazard(spec)
        raster = read_raster(
            spec.path,
            label=spec.name,
            layer=spec.layer,
            crs=layer_crs,
            band=int(opts.get("band", 1)),
            nodata=None if opts.get("nodata") is None else float(opts["nodata"]),
        )
        markers = [p for p in raster.problems if p.field == "nodata" and p.severity == "warning"]
        if spec.role == "hazards" and markers:
            # a hole (-9999) below a flood level would become flood zone and take shelter
            # capacity away: a hazard raster must say what its markers are, not warn
            first = markers[0]
            raise LayerError(
                first.message,
                file=first.file or file,
                layer=spec.name,
                field="nodata",
                hint=first.hint,
            )
        return PlanLayer(
            spec.name,
            spec.role,
            raster=raster,
            options={k: v for k, v in opts.items() if k not in {"crs"}},
            source=file,
            source_layer=spec.layer,
            source_crs=crs_label(raster.crs),
            problems=list(raster.problems),
        )
    if any(k in opts for k in RASTER_ZONE_OPTIONS):
        msg = tx("min_value, max_value and max_slope_pct apply to raster hazards, not to polygons")
        raise LayerError(
            msg, file=file, layer=spec.name, hint=tx("remove them: polygons are the zone")
        )
    if role.raster_only:
        msg = tx("{role} must be a raster (GeoTIFF or GeoPackage raster)").format(role=spec.role)
        raise LayerError(msg, file=file, layer=spec.name, hint=tx("give a raster file"))
    if "nodata" in opts:
        msg = tx("nodata is an option of raster layers")
        raise LayerError(
            msg, file=file, layer=spec.name, field="nodata", hint=tx("remove it from this layer")
        )
    cad = None
    if spec.path.suffix.lower() in {".dxf", ".dwg"}:
        cad = cad_options(
            opts,
            role=spec.role,
            geometry=role.geometry,
            layer=spec.layer,
            crs=layer_crs or plan_crs,
            label=spec.name,
            file=file,
        )
    src = read_vector(
        spec.path,
        label=spec.name,
        layer=spec.layer,
        encoding=opts.get("encoding"),
        x=opts.get("x"),
        y=opts.get("y"),
        crs=CRS.from_epsg(4326) if offset else layer_crs,
        decimal=str(opts.get("decimal", ".")),
        cad=cad,
    )
    problems = list(src.problems)
    frame = src.frame
    if offset is not None:
        frame, notes = layer_to_wgs84(frame, offset, label=spec.name, file=file)
        problems += notes
    elif layer_crs is not None:
        if frame.crs is None:
            problems.append(
                Problem(
                    "note",
                    tx(
                        "the file has no CRS; taken as {crs}, as the plan's "
                        "`crs` for this layer says"
                    ).format(crs=crs_label(layer_crs)),
                    file=file,
                    layer=spec.name,
                )
            )
        elif CRS.from_user_input(frame.crs) != layer_crs:
            problems.append(
                Problem(
                    "note",
                    tx("the file's CRS {own} is overridden by the plan's {crs}").format(
                        own=crs_label(frame.crs), crs=crs_label(layer_crs)
                    ),
                    file=file,
                    layer=spec.name,
                )
            )
        frame = frame.set_crs(layer_crs, allow_override=True)
    elif frame.crs is None:
        if plan_crs is None:
            msg = (
                tx("the layer has no .prj file, so its coordinates cannot be placed")
                if spec.path.suffix.lower() == ".shp"
                else tx("the layer has no CRS, so its coordinates cannot be placed")
            )
            raise LayerError(
                msg,
                file=file,
                layer=spec.name,
                hint=tx('add the .prj file, or set `crs = "EPSG:..."` for this layer or the plan'),
            )
        frame = frame.set_crs(plan_crs)
        problems.append(
            Problem(
                "note",
                tx("the layer has no CRS; taken to be the plan's {crs}").format(
                    crs=crs_label(plan_crs)
                ),
                file=file,
                layer=spec.name,
                hint=tx('set `crs = "EPSG:..."` for this layer if that is wrong'),
            )
        )
    if "join" in opts:
        frame, notes = join_table(frame, opts["join"], label=spec.name, file=file)
        problems += notes
    frame, notes = sort_pois(frame, role, opts, label=spec.name, file=file)
    problems += notes
    fitted = conform(frame, role, label=spec.name, file=file, options=opts)
    problems += fitted.problems
    extra = {k: v for k, v in opts.items() if k in {"radius_m"}}
    return PlanLayer(
        spec.name,
        spec.role,
        frame=fitted.frame,
        field_map=fitted.field_map,
        constants=fitted.constants,
        options=extra,
        source=file,
        source_layer=src.layer,
        source_crs=crs_label(fitted.frame.crs),
        problems=problems,
    )


def _plan_crs(value: object, path: Path) -> CRS:
    try:
        crs = parse_crs(value)
    except ValueError as exc:
        raise _plan_error(
            exc.args[0] if exc.args else str(exc),
            path,
            tx('use e.g. crs = "EPSG:32650"'),
            field="crs",
        ) from exc
    if crs == WEB_MERCATOR:
        raise _plan_error(
            tx("the plan CRS {crs} (Web Mercator) distorts distances by 1/cos(latitude)").format(
                crs=crs_label(crs)
            ),
            path,
            tx(
                "give the UTM or CGCS2000 Gauss-Krüger zone of the plan, or leave `crs` out to "
                "choose it"
            ),
            field="crs",
        )
    if not is_metric(crs):
        raise _plan_error(
            tx("the plan CRS {crs} is not a projected CRS in metres").format(crs=crs_label(crs)),
            path,
            tx(
                "give a metric CRS (UTM or CGCS2000 Gauss-Krüger), or leave `crs` out to choose one"
            ),
            field="crs",
        )
    return crs


def _reference(layers: list[PlanLayer]) -> list[PlanLayer]:
    """The layers that decide the plan's CRS: the residents, else the boundary, else all."""
    vectors = [lyr for lyr in layers if lyr.frame is not None]
    return (
        [v for v in vectors if v.role == "residents"]
        or [v for v in vectors if v.role == "boundary"]
        or vectors
    )


def _choose_crs(layers: list[PlanLayer], path: Path) -> CRS | None:
    """The metric CRS chosen from the reference layers (rasters when there is no vector)."""
    sources = [
        (CRS.from_user_input(v.frame.crs), v.bounds(v.frame.crs))  # type: ignore[union-attr]
        for v in _reference(layers)
    ]
    if not sources:
        sources = [(r.raster.crs, r.raster.bounds) for r in layers if r.raster is not None]
    if not sources:
        return None
    try:
        return choose_metric_crs(sources)
    except ValueError as exc:
        raise _plan_error(
            tx("no metric CRS can be chosen: {reason}").format(
                reason=exc.args[0] if exc.args else str(exc)
            ),
            path,
            tx('give each layer its CRS (`crs = "EPSG:..."`), or the plan\'s `crs`'),
        ) from exc


def _from_spec(path: Path, *, crs: CRS | None, strict: bool) -> Plan:
    top, specs = read_spec(path)
    targets = flatten_targets(top.get("targets"), file=str(path))
    plan_crs = crs or (_plan_crs(top["crs"], path) if "crs" in top else None)
    problems: list[Problem] = []
    loaded: list[PlanLayer] = []
    failed: list[str] = []
    for spec in specs:
        try:
            layer = _read_layer(spec, plan_crs)
            check_coordinates(layer)
            loaded.append(layer)
        except SpacePlannerError as exc:
            if strict:
                raise
            problems.append(Problem.from_error(exc))
            failed.append(spec.name)
    given = plan_crs is not None
    if plan_crs is None:
        # The reference layers decide the CRS, so a far-off layer (a wrong CRS) cannot pull it away.
        plan_crs = _choose_crs(loaded, path)
        if plan_crs is None:
            if strict or not problems:
                raise _plan_error(
                    tx("no layer could be loaded"), path, tx("run `spaceplanner validate`")
                )
            return Plan(
                name=unicodedata.normalize("NFC", str(top.get("name", path.stem))),
                crs=None,
                path=path,
                problems=problems,
                failed=failed,
            )
    usable: list[PlanLayer] = []
    for lyr in loaded:
        try:
            project_layer(lyr, plan_crs)
        except SpacePlannerError as exc:
            if strict:
                raise
            problems.append(Problem.from_error(exc))
            failed.append(lyr.name)
            continue
        usable.append(lyr)
    overlap = check_overlap(usable, plan_crs)
    if overlap and strict:
        raise overlap[0].to_error()
    away = {p.layer for p in overlap if p.layer}
    if not given and away & {lyr.name for lyr in _reference(usable)}:
        # A reference layer was the odd one out: choose the CRS again from the layers that agree.
        agree = [lyr for lyr in usable if lyr.name not in away]
        better = _choose_crs(agree, path)
        if better is not None and better != plan_crs:
            plan_crs = better
            for lyr in agree:
                project_layer(lyr, plan_crs)
    kept = [lyr for lyr in usable if lyr.name not in away]
    checks = check_extent(kept, plan_crs)
    if not checks:
        source = "--crs" if crs is not None else "the plan's crs" if given else "the chosen CRS"
        checks = check_plan_crs(plan_crs, kept, file=str(path), given=source)
    if strict:
        for problem in checks:
            if problem.severity == "error":
                raise problem.to_error()
    for lyr in usable:
        problems += lyr.problems
    problems += overlap + checks
    if not strict:
        failed += [p.layer for p in overlap if p.layer]
    return Plan(
        name=unicodedata.normalize("NFC", str(top.get("name", path.stem))),
        crs=plan_crs,
        layers={lyr.name: lyr for lyr in usable if lyr.name not in failed},
        rules=str(top.get("rules", settings.DEFAULT_RULES)),
        scenario=str(top.get("scenario", settings.DEFAULT_SCENARIO)),
        description=str(top.get("description", "")),
        path=path,
        problems=problems,
        failed=failed,
        targets=targets,
    )


#: Read one layer of a spec and fit it to its role (the desktop app's add-layer dialog uses it,
#: so a layer added there is read exactly as one from a TOML spec).
read_layer = _read_layer


def _check_regular_file(path: Path) -> None:
    """Refuse at once a plan path that is missing, a folder, or not a regular file (a pipe or a
    device would block or never end when read)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise _plan_error(tx("plan file not found"), path, tx("check the path")) from None
    except OSError as exc:
        raise _plan_error(
            tx("the plan file cannot be read ({reason})").format(reason=exc.strerror or str(exc)),
            path,
            tx("check the path"),
        ) from exc
    if stat.S_ISDIR(mode):
        raise _plan_error(
            tx("is a folder, not a plan file"), path, tx("name the .toml or .gpkg plan inside it")
        )
    if not stat.S_ISREG(mode):
        raise _plan_error(
            tx("is not a regular file (a pipe, socket or device)"),
            path,
            tx("give the path of a .toml or .gpkg plan file"),
        )


def load_plan(path: Path | str, *, crs: CRS | str | None = None, strict: bool = True) -> Plan:
    """Load a plan from a TOML spec or a plan GeoPackage.

    Parameters
    ----------
    path
        A ``.toml`` spec or a ``.gpkg`` written by :func:`spaceplanner.model.plan_file.save_plan`.
    crs
        The metric CRS to work in, overriding the spec's (or the plan file's).
    strict
        Raise on the first error (for analysis). With False, collect every problem in
        ``plan.problems``, leave failed layers out and return what could be loaded (for validation).

    Raises
    ------
    SpacePlannerError
        When the plan cannot be loaded (and, with ``strict``, on any error in a layer).
    """
    path = Path(path)
    _check_regular_file(path)
    forced: CRS | None = None
    if crs is not None:
        try:
            forced = _plan_crs(crs, path)
        except CRSError as exc:
            raise _plan_error(str(exc), path) from exc
    if path.suffix.lower() == ".gpkg":
        return load_gpkg(path, strict=strict, crs=forced)
    if path.suffix.lower() != ".toml":
        raise _plan_error(
            tx("a plan is a .toml spec or a .gpkg plan file"),
            path,
            tx("see the README for the TOML format"),
        )
    return _from_spec(path, crs=forced, strict=strict)
