"""The run record of a report: what was evaluated, with what, when."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from spaceplanner import __version__
from spaceplanner.model.plan import Plan
from spaceplanner.model.rules import Profile
from spaceplanner.results.report import RunRecord

__all__ = ["file_digest", "run_record"]


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


_DIGESTS: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file, remembered while its size and modification time stay the same (the
    desktop evaluates after every edit and must not read a large file again each time)."""
    try:
        st = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    found = _DIGESTS.get(key)
    if found is None:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        found = _DIGESTS[key] = digest.hexdigest()
    return found
