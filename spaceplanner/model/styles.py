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
    "DEFAULT_CLASSIFY",
    "GRADUATED_CLASSES",
    "STYLE_KEYS",
    "classify_spec",
    "geometry_default",
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


def _symbol(geometry: str, style: dict[str, object]) -> str:
    fill = str(style.get("fill", "#cccccc"))
    stroke = str(style.get("stroke", "#333333"))
    width = style.get("width", 0.4)
    opacity = float(style.get("opacity", 1.0))  # type: ignore[arg-type]
    if geometry == "point":
        cls, kind = "SimpleMarker", "marker"
        options = [
            _option("name", "circle"),
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
        f'<symbol type="{kind}" name="0" alpha="1" clip_to_extent="1" force_rhr="0">'
        f'<layer class="{cls}" enabled="1" locked="0" pass="0">'
        f'<Option type="Map">{body}</Option></layer></symbol>'
    )


def qml_for_layer(role: Role, geometry: str, aliases: dict[str, str]) -> str:
    """Return the QML of a layer of ``role``.

    Parameters
    ----------
    role
        The layer's role; its catalogue style gives colours and widths.
    geometry
        ``point``, ``line`` or ``polygon``.
    aliases
        Field name to the alias QGIS shows for it (the source column name).
    """
    alias_xml = "".join(
        f'<alias field={quoteattr(f)} index="{i}" name={quoteattr(a)}/>'
        for i, (f, a) in enumerate(aliases.items())
    )
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
        f'<qgis version="{_QGIS_VERSION}" styleCategories="Symbology|Fields">'
        '<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">'
        f"<symbols>{_symbol(geometry, role.style)}</symbols></renderer-v2>"
        f"<aliases>{alias_xml}</aliases>"
        "</qgis>"
    )
