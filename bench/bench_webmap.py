"""What the offline web map (``map.html``) of a district costs, against the evaluation it draws.

Builds the synthetic district ``small`` of ``synthetic_city`` (50,000 resident points, 10,000
network nodes, 100 facilities; timed, not counted) and measures, in this one process:

- ``floor``: the evaluation alone, ``evaluate(plan, gaps=True)`` (figures and gap layers), which
  every export needs before it draws anything;
- ``export``: ``write_webmap(plan, report, TMPDIR/map.html)``, wall time;
- ``peak``: the export's peak of traced allocations (``tracemalloc``, Python objects and numpy
  arrays; measured in a second export, since tracing slows the code it traces), and the
  process's resident-set high-water mark (``ru_maxrss``) after each step;
- ``size``: the size of ``map.html`` in MB and its features per overlay group.

It prints ``export / floor``. Target (issue 16): the export in seconds and ``map.html`` a few MB
(before: 105 s, 3.7 GB, 474 MB). ``--size`` picks another size of ``synthetic_city.SIZES``;
``--keep DIR`` keeps the page (to look at it in a browser). Not run in CI.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from synthetic_city import SIZES, make_city

from spaceplanner import evaluate
from spaceplanner.outputs.webmap import write_webmap


def _rss_mb() -> float:
    """The process's resident-set high-water mark so far, MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _features(page: Path) -> int:
    """The GeoJSON features in the page."""
    return len(re.findall(r'"type": ?"Feature"', page.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="small", choices=list(SIZES))
    parser.add_argument("--keep", type=Path, help="folder to keep map.html in")
    parser.add_argument("--lang", default="en", choices=["en", "zh"])
    parser.add_argument("--no-trace", action="store_true", help="skip the traced second export")
    args = parser.parse_args()
    n_nodes, n_residents, n_facilities = SIZES[args.size]
    t0 = time.perf_counter()
    plan = make_city(n_nodes, n_residents, n_facilities)
    print(f"city {args.size}: {n_residents:,} residents, built in {time.perf_counter() - t0:.1f} s")
    print(f"  RSS after building: {_rss_mb():,.0f} MB")

    t0 = time.perf_counter()
    report = evaluate(plan, gaps=True)
    for name in ("residents", "gap_areas", "service_areas", "shelters"):
        report.layers[name]  # the lazy gap layers are made here, as part of the floor
    floor = time.perf_counter() - t0
    print(f"floor (evaluate, gaps=True): {floor:.2f} s; RSS {_rss_mb():,.0f} MB")

    with tempfile.TemporaryDirectory(prefix="bench-webmap-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / "map.html"
        t0 = time.perf_counter()
        write_webmap(plan, report, page, lang=args.lang)
        seconds = time.perf_counter() - t0
        rss = _rss_mb()
        size_mb = page.stat().st_size / 1e6
        features = _features(page)
        peak = 0
        if not args.no_trace:
            tracemalloc.start()
            write_webmap(plan, report, folder / "map-traced.html", lang=args.lang)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            (folder / "map-traced.html").unlink()
    result = {
        "residents": n_residents,
        "floor_s": round(floor, 2),
        "export_s": round(seconds, 2),
        "ratio": round(seconds / floor, 2),
        "export_peak_traced_mb": round(peak / 1e6, 1),
        "rss_max_mb": round(rss),
        "map_html_mb": round(size_mb, 2),
        "features": features,
    }
    print(f"export (write_webmap): {seconds:.2f} s = {seconds / floor:.2f} x floor")
    print(f"  peak traced during export: {peak / 1e6:,.1f} MB; RSS high-water {rss:,.0f} MB")
    print(f"  map.html: {size_mb:.2f} MB, {features:,} features")
    print(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
