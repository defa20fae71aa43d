"""Exports: data for consultants (Shapefile, GeoPackage, GeoJSON), report tables (CSV, HTML),
and the web map and printable map sheet (see :mod:`spaceplanner.webmap`,
:mod:`spaceplanner.mapsheet`).

Every export is written into a temporary folder beside the output first and moved into place
only when all of it is complete, so a failing export leaves no half-written file. An existing
file is never replaced unless ``overwrite`` is given.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from spaceplanner import settings
from spaceplanner.evaluation import Evaluator
from spaceplanner.indicators import indicator_rows
from spaceplanner.labels import label
from spaceplanner.layers.catalogue import GEOMETRY_FAMILIES
from spaceplanner.layers.errors import PlanError
from spaceplanner.plan import Plan
from spaceplanner.report import Report

__all__ = ["FORMATS", "export", "indicator_rows", "shapefile_fields"]

#: Formats ``export`` writes, and the files of each.
FORMATS = settings.EXPORT_FORMATS
_DBF_NAME_BYTES = 10


def _plan_layers(plan: Plan) -> dict[str, gpd.GeoDataFrame]:
    return {f"plan_{lyr.name}": lyr.frame for lyr in plan if lyr.frame is not None}


def _result_layers(report: Report, scenario: str | None) -> dict[str, gpd.GeoDataFrame]:
    suffix = "" if scenario is None else f"_{scenario}"
    return {f"{name}{suffix}": frame for name, frame in report.layers.items()}


def _flatten(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns a vector format can hold: dicts and lists as JSON text, booleans as 0/1."""
    out = frame.copy()
    for col in out.columns:
        if col == out.geometry.name:
            continue
        series = out[col]
        if series.dtype == bool:
            out[col] = series.astype(int)
        elif series.dtype == object and series.map(lambda v: isinstance(v, dict | list)).any():
            out[col] = series.map(
                lambda v: json.dumps(v, ensure_ascii=False) if v is not None else None
            )
    return out


