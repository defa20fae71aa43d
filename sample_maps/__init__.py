"""Sample community plans shipped with SpacePlanner, reached by name.

Each sample is a folder with a ``plan.toml``, its data and a README saying what is real and what
is made up. The ``build_<name>.py`` scripts beside them rebuild the data from the sources.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["get_path", "list_samples"]


def _root() -> Path:
    return Path(str(resources.files("spaceplanner.sample_maps")))


def list_samples() -> list[str]:
    """Return the names of the shipped sample maps."""
    return sorted(p.parent.name for p in _root().glob("*/plan.toml"))


def get_path(name: str) -> Path:
    """Return the ``plan.toml`` of the sample map ``name``.

    Raises
    ------
    KeyError
        When there is no such sample; the message lists the samples.
    """
    path = _root() / name / "plan.toml"
    if not path.is_file():
        msg = f"no sample map '{name}'; samples are: {', '.join(list_samples())}"
        raise KeyError(msg)
    return path
