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


def _question_word(what: str) -> str:
    """What a question suggests sites for, in words (``facility:clinic`` -> community clinic)."""
    from spaceplanner.results.words import facility_word, role_word

    if what.startswith("facility:"):
        return facility_word(what.removeprefix("facility:"))
    return role_word(what)


def _print(result: Suggestions, out: TextIO, lang: str = "en") -> None:
    from spaceplanner.i18n import say, tx
    from spaceplanner.results.words import scenario_word

    q = result.question
    pop = result.population

    def put(text: str, indent: str = "") -> None:
        print(indent + say(text, lang), file=out)

    def share(x: float) -> str:
        return f"{100 * x / pop:.1f} %" if pop else "—"

    put(
        tx(
            "Suggestions for {what} ({candidates}; scenario {scenario}, rules {rules}): "
            "{n} candidates, {excluded} excluded"
        ).format(
            what=q["for"] if lang == "en" else _question_word(str(q["for"])),
            candidates=q["candidates"],
            scenario=q["scenario"] if lang == "en" else scenario_word(q["scenario"]),
            rules=q["rules"],
            n=result.candidates,
            excluded=len(result.excluded),
        )
    )
    persons = (
        tx(
            "Persons sheltered: {before:,.0f} ({before_share}) now, {after:,.0f} ({after_share}) "
            "with the {n} suggested sites"
        )
        if q["for"] == "shelters"
        else tx(
            "Persons covered: {before:,.0f} ({before_share}) now, {after:,.0f} ({after_share}) "
            "with the {n} suggested sites"
        )
    )
    put(
        persons.format(
            before=result.before,
            before_share=share(result.before),
            after=result.after,
            after_share=share(result.after),
            n=len(result.suggestions),
        )
    )
    optimal = tx("optimal") if result.optimal else tx("not proven optimal")
    if math.isnan(result.gap):
        line = tx("Solver: {solver}, {optimal}, {seconds:.1f} s").format(
            solver=result.solver, optimal=optimal, seconds=result.seconds
        )
    else:
        line = tx("Solver: {solver}, {optimal}, gap {gap:.2%}, {seconds:.1f} s").format(
            solver=result.solver, optimal=optimal, gap=result.gap, seconds=result.seconds
        )
    put(line)
    for s in result.suggestions:
        print(f"  {s.rank}. {s.id}: {say(s.reason, lang)}", file=out)
    for e in result.excluded[:10]:
        put(tx("excluded {id}: {reason}").format(id=e["id"], reason=e["reason"]), "  ")
    if len(result.excluded) > 10:
        put(tx("... and {n} more excluded").format(n=len(result.excluded) - 10), "  ")
    for note in result.notes:
        put(tx("Note: {text}").format(text=note))


def cmd_suggest(args: argparse.Namespace) -> int:
    """Answer a site-suggestion question; print it, write JSON and a layer when asked."""
    from spaceplanner.engine.suggest import suggest
    from spaceplanner.files import atomic_path, check_targets, output_unit, plan_inputs
    from spaceplanner.i18n import say, tx
    from spaceplanner.layers.errors import PlanError
    from spaceplanner.model.plan import load_plan
    from spaceplanner.results.words import period_word

    expected = "emergency" if args.for_ == "shelters" else "normal"
    if args.period is not None and args.period != expected:
        msg: str = tx("--for {what} is a question of the {expected} period, not {period}").format(
            what=args.for_, expected=period_word(expected), period=period_word(args.period)
        )
        hint = tx("drop --period or use --period {expected}").format(expected=expected)
        raise PlanError(msg, field="period", hint=hint)
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
        _print(result, out, args.lang)
    if to_stdout:
        print(text)
    elif args.json:
        target = Path(args.json)
        if not target.parent.is_dir():
            msg = tx("the folder for --json does not exist")
            raise PlanError(msg, file=str(target), hint=tx("create it or choose another path"))
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
            wrote = tx("Wrote {paths}").format(paths=", ".join(str(folder / n) for n in outputs))
            print(say(wrote, args.lang), file=out)
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
