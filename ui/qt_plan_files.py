"""Opening, creating, saving and recovering plans, for the main window.

The dialogs around a plan's files: open a plan spec or plan file (saying which layers were left
out), start a new plan from its first layer (whose CRS the plan takes), ask about unsaved edits,
save and save-as (atomic; the autosave then goes), autosave, and offer the autosaves a crashed
session left (:class:`~spaceplanner.ui.model.recovery.Recovery` does the files).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PyQt5.QtCore import QObject, Qt
from PyQt5.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.plan import Plan, load_plan, project_layer
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.layer_draft import plan_crs_for
from spaceplanner.ui.model.session import Session

if TYPE_CHECKING:
    from spaceplanner.ui.qt_main_window import QtMainWindow

__all__ = ["QtPlanFiles"]


class QtPlanFiles(QObject):
    """The plan-file dialogs of ``window`` (its :attr:`~QtMainWindow.files`)."""

    def __init__(self, window: QtMainWindow) -> None:
        super().__init__(window)
        self.window = window

    def open_dialog(self) -> None:
        """Ask for a plan file and open it."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open plan"),
            "",
            self.tr("Plans (*.toml *.gpkg);;Plan spec (*.toml);;Plan file (*.gpkg)"),
        )
        if name:
            self.open_path(Path(name))

    def open_sample(self, name: str) -> bool:
        """Open a sample map by name."""
        try:
            path = get_path(name)
        except KeyError as exc:
            self.window._error(str(exc.args[0]))
            return False
        return self.open_path(path, remember=False)

    def open_path(self, path: Path, *, remember: bool = True) -> bool:
        """Open a plan spec or plan file (after asking about unsaved edits); True when open."""
        if not self.maybe_save():
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = load_plan(path, strict=False)
        except SpacePlannerError as exc:
            QApplication.restoreOverrideCursor()
            self.window._error(exc.describe(), self.tr("Cannot open the plan"))
            return False
        except Exception as exc:  # a file no reader understands must not crash the app
            QApplication.restoreOverrideCursor()
            self.window._error(f"{path}: {exc}", self.tr("Cannot open the plan"))
            return False
        QApplication.restoreOverrideCursor()
        if plan.crs is None or not plan.layers:
            details = "\n".join(p.describe() for p in plan.errors[:10])
            self.window._error(
                self.tr("No layer of the plan could be read.") + "\n\n" + details,
                self.tr("Cannot open the plan"),
            )
            return False
        if plan.errors:
            details = "\n".join(p.relative_to(path.parent).describe() for p in plan.errors[:10])
            QMessageBox.warning(
                self.window,
                self.tr("Some layers were left out"),
                self.tr(
                    "{0} problems stop some layers from loading; the plan opens without "
                    "them, and Save will ask for a new file."
                ).format(len(plan.errors))
                + "\n\n"
                + details,
            )
        self.window._close_session()
        # a plan file that opened without some layers is not overwritten by Save (it would
        # lose them): the first Save asks for a file
        gpkg = path if path.suffix.lower() == ".gpkg" and not plan.failed else None
        self.window.set_session(Session(plan, path=gpkg))
        if remember:
            self.window._remember(path)
        self.window.evaluate()
        return True

    def new_plan(self) -> None:
        """Start an empty plan and add its first layer from a file."""
        if not self.maybe_save():
            return
        name, ok = QInputDialog.getText(self.window, self.tr("New plan"), self.tr("Plan name:"))
        if not ok or not name.strip():
            return
        plan = Plan(name.strip(), crs=None)
        layer = self._ask_layer(plan)
        if layer is None:
            return
        self.window._close_session()
        plan.layers = {layer.name: layer}
        session = Session(plan)
        self.window.set_session(session)
        session.stack.mark_unsaved()  # not in any file yet
        self.window._update_title()

    def _ask_layer(self, plan: Plan) -> Any:
        """Run the add-layer dialog; a first layer also fixes the plan's CRS."""
        from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog

        dialog = QtAddLayerDialog(plan, self.window, lang=self.window.lang)
        if dialog.exec_() != QtAddLayerDialog.Accepted:
            return None
        layer = dialog.result_layer()
        if plan.crs is None:
            plan.crs = plan_crs_for(layer)
            if layer.frame is not None and plan.crs is not None:
                project_layer(layer, plan.crs)
        return layer

    # -- saving and recovery ----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved edits; False when the user cancels."""
        if self.window.session is None or not self.window.session.dirty:
            return True
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("The plan “{0}” has changes that are not saved. Save them?").format(
                self.window.session.plan.name
            ),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Save,
        )
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def save(self) -> bool:
        """Save to the plan file (save-as when the plan has none); True when saved."""
        if self.window.session is None:
            return False
        if self.window.session.path is None:
            return self.save_as()
        return self._save_to(self.window.session.path)

    def save_as(self) -> bool:
        """Ask for a .gpkg file and save the plan there."""
        if self.window.session is None:
            return False
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save plan as"),
            f"{self.window.session.plan.name}.gpkg",
            self.tr("Plan file (*.gpkg)"),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".gpkg":
            path = path.with_suffix(".gpkg")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        assert self.window.session is not None
        old_key = self.window.recovery.key_for(self.window.session)
        try:
            written = self.window.session.save(path)
        except SpacePlannerError as exc:
            self.window._error(exc.describe(), self.tr("The plan was not saved"))
            return False
        except Exception as exc:  # never lose the session to an unexpected error while saving
            self.window._error(f"{path}: {exc}", self.tr("The plan was not saved"))
            return False
        self.window.recovery.remove(old_key)
        self.window.recovery.discard(self.window.session)
        self.window._remember(written)
        bar = self.window.statusBar()
        assert bar is not None
        bar.showMessage(self.tr("Saved {0}").format(written), 5000)
        self.window._update_title()
        return True

    def autosave(self) -> Path | None:
        """Write an autosave of a plan with unsaved edits (for recovery after a crash)."""
        if self.window.session is None or not self.window.session.dirty:
            return None
        try:
            return self.window.recovery.autosave(self.window.session)
        except (SpacePlannerError, OSError) as exc:
            bar = self.window.statusBar()
            assert bar is not None
            bar.showMessage(self.tr("Autosave failed: {0}").format(exc), 10000)
            return None

    def offer_recovery(self) -> bool:
        """Offer the autosaves left by a session that crashed; True when one was opened."""
        for item in self.window.recovery.pending():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(float(item["written"])))
            answer = QMessageBox.question(
                self.window,
                self.tr("Recover unsaved changes?"),
                self.tr(
                    "SpacePlanner did not close cleanly. Unsaved changes to “{0}” from {1} "
                    "were kept. Recover them?"
                ).format(item["plan"], when),
                QMessageBox.Yes | QMessageBox.No,
                QMessageBox.Yes,
            )
            if answer != QMessageBox.Yes:
                self.window.recovery.remove(item["key"])
                continue
            try:
                session = self.window.recovery.recover(item)
            except (SpacePlannerError, OSError) as exc:
                text = exc.describe() if isinstance(exc, SpacePlannerError) else str(exc)
                self.window._error(text, self.tr("Cannot recover the plan"))
                continue
            self.window._close_session()
            self.window.set_session(session)
            self.window._update_title()
            self.window.evaluate()
            return True
        return False
