"""The ``spaceplanner`` command line.

Exit codes: 0 success, 2 bad input (the message says what and where), 1 an internal error
(a bug: rerun with ``--debug`` for the traceback and report it), 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
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
from spaceplanner.i18n import current_lang, set_lang
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


def _fields_text(layer: PlanLayer) -> str:
    if layer.raster is not None:
        r = layer.raster
        res = abs(r.transform.a)
        return f"{r.width}×{r.height} cells of {res:g}, {r.dtype}, band {r.band}"
    parts = [f"{f}←{c}" if f != c else f for f, c in layer.field_map.items()]
    parts += [f"{f}={v}" for f, v in layer.constants.items()]
    return ", ".join(parts) or "-"


def _layer_rows(plan: Plan) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [
        ("layer", "role", "features", "geometry", "source CRS", "fields")
    ]
    for layer in plan:
        geometry = "raster" if layer.is_raster else "/".join(layer.geometry_types())
        count = "-" if layer.is_raster else str(layer.feature_count)
        rows.append(
            (
                layer.name,
                layer.role,
                count,
                geometry,
                layer.source_crs or "?",
                _fields_text(layer),
            )
        )
    return rows


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def _print_plan(plan: Plan, out: Path) -> None:
    from spaceplanner.layers.crs import crs_label

    print(f"Plan: {plan.name}  ({out})")
    if plan.crs is None:
        print("CRS: none (no layer could be read)")
    else:
        print(f"CRS: {crs_label(plan.crs)} ({plan.crs.name})")
    print(f"Rules: {plan.rules}   Scenario: {plan.scenario}")
    if plan.description:
        print(f"About: {plan.description}")
    if plan.layers:
        print()
        print(_table(_layer_rows(plan)))
    if plan.failed:
        print(f"\nNot loaded: {', '.join(plan.failed)}")


def _print_problems(plan: Plan, base: Path) -> None:
    if not plan.problems:
        print("\nNo problems found.")
        return
    print("\nProblems:")
    shown: Counter[str | None] = Counter()
    for problem in plan.problems:
        shown[problem.layer] += 1
        if shown[problem.layer] > settings.MAX_PROBLEMS_SHOWN:
            continue
        print(f"  {problem.severity:<7} {problem.relative_to(base).describe()}")
    for layer, n in shown.items():
        if n > settings.MAX_PROBLEMS_SHOWN:
            print(f"  ... and {n - settings.MAX_PROBLEMS_SHOWN} more for layer '{layer}'")


def _counts(plan: Plan) -> str:
    counts = Counter(p.severity for p in plan.problems)
    repaired = sum(p.count for p in plan.problems if p.severity == "repair")
    skipped = sum(p.count for p in plan.problems if "skipped" in p.message)
    return (
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['note']} notes; "
        f"{repaired} features repaired, {skipped} skipped"
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
        _print_plan(plan, path)
        _print_problems(plan, path.parent)
        verdict = "usable" if plan.usable else "NOT usable"
        print(f"\nResult: {verdict} ({_counts(plan)})")
    return EXIT_OK if plan.usable else EXIT_BAD_INPUT


def _print_catalogue() -> None:
    import pyogrio

    from spaceplanner.layers.catalogue import roles

    print(f"SpacePlanner {__version__}")
    print(f"Sample maps: {', '.join(list_samples())}")
    print(f"Rule profiles: {', '.join(list_profiles())} (or a profile .toml path)")
    print("\nLayer roles (fields marked * are required):")
    for role in roles().values():
        geo = "/".join(role.geometry) + (" or raster" if role.raster and role.geometry else "")
        geo = geo or "raster"
        fields = ", ".join(
            f"{f.name}{'*' if f.required else ''}" + (f" [{f.unit}]" if f.unit else "")
            for f in role.fields.values()
        )
        print(f"  {role.name:<16} {role.label_zh}  {geo}: {fields}")
    drivers = pyogrio.list_drivers(read=True)
    wanted = ["ESRI Shapefile", "GeoJSON", "GPKG", "KML", "LIBKML", "CSV", "OSM", "FlatGeobuf"]
    print(
        f"\nVector formats: {', '.join(d for d in wanted if d in drivers)} (and other GDAL formats)"
    )
    print("Raster formats: GeoTIFF, GeoPackage rasters (and other GDAL rasters)")


def cmd_info(args: argparse.Namespace) -> int:
    """Without a plan: the tool, samples and role catalogue. With one: its summary."""
    from spaceplanner.model.plan import load_plan

    if not args.plan and not args.sample:
        _print_catalogue()
        return EXIT_OK
    path = plan_path(args)
    plan = load_plan(path, strict=True)
    _print_plan(plan, path)
    extent = plan.extent(rasters=True)
    assert extent is not None
    minx, miny, maxx, maxy = extent
    print(f"\nExtent: {maxx - minx:,.0f} m × {maxy - miny:,.0f} m")
    if plan.by_role("residents"):
        print(f"Population (vector residents): {plan.population():,.0f}")
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Load a plan (TOML spec or GeoPackage) and save it as one plan GeoPackage."""
    from spaceplanner.layers.crs import crs_label
    from spaceplanner.model.plan import load_plan
    from spaceplanner.model.plan_file import save_plan

    expected = 1 if args.sample else 2
    if len(args.paths) != expected:
        msg = "give the plan and the output file" if expected == 2 else "give the output file"
        raise UsageError(msg, hint="spaceplanner convert (PLAN | --sample NAME) OUTPUT.gpkg")
    args.plan = None if args.sample else args.paths[0]
    source = plan_path(args)
    target = Path(args.paths[-1])
    check_output_file(target, [source])
    if target.exists() and not args.overwrite:
        msg = "the output file exists"
        raise UsageError(msg, file=str(target), hint="choose another name or add --overwrite")
    plan = load_plan(source, crs=args.crs, strict=True)
    check_output_file(target, plan_inputs(plan))
    save_plan(plan, target)
    print(f"Saved {len(plan.layers)} layers of '{plan.name}' to {target} ({crs_label(plan.crs)})")
    return EXIT_OK


