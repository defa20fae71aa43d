"""What every ``spaceplanner`` subcommand shares: exit codes, the plan argument, a progress bar
and ``--quiet``.

Light on purpose: ``spaceplanner --help`` builds the whole argument tree from this module,
:mod:`spaceplanner.settings`, the sample and profile lists, without loading GDAL, pandas or the
engine (each command imports those when it runs).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from spaceplanner.feedback import STEPS, Feedback, step_label
from spaceplanner.files import check_output_folder
from spaceplanner.i18n import current_lang, tx
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.sample_maps import get_path, list_samples

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "ProgressBar",
    "StepTimer",
    "UsageError",
    "add_plan_args",
    "add_progress_args",
    "check_output_file",
    "plan_path",
    "progress_feedback",
]

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(SpacePlannerError):
    """A command line that cannot be carried out as given."""


def plan_path(args: argparse.Namespace) -> Path:
    """The plan file of ``PLAN`` or ``--sample NAME`` (exactly one of them)."""
    if args.sample and args.plan:
        msg = tx("give either PLAN or --sample, not both")
        raise UsageError(msg)
    if args.sample:
        try:
            return get_path(args.sample)
        except KeyError as exc:
            raise UsageError(exc.args[0]) from exc
    if not args.plan:
        msg = tx("no plan given")
        raise UsageError(msg, hint=tx("give PLAN (.toml or .gpkg) or --sample NAME"))
    return Path(args.plan)


def add_plan_args(p: argparse.ArgumentParser, *, crs: bool = True) -> None:
    """Add ``PLAN``, ``--sample`` (and ``--crs``) to a subcommand."""
    p.add_argument("plan", nargs="?", metavar="PLAN", help="plan spec (.toml) or plan file (.gpkg)")
    p.add_argument(
        "--sample", metavar="NAME", help=f"a shipped sample map ({', '.join(list_samples())})"
    )
    if crs:
        p.add_argument("--crs", metavar="CRS", help="metric CRS to work in, e.g. EPSG:32650")


class ProgressBar:
    """A one-line progress bar on a terminal (nothing when output is not a terminal)."""

    #: The bar on screen, if any: an error or an interrupt clears it before it is printed.
    drawn: ProgressBar | None = None

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()

    def __call__(self, fraction: float, what: str) -> None:
        if not self.active:
            return
        filled = int(fraction * 30)
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%} {what:<28}")
        self.stream.flush()
        ProgressBar.drawn = self
        if fraction >= 1:
            self.clear()

    def clear(self) -> None:
        """Wipe the bar's line."""
        self.stream.write("\r" + " " * 70 + "\r")
        self.stream.flush()
        ProgressBar.drawn = None

    @classmethod
    def clear_drawn(cls) -> None:
        """Wipe the bar on screen, if any (before an error message is printed)."""
        if cls.drawn is not None:
            cls.drawn.clear()


def add_lang_arg(p: argparse.ArgumentParser, what: str = "") -> None:
    """Add ``--lang en|zh``: the language of messages (and of ``what`` the command writes);
    without it, ``SPACEPLANNER_LANG`` or the system's language (see ``spaceplanner.i18n``)."""
    p.add_argument(
        "--lang",
        choices=["en", "zh"],
        default=None,
        help=f"language of messages{f' and {what}' if what else ''} "
        "(default: $SPACEPLANNER_LANG or the system's)",
    )


def add_progress_args(p: argparse.ArgumentParser) -> None:
    """Add ``-q/--quiet`` (no progress bar and no summary, only errors and asked-for output) and
    ``--profile`` (each step's time on stderr at the end)."""
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary; only errors (and JSON asked for with --json -)",
    )
    p.add_argument(
        "--profile", action="store_true", help="print each step's time (on stderr) at the end"
    )


class StepTimer:
    """Wall time per step of a command, from the steps its feedback reports.

    The time from the command's start to the first step is "loading and checks"; from the
    last step to the end, "writing and printing"; a step reported several times (one per
    scenario) adds up.
    """

    def __init__(self, started: float) -> None:
        self.started = started
        self.times: dict[str, float] = {}
        self._code = "loading and checks"  # the plan, the libraries, the checks
        self._since = started

    def __call__(self, fraction: float, code: str, detail: str) -> None:
        label = STEPS.get(code, code)
        if label != self._code:
            now = time.perf_counter()
            self.times[self._code] = self.times.get(self._code, 0.0) + now - self._since
            self._code, self._since = label, now

    def report(self, stream: TextIO) -> None:
        """Print the table of steps (the current one closed as "writing and printing")."""
        now = time.perf_counter()
        times = dict(self.times)
        last = "writing and printing" if self._code == STEPS["done"] else self._code
        times[last] = times.get(last, 0.0) + now - self._since
        times.pop(STEPS["done"], None)
        total = now - self.started
        print(f"{'step':<24}{'seconds':>9}{'share':>8}", file=stream)
        for label, seconds in times.items():
            share = seconds / total if total > 0 else 0.0
            print(f"{label:<24}{seconds:>9.2f}{share:>8.0%}", file=stream)
        print(f"{'total':<24}{total:>9.2f}", file=stream)


def progress_feedback(args: argparse.Namespace) -> Feedback:
    """The feedback of a command: a progress bar on stderr when it is a terminal, nothing with
    ``--quiet``; with ``--profile`` it also times each step (:class:`StepTimer`, printed by
    ``main`` when the command ends)."""
    bar = None if getattr(args, "quiet", False) else ProgressBar(sys.stderr)
    timer = None
    if getattr(args, "profile", False):
        timer = args.step_timer = StepTimer(getattr(args, "started", time.perf_counter()))

    lang = getattr(args, "lang", None) or current_lang()

    def listener(fraction: float, code: str, detail: str) -> None:
        if bar is not None:
            bar(fraction, step_label(code, detail, lang))
        if timer is not None:
            timer(fraction, code, detail)

    return Feedback(listener)


def check_output_file(target: Path, inputs: list[Path]) -> None:
    """Refuse an output file that is a folder, lies in a missing folder, or is an input."""
    if target.is_dir():
        msg = tx("the output is a folder")
        raise UsageError(msg, file=str(target), hint=tx("give a file name"))
    folder = target.parent
    if not folder.is_dir():
        check_output_folder(folder)
        msg = tx("the folder of the output file does not exist")
        raise UsageError(
            msg, file=str(target), hint=tx("create the folder first, or choose another")
        )
    for item in inputs:
        if target.exists() and item.exists() and os.path.samefile(target, item):
            msg = tx("the output would replace an input of the plan")
            raise UsageError(
                msg, file=str(target), hint=tx("choose another name; inputs are never written")
            )
