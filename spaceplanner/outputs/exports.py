"""Exports: data for consultants (Shapefile with QGIS styles, GeoPackage, GeoJSON, a QGIS
project), report tables for people (CSV, Excel, HTML that opens in Word; see
:mod:`spaceplanner.outputs.tables`), and the web map and printable map sheet (see
:mod:`spaceplanner.outputs.webmap`, :mod:`spaceplanner.outputs.mapsheet`,
:mod:`spaceplanner.outputs.qgis`).

The files of one export are one unit (:func:`spaceplanner.files.output_unit`): written into a
staging folder inside the output folder, under its lock, and moved into place only when all of
them are complete, so a failing or killed export leaves no half-written file. An existing output
is never replaced unless ``overwrite`` is given, and an input of the plan never.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from spaceplanner import settings
from spaceplanner.feedback import Feedback
from spaceplanner.files import (
    check_targets,
    mark_results,
    output_unit,
    plan_inputs,
    safe_name,
)
from spaceplanner.i18n import say, tx
from spaceplanner.layers.catalogue import GEOMETRY_FAMILIES
from spaceplanner.layers.chinacrs import from_wgs84, offset_system
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.plan import Plan
from spaceplanner.outputs.qgis import ProjectLayer, field_alias, layer_qml, project_qgs
from spaceplanner.outputs.tables import Share, Table, cell_text, csv_value, people_tables, persons
from spaceplanner.outputs.webmap_layers import CONTROL_GROUPS, overlay_name
from spaceplanner.results.indicators import indicator_rows
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report
from spaceplanner.results.violation_layers import PRINCIPLE_KEYS

__all__ = [
    "FORMATS",
    "RESULTS_GPKG",
    "export",
    "indicator_rows",
    "planned_outputs",
    "shapefile_fields",
    "vector_ready",
]

#: Formats ``export`` writes, and the files of each.
FORMATS = settings.EXPORT_FORMATS
_DBF_NAME_BYTES = 10
#: The exported GeoPackage of plan and result layers (named unlike a plan file: it is not one).
RESULTS_GPKG = "results.gpkg"
#: The QGIS project of the ``qgz`` format, beside ``results.gpkg`` (which it writes too).
PROJECT_QGZ = "project.qgz"
#: Longest file name (in UTF-8 bytes, before the suffix) given to an exported layer's file.
_FILE_NAME_BYTES = 80

#: What :func:`export` writes at the top of its folder, per format.
_OUTPUTS = {
    "html": ["map.html", "report.html"],
    "pdf": ["map_sheet.pdf"],
    "png": ["map_sheet.png"],
    "shp": ["shp"],
    "gpkg": [RESULTS_GPKG],
    "geojson": ["geojson"],
    "csv": ["indicators.csv", "violations.csv", "capacity_removed.csv", "stewardship.csv"],
    "xlsx": ["tables.xlsx"],
    "qgz": [PROJECT_QGZ, RESULTS_GPKG],
}


def planned_outputs(formats: Iterable[str], *, zip_shapefiles: bool = False) -> list[str]:
    """Names of the files and folders an export of ``formats`` puts into its folder."""
    names: list[str] = []
    for fmt in dict.fromkeys(formats):
        names += ["shapefiles.zip"] if fmt == "shp" and zip_shapefiles else _OUTPUTS[fmt]
    return list(dict.fromkeys(names))


def _plan_layers(plan: Plan) -> dict[str, gpd.GeoDataFrame]:
    return {f"plan_{lyr.name}": lyr.frame for lyr in plan if lyr.frame is not None}


def _result_layers(report: Report, scenario: str | None) -> dict[str, gpd.GeoDataFrame]:
    suffix = "" if scenario is None else f"_{scenario}"
    return {f"{name}{suffix}": frame for name, frame in report.layers.items()}


def _by_principle(series: pd.Series) -> dict[str, pd.Series] | None:
    """A column of per-principle dicts (``{"避": .., "防": .., "让": ..}``) as one numeric column
    per principle, or None when the column is something else."""
    values = [v for v in series if v is not None]
    if not values or not all(isinstance(v, dict) and set(v) <= set(PRINCIPLE_KEYS) for v in values):
        return None
    return {
        key: series.map(lambda v, p=p: float(v.get(p, 0.0)) if isinstance(v, dict) else np.nan)
        for p, key in PRINCIPLE_KEYS.items()
    }


def vector_ready(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns a vector format can hold: the capacity each principle removed as numeric fields
    ``removed_avoid``, ``removed_prevent``, ``removed_giveway``; other dicts and lists as JSON
    text; booleans as 0/1."""
    # columns are replaced whole, never written into: a shallow copy leaves ``frame`` as it was
    # (a deep one copied every column: 0.8 s for a city's residents)
    out = frame.copy(deep=False)
    for col in list(out.columns):
        if col == out.geometry.name:
            continue
        series = out[col]
        if series.dtype == bool:
            out[col] = series.astype(int)
        elif (
            series.dtype == object
            # all text (ids, names at city scale): nothing to convert, no Python loop
            and pd.api.types.infer_dtype(series, skipna=True) not in ("string", "empty")
            and series.map(lambda v: isinstance(v, dict | list)).any()
        ):
            split = _by_principle(series)
            if split is not None:
                at = out.columns.get_loc(col)
                out = out.drop(columns=col)
                stem = "removed" if col == "capacity_removed" else col
                for offset, (key, values) in enumerate(split.items()):
                    out.insert(int(at) + offset, f"{stem}_{key}", values)
                continue
            out[col] = series.map(
                lambda v: json.dumps(v, ensure_ascii=False) if v is not None else None
            )
    return out


