"""Comparing two evaluations: hand-computed changes on the tiny community, a scenario switch on
the Chinese sample, and the command as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from conftest import UTM35, X0, Y0
from shapely.geometry import Point, box

from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.results.compare import compare
from spaceplanner.sample_maps import get_path


def _variant(community: Path, *, school_capacity: int, petrol: bool) -> Path:
    """The tiny community with another school-yard capacity and maybe a petrol station 30 m
    from the park shelter (the GB profile keeps 50 m)."""
    folder = community.parent
    shelters = gpd.read_file(folder / "sites.gpkg", layer="shelters")
    shelters.loc[1, "容纳人数"] = school_capacity
    name = f"sites_{school_capacity}.gpkg"
    shelters.to_file(folder / name, layer="shelters", driver="GPKG")
    text = community.read_text(encoding="utf-8").replace('path = "sites.gpkg"', f'path = "{name}"')
    if petrol:
        gpd.GeoDataFrame(
            {"name": ["Petrol"], "kind": ["petrol_station"]},
            geometry=[Point(X0 + 190, Y0 + 125)],  # 30 m east of the park's east edge
            crs=UTM35,
        ).to_file(folder / "petrol.geojson", driver="GeoJSON")
        text += '\n[layers.petrol]\nrole = "hazard_sources"\npath = "petrol.geojson"\n'
    path = folder / f"variant_{school_capacity}_{petrol}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _band_share() -> float:
    """The share of the park shelter within 50 m of the petrol station (shapely, exact enough:
    a 64-segment circle)."""
    park = box(X0 + 100, Y0 + 100, X0 + 160, Y0 + 150)
    band = Point(X0 + 190, Y0 + 125).buffer(50, quad_segs=64)
    return park.intersection(band).area / park.area


def _report(plan: Path, **kw):
    return Evaluator(load_plan(plan)).evaluate(gaps=False, **kw)


def test_more_places_in_the_school_yard(community: Path) -> None:
    """The school yard is the east and west blocks' only shelter (180 persons, 60 places):
    40 more places shelter 40 more persons, and nothing else changes."""
    before = _report(community)
    after = _report(_variant(community, school_capacity=100, petrol=False))
    result = compare(before, after)
    assert result.sheltered_delta == pytest.approx(40.0)
    assert result.violations_added == () and result.violations_removed == ()
    sheltered = next(c for c in result.indicators if c.id == "shelter.sheltered")
    assert sheltered.delta == pytest.approx(40.0 / 245.0)
    assert sheltered.better is True and sheltered.delta_text() == "+16.3 pp"
    assert {c.id for c in result.changed()} == {"shelter.sheltered", "shelter.capacity"}
    assert result.headline() == "+40 persons sheltered, 2 indicators better, 0 worse"
    assert result.headline("zh").startswith("避难安置 +40 人")
    assert compare(before, before).headline() == "no change from the reference"


def test_a_petrol_station_next_to_the_park_is_a_new_violation(community: Path) -> None:
    before = _report(community)
    after = _report(_variant(community, school_capacity=60, petrol=True))
    result = compare(before, after)
    assert [(v.principle, v.site.feature) for v in result.violations_added] == [
        ("防", str(load_plan(community).layers["shelters"].frame["id"].iloc[0]))
    ]
    assert result.violations_removed == ()
    # the 50 m band takes a part of the park (60 x 50 m, 150 places): the part within 50 m of
    # the station, 20 m deep along its east edge less the corners' rounding, is not counted;
    # the north block's 45 persons still fit, so no one loses a place
    assert result.sheltered_delta == pytest.approx(0.0)
    capacity = next(c for c in result.changed() if c.id == "shelter.capacity")
    assert result.changed() == [capacity] and capacity.better is False
    assert -capacity.delta == pytest.approx(150 * _band_share(), rel=1e-3)
    assert result.headline() == "+1 violation (1 new, 0 gone), 0 indicators better, 1 worse"
    back = compare(after, before)  # and the other way round
    assert len(back.violations_removed) == 1 and back.violations_added == ()


def test_a_scenario_switch_on_the_chinese_sample() -> None:
    plan = get_path("synthetic_cn")
    flood, quake = _report(plan, scenario="flood"), _report(plan, scenario="earthquake")
    result = compare(flood, quake)
    # the flood zone's 避 violations go when the scenario is an earthquake
    gone = {(v.principle, v.rule) for v in result.violations_removed}
    assert gone and all(p == "避" for p, _ in gone)
    assert len(flood.violations) - len(result.violations_removed) + len(
        result.violations_added
    ) == len(quake.violations)


def test_compare_from_the_command_line(community: Path, capsys: pytest.CaptureFixture[str]):
    after = _variant(community, school_capacity=100, petrol=False)
    assert main(["compare", str(community), str(after), "--json", "-", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sheltered_change"] == pytest.approx(40.0)
    assert data["headline"].startswith("+40 persons sheltered")
    row = next(r for r in data["indicators"] if r["id"] == "shelter.sheltered")
    assert row["better"] is True and row["after"] - row["before"] == pytest.approx(40 / 245)
    assert main(["compare", str(community), str(after)]) == 0
    text = capsys.readouterr().out
    assert "+40 persons sheltered" in text and "Sheltered" in text
    assert main(["compare", str(community.parent / "missing.toml")]) == 2


def test_json_over_an_input_is_refused(community: Path, capsys: pytest.CaptureFixture[str]):
    text = community.read_text(encoding="utf-8")
    assert main(["compare", str(community), "--json", str(community), "-q"]) == 2
    assert "replace an input" in capsys.readouterr().err
    assert community.read_text(encoding="utf-8") == text  # the plan is untouched


def test_a_plan_without_its_shelters_is_not_better(community: Path) -> None:
    """Removing the shelters layer takes the shelter indicators out of the evaluation: they are
    no longer assessed, which is neither better nor worse, and the headline says so."""
    text = community.read_text(encoding="utf-8")
    cut = text[: text.index("[layers.shelters]")] + text[text.index("[layers.walk]") :]
    without = community.parent / "without_shelters.toml"
    without.write_text(cut, encoding="utf-8")
    result = compare(_report(community), _report(without))
    shelter = [c for c in result.changed() if c.id.startswith("shelter.")]
    assert shelter and all(c.better is None for c in shelter)
    assert "2 indicators no longer assessed" in result.headline()
    assert "better" not in result.headline() or "0 indicators better" in result.headline()
