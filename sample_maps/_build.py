"""What the sample-map build scripts share: deterministic GeoPackage writes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyogrio

__all__ = ["FIXED_TIMESTAMP", "fixed_write_time"]

#: GeoPackages stamp the write time into gpkg_contents; a fixed stamp keeps rebuilds identical.
FIXED_TIMESTAMP = "2024-01-01T00:00:00Z"


@contextmanager
def fixed_write_time() -> Iterator[None]:
    """Let GDAL stamp a fixed time into written GeoPackages, then restore the default."""
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_TIMESTAMP})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
