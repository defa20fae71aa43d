"""The dependency direction: ui -> core -> layers; core and layers never import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PyQt5", "PyQt6", "PySide2", "PySide6", "qtpy", "pytestqt")


def _imports(folder: Path) -> list[tuple[str, str]]:
    return [item for path in sorted(folder.rglob("*.py")) for item in _imports_of(path)]


@pytest.mark.parametrize("folder", ["spaceplanner", "layers", "sample_maps"])
def test_core_and_layers_never_import_qt(folder: str) -> None:
    bad = [(f, m) for f, m in _imports(ROOT / folder) if m.split(".")[0] in QT]
    assert bad == []


def test_layers_never_import_core_or_ui() -> None:
    bad = [
        (f, m)
        for f, m in _imports(ROOT / "layers")
        if m.startswith("spaceplanner") and not m.startswith("spaceplanner.layers")
    ]
    assert bad == []


def test_core_never_imports_ui() -> None:
    bad = [(f, m) for f, m in _imports(ROOT / "spaceplanner") if m.startswith("spaceplanner.ui")]
    assert bad == []


def test_headless_import_loads_no_qt() -> None:
    code = (
        "import sys, spaceplanner, spaceplanner.cli, spaceplanner.layers;"
        "import spaceplanner.model.plan_file;"
        f"print([m for m in sys.modules if m.split('.')[0] in {QT!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_top_level_ui_or_layers_module_is_installed() -> None:
    code = "import importlib.util as u; print(u.find_spec('ui'), u.find_spec('layers'))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/"
    )
    assert out.stdout.strip() == "None None"


def test_the_desktop_model_needs_no_qt() -> None:
    """The app's model (session, recovery, evaluation scheduling, the add-layer draft) is
    tested without a display: no module of ui/model imports Qt, nor a Qt module of the ui."""
    found = _imports(ROOT / "ui" / "model")
    assert {f for f, _ in found} >= {"session.py", "recovery.py"}
    assert [(f, m) for f, m in found if m.split(".")[0] in QT] == []
    ui_modules = [
        (f, m)
        for f, m in found
        if m.startswith("spaceplanner.ui") and not m.startswith("spaceplanner.ui.model")
    ]
    assert ui_modules == []


def test_importing_the_desktop_model_loads_no_qt() -> None:
    names = sorted(
        f"spaceplanner.ui.model.{p.stem}"
        for p in (ROOT / "ui" / "model").glob("*.py")
        if p.stem != "__init__"
    )
    code = (
        f"import importlib, sys; [importlib.import_module(n) for n in {names!r}];"
        f"print([m for m in sys.modules if m.split('.')[0] in {QT!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _imports_of(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(path.name, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((path.name, node.module))
    return found


def test_the_facades_are_lazy_and_complete() -> None:
    """``import spaceplanner`` and the error classes load no GIS or engine library; every name
    the facades list resolves."""
    code = (
        "import sys, spaceplanner, spaceplanner.layers.errors, spaceplanner.settings;"
        "print(sorted(m for m in ('geopandas', 'pandas', 'scipy', 'pyogrio', 'shapely')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    import spaceplanner
    import spaceplanner.layers

    for facade in (spaceplanner, spaceplanner.layers):
        for name in facade.__all__:
            assert getattr(facade, name) is not None
