"""The complete-community / urban health check profile (``--rules cn-community``): required
facilities within the 5-minute circle, activity-space coverage by size bands
(公园绿地服务半径覆盖率), park green area per person and effective shelter area per person —
checked on a plan solved by hand and, for the walking distances, with networkx; and bad profile
values refused."""

from __future__ import annotations

import itertools
import json
import math
from importlib import resources
from pathlib import Path

import geopandas as gpd
import jsonschema
import networkx as nx
import pytest
from conftest import UTM35, X0, Y0, write_toml
from shapely.geometry import LineString, Point, box

from spaceplanner import evaluate
from spaceplanner.cli import main
from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.errors import RuleError
from spaceplanner.model.plan import Plan
from spaceplanner.model.rules import load_profile
from spaceplanner.results.indicators import indicator_rows
from spaceplanner.results.labels import label

SCHEMA = json.loads(
    resources.files("spaceplanner.results").joinpath("report.schema.json").read_text("utf-8")
)

# A street along y = 0 from x = -2000 to 2000 (plan coordinates relative to X0, Y0). The spaces
# lie 10 m below it; the network within 20 m of a space (entrance_tolerance_m) reaches it, so a
# space spanning x0..x1 is entered from the street at x0 - √300 and x1 + √300.
EDGE = math.sqrt(20**2 - 10**2)

#: name: (x0, x1, depth below the street's 10 m gap, kind)
SPACES = {
    "A": (0.0, 100.0, 100.0, "park"),  # 10,000 m²: band ≥ 5000 → 500 m; a community park
    "B": (1000.0, 1060.0, 50.0, "garden"),  # 3,000 m²: band 2000–5000 → 300 m
    "C": (-600.0, -590.0, 20.0, "square"),  # 200 m²: an activity site, not a park
    "D": (1500.0, 1550.0, 30.0, "park"),  # 1,500 m²: below every park band
    "E": (-1500.0, -1400.0, 50.0, None),  # 5,000 m² without a kind: kept by every kind filter
}
#: resident: (x on the street, persons)
RESIDENTS = {
    "r1": (-250.0, 100.0),
    "r2": (700.0, 200.0),
    "r3": (1300.0, 300.0),
    "r4": (-1000.0, 400.0),
    "r5": (1900.0, 500.0),
    "r6": (1450.0, 600.0),
    "r7": (-450.0, 700.0),
}
TOTAL = sum(p for _, p in RESIDENTS.values())  # 2800


def area(name: str) -> float:
    x0, x1, depth, _ = SPACES[name]
    return (x1 - x0) * depth


def frame(geoms, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM35)


def health_plan(*, facilities: bool = True, targets: dict | None = None) -> Plan:
    names = list(SPACES)
    spaces = frame(
        [box(X0 + x0, Y0 - 10 - depth, X0 + x1, Y0 - 10) for x0, x1, depth, _ in SPACES.values()],
        id=names,
        kind=[SPACES[n][3] for n in names],
    )
    layers = {
        "residents": (
            "residents",
            frame(
                [Point(X0 + x, Y0) for x, _ in RESIDENTS.values()],
                id=list(RESIDENTS),
                population=[p for _, p in RESIDENTS.values()],
            ),
        ),
        "network": ("network", frame([LineString([(X0 - 2000, Y0), (X0 + 2000, Y0)])])),
        "parks": ("activity_spaces", spaces),
        # 40 x 35 m = 1400 m² of shelter, clear of every hazard: 1400 / 2800 = 0.5 m²/person
        "shelters": ("shelters", frame([box(X0 + 200, Y0 + 10, X0 + 240, Y0 + 45)], id=["S1"])),
    }
    if facilities:
        layers["services"] = (
            "facilities",
            frame(
                [Point(X0, Y0 + 5), Point(X0 + 1300, Y0 + 5)],
                id=["K1", "M1"],
                kind=["kindergarten", "综合超市"],
            ),
        )
    return Plan.from_frames("health check", layers, targets=targets)


