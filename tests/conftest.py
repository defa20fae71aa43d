"""Shared fixtures: a tiny community built in tmp_path, in a metric CRS around Helsinki."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point, box

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Python's cycle collector stays off in the test process: Qt objects of windows earlier tests
# closed, freed by it at an arbitrary later moment, crashed a later test's painting (a
# use-after-free seen only under pytest-qt, where the test harness holds the widgets; the same
# sequence in a plain process runs clean). Reference counting still frees almost everything.
gc.disable()

#: EPSG:32635 (UTM 35N) coordinates of a point in central Helsinki.
X0, Y0 = 385_000.0, 6_672_000.0
UTM35 = "EPSG:32635"


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own desktop-app home (settings, recent plans, autosaves)."""
    home = tmp_path / "app-home"
    monkeypatch.setenv("SPACEPLANNER_HOME", str(home))
    return home


def write_toml(path: Path, text: str) -> Path:
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


@pytest.fixture
def community(tmp_path: Path) -> Path:
    """A small plan: residents (GeoJSON, lon/lat), shelters (GPKG), network (Shapefile, UTM)."""
    residents = gpd.GeoDataFrame(
        {"code": ["r1", "r2", "r3"], "常住人口": [120, 80, 45], "名称": ["东区", "西区", "北区"]},
        geometry=[Point(X0 + 10, Y0 + 10), Point(X0 + 200, Y0 + 50), Point(X0 + 60, Y0 + 300)],
        crs=UTM35,
    ).to_crs(4326)
    residents.to_file(tmp_path / "residents.geojson", driver="GeoJSON")
    shelters = gpd.GeoDataFrame(
        {
            "name": ["Park shelter", "School yard"],
            "容纳人数": [150, 60],
            "有效避难面积": [1500.0, 800.0],
            "类型": ["紧急", "固定"],
        },
        geometry=[box(X0 + 100, Y0 + 100, X0 + 160, Y0 + 150), box(X0 - 80, Y0, X0 - 40, Y0 + 30)],
        crs=UTM35,
    )
    shelters.to_file(tmp_path / "sites.gpkg", layer="shelters", driver="GPKG")
    shelters.iloc[:1].to_file(tmp_path / "sites.gpkg", layer="other", driver="GPKG")
    network = gpd.GeoDataFrame(
        {"width": [6.0, 4.0]},
        geometry=[
            LineString([(X0 - 100, Y0), (X0 + 300, Y0)]),
            LineString([(X0 + 100, Y0), (X0 + 100, Y0 + 350)]),
        ],
        crs=UTM35,
    )
    network.to_file(tmp_path / "walk.shp")
    return write_toml(
        tmp_path / "plan.toml",
        """
name = "Test community"
rules = "cn-gb"
scenario = "earthquake"

[layers.residents]
path = "residents.geojson"
id = "code"

[layers.shelters]
path = "sites.gpkg"
layer = "shelters"

[layers.walk]
role = "network"
path = "walk.shp"
""",
    )


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold every evaluation inside its shelters step until the event is set."""
    import spaceplanner.engine.evaluation as evaluation_module

    opened = threading.Event()
    real = evaluation_module.shelter_stage

    def held(inp: Any, ctx: Any) -> Any:
        assert opened.wait(20), "the test never opened the gate"
        return real(inp, ctx)

    monkeypatch.setattr(evaluation_module, "shelter_stage", held)
    return opened


# messages in English unless a test chooses otherwise (the tool follows the system's language)
os.environ["SPACEPLANNER_LANG"] = "en"


@pytest.fixture(autouse=True)
def message_language() -> Any:
    """Each test starts with the language of messages unset (the app or the CLI may set it)."""
    from spaceplanner.i18n import set_lang

    set_lang(None)
    yield
    set_lang(None)
