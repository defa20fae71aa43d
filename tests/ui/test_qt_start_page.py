"""The start page opens with single clicks, a double-click opens once, and the File menu names
the samples as the start page does."""

from __future__ import annotations

from pathlib import Path

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QPushButton

from spaceplanner.sample_maps import list_samples
from spaceplanner.ui.panels.qt_start_page import QtStartPage
from spaceplanner.ui.qt_main_window import QtMainWindow


def _page(qtbot, recent: list[str] | None = None) -> QtStartPage:
    page = QtStartPage(recent or [])
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_one_click_on_a_button_opens(qtbot) -> None:
    page = _page(qtbot, ["/plans/a.gpkg", "/plans/b.gpkg"])
    opened: list[str] = []
    page.open_requested.connect(lambda: opened.append("open"))
    page.sample_requested.connect(lambda n: opened.append(f"sample:{n}"))
    page.recent_requested.connect(lambda p: opened.append(f"recent:{p}"))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == ["open"]
    # the first sample is chosen at first: one click on the button opens it
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == f"sample:{list_samples()[0]}"
    page.samples.setCurrentRow(page.samples.count() - 1)
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == f"sample:{list_samples()[-1]}"
    page.recent.setCurrentRow(1)
    qtbot.mouseClick(page.recent_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == "recent:/plans/b.gpkg"
    assert len(opened) == 4
    assert all(isinstance(b, QPushButton) for b in (page.sample_button, page.recent_button))


def test_a_double_click_on_a_sample_opens_it_once(qtbot) -> None:
    page = _page(qtbot, ["/plans/a.gpkg"])
    opened: list[str] = []
    page.sample_requested.connect(opened.append)
    page.recent_requested.connect(opened.append)
    for listing in (page.samples, page.recent):
        viewport = listing.viewport()
        assert viewport is not None
        rect = listing.visualItemRect(listing.item(0))
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [list_samples()[0], "/plans/a.gpkg"]


def test_no_recent_plans_hides_the_recent_button(qtbot) -> None:
    page = _page(qtbot)
    assert page.no_recent.isVisibleTo(page) and not page.recent_button.isVisibleTo(page)
    page.set_recent([str(Path("/plans/c.gpkg"))])
    assert page.recent_button.isVisibleTo(page) and page.recent_button.isEnabled()


def test_the_file_menu_names_the_samples_as_the_start_page(qtbot) -> None:
    window = QtMainWindow(None)
    qtbot.addWidget(window)
    window._closing_ok = True
    page = [
        window.start_page.samples.item(i).text() for i in range(window.start_page.samples.count())
    ]
    menu = [a.text().replace("&&", "&") for a in window.samples_menu.actions()]
    assert menu == page
    assert any("江畔社区" in m for m in menu)  # the plan's own name, not only its folder name
