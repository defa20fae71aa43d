"""The layers panel: the plan's layers, top of the map first, with visibility, order and style.

:class:`QtLayersPanel` shows the layer list (:mod:`~spaceplanner.ui.panels.qt_layer_list_model`)
with the buttons and context menu (add, remove, style, role, zoom) and tells the main window
which layer is the current edit layer.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PyQt5.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    pyqtSignal,
)
from PyQt5.QtGui import (
    QKeySequence,
)
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QAction,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.layers.catalogue import roles
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.plan import PlanLayer
from spaceplanner.ui import i18n
from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog
from spaceplanner.ui.dialogs.qt_style_dialog import (
    SWATCH,
    QtStyleDialog,
    geometry_family,
    layer_fields,
)
from spaceplanner.ui.model.labels import role_label
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_layer_list_model import KEPT_ALIVE, QtLayerDelegate, QtLayerListModel

__all__ = ["QtLayersPanel"]


def _follow_enabled(button: QToolButton, action: QAction) -> None:
    button.setEnabled(action.isEnabled())


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
        self.view.setIconSize(QSize(SWATCH, SWATCH))
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
        delegate = QtLayerDelegate(self.view)
        # as the model: the Python side of the delegate must live as long as the C++ one
        KEPT_ALIVE.add(delegate)
        delegate.destroyed.connect(partial(KEPT_ALIVE.discard, delegate))
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
        self.labels_action = self._action(
            self.tr("Show labels"),
            self.tr("Show the features' names on the map"),
            self.toggle_labels,
        )
        self.labels_action.setCheckable(True)
        self.basemap_menu = QMenu(self.tr("Base map"), self)
        self.basemap_actions: dict[str, QAction] = {}
        for choice_key, text, tip in (
            ("none", self.tr("None"), self.tr("No base map")),
            (
                "osm",
                self.tr("OpenStreetMap (online)"),
                self.tr("OpenStreetMap tiles, fetched when the computer is online"),
            ),
            (
                "tianditu",
                self.tr("Tianditu (online, your key)…"),
                self.tr("Tianditu tiles, with your own key from console.tianditu.gov.cn"),
            ),
            (
                "file",
                self.tr("From a file…"),
                self.tr("An offline GeoTIFF, MBTiles or GeoPackage raster under the layers"),
            ),
        ):
            choice = self._action(text, tip, partial(self.choose_basemap, choice_key))
            choice.setCheckable(True)
            self.basemap_menu.addAction(choice)
            self.basemap_actions[choice_key] = choice
        self.basemap_menu.aboutToShow.connect(self._check_basemap)
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
            layer = self._layer(self._current)
            self.labels_action.setEnabled(layer is not None and layer.frame is not None)
            self.labels_action.setChecked(self._labels_on(self._current))
            for action in (
                self.zoom_action,
                self.style_action,
                self.labels_action,
                self.role_action,
            ):
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(self.remove_action)
            menu.addSeparator()
        menu.addAction(self.add_action)
        menu.addMenu(self.basemap_menu)
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
            role=layer.role,
            fields=layer_fields(layer),
            aliases=layer.field_map,
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

    def _labels_on(self, name: str | None) -> bool:
        if self.session is None or name is None or name not in self.session.plan.layers:
            return False
        return bool(self.session.view(name).style.get("labels", False))

    def toggle_labels(self, name: str | None = None) -> bool:
        """Show or hide the names of layer ``name``'s features (the current layer by default)
        on the map; returns whether they are shown now."""
        name = name if isinstance(name, str) else self._current
        layer = self._layer(name)
        if self.session is None or name is None or layer is None or layer.frame is None:
            return False
        shown = not self._labels_on(name)
        self.session.set_style(name, labels=shown)
        return shown

    def _check_basemap(self) -> None:
        spec = self.session.plan.view.get("basemap") if self.session is not None else None
        current = "none"
        if isinstance(spec, dict):
            current = "file" if spec.get("kind") == "file" else str(spec.get("provider", ""))
        for key, action in self.basemap_actions.items():
            action.setEnabled(self.session is not None)
            action.setChecked(key == current)

    def choose_basemap(self, key: str) -> bool:
        """Put a base map under the layers: ``none``, ``osm``, ``tianditu`` (asks for the key
        the first time; it is kept in the app's settings, not in the plan) or ``file`` (asks
        for a GeoTIFF, MBTiles or GeoPackage). Returns True when the base map changed."""
        if self.session is None:
            return False
        spec: dict[str, Any] | None
        if key == "none":
            spec = None
        elif key == "file":
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Base map file"),
                "",
                self.tr("Rasters and tiles (*.tif *.tiff *.mbtiles *.gpkg);;All files (*)"),
            )
            if not path:
                return False
            spec = {"kind": "file", "path": path}
        else:
            if key == "tianditu" and not self._tianditu_key():
                return False
            spec = {"kind": "xyz", "provider": key}
        self.session.set_basemap(spec)
        return True

    def _tianditu_key(self) -> str:
        from spaceplanner.ui.qt_settings import settings

        store = settings()
        key = str(store.value("basemap/tianditu_key", "") or "")
        text, ok = QInputDialog.getText(
            self,
            self.tr("Tianditu key"),
            self.tr("Your Tianditu key (a browser key from console.tianditu.gov.cn):"),
            QLineEdit.EchoMode.Normal,
            key,
        )
        if not ok or not text.strip():
            return ""
        store.setValue("basemap/tianditu_key", text.strip())
        store.sync()
        return text.strip()

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
