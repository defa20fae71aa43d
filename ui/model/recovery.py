"""Crash recovery without Qt: autosave copies of open plans, and opening them again.

The main window autosaves a plan with unsaved edits every minute; a clean save or close removes
the autosave. Whatever is left when the app starts again came from a session that did not end
cleanly (:meth:`Recovery.pending`), and :meth:`Recovery.recover` opens one as an unsaved session.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from spaceplanner.files import atomic_path
from spaceplanner.model.plan_file import load_gpkg, save_plan
from spaceplanner.ui.model.session import Session

__all__ = ["Recovery"]


class Recovery:
    """Autosave copies of open plans, and finding them again after a crash.

    Each open plan autosaves to ``<folder>/<key>.gpkg`` beside ``<key>.json`` (the plan's own
    file, its name, when it was written and by which process). A clean save or close removes
    both; whatever is left when the app starts again came from a session that did not end
    cleanly and is offered for recovery.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    @staticmethod
    def key_for(session: Session) -> str:
        """A stable name for the session's autosave (by plan file, else by plan name)."""
        basis = (
            str(session.path.resolve())
            if session.path
            else f"untitled:{session.plan.name}:{os.getpid()}:{id(session)}"
        )
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]

    def autosave(self, session: Session) -> Path:
        """Write the session's plan to its autosave file and return the path.

        The plan file, then its description, each atomically
        (:func:`spaceplanner.files.atomic_path`): a description is only ever beside a whole plan
        file.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        key = self.key_for(session)
        target = self.folder / f"{key}.gpkg"
        session.store_views()
        save_plan(session.plan, target)
        info = {
            "plan": session.plan.name,
            "source": str(session.path) if session.path else None,
            "written": time.time(),
            "pid": os.getpid(),
        }
        with atomic_path(self.folder / f"{key}.json") as tmp:
            tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        return target

    def discard(self, session: Session) -> None:
        """Remove the session's autosave (after a clean save or close)."""
        key = self.key_for(session)
        for suffix in (".gpkg", ".json"):
            with contextlib.suppress(OSError):
                (self.folder / f"{key}{suffix}").unlink()

    def pending(self) -> list[dict[str, Any]]:
        """Autosaves left by sessions that did not end cleanly, newest first.

        Each item: ``file`` (the autosave), ``plan`` (name), ``source`` (the plan's own file or
        None), ``written`` (seconds since the epoch).
        """
        found: list[dict[str, Any]] = []
        if not self.folder.is_dir():
            return found
        for info_path in self.folder.glob("*.json"):
            gpkg = info_path.with_suffix(".gpkg")
            try:
                info = json.loads(info_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not gpkg.is_file() or _running(info.get("pid")):
                continue  # ours, or another copy of the app still open
            found.append({**info, "file": gpkg, "key": info_path.stem})
        return sorted(found, key=lambda i: -float(i.get("written", 0)))

    def remove(self, key: str) -> None:
        """Forget an autosave the user declined."""
        for suffix in (".gpkg", ".json"):
            with contextlib.suppress(OSError):
                (self.folder / f"{key}{suffix}").unlink()

    def recover(self, item: dict[str, Any]) -> Session:
        """Open the autosave ``item`` (one of :meth:`pending`) as an unsaved session.

        The file is first copied aside (kept in ``recovered/``): a recovered plan's rasters are
        read from it later. The session autosaves at once under its own key, and the old
        autosave is removed when that key differs.

        Raises
        ------
        SpacePlannerError
            When the autosave cannot be read as a plan file.
        PlanError
            When it cannot be copied (disk full, folder not writable).
        """
        kept = self.folder / "recovered"
        kept.mkdir(parents=True, exist_ok=True)
        copy = kept / f"{item['key']}-{int(time.time())}.gpkg"
        with atomic_path(copy) as tmp:
            shutil.copy2(item["file"], tmp)
        plan = load_gpkg(copy, strict=False)
        source = Path(item["source"]) if item.get("source") else None
        plan.path = source
        session = Session(plan, path=source)
        session.stack.mark_unsaved()  # the recovered edits are not in the plan's own file
        self.autosave(session)
        if self.key_for(session) != item["key"]:
            self.remove(item["key"])
        return session


def _running(pid: object) -> bool:
    """True when ``pid`` is this process or another one still running."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    except OSError:
        return False
    return True
