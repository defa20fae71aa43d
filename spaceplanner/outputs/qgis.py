"""QGIS files of an export: layer styles (``.qml``) and a styled project (``project.qgz``).

A layer is drawn with the symbols of the map sheet and the web map
(:mod:`spaceplanner.outputs.symbols`): gap areas hatched vermillion, service areas dashed blue,
residents by whether they have a shelter place, facilities by kind, violations by principle
(避 circle, 防 square, 让 diamond) in the principle's colour. Field aliases give every field a
readable name (the source's own column name for plan layers, the label in the export's
language for result fields), which QGIS shows in the attribute table and forms.

``layer_qml`` is the style of one layer, written beside each exported Shapefile under the same
name (QGIS applies a ``<name>.qml`` beside a layer when it loads it). ``project_qgs`` is a QGIS
project (``.qgs`` XML) whose layers refer to the exported GeoPackage by a path relative to the
project, in groups as the web map's layer control; ``project.qgz`` is the zip QGIS saves.
Written by the XML of QGIS 3 (3.16 and later read it); no QGIS is needed to write it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from pyproj import CRS

from spaceplanner.model.styles import LABELLED_ROLES, QGIS_MARKERS, labeling_xml
from spaceplanner.outputs import symbols
from spaceplanner.outputs.symbols import Symbol
from spaceplanner.results.labels import label, shelter_class_label
from spaceplanner.results.violation_layers import PRINCIPLE_KEYS

__all__ = ["ProjectLayer", "field_alias", "layer_qml", "project_qgs", "renderer_xml"]

_QGIS_VERSION = "3.28.0-Firenze"
_DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"


def _rgba(colour: str | None, opacity: float = 1.0) -> str:
    if not colour:
        return "0,0,0,0"
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(opacity * 255)}"


def _options(**values: object) -> str:
    body = "".join(
        f'<Option name={quoteattr(k)} value={quoteattr(str(v))} type="QString"/>'
        for k, v in values.items()
    )
    return f'<Option type="Map">{body}</Option>'


def _symbol_xml(symbol: Symbol, geometry: str, name: str) -> str:
    """The QGIS ``<symbol>`` of ``symbol`` for a ``point``, ``line`` or ``polygon`` layer."""
    edge = "dash" if symbol.dashed else "solid"
    if geometry == "point":
        kind = "marker"
        shape, angle = QGIS_MARKERS.get(symbol.marker, ("circle", 0))
        layers = (
            '<layer class="SimpleMarker" enabled="1" locked="0" pass="0">'
            + _options(
                name=shape,
                angle=angle,
                color=_rgba(symbol.fill or "#ffffff", 1.0),
                outline_color=_rgba(symbol.stroke),
                outline_style="solid" if symbol.stroke else "no",
                outline_width=symbol.width,
                outline_width_unit="MM",
                size=symbol.size,
                size_unit="MM",
            )
            + "</layer>"
        )
    elif geometry == "line":
        kind = "line"
        layers = (
            '<layer class="SimpleLine" enabled="1" locked="0" pass="0">'
            + _options(
                line_color=_rgba(symbol.stroke or symbol.fill),
                line_style=edge,
                line_width=symbol.width,
                line_width_unit="MM",
            )
            + "</layer>"
        )
    else:
        kind = "fill"
        layers = (
            '<layer class="SimpleFill" enabled="1" locked="0" pass="0">'
            + _options(
                color=_rgba(symbol.fill, symbol.opacity),
                style="solid" if symbol.fill else "no",
                outline_color=_rgba(symbol.stroke),
                outline_style=edge if symbol.stroke else "no",
                outline_width=symbol.width,
                outline_width_unit="MM",
            )
            + "</layer>"
        )
        if symbol.hatched:
            hatch = (
                f'<symbol type="line" name="@{name}@1" alpha="1" clip_to_extent="1" '
                'force_rhr="0"><layer class="SimpleLine" enabled="1" locked="0" pass="0">'
                + _options(
                    line_color=_rgba(symbol.stroke or symbol.fill, 0.8),
                    line_width=0.3,
                    line_width_unit="MM",
                )
                + "</layer></symbol>"
            )
            layers += (
                '<layer class="LinePatternFill" enabled="1" locked="0" pass="0">'
                + _options(lineangle=45, distance=1.8, distance_unit="MM")
                + hatch
                + "</layer>"
            )
    return (
        f'<symbol type="{kind}" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
        f"{layers}</symbol>"
    )


@dataclass(frozen=True)
class _Style:
    """How a layer is drawn: one symbol, or a symbol per value of a field or per rule."""

    single: Symbol | None = None
    field: str = ""
    categories: tuple[tuple[str, Symbol, str], ...] = ()  # value, symbol, label
    rules: tuple[tuple[str, Symbol, str], ...] = ()  # filter expression, symbol, label


def _principle_symbol(principle: str) -> Symbol:
    mark = symbols.PRINCIPLES[principle]
    return Symbol(principle, fill=mark.colour, stroke="#ffffff", width=0.3, marker=mark.marker)


def _style(layer: str, role: str, frame_columns: list[str], lang: str) -> _Style:
    """The style of an exported layer: by its result name, else by the plan layer's role."""
    base = re.sub(r"_(point|line|polygon|other)$", "", layer)
    if base.startswith("residents") and "unsheltered" in frame_columns:
        return _Style(
            rules=(
                ('"unsheltered" <= 0.000001', symbols.COVERED, label("sheltered_all", lang)),
                ('"sheltered" > 0.000001', symbols.PARTLY_COVERED, label("sheltered_part", lang)),
                ("ELSE", symbols.NOT_COVERED, label("sheltered_none", lang)),
            )
        )
    fixed = {
        "uncovered_residents": symbols.UNCOVERED_RESIDENTS,
        "gap_areas": symbols.GAP_AREAS,
        "service_areas": symbols.SERVICE_AREAS,
        "shelters_over_capacity": symbols.OVER_CAPACITY,
        "suggestions": symbols.SUGGESTED,
        "hazard_zones": symbols.role_symbol("hazards"),
        "violation_removed": Symbol("violation_removed", fill="#b2182b", opacity=0.35),
    }
    for name, symbol in fixed.items():
        if base == name or base.startswith(f"{name}_"):
            return _Style(single=symbol)
    if base.startswith("violation") and "principle_en" in frame_columns:
        return _Style(
            field="principle_en",
            categories=tuple(
                (PRINCIPLE_KEYS[p], _principle_symbol(p), label(p, lang)) for p in PRINCIPLE_KEYS
            ),
        )
    if role == "facilities" and "kind" in frame_columns:
        return _Style(
            field="kind",
            categories=(
                *(
                    (kind, symbols.facility_symbol(kind), label(kind, lang))
                    for kind in symbols.FACILITY_KINDS
                ),
                # QGIS's category of the empty value takes every other value (none is hidden)
                ("", symbols.role_symbol("facilities"), ""),
            ),
        )
    if base.startswith("shelters"):
        role = "shelters"
    if role == "shelters" and "class" in frame_columns:
        return _Style(
            field="class",
            categories=(
                *(
                    (c, symbols.shelter_symbol(c), shelter_class_label(c, lang))
                    for c in symbols.SHELTER_CLASSES
                ),
                ("", symbols.role_symbol("shelters"), ""),
            ),
        )
    try:
        return _Style(single=symbols.role_symbol(role))
    except KeyError:
        return _Style(single=Symbol(layer, fill="#cccccc", stroke="#555555", width=0.26))


