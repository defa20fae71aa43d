"""Which OSM reader builds a plan fastest and leanest: pyosmium, GDAL's OSM driver, pyrosm.

For each extract (Helsinki, Liechtenstein from the shared data folder) and each reader, one fresh
process builds the whole plan (``build_osm_plan``, residents estimated from buildings) and saves
it; the table prints wall time and the process's peak memory (max RSS) side by side.

- ``pyosmium``: the product's reader (:mod:`spaceplanner.sources.osm_read`).
- ``gdal``: GDAL's OSM driver through pyogrio, its ``other_tags`` parsed into the same tag dicts
  and fed to the same builder (closed ``highway=pedestrian`` ways come as polygons there and are
  not walked: one of the reasons it lost).
- ``pyrosm``: reading only (network, buildings, POIs, landuse with its own filters), since its
  frames come with geometry types and tag columns already decided, not the raw tags and
  geometries the builder needs.

Run ``python bench/bench_osm.py [--data DIR] [--repeat N]`` (needs ``pip install -e .[osm,bench]``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent.parent / "shared" / "data"
EXTRACTS = {
    "helsinki": ("helsinki/Helsinki.osm.pbf", "24.9352,60.1642,24.9534,60.1791"),
    "liechtenstein": (
        "liechtenstein/liechtenstein-2013-08-03.osm.pbf",
        "9.4710780,47.0477400,9.6362170,47.2712800",
    ),
}
READERS = ("pyosmium", "gdal", "pyrosm")


def _gdal_reader(path, *, filter_keys, keep_keys, line_keys):  # type: ignore[no-untyped-def]
    """The same OsmData from GDAL's OSM driver (other_tags parsed into dicts)."""
    import geopandas as gpd
    import pyogrio

    from spaceplanner.sources.osm_read import OsmData

    pair = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
    keep = frozenset(keep_keys)
    wanted = frozenset(filter_keys)

    def tags_of(frame):  # type: ignore[no-untyped-def]
        own = [c for c in frame.columns if c not in ("geometry", "other_tags", "osm_id")]
        out = []
        for row, other in zip(frame[own].itertuples(index=False), frame["other_tags"], strict=True):
            tags = {k: v for k, v in zip(own, row, strict=True) if isinstance(v, str)}
            if isinstance(other, str):
                tags.update(pair.findall(other))
            out.append(tags)
        return out

    frames = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for layer in ("points", "lines", "multipolygons"):
            frame = pyogrio.read_dataframe(path, layer=layer, on_invalid="ignore")
            frame = frame[frame.geometry.notna()]
            tags = tags_of(frame)
            chosen = [not wanted.isdisjoint(t) for t in tags]
            if layer == "lines":
                chosen = [
                    c and not frozenset(line_keys).isdisjoint(t)
                    for c, t in zip(chosen, tags, strict=True)
                ]
            if layer == "multipolygons":
                ids = [
                    f"relation/{r}" if isinstance(r, str) and r else f"way/{w}"
                    for r, w in zip(frame["osm_id"], frame["osm_way_id"], strict=True)
                ]
            else:
                prefix = "node" if layer == "points" else "way"
                ids = [f"{prefix}/{i}" for i in frame["osm_id"]]
            frames[layer] = gpd.GeoDataFrame(
                {
                    "osm_id": [i for i, c in zip(ids, chosen, strict=True) if c],
                    "tags": [
                        {k: v for k, v in t.items() if k in keep}
                        for t, c in zip(tags, chosen, strict=True)
                        if c
                    ],
                },
                geometry=frame.geometry.values[chosen],
                crs="EPSG:4326",
            )
    bounds = [f.total_bounds for f in frames.values() if len(f)]
    box = (
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    )
    return OsmData(frames["points"], frames["lines"], frames["multipolygons"], box=box)


def _child(reader: str, extract: str, bbox: str) -> None:
    """Build once in this process and print JSON: seconds, peak MiB, layer counts."""
    import resource

    started = time.perf_counter()
    if reader == "pyrosm":
        from pyrosm import OSM

        osm = OSM(extract)
        net = osm.get_network("walking")
        buildings = osm.get_buildings()
        pois = osm.get_pois(custom_filter={"amenity": True, "leisure": True, "shop": True})
        landuse = osm.get_landuse()
        counts = {
            "network": len(net),
            "buildings": len(buildings),
            "pois": len(pois),
            "landuse": 0 if landuse is None else len(landuse),
        }
    else:
        from spaceplanner.model.plan_file import save_plan
        from spaceplanner.sources import osm

        if reader == "gdal":
            osm.read_extract = _gdal_reader  # type: ignore[assignment]
        with tempfile.TemporaryDirectory() as work:
            box = osm.parse_bbox(bbox)
            built = osm.build_osm_plan(extract, bbox=box, workdir=Path(work))
            save_plan(built.plan, Path(work) / "plan.gpkg")
        counts = built.counts()
        counts["persons"] = round(built.plan.population())
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak, "counts": counts}))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per reader (best is shown)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return
    print(f"{'extract':<14}{'reader':<10}{'build s':>9}{'peak MiB':>10}  layers (features)")
    for name, (rel, bbox) in EXTRACTS.items():
        extract = args.data / rel
        for reader in READERS:
            runs = []
            for _ in range(args.repeat):
                done = subprocess.run(
                    [sys.executable, __file__, "--child", reader, str(extract), bbox],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode != 0:
                    print(f"{name:<14}{reader:<10} failed: {done.stderr.strip().splitlines()[-1:]}")
                    break
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            if not runs:
                continue
            best = min(runs, key=lambda r: r["seconds"])
            counts = ", ".join(f"{k} {v}" for k, v in best["counts"].items())
            what = " (read only)" if reader == "pyrosm" else ""
            print(
                f"{name:<14}{reader:<10}{best['seconds']:>9.2f}{best['peak_mib']:>10.0f}  "
                f"{counts}{what}"
            )
    print("\nbuild s: whole process work from import to saved plan (pyrosm: its reading only);")
    print("peak MiB: the process's max RSS (Python, geopandas and GDAL included).")


if __name__ == "__main__":
    main()
