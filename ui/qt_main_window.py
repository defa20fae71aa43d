"""The main window: start page, map canvas, panels, tools, evaluation, save and recovery.

The window holds no analysis: it wires the Qt-free :class:`~spaceplanner.ui.model.session.Session`
(plan, edits, views) to the widgets and the :class:`~spaceplanner.ui.qt_worker.QtEvaluationRunner`
(evaluations in a worker thread). After every edit, undo or redo the runner makes a live
evaluation (figures, uncovered residents, shelter loads; gap areas and service areas come from
the last full run and are marked stale until the next one).
"""

from __future__ import annotations

import gc
import math
import time
from pathlib import Path
from typing import Any

from PyQt5.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QCloseEvent, QKeySequence
from PyQt5.QtWidgets import (
    QAction,
    QActionGroup,
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from spaceplanner import __version__
from spaceplanner.i18n import say
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.ui import i18n
from spaceplanner.ui.canvas.qt_tools import TOOL_CLASSES
from spaceplanner.ui.model.recovery import Recovery
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_start_page import QtStartPage, sample_label
from spaceplanner.ui.qt_plan_files import QtPlanFiles
from spaceplanner.ui.qt_settings import app_home, recent_plans, remember_plan, settings
from spaceplanner.ui.qt_steps import step_text

__all__ = ["QtMainWindow"]

#: Seconds between autosaves of a plan with unsaved edits.
AUTOSAVE_SECONDS = 60


class _ShortScroll(QScrollArea):
    """A panel that scrolls only when its place is shorter than the panel's minimum: the
    panel fills the place otherwise (a word-wrapped text or a table never makes it scroll
    while it can still shrink)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        panel = self.widget()
        viewport = self.viewport()
        if panel is None or viewport is None:
            return
        tall = max(viewport.height(), panel.minimumSizeHint().height())
        bar = self.verticalScrollBar()
        scrolls = tall > viewport.height()
        width = viewport.width() - (bar.sizeHint().width() if scrolls and bar is not None else 0)
        panel.resize(max(width, panel.minimumSizeHint().width()), tall)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        panel = self.widget()
        return panel.sizeHint() if panel is not None else super().sizeHint()


class QtMainWindow(QMainWindow):
    """SpacePlanner's main window.

    Parameters
    ----------
    session
        The open plan, or None for the start page.
    lang
        ``"en"`` or ``"zh"``: the language the window is built in (its translator must be
        installed already, see :mod:`spaceplanner.ui.i18n`).

    Signals
    -------
    language_requested(str)
        The user chose another language in the menu; the app rebuilds the window in it.
    live_updated(float)
        A live evaluation after an edit reached the panels; milliseconds from the edit.
    drag_updated(float)
        The figures of a site being dragged reached the panels and the map; milliseconds from
        the pointer move they answer.
    """

    language_requested = pyqtSignal(str)
    live_updated = pyqtSignal(float)
    drag_updated = pyqtSignal(float)

    def __init__(
        self, session: Session | None = None, *, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: Session | None = None
        self.runner: Any = None
        self.recovery = Recovery(app_home() / "recovery")
        self.files = QtPlanFiles(self)
        self._edit_started: float | None = None
        # while a site is dragged: the report before the drag, and when each offset was asked
        self._drag_base: Any = None
        self._drag_asked: dict[tuple[float, float], float] = {}
        self._gc_frozen = False  # the collector skips the objects from before the drag
        self._closing_ok = False
        self.setWindowTitle(self.tr("SpacePlanner"))
        self.resize(1360, 860)
        self.stack = QStackedWidget(self)
        self.start_page = QtStartPage(recent_plans(), self)
        self.stack.addWidget(self.start_page)
        self.setCentralWidget(self.stack)
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.new_requested.connect(self.new_plan)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.recent_requested.connect(lambda p: self.open_path(Path(p)))
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_SECONDS * 1000)
        self.autosave_timer.timeout.connect(self._autosave_tick)
        self.autosave_timer.start()
        self.canvas: Any = None
        self.layers_panel: Any = None
        self.indicators: Any = None
        self.violations: Any = None
        self.feature_panel: Any = None
        self.attribute_table: Any = None
        self._docks: list[QDockWidget] = []
        self._toolbars: list[QToolBar] = []
        #: The session whose indicator the map shows by the user's or the default choice.
        self._shown_for: Session | None = None
        #: The status message shown last: its source text, its values, when it ends.
        self._said: tuple[str, tuple[Any, ...], float | None] | None = None
        self._said_text: str | None = None
        self.set_session(session)

    # -- building ---------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        assert bar is not None
        self.coords_label = QLabel("", self)
        self.crs_label = QLabel("", self)
        self.scale_label = QLabel("", self)
        self.gaps_label = QLabel("", self)
        #: The layer the edit tools work on (in the status bar, not the toolbar: the toolbar's
        #: every tool stays in view on a 1366-pixel screen, whatever the layer is called).
        self.edit_layer_label = QLabel("", self)
        for label in (self.edit_layer_label, self.gaps_label):
            label.setContentsMargins(6, 0, 6, 0)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_evaluation)
        for widget in (
            self.edit_layer_label,
            self.gaps_label,
            self.progress,
            self.cancel_button,
            self.coords_label,
            self.scale_label,
        ):
            bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.crs_label)

    def _action(
        self, text: str, slot: Any, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(self.tr("&Open plan…"), self.open_dialog, QKeySequence.Open)
        self.new_action = self._action(self.tr("&New plan from files…"), self.new_plan, "Ctrl+N")
        self.new_osm_action = self._action(
            self.tr("New plan from OpenStreet&Map…"), self.new_osm_plan
        )
        self.save_action = self._action(self.tr("&Save"), self.save, QKeySequence.Save)
        self.save_as_action = self._action(
            self.tr("Save &As…"), self.save_as, QKeySequence("Ctrl+Shift+S")
        )
        self.export_action = self._action(self.tr("&Export…"), self.export_dialog, "Ctrl+E")
        self.suggest_action = self._action(
            self.tr("&Suggest sites…"), self.suggest_dialog, "Ctrl+Shift+G"
        )
        self.close_plan_action = self._action(self.tr("&Close plan"), self.close_plan, "Ctrl+W")
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence("Ctrl+Z"))
        self.redo_action = self._action(self.tr("&Redo"), self.redo, QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.attributes_action = self._action(
            self.tr("&Attributes…"),
            self.edit_attributes,
            "Ctrl+I",
            self.tr("Edit the selected feature's attributes"),
        )
        self.delete_action = self._action(
            self.tr("&Delete feature"),
            self.delete_selected,
            None,
            self.tr("Delete the selected feature"),
        )
        self.evaluate_action = self._action(
            self.tr("&Evaluate"),
            self.evaluate,
            "F5",
            self.tr("Evaluate the plan with gap areas and service areas"),
        )
        # no Esc shortcut: Esc belongs to the canvas (it cancels a polygon being drawn)
        self.cancel_action = self._action(self.tr("&Cancel evaluation"), self.cancel_evaluation)
        self.zoom_extent_action = self._action(
            self.tr("Zoom to &extent"), self.zoom_to_extent, "Ctrl+0"
        )
        tool_names = {
            "pan": self.tr("Pan"),
            "select": self.tr("Select and identify"),
            "move": self.tr("Move feature"),
            "add_point": self.tr("Add point feature"),
            "draw_polygon": self.tr("Draw polygon"),
            "reshape": self.tr("Reshape polygon"),
            "draw_line": self.tr("Draw line"),
            "measure": self.tr("Measure distance and area"),
        }
        short = {
            "pan": self.tr("Pan"),
            "select": self.tr("Select"),
            "move": self.tr("Move"),
            "add_point": self.tr("Add point"),
            "draw_polygon": self.tr("Draw polygon"),
            "reshape": self.tr("Reshape"),
            "draw_line": self.tr("Draw line"),
            "measure": self.tr("Measure"),
        }
        self.zoom_extent_action.setIconText(self.tr("Full extent"))
        self.undo_action.setIconText(self.tr("Undo"))
        self.redo_action.setIconText(self.tr("Redo"))
        self.delete_action.setIconText(self.tr("Delete"))
        self.attributes_action.setIconText(self.tr("Attributes"))
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for tool in TOOL_CLASSES:
            name, key = tool.name, tool.shortcut
            action = QAction(tool_names[name], self)
            action.setCheckable(True)
            action.setIconText(short[name])
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"{tool_names[name]} ({key})")
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.set_tool(n))
            self.tool_group.addAction(action)
            self.tool_actions[name] = action
        self.tool_actions["pan"].setChecked(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        assert bar is not None
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        assert file_menu is not None
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.new_osm_action)
        self.samples_menu = QMenu(self.tr("Open &sample map"), self)
        from spaceplanner.sample_maps import list_samples

        for name in list_samples():  # named as on the start page
            text = sample_label(name).replace("&", "&&")
            self.samples_menu.addAction(text, lambda n=name: self.open_sample(n))
        file_menu.addMenu(self.samples_menu)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        file_menu.addMenu(self.recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        for action in (self.save_action, self.save_as_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_plan_action)
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        assert edit_menu is not None
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in self.tool_actions.values():
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.attributes_action)
        edit_menu.addAction(self.delete_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        assert self.view_menu is not None
        self.view_menu.addAction(self.zoom_extent_action)
        self.overlay_menu = QMenu(self.tr("Result &overlays"), self)
        self.view_menu.addMenu(self.overlay_menu)
        self.panels_menu = QMenu(self.tr("&Panels"), self)
        self.view_menu.addMenu(self.panels_menu)
        eval_menu = bar.addMenu(self.tr("Ev&aluate"))
        assert eval_menu is not None
        eval_menu.addAction(self.evaluate_action)
        eval_menu.addAction(self.cancel_action)
        eval_menu.addSeparator()
        eval_menu.addAction(self.suggest_action)
        lang_menu = bar.addMenu(self.tr("&Language"))
        assert lang_menu is not None
        group = QActionGroup(self)
        for code, text in (
            ("system", self.tr("System language")),
            ("en", "English"),
            ("zh", "简体中文"),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(code == str(settings().value("language", "system")))
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            lang_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        assert help_menu is not None
        guide = help_menu.addAction(self.tr("&Guide: principles, life circles, indicators…"))
        assert guide is not None
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(self.tr("&About SpacePlanner"), self.about)

    def _build_plan_ui(self) -> None:
        """The canvas, docks and toolbars for an open plan (built once per window)."""
        from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
        from spaceplanner.ui.panels.qt_compare_panel import QtComparePanel
        from spaceplanner.ui.panels.qt_evaluate_box import QtEvaluateBox
        from spaceplanner.ui.panels.qt_feature_panel import QtFeaturePanel
        from spaceplanner.ui.panels.qt_indicators_panel import QtIndicatorsPanel, QtViolationsPanel
        from spaceplanner.ui.panels.qt_layers_panel import QtLayersPanel
        from spaceplanner.ui.panels.qt_legend_panel import QtLegendPanel
        from spaceplanner.ui.qt_worker import QtEvaluationRunner

        if self.canvas is not None:
            return
        self.canvas = QtMapCanvas(None, self)
        self.stack.addWidget(self.canvas)
        self.canvas.mouse_moved.connect(self._show_coords)
        self.canvas.scale_changed.connect(self._show_scale)
        self.canvas.edit_failed.connect(self._edit_failed)
        self.canvas.feature_added.connect(self._feature_added)
        self.canvas.tool_changed.connect(self._tool_changed)
        self.canvas.drag_moved.connect(self._drag_moved)
        self.canvas.drag_ended.connect(self._drag_ended)

        self.layers_panel = QtLayersPanel(None, self, lang=self.lang)
        self.layers_panel.zoom_to_layer.connect(self.canvas.zoom_to_layer)
        self.layers_panel.current_layer_changed.connect(self._current_layer_changed)
        self.indicators = QtIndicatorsPanel(None, self, lang=self.lang)
        self.indicators.indicator_chosen.connect(self.show_gaps_of)
        self.violations = QtViolationsPanel(None, self, lang=self.lang)
        self.feature_panel = QtFeaturePanel(None, self)
        self.compare_panel = QtComparePanel(self, lang=self.lang)
        self.feature_panel.edit_requested.connect(self.edit_attributes)
        # a chosen violation is framed with its cause and highlighted; Compare draws its changes
        self.violations.violation_chosen.connect(self.canvas.show_violation)
        self.violations.violation_cleared.connect(self.canvas.clear_highlight)
        self.compare_panel.show_on_map.connect(self.canvas.show_changes)
        self.compare_panel.busy = lambda: self.runner.dragging

        evaluate_box = QtEvaluateBox(self.indicators, self)
        self.scenario_combo = evaluate_box.scenario_combo
        self.period_combo = evaluate_box.period_combo
        self.evaluate_button = evaluate_box.evaluate_button
        self.evaluate_button.setToolTip(self.evaluate_action.toolTip())
        self.evaluate_button.clicked.connect(self.evaluate)
        self.scenario_combo.currentIndexChanged.connect(self._scenario_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self._evaluate_box = evaluate_box

        self.runner = QtEvaluationRunner(None, self)
        self.runner.started.connect(self._evaluation_started)
        self.runner.progress.connect(self._evaluation_progress)
        self.runner.finished.connect(self._evaluation_finished)
        self.runner.failed.connect(self._evaluation_failed)
        self.runner.cancelled.connect(self._evaluation_cancelled)
        self.runner.drag_updated.connect(self._drag_frame)

        for title, widget, area, name in (
            (
                self.tr("Layers"),
                self.layers_panel,
                Qt.DockWidgetArea.LeftDockWidgetArea,
                "layersDock",
            ),
            (
                self.tr("Indicators"),
                evaluate_box,
                Qt.DockWidgetArea.RightDockWidgetArea,
                "indicatorsDock",
            ),
            (
                self.tr("Violations of 让 / 防 / 避"),
                self.violations,
                Qt.DockWidgetArea.BottomDockWidgetArea,
                "violationsDock",
            ),
            (
                self.tr("Selected feature"),
                self.feature_panel,
                Qt.DockWidgetArea.LeftDockWidgetArea,
                "featureDock",
            ),
            (
                self.tr("Legend"),
                QtLegendPanel(self.canvas, self, lang=self.lang),
                Qt.DockWidgetArea.LeftDockWidgetArea,
                "legendDock",
            ),
            (
                self.tr("Compare"),
                self.compare_panel,
                Qt.DockWidgetArea.RightDockWidgetArea,
                "compareDock",
            ),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self._docks.append(dock)
            self.panels_menu.addAction(dock.toggleViewAction())
        self.resizeDocks(self._docks[:2], [300, 380], Qt.Orientation.Horizontal)
        self.resizeDocks([self._docks[2]], [170], Qt.Orientation.Vertical)
        self.resizeDocks([self._docks[0], self._docks[3]], [290, 330], Qt.Orientation.Vertical)
        self.legend_dock = next(d for d in self._docks if d.objectName() == "legendDock")
        assert self.view_menu is not None
        self.view_menu.addMenu(self.layers_panel.basemap_menu)
        status = self.statusBar()
        assert status is not None
        self.canvas.basemap_failed.connect(lambda text: status.showMessage(text, 15000))
        feature_dock = next(d for d in self._docks if d.objectName() == "featureDock")
        self.tabifyDockWidget(feature_dock, self.legend_dock)  # the legend beside the feature
        self.indicators_dock = next(d for d in self._docks if d.objectName() == "indicatorsDock")
        compare_dock = next(d for d in self._docks if d.objectName() == "compareDock")
        self.tabifyDockWidget(self.indicators_dock, compare_dock)  # Compare beside Indicators

        tools = QToolBar(self.tr("Tools"), self)
        tools.setObjectName("toolsToolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.save_action, self.undo_action, self.redo_action):
            tools.addAction(action)
        tools.addSeparator()
        tools.addAction(self.zoom_extent_action)
        for action in self.tool_actions.values():
            tools.addAction(action)
        tools.addAction(self.delete_action)
        tools.addAction(self.attributes_action)
        self.addToolBar(tools)
        self._toolbars.append(tools)
        self._build_table_dock()
        self._fit_small_screens()
        # the window's minimum again, now that the tall panels scroll (an earlier activation,
        # while a panel filled with the plan, would keep the window taller than the screen)
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()
        overlay_names = {
            "gap_areas": self.tr("Gap areas"),
            "uncovered_residents": self.tr("Uncovered residents"),
            "shelters_over_capacity": self.tr("Shelters over capacity"),
            "service_areas": self.tr("Service areas"),
            "hazard_zones": self.tr("Hazard zones"),
            "violations": self.tr("Violations"),
        }
        self.overlay_menu.clear()
        for name in self.canvas.overlay_names():
            action = QAction(overlay_names.get(name, name), self)
            action.setCheckable(True)
            action.setChecked(name != "service_areas")
            action.toggled.connect(lambda on, n=name: self.canvas.set_overlay_visible(n, on))
            self.overlay_menu.addAction(action)

    def _fit_small_screens(self) -> None:
        """A window that fits a 1366 × 768 screen: the docks whose panels are tall (the
        indicators, the comparison) scroll instead of holding the window taller than the
        screen."""
        for name in ("indicatorsDock", "compareDock"):
            dock = self.findChild(QDockWidget, name)
            panel = dock.widget() if dock is not None else None
            if dock is None or panel is None or isinstance(panel, QScrollArea):
                continue
            area = _ShortScroll(dock)
            area.setObjectName(f"{name}Scroll")
            area.setWidget(panel)
            dock.setWidget(area)

    @staticmethod
    def _set_elided(label: QLabel, text: str, width: int) -> None:
        """Show ``text`` in ``label`` cut to ``width`` pixels with "…" (all of it as the
        tooltip), so that a long name never widens the status bar past the screen."""
        shown = label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width)
        label.setText(shown)
        label.setToolTip(text if shown != text else "")

    def _build_table_dock(self) -> None:
        """The attribute table (with the search box), tabbed with the violations."""
        from spaceplanner.ui.panels.qt_attribute_table import QtAttributeTable

        self.attribute_table = QtAttributeTable(None, self, lang=self.lang)
        self.attribute_table.zoom_to.connect(self.canvas.zoom_to_feature)
        self.attribute_table.zoom_to_bounds.connect(lambda b: self.canvas.zoom_to_bounds(*b))
        self.layers_panel.current_layer_changed.connect(self.attribute_table.set_layer)
        dock = QDockWidget(self.tr("Attribute table"), self)
        dock.setObjectName("attributeTableDock")
        dock.setWidget(self.attribute_table)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        violations = self.findChild(QDockWidget, "violationsDock")
        if violations is not None:
            self.tabifyDockWidget(violations, dock)
            violations.raise_()
        self._docks.append(dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        self.find_action = self._action(self.tr("&Find feature…"), self.find_feature, "Ctrl+F")
        assert self.view_menu is not None
        self.view_menu.addAction(self.find_action)
        self.snap_action = self._action(
            self.tr("S&napping"),
            lambda on: setattr(self.canvas, "snapping", bool(on)),
            None,
            self.tr("Clicks snap to the vertices and segments of visible features"),
        )
        self.snap_action.setIconText(self.tr("Snap"))
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(self.canvas.snapping)
        tools = self.findChild(QToolBar, "toolsToolbar")
        if tools is not None:
            tools.insertAction(self.delete_action, self.snap_action)
        self.measure_label = QLabel("", self)
        bar = self.statusBar()
        assert bar is not None
        bar.insertPermanentWidget(0, self.measure_label)
        self.canvas.measured.connect(self._show_measure)
        self.tool_actions["reshape"].setStatusTip(
            self.tr("Drag a vertex; double-click a segment to add a vertex, a vertex to remove it")
        )

    def _show_measure(self, length: float, area: float) -> None:
        if math.isnan(length):
            self.measure_label.setText("")
            return
        text = self.tr("Length {0} m").format(f"{length:,.1f}")
        if not math.isnan(area):
            text += " · " + self.tr("area {0} m²").format(f"{area:,.1f}")
        self.measure_label.setText(text)

    def find_feature(self) -> None:
        """Show the attribute table and put the cursor in its search box."""
        dock = self.findChild(QDockWidget, "attributeTableDock")
        if dock is not None and self.session is not None:
            dock.show()
            dock.raise_()
            self.attribute_table.search.setFocus()
            self.attribute_table.search.selectAll()

    # -- the session ------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        """Show ``session`` (or the start page for None)."""
        if self.session is not None:
            self.session.unsubscribe(self._on_session)
        self.session = session
        if session is None:
            self.stack.setCurrentWidget(self.start_page)
            self.start_page.set_recent(recent_plans())
            for dock in self._docks:
                dock.hide()
            for bar in self._toolbars:
                bar.hide()
            if self.runner is not None:
                self.runner.set_session(None)
            self.crs_label.setText("")
            self._update_actions()
            self._update_title()
            return
        self._build_plan_ui()
        self.canvas.set_session(session)
        self.layers_panel.set_session(session)
        self.indicators.set_session(session)
        self.violations.set_session(session)
        self.feature_panel.set_session(session)
        self.compare_panel.clear()  # a reference belongs to the plan it was kept of
        self.compare_panel.set_plan(session.plan)
        self.compare_panel.set_report(session.report)
        self.attribute_table.set_session(session)
        self.runner.set_session(session)
        # after the panels: on a new report the window reads the panels' new rows
        session.subscribe(self._on_session)
        if session.report is not None:
            self._default_indicator()
        self._evaluate_box.fill(session)
        self.stack.setCurrentWidget(self.canvas)
        for dock in self._docks:
            dock.show()
        self.legend_dock.raise_()
        self.indicators_dock.raise_()
        for bar in self._toolbars:
            bar.show()
        self.crs_label.setText(self.tr("CRS {0}").format(crs_label(session.plan.crs)))
        self.canvas.zoom_to_extent()
        self._update_actions()
        self._update_title()

    def _on_session(self, event: str, data: Any) -> None:
        if event == "edited":
            self._drag_base = None  # the drag became an edit: its evaluation follows
        if event == "edited" and self.session is not None:
            self._edit_started = time.perf_counter()
            self.runner.request_live()
        if event == "report":
            self._default_indicator()
            self.compare_panel.set_report(data)
        if event == "layers" and self.session is not None:
            self._evaluate_box.fill(self.session)
        if event == "report" and self._edit_started is not None:
            elapsed = (time.perf_counter() - self._edit_started) * 1000
            self._edit_started = None
            self.live_updated.emit(elapsed)
        self._update_actions()
        self._update_title()

    # -- dragging a site ----------------------------------------------------------------------
    def _drag_moved(self, layer: str, fid: str, dx: float, dy: float) -> None:
        if not self._gc_frozen:
            # While a drag lasts, the collector's full passes skip what existed before it (the
            # plan, its evaluation: millions of objects at a city's scale, a pass of 0.1-1 s
            # that stopped the updates); the objects the drag makes are collected as usual.
            gc.freeze()
            self._gc_frozen = True
        self._drag_asked[(float(dx), float(dy))] = time.perf_counter()
        self.runner.drag_to(layer, fid, dx, dy)

    def _drag_thaw(self) -> None:
        """The drag ended: the collector looks at every object again."""
        if self._gc_frozen:
            gc.unfreeze()
            self._gc_frozen = False

    def _drag_frame(self, frame: Any) -> None:
        """Show the figures and gaps of the dragged site's latest position computed."""
        session = self.session
        if session is None:
            return
        if self._drag_base is None:
            self._drag_base = session.report
        session.set_report(frame.report)
        self.canvas.show_drag_gaps(frame.xy, frame.uncovered.get(self.canvas.indicator()))
        asked = self._drag_asked.pop(frame.offset, None)
        # positions skipped by the coalescing are forgotten with it
        self._drag_asked = {k: t for k, t in self._drag_asked.items() if asked is None or t > asked}
        if asked is not None:
            self.drag_updated.emit((time.perf_counter() - asked) * 1000)

    def _drag_ended(self) -> None:
        self._drag_thaw()
        self.runner.drag_end()
        self._drag_asked.clear()
        # a release that moved the site is an edit (its evaluation replaces the drag's figures);
        # otherwise the figures from before the drag come back
        QTimer.singleShot(0, self._restore_after_drag)

    def _restore_after_drag(self) -> None:
        base, self._drag_base = self._drag_base, None
        if base is not None and self.session is not None:
            self.session.set_report(base)
        if self.canvas is not None and base is not None:
            self.canvas.show_drag_gaps(None, None)

    def show_gaps_of(self, key: str | None) -> None:
        """Show one indicator's gaps on the map (``shelter``, ``space_5min``, a kind)."""
        if self.canvas is None:
            return
        self._shown_for = self.session
        self.canvas.set_indicator(key)
        names: dict[str, str] = {}
        for row in self.indicators.rows:
            names.setdefault(row["key"], row["indicator"])
        self._set_elided(
            self.gaps_label,
            self.tr("Gaps shown: {0}").format(names.get(key, key)) if key else "",
            480,
        )

    def _default_indicator(self) -> None:
        """Keep the indicator chosen for this plan; else show the first one that misses its
        target (of this plan: another plan opened in the window starts from its own)."""
        rows = self.indicators.rows if self.indicators is not None else []
        keys = [r["key"] for r in rows]
        if not keys:
            self.show_gaps_of(None)
            return
        if self._shown_for is self.session and self.canvas.indicator() in keys:
            self.show_gaps_of(self.canvas.indicator())
            return
        failing = [r["key"] for r in rows if r["status"] == "fail"]
        self.show_gaps_of((failing or keys)[0])

    def _update_actions(self) -> None:
        session = self.session
        has = session is not None
        for action in (
            self.save_action,
            self.save_as_action,
            self.export_action,
            self.close_plan_action,
            self.suggest_action,
            self.evaluate_action,
            self.zoom_extent_action,
            *self.tool_actions.values(),
        ):
            action.setEnabled(has)
        self.undo_action.setEnabled(has and session.stack.can_undo)  # type: ignore[union-attr]
        self.redo_action.setEnabled(has and session.stack.can_redo)  # type: ignore[union-attr]
        undo = session.stack.undo_label if session else None
        redo = session.stack.redo_label if session else None
        # the labels of the plan's edits are catalogue messages: said in the window's language
        undo_text = self.tr("&Undo {0}").format(say(undo, self.lang)) if undo else self.tr("&Undo")
        redo_text = self.tr("&Redo {0}").format(say(redo, self.lang)) if redo else self.tr("&Redo")
        self.undo_action.setText(undo_text)
        self.redo_action.setText(redo_text)
        selected = has and session.selection is not None  # type: ignore[union-attr]
        self.attributes_action.setEnabled(selected)
        self.delete_action.setEnabled(selected)
        self.cancel_action.setEnabled(self.runner is not None and self.runner.busy)

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(self.tr("SpacePlanner"))
            return
        where = self.session.path.name if self.session.path else self.tr("not saved")
        mark = "*" if self.session.dirty else ""
        self.setWindowTitle(f"{mark}{self.session.plan.name} — {where} — SpacePlanner")

    # -- opening ----------------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        remember_plan(path)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = recent_plans()
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _error(self, message: str, title: str | None = None) -> None:
        QMessageBox.critical(self, title or self.tr("SpacePlanner"), message)

    # -- plan files (see QtPlanFiles) -------------------------------------------------------
    def open_dialog(self) -> None:
        """Ask for a plan file and open it."""
        self.files.open_dialog()

    def open_sample(self, name: str) -> bool:
        """Open a sample map by name."""
        return self.files.open_sample(name)

    def open_path(self, path: Path, *, remember: bool = True) -> bool:
        """Open a plan spec or plan file (after asking about unsaved edits); True when open."""
        return self.files.open_path(path, remember=remember)

    def new_plan(self) -> None:
        """Start an empty plan and add its first layer from a file."""
        self.files.new_plan()

    def new_osm_plan(self) -> None:
        """Build a plan file from an OpenStreetMap extract, then open it."""
        from spaceplanner.ui.dialogs.qt_new_osm_dialog import QtNewOsmDialog

        session = self.session
        dialog = QtNewOsmDialog(
            self,
            canvas=self.canvas if session is not None else None,
            crs=session.plan.crs if session is not None else None,
            open_plan=session.path if session is not None else None,
            lang=self.lang,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda path: self.open_path(Path(path)))
        dialog.open()

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved edits; False when the user cancels."""
        return self.files.maybe_save()

    def save(self) -> bool:
        """Save to the plan file (save-as when the plan has none); True when saved."""
        return self.files.save()

    def save_as(self) -> bool:
        """Ask for a .gpkg file and save the plan there."""
        return self.files.save_as()

    def autosave(self) -> Path | None:
        """Write an autosave of a plan with unsaved edits (for recovery after a crash)."""
        return self.files.autosave()

    def offer_recovery(self) -> bool:
        """Offer the autosaves left by a session that crashed; True when one was opened."""
        return self.files.offer_recovery()

    def _close_session(self) -> None:
        if self.session is not None:
            if self.runner is not None:
                self.runner.cancel()
                self.runner.wait(10000)
            self.recovery.discard(self.session)
        self.set_session(None)

    def close_plan(self) -> None:
        """Close the plan (asking about unsaved edits) and show the start page."""
        if self.maybe_save():
            self._close_session()

    def _autosave_tick(self) -> None:
        self.autosave()

    def closeEvent(self, event: QCloseEvent | None) -> None:  # noqa: N802 (Qt's name)
        """Ask about unsaved edits, stop the worker, remove the autosave."""
        assert event is not None
        if not self._closing_ok and not self.maybe_save():
            event.ignore()
            return
        self._drag_thaw()
        if self.runner is not None:
            self.runner.shutdown(5000)  # the worker thread is a daemon: never wait forever
        if self.session is not None:
            self.recovery.discard(self.session)
        event.accept()

    # -- editing ----------------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        """Choose a canvas tool by name."""
        if self.canvas is not None:
            self.canvas.set_tool(name)
        self.tool_actions[name].setChecked(True)

    def _tool_changed(self, name: str) -> None:
        if name in self.tool_actions:
            self.tool_actions[name].setChecked(True)

    def _current_layer_changed(self, name: str | None) -> None:
        if self.canvas is not None:
            self.canvas.set_edit_layer(name or None)
        self._set_elided(
            self.edit_layer_label,
            self.tr("Editing: {0}").format(name) if name else self.tr("No layer chosen to edit"),
            240,
        )

    def undo(self) -> None:
        """Undo the last edit."""
        if self.session is not None:
            self.session.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        if self.session is not None:
            self.session.redo()

    def delete_selected(self) -> None:
        """Delete the selected feature."""
        from spaceplanner.model.commands import Command, DeleteFeature, DeleteFeatures

        if self.session is None or self.session.selection is None:
            return
        layer, fid = self.session.selection
        ids = list(self.session.selected_ids)
        command: Command = (
            DeleteFeatures(layer, ids, label=self.tr("Delete {0} features").format(len(ids)))
            if len(ids) > 1
            else DeleteFeature(layer, fid, label=self.tr("Delete {0}").format(fid))
        )
        try:
            self.session.push(command)
        except SpacePlannerError as exc:
            self._edit_failed(exc.describe())

    def edit_attributes(self, *_: Any) -> None:
        """Open the attribute form of the selected feature."""
        from spaceplanner.ui.dialogs.qt_attributes_dialog import QtAttributesDialog

        if self.session is None or self.session.selection is None:
            return
        layer, fid = self.session.selection
        try:
            dialog = QtAttributesDialog(self.session, layer, fid, self, lang=self.lang)
        except SpacePlannerError as exc:
            self._edit_failed(exc.describe())
            return
        dialog.exec_()

    def _feature_added(self, layer: str, fid: str) -> None:
        assert self.session is not None
        self.session.select((layer, fid))
        self.edit_attributes()

    def _edit_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("The edit was not made"), message)

    # -- evaluation -------------------------------------------------------------------------
    def evaluate(self) -> None:
        """Run a full evaluation (with gap areas) in the worker thread."""
        if self.session is not None and self.runner is not None:
            self.runner.request_full()

    def cancel_evaluation(self) -> None:
        """Cancel the running evaluation."""
        if self.runner is not None and self.runner.busy:
            self.runner.cancel()

    def _scenario_changed(self) -> None:
        if self.session is not None:
            self.session.set_scenario(str(self.scenario_combo.currentData()))
            self.evaluate()

    def _period_changed(self) -> None:
        if self.session is not None:
            self.session.period = str(self.period_combo.currentData())
            self.evaluate()

    def _evaluation_started(self, full: bool) -> None:
        self._running_full = full
        if full:
            self.progress.setValue(0)
            self.progress.setVisible(True)
            self.cancel_button.setVisible(True)
        self.cancel_action.setEnabled(True)

    def _evaluation_progress(self, fraction: float, code: str, detail: str) -> None:
        self.progress.setValue(round(100 * fraction))
        self.progress.setFormat(f"{step_text(code, detail)} %p%")

    def _evaluation_done(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.cancel_action.setEnabled(False)

    def _evaluation_finished(self, report: Any, full: bool) -> None:
        self._evaluation_done()
        if not self.runner.dragging:
            self.canvas.show_drag_gaps(None, None)
        bar = self.statusBar()
        assert bar is not None
        if full:
            self.say(QT_TRANSLATE_NOOP("QtMainWindow", "Evaluated"), timeout=4000)

    def _evaluation_failed(self, message: str) -> None:
        self._evaluation_done()
        if getattr(self, "_running_full", True):
            self._error(message, self.tr("The evaluation failed"))
            return
        # a live run after an edit: say it without a dialog after every edit
        self.say(
            QT_TRANSLATE_NOOP("QtMainWindow", "The figures could not be updated: {0}"),
            message,
            timeout=15000,
        )

    def _evaluation_cancelled(self) -> None:
        self._evaluation_done()
        self.say(QT_TRANSLATE_NOOP("QtMainWindow", "Evaluation cancelled"), timeout=4000)

    def say(self, source: str, *values: Any, timeout: int = 0) -> None:
        """Show a status message: ``source`` is its English text (marked with
        ``QT_TRANSLATE_NOOP("QtMainWindow", ...)``), shown translated with ``values`` filled
        in, for ``timeout`` ms (0: until the next). Kept, so that a window rebuilt in another
        language says it again in that language (:meth:`view_state`)."""
        bar = self.statusBar()
        assert bar is not None
        text = QCoreApplication.translate("QtMainWindow", source).format(*values)
        ends = time.monotonic() + timeout / 1000 if timeout else None
        self._said = (source, values, ends)
        self._said_text = text
        bar.showMessage(text, timeout)

    # -- the rest ---------------------------------------------------------------------------
    def export_dialog(self) -> None:
        """Open the export dialog."""
        from spaceplanner.ui.dialogs.qt_export_dialog import QtExportDialog

        if self.session is not None:
            shown = self.canvas.indicator() if self.canvas is not None else None
            QtExportDialog(self.session, self, lang=self.lang, indicator=shown).exec_()

    def suggest_dialog(self) -> None:
        """Open the Suggest sites dialog; its answer is drawn on the map."""
        from spaceplanner.ui.dialogs.qt_suggest_dialog import QtSuggestDialog

        if self.session is None:
            return
        dialog = QtSuggestDialog(self.session, self, lang=self.lang)
        dialog.suggested.connect(self._show_suggestions)
        dialog.setModal(False)
        dialog.show()
        self._suggest_dialog = dialog

    def _show_suggestions(self, geometries: object) -> None:
        if self.canvas is not None:
            self.canvas.show_suggestions(geometries)

    def zoom_to_extent(self) -> None:
        """Show the whole plan."""
        if self.canvas is not None:
            self.canvas.zoom_to_extent()

    def _show_coords(self, x: float, y: float) -> None:
        self.coords_label.setText(f"{x:,.1f}, {y:,.1f} m")

    def _show_scale(self, denominator: float) -> None:
        self.scale_label.setText(f"1:{denominator:,.0f}")

    def choose_language(self, code: str) -> None:
        """Remember the language and ask the app to rebuild the window in it."""
        store = settings()
        store.setValue("language", code)
        store.sync()
        self.language_requested.emit(i18n.resolve(code))

    def show_guide(self) -> None:
        """Help → Guide, for the open plan's rule profile (the default one without a plan)."""
        from spaceplanner.model.rules import load_profile
        from spaceplanner.ui.dialogs.qt_guide_dialog import QtGuideDialog

        rules = self.session.plan.rules if self.session is not None else None
        try:
            profile = load_profile(rules or "cn-gb")
        except Exception:  # a profile that cannot be read: the guide of the default one
            profile = load_profile("cn-gb")
        self.guide = QtGuideDialog(profile, self, lang=self.lang)
        self.guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.guide.show()

    def about(self) -> None:
        """Show the About box with the data attributions."""
        QMessageBox.about(
            self,
            self.tr("About SpacePlanner"),
            self.tr(
                "SpacePlanner {0}\n\nPlan resilient public space in urban communities.\n\n"
                "Sample maps: © OpenStreetMap contributors (ODbL); population grids and "
                "terrain as credited in each sample's README."
            ).format(__version__),
        )

    def view_state(self) -> dict[str, Any]:
        """What a window rebuilt in another language takes over besides the session: the map's
        extent, the indicator shown, the status message, the edit layer, the tool, snapping
        and the result overlays shown, the Compare panel's reference (see
        :meth:`restore_view_state`)."""
        state: dict[str, Any] = {}
        bar = self.statusBar()
        message = bar.currentMessage() if bar is not None else ""
        if message:
            said = self._said if self._said_text == message else None
            left = None
            if said is not None and said[2] is not None:
                left = max(int((said[2] - time.monotonic()) * 1000), 1)
            state["status"] = (said[0], said[1], left) if said else (None, (message,), 10000)
        if self.canvas is None or self.session is None:
            return state
        state.update(
            extent=self.canvas.visible_extent(),
            indicator=self.canvas.indicator(),
            tool=self.canvas.tool(),
            edit_layer=self.layers_panel.current_layer(),
            snapping=bool(self.canvas.snapping),
            overlays={n: self.canvas.overlay_visible(n) for n in self.canvas.overlay_names()},
            compare=self.compare_panel.kept_state(),
        )
        return state

    def restore_view_state(self, state: dict[str, Any]) -> None:
        """Take over :meth:`view_state` of the window this one replaces (call once shown)."""
        app = QApplication.instance()
        if app is not None:
            app.processEvents()  # the window's layout first: the map's size is final
        if self.canvas is not None and self.session is not None and "extent" in state:
            for action, name in zip(
                self.overlay_menu.actions(), self.canvas.overlay_names(), strict=False
            ):
                action.setChecked(bool(state["overlays"].get(name, action.isChecked())))
            if self.snap_action.isChecked() != bool(state["snapping"]):
                self.snap_action.trigger()  # checks it and tells the map
            if state["edit_layer"] in self.session.plan.layers:
                self.layers_panel.set_current_layer(state["edit_layer"])
            if state["tool"] in self.tool_actions:
                self.set_tool(state["tool"])
            keys = [r["key"] for r in self.indicators.rows]
            if state["indicator"] in keys or (state["indicator"] is None and keys):
                self.show_gaps_of(state["indicator"])
            self._show_extent(state["extent"])
            if "compare" in state:
                self.compare_panel.restore_kept(state["compare"])
        status = state.get("status")
        if status is not None:
            source, values, left = status
            if source is not None:
                self.say(source, *values, timeout=left or 0)
            else:
                bar = self.statusBar()
                assert bar is not None
                bar.showMessage(str(values[0]), left or 0)

    def _show_extent(self, extent: tuple[float, float, float, float]) -> None:
        """Show map bounds as they were shown (same centre, the same metres per pixel when
        the map is as large as it was; else all of them)."""
        canvas = self.canvas
        minx, miny, maxx, maxy = extent
        canvas.zoom_to_bounds(minx, miny, maxx, maxy)
        shown = canvas.visible_extent()
        ratios = [
            (shown[2] - shown[0]) / (maxx - minx) if maxx > minx else 1.0,
            (shown[3] - shown[1]) / (maxy - miny) if maxy > miny else 1.0,
        ]
        factor = min(ratios)
        if factor > 0 and abs(factor - 1.0) > 1e-9:
            canvas.zoom_by(factor)
        centre = canvas.map_to_view((minx + maxx) / 2, (miny + maxy) / 2)
        view = canvas.viewport().rect()
        canvas.pan_by(centre.x() - view.width() / 2, centre.y() - view.height() / 2)

    def detach_session(self) -> Session | None:
        """Hand the session to a new window (language switch) without closing it."""
        session = self.session
        if session is not None:
            session.unsubscribe(self._on_session)
            for widget in (
                self.canvas,
                self.layers_panel,
                self.indicators,
                self.violations,
                self.feature_panel,
                self.attribute_table,
            ):
                widget.set_session(None)
            if self.runner is not None:
                self.runner.shutdown(5000)
        self.session = None
        self._closing_ok = True
        return session