def renderer_xml(
    layer: str, role: str, geometry: str, columns: list[str], lang: str, fields: Mapping[str, str]
) -> str:
    """The ``<renderer-v2>`` of an exported layer; ``fields`` maps a column to the field name
    it has in the file (Shapefiles cut names to 10 bytes)."""
    style = _style(layer, role, columns, lang)

    def quoted(column: str) -> str:
        return '"' + fields.get(column, column).replace('"', '""') + '"'

    if style.rules:
        rules, syms = [], []
        for k, (expression, symbol, text) in enumerate(style.rules):
            expr = re.sub(r'"(\w+)"', lambda m: quoted(m.group(1)), expression)
            attrs = 'filter="ELSE"' if expr == "ELSE" else f"filter={quoteattr(expr)}"
            rules.append(f'<rule key="r{k}" symbol="{k}" {attrs} label={quoteattr(text)}/>')
            syms.append(_symbol_xml(symbol, geometry, str(k)))
        return (
            '<renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" '
            f'forceraster="0"><rules key="root">{"".join(rules)}</rules>'
            f"<symbols>{''.join(syms)}</symbols></renderer-v2>"
        )
    if style.categories:
        cats, syms = [], []
        for k, (value, symbol, text) in enumerate(style.categories):
            cats.append(
                f'<category render="true" symbol="{k}" value={quoteattr(value)} '
                f"label={quoteattr(text)}/>"
            )
            syms.append(_symbol_xml(symbol, geometry, str(k)))
        return (
            '<renderer-v2 type="categorizedSymbol" '
            f'attr={quoteattr(fields.get(style.field, style.field))} symbollevels="0" '
            'enableorderby="0" forceraster="0">'
            f"<categories>{''.join(cats)}</categories><symbols>{''.join(syms)}</symbols>"
            "</renderer-v2>"
        )
    assert style.single is not None
    return (
        '<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">'
        f"<symbols>{_symbol_xml(style.single, geometry, '0')}</symbols></renderer-v2>"
    )


