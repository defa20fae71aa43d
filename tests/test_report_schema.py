"""The typed report: ``to_dict`` is the report.json contract, checked by its JSON Schema; the
objects are frozen; violations and shelters refer to real plan features; notes carry codes."""

from __future__ import annotations

import copy
import dataclasses
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from spaceplanner import evaluate, load_plan
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.plan import Plan
from spaceplanner.results.report import Report, SiteRef
from spaceplanner.sample_maps import get_path, list_samples

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = json.loads(
    resources.files("spaceplanner.results").joinpath("report.schema.json").read_text("utf-8")
)


def _validate(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@pytest.fixture(scope="module")
def reports() -> dict[str, list[tuple[Plan, Report]]]:
    out: dict[str, list[tuple[Plan, Report]]] = {}
    for sample in list_samples():
        plan = load_plan(get_path(sample))
        ev = Evaluator(plan)
        out[sample] = [
            (plan, ev.evaluate(scenario=scenario, period=period, gaps=False))
            for scenario in ("flood", "all")
            for period in ("both", "normal", "emergency")
        ]
    return out


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_sample_report_validates(reports: dict[str, list[tuple[Plan, Report]]]) -> None:
    for items in reports.values():
        for _, report in items:
            data = json.loads(report.to_json())
            _validate(data)
            assert data == json.loads(json.dumps(report.to_dict(), ensure_ascii=False))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d.pop("indicators"),
        lambda d: d["indicators"][0].update(status="maybe"),
        lambda d: d["indicators"][0].update(status="not_assessed"),  # with a value, no reason
        lambda d: d.update(period="night"),
        lambda d: d["shelters"]["by_shelter"][0].pop("class"),
        lambda d: d["violations"].append({"layer": "x", "id": "1"}),
        lambda d: d.update(surprise=1),
        lambda d: d["run"].update(plan_sha256="not a digest"),
    ],
)
def test_the_schema_refuses_a_spoiled_report(
    reports: dict[str, list[tuple[Plan, Report]]], spoil: Any
) -> None:
    _, report = reports["bubenec"][0]
    data = copy.deepcopy(report.to_dict())
    assert data["indicators"][0]["status"] != "not_assessed"
    spoil(data)
    with pytest.raises(jsonschema.ValidationError):
        _validate(data)


def test_reports_are_frozen(reports: dict[str, list[tuple[Plan, Report]]]) -> None:
    _, report = reports["bubenec"][0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.population = 0.0  # type: ignore[misc]
    assert report.shelters is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.shelters.by_shelter[0].assigned = 0.0  # type: ignore[misc]
    assert isinstance(report.shelters.by_shelter, tuple)
    assert isinstance(report.violations, tuple)


def _ids(plan: Plan, layer: str) -> set[str]:
    frame = plan.layers[layer].frame
    assert frame is not None
    return set(frame["id"].astype(str))


def test_sites_refer_to_plan_features(reports: dict[str, list[tuple[Plan, Report]]]) -> None:
    """Every violation and every shelter row names a feature that is in the plan, in the layer
    its SiteRef names (a dual-use space in its activity-space layer)."""
    seen_dual = seen_violation = 0
    for items in reports.values():
        for plan, report in items:
            refs = [v.site for v in report.violations if v.rule != "give_way.evacuation_width"]
            refs += [row.site for row in report.shelters.by_shelter] if report.shelters else []
            for ref in refs:
                assert ref.layer in plan.layers, ref
                assert ref.feature in _ids(plan, ref.layer), ref
                if ref.dual_use:
                    seen_dual += 1
                    assert plan.layers[ref.layer].role == "activity_spaces"
            seen_violation += len(report.violations)
    assert seen_dual and seen_violation


def test_site_ref_reads_the_json_layer_name() -> None:
    ref = SiteRef.parse("parks (dual use)", 7)
    assert ref == SiteRef("parks", "7", dual_use=True)
    assert ref.to_dict() == {"layer": "parks (dual use)", "id": "7"}
    assert SiteRef.parse("shelters", "a").to_dict() == {"layer": "shelters", "id": "a"}


def test_violations_carry_the_geometry_of_their_site(
    reports: dict[str, list[tuple[Plan, Report]]],
) -> None:
    for items in reports.values():
        for plan, report in items:
            for v in report.violations:
                if v.rule.startswith("give_way.evacuation") or v.rule == "give_way.debris_zone":
                    continue
                frame = plan.layers[v.site.layer].frame
                assert frame is not None
                row = frame[frame["id"].astype(str) == v.site.feature]
                assert v.geometry is not None
                assert row.geometry.iloc[0].equals(v.geometry)
                point = v.marker_point()
                assert point is not None and v.geometry.buffer(1e-6).contains(point)


def test_notes_have_codes(tmp_path: Any) -> None:
    plan = load_plan(get_path("synthetic_cn"))
    plan.layers.pop(next(n for n, lyr in plan.layers.items() if lyr.role == "network"))
    shelters = [n for n, lyr in plan.layers.items() if lyr.role == "shelters"]
    for name in shelters:
        plan.layers.pop(name)
    report = evaluate(plan, gaps=False)
    codes = report.note_codes()
    assert "no_network" in codes
    assert {"no_shelters", "no_shelters_dual_use_only"} & set(codes)
    assert [n.text for n in report.notes] == report.to_dict()["notes"]


def test_indicator_lookup_and_failed(reports: dict[str, list[tuple[Plan, Report]]]) -> None:
    _, report = reports["bubenec"][0]
    sheltered = report.indicator("shelter.sheltered")
    assert sheltered is not None and report.shelters is not None
    assert sheltered.value == pytest.approx(report.shelters.share_sheltered)
    assert sheltered.passed == (sheltered.status == "pass")
    assert report.indicator("no.such") is None
    assert all(i.status == "fail" for i in report.failed())


def _key_order(value: Any, path: str = "") -> list[list[Any]]:
    """Every object's keys in their order, by path (the run record's values left out)."""
    out: list[list[Any]] = []
    if isinstance(value, dict):
        out.append([path, list(value)])
        for k, v in value.items():
            if k != "run":
                out += _key_order(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _key_order(v, f"{path}[{i}]")
    return out


@pytest.mark.parametrize("sample", ["bubenec", "synthetic_cn", "helsinki"])
def test_report_json_keeps_its_key_order(sample: str) -> None:
    """report.json is read by people and by scripts that print it: its keys come in the order
    they always had (``tests/golden/key_order.json`` was written by the untyped engine, scenario
    ``all``, both periods)."""
    stored = json.loads((GOLDEN / "key_order.json").read_text(encoding="utf-8"))[sample]
    report = evaluate(load_plan(get_path(sample)), scenario="all", gaps=False)
    assert _key_order(json.loads(report.to_json())) == stored
