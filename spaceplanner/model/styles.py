"""Layer styles: the keys a layer view's style has, the defaults that depend on a layer's
geometry, and the QGIS QML of each role for the ``layer_styles`` table of a plan GeoPackage.

A layer view's style (saved with the plan, see :data:`STYLE_KEYS`) has ``fill``, ``stroke``,
``width`` (mm), ``opacity`` (0-1) and ``size`` (mm) and optionally ``classify`` (colour the
features by a field: ``{"field": "kind", "mode": "categories"}`` or ``{"field": "population",
"mode": "graduated", "classes": 5}``; None draws one symbol, and a style without the key takes
its role's default, :data:`DEFAULT_CLASSIFY`) and ``labels`` (True: the features' names are
drawn beside them).

QGIS reads ``layer_styles`` (its own convention, also used by GeoServer and others) and applies the
default style of each layer when the GeoPackage is opened, so a plan looks the same in QGIS as in
SpacePlanner. Field aliases carry the source column names (e.g. ``population`` shows as 常住人口).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from spaceplanner.layers.catalogue import Role

__all__ = [
    "CATEGORY_SYMBOLS",
    "DEFAULT_CLASSIFY",
    "FACILITY_KINDS",
    "GRADUATED_CLASSES",
    "LABELLED_ROLES",
    "QGIS_MARKERS",
    "SHELTER_CLASSES",
    "STYLE_KEYS",
    "classify_spec",
    "geometry_default",
    "labeling_xml",
    "qml_for_layer",
    "rgba",
]

#: The keys of a layer view's style.
STYLE_KEYS = frozenset({"fill", "stroke", "width", "opacity", "size", "classify", "labels"})

#: How the features of a role are coloured when the style does not say: facilities by kind,
#: shelters by class (each in its own colour and shape).
DEFAULT_CLASSIFY: dict[str, dict[str, object]] = {
    "facilities": {"field": "kind", "mode": "categories"},
    "shelters": {"field": "class", "mode": "categories"},
}

#: Facility kinds (the catalogue's choices) and their symbol: a stable colour and shape per kind,
#: the same in every plan (a kind keeps its look whatever other kinds a plan has). Education in
#: rose and wine, health in greens, care and services in sand, blue and indigo, culture in orange
#: and red; where two kinds share a shape their colours differ.
FACILITY_KINDS: dict[str, tuple[str, str]] = {
    "kindergarten": ("#cc6677", "triangle_up"),
    "nursery": ("#ee99aa", "triangle_down"),
    "primary_school": ("#994455", "square"),
    "middle_school": ("#aa4499", "diamond"),
    "clinic": ("#44aa99", "plus"),
    "health_centre": ("#117733", "plus"),
    "elderly_care": ("#ddcc77", "pentagon"),
    "community_service": ("#6699cc", "octagon"),
    "community_centre": ("#332288", "octagon"),
    "food_market": ("#999933", "triangle_left"),
    "supermarket": ("#999933", "square"),
    "express_delivery": ("#6699cc", "triangle_left"),
    "sports": ("#88ccee", "thin_diamond"),
    "cultural": ("#ee8866", "triangle_right"),
    "library": ("#bb5566", "triangle_right"),
    "hospital": ("#117733", "square"),
    "pharmacy": ("#44aa99", "diamond"),
    "police": ("#332288", "star"),
    "fire_station": ("#cc3311", "star"),
    "other": ("#888888", "circle"),
}

#: Shelter classes: from the small, short-stay emergency shelter (light) to the central shelter
#: (dark), in the shelters' blue family with a shape each so they read in greyscale too.
SHELTER_CLASSES: dict[str, tuple[str, str]] = {
    "emergency": ("#56b4e9", "circle"),
    "fixed": ("#0072b2", "square"),
    "fixed_short": ("#6baed6", "triangle_up"),
    "fixed_mid": ("#2171b5", "diamond"),
    "fixed_long": ("#08519c", "pentagon"),
    "central": ("#08306b", "hexagon"),
}

#: The roles whose features are drawn by category by default: the field and each value's
#: colour and marker shape (every view: the desktop, the web map, the map sheet, QGIS styles).
CATEGORY_SYMBOLS: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "facilities": ("kind", FACILITY_KINDS),
    "shelters": ("class", SHELTER_CLASSES),
}

#: QGIS simple-marker names (and rotation) of the marker shapes.
QGIS_MARKERS: dict[str, tuple[str, int]] = {
    "circle": ("circle", 0),
    "square": ("square", 0),
    "diamond": ("diamond", 0),
    "thin_diamond": ("diamond", 0),
    "triangle_up": ("triangle", 0),
    "triangle_down": ("triangle", 180),
    "triangle_left": ("triangle", 270),
    "triangle_right": ("triangle", 90),
    "pentagon": ("pentagon", 0),
    "hexagon": ("hexagon", 0),
    "octagon": ("octagon", 0),
    "plus": ("cross_fill", 0),
    "cross": ("cross2", 0),
    "star": ("star", 0),
}

#: Graduated classes a numeric field is cut into when the style does not say.
GRADUATED_CLASSES = 5


def classify_spec(role: str, style: dict[str, object]) -> dict[str, object] | None:
    """How a layer's features are coloured: the style's ``classify`` (None: one symbol) or,
    when the style has no such key, the role's default (:data:`DEFAULT_CLASSIFY`)."""
    spec = style["classify"] if "classify" in style else DEFAULT_CLASSIFY.get(role)
    if not isinstance(spec, dict) or not spec.get("field"):
        return None
    mode = "graduated" if spec.get("mode") == "graduated" else "categories"
    out: dict[str, object] = {"field": str(spec["field"]), "mode": mode}
    if mode == "graduated":
        try:
            classes = int(str(spec.get("classes", GRADUATED_CLASSES)))
        except (TypeError, ValueError):
            classes = GRADUATED_CLASSES
        out["classes"] = max(2, min(9, classes))
    return out


