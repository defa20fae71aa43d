"""The add-layer dialog: choose a file, its role and field mapping, and see what loading gives.

The dialog builds the same :class:`~spaceplanner.model.plan.LayerSpec` a plan's TOML spec would
hold and
reads it with the plan loader's own functions (``read_layer`` and ``project_layer``), so a layer
added here is exactly the layer the spec would load: same ids, same parsed fields, same repairs
and notes. Every change of the choices reads the file again and lists what the loader found;
OK stays disabled while any of it is an error. Nothing a bad file does reaches the user as a
traceback: every failure becomes a message in the checks list.

The module also holds the small labelling helpers the layer widgets share (role, field and
choice names in the UI language).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import CRS
from PyQt5.QtCore import QCoreApplication, Qt, QTimer
from PyQt5.QtGui import QColor, QFont
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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry import box

from spaceplanner import settings
from spaceplanner.engine.hazards import SCENARIOS
from spaceplanner.layers.catalogue import (
    GEOMETRY_FAMILIES,
    FieldSpec,
    Role,
    get_role,
    match_columns,
    normalise_name,
    roles,
)
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.encoding import detect_text_encoding
from spaceplanner.layers.errors import LayerError, SpacePlannerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import (
    RASTER_SUFFIXES,
    check_file,
    check_gpkg,
    gpkg_tables,
    is_raster_source,
    parse_layer_crs,
    read_vector,
    vector_layers,
)
from spaceplanner.model.plan import (
    LayerSpec,
    Plan,
    PlanLayer,
    project_layer,
    read_layer,
)
from spaceplanner.results.labels import label as term_label
from spaceplanner.ui import i18n

__all__ = [
    "QtAddLayerDialog",
    "choice_label",
    "field_label",
    "file_layers",
    "guess_role",
    "plain_value",
    "role_label",
    "unit_label",
    "value_text",
]

#: Rows shown in the preview.
PREVIEW_ROWS = 20
#: Fields every vector role has; they say nothing about which role a file plays.
_COMMON_FIELDS = {"id", "name", "steward"}
#: Words in a file or layer name that suggest a role (a guess only; the user can change it).
_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "residents": ("resident", "population", "pop", "居民", "人口", "小区", "住宅"),
    "shelters": ("shelter", "避难", "避险"),
    "activity_spaces": (
        "activity",
        "park",
        "green",
        "square",
        "playground",
        "活动",
        "公园",
        "广场",
        "绿地",
        "游园",
    ),
    "facilities": ("facilit", "amenit", "poi", "设施", "服务"),
    "entrances": ("entrance", "gate", "出入口", "入口", "大门"),
    "hazards": ("hazard", "flood", "risk", "灾害", "风险", "洪", "淹", "内涝"),
    "hazard_sources": (
        "petrol",
        "gasstation",
        "hvline",
        "pipeline",
        "danger",
        "危险源",
        "加油",
        "高压",
        "管道",
    ),
    "network": ("road", "street", "network", "walk", "path", "道路", "路网", "街道", "步行"),
    "buildings": ("building", "建筑", "房屋"),
    "boundary": ("boundary", "border", "边界", "范围", "界线"),
    "parcels": ("parcel", "plot", "cadast", "地块", "宗地"),
    "terrain": ("dem", "dtm", "terrain", "elevation", "地形", "高程"),
}
_SEVERITY_COLOURS = {
    "error": "#b00020",
    "warning": "#b36b00",
    "repair": "#6b6b6b",
    "note": "#6b6b6b",
}
_FILE_SUFFIXES = "*.shp *.geojson *.json *.gpkg *.kml *.kmz *.csv *.tif *.tiff"
_ENCODINGS = ("utf-8", "gbk", "gb18030", "big5", "cp1252", "latin-1")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


# -- labels in the UI language ----------------------------------------------------------------
def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def role_label(role: str | Role, lang: str = "en") -> str:
    """The role's name for users: the catalogue's ``label`` or ``label_zh``."""
    spec = role if isinstance(role, Role) else _role_or_none(role)
    if spec is None:
        return str(role)
    return spec.label_zh if lang == "zh" else spec.label


def field_label(spec: FieldSpec, lang: str = "en") -> str:
    """A field's name for users: the catalogue name, with its first Chinese alias in ``zh``."""
    if lang == "zh":
        zh = next((a for a in spec.aliases if _is_cjk(a)), None)
        if zh:
            return f"{zh} ({spec.name})"
    return spec.name


