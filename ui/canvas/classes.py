"""Colouring a layer's features by a field: categories (one colour per value) and graduated
classes (a light-to-dark ramp of the layer's colour over quantiles of a number).

Facility kinds take their fixed colour and shape (:data:`spaceplanner.outputs.symbols.
FACILITY_KINDS`, as the web map and the map sheet draw them) and shelter classes the colours of
:data:`SHELTER_CLASSES`; any other field's values get the colours of a qualitative palette in
the order of the values, so a value keeps its colour from one session to the next. Qt-free: the
canvas turns each :class:`StyleClass` into its symbology, the legend lists them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from spaceplanner.model.styles import classify_spec
from spaceplanner.outputs.symbols import FACILITY_KINDS, SHELTER_CLASSES

__all__ = ["MAX_CATEGORIES", "PALETTE", "SHELTER_CLASSES", "StyleClass", "classify"]

#: Colours of other categories, in the order of their values (Paul Tol's "muted" scheme, told
#: apart with the common colour-vision deficiencies), then grey for the rest.
PALETTE = (
    "#332288",
    "#88ccee",
    "#44aa99",
    "#117733",
    "#999933",
    "#ddcc77",
    "#cc6677",
    "#882255",
    "#aa4499",
    "#dddddd",
)
#: At most this many categories get a colour of their own; the rarer values share "other".
MAX_CATEGORIES = len(PALETTE)
_NO_VALUE = "#bbbbbb"
_OTHER = "#888888"
_RAMP_START = "#f7f7f7"


@dataclass(frozen=True)
class StyleClass:
    """One class of a classified layer.

    Attributes
    ----------
    label
        What the legend says: the value, or the range ``low – high``.
    fill
        Its colour (``#rrggbb``).
    marker
        The point marker's shape.
    rows
        The positions (``iloc``) of its features in the frame.
    key
        The value (categories) or the class's index (graduated); None for features without
        a value and for "other".
    """

    label: str
    fill: str
    marker: str
    rows: np.ndarray
    key: Any = None


def classify(
    frame: Any, role: str, style: dict[str, Any], constants: dict[str, Any] | None = None
) -> list[StyleClass] | None:
    """The classes of a layer's features, or None when the layer draws one symbol (no
    ``classify`` in the style and no role default, or no such field in the layer)."""
    spec = classify_spec(role, style)
    if spec is None or frame is None or not len(frame):
        return None
    field = str(spec["field"])
    if field in frame.columns:
        values = frame[field]
    elif constants and field in constants:
        values = pd.Series([constants[field]] * len(frame), index=frame.index)
    else:
        return None
    if spec["mode"] == "graduated":
        numbers = pd.to_numeric(values, errors="coerce")
        if numbers.notna().any():
            return _graduated(numbers, int(str(spec.get("classes", 5))), _base_colour(style))
    return _categories(values, role, field, style)


def _base_colour(style: dict[str, Any]) -> str:
    for key in ("fill", "stroke"):
        value = str(style.get(key, "none"))
        if value.startswith("#") and len(value) == 7:
            return value
    return "#2171b5"


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _categories(values: Any, role: str, field: str, style: dict[str, Any]) -> list[StyleClass]:
    missing = values.isna().to_numpy()
    text = values.map(_text).to_numpy(dtype=object)
    present = text[~missing]
    counts = pd.Series(present).value_counts(sort=False) if len(present) else pd.Series([])
    known = FACILITY_KINDS if field == "kind" and role == "facilities" else None
    known = SHELTER_CLASSES if field == "class" and role == "shelters" else known
    if known is not None:
        order = [k for k in known if k in counts.index]
        order += sorted(k for k in counts.index if k not in known)
    else:
        order = sorted(counts.index, key=_sort_key)
    marker = "circle"
    shown = order
    if known is None and len(order) > MAX_CATEGORIES:
        top = set(counts.sort_values(ascending=False, kind="stable").index[: MAX_CATEGORIES - 1])
        shown = [v for v in order if v in top]
    classes = []
    for i, value in enumerate(shown):
        if known is not None:
            colour, shape = known.get(value, known.get("other", (_OTHER, marker)))
        else:
            colour, shape = PALETTE[i % len(PALETTE)], marker
        rows = np.flatnonzero((text == value) & ~missing)
        classes.append(StyleClass(value, colour, shape, rows, value))
    rest = np.flatnonzero(~missing & ~np.isin(text, shown))
    if len(rest):
        classes.append(StyleClass("other", _OTHER, marker, rest))
    if missing.any():
        classes.append(StyleClass("", _NO_VALUE, marker, np.flatnonzero(missing)))
    return classes


def _sort_key(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), "")
    except ValueError:
        return (1, 0.0, value)


def _mix(a: str, b: str, t: float) -> str:
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))


def _number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.3g}"


def _graduated(numbers: Any, count: int, base: str) -> list[StyleClass]:
    data = numbers.to_numpy(dtype=float)
    finite = np.isfinite(data)
    qs = np.quantile(data[finite], np.linspace(0, 1, count + 1))
    breaks = np.unique(qs)
    if len(breaks) == 1:
        breaks = np.array([breaks[0], breaks[0]])
    n = len(breaks) - 1
    which = np.clip(np.searchsorted(breaks, data, side="right") - 1, 0, n - 1)
    classes = []
    for i in range(n):
        rows = np.flatnonzero(finite & (which == i))
        t = 0.15 + 0.85 * (i / max(n - 1, 1))
        label = f"{_number(breaks[i])} – {_number(breaks[i + 1])}"
        classes.append(StyleClass(label, _mix(_RAMP_START, base, t), "circle", rows, i))
    if (~finite).any():
        classes.append(StyleClass("", _NO_VALUE, "circle", np.flatnonzero(~finite)))
    return classes
