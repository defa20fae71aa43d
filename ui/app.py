"""Entry point of ``spaceplanner-gui``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PyQt5.QtCore import QSize
from PyQt5.QtWidgets import QApplication

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.files import atomic_path
from spaceplanner.layers.errors import PlanError, SpacePlannerError
from spaceplanner.model.plan import load_plan
from spaceplanner.sample_maps import get_path, list_samples
from spaceplanner.ui import i18n
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_main_window import QtMainWindow
from spaceplanner.ui.qt_settings import settings

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
    parser.add_argument(
        "--lang",
        choices=["en", "zh"],
        help="language (default: as chosen in the app, else the system's)",
    )
    parser.add_argument(
        "--snapshot", metavar="PNG", help="evaluate, render the window to PNG and exit"
    )
    parser.add_argument(
        "--size", default="1360x860", metavar="WxH", help="window size for --snapshot"
    )
    return parser


class _App:
    """Keeps the main window, and rebuilds it when the language changes."""

    def __init__(self, app: QApplication, lang: str) -> None:
        self.app = app
        self.lang = lang
        self.window = self._new_window(None)

    def _new_window(self, session: Session | None) -> QtMainWindow:
        window = QtMainWindow(session, lang=self.lang)
        window.language_requested.connect(self.switch_language)
        return window

    def switch_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        old = self.window
        geometry = old.saveGeometry()
        state = old.view_state()
        session = old.detach_session()
        i18n.install(self.app, lang)
        self.lang = lang
        self.window = self._new_window(session)
        self.window.restoreGeometry(geometry)
        self.window.show()
        self.window.restore_view_state(state)  # the map, indicator, status, tool as they were
        old.close()
        old.deleteLater()


def _snapshot(args: argparse.Namespace, app: QApplication, lang: str) -> int:
    """Open the plan, evaluate it in this thread, render the window to a PNG."""
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"error: --size must look like 1360x860, not {args.size!r}", file=sys.stderr)
        return 2
    session: Session | None = None
    error: str | None = None
    try:
        if args.sample or args.plan:
            path = get_path(args.sample) if args.sample else Path(args.plan)
            plan = load_plan(path, strict=False)
            if plan.crs is None or not plan.layers:
                error = "; ".join(p.describe() for p in plan.errors[:3]) or "no usable layer"
            else:
                session = Session(plan, path=path if path.suffix.lower() == ".gpkg" else None)
                session.set_report(
                    Evaluator(plan).evaluate(
                        scenario=session.scenario, period=session.period, gaps=True
                    )
                )
    except (SpacePlannerError, KeyError) as exc:
        error = exc.describe() if isinstance(exc, SpacePlannerError) else str(exc.args[0])
    window = QtMainWindow(session, lang=lang)
    window.resize(QSize(width, height))
    window.show()
    for _ in range(3):
        app.processEvents()
    if window.canvas is not None:
        window.canvas.zoom_to_extent()
        app.processEvents()
    try:
        with atomic_path(args.snapshot) as tmp:
            if not window.grab().save(str(tmp)):
                msg = "the snapshot cannot be written"
                raise PlanError(
                    msg, file=args.snapshot, hint="give a .png path in a writable folder"
                )
    except SpacePlannerError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 2
    finally:
        window._closing_ok = True
        window.close()
    if error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop app; return its exit code."""
    args = _parser().parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("SpacePlanner")
    app.setOrganizationName("SpacePlanner")
    lang = args.lang or i18n.resolve(str(settings().value("language", "system")))
    i18n.install(app, lang)
    if args.snapshot:
        return _snapshot(args, app, lang)
    holder = _App(app, lang)
    window = holder.window
    window.show()
    open_requested(window, args)
    return int(app.exec_())


def open_requested(window: QtMainWindow, args: argparse.Namespace) -> None:
    """Offer what a crash left first, also when a plan was named on the command line (that
    plan's autosave would otherwise be replaced by this session's); else open the plan."""
    if window.offer_recovery():
        return
    if args.sample:
        window.open_sample(args.sample)
    elif args.plan:
        window.open_path(Path(args.plan))


if __name__ == "__main__":
    sys.exit(main())
