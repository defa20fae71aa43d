"""Base map pictures for the canvas: an offline raster (GeoTIFF, MBTiles or GeoPackage tiles,
read through GDAL) or XYZ web tiles (OpenStreetMap; Tianditu with the user's key), made into
one image of a view of the map in the plan's CRS.

A base map is never part of the plan's figures: it is a picture under the layers, read in a
background thread (:mod:`~spaceplanner.ui.canvas.qt_basemap`) so the map never waits for it.
A file is read at the view's resolution (GDAL picks the overview or tile zoom level) and
warped into the plan's CRS; web tiles are fetched at the zoom level nearest the view's
resolution (at most :data:`MAX_TILES` per view), kept in a cache folder, mosaicked in Web
Mercator and warped the same way.
"""

from __future__ import annotations

import math
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from affine import Affine
from pyproj import CRS
from rasterio.enums import Resampling
from rasterio.warp import reproject, transform_bounds
from rasterio.windows import from_bounds

__all__ = [
    "MAX_TILES",
    "PROVIDERS",
    "Basemap",
    "BasemapError",
    "read_view",
    "tile_range",
    "web_zoom",
]

#: Web tiles of a view: at most this many (a coarser zoom level is taken beyond).
MAX_TILES = 48
_WEB_MERCATOR = CRS.from_epsg(3857)
_HALF_WORLD = 20037508.342789244
_TILE = 256
_TIMEOUT_S = 8
_USER_AGENT = "SpacePlanner desktop (community planning tool)"


@dataclass(frozen=True)
class Provider:
    """A web tile service: its URL template (``{z}``, ``{x}``, ``{y}``, ``{s}`` a subdomain,
    ``{key}`` the user's key), subdomains, most detailed zoom level and attribution."""

    url: str
    attribution: str
    max_zoom: int = 19
    subdomains: tuple[str, ...] = ()
    needs_key: bool = False


#: The web tile services offered.
PROVIDERS: dict[str, Provider] = {
    "osm": Provider(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "© OpenStreetMap contributors",
    ),
    "tianditu": Provider(
        "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
        "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
        "&TILECOL={x}&tk={key}",
        "© 天地图 Tianditu",
        max_zoom=18,
        subdomains=tuple("01234567"),
        needs_key=True,
    ),
}


class BasemapError(Exception):
    """A base map could not be read (the message says why, for the status bar).

    Attributes
    ----------
    code
        What went wrong: ``no_crs``, ``read`` (a file), ``key`` (none given), ``fetch`` (web
        tiles), so a view can say it in its language with ``fields``.
    fields
        ``file``, ``host``, ``detail`` as they apply.
    """

    def __init__(self, message: str, code: str = "read", **fields: str) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields


@dataclass(frozen=True)
class Basemap:
    """A base map: ``file`` (a GeoTIFF, MBTiles or GeoPackage path), or ``xyz`` tiles of a
    provider (:data:`PROVIDERS`) or a URL template; ``key`` is a Tianditu key; ``cache`` the
    folder web tiles are kept in (None: not kept)."""

    kind: str
    path: str = ""
    provider: str = ""
    url: str = ""
    key: str = ""
    cache: Path | None = None

    @property
    def attribution(self) -> str:
        """The credit the map must show for the tiles."""
        return PROVIDERS[self.provider].attribution if self.provider in PROVIDERS else ""

    def template(self) -> str:
        if self.url:
            return self.url
        return PROVIDERS[self.provider].url

    @property
    def max_zoom(self) -> int:
        return PROVIDERS[self.provider].max_zoom if self.provider in PROVIDERS else 19


def read_view(
    basemap: Basemap,
    crs: CRS,
    bounds: tuple[float, float, float, float],
    width: int,
    height: int,
) -> np.ndarray:
    """The base map over map ``bounds`` (``crs``) as a ``(height, width, 4)`` RGBA array
    (transparent where it has nothing).

    Raises
    ------
    BasemapError
        When the file or the tiles cannot be read.
    """
    width, height = max(1, int(width)), max(1, int(height))
    minx, miny, maxx, maxy = bounds
    target = Affine((maxx - minx) / width, 0, minx, 0, -(maxy - miny) / height, maxy)
    if basemap.kind == "file":
        source, transform, source_crs = _read_file(basemap.path, crs, bounds, width, height)
    else:
        source, transform, source_crs = _read_tiles(basemap, crs, bounds, width, height)
    out = np.zeros((4, height, width), dtype=np.uint8)
    if source is None:
        return out.transpose(1, 2, 0)
    for band in range(4):
        reproject(
            source[band],
            out[band],
            src_transform=transform,
            src_crs=source_crs,
            dst_transform=target,
            dst_crs=crs,
            resampling=Resampling.bilinear,
            src_nodata=None,
            dst_nodata=0,
        )
    return out.transpose(1, 2, 0)


