"""New plan from OpenStreetMap: an extract, an area and a population source become a plan file.

The build is :func:`spaceplanner.sources.osm.build_osm_plan`, run off the GUI thread by a
:class:`~spaceplanner.ui.qt_worker.QtBackgroundTask` with progress and Cancel (a cancelled build
writes nothing). **Preview** builds the plan and lists its layers with their feature counts and
what the build noted (islands of the walking network, how residents were estimated); **Create**
saves the previewed build when the inputs have not changed since (else it builds first) and
emits :attr:`QtNewOsmDialog.created` with the new plan file for the window to open. Every failure
is one message in the dialog: the error's text, where, and what to do.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from pyproj import CRS, Transformer
from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.feedback import Feedback
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.plan_file import save_plan
from spaceplanner.sources.osm import OsmPlan, build_osm_plan, parse_bbox
from spaceplanner.ui.model.labels import role_label
from spaceplanner.ui.qt_steps import step_text
from spaceplanner.ui.qt_worker import QtBackgroundTask

__all__ = ["OsmInputs", "QtNewOsmDialog"]

_EXTRACTS = "*.osm.pbf *.pbf *.osm *.osm.bz2 *.osm.gz *.o5m"
_VECTORS = "*.gpkg *.shp *.geojson *.json *.kml"
_POPULATION = "*.gpkg *.shp *.geojson *.json *.csv *.tif *.tiff"
#: Share of a build's progress bar before the plan file is written (Create).
_BUILD_SHARE = 0.9


def _stamp(path: Path | None) -> tuple[str, float, int] | None:
    """A file as a build read it: its path, modification time and size (a file replaced on
    disk since the preview makes the preview stale)."""
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return (str(path), 0.0, -1)
    return (str(path.resolve()), stat.st_mtime, stat.st_size)


@dataclass(frozen=True)
class OsmInputs:
    """What a build reads: equal inputs give the same plan."""

    extract: Path
    bbox: tuple[float, float, float, float] | None
    boundary: Path | None
    population: Path | None
    #: A boundary drawn on the map: its corners in degrees (WGS 84), instead of a box or file.
    drawn: tuple[tuple[float, float], ...] | None = None

    def key(self) -> tuple[Any, ...]:
        """The inputs with the files' stamps."""
        return (
            _stamp(self.extract),
            self.bbox,
            _stamp(self.boundary),
            _stamp(self.population),
            self.drawn,
        )

    def build(self, feedback: Feedback, workdir: Path) -> OsmPlan:
        """Build the plan (in the worker thread)."""
        boundary = self.boundary
        if self.drawn is not None:
            # the drawn polygon is a boundary file like any other (it becomes the plan's
            # boundary layer)
            boundary = workdir / "drawn_boundary.geojson"
            gpd.GeoDataFrame(
                {"name": ["drawn boundary"]},
                geometry=[shapely.Polygon(self.drawn)],
                crs="EPSG:4326",
            ).to_file(boundary, driver="GeoJSON")
        return build_osm_plan(
            self.extract,
            bbox=self.bbox,
            boundary=boundary,
            population=self.population,
            workdir=workdir,
            feedback=feedback,
        )


class _InputError(Exception):
    """Input the dialog refuses before any build; its text is shown as it is."""


