"""The desktop app's Qt-free model of an open plan: layer views, edits with events, save."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from spaceplanner import LayerError, evaluate, load_plan
from spaceplanner.model.commands import AddFeature, DeleteFeature, MoveFeature
from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.session import ROLE_ORDER, Session


@pytest.fixture
def session() -> Session:
    return Session(load_plan(get_path("synthetic_cn")))


def _events(session: Session) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    session.subscribe(lambda event, data: seen.append((event, data)))
    return seen


def test_views_follow_role_order_points_on_top(session: Session) -> None:
    roles = [session.plan.layers[n].role for n in session.layer_names()]
    ranks = [ROLE_ORDER.index(r) for r in roles]
    assert ranks == sorted(ranks, reverse=True)
    assert all(v.visible for v in session.views)
    assert session.view("shelters").style["fill"].startswith("#")


def test_view_changes_emit_and_are_saved_in_the_plan_file(session: Session, tmp_path) -> None:
    seen = _events(session)
    name = session.layer_names()[-1]
    session.move_layer(name, 0)
    session.set_visible("roads", False)
    session.set_style("shelters", fill="#123456", opacity=0.5)
    assert session.layer_names()[0] == name
    assert [e for e, _ in seen if e == "layers"] == ["layers", "layers", "layers"]
    # the view is saved with the plan: a change of it is unsaved work
    assert ("dirty", True) in seen and session.dirty
    with pytest.raises(LayerError, match="unknown style keys"):
        session.set_style("shelters", colour="red")
    written = session.save(tmp_path / "plan.gpkg")
    assert not session.dirty
    again = Session(load_gpkg(written), path=written)
    assert again.layer_names() == session.layer_names()
    assert again.view("roads").visible is False
    assert again.view("shelters").style["fill"] == "#123456"
    assert again.view("shelters").style["opacity"] == 0.5


def test_edits_emit_features_and_dirty_and_undo_clears_selection(session: Session) -> None:
    seen = _events(session)
    session.select(("facilities", "SS02"))
    session.push(DeleteFeature("facilities", "SS02"))
    assert session.selection is None  # the selected feature is gone
    assert ("features", "facilities") in seen
    assert ("dirty", True) in seen
    assert session.dirty
    session.undo()
    assert not session.dirty
    assert ("dirty", False) in seen


def test_failed_edit_changes_nothing_and_emits_nothing(session: Session) -> None:
    seen = _events(session)
    with pytest.raises(LayerError):
        session.push(MoveFeature("shelters", "no-such-id", 1, 1))
    assert seen == []
    assert not session.dirty


def test_new_ids_are_unused(session: Session) -> None:
    first = session.new_id("facilities")
    session.push(AddFeature("facilities", {"id": first, "kind": "clinic"}, Point(0, 0)))
    second = session.new_id("facilities")
    assert first != second
    assert second not in set(session.plan.layers["facilities"].frame["id"])


def test_add_and_remove_layer_are_undoable(session: Session) -> None:
    layer = session.plan.layers["facilities"]
    seen = _events(session)
    session.remove_layer("facilities")
    assert "facilities" not in session.plan.layers
    assert "facilities" not in session.layer_names()
    assert ("layers", "facilities") in seen
    session.undo()
    assert session.plan.layers["facilities"] is layer
    assert "facilities" in session.layer_names()
    with pytest.raises(LayerError, match="already in the plan"):
        session.add_layer(layer)


def test_role_change_is_checked_and_undoable(session: Session) -> None:
    with pytest.raises(LayerError, match="no site field"):
        session.set_role("facilities", "entrances")  # an entrance must name its site
    assert session.plan.layers["facilities"].role == "facilities"
    before = dict(session.view("activity_spaces").style)
    seen = _events(session)
    session.set_role("activity_spaces", "shelters")
    assert session.plan.layers["activity_spaces"].role == "shelters"
    assert session.view("activity_spaces").style["fill"] == session.view("shelters").style["fill"]
    assert ("layers", "activity_spaces") in seen  # the map restyles
    session.undo()
    assert session.plan.layers["activity_spaces"].role == "activity_spaces"
    assert session.view("activity_spaces").style == before
    session.redo()
    assert session.view("activity_spaces").style["fill"] == session.view("shelters").style["fill"]


def test_snapshot_is_unaffected_by_later_edits(session: Session) -> None:
    snap = session.snapshot()
    before = evaluate(snap, gaps=False).to_dict()["facilities"]
    session.push(DeleteFeature("facilities", "SS02"))
    assert "SS02" in set(snap.layers["facilities"].frame["id"])
    assert evaluate(snap, gaps=False).to_dict()["facilities"] == before


def test_save_needs_a_file_and_marks_clean(session: Session, tmp_path) -> None:
    session.push(DeleteFeature("facilities", "SS02"))
    with pytest.raises(Exception, match="no file yet"):
        session.save()
    seen = _events(session)
    path = session.save(tmp_path / "edited.gpkg")
    assert ("path", path) in seen and ("dirty", False) in seen
    assert not session.dirty
    assert "SS02" not in set(load_gpkg(path).layers["facilities"].frame["id"])