def street_graph() -> nx.Graph:
    """The street as a networkx path through every resident and every space entrance."""
    xs = {-2000.0, 2000.0, *(x for x, _ in RESIDENTS.values())}
    for x0, x1, _, _ in SPACES.values():
        xs |= {x0 - EDGE, x1 + EDGE}
    g = nx.Graph()
    ordered = sorted(xs)
    for a, b in itertools.pairwise(ordered):
        g.add_edge(a, b, weight=b - a)
    return g


def covered_by(names: list[str], radius: float) -> set[str]:
    """Residents within ``radius`` along the street of a space of ``names`` (networkx)."""
    g = street_graph()
    out: set[str] = set()
    for name in names:
        x0, x1, _, _ = SPACES[name]
        reach = nx.multi_source_dijkstra_path_length(
            g, {x0 - EDGE, x1 + EDGE}, cutoff=radius, weight="weight"
        )
        inside = {r for r, (x, _) in RESIDENTS.items() if x0 - EDGE <= x <= x1 + EDGE}
        out |= {r for r, (x, _) in RESIDENTS.items() if x in reach} | inside
    return out


def persons(residents: set[str]) -> float:
    return float(sum(RESIDENTS[r][1] for r in residents))


@pytest.fixture(scope="module")
def report():
    return evaluate(health_plan(), rules="cn-community", gaps=False)


def by_id(report) -> dict[str, dict]:
    return {row["id"]: row for row in report.to_dict()["indicators"]}


# -- park service-radius coverage by size bands -----------------------------------------------


def test_park_coverage_bands_against_networkx_and_by_hand(report) -> None:
    cov = report.to_dict()["space_coverage"]["park_coverage"]
    small, large = cov["bands"]
    assert (small["min_area_m2"], small["max_area_m2"], small["radius_m"]) == (2000, 5000, 300)
    assert (large["min_area_m2"], large["max_area_m2"], large["radius_m"]) == (5000, None, 500)
    # B (3000 m²) is the only park of 2000–5000 m²; A (1 ha) and E (no kind, 5000 m²) the large
    # ones; D (1500 m²) is in no band and C is a square
    assert small["spaces_counted"] == 1 and large["spaces_counted"] == 2
    assert cov["spaces_without_kind"] == 1
    by_small, by_large = covered_by(["B"], 300), covered_by(["A", "E"], 500)
    # by hand: r2 and r3 are 282.68 and 222.68 m from B; r6 is 372.68 m from B (beyond 300 m
    # although a 5000 m² park would reach it); r1, r7 are 232.68 and 432.68 m from A, r4 382.68
    # m from E
    assert by_small == {"r2", "r3"} and by_large == {"r1", "r4", "r7"}
    assert small["population_covered"] == pytest.approx(persons(by_small))
    assert large["population_covered"] == pytest.approx(persons(by_large))
    assert cov["population_covered"] == pytest.approx(1700)
    assert cov["share_covered"] == pytest.approx(1700 / TOTAL)
    row = by_id(report)["park_coverage.covered"]
    assert (row["target"], row["status"], row["group"], row["key"]) == (
        0.8,
        "fail",
        "activity_spaces",
        "park_coverage",
    )
    assert "GB 55014-2021" in row["target_source"] and "GB/T 50563" in row["source"]


def test_activity_spaces_by_minimum_size_within_300_m(report) -> None:
    cov = report.to_dict()["space_coverage"]
    # 公共活动场地 ≥ 150 m², any kind: every space
    site = covered_by(["A", "B", "C", "D", "E"], 300)
    assert site == {"r1", "r2", "r3", "r6", "r7"}
    assert cov["activity_site"]["population_covered"] == pytest.approx(persons(site))
    assert cov["activity_site"]["bands"][0]["spaces_counted"] == 5
    # 社区游园 ≥ 4000 m² of a park kind (or none given): A and E; only r1 is within 300 m
    park = covered_by(["A", "E"], 300)
    assert park == {"r1"}
    assert cov["neighbourhood_park"]["population_covered"] == pytest.approx(persons(park))
    rows = by_id(report)
    assert rows["activity_site.covered"]["value"] == pytest.approx(1900 / TOTAL)
    assert rows["neighbourhood_park.covered"]["status"] == "fail"


