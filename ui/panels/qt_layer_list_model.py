"""The layer list's item model and its delegate.

:class:`QtLayerListModel` is a thin Qt item model over the session's layer views (napari's
``_base_item_model`` pattern): it reads names, roles, counts and styles from the session when
asked and turns checkbox clicks, drops and row moves into session calls; the session's
``"layers"`` and ``"features"`` events bring the changes back, whoever made them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from PyQt5.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
)
from PyQt5.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
)
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from spaceplanner.layers.crs import crs_label
from spaceplanner.model.plan import PlanLayer
from spaceplanner.model.styles import classify_spec
from spaceplanner.ui.canvas.classes import classify
from spaceplanner.ui.dialogs.qt_style_dialog import classes_swatch, geometry_family, style_swatch
from spaceplanner.ui.model.labels import role_label
from spaceplanner.ui.model.session import Session

__all__ = ["KEPT_ALIVE", "QtLayerDelegate", "QtLayerListModel"]

_MIME = "application/x-spaceplanner-layer-names"

#: Python objects behind C++ objects the views call back (models, delegates), kept until their
#: C++ object is destroyed.
KEPT_ALIVE: set[QObject] = set()


class QtLayerListModel(QAbstractTableModel):
    """The session's layer views as rows (top of the map first): layer and feature count.

    Column 0 carries the name, the visibility checkbox, the style swatch and (``ROLE_LABEL``) the
    role's name, which the panel draws under the layer name; the panel draws the count beside
    the name and hides the count column, to leave a narrow dock's width to the names.
    Rows follow the session: a
    ``"layers"`` event that changes the names or their order resets the model, any other
    refreshes the rows. Moving a row (``moveRows`` or a drop) calls ``session.move_layer``.
    """

    NAME, COUNT = range(2)
    #: Item data role of the layer's role name in the UI language.
    ROLE_LABEL = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, session: Session | None = None, parent: QObject | None = None, *, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: Session | None = None
        self._names: list[str] = []
        self._moving = False
        self._unsubscribe: Any = None
        # The view calls this model's data() (a Python override) for as long as the C++ object
        # lives; its Python side must live as long, or a reference cycle can let the garbage
        # collector free it first and the view then calls an empty virtual (a crash).
        KEPT_ALIVE.add(self)
        self.destroyed.connect(partial(KEPT_ALIVE.discard, self))
        self._icons: dict[tuple[str, str, tuple[str, ...]], QIcon] = {}
        self._grey = QBrush(QColor("#8a8a8a"))
        self._italic = QFont()
        self._italic.setItalic(True)
        self.set_session(session)

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s layers (None: no rows)."""
        if self.session is not None:
            self.session.unsubscribe(self._on_session)
            if self._unsubscribe is not None:
                self.destroyed.disconnect(self._unsubscribe)
                self._unsubscribe = None
        self.beginResetModel()
        self.session = session
        self._names = session.layer_names() if session is not None else []
        self.endResetModel()
        if session is not None:
            session.subscribe(self._on_session)
            # a session outlives its widgets: stop listening when this model goes
            self._unsubscribe = partial(session.unsubscribe, self._on_session)
            self.destroyed.connect(self._unsubscribe)

    # -- following the session ----------------------------------------------------------------
    def _on_session(self, event: str, data: Any) -> None:
        if self.session is None or event not in {"layers", "features", "scenario"}:
            return
        if self._moving:
            return
        names = self.session.layer_names()
        if names != self._names:
            self.beginResetModel()
            self._names = names
            self.endResetModel()
            return
        if isinstance(data, str) and data in self._names:
            self.refresh(data)
        else:
            self.refresh()

    def refresh(self, name: str | None = None) -> None:
        """Redraw one layer's row (or every row)."""
        if not self._names:
            return
        if name is None:
            first, last = 0, len(self._names) - 1
        elif name in self._names:
            first = last = self._names.index(name)
        else:
            return
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def name_at(self, row: int) -> str | None:
        """The layer shown in ``row``."""
        return self._names[row] if 0 <= row < len(self._names) else None

    def row_of(self, name: str) -> int:
        """The row of layer ``name`` (-1 when absent)."""
        return self._names.index(name) if name in self._names else -1

    def _layer(self, row: int) -> PlanLayer | None:
        name = self.name_at(row)
        if self.session is None or name is None:
            return None
        return self.session.plan.layers.get(name)

    # -- reading ----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._names)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(  # noqa: N802 (Qt's name)
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.NAME: self.tr("Layer"),
            self.COUNT: self.tr("Features"),
        }.get(section)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.session is None:
            return None
        name = self.name_at(index.row())
        layer = self._layer(index.row())
        if name is None or layer is None:
            return None
        view = self.session.view(name)
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return name
        if role == self.ROLE_LABEL:
            return role_label(layer.role, self.lang)
        uncounted = layer.role == "hazards" and name in self.session.uncounted_hazards()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return self.tr("{0} (not in this scenario)").format(name) if uncounted else name
            if col == self.COUNT:
                return self.tr("raster") if layer.raster is not None else f"{layer.feature_count:,}"
        if role == Qt.ItemDataRole.CheckStateRole and col == self.NAME:
            return Qt.CheckState.Checked if view.visible else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and col == self.NAME:
            # kept by the model: the view reads the icon after this call returns
            family = geometry_family(layer)
            colours: tuple[str, ...] = ()
            if family != "raster" and classify_spec(layer.role, view.style) is not None:
                classes = classify(layer.frame, layer.role, view.style, layer.constants)
                colours = tuple(c.fill for c in classes or [])[:3]
            key = (repr(sorted(view.style.items(), key=str)), family, colours)
            icon = self._icons.get(key)
            if icon is None:
                picture = (
                    classes_swatch(colours, family) if colours else style_swatch(view.style, family)
                )
                icon = self._icons[key] = QIcon(picture)
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(layer)
            if uncounted:
                tip += "\n" + self.tr(
                    "Not counted: scenario '{0}' does not include this layer's hazard type, so "
                    "its zones do not shape the emergency period. Choose its scenario (or All "
                    "hazards) to count it."
                ).format(self.session.scenario)
            return tip
        if role == Qt.ItemDataRole.FontRole and uncounted and col == self.NAME:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole and (not view.visible or uncounted):
            return self._grey
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COUNT:
            return Qt.Alignment(Qt.AlignmentFlag.AlignRight) | Qt.AlignmentFlag.AlignVCenter
        return None

    def _tooltip(self, layer: PlanLayer) -> str:
        lines = [f"{layer.name} — {role_label(layer.role, self.lang)}"]
        if layer.raster is not None:
            lines.append(
                self.tr("Raster {0} × {1}, {2}").format(
                    layer.raster.width, layer.raster.height, crs_label(layer.raster.crs)
                )
            )
        else:
            lines.append(
                _features_text(layer.feature_count) + f" · {'/'.join(layer.geometry_types())}"
            )
        if layer.source:
            source = layer.source + (f" ({layer.source_layer})" if layer.source_layer else "")
            lines.append(self.tr("Source: {0}").format(source))
        if layer.field_map:
            mapped = ", ".join(f"{k} ← {v}" for k, v in layer.field_map.items())
            lines.append(self.tr("Fields: {0}").format(mapped))
        return "\n".join(lines)

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        if not index.isValid():
            # drops go between rows, never onto one
            return Qt.ItemFlags(Qt.ItemFlag.ItemIsDropEnabled)
        flags = (
            Qt.ItemFlags(Qt.ItemFlag.ItemIsEnabled)
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # -- writing ----------------------------------------------------------------------------------
    def setData(  # noqa: N802 (Qt's name)
        self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            self.session is None
            or not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != self.NAME
        ):
            return False
        name = self.name_at(index.row())
        if name is None:
            return False
        self.session.set_visible(name, int(value) == int(Qt.CheckState.Checked))
        return True

    def moveRows(  # noqa: N802 (Qt's name)
        self,
        source_parent: QModelIndex,
        source_row: int,
        count: int,
        destination_parent: QModelIndex,
        destination_child: int,
    ) -> bool:
        """Move rows as Qt does (``destination_child`` counts rows before the move)."""
        if (
            self.session is None
            or source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or source_row < 0
            or source_row + count > len(self._names)
        ):
            return False
        destination_child = max(0, min(destination_child, len(self._names)))
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself
        if not self.beginMoveRows(
            source_parent, source_row, source_row + count - 1, destination_parent, destination_child
        ):
            return False
        moving = self._names[source_row : source_row + count]
        target = destination_child if destination_child < source_row else destination_child - count
        self._moving = True
        try:
            for offset, name in enumerate(moving):
                self.session.move_layer(name, target + offset)
        finally:
            self._moving = False
            self._names = self.session.layer_names()
            self.endMoveRows()
        return True

    # -- drag and drop ----------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropActions:  # noqa: N802 (Qt's name)
        return Qt.DropActions(Qt.DropAction.MoveAction)

    def supportedDragActions(self) -> Qt.DropActions:  # noqa: N802 (Qt's name)
        return Qt.DropActions(Qt.DropAction.MoveAction)

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [_MIME]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:  # noqa: N802 (Qt's name)
        rows = sorted({i.row() for i in indexes if i.isValid()})
        names = [self._names[r] for r in rows if 0 <= r < len(self._names)]
        data = QMimeData()
        data.setData(_MIME, QByteArray("\n".join(names).encode("utf-8")))
        return data

    def canDropMimeData(  # noqa: N802 (Qt's name)
        self,
        data: QMimeData | None,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex,
    ) -> bool:
        return data is not None and data.hasFormat(_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(  # noqa: N802 (Qt's name)
        self,
        data: QMimeData | None,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex,
    ) -> bool:
        """Move the dragged layer to the drop position (the view's own removal is a no-op)."""
        if not self.canDropMimeData(data, action, row, column, parent) or data is None:
            return False
        names = bytes(data.data(_MIME)).decode("utf-8").split("\n")
        names = [n for n in names if n in self._names]
        if not names:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._names)
        source = self._names.index(names[0])
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)


