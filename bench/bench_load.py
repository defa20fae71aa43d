"""How much loading a plan costs over reading its files bare.

For each sample map: the time of ``load_plan`` (read, encoding detection, role fitting, geometry
checks, projection, overlap check) against the floor of reading the same vector layers with
``pyogrio.read_dataframe`` and projecting them with ``to_crs``, in the same process.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyogrio

from spaceplanner import load_plan
from spaceplanner.model.plan import read_spec
from spaceplanner.model.plan_file import save_plan
from spaceplanner.sample_maps import get_path, list_samples


def best_of(repeat: int, func: Callable[[], object]) -> float:
    """Best wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_read(name: str, crs: object) -> None:
    """Read every vector layer of the sample's spec and project it: the floor."""
    _, specs = read_spec(get_path(name))
    for spec in specs:
        if spec.path.suffix.lower() in {".tif", ".tiff"}:
            continue
        frame = pyogrio.read_dataframe(spec.path, layer=spec.layer)
        if frame.crs is not None:
            frame.to_crs(crs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'sample':<14}{'features':>9}{'bare read':>11}{'load_plan':>11}{'ratio':>7}{'save':>9}")
    for name in list_samples():
        plan = load_plan(get_path(name))
        features = sum(layer.feature_count for layer in plan)
        floor = best_of(args.repeat, lambda n=name, c=plan.crs: bare_read(n, c))
        full = best_of(args.repeat, lambda n=name: load_plan(get_path(n)))
        with tempfile.TemporaryDirectory() as tmp:
            saved = best_of(args.repeat, lambda p=plan, t=tmp: save_plan(p, Path(t) / "p.gpkg"))
        print(
            f"{name:<14}{features:>9}{floor * 1000:>9.0f}ms{full * 1000:>9.0f}ms"
            f"{full / floor:>7.2f}{saved * 1000:>7.0f}ms"
        )


if __name__ == "__main__":
    main()