# -- area per person ---------------------------------------------------------------------------


def test_park_green_and_community_park_per_person_by_hand(report) -> None:
    areas = report.to_dict()["space_per_capita"]
    green = areas["park_green"]
    # parks, gardens, green and spaces without a kind; not the square
    want = area("A") + area("B") + area("D") + area("E")
    assert green["area_m2"] == pytest.approx(want) and want == pytest.approx(19_500)
    assert green["per_capita_m2"] == pytest.approx(want / TOTAL)
    assert (green["spaces_counted"], green["spaces_without_kind"]) == (4, 1)
    community = areas["community_park"]
    # 1 ha <= area < 10 ha: A only
    assert community["spaces_counted"] == 1
    assert community["per_capita_m2"] == pytest.approx(10_000 / TOTAL)
    rows = by_id(report)
    assert (rows["park_green.per_capita"]["target"], rows["park_green.per_capita"]["status"]) == (
        8.0,
        "fail",
    )
    assert rows["community_park.per_capita"]["status"] == "pass"  # 3.57 ≥ 3.0
    assert rows["park_green.per_capita"]["unit"] == "m2/person"


def test_effective_shelter_area_per_person(report) -> None:
    row = by_id(report)["shelter_area.per_capita"]
    assert row["value"] == pytest.approx(1400 / TOTAL)
    assert report.shelters is not None
    assert row["value"] == pytest.approx(report.shelters.effective_area_m2 / report.population)
    assert (row["target"], row["status"], row["group"], row["period"]) == (
        1.0,
        "fail",
        "shelters",
        "emergency",
    )
    assert "避/防/让" in row["source"]


# -- required facilities -------------------------------------------------------------------------


def test_required_facilities_are_reported_even_without_a_site(report) -> None:
    facilities = report.to_dict()["facilities"]
    required = load_profile("cn-community").required_facilities
    assert set(required) == {
        "community_service",
        "kindergarten",
        "nursery",
        "elderly_care",
        "clinic",
        "supermarket",
        "express_delivery",
    }
    assert set(required) <= set(facilities)
    # the kindergarten 5 m off the street at x = 0: r1 (250 m) only; the supermarket at 1300:
    # r3 (at it) and r6 (150 m), not r2 or r5 (600 m)
    assert facilities["kindergarten"]["population_covered"] == pytest.approx(100)
    assert facilities["supermarket"]["population_covered"] == pytest.approx(900)
    rows = by_id(report)
    for kind in ("nursery", "express_delivery", "clinic"):
        assert facilities[kind]["count"] == 0 and facilities[kind]["share_covered"] == 0
        assert rows[f"{kind}.covered"]["status"] == "fail"
        assert facilities[kind]["radius_m"] == 300


def test_without_a_facilities_layer_required_kinds_are_not_assessed() -> None:
    report = evaluate(health_plan(facilities=False), rules="cn-community", gaps=False)
    rows = by_id(report)
    assert rows["nursery.covered"]["status"] == "not_assessed"
    assert "no facilities layer" in rows["nursery.covered"]["reason"]
    assert report.facilities == {}


# -- the report contract -----------------------------------------------------------------------


def test_the_report_validates_and_other_profiles_are_unchanged(report) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(report.to_json()))
    plain = evaluate(health_plan(), gaps=False)  # cn-gb
    data = plain.to_dict()
    assert "space_coverage" not in data and "space_per_capita" not in data
    ids = {row["id"] for row in data["indicators"]}
    assert not ids & {"park_coverage.covered", "park_green.per_capita", "shelter_area.per_capita"}
    assert "nursery" not in data["facilities"]  # not required by cn-gb
    emergency = evaluate(health_plan(), rules="cn-community", period="emergency", gaps=False)
    assert emergency.space_coverage is None and "space_coverage" not in emergency.to_dict()
    assert emergency.indicator("shelter_area.per_capita") is not None


