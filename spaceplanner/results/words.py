"""Words for the codes that appear inside messages (hazard types, hazard source kinds, layer
roles, facility kinds, periods), marked for translation, so a sentence such as "42.0 m from
petrol station WX01" is said whole in Chinese (:func:`spaceplanner.i18n.say`). A code without a
word is shown as it is."""

from __future__ import annotations

from collections.abc import Iterable

from spaceplanner.i18n import Template, Text, Versions, tx

__all__ = [
    "facility_word",
    "geometry_word",
    "hazard_word",
    "join_sources",
    "join_words",
    "period_word",
    "phrase",
    "role_word",
    "rule_word",
    "scenario_word",
    "severity_word",
    "source_word",
    "unit_word",
]

_HAZARDS = {
    "flood": tx("flood"),
    "earthquake": tx("earthquake"),
    "fire": tx("fire"),
    "landslide": tx("landslide"),
    "geological": tx("geological hazard"),
    "waterlogging": tx("waterlogging"),
    "storm_surge": tx("storm surge"),
}

_SOURCES = {
    "petrol_station": tx("petrol station"),
    "gas_station": tx("gas station"),
    "gas_storage": tx("gas storage"),
    "major_fire_explosion": tx("major fire or explosion source"),
    "fire_source": tx("fire source"),
    "industrial": tx("industrial site"),
    "pipeline": tx("pipeline"),
    "hv_line": tx("HV line"),
}

# the roles as a sentence names them (lower case, plural where the layer holds many)
_ROLES = {
    "residents": tx("residents"),
    "shelters": tx("shelters"),
    "activity_spaces": tx("activity spaces"),
    "facilities": tx("facilities"),
    "entrances": tx("entrances"),
    "hazards": tx("hazards"),
    "hazard_sources": tx("hazard sources"),
    "network": tx("network"),
    "buildings": tx("buildings"),
    "boundary": tx("boundary"),
    "parcels": tx("parcels"),
    "terrain": tx("terrain"),
    "candidates": tx("candidates"),
}

_FACILITIES = {
    "kindergarten": tx("kindergarten"),
    "nursery": tx("nursery"),
    "primary_school": tx("primary school"),
    "middle_school": tx("middle school"),
    "clinic": tx("community clinic"),
    "health_centre": tx("community health centre"),
    "elderly_care": tx("elderly care"),
    "community_service": tx("community service station"),
    "food_market": tx("food market"),
    "supermarket": tx("supermarket"),
    "express_delivery": tx("express delivery point"),
    "sports": tx("sports ground"),
    "cultural": tx("cultural activity station"),
    "library": tx("library"),
    "community_centre": tx("community centre"),
    "hospital": tx("hospital"),
    "pharmacy": tx("pharmacy"),
    "police": tx("police station"),
    "fire_station": tx("fire station"),
}

_PERIODS = {
    "normal": tx("normal", "period"),
    "emergency": tx("emergency", "period"),
    "both": tx("both", "period"),
}

_GEOMETRIES = {
    "Point": tx("Point", "geometry"),
    "MultiPoint": tx("MultiPoint", "geometry"),
    "LineString": tx("LineString", "geometry"),
    "MultiLineString": tx("MultiLineString", "geometry"),
    "Polygon": tx("Polygon", "geometry"),
    "MultiPolygon": tx("MultiPolygon", "geometry"),
    "raster": tx("raster", "geometry"),
}

_SEVERITIES = {
    "error": tx("error", "severity"),
    "warning": tx("warning", "severity"),
    "repair": tx("repair", "severity"),
    "note": tx("note", "severity"),
}

# the 避/防/让 rules of the siting checks (``prevent.<kind>`` is named by its source kind)
_RULES = {
    "avoid.hazard_zone": tx("hazard zone", "rule"),
    "avoid.collapse_range": tx("collapse range of a tall building", "rule"),
    "prevent.pipeline_crossing": tx("pipeline crossing", "rule"),
    "give_way.unbuilt": tx("buildings on the site", "rule"),
    "give_way.entrances": tx("entrances in different directions", "rule"),
    "give_way.evacuation_width": tx("evacuation route clear width", "rule"),
    "give_way.debris_zone": tx("evacuation route in a debris zone", "rule"),
}

