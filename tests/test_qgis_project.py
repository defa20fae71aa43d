"""The QGIS files of an export: the project (.qgz) and the Shapefiles' styles (.qml)."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pyogrio
import pytest

from spaceplanner import evaluate, load_plan
from spaceplanner.outputs import symbols
from spaceplanner.outputs.exports import export, planned_outputs
from spaceplanner.results.labels import label
from spaceplanner.sample_maps import get_path


def _xml(text: str) -> ET.Element:
    """Parse QGIS XML (its DOCTYPE line first)."""
    return ET.fromstring(text.split("'SYSTEM'>", 1)[1] if text.startswith("<!DOCTYPE") else text)


def _rgba(colour: str, opacity: float = 1.0) -> str:
    value = colour.lstrip("#")
    rgb = ",".join(str(int(value[i : i + 2], 16)) for i in (0, 2, 4))
    return f"{rgb},{round(opacity * 255)}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    plan = load_plan(get_path("synthetic_cn"))
    out = tmp_path_factory.mktemp("qgz")
    export(plan, [evaluate(plan, scenario="all")], out, ["qgz", "shp"], lang="zh")
    return out


def test_qgz_is_a_project_whose_every_layer_exists(exported: Path) -> None:
    assert planned_outputs(["qgz"]) == ["project.qgz", "results.gpkg"]
    with zipfile.ZipFile(exported / "project.qgz") as zf:
        names = zf.namelist()
        assert [n for n in names if n.endswith(".qgs")] == ["project.qgs"]
        root = _xml(zf.read("project.qgs").decode("utf-8"))
    assert root.tag == "qgis" and root.get("version", "").startswith("3.")
    absolute = root.find("properties/Paths/Absolute")
    assert absolute is not None and absolute.text == "false"
    maplayers = root.findall("projectlayers/maplayer")
    assert len(maplayers) > 10
    tables = {t for t, _ in pyogrio.list_layers(exported / "results.gpkg")}
    ids = set()
    for layer in maplayers:
        source = layer.findtext("datasource") or ""
        path, *options = source.split("|")
        assert path.startswith("./"), source  # relative to the project
        assert (exported / path).is_file(), source
        table = dict(o.split("=", 1) for o in options)["layername"]
        assert table in tables, source
        assert layer.findtext("provider") == "ogr"
        assert layer.find("srs/spatialrefsys/wkt") is not None
        assert layer.find("renderer-v2") is not None
        ids.add(layer.findtext("id"))
    # the layer tree refers to exactly these layers, in groups named in the export's language
    tree = root.find("layer-tree-group")
    assert tree is not None
    refs = {n.get("id") for n in tree.iter("layer-tree-layer")}
    assert refs == ids
    groups = [g.get("name") for g in tree.findall("layer-tree-group")]
    assert label("gap_areas", "zh") in groups and label("violations", "zh") in groups


def test_project_layers_take_the_map_sheet_symbols(exported: Path) -> None:
    with zipfile.ZipFile(exported / "project.qgz") as zf:
        root = _xml(zf.read("project.qgs").decode("utf-8"))
    by_table: dict[str, list[ET.Element]] = {}
    for layer in root.findall("projectlayers/maplayer"):
        table = (layer.findtext("datasource") or "").split("layername=")[1].split("|")[0]
        by_table.setdefault(table, []).append(layer)
    gaps = by_table["gap_areas"]
    assert {g.findtext("subsetString") for g in gaps} >= {"\"indicator\" = 'space_5min'"}
    fill = gaps[0].find("renderer-v2/symbols/symbol/layer[@class='SimpleFill']")
    assert fill is not None
    options = {o.get("name"): o.get("value") for o in fill.iter("Option") if o.get("name")}
    gap = symbols.GAP_AREAS
    assert options["color"] == _rgba(gap.fill or "", gap.opacity)
    assert gaps[0].find("renderer-v2/symbols/symbol/layer[@class='LinePatternFill']") is not None
    # violations: one category per principle, in the principle's colour
    violations = by_table["violations"][0].find("renderer-v2")
    assert violations is not None and violations.get("type") == "categorizedSymbol"
    values = [c.get("value") for c in violations.iter("category")]
    assert values == ["avoid", "prevent", "giveway"]
    colours = {o.get("value") for o in violations.iter("Option") if o.get("name") == "color"}
    assert {_rgba(p.colour) for p in symbols.PRINCIPLES.values()} <= colours
    # facilities by kind, residents by shelter places
    kinds = by_table["plan_facilities"][0].find("renderer-v2")
    assert kinds is not None and kinds.get("attr") == "kind"
    residents = by_table["residents"][0].find("renderer-v2")
    assert residents is not None and residents.get("type") == "RuleRenderer"


def test_shapefiles_carry_readable_aliases_and_source_names(exported: Path) -> None:
    folder = exported / "shp"
    rows = list(csv.DictReader((folder / "fields.csv").open(encoding="utf-8")))
    plan_residents = {r["full_name"]: r for r in rows if r["file"] == "plan_residents.shp"}
    # the source's own column names are kept where they fit in 10 bytes (编号: 6 bytes of
    # UTF-8); 常住人口 (12 bytes) does not, and is the alias of the shortened field instead
    assert plan_residents["id"]["field"] == "编号"
    assert plan_residents["population"]["field"] == "population"
    assert plan_residents["population"]["alias"] == "常住人口"
    fields = pyogrio.read_info(folder / "plan_residents.shp", encoding="UTF-8")["fields"]
    assert "编号" in list(fields)
    residents = {r["full_name"]: r for r in rows if r["file"] == "residents.shp"}
    alias = residents["d_shelter"]["alias"]
    assert alias == f"{label('distance_m', 'zh')}: {label('shelter', 'zh')}"
    qml = _xml((folder / "residents.qml").read_text(encoding="utf-8"))
    aliases = {a.get("field"): a.get("name") for a in qml.iter("alias")}
    assert aliases[residents["d_shelter"]["field"]] == alias
    assert (folder / "plan_facilities.qml").is_file()
    # the rules name the fields as the file has them (cut to 10 bytes)
    rules = [r.get("filter") for r in qml.iter("rule")]
    assert any(residents["unsheltered"]["field"] in (r or "") for r in rules)


def test_gbk_shapefiles_keep_chinese_source_names_that_fit(tmp_path: Path) -> None:
    plan = load_plan(get_path("synthetic_cn"))
    export(plan, [evaluate(plan, scenario="all")], tmp_path, ["shp"], encoding="gbk")
    rows = list(csv.DictReader((tmp_path / "shp" / "fields.csv").open(encoding="utf-8")))
    fields = {r["full_name"]: r["field"] for r in rows if r["file"] == "plan_residents.shp"}
    assert fields["population"] == "常住人口"  # 8 bytes of GBK
