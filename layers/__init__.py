"""Layer I/O and the layer-role catalogue of SpacePlanner (no Qt, no analysis).

Readers for the formats planners bring, CRS handling, attribute encodings, and the catalogue that
says what each role's fields are called in English and Chinese.

The names below are imported on first use, so ``spaceplanner.layers.errors`` (needed by every
command, even ``--help``) does not pull in GDAL, pandas and geopandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spaceplanner.layers.catalogue import FieldSpec, Role, get_role, role_names, roles
    from spaceplanner.layers.errors import LayerError, PlanError, RuleError, SpacePlannerError
    from spaceplanner.layers.problems import Problem
    from spaceplanner.layers.readers import RasterSource, VectorSource, read_raster, read_vector

_WHERE = {
    **dict.fromkeys(("FieldSpec", "Role", "get_role", "role_names", "roles"), "catalogue"),
    **dict.fromkeys(("LayerError", "PlanError", "RuleError", "SpacePlannerError"), "errors"),
    "Problem": "problems",
    **dict.fromkeys(("RasterSource", "VectorSource", "read_raster", "read_vector"), "readers"),
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(import_module(f"{__name__}.{module}"), name)
