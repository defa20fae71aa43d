"""The attribute table: every feature of a layer, sorted, filtered, selected and edited.

:class:`QtAttributeTableModel` is a QAbstractTableModel over one layer's frame (no widget per
cell: a 100,000-feature layer is a few column arrays and an order of rows). It sorts and filters
itself with pandas rather than through a proxy model, whose per-row Python comparisons are slow
for large layers. An edited cell is read as the attribute form reads its editors and becomes one
:class:`~spaceplanner.model.commands.EditAttributes` on the session's command stack, so the
table, the form and undo share one path; a refused value changes nothing and is explained.

:class:`QtAttributeTable` is the dock's widget: the layer, a filter box, the table and a search
box (:class:`QtFeatureSearch`) that finds a feature of any layer by name or id. Selecting rows
selects the features on the map, and the map's selection selects the rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PyQt5.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    pyqtSignal,
)
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.layers.catalogue import FieldSpec, get_role
from spaceplanner.layers.errors import LayerError, SpacePlannerError
from spaceplanner.layers.values import BOOL_WORDS, bool_value
from spaceplanner.model.commands import EditAttributes
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.ui import i18n
from spaceplanner.ui.model.labels import choice_label, field_label, plain_value, value_text
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_follow import follow

__all__ = [
    "QtAttributeTable",
    "QtAttributeTableModel",
    "QtFeatureSearch",
    "cell_value",
    "search_features",
]

#: ``field op value`` in the filter box; the field may be a column name or a field's alias.
_CONDITION = re.compile(r"^\s*([^\s=!<>~]+)\s*(==|=|!=|<>|>=|<=|>|<|~)\s*(.*?)\s*$")
#: Matches the search box lists at most.
SEARCH_LIMIT = 20


def _role_field(layer: PlanLayer, column: str) -> FieldSpec | None:
    try:
        return get_role(layer.role).fields.get(column)
    except KeyError:
        return None


def _is_number_column(layer: PlanLayer, column: str) -> bool:
    spec = _role_field(layer, column)
    if spec is not None:
        return spec.type in {"number", "integer"}
    assert layer.frame is not None
    dtype = layer.frame[column].dtype
    return bool(pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype))


def _is_bool_column(layer: PlanLayer, column: str) -> bool:
    spec = _role_field(layer, column)
    if spec is not None:
        return spec.type == "bool"
    assert layer.frame is not None
    return bool(pd.api.types.is_bool_dtype(layer.frame[column].dtype))


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def cell_value(layer: PlanLayer, column: str, text: str) -> Any:
    """The value a cell's text stands for, read as the attribute form reads its editors.

    Numbers may have thousands separators and are refused (by the edit command, which names the
    field) when they are not numbers; yes/no fields take yes/no, true/false, 1/0 or 是/否; choice
    fields a catalogue value or one of its aliases (幼儿园 for kindergarten); an empty cell is no
    value. A source column that is not a field of the role keeps its type: numbers stay numbers.

    Raises
    ------
    LayerError
        When the text is not a value of the field (``field`` names it).
    """
    text = text.strip()
    spec = _role_field(layer, column)
    if _is_number_column(layer, column):
        if not text:
            return None
        number = _number(text)
        if number is None or not math.isfinite(number):
            if spec is not None:
                return text  # the edit command refuses it with the field's own message
            msg = f"{column} holds numbers, not {text!r}"
            raise LayerError(msg, layer=layer.name, field=column, hint="enter a number")
        integer = spec.type == "integer" if spec is not None else False
        if spec is None:
            assert layer.frame is not None
            integer = bool(pd.api.types.is_integer_dtype(layer.frame[column].dtype))
        return int(number) if integer and number.is_integer() else number
    if _is_bool_column(layer, column):
        answer = bool_value(text)
        if answer is None:
            msg = f"{column} is yes or no ({BOOL_WORDS}), not {text!r}"
            raise LayerError(msg, layer=layer.name, field=column, hint="enter yes or no")
        return answer
    if spec is not None and spec.type == "choice" and text:
        choice = spec.canonical_value(text)
        if choice is None:
            msg = f"{column} must be one of {', '.join(spec.choices)}, not {text!r}"
            raise LayerError(msg, layer=layer.name, field=column, hint="choose one of them")
        return choice
    return text or None


def search_features(
    plan: Plan, text: str, *, limit: int = SEARCH_LIMIT
) -> list[tuple[str, str, str]]:
    """Features whose id or name holds ``text`` (case ignored), as ``(layer, id, name)``.

    An exact id or name comes first, then those that start with ``text``, then the rest, each
    group in layer order; at most ``limit``.
    """
    key = text.strip().casefold()
    if not key:
        return []
    ranked: list[tuple[int, int, int, tuple[str, str, str]]] = []
    for order, (name, layer) in enumerate(plan.layers.items()):
        frame = layer.frame
        if frame is None or "id" not in frame.columns or not len(frame):
            continue
        ids = frame["id"].astype(str)
        names = (
            frame["name"].map(lambda v: value_text(v))
            if "name" in frame.columns
            else pd.Series("", index=frame.index)
        )
        folded_ids, folded_names = ids.str.casefold(), names.str.casefold()
        exact = (folded_ids == key) | (folded_names == key)
        prefix = folded_ids.str.startswith(key) | folded_names.str.startswith(key)
        within = folded_ids.str.contains(key, regex=False) | folded_names.str.contains(
            key, regex=False
        )
        rank = np.where(exact, 0, np.where(prefix, 1, np.where(within, 2, 3)))
        for position in np.flatnonzero(rank < 3)[: limit * 3]:
            item = (name, str(ids.iloc[position]), str(names.iloc[position]))
            ranked.append((int(rank[position]), order, int(position), item))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked[:limit]]


class QtAttributeTableModel(QAbstractTableModel):
    """The features of one layer of a session's plan as table rows.

    Columns: ``id``, the role's fields in the catalogue's order, then the source's other columns
    (not the geometry). Every cell but the id is editable.

    Signals
    -------
    edit_refused(str)
        An edited value was refused; the message names the field and says why.
    """

    edit_refused = pyqtSignal(str)

    def __init__(
        self, session: Session | None = None, parent: QObject | None = None, *, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.layer: str | None = None
        self.columns: list[str] = []
        self._values: list[np.ndarray] = []
        self._texts: dict[int, np.ndarray] = {}  # casefolded cell texts, for the filter
        self._choices: list[FieldSpec | None] = []  # choice fields' specs, by column
        self._rows = np.zeros(0, dtype=np.int64)  # frame positions, in the table's order
        self._ids = np.zeros(0, dtype=object)
        self._view_row: dict[str, int] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._filter = ""
        self.filter_error = ""

    # -- the layer ------------------------------------------------------------------------------
    def plan_layer(self) -> PlanLayer | None:
        """The layer shown (None when none is, or it is a raster)."""
        if self.session is None or self.layer is None:
            return None
        layer = self.session.plan.layers.get(self.layer)
        return layer if layer is not None and layer.frame is not None else None

    def set_session(self, session: Session | None) -> None:
        """Show layers of another session (none shown until :meth:`set_layer`)."""
        self.session = session
        self.layer = None
        self.refresh()

    def set_layer(self, name: str | None) -> None:
        """Show layer ``name`` (the filter and the sort are kept when it has their columns)."""
        if name != self.layer:
            self.layer = name
            self.refresh()

    def refresh(self) -> None:
        """Read the layer's features again (after an edit), keeping sort and filter."""
        self.beginResetModel()
        layer = self.plan_layer()
        frame = layer.frame if layer is not None else None
        if frame is None or layer is None:
            self.columns, self._values, self._choices = [], [], []
            self._ids = np.zeros(0, dtype=object)
        else:
            fields = [f for f in get_role(layer.role).fields if f in frame.columns and f != "id"]
            others = [
                c for c in frame.columns if c not in fields and c not in ("id", frame.geometry.name)
            ]
            self.columns = [*(["id"] if "id" in frame.columns else []), *fields, *others]
            self._values = [frame[c].to_numpy(dtype=object) for c in self.columns]
            role_fields = get_role(layer.role).fields
            self._choices = [
                spec if spec is not None and spec.type == "choice" else None
                for spec in (role_fields.get(c) for c in self.columns)
            ]
            self._ids = frame["id"].astype(str).to_numpy() if "id" in frame.columns else np.zeros(0)
        self._texts = {}
        self._view_row = None
        self._order()
        self.endResetModel()

    def _order(self) -> None:
        """Filter and sort the frame's rows into the table's rows."""
        n = len(self._values[0]) if self._values else 0
        rows = np.arange(n, dtype=np.int64)
        self.filter_error = ""
        if self._filter and n:
            try:
                rows = rows[self._matches(self._filter)]
            except ValueError as exc:
                self.filter_error = str(exc)
        if self._sort is not None and self._sort[0] < len(self.columns) and len(rows):
            column, order = self._sort
            keys = self._sort_keys(column, rows)
            rows = rows[
                keys.sort_values(
                    ascending=order == Qt.SortOrder.AscendingOrder,
                    kind="stable",
                    na_position="last",
                ).index.to_numpy()
            ]
        self._rows = rows
        self._view_row = None

    def _sort_keys(self, column: int, rows: np.ndarray) -> pd.Series:
        layer = self.plan_layer()
        values = self._values[column][rows]
        if layer is not None and _is_number_column(layer, self.columns[column]):
            keys = pd.to_numeric(pd.Series(values), errors="coerce")
        else:
            keys = pd.Series(
                [None if plain_value(v) is None else value_text(v).casefold() for v in values],
                dtype=object,
            )
        return keys.set_axis(np.arange(len(rows)))

    # -- Qt's table model -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._values[index.column()][self._rows[index.row()]]
        spec = self._choices[index.column()]
        if role == Qt.ItemDataRole.DisplayRole and spec is not None and isinstance(value, str):
            return choice_label(spec, value, self.lang) if value in spec.choices else value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = value_text(value)
            return (
                text if role == Qt.ItemDataRole.EditRole or len(text) <= 200 else text[:199] + "…"
            )
        number = isinstance(plain_value(value), int | float) and not isinstance(value, bool)
        if role == Qt.ItemDataRole.TextAlignmentRole and number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = value_text(value)
            return text if len(text) > 30 else None
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section >= len(self.columns):
            return None
        column = self.columns[section]
        layer = self.plan_layer()
        spec = _role_field(layer, column) if layer is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return field_label(spec, self.lang) if spec is not None else column
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "id":
                return self.tr("Ids are stable and cannot be edited")
            return spec.description or column if spec is not None else column
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.ItemFlags(Qt.ItemFlag.NoItemFlags)
        flags = Qt.ItemFlags(Qt.ItemFlag.ItemIsEnabled) | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()] != "id":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(  # noqa: N802 (Qt's name)
        self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            return self.edit(index.row(), index.column(), "" if value is None else str(value))
        except SpacePlannerError as exc:
            self.edit_refused.emit(exc.describe())
            return False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column (missing values last); a stable sort keeps ties in order."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order) if column >= 0 else None
        self._order()
        self.layoutChanged.emit()

    # -- editing --------------------------------------------------------------------------------
    def edit(self, row: int, column: int, text: str) -> bool:
        """Set the value of a cell from its text: one undoable edit (False when unchanged).

        Raises
        ------
        SpacePlannerError
            When the value is refused (nothing is changed).
        """
        layer = self.plan_layer()
        assert layer is not None and self.session is not None
        name = self.columns[column]
        feature = str(self._ids[self._rows[row]])
        if name == "id":
            msg = "ids are stable: a feature's id cannot be edited"
            raise LayerError(msg, layer=layer.name, field="id", feature=feature)
        try:
            value = cell_value(layer, name, text)
            old = plain_value(self._values[column][self._rows[row]])
            if value == old or (value is None and old is None):
                return False
            label = self.tr("Edit {0} of {1}").format(name, feature)
            self.session.push(EditAttributes(layer.name, feature, {name: value}, label=label))
        except SpacePlannerError as exc:
            if exc.feature is None:
                exc.feature = feature
            raise
        return True

    # -- rows and features ----------------------------------------------------------------------
    def feature_id(self, row: int) -> str:
        """The id of the feature in table row ``row``."""
        return str(self._ids[self._rows[row]])

    def feature_ids(self) -> list[str]:
        """The ids of the rows, in the table's order."""
        return [str(i) for i in self._ids[self._rows]]

    def row_of(self, feature_id: str) -> int | None:
        """The table row of a feature (None when it is filtered out or not in the layer)."""
        if self._view_row is None:
            self._view_row = {str(fid): r for r, fid in enumerate(self._ids[self._rows])}
        return self._view_row.get(str(feature_id))

    def total(self) -> int:
        """The layer's feature count (the table may show fewer: the filter)."""
        return len(self._values[0]) if self._values else 0

    # -- filter ---------------------------------------------------------------------------------
    def set_filter(self, text: str) -> str:
        """Show only the rows that match ``text``; return why it cannot be read ("" when it
        can; the rows are then unfiltered).

        ``text`` is either words that some cell contains (case ignored), or one condition
        ``field op value`` with op one of ``= != < <= > >= ~`` (``~``: contains); a field is a
        column's name or one of the role field's aliases; missing values never match.
        """
        self.layoutAboutToBeChanged.emit()
        self._filter = text.strip()
        self._order()
        self.layoutChanged.emit()
        return self.filter_error

    def _text_of(self, column: int) -> np.ndarray:
        if column not in self._texts:
            self._texts[column] = np.array(
                [value_text(v).casefold() for v in self._values[column]], dtype=object
            )
        return self._texts[column]

    def _column_named(self, name: str) -> int | None:
        layer = self.plan_layer()
        key = name.casefold()
        for i, column in enumerate(self.columns):
            spec = _role_field(layer, column) if layer is not None else None
            aliases = spec.aliases if spec is not None else ()
            if key == column.casefold() or key in (a.casefold() for a in aliases):
                return i
        return None

    def _matches(self, text: str) -> np.ndarray:
        """The rows that match the filter (a boolean mask over the frame's rows)."""
        condition = _CONDITION.match(text)
        if condition is None:
            key = text.casefold()
            mask = np.zeros(self.total(), dtype=bool)
            for column in range(len(self.columns)):
                mask |= np.char.find(self._text_of(column).astype(str), key) >= 0
            return mask
        name, op, wanted = condition.groups()
        wanted = wanted.strip()
        if len(wanted) >= 2 and wanted[0] == wanted[-1] and wanted[0] in "'\"":
            wanted = wanted[1:-1]
        named = self._column_named(name)
        if named is None:
            raise ValueError(
                self.tr("no field {0}; fields: {1}").format(name, ", ".join(self.columns))
            )
        layer = self.plan_layer()
        assert layer is not None
        values = self._values[named]
        missing = np.array([plain_value(v) is None for v in values], dtype=bool)
        field = self.columns[named]
        if op == "~":
            found = np.char.find(self._text_of(named).astype(str), wanted.casefold()) >= 0
            return found & ~missing
        if _is_number_column(layer, field):
            number = _number(wanted)
            if number is None:
                raise ValueError(
                    self.tr("{0} holds numbers; {1} is not a number").format(field, wanted)
                )
            cells = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
            missing |= np.isnan(cells)
            cells = np.where(missing, 0.0, cells)
            return _compare(cells, op, number) & ~missing
        if _is_bool_column(layer, field):
            answer = bool_value(wanted)
            if answer is None or op not in ("=", "==", "!=", "<>"):
                raise ValueError(
                    self.tr("{0} is yes or no: use {0} = yes or {0} = no").format(field)
                )
            cells = np.array([bool_value(v) is True for v in values], dtype=bool)
            return _compare(cells, op, answer) & ~missing
        spec = _role_field(layer, field)
        if spec is not None and spec.type == "choice":
            wanted = spec.canonical_value(wanted) or wanted
        return _compare(self._text_of(named), op, wanted.casefold()) & ~missing


def _compare(cells: np.ndarray, op: str, value: Any) -> np.ndarray:
    if op in ("=", "=="):
        return np.asarray(cells == value, dtype=bool)
    if op in ("!=", "<>"):
        return np.asarray(cells != value, dtype=bool)
    if op == "<":
        return np.asarray(cells < value, dtype=bool)
    if op == "<=":
        return np.asarray(cells <= value, dtype=bool)
    if op == ">":
        return np.asarray(cells > value, dtype=bool)
    return np.asarray(cells >= value, dtype=bool)


class QtFeatureSearch(QLineEdit):
    """A search box: type part of a name or id, pick a match (or press Enter for the first).

    Signals
    -------
    found(str, str)
        The user picked feature (layer, id).
    """

    found = pyqtSignal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.matches: list[tuple[str, str, str]] = []
        self.setPlaceholderText(self.tr("Find a feature by name or id…"))
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._activated)
        self.textEdited.connect(self._search)
        self.returnPressed.connect(self._enter)

    def _activated(self, index: QModelIndex) -> None:
        self.pick(index.row())

    def _enter(self) -> None:
        self.pick(0)

    def _search(self, text: str) -> None:
        if self.session is None:
            return
        self.matches = search_features(self.session.plan, text)
        self._model.setStringList(
            [
                f"{name or fid} · {fid} · {layer}" if name else f"{fid} · {layer}"
                for layer, fid, name in self.matches
            ]
        )
        if self.matches:
            self.completer_.complete()

    def pick(self, row: int) -> bool:
        """Choose match ``row`` (False when there is none)."""
        if self.session is not None and not self.matches and self.text().strip():
            self.matches = search_features(self.session.plan, self.text())
        if not 0 <= row < len(self.matches):
            return False
        layer, fid, _name = self.matches[row]
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()
        self.found.emit(layer, fid)
        return True


