"""The style dialog of a layer (fill, line, opacity, point size, colour by a field, labels) and
the style swatches the layer list shows."""

from __future__ import annotations

from typing import Any

from PyQt5.QtCore import (
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PyQt5.QtGui import (
    QBrush,
    QColor,
    QIcon,
    QLinearGradient,
    QPainter,
    QPen,
    QPixmap,
)
from PyQt5.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from spaceplanner.layers.catalogue import GEOMETRY_FAMILIES, get_role
from spaceplanner.model.plan import PlanLayer
from spaceplanner.model.styles import GRADUATED_CLASSES, classify_spec

__all__ = [
    "SWATCH",
    "QtStyleDialog",
    "classes_swatch",
    "colour_of",
    "geometry_family",
    "layer_fields",
    "style_swatch",
]

_OK_CANCEL = (
    QDialogButtonBox.StandardButtons(QDialogButtonBox.StandardButton.Ok)
    | QDialogButtonBox.StandardButton.Cancel
)
#: The size of a style swatch, pixels.
SWATCH = 18


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


def layer_fields(layer: PlanLayer) -> dict[str, bool]:
    """The fields a layer can be coloured by (not its id or geometry), each with whether it
    holds numbers."""
    frame = layer.frame
    if frame is None:
        return {}
    out = {}
    for name in frame.columns:
        if name in ("id", frame.geometry.name):
            continue
        dtype = frame[name].dtype
        out[str(name)] = dtype.kind in "iuf"
    for name, value in layer.constants.items():
        out.setdefault(str(name), isinstance(value, (int, float)) and not isinstance(value, bool))
    return out


def colour_of(value: object, opacity: float = 1.0) -> QColor | None:
    """A Qt colour for a style colour (None for ``none`` or an unreadable value)."""
    if not isinstance(value, str) or value.strip().lower() in {"", "none", "transparent"}:
        return None
    colour = QColor(value)
    if not colour.isValid():
        return None
    colour.setAlphaF(max(0.0, min(1.0, colour.alphaF() * opacity)))
    return colour


def style_swatch(style: dict[str, Any], family: str, size: int = SWATCH) -> QPixmap:
    """A small picture of a layer's symbol: a dot, a line, a filled square or a ramp (raster)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    opacity = float(style.get("opacity", 1.0) or 0.0)
    fill = colour_of(style.get("fill"), opacity)
    stroke = colour_of(style.get("stroke"), opacity)
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


def classes_swatch(colours: tuple[str, ...], family: str, size: int = SWATCH) -> QPixmap:
    """A small picture of a layer coloured by a field: its first classes' colours side by
    side (dots, lines or stripes)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    n = max(1, len(colours))
    for i, value in enumerate(colours):
        colour = QColor(value)
        if family == "point":
            r = size / 5
            centres = [
                (size * 0.3, size * 0.32),
                (size * 0.7, size * 0.32),
                (size * 0.5, size * 0.7),
            ]
            x, y = centres[i % 3]
            painter.setPen(QPen(QColor("#333333"), 0.8))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, y), r, r)
        elif family == "line":
            pen = QPen(colour, 2.5)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            y = 4 + i * (size - 8) / max(n - 1, 1)
            painter.drawLine(QPointF(3, y), QPointF(size - 3, y))
        else:
            w = (size - 5.0) / n
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(2.5 + i * w, 2.5, w, size - 5.0))
    if family not in ("point", "line"):
        painter.setPen(QPen(QColor("#555555"), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(2.5, 2.5, size - 5.0, size - 5.0))
    painter.end()
    return pixmap


class QtStyleDialog(QDialog):
    """Edit a layer's style: fill and stroke colours, stroke width, opacity, point size,
    colouring by a field (categories or graduated classes) and labels.

    Parameters
    ----------
    style
        The current style (``fill``, ``stroke``, ``width`` mm, ``opacity`` 0–1, ``size`` mm,
        ``classify``, ``labels``).
    family
        ``point``, ``line``, ``polygon`` or ``raster``: which settings apply.
    role
        The layer's role (its default colouring when the style has none).
    fields
        The fields it can be coloured by, each with whether it holds numbers
        (:func:`layer_fields`).
    aliases
        The source column of each field (the layer's ``field_map``), shown beside its name.
    """

    def __init__(
        self,
        style: dict[str, Any],
        family: str = "polygon",
        parent: QWidget | None = None,
        *,
        title: str = "",
        role: str = "",
        fields: dict[str, bool] | None = None,
        aliases: dict[str, str] | None = None,
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
        self.no_fill_button.setChecked(colour_of(self._fill) is None)
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
        self.fields = dict(fields or {})
        self._classify = classify_spec(role, style)
        self._labels = bool(style.get("labels", False))
        self.field_combo = QComboBox(self)
        self.field_combo.addItem(self.tr("One colour"), "")
        for name in self.fields:
            alias = (aliases or {}).get(name, name)
            self.field_combo.addItem(name if alias == name else f"{name} ({alias})", name)
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(self.tr("Categories (a colour per value)"), "categories")
        self.mode_combo.addItem(self.tr("Graduated (classes of a number)"), "graduated")
        self.classes_spin = QSpinBox(self)
        self.classes_spin.setRange(2, 9)
        self.classes_spin.setValue(GRADUATED_CLASSES)
        if self._classify is not None:
            at = self.field_combo.findData(self._classify["field"])
            if at < 0:  # a field the layer does not have (now): kept, shown as it is
                self.field_combo.addItem(str(self._classify["field"]), self._classify["field"])
                at = self.field_combo.count() - 1
            self.field_combo.setCurrentIndex(at)
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(self._classify["mode"]))
            self.classes_spin.setValue(int(self._classify.get("classes", GRADUATED_CLASSES)))  # type: ignore[call-overload]
        form.addRow(self.tr("Colour by:"), self.field_combo)
        form.addRow(self.tr("Classes:"), self.mode_combo)
        form.addRow(self.tr("Number of classes:"), self.classes_spin)
        self.labels_check = QCheckBox(self.tr("Show the features' names on the map"), self)
        self.labels_check.setChecked(self._labels)
        form.addRow(self.tr("Labels:"), self.labels_check)
        self.field_combo.currentIndexChanged.connect(self._update_classes)
        self.mode_combo.currentIndexChanged.connect(self._update_classes)
        if family == "raster":
            for widget in (self.field_combo, self.labels_check):
                widget.setEnabled(False)
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
        self._update_classes()

    def _update_classes(self) -> None:
        field = self.field_combo.currentData()
        numeric = bool(field) and self.fields.get(str(field), False)
        model = self.mode_combo.model()
        graduated = model.item(1) if hasattr(model, "item") else None  # type: ignore[union-attr]
        if graduated is not None:
            graduated.setEnabled(numeric)
        if not numeric and self.mode_combo.currentData() == "graduated":
            self.mode_combo.setCurrentIndex(0)
        self.mode_combo.setEnabled(bool(field))
        self.classes_spin.setEnabled(bool(field) and self.mode_combo.currentData() == "graduated")

    def classify(self) -> dict[str, Any] | None:
        """How the features are coloured as chosen (None: one colour)."""
        field = self.field_combo.currentData()
        if not field:
            return None
        spec: dict[str, Any] = {"field": str(field), "mode": str(self.mode_combo.currentData())}
        if spec["mode"] == "graduated":
            spec["classes"] = self.classes_spin.value()
        return spec

    def _update_buttons(self) -> None:
        for button, value, off in (
            (self.fill_button, self._fill, self.no_fill_button.isChecked()),
            (self.stroke_button, self._stroke, False),
        ):
            colour = None if off else colour_of(value)
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
            colour_of(self._fill) or QColor("#cccccc"), self, self.tr("Fill colour")
        )
        if colour.isValid():
            self.set_fill(colour.name())

    def _choose_stroke(self) -> None:
        colour = QColorDialog.getColor(
            colour_of(self._stroke) or QColor("#333333"), self, self.tr("Line colour")
        )
        if colour.isValid():
            self.set_stroke(colour.name())

    def set_fill(self, colour: str) -> None:
        """Set the fill colour (``#rrggbb``, or ``none``)."""
        self._fill = colour
        self.no_fill_button.setChecked(colour_of(colour) is None)
        self._update_buttons()

    def set_stroke(self, colour: str) -> None:
        """Set the line colour (``#rrggbb``)."""
        self._stroke = colour
        self._update_buttons()

    def style(self) -> dict[str, Any]:  # type: ignore[override]  # QWidget.style() is Qt's
        """The style as chosen (``classify`` and ``labels`` only when changed: a layer keeps
        its role's colouring until one is chosen)."""
        style: dict[str, Any] = {
            "fill": "none" if self.no_fill_button.isChecked() else self._fill,
            "stroke": self._stroke,
            "width": round(self.width_spin.value(), 2),
            "opacity": round(self.opacity_spin.value() / 100, 2),
            "size": round(self.size_spin.value(), 1),
        }
        if self.classify() != self._classify:
            style["classify"] = self.classify()
        if self.labels_check.isChecked() != self._labels:
            style["labels"] = self.labels_check.isChecked()
        return style
