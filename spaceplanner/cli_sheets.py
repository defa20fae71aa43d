"""``spaceplanner sheets``: resident sheets, one A4 page per block, building or 网格.

The engine and matplotlib are imported when the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spaceplanner.cli_common import (
    EXIT_OK,
    add_lang_arg,
    add_progress_args,
    check_output_file,
    plan_path,
    progress_feedback,
)

__all__ = ["add_parser", "cmd_sheets"]


def add_parser(sub: Any, plan_args: Callable[..., None]) -> None:
    """Add the ``sheets`` command to the CLI's subparsers."""
    p = sub.add_parser(
        "sheets",
        help="resident sheets: one A4 page per block, building or 网格 (your shelter, services)",
        description="Evaluate the plan and write one A4 page per unit of --units (blocks, "
        "buildings or 网格: polygons in any CRS) for the people who live there: their shelter "
        "and the walk to it with a map, the daily services within the standard walk, and the "
        "resident points without a place in a shelter. English or Chinese (--lang zh).",
    )
    plan_args(p, crs=False)
    p.add_argument(
        "--units",
        required=True,
        metavar="FILE",
        help="polygons of the blocks, buildings or 网格 (Shapefile, GeoPackage, GeoJSON; any CRS)",
    )
    p.add_argument("--units-layer", metavar="LAYER", help="layer inside a multi-layer file")
    p.add_argument("--id-field", metavar="F", help="field of the unit id (default: found)")
    p.add_argument("--name-field", metavar="F", help="field of the unit name (default: found)")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    add_lang_arg(p, "the sheets")
    p.add_argument("--rules", metavar="PROFILE", help="rule profile name or .toml path")
    p.add_argument("--scenario", metavar="NAME", help="hazard scenario of the emergency")
    add_progress_args(p)
    p.set_defaults(func=cmd_sheets)


def cmd_sheets(args: argparse.Namespace) -> int:
    """Evaluate the plan and write the resident sheets of the units."""
    from spaceplanner.city.communities import Noun, read_communities
    from spaceplanner.cli_common import UsageError
    from spaceplanner.engine.evaluation import Evaluator
    from spaceplanner.files import plan_inputs
    from spaceplanner.model.plan import load_plan
    from spaceplanner.outputs.resident_sheets import resident_sheets, write_resident_sheets

    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        msg = "resident sheets are written as a PDF"
        raise UsageError(msg, file=str(target), hint="give --out a name ending in .pdf")
    plan = load_plan(plan_path(args), strict=True)
    check_output_file(target, [*plan_inputs(plan), Path(args.units)])
    extent = plan.extent(rasters=True)
    if plan.crs is None or extent is None:
        msg = "the plan has no usable layers"
        raise UsageError(msg, file=str(plan.path), hint="add residents, a network and shelters")
    units = read_communities(
        Path(args.units),
        plan.crs,
        extent,
        id_field=args.id_field,
        name_field=args.name_field,
        layer=args.units_layer,
        label="units",
        noun=Noun("unit", "units", "units", "the plan"),
    )
    feedback = progress_feedback(args)
    evaluator = Evaluator(plan, rules=args.rules)
    report = evaluator.evaluate(scenario=args.scenario, gaps=False, feedback=feedback)
    facts = evaluator.resident_facts(scenario=args.scenario)
    sheets = resident_sheets(report, facts, units.ids, units.names, units.geoms)
    feedback.step("writing", 0.95)
    write_resident_sheets(plan, report, facts, sheets, target, lang=args.lang)
    feedback.step("done", 1.0, check=False)
    if not args.quiet:
        homeless = sum(1 for s in sheets if s.population == 0)
        note = f" ({homeless} without residents)" if homeless else ""
        print(f"Wrote {len(sheets)} resident sheets{note} to {target}", file=sys.stdout)
    return EXIT_OK
