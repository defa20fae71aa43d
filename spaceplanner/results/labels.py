"""Words shown to users in exports, in English and simplified Chinese.

One table for the terms every export shares (indicators, roles, principles, units, the legend's
classes and the words of the web map and the map sheet), so the views and a report call things by
the same names; the symbols that go with them are in :mod:`spaceplanner.outputs.symbols`. The
English is here; the Chinese is in the message catalogue (:mod:`spaceplanner.i18n`), as every
other text. ``label(key, lang)`` falls back to the English text, then to the key itself.
"""

from __future__ import annotations

from spaceplanner.i18n import LANGS, Template, say, tx

__all__ = ["LANGS", "SHELTER_CLASS_KEYS", "has_label", "label", "shelter_class_label"]


_TERMS: dict[str, Template] = {
    # indicators (as in report.json and the gap layers)
    "shelter": tx("Shelter within reach, with room"),
    "space_5min": tx("5-minute circle activity space"),
    "space_10min": tx("10-minute circle activity space"),
    "space_15min": tx("15-minute circle activity space"),
    "kindergarten": tx("Kindergarten"),
    "nursery": tx("Nursery"),
    "primary_school": tx("Primary school"),
    "middle_school": tx("Middle school"),
    "clinic": tx("Community clinic"),
    "health_centre": tx("Community health centre"),
    "elderly_care": tx("Elderly care"),
    "community_service": tx("Community service station"),
    "food_market": tx("Food market"),
    "supermarket": tx("Supermarket"),
    "express_delivery": tx("Express delivery point"),
    "sports": tx("Sports ground"),
    "cultural": tx("Cultural activity station"),
    "library": tx("Library"),
    "community_centre": tx("Community centre"),
    "hospital": tx("Hospital"),
    "pharmacy": tx("Pharmacy"),
    "police": tx("Police station"),
    "fire_station": tx("Fire station"),
    "other": tx("Other facility"),
    "park_coverage": tx("Park service-radius coverage"),
    "activity_site": tx("Public activity site (≥ 150 m²)"),
    "neighbourhood_park": tx("Neighbourhood park (≥ 4000 m²)"),
    "park_green": tx("Public park green"),
    "community_park": tx("Community parks"),
    "shelter_area": tx("Effective shelter area"),
    # roles
    "residents": tx("Residents"),
    "shelters": tx("Emergency shelters"),
    "activity_spaces": tx("Activity spaces"),
    "facilities": tx("Community facilities"),
    "hazards": tx("Hazard zones"),
    "hazard_sources": tx("Hazard sources"),
    "network": tx("Walking network"),
    "buildings": tx("Buildings"),
    "boundary": tx("Boundary"),
    "service_areas": tx("Service areas"),
    "gap_areas": tx("Gap areas"),
    "violations": tx("Siting violations"),
    "uncovered_residents": tx("Residents not covered"),
    "shelters_over_capacity": tx("Shelters over capacity"),
    "hazard_zones": tx("Hazard zones of the scenario"),
    "violation_zones": tx("Violations: zones and bands met"),
    "violation_removed": tx("Violations: site area removed"),
    "suggestions": tx("Suggested sites"),
    # principles
    "避": tx("Avoid hazards (避)"),
    "防": tx("Protective distance (防)"),
    "让": tx("Give way / keep free (让)"),
    # words
    "covered": tx("covered"),
    "not_covered": tx("not covered"),
    "population": tx("Population"),
    "capacity": tx("Capacity"),
    "assigned": tx("Assigned"),
    "sheltered": tx("Sheltered"),
    "share_covered": tx("Share covered"),
    "per_capita_m2": tx("m² per person"),
    "target": tx("Target"),
    "pass": tx("pass"),
    "fail": tx("fail"),
    "not_assessed": tx("not assessed"),
    "source": tx("Source"),
    "scenario": tx("Scenario"),
    "period": tx("Period"),
    "notes": tx("Notes"),
    "flood": tx("flood"),
    "earthquake": tx("earthquake"),
    "fire": tx("fire"),
    "all": tx("all hazards"),
    "normal": tx("normal times"),
    "emergency": tx("emergency"),  # the period; a shelter class is "class_emergency"
    "both": tx("normal and emergency"),
    "over_capacity": tx("over capacity"),
    "steward": tx("Responsible organisation"),
    "attribution": tx("Data sources"),
    # shelter classes (GB 51143-2015 §3.1.4, GB 21734-2008): not the periods 平时/急时
    "class_emergency": tx("Emergency shelter"),
    "class_fixed": tx("Fixed shelter"),
    "class_fixed_short": tx("Short-term fixed shelter"),
    "class_fixed_mid": tx("Medium-term fixed shelter"),
    "class_fixed_long": tx("Long-term fixed shelter"),
    "class_central": tx("Central shelter"),
    # legend classes
    "sheltered_all": tx("all sheltered"),
    "sheltered_part": tx("partly sheltered"),
    "sheltered_none": tx("not sheltered"),
    "ineligible": tx("ineligible / no capacity"),
    "load_low": tx("< 50 %"),
    "load_mid": tx("50–80 %"),
    "load_high": tx("80–100 %"),
    "load_full": tx("full"),
    "size_capacity": tx("circle size = capacity"),
    "size_population": tx("circle size = population"),
    "shelter_size": tx("Shelter, size and label: capacity (persons)"),
    # words of the web map and the map sheet
    "title": tx("Resilient public space: map sheet"),
    "date": tx("Date"),
    "rules": tx("Rules"),
    "legend": tx("Legend"),
    "basemap": tx("Basemap"),
    "context": tx("Context"),
    "features": tx("Features"),
    "sites": tx("Sites"),
    "layers": tx("Layers"),
    "unserved_only": tx("only those not served are drawn"),
    "indicator": tx("Indicator"),
    "value": tx("Value"),
    "result": tx("Result"),
    "key_indicators": tx("Key indicators"),
    "unsheltered": tx("Unsheltered"),
    "load": tx("Load (assigned ÷ capacity)"),
    "spare": tx("Spare"),
    "nearest_demand": tx("Nearest demand"),
    "eligible": tx("Eligible"),
    "class": tx("Class"),
    "use": tx("Use"),
    "dual_use": tx("dual use (平急两用)"),
    "capacity_removed": tx("Capacity removed"),
    "distance_m": tx("Walking distance (m)"),
    "radius_m": tx("Radius (m)"),
    "area_m2": tx("Area (m²)"),
    "residents_count": tx("Resident points"),
    "kind": tx("Kind"),
    "hazard": tx("Hazard"),
    "voltage": tx("Voltage (kV)"),
    "width": tx("Width (m)"),
    "rule": tx("Rule"),
    "principle": tx("Principle"),
    "measured": tx("Measured"),
    "required": tx("Required"),
    "layer": tx("Layer"),
    "id": tx("ID"),
    "yes": tx("yes"),
    "no": tx("no"),
    "grid_north": tx(
        "North arrow: grid north of the plan's projected CRS {crs}; map units metres."
    ),
    "made_with": tx("Made with SpacePlanner {version}."),
    # the city health check's overview (map and atlas)
    "failed": tx("Targets missed"),
    "open_map": tx("Open its map"),
    "share_met": tx("Share of targets met"),
    "share": tx("Share"),
    "not_evaluated": tx("Not evaluated"),
    "communities": tx("communities"),
    "below_standard": tx("Communities below standard, per item"),
    "colour_share_met": tx("colour: share of targets met"),
}


#: The shelter classes of the catalogue, each with its term's key.
SHELTER_CLASS_KEYS = {
    c: f"class_{c}"
    for c in ("emergency", "fixed", "fixed_short", "fixed_mid", "fixed_long", "central")
}


def shelter_class_label(value: object, lang: str = "en") -> str:
    """The term of a shelter class (``emergency`` -> 紧急避难场所, never the period 急时); a
    value that is not a class is shown as it is, a missing one as empty text."""
    if value is None or value != value:  # None or NaN
        return ""
    key = SHELTER_CLASS_KEYS.get(str(value))
    return label(key, lang) if key else str(value)


def has_label(key: str) -> bool:
    """Whether ``key`` has a term of its own (else :func:`label` shows the key)."""
    return key in _TERMS


def label(key: str, lang: str = "en") -> str:
    """The text for ``key`` in ``lang`` (``en`` or ``zh``; the Chinese from the catalogue)."""
    text = _TERMS.get(key)
    if text is None:
        return key.replace("_", " ")
    return say(text, lang)
