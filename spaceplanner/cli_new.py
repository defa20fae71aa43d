"""``spaceplanner new``: a plan GeoPackage from an OpenStreetMap extract.

The OSM reader and the plan builder are imported when the command runs, not when the parser is
built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spaceplanner.cli_common import (
    EXIT_OK,
    ProgressBar,
    add_lang_arg,
    add_progress_args,
    check_output_file,
)

__all__ = ["add_parser", "cmd_new"]


def add_parser(sub: Any, plan_args: Callable[..., None]) -> None:
    """Add the ``new`` command to the CLI's subparsers (``plan_args`` is unused: the command
    makes a plan rather than reading one)."""
    p = sub.add_parser(
        "new",
        help="make a plan GeoPackage from an OpenStreetMap extract",
        usage="spaceplanner new PLAN.gpkg --osm EXTRACT (--bbox W,S,E,N | --boundary FILE) "
        "[--population FILE] [--crs EPSG:xxxx] [--tags FILE] [--overwrite]",
        description="Build a plan from an OpenStreetMap extract (.osm.pbf, .osm): walking "
        "network, activity spaces, shelters and shelter candidates, facilities by kind, hazard "
        "sources, buildings and the boundary; residents from --population (a population grid "
        "or raster, any CRS) or estimated from the buildings. The tag mapping is the [osm] "
        "section of layers/sources.toml; --tags FILE overrides entries of it.",
    )
    p.add_argument("target", metavar="PLAN.gpkg", help="the plan file to write")
    p.add_argument("--osm", required=True, metavar="EXTRACT", help="OpenStreetMap extract")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--bbox", metavar="W,S,E,N", help="the plan's area in degrees (WGS 84)")
    where.add_argument("--boundary", metavar="FILE", help="the plan's area as polygons (any CRS)")
    p.add_argument("--boundary-layer", metavar="LAYER", help="layer inside a multi-layer file")
    p.add_argument(
        "--population",
        metavar="FILE",
        help="population grid (polygons/points with a population field) or raster (GeoTIFF)",
    )
    p.add_argument("--population-layer", metavar="LAYER", help="layer inside a multi-layer file")
    p.add_argument("--population-field", metavar="F", help="its population field (default: found)")
    p.add_argument("--crs", metavar="CRS", help="metric CRS to work in, e.g. EPSG:32632")
    p.add_argument("--tags", metavar="FILE", help="TOML overriding the [osm] tag mapping")
    p.add_argument("--name", metavar="TEXT", help="the plan's name")
    p.add_argument("--overwrite", action="store_true", help="replace PLAN.gpkg if it exists")
    add_progress_args(p)
    add_lang_arg(p)
    p.set_defaults(func=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    """Build the plan and save it; print its layers and what the build noted."""
    from spaceplanner.i18n import say, tx
    from spaceplanner.layers.crs import crs_label
    from spaceplanner.layers.words import severity_word
    from spaceplanner.sources.osm import create_osm_plan, parse_bbox

    lang = getattr(args, "lang", None) or "en"

    bbox = parse_bbox(args.bbox) if args.bbox else None
    target = Path(args.target)
    inputs = [args.osm, args.boundary, args.population, args.tags]
    check_output_file(target, [Path(p) for p in inputs if p])
    bar = None if args.quiet else ProgressBar(sys.stderr)
    built = create_osm_plan(
        target,
        overwrite=args.overwrite,
        extract=args.osm,
        bbox=bbox,
        boundary=args.boundary,
        boundary_layer=args.boundary_layer,
        population=args.population,
        population_layer=args.population_layer,
        population_field=args.population_field,
        crs=args.crs,
        tags=args.tags,
        name=args.name,
        progress=bar,
    )
    if args.quiet:
        return EXIT_OK
    plan = built.plan
    saved = tx("Saved plan '{name}' to {target} ({crs})").format(
        name=plan.name, target=str(target), crs=crs_label(plan.crs)
    )
    print(say(saved, lang))
    for layer in plan:
        count = (
            tx("raster") if layer.is_raster else tx("{n} features").format(n=layer.feature_count)
        )
        print(f"  {layer.name:<20} {layer.role:<16} {say(count, lang)}")
    if plan.by_role("residents")[0].is_raster:
        print(say(tx("Residents: from the population raster"), lang))
    else:
        residents = tx("Residents: {n:,.0f} persons").format(n=plan.population())
        print(say(residents, lang))
    for problem in built.problems:
        print(
            say(tx("{severity}: {message}"), lang).format(
                severity=say(severity_word(problem.severity), lang),
                message=problem.describe(lang),
            )
        )
    return EXIT_OK
