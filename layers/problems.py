"""Problems found while reading and checking layers, collected rather than raised.

Validation reports every problem of every layer at once; loading for analysis raises the first
error. A repair (a fixed geometry, a detected encoding, a reprojection) is a problem of severity
``repair`` or ``note``: it is reported and counted, never silent.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

from spaceplanner.layers.errors import LayerError, SpacePlannerError

__all__ = ["Problem", "Severity"]

Severity = Literal["error", "warning", "repair", "note"]


@dataclass(frozen=True)
class Problem:
    """One thing found wrong with (or done to) a layer."""

    severity: Severity
    message: str
    file: str | None = None
    layer: str | None = None
    field: str | None = None
    feature: str | None = None
    hint: str | None = None
    count: int = 1

    @classmethod
    def from_error(cls, exc: SpacePlannerError) -> Problem:
        """Turn a raised error into an error problem."""
        return cls(
            "error",
            exc.message,
            file=exc.file,
            layer=exc.layer,
            field=exc.field,
            feature=exc.feature,
            hint=exc.hint,
        )

    def to_error(self) -> LayerError:
        """Turn this problem into an exception that can be raised."""
        return LayerError(
            self.message,
            file=self.file,
            layer=self.layer,
            field=self.field,
            feature=self.feature,
            hint=self.hint,
        )

    def relative_to(self, folder: Path) -> Problem:
        """The same problem with its file named relative to ``folder`` when it lies inside it."""
        if self.file and Path(self.file).is_absolute():
            try:
                return replace(self, file=str(Path(self.file).relative_to(folder.resolve())))
            except ValueError:
                return self
        return self

    def describe(self, lang: str | None = None) -> str:
        """Return the one-line message, as an error of the same content would print it (in
        ``lang``; default: the language of messages)."""
        return self.to_error().describe(lang)

    def to_dict(self) -> dict[str, object]:
        """Return the problem as a JSON-ready dict."""
        return asdict(self)
