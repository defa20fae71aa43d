"""The one exception family of SpacePlanner.

Every error a user can cause carries where it happened (file, layer, field, feature) and what to
do about it, so the CLI can print one clear line and the desktop app can show it in a dialog.
"""

from __future__ import annotations

__all__ = ["LayerError", "PlanError", "RuleError", "SpacePlannerError"]


class SpacePlannerError(Exception):
    """Base class of every error caused by the user's data or settings.

    Parameters
    ----------
    message
        What is wrong, in one sentence.
    file, layer, field, feature
        Where it is wrong; any may be omitted.
    hint
        What the user can do about it.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        layer: str | None = None,
        field: str | None = None,
        feature: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.layer = layer
        self.field = field
        self.feature = feature
        self.hint = hint
        super().__init__(self.describe())

    def where(self) -> str:
        """Return the location as ``file, layer 'x', field 'y', feature z``."""
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.layer:
            parts.append(f"layer '{self.layer}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        if self.feature:
            parts.append(f"feature {self.feature}")
        return ", ".join(parts)

    def describe(self) -> str:
        """Return the full one-line message: where, what, and what to do."""
        text = self.message
        where = self.where()
        if where:
            text = f"{where}: {text}"
        if self.hint:
            text = f"{text} — {self.hint}"
        return text


class LayerError(SpacePlannerError):
    """A layer file cannot be read or its content is unusable."""


class PlanError(SpacePlannerError):
    """The plan (its spec, its layers taken together, or its file) is unusable."""


class RuleError(SpacePlannerError):
    """A rule profile is missing, malformed or lacks a value."""
