"""Help → Guide: its numbers are the rule profile's, in English and Chinese."""

from __future__ import annotations

import pytest
from PyQt5.QtCore import QTranslator
from PyQt5.QtWidgets import QApplication

from spaceplanner.model.rules import load_profile
from spaceplanner.ui import i18n
from spaceplanner.ui.dialogs.qt_guide_dialog import QtGuideDialog


@pytest.mark.parametrize("name", ["cn-gb", "sphere"])
def test_the_guide_quotes_the_profile(qtbot, name: str) -> None:
    profile = load_profile(name)
    dialog = QtGuideDialog(profile)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for word in ("让", "防", "避", "Life circles", "Shelter capacity", "What each indicator means"):
        assert word in text
    for circle in profile.circles:
        assert f"within {circle.radius_m.value:g} m" in text
        assert circle.radius_m.source in text
    for shelter_class in profile.shelter_classes.values():
        assert f"{shelter_class.per_capita_m2.value:g} m² per person" in text
    assert f"{profile.walking_speed.value:g} m per minute" in text
    assert profile.title in text


def test_the_guide_in_chinese(qtbot) -> None:
    app = QApplication.instance()
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("zh")))
    app.installTranslator(translator)
    try:
        dialog = QtGuideDialog(load_profile("cn-gb"), lang="zh")
        qtbot.addWidget(dialog)
        text = dialog.browser.toPlainText()
        assert "生活圈" in text and "避难场所容量" in text and "5分钟生活圈活动空间" in text
        assert "Life circles" not in text and "What each indicator means" not in text
    finally:
        app.removeTranslator(translator)
