"""The add-layer dialog: choose a file, its role and field mapping, and see what loading gives.

The dialog shows a :class:`~spaceplanner.ui.model.layer_draft.LayerDraft` (the Qt-free part: the
guesses, the spec it builds, reading it as the plan loader does) and writes the user's choices
into it. Every change of the choices reads the file again and lists what the loader found; OK
stays disabled while any of it is an error. Nothing a bad file does reaches the user as a
traceback: every failure becomes a message in the checks list.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PyQt5.QtCore import QCoreApplication, Qt, QTimer
from PyQt5.QtGui import QFont
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.engine.hazards import SCENARIOS
from spaceplanner.layers.catalogue import (
    FieldSpec,
    get_role,
    roles,
)
from spaceplanner.layers.chinacrs import offset_system
from spaceplanner.layers.dxf import UNITS
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.model.plan import (
    LayerSpec,
    Plan,
    PlanLayer,
)
from spaceplanner.ui import i18n
from spaceplanner.ui.dialogs.qt_layer_preview import QtLayerChecks, QtLayerPreview, plain_table
from spaceplanner.ui.model.labels import (
    choice_label,
    field_label,
    role_label,
)
from spaceplanner.ui.model.layer_draft import CAD_SUFFIXES, LayerDraft

__all__ = ["QtAddLayerDialog", "unit_label"]

_FILE_SUFFIXES = "*.shp *.geojson *.json *.gpkg *.kml *.kmz *.csv *.xlsx *.dxf *.tif *.tiff"
_ENCODINGS = ("utf-8", "gbk", "gb18030", "big5", "cp1252", "latin-1")


def unit_label(unit: str | None) -> str:
    """A catalogue unit as shown beside a value (``m2`` → m²)."""
    if not unit:
        return ""
    names = {
        "persons": QCoreApplication.translate("Units", "persons"),
        "households": QCoreApplication.translate("Units", "households"),
        "floors": QCoreApplication.translate("Units", "floors"),
        "m2": "m²",
        "m": "m",
        "kV": "kV",
    }
    return names.get(unit, unit)


class QtAddLayerDialog(QDialog):
    """Add a layer from a file: choose the file (and the layer in it), name, role, field mapping.

    Parameters
    ----------
    plan
        The plan the layer joins: its layer names must stay unique and its CRS is the one the
        layer is projected to (a plan without a CRS yet gets the layer in its own CRS).
    parent
        The parent widget.
    lang
        ``"en"`` or ``"zh"``: the language of role, field and value names from the catalogue.
        None follows the system locale.
    """

    def __init__(self, plan: Plan, parent: QWidget | None = None, lang: str | None = "en") -> None:
        super().__init__(parent)
        self.plan = plan
        self.lang = i18n.resolve(lang)
        self.draft = LayerDraft(plan)
        self._field_rows: list[str] = []
        self._layer: PlanLayer | None = None
        self._problems: list[Problem] = []
        self._stale = True
        self._name_edited = False
        self._filling = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._validate_now)
        self._messages = {
            "no_name": self.tr("the layer needs a name"),
            "name_taken": self.tr("a layer called '{0}' is already in the plan"),
            "name_taken_hint": self.tr("choose another name"),
            "unreadable": self.tr("the file cannot be read ({0})"),
            "far": self.tr(
                "the layer lies {0:,.1f} km away from the plan's layers: they do not overlap"
            ),
            "far_hint": self.tr(
                "its CRS is probably wrong (lon/lat swapped, or another EPSG code); "
                "set the CRS above"
            ),
        }
        self.setWindowTitle(self.tr("Add layer"))
        self.resize(1000, 700)
        self._build()
        self._refresh_source()
        self._fill_fields()
        self.validate()

    # -- building the widgets -----------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)

        source = QGroupBox(self.tr("Source"), self)
        left = QFormLayout()
        self.file_edit = QLineEdit(source)
        self.file_edit.setPlaceholderText(
            self.tr("Shapefile, GeoJSON, GeoPackage, KML, CSV or GeoTIFF")
        )
        self.file_edit.editingFinished.connect(self._file_typed)
        self.browse_button = QPushButton(self.tr("Browse…"), source)
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        left.addRow(self.tr("File:"), file_row)
        self.inner_combo = QComboBox(source)
        self.inner_combo.setToolTip(self.tr("The layer inside a file that holds several"))
        self.inner_combo.currentIndexChanged.connect(self._inner_changed)
        left.addRow(self.tr("Layer in file:"), self.inner_combo)
        self.name_edit = QLineEdit(source)
        self.name_edit.setToolTip(self.tr("The layer's name in the plan; it must be unique"))
        self.name_edit.textEdited.connect(self._name_typed)
        self.name_edit.textChanged.connect(self._schedule)
        left.addRow(self.tr("Name:"), self.name_edit)
        self.role_combo = QComboBox(source)
        for role in roles().values():
            self.role_combo.addItem(role_label(role, self.lang), role.name)
            self.role_combo.setItemData(
                self.role_combo.count() - 1, role.description, Qt.ItemDataRole.ToolTipRole
            )
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        left.addRow(self.tr("Role:"), self.role_combo)

        right = QFormLayout()
        self.encoding_combo = QComboBox(source)
        self.encoding_combo.setEditable(True)
        self.encoding_combo.addItem(self.tr("automatic"), "")
        for enc in _ENCODINGS:
            self.encoding_combo.addItem(enc, enc)
        self.encoding_combo.setToolTip(
            self.tr("Text encoding of a Shapefile's .dbf or a CSV; detected when automatic")
        )
        self.encoding_combo.activated.connect(self._options_changed)
        line = self.encoding_combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._options_changed)
        right.addRow(self.tr("Encoding:"), self.encoding_combo)
        self.crs_edit = QLineEdit(source)
        self.crs_edit.setPlaceholderText(self.tr("from the file, e.g. EPSG:4490"))
        self.crs_edit.setToolTip(
            self.tr("Set the coordinate system when the file has none or a wrong one")
        )
        self.crs_edit.editingFinished.connect(self._options_changed)
        right.addRow(self.tr("CRS:"), self.crs_edit)
        # Amap and Baidu POI exports are offset from WGS 84 by hundreds of metres; the choice is
        # offered (and preselected when the file looks like an export) for tables in China
        self.offset_combo = QComboBox(source)
        self.offset_combo.addItem(self.tr("WGS 84 (no offset)"), "")
        self.offset_combo.addItem(self.tr("GCJ-02 (Amap 高德, Tencent)"), "GCJ-02")
        self.offset_combo.addItem(self.tr("BD-09 (Baidu 百度)"), "BD-09")
        self.offset_combo.setToolTip(
            self.tr("Coordinates of Chinese web maps, converted to WGS 84 when the layer is read")
        )
        self.offset_combo.activated.connect(self._offset_chosen)
        right.addRow(self.tr("Web map coordinates:"), self.offset_combo)
        self.offset_note = QLabel(source)
        self.offset_note.setWordWrap(True)
        self.offset_note.setStyleSheet("color: #555555")
        right.addRow("", self.offset_note)
        # a CAD drawing's unit and placement (drawings are often on a local grid)
        self.units_combo = QComboBox(source)
        self.units_combo.addItem(self.tr("from the drawing ($INSUNITS)"), "")
        for unit in UNITS:
            self.units_combo.addItem(unit, unit)
        self.units_combo.setToolTip(self.tr("The unit of the drawing's coordinates"))
        self.units_combo.activated.connect(self._options_changed)
        right.addRow(self.tr("Drawing unit:"), self.units_combo)
        self.origin_box = QWidget(source)
        origin_row = QHBoxLayout(self.origin_box)
        origin_row.setContentsMargins(0, 0, 0, 0)
        self.origin_x = QLineEdit(self.origin_box)
        self.origin_y = QLineEdit(self.origin_box)
        self.origin_x.setPlaceholderText(self.tr("X (east)"))
        self.origin_y.setPlaceholderText(self.tr("Y (north)"))
        for edit in (self.origin_x, self.origin_y):
            edit.setToolTip(
                self.tr(
                    "The map coordinates (in the CRS above, else the plan's) of the drawing's "
                    "0,0 — for a drawing on a local grid; leave empty when it is drawn in map "
                    "coordinates"
                )
            )
            edit.editingFinished.connect(self._options_changed)
            origin_row.addWidget(edit)
        right.addRow(self.tr("Drawing origin at:"), self.origin_box)
        self.x_combo = QComboBox(source)
        self.y_combo = QComboBox(source)
        for combo in (self.x_combo, self.y_combo):
            combo.activated.connect(self._options_changed)
        right.addRow(self.tr("X / longitude:"), self.x_combo)
        right.addRow(self.tr("Y / latitude:"), self.y_combo)
        self.band_spin = QSpinBox(source)
        self.band_spin.setRange(1, 999)
        self.band_spin.valueChanged.connect(self._schedule)
        right.addRow(self.tr("Band:"), self.band_spin)
        self.zone_box = QWidget(source)
        zone_row = QHBoxLayout(self.zone_box)
        zone_row.setContentsMargins(0, 0, 0, 0)
        self.zone_combo = QComboBox(self.zone_box)
        # no threshold until the user gives one: a default would silently mark a wrong zone
        self.zone_combo.addItem(self.tr("(choose)"), None)
        self.zone_combo.addItem(self.tr("value at least"), "min_value")
        self.zone_combo.addItem(self.tr("value at most"), "max_value")
        self.zone_combo.addItem(self.tr("slope at most (%)"), "max_slope_pct")
        self.zone_combo.setToolTip(self.tr("Which cells of the raster form the hazard zone"))
        self.zone_combo.currentIndexChanged.connect(self._schedule)
        self.zone_spin = QDoubleSpinBox(self.zone_box)
        self.zone_spin.setRange(-1e6, 1e6)
        self.zone_spin.setDecimals(3)
        self.zone_spin.valueChanged.connect(self._schedule)
        zone_row.addWidget(self.zone_combo, 1)
        zone_row.addWidget(self.zone_spin)
        right.addRow(self.tr("Hazard zone:"), self.zone_box)
        self._left_form, self._right_form = left, right
        columns = QHBoxLayout(source)
        columns.addLayout(left, 3)
        columns.addSpacing(12)
        columns.addLayout(right, 2)
        layout.addWidget(source)

        body = QSplitter(Qt.Orientation.Vertical, self)
        split = QSplitter(Qt.Orientation.Horizontal, body)
        fields_box = QGroupBox(self.tr("Fields"), split)
        fields_layout = QVBoxLayout(fields_box)
        self.fields_table = QTableWidget(0, 3, fields_box)
        self.fields_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Column"), self.tr("Constant")]
        )
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        plain_table(self.fields_table)
        header = self.fields_table.horizontalHeader()
        assert header is not None
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fields_layout.addWidget(self.fields_table)
        self.fields_note = QLabel(
            self.tr("* required · a column matched by name is used automatically"), fields_box
        )
        self.fields_note.setWordWrap(True)
        self.fields_note.setStyleSheet("color: #555555")
        fields_layout.addWidget(self.fields_note)
        preview_box = QGroupBox(self.tr("Preview"), split)
        preview_layout = QVBoxLayout(preview_box)
        self.preview_table = QtLayerPreview(preview_box)
        preview_layout.addWidget(self.preview_table)
        split.addWidget(fields_box)
        split.addWidget(preview_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([540, 440])
        body.addWidget(split)

        checks = self.checks = QtLayerChecks(body)
        self.summary_label = checks.summary_label
        self.problems_list = checks.problems_list
        body.addWidget(checks)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([420, 160])
        body.setChildrenCollapsible(False)
        layout.addWidget(body, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButtons(QDialogButtonBox.StandardButton.Ok)
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        ok = self.ok_button
        ok.setText(self.tr("Add layer"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        """The button that adds the layer (disabled while there are errors)."""
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    # -- choosing the source --------------------------------------------------------------------
    def browse(self) -> None:
        """Ask for the file with a file dialog."""
        path = self.draft.path
        start = str(path.parent) if path else (str(self.plan.path.parent) if self.plan.path else "")
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a layer file"),
            start,
            self.tr("GIS files") + f" ({_FILE_SUFFIXES});;" + self.tr("All files") + " (*)",
        )
        if name:
            self.set_file(name)

    def _file_typed(self) -> None:
        text = self.file_edit.text().strip()
        if text and (self.draft.path is None or Path(text) != self.draft.path):
            self.set_file(text)

    def set_file(self, path: Path | str, layer: str | None = None) -> None:
        """Use ``path`` (and the layer ``layer`` inside it, when it holds several)."""
        self.draft.open(path)
        self.file_edit.setText(str(self.draft.path))
        self._filling = True
        self.inner_combo.clear()
        for name, kind in self.draft.inner_layers:
            text = name if kind == "features" else self.tr("{0} (raster)").format(name)
            self.inner_combo.addItem(text, name)
        if layer is not None and self.inner_combo.findData(layer) >= 0:
            self.inner_combo.setCurrentIndex(self.inner_combo.findData(layer))
        self._filling = False
        self._name_edited = False
        # reading options belong to the file they were set for
        for widget in (self.encoding_combo, self.x_combo, self.y_combo, self.zone_combo):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.crs_edit.clear()
        self.units_combo.setCurrentIndex(0)
        self.origin_x.clear()
        self.origin_y.clear()
        self.band_spin.blockSignals(True)
        self.band_spin.setValue(1)
        self.band_spin.blockSignals(False)
        self._source_changed()

    def set_layer_in_file(self, name: str) -> None:
        """Choose the layer ``name`` inside a multi-layer file."""
        index = self.inner_combo.findData(name)
        if index < 0:
            msg = f"the file has no layer '{name}'"
            raise KeyError(msg)
        self.inner_combo.setCurrentIndex(index)

    def _inner_changed(self) -> None:
        if not self._filling:
            self._name_edited = False
            self._source_changed()

    def _name_typed(self) -> None:
        self._name_edited = True

    def _inner_name(self) -> str | None:
        data = self.inner_combo.currentData()
        return str(data) if data else None

    def _source_changed(self) -> None:
        """The file or the layer in it changed: read it again and guess name and role."""
        self._sync()
        self.draft.read_source()
        self._fill_xy()
        self._read_raw()
        name, guess = self.draft.guess()
        if not self._name_edited:
            self.name_edit.blockSignals(True)
            self.name_edit.setText(name)
            self.name_edit.blockSignals(False)
        self.role_combo.blockSignals(True)
        self.role_combo.setCurrentIndex(self.role_combo.findData(guess))
        self.role_combo.blockSignals(False)
        self._offer_offset()
        self._refresh_source()
        self._fill_fields()
        self.validate()

    def _offer_offset(self) -> None:
        """Preselect GCJ-02 or BD-09 when the table looks like an Amap or Baidu export."""
        guess = self.draft.offset_guess()
        self.offset_combo.setCurrentIndex(0)
        self.offset_note.clear()
        if guess is None:
            return
        system, why = guess
        self.offset_combo.setCurrentIndex(self.offset_combo.findData(system))
        self.offset_note.setText(
            self.tr("Looks like {0} ({1}); choose WGS 84 if it is not.").format(system, why)
        )
        self.crs_edit.setText(system)
        self._sync()

    def _offset_chosen(self) -> None:
        system = self.offset_combo.currentData()
        if system or offset_system(self.crs_edit.text()):
            self.crs_edit.setText(str(system or ""))
        self.offset_note.clear()
        self._options_changed()

    def offset_choice(self) -> str | None:
        """The web map coordinates chosen: "GCJ-02", "BD-09", or None for WGS 84."""
        return str(self.offset_combo.currentData()) or None

    def _read_raw(self) -> None:
        """Read the source as is (for its columns and geometry types), once per reading options."""
        self._sync()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.draft.read_raw()
        finally:
            QApplication.restoreOverrideCursor()

    def _fill_xy(self) -> None:
        self._sync()
        header = self.draft.csv_header()
        for combo in (self.x_combo, self.y_combo):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("automatic"), "")
            for col in header:
                combo.addItem(col, col)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _refresh_source(self) -> None:
        """Show the reading options that apply to the chosen file."""
        suffix = self.draft.path.suffix.lower() if self.draft.path else ""
        raster = self.draft.raster
        hazards = self.role() == "hazards"
        table = suffix in {".csv", ".xlsx", ".xlsm"}
        shown = {
            self.inner_combo: len(self.draft.inner_layers) > 1,
            self.encoding_combo: suffix in {".shp", ".csv", ".dbf"},
            self.units_combo: suffix in CAD_SUFFIXES,
            self.origin_box: suffix in CAD_SUFFIXES,
            self.x_combo: suffix == ".csv",
            self.y_combo: suffix == ".csv",
            self.offset_combo: table,
            self.offset_note: table and bool(self.offset_note.text()),
            self.band_spin: raster,
            self.zone_box: raster and hazards,
        }
        for widget, visible in shown.items():
            for form in (self._left_form, self._right_form):
                row_label = form.labelForField(widget)
                if row_label is not None:
                    row_label.setVisible(visible)
            widget.setVisible(visible)

    # -- fields ---------------------------------------------------------------------------------
    def _role_changed(self) -> None:
        self._refresh_source()
        self._fill_fields()
        self.validate()

    def _fill_fields(self) -> None:
        """One row per field of the role: its column (matched or chosen) and its constant."""
        role = get_role(self.role())
        raster = self.draft.raster
        columns = self.columns()
        specs = [s for s in role.fields.values() if not raster or s.constant]
        self._field_rows = [s.name for s in specs]
        table = self.fields_table
        for row in range(table.rowCount()):
            for cell in (1, 2):
                old = table.cellWidget(row, cell)
                if old is not None:
                    # hidden now: the view lets go of it, and deletion waits for the event loop
                    old.hide()
                    table.removeCellWidget(row, cell)
        table.setRowCount(0)
        table.setRowCount(len(specs))
        for row, spec in enumerate(specs):
            text = field_label(spec, self.lang)
            if spec.required:
                text += " *"
            item = QTableWidgetItem(text)
            tip = [spec.description] if spec.description else []
            if spec.unit:
                tip.append(self.tr("Unit: {0}").format(unit_label(spec.unit)))
            tip.append(self.tr("Matched by: {0}").format(", ".join(spec.aliases)))
            item.setToolTip("\n".join(tip))
            if spec.required:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, 0, item)
            combo = QComboBox(table)
            combo.addItem("", "")
            for col in columns:
                combo.addItem(col, col)
            combo.setEnabled(not raster)
            combo.currentIndexChanged.connect(self._mapping_changed)
            table.setCellWidget(row, 1, combo)
            if spec.constant:
                table.setCellWidget(row, 2, self._constant_editor(spec, table))
            else:
                blank = QTableWidgetItem("")
                blank.setFlags(Qt.ItemFlag.NoItemFlags)
                table.setItem(row, 2, blank)
        table.setColumnHidden(1, raster)
        table.resizeRowsToContents()
        self._update_auto_labels()

    def _constant_editor(self, spec: FieldSpec, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem("", None)
        if spec.type == "bool":
            combo.addItem(self.tr("yes"), True)
            combo.addItem(self.tr("no"), False)
            combo.currentIndexChanged.connect(self._mapping_changed)
        elif spec.type == "choice":
            for value in spec.choices:
                combo.addItem(choice_label(spec, value, self.lang), value)
            combo.currentIndexChanged.connect(self._mapping_changed)
        else:
            # free text with suggestions (hazard types, hazard source kinds)
            combo.setEditable(True)
            suggestions = sorted(set(spec.value_aliases.values()))
            if spec.name == "hazard":
                suggestions = sorted({t for types in SCENARIOS.values() for t in types})
            for value in suggestions:
                combo.addItem(value, value)
            combo.activated.connect(self._mapping_changed)
            line = combo.lineEdit()
            assert line is not None
            line.textChanged.connect(self._constant_typed)
        combo.setToolTip(self.tr("One value for every feature (instead of a column)"))
        return combo

    def _constant_typed(self) -> None:
        self._update_auto_labels()
        self._schedule()

    def _mapping_changed(self) -> None:
        if self._filling:
            return
        self._update_auto_labels()
        self.validate()

    def _update_auto_labels(self) -> None:
        """Say in each column combo which column the loader will match when none is chosen."""
        if not self._field_rows:
            return
        self._sync()
        constants = self.draft.constants
        auto = self.draft.automatic_columns()
        for row, fname in enumerate(self._field_rows):
            combo = self.fields_table.cellWidget(row, 1)
            if not isinstance(combo, QComboBox):
                continue
            combo.setEnabled(fname not in constants and not self.draft.raster)
            if fname in constants:
                combo.setItemText(0, self.tr("(constant)"))
            elif fname in auto:
                combo.setItemText(0, self.tr("{0} (automatic)").format(auto[fname]))
            else:
                combo.setItemText(0, self.tr("(none)"))

    # -- the choices ----------------------------------------------------------------------------
    def role(self) -> str:
        """The chosen role."""
        return str(self.role_combo.currentData())

    def set_role(self, role: str) -> None:
        """Choose the role (the field mapping starts again from the automatic match)."""
        index = self.role_combo.findData(role)
        if index < 0:
            get_role(role)  # raises the KeyError that names the closest role
        self.role_combo.setCurrentIndex(index)

    def layer_name(self) -> str:
        """The chosen layer name."""
        return self.name_edit.text().strip()

    def set_layer_name(self, name: str) -> None:
        """Set the layer name."""
        self._name_edited = True
        self.name_edit.setText(name)
        self.validate()

    def columns(self) -> list[str]:
        """The attribute columns of the source (empty for a raster or an unreadable file)."""
        return self.draft.column_names()

    def explicit_columns(self) -> dict[str, str]:
        """Fields mapped to a column by hand (the automatic matches are not listed)."""
        out: dict[str, str] = {}
        for row, fname in enumerate(self._field_rows):
            combo = self.fields_table.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and combo.currentData():
                out[fname] = str(combo.currentData())
        return out

    def constants(self) -> dict[str, Any]:
        """Fields given one value for the whole layer."""
        role = get_role(self.role())
        out: dict[str, Any] = {}
        for row, fname in enumerate(self._field_rows):
            editor = self.fields_table.cellWidget(row, 2)
            if not isinstance(editor, QComboBox):
                continue
            if editor.isEditable():
                value: Any = editor.currentText().strip() or None
            else:
                value = editor.currentData()
            if value is not None and fname in role.fields:
                out[fname] = value
        return out

    def set_column(self, field_name: str, column: str | None) -> None:
        """Map ``field_name`` to ``column`` by hand (None: back to the automatic match)."""
        combo = self._row_widget(field_name, 1)
        index = combo.findData(column or "")
        if index < 0:
            msg = f"no column '{column}' in the file"
            raise KeyError(msg)
        combo.setCurrentIndex(index)

    def set_encoding(self, encoding: str | None) -> None:
        """Read a Shapefile's or CSV's text in ``encoding`` (None: detect it)."""
        if encoding:
            self.encoding_combo.setEditText(encoding)
        else:
            self.encoding_combo.setCurrentIndex(0)
        self._options_changed()

    def set_crs(self, crs: str | None) -> None:
        """Take the file's coordinates to be in ``crs`` (``"EPSG:4490"``; None: the file's)."""
        self.crs_edit.setText(crs or "")
        self._options_changed()

    def set_zone(self, option: str | None, value: float = 0.0) -> None:
        """Set which cells of a raster hazard form the zone: ``min_value``, ``max_value`` or
        ``max_slope_pct`` with its ``value`` (None: not chosen)."""
        index = self.zone_combo.findData(option)
        if index < 0:
            msg = f"no zone rule '{option}'"
            raise KeyError(msg)
        self._filling = True
        self.zone_combo.setCurrentIndex(index)
        self.zone_spin.setValue(value)
        self._filling = False
        self.validate()

    def column_editor(self, field_name: str) -> QComboBox:
        """The combo box that maps ``field_name`` to a column."""
        return self._row_widget(field_name, 1)

    def constant_editor(self, field_name: str) -> QComboBox:
        """The editor of ``field_name``'s constant (fields that take one only)."""
        return self._row_widget(field_name, 2)

    def set_constant(self, field_name: str, value: Any) -> None:
        """Give every feature ``value`` for ``field_name`` (None: no constant)."""
        editor = self._row_widget(field_name, 2)
        if editor.isEditable():
            line = editor.lineEdit()
            assert line is not None
            line.setText("" if value is None else str(value))
        else:
            index = editor.findData(value)
            if index < 0:
                msg = f"{value!r} is not a value of {field_name}"
                raise KeyError(msg)
            editor.setCurrentIndex(index)
        self.validate()

    def _row_widget(self, field_name: str, column: int) -> QComboBox:
        if field_name not in self._field_rows:
            msg = f"no field '{field_name}' in the role {self.role()}"
            raise KeyError(msg)
        widget = self.fields_table.cellWidget(self._field_rows.index(field_name), column)
        if not isinstance(widget, QComboBox):
            msg = f"{field_name} takes no constant"
            raise KeyError(msg)
        return widget

    def _encoding(self) -> str:
        data = self.encoding_combo.currentData()
        text = self.encoding_combo.currentText().strip()
        if (
            data is not None
            and self.encoding_combo.itemText(self.encoding_combo.currentIndex()) == text
        ):
            return str(data)
        return text

    def _crs_text(self) -> str:
        return self.crs_edit.text().strip()

    def _xy(self, axis: str) -> str | None:
        combo = self.x_combo if axis == "x" else self.y_combo
        data = combo.currentData()
        return str(data) if data else None

    def origin(self) -> tuple[float, float] | None:
        """The drawing origin's map coordinates typed (None unless both are numbers)."""
        try:
            x, y = float(self.origin_x.text().strip()), float(self.origin_y.text().strip())
        except ValueError:
            return None
        return (x, y) if math.isfinite(x) and math.isfinite(y) else None

    def origin_problem(self) -> Problem | None:
        """An error when the drawing origin is typed but is not two numbers."""
        typed = [e.text().strip() for e in (self.origin_x, self.origin_y)]
        suffix = self.draft.path.suffix.lower() if self.draft.path else ""
        if suffix not in CAD_SUFFIXES or not any(typed) or self.origin() is not None:
            return None
        return Problem(
            "error",
            self.tr("The drawing origin must be two numbers, X and Y: '{0}', '{1}'").format(*typed),
            field="offset",
            hint=self.tr("type the map coordinates with a point for decimals, e.g. 448000.5"),
        )

    def _options_changed(self) -> None:
        if self.draft.path is None:
            return
        self._fill_xy()
        self._read_raw()
        self._fill_fields_keeping()
        self.validate()

    def _fill_fields_keeping(self) -> None:
        """Rebuild the field rows for new columns, keeping the choices that still apply."""
        explicit, constants = self.explicit_columns(), self.constants()
        self._filling = True
        try:
            self._fill_fields()
            for fname, col in explicit.items():
                if col in self.columns():
                    self.set_column(fname, col)
            for fname, value in constants.items():
                editor = self._row_widget(fname, 2)
                if editor.isEditable():
                    line = editor.lineEdit()
                    assert line is not None
                    line.setText(str(value))
                elif editor.findData(value) >= 0:
                    editor.setCurrentIndex(editor.findData(value))
        finally:
            self._filling = False
        self._update_auto_labels()

    def _sync(self) -> None:
        """Write the choices shown into the draft."""
        draft = self.draft
        draft.inner = self._inner_name()
        draft.name = self.layer_name()
        draft.role = self.role()
        draft.encoding = self._encoding()
        draft.crs = self._crs_text()
        draft.x, draft.y = self._xy("x"), self._xy("y")
        draft.band = self.band_spin.value()
        draft.units = str(self.units_combo.currentData() or "")
        draft.offset = self.origin()
        zone = self.zone_combo.currentData()
        draft.zone = str(zone) if zone else None
        draft.zone_value = float(self.zone_spin.value())
        draft.columns = self.explicit_columns()
        draft.constants = self.constants()

    def spec_options(self) -> dict[str, Any]:
        """The layer's options as a plan's TOML layer table would hold them (see
        :meth:`~spaceplanner.ui.model.layer_draft.LayerDraft.spec_options`)."""
        self._sync()
        return self.draft.spec_options()

    def layer_spec(self) -> LayerSpec:
        """The spec of the layer as chosen: what a plan's ``[layers.<name>]`` table would say."""
        self._sync()
        return self.draft.layer_spec()

    # -- reading and checking -------------------------------------------------------------------
    def _schedule(self) -> None:
        if self._filling:
            return
        self._stale = True
        self._timer.start()

    def _validate_now(self) -> None:
        self.validate()

    def validate(self) -> list[Problem]:
        """Read the layer as the plan loader would and show what it found; return the problems."""
        self._timer.stop()
        self._stale = False
        self._sync()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            problems, layer = self.draft.check(self._messages)
        finally:
            QApplication.restoreOverrideCursor()
        wrong = self.origin_problem()
        if wrong is not None:  # not read as no origin: the user typed one
            problems = [wrong, *problems]
        self._layer = LayerDraft.usable(problems, layer)
        self._problems = problems
        self._show(problems, layer)
        return problems

    def problems(self) -> list[Problem]:
        """What the last check found (errors, warnings, repairs and notes)."""
        if self._stale:
            self.validate()
        return list(self._problems)

    def errors(self) -> list[Problem]:
        """The errors among :meth:`problems`; the layer can be added only without any."""
        return [p for p in self.problems() if p.severity == "error"]

    def result_layer(self) -> PlanLayer:
        """The layer, read and fitted as the plan loader does, in the plan's CRS.

        Raises
        ------
        SpacePlannerError
            When the choices do not give a usable layer (the first error).
        """
        if self._stale:
            self.validate()
        if self._layer is None:
            errors = self.errors()
            if errors:
                raise errors[0].to_error()
            msg = "no file chosen"
            raise LayerError(msg, hint="choose a file")
        return self._layer

    def accept(self) -> None:
        """Close with the layer, when it can be added."""
        if self._stale:
            self.validate()
        if self._layer is not None:
            super().accept()

    # -- showing the result ---------------------------------------------------------------------
    def _show(self, problems: list[Problem], layer: PlanLayer | None) -> None:
        folder = self.draft.path.parent if self.draft.path else None
        self.checks.show_problems(problems, layer, folder)
        self.ok_button.setEnabled(self._layer is not None)
        self.preview_table.show_layer(layer, self.draft.raw, self.columns())
