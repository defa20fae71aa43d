"""Where the desktop app keeps its settings (recent plans, language) and autosaves."""

from __future__ import annotations

import os
from pathlib import Path

from PyQt5.QtCore import QSettings, QStandardPaths

__all__ = ["RECENT_MAX", "app_home", "recent_plans", "remember_plan", "settings"]

#: Recent plans kept in the File menu and on the start page.
RECENT_MAX = 8


def app_home() -> Path:
    """Where the app keeps its settings and autosaves (``SPACEPLANNER_HOME`` overrides)."""
    env = os.environ.get("SPACEPLANNER_HOME")
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".spaceplanner")


def settings() -> QSettings:
    """The app's settings (recent plans, language), an INI file in :func:`app_home`."""
    return QSettings(str(app_home() / "settings.ini"), QSettings.Format.IniFormat)


def recent_plans() -> list[str]:
    """The plans opened last, newest first (those that still exist)."""
    value = settings().value("recent", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [p for p in items if p and Path(p).exists()][:RECENT_MAX]


def remember_plan(path: Path) -> None:
    """Put ``path`` first in the recent plans."""
    store = settings()
    items = [str(path.resolve())] + [p for p in recent_plans() if p != str(path.resolve())]
    store.setValue("recent", items[:RECENT_MAX])
    store.sync()
