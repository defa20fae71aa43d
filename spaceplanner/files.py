"""Writing outputs safely: the one place where SpacePlanner puts files on disk.

Two helpers, for every output the tool writes (``evaluate``, ``export``, ``convert``, the
desktop's saves and exports):

- :func:`output_unit` writes the outputs of one run as one unit. It takes a lock on the output
  folder (a second run into the same folder is refused, never interleaved), lets the caller write
  everything into a hidden staging folder beside the outputs, and only then swaps the new outputs
  in; the old ones are kept aside until the swap is complete, and put back if it fails. A run
  killed mid-write leaves only its staging folder, which the next run into the folder removes (and
  if it was killed mid-swap, the next run puts the previous outputs back first).
- :func:`atomic_path` replaces one file atomically (written beside it, flushed, renamed).

Both refuse to write over an input of the plan (:func:`plan_inputs`) and turn the operating
system's errors (disk full, read-only folder, a file where a folder belongs) into a
:class:`~spaceplanner.layers.errors.PlanError` saying what to do; the previous outputs stay as
they were.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from spaceplanner import settings
from spaceplanner.i18n import tx
from spaceplanner.layers.errors import PlanError, SpacePlannerError

__all__ = [
    "EVALUATE_OUTPUTS",
    "LOCK_NAME",
    "RESULTS_TABLE",
    "atomic_path",
    "check_output_folder",
    "check_targets",
    "folder_lock",
    "is_plan_file",
    "mark_results",
    "output_unit",
    "own_output",
    "pause",
    "plan_inputs",
    "safe_name",
]

#: The lock file a run holds in its output folder while it writes there.
LOCK_NAME = ".spaceplanner.lock"
#: Staging folders of runs in progress (or killed): ``.spaceplanner-tmp-<random>``.
_STAGING_PREFIX = ".spaceplanner-tmp-"
#: In a staging folder: present while new outputs are being swapped in (the list of names).
_JOURNAL = "swapping.json"
#: The table that marks a GeoPackage of results (``gaps.gpkg``, the exported ``results.gpkg``).
RESULTS_TABLE = "spaceplanner_results"
#: The files ``evaluate`` writes into its folder.
EVALUATE_OUTPUTS = ("report.json", "gaps.gpkg")

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def _write_error(exc: BaseException, where: Path, *, full: bool = False) -> PlanError:
    """The user's message for an error met while writing into ``where`` (``full``: the disk was
    found full after it)."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    reason = getattr(exc, "strerror", None) or str(exc)
    if code in _DISK_FULL or "disk is full" in text or "no space left" in text or full:
        msg: str = tx("the disk is full ({reason})").format(reason=reason)
        hint = tx("free some space or choose another --out; the previous outputs are unchanged")
    elif code in _READ_ONLY or "read-only" in text or "permission denied" in text:
        msg = tx("the output folder cannot be written ({reason})").format(reason=reason)
        hint = tx("choose another --out or fix the folder's permissions")
    elif code == errno.ENAMETOOLONG:
        msg = tx("a file name is too long for this file system")
        hint = tx("shorten the layer names or choose a shorter --out")
    elif code in (errno.ENOTDIR, errno.EEXIST):
        msg = tx("a file stands where a folder is needed")
        hint = tx("choose another --out")
    else:
        msg = tx("writing the outputs failed ({reason})").format(reason=reason)
        hint = tx("check the folder and the free space; the previous outputs are unchanged")
    return PlanError(msg, file=str(where), hint=hint)


def _is_write_failure(exc: BaseException, where: Path) -> bool:
    """True for an error of the file system (not of our code): an OSError, or a GDAL/SQLite
    error that says the disk is full or the file cannot be written, or any error met while the
    disk has no room left."""
    if isinstance(exc, OSError | sqlite3.OperationalError):
        return True
    text = str(exc).lower()
    if any(w in text for w in ("disk is full", "no space left", "read-only", "permission denied")):
        return True
    return _nearly_full(where)


def _nearly_full(where: Path) -> bool:
    """True when the file system of ``where`` has less than 1 MiB free (GDAL reports a full disk
    as whatever went wrong next, e.g. a table it could not create)."""
    try:
        return shutil.disk_usage(where).free < 1024 * 1024
    except OSError:
        return False


def _fsync_tree(path: Path) -> None:
    """Flush ``path`` (a file, or every file under a folder) and its folders to disk."""
    paths = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    for p in paths:
        with p.open("rb+") as fh:
            os.fsync(fh.fileno())
    folders = {p.parent for p in paths} | ({path} if path.is_dir() else {path.parent})
    for folder in folders:
        _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


# --- inputs ----------------------------------------------------------------------------------


class _Sourced(Protocol):
    @property
    def source(self) -> str | None: ...


