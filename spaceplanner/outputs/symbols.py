"""How every view draws a plan and its evaluation: one colour, line, fill and marker per thing.

The desktop canvas, the web map and the map sheet take their symbols from here, so a shelter is
the same blue in all three, a gap area the same hatched vermillion, and each siting principle
(避/防/让) has one shape, colour and place beside its site. Each view turns a :class:`Symbol` into
its own terms (Qt pens, Leaflet path options, matplotlib keywords); the words come from
:func:`spaceplanner.results.labels.label` with the symbol's ``key``.

The colours are chosen once, to be told apart with the common colour-vision deficiencies:
coverage uses the Okabe-Ito bluish green / orange / vermillion, shelters one blue family (their
load a light-to-dark ramp), facility kinds differ by shape as well as colour, and the three
principles by shape (circle, square, diamond) and their character, so they read in greyscale.

A role's colours are the catalogue's default layer style (``layers/roles.toml``), which also
starts the desktop's layer views and the QGIS styles written into a plan GeoPackage; this module
reads them, so a role's colour is written in one place.

Qt-free and free of plotting libraries (the import contract of ``spaceplanner.outputs``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from spaceplanner.layers.catalogue import get_role
from spaceplanner.model.styles import FACILITY_KINDS, SHELTER_CLASSES

__all__ = [
    "COVERED",
    "FACILITY_KINDS",
    "GAP_AREAS",
    "INELIGIBLE",
    "LOAD_CLASSES",
    "MPL_MARKERS",
    "NOT_COVERED",
    "OVER_CAPACITY",
    "PARTLY_COVERED",
    "PRINCIPLES",
    "PRINCIPLE_LIFT",
    "PRINCIPLE_STEP",
    "ROLES",
    "SERVICE_AREAS",
    "SHELTER_CLASSES",
    "STATUS_COLOURS",
    "SUGGESTED",
    "UNCOVERED_RESIDENTS",
    "LoadClass",
    "PrincipleSymbol",
    "Symbol",
    "facility_symbol",
    "load_class",
    "role_symbol",
    "shelter_symbol",
]


@dataclass(frozen=True)
class Symbol:
    """How one thing is drawn.

    Attributes
    ----------
    key
        Its name for :func:`~spaceplanner.results.labels.label`.
    fill
        Fill (polygons, point markers) as ``#rrggbb``; None for none.
    stroke
        Line or outline colour as ``#rrggbb``; None for none.
    width
        Line width in millimetres on paper (the canvas draws it at the screen's dpi).
    opacity
        Opacity of the fill, 0 to 1.
    marker
        The point marker's shape (a key of :data:`MPL_MARKERS`).
    size
        The point marker's size in millimetres.
    dashed
        Whether lines and outlines are dashed.
    hatched
        Whether polygons are hatched over their fill.
    """

    key: str
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.4
    opacity: float = 1.0
    marker: str = "circle"
    size: float = 2.4
    dashed: bool = False
    hatched: bool = False

    @property
    def colour(self) -> str:
        """The colour that names the symbol in a legend: the fill, else the stroke."""
        return self.fill or self.stroke or "#888888"


#: Marker shape names and matplotlib's codes for them (the canvas and the web map draw circle,
#: square and diamond themselves).
MPL_MARKERS: dict[str, str] = {
    "circle": "o",
    "square": "s",
    "diamond": "D",
    "thin_diamond": "d",
    "triangle_up": "^",
    "triangle_down": "v",
    "triangle_left": "<",
    "triangle_right": ">",
    "pentagon": "p",
    "hexagon": "h",
    "octagon": "8",
    "plus": "P",
    "cross": "X",
    "star": "*",
}

# -- roles ----------------------------------------------------------------------------------

#: The roles every view draws, bottom to top, and the marker of their points.
ROLES: dict[str, str] = {
    "boundary": "circle",
    "buildings": "circle",
    "network": "circle",
    "hazards": "circle",
    "activity_spaces": "circle",
    "shelters": "circle",
    "facilities": "circle",
    "hazard_sources": "hexagon",
    "residents": "circle",
}


@cache
def role_symbol(role: str) -> Symbol:
    """The symbol of a plan layer of ``role``: the catalogue's default style.

    Raises
    ------
    KeyError
        For a role the catalogue does not have.
    """
    style = get_role(role).style
    fill = style.get("fill")
    return Symbol(
        key=role,
        fill=None if fill in (None, "none") else str(fill),
        stroke=None if style.get("stroke") in (None, "none") else str(style["stroke"]),
        width=float(style.get("width", 0.4)),
        opacity=float(style.get("opacity", 1.0)),
        marker=ROLES.get(role, "circle"),
        size=float(style.get("size", 2.4)),
        dashed=role == "boundary",
    )


def facility_symbol(kind: str) -> Symbol:
    """The symbol of facilities of ``kind`` (an unknown kind draws as ``other``)."""
    colour, marker = FACILITY_KINDS.get(kind, FACILITY_KINDS["other"])
    return Symbol(key=kind, fill=colour, stroke="#222222", width=0.15, marker=marker)


def shelter_symbol(shelter_class: str) -> Symbol:
    """The symbol of shelters of ``shelter_class``: the shelters' blue family, from light
    (emergency) to dark (central), with a shape per class; the outline and opacity of the
    shelters' role (an unknown class draws as a shelter of no class)."""
    role = role_symbol("shelters")
    if shelter_class not in SHELTER_CLASSES:
        return role
    colour, marker = SHELTER_CLASSES[shelter_class]
    return Symbol(
        key=f"class_{shelter_class}",
        fill=colour,
        stroke=colour,
        width=role.width,
        opacity=role.opacity,
        marker=marker,
    )


# -- results --------------------------------------------------------------------------------

#: Residents within reach (for shelters: all of them sheltered).
COVERED = Symbol("covered", fill="#009e73", stroke="#222222", width=0.25)
#: Residents of whom some, not all, have a shelter place.
PARTLY_COVERED = Symbol("sheltered_part", fill="#e69f00", stroke="#222222", width=0.25)
#: Residents out of reach (for shelters: none of them sheltered).
NOT_COVERED = Symbol("not_covered", fill="#d55e00", stroke="#222222", width=0.25)
#: Residents an indicator leaves out, drawn over the plan.
UNCOVERED_RESIDENTS = Symbol(
    "uncovered_residents", fill="#d55e00", stroke="#ffffff", width=0.4, size=2.1
)
#: The part of the plan out of an indicator's reach: hatched, in the colour of "not covered".
GAP_AREAS = Symbol(
    "gap_areas", fill="#d55e00", stroke="#d55e00", width=0.4, opacity=0.15, hatched=True
)
#: The part of the plan within an indicator's reach.
SERVICE_AREAS = Symbol(
    "service_areas", fill="#56b4e9", stroke="#0072b2", width=0.25, opacity=0.25, dashed=True
)
#: A shelter with more residents nearest to it than it has places: a thick vermillion ring.
OVER_CAPACITY = Symbol("over_capacity", fill=None, stroke="#d55e00", width=0.9)
#: A shelter that holds nobody (not eligible in the scenario, or no capacity).
INELIGIBLE = Symbol("ineligible", fill="#999999", stroke="#555555", width=0.25)
#: Sites proposed by ``spaceplanner suggest`` (amber, as the candidates role).
SUGGESTED = Symbol(
    "suggestions", fill="#f59e0b", stroke="#92400e", width=0.7, opacity=0.45, marker="star"
)
#: Text colours of an indicator's result (pass, fail, not assessed), as the desktop's panel.
STATUS_COLOURS: dict[str, str] = {"pass": "#1b7f3b", "fail": "#b3261e", "not_assessed": "#6b6b6b"}


@dataclass(frozen=True)
class LoadClass:
    """A class of shelter load (assigned ÷ capacity): loads below ``upper`` and above the
    class before it."""

    upper: float
    colour: str
    key: str


#: Shelter load classes, a light-to-dark ramp of the shelters' blue (full is darkest).
LOAD_CLASSES: tuple[LoadClass, ...] = (
    LoadClass(0.5, "#c6dbef", "load_low"),
    LoadClass(0.8, "#6baed6", "load_mid"),
    LoadClass(0.999, "#2171b5", "load_high"),
    LoadClass(math.inf, "#08306b", "load_full"),
)


def load_class(load: float) -> LoadClass:
    """The class of a shelter's load (assigned ÷ capacity)."""
    return next(c for c in LOAD_CLASSES if load < c.upper)


# -- siting principles ----------------------------------------------------------------------


#: Where a violation marker sits: ``slot × PRINCIPLE_STEP`` marker widths right of its site and
#: ``PRINCIPLE_LIFT`` widths above it, so a site's three principles sit side by side above the
#: site's own symbol.
PRINCIPLE_STEP = 1.1
PRINCIPLE_LIFT = 0.6


@dataclass(frozen=True)
class PrincipleSymbol:
    """The marker of a siting violation: a shape in a colour with the principle's character
    in white, in its ``slot`` beside the site (避 left, 防 centre, 让 right)."""

    principle: str
    colour: str
    marker: str
    slot: int

    @property
    def key(self) -> str:
        """The principle's name for :func:`~spaceplanner.results.labels.label`."""
        return self.principle

    def offset(self, size: float) -> tuple[float, float]:
        """The marker's centre from its site (right, up) for a marker ``size`` wide."""
        return self.slot * PRINCIPLE_STEP * size, PRINCIPLE_LIFT * size


#: The three siting principles: 避 avoid hazards, 防 keep a protective distance, 让 give way.
PRINCIPLES: dict[str, PrincipleSymbol] = {
    "避": PrincipleSymbol("避", "#b2182b", "circle", -1),
    "防": PrincipleSymbol("防", "#b35806", "square", 0),
    "让": PrincipleSymbol("让", "#542788", "diamond", 1),
}
