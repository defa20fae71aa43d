"""Choosing the plan's metric CRS."""

from __future__ import annotations

import pytest
from pyproj import CRS

from spaceplanner.layers.crs import choose_metric_crs, gauss_kruger_cgcs2000, is_metric


def test_wgs84_goes_to_its_utm_zone() -> None:
    helsinki = (CRS.from_epsg(4326), (24.935, 60.164, 24.953, 60.179))
    assert choose_metric_crs([helsinki]).to_epsg() == 32635  # UTM 35N: 24°E–30°E
    south = (CRS.from_epsg(4326), (151.20, -33.87, 151.21, -33.86))  # Sydney
    assert choose_metric_crs([south]).to_epsg() == 32756


@pytest.mark.parametrize(("lon", "cm"), [(114.30, 114), (116.4, 117), (121.47, 120), (87.6, 87)])
def test_cgcs2000_goes_to_its_3_degree_gauss_kruger_zone(lon: float, cm: int) -> None:
    crs = gauss_kruger_cgcs2000(lon)
    assert crs.name == f"CGCS2000 / 3-degree Gauss-Kruger CM {cm}E"
    source = (CRS.from_epsg(4490), (lon - 0.01, 30.0, lon + 0.01, 30.01))
    assert choose_metric_crs([source]) == crs


def test_one_shared_metric_crs_is_kept_and_web_mercator_is_not() -> None:
    utm = CRS.from_epsg(32650)
    assert choose_metric_crs([(utm, (500000, 3300000, 501000, 3301000))] * 2) == utm
    assert not is_metric(CRS.from_epsg(3857))
    mercator = (CRS.from_epsg(3857), (1602991, 6463806, 1603617, 6464457))  # Prague
    assert choose_metric_crs([mercator]).to_epsg() == 32633
