"""The Suggest sites dialog: ask, see the answer on the map, add it as one undoable edit."""

from __future__ import annotations

import pytest
from test_suggest import make_plan

from spaceplanner import evaluate
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.dialogs.qt_suggest_dialog import QtSuggestDialog
from spaceplanner.ui.model.session import Session


@pytest.fixture
def session() -> Session:
    return Session(
        make_plan(
            homes=[(0, 1000), (3000, 800)],
            candidates=[("J1", 0, 1000), ("J2", 100, 1000), ("J3", 3000, 800)],
        )
    )


def test_ask_see_and_add(qtbot, session: Session, tmp_path) -> None:
    dialog = QtSuggestDialog(session)
    canvas = QtMapCanvas(session)
    qtbot.addWidget(dialog)
    qtbot.addWidget(canvas)
    dialog.suggested.connect(canvas.show_suggestions)
    assert dialog.candidates.currentData() == "candidates"
    dialog.add_count.setValue(2)
    with qtbot.waitSignal(dialog.suggested, timeout=60_000) as shown:
        assert dialog.start()
    assert len(shown.args[0]) == 2 and canvas.suggestion_count() == 2
    assert [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())] == ["J1", "J3"]
    assert dialog.curve.values == pytest.approx([0, 1000, 1800])
    assert "1,800 persons sheltered" in dialog.summary.text()
    dialog.resize(640, 660)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "suggest.png"))
    # one undoable edit; the figures follow
    assert dialog.add_button.isEnabled()
    dialog.add_to_plan()
    assert canvas.suggestion_count() == 0
    assert evaluate(session.plan, gaps=False).to_dict()["shelters"][
        "population_sheltered"
    ] == pytest.approx(1800)
    assert session.stack.can_undo
    session.undo()
    assert "suggested shelters" not in session.plan.layers


def test_a_bad_question_is_a_dialog_not_a_crash(qtbot, session: Session, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "spaceplanner.ui.dialogs.qt_suggest_dialog.QMessageBox.warning",
        lambda _parent, _title, text, *a: shown.append(text),
    )
    dialog = QtSuggestDialog(session)
    qtbot.addWidget(dialog)
    dialog.add_count.setValue(9)
    with qtbot.waitSignal(dialog.task.failed, timeout=60_000):
        dialog.start()
    assert shown and "more sites than the 3 usable candidates" in shown[0]
    assert not dialog.add_button.isEnabled()
