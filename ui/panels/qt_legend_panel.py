"""The legend: every symbol the map shows now, explained.

It lists what the canvas reports it draws (:meth:`QtMapCanvas.legend_rows`), with the
canvas's own symbol pictures: first what is highlighted on demand (a violation with its
cause, the changes against the Compare dock's reference), then the evaluation's results
switched on and drawn (suggested sites, violations per principle 避/防/让, uncovered residents,
shelters over capacity, gap areas, hazard zones, service areas), then each visible layer, top
of the map first, with its classes when it is coloured by a field. It follows the map: hiding a
layer or an overlay, a new evaluation, another indicator or a new style changes it.
"""

from __future__ import annotations

from PyQt5.QtCore import QSize, Qt
from PyQt5.QtGui import QFont, QIcon
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.results.labels import label
from spaceplanner.ui import i18n
from spaceplanner.ui.canvas.qt_legend import LEGEND_PX, LegendRow
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas

__all__ = ["QtLegendPanel"]

#: Overlays of areas: the legend gives no count of their polygons (a count of pieces of area
#: means nothing to a reader); nor of the one violation highlighted.
_AREAS = {
    "gap_areas",
    "service_areas",
    "hazard_zones",
    "violation_cause",
    "violation_zone",
    "violation_removed",
}


class QtLegendPanel(QWidget):
    """The legend of a map canvas.

    Parameters
    ----------
    canvas
        The map it explains (followed through its ``legend_changed`` signal).
    lang
        ``"en"`` or ``"zh"``: the language of facility kinds and principles (None: the app's).
    """

    def __init__(
        self, canvas: QtMapCanvas, parent: QWidget | None = None, *, lang: str | None = None
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.lang = i18n.resolve(lang)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setIconSize(QSize(LEGEND_PX, LEGEND_PX))
        self.empty = QLabel(self.tr("Nothing is shown on the map."), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        #: The rows shown, as the canvas gave them.
        self.rows: list[LegendRow] = []
        self._signature: list[tuple[object, ...]] = []
        canvas.legend_changed.connect(self.refresh)
        self.refresh()

    # -- texts ------------------------------------------------------------------------------
    def _overlay_text(self, row: LegendRow) -> str:
        names = {
            "suggestions": self.tr("Suggested sites"),
            "gap_areas": self.tr("Gap areas (out of reach)"),
            "uncovered_residents": self.tr("Residents not covered"),
            "shelters_over_capacity": self.tr("Shelter over capacity"),
            "service_areas": self.tr("Service areas (within reach)"),
            "hazard_zones": self.tr("Hazard zones"),
            "violation_cause": self.tr("Violation's cause"),
            "violation_zone": self.tr("Band or zone it meets"),
            "violation_removed": self.tr("Part of the site removed"),
            "residents_served": self.tr("Newly served residents"),
            "residents_unserved": self.tr("Newly unserved residents"),
            "sites_added": self.tr("Added sites"),
            "sites_removed": self.tr("Removed sites"),
            "sites_moved_from": self.tr("Moved site: old place"),
            "sites_moved": self.tr("Moved site: new place"),
            "sites_moved_arrow": self.tr("Moved site: old → new"),
            "violations_new": self.tr("New violations"),
            "violations_gone": self.tr("Violations gone"),
        }
        if row.key == "violations":
            return label(row.label, self.lang)
        return names.get(row.key, row.key)

    def _class_text(self, layer: str, value: str) -> str:
        if value == "":
            return self.tr("no value")
        if value == "other":
            return self.tr("other")
        session = self.canvas.session()
        role = session.plan.layers[layer].role if session and layer in session.plan.layers else ""
        if role == "facilities":
            return label(value, self.lang)
        if role == "shelters":
            classes = {
                "emergency": self.tr("Emergency shelter"),
                "fixed": self.tr("Fixed shelter"),
                "fixed_short": self.tr("Short-term fixed shelter"),
                "fixed_mid": self.tr("Medium-term fixed shelter"),
                "fixed_long": self.tr("Long-term fixed shelter"),
                "central": self.tr("Central shelter"),
            }
            return classes.get(value, value)
        return value

    # -- contents ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show what the map shows now (nothing is redone when that did not change: the map
        reports every live evaluation while a site is dragged)."""
        rows = self.canvas.legend_rows()
        signature = [_signature(r) for r in rows]
        if signature == self._signature and self.tree.topLevelItemCount() + len(rows) > 0:
            self.rows = rows
            return
        self._signature = signature
        self.rows = rows
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        highlights = [r for r in self.rows if r.section == "highlight"]
        overlays = [r for r in self.rows if r.section == "overlay"]
        layers = [r for r in self.rows if r.section == "layer"]  # the base map comes last
        for title, group in (
            (self.tr("Highlighted"), highlights),
            (self.tr("Evaluation results"), overlays),
        ):
            if not group:
                continue
            head = QTreeWidgetItem(self.tree, [title])
            head.setFont(0, bold)
            for row in group:
                text = self._overlay_text(row)
                if row.count is not None and row.key not in _AREAS:
                    text = f"{text} ({row.count:,})"
                item = QTreeWidgetItem(head, [text])
                if row.picture is not None:
                    item.setIcon(0, QIcon(row.picture))
        if layers:
            head = QTreeWidgetItem(self.tree, [self.tr("Layers")])
            head.setFont(0, bold)
            parent = head
            for row in layers:
                if row.header:
                    parent = QTreeWidgetItem(head, [row.key])
                    continue
                if row.label == "" and row.count is None:  # a layer of one symbol
                    parent = head
                    item = QTreeWidgetItem(head, [row.key])
                else:
                    text = self._class_text(row.key, row.label)
                    if row.count is not None:
                        text = f"{text} ({row.count:,})"
                    item = QTreeWidgetItem(parent, [text])
                if row.picture is not None:
                    item.setIcon(0, QIcon(row.picture))
        for row in self.rows:
            if row.section == "basemap":
                names = {
                    "osm": "OpenStreetMap",
                    "tianditu": self.tr("Tianditu"),
                }
                text = self.tr("Base map: {0}").format(names.get(row.key, row.key))
                item = QTreeWidgetItem(self.tree, [text])
                if row.label:
                    item.setToolTip(0, row.label)
        for item in self._items():
            item.setToolTip(
                0, item.toolTip(0) or item.text(0)
            )  # the dock may be too narrow for the whole text
        self.tree.expandAll()
        self.empty.setVisible(not self.rows)
        self.tree.setVisible(bool(self.rows))

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(item)
            for i in range(item.childCount()):
                child = item.child(i)
                assert child is not None
                walk(child)

        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            walk(top)
        return out

    def texts(self) -> list[str]:
        """The legend's lines, top first (headings included), as shown."""
        return [item.text(0) for item in self._items()]


def _signature(row: LegendRow) -> tuple[object, ...]:
    """What a row shows, its picture's pixels included."""
    pixels = b""
    if row.picture is not None:
        image = row.picture.toImage()
        bits = image.constBits()
        if bits is not None:
            pixels = bits.asstring(image.sizeInBytes())
    return (row.section, row.key, row.label, row.count, row.header, pixels)
