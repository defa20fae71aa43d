"""The Simplified Chinese translation: complete, faithful to the placeholders and accelerators,
compiled (.qm in step with the .ts), covering every tr() string in the code, and shown by the
main window when the app runs in Chinese."""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PyQt5.QtCore import QObject, QTranslator
from PyQt5.QtWidgets import QApplication

from spaceplanner.ui import i18n

TS = i18n.ts_path("zh")
QM = i18n.qm_path("zh")
UI = Path(i18n.__file__).parent
REFRESH = (
    "run `python -m spaceplanner.ui.i18n` (it refreshes the .ts with pylupdate5 and compiles the "
    ".qm with lrelease), then translate the new messages in {ts}"
)

#: Python format fields (``{0}``, ``{name}``, ``{0:,.1f}``) and Qt ones (``%1``, ``%n``, ``%p%``).
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:p%|n|L?\d+)")
#: A menu accelerator: ``&`` before a character other than ``&`` (``&&`` is a literal ampersand).
_ACCELERATOR = re.compile(r"(?<!&)&([^&\s])")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: a message without <translation>"
            found.append((name, message.findtext("source") or "", translation))
    return found


MESSAGES = _messages(TS)


def test_the_ts_has_messages_from_every_panel() -> None:
    contexts = {c for c, _, _ in MESSAGES}
    assert len(MESSAGES) > 300
    for name in (
        "QtMainWindow",
        "QtMapCanvas",
        "QtLayersPanel",
        "QtAddLayerDialog",
        "QtExportDialog",
        "QtIndicatorsPanel",
        "QtStartPage",
    ):
        assert name in contexts


def test_every_message_is_translated() -> None:
    unfinished = [
        f"{context}: {source!r}"
        for context, source, tr in MESSAGES
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()
    ]
    assert not unfinished, (
        f"{len(unfinished)} messages have no finished translation in {TS.name}:\n"
        + "\n".join(unfinished)
    )


def test_numerus_forms_are_not_used() -> None:
    root = ET.parse(TS).getroot()
    assert not [m for m in root.iter("message") if m.get("numerus") == "yes"]


def placeholder_problems(messages: list[tuple[str, str, ET.Element]]) -> list[str]:
    """Translations that drop, add or change a placeholder of their source."""
    return [
        f"{context}: {tr.text!r} must keep the placeholders of {source!r}"
        for context, source, tr in messages
        if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(tr.text or ""))
    ]


def accelerator_problems(messages: list[tuple[str, str, ET.Element]]) -> list[str]:
    """Translations that lose (or gain) a menu accelerator, or do not write it the Chinese
    way, after the words in brackets: 文件(&F), 另存为(&A)…"""
    problems = []
    for context, source, tr in messages:
        text = tr.text or ""
        wanted = [k.upper() for k in _ACCELERATOR.findall(source)]
        got = [k.upper() for k in _ACCELERATOR.findall(text)]
        if got != wanted:
            problems.append(f"{context}: {text!r} must keep the accelerator of {source!r}")
        elif wanted and not re.search(r"\(&[A-Za-z0-9]\)", text):
            problems.append(f"{context}: write the accelerator as 文件(&F): {text!r}")
    return problems


def filter_problems(messages: list[tuple[str, str, ET.Element]]) -> list[str]:
    """File-dialog filters whose patterns (``(*.toml *.gpkg)``) or ``;;`` separators changed."""
    problems = []
    for context, source, tr in messages:
        patterns = re.findall(r"\(\*[^)]*\)", source)
        text = tr.text or ""
        if patterns and (
            re.findall(r"\(\*[^)]*\)", text) != patterns or text.count(";;") != source.count(";;")
        ):
            problems.append(f"{context}: {text!r} must keep the file patterns of {source!r}")
    return problems


def test_placeholders_are_kept() -> None:
    problems = placeholder_problems(MESSAGES)
    assert not problems, "\n".join(problems)


def test_accelerators_are_kept() -> None:
    problems = accelerator_problems(MESSAGES)
    assert not problems, "\n".join(problems)


def test_file_filters_keep_their_patterns() -> None:
    problems = filter_problems(MESSAGES)
    assert not problems, "\n".join(problems)


def test_the_checks_catch_mistakes() -> None:
    def message(source: str, text: str) -> tuple[str, str, ET.Element]:
        tr = ET.Element("translation")
        tr.text = text
        return ("Ctx", source, tr)

    assert placeholder_problems([message("{0} of {total}", "{0} / {tota}")])
    assert placeholder_problems([message("layer {0:,.1f} km", "图层 {0} 公里")])
    assert placeholder_problems([message("%p%", "%")])
    assert not placeholder_problems([message("{a} of {b}", "{b} 中的 {a}")])
    assert not placeholder_problems([message("slope at most (%)", "坡度不大于（%）")])
    assert accelerator_problems([message("&File", "文件")])
    assert accelerator_problems([message("Save &As…", "另存为(&S)…")])
    assert accelerator_problems([message("&File", "&文件")])
    assert accelerator_problems([message("File", "文件(&F)")])
    assert not accelerator_problems([message("E&valuate", "评估(&V)")])
    assert filter_problems([message("Plans (*.toml *.gpkg)", "规划（*.toml）")])
    assert not filter_problems([message("Plans (*.toml *.gpkg)", "规划 (*.toml *.gpkg)")])


