"""Words and short phrases the loaders put inside their messages (rows of a table, geometry
types, units), marked for translation so a message is said whole in Chinese
(:func:`spaceplanner.i18n.say`). A code without a word is shown as it is."""

from __future__ import annotations

from collections.abc import Iterable

from spaceplanner.i18n import Template, Text, tx

__all__ = ["either_text", "geometry_word", "list_text", "rows_text", "severity_word", "unit_word"]

_GEOMETRIES = {"point": tx("points"), "line": tx("lines"), "polygon": tx("polygons")}

_UNITS = {
    "persons": tx("persons"),
    "households": tx("households"),
    "floors": tx("floors"),
    "m": tx("m"),
    "m2": tx("m²"),
    "kV": tx("kV"),
}


def rows_text(row: int, more: int = 0) -> Text:
    """``row 5`` or ``row 5 (and 3 more)``: where in a table a problem is (1-based row)."""
    if more > 0:
        return tx("row {row} (and {more} more)").format(row=row, more=more)
    return tx("row {row}").format(row=row)


def geometry_word(family: str) -> Template | str:
    """The plural word for a geometry family (``polygon`` -> polygons / 面)."""
    return _GEOMETRIES.get(family, f"{family}s")


def either_text(words: Iterable[str]) -> str:
    """``a or b or c``, each word said in the language of the message."""
    items = list(words)
    if not items:
        return ""
    text: str = items[0]
    for word in items[1:]:
        text = tx("{first} or {second}").format(first=text, second=word)
    return text


def unit_word(unit: str | None) -> Template | str:
    """The word for a catalogue unit (``persons`` -> persons / 人); a number without a unit
    reads "a number"."""
    if not unit:
        return tx("a number")
    return _UNITS.get(unit, unit)


def list_text(items: Iterable[str]) -> str:
    """``a, b, c``: items (each maybe a sentence of its own) listed in the language of the
    message."""
    parts = list(items)
    if not parts:
        return ""
    text: str = parts[0]
    for item in parts[1:]:
        text = tx("{first}, {second}").format(first=text, second=item)
    return text


_SEVERITIES = {
    "error": tx("error", "severity of a problem"),
    "warning": tx("warning", "severity of a problem"),
    "repair": tx("repair", "severity of a problem"),
    "note": tx("note", "severity of a problem"),
}


def severity_word(severity: str) -> Template | str:
    """The word for a problem's severity (``warning`` -> warning / 警告)."""
    return _SEVERITIES.get(severity, severity)
