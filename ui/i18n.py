"""The app's languages: English (the source strings) and 简体中文 through Qt translations.

Translations live in ``translations/spaceplanner_<locale>.ts`` (the source, edited with Qt
Linguist or by hand) and the compiled ``.qm`` beside it, which ships in the package.
``python -m spaceplanner.ui.i18n`` refreshes the ``.ts`` from the code (``pylupdate5``) and compiles
the ``.qm`` (``lrelease``, from Debian's ``qttools5-dev-tools``). Qt's own strings (standard dialog
buttons) come from the ``qtbase`` translations shipped with PyQt5.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PyQt5.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["LANGUAGES", "install", "qm_path", "resolve", "ts_path"]

#: Language codes of the app and the Qt locale of each.
LANGUAGES = {"en": "en_GB", "zh": "zh_CN"}

_FOLDER = Path(__file__).with_name("translations")
_installed: list[QTranslator] = []


def resolve(code: str | None) -> str:
    """``"en"`` or ``"zh"`` for a chosen code; ``"system"``/None follows the system locale."""
    if code in LANGUAGES:
        return str(code)
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


def ts_path(lang: str) -> Path:
    """The translation source of ``lang``."""
    return _FOLDER / f"spaceplanner_{LANGUAGES[lang]}.ts"


def qm_path(lang: str) -> Path:
    """The compiled translation of ``lang``."""
    return _FOLDER / f"spaceplanner_{LANGUAGES[lang]}.qm"


def install(app: QCoreApplication, lang: str) -> bool:
    """Make ``lang`` the app's language (removing the one before); True when a translation
    was loaded (English needs none)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(LANGUAGES.get(lang, "en_GB")))
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


def build(update: bool = True) -> None:
    """Refresh the .ts files from the code (with ``update``) and compile the .qm files."""
    sources = sorted(str(p) for p in Path(__file__).parent.rglob("*.py"))
    for lang in LANGUAGES:
        if lang == "en":
            continue
        if update:
            subprocess.run(
                [_tool("pylupdate5"), "-noobsolete", *sources, "-ts", str(ts_path(lang))],
                check=True,
            )
        subprocess.run(
            [_tool("lrelease", "lrelease-qt5"), str(ts_path(lang)), "-qm", str(qm_path(lang))],
            check=True,
        )


if __name__ == "__main__":
    build(update="--no-update" not in sys.argv)
