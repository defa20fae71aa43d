"""The Compare panel: the current evaluation against a kept one.

**Keep as reference** stores the report shown now (say, before moving a shelter, or under the
flood scenario before switching to earthquake); from then on the panel shows, beside every new
report, the headline of the change ("+157 persons sheltered, −2 violations"), each indicator
that changed with its reference and current value and the change (green when better, red when
worse), and the violations that appeared and those that went. The comparison itself is
:func:`spaceplanner.results.compare.compare` (Qt-free).

**Show on map** draws where things changed (:mod:`spaceplanner.results.map_changes`, drawn by
the canvas): residents newly served and newly unserved for the indicator the map shows, sites
added, removed and moved since the reference was kept, and the violations that appeared or
went. The panel emits :attr:`QtComparePanel.show_on_map` with the changes (None: draw nothing)
whenever they change.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import geopandas as gpd
from PyQt5.QtCore import Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QBrush, QColor
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.i18n import say
from spaceplanner.model.plan import Plan
from spaceplanner.results.compare import Comparison, compare
from spaceplanner.results.labels import label
from spaceplanner.results.map_changes import MapChanges, map_changes, site_frames
from spaceplanner.results.report import Report

__all__ = ["QtComparePanel"]

_BETTER, _WORSE = QColor("#1b5e20"), QColor("#b71c1c")


class QtComparePanel(QWidget):
    """Compare the current report with a kept reference (see the module docstring)."""

    show_on_map = pyqtSignal(object)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang
        #: The report shown now, the kept one and when it was kept.
        self.report: Report | None = None
        self.reference: Report | None = None
        self.kept_at: dt.datetime | None = None
        self.comparison: Comparison | None = None
        #: What the map is asked to draw (None: nothing).
        self.changes: MapChanges | None = None
        #: The plan whose sites are compared, and its site layers when the reference was kept.
        self.plan: Plan | None = None
        self._reference_sites: dict[str, gpd.GeoDataFrame] | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep as reference"), self)
        self.keep_button.setToolTip(
            self.tr(
                "Keep the figures shown now; later figures (after edits, or under another "
                "scenario or period) are compared with them"
            )
        )
        self.keep_button.clicked.connect(self.keep)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.keep_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.reference_label = QLabel(self)
        self.reference_label.setWordWrap(True)
        self.reference_label.setStyleSheet("color: #555555")
        layout.addWidget(self.reference_label)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        self.all_box = QCheckBox(self.tr("Show unchanged indicators"), self)
        self.all_box.toggled.connect(self._fill)
        layout.addWidget(self.all_box)
        self.map_box = QCheckBox(self.tr("Show on map"), self)
        self.map_box.setToolTip(
            self.tr(
                "Draw on the map what changed since the reference: residents newly served or "
                "unserved for the indicator shown, sites added, removed or moved, violations "
                "that appeared or went"
            )
        )
        self.map_box.toggled.connect(self._fill)
        # reports a drag sends many times a second redraw the changes once the pointer rests
        #: True while reports come many a second (the window's drag); set by the window
        self.busy: Callable[[], bool] = lambda: False
        self._map_last = 0.0
        self._map_pending: Any = None
        self._map_timer = QTimer(self)
        self._map_timer.setSingleShot(True)
        self._map_timer.setInterval(250)
        self._map_timer.timeout.connect(self._map_due)
        layout.addWidget(self.map_box)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Indicator"), self.tr("Reference"), self.tr("Now"), self.tr("Change")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        rows = self.table.verticalHeader()
        assert rows is not None
        rows.setVisible(False)
        head = self.table.horizontalHeader()
        assert head is not None
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 3)
        self.violations_label = QLabel(self.tr("Violations that appeared or went"), self)
        layout.addWidget(self.violations_label)
        self.violations = QListWidget(self)
        self.violations.setWordWrap(True)
        layout.addWidget(self.violations, 2)
        self._fill()

    # -- the reports -----------------------------------------------------------------------------
    def set_plan(self, plan: Plan | None) -> None:
        """The plan whose sites are compared (its site layers are kept with the reference)."""
        self.plan = plan
        self._fill()

    def set_report(self, report: Report | None) -> None:
        """Show ``report`` as the current one (compared with the reference, if one is kept)."""
        self.report = report
        self._fill()

    def keep(self) -> None:
        """Keep the current report as the reference."""
        if self.report is None:
            return
        self.reference = self.report
        self.kept_at = dt.datetime.now()
        self._reference_sites = site_frames(self.plan) if self.plan is not None else None
        self._fill()

    def kept_state(self) -> dict[str, Any]:
        """What a panel rebuilt in another language takes over (:meth:`restore_kept`): the
        reference kept, when, the sites it was kept with, and the two check boxes."""
        return {
            "reference": self.reference,
            "kept_at": self.kept_at,
            "sites": self._reference_sites,
            "all": self.all_box.isChecked(),
            "map": self.map_box.isChecked(),
        }

    def restore_kept(self, state: dict[str, Any]) -> None:
        """Take over :meth:`kept_state` of the panel this one replaces (the comparison and the
        changes on the map are made again, in this panel's language)."""
        self.reference = state.get("reference")
        self.kept_at = state.get("kept_at")
        self._reference_sites = state.get("sites")
        if self.reference is None or self.kept_at is None:
            self.reference, self.kept_at, self._reference_sites = None, None, None
        for box, key in ((self.all_box, "all"), (self.map_box, "map")):
            box.blockSignals(True)
            box.setChecked(bool(state.get(key, box.isChecked())))
            box.blockSignals(False)
        self._fill()

    def clear(self) -> None:
        """Forget the reference."""
        self.reference = None
        self.kept_at = None
        self._reference_sites = None
        self._fill()

    def _fill(self) -> None:
        self.keep_button.setEnabled(self.report is not None)
        self.clear_button.setEnabled(self.reference is not None)
        self.table.setRowCount(0)
        self.violations.clear()
        ref = self.reference
        if ref is None or self.report is None:
            self.comparison = None
            self.reference_label.setText(
                self.tr(
                    "No reference kept: press Keep as reference, then edit the plan or "
                    "switch the scenario or period."
                )
            )
            self.headline.setText("")
            self._map_timer.stop()
            self._map_pending = None
            self._show_on_map(None)
            return
        assert self.kept_at is not None
        self.reference_label.setText(
            self.tr("Reference kept at {0}: {1}, {2}").format(
                self.kept_at.strftime("%H:%M:%S"),
                label(ref.scenario, self.lang),
                label(ref.period, self.lang),
            )
        )
        result = self.comparison = compare(ref, self.report)
        self.headline.setText(result.headline(self.lang))
        changes = result.indicators if self.all_box.isChecked() else tuple(result.changed())
        self.table.setRowCount(len(changes))
        for i, change in enumerate(changes):
            cells = (
                change.label(self.lang),
                change.text("before"),
                change.text("after"),
                change.delta_text(),
            )
            colour = None if change.better is None else (_BETTER if change.better else _WORSE)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(cells[0] if j == 0 else text)
                if j:
                    item.setTextAlignment(
                        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    )
                if colour is not None and j in (0, 3):
                    item.setForeground(QBrush(colour))
                self.table.setItem(i, j, item)
        for word, items, colour in (
            (self.tr("New"), result.violations_added, _WORSE),
            (self.tr("Gone"), result.violations_removed, _BETTER),
        ):
            for v in items:
                line = QListWidgetItem(
                    f"{word} · {v.principle} · {v.site.layer}/{v.site.feature}: "
                    f"{say(v.message, self.lang)}"
                )
                line.setForeground(QBrush(colour))
                self.violations.addItem(line)
        if not result.violations_added and not result.violations_removed:
            self.violations.addItem(self.tr("None."))
        if not self.map_box.isChecked():
            self._map_timer.stop()
            self._show_on_map(None)
        elif self.busy() and time.monotonic() - self._map_last < 0.25:
            self._map_pending = result
            self._map_timer.start()
        else:
            self._map_for(result)

    def _map_due(self) -> None:
        if self._map_pending is not None and self.map_box.isChecked():
            self._map_for(self._map_pending)
        self._map_pending = None

    def _map_for(self, result: Any) -> None:
        self._map_last = time.monotonic()
        now = site_frames(self.plan) if self.plan is not None else None
        self._show_on_map(map_changes(result, self._reference_sites, now))

    def _show_on_map(self, changes: MapChanges | None) -> None:
        if changes is None and self.changes is None:
            return
        self.changes = changes
        self.show_on_map.emit(changes)
