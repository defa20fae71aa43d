"""The selected-feature panel names the fields and the choices in the app's language."""

from __future__ import annotations

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.i18n import set_lang
from spaceplanner.model.plan import load_plan
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_feature_panel import QtFeaturePanel


def test_a_shelter_s_fields_and_class_in_chinese(qtbot) -> None:
    plan = load_plan(get_path("synthetic_cn"))
    session = Session(plan)
    session.set_report(Evaluator(plan).evaluate(gaps=False))
    set_lang("zh")
    panel = QtFeaturePanel(session)
    qtbot.addWidget(panel)
    session.select(("shelters", "BN01"))
    rows = dict(panel.rows())
    assert rows["编号 (id)"] == "BN01"
    classes = [v for k, v in rows.items() if k.endswith("(class)")]
    assert classes and classes[0].endswith("避难场所")  # the class's term, not "emergency"
    set_lang("en")
    panel.refresh()
    rows = dict(panel.rows())
    assert rows["id"] == "BN01"
    assert rows["class"].endswith("shelter")  # "Emergency shelter", "Fixed shelter", ...
