"""Names and values as the desktop app shows them, without Qt: roles, fields and choices in the
UI language (from the layer catalogue), and frame values as plain text."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from spaceplanner.layers.catalogue import FieldSpec, Role, get_role
from spaceplanner.results.labels import SHELTER_CLASS_KEYS, shelter_class_label
from spaceplanner.results.labels import label as term_label

__all__ = ["choice_label", "field_label", "plain_value", "role_label", "value_text"]


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def role_label(role: str | Role, lang: str = "en") -> str:
    """The role's name for users: the catalogue's ``label`` or ``label_zh``."""
    spec = role if isinstance(role, Role) else _role_or_none(role)
    if spec is None:
        return str(role)
    return spec.label_zh if lang == "zh" else spec.label


def field_label(spec: FieldSpec, lang: str = "en") -> str:
    """A field's name for users: the catalogue name, with its first Chinese alias in ``zh``."""
    if lang == "zh":
        zh = next((a for a in spec.aliases if _is_cjk(a)), None)
        if zh:
            return f"{zh} ({spec.name})"
    return spec.name


def choice_label(spec: FieldSpec, value: str, lang: str = "en") -> str:
    """The user-facing name of a value of a choice field (``kindergarten`` → 幼儿园 in ``zh``;
    a shelter class by its term, ``emergency`` → 紧急避难场所)."""
    if set(spec.choices) == set(SHELTER_CLASS_KEYS):
        return shelter_class_label(value, lang)
    if lang == "zh":
        zh = next((a for a, v in spec.value_aliases.items() if v == value and _is_cjk(a)), None)
        if zh:
            return zh
    if set(spec.choices) == set(get_role("facilities").fields["kind"].choices):
        return term_label(value, lang)  # the facility kinds have names shared with the exports
    return value.replace("_", " ")


def _role_or_none(name: str) -> Role | None:
    try:
        return get_role(name)
    except KeyError:
        return None


def plain_value(value: object) -> Any:
    """A frame value as a plain Python value; missing values (None, NaN, NA) as None."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # arrays and other non-scalars are values
        pass
    return value


def value_text(value: object) -> str:
    """A value as shown in a table or an editor; numbers in full (a shown value may be saved
    back, so it must read back the same), missing values empty."""
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)
