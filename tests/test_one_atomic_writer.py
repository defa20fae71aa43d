"""One atomic-write helper: every file the tool writes goes through ``spaceplanner.files``
(:func:`~spaceplanner.files.atomic_path` for one file, :func:`~spaceplanner.files.output_unit` for
the outputs of one run). No other module renames a file over another, flushes with ``fsync`` or
names a ``.tmp`` file beside its target: each of those was once a writer of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The one module allowed to rename, flush and name temporary files.
HELPER = ROOT / "spaceplanner" / "files.py"
PACKAGE = ("spaceplanner", "layers", "ui")

#: Calls that move a file into place or flush it: only the helper does that.
_MODULE_CALLS = {
    ("os", "replace"),
    ("os", "rename"),
    ("os", "renames"),
    ("os", "fsync"),
    ("shutil", "move"),
    ("tempfile", "mkstemp"),
    ("tempfile", "NamedTemporaryFile"),
}


def writer_calls(source: str) -> list[tuple[int, str]]:
    """``(line, what)`` for every rename/flush/temporary-file writer in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in {m for m, _ in _MODULE_CALLS}:
            for alias in node.names:
                if (node.module, alias.name) in _MODULE_CALLS:
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            owner = func.value
            if isinstance(owner, ast.Name) and (owner.id, func.attr) in _MODULE_CALLS:
                found.append((node.lineno, f"{owner.id}.{func.attr}()"))
            elif (
                func.attr in ("replace", "rename")
                and len(node.args) == 1
                and not node.keywords
                and not (isinstance(owner, ast.Name) and owner.id in ("os", "shutil"))
            ):
                # Path.replace(target) / Path.rename(target); str.replace takes two arguments,
                # a frame's rename takes keywords
                found.append((node.lineno, f".{func.attr}(target)"))
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and ".tmp" in node.value
        ):
            found.append((node.lineno, f"a temporary name {node.value!r}"))
    return found


def _modules() -> list[Path]:
    return sorted(p for folder in PACKAGE for p in (ROOT / folder).rglob("*.py") if p != HELPER)


def test_the_package_is_scanned() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in _modules()}
    assert {"spaceplanner/model/plan_file.py", "ui/model/recovery.py", "layers/readers.py"} <= names
    assert "spaceplanner/files.py" not in names
    assert writer_calls(HELPER.read_text(encoding="utf-8"))  # the helper itself does it all


def test_no_writer_of_its_own_outside_files_py() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in _modules()
        for line, what in writer_calls(path.read_text(encoding="utf-8"))
    ]
    assert not found, (
        "write files through spaceplanner.files.atomic_path (one file) or output_unit (the "
        "outputs of one run), not a writer of your own:\n" + "\n".join(found)
    )


@pytest.mark.parametrize(
    "source",
    [
        # the autosave's description, as it was written before atomic_path
        'tmp = folder / f".{key}.json.tmp"\ntmp.write_text(text)\ntmp.replace(folder / "x.json")',
        "import os\nos.replace(staged, target)",
        "from os import rename\nrename(a, b)",
        "import shutil\nshutil.move(a, b)",
        "import os\nwith open(p, 'wb') as fh:\n    os.fsync(fh.fileno())",
        "import tempfile\nfd, name = tempfile.mkstemp(dir=folder)",
        "Path(staged).rename(target)",
    ],
)
def test_the_check_finds_a_writer(source: str) -> None:
    assert writer_calls(source)


@pytest.mark.parametrize(
    "source",
    [
        "name = text.replace('_', ' ')",
        "frame = frame.rename(columns=short)",
        "when = stamp.replace(tzinfo=None)",
        "import tempfile\nfolder = tempfile.TemporaryDirectory(prefix='preview-')",
    ],
)
def test_the_check_leaves_other_code_alone(source: str) -> None:
    assert writer_calls(source) == []
