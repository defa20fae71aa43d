"""The app's languages: English (the source strings) and 简体中文 through Qt translations.

One catalogue serves the app and the engine (:mod:`spaceplanner.i18n`):
``spaceplanner/translations/spaceplanner_<locale>.ts`` (the source, edited with Qt Linguist or
by hand) and the compiled ``.qm`` beside it, which ship in the package.
``python -m spaceplanner.ui.i18n`` refreshes the ``.ts`` from the whole code (``pylupdate5``:
``self.tr()`` in the app, ``tx()`` in the engine and loaders, the titles and sources of the
shipped rule profiles) and compiles the ``.qm`` (``lrelease``, from Debian's
``qttools5-dev-tools``). Qt's own strings (standard dialog buttons) come from the ``qtbase``
translations shipped with PyQt5.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PyQt5.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from spaceplanner import i18n as engine_i18n
from spaceplanner.i18n import set_lang

__all__ = ["LANGUAGES", "install", "qm_path", "refresh", "resolve", "ts_path"]

#: Language codes of the app and the Qt locale of each (the engine's table).
LANGUAGES = engine_i18n.LOCALES

_ROOT = Path(__file__).resolve().parents[1]
#: profile keys whose text users read (the rest are values and codes)
_PROFILE_TEXTS = re.compile(r'\b(title|source)\s*=\s*("(?:[^"\\]|\\.)*")')
_installed: list[QTranslator] = []


def resolve(code: str | None) -> str:
    """``"en"`` or ``"zh"`` for a chosen code; ``"system"``/None follows the system locale."""
    if code in LANGUAGES:
        return str(code)
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


def ts_path(lang: str) -> Path:
    """The translation source of ``lang`` (the engine's catalogue, installed or not)."""
    return engine_i18n.ts_path(lang)


def qm_path(lang: str) -> Path:
    """The compiled translation of ``lang``."""
    return ts_path(lang).with_suffix(".qm")


def install(app: QCoreApplication, lang: str) -> bool:
    """Make ``lang`` the app's language (removing the one before); True when a translation
    was loaded (English needs none)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(LANGUAGES.get(lang, "en_GB")))
    # the engine's messages (errors, notes, violations) speak the app's language too
    set_lang(lang)
    if lang == "en":
        return False
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path(lang)))
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.location(QLibraryInfo.LibraryLocation.TranslationsPath)
    if qt.load(f"qtbase_{LANGUAGES[lang]}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    return loaded


def _tool(*names: str) -> str:
    for name in names:
        # pip's PyQt5 puts pylupdate5 beside the venv's python, which need not be on PATH
        places = (Path(sys.executable).with_name(name), Path("/usr/lib/qt5/bin") / name)
        found = shutil.which(name) or next((str(p) for p in places if p.exists()), None)
        if found:
            return found
    msg = f"none of {', '.join(names)} found (install qttools5-dev-tools)"
    raise SystemExit(msg)


def _profile_stubs(folder: Path) -> list[Path]:
    """One Python file per shipped profile with a ``tx("...")`` for each title and source, on the
    profile's own line numbers, so pylupdate5 gathers them with the code."""
    stubs = []
    for profile in sorted((_ROOT / "spaceplanner" / "profiles").glob("*.toml")):
        lines = []
        for line in profile.read_text(encoding="utf-8").splitlines():
            texts = [json.loads(m.group(2)) for m in _PROFILE_TEXTS.finditer(line)]
            lines.append("; ".join(f"tx({json.dumps(t, ensure_ascii=False)})" for t in texts))
        stub = folder / f"{profile.name}.py"
        stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
        stubs.append(stub)
    return stubs


def refresh(ts: Path) -> None:
    """Write (or bring up to date) the translation source ``ts`` from the whole code."""
    code = [
        p
        for folder in ("ui", "spaceplanner", "layers")
        for p in sorted((_ROOT / folder).rglob("*.py"))
    ]
    with tempfile.TemporaryDirectory() as tmp:
        stubs = _profile_stubs(Path(tmp))
        subprocess.run(
            [_tool("pylupdate5"), "-noobsolete", "-tr-function", "tx"]
            + [str(p) for p in [*code, *stubs]]
            + ["-ts", str(ts)],
            check=True,
        )
        # the stubs' locations point at the profiles themselves
        text = ts.read_text(encoding="utf-8")
        for stub in stubs:
            where = Path(os.path.relpath(stub, ts.parent))
            text = text.replace(
                f'filename="{where.as_posix()}"', f'filename="../profiles/{stub.stem}"'
            )
        ts.write_text(text, encoding="utf-8")


def build(update: bool = True) -> None:
    """Refresh the .ts files from the code (with ``update``) and compile the .qm files."""
    for lang in LANGUAGES:
        if lang == "en":
            continue
        if update:
            refresh(ts_path(lang))
        subprocess.run(
            [_tool("lrelease", "lrelease-qt5"), str(ts_path(lang)), "-qm", str(qm_path(lang))],
            check=True,
        )


if __name__ == "__main__":
    build(update="--no-update" not in sys.argv)