def _file_names(names: Iterable[str], suffix: str) -> dict[str, str]:
    """Safe, unique file names (with ``suffix``) for layer names."""
    taken: set[str] = set()
    return {n: safe_name(n, taken, max_bytes=_FILE_NAME_BYTES) + suffix for n in names}


def _write_layer_names(files: dict[str, str], target: Path) -> None:
    """``layers.csv``: each file and the layer it holds (file names are made safe and short)."""
    with target.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "layer"])
        writer.writerows((f, name) for name, f in files.items())


def shapefile_fields(
    columns: Iterable[str],
    *,
    encoding: str = "utf-8",
    preferred: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Short, unique DBF field names (at most 10 bytes in ``encoding``) for ``columns``.

    ``preferred`` gives a column the name to keep when it fits whole (the source's own column
    name of a plan layer: ``编号``, ``户数``); any other name is cut to fit.
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    for col in columns:
        own = (preferred or {}).get(col)
        if own and _fits(own, encoding) and own.casefold() not in used:
            used.add(own.casefold())
            names[col] = own
            continue
        short = ""
        for ch in col:
            if len((short + ch).encode(encoding, errors="replace")) > _DBF_NAME_BYTES:
                break
            short += ch
        candidate, n = short, 1
        while candidate.casefold() in used:
            tag = f"_{n}"
            base = short
            while len((base + tag).encode(encoding, errors="replace")) > _DBF_NAME_BYTES:
                base = base[:-1]
            candidate, n = base + tag, n + 1
        used.add(candidate.casefold())
        names[col] = candidate
    return names


def _fits(name: str, encoding: str) -> bool:
    """Whether ``name`` is a DBF field name as it is: encodable, at most 10 bytes."""
    try:
        return 0 < len(name.encode(encoding)) <= _DBF_NAME_BYTES
    except UnicodeEncodeError:
        return False


def _by_geometry_family(name: str, frame: gpd.GeoDataFrame) -> list[tuple[str, gpd.GeoDataFrame]]:
    """A Shapefile holds one geometry type: split a mixed layer into ``<name>_<family>``."""
    family = frame.geometry.geom_type.map(GEOMETRY_FAMILIES).fillna("other")
    kinds = sorted(set(family))
    if len(kinds) == 1:
        return [(name, frame)]
    return [(f"{name}_{kind}", frame[family == kind]) for kind in kinds]


def _check_encodable(frame: gpd.GeoDataFrame, cols: list[str], encoding: str, name: str) -> None:
    """Refuse text the Shapefile's encoding cannot hold, rather than lose it silently."""
    for col in cols:
        for value in [col, *frame[col].dropna().astype(str).unique().tolist()]:
            try:
                value.encode(encoding)
            except UnicodeEncodeError as exc:
                bad = value[exc.start : exc.end]
                msg = tx("'{bad}' in '{value}' cannot be written as {encoding}").format(
                    bad=bad, value=value, encoding=encoding.upper()
                )
                raise PlanError(
                    msg,
                    layer=name,
                    field=col,
                    hint=tx("export the Shapefiles as UTF-8 (the default), or edit the text"),
                ) from exc


@dataclass(frozen=True)
class _Source:
    """What an exported layer came from: the plan layer's role and its columns' source names
    (empty for result layers)."""

    role: str = ""
    columns: Mapping[str, str] = field(default_factory=dict)


def _aliases(columns: Iterable[str], source: _Source, lang: str) -> dict[str, str]:
    """Each column's readable name (:func:`~spaceplanner.outputs.qgis.field_alias`)."""
    return {c: field_alias(c, lang, source.columns.get(c)) for c in columns}


def _write_shapefiles(
    layers: dict[str, gpd.GeoDataFrame],
    folder: Path,
    encoding: str,
    zip_name: str | None,
    sources: Mapping[str, _Source],
    lang: str,
) -> list[Path]:
    """A Shapefile per layer (and geometry kind), with ``.cpg`` and a ``.qml`` that QGIS
    applies when it loads the layer (the map sheet's symbols and readable field aliases);
    a plan layer's fields keep the source's own column names where they fit in 10 bytes."""
    written: list[Path] = []
    mapping_rows = []
    shp_dir = folder / "shp"
    shp_dir.mkdir()
    parts = [
        (name, part_name, frame)
        for name, whole in layers.items()
        if not whole.empty
        for part_name, frame in _by_geometry_family(name, whole)
    ]
    files = _file_names([p for _, p, _ in parts], ".shp")
    for name, part_name, frame in parts:
        file = files[part_name]
        source = sources.get(name, _Source())
        flat = vector_ready(frame)
        cols = [c for c in flat.columns if c != flat.geometry.name]
        preferred = {c: s for c, s in source.columns.items() if c in cols}
        short = shapefile_fields(cols, encoding=encoding, preferred=preferred)
        _check_encodable(flat.rename(columns=short), list(short.values()), encoding, part_name)
        flat = flat.rename(columns=short)
        flat.to_file(shp_dir / file, engine="pyogrio", encoding=encoding)
        (shp_dir / file).with_suffix(".cpg").write_text(encoding.upper(), encoding="ascii")
        aliases = _aliases(cols, source, lang)
        family = GEOMETRY_FAMILIES.get(str(frame.geometry.geom_type.iloc[0]), "polygon")
        qml = layer_qml(part_name, source.role, family, short, aliases, lang)
        (shp_dir / file).with_suffix(".qml").write_text(qml, encoding="utf-8")
        mapping_rows += [(file, s, c, aliases[c]) for c, s in short.items()]
    _write_layer_names(files, shp_dir / "layers.csv")
    with (shp_dir / "fields.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "field", "full_name", "alias"])
        writer.writerows(mapping_rows)
    if zip_name:
        archive = folder / zip_name
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for part in sorted(shp_dir.iterdir()):
                zf.write(part, f"shp/{part.name}")
        shutil.rmtree(shp_dir)
        return [archive]
    written += sorted(shp_dir.iterdir())
    return written


def _gpkg_tables(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, str]:
    """The table of each non-empty layer in ``results.gpkg`` (named safely)."""
    taken: set[str] = set()
    return {name: safe_name(name, taken) for name, frame in layers.items() if not frame.empty}


def _write_gpkg(
    layers: dict[str, gpd.GeoDataFrame], folder: Path, run: dict[str, Any] | None
) -> list[Path]:
    """``results.gpkg``: every layer as a table (named safely; the layer's name is its
    identifier), marked as results so that it is never taken for a plan."""
    target = folder / RESULTS_GPKG
    tables = _gpkg_tables(layers)
    for k, (name, table) in enumerate(tables.items()):
        vector_ready(layers[name]).to_file(
            target,
            layer=table,
            engine="pyogrio",
            append=k > 0,
            layer_options={"IDENTIFIER": name},
        )
    if tables:
        mark_results(target, run)
    return [target] if tables else []


#: The layer-tree groups of the QGIS project, top to bottom: the web map's, then the plan.
_PROJECT_GROUPS = ("gap_areas", "residents", "service_areas", "sites", "violations", "context")


def _project_group(name: str, role: str) -> str:
    """The layer-tree group of an exported layer (by result name, else by plan role)."""
    if name.startswith("plan_"):
        return "plan"
    if name.startswith("violation"):
        return "violations"
    if name.startswith("uncovered_residents"):
        return "residents"
    if name.startswith("hazard_zones"):
        return "context"
    for group, members in CONTROL_GROUPS.items():
        if any(name.startswith(member) for member in members):
            return group
    return "sites"


def _write_qgz(
    plan: Plan,
    layers: dict[str, gpd.GeoDataFrame],
    sources: Mapping[str, _Source],
    folder: Path,
    lang: str,
) -> list[Path]:
    """``project.qgz``: a QGIS project of the layers of ``results.gpkg`` beside it (relative
    paths), styled as the map sheet, with readable field aliases, in the web map's groups; of
    the per-indicator gap and service areas only the shelters' are on."""
    tables = _gpkg_tables(layers)
    project_layers: list[ProjectLayer] = []
    bounds = []
    for name, table in tables.items():
        frame = layers[name]
        source = sources.get(name, _Source())
        flat = vector_ready(frame)
        columns = [c for c in flat.columns if c != flat.geometry.name]
        aliases = _aliases(columns, source, lang)
        families = sorted(set(frame.geometry.geom_type.dropna().map(GEOMETRY_FAMILIES).dropna()))
        shown = label(name[5:], lang) if name.startswith("plan_") else label(name, lang)
        if name.startswith("plan_"):
            shown = f"{name[5:]} ({label(source.role, lang)})"
        group = _project_group(name, source.role)
        bounds.append(frame.total_bounds)
        by_indicator = "indicator" in frame.columns and name.split("_")[0] in ("gap", "service")
        indicators = list(dict.fromkeys(frame["indicator"].astype(str))) if by_indicator else [""]
        for family in families:
            for indicator in indicators:
                title = overlay_name(shown, label(indicator, lang), lang) if indicator else shown
                if len(families) > 1:
                    title += f" ({family})"
                project_layers.append(
                    ProjectLayer(
                        name=title,
                        path=RESULTS_GPKG,
                        table=table,
                        layer=name,
                        role=source.role,
                        geometry=family,
                        group=group,
                        columns=columns,
                        aliases=aliases,
                        geometry_filter=family.capitalize() if len(families) > 1 else None,
                        subset=f"\"indicator\" = '{indicator}'" if indicator else "",
                        visible=not indicator or indicator == "shelter",
                    )
                )
    # drawn bottom to top as the web map: areas under residents under sites and violations
    order = {g: k for k, g in enumerate(("violations", "sites", "residents", "gap_areas"))}
    project_layers.sort(key=lambda lyr: order.get(lyr.group, len(order)))
    groups = {g: label(g, lang) for g in _PROJECT_GROUPS}
    groups["plan"] = plan.name if lang == "en" else f"{plan.name}（规划图层）"
    box = np.array(bounds) if bounds else np.zeros((1, 4))
    extent = (
        float(np.nanmin(box[:, 0])),
        float(np.nanmin(box[:, 1])),
        float(np.nanmax(box[:, 2])),
        float(np.nanmax(box[:, 3])),
    )
    qgs = project_qgs(plan.name, plan.crs, extent, project_layers, groups, lang)
    target = folder / PROJECT_QGZ
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qgs", qgs)
    return [target]


def _write_geojson(
    layers: dict[str, gpd.GeoDataFrame], folder: Path, offset: str | None = None
) -> list[Path]:
    out = folder / "geojson"
    out.mkdir()
    kept = {name: frame for name, frame in layers.items() if not frame.empty}
    files = _file_names(kept, ".geojson")
    for name, frame in kept.items():
        # RFC 7946: GeoJSON coordinates are WGS 84 longitude/latitude; on request they carry
        # the GCJ-02/BD-09 offset the Amap and Baidu map APIs expect
        ready = vector_ready(frame)
        lonlat = from_wgs84(ready, offset) if offset else ready.to_crs(4326)
        lonlat.to_file(out / files[name], driver="GeoJSON", engine="pyogrio")
    _write_layer_names(files, out / "layers.csv")
    return sorted(out.iterdir())


#: The CSV files of the ``csv`` format (the tables of :func:`people_tables` but ``shelters``,
#: which is in the Excel workbook and the HTML report).
CSV_TABLES = ("indicators", "violations", "capacity_removed", "stewardship")
#: The Excel workbook of the ``xlsx`` format: every table as a sheet.
TABLES_XLSX = "tables.xlsx"


def _write_csv(tables: dict[str, Table], folder: Path, lang: str = "en") -> list[Path]:
    """The tables as CSV: headers are the columns' keys in English (scripts read them) and the
    columns' headings in Chinese (people read them: 情景, 指标…), shares are percentages (79.7),
    persons whole; UTF-8 with a BOM so that Excel reads Chinese."""
    out = []
    for name in CSV_TABLES:
        table = tables[name]
        target = folder / f"{name}.csv"
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.heading if lang == "zh" else c.key for c in table.columns])
            writer.writerows([csv_value(v) for v in row] for row in table.rows)
        out.append(target)
    return out


