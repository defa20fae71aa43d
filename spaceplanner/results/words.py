"""Words for the codes that appear inside messages (hazard types, hazard source kinds), marked
for translation, so a sentence such as "42.0 m from petrol station WX01" is said whole in
Chinese (:func:`spaceplanner.i18n.say`). A code without a word is shown as it is."""

from __future__ import annotations

from spaceplanner.i18n import Template, tx

__all__ = ["hazard_word", "source_word"]

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


def hazard_word(code: object) -> Template | str:
    """The word for a hazard type (``flood`` -> flood / 洪涝)."""
    return _HAZARDS.get(str(code), str(code))


def source_word(code: object) -> Template | str:
    """The word for a hazard source kind (``petrol_station`` -> petrol station / 加油站)."""
    return _SOURCES.get(str(code), str(code).replace("_", " "))