def _labeling(layer: str, role: str, geometry: str, fields: Mapping[str, str]) -> str:
    """The ``<labeling>`` of an exported layer: the named sites (shelters, facilities,
    activity spaces, hazard sources, suggested sites) by name, else id; empty for others."""
    base = re.sub(r"_(point|line|polygon|other)$", "", layer)
    named = role in LABELLED_ROLES or base in ("shelters", "suggestions")
    if not named:
        return ""
    labels = labeling_xml(geometry, list(fields))
    for column in ("name", "id"):  # the field's name in the file (Shapefiles cut names)
        labels = labels.replace(
            f'fieldName="{column}"', f"fieldName={quoteattr(fields.get(column, column))}"
        )
    return labels


def field_alias(column: str, lang: str, source: str | None = None) -> str:
    """A readable name of an exported field: the source's own column name when the plan layer
    was read from one, else the label of a result field (``d_shelter`` ->
    ``Walking distance (m): Shelter within reach, with room``), else the column itself."""
    if source:
        return source
    for prefix, key in (("d_", "distance_m"), ("ok_", "covered")):
        if (
            column.startswith(prefix)
            and label(column[len(prefix) :], lang) != column[len(prefix) :]
        ):
            return f"{label(key, lang)}: {label(column[len(prefix) :], lang)}"
    if column.startswith("removed_") and column[8:] in PRINCIPLE_KEYS.values():
        principle = next(p for p, k in PRINCIPLE_KEYS.items() if k == column[8:])
        return f"{label('capacity_removed', lang)}: {label(principle, lang)}"
    text = label(column, lang)
    return text


def _aliases_xml(fields: Mapping[str, str], aliases: Mapping[str, str]) -> str:
    return "".join(
        f'<alias field={quoteattr(name)} index="{i}" name={quoteattr(aliases.get(col, col))}/>'
        for i, (col, name) in enumerate(fields.items())
    )


def layer_qml(
    layer: str,
    role: str,
    geometry: str,
    fields: Mapping[str, str],
    aliases: Mapping[str, str],
    lang: str = "en",
) -> str:
    """The QML style of an exported layer: its symbols and its fields' aliases.

    Parameters
    ----------
    layer
        The exported layer's name (``gap_areas``, ``plan_facilities``, ``violations_point``).
    role
        The plan layer's role (empty for result layers).
    geometry
        ``point``, ``line`` or ``polygon``.
    fields
        Each column and its field name in the file, in the file's order.
    aliases
        Each column's readable name.
    """
    columns = list(fields)
    labels = _labeling(layer, role, geometry, fields)
    return (
        f'{_DOCTYPE}<qgis version="{_QGIS_VERSION}" styleCategories="Symbology|Fields|Labeling" '
        f'labelsEnabled="{1 if labels else 0}">'
        f"{renderer_xml(layer, role, geometry, columns, lang, fields)}{labels}"
        f"<aliases>{_aliases_xml(fields, aliases)}</aliases></qgis>"
    )


@dataclass
class ProjectLayer:
    """A layer of the project: its name shown, the path (relative to the project) and
    data-source options, its style and where it sits in the layer tree."""

    name: str
    path: str
    table: str
    layer: str
    role: str
    geometry: str
    group: str
    columns: list[str]
    aliases: dict[str, str] = field(default_factory=dict)
    geometry_filter: str | None = None
    subset: str = ""
    visible: bool = True

    @property
    def source(self) -> str:
        """The OGR data source, relative to the project file."""
        out = f"./{self.path}|layername={self.table}"
        if self.geometry_filter:
            out += f"|geometrytype={self.geometry_filter}"
        return out