def test_the_qm_is_in_step_with_the_ts(qapp: QApplication) -> None:
    assert QM.exists(), f"no {QM.name}: " + REFRESH.format(ts=TS)
    translator = QTranslator()
    assert translator.load(str(QM))

    def shipped(context: str, source: str) -> str:
        # bytes: PyQt5 passes a str to QTranslator.translate's char* as ASCII
        return translator.translate(context.encode(), source.encode())  # type: ignore[arg-type]

    stale = [
        f"{context}: {source!r} → {shipped(context, source)!r}, the .ts has {tr.text!r}"
        for context, source, tr in MESSAGES
        if shipped(context, source) != (tr.text or "")
    ]
    assert not stale, (
        f"{QM.name} is older than {TS.name}: "
        + REFRESH.format(ts=TS)
        + "\n"
        + ("\n".join(stale[:20]))
    )


def _pylupdate() -> str:
    beside = Path(sys.executable).with_name("pylupdate5")
    if beside.exists():
        return str(beside)
    found = shutil.which("pylupdate5")
    if found is None:
        pytest.skip("pylupdate5 is not installed")
    return found


def test_the_ts_covers_every_string_of_the_code(tmp_path: Path) -> None:
    """The app's tr(), the engine's and loaders' tx() and the shipped profiles' texts."""
    _pylupdate()
    fresh = tmp_path / "fresh.ts"
    i18n.refresh(fresh)
    in_code = {(c, s) for c, s, _ in _messages(fresh)}
    shipped = {(c, s) for c, s, _ in MESSAGES}
    new = sorted(in_code - shipped)
    gone = sorted(shipped - in_code)
    assert not new and not gone, (
        f"{TS.name} is out of step with the code: "
        + REFRESH.format(ts=TS)
        + "".join(f"\n  new:  {c}: {s!r}" for c, s in new)
        + "".join(f"\n  gone: {c}: {s!r}" for c, s in gone)
    )


def test_every_context_is_the_one_qt_looks_up(tmp_path: Path) -> None:
    """pylupdate5 files a ``self.tr()`` under the class it reads the call in; PyQt looks it up
    under the class of ``self``. A ``self.tr()`` in a module function (a decorator's wrapper)
    or in a non-QObject class gets a context that never matches: each context must be a QObject
    class of the ui package, or a context the code names in ``QCoreApplication.translate``."""
    qt_classes: set[str] = set()
    named: set[str] = set()
    for path in UI.rglob("*.py"):
        if path.stem == "__main__":
            continue
        parts = path.relative_to(UI).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        module = importlib.import_module(".".join(("spaceplanner", "ui", *parts)))
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, QObject):
                qt_classes.add(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                named.add(str(node.args[0].value))
    # the app's own strings only: the engine's tx() templates are in @default, read by
    # spaceplanner.i18n (no Qt lookup)
    app_only = tmp_path / "app.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [_pylupdate(), "-noobsolete", *sources, "-ts", str(app_only)],
        check=True,
        capture_output=True,
    )
    wrong = sorted({c for c, _, _ in _messages(app_only)} - qt_classes - named)
    assert not wrong, (
        f"contexts Qt never looks up: {wrong}; use QCoreApplication.translate('<the QObject "
        "class>', ...) where the tr() call is outside that class"
    )


@pytest.fixture
def chinese(qapp: QApplication):
    assert i18n.install(qapp, "zh")
    yield qapp
    i18n.install(qapp, "en")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_main_window_speaks_chinese(qtbot, chinese: QApplication) -> None:
    from spaceplanner.ui.qt_main_window import QtMainWindow

    window = QtMainWindow(None, lang="zh")
    qtbot.addWidget(window)
    window._closing_ok = True
    bar = window.menuBar()
    assert bar is not None
    titles = [a.text() for a in bar.actions()]
    assert titles[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
    assert all(_has_chinese(t) for t in titles), titles
    assert window.open_action.text() == "打开规划(&O)…"
    assert window.save_as_action.text() == "另存为(&A)…"
    page = window.start_page
    assert page.open_button.text() == "打开规划…"
    assert page.new_button.text() == "从文件新建规划…"
    assert window.windowTitle() == "SpacePlanner"


def test_english_comes_back(qtbot, qapp: QApplication) -> None:
    from spaceplanner.ui.qt_main_window import QtMainWindow

    i18n.install(qapp, "zh")
    i18n.install(qapp, "en")
    window = QtMainWindow(None, lang="en")
    qtbot.addWidget(window)
    window._closing_ok = True
    bar = window.menuBar()
    assert bar is not None
    assert bar.actions()[0].text() == "&File"
    assert window.start_page.open_button.text() == "Open a plan…"


def test_an_open_plan_speaks_chinese(qtbot, chinese: QApplication) -> None:
    from spaceplanner.ui.qt_main_window import QtMainWindow

    window = QtMainWindow(None, lang="zh")
    qtbot.addWidget(window)
    window._closing_ok = True
    assert window.open_sample("synthetic_cn")
    qtbot.waitUntil(lambda: not window.runner.busy and window.runner.pending is None, timeout=60000)
    docks = [d.windowTitle() for d in window._docks]
    assert docks[:3] == ["图层", "指标", "让 / 防 / 避 选址问题"]
    assert all(_has_chinese(t) for t in docks), docks
    assert window.evaluate_button.text() == "评估"
    assert window.tool_actions["pan"].iconText() == "平移"
    headers = [
        window.indicators.table.horizontalHeaderItem(i).text()
        for i in range(window.indicators.table.columnCount())
    ]
    assert headers == ["指标", "值", "目标", "达标"]
    assert _has_chinese(window.indicators.overall.text())
