"""Rule profiles: the planning numbers (radii, per-capita areas, sizes), each with its source.

A profile is a TOML file (``spaceplanner/profiles/<name>.toml`` for the shipped ones: ``cn-gb``,
``sphere``, ``japan``; or any path). Every value is a table ``{value, source, conf}`` so a report
can cite where each figure comes from. ``extends = "cn-gb"`` inherits every value not set.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spaceplanner.i18n import Versions, tx
from spaceplanner.layers.catalogue import closest
from spaceplanner.layers.errors import RuleError

__all__ = [
    "OPTIONAL_TARGETS",
    "TARGETS",
    "AreaRule",
    "Circle",
    "CoverageRule",
    "Profile",
    "RuleValue",
    "ShelterClass",
    "SizeBand",
    "list_profiles",
    "load_profile",
]


@dataclass(frozen=True)
class RuleValue:
    """A planning number with the source it comes from."""

    value: float
    source: str
    conf: str = "L"

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"value": self.value, "source": self.source, "conf": self.conf}


@dataclass(frozen=True)
class ShelterClass:
    """Rules of one shelter class (emergency, fixed, ...)."""

    name: str
    radius_m: RuleValue
    per_capita_m2: RuleValue
    min_area_m2: RuleValue


@dataclass(frozen=True)
class Circle:
    """A life circle (5-, 10-, 15-minute): its walking radius and its activity-space targets."""

    name: str
    radius_m: RuleValue
    min_area_m2: RuleValue
    per_capita_m2: RuleValue


@dataclass(frozen=True)
class SizeBand:
    """One size band of a coverage indicator: spaces of at least ``min_area_m2`` (and below the
    next band's minimum) serve residents within ``radius_m``."""

    min_area_m2: RuleValue
    radius_m: RuleValue


@dataclass(frozen=True)
class CoverageRule:
    """An activity-space coverage indicator by size bands (公园绿地服务半径覆盖率, or a single
    band: a 社区游园 of ≥ 4000 m² within 300 m).

    A space belongs to the band of the largest ``min_area_m2`` it reaches (bands are disjoint
    size intervals); a resident is covered when within the radius of a space of some band.
    ``kinds`` (None: every kind) keeps spaces of those kinds; a space whose kind is not given
    is kept.
    """

    name: str
    bands: tuple[SizeBand, ...]
    kinds: tuple[str, ...] | None
    target: RuleValue

    def band_of(self, area: Any) -> Any:
        """The band index of each space of ``area`` (m², an array); -1 below every band."""
        import numpy as np  # not at import time: the command line's help loads no numpy

        mins = np.array([b.min_area_m2.value for b in self.bands])
        return np.searchsorted(mins, np.asarray(area, dtype=float), side="right") - 1


@dataclass(frozen=True)
class AreaRule:
    """An activity-space area per person (公园绿地 m²/person): the area of the spaces of
    ``kinds`` with ``min_area_m2 <= area < max_area_m2`` (either bound optional) ÷ the
    residents, against ``target``."""

    name: str
    kinds: tuple[str, ...] | None
    min_area_m2: RuleValue | None
    max_area_m2: RuleValue | None
    target: RuleValue


#: Indicator names the shipped indicators use; a profile's coverage or area indicator may not
#: take them (their ids would clash).
_TAKEN = ("shelter", "shelter_area")


def _profiles_dir() -> Path:
    return Path(str(resources.files("spaceplanner").joinpath("profiles")))


def list_profiles() -> list[str]:
    """Names of the shipped rule profiles."""
    return sorted(p.stem for p in _profiles_dir().glob("*.toml"))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict) and "value" not in value:
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read(name_or_path: str | Path, seen: tuple[str, ...] = ()) -> tuple[dict[str, Any], Path]:
    text = str(name_or_path)
    path = Path(text)
    if path.suffix.lower() != ".toml":
        path = _profiles_dir() / f"{text}.toml"
        if not path.is_file():
            guess = closest(text, list_profiles())
            hint = (
                tx("did you mean '{guess}'?, or give the path of a profile .toml").format(
                    guess=guess
                )
                if guess
                else tx("profiles: {names}, or give the path of a profile .toml").format(
                    names=", ".join(list_profiles())
                )
            )
            msg: str = tx("unknown rule profile '{name}'").format(name=text)
            raise RuleError(msg, hint=hint)
    if not path.is_file():
        msg = tx("rule profile file not found")
        raise RuleError(msg, file=str(path), hint=tx("check the path"))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        msg = tx("the rule profile is not valid UTF-8 TOML ({reason})").format(reason=str(exc))
        raise RuleError(msg, file=str(path), hint=tx("fix the syntax")) from exc
    parent = data.pop("extends", None)
    if parent:
        if str(parent) in seen:
            msg = tx("profiles extend each other in a loop ({chain})").format(
                chain=" → ".join([*seen, str(parent)])
            )
            raise RuleError(msg, file=str(path))
        base, _ = _read(str(parent), (*seen, str(data.get("name", path.stem))))
        data = _merge(base, data)
    return data, path


