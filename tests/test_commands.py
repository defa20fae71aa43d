"""Undoable edits (Qt-free commands) and the command stack."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from spaceplanner import LayerError, evaluate, load_plan
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import (
    AddFeature,
    CommandStack,
    DeleteFeature,
    DeleteFeatures,
    EditAttributes,
    MoveFeature,
    SetGeometry,
)
from spaceplanner.sample_maps import get_path


@pytest.fixture
def plan():
    return load_plan(get_path("synthetic_cn"))


def _snapshot(plan) -> dict[str, str]:
    return {name: lyr.frame.to_json() for name, lyr in plan.layers.items() if lyr.frame is not None}


def _figures(plan) -> dict:
    return evaluate(plan, scenario="all", gaps=False).figures()


def test_every_command_undoes_to_the_same_plan(plan) -> None:
    stack = CommandStack(plan)
    before = _snapshot(plan)
    shelter = plan.layers["shelters"].frame
    x, y = shelter.geometry.iloc[0].centroid.coords[0]
    commands = [
        MoveFeature("shelters", "BN01", 40.0, -25.0),
        SetGeometry("shelters", "BN03", box(x, y, x + 60, y + 40)),
        AddFeature(
            "facilities", {"id": "SS99", "kind": "kindergarten", "name": "新幼儿园"}, Point(x, y)
        ),
        DeleteFeature("facilities", "SS02"),
        EditAttributes("shelters", "BN02", {"capacity": 1234.0, "steward": "志愿者"}),
    ]
    for command in commands:
        stack.push(command)
    assert _snapshot(plan) != before
    edited = _figures(plan)
    while stack.undo():
        pass
    assert _snapshot(plan) == before
    for _ in commands:
        stack.redo()
    assert _figures(plan) == edited


def test_ids_stay_stable_and_positions_come_back(plan) -> None:
    stack = CommandStack(plan)
    ids = list(plan.layers["facilities"].frame["id"])
    stack.push(DeleteFeature("facilities", ids[2]))
    assert ids[2] not in set(plan.layers["facilities"].frame["id"])
    stack.undo()
    assert list(plan.layers["facilities"].frame["id"]) == ids


def test_bad_edits_change_nothing(plan) -> None:
    stack = CommandStack(plan)
    before = _snapshot(plan)
    with pytest.raises(LayerError, match="id not used"):
        stack.push(AddFeature("facilities", {"id": "SS01", "kind": "clinic"}, Point(0, 0)))
    with pytest.raises(LayerError, match="at least 0"):
        stack.push(EditAttributes("shelters", "BN01", {"capacity": -5}))
    with pytest.raises(LayerError, match="cannot be edited"):
        stack.push(EditAttributes("shelters", "BN01", {"id": "X"}))
    with pytest.raises(LayerError, match="no such feature"):
        stack.push(MoveFeature("shelters", "nope", 1, 1))
    assert _snapshot(plan) == before and not stack.can_undo


def test_stack_state_labels_listeners_and_dirty_flag(plan) -> None:
    stack = CommandStack(plan)
    seen = []
    stack.subscribe(lambda command, action: seen.append((command.label, action)))
    assert not stack.dirty and stack.undo() is None
    stack.push(MoveFeature("shelters", "BN01", 5.0, 0.0))
    assert stack.dirty and stack.undo_label == "Move feature"
    stack.mark_clean()
    assert not stack.dirty
    stack.undo()
    assert stack.dirty and stack.redo_label == "Move feature"
    stack.redo()
    assert not stack.dirty
    assert seen == [("Move feature", "do"), ("Move feature", "undo"), ("Move feature", "redo")]


def test_the_evaluator_follows_edits_made_through_commands(plan) -> None:
    ev = Evaluator(plan)
    stack = CommandStack(plan)
    stack.push(EditAttributes("shelters", "BN03", {"capacity": 10.0}))
    stack.push(MoveFeature("facilities", "SS05", 120.0, 0.0))
    assert ev.evaluate(scenario="all", gaps=False).figures() == _figures(plan)


@pytest.mark.parametrize(
    ("layer", "fid", "values", "field", "words"),
    [
        ("shelters", "BN01", {"capacity": float("nan")}, "capacity", "number"),
        ("shelters", "BN01", {"capacity": float("inf")}, "capacity", "number"),
        ("shelters", "BN01", {"capacity": "lots"}, "capacity", "number"),
        ("shelters", "BN01", {"capacity": True}, "capacity", "number"),
    ],
)
def test_numbers_must_be_finite_numbers(plan, layer, fid, values, field, words) -> None:
    stack = CommandStack(plan)
    before = _snapshot(plan)
    with pytest.raises(LayerError, match=words) as caught:
        stack.push(EditAttributes(layer, fid, values))
    assert caught.value.field == field and caught.value.layer == layer
    assert _snapshot(plan) == before and not stack.can_undo


def test_a_number_above_the_fields_plausible_maximum_is_refused(plan) -> None:
    stack = CommandStack(plan)
    with pytest.raises(LayerError, match="plausible maximum") as caught:
        stack.push(EditAttributes("shelters", "BN01", {"capacity": 5_000_000.0}))
    assert caught.value.field == "capacity"
    stack.push(EditAttributes("shelters", "BN01", {"capacity": 1_000_000.0}))  # the maximum is ok
    assert plan.layers["shelters"].frame.set_index("id").loc["BN01", "capacity"] == 1_000_000.0


def test_deleting_several_features_is_one_edit_undone_in_place(plan) -> None:
    stack = CommandStack(plan)
    before = _snapshot(plan)
    ids = list(plan.layers["facilities"].frame["id"])
    gone = [ids[3], ids[0], ids[-1]]
    stack.push(DeleteFeatures("facilities", gone))
    assert list(plan.layers["facilities"].frame["id"]) == [i for i in ids if i not in gone]
    fresh = load_plan(get_path("synthetic_cn"))
    frame = fresh.layers["facilities"].frame
    fresh.layers["facilities"].frame = frame[~frame["id"].isin(gone)].reset_index(drop=True)
    assert _figures(plan) == _figures(fresh)
    stack.undo()
    assert _snapshot(plan) == before
    with pytest.raises(LayerError, match="no such feature"):
        stack.push(DeleteFeatures("facilities", [ids[1], "nope"]))
    assert _snapshot(plan) == before and stack.redo_label == "Delete features"
