"""Shelter classes are said by their class terms (GB 51143-2015 §3.1.4: 紧急/固定/中心避难场所)
wherever a class is shown, and the periods keep 平时/急时: "emergency" is both a period and a
class, and a class shown as 急时 reads as "in an emergency", not as a kind of shelter."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pyogrio
import pytest

from spaceplanner import evaluate, load_plan
from spaceplanner.layers.catalogue import get_role
from spaceplanner.model.plan import Plan
from spaceplanner.model.plan_file import save_plan
from spaceplanner.outputs import symbols
from spaceplanner.outputs.exports import export
from spaceplanner.outputs.tables import people_tables
from spaceplanner.outputs.webmap import write_webmap
from spaceplanner.results.labels import label, shelter_class_label
from spaceplanner.results.report import Report
from spaceplanner.sample_maps import get_path

TERMS_ZH = {
    "emergency": "紧急避难场所",
    "fixed": "固定避难场所",
    "fixed_short": "短期固定避难场所",
    "fixed_mid": "中期固定避难场所",
    "fixed_long": "长期固定避难场所",
    "central": "中心避难场所",
}


@pytest.fixture(scope="module")
def evaluated() -> tuple[Plan, Report]:
    plan = load_plan(get_path("synthetic_cn"))
    return plan, evaluate(plan, scenario="all")


def test_class_terms_and_periods_are_told_apart() -> None:
    for value, term in TERMS_ZH.items():
        assert shelter_class_label(value, "zh") == term
        assert shelter_class_label(value, "en").endswith("shelter")
    assert set(TERMS_ZH) == set(get_role("shelters").fields["class"].choices)
    assert label("emergency", "zh") == "急时" and label("normal", "zh") == "平时"
    assert shelter_class_label("emergency", "en") == "Emergency shelter"
    assert shelter_class_label("tent camp", "zh") == "tent camp"  # not a class: as it is
    assert shelter_class_label(None, "zh") == ""


def test_the_shelters_table_names_classes(evaluated: tuple[Plan, Report]) -> None:
    plan, report = evaluated
    table = people_tables(plan, [report], "zh")["shelters"]
    at = [c.key for c in table.columns].index("class")
    shown = [row[at] for row in table.rows]
    classes = [s.shelter_class for s in report.shelters.by_shelter]
    assert "fixed" in classes and "emergency" in classes  # the sample has both
    assert shown == [TERMS_ZH[c] for c in classes]
    assert "急时" not in shown
    english = people_tables(plan, [report], "en")["shelters"]
    assert {row[at] for row in english.rows} == {"Emergency shelter", "Fixed shelter"}


def test_the_web_maps_shelter_popups_name_classes(
    evaluated: tuple[Plan, Report], tmp_path: Path
) -> None:
    plan, report = evaluated
    page = write_webmap(plan, report, tmp_path / "map.html", lang="zh").read_text("utf-8")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)
    shown = re.findall(r"<th>类别</th><td>([^<]*)</td>", text)  # the popup's class row
    classes = [s.shelter_class for s in report.shelters.by_shelter]
    assert set(shown) == {TERMS_ZH[c] for c in classes}  # each shelter's class (popups of
    # the shelters' layer and of the plan's layer), never the period 急时 or the raw value


def _qml_renderer(text: str) -> ET.Element:
    root = ET.fromstring(text.split("'SYSTEM'>", 1)[1])
    renderer = root.find("renderer-v2")
    assert renderer is not None
    return renderer


def _categories(renderer: ET.Element) -> dict[str, tuple[str, str, str]]:
    """Each category's value: its label, its symbol's fill colour and marker name."""
    symbols_by_name = {s.get("name"): s for s in renderer.iter("symbol")}
    out = {}
    for cat in renderer.iter("category"):
        symbol = symbols_by_name[cat.get("symbol")]
        options = {o.get("name"): o.get("value") for o in symbol.iter("Option") if o.get("name")}
        out[cat.get("value") or ""] = (
            cat.get("label") or "",
            options.get("color", ""),
            options.get("name", ""),
        )
    return out


def _rgb(colour: str) -> str:
    value = colour.lstrip("#")
    return ",".join(str(int(value[i : i + 2], 16)) for i in (0, 2, 4))


def test_the_qgis_project_draws_shelters_by_class_with_the_desktops_symbols(
    evaluated: tuple[Plan, Report], tmp_path: Path
) -> None:
    plan, report = evaluated
    export(plan, [report], tmp_path, ["qgz"], lang="zh")
    with zipfile.ZipFile(tmp_path / "project.qgz") as zf:
        root = ET.fromstring(zf.read("project.qgs").decode("utf-8").split("'SYSTEM'>", 1)[1])
    layers = {
        (lyr.findtext("datasource") or "").split("layername=")[1].split("|")[0]: lyr
        for lyr in root.findall("projectlayers/maplayer")
    }
    shelters = layers["plan_shelters"]
    renderer = shelters.find("renderer-v2")
    assert renderer is not None and renderer.get("attr") == "class"
    cats = _categories(renderer)
    for value, (colour, _marker) in symbols.SHELTER_CLASSES.items():
        text, fill, _ = cats[value]
        assert text == TERMS_ZH[value]
        assert fill.startswith(_rgb(colour) + ",")
    # the desktop draws the same colours (its classes of the same layer)
    from spaceplanner.ui.canvas.classes import classify

    layer = plan.layers["shelters"]
    desktop = classify(layer.frame, "shelters", {}, layer.constants)
    assert desktop is not None
    for cls in desktop:
        assert cats[cls.label][1].startswith(_rgb(cls.fill) + ",")
    # facilities by kind: each kind's colour and shape
    facilities = layers["plan_facilities"].find("renderer-v2")
    assert facilities is not None
    kinds = _categories(facilities)
    assert kinds["kindergarten"][0] == "幼儿园"
    for kind, (colour, _marker) in symbols.FACILITY_KINDS.items():
        assert kinds[kind][1].startswith(_rgb(colour) + ",")
    # labelled by name
    assert shelters.get("labelsEnabled") == "1"
    style = shelters.find("labeling/settings/text-style")
    assert style is not None and style.get("fieldName") == "name"
    assert layers["plan_roads"].get("labelsEnabled") == "0"  # streets are not labelled


def test_the_plan_geopackage_styles_carry_the_categories(
    evaluated: tuple[Plan, Report], tmp_path: Path
) -> None:
    plan, _ = evaluated
    path = save_plan(plan, tmp_path / "plan.gpkg")
    styles = pyogrio.read_dataframe(path, layer="layer_styles", read_geometry=False)
    qml = dict(zip(styles["f_table_name"], styles["styleQML"], strict=True))
    shelters = _qml_renderer(qml["shelters"])
    assert shelters.get("type") == "categorizedSymbol" and shelters.get("attr") == "class"
    cats = _categories(shelters)
    for value, (colour, _marker) in symbols.SHELTER_CLASSES.items():
        assert cats[value][1].startswith(_rgb(colour) + ",")
    assert "" in cats  # other values (and a class given as the layer's constant)
    facilities = _categories(_qml_renderer(qml["facilities"]))
    geometry = plan.layers["facilities"].geometry_types()[0]
    for kind, (colour, marker) in symbols.FACILITY_KINDS.items():
        assert facilities[kind][1].startswith(_rgb(colour) + ",")
        if "Point" in geometry:
            shape = {"triangle_up": "triangle", "plus": "cross_fill", "thin_diamond": "diamond"}
            assert facilities[kind][2] == shape.get(marker, marker.split("_")[0])
    root = ET.fromstring(qml["shelters"].split("'SYSTEM'>", 1)[1])
    assert root.get("labelsEnabled") == "1"
    assert root.find("labeling/settings/text-style").get("fieldName") == "name"