#: The indicator targets a profile sets (``[targets]``) and their defaults: shares of the
#: population (0-1), and the shelter capacity as a ratio of the population.
TARGETS = {
    "shelter_sheltered_share": 1.0,
    "shelter_capacity_ratio": 1.0,
    "space_covered_share": 1.0,
    "facility_covered_share": 1.0,
}

#: Targets a profile may set and, unlike :data:`TARGETS`, gets no default for: the indicator
#: exists only when the profile sets it (unit in the value).
OPTIONAL_TARGETS = {"shelter_area_per_capita_m2": "m2/person"}


class Profile:
    """A loaded rule profile.

    Parameters
    ----------
    data
        The merged profile tables.
    path
        The file it came from (for messages).
    """

    def __init__(self, data: dict[str, Any], path: Path) -> None:
        self.data = data
        self.path = path
        self.name = str(data.get("name", path.stem))
        # the title a report shows; title_zh (if given) is its Chinese, else the catalogue's
        self.title = Versions(str(data.get("title", self.name)), {"zh": data.get("title_zh", "")})
        self.shelter_classes = {
            name: ShelterClass(
                name,
                self._rule(f"shelters.classes.{name}.radius_m", positive=True),
                self._rule(f"shelters.classes.{name}.per_capita_m2", positive=True),
                self._rule(f"shelters.classes.{name}.min_area_m2"),
            )
            for name in data.get("shelters", {}).get("classes", {})
        }
        self.default_shelter_class = str(data.get("shelters", {}).get("default_class", "emergency"))
        if self.default_shelter_class not in self.shelter_classes:
            msg = tx("default shelter class '{name}' has no rules").format(
                name=self.default_shelter_class
            )
            raise RuleError(msg, file=str(path), field="shelters.default_class")
        self.circles = [
            Circle(
                name,
                self._rule(f"activity_spaces.circles.{name}.radius_m", positive=True),
                self._rule(f"activity_spaces.circles.{name}.min_area_m2"),
                self._rule(f"activity_spaces.circles.{name}.per_capita_m2"),
            )
            for name in data.get("activity_spaces", {}).get("circles", {})
        ]
        self.circles.sort(key=lambda c: c.radius_m.value)
        self.facility_radius = {
            kind: self._rule(f"facilities.{kind}.radius_m", positive=True)
            for kind in data.get("facilities", {})
        }
        self.walking_speed = self._rule("walking.speed_m_per_min", positive=True)
        self.detour_factor = self._rule("walking.detour_factor", positive=True)
        self.max_connector = self._rule("walking.max_connector_m", positive=True)
        self.entrance_tolerance = self._rule("walking.entrance_tolerance_m")
        self.service_area_buffer = self._rule("walking.service_area_buffer_m", positive=True)
        self.targets = {name: self._target(name) for name in TARGETS}
        self.optional_targets = {
            name: self._rule(f"targets.{name}")
            for name in OPTIONAL_TARGETS
            if name in data.get("targets", {})
        }
        #: Facility kinds the profile requires (``required = { value = true, ... }``), with the
        #: source: evaluated, as not covered, when the plan has no site of the kind.
        self.required_facilities: dict[str, RuleValue] = {}
        for kind, table in data.get("facilities", {}).items():
            if isinstance(table, dict) and "required" in table:
                flag = self._flag(f"facilities.{kind}.required")
                if flag is not None:
                    self.required_facilities[kind] = flag
        spaces = data.get("activity_spaces", {})
        self.space_coverage = [self._coverage(name) for name in self._names(spaces, "coverage")]
        self.space_area = [self._area(name) for name in self._names(spaces, "per_capita")]

    # -- activity spaces by size bands and area per person -------------------------------------
    def _names(self, spaces: dict[str, Any], section: str) -> list[str]:
        table = spaces.get(section, {})
        field = f"activity_spaces.{section}"
        if not isinstance(table, dict):
            msg = tx("{field} must be a table of named indicators").format(field=field)
            raise RuleError(msg, file=str(self.path), field=field, hint=f"[{field}.<name>]")
        circles = {f"space_{c.name}" for c in self.circles}
        for name in table:
            if not name.isidentifier() or not name.isascii() or name != name.lower():
                msg = tx("'{name}' cannot name an indicator").format(name=name)
                raise RuleError(
                    msg,
                    file=str(self.path),
                    field=f"{field}.{name}",
                    hint=tx("use lower-case letters, digits and _ (e.g. park_coverage)"),
                )
            if name in _TAKEN or name in circles or name in self.facility_radius:
                msg = tx("'{name}' already names another indicator").format(name=name)
                raise RuleError(
                    msg,
                    file=str(self.path),
                    field=f"{field}.{name}",
                    hint=tx("choose another name"),
                )
            if not isinstance(table[name], dict):
                msg = tx("{field} must be a table").format(field=f"{field}.{name}")
                raise RuleError(msg, file=str(self.path), field=f"{field}.{name}")
        return list(table)

    def _kinds(self, dotted: str, node: dict[str, Any]) -> tuple[str, ...] | None:
        if "kinds" not in node:
            return None
        kinds = node["kinds"]
        field = f"{dotted}.kinds"
        if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
            msg = tx("{field} must be a list of activity-space kinds").format(field=field)
            raise RuleError(
                msg, file=str(self.path), field=field, hint=tx('e.g. ["park", "green"]')
            )
        from spaceplanner.layers.catalogue import get_role

        known = get_role("activity_spaces").fields["kind"].choices
        for kind in kinds:
            if kind not in known:
                guess = closest(kind, list(known))
                hint = (
                    tx("did you mean '{guess}'?").format(guess=guess)
                    if guess
                    else tx("kinds: {names}").format(names=", ".join(known))
                )
                msg = tx("{field} has an unknown kind '{kind}'").format(field=field, kind=kind)
                raise RuleError(msg, file=str(self.path), field=field, hint=hint)
        return tuple(kinds)

    def _coverage(self, name: str) -> CoverageRule:
        dotted = f"activity_spaces.coverage.{name}"
        node = self.data["activity_spaces"]["coverage"][name]
        raw = node.get("bands")
        if not isinstance(raw, list) or not raw or not all(isinstance(b, dict) for b in raw):
            msg = tx("{field} must list at least one size band").format(field=f"{dotted}.bands")
            raise RuleError(
                msg,
                file=str(self.path),
                field=f"{dotted}.bands",
                hint=tx("add [[{field}]] tables with min_area_m2 and radius_m").format(
                    field=f"{dotted}.bands"
                ),
            )
        bands = [
            SizeBand(
                self._rule(f"{dotted}.bands.{i}.min_area_m2"),
                self._rule(f"{dotted}.bands.{i}.radius_m", positive=True),
            )
            for i in range(len(raw))
        ]
        bands.sort(key=lambda b: b.min_area_m2.value)
        mins = [b.min_area_m2.value for b in bands]
        if len(set(mins)) < len(mins):
            msg = tx("two size bands of {field} start at the same area").format(field=dotted)
            raise RuleError(
                msg,
                file=str(self.path),
                field=f"{dotted}.bands",
                hint=tx("each band is a size interval: give each its own min_area_m2"),
            )
        target = self._rule(f"{dotted}.target")
        if target.value > 1:
            msg = tx("{field} = {value:g} is a share and must be at most 1").format(
                field=f"{dotted}.target", value=target.value
            )
            raise RuleError(msg, file=str(self.path), field=f"{dotted}.target", hint=tx("e.g. 0.8"))
        return CoverageRule(name, tuple(bands), self._kinds(dotted, node), target)

    def _area(self, name: str) -> AreaRule:
        dotted = f"activity_spaces.per_capita.{name}"
        node = self.data["activity_spaces"]["per_capita"][name]
        low = self._rule(f"{dotted}.min_area_m2") if "min_area_m2" in node else None
        high = self._rule(f"{dotted}.max_area_m2", positive=True) if "max_area_m2" in node else None
        if low is not None and high is not None and high.value <= low.value:
            msg = tx("{field} = {high:g} is not above min_area_m2 = {low:g}").format(
                field=f"{dotted}.max_area_m2", high=high.value, low=low.value
            )
            raise RuleError(msg, file=str(self.path), field=f"{dotted}.max_area_m2")
        target = self._rule(f"{dotted}.target")
        return AreaRule(name, self._kinds(dotted, node), low, high, target)

    def _flag(self, dotted: str) -> RuleValue | None:
        """A yes/no rule ``{ value = true, source = "..." }``: its source when true, else None."""
        node: Any = self.data
        for part in dotted.split("."):
            node = node[part]
        if (
            not isinstance(node, dict)
            or not isinstance(node.get("value"), bool)
            or ("source" not in node)
        ):
            msg = tx("{field} must be a table {example}").format(
                field=dotted, example='{ value = true, source = "..." }'
            )
            raise RuleError(
                msg, file=str(self.path), field=dotted, hint=tx("every value names its source")
            )
        if not node["value"]:
            return None
        return RuleValue(1.0, str(node["source"]), str(node.get("conf", "L")))

    def _target(self, name: str) -> RuleValue:
        """An indicator target; a profile without a ``[targets]`` table gets the defaults."""
        if name not in self.data.get("targets", {}):
            default = tx("SpacePlanner default (the profile sets no target)")
            return RuleValue(TARGETS[name], default, "D")
        rule = self._rule(f"targets.{name}")
        if rule.value > 1 and name.endswith("_share"):
            msg = tx("{field} = {value:g} is a share and must be at most 1").format(
                field=f"targets.{name}", value=rule.value
            )
            raise RuleError(msg, file=str(self.path), field=f"targets.{name}", hint=tx("e.g. 0.95"))
        return rule

    def _rule(self, dotted: str, *, positive: bool = False) -> RuleValue:
        node: Any = self.data
        for part in dotted.split("."):
            if isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
                continue
            if not isinstance(node, dict) or part not in node:
                msg = tx("the profile has no value for {field}").format(field=dotted)
                raise RuleError(
                    msg, file=str(self.path), field=dotted, hint=tx("add it, with its source")
                )
            node = node[part]
        if not isinstance(node, dict) or "value" not in node or "source" not in node:
            msg = tx("{field} must be a table {example}").format(
                field=dotted, example='{ value = ..., source = "..." }'
            )
            raise RuleError(
                msg, file=str(self.path), field=dotted, hint=tx("every value names its source")
            )
        value = node["value"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            msg = tx("{field} = {value} is not a number").format(field=dotted, value=repr(value))
            raise RuleError(msg, file=str(self.path), field=dotted)
        if not math.isfinite(value):
            msg = tx("{field} = {value} is not a finite number").format(
                field=dotted, value=repr(value)
            )
            raise RuleError(
                msg, file=str(self.path), field=dotted, hint=tx("give the value its source states")
            )
        if value < 0 or (positive and value == 0):
            msg = (
                tx("{field} = {value} must be positive")
                if positive
                else tx("{field} = {value} must be zero or more")
            ).format(field=dotted, value=value)
            raise RuleError(msg, file=str(self.path), field=dotted)
        return RuleValue(float(value), str(node["source"]), str(node.get("conf", "L")))

    def siting(self, name: str) -> RuleValue:
        """A siting value (``max_slope_pct``, ``tall_building_m``, ...)."""
        return self._rule(f"siting.{name}")

    def protective_distance(self, kind: str) -> RuleValue | None:
        """The protective distance around a hazard source of ``kind``, or None when unset."""
        if kind not in self.data.get("siting", {}).get("protective_distance_m", {}):
            return None
        return self._rule(f"siting.protective_distance_m.{kind}")

    def hv_band(self, voltage_kv: float) -> RuleValue | None:
        """The band each side of an HV line: that of the smallest voltage at or above it."""
        table = self.data.get("siting", {}).get("hv_band_m", {})
        levels = sorted(float(k) for k in table)
        for level in levels:
            if voltage_kv <= level + 1e-9:
                key = next(k for k in table if float(k) == level)
                return self._rule(f"siting.hv_band_m.{key}")
        return None

    def required_entrances(self, shelter_class: str) -> RuleValue:
        """How many entrances (from different directions) a shelter of the class needs."""
        table = self.data.get("siting", {}).get("entrances", {})
        key = shelter_class if shelter_class in table else "default"
        return self._rule(f"siting.entrances.{key}")

    def evacuation_width(self, route_class: str) -> RuleValue | None:
        """Required clear width of an evacuation route of the class, or None when unset."""
        if route_class not in self.data.get("siting", {}).get("evacuation_width_m", {}):
            return None
        return self._rule(f"siting.evacuation_width_m.{route_class}")

    def shelter_class(self, name: str | None) -> ShelterClass:
        """The rules of shelter class ``name`` (the default class when None or empty)."""
        if not name:
            return self.shelter_classes[self.default_shelter_class]
        if name not in self.shelter_classes:
            msg = tx("the profile has no rules for shelter class '{name}'").format(name=name)
            raise RuleError(
                msg,
                file=str(self.path),
                field=f"shelters.classes.{name}",
                hint=tx("classes: {names}").format(names=", ".join(self.shelter_classes)),
            )
        return self.shelter_classes[name]

    def minutes(self, metres: float) -> float:
        """Walking time in minutes for ``metres`` at the profile's speed."""
        return metres / self.walking_speed.value


def load_profile(name_or_path: str | Path) -> Profile:
    """Load a shipped profile by name (``cn-gb``) or a user profile by path.

    Raises
    ------
    RuleError
        On an unknown name, a missing or malformed file, or a value without a source.
    """
    data, path = _read(name_or_path)
    return Profile(data, path)
