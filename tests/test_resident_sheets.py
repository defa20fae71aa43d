"""Resident sheets: one A4 page per unit, from the evaluation point by point.

Checked against a hand-solved case (the shared tiny community: walks measured along its two
streets), against the report's own totals on the Chinese sample cut into its 4 网格, and as a
user runs the command (the PDF's pages and words, bad input with exit 2).
"""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import pytest
from conftest import UTM35, X0, Y0
from pypdf import PdfReader
from shapely.geometry import box

from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.outputs.resident_sheets import resident_sheets
from spaceplanner.sample_maps import get_path

SAMPLE = get_path("synthetic_cn")
GRIDS = SAMPLE.parent / "grids.geojson"


def _units(tmp_path: Path) -> Path:
    """Three blocks around the community's three resident points, and one with nobody."""
    units = gpd.GeoDataFrame(
        {"id": ["E", "W", "N", "X"], "name": ["East block", "West block", "North block", "Empty"]},
        geometry=[
            box(X0 - 20, Y0 + 1, X0 + 40, Y0 + 40),  # r1 (120 persons) at (10, 10)
            box(X0 + 170, Y0 + 20, X0 + 230, Y0 + 80),  # r2 (80) at (200, 50)
            box(X0 + 30, Y0 + 270, X0 + 90, Y0 + 330),  # r3 (45) at (60, 300)
            box(X0 + 250, Y0 + 250, X0 + 300, Y0 + 300),
        ],
        crs=UTM35,
    )
    path = tmp_path / "blocks.gpkg"
    units.to_file(path, driver="GPKG")
    return path


def _sheets(plan_file: Path, units: Path, id_field: str = "id", name_field: str = "name"):
    plan = load_plan(plan_file)
    ev = Evaluator(plan)
    report = ev.evaluate(gaps=False)
    facts = ev.resident_facts()
    frame = gpd.read_file(units).to_crs(plan.crs)
    ids, names = list(frame[id_field]), list(frame[name_field])
    sheets = resident_sheets(report, facts, ids, names, frame.geometry)
    return report, {s.id: s for s in sheets}


def test_each_block_walks_to_its_shelter(community: Path, tmp_path: Path) -> None:
    """The community's two streets cross without a shared vertex, so they are not joined: the
    north block (r3) is on the north-south street with the park shelter, the east and west
    blocks on the east-west street with the school yard."""
    _, sheets = _sheets(community, _units(tmp_path))
    north = sheets["N"]
    # r3 at (60, 300): 40 m to the street at x = 100, then south to y = 170, where the street
    # comes within the profile's 20 m entrance tolerance of the park's edge (y = 150): 40 + 130
    assert north.shelter_name == "Park shelter"
    assert north.shelter_distance_m == pytest.approx(170.0, abs=0.01)
    assert north.single and north.population == 45
    assert north.direction == 4  # south: the park's centre (130, 125) lies at 158° from (60, 300)
    east = sheets["E"]
    # r1 at (10, 10): 10 m to the street, 30 m west to x = -20, 20 m from the yard's edge
    assert east.shelter_name == "School yard"
    assert east.shelter_distance_m == pytest.approx(40.0, abs=0.01)
    empty = sheets["X"]
    assert empty.population == 0 and empty.shelter == -1 and empty.not_sheltered == ()


def test_the_sheets_add_up_to_the_report(community: Path, tmp_path: Path) -> None:
    report, sheets = _sheets(community, _units(tmp_path))
    assert report.shelters is not None
    assert sum(s.population for s in sheets.values()) == pytest.approx(report.population)
    sheltered = sum(s.sheltered for s in sheets.values())
    assert sheltered == pytest.approx(report.shelters.population_sheltered, abs=1e-3)
    # 245 persons; the school yard's 60 places are shared by the east and west blocks (180
    # persons) and the park takes the north block's 45: 140 without a place, listed by point
    left = sum(p for s in sheets.values() for _, p in s.not_sheltered)
    assert left == pytest.approx(report.population - report.shelters.population_sheltered, abs=1e-3)
    assert left == pytest.approx(140.0, abs=1e-3)
    named = {i for s in sheets.values() for i, _ in s.not_sheltered}
    assert named == {"r1", "r2"}


def test_the_chinese_sample_by_its_grids_matches_the_report() -> None:
    report, sheets = _sheets(SAMPLE, GRIDS, "编号", "名称")
    assert len(sheets) == 4
    assert report.shelters is not None
    total = sum(s.population for s in sheets.values())
    assert total == pytest.approx(report.population)
    sheltered = sum(s.sheltered for s in sheets.values())
    assert sheltered == pytest.approx(report.shelters.population_sheltered, abs=1e-2)
    # each service's persons within reach, unit by unit, add up to the report's coverage
    rated = {k: v.population_covered for k, v in (report.facilities or {}).items()}
    assert report.activity_spaces is not None
    rated |= {f"space_{n}": c.population_covered for n, c in report.activity_spaces.circles.items()}
    for key, covered in rated.items():
        here = sum(
            s.population * line.share_within
            for s in sheets.values()
            for line in s.services
            if line.key == key
        )
        assert here == pytest.approx(covered, rel=1e-9, abs=1e-6), key
    for sheet in sheets.values():
        assert sheet.shelter >= 0 and math.isfinite(sheet.shelter_distance_m)