_GEOMETRY_TYPES = {"point": "Point", "line": "Line", "polygon": "Polygon"}


def _srs(crs: CRS | None) -> str:
    if crs is None:
        return '<spatialrefsys nativeFormat="Wkt"/>'
    authority = crs.to_authority()
    authid = f"{authority[0]}:{authority[1]}" if authority else ""
    return (
        f'<spatialrefsys nativeFormat="Wkt"><wkt>{escape(crs.to_wkt())}</wkt>'
        f"<authid>{escape(authid)}</authid><description>{escape(crs.name)}</description>"
        "</spatialrefsys>"
    )


def project_qgs(
    title: str,
    crs: CRS | None,
    bounds: tuple[float, float, float, float],
    layers: list[ProjectLayer],
    groups: Mapping[str, str],
    lang: str = "en",
) -> str:
    """The ``.qgs`` XML of a project of ``layers`` (first drawn on top), in the layer-tree
    groups ``groups`` (key -> name shown, in order), with relative paths."""
    ids = [f"{re.sub(r'[^A-Za-z0-9_]', '_', lyr.table)}_{k}" for k, lyr in enumerate(layers)]
    tree = []
    for key, name in groups.items():
        members = [
            f'<layer-tree-layer id="{ident}" name={quoteattr(lyr.name)} '
            f'source={quoteattr(lyr.source)} providerKey="ogr" '
            f'checked="{"Qt::Checked" if lyr.visible else "Qt::Unchecked"}" expanded="0">'
            "<customproperties/></layer-tree-layer>"
            for ident, lyr in zip(ids, layers, strict=True)
            if lyr.group == key
        ]
        if members:
            tree.append(
                f'<layer-tree-group name={quoteattr(name)} checked="Qt::Checked" '
                f'expanded="1"><customproperties/>{"".join(members)}</layer-tree-group>'
            )
    srs = _srs(crs)
    maplayers = []
    for ident, lyr in zip(ids, layers, strict=True):
        fields = {c: c for c in lyr.columns}
        labels = _labeling(lyr.layer, lyr.role, lyr.geometry, fields)
        maplayers.append(
            f'<maplayer type="vector" geometry="{_GEOMETRY_TYPES[lyr.geometry]}" '
            'hasScaleBasedVisibilityFlag="0" styleCategories="AllStyleCategories" '
            f'labelsEnabled="{1 if labels else 0}">'
            f"<id>{ident}</id><datasource>{escape(lyr.source)}</datasource>"
            f"<layername>{escape(lyr.name)}</layername><srs>{srs}</srs>"
            '<provider encoding="UTF-8">ogr</provider>'
            f"<subsetString>{escape(lyr.subset)}</subsetString>"
            f"{renderer_xml(lyr.layer, lyr.role, lyr.geometry, lyr.columns, lang, fields)}"
            f"{labels}<aliases>{_aliases_xml(fields, lyr.aliases)}</aliases>"
            "</maplayer>"
        )
    xmin, ymin, xmax, ymax = bounds
    extent = (
        f"<extent><xmin>{xmin}</xmin><ymin>{ymin}</ymin><xmax>{xmax}</xmax>"
        f"<ymax>{ymax}</ymax></extent>"
    )
    order = "".join(f"<item>{ident}</item>" for ident in ids)
    return (
        f'{_DOCTYPE}<qgis projectname={quoteattr(title)} version="{_QGIS_VERSION}">'
        f'<homePath path=""/><title>{escape(title)}</title>'
        f"<projectCrs>{srs}</projectCrs>"
        f"<layer-tree-group><customproperties/>{''.join(tree)}"
        f'<custom-order enabled="0">{order}</custom-order></layer-tree-group>'
        f'<mapcanvas name="theMapCanvas" annotationsVisible="1"><units>meters</units>'
        f"{extent}<rotation>0</rotation><destinationsrs>{srs}</destinationsrs></mapcanvas>"
        f"<projectlayers>{''.join(maplayers)}</projectlayers>"
        f"<layerorder>{''.join(f'<layer id={quoteattr(i)}/>' for i in ids)}</layerorder>"
        '<properties><Paths><Absolute type="bool">false</Absolute></Paths></properties>'
        "</qgis>"
    )
