"""The report says what was computed: targets from the profile or the plan, not-assessed
indicators, per-capita area after the checks, the radius actually used, a known scenario, the
run record, and a missing dual-use value meaning no."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pytest
from conftest import UTM35, X0, Y0
from shapely.geometry import LineString, Point, box

from spaceplanner import PlanError, __version__, evaluate, load_plan, save_plan
from spaceplanner.cli import main
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import AddFeature, CommandStack
from spaceplanner.model.plan import Plan
from spaceplanner.model.targets import flatten_targets
from spaceplanner.results.indicators import indicator_rows
from spaceplanner.sample_maps import get_path


def frame(geoms, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM35)


def rect(x0: float, y0: float, x1: float, y1: float):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def street() -> gpd.GeoDataFrame:
    return frame([LineString([(X0 - 1000, Y0), (X0 + 1000, Y0)])])


def by_id(report) -> dict[str, dict]:
    return {row["id"]: row for row in report.to_dict()["indicators"]}


# -- 3. a missing dual_use value means no ----------------------------------------------------


def test_a_park_drawn_without_dual_use_is_no_shelter() -> None:
    plan = load_plan(get_path("synthetic_cn"))
    ev = Evaluator(plan)
    before = ev.evaluate(gaps=False)
    spaces = plan.layers["activity_spaces"]
    assert spaces.frame is not None and "dual_use" in spaces.frame
    # a 40 x 40 m park in the middle of the plan, drawn in the desktop: dual_use left unset (NaN)
    x0, y0, x1, y1 = plan.extent()  # type: ignore[misc]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    stack = CommandStack(plan)
    stack.push(
        AddFeature(
            "activity_spaces",
            {"id": "drawn-park"},
            box(cx - 20, cy - 20, cx + 20, cy + 20),
        )
    )
    assert spaces.frame is not None
    assert spaces.frame.loc[spaces.frame["id"] == "drawn-park", "dual_use"].isna().all()
    after = ev.evaluate(gaps=False)
    assert after.to_dict()["shelters"]["capacity_before_checks"] == pytest.approx(
        before.to_dict()["shelters"]["capacity_before_checks"]
    )
    ids = {b["id"] for b in after.to_dict()["shelters"]["by_shelter"]}
    assert "drawn-park" not in ids
    assert len(after.to_dict()["violations"]) == len(before.to_dict()["violations"])


# -- 4. an unknown scenario is an error --------------------------------------------------------


def test_unknown_scenario_is_refused_with_a_hint(capsys) -> None:
    code = main(["evaluate", "--sample", "synthetic_cn", "--scenario", "flod", "--json", "-"])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown scenario 'flod'" in err and "did you mean 'flood'" in err
    assert "internal error" not in err


def test_a_plan_hazard_type_is_a_scenario() -> None:
    plan = Plan.from_frames(
        "custom",
        {
            "residents": ("residents", frame([Point(X0 + 50, Y0 - 5)], population=[100])),
            "shelters": ("shelters", frame([rect(0, 10, 100, 110)], id=["S1"])),
            "network": ("network", street()),
            "storm": ("hazards", frame([rect(-50, -50, 40, 200)], hazard=["storm_surge"])),
        },
    )
    report = evaluate(plan, scenario="storm_surge", gaps=False)
    assert report.to_dict()["capacity_removed_by"]["避"] == pytest.approx(4_000)
    with pytest.raises(PlanError) as err:
        evaluate(plan, scenario="storm_surg", gaps=False)
    assert err.value.field == "scenario" and "storm_surge" in (err.value.hint or "")


# -- 5. targets from the profile and the plan; not assessed ------------------------------------


def small_plan(*, spaces: bool = True, targets: dict | None = None) -> Plan:
    layers = {
        "residents": (
            "residents",
            frame([Point(X0 + 50, Y0 - 5), Point(X0 + 900, Y0 - 5)], population=[991, 9]),
        ),
        "shelters": ("shelters", frame([rect(0, 10, 100, 110)], id=["S1"])),
        "network": ("network", street()),
    }
    if spaces:
        layers["parks"] = ("activity_spaces", frame([rect(0, -200, 100, -100)], id=["P1"]))
    return Plan.from_frames("targets", layers, targets=targets)


def test_shelter_share_against_the_profile_and_a_plan_target() -> None:
    report = evaluate(small_plan(), gaps=False)
    sheltered = by_id(report)["shelter.sheltered"]
    assert sheltered["value"] == pytest.approx(0.991)
    assert (sheltered["target"], sheltered["status"]) == (1.0, "fail")
    assert sheltered["target_source"].startswith("SpacePlanner default")
    eased = evaluate(small_plan(targets={"shelter": {"sheltered": 0.95}}), gaps=False)
    row = by_id(eased)["shelter.sheltered"]
    assert (row["target"], row["status"], row["target_source"]) == (0.95, "pass", "set by the plan")
    assert eased.to_dict()["run"]["targets_set_by_plan"] == {"shelter.sheltered": 0.95}


def test_an_absent_layer_is_not_assessed_never_failed() -> None:
    report = evaluate(small_plan(spaces=False), gaps=False)
    spaces = [r for r in report.to_dict()["indicators"] if r["group"] == "activity_spaces"]
    assert len(spaces) == 6
    assert {r["status"] for r in spaces} == {"not_assessed"}
    assert all("no activity-space layer" in r["reason"] for r in spaces)
    rows = indicator_rows(report)
    assert all(r["pass"] is None for r in rows if r["group"] == "activity_spaces")
    assert by_id(report)["shelter.sheltered"]["status"] == "fail"


def test_a_facility_kind_without_a_radius_is_not_assessed() -> None:
    plan = Plan.from_frames(
        "unrated",
        {
            "residents": ("residents", frame([Point(X0 + 50, Y0 - 5)], population=[10])),
            "network": ("network", street()),
            "shops": ("facilities", frame([Point(X0, Y0 + 5)]), {"kind": "bakery"}),
        },
    )
    row = by_id(evaluate(plan, gaps=False))["bakery.covered"]
    assert row["status"] == "not_assessed" and row["value"] is None
    assert "no service radius" in row["reason"]


@pytest.mark.parametrize(
    ("targets", "words"),
    [
        ({"shelter": {"shelterd": 0.9}}, "did you mean 'shelter.sheltered'"),
        ({"shelter": {"sheltered": 95}}, "at most 1"),
        ({"shelter": {"sheltered": "all"}}, "not a number"),
        ({"shelter": {"sheltered": float("nan")}}, "finite"),
    ],
)
def test_bad_plan_targets_are_refused(tmp_path: Path, capsys, targets, words) -> None:
    plan = small_plan()
    try:
        plan.targets = flatten_targets(targets)
    except PlanError as exc:  # refused as it is read
        assert words in exc.describe()
        return
    save_plan(plan, tmp_path / "p.gpkg")
    code = main(["evaluate", str(tmp_path / "p.gpkg"), "--json", "-"])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "internal error" not in err


def test_plan_targets_in_the_toml_spec_and_the_plan_file(tmp_path: Path) -> None:
    plan = small_plan()
    for name, lyr in plan.layers.items():
        assert lyr.frame is not None
        lyr.frame.to_file(tmp_path / f"{name}.gpkg", driver="GPKG")
    layers = "\n".join(
        f'[layers.{n}]\nrole = "{lyr.role}"\npath = "{n}.gpkg"\n' for n, lyr in plan.layers.items()
    )
    spec = tmp_path / "plan.toml"
    spec.write_text(
        'name = "t"\n\n[targets]\nshelter.sheltered = 0.95\n"space_5min".covered = 0.7\n\n'
        + layers,
        encoding="utf-8",
    )
    loaded = load_plan(spec)
    assert loaded.targets == {"shelter.sheltered": 0.95, "space_5min.covered": 0.7}
    save_plan(loaded, tmp_path / "t.gpkg")
    again = load_plan(tmp_path / "t.gpkg")
    assert again.targets == loaded.targets
    assert by_id(evaluate(again, gaps=False))["shelter.sheltered"]["status"] == "pass"


# -- 6. per-capita shelter area after the checks -----------------------------------------------


def test_per_capita_area_is_after_the_checks() -> None:
    # 100 x 100 m ground = 10 000 places at 1 m²/person; a flood over 40 % leaves 6 000 m²;
    # 12 000 residents -> 0.5 m²/person (not 10 000 / 12 000 = 0.83)
    plan = Plan.from_frames(
        "per capita",
        {
            "residents": ("residents", frame([Point(X0 + 50, Y0 - 5)], population=[12_000])),
            "shelters": ("shelters", frame([rect(0, 10, 100, 110)], id=["S1"])),
            "network": ("network", street()),
            "flood": ("hazards", frame([rect(-50, -50, 40, 200)], hazard=["flood"])),
        },
    )
    sh = evaluate(plan, scenario="flood", gaps=False).to_dict()["shelters"]
    assert sh["capacity_persons"] == pytest.approx(6_000)
    assert sh["per_capita_area_m2"] == pytest.approx(0.5)
    assert sh["effective_area_m2"] == pytest.approx(6_000)
    assert sh["effective_area_before_checks_m2"] == pytest.approx(10_000)
    (site,) = sh["by_shelter"]
    assert site["effective_area_m2"] == pytest.approx(6_000)
    assert site["effective_area_before_checks_m2"] == pytest.approx(10_000)


# -- 7. labels say the radius that was used ----------------------------------------------------


def test_a_layer_radius_is_the_one_reported() -> None:
    plan = Plan.from_frames(
        "radius",
        {
            "residents": ("residents", frame([Point(X0 + 50, Y0 - 5)], population=[10])),
            "network": ("network", street()),
            "parks": ("activity_spaces", frame([rect(700, 10, 800, 110)]), {"radius_m": 1000}),
            "clinics": (
                "facilities",
                frame([Point(X0 + 900, Y0 + 5)]),
                {
                    "kind": "clinic",
                    "radius_m": 1000,
                },
            ),
        },
    )
    report = evaluate(plan, gaps=False)
    five = report.to_dict()["activity_spaces"]["5min"]
    assert five["radius_m"] == 1000 and five["minutes"] == pytest.approx(1000 / 60)
    assert five["sources"]["radius_m"].startswith("1000 m set by the plan (layer 'parks')")
    assert "standard: GB 50180-2018" in five["sources"]["radius_m"]
    clinic = report.to_dict()["facilities"]["clinic"]
    assert clinic["radius_m"] == 1000
    assert clinic["source"].startswith("1000 m set by the plan (layer 'clinics'); standard: ")
    assert clinic["share_covered"] == 1.0  # 850 m away: within the plan's 1000 m


# -- 9. the run record ---------------------------------------------------------------------------


def test_report_json_records_the_run(tmp_path: Path) -> None:
    path = get_path("bubenec")
    out = tmp_path / "report.json"
    assert main(["evaluate", str(path), "--json", str(out), "--out", str(tmp_path / "o")]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    run = data["run"]
    assert run["version"] == __version__ and run["tool"] == "spaceplanner"
    assert run["plan_file"] == str(path)
    assert run["plan_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (run["rules"], run["scenario"], run["period"]) == ("cn-gb", data["scenario"], "both")
    assert run["time"].endswith("Z")
    statuses = {row["status"] for row in data["indicators"]}
    assert statuses <= {"pass", "fail", "not_assessed"} and statuses


def test_the_cli_summary_shows_each_status(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", "--sample", "bubenec", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Indicators: 0 of 2 targets met, 6 not assessed" in out
    assert "FAIL Sheltered: 79.7 %" in out
    # bubenec has no activity-space layer: its rows are n/a with a dash, not "0.0 %"
    na = [line for line in out.splitlines() if line.strip().startswith("n/a")]
    assert len(na) == 6 and all(": — (target" in line for line in na)


def test_report_tables_show_people_figures_and_notes(tmp_path: Path) -> None:
    assert (
        main(["export", "--sample", "bubenec", "--format", "html,csv", "--out", str(tmp_path)]) == 0
    )
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "79.7\u00a0%" in page and "not assessed (the plan has no activity-space layer)" in page
    assert "<h2>Notes</h2>" in page and "hazard types not part of scenario" in page
    csv = (tmp_path / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0].startswith("scenario,rules,group,indicator,period,value,unit,target,status")
    # the CSV is for people too: a share as a percentage (full precision: report.json)
    assert ",79.7,%,100.0," in csv[1]
