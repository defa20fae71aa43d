"""The run record of a report: what was evaluated, with what, when."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path

from spaceplanner import __version__
from spaceplanner.model.plan import Plan
from spaceplanner.model.rules import Profile
from spaceplanner.results.report import RunRecord

__all__ = ["file_digest", "prefetch_digest", "run_record"]


def run_record(plan: Plan, profile: Profile, scenario: str, period: str) -> RunRecord:
    """What was evaluated, with what, when: so a report.json can be traced and reproduced."""
    return RunRecord(
        tool="spaceplanner",
        version=__version__,
        time=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        plan_file=str(plan.path) if plan.path else None,
        plan_sha256=file_digest(plan.path) if plan.path else None,
        rules=profile.name,
        rules_file=str(profile.path),
        rules_sha256=file_digest(profile.path),
        scenario=scenario,
        period=period,
        targets_set_by_plan=dict(plan.targets),
    )


_DIGESTS: dict[tuple[str, int, int], Future[str]] = {}
_LOCK = threading.Lock()


def _key(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _digest_future(path: Path, key: tuple[str, int, int], *, background: bool) -> Future[str]:
    with _LOCK:
        future = _DIGESTS.get(key)
        if future is not None:
            return future
        future = _DIGESTS[key] = Future()
    if background:
        threading.Thread(target=_fill, args=(future, path), daemon=True).start()
    else:
        _fill(future, path)
    return future


def _fill(future: Future[str], path: Path) -> None:
    try:
        future.set_result(_sha256(path))
    except BaseException as exc:  # an unreadable file: its digest is None, as before
        future.set_exception(exc)


def prefetch_digest(path: Path | None) -> None:
    """Start the SHA-256 of ``path`` on a thread of its own (hashing releases Python's lock, so
    it runs beside the evaluation: seconds for a city-scale plan file); :func:`file_digest`
    then takes it."""
    if path is None:
        return
    key = _key(path)
    if key is not None:
        _digest_future(path, key, background=True)


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file, remembered while its size and modification time stay the same (the
    desktop evaluates after every edit and must not read a large file again each time)."""
    key = _key(path)
    if key is None:
        return None
    future = _digest_future(path, key, background=False)
    try:
        return future.result()
    except OSError:
        with _LOCK:
            _DIGESTS.pop(key, None)
        return None
