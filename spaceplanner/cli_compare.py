"""``spaceplanner compare``: two variants of a plan (or one plan under two scenarios) side by side.

The engine is imported when the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from spaceplanner.cli_common import EXIT_OK, add_lang_arg, add_progress_args, progress_feedback

__all__ = ["add_parser", "cmd_compare"]


def add_parser(sub: Any, plan_args: Callable[..., None]) -> None:
    """Add the ``compare`` command to the CLI's subparsers."""
    p = sub.add_parser(
        "compare",
        help="what changed between two variants of a plan (or two scenarios/periods of one)",
        description="Evaluate BEFORE and AFTER (plan files; AFTER defaults to BEFORE) and print "
        "the headline (persons sheltered, violations, indicators better or worse), every "
        "indicator that changed, and the violations that appeared and went.",
    )
    p.add_argument("before", metavar="BEFORE", help="the reference plan (.toml or .gpkg)")
    p.add_argument("after", nargs="?", metavar="AFTER", help="the variant (default: BEFORE)")
    p.add_argument("--rules", metavar="PROFILE", help="rule profile name or .toml path")
    p.add_argument("--scenario", metavar="NAME", help="scenario of both (default: each plan's)")
    p.add_argument("--scenario-after", metavar="NAME", help="another scenario for AFTER")
    p.add_argument(
        "--period", choices=["both", "normal", "emergency"], default="both", help="of both"
    )
    p.add_argument("--period-after", choices=["both", "normal", "emergency"], help="for AFTER")
    add_lang_arg(p, "the text")
    p.add_argument("--json", metavar="FILE", help="write the comparison as JSON to FILE, or -")
    add_progress_args(p)
    p.set_defaults(func=cmd_compare)


def cmd_compare(args: argparse.Namespace) -> int:
    """Evaluate both variants and print (and write) what changed."""
    from spaceplanner.cli_common import check_output_file
    from spaceplanner.engine.evaluation import Evaluator
    from spaceplanner.files import atomic_path, plan_inputs
    from spaceplanner.i18n import tx
    from spaceplanner.layers.errors import PlanError
    from spaceplanner.model.plan import load_plan
    from spaceplanner.results.compare import compare

    feedback = progress_feedback(args)
    before_plan = load_plan(Path(args.before), strict=True)
    after_plan = load_plan(Path(args.after), strict=True) if args.after else before_plan
    if args.json and args.json != "-":  # refused before evaluating, so nobody waits for it
        check_output_file(Path(args.json), [*plan_inputs(before_plan), *plan_inputs(after_plan)])
    before = Evaluator(before_plan, rules=args.rules).evaluate(
        scenario=args.scenario, period=args.period, gaps=False, feedback=feedback.part(0, 0.5)
    )
    after = Evaluator(after_plan, rules=args.rules).evaluate(
        scenario=args.scenario_after or args.scenario,
        period=args.period_after or args.period,
        gaps=False,
        feedback=feedback.part(0.5, 1.0),
    )
    result = compare(before, after)
    to_stdout = args.json == "-"
    out = sys.stderr if to_stdout else sys.stdout
    if not args.quiet:
        _print(result, args.lang, out)
    if args.json:
        text = json.dumps(_as_dict(result, args.lang), ensure_ascii=False, indent=2)
        if to_stdout:
            print(text)
        else:
            target = Path(args.json)
            if not target.parent.is_dir():
                msg = tx("the folder for --json does not exist")
                raise PlanError(msg, file=str(target), hint=tx("create it or choose another path"))
            check_output_file(target, [*plan_inputs(before_plan), *plan_inputs(after_plan)])
            with atomic_path(target) as tmp:
                tmp.write_text(text, encoding="utf-8")
    return EXIT_OK


def _print(result: Any, lang: str, out: TextIO) -> None:
    from spaceplanner.i18n import say, tx
    from spaceplanner.results.words import period_word, scenario_word

    b, a = result.before, result.after

    def case(report: Any) -> str:
        if lang == "en":
            return f"{report.plan} ({report.scenario}, {report.period})"
        text = tx("{plan} ({scenario}, {period})").format(
            plan=report.plan,
            scenario=scenario_word(report.scenario),
            period=period_word(report.period),
        )
        return say(text, lang)

    print(f"{case(b)} -> {case(a)}", file=out)
    print(result.headline(lang), file=out)
    for c in result.changed():
        mark = {True: "+", False: "-", None: " "}[c.better]
        print(
            f" {mark} {c.label(lang)}: {c.text('before')} -> {c.text('after')} ({c.delta_text()})",
            file=out,
        )
    for word, items in (
        (tx("new", "violation"), result.violations_added),
        (tx("gone", "violation"), result.violations_removed),
    ):
        for v in items:
            line = tx("{word} {principle} {layer}/{id}: {message}").format(
                word=word,
                principle=v.principle,
                layer=v.site.layer,
                id=v.site.feature,
                message=v.message,
            )
            print(f"   {say(line, lang)}", file=out)


def _as_dict(result: Any, lang: str) -> dict[str, Any]:
    from spaceplanner.i18n import say

    def violation(v: Any) -> dict[str, Any]:
        return {
            "principle": v.principle,
            "rule": v.rule,
            "layer": v.site.layer,
            "id": v.site.feature,
            "message": say(v.message, lang),
        }

    return {
        "headline": result.headline(lang),
        "before": {
            "plan": result.before.plan,
            "scenario": result.before.scenario,
            "period": result.before.period,
        },
        "after": {
            "plan": result.after.plan,
            "scenario": result.after.scenario,
            "period": result.after.period,
        },
        "sheltered_change": result.sheltered_delta,
        "violations_change": result.violations_delta,
        "indicators": [
            {
                "id": c.id,
                "indicator": c.label(lang),
                "unit": c.unit,
                "before": c.value_before,
                "after": c.value_after,
                "change": c.delta,
                "status_before": c.before.status if c.before else None,
                "status_after": c.after.status if c.after else None,
                "better": c.better,
            }
            for c in result.indicators
        ],
        "violations_added": [violation(v) for v in result.violations_added],
        "violations_removed": [violation(v) for v in result.violations_removed],
    }
