"""The layers panel: the plan's layers, top of the map first, with visibility, order and style.

:class:`QtLayerListModel` is a thin Qt item model over the session's layer views (napari's
``_base_item_model`` pattern): it reads names, roles, counts and styles from the session when
asked and turns checkbox clicks, drops and row moves into session calls; the session's
``"layers"`` and ``"features"`` events bring the changes back, whoever made them.
:class:`QtLayersPanel` adds the buttons and context menu (add, remove, style, role, zoom) and tells
the main window which layer is the current edit layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from PyQt5.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    pyqtSignal,
)
from PyQt5.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeySequence,
    QLinearGradient,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QAction,
    QApplication,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.layers.catalogue import GEOMETRY_FAMILIES, get_role, roles
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.plan import PlanLayer
from spaceplanner.ui import i18n
from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog
from spaceplanner.ui.model.labels import role_label
from spaceplanner.ui.model.session import Session

__all__ = ["QtLayerListModel", "QtLayersPanel", "QtStyleDialog", "geometry_family", "style_swatch"]

_MIME = "application/x-spaceplanner-layer-names"
_OK_CANCEL = (
    QDialogButtonBox.StandardButtons(QDialogButtonBox.StandardButton.Ok)
    | QDialogButtonBox.StandardButton.Cancel
)
_SWATCH = 18


def geometry_family(layer: PlanLayer) -> str:
    """``point``, ``line``, ``polygon`` or ``raster``: how the layer's symbol is drawn."""
    if layer.raster is not None:
        return "raster"
    for kind in layer.geometry_types():
        family = GEOMETRY_FAMILIES.get(kind)
        if family:
            return family
    try:
        return get_role(layer.role).geometry[0]
    except (KeyError, IndexError):
        return "polygon"


def _colour(value: object, opacity: float = 1.0) -> QColor | None:
    """A Qt colour for a style colour (None for ``none`` or an unreadable value)."""
    if not isinstance(value, str) or value.strip().lower() in {"", "none", "transparent"}:
        return None
    colour = QColor(value)
    if not colour.isValid():
        return None
    colour.setAlphaF(max(0.0, min(1.0, colour.alphaF() * opacity)))
    return colour


