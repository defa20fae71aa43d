"""Reading attribute values explicitly: yes/no words, numbers with a stated decimal mark.

One set of parsers serves a layer's columns and the constants a plan gives a whole layer, so a
value means the same wherever it is written (``dual_use = "no"`` in a plan is the "no" of a
column). Number text is read with ``.`` as the decimal mark unless the layer says ``decimal =
","``; a comma that can only be a decimal mark (``"37,5"``) is refused rather than dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "BOOL_WORDS",
    "DECIMAL_MARKS",
    "NumberText",
    "bool_value",
    "is_missing",
    "parse_number_texts",
]

_TRUE = {"1", "true", "t", "yes", "y", "是", "对", "真", "√"}
_FALSE = {"0", "false", "f", "no", "n", "否", "不", "假", "×", ""}
#: The spellings of yes and no, for messages.
BOOL_WORDS = "true/false, yes/no, 1/0 or 是/否"
#: The decimal marks a layer may declare with ``decimal = ...``.
DECIMAL_MARKS = (".", ",")

# With "." as the decimal mark: plain numbers, and "," only as thousands grouping.
_PLAIN = {
    ".": re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"),
    ",": re.compile(r"[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?"),
}
_GROUPED = {
    ".": re.compile(r"[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?"),
    ",": re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d*)?"),
}
# "1,234": one group of three after a leading 1-3 digits; thousands or a decimal comma.
_ONE_GROUP = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")
_WORDS = {"nan": np.nan, "inf": np.inf, "+inf": np.inf, "-inf": -np.inf, "infinity": np.inf}


def is_missing(value: object) -> bool:
    """True for None, NaN and pandas' missing markers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float | np.floating) and bool(np.isnan(value))


def bool_value(value: object) -> bool | None:
    """Read a yes/no value; a missing value is no. None when ``value`` is not a yes/no word."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if is_missing(value):
        return False
    if isinstance(value, int | float | np.integer | np.floating) and value in (0, 1):
        return bool(value)
    key = str(value).strip().casefold()
    return True if key in _TRUE else False if key in _FALSE else None


@dataclass
class NumberText:
    """Number texts read with a decimal mark.

    Attributes
    ----------
    values
        The numbers (NaN where a value is missing or unreadable).
    unreadable
        True where the text is not a number.
    decimal_comma
        True where the text has a comma that can only be a decimal mark (``"37,5"``), so the
        layer most likely uses decimal commas (only with ``decimal = "."``).
    ambiguous
        True where ``"1,234"`` was read as thousands with nothing else in the column to confirm it.
    """

    values: np.ndarray
    unreadable: np.ndarray
    decimal_comma: np.ndarray
    ambiguous: np.ndarray


def _one(text: str, decimal: str) -> tuple[float, str]:
    """Return the number and how it was read: ok, grouped, one_group, decimal_comma, bad."""
    key = text.casefold()
    if key == "nan":  # a written "NaN" is no number, and not an empty cell either: say so
        return np.nan, "bad"
    if key in _WORDS:
        return float(_WORDS[key]), "ok"
    group = "," if decimal == "." else "."
    if _PLAIN[decimal].fullmatch(text):
        return float(text.replace(",", ".")), "ok"
    if _GROUPED[decimal].fullmatch(text):
        if decimal == "." and _ONE_GROUP.fullmatch(text):
            return float(text.replace(",", "")), "one_group"
        return float(text.replace(group, "").replace(",", ".")), "grouped"
    if decimal == "." and _PLAIN[","].fullmatch(text):
        return np.nan, "decimal_comma"
    return np.nan, "bad"


def parse_number_texts(texts: pd.Series, decimal: str = ".") -> NumberText:
    """Read number texts (missing values stay NaN).

    ``decimal = "."``: ``"1,234,567"`` and ``"1,234.5"`` are thousands grouping; ``"37,5"`` and
    ``"0,25"`` are decimal commas (marked, not read); ``"1,234"`` is read as 1234 unless the column
    shows its comma is a decimal mark, and is marked ambiguous when nothing in the column confirms
    the grouping (another grouped value, or a value with a decimal point). ``decimal = ","``:
    ``"37,5"`` is 37.5 and ``"1.234,5"`` is 1234.5; a ``.`` is read only as thousands grouping.
    """
    stripped = texts.astype("string").str.strip()
    given = (stripped.notna() & (stripped != "")).to_numpy(dtype=bool)
    plain = stripped.str.fullmatch(r"[+-]?\d+").fillna(False).to_numpy(dtype=bool)
    if decimal == ".":
        plain |= ~stripped.str.contains(",", regex=False).fillna(True).to_numpy(dtype=bool)
    # the common case in one vectorised pass; the rest (commas, words) value by value
    values = pd.to_numeric(stripped.where(plain & given), errors="coerce").to_numpy(dtype=float)
    how = np.full(len(stripped), "ok", dtype=object)
    cache: dict[str, tuple[float, str]] = {}
    slow = given & ~(plain & ~np.isnan(values))
    for i in np.flatnonzero(slow):
        text = stripped.iloc[i]
        found = cache.get(text)
        if found is None:
            found = cache[text] = _one(str(text), decimal)
        values[i], how[i] = found
    one_group = how == "one_group"
    with_point = stripped.str.contains(".", regex=False).fillna(False).to_numpy(dtype=bool)
    confirmed = bool((how == "grouped").any() or (with_point & (how == "ok") & given).any())
    return NumberText(
        values,
        how == "bad",
        how == "decimal_comma",
        one_group & (not confirmed),
    )
