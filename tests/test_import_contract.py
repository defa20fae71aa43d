"""The dependency direction, held for every import (also those inside functions):

    spaceplanner.ui
    > spaceplanner.cli, cli_common, cli_suggest, cli_batch, cli_new, cli_sheets,
      cli_compare
    > spaceplanner.city > spaceplanner.outputs > spaceplanner.sources > spaceplanner.engine
    > spaceplanner.results
    > spaceplanner.model
    > spaceplanner.model
    > spaceplanner.files, feedback, settings, sample_maps
    > spaceplanner.layers
    > spaceplanner.i18n (the message catalogue: every layer says its messages through it)

A module imports only from its own layer or the layers below; no two modules import each other,
directly or round a loop; core and layers never import Qt; and the command line's parser and the
CRS helpers load no heavy library.
"""

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
        if m.startswith("spaceplanner")
        and not m.startswith("spaceplanner.layers")
        and m != "spaceplanner.i18n"  # the message catalogue lies below the layers
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


# --- layering and cycles, over every import of every module -----------------------------------

#: Top to bottom; a module may import its own layer and those below it.
LAYERS: list[tuple[str, ...]] = [
    ("spaceplanner.ui",),
    (
        "spaceplanner.cli",
        "spaceplanner.cli_common",
        "spaceplanner.cli_suggest",
        "spaceplanner.cli_batch",
        "spaceplanner.cli_new",
        "spaceplanner.cli_sheets",
        "spaceplanner.cli_compare",
    ),
    ("spaceplanner.city",),
    ("spaceplanner.outputs",),
    # plans built from outside data (OSM extracts, ...): they use the engine's network rules
    ("spaceplanner.sources",),
    ("spaceplanner.engine",),
    ("spaceplanner.results",),
    ("spaceplanner.model",),
    (
        "spaceplanner.files",
        "spaceplanner.feedback",
        "spaceplanner.settings",
        "spaceplanner.sample_maps",
    ),
    ("spaceplanner.layers",),
    ("spaceplanner.i18n",),
]
#: Folder of the repository -> the package it is installed as (pyproject's package-dir).
FOLDERS = {
    "spaceplanner": "spaceplanner",
    "layers": "spaceplanner.layers",
    "ui": "spaceplanner.ui",
    "sample_maps": "spaceplanner.sample_maps",
}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def _layer(module: str) -> int | None:
    """0 for the bottom layer; None for a module in no layer (the package facade)."""
    for rank, group in enumerate(reversed(LAYERS)):
        if any(module == g or module.startswith(g + ".") for g in group):
            return rank
    return None


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return inside


def _edges() -> list[tuple[str, str, int, bool]]:
    """``(importer, imported, line, type_checking_only)`` for every import of a project module,
    at module level or inside a function; ``from package import module`` names the module."""
    edges = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = _type_checking_nodes(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*up, *([node.module] if node.module else [])])
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                    for alias in node.names
                ]
            else:
                continue
            edges += [
                (name, target, node.lineno, id(node) in typing_only)
                for target in targets
                if target == "spaceplanner" or target.startswith("spaceplanner.")
            ]
    return edges


EDGES = _edges()


def test_every_module_has_a_layer() -> None:
    """A new module or sub-package must be placed in LAYERS (so the rules below cover it)."""
    assert [m for m in MODULES if m != "spaceplanner" and _layer(m) is None] == []


def test_no_module_imports_a_higher_layer() -> None:
    """Also imports inside functions and under TYPE_CHECKING: a lower layer never names a higher
    one (files -> outputs, model -> results, results -> engine are all refused)."""
    bad = [
        f"{a}:{line} imports {b}"
        for a, b, line, _ in EDGES
        if (la := _layer(a)) is not None and (lb := _layer(b)) is not None and lb > la
    ]
    assert bad == []


def test_the_package_facade_is_not_used_from_inside() -> None:
    """``from spaceplanner import load_plan`` inside the package would reach any layer through
    the lazy facade; modules import from the module that defines the name."""
    bad = []
    for name, path in MODULES.items():
        if name == "spaceplanner":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "spaceplanner":
                bad += [
                    f"{name}:{node.lineno} from spaceplanner import {a.name}"
                    for a in node.names
                    if a.name != "__version__" and f"spaceplanner.{a.name}" not in MODULES
                ]
    assert bad == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles() -> None:
    """No module reaches itself through imports run at any time (module level or in a function;
    imports under TYPE_CHECKING never run and do not count)."""
    graph: dict[str, set[str]] = {}
    for a, b, _, typing_only in EDGES:
        if not typing_only and a != b and b in MODULES:
            graph.setdefault(a, set()).add(b)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


# --- what importing loads -----------------------------------------------------------------------

HEAVY = (
    "geopandas",
    "shapely",
    "scipy",
    "pandas",
    "numpy",
    "pyogrio",
    "rasterio",
    "pyproj",
    "ortools",
    "folium",
    "matplotlib",
)


def _loaded_after(code: str) -> list[str]:
    """Heavy libraries and engine/output/result/plan modules in ``sys.modules`` after ``code``."""
    probe = (
        f"{code}\nimport sys\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        f"{HEAVY!r} or m.startswith(('spaceplanner.engine', 'spaceplanner.outputs', "
        "'spaceplanner.results', 'spaceplanner.model.plan'))]\n"
        "print(sorted({m if m.startswith('spaceplanner') else m.split('.')[0] for m in heavy}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


def test_the_command_line_help_loads_no_gis_library_nor_engine() -> None:
    """``spaceplanner --help`` (and each command's help) builds the parser from light modules."""
    commands = ["validate", "evaluate", "export", "suggest", "info", "convert"]
    code = (
        "import contextlib, io\n"
        "from spaceplanner.cli import main\n"
        f"for argv in [['--help'], *[[c, '--help'] for c in {commands!r}]]:\n"
        "    with contextlib.redirect_stdout(io.StringIO()) as text:\n"
        "        try:\n"
        "            main(argv)\n"
        "        except SystemExit as exc:\n"
        "            assert exc.code == 0, (argv, exc.code)\n"
        "    assert 'usage:' in text.getvalue(), argv"
    )
    assert _loaded_after(code) == []


def test_the_help_names_every_choice_from_settings() -> None:
    """The light parser still offers what the engine and exports accept."""
    from spaceplanner import settings
    from spaceplanner.cli import build_parser
    from spaceplanner.engine.evaluation import PERIODS
    from spaceplanner.outputs.exports import FORMATS

    assert tuple(PERIODS) == settings.PERIODS
    assert tuple(FORMATS) == settings.EXPORT_FORMATS
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    evaluate = sub.choices["evaluate"]  # type: ignore[index]
    period = next(a for a in evaluate._actions if a.dest == "period")
    assert tuple(period.choices) == settings.PERIODS


def test_importing_the_crs_helpers_loads_no_solver_nor_engine() -> None:
    """``spaceplanner.layers.crs`` needs pyproj (and geopandas), never OR-Tools, scipy or the
    engine (the package facades used to import the engine eagerly)."""
    loaded = _loaded_after("import spaceplanner.layers.crs")
    assert not {"ortools", "scipy"} & set(loaded)
    assert [m for m in loaded if m.startswith("spaceplanner.")] == []