class QtNewOsmDialog(QDialog):
    """Make a plan file from an OpenStreetMap extract, see the layers first, open the plan.

    Parameters
    ----------
    parent
        The main window.
    canvas
        The map canvas of the open plan (its view fills the box), or None.
    crs
        The open plan's CRS (the canvas's coordinates), or None.
    open_plan
        The file of the open plan: refused as the new plan's file (it would replace the plan
        being edited).
    lang
        ``"en"`` or ``"zh"``: the language of the role names.

    Signals
    -------
    created(object)
        The new plan file (a :class:`~pathlib.Path`), written whole; the window opens it.
    """

    created = pyqtSignal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        canvas: Any = None,
        crs: CRS | None = None,
        open_plan: Path | None = None,
        lang: str = "en",
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.crs = crs
        self.open_plan = open_plan
        self.lang = lang
        #: The last build and the inputs' key it was made from.
        self.built: OsmPlan | None = None
        self._built_key: tuple[Any, ...] | None = None
        #: The plan file being written by the running task, if any.
        self._target: Path | None = None
        # cropped population rasters live here until the plan is saved
        self._workroot: Path | None = None
        self.task = QtBackgroundTask(self)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.setWindowTitle(self.tr("New plan from OpenStreetMap"))
        self._build()
        self.resize(760, 680)

    # -- building -------------------------------------------------------------------------------
    def _file_row(self, edit: QLineEdit, browse: Any) -> QWidget:
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), row)
        button.clicked.connect(browse)
        box.addWidget(button)
        self._browse_buttons.append(button)
        return row

    def _build(self) -> None:
        self._browse_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.extract_edit = QLineEdit(self)
        self.extract_edit.setPlaceholderText(self.tr(".osm.pbf or .osm file"))
        form.addRow(
            self.tr("OpenStreetMap extract"), self._file_row(self.extract_edit, self.browse_extract)
        )
        self.bbox_radio = QRadioButton(self.tr("Box W,S,E,N (degrees)"), self)
        self.boundary_radio = QRadioButton(self.tr("Boundary file"), self)
        group = QButtonGroup(self)
        group.addButton(self.bbox_radio)
        group.addButton(self.boundary_radio)
        self.drawn_radio = QRadioButton(self.tr("Drawn on the map"), self)
        group.addButton(self.drawn_radio)
        self.bbox_radio.setChecked(True)
        #: The corners of the boundary drawn on the map (degrees), or None.
        self.drawn: list[tuple[float, float]] | None = None
        self.bbox_edit = QLineEdit(self)
        self.bbox_edit.setPlaceholderText("24.935,60.164,24.953,60.179")
        self.view_button = QPushButton(self.tr("Use the map's view"), self)
        self.view_button.clicked.connect(self.use_map_view)
        if self.canvas is None or self.crs is None:
            self.view_button.setEnabled(False)
            self.view_button.setToolTip(self.tr("Open a plan to take the box from its map"))
        bbox_row = QWidget(self)
        box = QHBoxLayout(bbox_row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.bbox_edit, 1)
        box.addWidget(self.view_button)
        form.addRow(self.bbox_radio, bbox_row)
        self.boundary_edit = QLineEdit(self)
        self.boundary_edit.setPlaceholderText(self.tr("polygons in any CRS"))
        form.addRow(self.boundary_radio, self._file_row(self.boundary_edit, self.browse_boundary))
        drawn_row = QWidget(self)
        box = QHBoxLayout(drawn_row)
        box.setContentsMargins(0, 0, 0, 0)
        self.drawn_label = QLabel(self.tr("none drawn yet"), drawn_row)
        box.addWidget(self.drawn_label, 1)
        self.draw_button = QPushButton(self.tr("Draw…"), drawn_row)
        self.draw_button.setToolTip(
            self.tr("Draw the boundary on the extract's streets (choose the extract first)")
        )
        self.draw_button.clicked.connect(self.draw_boundary)
        box.addWidget(self.draw_button)
        form.addRow(self.drawn_radio, drawn_row)
        self.bbox_edit.textEdited.connect(lambda _: self.bbox_radio.setChecked(True))
        self.boundary_edit.textEdited.connect(lambda _: self.boundary_radio.setChecked(True))
        self.population_edit = QLineEdit(self)
        self.population_edit.setPlaceholderText(self.tr("optional: estimated from the buildings"))
        self.population_edit.setToolTip(
            self.tr(
                "A population grid (polygons or points with a population field) or raster "
                "(GeoTIFF), in any CRS. Without it, residents are estimated from the buildings."
            )
        )
        form.addRow(
            self.tr("Population"), self._file_row(self.population_edit, self.browse_population)
        )
        self.target_edit = QLineEdit(self)
        self.target_edit.setPlaceholderText(self.tr("the .gpkg file to create"))
        form.addRow(self.tr("Plan file"), self._file_row(self.target_edit, self.browse_target))
        layout.addLayout(form)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Role"), self.tr("Features")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        rows = self.table.verticalHeader()
        assert rows is not None
        rows.setVisible(False)
        # compact rows: a plan's layers fit without scrolling at a laptop's height
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        head = self.table.horizontalHeader()
        assert head is not None
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 3)
        self.notes_label = QLabel(self.tr("Notes and warnings of the build"), self)
        layout.addWidget(self.notes_label)
        self.notes = QListWidget(self)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes, 2)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color: #b91c1c")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.clicked.connect(self._preview_clicked)
        self.create_button = QPushButton(self.tr("Create"), self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.task.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._inputs_widgets = [
            self.extract_edit,
            self.bbox_radio,
            self.boundary_radio,
            self.drawn_radio,
            self.draw_button,
            self.bbox_edit,
            self.boundary_edit,
            self.population_edit,
            self.target_edit,
            self.view_button,
            self.preview_button,
            self.create_button,
            *self._browse_buttons,
        ]

    # -- choosing the inputs ----------------------------------------------------------------------
    def _start_folder(self) -> str:
        text = self.extract_edit.text().strip()
        return str(Path(text).parent) if text else ""

    def _open_file(self, edit: QLineEdit, title: str, kinds: str, pattern: str) -> None:
        start = edit.text().strip() or self._start_folder()
        name, _ = QFileDialog.getOpenFileName(
            self, title, start, f"{kinds} ({pattern});;" + self.tr("All files") + " (*)"
        )
        if name:
            edit.setText(name)

    def browse_extract(self) -> None:
        """Ask for the extract."""
        self._open_file(
            self.extract_edit,
            self.tr("Choose an OpenStreetMap extract"),
            self.tr("OpenStreetMap extracts"),
            _EXTRACTS,
        )

    def browse_boundary(self) -> None:
        """Ask for the boundary file."""
        self._open_file(
            self.boundary_edit, self.tr("Choose the boundary"), self.tr("GIS files"), _VECTORS
        )
        if self.boundary_edit.text().strip():
            self.boundary_radio.setChecked(True)

    def browse_population(self) -> None:
        """Ask for the population grid or raster."""
        self._open_file(
            self.population_edit,
            self.tr("Choose a population grid or raster"),
            self.tr("Population grids and rasters"),
            _POPULATION,
        )

    def browse_target(self) -> None:
        """Ask for the plan file to create (the question of replacing one comes at Create)."""
        start = self.target_edit.text().strip() or self._start_folder()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New plan file"),
            start,
            self.tr("Plan file") + " (*.gpkg)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            path = Path(name)
            self.target_edit.setText(str(path if path.suffix else path.with_suffix(".gpkg")))

    def use_map_view(self) -> None:
        """Fill the box with the map's view, in degrees (WGS 84)."""
        if self.canvas is None or self.crs is None:
            return
        to_wgs84 = Transformer.from_crs(self.crs, "EPSG:4326", always_xy=True)
        x0, y0, x1, y1 = self.canvas.visible_extent()
        west, south, east, north = to_wgs84.transform_bounds(x0, y0, x1, y1, densify_pts=21)
        self.bbox_edit.setText(f"{west:.6f},{south:.6f},{east:.6f},{north:.6f}")
        self.bbox_edit.setCursorPosition(0)
        self.bbox_radio.setChecked(True)

    def draw_boundary(self) -> None:
        """Draw the boundary on the extract's streets (a dialog over this one)."""
        from spaceplanner.ui.dialogs.qt_draw_boundary import QtDrawBoundaryDialog

        extract = self.extract_edit.text().strip()
        if not extract:
            self.show_message(self.tr("Choose the OpenStreetMap extract first: it is drawn on."))
            return
        box = None
        with contextlib.suppress(SpacePlannerError):  # no box typed: frame the extract
            box = parse_bbox(self.bbox_edit.text().strip())
        self.show_message("")
        dialog = QtDrawBoundaryDialog(Path(extract), self, box=box, polygon=self.drawn)
        self.draw_dialog = dialog
        dialog.accepted.connect(lambda: self.set_drawn(dialog.polygon))
        dialog.open()

    def set_drawn(self, polygon: list[tuple[float, float]] | None) -> None:
        """Take ``polygon`` (corners in degrees) as the plan's area."""
        from spaceplanner.ui.dialogs.qt_draw_boundary import polygon_area_km2

        self.drawn = list(polygon) if polygon else None
        if self.drawn:
            self.drawn_label.setText(
                self.tr("{0} corners, {1:.2f} km²").format(
                    len(self.drawn), polygon_area_km2(self.drawn)
                )
            )
            self.drawn_radio.setChecked(True)
        else:
            self.drawn_label.setText(self.tr("none drawn yet"))

    def inputs(self) -> OsmInputs:
        """The inputs as typed.

        Raises
        ------
        _InputError
            When one is missing or not understood (the text says which and what to do).
        """
        extract = self.extract_edit.text().strip()
        if not extract:
            raise _InputError(self.tr("Choose the OpenStreetMap extract (.osm.pbf or .osm)."))
        bbox = boundary = None
        if self.bbox_radio.isChecked():
            text = self.bbox_edit.text().strip()
            if not text:
                raise _InputError(
                    self.tr("Give the area as a box W,S,E,N in degrees, or choose a boundary file.")
                )
            try:
                bbox = parse_bbox(text)
            except SpacePlannerError:
                raise _InputError(
                    self.tr(
                        "The box '{0}' is not four numbers W,S,E,N in degrees (WGS 84) with "
                        "west < east and south < north — e.g. 24.935,60.164,24.953,60.179."
                    ).format(text)
                ) from None
        elif self.drawn_radio.isChecked():
            if not self.drawn:
                raise _InputError(
                    self.tr("Draw the boundary on the map (Draw…), or give the area as a box.")
                )
        else:
            text = self.boundary_edit.text().strip()
            if not text:
                raise _InputError(self.tr("Choose the boundary file, or give the area as a box."))
            boundary = Path(text)
        population = self.population_edit.text().strip()
        drawn = tuple(self.drawn) if self.drawn_radio.isChecked() and self.drawn else None
        return OsmInputs(
            Path(extract), bbox, boundary, Path(population) if population else None, drawn
        )

    def target(self, inputs: OsmInputs) -> Path:
        """The plan file to create, checked (not yet whether it exists).

        Raises
        ------
        _InputError
            When it is missing, not a .gpkg, in no folder, or an input or the open plan.
        """
        text = self.target_edit.text().strip()
        if not text:
            raise _InputError(self.tr("Choose the plan file to create (.gpkg)."))
        path = Path(text)
        if path.suffix.lower() != ".gpkg":
            raise _InputError(self.tr("The plan file must end in .gpkg: {0}").format(path))
        if path.is_dir():
            raise _InputError(self.tr("The plan file is a folder: {0}").format(path))
        if not (path.parent if str(path.parent) else Path(".")).is_dir():
            raise _InputError(
                self.tr("The folder of the plan file does not exist: {0}").format(path.parent)
            )
        taken = [inputs.extract, inputs.boundary, inputs.population]
        if path.exists() and any(
            p is not None and p.exists() and p.resolve() == path.resolve() for p in taken
        ):
            raise _InputError(
                self.tr("The plan file would replace an input: {0}. Choose another name.").format(
                    path
                )
            )
        if (
            self.open_plan is not None
            and path.exists()
            and path.resolve() == self.open_plan.resolve()
        ):
            raise _InputError(
                self.tr(
                    "{0} is the plan open in the window. Choose another name for the new plan."
                ).format(path)
            )
        return path

    # -- running ----------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while a build (or the saving of one) runs."""
        return self.task.busy

    def preview(self) -> bool:
        """Build the plan in the background and list it (False when refused or busy)."""
        try:
            inputs = self.inputs()
        except _InputError as refused:
            self.show_message(str(refused))
            return False
        return self._start(inputs, None)

    def create_plan(self) -> bool:
        """Save the plan file (building it first unless the preview is of these inputs) and
        open it; an existing file is replaced only when the user says so. False when refused,
        declined or busy."""
        try:
            inputs = self.inputs()
            target = self.target(inputs)
        except _InputError as refused:
            self.show_message(str(refused))
            return False
        if target.exists():
            answer = QMessageBox.question(
                self,
                self.tr("Replace the plan file?"),
                self.tr("{0} exists. Replace it with the new plan?").format(target.name),
                QMessageBox.Yes | QMessageBox.No,
                QMessageBox.No,
            )
            if answer != QMessageBox.Yes:
                return False
        return self._start(inputs, target)

    def _preview_clicked(self) -> None:
        self.preview()

    def _create_clicked(self) -> None:
        self.create_plan()

    def _start(self, inputs: OsmInputs, target: Path | None) -> bool:
        if self.task.busy:
            return False
        key = inputs.key()
        reused = self.built if self.built is not None and key == self._built_key else None
        if self._workroot is None:
            self._workroot = Path(tempfile.mkdtemp(prefix="spaceplanner-osm-"))
            # removed on closing (done); and, should the dialog never be closed (the window
            # quits, a test drops it), when it is collected or the program exits
            weakref.finalize(self, shutil.rmtree, self._workroot, ignore_errors=True)
        workroot = self._workroot

        def run(feedback: Feedback) -> tuple[tuple[Any, ...], OsmPlan]:
            if reused is not None:
                built = reused
            else:
                share = 1.0 if target is None else _BUILD_SHARE
                workdir = Path(tempfile.mkdtemp(dir=workroot))
                built = inputs.build(feedback.part(0.0, share), workdir)
            if target is not None:
                feedback.step("writing", _BUILD_SHARE)
                save_plan(built.plan, target)
                feedback.step("done", 1.0, check=False)
            return key, built

        self._target = target
        self.show_message("")
        self._set_busy(True)
        if reused is None:
            self.summary.setText(self.tr("Building the plan…"))
            self.table.setRowCount(0)
            self.notes.clear()
        if not self.task.start(run):
            self._set_busy(False)
            return False
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in self._inputs_widgets:
            widget.setEnabled(not busy)
        if not busy:
            self.view_button.setEnabled(self.canvas is not None and self.crs is not None)
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setVisible(not busy)

    def show_message(self, text: str) -> None:
        """Show ``text`` as the dialog's one message (empty: none)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_progress(self, fraction: float, code: str, detail: str) -> None:
        self.progress.setValue(round(1000 * max(0.0, min(1.0, fraction))))
        self.progress.setFormat(f"{step_text(code, detail)} %p%")
        if code == "writing":
            # the file is being written whole or not at all: a cancel cannot stop it any more
            self.cancel_button.setEnabled(False)

    def _on_finished(self, result: object) -> None:
        assert isinstance(result, tuple)
        key, built = result
        assert isinstance(built, OsmPlan)
        self.built, self._built_key = built, key
        self._set_busy(False)
        self._show(built)
        target, self._target = self._target, None
        if target is not None:
            self.accept()
            self.created.emit(target)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._target = None
        self.summary.setText("")
        self.show_message(self.dialog_words(message))

    def _on_cancelled(self) -> None:
        self._set_busy(False)
        target, self._target = self._target, None
        text = self.tr("Cancelled: nothing was written.") if target else self.tr("Cancelled.")
        self.summary.setText(text)

    def _show(self, built: OsmPlan) -> None:
        plan = built.plan
        residents = plan.by_role("residents")
        if residents and residents[0].is_raster:
            who = self.tr("residents from the population raster")
        elif residents and "population_estimate" in residents[0].options:
            who = self.tr("{0} residents, estimated from the buildings").format(
                f"{plan.population():,.0f}"
            )
        else:
            who = self.tr("{0} residents").format(f"{plan.population():,.0f}")
        self.summary.setText(
            self.tr("{name}: {count} layers in {crs}; {who}.").format(
                name=plan.name,
                count=len(plan.layers),
                crs=crs_label(plan.crs) if plan.crs is not None else "?",
                who=who,
            )
        )
        counts = built.counts()
        self.table.setRowCount(len(counts))
        for row, (name, count) in enumerate(counts.items()):
            layer = plan.layers[name]
            cells = [
                name,
                role_label(layer.role, self.lang),
                self.tr("raster") if layer.is_raster else f"{count:,}",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(
                        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    )
                self.table.setItem(row, col, item)
        self.notes.clear()
        severity = {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "note": self.tr("Note"),
        }
        for problem in built.problems:
            self.notes.addItem(
                f"{severity.get(problem.severity, problem.severity)}: "
                + self.dialog_words(problem.describe())
            )
        if not built.problems:
            self.notes.addItem(self.tr("None."))

    def dialog_words(self, text: str) -> str:
        """``text`` of the build (written for the command line) with its option names replaced
        by the names of this dialog's inputs."""
        words = {
            "--bbox / --boundary": self.tr("box or boundary"),
            "--population-field": self.tr("the population field"),
            "--population": self.tr("a population file"),
            "--osm": self.tr("OpenStreetMap extract"),
            "--bbox": self.tr("box"),
            "--boundary": self.tr("boundary"),
        }
        for option, word in words.items():  # longest first: "--population-field" before
            text = text.replace(option, word)
        return text

    # -- closing ----------------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc or the window's close button cancel a running build instead of closing."""
        if self.task.busy:
            if self.cancel_button.isEnabled():
                self.task.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        """Stop a running build and remove the build's scratch files on closing."""
        self.task.shutdown(5000)
        if self._workroot is not None:
            shutil.rmtree(self._workroot, ignore_errors=True)
            self._workroot = None
        super().done(result)
