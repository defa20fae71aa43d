"""The Export dialog: web map, map sheet, data and report tables, written off the GUI thread.

Exports evaluate a snapshot of the session's plan with the session's scenario and period, so the
files always match the plan as it was when Export was pressed, and hand the report to
:func:`~spaceplanner.outputs.exports.export`, which writes the files as one unit
(:func:`~spaceplanner.files.output_unit`: under the folder's lock, into a hidden staging folder
inside it) and moves them into place only when everything is complete, so an error or a cancel
leaves the folder as it was. The task's :class:`~spaceplanner.feedback.Feedback` carries the
progress (by step code) and the cancel: Cancel takes effect at the next check (inside the
evaluation's steps, between formats, before the files are moved into place); a cancel while a
file is written lets that file finish and then discards the output.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PyQt5.QtCore import QSize, Qt, QUrl, pyqtSignal
from PyQt5.QtGui import QDesktopServices, QPixmap, QResizeEvent
from PyQt5.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.feedback import Feedback
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.outputs.exports import FORMATS, check_export, export, planned_outputs
from spaceplanner.outputs.mapsheet import sheet_indicators, write_map_sheet
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report
from spaceplanner.ui.canvas.qt_zoom_view import QtZoomView
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_steps import step_text
from spaceplanner.ui.qt_worker import QtBackgroundTask, TaskFunction

__all__ = ["QtExportDialog", "planned_outputs"]

_YES_NO = (
    QMessageBox.StandardButtons(QMessageBox.StandardButton.Yes) | QMessageBox.StandardButton.No
)


def _sheet_indicator(report: Report) -> str:
    """The map sheet's indicator: shelters when evaluated, else the first one the report has."""
    if report.shelters is not None:
        return "shelter"
    spaces = (
        [f"space_{c}" for c in report.activity_spaces.circles] if report.activity_spaces else []
    )
    return [*spaces, *(report.facilities or {}), "shelter"][0]


def _default_folder(session: Session) -> Path:
    if session.path is not None:
        return session.path.parent / f"{session.path.stem}_export"
    safe = re.sub(r"[^\w\-]+", "_", session.plan.name).strip("_") or "plan"
    return Path.home() / "SpacePlanner" / f"{safe}_export"


