"""One look for every view: the web map and the map sheet draw each thing with the colour and
marker of spaceplanner.outputs.symbols (the desktop canvas is checked in tests/ui)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from spaceplanner import evaluate, load_plan
from spaceplanner.layers.catalogue import get_role
from spaceplanner.model.plan import Plan
from spaceplanner.model.styles import qml_for_layer, rgba
from spaceplanner.outputs import symbols
from spaceplanner.outputs.mapsheet_map import draw_map
from spaceplanner.outputs.webmap import write_webmap
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report
from spaceplanner.sample_maps import get_path

PRINCIPLES = ("避", "防", "让")


@pytest.fixture(scope="module")
def evaluated() -> dict[str, tuple[Plan, Report]]:
    """synthetic_cn (every role but buildings, all three principles, a shelter over capacity)
    and helsinki (buildings, facilities of six kinds)."""
    out = {}
    for sample in ("synthetic_cn", "helsinki"):
        plan = load_plan(get_path(sample))
        out[sample] = (plan, evaluate(plan, scenario="all"))
    return out


def _hex(colour: Any) -> str:
    return to_hex(colour, keep_alpha=False).lower()


# -- the table itself ---------------------------------------------------------------------------


def test_principles_differ_in_shape_colour_and_place() -> None:
    marks = [symbols.PRINCIPLES[p] for p in PRINCIPLES]
    assert len({m.marker for m in marks}) == 3  # told apart in greyscale
    assert len({m.colour for m in marks}) == 3
    assert [m.slot for m in marks] == [-1, 0, 1]  # 避 left, 防 centre, 让 right
    assert all(m.marker in symbols.MPL_MARKERS for m in marks)
    assert marks[0].offset(10.0) == (-11.0, 6.0)


def test_every_symbol_has_words_in_both_languages() -> None:
    keys = [symbols.role_symbol(r).key for r in symbols.ROLES]
    keys += [s.key for s in (symbols.COVERED, symbols.PARTLY_COVERED, symbols.NOT_COVERED)]
    keys += [symbols.GAP_AREAS.key, symbols.SERVICE_AREAS.key, symbols.UNCOVERED_RESIDENTS.key]
    keys += [symbols.OVER_CAPACITY.key, symbols.INELIGIBLE.key, symbols.SUGGESTED.key]
    keys += [c.key for c in symbols.LOAD_CLASSES] + list(symbols.FACILITY_KINDS) + list(PRINCIPLES)
    for key in keys:
        english, chinese = label(key, "en"), label(key, "zh")
        assert chinese != key.replace("_", " "), key  # a table entry
        assert english != chinese or "%" in english, key


def test_load_classes_cover_every_load_in_order() -> None:
    assert [symbols.load_class(x).key for x in (0.0, 0.49, 0.5, 0.79, 0.8, 0.998, 1.0, 3.0)] == [
        "load_low",
        "load_low",
        "load_mid",
        "load_mid",
        "load_high",
        "load_high",
        "load_full",
        "load_full",
    ]
    assert len({c.colour for c in symbols.LOAD_CLASSES}) == 4


def test_facility_kinds_are_the_catalogues_and_each_looks_its_own() -> None:
    kinds = get_role("facilities").fields["kind"].choices
    assert set(symbols.FACILITY_KINDS) == set(kinds)
    assert len(set(symbols.FACILITY_KINDS.values())) == len(kinds)  # (colour, shape) pairs
    unknown, other = symbols.facility_symbol("no such kind"), symbols.facility_symbol("other")
    assert (unknown.fill, unknown.marker) == (other.fill, other.marker)


def test_role_colours_are_the_catalogue_styles_qgis_gets() -> None:
    for role in symbols.ROLES:
        symbol = symbols.role_symbol(role)
        style = get_role(role).style
        assert symbol.stroke == style["stroke"]
        qml = qml_for_layer(get_role(role), "polygon", {})
        assert rgba(symbol.stroke) in qml
        if symbol.fill is not None:
            assert rgba(symbol.fill, symbol.opacity) in qml
    shelters = symbols.role_symbol("shelters").colour
    assert symbols.SERVICE_AREAS.stroke == shelters  # the shelters' blue, everywhere


# -- the web map --------------------------------------------------------------------------------


def _web_layers(page: str) -> dict[str, dict[str, Any]]:
    """Each overlay of a written web map, by its name in the layer control: the GeoJSON data
    the page adds and the HTML of its point icon (empty for circle markers)."""
    control = page[page.index("overlays :") :]
    found = re.findall(r'("[^"]+") : (geo_json_[0-9a-f]+),', control)
    names = {json.loads(name): var for name, var in found}  # names are JSON strings
    out = {}
    for name, var in names.items():
        start = page.index(f"function {var}_pointToLayer")
        data = re.compile(rf"{var}_add\((.*)\);\n").search(page, start)
        chunk = page[start : data.start()] if data else ""
        assert data is not None, name
        icon = re.search(r'"html": ("(?:[^"\\]|\\.)*")', chunk)
        out[name] = {
            "features": json.loads(data.group(1))["features"],
            "icon": json.loads(icon.group(1)) if icon else "",
        }
    return out


def _styles(layer: dict[str, Any], key: str) -> set[str]:
    return {str(f["properties"]["style"][key]).lower() for f in layer["features"]}


@pytest.fixture(scope="module")
def web(evaluated: dict[str, tuple[Plan, Report]], tmp_path_factory) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for sample, (plan, report) in evaluated.items():
        path = tmp_path_factory.mktemp(sample) / "map.html"
        page = write_webmap(plan, report, path).read_text(encoding="utf-8")
        out[sample] = (page, _web_layers(page))
    return out


def test_web_map_roles_take_their_symbol_colours(web: dict[str, Any]) -> None:
    _, layers = web["synthetic_cn"]
    _, helsinki = web["helsinki"]
    layers = {**layers, **helsinki}
    for role in ("boundary", "hazards", "network", "hazard_sources", "buildings"):
        symbol = symbols.role_symbol(role)
        layer = layers[label(role, "en")]
        assert _styles(layer, "color") == {symbol.stroke}, role
        if symbol.fill is not None:
            assert _styles(layer, "fillColor") == {symbol.fill}, role
    spaces = symbols.role_symbol("activity_spaces")
    assert _styles(layers[label("activity_spaces", "en")], "fillColor") == {spaces.fill}
    # a line (the high-voltage line) is drawn as a line, not filled into a polygon
    lines = [
        f
        for f in layers[label("hazard_sources", "en")]["features"]
        if f["geometry"]["type"] == "LineString"
    ]
    assert lines and not any(f["properties"]["style"].get("fill") for f in lines)


def test_web_map_results_take_their_symbol_colours(web: dict[str, Any]) -> None:
    page, layers = web["synthetic_cn"]
    shelter = "Shelter within reach, with room"
    states = {s.fill for s in (symbols.COVERED, symbols.NOT_COVERED)}
    drawn = set().union(
        *(_styles(layer, "fillColor") for n, layer in layers.items() if n.startswith("Residents"))
    )
    assert states <= drawn <= states | {symbols.PARTLY_COVERED.fill}
    gaps = [layer for n, layer in layers.items() if n.startswith("Gap areas: ")]
    assert gaps
    for layer in gaps:
        assert _styles(layer, "color") == {symbols.GAP_AREAS.stroke}
        assert _styles(layer, "fillColor") == {"url(#sp-hatch-gap)"}
    hatch = re.search(r'<pattern id="sp-hatch-gap".*?</pattern>', page)
    assert hatch is not None and f'fill="{symbols.GAP_AREAS.fill}"' in hatch.group(0)
    service = layers[f"Service areas: {shelter}"]
    assert _styles(service, "fillColor") == {symbols.SERVICE_AREAS.fill.lower()}

    shelters = layers[label("shelters", "en")]["features"]
    loads = {c.colour for c in symbols.LOAD_CLASSES} | {symbols.INELIGIBLE.colour}
    assert {f["properties"]["style"]["fillColor"] for f in shelters} <= loads
    over = [f for f in shelters if f["properties"]["style"]["weight"] == 3]
    assert over and {f["properties"]["style"]["color"] for f in over} == {
        symbols.OVER_CAPACITY.stroke
    }


def test_web_map_facilities_and_principles_take_their_symbols(web: dict[str, Any]) -> None:
    _, layers = web["helsinki"]
    kinds = {k: v for k, v in layers.items() if k.startswith("Community facilities: ")}
    assert len(kinds) == 6
    for name, layer in kinds.items():
        kind = next(k for k in symbols.FACILITY_KINDS if label(k, "en") == name.split(": ")[1])
        assert f'fill="{symbols.facility_symbol(kind).fill}"' in layer["icon"], name
    _, layers = web["synthetic_cn"]
    shapes = set()
    for p in PRINCIPLES:
        mark = symbols.PRINCIPLES[p]
        icon = layers[f"Siting violations: {label(p, 'en')}"]["icon"]
        assert f"background:{mark.colour}" in icon and p in icon
        shapes.add(re.search(r"sp-(circle|square|diamond)", icon).group(1))  # type: ignore[union-attr]
    assert shapes == {"circle", "square", "diamond"}


# -- the map sheet ------------------------------------------------------------------------------


def _handles(plan: Plan, report: Report, indicator: str = "shelter") -> dict[str, Any]:
    fig = Figure(figsize=(8, 6))
    handles = draw_map(fig.add_subplot(), plan, report, "en", indicator, 1.0)
    return {h.get_label(): h for h in handles}


def test_map_sheet_legend_takes_the_symbol_colours(
    evaluated: dict[str, tuple[Plan, Report]],
) -> None:
    handles = _handles(*evaluated["synthetic_cn"])
    helsinki = _handles(*evaluated["helsinki"])

    def face(name: str) -> str:
        handle = handles.get(name) or helsinki[name]
        assert isinstance(handle, Patch), name
        return _hex(handle.get_facecolor())

    assert face("Service areas: Shelter within reach, with room") == symbols.SERVICE_AREAS.fill
    gap = handles["Gap areas: Shelter within reach, with room"]
    assert face(gap.get_label()) == symbols.GAP_AREAS.fill.lower()
    assert _hex(gap.get_edgecolor()) == symbols.GAP_AREAS.stroke.lower() and gap.get_hatch()
    for role in ("hazards", "activity_spaces", "buildings"):
        assert face(label(role, "en")) == symbols.role_symbol(role).fill, role
    for role in ("network", "boundary"):
        line = handles[label(role, "en")]
        assert (
            isinstance(line, Line2D) and _hex(line.get_color()) == symbols.role_symbol(role).stroke
        )

    shelters = handles[label("shelter_size", "en")]
    assert _hex(shelters.get_markerfacecolor()) == symbols.role_symbol("shelters").fill
    ring = handles[label("over_capacity", "en")]
    assert _hex(ring.get_markeredgecolor()) == symbols.OVER_CAPACITY.stroke.lower()
    source = handles[label("hazard_sources", "en")]
    assert _hex(source.get_color()) == symbols.role_symbol("hazard_sources").fill
    assert source.get_marker() == symbols.MPL_MARKERS["hexagon"]

    for kind in ("kindergarten", "clinic", "elderly_care"):
        line = handles[label(kind, "en")]
        symbol = symbols.facility_symbol(kind)
        assert _hex(line.get_color()) == symbol.fill.lower()
        assert line.get_marker() == symbols.MPL_MARKERS[symbol.marker]
    markers = set()
    for p in PRINCIPLES:
        line = handles[label(p, "en")]
        mark = symbols.PRINCIPLES[p]
        assert _hex(line.get_color()) == mark.colour.lower()
        markers.add(line.get_marker())
    assert markers == {"o", "s", "D"}


def test_map_sheet_draws_the_principles_beside_each_other(
    evaluated: dict[str, tuple[Plan, Report]],
) -> None:
    """Each principle's markers are drawn in its colour, 避 left of 防 left of 让 on the page."""
    plan, report = evaluated["synthetic_cn"]
    fig = Figure(figsize=(8, 6))
    ax = fig.add_subplot()
    draw_map(ax, plan, report, "en", "shelter", 1.0)
    drawn = {
        _hex(line.get_color()): line
        for line in ax.get_lines()
        if line.get_marker() in ("o", "s", "D") and line.get_zorder() == 11
    }
    shift = {}
    for p in PRINCIPLES:
        line = drawn[symbols.PRINCIPLES[p].colour.lower()]
        x, y = line.get_xdata()[0], line.get_ydata()[0]
        page = line.get_transform().transform((x, y))
        plain = ax.transData.transform((x, y))
        shift[p] = page - plain
    assert shift["避"][0] < -1 and shift["让"][0] > 1
    assert shift["防"][0] == pytest.approx(0.0, abs=1e-6)
    assert all(s[1] > 0 for s in shift.values())  # above the site


def test_web_map_chinese_legend_uses_the_label_table(
    evaluated: dict[str, tuple[Plan, Report]], tmp_path: Path
) -> None:
    plan, report = evaluated["synthetic_cn"]
    page = write_webmap(plan, report, tmp_path / "zh.html", lang="zh").read_text("utf-8")
    legend = page[page.index('id="sp-legend"') :]
    legend = legend[: legend.index("<script")]
    for key in ("sheltered_part", "ineligible", "load_full", "hazards", "gap_areas"):
        assert label(key, "zh") in legend, key
    assert "hazard zone" not in legend and "Suggested" not in legend
