"""The run record's file digests: SHA-256 as hashlib computes it, hashed on a thread beside the
evaluation when asked ahead, computed again when the file changes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from spaceplanner.results.run import file_digest, prefetch_digest


def test_a_digest_asked_ahead_is_the_files_sha256(tmp_path: Path) -> None:
    path = tmp_path / "plan.gpkg"
    path.write_bytes(os.urandom(3 << 20))
    prefetch_digest(path)
    assert file_digest(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_changed_file_is_hashed_again(tmp_path: Path) -> None:
    path = tmp_path / "plan.gpkg"
    path.write_bytes(b"first")
    assert file_digest(path) == hashlib.sha256(b"first").hexdigest()
    path.write_bytes(b"second version")
    prefetch_digest(path)
    assert file_digest(path) == hashlib.sha256(b"second version").hexdigest()


def test_no_file_no_digest(tmp_path: Path) -> None:
    prefetch_digest(tmp_path / "missing.gpkg")
    prefetch_digest(None)
    assert file_digest(tmp_path / "missing.gpkg") is None
    assert file_digest(tmp_path) is None  # a folder