def _rgba(data: np.ma.MaskedArray, colormap: dict[int, tuple[int, ...]] | None) -> np.ndarray:
    """Bands of a raster as 4 bands of 0-255 (grey, palette, RGB or RGBA)."""
    mask = np.ma.getmaskarray(data).any(axis=0)
    values = np.ma.getdata(data)
    count = values.shape[0]
    if count == 1 and colormap:
        lut = np.zeros((256, 4), dtype=np.uint8)
        for k, c in colormap.items():
            if 0 <= k < 256:
                lut[k] = (*tuple(c)[:3], tuple(c)[3] if len(c) > 3 else 255)
        rgba = lut[np.clip(values[0], 0, 255).astype(np.uint8)].transpose(2, 0, 1).copy()
    elif count in (1, 2):
        grey = _to_byte(values[0])
        alpha = values[1].astype(np.uint8) if count == 2 else np.full_like(grey, 255)
        rgba = np.stack([grey, grey, grey, alpha])
    else:
        rgb = [_to_byte(values[i]) if values.dtype != np.uint8 else values[i] for i in range(3)]
        alpha = values[3].astype(np.uint8) if count >= 4 else np.full_like(rgb[0], 255)
        rgba = np.stack([*rgb, alpha]).astype(np.uint8)
    rgba[3][mask] = 0
    return rgba


def _to_byte(band: np.ndarray) -> np.ndarray:
    if band.dtype == np.uint8:
        return band
    finite = band[np.isfinite(band)] if band.dtype.kind == "f" else band.ravel()
    lo, hi = np.percentile(finite, [2, 98]) if finite.size else (0.0, 1.0)
    return np.clip((band - lo) / max(hi - lo, 1e-9) * 255, 0, 255).astype(np.uint8)


def _read_file(
    path: str, crs: CRS, bounds: tuple[float, float, float, float], width: int, height: int
) -> tuple[np.ndarray | None, Affine, Any]:
    """The part of a raster file over ``bounds``, read at about the view's resolution."""
    try:
        with rasterio.open(path) as ds:
            if ds.crs is None:
                msg = f"{Path(path).name} has no coordinate reference system"
                raise BasemapError(msg, "no_crs", file=Path(path).name)
            there = transform_bounds(crs, ds.crs, *bounds, densify_pts=21)
            window = from_bounds(*there, transform=ds.transform)
            window = (
                window.intersection(rasterio.windows.Window(0, 0, ds.width, ds.height))
                .round_offsets()
                .round_lengths()
            )
            if window.width < 1 or window.height < 1:
                return None, Affine.identity(), ds.crs
            scale = max(window.width / width, window.height / height, 1.0)
            shape = (max(1, round(window.height / scale)), max(1, round(window.width / scale)))
            data = ds.read(
                out_shape=(ds.count, *shape),
                window=window,
                masked=True,
                resampling=Resampling.bilinear,
            )
            colormap = None
            if ds.count == 1:
                try:
                    colormap = ds.colormap(1)
                except ValueError:
                    colormap = None
            transform = ds.window_transform(window) @ Affine.scale(
                window.width / shape[1], window.height / shape[0]
            )
            return _rgba(data, colormap), transform, ds.crs
    except rasterio.errors.WindowError:
        return None, Affine.identity(), crs
    except (rasterio.errors.RasterioError, OSError) as exc:
        msg = f"cannot read {Path(path).name}: {exc}"
        raise BasemapError(msg, "read", file=Path(path).name, detail=str(exc)) from exc


# -- web tiles ------------------------------------------------------------------------------


def web_zoom(metres_per_pixel: float, max_zoom: int = 19) -> int:
    """The tile zoom level whose resolution (Web Mercator metres per pixel) is nearest to,
    and not coarser than, ``metres_per_pixel``."""
    if not metres_per_pixel > 0:
        return 0
    z = math.ceil(math.log2(2 * _HALF_WORLD / _TILE / metres_per_pixel) - 1e-9)
    return max(0, min(max_zoom, z))