def choice_label(spec: FieldSpec, value: str, lang: str = "en") -> str:
    """The user-facing name of a value of a choice field (``kindergarten`` → 幼儿园 in ``zh``)."""
    if lang == "zh":
        zh = next((a for a, v in spec.value_aliases.items() if v == value and _is_cjk(a)), None)
        if zh:
            return zh
    if set(spec.choices) == set(get_role("facilities").fields["kind"].choices):
        return term_label(value, lang)  # the facility kinds have names shared with the exports
    return value.replace("_", " ")


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


def _role_or_none(name: str) -> Role | None:
    try:
        return get_role(name)
    except KeyError:
        return None


# -- reading helpers (no widgets) -------------------------------------------------------------
def file_layers(path: Path) -> list[tuple[str, str]]:
    """The layers inside a multi-layer file as ``(name, kind)``; empty for single-layer files.

    ``kind`` is ``features`` or, in a GeoPackage, ``tiles``/``2d-gridded-coverage`` (rasters).

    Raises
    ------
    LayerError
        When the file is missing, empty, or not a file of its format.
    """
    suffix = path.suffix.lower()
    if suffix in RASTER_SUFFIXES or suffix in {".csv", ".shp"}:
        return []
    label = path.stem
    check_file(path, label)
    if suffix == ".gpkg":
        check_gpkg(path, label)
        kinds = {"features", "tiles", "2d-gridded-coverage"}
        return [(n, k) for n, k in gpkg_tables(path, label).items() if k in kinds]
    return [(name, "features") for name in vector_layers(path, label)]


def _families(frame: gpd.GeoDataFrame) -> set[str]:
    types = frame.geometry.geom_type.dropna().unique()
    return {GEOMETRY_FAMILIES.get(str(t), "other") for t in types}


def guess_role(
    columns: list[str], families: set[str], name: str = "", *, raster: bool = False
) -> str:
    """Guess the role of a layer from its columns, geometry families and file or layer name.

    Parameters
    ----------
    columns
        The layer's attribute columns.
    families
        Its geometry families (``point``, ``line``, ``polygon``); empty when unknown.
    name
        The file stem or layer name: words in it (``shelters``, ``道路``) weigh most.
    raster
        True for a raster; only roles a raster can play are considered.

    Returns
    -------
    str
        The role whose geometry fits and whose role-specific fields the columns match best
        (a missing required field counts against it); ties go to catalogue order.
    """
    table = roles()
    if raster:
        candidates = [r for r in table.values() if r.raster]
    else:
        candidates = [
            r
            for r in table.values()
            if not r.raster_only and (not families or families <= set(r.geometry))
        ]
        if not candidates:
            candidates = [r for r in table.values() if not r.raster_only]
    key = normalise_name(name)

    def named(role: Role) -> bool:
        words = (role.name, role.label_zh, *_ROLE_WORDS.get(role.name, ()))
        return bool(key) and any(normalise_name(w) in key for w in words)

    def score(role: Role) -> tuple[bool, int]:
        if raster:
            return named(role), int(role.name == "terrain")
        matched = match_columns(role, columns)
        own = [f for f in matched if f not in _COMMON_FIELDS]
        missing = [f for f in role.required_fields if f not in matched]
        return named(role), len(own) - 2 * len(missing)

    best = max(candidates, key=score)  # max keeps the first of equal scores
    return best.name


