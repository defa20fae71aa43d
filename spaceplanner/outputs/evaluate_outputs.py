"""The outputs of ``spaceplanner evaluate``: ``report.json`` and ``gaps.gpkg``, as one unit."""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pyogrio

from spaceplanner.files import EVALUATE_OUTPUTS, mark_results, output_unit, own_output
from spaceplanner.outputs.exports import vector_ready
from spaceplanner.results.report import Report

__all__ = ["EVALUATE_OUTPUTS", "uncovered_view_sql", "write_outputs"]

#: pyogrio writes through Arrow (about twice as fast) when pyarrow is installed and GDAL has
#: the Arrow writer (3.8).
ARROW = importlib.util.find_spec("pyarrow") is not None and pyogrio.__gdal_version__ >= (3, 8, 0)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def uncovered_view_sql(
    residents: pd.DataFrame, view: str = "uncovered_residents", geom: str = "geom"
) -> str | None:
    """The SQL of a view over the ``residents`` table that gives the ``uncovered_residents``
    layer: one row per resident point and indicator that leaves it unserved (``shelter``: the
    points with unsheltered persons, counting those; the others: the points with
    ``ok_<indicator>`` 0, counting their population), in the layer's order. ``None`` when the
    residents table lacks the columns."""
    names = [c[3:] for c in residents.columns if str(c).startswith("ok_")]
    if not names or not {"id", "layer", "population", "unsheltered"} <= set(residents.columns):
        return None
    rows = len(residents)
    parts = []
    for k, name in enumerate(names):
        if name == "shelter":
            people, where = "unsheltered", "unsheltered > 1e-6"
        else:
            people, where = "population", f"{_quoted('ok_' + name)} = 0"
        parts.append(
            f"SELECT fid + {k * rows} AS fid, {_literal(name)} AS indicator, id, layer, "
            f"{people} AS population, {_quoted(geom)} FROM residents WHERE {where}"
        )
    return f"CREATE VIEW {_quoted(view)} AS " + " UNION ALL ".join(parts)


def _register_view(target: Path, view: str, residents: pd.DataFrame) -> bool:
    """Create the view and register it as a feature layer of the GeoPackage (as QGIS and GDAL
    read views), with the residents' CRS, geometry type and extent. False when the residents
    table lacks what the view needs."""
    with closing(sqlite3.connect(target)) as db, db:
        found = db.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = 'residents'"
        ).fetchone()
        sql = uncovered_view_sql(residents, view, found[0]) if found else None
        if sql is None:
            return False
        db.execute(sql)
        db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id, "
            "min_x, min_y, max_x, max_y) SELECT ?, 'features', ?, srs_id, min_x, min_y, max_x, "
            "max_y FROM gpkg_contents WHERE table_name = 'residents'",
            (view, view),
        )
        db.execute(
            "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
            "srs_id, z, m) SELECT ?, column_name, geometry_type_name, srs_id, z, m "
            "FROM gpkg_geometry_columns WHERE table_name = 'residents'",
            (view,),
        )
    return True


#: SQLite's page cache while a GeoPackage is written, in MB per row of the longest layer
#: (about what its table and spatial index take), at least 64 and at most 1024 MB: the default
#: 2 MB makes the spatial index of 500,000 residents go back to the disk's pages again and again
#: (the residents' table written 13 % faster). Pages are taken only as they are used.
_CACHE_MB_PER_ROW = 250e-6
_CACHE_MB = (64, 1024)


@contextmanager
def _page_cache(rows: int) -> Iterator[None]:
    """GDAL's SQLite page cache (``OGR_SQLITE_CACHE``) sized for a table of ``rows`` while the
    block runs; the setting from before after it."""
    option = "OGR_SQLITE_CACHE"
    before = pyogrio.get_gdal_config_option(option)
    size = int(min(max(rows * _CACHE_MB_PER_ROW, _CACHE_MB[0]), _CACHE_MB[1]))
    pyogrio.set_gdal_config_options({option: str(size)})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({option: before})


def _write_gpkg(
    layers: dict[str, Any],
    target: Path,
    run: dict[str, Any] | None,
    uncovered: Callable[[], Any],
) -> None:
    """One layer per result layer, each given as a function making its frame (called once, in
    the order given); ``uncovered_residents`` (up to residents x indicators rows) is a view of
    the ``residents`` table, written in no time and read like any layer."""
    residents = layers["residents"]() if "residents" in layers else None
    with _page_cache(0 if residents is None else len(residents)):
        _write_layers(layers, target, residents, uncovered)
        mark_results(target, run)


def _write_layers(
    layers: dict[str, Any], target: Path, residents: Any, uncovered: Callable[[], Any]
) -> None:
    as_view = (
        residents is not None
        and "uncovered_residents" in layers
        and uncovered_view_sql(residents) is not None
    )
    first = True
    for name, layer in layers.items():
        if name == "uncovered_residents" and as_view:
            continue
        if name == "residents":
            frame = residents
        else:
            frame = vector_ready(uncovered()) if layer is None else layer()
        pyogrio.write_dataframe(
            frame, target, layer=name, driver="GPKG", append=not first, use_arrow=ARROW
        )
        first = False
    if as_view and not _register_view(target, "uncovered_residents", residents):
        pyogrio.write_dataframe(
            vector_ready(uncovered()),
            target,
            layer="uncovered_residents",
            driver="GPKG",
            append=True,
            use_arrow=ARROW,
        )


def write_outputs(
    report: Report,
    folder: Path | str,
    *,
    overwrite: bool = False,
    inputs: Iterable[Path] = (),
) -> list[Path]:
    """Write ``report.json`` and ``gaps.gpkg`` (one layer per result layer) into ``folder``.

    The two are one unit (:func:`spaceplanner.files.output_unit`): both are replaced or neither.
    Earlier outputs of ``evaluate`` are replaced; any other file of those names only with
    ``overwrite``.

    Returns
    -------
    list of Path
        The paths written.
    """
    folder = Path(folder)
    names = ["report.json", *(["gaps.gpkg"] if report.layers else [])]
    with output_unit(folder, overwrite=overwrite, inputs=inputs, replaceable=own_output) as staging:
        (staging / "report.json").write_text(report.to_json(), encoding="utf-8")
        if report.layers:
            # uncovered_residents becomes a view of residents: not made, nor converted. The
            # layers still being drawn (on another core, see engine.gaps.Apart: the gap and
            # service areas of a large plan) are written last, after the time the others take
            made = getattr(report.layers, "made", lambda name: True)
            order = sorted(
                report.layers,
                key=lambda name: name != "uncovered_residents" and not made(name),
            )
            layers = {
                name: None
                if name == "uncovered_residents"
                else (lambda name=name: vector_ready(report.layers[name]))
                for name in order
            }
            _write_gpkg(
                layers,
                staging / "gaps.gpkg",
                report.run.to_dict(),
                lambda: report.layers["uncovered_residents"],
            )
    return [folder / name for name in names]
