"""Name labels sit beside point symbols, never on them (their own or another point's)."""

from __future__ import annotations

import geopandas as gpd
from conftest import UTM35, X0, Y0
from PyQt5.QtCore import QRectF
from shapely.geometry import Point

from spaceplanner.model.plan import Plan
from spaceplanner.ui.canvas.qt_items import QtVectorItem
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.model.session import Session


def _plan() -> Plan:
    """A row of facilities 12 m apart (about 25 pixels at this zoom, less than a name is
    long), two at one spot, and one far from the others."""
    xy = [(0, 0), (12, 0), (24, 0), (24, 0), (0, 40), (150, 150)]
    frame = gpd.GeoDataFrame(
        {
            "id": [f"F{i}" for i in range(len(xy))],
            "kind": ["clinic", "kindergarten", "elderly_care", "library", "sports", "other"],
            "name": [
                "East clinic",
                "Sunny kindergarten",
                "Old oak home",
                "Library",
                "Pitch",
                "Far away",
            ],
        },
        geometry=[Point(X0 + x, Y0 + y) for x, y in xy],
        crs=UTM35,
    )
    return Plan.from_frames("labels", {"facilities": ("facilities", frame)}, crs=UTM35)


def test_labels_never_cover_a_point_symbol(qtbot) -> None:
    plan = _plan()
    session = Session(plan)
    canvas = QtMapCanvas(session)
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    session.set_style("facilities", labels=True)
    canvas.viewport().grab()
    drawn = canvas.labels_drawn()
    assert "Far away" in drawn and len(drawn) >= 4
    item = canvas._layers.items["facilities"]
    assert isinstance(item, QtVectorItem)
    sym = item.symbology
    reach = 1.3 * sym.point_size / 2 + sym.point_outline  # the widest marker's half width
    frame = plan.layers["facilities"].frame
    assert frame is not None
    symbols = []
    for point in frame.geometry:
        p = canvas.map_to_view(point.x, point.y)
        symbols.append(QRectF(p.x() - reach, p.y() - reach, 2 * reach, 2 * reach))
    placed = canvas._labels.placed
    for text, rect in placed:
        hit = [i for i, s in enumerate(symbols) if rect.intersects(s)]
        assert hit == [], f"{text} covers the symbol of {[frame['id'].iloc[i] for i in hit]}"
    for k, (_, a) in enumerate(placed):  # nor each other
        assert not any(a.intersects(b) for _, b in placed[k + 1 :])
    # each label is beside its own point, within a few pixels of its symbol
    for text, rect in placed:
        point = frame.geometry.iloc[list(frame["name"]).index(text)]
        p = canvas.map_to_view(point.x, point.y)
        near = QRectF(p.x() - reach - 8, p.y() - reach - 8, 2 * reach + 16, 2 * reach + 16)
        assert rect.intersects(near)
