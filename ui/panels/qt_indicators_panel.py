"""The evaluation's figures beside the map: key indicators against their targets, and the
siting violations (避 avoid, 防 prevent, 让 give way) with a way to find each site on the map.

Both panels follow the session's ``"report"`` event. Indicator, principle, period and scenario
names come from the core's bilingual labels (:func:`spaceplanner.results.labels.label`, chosen by
``lang``), so they read as in the exports; the panels' own words go through Qt's translation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PyQt5.QtCore import QRect, Qt, pyqtSignal
from PyQt5.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.i18n import say
from spaceplanner.outputs.symbols import STATUS_COLOURS
from spaceplanner.results.compare import violation_key
from spaceplanner.results.indicators import FAIL, NOT_ASSESSED, PASS, indicator_rows
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report, SiteRef, Violation
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_follow import follow

__all__ = ["QtIndicatorsPanel", "QtViolationsPanel"]

PASS_COLOUR = QColor(STATUS_COLOURS[PASS])
_GROUP_BACKGROUND = QColor("#eef1f4")
_KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "group" or "indicator"
FAIL_COLOUR = QColor(STATUS_COLOURS[FAIL])
NOT_ASSESSED_COLOUR = QColor(STATUS_COLOURS[NOT_ASSESSED])
_STATUS_COLOUR = {PASS: PASS_COLOUR, FAIL: FAIL_COLOUR, NOT_ASSESSED: NOT_ASSESSED_COLOUR}
_NOTES_SHOWN = 4
_STATUS_MARK = {PASS: "✓", FAIL: "✗", NOT_ASSESSED: "—"}
_NOTE_STYLE = (
    "QLabel { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; padding: 4px; }"
)
#: Removal order of the siting principles (STANDARDS.md §5): the natural sort order.
_PRINCIPLES = ("避", "防", "让")


def _header(table: QTableWidget, *, vertical: bool = False) -> QHeaderView:
    head = table.verticalHeader() if vertical else table.horizontalHeader()
    assert head is not None
    return head


def _item(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
    item = table.item(row, col)
    assert item is not None, f"no item at {row}, {col}"
    return item


def _wrapping_label(parent: QWidget) -> QLabel:
    text = QLabel(parent)
    text.setTextFormat(Qt.TextFormat.PlainText)
    text.setWordWrap(True)
    return text


class QtIndicatorsPanel(QWidget):
    """Key indicators of the session's latest report against their targets.

    Parameters
    ----------
    session
        The open plan, or None (the panel then says no plan is open).
    parent
        The parent widget.
    lang
        ``en`` or ``zh``: the language of indicator names (the core's labels).

    Rows are grouped by indicator group (shelters in the emergency period, activity spaces and
    facilities in normal times), each group headed by a one-line summary, and can be filtered by
    period. Each row's tooltip cites the standard and clause of its target. Clicking a row
    emits ``indicator_chosen`` with the indicator's key (``shelter``, ``space_5min``, a facility
    kind), so the map can show that indicator's gaps.
    """

    indicator_chosen = pyqtSignal(str)

    def __init__(
        self, session: Session | None = None, parent: QWidget | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._session: Session | None = None
        self._unfollow: Callable[[], None] | None = None
        self._rows: list[dict[str, Any]] = []
        self._frame: tuple[Any, ...] | None = None  # what frames the rows (see _frame_key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = _wrapping_label(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.header = _wrapping_label(self)
        self.overall = _wrapping_label(self)
        self.stale_note = _wrapping_label(self)
        self.stale_note.setStyleSheet(_NOTE_STYLE)
        # the report's notes (what loading skipped or repaired, hazards not counted, ...) are
        # part of the result: shown, not hidden in a tooltip
        self.notes = _wrapping_label(self)
        self.notes.setStyleSheet("QLabel { color: #444; }")
        self.filter_bar = QWidget(self)
        filters = QHBoxLayout(self.filter_bar)
        filters.setContentsMargins(0, 0, 0, 0)
        self.filter_label = QLabel(self.filter_bar)
        self.period_filter = QComboBox(self.filter_bar)
        self.period_filter.currentIndexChanged.connect(self._apply_filter)
        self.overall.setParent(self.filter_bar)
        filters.addWidget(self.overall, 1)
        filters.addWidget(self.filter_label)
        filters.addWidget(self.period_filter)
        self.table = QTableWidget(0, 4, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        _header(self.table, vertical=True).setVisible(False)
        head = _header(self.table)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.sectionResized.connect(lambda *_: self._fit_rows())
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.cellClicked.connect(self._choose)
        self.empty = _wrapping_label(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("QLabel { color: #555; padding: 24px; }")
        layout.addWidget(self.title)
        layout.addWidget(self.header)
        layout.addWidget(self.stale_note)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.empty, 1)
        self._retranslate()
        self.set_session(session)

    # -- public -----------------------------------------------------------------------------
    @property
    def report(self) -> Report | None:
        """The report shown (the session's latest), or None."""
        return self._session.report if self._session is not None else None

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The indicator rows shown (:func:`~spaceplanner.outputs.exports.indicator_rows`), each
        with
        its ``group`` and its ``table_row``."""
        return list(self._rows)

    def row_key(self, table_row: int) -> str | None:
        """The indicator key of a table row (None for a group heading)."""
        for row in self._rows:
            if row["table_row"] == table_row:
                return str(row["key"])
        return None

    def _choose(self, table_row: int, _column: int = 0) -> None:
        key = self.row_key(table_row)
        if key is not None:
            self.indicator_chosen.emit(key)

    def group_rows(self) -> list[int]:
        """Table rows that head a group (their text is the group's summary)."""
        return [
            r
            for r in range(self.table.rowCount())
            if _item(self.table, r, 0).data(_KIND_ROLE) == "group"
        ]

    def set_session(self, session: Session | None) -> None:
        """Show another session (or none)."""
        if self._unfollow is not None:
            self._unfollow()
        self._session = session
        self._unfollow = follow(self, session, self._on_session_event) if session else None
        self.refresh()

    def set_lang(self, lang: str) -> None:
        """Name indicators in ``lang`` (``en`` or ``zh``) and re-translate the panel's words."""
        self._lang = lang
        self._frame = None  # every row in the new words
        self._retranslate()
        self.refresh()

    def set_period_filter(self, period: str) -> None:
        """Show ``all`` groups, or only those of the ``normal`` or ``emergency`` period."""
        index = self.period_filter.findData(period)
        if index < 0:
            raise ValueError(f"unknown period filter {period!r}; use all, normal or emergency")
        self.period_filter.setCurrentIndex(index)

    def refresh(self) -> None:
        """Rebuild the panel from the session's report (a report of the same indicators, a
        drag's, has only its changed rows made again)."""
        report = self.report
        frame = self._frame_key(report)
        if report is not None and frame == self._frame and self._update_rows(report):
            return
        self._frame = frame
        has = report is not None
        self.table.setVisible(has)
        self.filter_bar.setVisible(has)
        self.empty.setVisible(not has)
        self.header.setVisible(has)
        self.notes.setVisible(False)
        self.overall.setText("")
        self.stale_note.setVisible(
            has and ("gap_areas" in report.stale or "gap_areas" not in report.layers)  # type: ignore[union-attr]
        )
        self.table.clearSpans()
        self.table.setRowCount(0)
        self._rows = []
        self.title.setText(self._session.plan.name if self._session else "")
        self.title.setVisible(self._session is not None)
        if report is None:
            self.empty.setText(
                self.tr("No plan open.")
                if self._session is None
                else self.tr(
                    "Not evaluated yet. Press Evaluate to measure who can walk to a shelter, "
                    "to activity space and to each kind of facility."
                )
            )
            return
        self._show_header(report)
        self._show_rows(report)
        self._show_notes(report)
        self._apply_filter()

    # -- building -----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Indicator"), self.tr("Value"), self.tr("Target"), self.tr("Met")]
        )
        self.filter_label.setText(self.tr("Show:"))
        current = self.period_filter.currentData() or "all"
        self.period_filter.blockSignals(True)
        self.period_filter.clear()
        self.period_filter.addItem(self.tr("All periods"), "all")
        for period in ("normal", "emergency"):
            self.period_filter.addItem(_capital(label(period, self._lang)), period)
        self.period_filter.setCurrentIndex(max(0, self.period_filter.findData(current)))
        self.period_filter.blockSignals(False)
        self.stale_note.setText(
            self.tr(
                "Live update: the figures follow your latest edit; the gap and service areas on "
                "the map are from the last full evaluation (stale). Press Evaluate to refresh."
            )
        )

    def _show_header(self, report: Report) -> None:
        if report.distance == "network":
            distance = self.tr("network walking distances")
        else:
            factor = (report.detour_factor or {}).get("value")
            distance = self.tr("straight-line distances × detour factor {factor}").format(
                factor=f"{factor:g}" if isinstance(factor, int | float) else "?"
            )
        text = self.tr(
            "{population} residents · {distance} · scenario: {scenario} · rules: {rules}"
        ).format(
            population=f"{report.population:,.0f}",
            distance=distance,
            scenario=label(report.scenario, self._lang),
            rules=report.rules,
        )
        if report.period != "both":
            text += self.tr(" · period: {period}").format(period=label(report.period, self._lang))
        self.header.setText(text)
        tip = [say(report.rules_title, self._lang)]
        if report.notes:
            tip.append(self.tr("Notes:"))
            tip += [f"• {say(n.text, self._lang)}" for n in report.notes]
        self.header.setToolTip("\n".join(t for t in tip if t))

    def _show_notes(self, report: Report) -> None:
        notes = [say(n.text, self._lang) for n in report.notes]
        shown = notes[:_NOTES_SHOWN]
        text = "\n".join(f"• {n}" for n in shown)
        if len(notes) > len(shown):
            text += "\n" + self.tr("… and {count} more (hover to read them)").format(
                count=len(notes) - len(shown)
            )
        self.notes.setText(self.tr("Notes:") + "\n" + text if notes else "")
        self.notes.setToolTip("\n".join(f"• {n}" for n in notes))
        self.notes.setVisible(bool(notes))

    def _show_rows(self, report: Report) -> None:
        rows = indicator_rows(report, self._lang)
        groups = [str(r["group"]) for r in rows]
        tagged = [{**r, "group": g} for r, g in zip(rows, groups, strict=True)]
        bold = self._bold()
        met_all = assessed_all = 0
        for group in dict.fromkeys(groups):
            members = [r for r in tagged if r["group"] == group]
            met = sum(r["status"] == PASS for r in members)
            assessed = sum(r["status"] != NOT_ASSESSED for r in members)
            met_all += met
            assessed_all += assessed
            period = members[0]["period"]
            line = self.table.rowCount()
            self.table.insertRow(line)
            self.table.setItem(line, 0, self._group_item(group, period, met, assessed, bold))
            self.table.setSpan(line, 0, 1, 4)
            for row in members:
                self._add_row({**row, "table_row": self.table.rowCount()}, bold)
        self._show_overall(met_all, assessed_all)
        self._fit_rows()

    def _group_item(
        self, group: str, period: Any, met: int, assessed: int, bold: QFont
    ) -> QTableWidgetItem:
        """The heading of a group: how many of its assessed targets are met."""
        text = (
            self.tr("{group} — {met} of {total} met").format(
                group=label(group, self._lang), met=met, total=assessed
            )
            if assessed
            else self.tr("{group} — not assessed").format(group=label(group, self._lang))
        )
        item = QTableWidgetItem(text)
        item.setToolTip(self.tr("Period: {period}").format(period=label(period, self._lang)))
        item.setFont(bold)
        item.setBackground(_GROUP_BACKGROUND)
        item.setForeground(
            NOT_ASSESSED_COLOUR if not assessed else PASS_COLOUR if met == assessed else FAIL_COLOUR
        )
        item.setData(Qt.ItemDataRole.UserRole, period)
        item.setData(_KIND_ROLE, "group")
        return item

    def _show_overall(self, met_all: int, assessed_all: int) -> None:
        self.overall.setText(
            self.tr("{met} of {total} targets met").format(met=met_all, total=assessed_all)
            + (
                self.tr(" ({count} not assessed)").format(count=len(self._rows) - assessed_all)
                if assessed_all < len(self._rows)
                else ""
            )
        )

    def _frame_key(self, report: Report | None) -> tuple[Any, ...]:
        """What the panel shows around the rows: the plan, the language, the header, the notes
        and the stale note."""
        if report is None:
            return (id(self._session), self._lang, None)
        return (
            id(self._session),
            self._session.plan.name if self._session is not None else None,
            self._lang,
            report.population,
            report.distance,
            repr(report.detour_factor),
            report.scenario,
            report.rules,
            report.rules_title,
            report.period,
            tuple(n.text for n in report.notes),
            "gap_areas" in report.stale or "gap_areas" not in report.layers,
        )

    def _update_rows(self, report: Report) -> bool:
        """Make again the rows of ``report`` whose figures changed, when its indicators are
        those shown (the same groups, names, periods and units, in the same order); False:
        the panel needs a rebuild."""
        rows = indicator_rows(report, self._lang)
        shape = ("group", "key", "indicator", "period", "unit")
        if len(rows) != len(self._rows) or any(
            str(new[k]) != str(old[k])
            for new, old in zip(rows, self._rows, strict=True)
            for k in shape
        ):
            return False
        bold = self._bold()
        groups: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for i, new in enumerate(rows):
            groups.setdefault(str(new["group"]), []).append((i, new))
        headed = False
        met_all = assessed_all = 0
        headings = iter(self.group_rows())
        for group, pairs in groups.items():
            met = sum(new["status"] == PASS for _, new in pairs)
            assessed = sum(new["status"] != NOT_ASSESSED for _, new in pairs)
            met_all += met
            assessed_all += assessed
            heading = next(headings)
            item = self._group_item(group, pairs[0][1]["period"], met, assessed, bold)
            if _item(self.table, heading, 0).text() != item.text():
                self.table.setItem(heading, 0, item)
                headed = True
            for i, new in pairs:
                line = self._rows[i]["table_row"]
                row = {**new, "group": group, "table_row": line}
                if row != self._rows[i]:
                    self._rows[i] = row
                    for col, cell in enumerate(self._row_cells(row, bold)):
                        self.table.setItem(line, col, cell)
        self._show_overall(met_all, assessed_all)
        if headed:
            self._fit_rows()  # a heading's new text may wrap otherwise
        return True

    def _add_row(self, row: dict[str, Any], bold: QFont) -> None:
        self._rows.append(row)
        line = self.table.rowCount()
        self.table.insertRow(line)
        for col, cell in enumerate(self._row_cells(row, bold)):
            self.table.setItem(line, col, cell)

    def _row_cells(self, row: dict[str, Any], bold: QFont) -> list[QTableWidgetItem]:
        """The four cells of an indicator row: its name, value, target and mark."""
        status = str(row["status"])
        unit = row["unit"]
        target = self._value_text(row["target"], unit)
        cells = [
            QTableWidgetItem(str(row["indicator"])),
            QTableWidgetItem(self._value_text(row["value"], unit)),
            QTableWidgetItem("≥ " + target),
            QTableWidgetItem(_STATUS_MARK[status]),
        ]
        verdict = label(status, self._lang)
        cells[3].setData(Qt.ItemDataRole.AccessibleTextRole, verdict)
        cells[3].setTextAlignment(int(Qt.AlignmentFlag.AlignCenter))
        cells[3].setForeground(_STATUS_COLOUR[status])
        mark = QFont(bold)
        mark.setPointSizeF(mark.pointSizeF() * 1.3)
        cells[3].setFont(mark)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells[1].setTextAlignment(right)
        cells[2].setTextAlignment(right)
        source = say(row.get("source") or "", self._lang)
        tip = (
            self.tr("Source: {source}").format(source=source)
            if source
            else self.tr("No standard cited: the target is room for every resident.")
            if unit == "persons"
            else self.tr("No standard cited.")
        )
        figures = self.tr("{value}; target at least {target}").format(
            value=self._value_text(row["value"], unit, full=True),
            target=self._value_text(row["target"], unit, full=True),
        )
        if status == NOT_ASSESSED and row.get("reason"):
            figures = say(row["reason"], self._lang)
        tip = f"{row['indicator']}: {verdict}\n{figures}\n{tip}"
        for cell in cells:
            cell.setToolTip(tip)
            cell.setData(Qt.ItemDataRole.UserRole, row["period"])
            cell.setData(_KIND_ROLE, "indicator")
        return cells

    def _value_text(self, value: Any, unit: str, *, full: bool = False) -> str:
        """A value for its cell: ``87.5 %``, ``14,400``, ``2.31 m²``; ``full`` spells out the
        unit (``14,400 persons``, ``2.31 m²/person``) for tooltips. In the cells the row's name
        says what is counted (capacity, m² per person), which keeps the columns narrow."""
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            return "—"
        number = float(value)
        if unit == "share":
            percent = number * 100
            return f"{percent:.0f} %" if percent == round(percent) else f"{percent:.1f} %"
        if unit == "persons":
            text = f"{number:,.0f}"
            return self.tr("{value} persons").format(value=text) if full else text
        if unit == "m2/person":
            text = f"{number:,.2f}"
            return self.tr("{value} m²/person").format(value=text) if full else f"{text} m²"
        return f"{number:,.3g} {unit}"

    def _fit_rows(self) -> None:
        """Row heights for the wrapped texts, measured here: Qt's own sizing ignores spans
        (it measures a group row's first column only) and can be a line short for CJK text."""
        if not self.table.rowCount():
            return
        viewport = self.table.viewport()
        spanned = max(50, (viewport.width() if viewport is not None else 0) - 12)
        first = max(30, self.table.columnWidth(0) - 18)  # the delegate's margins, and some slack
        plain, bold = QFontMetrics(self.table.font()), QFontMetrics(self._bold())
        groups = set(self.group_rows())
        for line in range(self.table.rowCount()):
            text = _item(self.table, line, 0).text()
            metrics, width = (bold, spanned) if line in groups else (plain, first)
            box = metrics.boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
            )
            self.table.setRowHeight(line, max(box.height(), plain.height()) + 8)

    def _bold(self) -> QFont:
        bold = QFont(self.table.font())
        bold.setBold(True)
        return bold

    def resizeEvent(self, event: QResizeEvent | None) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_rows()

    def _apply_filter(self) -> None:
        wanted = self.period_filter.currentData() or "all"
        for line in range(self.table.rowCount()):
            period = _item(self.table, line, 0).data(Qt.ItemDataRole.UserRole)
            self.table.setRowHidden(line, wanted != "all" and period != wanted)

    def _on_session_event(self, event: str, data: Any) -> None:
        if event == "report":
            self.refresh()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _SortItem(QTableWidgetItem):
    """A table cell that sorts by a key of its own (numbers, principle order)."""

    def __init__(self, text: str, key: Any) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _SortItem):
            return bool(self.key < other.key)
        return bool(super().__lt__(other))