class _Preview(QLabel):
    """Shows an image scaled to fit, keeping its aspect ratio; a double-click opens it zoomable."""

    double_clicked = pyqtSignal()

    def mouseDoubleClickEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if self._pixmap is not None and not self._pixmap.isNull():
            self.double_clicked.emit()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(400, 283))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QLabel { background: #f4f4f4; border: 1px solid #ccc; color: #555; }")
        self.setWordWrap(True)

    def set_image(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self._rescale()

    def image(self) -> QPixmap | None:
        return self._pixmap

    def resizeEvent(self, event: QResizeEvent | None) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap is None or self._pixmap.isNull():
            return  # keep the placeholder text
        size = self.contentsRect().size() - QSize(8, 8)
        self.setPixmap(
            self._pixmap.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class QtSheetViewer(QDialog):
    """The map sheet preview at full resolution: the wheel zooms at the pointer, dragging pans,
    Fit shows the whole page and 100 % its pixels."""

    def __init__(self, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map sheet preview"))
        self.scene = QGraphicsScene(self)
        self.item = self.scene.addPixmap(pixmap)
        self.view = QtZoomView(self.scene, self, zoom_range=(0.02, 8.0))
        fit = QPushButton(self.tr("Fit"), self)
        fit.clicked.connect(self.fit)
        actual = QPushButton(self.tr("100 %"), self)
        actual.clicked.connect(self.actual_size)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Wheel: zoom · drag: pan"), self), 1)
        row.addWidget(fit)
        row.addWidget(actual)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(1100, 800)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.fit()

    def fit(self) -> None:
        """Show the whole page."""
        self.view.fit()

    def actual_size(self) -> None:
        """One pixel of the sheet per screen pixel."""
        self.view.actual_size()

    @property
    def zoom(self) -> float:
        """Screen pixels per pixel of the sheet."""
        return self.view.zoom


class QtExportDialog(QDialog):
    """Choose what to export and where; preview the map sheet; export in the background.

    Parameters
    ----------
    session
        The open plan; the export uses a snapshot of it, its scenario and its period.
    parent
        The parent window.
    lang
        The exports' language at first (``en`` or ``zh``); the user can change it.
    indicator
        The indicator the map shows: the map sheet draws it unless the user chooses another.

    Signals
    -------
    exported(list)
        The paths written, after a successful export.
    preview_ready(str)
        The path of the map-sheet preview PNG (in a temporary folder the dialog removes when it
        closes).
    """

    exported = pyqtSignal(list)
    preview_ready = pyqtSignal(str)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        lang: str = "en",
        indicator: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        #: The indicator the map shows (the map sheet's by default).
        self._shown = indicator
        self._mode: str | None = None  # "export" or "preview" while the task runs
        self._preview_dir: tempfile.TemporaryDirectory[str] | None = None
        self._previews = 0
        self.written: list[Path] = []
        self.task = QtBackgroundTask(self)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.setWindowTitle(self.tr("Export"))
        self._build(lang)
        self.set_folder(_default_folder(session))
        self.set_formats(["html", "pdf", "csv"])
        self._set_busy(False)

    # -- building -----------------------------------------------------------------------------
    def _build(self, lang: str) -> None:
        names = {
            "html": self.tr("Web map and report (HTML)"),
            "pdf": self.tr("Map sheet (PDF)"),
            "png": self.tr("Map sheet (PNG image)"),
            "shp": self.tr("Shapefiles"),
            "gpkg": self.tr("GeoPackage"),
            "geojson": self.tr("GeoJSON (WGS 84)"),
            "csv": self.tr("Report tables (CSV)"),
            "xlsx": self.tr("Report tables (Excel)"),
            "qgz": self.tr("QGIS project and GeoPackage"),
        }
        self.format_boxes: dict[str, QCheckBox] = {}
        formats = QGroupBox(self.tr("Formats"), self)
        grid = QGridLayout(formats)
        places = {
            "html": (0, 0),
            "pdf": (1, 0),
            "png": (2, 0),
            "csv": (3, 0),
            "gpkg": (0, 1),
            "geojson": (1, 1),
            "shp": (2, 1),
            "xlsx": (4, 0),
            "qgz": (4, 1),
        }
        for fmt, (row, col) in places.items():
            box = QCheckBox(names[fmt], formats)
            box.toggled.connect(self._update_enabled)
            self.format_boxes[fmt] = box
            grid.addWidget(box, row, col)
        assert set(self.format_boxes) == set(FORMATS)
        shp_row = QHBoxLayout()
        self.encoding = QComboBox(formats)
        self.encoding.addItem("UTF-8", "utf-8")
        self.encoding.addItem("GBK", "gbk")
        self.encoding.setToolTip(
            self.tr("Attribute encoding of the Shapefiles; GBK for older Chinese GIS software")
        )
        self.zip_shapefiles = QCheckBox(self.tr("Zip"), formats)
        self.zip_shapefiles.setToolTip(self.tr("Put all Shapefiles into one .zip file"))
        self.encoding.setAccessibleName(self.tr("Shapefile encoding"))
        shp_row.addSpacing(22)
        shp_row.addWidget(self.encoding)
        shp_row.addWidget(self.zip_shapefiles)
        shp_row.addStretch(1)
        grid.addLayout(shp_row, 3, 1)
        grid.setColumnStretch(2, 1)

        options = QGroupBox(self.tr("Options"), self)
        form = QFormLayout(options)
        self.paper = QComboBox(options)
        for paper in ("A4", "A3"):
            self.paper.addItem(paper, paper)
        self.orientation = QComboBox(options)
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.language = QComboBox(options)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form.addRow(self.tr("Map sheet paper:"), self.paper)
        form.addRow(self.tr("Orientation:"), self.orientation)
        self.sheet_indicator = QComboBox(options)
        self.sheet_indicator.setToolTip(
            self.tr("The indicator whose service area and gaps the map sheet draws")
        )
        report = self._session.report
        keys = sheet_indicators(report) if report is not None else []
        for key in keys:
            self.sheet_indicator.addItem(label(key, lang), key)
        if not keys:
            self.sheet_indicator.addItem(self.tr("as evaluated"), None)
        shown = self._shown
        if shown not in keys:
            shown = _sheet_indicator(report) if report is not None else None
        self.sheet_indicator.setCurrentIndex(max(0, self.sheet_indicator.findData(shown)))
        form.addRow(self.tr("Map sheet shows:"), self.sheet_indicator)
        self.sheet_title = QLineEdit(options)
        self.sheet_title.setPlaceholderText(label("title", lang))
        self.sheet_subtitle = QLineEdit(options)
        self.sheet_subtitle.setPlaceholderText(self._session.plan.name)
        form.addRow(self.tr("Title:"), self.sheet_title)
        form.addRow(self.tr("Subtitle:"), self.sheet_subtitle)
        form.addRow(self.tr("Language:"), self.language)
        self.what = QLabel(
            self.tr("scenario {scenario} · period: {period}").format(
                scenario=label(self._session.scenario, lang),
                period=label(self._session.period, lang),
            ),
            options,
        )
        form.addRow(self.tr("Evaluates:"), self.what)

        output = QGroupBox(self.tr("Output folder"), self)
        out = QVBoxLayout(output)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(output)
        self.browse = QPushButton(self.tr("Browse…"), output)
        self.browse.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse)
        out.addLayout(folder_row)
        self.overwrite = QCheckBox(self.tr("Replace existing files without asking"), output)
        out.addWidget(self.overwrite)

        self.preview = _Preview(self)
        self.preview.setText(self.tr("Press Preview to see the map sheet before writing the PDF."))
        self.preview_button = QPushButton(self.tr("Preview map sheet"), self)
        self.preview_button.clicked.connect(self._preview_clicked)
        self.zoom_button = QPushButton(self.tr("Zoom…"), self)
        self.zoom_button.setToolTip(self.tr("The preview at full resolution (or double-click it)"))
        self.zoom_button.clicked.connect(self._zoom_clicked)
        self.zoom_button.setEnabled(False)
        self.preview.double_clicked.connect(self._zoom_clicked)
        preview_row = QHBoxLayout()
        preview_row.addStretch(1)
        preview_row.addWidget(self.zoom_button)
        preview_row.addWidget(self.preview_button)
        side = QVBoxLayout()
        side.addWidget(self.preview, 1)
        side.addLayout(preview_row)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._export_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(formats)
        left.addWidget(options)
        left.addWidget(output)
        left.addStretch(1)
        self.inputs = [formats, options, output, self.preview_button]
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addLayout(side, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(980, 560)

    # -- settings (also for code and tests) -------------------------------------------------
    def formats(self) -> list[str]:
        """The chosen formats, in :data:`~spaceplanner.outputs.exports.FORMATS` order."""
        return [f for f in FORMATS if self.format_boxes[f].isChecked()]

    def set_formats(self, formats: Iterable[str]) -> None:
        """Tick exactly ``formats`` (any of :data:`~spaceplanner.outputs.exports.FORMATS`)."""
        wanted = set(formats)
        unknown = wanted - set(FORMATS)
        if unknown:
            raise ValueError(f"unknown formats {sorted(unknown)}; use {', '.join(FORMATS)}")
        for fmt, box in self.format_boxes.items():
            box.setChecked(fmt in wanted)

    def folder(self) -> Path | None:
        """The output folder, or None when none is given."""
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_folder(self, folder: Path | str) -> None:
        """Export into ``folder`` (created when missing)."""
        self.folder_edit.setText(str(folder))

    def options(self) -> dict[str, Any]:
        """The export options as :func:`~spaceplanner.outputs.exports.export` takes them."""
        return {
            "paper": self.paper.currentData(),
            "orientation": self.orientation.currentData(),
            "lang": self.language.currentData(),
            "encoding": self.encoding.currentData(),
            "zip_shapefiles": self.zip_shapefiles.isChecked(),
            "sheet_indicator": self.sheet_indicator.currentData(),
            "sheet_title": self.sheet_title.text().strip() or None,
            "sheet_subtitle": self.sheet_subtitle.text().strip() or None,
        }

    def set_options(self, **options: Any) -> None:
        """Set ``paper``, ``orientation``, ``lang``, ``encoding``, ``zip_shapefiles``, or
        ``overwrite`` (replace existing files without asking)."""
        combos = {
            "paper": self.paper,
            "orientation": self.orientation,
            "lang": self.language,
            "encoding": self.encoding,
        }
        for key, value in options.items():
            if key in combos:
                index = combos[key].findData(value)
                if index < 0:
                    raise ValueError(f"unknown {key} {value!r}")
                combos[key].setCurrentIndex(index)
            elif key == "zip_shapefiles":
                self.zip_shapefiles.setChecked(bool(value))
            elif key == "sheet_indicator":
                index = self.sheet_indicator.findData(value)
                if index < 0:
                    raise ValueError(f"unknown sheet_indicator {value!r}")
                self.sheet_indicator.setCurrentIndex(index)
            elif key == "sheet_title":
                self.sheet_title.setText(str(value or ""))
            elif key == "sheet_subtitle":
                self.sheet_subtitle.setText(str(value or ""))
            elif key == "overwrite":
                self.overwrite.setChecked(bool(value))
            else:
                raise ValueError(f"unknown option {key!r}")

    def preview_image(self) -> QPixmap | None:
        """The last map-sheet preview at full size, or None."""
        return self.preview.image()

    def _zoom_clicked(self) -> None:
        self.show_zoomable()

    def show_zoomable(self) -> QtSheetViewer | None:
        """Open the last preview at full resolution, zoomable (None without a preview)."""
        pixmap = self.preview.image()
        if pixmap is None or pixmap.isNull():
            return None
        self.viewer = QtSheetViewer(pixmap, self)
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.open()
        return self.viewer

    @property
    def busy(self) -> bool:
        """True while an export or a preview runs."""
        return bool(self.task.busy)

    # -- actions ----------------------------------------------------------------------------
    def start_export(self) -> bool:
        """Check the choices, ask before replacing files, and start the export.

        Returns False when nothing was started (no format, no folder, replacing declined).
        """
        if self.busy:
            return False
        formats = self.formats()
        folder = self.folder()
        if not formats:
            QMessageBox.warning(self, self.tr("Export"), self.tr("Choose at least one format."))
            return False
        if folder is None:
            QMessageBox.warning(self, self.tr("Export"), self.tr("Choose an output folder."))
            return False
        opts = self.options()
        overwrite = self.overwrite.isChecked()
        existing = [
            n
            for n in planned_outputs(formats, zip_shapefiles=opts["zip_shapefiles"])
            if (folder / n).exists()
        ]
        if existing and not overwrite:
            answer = QMessageBox.question(
                self,
                self.tr("Replace existing files?"),
                self.tr(
                    "{count} of the outputs already exist in {folder}:\n{names}\n\nReplace them?"
                ).format(count=len(existing), folder=folder, names=", ".join(existing)),
                _YES_NO,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.status.setText(self.tr("Nothing was written: the existing files were kept."))
                return False
            overwrite = True
        plan = self._session.snapshot()
        try:  # refused before the evaluation, so the user does not wait for an error
            check_export(
                plan,
                folder,
                formats,
                overwrite=overwrite,
                lang=opts["lang"],
                encoding=opts["encoding"],
                zip_shapefiles=opts["zip_shapefiles"],
            )
        except SpacePlannerError as exc:
            QMessageBox.warning(self, self.tr("Export"), exc.describe())
            self.status.setText(exc.describe())
            return False
        scenario, period = self._session.scenario, self._session.period

        def run(feedback: Feedback) -> list[Path]:
            report = Evaluator(plan).evaluate(
                scenario=scenario, period=period, feedback=feedback.part(0.0, 0.8)
            )
            return export(
                plan,
                [report],
                folder,
                formats,
                overwrite=overwrite,
                feedback=feedback.part(0.8, 1.0),
                **opts,
            )

        return self._start("export", run, self.tr("Exporting…"))

    def start_preview(self) -> bool:
        """Evaluate and draw the map sheet as a PNG in the background, then show it."""
        if self.busy:
            return False
        if self._preview_dir is None:
            self._preview_dir = tempfile.TemporaryDirectory(prefix="spaceplanner-preview-")
        self._previews += 1
        path = Path(self._preview_dir.name) / f"map_sheet_{self._previews}.png"
        plan = self._session.snapshot()
        scenario, period = self._session.scenario, self._session.period
        opts = self.options()

        def run(feedback: Feedback) -> str:
            report = Evaluator(plan).evaluate(
                scenario=scenario, period=period, feedback=feedback.part(0.0, 0.8)
            )
            feedback.step("drawing", 0.85)
            write_map_sheet(
                plan,
                report,
                path,
                paper=opts["paper"],
                orientation=opts["orientation"],
                lang=opts["lang"],
                indicator=opts["sheet_indicator"] or _sheet_indicator(report),
                title=opts["sheet_title"],
                subtitle=opts["sheet_subtitle"],
            )
            return str(path)

        return self._start("preview", run, self.tr("Drawing the preview…"))

    def cancel(self) -> None:
        """Stop the running export or preview at its next step; nothing is written."""
        if not self.busy:
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(
            self.tr("Cancelling: the export stops after its current step, and nothing is written.")
            if self._mode == "export"
            else self.tr("Cancelling the preview…")
        )

    def done(self, result: int) -> None:
        """Close the dialog (a running export is cancelled first) and remove the previews."""
        if self.busy:
            self.cancel()
            self.task.wait(-1)
        self.task.shutdown()  # no worker thread outlives the dialog
        if self._preview_dir is not None:
            self._preview_dir.cleanup()
            self._preview_dir = None
        super().done(result)

    # -- running ----------------------------------------------------------------------------
    def _start(self, mode: str, fn: TaskFunction, text: str) -> bool:
        self._mode = mode
        self.progress.setValue(0)
        self.status.setText(text)
        self._set_busy(True)
        if not self.task.start(fn):
            self._set_busy(False)
            return False
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in self.inputs:
            widget.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.cancel_button.setVisible(busy)
        self.close_button.setVisible(not busy)
        self.progress.setVisible(busy)
        if not busy:
            self._update_enabled()

    def _update_enabled(self) -> None:
        shp = self.format_boxes["shp"].isChecked()
        for widget in (self.encoding, self.zip_shapefiles):
            widget.setEnabled(shp)
        self.export_button.setEnabled(bool(self.formats()) and not self.busy)

    def _export_clicked(self) -> None:
        self.start_export()

    def _preview_clicked(self) -> None:
        self.start_preview()

    def _choose_folder(self) -> None:
        start = str(self.folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), start)
        if chosen:
            self.set_folder(chosen)

    def _on_progress(self, fraction: float, code: str, detail: str) -> None:
        self.progress.setValue(round(1000 * max(0.0, min(1.0, fraction))))
        self.status.setText(step_text(code, detail))

    def _on_finished(self, result: object) -> None:
        mode, self._mode = self._mode, None
        self._set_busy(False)
        if mode == "preview":
            path = str(result)
            pixmap = QPixmap(path)
            self.preview.set_image(pixmap)
            self.zoom_button.setEnabled(not pixmap.isNull())
            self.status.setText(
                self.tr("Preview of the map sheet ({paper}, {orientation}).").format(
                    paper=self.paper.currentText(), orientation=self.orientation.currentText()
                )
            )
            self.preview_ready.emit(path)
            return
        assert isinstance(result, list)
        self.written = result
        folder = self.folder()
        assert folder is not None
        self.status.setText(
            self.tr("Exported {count} files to {folder}.").format(count=len(result), folder=folder)
        )
        self.exported.emit(result)
        web_map = folder / "map.html"
        target, question = (
            (web_map, self.tr("Open the web map in your browser?"))
            if web_map in result
            else (folder, self.tr("Open the folder?"))
        )
        answer = QMessageBox.question(
            self,
            self.tr("Export finished"),
            self.tr("Exported {count} files to {folder}.").format(count=len(result), folder=folder)
            + "\n\n"
            + question,
            _YES_NO,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        self.accept()

    def _on_failed(self, message: str) -> None:
        mode, self._mode = self._mode, None
        self._set_busy(False)
        if mode == "preview":
            title = self.tr("Preview failed")
            self.status.setText(self.tr("The preview failed."))
        else:
            title = self.tr("Export failed")
            self.status.setText(self.tr("The export failed; nothing was written."))
        QMessageBox.critical(self, title, message)

    def _on_cancelled(self) -> None:
        mode, self._mode = self._mode, None
        self._set_busy(False)
        self.status.setText(
            self.tr("Export cancelled; nothing was written.")
            if mode == "export"
            else self.tr("Preview cancelled.")
        )
