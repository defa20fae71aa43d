"""The result of an evaluation as typed, frozen objects, computed once by the engine.

A :class:`Report` holds what ``report.json`` holds (:meth:`Report.to_dict` writes exactly that
contract, checked against ``report.schema.json`` in the tests) as objects the outputs, the CLI and
the desktop read by attribute: the shelters with each shelter's row, the activity-space circles,
the facility kinds, every indicator with its target, source and status, every 避/防/让 violation
with a :class:`SiteRef` to the plan feature it is about, and the notes as codes with text. The gap
layers (GeoDataFrames) travel beside the figures and are not part of the JSON.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

import geopandas as gpd

__all__ = [
    "DUAL_USE_SUFFIX",
    "ActivitySpaces",
    "CircleCoverage",
    "FacilityCoverage",
    "Indicator",
    "Note",
    "Report",
    "RunRecord",
    "ShelterRow",
    "ShelterSummary",
    "SiteRef",
    "SizeBandCoverage",
    "SpaceArea",
    "SpaceCoverage",
    "SpacesOverall",
    "Violation",
    "marker_point",
]

#: How ``report.json`` names a dual-use activity space (平急两用) counted as a shelter:
#: ``"<layer> (dual use)"``. Only the JSON uses it; objects carry :attr:`SiteRef.dual_use`.
DUAL_USE_SUFFIX = " (dual use)"


def _json(name: str) -> dict[str, Any]:
    """Field metadata: the key in ``report.json`` when it is not the attribute's name."""
    return {"json": name}


_FLAT = {"flatten": True}
_OMIT_NONE = {"omit_none": True}
_LOCAL = {"local": True}


class _Record:
    """A part of ``report.json``: its dataclass fields under their JSON names (field metadata
    ``json``: another key; ``flatten``: the field's own keys in its place; ``omit_none``: left
    out when None; ``local``: not in the JSON at all)."""

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


