"""The OpenStreetMap tag mapping: which tags make which plan role and kind.

The mapping is data, the ``[osm]`` section of ``layers/sources.toml``; a plan may override it with
a file of the same shape (``spaceplanner new ... --tags FILE``). Tables are merged entry by entry
(an entry set to ``""`` removes a rule), lists are replaced whole.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spaceplanner.i18n import tx
from spaceplanner.layers.errors import PlanError

__all__ = ["OsmTags", "Rule", "load_tags"]

#: The sub-tables of ``[osm]`` that hold rules ("key=value" → kind).
RULE_TABLES = ("activity_spaces", "shelters", "facilities", "hazard_sources")


@dataclass(frozen=True)
class Rule:
    """One tag rule: all ``conditions`` (key, value or ``*``) make a feature of ``kind``."""

    conditions: tuple[tuple[str, str], ...]
    kind: str

    @property
    def keys(self) -> tuple[str, ...]:
        """The tag keys the rule reads."""
        return tuple(k for k, _ in self.conditions)

    def matches(self, tags: Mapping[str, str]) -> bool:
        """True when every condition holds for ``tags``."""
        for key, value in self.conditions:
            have = tags.get(key)
            if have is None:
                return False
            if value == "*":
                if have == "no":
                    return False
            elif value != have and value not in (v.strip() for v in have.split(";")):
                return False
        return True


def _parse_rule(text: str, kind: Any, *, file: str, table: str) -> Rule:
    conditions = []
    for part in text.split("&"):
        key, sep, value = part.strip().partition("=")
        if not sep or not key.strip() or not value.strip():
            msg = tx(
                "the tag rule '{text}' is not of the form key=value (joined with ' & ')"
            ).format(text=text)
            raise PlanError(msg, file=file, field=f"osm.{table}", hint=tx('e.g. "leisure=park"'))
        conditions.append((key.strip(), value.strip()))
    if not isinstance(kind, str):
        msg = tx("the tag rule '{text}' maps to {kind}, not a text").format(
            text=text, kind=repr(kind)
        )
        raise PlanError(
            msg, file=file, field=f"osm.{table}", hint=tx('e.g. "leisure=park" = "park"')
        )
    return Rule(tuple(conditions), kind)


def _rules(table: Mapping[str, Any], *, file: str, name: str) -> tuple[Rule, ...]:
    rules = [
        _parse_rule(k, v, file=file, table=name)
        for k, v in table.items()
        if not isinstance(v, dict) and "=" in k and v != ""
    ]
    # the rule with the most conditions wins, then the first written (a stable sort keeps order)
    return tuple(sorted(rules, key=lambda r: -len(r.conditions)))


@dataclass(frozen=True)
class OsmTags:
    """The tag mapping in force for one plan (see ``layers/sources.toml``, section ``[osm]``)."""

    data: Mapping[str, Any]
    file: str

    def section(self, name: str) -> Mapping[str, Any]:
        """The sub-table ``[osm.<name>]``."""
        value = self.data.get(name, {})
        return value if isinstance(value, dict) else {}

    def rules(self, name: str) -> tuple[Rule, ...]:
        """The rules of ``[osm.<name>]`` (``[osm.shelter_candidates.tags]`` for candidates)."""
        table = self.section(name)
        if name == "shelter_candidates":
            table = table.get("tags", {})
        return _rules(table, file=self.file, name=name)

    def number(self, section: str | None, key: str) -> float:
        """A number of ``[osm]`` (section None) or of ``[osm.<section>]``; checked ≥ 0."""
        table = self.data if section is None else self.section(section)
        value = table.get(key)
        where = f"osm.{section}.{key}" if section else f"osm.{key}"
        if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
            msg = tx("{field} must be a number ≥ 0, not {value}").format(
                field=where, value=repr(value)
            )
            raise PlanError(msg, file=self.file, field=where, hint=tx("see layers/sources.toml"))
        return float(value)

    def words(self, section: str, key: str) -> frozenset[str]:
        """A list of texts of ``[osm.<section>]``."""
        value = self.section(section).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            where = f"osm.{section}.{key}"
            msg = tx("{field} must be a list of texts").format(field=where)
            raise PlanError(msg, file=self.file, field=where, hint=tx("see layers/sources.toml"))
        return frozenset(value)

    def keys(self) -> frozenset[str]:
        """Every tag key a rule or list reads: what the reader must keep."""
        keys = {"highway", "building", "landuse", "foot", "access", "sidewalk", "area"}
        keys |= {"building:levels", "height", "voltage", "name", "width"}
        keys |= {"sidewalk:both", "sidewalk:left", "sidewalk:right"}
        keys |= self.words("buildings", "not_residential_tags")
        for name in (*RULE_TABLES, "shelter_candidates"):
            for rule in self.rules(name):
                keys.update(rule.keys)
        return frozenset(keys)

    def filter_keys(self) -> frozenset[str]:
        """The keys whose presence makes an object worth reading (the first key of each rule,
        ``highway``, ``building`` and ``landuse``)."""
        keys = {"highway", "building", "landuse"}
        for name in (*RULE_TABLES, "shelter_candidates"):
            keys.update(rule.conditions[0][0] for rule in self.rules(name))
        return frozenset(keys)


@cache
def _default_data() -> dict[str, Any]:
    text = resources.files("spaceplanner.layers").joinpath("sources.toml").read_text("utf-8")
    data = tomllib.loads(text).get("osm", {})
    assert isinstance(data, dict)
    return data


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_tags(path: Path | str | None = None) -> OsmTags:
    """The tag mapping: the shipped one, with the ``[osm]`` section of ``path`` merged over it.

    Raises
    ------
    PlanError
        When ``path`` is missing, not TOML, has no ``[osm]`` section, or a rule is malformed.
    """
    data = copy.deepcopy(_default_data())
    file = "layers/sources.toml"
    if path is not None:
        path = Path(path)
        file = str(path)
        try:
            over = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError as exc:
            msg: str = tx("the tag mapping file does not exist")
            raise PlanError(msg, file=file, hint=tx("check the --tags path")) from exc
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            msg = tx("the tag mapping file cannot be read ({reason})").format(reason=str(exc))
            raise PlanError(
                msg, file=file, hint=tx("it must be TOML, as layers/sources.toml")
            ) from exc
        if not isinstance(over.get("osm"), dict):
            msg = tx("the tag mapping file has no [osm] section")
            raise PlanError(
                msg, file=file, hint=tx("give it the shape of layers/sources.toml [osm]")
            )
        data = _merge(data, over["osm"])
    tags = OsmTags(data, file)
    tags.keys()  # parse every rule now: a malformed one is an error before any work
    tags.number(None, "buffer_m")
    return tags
