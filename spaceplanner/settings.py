"""Every knob of SpacePlanner in one documented place.

Rule values (radii, per-capita areas) do not live here: they belong to rule profiles, each with
its source. These are the tool's own defaults.
"""

from __future__ import annotations

#: Rule profile used when a plan names none.
DEFAULT_RULES = "cn-gb"

#: Scenario used when a plan names none.
DEFAULT_SCENARIO = "earthquake"

#: The periods an evaluation reports: daily life, emergency, or both.
PERIODS = ("both", "normal", "emergency")

#: What ``export`` can write (see :func:`spaceplanner.outputs.exports.export`).
EXPORT_FORMATS = ("html", "pdf", "png", "shp", "gpkg", "geojson", "csv", "xlsx", "qgz")
#: The web map draws every resident point up to this many; above, it draws the gap areas and
#: only the residents left unserved (``export --web-detail``).
WEB_DETAIL_RESIDENTS = 2_000

#: A layer whose bounds lie farther than this from the plan's reference extent (the residents,
#: else the boundary, else the largest layer) is reported as not overlapping: usually a wrong CRS.
OVERLAP_TOLERANCE_M = 2000.0

#: Largest error allowed where a circle is drawn as a polygon (protective bands, collapse
#: ranges): the chords stay within this of the true arc, so a band's edge is right to 1 cm.
ARC_TOLERANCE_M = 0.01

#: Name of the metadata table in a plan GeoPackage.
METADATA_TABLE = "spaceplanner_metadata"

#: Version of the plan GeoPackage layout; bumped when the layout changes incompatibly.
PLAN_FORMAT_VERSION = 1

#: Most problems listed per layer by ``validate`` before "... and N more".
MAX_PROBLEMS_SHOWN = 20

#: A walking or straight-line distance at most this much over a radius counts as within it:
#: "within R" is inclusive, and sums of segment lengths carry rounding (about 1e-13 m) that
#: would otherwise put a resident at exactly R just outside. Network vertices are matched at
#: the same precision (``network.VERTEX_DECIMALS``).
DISTANCE_TOLERANCE_M = 1e-6
