"""A window that shows a plan's layers and the problems found in them."""

from __future__ import annotations

from PyQt5.QtCore import Qt
from PyQt5.QtGui import QColor
from PyQt5.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner import __version__
from spaceplanner.layers.crs import crs_label
from spaceplanner.plan import Plan

__all__ = ["QtPlanSummaryWindow"]

_SEVERITY_COLOURS = {
    "error": "#b00020",
    "warning": "#a15c00",
    "repair": "#1f5f99",
    "note": "#555555",
}


class QtPlanSummaryWindow(QMainWindow):
    """The main window: a plan's layers table and its problems, or a start message."""

    def __init__(self, plan: Plan | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"SpacePlanner {__version__}")
        self.resize(980, 560)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel(body)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.details = QLabel(body)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.layers = QTableWidget(0, 5, body)
        self.layers.setHorizontalHeaderLabels(["Layer", "Role", "Features", "Geometry", "Fields"])
        _plain_table(self.layers)
        self.layers.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems = QTableWidget(0, 2, body)
        self.problems.setHorizontalHeaderLabels(["Severity", "Problem"])
        _plain_table(self.problems)
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems.setWordWrap(False)
        split = QSplitter(Qt.Orientation.Vertical, body)
        split.addWidget(self.layers)
        split.addWidget(self.problems)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        for widget in (self.heading, self.details, split):
            layout.addWidget(widget)
        self.setCentralWidget(body)
        self.status = QStatusBar(self)
        self.setStatusBar(self.status)
        self.status.showMessage("Open a plan: spaceplanner-gui PLAN or --sample NAME")
        self.show_plan(plan)

    def show_plan(self, plan: Plan | None) -> None:
        """Show ``plan`` (or the start message when None)."""
        if plan is None:
            self.heading.setText("SpacePlanner")
            self.details.setText("No plan open. Start with a plan file or a sample map.")
            self.layers.setRowCount(0)
            self.problems.setRowCount(0)
            return
        self.heading.setText(plan.name)
        self.details.setText(
            f"CRS {crs_label(plan.crs)} · rules {plan.rules} · scenario {plan.scenario}"
            + (f"\n{plan.description}" if plan.description else "")
        )
        self.layers.setRowCount(len(plan.layers))
        for row, layer in enumerate(plan):
            fields = ", ".join(layer.field_map) if layer.frame is not None else "raster"
            geometry = "raster" if layer.is_raster else "/".join(layer.geometry_types())
            cells = [layer.name, layer.role, str(layer.feature_count), geometry, fields]
            for col, text in enumerate(cells):
                self.layers.setItem(row, col, QTableWidgetItem(text))
        self.layers.resizeColumnsToContents()
        base = plan.path.parent if plan.path else None
        self.problems.setRowCount(len(plan.problems))
        for row, problem in enumerate(plan.problems):
            severity = QTableWidgetItem(problem.severity)
            severity.setForeground(QColor(_SEVERITY_COLOURS.get(problem.severity, "#000000")))
            self.problems.setItem(row, 0, severity)
            text = problem.relative_to(base).describe() if base else problem.describe()
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.problems.setItem(row, 1, item)
        verdict = "usable" if plan.usable else f"not usable: {len(plan.errors)} errors"
        self.status.showMessage(f"{len(plan.layers)} layers · {verdict}")


def _plain_table(table: QTableWidget) -> None:
    horizontal, vertical = table.horizontalHeader(), table.verticalHeader()
    assert horizontal is not None and vertical is not None
    horizontal.setStretchLastSection(True)
    vertical.setVisible(False)