def geometry_default(role: str, geometry: str | None) -> dict[str, object]:
    """Style keys that differ from the role's style for layers of one geometry (``point``,
    ``line``, ``polygon``): a population grid (polygon residents) is a light wash without
    outlines, so the buildings and streets under it show through."""
    if role == "residents" and geometry == "polygon":
        return {"fill": "#f6d28b", "stroke": "none", "width": 0.1, "opacity": 0.35}
    return {}


_QGIS_VERSION = "3.28.0-Firenze"


def rgba(colour: str, opacity: float = 1.0) -> str:
    """Turn ``#rrggbb`` into QGIS's ``r,g,b,a`` (``none`` is fully transparent)."""
    if colour == "none":
        return "0,0,0,0"
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(opacity * 255)}"


def _option(name: str, value: object) -> str:
    return f'<Option name={quoteattr(name)} value={quoteattr(str(value))} type="QString"/>'


def _symbol(geometry: str, style: dict[str, object], name: str = "0") -> str:
    fill = str(style.get("fill", "#cccccc"))
    stroke = str(style.get("stroke", "#333333"))
    width = style.get("width", 0.4)
    opacity = float(style.get("opacity", 1.0))  # type: ignore[arg-type]
    if geometry == "point":
        cls, kind = "SimpleMarker", "marker"
        shape, angle = QGIS_MARKERS.get(str(style.get("marker", "circle")), ("circle", 0))
        options = [
            _option("name", shape),
            _option("angle", angle),
            _option("color", rgba(fill, opacity)),
            _option("outline_color", rgba(stroke)),
            _option("outline_width", width),
            _option("size", style.get("size", 2.4)),
        ]
    elif geometry == "line":
        cls, kind = "SimpleLine", "line"
        options = [_option("line_color", rgba(stroke)), _option("line_width", width)]
    else:
        cls, kind = "SimpleFill", "fill"
        options = [
            _option("color", rgba(fill, opacity)),
            _option("style", "no" if fill == "none" else "solid"),
            _option("outline_color", rgba(stroke)),
            _option("outline_width", width),
        ]
    body = "".join(options)
    return (
        f'<symbol type="{kind}" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
        f'<layer class="{cls}" enabled="1" locked="0" pass="0">'
        f'<Option type="Map">{body}</Option></layer></symbol>'
    )


#: Roles whose features are labelled by name in QGIS (the named sites; residents, streets and
#: buildings would bury the map in text).
LABELLED_ROLES = frozenset({"shelters", "facilities", "activity_spaces", "hazard_sources"})