def plain(value: Any) -> Any:
    """``value`` as JSON-ready Python: report parts by their :meth:`to_dict`, notes by their
    text, numpy scalars to Python, NaN and infinity to None."""
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, Note):
        return value.text
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _fields_dict(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        if f.metadata.get("local"):
            continue
        value = getattr(obj, f.name)
        if f.metadata.get("omit_none") and value is None:
            continue
        if f.metadata.get("flatten"):
            out.update(plain(value))
            continue
        out[f.metadata.get("json", f.name)] = plain(value)
    return out


def marker_point(geometry: Any) -> Any | None:
    """Where a map marks a site: the middle of a route, a point on an area or a point (plan CRS);
    None for no geometry. The canvas, the web map and the map sheet mark violations here."""
    import shapely

    if geometry is None or shapely.is_empty(geometry):
        return None
    if geometry.geom_type in ("LineString", "MultiLineString"):
        return shapely.line_interpolate_point(geometry, 0.5, normalized=True)
    return shapely.point_on_surface(geometry)


@dataclass(frozen=True)
class SiteRef(_Record):
    """A feature of the plan a result is about: its layer and its id.

    ``dual_use`` marks an activity space counted as a shelter (平急两用): ``layer`` is then the
    activity-space layer itself, so the feature is found in the plan as it is.
    """

    layer: str
    feature: str
    dual_use: bool = False

    @classmethod
    def parse(cls, layer: str, feature: object) -> SiteRef:
        """From the JSON's ``layer`` (which may end in ``" (dual use)"``) and ``id``."""
        name = str(layer)
        dual = name.endswith(DUAL_USE_SUFFIX)
        return cls(name.removesuffix(DUAL_USE_SUFFIX), str(feature), dual)

    @property
    def layer_label(self) -> str:
        """The layer as the report names it (``"parks (dual use)"`` for a dual-use space)."""
        return f"{self.layer}{DUAL_USE_SUFFIX}" if self.dual_use else self.layer

    def to_dict(self) -> dict[str, Any]:
        return {"layer": self.layer_label, "id": self.feature}


@dataclass(frozen=True)
class Note:
    """Something the reader of the figures should know.

    ``code`` is stable (tests and translations key on it); ``text`` is the English sentence
    written to ``report.json``.
    """

    code: str
    text: str


@dataclass(frozen=True)
class Indicator(_Record):
    """One figure the plan is judged by, against its target."""

    id: str
    group: str
    key: str
    metric: str
    period: str
    value: float | None
    unit: str
    target: float
    target_source: str
    source: str
    status: str
    reason: str | None

    @property
    def passed(self) -> bool | None:
        """True or False, or None when not assessed."""
        return None if self.status == "not_assessed" else self.status == "pass"


@dataclass(frozen=True)
class Violation(_Record):
    """A site (or route) that breaks a 避/防/让 rule.

    ``geometry`` (the site or route), ``zone`` (what it meets: a hazard zone, a protective band,
    a collapse range, the buildings on it) and ``cause`` (the layer and, where there is one, the
    feature the zone comes from) are for maps and layers; they are not in ``report.json``.
    """

    site: SiteRef
    name: Any
    rule: str
    principle: str
    measured: float
    required: float
    message: str
    source: str
    details: Mapping[str, Any] = field(default_factory=dict)
    geometry: Any = field(default=None, compare=False, repr=False)
    zone: Any = field(default=None, compare=False, repr=False)
    cause: tuple[str | None, str | None] | None = None

    def to_dict(self) -> dict[str, Any]:
        # the order report.json has always had: the rule first, then the site
        return {
            "rule": self.rule,
            "principle": self.principle,
            **self.site.to_dict(),
            "name": plain(self.name),
            "measured": plain(self.measured),
            "required": plain(self.required),
            "message": self.message,
            "source": self.source,
            **plain(self.details),
        }

    def marker_point(self) -> Any | None:
        """Where a map marks the violation (see :func:`marker_point`)."""
        return marker_point(self.geometry)


@dataclass(frozen=True)
class ShelterRow(_Record):
    """One shelter (or dual-use space) with its capacity before and after the checks and the
    persons the exact assignment gives it."""

    site: SiteRef = field(metadata=_FLAT)
    name: Any
    shelter_class: str = field(metadata=_json("class"))
    steward: Any
    radius_m: float
    effective_area_m2: float
    effective_area_before_checks_m2: float
    per_capita_m2: float
    use: str
    capacity_before_checks: float
    capacity_persons: float
    capacity_removed: Mapping[str, float]
    eligible: bool
    capacity_basis: str
    assigned: float
    spare: float
    population_within_radius: float
    nearest_demand: float
    over_capacity: bool
    reaches_network: bool

    def to_dict(self) -> dict[str, Any]:
        # the order report.json has always had: the id first, then the layer
        out = _fields_dict(self)
        return {"id": out.pop("id"), **out}


@dataclass(frozen=True)
class ShelterSummary(_Record):
    """The emergency period: who is within a shelter's radius and who has a place."""

    radius_m: float
    population_covered: float
    share_covered: float
    capacity_persons: float
    population_sheltered: float
    share_sheltered: float
    population_unsheltered: float
    effective_area_m2: float
    effective_area_before_checks_m2: float
    per_capita_area_m2: float
    by_shelter: tuple[ShelterRow, ...]
    capacity_before_checks: float
    capacity_removed_by: Mapping[str, float]
    rules: Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class CircleCoverage(_Record):
    """One life circle (5, 10, 15 minutes) of activity space."""

    radius_m: float
    minutes: float
    min_area_m2: float
    spaces_counted: int
    area_m2: float
    population_covered: float
    share_covered: float
    per_capita_m2: float
    target_per_capita_m2: float
    sources: Mapping[str, str]


@dataclass(frozen=True)
class SpacesOverall(_Record):
    """All activity spaces together, whatever their size."""

    spaces: int
    area_m2: float
    per_capita_m2: float


@dataclass(frozen=True)
class ActivitySpaces(_Record):
    """The normal period's activity spaces, by life circle, and overall."""

    circles: Mapping[str, CircleCoverage]
    overall: SpacesOverall

    def to_dict(self) -> dict[str, Any]:
        return {
            **{k: c.to_dict() for k, c in self.circles.items()},
            "overall": self.overall.to_dict(),
        }


@dataclass(frozen=True)
class SizeBandCoverage(_Record):
    """One size band of a coverage indicator: its spaces and who lives within its radius."""

    min_area_m2: float
    max_area_m2: float | None
    radius_m: float
    minutes: float
    spaces_counted: int
    area_m2: float
    population_covered: float
    share_covered: float
    sources: Mapping[str, str]


@dataclass(frozen=True)
class SpaceCoverage(_Record):
    """An activity-space coverage indicator by size bands (公园绿地服务半径覆盖率): a resident is
    covered when within the radius of a space of some band."""

    kinds: tuple[str, ...] | None
    bands: tuple[SizeBandCoverage, ...]
    spaces_counted: int
    spaces_without_kind: int
    population_covered: float
    share_covered: float
    target_share: float
    sources: Mapping[str, str]


@dataclass(frozen=True)
class SpaceArea(_Record):
    """An activity-space area per person (公园绿地 m²/person): the area of the spaces of the
    indicator's kinds and size ÷ all residents."""

    kinds: tuple[str, ...] | None
    min_area_m2: float | None
    max_area_m2: float | None
    spaces_counted: int
    spaces_without_kind: int
    area_m2: float
    population: float
    per_capita_m2: float
    target_per_capita_m2: float
    sources: Mapping[str, str]


@dataclass(frozen=True)
class FacilityCoverage(_Record):
    """One facility kind: who lives within its service radius."""

    radius_m: float
    minutes: float
    count: int
    population_covered: float
    share_covered: float
    source: str


@dataclass(frozen=True)
class RunRecord(_Record):
    """What was evaluated, with what, when: so a report.json can be traced and reproduced."""

    tool: str
    version: str
    time: str
    plan_file: str | None
    plan_sha256: str | None
    rules: str
    rules_file: str
    rules_sha256: str | None
    scenario: str
    period: str
    targets_set_by_plan: Mapping[str, float]


@dataclass(frozen=True)
class Report(_Record):
    """An evaluation's figures (the ``report.json`` contract in the README) and gap layers.

    ``shelters`` is None in the normal period, ``activity_spaces`` and ``facilities`` in the
    emergency period. ``space_coverage`` (coverage by size bands) and ``space_per_capita``
    (area per person by kind and size) hold the profile's activity-space indicators of those
    sorts (``cn-community``: ``park_coverage``, ``park_green``, ...); None (and not in the JSON)
    in the emergency period or when the profile has none. ``layers`` are the gap and result
    layers by name (``residents``, ``gap_areas``, ``service_areas``, ``shelters``, the violation
    layers), in the plan's CRS;
    ``stale`` names layers carried over from an earlier evaluation, which no longer match the
    figures (the desktop's live updates keep the last full run's gap areas and service areas on
    the map until the next full run).
    """

    plan: str
    crs: str
    rules: str
    rules_title: str
    scenario: str
    distance: str
    walking_speed_m_per_min: float
    population: float
    resident_points: int
    population_unreachable: float
    period: str
    shelters: ShelterSummary | None
    activity_spaces: ActivitySpaces | None
    facilities: Mapping[str, FacilityCoverage] | None
    violations: tuple[Violation, ...]
    capacity_removed_by: Mapping[str, float]
    sites_checked: int
    notes: tuple[Note, ...]
    run: RunRecord
    indicators: tuple[Indicator, ...]
    detour_factor: Mapping[str, Any] | None = field(default=None, metadata=_OMIT_NONE)
    space_coverage: Mapping[str, SpaceCoverage] | None = field(default=None, metadata=_OMIT_NONE)
    space_per_capita: Mapping[str, SpaceArea] | None = field(default=None, metadata=_OMIT_NONE)
    layers: Mapping[str, gpd.GeoDataFrame] = field(
        default_factory=dict, compare=False, repr=False, metadata=_LOCAL
    )
    stale: frozenset[str] = field(default=frozenset(), metadata=_LOCAL)

    def to_dict(self) -> dict[str, Any]:
        """The report as ``report.json`` holds it."""
        return _fields_dict(self)

    def figures(self) -> dict[str, Any]:
        """:meth:`to_dict` without the run record (``run``: version, time, checksums), so two
        evaluations of the same plan compare equal."""
        return {k: v for k, v in self.to_dict().items() if k != "run"}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def indicator(self, ident: str) -> Indicator | None:
        """The indicator with id ``ident`` (``shelter.sheltered``, ``kindergarten.covered``)."""
        return next((i for i in self.indicators if i.id == ident), None)

    def failed(self) -> Iterator[Indicator]:
        """The indicators that miss their target."""
        return (i for i in self.indicators if i.status == "fail")

    def note_codes(self) -> list[str]:
        """The codes of the notes, in order."""
        return [n.code for n in self.notes]
