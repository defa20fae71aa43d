"""Data exports for consultants and report tables: round trips, encodings, safety."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

import spaceplanner.outputs.exports as exports_module
from spaceplanner import PlanError, evaluate, load_plan
from spaceplanner.cli import main
from spaceplanner.outputs.exports import export, shapefile_fields
from spaceplanner.outputs.tables import people_tables, whole_parts
from spaceplanner.results.labels import label
from spaceplanner.sample_maps import get_path


@pytest.fixture(scope="module")
def plan():
    return load_plan(get_path("synthetic_cn"))


def _fields(folder: Path) -> dict[tuple[str, str], str]:
    with (folder / "fields.csv").open(encoding="utf-8") as fh:
        return {(r["file"], r["field"]): r["full_name"] for r in csv.DictReader(fh)}


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_shapefiles_round_trip_with_chinese_text(plan, tmp_path: Path, encoding: str) -> None:
    written = export(plan, [evaluate(plan)], tmp_path, ["shp"], encoding=encoding)
    folder = tmp_path / "shp"
    assert folder / "plan_residents.shp" in written
    assert (folder / "plan_residents.cpg").read_text().strip() == encoding.upper()
    assert (folder / "plan_residents.prj").exists()
    names = _fields(folder)
    back = gpd.read_file(folder / "plan_residents.shp")  # the .cpg tells the reader
    back = back.rename(
        columns={s: full for (f, s), full in names.items() if f == "plan_residents.shp"}
    )
    source = plan.layers["residents"].frame
    assert back.crs == source.crs
    assert list(back["name"]) == list(source["name"])  # 滨江花园 ...
    assert any("\u4e00" <= ch <= "\u9fff" for ch in back["name"].iloc[0])
    assert list(back["population"]) == list(source["population"])
    assert back.geometry.geom_equals_exact(source.geometry, 1e-6).all()
    raw = (folder / "plan_residents.dbf").read_bytes()
    assert source["name"].iloc[0].encode(encoding) in raw


def test_field_names_are_short_unique_and_mapped(tmp_path: Path, plan) -> None:
    short = shapefile_fields(["population_sheltered", "population_covered", "有效避难面积", "id"])
    assert all(len(v.encode("utf-8")) <= 10 for v in short.values())
    assert len(set(short.values())) == 4
    export(plan, [evaluate(plan)], tmp_path, ["shp"])
    names = _fields(tmp_path / "shp")
    full = {v for (f, _), v in names.items() if f == "residents.shp"}
    assert {"d_shelter", "ok_space_5min", "unsheltered"} <= full
    for (_, field), _ in names.items():
        assert len(field.encode("utf-8")) <= 10


def test_zip_gpkg_geojson(plan, tmp_path: Path) -> None:
    written = export(
        plan, [evaluate(plan)], tmp_path, ["shp", "gpkg", "geojson"], zip_shapefiles=True
    )
    assert tmp_path / "shapefiles.zip" in written
    with zipfile.ZipFile(tmp_path / "shapefiles.zip") as zf:
        assert "shp/plan_shelters.shp" in zf.namelist()
    gp = gpd.read_file(tmp_path / "results.gpkg", layer="plan_shelters")
    assert list(gp["name"]) == list(plan.layers["shelters"].frame["name"])
    gj = gpd.read_file(tmp_path / "geojson" / "gap_areas.geojson")
    assert gj.crs.to_epsg() == 4326
    again = gj.to_crs(plan.crs)
    areas = gpd.read_file(tmp_path / "results.gpkg", layer="gap_areas")
    assert again.area.sum() == pytest.approx(areas.area.sum(), rel=1e-6)


def test_report_tables_and_html(plan, tmp_path: Path) -> None:
    written = export(
        plan,
        [evaluate(plan, scenario=x) for x in ("flood", "earthquake")],
        tmp_path,
        ["csv"],
        lang="zh",
    )
    reports = [evaluate(plan, scenario=s, gaps=False) for s in ("flood", "earthquake")]
    tables = people_tables(plan, reports, "zh")
    exports_module._write_report_html(plan, reports, tables, tmp_path, "zh")
    assert len(written) == 4
    # a Chinese export's CSV says its headings and words in Chinese (scripts take the English one)
    indicators = list(csv.DictReader((tmp_path / "indicators.csv").open(encoding="utf-8-sig")))
    assert {r["情景"] for r in indicators} == {"洪涝", "地震"}
    violations = list(csv.DictReader((tmp_path / "violations.csv").open(encoding="utf-8-sig")))
    assert {"prevent.petrol_station", "prevent.hv_line", "avoid.hazard_zone"} <= {
        v["规则"] for v in violations
    }
    petrol = next(v for v in violations if v["规则"] == "prevent.petrol_station")
    assert petrol["说明"].startswith("距加油站") and "GB 50156-2012" in petrol["依据"]
    steward = list(csv.DictReader((tmp_path / "stewardship.csv").open(encoding="utf-8-sig")))
    heading = {c.key: c.heading for c in tables["stewardship"].columns}
    shelters = [r for r in steward if r[heading["role"]] == label("shelters", "zh")]
    assert {r[heading["steward"]] for r in shelters} >= {"社区居委会"}
    # facilities have no steward: listed as gaps
    assert any(r[heading["gap"]] == "是" for r in steward)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "江畔社区" in page and "选址问题" in page


def _partial_share(report):
    """An indicator that is a share strictly between 0 and 1 (so rounding shows)."""
    return next(
        i for i in report.indicators if i.unit == "share" and i.value and 0.001 < i.value < 0.999
    )


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8-sig")))


def test_tables_are_for_people(plan, tmp_path: Path) -> None:
    """Shares as percentages, persons whole, one column per principle."""
    report = evaluate(plan, scenario="all")
    export(plan, [report], tmp_path, ["csv"])
    rows = {r["id"]: r for r in _csv(tmp_path / "indicators.csv")}
    share = _partial_share(report)
    row = rows[share.id]
    assert row["unit"] == "%"
    assert float(row["value"]) == round(100 * share.value, 1)
    assert float(row["target"]) == round(100 * share.target, 1)
    for r in rows.values():
        if r["unit"] == "persons" and r["value"]:
            assert "." not in r["value"]
    removed = _csv(tmp_path / "capacity_removed.csv")
    assert list(removed[0]) == ["scenario", "避", "防", "让", "total"]
    by = report.capacity_removed_by
    assert by["避"] > 0  # the sample has a shelter in the flood zone
    parts = [int(removed[0][p]) for p in ("避", "防", "让")]  # whole persons
    for p, part in zip(("避", "防", "让"), parts, strict=True):
        assert abs(part - by.get(p, 0.0)) < 1
    assert int(removed[0]["total"]) == round(sum(by.values())) == sum(parts)


def test_whole_parts_add_up_to_the_rounded_total() -> None:
    assert whole_parts([10001.6, 302.4, 0.4]) == [10002, 302, 0]  # 10304.4 -> 10304
    assert whole_parts([10001.6, 302.6, 0.4]) == [10002, 303, 0]  # 10304.6 -> 10305
    assert whole_parts([0.5, 0.5, 0.5]) == [1, 1, 0]  # 1.5 -> 2
    assert whole_parts([0.0, 0.0, 0.0]) == [0, 0, 0]


def test_excel_workbook(plan, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = evaluate(plan, scenario="all", gaps=False)
    written = export(plan, [report], tmp_path, ["xlsx"], lang="zh")
    assert written == [tmp_path / "tables.xlsx"]
    book = load_workbook(tmp_path / "tables.xlsx")
    assert book.sheetnames[:2] == ["指标", label("violations", "zh")]
    sheet = book["指标"]
    headings = [c.value for c in sheet[1]]
    assert headings[:4] == ["情景", "规则", "类别", "指标"]
    value_col = headings.index("现状") + 1
    id_col = headings.index("编号") + 1
    found = {
        sheet.cell(r, id_col).value: sheet.cell(r, value_col) for r in range(2, sheet.max_row + 1)
    }
    indicator = _partial_share(report)
    cell = found[indicator.id]
    assert cell.number_format == "0.0%" and cell.value == round(indicator.value, 3)
    assert sheet.cell(2, 1).value == label("all", "zh")  # the scenario as people call it
    shelters = book[label("shelters", "zh")]
    heads = [c.value for c in shelters[1]]
    for p in ("避", "防", "让"):
        assert label(p, "zh") in heads
    capacity = shelters.cell(2, heads.index(label("capacity", "zh")) + 1)
    assert isinstance(capacity.value, int) and capacity.number_format == "#,##0"
    assert shelters.freeze_panes == "A2"


def test_report_html_has_real_tables_for_word(plan, tmp_path: Path) -> None:
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))

    report = evaluate(plan, scenario="all")
    export(plan, [report], tmp_path, ["html"])
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    parser = Cells()
    parser.feed(page)
    tables = [a for t, a in parser.tags if t == "table"]
    assert len(tables) >= 4 and all(a.get("border") == "1" for a in tables)
    cells = [a for t, a in parser.tags if t in ("td", "th")]
    assert cells and all("border:1px solid" in (a.get("style") or "") for a in cells)
    share = _partial_share(report)
    assert f"{100 * share.value:.1f}\u00a0%" in page
    assert not re.search(r"\d\.\d{3,}", re.sub(r"<[^>]+>", " ", page.split("<body>")[1]))


def test_attribute_text_is_escaped_in_the_report(tmp_path: Path) -> None:
    evil = load_plan(get_path("synthetic_cn"))
    evil.layers["shelters"].frame.loc[0, "name"] = "<img src=x onerror=alert(1)>"
    report = evaluate(evil, scenario="all", gaps=False)
    tables = people_tables(evil, [report], "en")
    exports_module._write_report_html(evil, [report], tables, tmp_path, "en")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_never_overwrites_without_asking(plan, tmp_path: Path) -> None:
    (tmp_path / "indicators.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(PlanError, match="overwrite"):
        export(plan, [evaluate(plan)], tmp_path, ["csv"])
    assert (tmp_path / "indicators.csv").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "violations.csv").exists()
    export(plan, [evaluate(plan)], tmp_path, ["csv"], overwrite=True)
    assert (tmp_path / "indicators.csv").read_text(encoding="utf-8-sig").startswith("scenario")


def test_a_failing_export_leaves_nothing(plan, tmp_path: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports_module, "_write_geojson", broken)
    with pytest.raises(PlanError, match="disk is full") as err:
        export(plan, [evaluate(plan)], tmp_path, ["csv", "geojson"])
    assert err.value.file == str(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cli_export(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["export", "--sample", "bubenec", "--format", "csv,gpkg", "--out", str(out)]) == 0
    assert "indicators.csv" in capsys.readouterr().out
    assert main(["export", "--sample", "bubenec", "--format", "csv", "--out", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert main(["export", "--sample", "bubenec", "--format", "tiff", "--out", str(out)]) == 2
    assert "unknown export format" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["helsinki", "bubenec", "synthetic_cn"])
def test_every_data_format_for_every_sample(name: str, tmp_path: Path) -> None:
    sample = load_plan(get_path(name))
    written = export(
        sample, [evaluate(sample)], tmp_path, ["shp", "gpkg", "geojson", "csv", "html"]
    )
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"results.gpkg", "indicators.csv", "map.html", "report.html"} <= names
    assert "shp/gap_areas.shp" in names and "geojson/residents.geojson" in names
    gp = gpd.read_file(tmp_path / "results.gpkg", layer="residents")
    shp = gpd.read_file(tmp_path / "shp" / "residents.shp")
    assert len(gp) == len(shp) == len(sample.layers["residents"].frame)
    assert shp.crs == sample.crs and gp.crs == sample.crs
    assert gp.geometry.geom_equals_exact(shp.geometry, 1e-6).all()


def test_mixed_geometry_layers_are_split_and_gbk_refuses_what_it_cannot_hold(
    tmp_path: Path,
) -> None:
    from shapely.geometry import LineString, Point, box

    from spaceplanner.model.plan import Plan

    x0, y0 = 385_000.0, 6_672_000.0

    def frame(geoms, **cols):
        return gpd.GeoDataFrame(cols, geometry=geoms, crs="EPSG:32635")

    plan = Plan.from_frames(
        "mixed",
        {
            "residents": ("residents", frame([Point(x0, y0 + 10)], population=[5])),
            "network": ("network", frame([LineString([(x0 - 500, y0), (x0 + 500, y0)])])),
            "sh": (
                "shelters",
                frame(
                    [box(x0, y0 + 20, x0 + 50, y0 + 70), Point(x0 + 100, y0 + 30)],
                    name=["公园😀", "B"],
                    capacity=[None, 40.0],
                ),
            ),
        },
    )
    export(plan, [evaluate(plan)], tmp_path / "utf8", ["shp"])
    shp = tmp_path / "utf8" / "shp"
    assert (shp / "plan_sh_polygon.shp").exists() and (shp / "plan_sh_point.shp").exists()
    back = gpd.read_file(shp / "plan_sh_polygon.shp")
    assert list(back["name"]) == ["公园😀"]
    with pytest.raises(PlanError, match="GBK") as err:
        export(plan, [evaluate(plan)], tmp_path / "gbk", ["shp", "csv"], encoding="gbk")
    assert err.value.layer == "plan_sh_polygon" and err.value.field == "name"
    assert not any((tmp_path / "gbk").iterdir())  # nothing half-written


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "geojson"])
def test_violations_are_layers_with_geometry(plan, tmp_path: Path, fmt: str) -> None:
    import shapely

    report = evaluate(plan)
    export(plan, [evaluate(plan)], tmp_path, [fmt])
    if fmt == "gpkg":
        read = lambda name: gpd.read_file(tmp_path / "results.gpkg", layer=name)  # noqa: E731
    elif fmt == "shp":
        names = _fields(tmp_path / "shp")

        def read(name: str) -> gpd.GeoDataFrame:
            parts = sorted((tmp_path / "shp").glob(f"{name}*.shp"))
            parts = [p for p in parts if p.stem == name or p.stem.startswith(f"{name}_")]
            frames = [
                gpd.read_file(p).rename(
                    columns={s: f for (file, s), f in names.items() if file == p.name}
                )
                for p in parts
            ]
            return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)
    else:

        def read(name: str) -> gpd.GeoDataFrame:
            return gpd.read_file(tmp_path / "geojson" / f"{name}.geojson").to_crs(plan.crs)

    layer = read("violations").sort_values("violation")
    expected = report.to_dict()["violations"]
    assert len(layer) == len(expected)
    assert list(layer["rule"]) == [v["rule"] for v in expected]
    # the flood zone takes part of shelter BN02: the site, its zone and the part removed
    flood = layer[(layer["rule"] == "avoid.hazard_zone") & (layer["id"] == "BN02")].iloc[0]
    site = plan.layers["shelters"].frame.set_index("id").geometry["BN02"]
    zone = plan.layers["flood_zone"].frame.geometry.iloc[0]
    assert shapely.area(shapely.symmetric_difference(flood.geometry, site)) < 1e-3
    assert flood["principle_en"] == "avoid" and flood["source_layer"] == "flood_zone"
    inside = shapely.area(shapely.intersection(site, zone))
    assert inside == pytest.approx(0.623 * shapely.area(site), rel=1e-3)  # 62 % in the zone
    assert float(flood["removed_m2"]) == pytest.approx(inside, rel=1e-6)
    removed = read("violation_removed")
    part = removed[removed["violation"] == flood["violation"]].geometry.iloc[0]
    assert shapely.area(part) == pytest.approx(inside, rel=1e-6)
    zones = read("violation_zones")
    petrol = layer[layer["rule"] == "prevent.petrol_station"].iloc[0]
    band = zones[zones["violation"] == petrol["violation"]].iloc[0]
    assert band["source_id"] == "WX01"
    station = plan.layers["petrol_station"].frame.geometry.iloc[0]
    # the band is the 50 m protective distance around the station, to 1 cm
    ring = shapely.get_exterior_ring(band.geometry)
    distances = shapely.distance(station, shapely.points(shapely.get_coordinates(ring)))
    assert distances.min() == pytest.approx(50.0, abs=0.02)
    assert distances.max() == pytest.approx(50.0, abs=0.02)


def test_capacity_removed_per_principle_is_numeric(plan, tmp_path: Path) -> None:
    report = evaluate(plan)
    export(plan, [evaluate(plan)], tmp_path, ["gpkg", "shp"])
    shelters = gpd.read_file(tmp_path / "results.gpkg", layer="shelters")
    assert "capacity_removed" not in shelters
    by_id = {s["id"]: s["capacity_removed"] for s in report.to_dict()["shelters"]["by_shelter"]}
    for field, principle in (
        ("removed_avoid", "避"),
        ("removed_prevent", "防"),
        ("removed_giveway", "让"),
    ):
        assert shelters[field].dtype.kind == "f"
        for sid, value in zip(shelters["id"], shelters[field], strict=True):
            assert value == pytest.approx(by_id[sid][principle])
    assert shelters["removed_avoid"].sum() == pytest.approx(
        report.to_dict()["capacity_removed_by"]["避"]
    )
    names = _fields(tmp_path / "shp")
    full = {v for (f, _), v in names.items() if f == "shelters.shp"}
    assert {"removed_avoid", "removed_prevent", "removed_giveway"} <= full
    shp = gpd.read_file(tmp_path / "shp" / "shelters.shp")
    short = {v: s for (f, s), v in names.items() if f == "shelters.shp"}
    assert shp[short["removed_prevent"]].dtype.kind == "f"


def test_export_takes_reports_and_never_evaluates(tmp_path, monkeypatch):
    """The files show the figures given: export runs no evaluation of its own."""
    plan = load_plan(get_path("bubenec"))
    report = evaluate(plan, scenario="flood")

    def refuse(*args, **kwargs):
        raise AssertionError("export evaluated the plan")

    monkeypatch.setattr("spaceplanner.engine.evaluation.Evaluator.evaluate", refuse)
    written = export(plan, [report], tmp_path, ["csv"])
    table = pd.read_csv(next(p for p in written if p.name == "indicators.csv"))
    sheltered = table.loc[table["id"] == "shelter.sheltered", "value"].iloc[0]
    assert sheltered == round(100 * report.indicator("shelter.sheltered").value, 1)
    assert set(table["scenario"]) == {"flood"}


def test_export_without_reports_is_refused(tmp_path):
    plan = load_plan(get_path("bubenec"))
    with pytest.raises(PlanError, match="no evaluation"):
        export(plan, [], tmp_path, ["csv"])
    assert list(tmp_path.iterdir()) == []


def test_cancelled_export_leaves_the_folder_as_it_was(tmp_path):
    from spaceplanner.feedback import CancelledError, Feedback

    plan = load_plan(get_path("bubenec"))
    report = evaluate(plan)
    steps: list[str] = []

    def cancel_before_moving(fraction, code, detail):
        steps.append(code)
        if code == "moving":
            feedback.cancel()  # as a Cancel button pressed while the last file was written

    feedback = Feedback(cancel_before_moving)
    with pytest.raises(CancelledError):
        export(plan, [report], tmp_path, ["csv", "geojson"], feedback=feedback)
    assert "writing" in steps and steps[-1] == "moving"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []


@pytest.mark.parametrize("gaps", [False, "points"])
def test_maps_of_an_evaluation_without_gap_layers_are_refused(tmp_path, gaps):
    plan = load_plan(get_path("bubenec"))
    report = evaluate(plan, gaps=gaps)
    with pytest.raises(PlanError) as err:
        export(plan, [report], tmp_path, ["pdf"])
    assert err.value.field == "reports" and "gap_areas" in str(err.value)
    assert list(tmp_path.iterdir()) == []
    written = export(plan, [report], tmp_path, ["csv"])  # the tables need no layers
    assert {p.name for p in written} >= {"indicators.csv"}


def test_a_live_report_with_stale_areas_is_refused(tmp_path):
    from dataclasses import replace

    plan = load_plan(get_path("bubenec"))
    report = evaluate(plan)
    with pytest.raises(PlanError, match="stale"):
        export(plan, [replace(report, stale=frozenset({"gap_areas"}))], tmp_path, ["html"])


def test_cli_web_detail_sets_when_the_web_map_aggregates(tmp_path: Path) -> None:
    for detail, packed in (("0", True), ("100000", False)):
        out = tmp_path / detail
        args = ["export", "--sample", "bubenec", "--format", "html", "--out", str(out)]
        assert main([*args, "--web-detail", detail]) == 0
        page = (out / "map.html").read_text(encoding="utf-8")
        assert ("var T = " in page) == packed  # the packed table of resident points


def test_vector_ready_converts_a_copy_and_leaves_the_layer_as_it_was() -> None:
    """Booleans become 0/1, the capacity removed per principle numeric fields, other dicts JSON
    text: in the copy written out; the result layer itself keeps its values and types."""
    import shapely

    frame = gpd.GeoDataFrame(
        {
            "ok": [True, False],
            "capacity_removed": [{"避": 1.0, "防": 2.0, "让": 0.0}, {}],
            "extra": [{"a": 1}, None],
            "d": [1.5, 2.5],
        },
        geometry=[shapely.Point(0, 0), shapely.Point(1, 1)],
        crs="EPSG:3857",
    )
    before = frame.copy()
    out = exports_module.vector_ready(frame)
    assert out["ok"].tolist() == [1, 0] and out["ok"].dtype.kind == "i"
    assert out["removed_avoid"].tolist() == [1.0, 0.0]
    assert out["extra"].tolist()[0] == '{"a": 1}'
    pd.testing.assert_frame_equal(pd.DataFrame(frame), pd.DataFrame(before))
    assert frame["ok"].dtype == bool and frame["capacity_removed"].iloc[0]["避"] == 1.0