def labeling_xml(geometry: str, columns: list[str] | None = None) -> str:
    """QGIS's ``<labeling>`` of a layer labelled by its features' names (``name``, else ``id``;
    with ``columns`` None the ``name`` field is assumed): dark text with a white halo, beside
    a point's symbol (QGIS's cartographic placement keeps it off the symbol), over a
    polygon's centre. Empty when the layer has neither field."""
    names = ("name", "id")
    field = "name" if columns is None else next((c for c in names if c in columns), "")
    if not field:
        return ""
    placement = 6 if geometry == "point" else (2 if geometry == "line" else 1)
    return (
        '<labeling type="simple"><settings calloutType="simple">'
        f'<text-style fieldName={quoteattr(field)} isExpression="0" fontSize="8" '
        'fontSizeUnit="Point" textColor="34,34,34,255" textOpacity="1" fontWeight="50" '
        'namedStyle="Regular">'
        '<text-buffer bufferDraw="1" bufferSize="0.7" bufferSizeUnits="MM" '
        'bufferColor="255,255,255,255" bufferOpacity="0.9" bufferJoinStyle="128"/>'
        "</text-style>"
        f'<placement placement="{placement}" dist="0.8" distUnits="MM" '
        'predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" overlapHandling="PreventOverlap"/>'
        '<rendering obstacle="1" obstacleType="1" drawLabels="1" upsidedownLabels="0"/>'
        "</settings></labeling>"
    )


def _categories_xml(role: Role, geometry: str) -> str | None:
    """A categorised ``<renderer-v2>`` of a role drawn by category (:data:`CATEGORY_SYMBOLS`),
    None for others. Values not listed (and a field the table lacks) draw in the role's style:
    QGIS's category of the empty value takes all other values."""
    if role.name not in CATEGORY_SYMBOLS:
        return None
    field, table = CATEGORY_SYMBOLS[role.name]
    base = dict(role.style)
    cats, syms = [], []
    for k, (value, (colour, marker)) in enumerate(table.items()):
        style = {**base, "fill": colour, "marker": marker}
        if role.name == "facilities":
            style.update({"stroke": "#222222", "width": 0.15, "opacity": 1.0})
        else:
            style["stroke"] = colour
        cats.append(
            f'<category render="true" symbol="{k}" value={quoteattr(value)} '
            f"label={quoteattr(value)}/>"
        )
        syms.append(_symbol(geometry, style, str(k)))
    rest = len(table)
    cats.append(f'<category render="true" symbol="{rest}" value="" label=""/>')
    syms.append(_symbol(geometry, base, str(rest)))
    return (
        f'<renderer-v2 type="categorizedSymbol" attr={quoteattr(field)} symbollevels="0" '
        'enableorderby="0" forceraster="0">'
        f"<categories>{''.join(cats)}</categories><symbols>{''.join(syms)}</symbols>"
        "</renderer-v2>"
    )


def qml_for_layer(
    role: Role, geometry: str, aliases: dict[str, str], columns: list[str] | None = None
) -> str:
    """Return the QML of a layer of ``role``.

    Parameters
    ----------
    role
        The layer's role; its catalogue style gives colours and widths.
    geometry
        ``point``, ``line`` or ``polygon``.
    aliases
        Field name to the alias QGIS shows for it (the source column name).
    columns
        The layer's fields (which of ``name`` and ``id`` the labels take); None: ``name``.

    Facilities are drawn by kind and shelters by class (:data:`CATEGORY_SYMBOLS`), other
    roles in their catalogue style; the named sites (:data:`LABELLED_ROLES`) are labelled.
    """
    alias_xml = "".join(
        f'<alias field={quoteattr(f)} index="{i}" name={quoteattr(a)}/>'
        for i, (f, a) in enumerate(aliases.items())
    )
    renderer = _categories_xml(role, geometry) or (
        '<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">'
        f"<symbols>{_symbol(geometry, role.style)}</symbols></renderer-v2>"
    )
    labels = labeling_xml(geometry, columns) if role.name in LABELLED_ROLES else ""
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
        f'<qgis version="{_QGIS_VERSION}" styleCategories="Symbology|Fields|Labeling" '
        f'labelsEnabled="{1 if labels else 0}">'
        f"{renderer}{labels}"
        f"<aliases>{alias_xml}</aliases>"
        "</qgis>"
    )
