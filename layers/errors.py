"""The one exception family of SpacePlanner.

Every error a user can cause carries where it happened (file, layer, field, feature) and what to
do about it, so the CLI can print one clear line and the desktop app can show it in a dialog.
"""

from __future__ import annotations

from spaceplanner.i18n import current_lang, say, tx

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
        super().__init__(self.describe("en"))

    def where(self, lang: str = "en") -> str:
        """Return the location as ``file, layer 'x', field 'y', feature z``."""
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.layer:
            parts.append(say(tx("layer '{name}'").format(name=self.layer), lang))
        if self.field:
            parts.append(say(tx("field '{name}'").format(name=self.field), lang))
        if self.feature:
            parts.append(say(tx("feature {id}").format(id=self.feature), lang))
        return ("，" if lang == "zh" else ", ").join(parts)

    def describe(self, lang: str | None = None) -> str:
        """Return the full one-line message: where, what, and what to do, in ``lang`` (default:
        the language of messages, :func:`spaceplanner.i18n.current_lang`)."""
        lang = lang or current_lang()
        text = say(self.message, lang)
        where = self.where(lang)
        if where:
            text = f"{where}{'：' if lang == 'zh' else ': '}{text}"
        if self.hint:
            text = f"{text} — {say(self.hint, lang)}"
        return text


class LayerError(SpacePlannerError):
    """A layer file cannot be read or its content is unusable."""


class PlanError(SpacePlannerError):
    """The plan (its spec, its layers taken together, or its file) is unusable."""


class RuleError(SpacePlannerError):
    """A rule profile is missing, malformed or lacks a value."""