def _csv_columns(path: Path, encoding: str | None) -> list[str]:
    try:
        enc = encoding or detect_text_encoding(path).encoding
        return [str(c) for c in pd.read_csv(path, encoding=enc, nrows=0, dtype=str).columns]
    except (OSError, UnicodeDecodeError, LookupError, ValueError, pd.errors.ParserError):
        return []


def plain_value(value: object) -> Any:
    """A frame value as a plain Python value; missing values (None, NaN, NA) as None."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # arrays and other non-scalars are values
        pass
    return value


def value_text(value: object) -> str:
    """A value as shown in a table or an editor; numbers in full (a shown value may be saved
    back, so it must read back the same), missing values empty."""
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


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
        self._path: Path | None = None
        self._inner: list[tuple[str, str]] = []
        self._raw: gpd.GeoDataFrame | None = None
        self._raw_key: tuple[Any, ...] | None = None
        self._source_problem: Problem | None = None
        self._raster = False
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
        _plain_table(self.fields_table)
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
        self.preview_table = QTableWidget(0, 0, preview_box)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        _plain_table(self.preview_table, stretch=False)
        preview_layout.addWidget(self.preview_table)
        split.addWidget(fields_box)
        split.addWidget(preview_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([540, 440])
        body.addWidget(split)

        checks = QGroupBox(self.tr("Checks"), body)
        checks_layout = QVBoxLayout(checks)
        self.summary_label = QLabel(checks)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        bold = QFont(self.summary_label.font())
        bold.setBold(True)
        self.summary_label.setFont(bold)
        checks_layout.addWidget(self.summary_label)
        self.problems_list = QListWidget(checks)
        self.problems_list.setWordWrap(True)
        self.problems_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.problems_list.setMinimumHeight(70)
        checks_layout.addWidget(self.problems_list)
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
        start = (
            str(self._path.parent)
            if self._path
            else (str(self.plan.path.parent) if self.plan.path else "")
        )
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
        if text and (self._path is None or Path(text) != self._path):
            self.set_file(text)

    def set_file(self, path: Path | str, layer: str | None = None) -> None:
        """Use ``path`` (and the layer ``layer`` inside it, when it holds several)."""
        self._path = Path(path).expanduser()
        self.file_edit.setText(str(self._path))
        self._source_problem = None
        self._inner = []
        try:
            self._inner = file_layers(self._path)
        except SpacePlannerError as exc:
            self._source_problem = Problem.from_error(exc)
        self._filling = True
        self.inner_combo.clear()
        for name, kind in self._inner:
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

    def _spec_layer(self) -> str | None:
        """The ``layer =`` of the spec: named for GeoPackages and files with several layers."""
        inner = self._inner_name()
        if inner is None or self._path is None:
            return None
        if len(self._inner) > 1 or self._path.suffix.lower() == ".gpkg":
            return inner
        return None

    def _source_changed(self) -> None:
        """The file or the layer in it changed: read it again and guess name and role."""
        assert self._path is not None
        self._raster = False
        if self._source_problem is None:
            try:
                self._raster = is_raster_source(self._path, self._spec_layer())
            except SpacePlannerError:
                self._raster = False
        self._read_raw()
        stem = self._inner_name() or self._path.stem
        if not self._name_edited:
            self.name_edit.blockSignals(True)
            self.name_edit.setText(self._unique_name(stem))
            self.name_edit.blockSignals(False)
        families = _families(self._raw) if self._raw is not None else set()
        guess = guess_role(self.columns(), families, stem, raster=self._raster)
        self.role_combo.blockSignals(True)
        self.role_combo.setCurrentIndex(self.role_combo.findData(guess))
        self.role_combo.blockSignals(False)
        self._refresh_source()
        self._fill_fields()
        self.validate()

    def _read_raw(self) -> None:
        """Read the source as is (for its columns and geometry types), once per reading options."""
        assert self._path is not None
        is_csv = self._path.suffix.lower() == ".csv"
        self._fill_xy(is_csv)
        key = (
            self._path,
            self._inner_name(),
            self._encoding(),
            self._crs_text(),
            self._xy("x"),
            self._xy("y"),
        )
        if key == self._raw_key:
            return
        self._raw_key = key
        self._raw = None
        if self._source_problem is not None or self._raster:
            return
        crs: CRS | None = None
        if self._crs_text():
            try:
                crs = parse_layer_crs(self._crs_text(), label=self._path.stem, file=str(self._path))
            except SpacePlannerError:
                crs = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._raw = read_vector(
                self._path,
                label=self._path.stem,
                layer=self._spec_layer(),
                encoding=self._encoding() or None,
                x=self._xy("x"),
                y=self._xy("y"),
                crs=crs,
            ).frame
        except Exception:  # the validation reads it again through the loader and reports why
            self._raw = None
        finally:
            QApplication.restoreOverrideCursor()

    def _fill_xy(self, is_csv: bool) -> None:
        assert self._path is not None
        header = _csv_columns(self._path, self._encoding() or None) if is_csv else []
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
        suffix = self._path.suffix.lower() if self._path else ""
        raster = self._raster
        hazards = self.role() == "hazards"
        shown = {
            self.inner_combo: len(self._inner) > 1,
            self.encoding_combo: suffix in {".shp", ".csv", ".dbf"},
            self.x_combo: suffix == ".csv",
            self.y_combo: suffix == ".csv",
            self.band_spin: raster,
            self.zone_box: raster and hazards,
        }
        for widget, visible in shown.items():
            for form in (self._left_form, self._right_form):
                row_label = form.labelForField(widget)
                if row_label is not None:
                    row_label.setVisible(visible)
            widget.setVisible(visible)

    def _unique_name(self, base: str) -> str:
        base = base.strip() or "layer"
        name, n = base, 2
        while name in self.plan.layers:
            name = f"{base}_{n}"
            n += 1
        return name

    # -- fields ---------------------------------------------------------------------------------
    def _role_changed(self) -> None:
        self._refresh_source()
        self._fill_fields()
        self.validate()

    def _fill_fields(self) -> None:
        """One row per field of the role: its column (matched or chosen) and its constant."""
        role = get_role(self.role())
        raster = self._raster
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
        role = get_role(self.role())
        explicit = self.explicit_columns()
        constants = self.constants()
        auto = match_columns(role, [c for c in self.columns() if c not in explicit.values()])
        for row, fname in enumerate(self._field_rows):
            combo = self.fields_table.cellWidget(row, 1)
            if not isinstance(combo, QComboBox):
                continue
            combo.setEnabled(fname not in constants and not self._raster)
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
        if self._raw is None:
            return []
        return [str(c) for c in self._raw.columns if c != self._raw.geometry.name]

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

    def _options_changed(self) -> None:
        if self._path is None:
            return
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

    def spec_options(self) -> dict[str, Any]:
        """The layer's options as a plan's TOML layer table would hold them.

        Field mappings chosen by hand (``population = "人口"``; ``kind_field = "type"`` for fields
        that take constants), constants (``kind = "clinic"``) and reading options (``encoding``,
        ``crs``, ``x``/``y``, ``band``, a raster hazard's threshold). Fields matched automatically
        are left out, as the loader matches them the same way.
        """
        role = get_role(self.role())
        options: dict[str, Any] = {}
        suffix = self._path.suffix.lower() if self._path else ""
        if self._encoding() and suffix in {".shp", ".csv"}:
            options["encoding"] = self._encoding()
        if self._crs_text():
            options["crs"] = self._crs_text()
        for axis in ("x", "y"):
            col = self._xy(axis)
            if col:
                options[axis] = col
        constants = self.constants()
        if self._raster:
            if self.band_spin.value() != 1:
                options["band"] = self.band_spin.value()
            zone = self.zone_combo.currentData()
            if self.role() == "hazards" and zone:
                options[str(zone)] = float(self.zone_spin.value())
        else:
            for fname, col in self.explicit_columns().items():
                if fname in constants:
                    continue
                options[f"{fname}_field" if role.fields[fname].constant else fname] = col
        options.update(constants)
        return options

    def layer_spec(self) -> LayerSpec:
        """The spec of the layer as chosen: what a plan's ``[layers.<name>]`` table would say."""
        if self._path is None:
            msg = "no file chosen"
            raise LayerError(msg, hint="choose a file")
        return LayerSpec(
            self.layer_name() or self._path.stem,
            self.role(),
            self._path.resolve(),
            self._spec_layer(),
            self.spec_options(),
        )

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
        self._layer = None
        problems: list[Problem] = []
        if self._path is None:
            self._show(problems, None)
            return problems
        name = self.layer_name()
        if not name:
            problems.append(Problem("error", self.tr("the layer needs a name")))
        elif name in self.plan.layers:
            problems.append(
                Problem(
                    "error",
                    self.tr("a layer called '{0}' is already in the plan").format(name),
                    layer=name,
                    hint=self.tr("choose another name"),
                )
            )
        layer: PlanLayer | None = None
        if self._source_problem is not None:
            problems.append(self._source_problem)
        else:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                layer = self._read()
            except SpacePlannerError as exc:
                problems.append(Problem.from_error(exc))
            except Exception as exc:  # a reader's own failure must not end the app
                problems.append(
                    Problem(
                        "error",
                        self.tr("the file cannot be read ({0})").format(exc),
                        file=str(self._path),
                    )
                )
            finally:
                QApplication.restoreOverrideCursor()
        if layer is not None:
            problems = list(layer.problems) + problems
            far = self._overlap_problem(layer)
            if far is not None:
                problems.append(far)
        if not any(p.severity == "error" for p in problems):
            self._layer = layer
        self._problems = problems
        self._show(problems, layer)
        return problems

    def _read(self) -> PlanLayer:
        """The layer read and fitted by the plan loader, projected to the plan's CRS."""
        spec = self.layer_spec()
        layer = read_layer(spec, None)
        if self.plan.crs is not None:
            project_layer(layer, self.plan.crs)
        return layer

    def _overlap_problem(self, layer: PlanLayer) -> Problem | None:
        """An error when the layer lies far from the plan's layers (its CRS is probably wrong)."""
        crs = self.plan.crs
        extent = self.plan.extent(rasters=True) if crs is not None else None
        if crs is None or extent is None:
            return None
        own = box(*layer.bounds(crs))
        ref = box(*extent)
        if own.intersects(ref.buffer(settings.OVERLAP_TOLERANCE_M)):
            return None
        km = own.distance(ref) / 1000
        return Problem(
            "error",
            self.tr(
                "the layer lies {0:,.1f} km away from the plan's layers: they do not overlap"
            ).format(km),
            file=layer.source,
            layer=layer.name,
            hint=self.tr(
                "its CRS is probably wrong (lon/lat swapped, or another EPSG code); "
                "set the CRS above"
            ),
        )

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
        self.problems_list.clear()
        folder = self._path.parent if self._path else None
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
        if self._path is None:
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
        self.ok_button.setEnabled(self._layer is not None)
        self._fill_preview(layer)

    def _fill_preview(self, layer: PlanLayer | None) -> None:
        table = self.preview_table
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
        elif self._raw is not None:
            columns = self.columns()
            headers = list(columns)
            data = self._raw[columns].head(PREVIEW_ROWS)
            geometry = self._raw.geometry.geom_type.head(PREVIEW_ROWS)
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


def _plain_table(table: QTableWidget, *, stretch: bool = True) -> None:
    horizontal, vertical = table.horizontalHeader(), table.verticalHeader()
    assert horizontal is not None and vertical is not None
    horizontal.setStretchLastSection(stretch)
    horizontal.setHighlightSections(False)
    vertical.setVisible(False)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