def test_sheets_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheets.pdf"
    args = ["sheets", "--sample", "synthetic_cn", "--units", str(GRIDS), "--out", str(out)]
    assert main([*args, "-q"]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    first = reader.pages[0].extract_text()
    assert "Your emergency shelter" in first and "walk" in first and "网格" in first
    zh = tmp_path / "sheets_zh.pdf"
    assert main(["sheets", "--sample", "synthetic_cn", "--units", str(GRIDS), "--out", str(zh),
                 "--lang", "zh", "-q"]) == 0  # fmt: skip
    text = PdfReader(zh).pages[0].extract_text()
    assert "您的应急避难场所" in text and "标准步行距离内的日常服务" in text
    assert "Your emergency shelter" not in text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("out.png", "written as a PDF"),
        ("no-crs", "no CRS"),
    ],
)
def test_bad_input_is_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str, words: str
) -> None:
    units = GRIDS
    out = tmp_path / "sheets.pdf"
    if change == "out.png":
        out = tmp_path / "sheets.png"
    else:
        units = tmp_path / "grids.shp"  # a Shapefile without its .prj
        gpd.read_file(GRIDS).to_file(units, encoding="utf-8")
        units.with_suffix(".prj").unlink()
    args = ["sheets", "--sample", "synthetic_cn", "--units", str(units), "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert change == "out.png" or "units" in err  # the layer named as the command names it
    assert not out.exists()


def test_a_unit_split_between_shelters_names_both(community: Path, tmp_path: Path) -> None:
    """One block around all three resident points: 60 of its persons go to the school yard,
    45 to the park; the sheet names the first and lists the other with its persons."""
    everyone = gpd.GeoDataFrame(
        {"id": ["ALL"], "name": ["Whole community"]},
        geometry=[box(X0 - 20, Y0 + 1, X0 + 230, Y0 + 330)],
        crs=UTM35,
    )
    path = tmp_path / "all.gpkg"
    everyone.to_file(path, driver="GPKG")
    _, sheets = _sheets(community, path)
    sheet = sheets["ALL"]
    assert sheet.shelter_name == "School yard" and sheet.sheltered == pytest.approx(105.0)
    assert sheet.others == (("Park shelter", pytest.approx(45.0)),)


def test_services_the_plan_cannot_assess_are_left_off(community: Path, tmp_path: Path) -> None:
    """The tiny community has no activity spaces: no life circle is rated on its sheets (the
    report says 'not assessed', not 'nobody within reach')."""
    report, sheets = _sheets(community, _units(tmp_path))
    keys = {line.key for s in sheets.values() for line in s.services}
    assert not any(k.startswith("space_") for k in keys)
    unassessed = {i.key for i in report.indicators if i.status == "not_assessed"}
    assert not keys & unassessed


def test_a_unit_without_residents_says_so_once(
    community: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheets.pdf"
    assert (
        main(["sheets", str(community), "--units", str(_units(tmp_path)), "--out", str(out)]) == 0
    )
    assert "1 without residents" in capsys.readouterr().out
    pages = [p.extract_text() for p in PdfReader(out).pages]
    empty = next(p for p in pages if "Empty" in p)
    assert "No residents are recorded in this unit" in empty
    assert "Every resident point here has a place" not in empty and "No shelter" not in empty


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        ("overlap", "overlap"),
        ("duplicate", "is given to 2 units"),
        ("outside", "lie outside the plan"),
        ("no-id", "the units have no id field"),
    ],
)
def test_a_bad_units_file_speaks_of_units(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spoil: str, words: str
) -> None:
    """The units are read by the city health check's reader, but its messages name units (the
    command's word), never communities."""
    grids = gpd.read_file(GRIDS)
    id_field = next(c for c in ("id", "编号", "code") if c in grids.columns)
    if spoil == "overlap":
        grids.loc[1, "geometry"] = grids.geometry.iloc[0].buffer(0.001)  # degrees: about 100 m
    elif spoil == "duplicate":
        grids.loc[1, id_field] = grids.loc[0, id_field]
    elif spoil == "outside":
        grids["geometry"] = grids.geometry.translate(5, 0)  # 5° east: 500 km away
    else:
        grids = grids.rename(columns={c: f"x{i}" for i, c in enumerate(grids.columns[:-1])})
    units = tmp_path / "units.gpkg"
    grids.to_file(units, driver="GPKG")
    out = tmp_path / "sheets.pdf"
    args = ["sheets", "--sample", "synthetic_cn", "--units", str(units), "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert "communit" not in err and "city plan" not in err
    assert not out.exists()


def test_the_sheets_draw_with_the_map_sheets_public_helpers() -> None:
    """The resident sheets use the map sheet's scale bar and north arrow by their public
    names (no private name imported across modules)."""
    import ast

    from spaceplanner.outputs import mapsheet_map, resident_sheets

    tree = ast.parse(Path(resident_sheets.__file__).read_text(encoding="utf-8"))
    imported = [
        a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "spaceplanner.outputs.mapsheet_map"
        for a in node.names
    ]
    assert {"scale_bar", "north_arrow"} <= set(imported)
    assert not [n for n in imported if n.startswith("_")]
    assert {"scale_bar", "north_arrow"} <= set(mapsheet_map.__all__)