def test_plan_targets_override_the_new_indicators() -> None:
    plan = health_plan(targets={"park_coverage": {"covered": 0.6}, "park_green": {"per_capita": 6}})
    rows = by_id(evaluate(plan, rules="cn-community", gaps=False))
    assert (rows["park_coverage.covered"]["status"], rows["park_coverage.covered"]["target"]) == (
        "pass",
        0.6,
    )
    assert rows["park_green.per_capita"]["target_source"] == "set by the plan"
    assert rows["park_green.per_capita"]["status"] == "pass"


def test_labels_in_both_languages(report) -> None:
    rows = {r["id"]: r["indicator"] for r in indicator_rows(report, "zh")}
    assert rows["park_coverage.covered"].startswith("公园绿地服务半径覆盖率")
    assert rows["shelter_area.per_capita"].startswith("避难场所有效避难面积")
    assert rows["express_delivery.covered"].startswith("快递")
    for key in ("supermarket", "express_delivery", "park_coverage", "activity_site"):
        assert label(key, "en") != key.replace("_", " ")
        assert label(key, "zh") != label(key, "en")


def test_new_kinds_read_from_chinese_names() -> None:
    kind = get_role("facilities").fields["kind"]
    assert kind.canonical_value("综合超市") == "supermarket"
    assert kind.canonical_value("快递驿站") == "express_delivery"
    assert kind.canonical_value("智能快件箱") == "express_delivery"


def test_the_cli_evaluates_the_sample_with_the_profile(capsys) -> None:
    code = main(["evaluate", "--sample", "synthetic_cn", "--rules", "cn-community", "--json", "-"])
    out = capsys.readouterr()
    assert code == 0
    data = json.loads(out.out)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    ids = {row["id"]: row for row in data["indicators"]}
    for ident in (
        "park_coverage.covered",
        "park_green.per_capita",
        "community_park.per_capita",
        "shelter_area.per_capita",
        "supermarket.covered",
    ):
        assert ids[ident]["status"] in ("pass", "fail")
    assert "Park service-radius coverage" in out.err


# -- bad profile values ------------------------------------------------------------------------

