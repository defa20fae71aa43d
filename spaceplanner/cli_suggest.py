"""``spaceplanner suggest``: where the next shelter, park or facility should go.

The solver and the engine are imported when the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from spaceplanner.cli_common import (
    EXIT_OK,
    add_lang_arg,
    add_progress_args,
    plan_path,
    progress_feedback,
)

if TYPE_CHECKING:
    from spaceplanner.engine.suggest import Suggestions

__all__ = ["add_parser", "cmd_suggest"]


def add_parser(sub: Any, plan_args: Callable[..., None]) -> None:
    """Add the ``suggest`` command to the CLI's subparsers."""
    p = sub.add_parser(
        "suggest",
        help="which candidate sites to open: most persons served for k sites, or a target",
        description="Suggest sites among candidates (a plan layer of role 'candidates', or "
        "'auto' for open ground as shelters): --add K sites that serve the most persons, or the "
        "fewest (cheapest) sites that reach --target SHARE. Exact (HiGHS MILP) within the time "
        "limit; the optimality gap is reported.",
    )
    plan_args(p, crs=False)
    p.add_argument(
        "--for",
        dest="for_",
        default="shelters",
        metavar="WHAT",
        help="shelters (default), activity_spaces or facility:KIND (e.g. facility:clinic)",
    )
    p.add_argument(
        "--candidates",
        default="candidates",
        metavar="LAYER",
        help="plan layer of role 'candidates' (default: candidates), or auto (open ground)",
    )
    ask = p.add_mutually_exclusive_group(required=True)
    ask.add_argument("--add", type=int, metavar="K", help="number of sites to add")
    ask.add_argument(
        "--target", type=float, metavar="SHARE", help="share of residents to reach (0-1)"
    )
    p.add_argument("--rules", metavar="PROFILE", help="rule profile name or .toml path")
    p.add_argument("--scenario", metavar="NAME", help="hazard scenario of the 避/防/让 checks")
    p.add_argument(
        "--period",
        choices=["emergency", "normal"],
        default=None,
        help="shelters are an emergency question, activity space and facilities a normal one",
    )
    p.add_argument("--circle", metavar="NAME", help="life circle for activity spaces (e.g. 5min)")
    p.add_argument(
        "--time-limit", type=float, default=60.0, metavar="S", help="seconds for the exact solver"
    )
    p.add_argument("--json", metavar="FILE", help="write the answer as JSON to FILE, or - (stdout)")
    p.add_argument(
        "--out", metavar="DIR", help="write suggestions.json and suggestions.gpkg into DIR"
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace suggestions.json/gpkg in --out even when an earlier suggest did not "
        "write them",
    )
    add_progress_args(p)
    add_lang_arg(p)
    p.set_defaults(func=cmd_suggest)


def _print(result: Suggestions, out: TextIO) -> None:
    q = result.question
    what = "sheltered" if q["for"] == "shelters" else "covered"
    pop = result.population

    def share(x: float) -> str:
        return f"{100 * x / pop:.1f} %" if pop else "—"

    print(
        f"Suggestions for {q['for']} ({q['candidates']}; scenario {q['scenario']}, "
        f"rules {q['rules']}): {result.candidates} candidates, {len(result.excluded)} excluded",
        file=out,
    )
    print(
        f"Persons {what}: {result.before:,.0f} ({share(result.before)}) now, "
        f"{result.after:,.0f} ({share(result.after)}) with the {len(result.suggestions)} "
        f"suggested sites",
        file=out,
    )
    gap = "" if math.isnan(result.gap) else f", gap {result.gap:.2%}"
    print(
        f"Solver: {result.solver}, {'optimal' if result.optimal else 'not proven optimal'}"
        f"{gap}, {result.seconds:.1f} s",
        file=out,
    )
    for s in result.suggestions:
        print(f"  {s.rank}. {s.id}: {s.reason}", file=out)
    for e in result.excluded[:10]:
        print(f"  excluded {e['id']}: {e['reason']}", file=out)
    if len(result.excluded) > 10:
        print(f"  ... and {len(result.excluded) - 10} more excluded", file=out)
    for note in result.notes:
        print(f"Note: {note}", file=out)


def cmd_suggest(args: argparse.Namespace) -> int:
    """Answer a site-suggestion question; print it, write JSON and a layer when asked."""
    from spaceplanner.engine.suggest import suggest
    from spaceplanner.files import atomic_path, check_targets, output_unit, plan_inputs
    from spaceplanner.layers.errors import PlanError
    from spaceplanner.model.plan import load_plan

    expected = "emergency" if args.for_ == "shelters" else "normal"
    if args.period is not None and args.period != expected:
        msg = f"--for {args.for_} is a question of the {expected} period, not {args.period}"
        raise PlanError(msg, field="period", hint=f"drop --period or use --period {expected}")
    plan = load_plan(plan_path(args), strict=True)
    outputs = ("suggestions.json", "suggestions.gpkg")
    if args.out:  # refused before solving, so the user does not wait for an error
        check_targets(
            Path(args.out),
            outputs,
            overwrite=args.overwrite,
            inputs=plan_inputs(plan),
            replaceable=_own_suggestions,
        )
    result = suggest(
        plan,
        for_=args.for_,
        candidates=args.candidates,
        add=args.add,
        target=args.target,
        scenario=args.scenario,
        rules=args.rules,
        circle=args.circle,
        time_limit=args.time_limit,
        feedback=progress_feedback(args),
    )
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str)
    to_stdout = args.json == "-"
    out = sys.stderr if to_stdout else sys.stdout
    if not args.quiet:
        _print(result, out)
    if to_stdout:
        print(text)
    elif args.json:
        target = Path(args.json)
        if not target.parent.is_dir():
            msg = "the folder for --json does not exist"
            raise PlanError(msg, file=str(target), hint="create it or choose another path")
        with atomic_path(target) as tmp:
            tmp.write_text(text, encoding="utf-8")
    if args.out:
        folder = Path(args.out)
        # one unit: the JSON and the layer always come from the same answer (an answer without
        # sites writes an empty layer, so no earlier layer is left beside the new JSON)
        with output_unit(
            folder, overwrite=args.overwrite, inputs=plan_inputs(plan), replaceable=_own_suggestions
        ) as staging:
            (staging / outputs[0]).write_text(text, encoding="utf-8")
            result.layer().to_file(
                staging / outputs[1], layer="suggestions", driver="GPKG", engine="pyogrio"
            )
        if not args.quiet:
            print(f"Wrote {', '.join(str(folder / name) for name in outputs)}", file=out)
    return EXIT_OK


def _own_suggestions(path: Path) -> bool:
    """True for a file an earlier ``suggest --out`` wrote (``suggest`` refreshes those)."""
    if path.name == "suggestions.json" and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and {"question", "suggestions"} <= set(data)
    if path.name == "suggestions.gpkg" and path.is_file():
        import pyogrio

        try:
            names = {str(row[0]) for row in pyogrio.list_layers(path)}
        except Exception:  # GDAL raises many types for a file it cannot read
            return False
        return names == {"suggestions"}
    return False
