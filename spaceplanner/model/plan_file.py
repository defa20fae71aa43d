"""The plan GeoPackage: one file with every layer, the plan's metadata and QGIS styles.

Layout: one feature table per vector layer and one gridded-coverage table per raster layer (named
as in the plan when the name is a safe table name, else a safe form of it; the plan's name of the
layer is the table's identifier and is kept in the metadata), an attributes table
``spaceplanner_metadata`` (key, value; the ``plan`` row holds the plan's settings and each
layer's role, field map, table and options as JSON), and QGIS's
``layer_styles`` table with a default style per vector layer. Any OGC GeoPackage reader opens it.

Saving is atomic (:func:`spaceplanner.files.atomic_path`): the file is written beside the target
under a temporary name, flushed to disk, and renamed over the target, so a crash or kill mid-save
leaves the previous file intact.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import rasterio
from pyproj import CRS
from pyproj.exceptions import CRSError

from spaceplanner import __version__, settings
from spaceplanner.files import RESULTS_TABLE, atomic_path, safe_name
from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import GEOMETRY_FAMILIES, get_role
from spaceplanner.layers.conform import conform
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.errors import LayerError, PlanError, SpacePlannerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import (
    RasterSource,
    check_file,
    check_gpkg,
    gpkg_tables,
    read_raster,
)
from spaceplanner.model.plan_core import (
    Plan,
    PlanLayer,
    check_coordinates,
    check_plan_crs,
    project_layer,
)
from spaceplanner.model.styles import qml_for_layer
from spaceplanner.model.targets import flatten_targets

__all__ = ["load_gpkg", "save_plan"]

try:  # pyarrow is a dependency; without it (a bare install) tables are read row by row
    import pyarrow  # noqa: F401

    _ARROW = True
except ImportError:  # pragma: no cover
    _ARROW = False


def _table_names(plan: Plan) -> dict[str, str]:
    """The table of each layer: its own name when that is a safe table name, else a safe form."""
    taken = {settings.METADATA_TABLE, "layer_styles"}
    return {layer.name: safe_name(layer.name, taken) for layer in plan}


def _layer_meta(layer: PlanLayer, table: str) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "name": layer.name,
        "table": table,
        "role": layer.role,
        "type": "raster" if layer.is_raster else "vector",
        "field_map": layer.field_map,
        "constants": layer.constants,
        "options": layer.options,
        "source": layer.source,
        "source_layer": layer.source_layer,
    }
    if layer.raster is not None:
        meta["nodata"] = layer.raster.nodata
        meta["raster_crs"] = layer.raster.crs.to_wkt()
    return meta


def _styles_table(plan: Plan, now: str, tables: dict[str, str]) -> pd.DataFrame:
    rows = []
    for layer in plan:
        if layer.frame is None:
            continue
        family = GEOMETRY_FAMILIES.get(layer.geometry_types()[0], "polygon")
        aliases = {f: col for f, col in layer.field_map.items() if f != col}
        rows.append(
            {
                "f_table_catalog": "",
                "f_table_schema": "",
                "f_table_name": tables[layer.name],
                "f_geometry_column": "geom",
                "styleName": f"{layer.name} (SpacePlanner {layer.role})",
                "styleQML": qml_for_layer(
                    get_role(layer.role), family, aliases, [str(c) for c in layer.frame.columns]
                ),
                "styleSLD": "",
                "useAsDefault": True,
                "description": f"Default SpacePlanner style for the {layer.role} role",
                "owner": "",
                "ui": None,
                "update_time": now,
            }
        )
    return pd.DataFrame(rows)


def _write_raster(target: Path, layer: PlanLayer, table: str) -> None:
    assert layer.raster is not None
    src = layer.raster
    data = src.read()
    nodata = src.nodata
    profile = {
        "driver": "GPKG",
        "width": src.width,
        "height": src.height,
        "count": 1,
        "dtype": src.dtype,
        "transform": src.transform,
        "crs": src.crs,
    }
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(
        target,
        "w",
        RASTER_TABLE=table,
        RASTER_IDENTIFIER=layer.name,
        APPEND_SUBDATASET="YES",
        **profile,
    ) as dst:
        dst.write(data.filled(nodata) if nodata is not None else data.data, 1)


def _write(plan: Plan, target: Path) -> None:
    assert plan.crs is not None
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    tables = _table_names(plan)
    wrote_any = False
    for layer in plan:
        if layer.frame is not None:
            pyogrio.write_dataframe(
                layer.frame,
                target,
                layer=tables[layer.name],
                driver="GPKG",
                append=wrote_any,
                layer_options={"IDENTIFIER": layer.name},
            )
            wrote_any = True
    meta = {
        "format_version": settings.PLAN_FORMAT_VERSION,
        "spaceplanner_version": __version__,
        "name": plan.name,
        "crs": plan.crs.to_wkt(),
        "crs_label": crs_label(plan.crs),
        "rules": plan.rules,
        "scenario": plan.scenario,
        "description": plan.description,
        "targets": plan.targets,
        "saved": now,
        "layers": [_layer_meta(layer, tables[layer.name]) for layer in plan],
        "view": plan.view,
    }
    table = pd.DataFrame({"key": ["plan"], "value": [json.dumps(meta, ensure_ascii=False)]})
    pyogrio.write_dataframe(
        table, target, layer=settings.METADATA_TABLE, driver="GPKG", append=wrote_any
    )
    styles = _styles_table(plan, now, tables)
    if not styles.empty:
        pyogrio.write_dataframe(styles, target, layer="layer_styles", driver="GPKG", append=True)
    for layer in plan:
        if layer.raster is not None:
            _write_raster(target, layer, tables[layer.name])


def save_plan(plan: Plan, path: Path | str) -> Path:
    """Save ``plan`` as one GeoPackage at ``path``, atomically.

    The previous file at ``path`` (if any) stays intact until the new one is complete and on disk.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    PlanError
        When the plan has no layers or the file cannot be written.
    """
    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        msg: str = tx("a plan file must end in .gpkg")
        raise PlanError(msg, file=str(path), hint=tx("choose a name like plan.gpkg"))
    if not plan.layers or plan.crs is None:
        msg = tx("the plan has no layers to save")
        raise PlanError(msg, file=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        msg = tx("the folder does not exist")
        raise PlanError(msg, file=str(path), hint=tx("create it first"))
    try:
        with atomic_path(path) as tmp:
            _write(plan, tmp)
    except PlanError as exc:
        msg = tx("the plan could not be written: {reason}").format(reason=exc.message)
        raise PlanError(msg, file=str(path), hint=exc.hint) from exc
    return path


def _garbled(path: Path, what: str) -> PlanError:
    msg = tx(
        "the plan metadata is damaged ({what}); was the file edited in another program?"
    ).format(what=what)
    return PlanError(
        msg,
        file=str(path),
        field=settings.METADATA_TABLE,
        hint=tx("restore the file from a backup, or convert the plan again from its TOML spec"),
    )


def _read_meta(path: Path) -> dict[str, Any]:
    tables = gpkg_tables(path)
    if settings.METADATA_TABLE not in tables and RESULTS_TABLE in tables:
        msg: str = tx("this is a results GeoPackage written by SpacePlanner, not a plan")
        raise PlanError(
            msg,
            file=str(path),
            hint=tx("open the plan it was made from (its .toml spec or plan .gpkg) instead"),
        )
    if settings.METADATA_TABLE not in tables:
        msg = tx("not a SpacePlanner plan file (no {table} table)").format(
            table=settings.METADATA_TABLE
        )
        raise PlanError(
            msg,
            file=str(path),
            hint=tx("declare its layers in a .toml plan and run `spaceplanner convert`"),
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute(
                f'SELECT value FROM "{settings.METADATA_TABLE}" WHERE key = ?', ("plan",)
            ).fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise _garbled(
            path, tx("the table cannot be read: {reason}").format(reason=str(exc))
        ) from exc
    if row is None:
        msg = tx("the plan metadata is missing")
        raise PlanError(msg, file=str(path), hint=tx("save the plan again from its TOML spec"))
    try:
        meta = json.loads(row[0])
    except (TypeError, ValueError) as exc:
        raise _garbled(path, tx("not JSON")) from exc
    if not isinstance(meta, dict):
        raise _garbled(path, tx("not a table of settings"))
    try:
        version = int(meta.get("format_version", 0))
    except (TypeError, ValueError) as exc:
        raise _garbled(path, f"format_version = {meta.get('format_version')!r}") from exc
    if version > settings.PLAN_FORMAT_VERSION:
        msg = tx("the plan was saved by a newer SpacePlanner")
        raise PlanError(msg, file=str(path), hint=tx("upgrade SpacePlanner to open it"))
    for key, kind in (("name", str), ("crs", str), ("layers", list)):
        if not isinstance(meta.get(key), kind):
            raise _garbled(
                path,
                tx("'{key}' is missing or not a {kind}").format(key=key, kind=kind.__name__),
            )
    for i, item in enumerate(meta["layers"]):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(k), str) for k in ("name", "role", "type")
        ):
            raise _garbled(path, tx("layer entry {n} lacks its name, role or type").format(n=i + 1))
        for key in ("field_map", "constants", "options"):
            if not isinstance(item.get(key, {}), dict):
                raise _garbled(
                    path,
                    tx("'{key}' of layer '{layer}' is not a table").format(
                        key=key, layer=item["name"]
                    ),
                )
    return meta


def _load_layer(path: Path, meta: dict[str, Any], crs: CRS, tables: dict[str, str]) -> PlanLayer:
    name, role = meta["name"], meta["role"]
    try:
        spec = get_role(role)
    except KeyError as exc:
        msg: str = tx("the plan file gives the layer an unknown role '{role}'").format(role=role)
        raise LayerError(
            msg,
            file=str(path),
            layer=name,
            field="role",
            hint=tx("restore the file from a backup, or convert the plan again from its TOML spec"),
        ) from exc
    table = str(meta.get("table") or name)
    if table not in tables:
        msg = tx("the layer is listed in the plan but its table is missing from the file")
        raise LayerError(
            msg,
            file=str(path),
            layer=name,
            hint=tx(
                "it was probably deleted in another program: restore the file from a backup, "
                "or convert the plan again from its TOML spec"
            ),
        )
    if meta["type"] == "raster":
        try:
            raster_crs = CRS.from_wkt(meta["raster_crs"]) if meta.get("raster_crs") else None
        except CRSError as exc:
            raise _garbled(
                path, tx("the CRS of raster '{name}' cannot be read").format(name=name)
            ) from exc
        raster: RasterSource = read_raster(path, label=name, layer=table, crs=raster_crs)
        raster.nodata = meta.get("nodata", raster.nodata)
        raster.problems.clear()
        return PlanLayer(
            name,
            role,
            raster=raster,
            options=meta.get("options", {}),
            source=meta.get("source"),
            source_layer=meta.get("source_layer"),
            source_crs=crs_label(raster.crs),
        )
    try:
        # Arrow reads the plan's own UTF-8 tables in one pass (much faster at city scale)
        frame = pyogrio.read_dataframe(path, layer=table, use_arrow=_ARROW)
    except Exception as exc:  # GDAL raises many types for tables it cannot read
        msg = tx("the layer's table cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(
            msg,
            file=str(path),
            layer=name,
            hint=tx("restore the file from a backup, or convert the plan again from its TOML spec"),
        ) from exc
    if not isinstance(frame, gpd.GeoDataFrame) or frame.crs is None:
        msg = tx("the layer's table has no geometry or no CRS")
        raise LayerError(
            msg,
            file=str(path),
            layer=name,
            hint=tx("restore the file from a backup, or convert the plan again from its TOML spec"),
        )
    options: dict[str, Any] = {}
    for col in frame.columns:
        if col in spec.fields:
            options[f"{col}_field" if spec.fields[col].constant else col] = col
    fitted = conform(frame, spec, label=name, file=str(path), options=options)
    layer = PlanLayer(
        name,
        role,
        frame=fitted.frame,
        field_map=dict(meta.get("field_map", {})),
        constants=dict(meta.get("constants", {})),
        options=meta.get("options", {}),
        source=meta.get("source"),
        source_layer=meta.get("source_layer"),
        source_crs=crs_label(fitted.frame.crs),
        problems=[p for p in fitted.problems if p.severity != "note"],
    )
    check_coordinates(layer)
    project_layer(layer, crs)
    return layer


def load_gpkg(path: Path | str, *, strict: bool = True, crs: CRS | None = None) -> Plan:
    """Load a plan GeoPackage written by :func:`save_plan`.

    Layers are checked again on load, since the file may have been edited in another GIS: a
    deleted layer or damaged metadata is reported, not a crash.

    Parameters
    ----------
    path
        The plan file.
    strict
        Raise on the first error; with False, collect problems and leave failed layers out.
    crs
        The metric CRS to work in instead of the one saved in the file; vector layers are
        projected to it.
    """
    path = Path(path)
    try:
        check_file(path, "plan")
        check_gpkg(path, "plan")
    except SpacePlannerError as exc:
        raise PlanError(exc.message, file=str(path), hint=exc.hint) from exc
    meta = _read_meta(path)
    try:
        saved = CRS.from_wkt(meta["crs"])
    except CRSError as exc:
        raise _garbled(path, tx("the plan CRS cannot be read")) from exc
    target = crs or saved
    tables = gpkg_tables(path)
    layers: dict[str, PlanLayer] = {}
    problems: list[Problem] = []
    failed: list[str] = []
    for item in meta["layers"]:
        try:
            layer = _load_layer(path, item, target, tables)
        except SpacePlannerError as exc:
            if strict:
                raise
            problems.append(Problem.from_error(exc))
            failed.append(item["name"])
            continue
        layers[layer.name] = layer
        problems += layer.problems
    if not layers and not strict and not problems:
        raise _garbled(path, tx("it lists no layer"))
    checks = check_plan_crs(
        target,
        list(layers.values()),
        file=str(path),
        given="--crs" if crs is not None else "the plan's crs",
    )
    if strict:
        for problem in checks:
            if problem.severity == "error":
                raise problem.to_error()
    problems += checks
    targets = flatten_targets(meta.get("targets"), file=str(path))
    view = meta.get("view")
    return Plan(
        name=str(meta["name"]),
        crs=target,
        layers=layers,
        rules=str(meta.get("rules", settings.DEFAULT_RULES)),
        scenario=str(meta.get("scenario", settings.DEFAULT_SCENARIO)),
        description=str(meta.get("description", "")),
        path=path,
        problems=problems,
        failed=failed,
        view=dict(view) if isinstance(view, dict) else {},
        targets=targets,
    )
