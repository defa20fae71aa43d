"""The Suggest sites dialog: which candidates to open, answered off the GUI thread.

The question (what for, which candidates, add K or reach a share) is answered by
:func:`spaceplanner.engine.suggest.suggest` on a snapshot of the session's plan in its scenario. The
answer is listed with what each site adds, drawn as a curve of persons served against sites
added, and shown on the map (``suggested`` signal); **Add to plan** makes the sites one undoable
edit, after which the live evaluation follows as after any edit.
"""

from __future__ import annotations

import math
from typing import Any

from PyQt5.QtCore import QPointF, QRectF, Qt, pyqtSignal
from PyQt5.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.engine.suggest import Suggestions, adding_command, suggest
from spaceplanner.feedback import Feedback
from spaceplanner.model.rules import load_profile
from spaceplanner.outputs.symbols import SUGGESTED
from spaceplanner.results.labels import label
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_steps import step_text
from spaceplanner.ui.qt_worker import QtBackgroundTask

__all__ = ["QtCurve", "QtSuggestDialog"]

AUTO = "auto"


class QtCurve(QWidget):
    """Persons served against the number of sites added (0 = today)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float] = []
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: list[float]) -> None:
        """``values[i]``: persons served with ``i`` sites added."""
        self.values = list(values)
        self.update()

    def paintEvent(self, event: QPaintEvent | None) -> None:  # noqa: N802 (Qt's name)
        if len(self.values) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(62, 10, -14, -20)
        low, high = min(self.values), max(self.values)
        span = (high - low) or 1.0
        n = len(self.values) - 1

        def at(i: int, v: float) -> QPointF:
            return QPointF(
                box.left() + box.width() * i / n, box.bottom() - box.height() * (v - low) / span
            )

        painter.setPen(QPen(QColor("#999999"), 1))
        painter.drawLine(box.bottomLeft(), box.bottomRight())
        painter.drawLine(box.bottomLeft(), box.topLeft())
        painter.setPen(QColor("#555555"))
        painter.drawText(
            QRectF(0, box.top() - 7, 56, 16), int(Qt.AlignmentFlag.AlignRight), f"{high:,.0f}"
        )
        painter.drawText(
            QRectF(0, box.bottom() - 8, 56, 16), int(Qt.AlignmentFlag.AlignRight), f"{low:,.0f}"
        )
        for i in range(n + 1):
            painter.drawText(
                QRectF(at(i, low).x() - 10, box.bottom() + 3, 20, 14),
                int(Qt.AlignmentFlag.AlignCenter),
                str(i),
            )
        painter.setPen(QPen(QColor("#b45309"), 2))
        painter.drawPolyline(QPolygonF([at(i, v) for i, v in enumerate(self.values)]))
        painter.setBrush(QColor(SUGGESTED.fill))
        for i, v in enumerate(self.values):
            painter.drawEllipse(at(i, v), 3.5, 3.5)
        painter.end()


class QtSuggestDialog(QDialog):
    """Ask where the next sites should go; show the answer; add it to the plan.

    Signals
    -------
    suggested(object)
        The suggested sites' geometries (a list), or None when cleared: the map draws them.
    """

    suggested = pyqtSignal(object)

    def __init__(self, session: Session, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.answer: Suggestions | None = None
        self.task = QtBackgroundTask(self)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.setWindowTitle(self.tr("Suggest sites"))
        self._build()
        self.resize(620, 640)

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.for_combo = QComboBox(self)
        self.for_combo.addItem(self.tr("Emergency shelters (capacity)"), "shelters")
        profile = load_profile(self.session.plan.rules)
        for circle in profile.circles:
            self.for_combo.addItem(
                self.tr("Activity space, {circle} circle").format(circle=circle.name),
                f"activity_spaces:{circle.name}",
            )
        for kind in sorted(profile.facility_radius):
            self.for_combo.addItem(
                self.tr("Facility: {kind}").format(kind=label(kind, self.lang)), f"facility:{kind}"
            )
        self.for_combo.currentIndexChanged.connect(self._fill_candidates)
        form.addRow(self.tr("Suggest for"), self.for_combo)
        self.candidates = QComboBox(self)
        form.addRow(self.tr("Candidates"), self.candidates)
        ask = QWidget(self)
        row = QHBoxLayout(ask)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_radio = QRadioButton(self.tr("Add"), ask)
        self.add_count = QSpinBox(ask)
        self.add_count.setRange(1, 500)
        self.add_count.setValue(3)
        self.target_radio = QRadioButton(self.tr("Reach"), ask)
        self.target_share = QDoubleSpinBox(ask)
        self.target_share.setRange(1.0, 100.0)
        self.target_share.setDecimals(1)
        self.target_share.setSuffix(" %")
        self.target_share.setValue(100.0)
        group = QButtonGroup(ask)
        group.addButton(self.add_radio)
        group.addButton(self.target_radio)
        self.add_radio.setChecked(True)
        row.addWidget(self.add_radio)
        row.addWidget(self.add_count)
        row.addWidget(QLabel(self.tr("sites"), ask))
        row.addSpacing(16)
        row.addWidget(self.target_radio)
        row.addWidget(self.target_share)
        row.addStretch(1)
        form.addRow(self.tr("Question"), ask)
        self.time_limit = QSpinBox(self)
        self.time_limit.setRange(1, 3600)
        self.time_limit.setValue(60)
        self.time_limit.setSuffix(" s")
        form.addRow(self.tr("Time limit"), self.time_limit)
        layout.addLayout(form)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Site"), self.tr("Adds"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)  # type: ignore[union-attr]
        head = self.table.horizontalHeader()
        assert head is not None
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.curve = QtCurve(self)
        layout.addWidget(self.curve)
        self.excluded = QLabel(self)
        self.excluded.setWordWrap(True)
        layout.addWidget(self.excluded)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Suggest"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self._run_clicked)
        self.add_button = QPushButton(self.tr("Add to plan"), self)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_to_plan)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.task.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._fill_candidates()

    def _fill_candidates(self) -> None:
        current = self.candidates.currentData()
        self.candidates.clear()
        for name, layer in self.session.plan.layers.items():
            if layer.role == "candidates":
                self.candidates.addItem(name, name)
        if self.for_combo.currentData() == "shelters":
            self.candidates.addItem(self.tr("Open ground (activity spaces, open parcels)"), AUTO)
        index = self.candidates.findData(current)
        self.candidates.setCurrentIndex(max(index, 0))
        self.run_button.setEnabled(self.candidates.count() > 0)

    # -- the question -----------------------------------------------------------------------------
    def question(self) -> dict[str, Any]:
        """The question as :func:`~spaceplanner.engine.suggest.suggest` takes it."""
        what = str(self.for_combo.currentData())
        circle = None
        if what.startswith("activity_spaces:"):
            what, circle = "activity_spaces", what.split(":", 1)[1]
        return {
            "for_": what,
            "circle": circle,
            "candidates": str(self.candidates.currentData()),
            "add": self.add_count.value() if self.add_radio.isChecked() else None,
            "target": self.target_share.value() / 100 if self.target_radio.isChecked() else None,
            "time_limit": float(self.time_limit.value()),
        }

    @property
    def busy(self) -> bool:
        """True while a question is being answered."""
        return self.task.busy

    def start(self) -> bool:
        """Answer the question in the background (False when one is running)."""
        plan = self.session.snapshot()
        scenario = self.session.scenario
        question = self.question()

        def run(feedback: Feedback) -> Suggestions:
            return suggest(plan, scenario=scenario, feedback=feedback, **question)

        self._set_busy(True)
        self.summary.setText(self.tr("Looking for the best sites…"))
        if not self.task.start(run):
            self._set_busy(False)
            return False
        return True

    def _run_clicked(self) -> None:
        self.start()

    def add_to_plan(self) -> None:
        """Make the suggested sites one undoable edit of the plan."""
        if self.answer is None or not self.answer.suggestions:
            return
        try:
            self.session.push(adding_command(self.session.plan, self.answer))
        except Exception as exc:  # a SpacePlannerError names what is wrong
            describe = getattr(exc, "describe", None)
            QMessageBox.warning(
                self, self.tr("The sites were not added"), describe() if describe else str(exc)
            )
            return
        self.add_button.setEnabled(False)
        self.suggested.emit(None)
        self.summary.setText(
            self.tr("Added {count} sites to the plan (Undo takes them back).").format(
                count=len(self.answer.suggestions)
            )
        )

    # -- following the task ---------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.for_combo,
            self.candidates,
            self.add_count,
            self.target_share,
            self.add_radio,
            self.target_radio,
            self.time_limit,
            self.run_button,
        ):
            widget.setEnabled(not busy)
        self.add_button.setEnabled(not busy and bool(self.answer and self.answer.suggestions))
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        self.close_button.setVisible(not busy)

    def _on_progress(self, fraction: float, code: str, detail: str) -> None:
        self.progress.setValue(round(1000 * max(0.0, min(1.0, fraction))))
        self.progress.setFormat(f"{step_text(code, detail)} %p%")

    def _on_finished(self, result: object) -> None:
        assert isinstance(result, Suggestions)
        self.answer = result
        self._set_busy(False)
        self._show(result)
        self.suggested.emit([s.geometry for s in result.suggestions] or None)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self.summary.setText(message)
        QMessageBox.warning(self, self.tr("No suggestion"), message)

    def _on_cancelled(self) -> None:
        self._set_busy(False)
        self.summary.setText(self.tr("Cancelled."))

    def _show(self, result: Suggestions) -> None:
        pop = result.population or 1.0
        sheltered = result.question["for"] == "shelters"
        what = self.tr("sheltered") if sheltered else self.tr("covered")
        quality = (
            self.tr("optimal")
            if result.optimal
            else self.tr("best found (gap {gap})").format(
                gap="?" if math.isnan(result.gap) else f"{result.gap:.1%}"
            )
        )
        lines = [
            self.tr(
                "{before} → {after} persons {what} ({b} → {a}) with {n} sites; {quality}."
            ).format(
                before=f"{result.before:,.0f}",
                after=f"{result.after:,.0f}",
                what=what,
                b=f"{100 * result.before / pop:.1f} %",
                a=f"{100 * result.after / pop:.1f} %",
                n=len(result.suggestions),
                quality=quality,
            ),
            *result.notes,
        ]
        self.summary.setText("\n".join(lines))
        self.table.setRowCount(len(result.suggestions))
        for i, s in enumerate(result.suggestions):
            cells = [str(s.rank), s.id, f"+{s.gain:,.0f}", s.reason]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, col, item)
        for col in range(3):
            self.table.resizeColumnToContents(col)
        self.curve.set_values([result.before, *result.curve])
        self.excluded.setText(
            self.tr("{count} of {total} candidates excluded (hover for why).").format(
                count=len(result.excluded), total=result.candidates
            )
            if result.excluded
            else ""
        )
        self.excluded.setToolTip("\n".join(f"{e['id']}: {e['reason']}" for e in result.excluded))

    def done(self, result: int) -> None:
        """Stop a running question and clear the map's suggested sites on closing."""
        self.task.shutdown(5000)
        self.suggested.emit(None)
        super().done(result)