def shapefile_fields(columns: Iterable[str], *, encoding: str = "utf-8") -> dict[str, str]:
    """Short, unique DBF field names (at most 10 bytes in ``encoding``) for ``columns``."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for col in columns:
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
                msg = f"'{bad}' in '{value}' cannot be written as {encoding.upper()}"
                raise PlanError(
                    msg,
                    layer=name,
                    field=col,
                    hint="export the Shapefiles as UTF-8 (the default), or edit the text",
                ) from exc


def _write_shapefiles(
    layers: dict[str, gpd.GeoDataFrame], folder: Path, encoding: str, zip_name: str | None
) -> list[Path]:
    written: list[Path] = []
    mapping_rows = []
    shp_dir = folder / "shp"
    shp_dir.mkdir()
    for name, whole in layers.items():
        if whole.empty:
            continue
        for part_name, frame in _by_geometry_family(name, whole):
            flat = _flatten(frame)
            cols = [c for c in flat.columns if c != flat.geometry.name]
            _check_encodable(flat, cols, encoding, part_name)
            short = shapefile_fields(cols, encoding=encoding)
            flat = flat.rename(columns=short)
            flat.to_file(shp_dir / f"{part_name}.shp", engine="pyogrio", encoding=encoding)
            (shp_dir / f"{part_name}.cpg").write_text(encoding.upper(), encoding="ascii")
            mapping_rows += [(f"{part_name}.shp", s, c) for c, s in short.items()]
    with (shp_dir / "fields.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "field", "full_name"])
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


def _write_gpkg(layers: dict[str, gpd.GeoDataFrame], folder: Path, stem: str) -> list[Path]:
    target = folder / f"{stem}.gpkg"
    first = True
    for name, frame in layers.items():
        if frame.empty:
            continue
        _flatten(frame).to_file(target, layer=name, engine="pyogrio", append=not first)
        first = False
    return [target]


def _write_geojson(layers: dict[str, gpd.GeoDataFrame], folder: Path) -> list[Path]:
    out = folder / "geojson"
    out.mkdir()
    for name, frame in layers.items():
        if frame.empty:
            continue
        # RFC 7946: GeoJSON coordinates are WGS 84 longitude/latitude.
        _flatten(frame).to_crs(4326).to_file(
            out / f"{name}.geojson", driver="GeoJSON", engine="pyogrio"
        )
    return sorted(out.iterdir())


def _stewardship_rows(plan: Plan, report: Report) -> list[dict[str, Any]]:
    rows = []
    for role in ("shelters", "activity_spaces", "facilities"):
        for lyr in plan.by_role(role):
            if lyr.frame is None:
                continue
            stewards = (
                lyr.frame["steward"]
                if "steward" in lyr.frame
                else pd.Series([None] * len(lyr.frame))
            )
            for site_id, name, steward in zip(
                lyr.frame["id"],
                lyr.frame.get("name", pd.Series([None] * len(lyr.frame))),
                stewards,
                strict=True,
            ):
                missing = steward is None or (isinstance(steward, float) and np.isnan(steward))
                rows.append(
                    {
                        "scenario": report["scenario"],
                        "role": role,
                        "layer": lyr.name,
                        "id": site_id,
                        "name": name,
                        "steward": None if missing else steward,
                        "gap": bool(missing),
                    }
                )
    return rows


#: Columns of the indicators table (CSV), in order: figures at full precision.
_INDICATOR_COLUMNS = [
    "scenario",
    "rules",
    "group",
    "indicator",
    "period",
    "value",
    "unit",
    "target",
    "status",
    "reason",
    "source",
    "target_source",
    "id",
]


def _tables(plan: Plan, reports: list[Report], lang: str) -> dict[str, pd.DataFrame]:
    indicators = pd.DataFrame(
        [r for rep in reports for r in indicator_rows(rep, lang)], columns=_INDICATOR_COLUMNS
    )
    violations = pd.DataFrame(
        [{"scenario": rep["scenario"], **v} for rep in reports for v in rep["violations"]],
        columns=[
            "scenario",
            "rule",
            "principle",
            "layer",
            "id",
            "name",
            "measured",
            "required",
            "message",
            "source",
        ],
    )
    removed = pd.DataFrame(
        [
            {"scenario": rep["scenario"], "principle": p, "capacity_removed_persons": v}
            for rep in reports
            for p, v in (rep["capacity_removed_by"] or {}).items()
        ]
    )
    steward = pd.DataFrame(_stewardship_rows(plan, reports[0]))
    return {
        "indicators": indicators,
        "violations": violations,
        "capacity_removed": removed,
        "stewardship": steward,
    }


def _write_csv(tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    out = []
    for name, table in tables.items():
        target = folder / f"{name}.csv"
        table.to_csv(target, index=False, encoding="utf-8-sig")  # BOM: Excel reads Chinese right
        out.append(target)
    return out


def _html_table(table: pd.DataFrame) -> str:
    if table.empty:
        return "<p>—</p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    body = []
    for row in table.itertuples(index=False):
        cells = []
        for value in row:
            if isinstance(value, float):
                text = f"{value:,.3f}".rstrip("0").rstrip(".") if np.isfinite(value) else ""
            elif isinstance(value, bool | np.bool_):
                text = "✔" if value else "✘"
            else:
                text = "" if value is None else str(value)
            cells.append(f"<td>{html.escape(text)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _people_value(value: Any, unit: str) -> str:
    """A figure as people read it: shares as %, persons whole (full precision is in the CSV)."""
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "—"
    if unit == "share":
        return f"{100 * float(value):.1f}\u00a0%"
    if unit == "persons":
        return f"{float(value):,.0f}"
    return f"{float(value):.2f}\u00a0m²"


def _people_indicators(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The indicators table of the HTML report: label, period, value, target, result, source."""
    return pd.DataFrame(
        {
            label("scenario", lang): table["scenario"].map(lambda v: label(str(v), lang)),
            "Indicator" if lang == "en" else "指标": table["indicator"],
            label("period", lang): table["period"].map(lambda v: label(str(v), lang)),
            "Value" if lang == "en" else "现状": [
                _people_value(v, u) for v, u in zip(table["value"], table["unit"], strict=True)
            ],
            label("target", lang): [
                "≥\u00a0" + _people_value(v, u)
                for v, u in zip(table["target"], table["unit"], strict=True)
            ],
            "Result" if lang == "en" else "结果": [
                label(str(st), lang) + (f" ({why})" if isinstance(why, str) and why else "")
                for st, why in zip(table["status"], table["reason"], strict=True)
            ],
            "Source" if lang == "en" else "依据": table["source"],
        }
    )


def _write_report_html(
    plan: Plan, reports: list[Report], tables: dict[str, pd.DataFrame], folder: Path, lang: str
) -> list[Path]:
    target = folder / "report.html"
    s = reports[0].summary
    title = f"{plan.name} — {label('scenario', lang)}: " + ", ".join(
        label(rep["scenario"], lang) for rep in reports
    )
    heads = {
        "indicators": "Indicators" if lang == "en" else "指标",
        "violations": label("violations", lang),
        "capacity_removed": "Capacity removed by principle" if lang == "en" else "各原则扣减的容量",
        "stewardship": label("steward", lang),
    }
    shown = {**tables, "indicators": _people_indicators(tables["indicators"], lang)}
    sections = "".join(
        f"<h2>{html.escape(heads[name])}</h2>{_html_table(table)}" for name, table in shown.items()
    )
    notes = [n for rep in reports for n in rep["notes"] or []]
    if notes:
        items = "".join(f"<li>{html.escape(str(n))}</li>" for n in dict.fromkeys(notes))
        sections += f"<h2>{html.escape(label('notes', lang))}</h2><ul>{items}</ul>"
    page = (
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8"><title>' + html.escape(title) + "</title>"
        "<style>body{font-family:'Noto Sans','DejaVu Sans','Segoe UI',Arial,"
        "'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;}"
        "table{border-collapse:collapse;margin-bottom:1.5em;font-size:0.9em}"
        "th,td{border:1px solid #bbb;padding:3px 6px;text-align:left}th{background:#eee}"
        "td:nth-child(-n+3){white-space:nowrap}</style>"
        "</head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(s['rules_title'])} · {html.escape(s['crs'])} · "
        f"{label('population', lang)} {s['population']:,.0f} · {date.today().isoformat()}</p>"
        f"{sections}</body></html>"
    )
    target.write_text(page, encoding="utf-8")
    return [target]


