"""Build the ``bubenec`` sample map from momepy's Prague-Bubeneč sample data.

Reads ``prague_bubenec/bubenec.gpkg`` from the shared data folder and writes, in
``sample_maps/bubenec/``:

- ``bubenec.gpkg``: layers ``buildings`` (uID), ``residents`` (a point per dwelling building with
  an estimated population), ``network`` (the streets), ``parcels`` (the plots: ID, TYPPPD_KOD)
  and ``shelters`` (candidate emergency shelters on open plots: see ``CANDIDATE_PLOT_M2`` and
  ``EFFECTIVE_SHARE``), all in EPSG:3857 as the source is;
- ``dtm.tif``: the 1 m terrain raster as a DEFLATE GeoTIFF labelled EPSG:5514 (the source declares
  a local "S-JTSK Krovak East North" system that GDAL cannot place on Earth).

There is no building height, so residents are an estimate: see ``STOREYS``,
``FLOOR_AREA_PER_PERSON_M2`` and ``MIN_DWELLING_FOOTPRINT_M2``. The plan spec
``bubenec/plan.toml`` and ``bubenec/README.md`` are written by hand, not here.

Run ``python sample_maps/build_bubenec.py [--data DIR]``; the output is rewritten in full and is
the same on every run.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import numpy as np
import rasterio

from spaceplanner.sample_maps._build import fixed_write_time

SAMPLE_DIR = Path(__file__).resolve().parent / "bubenec"
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
VECTOR_OUTPUT = SAMPLE_DIR / "bubenec.gpkg"
DTM_OUTPUT = SAMPLE_DIR / "dtm.tif"

#: S-JTSK / Krovak East North: the raster's real CRS, and a metric CRS for true footprint areas
#: (Web Mercator inflates areas by about 2.4 at Prague's latitude).
KROVAK = "EPSG:5514"
#: Residents estimate: Bubeneč is a district of four- to five-storey villas and apartment blocks.
STOREYS = 4
#: Gross floor area per resident, about the Prague average.
FLOOR_AREA_PER_PERSON_M2 = 35.0
#: Smaller footprints are garages and sheds: no one lives there.
MIN_DWELLING_FOOTPRINT_M2 = 50.0
#: Candidate shelters: plots with no building on them, of this size range (m², GB 50413-2007
#: §8.2.9 asks at least 0.1 ha of an emergency shelter).
CANDIDATE_PLOT_M2 = (1000.0, 2000.0)
#: Share of a candidate plot taken as effective shelter area: these are gardens and yards, of
#: which only the open lawn counts (an assumption, stated in the README).
EFFECTIVE_SHARE = 0.12


def residents(buildings: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Estimated residents per building, as a point inside each dwelling footprint."""
    footprint = buildings.geometry.to_crs(KROVAK).area
    dwellings = buildings[footprint >= MIN_DWELLING_FOOTPRINT_M2]
    people = footprint[dwellings.index] * STOREYS / FLOOR_AREA_PER_PERSON_M2
    return gpd.GeoDataFrame(
        {"uID": dwellings["uID"], "population": np.rint(people).astype("int64")},
        geometry=dwellings.geometry.representative_point(),
        crs=buildings.crs,
    )


def candidate_shelters(plots: gpd.GeoDataFrame, buildings: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Open plots (no building) of the candidate size, as emergency shelters."""
    area = plots.geometry.to_crs(KROVAK).area
    built = plots.geometry.intersects(buildings.geometry.union_all())
    low, high = CANDIDATE_PLOT_M2
    chosen = plots[~built & (area >= low) & (area < high)]
    return gpd.GeoDataFrame(
        {
            "id": [f"plot/{v}" for v in chosen["ID"]],
            "class": "emergency",
            "effective_area": np.round(area[chosen.index] * EFFECTIVE_SHARE, 1),
        },
        geometry=chosen.geometry.to_numpy(),
        crs=plots.crs,
    )


def network(streets: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The street centrelines, numbered in source order (the source has no ids)."""
    return gpd.GeoDataFrame(
        {"id": [f"street/{n}" for n in range(1, len(streets) + 1)]},
        geometry=streets.geometry.to_numpy(),
        crs=streets.crs,
    )


def build_layers(source: Path) -> dict[str, gpd.GeoDataFrame]:
    """Build the vector layers of the sample, keyed by GeoPackage layer name."""
    buildings = gpd.read_file(source, layer="buildings")[["uID", "geometry"]]
    plots = gpd.read_file(source, layer="plots")[["ID", "TYPPPD_KOD", "geometry"]]
    streets = gpd.read_file(source, layer="streets")
    return {
        "buildings": buildings,
        "residents": residents(buildings),
        "network": network(streets),
        "parcels": plots,
        "shelters": candidate_shelters(plots, buildings),
    }


def write_gpkg(layers: Mapping[str, gpd.GeoDataFrame], path: Path) -> None:
    """Write the layers to one GeoPackage, replacing the file."""
    path.unlink(missing_ok=True)
    with fixed_write_time():
        for name, frame in layers.items():
            frame.reset_index(drop=True).to_file(path, layer=name, driver="GPKG", engine="pyogrio")
            print(f"{name}: {len(frame)} features")


def write_dtm(source: Path, path: Path) -> None:
    """Copy the GeoPackage raster ``dtm`` to a GeoTIFF, labelled with its real CRS."""
    with rasterio.open(f"GPKG:{source}:dtm") as src:
        elevation = src.read(1)
        profile = {
            "driver": "GTiff",
            "width": src.width,
            "height": src.height,
            "count": 1,
            "dtype": elevation.dtype,
            "crs": KROVAK,
            "transform": src.transform,
            "nodata": src.nodata,
            "compress": "deflate",
            "predictor": 3,
            "tiled": True,
            "blockxsize": 256,
            "blockysize": 256,
        }
    path.unlink(missing_ok=True)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(elevation, 1)
    low, high = float(elevation.min()), float(elevation.max())
    print(f"dtm: {profile['width']} x {profile['height']} cells of 1 m, {low:.1f}-{high:.1f} m")


def main(argv: list[str] | None = None) -> None:
    """Build the sample from the shared data folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder ({DEFAULT_DATA})"
    )
    args = parser.parse_args(argv)
    source = args.data / "prague_bubenec" / "bubenec.gpkg"
    if not source.is_file():
        parser.error(f"{source} not found: point --data at the shared data folder")
    SAMPLE_DIR.mkdir(exist_ok=True)
    layers = build_layers(source)
    write_gpkg(layers, VECTOR_OUTPUT)
    write_dtm(source, DTM_OUTPUT)
    print(f"population: {int(layers['residents']['population'].sum())}")
    for path in (VECTOR_OUTPUT, DTM_OUTPUT):
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