class QtViolationsPanel(QWidget):
    """The siting violations of the session's latest report, sortable by any column.

    Clicking a row (pressing Enter on it, or moving to it with the arrow keys) selects the site
    in the session and emits :attr:`zoom_to` with the plan layer and feature id, then
    :attr:`violation_chosen` with the violation (the map frames its site and cause). A
    violation of a dual-use activity space (checked as a shelter) names the activity-space
    layer. When the site is no longer in the plan (deleted since the evaluation) but the report
    still has its geometry, :attr:`zoom_to_bounds` is emitted with its ``(minx, miny, maxx,
    maxy)`` instead of :attr:`zoom_to`. Clearing the table's selection emits
    :attr:`violation_cleared`. A new report keeps the row of the same violation selected.

    Parameters
    ----------
    session
        The open plan, or None.
    parent
        The parent widget.
    lang
        ``en`` or ``zh``: the language of principle names.
    """

    zoom_to = pyqtSignal(str, str)
    zoom_to_bounds = pyqtSignal(tuple)
    violation_chosen = pyqtSignal(object)
    violation_cleared = pyqtSignal()

    def __init__(
        self, session: Session | None = None, parent: QWidget | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._session: Session | None = None
        self._unfollow: Callable[[], None] | None = None
        self._violations: list[Violation] = []
        self._shown: tuple[Any, ...] | None = None  # what the table shows (see _shown_key)
        self._filling = False  # rows are being filled: their heights are fitted once, after
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.summary = _wrapping_label(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        _header(self.table, vertical=True).setVisible(False)
        self.table.setAlternatingRowColors(True)
        head = _header(self.table)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        head.sectionResized.connect(self._section_resized)
        self.table.setColumnWidth(1, 150)
        head.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # 避, 防, 让: removal order
        self.table.itemClicked.connect(lambda item: self.activate(item.row()))
        self.table.itemActivated.connect(lambda item: self.activate(item.row()))
        self.table.currentCellChanged.connect(self._current_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = _wrapping_label(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("QLabel { color: #555; padding: 24px; }")
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self._retranslate()
        self.set_session(session)

    # -- public -----------------------------------------------------------------------------
    @property
    def violations(self) -> list[Violation]:
        """The violations listed, in report order."""
        return list(self._violations)

    def set_session(self, session: Session | None) -> None:
        """Show another session (or none)."""
        if self._unfollow is not None:
            self._unfollow()
        self._session = session
        self._unfollow = follow(self, session, self._on_session_event) if session else None
        self.refresh()

    def set_lang(self, lang: str) -> None:
        """Name principles in ``lang`` and re-translate the panel's words."""
        self._lang = lang
        self._retranslate()
        self.refresh()

    def violation_at(self, row: int) -> Violation:
        """The violation shown in table row ``row`` (as sorted now)."""
        return self._violations[int(_item(self.table, row, 0).data(Qt.ItemDataRole.UserRole))]

    def activate(self, row: int) -> None:
        """Select the site of the violation in ``row`` and ask the map to show it."""
        if not 0 <= row < self.table.rowCount() or self._session is None:
            return
        v = self.violation_at(row)
        feature = self._feature(v)
        if feature is not None:
            self._session.select(feature)
            self.zoom_to.emit(*feature)
        else:
            bounds = self._bounds(v)
            if bounds is not None:
                self.zoom_to_bounds.emit(bounds)
        self.violation_chosen.emit(v)

    def chosen(self) -> Violation | None:
        """The violation of the selected row (None: no row selected)."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.violation_at(min(rows)) if rows else None

    def _current_changed(self, row: int, _col: int, previous: int, _pcol: int) -> None:
        # a click activates on release (itemClicked); the arrow keys only move the current row
        if row != previous and row >= 0 and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.activate(row)

    def _selection_changed(self) -> None:
        if not self.table.selectedIndexes():
            self.violation_cleared.emit()

    def refresh(self) -> None:
        """Rebuild the list from the session's report (the row of the violation chosen stays
        selected while the report still has it)."""
        session = self._session
        report = session.report if session is not None else None
        removed = _capacity_removed(report) if report else {}
        self._violations = list(report.violations) if report else []
        # a report with the same rows (a drag's, most of the time) leaves the table as it is,
        # and one whose rows changed only in their figures has those rows made again
        shown = self._shown_key(session, report, removed)
        if shown == self._shown:
            return
        if self._shown is not None and self._update_rows(shown, removed):
            self._shown = shown
            return
        self._shown = shown
        chosen = self.chosen() if self.table.rowCount() else None
        self._filling = True
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(self._violations))
        for i, v in enumerate(self._violations):
            self._fill_row(i, v, removed)
        self.table.setSortingEnabled(True)
        self._filling = False
        self.table.clearSelection()
        if chosen is not None:
            key = violation_key(chosen)
            row = next(
                (
                    r
                    for r in range(self.table.rowCount())
                    if violation_key(self.violation_at(r)) == key
                ),
                None,
            )
            if row is not None:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self._fit_rows()
        has = bool(self._violations)
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        if session is None:
            self.empty.setText(self.tr("No plan open."))
            self.summary.setText("")
        elif report is None:
            self.empty.setText(self.tr("Not evaluated yet."))
            self.summary.setText("")
        elif not has and not report.sites_checked:
            self.empty.setText(
                self.tr(
                    "Nothing to check: the plan has no shelters, dual-use spaces or sensitive "
                    "facilities for 避, 防 and 让."
                )
            )
            self.summary.setText("")
        elif not has:
            self.empty.setText(
                self.tr("No siting violations: all {count} sites pass 避, 防 and 让.").format(
                    count=report.sites_checked
                )
            )
            self.summary.setText("")
        else:
            counts = " · ".join(
                f"{p} {n}"
                for p in _PRINCIPLES
                if (n := sum(1 for v in self._violations if v.principle == p))
            )
            self.summary.setText(
                self.tr("{count} siting violations ({counts}). Click one to show it.").format(
                    count=len(self._violations), counts=counts
                )
            )
        self.summary.setVisible(bool(self.summary.text()))

    def _shown_key(
        self,
        session: Session | None,
        report: Report | None,
        removed: dict[SiteRef, dict[str, float]],
    ) -> tuple[Any, ...]:
        """What the panel shows of ``report``: each violation's cells and tip, the language,
        and the plan's state (none open, not evaluated, sites checked)."""
        rows = tuple(
            (
                v.principle,
                v.rule,
                v.site,
                v.site.layer_label,
                str(v.name),
                str(v.message),
                str(v.source),
                _number(v.measured),
                _number(v.required),
                removed.get(v.site, {}).get(v.principle),
            )
            for v in self._violations
        )
        checked = report.sites_checked if report is not None else None
        return (id(session), report is None, checked, self._lang, rows)

    def _update_rows(
        self, shown: tuple[Any, ...], removed: dict[SiteRef, dict[str, float]]
    ) -> bool:
        """Make again the rows whose cells changed, when the plan's state, the number of rows
        and their principles (the summary) are as shown; False: the list needs a rebuild."""
        assert self._shown is not None
        before, after = self._shown[-1], shown[-1]
        if (
            self._shown[:-1] != shown[:-1]
            or len(before) != len(after)
            or len(after) != self.table.rowCount()
            or any(a[0] != b[0] for a, b in zip(before, after, strict=True))
        ):
            return False
        changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        where = {
            int(_item(self.table, row, 0).data(Qt.ItemDataRole.UserRole)): row
            for row in range(self.table.rowCount())
        }
        self._filling = True
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        for i in changed:
            self._fill_row(where[i], self._violations[i], removed, index=i)
        self.table.setSortingEnabled(True)
        self.table.blockSignals(False)
        self._filling = False
        self._fit_rows()
        return True

    def _section_resized(self, *_: Any) -> None:
        if not self._filling:
            self._fit_rows()

    # -- building -----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Principle"),
                self.tr("Site"),
                self.tr("Problem"),
                self.tr("Capacity removed"),
            ]
        )
        head_item = self.table.horizontalHeaderItem(3)
        assert head_item is not None
        head_item.setToolTip(
            self.tr("Shelter capacity (persons) this principle removed from the site")
        )

    def _fill_row(
        self,
        row: int,
        v: Violation,
        removed: dict[SiteRef, dict[str, float]],
        index: int | None = None,
    ) -> None:
        """Fill table ``row`` with violation ``v`` (number ``index`` in the list; ``row``
        when None)."""
        principle = v.principle
        order = _PRINCIPLES.index(principle) if principle in _PRINCIPLES else len(_PRINCIPLES)
        site_id = v.site.feature
        site = str(v.name) if isinstance(v.name, str) and v.name else site_id
        lost = removed.get(v.site, {}).get(principle)
        message = say(v.message, self._lang)
        cells = [
            _SortItem(label(principle, self._lang), (order, site)),
            _SortItem(site, (site.casefold(), order)),
            _SortItem(message, message),
            _SortItem(
                self.tr("{value} persons").format(value=f"{lost:,.0f}") if lost else "—",
                lost or 0.0,
            ),
        ]
        cells[3].setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
        tip = self.tr(
            "{principle} · rule {rule}\nSite: {site} (layer {layer}, id {id})\n"
            "Measured {measured}, required {required}\n{message}\nSource: {source}"
        ).format(
            principle=label(principle, self._lang),
            rule=v.rule,
            site=site,
            layer=v.site.layer_label,
            id=site_id,
            measured=_number(v.measured),
            required=_number(v.required),
            message=message,
            source=say(v.source, self._lang),
        )
        for col, cell in enumerate(cells):
            cell.setToolTip(tip)
            self.table.setItem(row, col, cell)
        cells[0].setData(Qt.ItemDataRole.UserRole, row if index is None else index)

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()
        for line in range(self.table.rowCount()):
            self.table.setRowHeight(line, self.table.rowHeight(line) + 6)

    def _feature(self, v: Violation) -> tuple[str, str] | None:
        """``(layer, id)`` of the violation's site in the plan, or None when it is not there."""
        assert self._session is not None
        plan = self._session.plan
        name, site_id = v.site.layer, v.site.feature
        frame = plan.layers[name].frame if name in plan.layers else None
        if frame is not None and bool((frame["id"].astype(str) == site_id).any()):
            return (name, site_id)
        return None

    def _bounds(self, v: Violation) -> tuple[float, ...] | None:
        """Bounds of the violation's site (or route) as the evaluation saw it."""
        geometry = v.geometry
        if geometry is None or geometry.is_empty:
            return None
        return tuple(float(b) for b in geometry.bounds)

    def _on_session_event(self, event: str, data: Any) -> None:
        if event == "report":
            self.refresh()


def _number(value: Any) -> str:
    return f"{value:,.1f}" if isinstance(value, int | float) else "—"


def _capacity_removed(report: Report) -> dict[SiteRef, dict[str, float]]:
    """Capacity each principle removed, by shelter."""
    if report.shelters is None:
        return {}
    return {b.site: dict(b.capacity_removed) for b in report.shelters.by_shelter}