def _write_xlsx(tables: dict[str, Table], folder: Path, lang: str) -> list[Path]:
    """``tables.xlsx``: a sheet per table with headings (and scenarios) in the export's
    language, shares as
    Excel percentages (0.0 %), persons as whole numbers (#,##0), the heading row frozen and
    filtered, columns as wide as their text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in tables.values():
        sheet = book.create_sheet(table.title[:31])
        sheet.append([c.heading for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="EEEEEE")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        scenario = [c.key for c in table.columns].index("scenario")
        for row in table.rows:
            values = [float(v) if isinstance(v, Share) else v for v in row]
            values[scenario] = label(str(row[scenario]), lang)
            sheet.append(values)
            for cell, value in zip(sheet[sheet.max_row], row, strict=True):
                if isinstance(value, Share):
                    cell.number_format = "0.0%"
                elif isinstance(value, int) and not isinstance(value, bool):
                    cell.number_format = "#,##0"
                elif isinstance(value, float):
                    cell.number_format = "#,##0.0#"
        for k, column in enumerate(table.columns, start=1):
            letter = get_column_letter(k)
            texts = [column.heading, *(cell_text(row[k - 1], column.kind) for row in table.rows)]
            widest = max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in t) for t in texts)
            sheet.column_dimensions[letter].width = min(60, max(8, widest + 2))
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions
    target = folder / TABLES_XLSX
    book.save(target)
    return [target]


def _html_table(table: Table) -> str:
    """A table Word and LibreOffice take as a table when the page is opened or pasted: real
    ``<table>`` cells with their borders and padding as attributes, headings in ``<th>``,
    figures right-aligned."""
    if not table.rows:
        return "<p>—</p>"
    cell = 'style="border:1px solid #999;padding:3px 6px;vertical-align:top'
    head = "".join(
        f'<th scope="col" {cell};background:#eeeeee;text-align:left'
        f'{";white-space:nowrap" if len(c.heading) <= 6 else ""}">{html.escape(c.heading)}</th>'
        for c in table.columns
    )
    body = []
    for row in table.rows:
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            figure = column.key in ("value", "target")
            align = ";text-align:right" if numeric or figure else ""
            text = cell_text(value, column.kind, space="\u00a0")
            if len(text) <= 12:
                align += ";white-space:nowrap"  # short words and figures stay on one line
            cells.append(f'<td {cell}{align}">{html.escape(text)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table border="1" cellspacing="0" cellpadding="4" '
        'style="border-collapse:collapse;margin-bottom:1.5em;font-size:0.9em">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


#: The indicators columns the HTML report shows (the rest is in the CSV and workbook).
_REPORT_INDICATOR_COLUMNS = (
    "scenario",
    "indicator",
    "period",
    "value",
    "target",
    "status",
    "source",
)


def _report_view(table: Table, lang: str) -> Table:
    """The indicators table as the report shows it: fewer columns, scenarios by their label,
    each figure with its unit (``56.7 %``, ``11.55 m²/person``)."""
    at = {c.key: k for k, c in enumerate(table.columns)}

    def shown(row: list[Any], key: str) -> Any:
        value = row[at[key]]
        if key == "scenario":
            return label(str(value), lang)
        if key == "status" and row[at["reason"]]:
            return f"{value} ({row[at['reason']]})"  # not assessed (why)
        if key in ("value", "target") and value is not None and not isinstance(value, Share):
            unit = row[at["unit"]]
            text = cell_text(value, "number")
            return text if unit in ("人", "persons") else f"{text}\u00a0{unit}"
        return value

    keep = [c for c in table.columns if c.key in _REPORT_INDICATOR_COLUMNS]
    rows = [[shown(row, c.key) for c in keep] for row in table.rows]
    return Table(table.name, table.title, keep, rows)


def _write_report_html(
    plan: Plan, reports: list[Report], tables: dict[str, Table], folder: Path, lang: str
) -> list[Path]:
    """``report.html``: the tables for people, as a page that opens in Word (and pastes into
    it) as real tables."""
    target = folder / "report.html"
    first = reports[0]
    title = f"{plan.name} — {label('scenario', lang)}: " + ", ".join(
        label(rep.scenario, lang) for rep in reports
    )
    shown = {**tables, "indicators": _report_view(tables["indicators"], lang)}
    sections = "".join(
        f"<h2>{html.escape(table.title)}</h2>{_html_table(table)}" for table in shown.values()
    )
    notes = [say(n.text, lang) for rep in reports for n in rep.notes]
    if notes:
        items = "".join(f"<li>{html.escape(str(n))}</li>" for n in dict.fromkeys(notes))
        sections += f"<h2>{html.escape(label('notes', lang))}</h2><ul>{items}</ul>"
    page = (
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8"><title>' + html.escape(title) + "</title>"
        "<style>body{font-family:'Noto Sans','DejaVu Sans','Segoe UI',Arial,"
        "'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;}"
        "table{border-collapse:collapse}</style>"
        "</head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(say(first.rules_title, lang))} · {html.escape(first.crs)} · "
        f"{label('population', lang)} {persons(first.population):,} · "
        f"{date.today().isoformat()}</p>"
        f"{sections}</body></html>"
    )
    target.write_text(page, encoding="utf-8")
    return [target]


#: The result layers the maps and the layer exports draw (a full evaluation's).
_GAP_LAYERS = ("residents", "uncovered_residents", "gap_areas", "service_areas", "shelters")


def check_export(
    plan: Plan,
    out: Path | str,
    formats: Iterable[str],
    *,
    rules: str | None = None,
    lang: str = "en",
    encoding: str = "utf-8",
    zip_shapefiles: bool = False,
    overwrite: bool = False,
) -> list[Path]:
    """Refuse an export that cannot be written (unknown format or language, an existing file
    without ``overwrite``, a target that is an input), before anything is evaluated.

    Returns
    -------
    list of Path
        The plan's input files (and the rule profile file), which the export never writes over.
    """
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if not wanted or unknown:
        msg = (
            tx("unknown export format {names}").format(names=", ".join(unknown))
            if unknown
            else tx("no format chosen")
        )
        hint = tx("formats: {names}").format(names=", ".join(FORMATS))
        raise PlanError(msg, field="format", hint=hint)
    if lang not in ("en", "zh"):
        msg = tx("unknown language '{lang}'").format(lang=lang)
        raise PlanError(msg, field="lang", hint=tx("use en or zh"))
    if encoding.lower() not in ("utf-8", "gbk"):
        msg = tx("shapefiles are written as UTF-8 or GBK, not '{encoding}'").format(
            encoding=encoding
        )
        raise PlanError(msg, field="encoding", hint=tx("use utf-8 or gbk"))
    names_out = planned_outputs(wanted, zip_shapefiles=zip_shapefiles)
    inputs = plan_inputs(plan, rules=rules)
    check_targets(Path(out), names_out, overwrite=overwrite, inputs=inputs)
    return inputs


def export(
    plan: Plan,
    reports: Sequence[Report],
    out: Path | str,
    formats: Iterable[str],
    *,
    rules: str | None = None,
    paper: str = "A4",
    orientation: str = "landscape",
    lang: str = "en",
    encoding: str = "utf-8",
    zip_shapefiles: bool = False,
    overwrite: bool = False,
    feedback: Feedback | None = None,
    suggestions: gpd.GeoDataFrame | None = None,
    geojson_crs: str = "WGS84",
    web_detail: int = settings.WEB_DETAIL_RESIDENTS,
    sheet_indicator: str | None = None,
    sheet_title: str | None = None,
    sheet_subtitle: str | None = None,
) -> list[Path]:
    """Write the chosen exports of ``reports`` (evaluations of ``plan``) into the folder ``out``.

    Outputs take reports and never evaluate: the files show exactly the figures given.

    Parameters
    ----------
    plan
        The plan that was evaluated.
    reports
        Its evaluations, one per scenario: tables hold one row set per report, maps show the
        first.
    out
        The output folder (created when missing).
    formats
        Any of :data:`FORMATS`: ``html`` (web map ``map.html`` and ``report.html``), ``pdf`` and
        ``png`` (the map sheet), ``shp`` (a Shapefile per layer, with ``.prj``, ``.cpg`` and
        ``fields.csv`` mapping shortened field names, and a ``.qml`` style QGIS applies),
        ``gpkg``, ``geojson`` (WGS 84), ``csv`` (indicators, violations, capacity removed,
        stewardship: figures for people), ``xlsx`` (``tables.xlsx``), ``qgz`` (``project.qgz``
        of ``results.gpkg``, written beside it).
    rules
        The rule profile file the reports used, when it is a file (it is never written over).
    encoding
        Shapefile attribute encoding: ``utf-8`` (default) or ``gbk``.
    overwrite
        Replace existing files; without it an existing output is an error and nothing is written.
    feedback
        Progress (``writing``, ``drawing``, ``moving``, ``done``) and cancel: a cancel leaves
        the folder as it was.
    suggestions
        Suggested sites (the ``suggestions`` layer of ``spaceplanner suggest --out``): drawn on
        the web map and the map sheet, and written as a layer with the data exports.
    geojson_crs
        ``"WGS84"`` (RFC 7946), or ``"GCJ-02"``/``"BD-09"`` for GeoJSON to load into Amap or
        Baidu maps (coordinates offset as those maps expect).
    web_detail
        The web map draws every resident point up to this many; above, the gap areas and only
        the residents left unserved (:data:`~spaceplanner.outputs.webmap_layers.
        RESIDENT_POINTS_LIMIT`).
    sheet_indicator, sheet_title, sheet_subtitle
        The map sheet's indicator (default: shelters when evaluated, else the first one) and
        its title and subtitle (default: the sheet's title and the plan's name).

    Returns
    -------
    list of Path
        The files written.
    """
    fb = feedback or Feedback()
    if not reports:
        msg: str = tx("nothing to export: no evaluation was given")
        raise PlanError(msg, hint=tx("evaluate the plan first"))
    inputs = check_export(
        plan,
        out,
        formats,
        rules=rules,
        lang=lang,
        encoding=encoding,
        zip_shapefiles=zip_shapefiles,
        overwrite=overwrite,
    )
    wanted = list(dict.fromkeys(formats))
    drawn = [f for f in wanted if f not in ("csv", "xlsx")]  # the rest shows the gaps
    for rep in reports if drawn else []:
        missing = [n for n in _GAP_LAYERS if n not in rep.layers]
        if missing or rep.stale:
            if missing:
                msg = tx("the evaluation given for {formats} lacks its gap layers: {layers}")
                what = ", ".join(missing)
            else:
                msg = tx(
                    "the evaluation given for {formats} lacks its gap layers: {layers} (stale)"
                )
                what = ", ".join(sorted(rep.stale))
            msg = msg.format(formats=", ".join(drawn), layers=what)
            hint: str = tx(
                "evaluate with gaps=True (a full evaluation) before exporting maps or layers"
            )
            raise PlanError(msg, field="reports", hint=hint)
    folder = Path(out)
    reports = list(reports)
    if suggestions is not None and len(suggestions):
        on_plan = suggestions.to_crs(plan.crs) if suggestions.crs is not None else suggestions
        reports = [replace(r, layers={**r.layers, "suggestions": on_plan}) for r in reports]
    main = reports[0]
    sources = {
        f"plan_{lyr.name}": _Source(
            lyr.role, {c: src for c, src in lyr.field_map.items() if src and src != c}
        )
        for lyr in plan
        if lyr.frame is not None
    }
    layers = {**_plan_layers(plan)}
    for rep in reports:
        layers.update(_result_layers(rep, rep.scenario if len(reports) > 1 else None))
    tables = people_tables(plan, reports, lang)
    if sheet_indicator is not None and {"pdf", "png"} & set(wanted):
        from spaceplanner.outputs.mapsheet import sheet_indicators

        choices = sheet_indicators(main)
        if sheet_indicator not in choices:
            msg = tx("the map sheet's indicator '{name}' was not evaluated").format(
                name=sheet_indicator
            )
            hint = tx("choose one of {names}").format(names=", ".join(choices))
            raise PlanError(msg, field="indicator", hint=hint)
    written: list[Path] = []
    with output_unit(folder, overwrite=overwrite, inputs=inputs) as tmp:
        for i, fmt in enumerate(wanted):
            fb.step("writing", i / len(wanted), fmt)
            if fmt == "html":
                from spaceplanner.outputs.webmap import write_webmap

                page = tmp / "map.html"
                written.append(write_webmap(plan, main, page, lang=lang, limit=web_detail))
                written += _write_report_html(plan, reports, tables, tmp, lang)
            elif fmt in ("pdf", "png"):
                from spaceplanner.outputs.mapsheet import write_map_sheet

                written.append(
                    write_map_sheet(
                        plan,
                        main,
                        tmp / f"map_sheet.{fmt}",
                        paper=paper,
                        orientation=orientation,
                        lang=lang,
                        indicator=sheet_indicator,
                        title=sheet_title,
                        subtitle=sheet_subtitle,
                    )
                )
            elif fmt == "shp":
                zip_name = "shapefiles.zip" if zip_shapefiles else None
                written += _write_shapefiles(layers, tmp, encoding, zip_name, sources, lang)
            elif fmt == "gpkg" or (fmt == "qgz" and "gpkg" not in wanted):
                written += _write_gpkg(layers, tmp, main.run.to_dict())
            if fmt == "qgz":
                written += _write_qgz(plan, layers, sources, tmp, lang)
            elif fmt == "geojson":
                written += _write_geojson(layers, tmp, offset_system(geojson_crs))
            elif fmt == "csv":
                written += _write_csv(tables, tmp, lang)
            elif fmt == "xlsx":
                written += _write_xlsx(tables, tmp, lang)
        fb.step("moving", 0.97)
        fb.check()  # the last moment a cancel leaves the folder as it was
    final = [folder / p.relative_to(tmp) for p in written]
    fb.step("done", 1.0, check=False)  # the files are in place: a cancel now changes nothing
    return final