def export(
    plan: Plan,
    out: Path | str,
    formats: Iterable[str],
    *,
    scenarios: Iterable[str] | None = None,
    period: str = "both",
    rules: str | None = None,
    paper: str = "A4",
    orientation: str = "landscape",
    lang: str = "en",
    encoding: str = "utf-8",
    zip_shapefiles: bool = False,
    overwrite: bool = False,
    progress: Callable[[float, str], None] | None = None,
) -> list[Path]:
    """Evaluate ``plan`` and write the chosen exports into the folder ``out``.

    Parameters
    ----------
    plan
        The plan.
    out
        The output folder (created when missing).
    formats
        Any of :data:`FORMATS`: ``html`` (web map ``map.html`` and ``report.html``), ``pdf`` and
        ``png`` (the map sheet), ``shp`` (a Shapefile per layer, with ``.prj``, ``.cpg`` and
        ``fields.csv`` mapping shortened field names), ``gpkg``, ``geojson`` (WGS 84), ``csv``
        (indicators, violations, capacity removed, stewardship).
    scenarios
        Scenarios to evaluate (the plan's when None); tables hold one row set per scenario,
        maps show the first.
    encoding
        Shapefile attribute encoding: ``utf-8`` (default) or ``gbk``.
    overwrite
        Replace existing files; without it an existing output is an error and nothing is written.

    Returns
    -------
    list of Path
        The files written.
    """
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if not wanted or unknown:
        msg = f"unknown export format {', '.join(unknown)}" if unknown else "no format chosen"
        raise PlanError(msg, field="format", hint=f"formats: {', '.join(FORMATS)}")
    if lang not in ("en", "zh"):
        msg = f"unknown language '{lang}'"
        raise PlanError(msg, field="lang", hint="use en or zh")
    if encoding.lower() not in ("utf-8", "gbk"):
        msg = f"shapefiles are written as UTF-8 or GBK, not '{encoding}'"
        raise PlanError(msg, field="encoding", hint="use utf-8 or gbk")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = "plan"
    planned = {
        "html": ["map.html", "report.html"],
        "pdf": ["map_sheet.pdf"],
        "png": ["map_sheet.png"],
        "shp": ["shapefiles.zip"] if zip_shapefiles else ["shp"],
        "gpkg": [f"{stem}.gpkg"],
        "geojson": ["geojson"],
        "csv": ["indicators.csv", "violations.csv", "capacity_removed.csv", "stewardship.csv"],
    }
    clashes = [folder / n for f in wanted for n in planned[f] if (folder / n).exists()]
    if clashes and not overwrite:
        msg = f"{len(clashes)} output(s) exist ({', '.join(p.name for p in clashes[:4])})"
        raise PlanError(msg, file=str(folder), hint="choose another --out or add --overwrite")
    ev = Evaluator(plan, rules=rules)
    names = list(scenarios or [plan.scenario])
    reports = []
    for i, scenario in enumerate(names):
        if progress:
            progress(i / (len(names) + 1), f"evaluating {scenario}")
        reports.append(ev.evaluate(scenario=scenario, period=period))
    main = reports[0]
    layers = {**_plan_layers(plan)}
    for rep in reports:
        layers.update(_result_layers(rep, rep["scenario"] if len(reports) > 1 else None))
    tables = _tables(plan, reports, lang)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix=".export-", dir=folder) as tmp_name:
        tmp = Path(tmp_name)
        if progress:
            progress(len(names) / (len(names) + 1), "writing")
        for fmt in wanted:
            if fmt == "html":
                from spaceplanner.webmap import write_webmap

                written.append(write_webmap(plan, main, tmp / "map.html", lang=lang))
                written += _write_report_html(plan, reports, tables, tmp, lang)
            elif fmt in ("pdf", "png"):
                from spaceplanner.mapsheet import write_map_sheet

                written.append(
                    write_map_sheet(
                        plan,
                        main,
                        tmp / f"map_sheet.{fmt}",
                        paper=paper,
                        orientation=orientation,
                        lang=lang,
                    )
                )
            elif fmt == "shp":
                written += _write_shapefiles(
                    layers, tmp, encoding, "shapefiles.zip" if zip_shapefiles else None
                )
            elif fmt == "gpkg":
                written += _write_gpkg(layers, tmp, stem)
            elif fmt == "geojson":
                written += _write_geojson(layers, tmp)
            elif fmt == "csv":
                written += _write_csv(tables, tmp)
        for top in sorted({p.relative_to(tmp).parts[0] for p in written}):
            target = folder / top
            if target.exists():
                if target.is_dir():
                    shutil.rmtree(target)
                else:
                    target.unlink()
            (tmp / top).replace(target)
        final = [folder / p.relative_to(tmp) for p in written]
    if progress:
        progress(1.0, "done")
    return final
