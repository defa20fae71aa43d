"""Writing an evaluation's outputs: report.json and gaps.gpkg, each atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyogrio

from spaceplanner.layers.errors import PlanError
from spaceplanner.report import Report

__all__ = ["atomic_path", "write_outputs"]


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    On any failure the temporary file is removed and ``target`` is left as it was.
    """
    fd, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent
    )
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        tmp.replace(target)
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def write_outputs(report: Report, folder: Path) -> list[Path]:
    """Write ``report.json`` and ``gaps.gpkg`` (one layer per gap layer) into ``folder``.

    Returns the paths written. Existing outputs in ``folder`` are replaced, atomically.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        msg = f"the output folder cannot be created ({exc.strerror})"
        raise PlanError(msg, file=str(folder), hint="choose another --out") from exc
    written = []
    target = folder / "report.json"
    with atomic_path(target) as tmp:
        tmp.write_text(report.to_json(), encoding="utf-8")
    written.append(target)
    if report.layers:
        target = folder / "gaps.gpkg"
        with atomic_path(target) as tmp:
            first = True
            for name, frame in report.layers.items():
                pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG", append=not first)
                first = False
        written.append(target)
    return written
