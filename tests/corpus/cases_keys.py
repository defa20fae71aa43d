"""Corpus builders: every TOML key of a layer, values in the data, output paths."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
from shapely.geometry import Point
from test_bad_input import UTM, X0, Y0, save, write_plan

from corpus.base import (
    BASE_TOML,
    base,
    base_layers,
    grid_residents,
    parks,
    raw_plan,
    shelter,
    with_layer,
)
from corpus.cases_values import _residents_csv

# --------------------------------------------------------------------------------------------
# Every TOML key of a layer


def _layer_key(layer: str, key: str, toml_value: str) -> Callable[[Path], None]:
    """The base plan with ``key = toml_value`` (verbatim TOML) added to layer ``layer``."""

    def build(d: Path) -> None:
        anchor = f"[layers.{layer}]\n"
        text = BASE_TOML.replace(anchor, f"{anchor}{key} = {toml_value}\n")
        if f"\n{key} = " in "\n" + BASE_TOML.split(anchor, 1)[1].split("[layers", 1)[0]:
            # the layer has the key already: replace its line instead
            section = BASE_TOML.split(anchor, 1)[1].split("[layers", 1)[0]
            old = next(line for line in section.splitlines() if line.startswith(f"{key} = "))
            text = BASE_TOML.replace(
                anchor + section, anchor + section.replace(old, f"{key} = {toml_value}")
            )
        raw_plan(d, text)

    return build


def b_path_missing(d: Path) -> None:
    raw_plan(d, BASE_TOML.replace('path = "shelters.gpkg"\n', ""))


def b_x_missing_column(d: Path) -> None:
    _residents_csv(d, ["1000", "1000", "250", "250"])
    text = (d / "plan.toml").read_text(encoding="utf-8")
    (d / "plan.toml").write_text(
        text.replace('crs = "EPSG:32635"', 'crs = "EPSG:32635"\nx = "east"\ny = "north"'),
        encoding="utf-8",
    )


def b_x_int(d: Path) -> None:
    _residents_csv(d, ["1000", "1000", "250", "250"])
    text = (d / "plan.toml").read_text(encoding="utf-8")
    (d / "plan.toml").write_text(
        text.replace('crs = "EPSG:32635"', 'crs = "EPSG:32635"\nx = 1'), encoding="utf-8"
    )


def b_facility_kind_int(d: Path) -> None:
    layers = base_layers(d)
    save(
        gpd.GeoDataFrame({"id": ["C1"]}, geometry=[Point(X0 + 150, Y0 + 150)], crs=UTM),
        d / "clinic.gpkg",
    )
    layers["clinics"] = {"role": "facilities", "path": "clinic.gpkg", "kind": 5}
    write_plan(d, layers)


# --------------------------------------------------------------------------------------------
# Values in the data


def _values(
    frame_fn: Callable[[], gpd.GeoDataFrame],
    layer: str,
    file: str,
    column: str,
    row: int,
    value: Any,
    options: dict[str, Any] | None = None,
) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        frame = frame_fn()
        frame[column] = frame[column].astype(object) if isinstance(value, str) else frame[column]
        frame.loc[row, column] = value
        opts = {"path": file} | (options or {})
        with_layer(d, layer, opts, frame, file)

    return build


def _shelter_frame() -> gpd.GeoDataFrame:
    frame = shelter()
    frame["effective_area"] = [3000.0]
    frame["households"] = [1.0]
    return frame


def _households_frame() -> gpd.GeoDataFrame:
    frame = grid_residents()
    frame["households"] = 40.0
    return frame


# --------------------------------------------------------------------------------------------
# Output paths


def b_plan_and_inputs_in_shp(d: Path) -> None:
    """Inputs kept in a ``shp`` folder, where a Shapefile export would put its own files."""
    (d / "shp").mkdir()
    save(grid_residents(), d / "shp" / "plan_residents.shp")
    save(shelter(), d / "shp" / "shelters.shp")
    save(parks(), d / "parks.gpkg")
    write_plan(
        d,
        {
            "residents": {"path": "shp/plan_residents.shp"},
            "shelters": {"path": "shp/shelters.shp"},
            "parks": {"role": "activity_spaces", "path": "parks.gpkg"},
        },
    )


def b_input_named_gaps(d: Path) -> None:
    """A residents layer whose file is called ``gaps.gpkg``, in the folder evaluated into."""
    layers = base_layers(d)
    (d / "residents.gpkg").rename(d / "gaps.gpkg")
    layers["residents"] = {"path": "gaps.gpkg"}
    write_plan(d, layers)


def b_json_is_folder(d: Path) -> None:
    base(d)
    (d / "report").mkdir()


def b_readonly_json(d: Path) -> None:
    base(d)
