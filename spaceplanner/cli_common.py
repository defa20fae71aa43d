"""What every ``spaceplanner`` subcommand shares: exit codes, the plan argument, a progress bar
and ``--quiet``.

Light on purpose: ``spaceplanner --help`` builds the whole argument tree from this module,
:mod:`spaceplanner.settings`, the sample and profile lists, without loading GDAL, pandas or the
engine (each command imports those when it runs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from spaceplanner.feedback import Feedback
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.sample_maps import get_path, list_samples

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "ProgressBar",
    "UsageError",
    "add_plan_args",
    "add_quiet_arg",
    "plan_path",
    "progress_feedback",
]

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(SpacePlannerError):
    """A command line that cannot be carried out as given."""


def plan_path(args: argparse.Namespace) -> Path:
    """The plan file of ``PLAN`` or ``--sample NAME`` (exactly one of them)."""
    if args.sample and args.plan:
        msg = "give either PLAN or --sample, not both"
        raise UsageError(msg)
    if args.sample:
        try:
            return get_path(args.sample)
        except KeyError as exc:
            raise UsageError(exc.args[0]) from exc
    if not args.plan:
        msg = "no plan given"
        raise UsageError(msg, hint="give PLAN (.toml or .gpkg) or --sample NAME")
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


def add_quiet_arg(p: argparse.ArgumentParser) -> None:
    """Add ``-q/--quiet``: no progress bar and no summary, only errors (and asked-for output)."""
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary; only errors (and JSON asked for with --json -)",
    )


def progress_feedback(args: argparse.Namespace) -> Feedback:
    """The feedback of a command: a progress bar on stderr when it is a terminal, nothing with
    ``--quiet``."""
    if getattr(args, "quiet", False):
        return Feedback()
    return Feedback.from_callbacks(ProgressBar(sys.stderr))
