"""Builders of the bad-input corpus: each case writes a tiny community (or a broken piece of one)
into a folder and says which commands to run on it and what must come out.

The base community is small enough to check by hand (straight-line distance × 1.3, the ``cn-gb``
profile, no network unless a case adds one):

* residents: 25 points on a 5 × 5 grid, 100 m apart, 100 persons each — population 2,500;
* one emergency shelter, a 60 m × 50 m polygon with ``capacity = 3000`` in the middle of the grid
  (the farthest resident is 244 m away, 317 m with the detour factor: everyone within 500 m) —
  capacity 3,000, sheltered 2,500;
* two parks of 80 m × 80 m — activity space 12,800 m²; with ``dual_use`` true each would add its
  6,400 m² ÷ 1 m²/person to the emergency capacity (15,800 with both).

A case's expectation is either ``ok`` (exit 0 and the figures in every ``report.json`` it names)
or ``bad`` (exit 2 and one ``error:`` message containing the given words: the file, layer, field,
value), or both when the issue allows either outcome (e.g. "read it windowed or refuse").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import rasterio
from rasterio import Affine
from shapely.geometry import Point, box
from test_bad_input import UTM, X0, Y0, save, write_plan

__all__ = ["BASE", "Case", "Expect", "Run", "Word"]

#: A word the message must contain, or a tuple of alternatives (any one will do).
Word = str | tuple[str, ...]

POPULATION = 2500.0
CAPACITY = 3000.0
PARK_AREA = 12800.0
#: The base community's figures.
BASE: dict[str, float] = {
    "population": POPULATION,
    "shelters.capacity_persons": CAPACITY,
    "shelters.population_sheltered": POPULATION,
    "activity_spaces.overall.area_m2": PARK_AREA,
}

EVALUATE = ("evaluate", "plan.toml", "--out", "out")
VALIDATE = ("validate", "plan.toml")
DAMAGED: Word = ("truncated", "damaged", "incomplete", "cut short", "corrupt")


@dataclass(frozen=True)
class Run:
    """One command line (after ``spaceplanner``), run in the case's folder.

    A ``setup`` run prepares the case (e.g. ``convert`` to a plan file, a first export): it must
    exit 0 and is not judged by the case's expectation; the inputs are hashed after it.
    """

    args: tuple[str, ...]
    setup: bool = False


@dataclass(frozen=True)
class Expect:
    """What a case must end in.

    figures
        ``ok``: dotted keys of ``report.json`` and their values (to 0.5 persons / m²).
    words
        ``bad``: every word (or one of each tuple's alternatives) in the error message.
    reports
        The ``report.json`` files (relative to the case folder) the figures are checked in.
    outputs
        ``ok``: files that must exist after the runs.
    warn
        ``ok``: words the command's output must contain (a warning that may not be left out).
    """

    figures: Mapping[str, float] | None = None
    words: tuple[Word, ...] | None = None
    reports: tuple[str, ...] = ("out/report.json",)
    outputs: tuple[str, ...] = ()
    warn: tuple[Word, ...] = ()

    @property
    def may_succeed(self) -> bool:
        return self.figures is not None

    @property
    def may_refuse(self) -> bool:
        return self.words is not None


@dataclass(frozen=True)
class Case:
    """One corpus case: how to build it, what to run, what must come out."""

    name: str
    build: Callable[[Path], Any]
    runs: tuple[Run, ...]
    expect: Expect
    timeout: float = 60.0
    #: Folders (relative) whose files are outputs, not inputs, of the judged runs.
    out_dirs: tuple[str, ...] = ("out", "out2")
    #: What the case stands for (the issue's words, or ours).
    about: str = ""


def ok(figures: Mapping[str, float] | None = None, **kw: Any) -> Expect:
    return Expect(figures=dict(BASE if figures is None else figures), **kw)


def bad(*words: Word) -> Expect:
    return Expect(words=words)


def either(figures: Mapping[str, float] | None, *words: Word, **kw: Any) -> Expect:
    return Expect(figures=dict(BASE if figures is None else figures), words=words, **kw)


def runs(*commands: tuple[str, ...]) -> tuple[Run, ...]:
    return tuple(Run(c) for c in commands)


# --------------------------------------------------------------------------------------------
# The base community


def grid_residents(crs: str | None = UTM, population: float = 100.0) -> gpd.GeoDataFrame:
    """25 points 100 m apart, ids R1..R25, ``population`` each."""
    points = [Point(X0 + 100 * i, Y0 + 100 * j) for j in range(5) for i in range(5)]
    return gpd.GeoDataFrame(
        {"id": [f"R{k + 1}" for k in range(25)], "population": [population] * 25},
        geometry=points,
        crs=crs,
    )


SHELTER_BOX = (X0 + 170, Y0 + 175, X0 + 230, Y0 + 225)


def shelter(crs: str | None = UTM, capacity: Any = 3000.0) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"id": ["S1"], "name": ["School yard"], "capacity": [capacity]},
        geometry=[box(*SHELTER_BOX)],
        crs=crs,
    )


def parks(crs: str | None = UTM, dual_use: list[Any] | None = None) -> gpd.GeoDataFrame:
    frame = gpd.GeoDataFrame(
        {"id": ["P1", "P2"], "name": ["North park", "East park"], "kind": ["park", "park"]},
        geometry=[
            box(X0 - 100, Y0 + 100, X0 - 20, Y0 + 180),
            box(X0 + 420, Y0 + 100, X0 + 500, Y0 + 180),
        ],
        crs=crs,
    )
    if dual_use is not None:
        frame["dual_use"] = dual_use
    return frame


def base_layers(folder: Path, *, crs: str = UTM) -> dict[str, dict[str, Any]]:
    """Write the base community's files; return its layer tables for :func:`write_plan`."""
    save(grid_residents(crs), folder / "residents.gpkg")
    save(shelter(crs), folder / "shelters.gpkg")
    save(parks(crs), folder / "parks.gpkg")
    return {
        "residents": {"path": "residents.gpkg"},
        "shelters": {"path": "shelters.gpkg"},
        "parks": {"role": "activity_spaces", "path": "parks.gpkg"},
    }


def base(folder: Path, **top: Any) -> Path:
    return write_plan(folder, base_layers(folder), **top)


def with_layer(
    folder: Path,
    name: str,
    options: dict[str, Any],
    frame: gpd.GeoDataFrame | None = None,
    file: str | None = None,
    **top: Any,
) -> Path:
    """The base plan with layer ``name`` replaced (its frame saved to ``file``, if given)."""
    layers = base_layers(folder)
    if frame is not None and file is not None:
        save(frame, folder / file)
    layers[name] = options
    return write_plan(folder, layers, **top)


def raw_plan(folder: Path, text: str, *, layers: bool = True) -> Path:
    """A plan written verbatim (after the base layers' files, when ``layers``)."""
    if layers:
        base_layers(folder)
    path = folder / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


BASE_TOML = """name = "test"

[layers.residents]
path = "residents.gpkg"

[layers.shelters]
path = "shelters.gpkg"

[layers.parks]
role = "activity_spaces"
path = "parks.gpkg"
"""


def write_raster(
    path: Path,
    data: np.ndarray,
    *,
    west: float,
    north: float,
    cell: float,
    crs: str | None = UTM,
    nodata: float | None = None,
) -> Path:
    profile: dict[str, Any] = {
        "driver": "GTiff",
        "width": data.shape[1],
        "height": data.shape[0],
        "count": 1,
        "dtype": str(data.dtype),
        "transform": Affine(cell, 0.0, west, 0.0, -cell, north),
    }
    if crs is not None:
        profile["crs"] = crs
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return path


def cut(path: Path, keep: float = 0.5) -> None:
    """Cut ``path`` short, as an interrupted copy would."""
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
