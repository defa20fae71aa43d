"""Layer I/O and the layer-role catalogue of SpacePlanner (no Qt, no analysis).

Readers for the formats planners bring, CRS handling, attribute encodings, and the catalogue that
says what each role's fields are called in English and Chinese.
"""

from spaceplanner.layers.catalogue import FieldSpec, Role, get_role, role_names, roles
from spaceplanner.layers.errors import LayerError, PlanError, RuleError, SpacePlannerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import RasterSource, VectorSource, read_raster, read_vector

__all__ = [
    "FieldSpec",
    "LayerError",
    "PlanError",
    "Problem",
    "RasterSource",
    "Role",
    "RuleError",
    "SpacePlannerError",
    "VectorSource",
    "get_role",
    "read_raster",
    "read_vector",
    "role_names",
    "roles",
]