# units of the role catalogue's fields (``m``, ``kV`` stay as they are)
_UNITS = {
    "persons": tx("persons", "unit"),
    "households": tx("households", "unit"),
    "floors": tx("floors", "unit"),
    "m2": tx("m2", "unit"),
}


def hazard_word(code: object) -> Template | str:
    """The word for a hazard type (``flood`` -> flood / 洪涝)."""
    return _HAZARDS.get(str(code), str(code))


def source_word(code: object) -> Template | str:
    """The word for a hazard source kind (``petrol_station`` -> petrol station / 加油站)."""
    return _SOURCES.get(str(code), str(code).replace("_", " "))


def role_word(code: object) -> Template | str:
    """The word for a layer role (``activity_spaces`` -> activity spaces / 活动空间)."""
    return _ROLES.get(str(code), str(code).replace("_", " "))


def facility_word(code: object) -> Template | str:
    """The word for a facility kind (``clinic`` -> community clinic / 社区卫生服务站); a kind
    the tool does not know (a plan's own) is shown as it is."""
    return _FACILITIES.get(str(code), str(code))


def geometry_word(code: object) -> Template | str:
    """The word for a geometry type (``Polygon`` -> Polygon / 面) or ``raster``."""
    return _GEOMETRIES.get(str(code), str(code))


def severity_word(code: object) -> Template | str:
    """The word for a problem's severity (error, warning, repair, note)."""
    return _SEVERITIES.get(str(code), str(code))


def rule_word(code: object) -> str:
    """The words for a siting rule code (``avoid.hazard_zone`` -> hazard zone / 灾害风险区;
    ``prevent.petrol_station`` -> protective distance from petrol station)."""
    code = str(code)
    if code in _RULES:
        return _RULES[code]
    if code.startswith("prevent."):
        kind = source_word(code.removeprefix("prevent."))
        return tx("protective distance from {kind}", "rule").format(kind=kind)
    return code


def scenario_word(code: object) -> Template | str:
    """The word for a hazard scenario (``flood``, ``all`` -> all hazards / 全部灾害)."""
    if str(code) == "all":
        return tx("all hazards", "scenario")
    return hazard_word(code)


def period_word(code: object) -> Template | str:
    """The word for a period (``normal`` / ``emergency`` / ``both``)."""
    return _PERIODS.get(str(code), str(code))


def phrase(text: object) -> Template | str:
    """A text made elsewhere (a rule profile's source or reason, a message) as a value that is
    said in the language when the catalogue has it, and as it is otherwise."""
    if text is None or text == "":
        return ""
    if isinstance(text, Template | Text | Versions):
        return text
    return Template(str(text))


def join_words(words: Iterable[object]) -> str:
    """Words as one list: ``flood, fire`` (洪涝、火灾), each word said in the language."""
    out: str | None = None
    for word in words:
        item = word if isinstance(word, str) else str(word)
        out = item if out is None else tx("{items}, {item}", "list").format(items=out, item=item)
    return "" if out is None else out


def join_sources(texts: Iterable[object]) -> str:
    """Sources (or reasons) made elsewhere as one text, ``a; b``, each said in the language when
    the catalogue has it; the same text twice is given once."""
    out: str | None = None
    for text in dict.fromkeys(t for t in texts if t):
        item = phrase(text)
        out = item if out is None else tx("{items}; {item}").format(items=out, item=item)
    return "" if out is None else out


def unit_word(code: object) -> Template | str:
    """The word for a field's unit (``persons`` -> persons / 人; ``m2`` -> m2 / m²)."""
    return _UNITS.get(str(code), str(code))