def _percent(x: float) -> str:
    return f"{100 * x:.1f} %"


def _print_shelters(sh: ShelterSummary, out: TextIO) -> None:
    print(
        f"Shelters ({len(sh.by_shelter)}, {sh.radius_m:g} m): "
        f"covered {sh.population_covered:,.0f} ({_percent(sh.share_covered)}); "
        f"capacity {sh.capacity_persons:,.0f} of {sh.capacity_before_checks:,.0f} "
        f"after the checks; sheltered {sh.population_sheltered:,.0f} "
        f"({_percent(sh.share_sheltered)})",
        file=out,
    )
    removed = ", ".join(f"{p} {v:,.0f}" for p, v in sh.capacity_removed_by.items() if v > 0)
    if removed:
        print(f"  capacity removed by principle: {removed}", file=out)
    over = [b.site.feature for b in sh.by_shelter if b.over_capacity]
    if over:
        print(f"  over capacity (nearest demand > capacity): {', '.join(over)}", file=out)


def _print_indicators(report: Report, out: TextIO) -> None:
    from spaceplanner.results.indicators import indicator_rows, value_text

    rows = indicator_rows(report)
    if not rows:
        return
    met = sum(r["status"] == "pass" for r in rows)
    assessed = sum(r["status"] != "not_assessed" for r in rows)
    extra = f", {len(rows) - assessed} not assessed" if assessed < len(rows) else ""
    print(f"Indicators: {met} of {assessed} targets met{extra}", file=out)
    marks = {"pass": "ok  ", "fail": "FAIL", "not_assessed": "n/a "}
    for r in rows:
        value = value_text(r["value"], r["unit"], area_digits=2, area_unit="m²/person")
        target = value_text(r["target"], r["unit"], area_digits=2, area_unit="m²/person")
        why = f" — {r['reason']}" if r["status"] == "not_assessed" and r.get("reason") else ""
        mark = marks[r["status"]]
        print(f"  {mark} {r['indicator']}: {value} (target ≥ {target}){why}", file=out)


def _print_summary(report: Report, out: TextIO) -> None:
    r = report
    print(f"{r.plan} — rules {r.rules}, {r.distance.replace('_', ' ')} distance, {r.crs}", file=out)
    print(
        f"Population {r.population:,.0f} ({r.resident_points:,} resident points; "
        f"{r.population_unreachable:,.0f} beyond reach of the network)",
        file=out,
    )
    print(f"Scenario {r.scenario}, period {r.period}", file=out)
    if r.shelters is not None:
        _print_shelters(r.shelters, out)
    if r.activity_spaces is not None:
        for name, c in r.activity_spaces.circles.items():
            print(
                f"Activity space {name} ({c.radius_m:g} m, ≥ {c.min_area_m2:,.0f} m²): "
                f"{_percent(c.share_covered)} covered, {c.per_capita_m2:.2f} m²/person "
                f"(target {c.target_per_capita_m2:g})",
                file=out,
            )
        o = r.activity_spaces.overall
        print(
            f"Activity space overall: {o.area_m2:,.0f} m² in {o.spaces} spaces, "
            f"{o.per_capita_m2:.2f} m²/person",
            file=out,
        )
    for kind, f in (r.facilities or {}).items():
        print(
            f"Facility {kind} ({f.count}, {f.radius_m:g} m): {_percent(f.share_covered)} covered",
            file=out,
        )
    _print_indicators(report, out)
    by_rule = Counter(v.principle + " " + v.rule for v in r.violations)
    if by_rule:
        print(
            f"Violations ({len(r.violations)}): "
            + ", ".join(f"{rule} ×{n}" for rule, n in sorted(by_rule.items())),
            file=out,
        )
    for note in r.notes:
        print(f"Note: {note.text}", file=out)


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
    )
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
    _print_summary(report, summary_stream)
    if written:
        print(f"Wrote {', '.join(str(p) for p in written)}", file=summary_stream)
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
            msg = f"the suggestions cannot be read ({exc})"
            raise UsageError(
                msg,
                file=str(source),
                hint="give the suggestions.gpkg that `spaceplanner suggest --out DIR` wrote",
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
        msg = f"--{sheet_options[0]} is an option of the map sheet, which is not exported"
        raise UsageError(msg, field=sheet_options[0], hint="add --format pdf (or png)")
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
    listed = ", ".join(f"{top}/ ({n} files)" if n > 1 else top for top, n in tops.items())
    print(f"Wrote {len(written)} files to {args.out}: {listed}")
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    args.started = time.perf_counter()
    # one language for the run's messages and what it writes (an output's --lang)
    args.lang = getattr(args, "lang", None) or current_lang()
    set_lang(args.lang)
    zh = args.lang == "zh"
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
        print(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in SpacePlanner; rerun with --debug and report the traceback.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
