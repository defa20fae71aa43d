"""The add-layer dialog's result panes: the checks (what the loader found) and the preview of
the layer as it will be added (or of the file as it is, when it cannot be read yet)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QColor, QFont
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.problems import Problem
from spaceplanner.model.plan import PlanLayer
from spaceplanner.ui.model.labels import plain_value, value_text

__all__ = ["PREVIEW_ROWS", "QtLayerChecks", "QtLayerPreview", "plain_table"]

#: Rows shown in the preview.
PREVIEW_ROWS = 20
_SEVERITY_COLOURS = {
    "error": "#b00020",
    "warning": "#b36b00",
    "repair": "#6b6b6b",
    "note": "#6b6b6b",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class QtLayerChecks(QGroupBox):
    """What reading the layer found: a summary line and one line per problem, coloured by
    severity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Checks"))
        checks_layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        bold = QFont(self.summary_label.font())
        bold.setBold(True)
        self.summary_label.setFont(bold)
        checks_layout.addWidget(self.summary_label)
        self.problems_list = QListWidget(self)
        self.problems_list.setWordWrap(True)
        self.problems_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.problems_list.setMinimumHeight(70)
        checks_layout.addWidget(self.problems_list)

    def show_problems(
        self, problems: list[Problem], layer: PlanLayer | None, folder: Path | None
    ) -> None:
        """Show ``problems`` (paths relative to ``folder``, the chosen file's; None: no file
        chosen) and a summary: the errors to fix, or what is ready to add."""
        self.problems_list.clear()
        names = {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "repair": self.tr("Repaired"),
            "note": self.tr("Note"),
        }
        for problem in problems:
            shown = problem.relative_to(folder) if folder else problem
            text = f"{names.get(problem.severity, problem.severity)}: {shown.describe()}"
            item = QListWidgetItem(text)
            item.setForeground(QColor(_SEVERITY_COLOURS.get(problem.severity, "#000000")))
            item.setToolTip(problem.describe())
            item.setData(Qt.ItemDataRole.UserRole, problem.severity)
            self.problems_list.addItem(item)
        errors = sum(p.severity == "error" for p in problems)
        if folder is None:
            summary = self.tr("Choose a file to add.")
        elif errors:
            summary = (
                self.tr("1 error: fix it to add the layer.")
                if errors == 1
                else self.tr("{0} errors: fix them to add the layer.").format(errors)
            )
        elif layer is not None and layer.raster is not None:
            summary = self.tr("Ready: a raster of {0} × {1} cells.").format(
                layer.raster.width, layer.raster.height
            )
        elif layer is not None:
            summary = (
                self.tr("Ready: 1 feature.")
                if layer.feature_count == 1
                else self.tr("Ready: {0} features.").format(f"{layer.feature_count:,}")
            )
        else:
            summary = ""
        self.summary_label.setText(summary)
        self.summary_label.setStyleSheet("color: #b00020" if errors else "color: #1e7b45")


class QtLayerPreview(QTableWidget):
    """The first rows of the layer as it will be added (mapped fields named ``field ← column``),
    a raster's properties, or the file's own columns while it cannot be read as a layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        plain_table(self, stretch=False)

    def show_layer(
        self, layer: PlanLayer | None, raw: gpd.GeoDataFrame | None, columns: list[str]
    ) -> None:
        """Show ``layer``, else ``raw`` (the file as read, with its attribute ``columns``)."""
        table = self
        table.clear()
        if layer is not None and layer.raster is not None:
            raster = layer.raster
            rows = [
                (self.tr("Size"), f"{raster.width} × {raster.height}"),
                (self.tr("Bands"), str(raster.count)),
                (self.tr("Data type"), raster.dtype),
                (self.tr("No data"), value_text(raster.nodata)),
                (self.tr("CRS"), crs_label(raster.crs)),
            ]
            table.setColumnCount(2)
            table.setRowCount(len(rows))
            table.setHorizontalHeaderLabels([self.tr("Property"), self.tr("Value")])
            for r, (key, value) in enumerate(rows):
                table.setItem(r, 0, QTableWidgetItem(key))
                table.setItem(r, 1, QTableWidgetItem(value))
            table.resizeColumnsToContents()
            return
        if layer is not None and layer.frame is not None:
            frame = layer.frame
            role = get_role(layer.role)
            fields = [
                f
                for f in role.fields
                if f in frame.columns
                and (f == "id" or f in layer.field_map or f in layer.constants)
            ]
            headers = []
            for f in fields:
                if f in layer.field_map:
                    headers.append(f"{f} ← {layer.field_map[f]}")
                elif f in layer.constants:
                    headers.append(f"{f} = {value_text(layer.constants[f])}")
                else:
                    headers.append(f)
            data = frame[fields].head(PREVIEW_ROWS)
            geometry = frame.geometry.geom_type.head(PREVIEW_ROWS)
        elif raw is not None:
            headers = list(columns)
            data = raw[columns].head(PREVIEW_ROWS)
            geometry = raw.geometry.geom_type.head(PREVIEW_ROWS)
        else:
            table.setRowCount(0)
            table.setColumnCount(0)
            return
        table.setColumnCount(len(headers) + 1)
        table.setRowCount(len(data))
        table.setHorizontalHeaderLabels([*headers, self.tr("geometry")])
        for r in range(len(data)):
            for c in range(len(headers)):
                value = plain_value(data.iat[r, c])
                item = QTableWidgetItem(value_text(value))
                if isinstance(value, int | float) and not isinstance(value, bool):
                    item.setTextAlignment(_RIGHT)
                table.setItem(r, c, item)
            table.setItem(r, len(headers), QTableWidgetItem(value_text(geometry.iat[r])))
        table.resizeColumnsToContents()


def plain_table(table: QTableWidget, *, stretch: bool = True) -> None:
    horizontal, vertical = table.horizontalHeader(), table.verticalHeader()
    assert horizontal is not None and vertical is not None
    horizontal.setStretchLastSection(stretch)
    horizontal.setHighlightSections(False)
    vertical.setVisible(False)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
