"""The page shown when no plan is open: open a plan, start one from files, samples, recent plans.

Everything opens with one click on a button (Open a plan…, Open sample, Open recent); a sample
or recent plan also opens by a double-click or Enter on it (once: a double-click is one
request). The samples are named by :func:`sample_label`, which the File menu uses too.
"""

from __future__ import annotations

from pathlib import Path

from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spaceplanner import __version__
from spaceplanner.sample_maps import get_path, list_samples

__all__ = ["QtStartPage", "sample_label", "sample_title"]


def sample_title(name: str) -> str:
    """The sample's plan name from its spec (``name = ...`` in plan.toml), else its folder name."""
    import tomllib

    try:
        with get_path(name).open("rb") as fh:
            return str(tomllib.load(fh).get("name") or name)
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return name


def sample_label(name: str) -> str:
    """How a sample map is named on the start page and in the File menu: its plan name and,
    in brackets, the name to give ``--sample``."""
    return f"{sample_title(name)}  ({name})"


class QtStartPage(QWidget):
    """Buttons to open or start a plan, the sample maps and the recent plans.

    Signals
    -------
    open_requested
        The user wants to choose a plan file.
    new_requested
        The user wants to start a plan from data files.
    sample_requested(str)
        A sample map by name.
    recent_requested(str)
        A recent plan by path.
    """

    open_requested = pyqtSignal()
    new_requested = pyqtSignal()
    sample_requested = pyqtSignal(str)
    recent_requested = pyqtSignal(str)

    def __init__(self, recent: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        # the page scrolls when the window is small: its size never holds the window (whose
        # map shares the page's place) larger than a laptop's screen
        content = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(48, 36, 48, 36)
        title = QLabel(self.tr("SpacePlanner"), self)
        font = title.font()
        font.setPointSize(font.pointSize() + 12)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            self.tr(
                "Plan resilient public space: shelters with room for everyone, activity space "
                "and daily facilities within walking distance."
            ),
            self,
        )
        subtitle.setWordWrap(True)
        version = QLabel(self.tr("Version {0}").format(__version__), self)
        version.setStyleSheet("color: #666;")
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addWidget(version)
        outer.addSpacing(18)

        columns = QHBoxLayout()
        start = QGroupBox(self.tr("Start"), self)
        start_layout = QVBoxLayout(start)
        self.open_button = QPushButton(self.tr("Open a plan…"), start)
        self.open_button.setToolTip(self.tr("A plan spec (.toml) or a plan file (.gpkg)"))
        self.new_button = QPushButton(self.tr("New plan from files…"), start)
        self.new_button.setToolTip(
            self.tr("Start a plan from Shapefiles, GeoJSON, GeoPackage, CSV or rasters")
        )
        self.open_button.clicked.connect(self.open_requested)
        self.new_button.clicked.connect(self.new_requested)
        start_layout.addWidget(self.open_button)
        start_layout.addWidget(self.new_button)
        start_layout.addSpacing(12)
        start_layout.addWidget(QLabel(self.tr("Sample maps"), start))
        self.samples = QListWidget(start)
        for name in list_samples():
            item = QListWidgetItem(sample_label(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.samples.addItem(item)
        # a double-click is also an activation: one connection, so it opens once
        self.samples.itemActivated.connect(
            lambda item: self.sample_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.samples.setCurrentRow(0)
        self.sample_button = QPushButton(self.tr("Open sample"), start)
        self.sample_button.setToolTip(self.tr("Open the sample map chosen in the list"))
        self.sample_button.clicked.connect(lambda: self._open_chosen(self.samples, True))
        self.samples.currentItemChanged.connect(
            lambda item, _old: self.sample_button.setEnabled(item is not None)
        )
        start_layout.addWidget(self.samples)
        start_layout.addWidget(self.sample_button)

        recent_box = QGroupBox(self.tr("Recent plans"), self)
        recent_layout = QVBoxLayout(recent_box)
        self.recent = QListWidget(recent_box)
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.recent_button = QPushButton(self.tr("Open recent plan"), recent_box)
        self.recent_button.setToolTip(self.tr("Open the plan chosen in the list"))
        self.recent_button.clicked.connect(lambda: self._open_chosen(self.recent, False))
        self.recent.currentItemChanged.connect(
            lambda item, _old: self.recent_button.setEnabled(item is not None)
        )
        self.no_recent = QLabel(self.tr("No recent plans yet."), recent_box)
        self.no_recent.setStyleSheet("color: #666;")
        recent_layout.addWidget(self.recent)
        recent_layout.addWidget(self.recent_button)
        recent_layout.addWidget(self.no_recent)
        columns.addWidget(start, 1)
        columns.addWidget(recent_box, 1)
        outer.addLayout(columns, 1)
        scroll.setWidget(content)
        self.set_recent(recent or [])

    def set_recent(self, paths: list[str]) -> None:
        """Show ``paths`` (newest first) as the recent plans."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if paths:
            self.recent.setCurrentRow(0)
        self.recent.setVisible(bool(paths))
        self.recent_button.setVisible(bool(paths))
        self.recent_button.setEnabled(self.recent.currentItem() is not None)
        self.no_recent.setVisible(not paths)

    def _open_chosen(self, listing: QListWidget, sample: bool) -> None:
        item = listing.currentItem()
        if item is None:
            return
        value = str(item.data(Qt.ItemDataRole.UserRole))
        (self.sample_requested if sample else self.recent_requested).emit(value)
