"""The layer-role catalogue: which layers a plan has and what their fields mean.

The catalogue itself is data (``roles.toml`` beside this module); this module reads it and
matches a layer's columns to a role's fields by alias.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from spaceplanner.i18n import tx

__all__ = [
    "FieldSpec",
    "OptionSpec",
    "Role",
    "closest",
    "get_role",
    "layer_options",
    "match_columns",
    "normalise_name",
    "role_names",
    "roles",
]

GEOMETRY_FAMILIES = {
    "Point": "point",
    "MultiPoint": "point",
    "LineString": "line",
    "MultiLineString": "line",
    "LinearRing": "line",
    "Polygon": "polygon",
    "MultiPolygon": "polygon",
}


@dataclass(frozen=True)
class FieldSpec:
    """One field of a role: its type, unit and the column names that map to it."""

    name: str
    type: str
    required: bool = False
    constant: bool = False
    unit: str | None = None
    description: str = ""
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    value_aliases: dict[str, str] = field(default_factory=dict)
    maximum: float | None = None
    negative: bool = False

    def canonical_value(self, value: str) -> str | None:
        """Return the catalogue value for ``value`` (a choice or an alias of one), else None."""
        if value in self.choices:
            return value
        if value in self.value_aliases:
            return self.value_aliases[value]
        key = normalise_name(value)
        for choice in self.choices:
            if normalise_name(choice) == key:
                return choice
        for alias, target in self.value_aliases.items():
            if normalise_name(alias) == key:
                return target
        return None


@dataclass(frozen=True)
class OptionSpec:
    """A layer option of a plan spec (``radius_m``, ``band``, ...): its type and range."""

    name: str
    type: str
    unit: str | None = None
    description: str = ""
    choices: tuple[str, ...] = ()
    positive: bool = False
    negative: bool = False
    minimum: float | None = None
    maximum: float | None = None
    nan: bool = False


@dataclass(frozen=True)
class Role:
    """A layer role (residents, shelters, ...) as the catalogue describes it."""

    name: str
    label: str
    label_zh: str
    description: str
    geometry: tuple[str, ...]
    raster: bool
    raster_only: bool
    fields: dict[str, FieldSpec]
    style: dict[str, Any]

    @property
    def required_fields(self) -> list[str]:
        """Names of the fields every feature of this role must have."""
        return [f.name for f in self.fields.values() if f.required]


def normalise_name(name: str) -> str:
    """Fold a column name for alias matching: lower case, no spaces, '-', '_' or ':'."""
    return re.sub(r"[\s_\-:]+", "", str(name)).casefold()


def _field_spec(name: str, raw: dict[str, Any]) -> FieldSpec:
    return FieldSpec(
        name=name,
        type=raw.get("type", "text"),
        required=bool(raw.get("required", False)),
        constant=bool(raw.get("constant", False)),
        unit=raw.get("unit"),
        description=raw.get("description", ""),
        aliases=tuple(dict.fromkeys([name, *raw.get("aliases", [])])),
        choices=tuple(raw.get("choices", [])),
        value_aliases=dict(raw.get("value_aliases", {})),
        maximum=None if raw.get("max") is None else float(raw["max"]),
        negative=bool(raw.get("negative", False)),
    )


def _option_spec(name: str, raw: dict[str, Any]) -> OptionSpec:
    return OptionSpec(
        name=name,
        type=raw.get("type", "text"),
        unit=raw.get("unit"),
        description=raw.get("description", ""),
        choices=tuple(raw.get("choices", [])),
        positive=bool(raw.get("positive", False)),
        negative=bool(raw.get("negative", False)),
        minimum=None if raw.get("min") is None else float(raw["min"]),
        maximum=None if raw.get("max") is None else float(raw["max"]),
        nan=bool(raw.get("nan", False)),
    )


@cache
def _data() -> dict[str, Any]:
    text = resources.files("spaceplanner.layers").joinpath("roles.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def _load() -> dict[str, Role]:
    data = _data()
    common = {n: _field_spec(n, f) for n, f in data.get("common", {}).get("fields", {}).items()}
    result: dict[str, Role] = {}
    for name, raw in data["roles"].items():
        own = {n: _field_spec(n, f) for n, f in raw.get("fields", {}).items()}
        raster_only = bool(raw.get("raster_only", False))
        fields = own if raster_only else {**common, **own}
        result[name] = Role(
            name=name,
            label=raw["label"],
            label_zh=raw["label_zh"],
            description=raw.get("description", ""),
            geometry=tuple(raw.get("geometry", [])),
            raster=bool(raw.get("raster", False)),
            raster_only=raster_only,
            fields=fields,
            style=dict(raw.get("style", {})),
        )
    return result


def layer_options() -> dict[str, OptionSpec]:
    """The options a layer table of a plan spec may have besides its role's fields, by name."""
    return {n: _option_spec(n, raw) for n, raw in _data().get("options", {}).items()}


def roles() -> dict[str, Role]:
    """Return every role of the catalogue by name."""
    return dict(_load())


def role_names() -> list[str]:
    """Return the role names in catalogue order."""
    return list(_load())


def closest(word: str, options: list[str]) -> str | None:
    """Return the option closest to ``word``, for "did you mean" hints."""
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


def get_role(name: str) -> Role:
    """Return the role called ``name``.

    Raises
    ------
    KeyError
        When the catalogue has no such role; the message suggests the closest one.
    """
    table = _load()
    if name not in table:
        guess = closest(name, list(table))
        msg = (
            tx("unknown role '{name}' (did you mean '{guess}'?)").format(name=name, guess=guess)
            if guess
            else tx("unknown role '{name}'").format(name=name)
        )
        raise KeyError(msg)
    return table[name]


def match_columns(role: Role, columns: list[str]) -> dict[str, str]:
    """Map the role's fields to columns by alias.

    Parameters
    ----------
    role
        The role whose fields are looked for.
    columns
        The layer's column names.

    Returns
    -------
    dict
        Field name to column name, for each field an alias of which names a column. The first
        alias in catalogue order wins, so 'population' beats 'pop' when both exist.
    """
    by_key: dict[str, str] = {}
    for col in columns:
        by_key.setdefault(normalise_name(col), col)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for spec in role.fields.values():
        for alias in spec.aliases:
            found = by_key.get(normalise_name(alias))
            if found is not None and found not in taken:
                mapping[spec.name] = found
                taken.add(found)
                break
    return mapping
