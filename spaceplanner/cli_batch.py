"""``spaceplanner batch``: the city health check (城市体检), every community in one run, on Dask.

Dask and the city modules are imported when the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from spaceplanner import settings
from spaceplanner.cli_common import (
    EXIT_OK,
    ProgressBar,
    add_lang_arg,
    add_progress_args,
    plan_path,
    progress_feedback,
)

#: The exit code of a run stopped with Ctrl-C (as the shell's 128 + SIGINT).
EXIT_INTERRUPTED = 130

if TYPE_CHECKING:
    from spaceplanner.city.run import BatchResult

__all__ = ["add_parser", "cmd_batch"]


def add_parser(sub: Any, plan_args: Callable[..., None]) -> None:
    """Add the ``batch`` command to the CLI's subparsers."""
    p = sub.add_parser(
        "batch",
        help="city health check: evaluate every community of a city plan (on Dask)",
        description="Evaluate each community of the city plan PLAN (its own residents; the "
        "network, sites and hazards within its boundary plus the largest walking radius in "
        "use) on a Dask cluster: a local one of --workers processes, or --scheduler ADDRESS. "
        "Writes communities.gpkg, communities.csv, map.html (choropleth) and atlas.pdf into --out. "
        "An interrupted run goes on with --resume.",
    )
    plan_args(p, crs=False)
    p.add_argument(
        "--communities",
        required=True,
        metavar="BOUNDARIES",
        help="polygon layer of the communities (Shapefile, GeoPackage, GeoJSON; any CRS)",
    )
    p.add_argument("--communities-layer", metavar="LAYER", help="layer inside a multi-layer file")
    p.add_argument("--id-field", metavar="F", help="field of the community id (default: found)")
    p.add_argument("--name-field", metavar="F", help="field of the community name")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--workers", type=int, metavar="N", help="worker processes of the local cluster"
    )
    where.add_argument(
        "--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://host:8786)"
    )
    p.add_argument("--rules", metavar="PROFILE", help="rule profile name or .toml path")
    p.add_argument("--scenario", metavar="NAME", help="hazard scenario (default: the plan's)")
    p.add_argument("--period", choices=settings.PERIODS, default="both")
    add_lang_arg(p, "the maps")
    p.add_argument(
        "--encoding", choices=["utf-8", "gbk"], default="utf-8", help="of communities.csv"
    )
    p.add_argument(
        "--no-maps",
        action="store_true",
        help="figures only: no map per community and no atlas (much faster)",
    )
    p.add_argument("--resume", action="store_true", help="go on with an interrupted run")
    p.add_argument(
        "--overwrite", action="store_true", help="replace outputs; discard an unfinished run"
    )
    add_progress_args(p)
    p.set_defaults(func=cmd_batch)


def _print(result: BatchResult, ids: list[str], names: list[str], out: TextIO) -> None:
    ok = [r for r in result.results if r.status == "ok"]
    failed = [r for r in result.results if r.status != "ok"]
    print(
        f"Communities: {len(result.results)} ({len(ok)} evaluated, {len(failed)} failed); "
        f"computed {result.computed} now"
        + (f", {result.resumed} from the interrupted run" if result.resumed else "")
        + f"; {result.seconds:.1f} s"
        + (f" on {result.workers} workers" if result.workers else ""),
        file=out,
    )
    import pandas as pd

    from spaceplanner.city.outputs import below_standard, item_label

    counts = {k: n for k, n in below_standard(pd.DataFrame([r.row for r in ok])).items() if n}
    if counts:
        print("Communities below standard, per item:", file=out)
        for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {item_label(key, 'en')} ({key}): {n}", file=out)
    for r in failed[:10]:
        print(f"  failed {ids[r.index]} ({names[r.index]}): {r.status}", file=out)
    if len(failed) > 10:
        print(f"  ... and {len(failed) - 10} more failed (see communities.csv)", file=out)
    print(f"Wrote {', '.join(str(p) for p in result.outputs)}", file=out)


def cmd_batch(args: argparse.Namespace) -> int:
    """Run the city health check."""
    from spaceplanner.city.communities import read_communities
    from spaceplanner.city.run import run_batch
    from spaceplanner.city.work import Options
    from spaceplanner.files import plan_inputs
    from spaceplanner.layers.errors import PlanError
    from spaceplanner.model.plan import load_plan

    if args.workers is not None and args.workers < 1:
        msg = "--workers must be at least 1"
        raise PlanError(msg, field="--workers", hint="e.g. --workers 2")
    city = load_plan(plan_path(args), strict=True)
    if city.crs is None:
        msg = "the city plan has no CRS"
        raise PlanError(msg, file=str(city.path), hint="set crs in the plan")
    bounds = [lyr.frame.total_bounds for lyr in city if lyr.frame is not None and len(lyr.frame)]
    if not bounds:
        msg = "the city plan has no vector layers"
        raise PlanError(msg, file=str(city.path), hint="add residents, a network and sites")
    lo = [min(b[0] for b in bounds), min(b[1] for b in bounds)]
    hi = [max(b[2] for b in bounds), max(b[3] for b in bounds)]
    communities = read_communities(
        Path(args.communities),
        city.crs,
        (lo[0], lo[1], hi[0], hi[1]),
        id_field=args.id_field,
        name_field=args.name_field,
        layer=args.communities_layer,
    )
    options = Options(
        rules=args.rules,
        scenario=args.scenario,
        period=args.period,
        lang=args.lang,
        maps=not args.no_maps,
    )
    try:
        result = run_batch(
            city,
            communities,
            Path(args.out),
            options=options,
            workers=args.workers,
            scheduler=args.scheduler,
            resume=args.resume,
            overwrite=args.overwrite,
            encoding=args.encoding,
            inputs=plan_inputs(city, rules=args.rules),
            feedback=progress_feedback(args),
        )
    except KeyboardInterrupt:
        ProgressBar.clear_drawn()
        print(
            f"interrupted: the communities done so far are saved in {args.out}; run the same "
            "command again with --resume to compute only the others",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    if not args.quiet:
        _print(result, communities.ids, communities.names, sys.stdout)
    failed = [r for r in result.results if r.status != "ok"]
    if failed and len(failed) == len(result.results):
        # the outputs are written (each row says why), but nothing was evaluated
        msg = f"every community failed; the first: {failed[0].status}"
        raise PlanError(
            msg,
            file=str(args.communities),
            feature=communities.ids[failed[0].index],
            hint=f"see the status column of {Path(args.out) / 'communities.csv'}",
        )
    return EXIT_OK
