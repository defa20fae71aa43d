"""Entry point of ``spaceplanner-gui``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PyQt5.QtWidgets import QApplication, QMessageBox

from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.plan import Plan, load_plan
from spaceplanner.sample_maps import get_path, list_samples
from spaceplanner.ui.qt_plan_summary import QtPlanSummaryWindow

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spaceplanner-gui", description="SpacePlanner desktop app"
    )
    parser.add_argument(
        "plan", nargs="?", metavar="PLAN", help="plan spec (.toml) or plan file (.gpkg)"
    )
    parser.add_argument(
        "--sample", metavar="NAME", help=f"open a sample map ({', '.join(list_samples())})"
    )
    parser.add_argument("--snapshot", metavar="PNG", help="render the window to PNG and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop app; return its exit code."""
    args = _parser().parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    plan: Plan | None = None
    error: str | None = None
    try:
        if args.sample:
            plan = load_plan(get_path(args.sample), strict=False)
        elif args.plan:
            plan = load_plan(Path(args.plan), strict=False)
    except (SpacePlannerError, KeyError) as exc:
        error = exc.describe() if isinstance(exc, SpacePlannerError) else str(exc.args[0])
    window = QtPlanSummaryWindow(plan)
    if args.snapshot:
        window.show()
        app.processEvents()
        if not window.grab().save(args.snapshot):
            print(f"error: cannot write {args.snapshot}", file=sys.stderr)
            return 2
        if error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        return 0
    window.show()
    if error:
        QMessageBox.critical(window, "SpacePlanner", error)
    return int(app.exec_())


if __name__ == "__main__":
    sys.exit(main())
