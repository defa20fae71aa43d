"""The attribute form: typed editors, one undoable edit of the changed fields, refused values."""

from __future__ import annotations

import math
from typing import Any

import pytest
from PyQt5.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QMessageBox
from ui_baselines import assert_like_baseline

from spaceplanner import LayerError, load_plan
from spaceplanner.model.commands import Command, EditAttributes
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.dialogs.qt_attributes_dialog import QtAttributesDialog
from spaceplanner.ui.model.session import Session


@pytest.fixture(scope="module")
def plan_path():
    return get_path("synthetic_cn")


@pytest.fixture
def session(plan_path) -> Session:
    return Session(load_plan(plan_path))


@pytest.fixture
def pushed(session: Session, monkeypatch: pytest.MonkeyPatch) -> list[Command]:
    """The commands the dialog pushes (they still run)."""
    commands: list[Command] = []
    original = session.push

    def record(command: Command) -> None:
        commands.append(command)
        original(command)

    monkeypatch.setattr(session, "push", record)
    return commands


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text)
    )
    return shown


def _dialog(qtbot, session: Session, layer: str, fid: str, lang: str = "en") -> QtAttributesDialog:
    dialog = QtAttributesDialog(session, layer, fid, lang=lang)
    qtbot.addWidget(dialog)
    return dialog


def _value(session: Session, layer: str, fid: str, field: str) -> Any:
    frame = session.plan.layers[layer].frame
    return frame.loc[frame["id"] == fid, field].iloc[0]


def test_editors_follow_the_field_types(qtbot, session: Session) -> None:
    dialog = _dialog(qtbot, session, "shelters", "BN02")
    assert dialog.id_edit.text() == "BN02" and dialog.id_edit.isReadOnly()
    capacity = dialog.editor("capacity")
    assert isinstance(capacity, QLineEdit) and capacity.text() == "16065"
    assert isinstance(dialog.editor("dual_use"), QCheckBox)
    shelter_class = dialog.editor("class")
    assert isinstance(shelter_class, QComboBox) and shelter_class.currentData() == "fixed"
    assert isinstance(dialog.editor("name"), QLineEdit)
    assert dialog.values() == {
        "name": "滨江绿地避难场所",
        "steward": "社区居委会",
        "capacity": 16065.0,
        "effective_area": 32130.0,
        "class": "fixed",
        "dual_use": False,
    }
    assert "id" not in dialog.values()


def test_labels_in_chinese(qtbot, session: Session) -> None:
    dialog = _dialog(qtbot, session, "facilities", "SS01", lang="zh")
    kind = dialog.editor("kind")
    assert isinstance(kind, QComboBox)
    assert kind.currentText() == "幼儿园" and kind.currentData() == "kindergarten"
    assert dialog.values()["capacity"] is None  # no value in the source: an empty box


def test_edit_capacity_and_dual_use_is_one_undoable_edit(
    qtbot, session: Session, pushed: list[Command]
) -> None:
    old_capacity = _value(session, "shelters", "BN02", "capacity")
    dialog = _dialog(qtbot, session, "shelters", "BN02")
    dialog.editor("capacity").setText("1234")
    dialog.editor("dual_use").setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(pushed) == 1
    command = pushed[0]
    assert isinstance(command, EditAttributes)
    assert (command.layer, command.feature_id) == ("shelters", "BN02")
    assert command.values == {"capacity": 1234.0, "dual_use": True}
    assert _value(session, "shelters", "BN02", "capacity") == 1234.0
    assert bool(_value(session, "shelters", "BN02", "dual_use")) is True
    assert session.stack.undo_label == "Edit attributes of BN02"
    session.undo()
    assert _value(session, "shelters", "BN02", "capacity") == old_capacity
    assert _value(session, "shelters", "BN02", "dual_use") is None


def test_nothing_changed_pushes_nothing(qtbot, session: Session, pushed: list[Command]) -> None:
    dialog = _dialog(qtbot, session, "shelters", "BN02")
    dialog.editor("name").setText("  滨江绿地避难场所 ")  # the same after trimming
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert pushed == [] and not session.stack.can_undo


def test_numbers_are_shown_in_full(qtbot, session: Session, pushed: list[Command]) -> None:
    session.push(EditAttributes("shelters", "BN02", {"effective_area": 1234567.25}))
    pushed.clear()
    dialog = _dialog(qtbot, session, "shelters", "BN02")
    assert dialog.editor("effective_area").text() == "1234567.25"
    dialog.accept()
    assert pushed == []  # opening and closing the form changes nothing


def test_a_negative_number_is_refused(
    qtbot, session: Session, pushed: list[Command], warnings: list[str]
) -> None:
    dialog = _dialog(qtbot, session, "shelters", "BN02")
    dialog.show()
    dialog.editor("capacity").setText("-5")
    dialog.accept()
    assert warnings and "capacity" in warnings[0] and "at least 0" in warnings[0]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert _value(session, "shelters", "BN02", "capacity") == 16065.0
    assert not session.stack.can_undo
    dialog.editor("capacity").setText("abc")
    dialog.accept()
    assert len(warnings) == 2 and "abc" in warnings[1]
    dialog.editor("capacity").setText("1,500")
    dialog.accept()
    assert _value(session, "shelters", "BN02", "capacity") == 1500.0
    assert len(pushed) == 3  # two refused, one made


def test_an_untouched_empty_number_is_not_an_edit(qtbot, session: Session) -> None:
    dialog = _dialog(qtbot, session, "activity_spaces", "HD01")
    assert dialog.editor("dual_use").isChecked()
    assert dialog.editor("area").text() == ""  # the source has no area: no value
    dialog.editor("area").setText("")
    kind = dialog.editor("kind")
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("square"))
    assert dialog.changed() == {"kind": "square"}
    dialog.accept()
    assert _value(session, "activity_spaces", "HD01", "kind") == "square"


def test_clearing_a_number_sets_no_value(qtbot, session: Session) -> None:
    dialog = _dialog(qtbot, session, "shelters", "BN02")
    dialog.editor("effective_area").setText("")
    assert dialog.changed() == {"effective_area": None}
    dialog.accept()
    value = _value(session, "shelters", "BN02", "effective_area")
    assert value is None or math.isnan(value)


def test_unknown_feature_is_an_error(qtbot, session: Session) -> None:
    with pytest.raises(LayerError, match="no such feature"):
        QtAttributesDialog(session, "shelters", "nope")


def test_render(qtbot, session: Session) -> None:
    for layer, fid, lang in (("shelters", "BN02", "zh"), ("facilities", "SS01", "en")):
        dialog = _dialog(qtbot, session, layer, fid, lang)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_like_baseline(dialog, f"attributes_{layer}_{lang}")
