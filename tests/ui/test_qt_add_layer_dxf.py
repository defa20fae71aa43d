"""A CAD drawing in the add-layer dialog: its drawing layers to choose from, its unit and the
map coordinates of its origin, and the message when it looks local with nothing to place it.

The drawings are synthetic (``test_dxf._site``): a 600 x 600 m site near Beijing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_dxf import E0, GK, N0, _plan, _site

from spaceplanner import load_plan
from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog

pytest.importorskip("ezdxf")


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> QtAddLayerDialog:
    _site(tmp_path / "site.dxf", origin=(E0, N0))
    plan = load_plan(_plan(tmp_path, "site.dxf", f'crs = "{GK}"'))
    _site(tmp_path / "local.dxf", scale=1000.0, units=4)  # millimetres from the site's corner
    dialog = QtAddLayerDialog(plan)
    qtbot.addWidget(dialog)
    dialog.set_file(tmp_path / "local.dxf")
    return dialog


def test_the_drawing_layers_are_offered(dialog: QtAddLayerDialog) -> None:
    layers = [dialog.inner_combo.itemData(i) for i in range(dialog.inner_combo.count())]
    # the layers with entities; 文字 is declared but empty
    assert layers == sorted(["绿地", "道路中心线", "建筑", "避难场所", "图框"])
    assert dialog.units_combo.isVisibleTo(dialog) and dialog.origin_box.isVisibleTo(dialog)
    assert not dialog.offset_combo.isVisibleTo(dialog)


def test_a_local_drawing_is_placed_by_its_origin(dialog: QtAddLayerDialog) -> None:
    dialog.set_layer_in_file("绿地")
    dialog.set_role("activity_spaces")
    dialog.set_constant("kind", "green")
    errors = dialog.errors()
    # local coordinates and nothing to place them: one error saying so and what to give
    assert errors and any("look local" in p.message for p in errors)
    assert not dialog.ok_button.isEnabled()
    dialog.origin_x.setText(f"{E0:.0f}")
    dialog.origin_y.setText(f"{N0:.0f}")
    dialog.origin_y.editingFinished.emit()
    assert dialog.errors() == []
    assert dialog.ok_button.isEnabled()
    options = dialog.spec_options()
    assert options["offset"] == [E0, N0] and "units" not in options
    assert dialog.layer_spec().layer == "绿地"
    frame = dialog.result_layer().frame
    # the same areas as the drawing in metres: 100 x 70, 100 x 100, 100 x 100 less 20 x 20
    assert sorted(round(a) for a in frame.geometry.area) == [7000, 9600, 10000]
    assert frame.total_bounds[0] == pytest.approx(E0 + 50)


def test_the_unit_overrides_the_drawing(dialog: QtAddLayerDialog) -> None:
    dialog.set_layer_in_file("建筑")
    dialog.origin_x.setText(f"{E0:.0f}")
    dialog.origin_y.setText(f"{N0:.0f}")
    dialog.units_combo.setCurrentIndex(dialog.units_combo.findData("cm"))
    dialog.units_combo.activated.emit(dialog.units_combo.currentIndex())
    assert dialog.spec_options()["units"] == "cm"
    # read as centimetres the millimetre drawing is ten times too large: 400 x 250 m buildings
    layer = dialog.draft.read()
    assert sorted(round(a) for a in layer.frame.geometry.area)[0] == 400 * 250


@pytest.mark.parametrize(("x", "y"), [("4O00000", "4418500"), ("448000", ""), ("448000,0", "1")])
def test_an_origin_that_is_not_two_numbers_is_an_error(
    dialog: QtAddLayerDialog, x: str, y: str
) -> None:
    dialog.set_layer_in_file("建筑")
    dialog.origin_x.setText(x)
    dialog.origin_y.setText(y)
    dialog.origin_y.editingFinished.emit()
    errors = dialog.errors()
    assert errors[0].field == "offset" and "two numbers" in errors[0].message
    assert not dialog.ok_button.isEnabled()
