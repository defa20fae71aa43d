"""The ``spaceplanner`` command line.

Exit codes: 0 success, 2 bad input (the message says what and where), 1 an internal error
(a bug: rerun with ``--debug`` for the traceback and report it), 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from spaceplanner import (
    __version__,
    cli_batch,
    cli_compare,
    cli_new,
    cli_sheets,
    cli_suggest,
    settings,
)
from spaceplanner.cli_common import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    ProgressBar,
    UsageError,
    add_lang_arg,
    add_plan_args,
    add_progress_args,
    check_output_file,
    plan_path,
    progress_feedback,
)
from spaceplanner.files import (
    EVALUATE_OUTPUTS,
    atomic_path,
    check_targets,
    own_output,
    plan_inputs,
)
from spaceplanner.i18n import Text, current_lang, say, set_lang, tx
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.rules import list_profiles
from spaceplanner.sample_maps import list_samples

if TYPE_CHECKING:
    from spaceplanner.model.plan import Plan, PlanLayer
    from spaceplanner.results.report import Report, ShelterSummary

# The parser is built from light modules only: ``spaceplanner --help`` loads no GIS library and no
# engine. Each command imports what it needs when it runs (a test holds this).

__all__ = ["main"]

#: Folder ``evaluate`` writes to when neither ``--out`` nor ``--json`` is given.
DEFAULT_OUT = "evaluation"


def _fields_text(layer: PlanLayer, lang: str) -> str:
    if layer.raster is not None:
        r = layer.raster
        res = abs(r.transform.a)
        text = tx("{width}×{height} cells of {size:g}, {dtype}, band {band}").format(
            width=r.width, height=r.height, size=res, dtype=str(r.dtype), band=r.band
        )
        return say(text, lang)
    parts = [f"{f}←{c}" if f != c else f for f, c in layer.field_map.items()]
    parts += [f"{f}={v}" for f, v in layer.constants.items()]
    return ", ".join(parts) or "-"


def _layer_rows(plan: Plan, lang: str) -> list[tuple[str, ...]]:
    from spaceplanner.results.words import geometry_word, role_word

    heads = (
        tx("layer", "column"),
        tx("role", "column"),
        tx("features", "column"),
        tx("geometry", "column"),
        tx("source CRS", "column"),
        tx("fields", "column"),
    )
    rows: list[tuple[str, ...]] = [tuple(say(h, lang) for h in heads)]
    for layer in plan:
        if layer.is_raster:
            geometry = say(geometry_word("raster"), lang)
        else:
            geometry = "/".join(say(geometry_word(g), lang) for g in layer.geometry_types())
        count = "-" if layer.is_raster else str(layer.feature_count)
        rows.append(
            (
                layer.name,
                layer.role if lang == "en" else say(role_word(layer.role), lang),
                count,
                geometry,
                layer.source_crs or "?",
                _fields_text(layer, lang),
            )
        )
    return rows


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row[:-1], widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def _print_plan(plan: Plan, out: Path, lang: str) -> None:
    from spaceplanner.layers.crs import crs_label
    from spaceplanner.results.words import scenario_word

    def put(text: str) -> None:
        print(say(text, lang))

    put(tx("Plan: {name}  ({path})").format(name=plan.name, path=str(out)))
    if plan.crs is None:
        put(tx("CRS: none (no layer could be read)"))
    else:
        put(tx("CRS: {label} ({name})").format(label=crs_label(plan.crs), name=plan.crs.name))
    scenario = plan.scenario if lang == "en" else scenario_word(plan.scenario)
    put(tx("Rules: {rules}   Scenario: {scenario}").format(rules=plan.rules, scenario=scenario))
    if plan.description:
        put(tx("About: {text}").format(text=plan.description))
    if plan.layers:
        print()
        print(_table(_layer_rows(plan, lang)))
    if plan.failed:
        print()
        put(tx("Not loaded: {layers}").format(layers=", ".join(plan.failed)))


def _print_problems(plan: Plan, base: Path, lang: str) -> None:
    from spaceplanner.results.words import severity_word

    if not plan.problems:
        print()
        print(say(tx("No problems found."), lang))
        return
    print()
    print(say(tx("Problems:"), lang))
    shown: Counter[str | None] = Counter()
    for problem in plan.problems:
        shown[problem.layer] += 1
        if shown[problem.layer] > settings.MAX_PROBLEMS_SHOWN:
            continue
        severity = say(severity_word(problem.severity), lang)
        print(
            f"  {severity + ' ' * max(7 - _width(severity), 0)} "
            f"{problem.relative_to(base).describe(lang)}"
        )
    for layer, n in shown.items():
        if n > settings.MAX_PROBLEMS_SHOWN:
            more = tx("... and {n} more for layer '{layer}'").format(
                n=n - settings.MAX_PROBLEMS_SHOWN, layer=layer
            )
            print(f"  {say(more, lang)}")


def _counts(plan: Plan) -> Text:
    counts = Counter(p.severity for p in plan.problems)
    repaired = sum(p.count for p in plan.problems if p.severity == "repair")
    skipped = sum(p.count for p in plan.problems if "skipped" in p.message)
    return tx(
        "{errors} errors, {warnings} warnings, {notes} notes; {repaired} features repaired, "
        "{skipped} skipped"
    ).format(
        errors=counts["error"],
        warnings=counts["warning"],
        notes=counts["note"],
        repaired=repaired,
        skipped=skipped,
    )


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a plan and report every problem; exit 2 when it is not usable."""
    from spaceplanner.layers.crs import crs_label
    from spaceplanner.model.plan import load_plan

    path = plan_path(args)
    plan = load_plan(path, crs=args.crs, strict=False)
    if args.json:
        report = {
            "plan": plan.name,
            "path": str(path),
            "crs": crs_label(plan.crs),
            "usable": plan.usable,
            "layers": [
                {
                    "name": lyr.name,
                    "role": lyr.role,
                    "type": "raster" if lyr.is_raster else "vector",
                    "features": lyr.feature_count,
                    "geometry": lyr.geometry_types(),
                    "source_crs": lyr.source_crs,
                    "field_map": lyr.field_map,
                    "constants": lyr.constants,
                }
                for lyr in plan
            ],
            "failed": plan.failed,
            "problems": [p.to_dict() for p in plan.problems],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        _print_plan(plan, path, args.lang)
        _print_problems(plan, path.parent, args.lang)
        verdict = (
            tx("Result: usable ({counts})") if plan.usable else tx("Result: NOT usable ({counts})")
        ).format(counts=_counts(plan))
        print()
        print(say(verdict, args.lang))
    return EXIT_OK if plan.usable else EXIT_BAD_INPUT


def _print_catalogue(lang: str) -> None:
    import pyogrio

    from spaceplanner.layers.catalogue import roles
    from spaceplanner.results.words import geometry_word, unit_word

    def put(text: str) -> None:
        print(say(text, lang))

    print(f"SpacePlanner {__version__}")
    put(tx("Sample maps: {names}").format(names=", ".join(list_samples())))
    put(
        tx("Rule profiles: {names} (or a profile .toml path)").format(
            names=", ".join(list_profiles())
        )
    )
    print()
    put(tx("Layer roles (fields marked * are required):"))
    for role in roles().values():
        shapes = "/".join(say(geometry_word(g), lang) for g in role.geometry)
        if role.raster and role.geometry:
            geo = say(tx("{geometry} or raster").format(geometry=shapes), lang)
        else:
            geo = shapes or say(geometry_word("raster"), lang)
        fields = ", ".join(
            f"{f.name}{'*' if f.required else ''}"
            + (f" [{say(unit_word(f.unit), lang)}]" if f.unit else "")
            for f in role.fields.values()
        )
        print(f"  {role.name:<16} {role.label_zh}  {geo}{'：' if lang == 'zh' else ': '}{fields}")
    drivers = pyogrio.list_drivers(read=True)
    wanted = ["ESRI Shapefile", "GeoJSON", "GPKG", "KML", "LIBKML", "CSV", "OSM", "FlatGeobuf"]
    print()
    put(
        tx("Vector formats: {names} (and other GDAL formats)").format(
            names=", ".join(d for d in wanted if d in drivers)
        )
    )
    put(tx("Raster formats: GeoTIFF, GeoPackage rasters (and other GDAL rasters)"))


def cmd_info(args: argparse.Namespace) -> int:
    """Without a plan: the tool, samples and role catalogue. With one: its summary."""
    from spaceplanner.model.plan import load_plan

    if not args.plan and not args.sample:
        _print_catalogue(args.lang)
        return EXIT_OK
    path = plan_path(args)
    plan = load_plan(path, strict=True)
    _print_plan(plan, path, args.lang)
    extent = plan.extent(rasters=True)
    assert extent is not None
    minx, miny, maxx, maxy = extent
    print()
    size = tx("Extent: {width:,.0f} m × {height:,.0f} m").format(
        width=maxx - minx, height=maxy - miny
    )
    print(say(size, args.lang))
    if plan.by_role("residents"):
        people = tx("Population (vector residents): {n:,.0f}").format(n=plan.population())
        print(say(people, args.lang))
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Load a plan (TOML spec or GeoPackage) and save it as one plan GeoPackage."""
    from spaceplanner.layers.crs import crs_label
    from spaceplanner.model.plan import load_plan
    from spaceplanner.model.plan_file import save_plan

    expected = 1 if args.sample else 2
    if len(args.paths) != expected:
        msg = (
            tx("give the plan and the output file") if expected == 2 else tx("give the output file")
        )
        raise UsageError(msg, hint="spaceplanner convert (PLAN | --sample NAME) OUTPUT.gpkg")
    args.plan = None if args.sample else args.paths[0]
    source = plan_path(args)
    target = Path(args.paths[-1])
    check_output_file(target, [source])
    if target.exists() and not args.overwrite:
        msg = tx("the output file exists")
        raise UsageError(msg, file=str(target), hint=tx("choose another name or add --overwrite"))
    plan = load_plan(source, crs=args.crs, strict=True)
    check_output_file(target, plan_inputs(plan))
    save_plan(plan, target)
    saved = tx("Saved {n} layers of '{plan}' to {path} ({crs})").format(
        n=len(plan.layers), plan=plan.name, path=str(target), crs=crs_label(plan.crs)
    )
    print(say(saved, args.lang))
    return EXIT_OK


def _comma(lang: str) -> str:
    """What separates the items of a list in a sentence of ``lang``."""
    return "，" if lang == "zh" else ", "


def _percent(x: float) -> str:
    return f"{100 * x:.1f} %"


def _print_shelters(sh: ShelterSummary, out: TextIO, lang: str) -> None:
    line = tx(
        "Shelters ({n}, {radius:g} m): covered {covered:,.0f} ({covered_share}); capacity "
        "{capacity:,.0f} of {before:,.0f} after the checks; sheltered {sheltered:,.0f} "
        "({sheltered_share})"
    ).format(
        n=len(sh.by_shelter),
        radius=sh.radius_m,
        covered=sh.population_covered,
        covered_share=_percent(sh.share_covered),
        capacity=sh.capacity_persons,
        before=sh.capacity_before_checks,
        sheltered=sh.population_sheltered,
        sheltered_share=_percent(sh.share_sheltered),
    )
    print(say(line, lang), file=out)
    removed = _comma(lang).join(f"{p} {v:,.0f}" for p, v in sh.capacity_removed_by.items() if v > 0)
    if removed:
        line = tx("capacity removed by principle: {removed}").format(removed=removed)
        print(f"  {say(line, lang)}", file=out)
    over = [b.site.feature for b in sh.by_shelter if b.over_capacity]
    if over:
        line = tx("over capacity (nearest demand > capacity): {sites}").format(
            sites=", ".join(over)
        )
        print(f"  {say(line, lang)}", file=out)


def _print_indicators(report: Report, out: TextIO, lang: str) -> None:
    from spaceplanner.results.indicators import indicator_rows, value_text

    rows = indicator_rows(report, lang)
    if not rows:
        return
    met = sum(r["status"] == "pass" for r in rows)
    assessed = sum(r["status"] != "not_assessed" for r in rows)
    if assessed < len(rows):
        line = tx("Indicators: {met} of {assessed} targets met, {n} not assessed").format(
            met=met, assessed=assessed, n=len(rows) - assessed
        )
    else:
        line = tx("Indicators: {met} of {assessed} targets met").format(met=met, assessed=assessed)
    print(say(line, lang), file=out)
    marks = {
        "pass": tx("ok", "indicator met"),
        "fail": tx("FAIL", "indicator missed"),
        "not_assessed": tx("n/a", "indicator not assessed"),
    }
    per_person = say(tx("m²/person"), lang)
    for r in rows:
        value = value_text(r["value"], r["unit"], area_digits=2, area_unit=per_person)
        target = value_text(r["target"], r["unit"], area_digits=2, area_unit=per_person)
        mark = say(marks[r["status"]], lang)
        mark += " " * max(4 - _width(mark), 0)
        if r["status"] == "not_assessed" and r.get("reason"):
            line = tx("{mark} {indicator}: {value} (target ≥ {target}) — {reason}").format(
                mark=mark, indicator=r["indicator"], value=value, target=target, reason=r["reason"]
            )
        else:
            line = tx("{mark} {indicator}: {value} (target ≥ {target})").format(
                mark=mark, indicator=r["indicator"], value=value, target=target
            )
        print(f"  {say(line, lang)}", file=out)


def _print_summary(report: Report, out: TextIO, lang: str = "en") -> None:
    from spaceplanner.results.words import facility_word, period_word, rule_word, scenario_word

    r = report

    def put(text: str) -> None:
        print(say(text, lang), file=out)

    head = (
        tx("{plan} — rules {rules}, network distance, {crs}")
        if r.distance == "network"
        else tx("{plan} — rules {rules}, straight line distance, {crs}")
        if r.distance == "straight_line"
        else tx("{plan} — rules {rules}, {distance} distance, {crs}")
    )
    put(head.format(plan=r.plan, rules=r.rules, distance=r.distance.replace("_", " "), crs=r.crs))
    put(
        tx(
            "Population {population:,.0f} ({points:,} resident points; {unreachable:,.0f} beyond "
            "reach of the network)"
        ).format(
            population=r.population,
            points=r.resident_points,
            unreachable=r.population_unreachable,
        )
    )
    put(
        tx("Scenario {scenario}, period {period}").format(
            scenario=r.scenario if lang == "en" else scenario_word(r.scenario),
            period=period_word(r.period),
        )
    )
    if r.shelters is not None:
        _print_shelters(r.shelters, out, lang)
    if r.activity_spaces is not None:
        for name, c in r.activity_spaces.circles.items():
            put(
                tx(
                    "Activity space {circle} ({radius:g} m, ≥ {area:,.0f} m²): {share} covered, "
                    "{per_capita:.2f} m²/person (target {target:g})"
                ).format(
                    circle=name,
                    radius=c.radius_m,
                    area=c.min_area_m2,
                    share=_percent(c.share_covered),
                    per_capita=c.per_capita_m2,
                    target=c.target_per_capita_m2,
                )
            )
        o = r.activity_spaces.overall
        put(
            tx(
                "Activity space overall: {area:,.0f} m² in {n} spaces, {per_capita:.2f} m²/person"
            ).format(area=o.area_m2, n=o.spaces, per_capita=o.per_capita_m2)
        )
    for kind, f in (r.facilities or {}).items():
        put(
            tx("Facility {kind} ({n}, {radius:g} m): {share} covered").format(
                kind=kind if lang == "en" else facility_word(kind),
                n=f.count,
                radius=f.radius_m,
                share=_percent(f.share_covered),
            )
        )
    _print_indicators(report, out, lang)
    by_rule = Counter(
        v.principle + " " + (v.rule if lang == "en" else say(rule_word(v.rule), lang))
        for v in r.violations
    )
    if by_rule:
        put(
            tx("Violations ({n}): {rules}").format(
                n=len(r.violations),
                rules=_comma(lang).join(f"{rule} ×{n}" for rule, n in sorted(by_rule.items())),
            )
        )
    for note in r.notes:
        put(tx("Note: {text}").format(text=note.text))


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Evaluate a plan: write report.json and gaps.gpkg (or only the JSON), print a summary."""
    from spaceplanner.engine.evaluation import evaluate
    from spaceplanner.model.plan import load_plan
    from spaceplanner.outputs.evaluate_outputs import write_outputs

    path = plan_path(args)
    plan = load_plan(path, strict=True)
    to_stdout = args.json == "-"
    summary_stream = sys.stderr if to_stdout else sys.stdout
    inputs = plan_inputs(plan, rules=args.rules)
    # with --json and no --out only the JSON is written
    out = Path(args.out) if args.out else (None if args.json else Path(DEFAULT_OUT))
    json_file = Path(args.json) if args.json and not to_stdout else None
    # checked before the evaluation, so the user does not wait for an error
    if json_file is not None:
        check_output_file(json_file, inputs)
    if out is not None:
        check_targets(
            out, EVALUATE_OUTPUTS, overwrite=args.overwrite, inputs=inputs, replaceable=own_output
        )
    report = evaluate(
        plan,
        rules=args.rules,
        scenario=args.scenario,
        period=args.period,
        feedback=progress_feedback(args),
        gaps=out is not None,
        # the gap and service areas of a large plan are drawn on another core while the
        # residents and the other layers are written
        draw_apart=out is not None,
    )
    hold(args, plan, report)
    written: list[Path] = []
    with contextlib.ExitStack() as stack:
        # the JSON file is staged first and renamed last: it changes only if the folder did
        if json_file is not None:
            staged = stack.enter_context(atomic_path(json_file))
            staged.write_text(report.to_json(), encoding="utf-8")
        if out is not None:
            written += write_outputs(report, out, overwrite=args.overwrite, inputs=inputs)
    if json_file is not None:
        written.append(json_file)
    if to_stdout:
        print(report.to_json())
    if args.quiet:
        return EXIT_OK
    _print_summary(report, summary_stream, args.lang)
    if written:
        wrote = tx("Wrote {paths}").format(paths=", ".join(str(p) for p in written))
        print(say(wrote, args.lang), file=summary_stream)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Evaluate a plan and write the chosen exports."""
    import pyogrio

    from spaceplanner.engine.evaluation import Evaluator
    from spaceplanner.model.plan import load_plan
    from spaceplanner.outputs.exports import check_export, export

    path = plan_path(args)
    plan = load_plan(path, strict=True)
    formats = [f for group in args.format for f in group.split(",") if f]
    scenarios = [s for group in (args.scenario or []) for s in group.split(",") if s] or None
    suggested = None
    if args.suggestions:
        source = Path(args.suggestions)
        try:
            suggested = pyogrio.read_dataframe(source, layer="suggestions")
        except Exception as exc:  # GDAL raises many types for a file it cannot read
            msg = tx("the suggestions cannot be read ({error})").format(error=str(exc))
            raise UsageError(
                msg,
                file=str(source),
                hint=tx("give the suggestions.gpkg that `spaceplanner suggest --out DIR` wrote"),
            ) from exc
    where = {
        "rules": args.rules,
        "lang": args.lang,
        "encoding": args.encoding,
        "zip_shapefiles": args.zip,
        "overwrite": args.overwrite,
    }
    # refused before the evaluation, so the user does not wait for an error
    sheet_options = [o for o in ("indicator", "title", "subtitle") if getattr(args, o)]
    if sheet_options and not {"pdf", "png"} & set(formats):
        msg = tx("--{option} is an option of the map sheet, which is not exported").format(
            option=sheet_options[0]
        )
        raise UsageError(msg, field=sheet_options[0], hint=tx("add --format pdf (or png)"))
    check_export(plan, Path(args.out), formats, **where)
    feedback = progress_feedback(args)
    names = scenarios or [plan.scenario]
    ev = Evaluator(plan, rules=args.rules)
    share = 0.8 / len(names)
    reports = [
        ev.evaluate(
            scenario=name, period=args.period, feedback=feedback.part(i * share, (i + 1) * share)
        )
        for i, name in enumerate(names)
    ]
    hold(args, plan, ev, reports)
    written = export(
        plan,
        reports,
        Path(args.out),
        formats,
        paper=args.paper,
        orientation=args.orientation,
        feedback=feedback.part(0.8, 1.0),
        suggestions=suggested,
        geojson_crs=args.geojson_crs,
        web_detail=args.web_detail,
        sheet_indicator=args.indicator,
        sheet_title=args.title,
        sheet_subtitle=args.subtitle,
        **where,
    )
    if args.quiet:
        return EXIT_OK
    tops = Counter(item.relative_to(Path(args.out)).parts[0] for item in written)
    listed = ", ".join(
        say(tx("{folder}/ ({n} files)").format(folder=top, n=n), args.lang) if n > 1 else top
        for top, n in tops.items()
    )
    wrote = tx("Wrote {n} files to {path}: {listed}").format(
        n=len(written), path=args.out, listed=listed
    )
    print(say(wrote, args.lang))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``spaceplanner`` command."""
    parser = argparse.ArgumentParser(
        prog="spaceplanner",
        description="Plan resilient public space: shelters, activity space and facilities "
        "within walking distance.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check a plan and list every problem found")
    add_plan_args(p)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_lang_arg(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "evaluate", help="walking-distance coverage of shelters, activity space and facilities"
    )
    add_plan_args(p, crs=False)
    p.add_argument(
        "--rules",
        metavar="PROFILE",
        help=f"rule profile name ({', '.join(list_profiles())}) or .toml path",
    )
    p.add_argument(
        "--scenario",
        metavar="NAME",
        help="hazard scenario: flood, earthquake, fire, all, or a hazard type of the plan "
        "(default: the plan's)",
    )
    p.add_argument(
        "--period",
        choices=settings.PERIODS,
        default="both",
        help="normal (daily life), emergency (shelters after the 让/防/避 checks), or both",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help=f"folder for report.json and gaps.gpkg (default: ./{DEFAULT_OUT}, none with --json)",
    )
    p.add_argument(
        "--json",
        metavar="FILE",
        help="write the report JSON to FILE, or - for stdout (alone unless --out is given)",
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace report.json/gaps.gpkg in --out even when an earlier evaluate did not "
        "write them",
    )
    add_progress_args(p)
    add_lang_arg(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser(
        "export", help="web map, printable map sheet, shapefiles and report tables of a plan"
    )
    add_plan_args(p, crs=False)
    p.add_argument(
        "--format",
        action="append",
        required=True,
        metavar="FMT",
        help=f"one or more of {', '.join(settings.EXPORT_FORMATS)} "
        "(repeat, or separate with commas)",
    )
    p.add_argument("--out", metavar="DIR", required=True, help="output folder")
    p.add_argument("--rules", metavar="PROFILE", help="rule profile name or .toml path")
    p.add_argument(
        "--scenario", action="append", metavar="NAME", help="scenario(s); tables hold each"
    )
    p.add_argument(
        "--period", choices=settings.PERIODS, default="both", help="normal, emergency or both"
    )
    p.add_argument("--paper", choices=["A4", "A3"], default="A4", help="map sheet paper size")
    p.add_argument(
        "--orientation", choices=["portrait", "landscape"], default="landscape", help="map sheet"
    )
    p.add_argument(
        "--indicator",
        metavar="KEY",
        help="map sheet: the indicator drawn (shelter, space_5min, a facility kind; "
        "default: shelter when evaluated)",
    )
    p.add_argument("--title", metavar="TEXT", help="map sheet: the title (default: its own)")
    p.add_argument(
        "--subtitle", metavar="TEXT", help="map sheet: the subtitle (default: the plan's name)"
    )
    add_lang_arg(p, "labels")
    p.add_argument(
        "--encoding", choices=["utf-8", "gbk"], default="utf-8", help="Shapefile text encoding"
    )
    p.add_argument("--zip", action="store_true", help="put the Shapefiles in one zip")
    p.add_argument(
        "--geojson-crs",
        choices=["WGS84", "GCJ-02", "BD-09"],
        default="WGS84",
        help="GeoJSON coordinates: WGS84, or offset for Amap (GCJ-02) or Baidu (BD-09)",
    )
    p.add_argument(
        "--suggestions",
        metavar="GPKG",
        help="suggested sites to draw (suggestions.gpkg written by `spaceplanner suggest --out`)",
    )
    p.add_argument(
        "--web-detail",
        type=int,
        default=settings.WEB_DETAIL_RESIDENTS,
        metavar="N",
        help="web map: draw every resident point up to N of them; above, the gap areas and "
        f"only the unserved residents (default {settings.WEB_DETAIL_RESIDENTS})",
    )
    p.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    add_progress_args(p)
    p.set_defaults(func=cmd_export)

    cli_suggest.add_parser(sub, add_plan_args)
    cli_batch.add_parser(sub, add_plan_args)
    cli_new.add_parser(sub, add_plan_args)
    cli_sheets.add_parser(sub, add_plan_args)
    cli_compare.add_parser(sub, add_plan_args)

    p = sub.add_parser("info", help="the tool, its samples and layer roles; or a plan's summary")
    add_plan_args(p, crs=False)
    add_lang_arg(p)
    p.set_defaults(func=cmd_info)

    p = sub.add_parser(
        "convert",
        help="save a plan (TOML spec) as one plan GeoPackage",
        usage="spaceplanner convert (PLAN | --sample NAME) OUTPUT.gpkg [--crs CRS] [--overwrite]",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="[PLAN] OUTPUT.gpkg")
    p.add_argument("--sample", metavar="NAME", help="a shipped sample map instead of PLAN")
    p.add_argument("--crs", metavar="CRS", help="metric CRS to work in, e.g. EPSG:32650")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    add_lang_arg(p)
    p.set_defaults(func=cmd_convert)
    return parser


#: Commands that keep Python's cycle collector running (see :func:`main`).
KEEP_COLLECTING = frozenset({"batch"})
#: What the command of a process that ends right after it (:func:`run`) holds until the end.
_HELD: list[object] = []


def hold(args: argparse.Namespace, *objects: object) -> None:
    """Keep ``objects`` (a command's plan and results) until the process ends, when it ends
    right after the command (:func:`run`): the end of the process frees them at once, where
    freeing them object by object when the command returns takes seconds at city scale (the
    network's millions of segments and their index, the residents' points: 2.5 s of a city's
    evaluate). Without :func:`run` (tests, Python callers) nothing is kept."""
    if getattr(args, "ending", False):
        _HELD.extend(objects)


def main(argv: Sequence[str] | None = None, *, ending: bool = False) -> int:
    """Run the command line; return the exit code. ``ending``: the process ends right after
    (:func:`run`), so the cycle collector, rested during the command, is not woken again (its
    first pass would go over everything the run made, only to free it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    args.started = time.perf_counter()
    args.ending = ending
    # one language for the run's messages and what it writes (an output's --lang)
    args.lang = getattr(args, "lang", None) or current_lang()
    set_lang(args.lang)
    zh = args.lang == "zh"
    # A run holds up to millions of geometries, each tracked by Python's cycle collector, whose
    # full passes over them took a fifth of a district's evaluate (shapely.points of 500,000
    # residents: 1.2 s with it, 0.1 s without). A command makes few reference cycles and then
    # ends, so the collector rests while it runs; reference counting frees everything else.
    # Not for `batch`, whose Dask scheduler runs in this process for hours and makes cycles.
    collecting = gc.isenabled()
    if args.command not in KEEP_COLLECTING:
        gc.disable()
    try:
        code = int(args.func(args))
        timer = getattr(args, "step_timer", None)
        if timer is not None:
            timer.report(sys.stderr)
        return code
    except SpacePlannerError as exc:
        ProgressBar.clear_drawn()  # the message starts on a line of its own
        print(f"{'错误：' if zh else 'error: '}{exc.describe()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped early: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        ProgressBar.clear_drawn()
        print("已中断" if zh else "interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        ProgressBar.clear_drawn()
        if args.debug:
            raise
        text = tx("internal error: {kind}: {error}").format(kind=type(exc).__name__, error=str(exc))
        bug = tx("This is a bug in SpacePlanner; rerun with --debug and report the traceback.")
        print(say(text, args.lang), file=sys.stderr)
        print(say(bug, args.lang), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if collecting and not ending:
            gc.enable()


def run() -> None:
    """The ``spaceplanner`` command: :func:`main`, then the process ends at once.

    A command that succeeded has written and closed everything it makes, so the process then
    ends without taking apart, object by object, what the run held (its frames, arrays and
    millions of geometries: 0.3 s of a district's evaluate, 4 s of a city's). What is
    registered to run at exit runs first, as in a normal exit (a temporary folder removed,
    helper processes stopped, logging shut down), and the streams are flushed. A command that
    failed ends the usual way, and so does any command where the exit functions cannot be run
    by hand (an interpreter without ``atexit._run_exitfuncs``)."""
    import atexit

    code = main(ending=True)
    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    if code != EXIT_OK or run_exit_functions is None:
        gc.enable()
        sys.exit(code)
    run_exit_functions()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
