"""Site suggestions: exact answers checked by brute force through the evaluation itself."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pulp
import pytest
from conftest import UTM35, X0, Y0
from shapely.geometry import LineString, Point, box
from spopt.locate import MCLP

from spaceplanner import PlanError, evaluate, save_plan
from spaceplanner.cli import main
from spaceplanner.engine.suggest import adding_command, suggest
from spaceplanner.model.commands import CommandStack
from spaceplanner.model.plan import Plan


def pts(xs, y: float) -> list[Point]:
    return [Point(X0 + x, Y0 + y) for x in xs]


def make_plan(
    homes: list[tuple[float, float]],
    candidates: list[tuple[str, float, float]],
    shelters: list[tuple[str, float, float]] = (),  # type: ignore[assignment]
    *,
    facilities: list[float] = (),  # type: ignore[assignment]
) -> Plan:
    """Homes ``(x, persons)`` 5 m south of a straight street; candidates and shelters
    ``(id, x, capacity)`` 5 m north of it; clinics at ``x``."""
    layers: dict = {
        "residents": (
            "residents",
            gpd.GeoDataFrame(
                {"population": [p for _, p in homes]},
                geometry=pts([x for x, _ in homes], -5),
                crs=UTM35,
            ),
        ),
        "street": (
            "network",
            gpd.GeoDataFrame(geometry=[LineString([(X0 - 3000, Y0), (X0 + 9000, Y0)])], crs=UTM35),
        ),
        "candidates": (
            "candidates",
            gpd.GeoDataFrame(
                {"id": [c[0] for c in candidates], "capacity": [c[2] for c in candidates]},
                geometry=pts([c[1] for c in candidates], 5),
                crs=UTM35,
            ),
        ),
    }
    if shelters:
        layers["shelters"] = (
            "shelters",
            gpd.GeoDataFrame(
                {"id": [s[0] for s in shelters], "capacity": [s[2] for s in shelters]},
                geometry=pts([s[1] for s in shelters], 5),
                crs=UTM35,
            ),
        )
    if facilities:
        layers["clinics"] = (
            "facilities",
            gpd.GeoDataFrame(geometry=pts(facilities, 5), crs=UTM35),
            {"kind": "clinic"},
        )
    return Plan.from_frames("suggest", layers)


def with_sites(plan: Plan, ids: list[str], role: str = "shelters", kind: str | None = None) -> Plan:
    """The plan with the candidates ``ids`` added as real sites (a layer of ``role``)."""
    cand = plan.layers["candidates"].frame
    assert cand is not None
    chosen = cand[cand["id"].isin(ids)]
    layers = {
        name: (lyr.role, lyr.frame, {"kind": "clinic"} if lyr.role == "facilities" else {})
        for name, lyr in plan.layers.items()
        if lyr.frame is not None and lyr.role != "candidates"
    }
    if len(chosen):
        cols = {"id": chosen["id"].to_numpy()}
        if role == "shelters":
            cols["capacity"] = chosen["capacity"].to_numpy()
        options = {"kind": kind} if kind else {}
        layers["added"] = (
            role,
            gpd.GeoDataFrame(cols, geometry=chosen.geometry.to_numpy(), crs=plan.crs),
            options,
        )
    return Plan.from_frames("with sites", layers, crs=plan.crs)


def sheltered(plan: Plan) -> float:
    return evaluate(plan, gaps=False).to_dict()["shelters"]["population_sheltered"]


def clinic_covered(plan: Plan) -> float:
    fac = evaluate(plan, gaps=False).to_dict()["facilities"] or {}
    return fac["clinic"]["population_covered"] if "clinic" in fac else 0.0


# -- exact answers --------------------------------------------------------------------------------


def test_the_best_pair_is_not_the_two_best_singles() -> None:
    # J1 and J2 each shelter the 1,000 of A (the best singles); together still 1,000. J3 holds
    # the 800 of B, 3 km away: the best pair is J1 + J3 = 1,800 (J1 before J2: the earlier).
    plan = make_plan(
        homes=[(0, 1000), (3000, 800)],
        candidates=[("J1", 0, 1000), ("J2", 100, 1000), ("J3", 3000, 800)],
    )
    result = suggest(plan, add=2)
    assert [s.id for s in result.suggestions] == ["J1", "J3"]
    assert (result.before, result.after) == (0.0, pytest.approx(1800))
    assert result.optimal and result.gap == pytest.approx(0, abs=1e-6)
    assert result.curve == pytest.approx([1000, 1800])
    assert [s.gain for s in result.suggestions] == pytest.approx([1000, 800])
    assert sheltered(with_sites(plan, ["J1", "J3"])) == pytest.approx(result.after, abs=1e-9)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_capacitated_answers_equal_brute_force(seed: int) -> None:
    rng = np.random.default_rng(seed)
    homes = [
        (float(x), float(p))
        for x, p in zip(rng.uniform(0, 4000, 9), rng.integers(50, 900, 9), strict=True)
    ]
    cands = [
        (f"C{i}", float(x), float(c))
        for i, (x, c) in enumerate(
            zip(rng.uniform(0, 4000, 6), rng.integers(200, 1500, 6), strict=True)
        )
    ]
    plan = make_plan(homes, cands, shelters=[("S0", 2000.0, 400.0)])
    base = sheltered(plan)
    for k in (1, 2, 3):
        result = suggest(plan, add=k)
        best = max(
            sheltered(with_sites(plan, list(ids)))
            for ids in itertools.combinations([c[0] for c in cands], k)
        )
        assert result.before == pytest.approx(base)
        assert result.after == pytest.approx(best, abs=1e-3)
        # what is promised is what the evaluation gives
        got = sheltered(with_sites(plan, [s.id for s in result.suggestions]))
        assert got == pytest.approx(result.after, abs=1e-9)


def test_reach_a_target_with_the_fewest_sites() -> None:
    rng = np.random.default_rng(7)
    homes = [(float(x), 100.0) for x in rng.uniform(0, 5000, 12)]
    cands = [(f"C{i}", float(x), 10_000.0) for i, x in enumerate(np.linspace(0, 5000, 8))]
    plan = make_plan(homes, cands)
    total = 1200.0
    result = suggest(plan, target=0.9)
    fewest = next(
        k
        for k in range(1, 9)
        if any(
            sheltered(with_sites(plan, list(ids))) >= 0.9 * total - 1e-6
            for ids in itertools.combinations([c[0] for c in cands], k)
        )
    )
    assert len(result.suggestions) == fewest
    assert result.after >= 0.9 * total - 1e-6 and result.reached
    assert sheltered(with_sites(plan, [s.id for s in result.suggestions])) == pytest.approx(
        result.after, abs=1e-9
    )


def test_coverage_of_a_facility_kind_equals_brute_force() -> None:
    rng = np.random.default_rng(11)
    homes = [
        (float(x), float(p))
        for x, p in zip(rng.uniform(0, 4000, 15), rng.integers(10, 200, 15), strict=True)
    ]
    cands = [(f"K{i}", float(x), 0.0) for i, x in enumerate(rng.uniform(0, 4000, 7))]
    plan = make_plan(homes, cands, facilities=[500.0])
    before = clinic_covered(plan)
    result = suggest(plan, for_="facility:clinic", add=2)
    best = max(
        clinic_covered(with_sites(plan, list(ids), "facilities", "clinic"))
        for ids in itertools.combinations([c[0] for c in cands], 2)
    )
    assert result.before == pytest.approx(before)
    assert result.after == pytest.approx(best)
    got = clinic_covered(
        with_sites(plan, [s.id for s in result.suggestions], "facilities", "clinic")
    )
    assert got == pytest.approx(result.after)


def test_unsafe_candidates_are_excluded_with_the_reason() -> None:
    plan = make_plan(
        homes=[(0, 500), (2000, 500)], candidates=[("dry", 0, 600), ("wet", 2000, 600)]
    )
    flood = gpd.GeoDataFrame(
        {"hazard": ["flood"]}, geometry=[box(X0 + 1900, Y0 + 1, X0 + 2100, Y0 + 100)], crs=UTM35
    )
    layers = {n: (lyr.role, lyr.frame) for n, lyr in plan.layers.items()}
    layers["flood"] = ("hazards", flood)
    flooded = Plan.from_frames("flooded", layers, crs=plan.crs)
    result = suggest(flooded, add=1, scenario="flood")
    assert [s.id for s in result.suggestions] == ["dry"]
    (wet,) = result.excluded
    assert wet["id"] == "wet" and "避" in wet["reason"] and "flood" in wet["reason"]


# -- the command line and bad questions ----------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    plan = make_plan(
        homes=[(0, 1000), (3000, 800)],
        candidates=[("J1", 0, 1000), ("J2", 100, 1000), ("J3", 3000, 800)],
    )
    path = tmp_path / "plan.gpkg"
    save_plan(plan, path)
    return path


def test_cli_answers_in_json_and_a_layer(plan_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code = main(["suggest", str(plan_file), "--add", "2", "--json", "-", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    data = json.loads(captured.out)
    assert [s["id"] for s in data["suggestions"]] == ["J1", "J3"]
    assert data["after"] == pytest.approx(1800) and data["optimal"] is True
    assert data["curve"] == pytest.approx([1000, 1800])
    assert "1. J1: +1,000 persons sheltered" in captured.err
    layer = gpd.read_file(out / "suggestions.gpkg", layer="suggestions")
    assert list(layer["id"]) == ["J1", "J3"] and list(layer["rank"]) == [1, 2]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--add", "4"], "more sites than the 3 usable candidates"),
        (["--add", "0"], "not a number of sites"),
        (["--target", "1.5"], "not a share"),
        (["--target", "1.0", "--candidates", "nowhere"], "no candidates layer 'nowhere'"),
        (["--add", "1", "--time-limit", "0"], "leaves the solver no time"),
        (["--add", "1", "--for", "facility:bakery"], "no service radius for 'bakery'"),
        (["--add", "1", "--for", "parks"], "cannot suggest sites for 'parks'"),
        (["--add", "1", "--period", "normal"], "emergency period"),
    ],
)
def test_bad_questions_get_one_clear_message(plan_file: Path, capsys, args, words) -> None:
    code = main(["suggest", str(plan_file), *args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert words in err and "internal error" not in err and "Traceback" not in err


def test_an_unreachable_target_says_how_close_it_gets(tmp_path: Path, capsys) -> None:
    plan = make_plan(homes=[(0, 1000), (3000, 800)], candidates=[("J1", 0, 1000)])
    save_plan(plan, tmp_path / "p.gpkg")
    code = main(["suggest", str(tmp_path / "p.gpkg"), "--target", "1.0"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be reached" in err and "at most 55.6%" in err


def test_candidates_beyond_reach_are_no_answer(tmp_path: Path) -> None:
    far = make_plan(homes=[(0, 100), (6000, 1)], candidates=[("F1", 7900, 500)])
    with pytest.raises(PlanError) as err:
        suggest(far, add=1)
    assert "no usable candidate" in err.value.message
    assert "nobody lives within its radius" in (err.value.hint or "")


def test_activity_space_candidates_below_the_circle_size_are_excluded() -> None:
    homes = [(0, 300), (1500, 200), (3000, 100)]
    plan = make_plan(homes, candidates=[("tmp", 0, 0)])
    parks = gpd.GeoDataFrame(
        {"id": ["big-west", "small", "big-east"]},
        geometry=[
            box(X0 - 35, Y0 + 10, X0 + 35, Y0 + 80),  # 4,900 m²
            box(X0 + 1485, Y0 + 10, X0 + 1515, Y0 + 40),  # 900 m²: below 5min's 4,000 m²
            box(X0 + 2965, Y0 + 10, X0 + 3035, Y0 + 80),
        ],
        crs=UTM35,
    )
    layers = {n: (lyr.role, lyr.frame) for n, lyr in plan.layers.items() if n != "candidates"}
    layers["candidates"] = ("candidates", parks)
    plan = Plan.from_frames("parks", layers, crs=plan.crs)
    result = suggest(plan, for_="activity_spaces", circle="5min", add=2)
    assert [s.id for s in result.suggestions] == ["big-west", "big-east"]
    assert result.after == pytest.approx(400) and result.before == 0
    (small,) = result.excluded
    assert small["id"] == "small" and "below the 5min circle's minimum" in small["reason"]
    layers["added"] = ("activity_spaces", parks.iloc[[0, 2]])
    del layers["candidates"]
    check = evaluate(Plan.from_frames("check", layers, crs=plan.crs), gaps=False)
    assert check.to_dict()["activity_spaces"]["5min"]["population_covered"] == pytest.approx(
        result.after
    )


def test_uncapacitated_coverage_equals_spopt_mclp() -> None:
    """Without a network, distances are straight lines x the detour factor (1.3): spopt's
    maximal covering model on the same cost matrix covers the same population."""
    rng = np.random.default_rng(5)
    home_xy = rng.uniform(0, 2000, (40, 2))
    weights = rng.integers(10, 300, 40).astype(float)
    cand_xy = rng.uniform(0, 2000, (12, 2))
    homes = gpd.GeoDataFrame(
        {"population": weights},
        geometry=[Point(X0 + x, Y0 + y) for x, y in home_xy],
        crs=UTM35,
    )
    cands = gpd.GeoDataFrame(
        {"id": [f"K{i}" for i in range(12)]},
        geometry=[Point(X0 + x, Y0 + y) for x, y in cand_xy],
        crs=UTM35,
    )
    plan = Plan.from_frames(
        "mclp", {"residents": ("residents", homes), "candidates": ("candidates", cands)}
    )
    cost = np.hypot(*(home_xy[:, None, :] - cand_xy[None, :, :]).transpose(2, 0, 1)) * 1.3
    for p in (2, 4):
        ours = suggest(plan, for_="facility:clinic", add=p)
        model = MCLP.from_cost_matrix(cost, weights, service_radius=300.0, p_facilities=p)
        model.solve(pulp.PULP_CBC_CMD(msg=False))
        assert ours.after == pytest.approx(pulp.value(model.problem.objective))
        assert len(ours.suggestions) <= p


def test_add_to_plan_is_one_undoable_edit_with_the_promised_figures() -> None:
    plan = make_plan(
        homes=[(0, 1000), (3000, 800)],
        candidates=[("J1", 0, 1000), ("J2", 100, 1000), ("J3", 3000, 800)],
        shelters=[("S0", 4500, 10)],
    )
    result = suggest(plan, add=2)
    stack = CommandStack(plan)
    stack.push(adding_command(plan, result))
    shelters = plan.layers["shelters"].frame
    assert list(shelters["id"]) == ["S0", "J1", "J3"]
    assert evaluate(plan, gaps=False).to_dict()["shelters"][
        "population_sheltered"
    ] == pytest.approx(result.after, abs=1e-9)
    stack.undo()
    assert list(plan.layers["shelters"].frame["id"]) == ["S0"]
    assert sheltered(plan) == pytest.approx(result.before)


def test_add_to_a_plan_without_shelters_makes_a_layer() -> None:
    plan = make_plan(homes=[(0, 1000)], candidates=[("J1", 0, 1000)])
    result = suggest(plan, add=1)
    stack = CommandStack(plan)
    stack.push(adding_command(plan, result))
    assert plan.layers["suggested shelters"].role == "shelters"
    assert sheltered(plan) == pytest.approx(1000)
    stack.undo()
    assert "suggested shelters" not in plan.layers


def test_suggestions_on_the_web_map_the_map_sheet_and_in_the_data(
    plan_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "answer"
    assert main(["suggest", str(plan_file), "--add", "2", "--out", str(out)]) == 0
    exported = tmp_path / "export"
    code = main(
        [
            "export", str(plan_file), "--format", "html,pdf,gpkg",
            "--suggestions", str(out / "suggestions.gpkg"), "--out", str(exported),
        ]
    )  # fmt: skip
    assert code == 0
    page = (exported / "map.html").read_text(encoding="utf-8")
    assert "Suggested sites" in page and "1. J1" in page and "2. J3" in page
    layer = gpd.read_file(exported / "results.gpkg", layer="suggestions")
    assert list(layer["id"]) == ["J1", "J3"]
    assert (exported / "map_sheet.pdf").stat().st_size > 10_000


def test_export_with_unreadable_suggestions_is_a_clear_error(
    plan_file: Path, tmp_path: Path, capsys
) -> None:
    bad = tmp_path / "nothing.gpkg"
    bad.write_text("not a geopackage", encoding="utf-8")
    args = ["export", str(plan_file), "--format", "html", "--suggestions", str(bad)]
    code = main([*args, "--out", str(tmp_path / "e")])
    err = capsys.readouterr().err
    assert code == 2 and "suggestions cannot be read" in err and "internal error" not in err


def test_cli_out_is_one_unit_refreshed_by_suggest_only(
    plan_file: Path, tmp_path: Path, capsys
) -> None:
    """suggestions.json and suggestions.gpkg are written together (output_unit); a later answer
    replaces an earlier one, a stranger's file of the same name only with --overwrite."""
    out = tmp_path / "out"
    assert main(["suggest", str(plan_file), "--add", "2", "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert sorted(p.name for p in out.iterdir()) == ["suggestions.gpkg", "suggestions.json"]
    # an answer without sites leaves no earlier layer beside its JSON
    done = make_plan(homes=[(0, 1000)], candidates=[("J1", 100, 1000)], shelters=[("S1", 0, 2000)])
    save_plan(done, tmp_path / "done.gpkg")
    args = ["suggest", str(tmp_path / "done.gpkg"), "--target", "1.0", "--out", str(out)]
    assert main(args) == 0
    assert "already reach the target" in capsys.readouterr().out
    assert json.loads((out / "suggestions.json").read_text(encoding="utf-8"))["suggestions"] == []
    assert len(gpd.read_file(out / "suggestions.gpkg", layer="suggestions")) == 0
    # a file suggest did not write is refused before solving, and kept
    (out / "suggestions.json").write_text("my notes", encoding="utf-8")
    assert main(["suggest", str(plan_file), "--add", "2", "--out", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert (out / "suggestions.json").read_text(encoding="utf-8") == "my notes"
    assert main(["suggest", str(plan_file), "--add", "2", "--out", str(out), "--overwrite"]) == 0
    data = json.loads((out / "suggestions.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["suggestions"]] == ["J1", "J3"]
    assert sorted(p.name for p in out.iterdir()) == ["suggestions.gpkg", "suggestions.json"]