def style_swatch(style: dict[str, Any], family: str, size: int = _SWATCH) -> QPixmap:
    """A small picture of a layer's symbol: a dot, a line, a filled square or a ramp (raster)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    opacity = float(style.get("opacity", 1.0) or 0.0)
    fill = _colour(style.get("fill"), opacity)
    stroke = _colour(style.get("stroke"), opacity)
    pen_width = max(1.0, min(4.0, float(style.get("width", 0.4) or 0.4) * 2.5))
    pen = QPen(stroke) if stroke is not None else QPen(Qt.PenStyle.NoPen)
    pen.setWidthF(pen_width)
    brush = QBrush(fill) if fill is not None else QBrush(Qt.BrushStyle.NoBrush)
    inner = QRectF(2.5, 2.5, size - 5.0, size - 5.0)
    if family == "raster":
        ramp = QLinearGradient(QPointF(0, 0), QPointF(size, size))
        ramp.setColorAt(0.0, QColor("#2c7bb6"))
        ramp.setColorAt(0.5, QColor("#ffffbf"))
        ramp.setColorAt(1.0, QColor("#d7191c"))
        painter.setPen(QPen(QColor("#555555"), 1.0))
        painter.setBrush(QBrush(ramp))
        painter.drawRect(inner)
    elif family == "line":
        line_pen = QPen(stroke or fill or QColor("#333333"))
        line_pen.setWidthF(pen_width + 1.0)
        line_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(line_pen)
        painter.drawLine(QPointF(3, size - 4), QPointF(size - 3, 4))
    elif family == "point":
        painter.setPen(pen)
        painter.setBrush(brush)
        radius = size / 2 - 4
        painter.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
    else:
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawRect(inner)
    painter.end()
    return pixmap


#: Python objects behind C++ objects the views call back (models, delegates), kept until their
#: C++ object is destroyed.
_KEPT_ALIVE: set[QObject] = set()


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
        _KEPT_ALIVE.add(self)
        self.destroyed.connect(partial(_KEPT_ALIVE.discard, self))
        self._icons: dict[tuple[str, str], QIcon] = {}
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
            key = (repr(sorted(view.style.items())), geometry_family(layer))
            icon = self._icons.get(key)
            if icon is None:
                icon = self._icons[key] = QIcon(style_swatch(view.style, key[1]))
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


class QtStyleDialog(QDialog):
    """Edit a layer's style: fill and stroke colours, stroke width, opacity, point size.

    Parameters
    ----------
    style
        The current style (``fill``, ``stroke``, ``width`` mm, ``opacity`` 0–1, ``size`` mm).
    family
        ``point``, ``line``, ``polygon`` or ``raster``: which settings apply.
    """

    def __init__(
        self,
        style: dict[str, Any],
        family: str = "polygon",
        parent: QWidget | None = None,
        *,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Layer style"))
        self.family = family
        self._fill = str(style.get("fill", "none"))
        self._stroke = str(style.get("stroke", "none"))
        form = QFormLayout(self)
        self.fill_button = QPushButton(self)
        self.fill_button.clicked.connect(self._choose_fill)
        self.no_fill_button = QToolButton(self)
        self.no_fill_button.setText(self.tr("No fill"))
        self.no_fill_button.setCheckable(True)
        self.no_fill_button.setChecked(_colour(self._fill) is None)
        self.no_fill_button.toggled.connect(self._update_buttons)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.fill_button, 1)
        fill_row.addWidget(self.no_fill_button)
        form.addRow(self.tr("Fill colour:"), fill_row)
        self.stroke_button = QPushButton(self)
        self.stroke_button.clicked.connect(self._choose_stroke)
        form.addRow(self.tr("Line colour:"), self.stroke_button)
        self.width_spin = QDoubleSpinBox(self)
        self.width_spin.setRange(0.0, 10.0)
        self.width_spin.setSingleStep(0.1)
        self.width_spin.setDecimals(2)
        self.width_spin.setSuffix(" mm")
        self.width_spin.setValue(float(style.get("width", 0.4)))
        form.addRow(self.tr("Line width:"), self.width_spin)
        self.opacity_spin = QSpinBox(self)
        self.opacity_spin.setRange(0, 100)
        self.opacity_spin.setSuffix(" %")
        self.opacity_spin.setValue(round(float(style.get("opacity", 1.0)) * 100))
        form.addRow(self.tr("Opacity:"), self.opacity_spin)
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setRange(0.5, 20.0)
        self.size_spin.setSingleStep(0.2)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" mm")
        self.size_spin.setValue(float(style.get("size", 2.4)))
        form.addRow(self.tr("Symbol size:"), self.size_spin)
        for widget, applies in (
            (self.size_spin, family == "point"),
            (self.fill_button, family in {"point", "polygon"}),
            (self.no_fill_button, family in {"point", "polygon"}),
            (self.stroke_button, family != "raster"),
            (self.width_spin, family != "raster"),
        ):
            widget.setEnabled(applies)
        buttons = QDialogButtonBox(_OK_CANCEL, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        for button, value, off in (
            (self.fill_button, self._fill, self.no_fill_button.isChecked()),
            (self.stroke_button, self._stroke, False),
        ):
            colour = None if off else _colour(value)
            if colour is None:
                button.setIcon(QIcon())
                button.setText(self.tr("none"))
                continue
            swatch = QPixmap(28, 14)
            swatch.fill(colour)
            button.setIcon(QIcon(swatch))
            button.setIconSize(QSize(28, 14))
            button.setText(colour.name())
        self.fill_button.setEnabled(
            self.family in {"point", "polygon"} and not self.no_fill_button.isChecked()
        )

    def _choose_fill(self) -> None:
        colour = QColorDialog.getColor(
            _colour(self._fill) or QColor("#cccccc"), self, self.tr("Fill colour")
        )
        if colour.isValid():
            self.set_fill(colour.name())

    def _choose_stroke(self) -> None:
        colour = QColorDialog.getColor(
            _colour(self._stroke) or QColor("#333333"), self, self.tr("Line colour")
        )
        if colour.isValid():
            self.set_stroke(colour.name())

    def set_fill(self, colour: str) -> None:
        """Set the fill colour (``#rrggbb``, or ``none``)."""
        self._fill = colour
        self.no_fill_button.setChecked(_colour(colour) is None)
        self._update_buttons()

    def set_stroke(self, colour: str) -> None:
        """Set the line colour (``#rrggbb``)."""
        self._stroke = colour
        self._update_buttons()

    def style(self) -> dict[str, Any]:  # type: ignore[override]  # QWidget.style() is Qt's
        """The style as chosen."""
        return {
            "fill": "none" if self.no_fill_button.isChecked() else self._fill,
            "stroke": self._stroke,
            "width": round(self.width_spin.value(), 2),
            "opacity": round(self.opacity_spin.value() / 100, 2),
            "size": round(self.size_spin.value(), 1),
        }


def _features_text(count: int) -> str:
    # no %n plural: English is the source language and ships without a translation file
    if count == 1:
        return QCoreApplication.translate("QtLayerListModel", "1 feature")
    return QCoreApplication.translate("QtLayerListModel", "{0} features").format(f"{count:,}")


def _follow_enabled(button: QToolButton, action: QAction) -> None:
    button.setEnabled(action.isEnabled())


class _LayerDelegate(QStyledItemDelegate):
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


class QtLayersPanel(QWidget):
    """The plan's layers: visibility, order (drag and drop), style, role; add and remove.

    Parameters
    ----------
    session
        The open plan, or None.
    parent
        The parent widget.
    lang
        ``"en"`` or ``"zh"``: the language of role names from the catalogue; None follows the
        system locale.

    Signals
    -------
    zoom_to_layer(str)
        The user asked to see the whole layer.
    current_layer_changed(object)
        The selected layer changed: its name, or None. The main window edits this layer.
    """

    zoom_to_layer = pyqtSignal(str)
    current_layer_changed = pyqtSignal(object)

    def __init__(
        self,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        lang: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = i18n.resolve(lang)
        self.session: Session | None = None
        self._current: str | None = None
        self._remembered: str | None = None
        self.model = QtLayerListModel(None, self, lang=self.lang)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setIconSize(QSize(_SWATCH, _SWATCH))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._double_clicked)
        header = self.view.header()
        assert header is not None
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QtLayerListModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.hide()
        self.view.setColumnHidden(QtLayerListModel.COUNT, True)
        delegate = _LayerDelegate(self.view)
        # as the model: the Python side of the delegate must live as long as the C++ one
        _KEPT_ALIVE.add(delegate)
        delegate.destroyed.connect(partial(_KEPT_ALIVE.discard, delegate))
        self.view.setItemDelegateForColumn(QtLayerListModel.NAME, delegate)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self._selection_changed)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._restore_current)

        self.add_action = self._action(
            self.tr("Add layer…"), self.tr("Add a layer from a file"), self.add_layer
        )
        self.remove_action = self._action(
            self.tr("Remove layer"), self.tr("Remove the layer"), self.remove_layer
        )
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.remove_action)
        self.style_action = self._action(
            self.tr("Style…"), self.tr("Colours, line width and opacity"), self.edit_style
        )
        self.role_action = self._action(
            self.tr("Role…"), self.tr("What the layer is in the plan"), self.choose_role
        )
        self.zoom_action = self._action(self.tr("Zoom"), self.tr("Zoom to the layer"), self._zoom)
        # + and − (as in list editors everywhere) keep the row of buttons narrow enough for a dock
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for key, action, text in (
            ("add", self.add_action, "+"),
            ("remove", self.remove_action, "\u2212"),
            (None, None, ""),
            ("style", self.style_action, ""),
            ("role", self.role_action, ""),
            ("zoom", self.zoom_action, ""),
        ):
            if key is None or action is None:
                buttons.addStretch(1)
                continue
            button = QToolButton(self)
            if text:
                # a short label of its own: the action keeps its full text for the menu
                button.setText(text)
                button.setToolTip(action.toolTip())
                button.clicked.connect(action.trigger)
                action.changed.connect(partial(_follow_enabled, button, action))
                button.setMinimumWidth(28)
            else:
                button.setDefaultAction(action)
            self.buttons[key] = button
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.set_session(session)

    def _action(self, text: str, tip: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- session ------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s layers (None: an empty panel)."""
        self.set_current_layer(None)
        self.session = session
        self.model.set_session(session)
        self._update_actions()

    def current_layer(self) -> str | None:
        """The selected layer (the edit layer), or None."""
        return self._current

    def set_current_layer(self, name: str | None) -> None:
        """Select layer ``name`` (None: no layer)."""
        selection = self.view.selectionModel()
        assert selection is not None
        row = self.model.row_of(name) if name is not None else -1
        if row < 0:
            selection.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
        else:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            flags = (
                QItemSelectionModel.SelectionFlags(QItemSelectionModel.SelectionFlag.ClearAndSelect)
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(index, flags)
        self._set_current(name if row >= 0 else None)

    def _selected_name(self) -> str | None:
        selection = self.view.selectionModel()
        assert selection is not None
        rows = selection.selectedRows()
        return self.model.name_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        self._set_current(self._selected_name())

    def _set_current(self, name: str | None) -> None:
        if name != self._current:
            self._current = name
            self.current_layer_changed.emit(name)
        self._update_actions()

    def _remember_current(self) -> None:
        self._remembered = self._current

    def _restore_current(self) -> None:
        name = self._remembered
        self._remembered = None
        self.set_current_layer(name if name is not None and self.model.row_of(name) >= 0 else None)

    def _update_actions(self) -> None:
        has_session = self.session is not None
        layer = self._layer(self._current)
        self.add_action.setEnabled(has_session)
        for action in (self.remove_action, self.style_action, self.zoom_action):
            action.setEnabled(layer is not None)
        self.role_action.setEnabled(layer is not None and layer.frame is not None)

    def _layer(self, name: str | None) -> PlanLayer | None:
        if self.session is None or name is None:
            return None
        return self.session.plan.layers.get(name)

    # -- actions ------------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.set_current_layer(self.model.name_at(index.row()))
        menu = QMenu(self)
        if index.isValid():
            for action in (self.zoom_action, self.style_action, self.role_action):
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(self.remove_action)
            menu.addSeparator()
        menu.addAction(self.add_action)
        viewport = self.view.viewport()
        assert viewport is not None
        menu.exec_(viewport.mapToGlobal(pos))

    def _double_clicked(self, index: QModelIndex) -> None:
        self.edit_style(self.model.name_at(index.row()))

    def _zoom(self) -> None:
        if self._current is not None:
            self.zoom_to_layer.emit(self._current)

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def add_layer(self) -> bool:
        """Ask for a layer file (the add-layer dialog) and add the layer above the current one.

        Returns True when a layer was added.
        """
        if self.session is None:
            return False
        dialog = QtAddLayerDialog(self.session.plan, self, lang=self.lang)
        if dialog.exec_() != QDialog.DialogCode.Accepted:
            return False
        try:
            layer = dialog.result_layer()
            row = self.model.row_of(self._current) if self._current else -1
            self.session.add_layer(layer, index=max(row, 0))
        except SpacePlannerError as exc:
            self._warn(self.tr("The layer was not added"), exc.describe())
            return False
        self.set_current_layer(layer.name)
        return True

    def remove_layer(self, name: str | None = None) -> bool:
        """Remove layer ``name`` (the current one by default) after asking; undoable.

        Returns True when the layer was removed.
        """
        name = name or self._current
        if self.session is None or name is None or name not in self.session.plan.layers:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Remove layer"),
            self.tr("Remove the layer '{0}' from the plan? Undo brings it back.").format(name),
            QMessageBox.StandardButtons(QMessageBox.StandardButton.Yes)
            | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.session.remove_layer(name)
        except SpacePlannerError as exc:
            self._warn(self.tr("The layer was not removed"), exc.describe())
            return False
        return True

    def edit_style(self, name: str | None = None) -> bool:
        """Open the style dialog of layer ``name`` (the current one by default).

        Returns True when the style changed.
        """
        name = name or self._current
        layer = self._layer(name)
        if self.session is None or name is None or layer is None:
            return False
        view = self.session.view(name)
        dialog = QtStyleDialog(
            view.style,
            geometry_family(layer),
            self,
            title=self.tr("Style of {0}").format(name),
        )
        if dialog.exec_() != QDialog.DialogCode.Accepted:
            return False
        changed = {k: v for k, v in dialog.style().items() if view.style.get(k) != v}
        if not changed:
            return False
        try:
            self.session.set_style(name, **changed)
        except SpacePlannerError as exc:
            self._warn(self.tr("The style was not changed"), exc.describe())
            return False
        return True

    def choose_role(self, name: str | None = None) -> bool:
        """Ask for a new role of layer ``name`` (the current one by default) and set it.

        Returns True when the role changed.
        """
        name = name or self._current
        layer = self._layer(name)
        if self.session is None or name is None or layer is None:
            return False
        fitting = list(roles())
        labels = [f"{role_label(r, self.lang)} ({r})" for r in fitting]
        current = fitting.index(layer.role) if layer.role in fitting else 0
        text, ok = QInputDialog.getItem(
            self,
            self.tr("Role of {0}").format(name),
            self.tr("The layer's role in the plan:"),
            labels,
            current,
            False,
        )
        if not ok or text not in labels:
            return False
        return self.apply_role(name, fitting[labels.index(text)])

    def apply_role(self, name: str, role: str) -> bool:
        """Give layer ``name`` the role ``role``; a layer that does not fit it is left as it was
        and the reason shown. Returns True when the role changed."""
        if self.session is None or name not in self.session.plan.layers:
            return False
        if self.session.plan.layers[name].role == role:
            return False
        try:
            self.session.set_role(name, role)
        except SpacePlannerError as exc:
            self._warn(self.tr("The role was not changed"), exc.describe())
            return False
        except KeyError as exc:
            self._warn(self.tr("The role was not changed"), str(exc.args[0]))
            return False
        self._update_actions()
        return True