def _features_text(count: int) -> str:
    # no %n plural: English is the source language and ships without a translation file
    if count == 1:
        return QCoreApplication.translate("QtLayerListModel", "1 feature")
    return QCoreApplication.translate("QtLayerListModel", "{0} features").format(f"{count:,}")


class QtLayerDelegate(QStyledItemDelegate):
    """Draws the layer name with its role's name below it, in a smaller, grey font.

    Qt copies the option and calls initStyleOption on its copy: the text is taken out there (the
    default painting draws background, check box and swatch) and the text rect kept. No field of
    a style option is read from Python: reading one makes a wrapper of memory inside the option,
    which outlives it in a reference cycle, and the garbage collector's later clean-up of such
    wrappers crashed the process. The view's font, palette and selection serve instead.
    """

    def _view(self) -> QAbstractItemView:
        view = self.parent()
        assert isinstance(view, QAbstractItemView)
        return view

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        metrics = QFontMetrics(self._view().font())
        return QSize(size.width(), max(size.height(), metrics.height() * 2 + 6))

    def initStyleOption(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem | None, index: QModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        assert option is not None
        view = self._view()
        style = view.style() or QApplication.style()
        assert style is not None
        self._text_rect = QRect(
            style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        )
        option.text = ""

    def paint(
        self, painter: QPainter | None, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        assert painter is not None
        super().paint(painter, option, index)
        view = self._view()
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = self._text_rect.adjusted(2, 1, -2, -1)
        font = index.data(Qt.ItemDataRole.FontRole)
        font = QFont(font) if isinstance(font, QFont) else QFont(view.font())
        selection = view.selectionModel()
        selected = selection is not None and selection.isSelected(index)
        text_colour = view.palette().color(
            QPalette.ColorGroup.Normal,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(foreground, QBrush) and not selected:
            text_colour = foreground.color()
        top = QRect(rect.left(), rect.top(), rect.width(), rect.height() // 2)
        bottom = QRect(
            rect.left(),
            rect.top() + rect.height() // 2,
            rect.width(),
            rect.height() - rect.height() // 2,
        )
        small = QFont(font)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        grey = QColor(text_colour)
        grey.setAlphaF(0.65)
        count = str(index.siblingAtColumn(QtLayerListModel.COUNT).data() or "")
        count_width = QFontMetrics(small).horizontalAdvance(count) + 6 if count else 0
        painter.save()
        painter.setFont(small)
        painter.setPen(grey)
        painter.drawText(
            top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), count
        )
        painter.setFont(font)
        painter.setPen(text_colour)
        metrics = QFontMetrics(font)
        painter.drawText(
            top.adjusted(0, 0, -count_width, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, top.width() - count_width),
        )
        painter.setFont(small)
        painter.setPen(grey)
        role = str(index.data(QtLayerListModel.ROLE_LABEL) or "")
        painter.drawText(
            bottom,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(small).elidedText(role, Qt.TextElideMode.ElideRight, bottom.width()),
        )
        painter.restore()
