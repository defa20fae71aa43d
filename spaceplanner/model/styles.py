"""Default layer styles by role, as QGIS QML, for the ``layer_styles`` table of a plan GeoPackage.

QGIS reads ``layer_styles`` (its own convention, also used by GeoServer and others) and applies the
default style of each layer when the GeoPackage is opened, so a plan looks the same in QGIS as in
SpacePlanner. Field aliases carry the source column names (e.g. ``population`` shows as 常住人口).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from spaceplanner.layers.catalogue import Role

__all__ = ["qml_for_layer", "rgba"]

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