def tile_range(bounds_3857: tuple[float, float, float, float], z: int) -> tuple[int, int, int, int]:
    """The tiles ``(x0, y0, x1, y1)`` (inclusive, y from the north) of zoom ``z`` over Web
    Mercator bounds."""
    n = 2**z
    size = 2 * _HALF_WORLD / n
    minx, miny, maxx, maxy = bounds_3857
    x0 = math.floor((minx + _HALF_WORLD) / size)
    x1 = math.floor((maxx + _HALF_WORLD) / size)
    y0 = math.floor((_HALF_WORLD - maxy) / size)
    y1 = math.floor((_HALF_WORLD - miny) / size)
    clamp = lambda v: max(0, min(n - 1, v))  # noqa: E731
    return clamp(x0), clamp(y0), clamp(x1), clamp(y1)


def _read_tiles(
    basemap: Basemap,
    crs: CRS,
    bounds: tuple[float, float, float, float],
    width: int,
    height: int,
) -> tuple[np.ndarray | None, Affine, Any]:
    if basemap.provider in PROVIDERS and PROVIDERS[basemap.provider].needs_key and not basemap.key:
        msg = "the Tianditu base map needs a key (get one at console.tianditu.gov.cn)"
        raise BasemapError(msg, "key")
    there = transform_bounds(crs, _WEB_MERCATOR, *bounds, densify_pts=21)
    there = (
        max(there[0], -_HALF_WORLD),
        max(there[1], -_HALF_WORLD),
        min(there[2], _HALF_WORLD),
        min(there[3], _HALF_WORLD),
    )
    if there[0] >= there[2] or there[1] >= there[3]:
        return None, Affine.identity(), _WEB_MERCATOR
    z = web_zoom(
        max((there[2] - there[0]) / width, (there[3] - there[1]) / height), basemap.max_zoom
    )
    while True:
        x0, y0, x1, y1 = tile_range(there, z)
        if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES or z == 0:
            break
        z -= 1
    mosaic = np.zeros((4, (y1 - y0 + 1) * _TILE, (x1 - x0 + 1) * _TILE), dtype=np.uint8)
    errors: list[BasemapError] = []
    fetched = 0
    for ty in range(y0, y1 + 1):
        for tx in range(x0, x1 + 1):
            try:
                # after a failed fetch only the cached tiles are read: an offline machine
                # does not wait for every tile of the view in turn
                tile = _tile(basemap, z, tx, ty, online=not errors)
            except BasemapError as exc:
                errors.append(exc)
                continue
            if tile is None:
                continue
            fetched += 1
            r, c = (ty - y0) * _TILE, (tx - x0) * _TILE
            mosaic[:, r : r + _TILE, c : c + _TILE] = tile
    if errors and not fetched:
        raise errors[0]
    size = 2 * _HALF_WORLD / 2**z / _TILE
    transform = Affine(
        size, 0, -_HALF_WORLD + x0 * _TILE * size, 0, -size, _HALF_WORLD - y0 * _TILE * size
    )
    return mosaic, transform, _WEB_MERCATOR


def _tile(basemap: Basemap, z: int, x: int, y: int, *, online: bool = True) -> np.ndarray | None:
    """One tile as 4 bands of 256 x 256 (None when the service has none there, or when it is
    not cached and not ``online``)."""
    cached = basemap.cache / str(z) / str(x) / f"{y}.tile" if basemap.cache else None
    data: bytes | None = None
    if cached is not None and cached.exists():
        data = cached.read_bytes()
    elif not online:
        return None
    else:
        template = basemap.template()
        subdomains = PROVIDERS[basemap.provider].subdomains if basemap.provider in PROVIDERS else ()
        url = template.format(
            z=z,
            x=x,
            y=y,
            key=basemap.key,
            s=subdomains[(x + y) % len(subdomains)] if subdomains else "",
        )
        request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT_S) as response:
                data = response.read()
        except OSError as exc:  # URLError, HTTPError and timeouts are OSErrors
            if getattr(exc, "code", None) == 404:
                return None
            host = urllib.parse.urlsplit(url).netloc or url.split("/")[0]
            reason = str(getattr(exc, "reason", exc))
            msg = f"cannot fetch base map tiles from {host}: {reason}"
            raise BasemapError(msg, "fetch", host=host, detail=reason) from exc
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
    return _decode(data)


def _decode(data: bytes) -> np.ndarray | None:
    """A PNG or JPEG tile as 4 bands (through Qt's image readers, safe in any thread)."""
    from PyQt5.QtGui import QImage

    image = QImage.fromData(data)
    if image.isNull():
        return None
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    if image.width() != _TILE or image.height() != _TILE:
        image = image.scaled(_TILE, _TILE)
    ptr = image.constBits()
    assert ptr is not None
    raw = ptr.asstring(image.bytesPerLine() * image.height())
    rows = np.frombuffer(raw, np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : _TILE * 4].reshape(_TILE, _TILE, 4).transpose(2, 0, 1).copy()