class PlanSources(Protocol):
    """What :func:`plan_inputs` reads of a plan (a :class:`spaceplanner.model.plan.Plan`): the
    file it was loaded from and its layers' sources. This module sits below the model, so it names
    no model class."""

    @property
    def path(self) -> Path | None: ...

    def __iter__(self) -> Iterator[_Sourced]: ...


def plan_inputs(plan: PlanSources, *, rules: Path | str | None = None) -> list[Path]:
    """Every file ``plan`` was read from: its plan file (TOML spec or GeoPackage) and each layer's
    source (with a Shapefile's sidecar files), plus the rule profile ``rules`` when it is a file
    (``.toml``; a profile name is not)."""
    profile = Path(rules) if rules and Path(rules).suffix.lower() == ".toml" else None
    files: list[Path] = []
    for item in (plan.path, *(layer.source for layer in plan), profile):
        if not item:
            continue
        path = Path(item)
        files.append(path)
        if path.suffix.lower() == ".shp":
            files += [p for p in path.parent.glob(f"{path.stem}.*") if p != path]
    return files


def _same_or_inside(target: Path, inputs: Iterable[Path]) -> Path | None:
    """The first input that is ``target`` itself or lies inside the folder ``target``."""
    if not target.exists():
        return None
    real = os.path.realpath(target)
    for item in inputs:
        if not item.exists():
            continue
        try:
            if os.path.samefile(target, item):
                return item
        except OSError:
            continue
        if target.is_dir() and os.path.realpath(item).startswith(real.rstrip(os.sep) + os.sep):
            return item
    return None


def is_plan_file(path: Path) -> bool:
    """True when ``path`` is a plan GeoPackage (it has SpacePlanner's plan metadata table)."""
    return settings.METADATA_TABLE in _gpkg_table_names(path)


def _gpkg_table_names(path: Path) -> set[str]:
    if not path.is_file() or path.suffix.lower() != ".gpkg":
        return set()
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return set()
    return {str(r[0]) for r in rows}


def check_output_folder(folder: Path) -> None:
    """Refuse an output folder that is a file, or lies under one."""
    for part in (folder, *folder.parents):
        if part.exists():
            if not part.is_dir():
                msg = (
                    tx("cannot write to this folder: it is a file")
                    if part == folder
                    else tx("cannot write to this folder: '{name}' on its path is a file").format(
                        name=part.name
                    )
                )
                raise PlanError(msg, file=str(folder), hint=tx("choose a folder for --out"))
            return


def check_targets(
    folder: Path,
    names: Iterable[str],
    *,
    overwrite: bool,
    inputs: Iterable[Path] = (),
    replaceable: Callable[[Path], bool] | None = None,
) -> None:
    """Refuse to write ``names`` into ``folder`` when that would replace an input, a plan file,
    or (without ``overwrite``) an existing file that ``replaceable`` does not accept.

    Raises
    ------
    PlanError
        Naming the file that would be lost and what to do.
    """
    check_output_folder(folder)
    inputs = list(inputs)
    clashes = []
    for name in names:
        target = folder / name
        hit = _same_or_inside(target, inputs)
        if hit is not None:
            msg = (
                tx("the output '{name}' would replace an input of the plan")
                if hit.resolve() == target.resolve()
                else tx("the output '{name}' would replace a folder holding an input of the plan")
            ).format(name=name)
            raise PlanError(
                msg,
                file=str(hit),
                hint=tx("choose another --out; inputs are never written"),
            )
        if is_plan_file(target):
            msg = tx("the output '{name}' would replace a plan file").format(name=name)
            raise PlanError(msg, file=str(target), hint=tx("choose another --out"))
        exists = target.exists() or target.is_symlink()
        if exists and not overwrite and not (replaceable and replaceable(target)):
            clashes.append(name)
    if clashes:
        msg = tx("{n} output(s) exist ({names})").format(
            n=len(clashes), names=", ".join(clashes[:4])
        )
        raise PlanError(msg, file=str(folder), hint=tx("choose another --out or add --overwrite"))


