"""The identify panel: the selected feature's attributes, and its figures from the last report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.i18n import current_lang
from spaceplanner.layers.catalogue import get_role
from spaceplanner.ui.model.labels import choice_label, field_label
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_follow import follow

__all__ = ["QtFeaturePanel"]

#: Figures of a shelter from the report shown under its attributes, in this order.
_SHELTER_FIGURES = (
    "capacity_persons",
    "assigned",
    "spare",
    "population_within_radius",
    "capacity_basis",
    "over_capacity",
)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(value)


class QtFeaturePanel(QWidget):
    """Shows the session's selected feature (identify): its layer, attributes and, for a
    shelter, its load from the latest evaluation; a button opens the attribute form.

    Signals
    -------
    edit_requested
        The user wants to edit the selected feature's attributes.
    """

    edit_requested = pyqtSignal()

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._unfollow: Callable[[], None] | None = None
        #: the (layer, id) the table shows and how many figure rows end it
        self._shown: tuple[tuple[str, str], int] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        vertical = self.table.verticalHeader()
        horizontal = self.table.horizontalHeader()
        assert vertical is not None and horizontal is not None
        vertical.setVisible(False)
        # names get up to half the width (long ones are elided, the tooltip has them)
        horizontal.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.edit_button = QPushButton(self.tr("Edit attributes…"), self)
        self.edit_button.clicked.connect(self.edit_requested)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.edit_button)
        self.set_session(session)

    def set_session(self, session: Session | None) -> None:
        """Follow another session (or none)."""
        if self._unfollow is not None:
            self._unfollow()
        self._session = session
        self._unfollow = follow(self, session, self._on_event) if session else None
        self.refresh()

    def _on_event(self, event: str, _data: Any) -> None:
        if event == "report" and self._refresh_figures():
            return
        if event in ("selection", "features", "report", "layers"):
            self.refresh()

    def _refresh_figures(self) -> bool:
        """A new report for the feature shown: only its figures' cells change (a dragged
        shelter's load, many times a second); False when the whole table must be made."""
        session = self._session
        shown = self._shown
        if session is None or shown is None or session.selection != shown[0]:
            return False
        layer, fid = shown[0]
        figures = self._figures(session, layer, fid)
        first = self.table.rowCount() - len(figures)
        if len(figures) != shown[1] or first < 0:
            return False
        for r, (key, value) in enumerate(figures, start=first):
            item = self.table.item(r, 1)
            name = self.table.item(r, 0)
            if item is None or name is None or name.text() != key:
                return False
            if item.text() != value:
                item.setText(value)
                item.setToolTip(value)
        return True

    def rows(self) -> list[tuple[str, str]]:
        """The (field, value) rows shown."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())  # type: ignore[union-attr]
            for r in range(self.table.rowCount())
        ]

    def refresh(self) -> None:
        """Show the selected feature, or a hint when nothing is selected."""
        session = self._session
        self._shown = None
        selected = session.selection if session is not None else None
        layer = session.plan.layers.get(selected[0]) if session and selected else None
        frame = layer.frame if layer is not None else None
        if session is None or selected is None or layer is None or frame is None:
            self.heading.setText(self.tr("Click a feature with the Select tool to see it here."))
            self.table.setRowCount(0)
            self.edit_button.setEnabled(False)
            return
        hits = frame.index[frame["id"].astype(str) == selected[1]]
        if len(hits) == 0:
            self.table.setRowCount(0)
            self.edit_button.setEnabled(False)
            return
        record = frame.loc[hits[0]]
        geometry = record[frame.geometry.name]
        kinds = {
            "Point": self.tr("point"),
            "MultiPoint": self.tr("points"),
            "LineString": self.tr("line"),
            "MultiLineString": self.tr("lines"),
            "Polygon": self.tr("polygon"),
            "MultiPolygon": self.tr("polygons"),
        }
        heading = self.tr("{0} · layer {1} · {2}").format(
            selected[1], layer.name, kinds.get(geometry.geom_type, geometry.geom_type)
        )
        more = len(session.selected_ids) - 1
        if more > 0:  # a rectangle or several table rows: this panel shows the first
            heading += " · " + self.tr("{0} more selected").format(f"{more:,}")
        self.heading.setText(heading)
        # the fields by their names for users (id (编号) …) and choices by their words, in the
        # app's language
        lang = current_lang()
        try:
            fields = get_role(layer.role).fields
        except KeyError:
            fields = {}
        rows = []
        for k, v in record.items():
            if k == frame.geometry.name:
                continue
            spec = fields.get(str(k))
            text = _text(v)
            if spec is not None and spec.choices and text in spec.choices:
                text = choice_label(spec, text, lang)
            rows.append((field_label(spec, lang) if spec is not None else str(k), text))
        if geometry.geom_type in ("Polygon", "MultiPolygon"):
            rows.append((self.tr("area (m²)"), _text(float(geometry.area))))
        figures = self._figures(session, layer.name, selected[1])
        rows += figures
        self._shown = ((layer.name, selected[1]), len(figures))
        self.table.setRowCount(len(rows))
        for r, (key, value) in enumerate(rows):
            name = QTableWidgetItem(key)
            name.setToolTip(key)
            self.table.setItem(r, 0, name)
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            self.table.setItem(r, 1, item)
        header, viewport = self.table.horizontalHeader(), self.table.viewport()
        assert header is not None and viewport is not None
        header.resizeSection(
            0, max(60, min(self.table.sizeHintForColumn(0), viewport.width() // 2))
        )
        self.edit_button.setEnabled(True)

    def _figures(self, session: Session, layer: str, fid: str) -> list[tuple[str, str]]:
        report = session.report
        shelters = report.shelters if report is not None else None
        if shelters is None:
            return []
        for item in shelters.by_shelter:
            if item.site.layer == layer and item.site.feature == fid:
                names = {
                    "capacity_persons": self.tr("Shelter capacity (persons)"),
                    "assigned": self.tr("Residents assigned"),
                    "spare": self.tr("Spare capacity"),
                    "population_within_radius": self.tr("Residents within its radius"),
                    "capacity_basis": self.tr("Capacity from"),
                    "over_capacity": self.tr("Over capacity"),
                }
                return [(names[key], _text(getattr(item, key))) for key in _SHELTER_FIGURES]
        return []
