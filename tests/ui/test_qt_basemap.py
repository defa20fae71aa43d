"""The base map: an offline GeoTIFF, MBTiles or GeoPackage raster, or XYZ tiles, drawn under
the layers from a background thread; a failure is a note, never a stop; saved with the plan."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
import rasterio
import rasterio.shutil
from pyproj import Transformer
from PyQt5.QtGui import QColor, QImage
from rasterio.transform import from_bounds
from test_qt_map_reading import UTM35, X0, Y0, kinds_plan

from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.ui.canvas.basemap import Basemap, BasemapError, read_view, tile_range, web_zoom
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_legend_panel import QtLegendPanel

_TO_WEB = Transformer.from_crs(UTM35, "EPSG:3857", always_xy=True)
_TO_LONLAT = Transformer.from_crs(UTM35, "EPSG:4326", always_xy=True)


@pytest.fixture
def canvas(qtbot) -> QtMapCanvas:
    widget = QtMapCanvas(Session(kinds_plan()))
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def red_raster(path: Path, driver: str = "GTiff") -> Path:
    """A red raster in Web Mercator over map x from X0 - 300 to X0 + 150 (UTM 35N) and y from
    Y0 - 300 to Y0 + 700: the left part of the plan."""
    x0, y0 = _TO_WEB.transform(X0 - 300, Y0 - 300)
    x1, y1 = _TO_WEB.transform(X0 + 150, Y0 + 700)
    data = np.zeros((3, 200, 100), np.uint8)
    data[0] = 230
    tif = path.with_suffix(".tif")
    profile = {"driver": "GTiff", "width": 100, "height": 200, "count": 3, "dtype": "uint8"}
    with rasterio.open(
        tif, "w", crs="EPSG:3857", transform=from_bounds(x0, y0, x1, y1, 100, 200), **profile
    ) as out:
        out.write(data)
    if driver == "GTiff":
        return tif
    rasterio.shutil.copy(tif, path, driver=driver)
    return path


def colour_at(canvas: QtMapCanvas, x: float, y: float) -> QColor:
    image = canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return QColor(image.pixel(canvas.map_to_view(x, y).toPoint()))


def is_red(c: QColor) -> bool:
    return c.red() > 180 and c.green() < 90 and c.blue() < 90


@pytest.mark.parametrize(
    ("name", "driver"), [("base.tif", "GTiff"), ("base.mbtiles", "MBTiles"), ("base.gpkg", "GPKG")]
)
def test_an_offline_raster_is_drawn_under_the_layers_where_it_lies(
    qtbot, tmp_path, canvas, name, driver
) -> None:
    path = red_raster(tmp_path / name, driver)
    with qtbot.waitSignal(canvas.basemap_drawn, timeout=10000):
        canvas.set_basemap(Basemap("file", path=str(path)))
    assert is_red(colour_at(canvas, X0 + 100, Y0 + 200))  # on the raster (no layer there)
    assert not is_red(colour_at(canvas, X0 + 300, Y0 + 200))  # east of it: white
    # the layers stay on top: a facility symbol is drawn over the red
    facility = colour_at(canvas, X0 + 50, Y0 + 300)
    assert not is_red(facility)
    legend = QtLegendPanel(canvas, lang="en")
    qtbot.addWidget(legend)
    assert legend.texts()[-1] == f"Base map: {name}"


def test_xyz_tiles_are_fetched_in_the_background_and_kept(qtbot, tmp_path, canvas) -> None:
    # a tile folder served through file:// URLs: green tiles over the plan at every zoom level
    lon, lat = _TO_LONLAT.transform(X0 + 200, Y0 + 200)
    x, y = _TO_WEB.transform(X0 + 200, Y0 + 200)
    green = QImage(256, 256, QImage.Format.Format_RGB32)
    green.fill(QColor(0, 200, 0))
    for z in range(20):
        tx, ty, tx1, ty1 = tile_range((x - 2000, y - 2000, x + 2000, y + 2000), z)
        for i in range(tx, tx1 + 1):
            for j in range(ty, ty1 + 1):
                folder = tmp_path / "tiles" / str(z) / str(i)
                folder.mkdir(parents=True, exist_ok=True)
                assert green.save(str(folder / f"{j}.png"))
    url = (tmp_path / "tiles").as_uri() + "/{z}/{x}/{y}.png"
    cache = tmp_path / "cache"
    with qtbot.waitSignal(canvas.basemap_drawn, timeout=10000):
        canvas.set_basemap(Basemap("xyz", url=url, cache=cache))
    c = colour_at(canvas, X0 + 200, Y0 + 200)
    assert c.green() > 150 and c.red() < 80, (lon, lat, c.getRgb())
    assert list(cache.rglob("*.tile"))  # kept for the next time (offline)


def test_an_unreachable_tile_server_is_a_note_not_a_stop(qtbot, canvas) -> None:
    messages: list[str] = []
    canvas.basemap_failed.connect(messages.append)
    with qtbot.waitSignal(canvas.basemap_failed, timeout=20000):
        canvas.set_basemap(Basemap("xyz", url="http://127.0.0.1:9/{z}/{x}/{y}.png"))
        canvas.zoom_by(2.0)  # the map works on meanwhile
    assert "127.0.0.1" in messages[-1] and "no tiles" in messages[-1]
    assert canvas.basemap_image() is None
    assert canvas.layer_item("facilities") is not None


def test_tianditu_without_a_key_says_so(qtbot, canvas) -> None:
    with qtbot.waitSignal(canvas.basemap_failed, timeout=5000) as blocker:
        canvas.set_basemap(Basemap("xyz", provider="tianditu"))
    assert "key" in blocker.args[0]


def test_the_base_map_is_saved_with_the_plan(qtbot, tmp_path) -> None:
    session = Session(kinds_plan())
    path = red_raster(tmp_path / "base.tif")
    session.set_basemap({"kind": "file", "path": str(path)})
    assert session.dirty
    saved = session.save(tmp_path / "plan.gpkg")
    again = QtMapCanvas(Session(load_gpkg(saved), path=saved))
    qtbot.addWidget(again)
    basemap = again.basemap()
    assert basemap is not None and basemap.kind == "file" and basemap.path == str(path)
    session.set_basemap(None)
    assert "basemap" not in session.plan.view


def test_web_zoom_and_tiles() -> None:
    # zoom z has 156543.034 / 2**z metres per pixel at the equator
    assert web_zoom(156543.04) == 0
    assert web_zoom(1.0) == 18  # 0.597 m/px: the first level as fine as asked
    assert web_zoom(0.01, max_zoom=19) == 19
    assert tile_range((-1.0, -1.0, 1.0, 1.0), 1) == (0, 0, 1, 1)
    assert tile_range((1.0, 1.0, 2.0, 2.0), 2) == (2, 1, 2, 1)


def test_read_view_is_transparent_where_the_raster_has_nothing(tmp_path) -> None:
    path = red_raster(tmp_path / "base.tif")
    rgba = read_view(
        Basemap("file", path=str(path)),
        kinds_plan().crs,
        (X0 - 300, Y0, X0 + 700, Y0 + 100),
        100,
        10,
    )
    assert rgba.shape == (10, 100, 4)
    assert rgba[5, 10, 3] == 255 and rgba[5, 10, 0] > 200  # x = X0 - 270: on the raster
    assert rgba[5, 90, 3] == 0  # x = X0 + 605: beyond it


def test_an_offline_machine_asks_the_server_once_per_view(monkeypatch) -> None:
    calls: list[str] = []

    def refuse(request, timeout=None):
        calls.append(request.full_url)
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    basemap = Basemap("xyz", url="http://tiles.invalid/{z}/{x}/{y}.png")
    with pytest.raises(BasemapError) as caught:
        read_view(basemap, kinds_plan().crs, (X0 - 3000, Y0 - 3000, X0 + 3000, Y0 + 3000), 800, 800)
    assert caught.value.code == "fetch" and caught.value.fields["host"] == "tiles.invalid"
    assert len(calls) == 1  # not once per tile of the view