# --- the lock --------------------------------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s lock file; refuse at once (never wait) when another run holds it.

    With ``fcntl`` the lock dies with its process (a killed run never blocks the next); the file
    is removed on release. Without it (Windows), the file is created exclusively and holds the
    pid; a lock whose process is gone is taken over.
    """
    path = folder / LOCK_NAME
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        fcntl = None  # type: ignore[assignment]
    while True:
        if fcntl is not None:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                _busy(path)
            # the holder before us may have removed the file after we opened it: retry then
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                os.close(fd)
                continue
        else:  # pragma: no cover - Windows
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                try:
                    pid = int(path.read_text(encoding="ascii").strip() or 0)
                except (OSError, ValueError):
                    pid = 0
                if pid and _pid_alive(pid):
                    _busy(path)
                with contextlib.suppress(OSError):
                    path.unlink()
                continue
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


def _busy(path: Path) -> None:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except OSError:
        pid = ""
    msg = (
        tx("another SpacePlanner run is writing into this folder (pid {pid})").format(pid=pid)
        if pid
        else tx("another SpacePlanner run is writing into this folder")
    )
    raise PlanError(
        msg, file=str(path.parent), hint=tx("wait for it to finish, or choose another --out")
    )


# --- staging and the swap --------------------------------------------------------------------


def _recover(folder: Path) -> None:
    """Clean up after runs that were killed (called with the folder's lock held).

    A staging folder with a journal was killed while swapping: the outputs it moved in are taken
    out and the previous ones, kept in its ``old`` folder, are put back. Every staging folder is
    then removed: no half-written output survives.
    """
    for staging in folder.glob(f"{_STAGING_PREFIX}*"):
        if not staging.is_dir():
            continue
        journal = staging / _JOURNAL
        if journal.is_file():
            try:
                names: dict[str, bool] = json.loads(journal.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                names = {}
            for name, had_previous in names.items():
                old, new, target = staging / "old" / name, staging / "new" / name, folder / name
                if (old.exists() or old.is_symlink()) and had_previous:
                    _remove(target)
                    old.replace(target)
                elif not had_previous and not new.exists():
                    _remove(target)
            _fsync_dir(folder)
        shutil.rmtree(staging, ignore_errors=True)


def _swap(folder: Path, staging: Path, names: list[str]) -> None:
    """Move ``staging/new/<name>`` to ``folder/<name>`` for every name, as one unit."""
    new, old = staging / "new", staging / "old"
    old.mkdir()
    had = {name: (folder / name).exists() or (folder / name).is_symlink() for name in names}
    journal = staging / _JOURNAL
    journal.write_text(json.dumps(had), encoding="utf-8")
    _fsync_tree(journal)
    moved: list[str] = []
    try:
        for name in names:
            if had[name]:
                (folder / name).replace(old / name)
            moved.append(name)
            (new / name).replace(folder / name)
            _pause("swapping")
        _fsync_dir(folder)
    except BaseException:
        for name in reversed(moved):
            if (folder / name).exists() and not (new / name).exists():
                _remove(folder / name)
            if had[name]:
                (old / name).replace(folder / name)
        journal.unlink()
        raise
    journal.unlink()  # from here on the staging folder is rubbish, whatever happens to it
    _fsync_dir(staging)


@contextlib.contextmanager
def output_unit(
    folder: Path | str,
    *,
    overwrite: bool = False,
    inputs: Iterable[Path] = (),
    replaceable: Callable[[Path], bool] | None = None,
    held: bool = False,
) -> Iterator[Path]:
    """Write one run's outputs into ``folder`` as one unit.

    Yields a staging folder: write every output there (files or folders at its top level). When
    the block ends without error, the outputs are checked (:func:`check_targets`) and swapped
    into ``folder`` together; on any error, nothing in ``folder`` changes.

    Parameters
    ----------
    folder
        The output folder; created when missing.
    overwrite
        Replace existing outputs; without it an existing output is refused (unless
        ``replaceable`` accepts it).
    inputs
        Files the outputs must never replace (:func:`plan_inputs`).
    replaceable
        Says whether an existing file may be replaced without ``overwrite`` (``evaluate``
        refreshes its own earlier outputs).
    held
        The caller already holds ``folder``'s lock (:func:`folder_lock`), for a run that writes
        there before its outputs (the city batch's per-community results).

    Raises
    ------
    PlanError
        When another run writes into ``folder``, an output would replace an input, a plan file or
        (without ``overwrite``) an existing file, or the file system refuses (disk full,
        read-only, not a folder).
    """
    folder = Path(folder)
    inputs = list(inputs)
    check_output_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(exc, folder) from exc
    try:
        lock = contextlib.nullcontext() if held else _folder_lock(folder)
        lock.__enter__()
    except OSError as exc:
        raise _write_error(exc, folder) from exc
    try:
        _recover(folder)
        try:
            staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=folder))
            (staging / "new").mkdir()
        except OSError as exc:
            raise _write_error(exc, folder) from exc
        try:
            _pause("writing")
            yield staging / "new"
            names = sorted(p.name for p in (staging / "new").iterdir())
            check_targets(
                folder, names, overwrite=overwrite, inputs=inputs, replaceable=replaceable
            )
            _fsync_tree(staging / "new")
            _pause("staged")
            _swap(folder, staging, names)
        except SpacePlannerError:
            raise
        except Exception as exc:
            if _is_write_failure(exc, staging):
                full = _nearly_full(staging)
                raise _write_error(exc, folder, full=full) from exc
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        lock.__exit__(None, None, None)


@contextlib.contextmanager
def folder_lock(folder: Path | str) -> Iterator[Path]:
    """Hold ``folder``'s lock (made when missing) for a run that writes there over time; refuse
    at once when another run holds it. Yields the folder."""
    folder = Path(folder)
    check_output_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = _folder_lock(folder)
        lock.__enter__()
    except OSError as exc:
        raise _write_error(exc, folder) from exc
    try:
        yield folder
    finally:
        lock.__exit__(None, None, None)


def pause(point: str) -> None:
    """A point where the test suite may hold a run (see :func:`_pause`); ``community``: the
    city batch after saving a community's result."""
    _pause(point)


def _pause(point: str) -> None:
    """Wait here while ``SPACEPLANNER_TEST_PAUSE`` is ``<point>:<file>`` and the file exists.

    The test suite uses it to kill a run at a known point: the run touches ``<file>.reached``
    first. ``point`` is ``writing`` (staging folder made, nothing written), ``staged``
    (everything written, nothing swapped in) or ``swapping`` (the first output swapped in).
    """
    wanted, _, flag = os.environ.get("SPACEPLANNER_TEST_PAUSE", "").partition(":")
    if wanted != point or not flag:
        return
    import time

    Path(f"{flag}.reached").touch()
    while Path(flag).exists():
        time.sleep(0.05)


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends without error, the file
    written there is flushed to disk and renamed over ``target``.

    On any failure the temporary file (and SQLite's side files) is removed and ``target`` is left
    as it was; errors of the file system become a :class:`PlanError`.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        msg = tx("the folder does not exist")
        raise PlanError(msg, file=str(target), hint=tx("create the folder first or choose another"))
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{target.stem[:40]}.", suffix=f".tmp{target.suffix}", dir=folder
        )
    except OSError as exc:
        raise _write_error(exc, target) from exc
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        yield tmp
        _fsync_tree(tmp)
        tmp.replace(target)
        _fsync_dir(folder)
    except SpacePlannerError:
        raise
    except Exception as exc:
        if _is_write_failure(exc, folder):
            raise _write_error(exc, target, full=_nearly_full(folder)) from exc
        raise
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{tmp}{suffix}").unlink()


# --- results files ----------------------------------------------------------------------


def mark_results(path: Path, run: dict[str, Any] | None) -> None:
    """Mark the GeoPackage ``path`` as results (not a plan): an attributes table with the run
    record, so ``spaceplanner info`` and ``load_plan`` can say what the file is."""
    import pandas as pd
    import pyogrio

    table = pd.DataFrame(
        {"key": ["run"], "value": [json.dumps(run or {}, ensure_ascii=False, default=str)]}
    )
    pyogrio.write_dataframe(table, path, layer=RESULTS_TABLE, driver="GPKG", append=True)


def own_output(path: Path) -> bool:
    """True for a file an earlier ``evaluate`` wrote (``evaluate`` refreshes those)."""
    if path.name == "report.json" and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and {"plan", "rules", "population"} <= set(data)
    if path.name == "gaps.gpkg":
        tables = _gpkg_table_names(path)
        return settings.METADATA_TABLE not in tables and (
            RESULTS_TABLE in tables or "residents" in tables
        )
    return False


# --- names -----------------------------------------------------------------------------------

_RESERVED_PREFIXES = ("gpkg", "rtree_", "sqlite_")


def safe_name(name: str, taken: set[str], *, max_bytes: int = 60, ascii_only: bool = False) -> str:
    """A name for a file or table that every file system and GeoPackage reader accepts.

    Letters, digits, ``_`` and ``-`` are kept (only ASCII ones with ``ascii_only``), anything else
    becomes ``_``; the name is cut to ``max_bytes`` of UTF-8, made not to start with a reserved
    GeoPackage prefix, and made unique (case-insensitively) against ``taken``, which it joins.
    The user's name stays in the metadata (plan files) or in ``layers.csv`` (exports).
    """
    kept = "".join(
        ch
        if (ch.isascii() and (ch.isalnum() or ch in "_-")) or (not ascii_only and ch.isalnum())
        else "_"
        for ch in name
    )
    kept = "_".join(p for p in kept.split("_") if p) or "layer"
    if not (kept[0].isascii() and kept[0].isalpha()) and ascii_only:
        kept = f"layer_{kept}"
    if kept.lower().startswith(_RESERVED_PREFIXES):
        kept = f"layer_{kept}"

    def cut(text: str, limit: int) -> str:
        while len(text.encode("utf-8")) > limit:
            text = text[:-1]
        return text

    base = cut(kept, max_bytes)
    candidate, n = base, 1
    while candidate.casefold() in taken:
        n += 1
        tag = f"_{n}"
        candidate = cut(base, max_bytes - len(tag)) + tag
    taken.add(candidate.casefold())
    return candidate