BAND = 'min_area_m2 = { value = 2000.0, source = "s" }\nradius_m = { value = 300.0, source = "s" }'


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        (
            '[activity_spaces.coverage.parks]\ntarget = { value = 0.8, source = "s" }',
            "activity_spaces.coverage.parks.bands",
            "at least one size band",
        ),
        (
            '[activity_spaces.coverage.parks]\ntarget = { value = 0.8, source = "s" }\n'
            "[[activity_spaces.coverage.parks.bands]]\nmin_area_m2 = 2000.0\n"
            'radius_m = { value = 300.0, source = "s" }',
            "activity_spaces.coverage.parks.bands.0.min_area_m2",
            "must be a table",
        ),
        (
            '[activity_spaces.coverage.parks]\ntarget = { value = 0.8, source = "s" }\n'
            f"[[activity_spaces.coverage.parks.bands]]\n{BAND}\n"
            "[[activity_spaces.coverage.parks.bands]]\n"
            'min_area_m2 = { value = 5000.0, source = "s" }\n'
            'radius_m = { value = -500.0, source = "s" }',
            "activity_spaces.coverage.parks.bands.1.radius_m",
            "positive",
        ),
        (
            '[activity_spaces.coverage.parks]\ntarget = { value = 0.8, source = "s" }\n'
            f"[[activity_spaces.coverage.parks.bands]]\n{BAND}\n"
            f"[[activity_spaces.coverage.parks.bands]]\n{BAND}",
            "activity_spaces.coverage.parks.bands",
            "same area",
        ),
        (
            '[activity_spaces.coverage.parks]\ntarget = { value = 80, source = "s" }\n'
            f"[[activity_spaces.coverage.parks.bands]]\n{BAND}",
            "activity_spaces.coverage.parks.target",
            "at most 1",
        ),
        (
            '[activity_spaces.coverage.parks]\nkinds = ["parc"]\n'
            'target = { value = 0.8, source = "s" }\n'
            f"[[activity_spaces.coverage.parks.bands]]\n{BAND}",
            "activity_spaces.coverage.parks.kinds",
            "did you mean 'park'",
        ),
        (
            '[activity_spaces.coverage.kindergarten]\ntarget = { value = 0.8, source = "s" }\n'
            f"[[activity_spaces.coverage.kindergarten.bands]]\n{BAND}",
            "activity_spaces.coverage.kindergarten",
            "already names",
        ),
        (
            "[activity_spaces.per_capita.green]\n"
            'min_area_m2 = { value = 5000.0, source = "s" }\n'
            'max_area_m2 = { value = 1000.0, source = "s" }\n'
            'target = { value = 8.0, source = "s" }',
            "activity_spaces.per_capita.green.max_area_m2",
            "not above",
        ),
        (
            "[activity_spaces.per_capita.green]\nkinds = []\n"
            'target = { value = 8.0, source = "s" }',
            "activity_spaces.per_capita.green.kinds",
            "list of activity-space kinds",
        ),
        (
            '[facilities.nursery]\nrequired = { value = "yes", source = "s" }',
            "facilities.nursery.required",
            "value = true",
        ),
        (
            "[targets]\nshelter_area_per_capita_m2 = 1.0",
            "targets.shelter_area_per_capita_m2",
            "must be a table",
        ),
    ],
)
def test_bad_profile_values_are_refused(tmp_path: Path, body: str, field: str, words: str) -> None:
    path = write_toml(tmp_path / "mine.toml", f'name = "mine"\nextends = "cn-gb"\n{body}')
    with pytest.raises(RuleError) as err:
        load_profile(path)
    assert err.value.field == field
    assert err.value.file == str(path)
    assert words in str(err.value)


def test_a_bad_profile_is_exit_2_on_the_command_line(tmp_path: Path, capsys) -> None:
    path = write_toml(
        tmp_path / "mine.toml",
        'name = "mine"\nextends = "cn-community"\n'
        '[activity_spaces.coverage.park_coverage]\nkinds = ["parc"]',
    )
    code = main(["evaluate", "--sample", "synthetic_cn", "--rules", str(path), "--json", "-"])
    assert code == 2
    assert "did you mean 'park'" in capsys.readouterr().err


def test_a_space_with_an_empty_kind_loads(tmp_path: Path) -> None:
    # a GPKG whose kind column has an empty (NULL) value: read as "no kind" (pandas reads the
    # column as strings, where the missing value is NaN, not None)
    gpkg = tmp_path / "plan.gpkg"
    spaces = frame([box(X0, Y0 - 50, X0 + 100, Y0 - 10), box(X0 + 200, Y0 - 50, X0 + 300, Y0 - 10)])
    spaces["kind"] = ["park", None]
    spaces.to_file(gpkg, layer="activity_spaces")
    frame([Point(X0 + 50, Y0)], population=[10]).to_file(gpkg, layer="residents")
    spec = write_toml(
        tmp_path / "plan.toml",
        "\n".join(
            [
                'name = "empty kind"',
                "[layers.residents]",
                'path = "plan.gpkg"',
                'layer = "residents"',
                "[layers.activity_spaces]",
                'path = "plan.gpkg"',
                'layer = "activity_spaces"',
            ]
        ),
    )
    from spaceplanner import load_plan

    plan = load_plan(spec)
    kinds = plan.layers["activity_spaces"].frame["kind"]
    assert kinds.iloc[0] == "park" and kinds.isna().iloc[1]
    green = evaluate(plan, rules="cn-community", gaps=False).to_dict()["space_per_capita"]
    assert green["park_green"]["spaces_counted"] == 2  # the one without a kind is kept
    assert green["park_green"]["spaces_without_kind"] == 1