class QtAttributeTable(QWidget):
    """The attribute table dock's widget: a layer's features, a filter and a search box.

    Parameters
    ----------
    session
        The open plan (None: empty).
    parent
        The parent widget.
    lang
        ``"en"`` or ``"zh"``: the language of the field names.

    Signals
    -------
    zoom_to(str, str)
        The map should frame feature (layer, id) (a search match was picked).
    zoom_to_bounds(object)
        The map should frame ``(minx, miny, maxx, maxy)`` (Zoom to selection).
    """

    zoom_to = pyqtSignal(str, str)
    zoom_to_bounds = pyqtSignal(object)

    def __init__(
        self, session: Session | None = None, parent: QWidget | None = None, *, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.lang = i18n.resolve(lang)
        self._session: Session | None = None
        self._unfollow: Callable[[], None] | None = None
        self._syncing = False
        self.model = QtAttributeTableModel(None, self, lang=self.lang)
        self.model.edit_refused.connect(self._refused)

        self.layer_combo = QComboBox(self)
        self.layer_combo.setToolTip(self.tr("The layer whose features the table shows"))
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.layer_combo.currentIndexChanged.connect(self._layer_chosen)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter: text, or field op value (capacity > 500)")
        )
        self.filter_edit.setToolTip(
            self.tr(
                "Words a cell contains, or one condition: field = != < <= > >= ~ value "
                "(~ contains), e.g. capacity >= 500, kind = clinic, name ~ park"
            )
        )
        self.filter_edit.textChanged.connect(self.set_filter)
        self.count_label = QLabel(self)
        self.zoom_button = QPushButton(self.tr("Zoom to selection"), self)
        self.zoom_button.clicked.connect(self.zoom_to_selection)
        self.search = QtFeatureSearch(self)
        self.search.found.connect(self.show_feature)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        vertical, horizontal = self.view.verticalHeader(), self.view.horizontalHeader()
        assert vertical is not None and horizontal is not None
        # a fixed row height: the view never measures 100,000 rows
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        horizontal.setResizeContentsPrecision(50)
        horizontal.setSortIndicatorShown(True)
        horizontal.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        horizontal.setMinimumSectionSize(40)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self._rows_selected)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.layer_combo)
        top.addWidget(self.filter_edit, 2)
        top.addWidget(self.count_label)
        top.addWidget(self.zoom_button)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.set_session(session)

    # -- session --------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        """Follow another session (or none)."""
        if self._unfollow is not None:
            self._unfollow()
        self._session = session
        self._unfollow = follow(self, session, self._on_event) if session else None
        self.search.session = session
        self.model.set_session(session)
        self._fill_layers()

    def _on_event(self, event: str, data: Any) -> None:
        if event == "layers":
            self._fill_layers()
        elif event == "features" and data == self.model.layer:
            self.model.refresh()
            self._after_reset(resize=False)  # the user's column widths stay
        elif event == "selection":
            self._show_selection()

    def _fill_layers(self) -> None:
        session = self._session
        names = (
            [n for n in session.layer_names() if session.plan.layers[n].frame is not None]
            if session is not None
            else []
        )
        current = self.model.layer
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for name in names:
            self.layer_combo.addItem(name, name)
        if current in names:
            self.layer_combo.setCurrentIndex(names.index(current))
        self.layer_combo.blockSignals(False)
        if current in names:
            self.model.refresh()
            self._after_reset(resize=False)
        else:
            selected = session.selection if session is not None else None
            self.set_layer(selected[0] if selected else (names[0] if names else None))

    def layer(self) -> str | None:
        """The layer shown."""
        return self.model.layer

    def set_layer(self, name: str | None) -> None:
        """Show layer ``name`` (a raster or unknown layer: ignored)."""
        index = self.layer_combo.findData(name) if name is not None else -1
        if name is not None and index < 0:
            return
        self.layer_combo.blockSignals(True)
        self.layer_combo.setCurrentIndex(index)
        self.layer_combo.blockSignals(False)
        changed = name != self.model.layer
        self.model.set_layer(name)
        self._after_reset(resize=changed)

    def _layer_chosen(self, index: int) -> None:
        self.model.set_layer(self.layer_combo.itemData(index) if index >= 0 else None)
        self._after_reset()

    def _after_reset(self, *, resize: bool = True) -> None:
        header = self.view.horizontalHeader()
        assert header is not None
        sort = self.model._sort
        header.setSortIndicator(sort[0], sort[1]) if sort else header.setSortIndicator(
            -1, Qt.SortOrder.AscendingOrder
        )
        if resize and self.model.columnCount() and self.model.rowCount():
            self.view.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                header.resizeSection(column, min(header.sectionSize(column), 260))
        self._show_count()
        self._show_selection()

    # -- filter ---------------------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Filter the rows (see :meth:`QtAttributeTableModel.set_filter`)."""
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # comes back here through textChanged
            return
        error = self.model.set_filter(text)
        self.filter_edit.setStyleSheet("background: #ffe0e0" if error else "")
        self.filter_edit.setToolTip(error or self.filter_edit.toolTip())
        self._show_count()
        self._show_selection()

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        error = self.model.filter_error
        if error:
            self.count_label.setText(self.tr("filter not read: {0}").format(error))
        elif shown == total:
            self.count_label.setText(self.tr("{0} features").format(f"{total:,}"))
        else:
            self.count_label.setText(
                self.tr("{0} of {1} features").format(f"{shown:,}", f"{total:,}")
            )

    # -- selection ------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The ids of the selected rows, in table order."""
        selection = self.view.selectionModel()
        assert selection is not None
        rows = sorted(index.row() for index in selection.selectedRows())
        return [self.model.feature_id(r) for r in rows]

    def select_rows(self, rows: list[int]) -> None:
        """Select table rows (as a user would): the features are selected on the map."""
        selection = self.view.selectionModel()
        assert selection is not None
        selection.select(
            self._ranges(rows), _ROWS | QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _ranges(self, rows: list[int]) -> QItemSelection:
        chosen = QItemSelection()
        last = self.model.columnCount() - 1
        ordered = sorted(set(rows))
        start = 0
        for i in range(1, len(ordered) + 1):
            if i == len(ordered) or ordered[i] != ordered[i - 1] + 1:
                chosen.select(
                    self.model.index(ordered[start], 0), self.model.index(ordered[i - 1], last)
                )
                start = i
        return chosen

    def _rows_selected(self, *_: Any) -> None:
        if self._syncing or self._session is None or self.model.layer is None:
            return
        ids = self.selected_ids()
        current = self._session.selection
        # the map's first-selected feature stays first when it is still among the rows
        if current is not None and current[0] == self.model.layer and current[1] in ids:
            ids.remove(current[1])
            ids.insert(0, current[1])
        self._syncing = True
        try:
            self._session.select_many(self.model.layer, ids)
        finally:
            self._syncing = False

    def _show_selection(self) -> None:
        """Select the rows of the session's selected features (switching layer if needed)."""
        session = self._session
        if self._syncing or session is None:
            return
        selected = session.selection
        if selected is not None and selected[0] != self.model.layer:
            self.set_layer(selected[0])
            return
        rows = [r for r in (self.model.row_of(i) for i in session.selected_ids) if r is not None]
        selection = self.view.selectionModel()
        assert selection is not None
        self._syncing = True
        try:
            if rows:
                selection.select(
                    self._ranges(rows), _ROWS | QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                first = self.model.row_of(selected[1]) if selected is not None else None
                self.view.scrollTo(self.model.index(rows[0] if first is None else first, 0))
            else:
                selection.clearSelection()
        finally:
            self._syncing = False

    def show_feature(self, layer: str, feature_id: str) -> None:
        """Select a feature, show its row and ask the map to frame it."""
        if self._session is None:
            return
        self._session.select((layer, feature_id))
        self.zoom_to.emit(layer, feature_id)

    def zoom_to_selection(self) -> None:
        """Ask the map to frame the selected features."""
        session = self._session
        layer = self.model.plan_layer()
        if session is None or layer is None or layer.frame is None or not session.selected_ids:
            return
        if session.selection is None or session.selection[0] != layer.name:
            return
        frame = layer.frame
        chosen = frame[frame["id"].astype(str).isin(session.selected_ids)]
        bounds = tuple(float(v) for v in chosen.total_bounds)
        if all(math.isfinite(v) for v in bounds):
            self.zoom_to_bounds.emit(bounds)

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("The edit was not made"), message)


_ROWS = QItemSelectionModel.SelectionFlags(QItemSelectionModel.SelectionFlag.Rows)
