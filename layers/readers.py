"""Reading vector and raster layers from the formats planners bring.

Vector: Shapefile (``.cpg`` honoured, GBK/GB18030 detected), GeoJSON, GeoPackage (a layer of a
multi-layer file), KML, CSV and Excel ``.xlsx`` tables with coordinate columns (POI exports),
CAD drawings (DXF, :mod:`spaceplanner.layers.dxf`), and anything else GDAL reads. Raster: GeoTIFF
and GeoPackage rasters through rasterio. A reader checks the file before handing it to GDAL, so a
missing, empty, truncated or mislabelled file gets a clear message instead of a driver error.
"""

from __future__ import annotations

import codecs
import csv
import sqlite3
import stat
import struct
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import rasterio
from pyproj import CRS
from pyproj.exceptions import CRSError
from rasterio.errors import RasterioError
from rasterio.transform import array_bounds

from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import normalise_name
from spaceplanner.layers.crs import parse_crs
from spaceplanner.layers.dxf import CadOptions, read_dxf
from spaceplanner.layers.encoding import detect_dbf_encoding, detect_text_encoding
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.tables import SPREADSHEET_SUFFIXES, read_xlsx
from spaceplanner.layers.values import parse_number_texts
from spaceplanner.layers.words import rows_text

__all__ = [
    "RASTER_SUFFIXES",
    "RasterSource",
    "VectorSource",
    "check_file",
    "check_gpkg",
    "check_shapefile",
    "gpkg_tables",
    "is_raster_source",
    "mask_nodata",
    "read_raster",
    "read_vector",
    "vector_layers",
]

RASTER_SUFFIXES = {".tif", ".tiff", ".img", ".asc", ".vrt", ".nc"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Largest raster accepted, in cells (1 GB of float32): the grid is read whole when a plan is
#: saved and windowed to the plan in analysis, so a header declaring more is refused before any
#: pixel is read.
MAX_RASTER_CELLS = 250_000_000
_LON_NAMES = ("lon", "lng", "long", "longitude", "经度")
_LAT_NAMES = ("lat", "latitude", "纬度")
_LOCATION_NAMES = ("location", "lnglat", "lonlat", "经纬度", "坐标")
_SEPARATOR_NAMES = {",": tx("commas"), ";": tx("semicolons (;)"), "\t": tx("tabs"), "|": "'|'"}
_X_NAMES = ("x", "easting", "east", "东坐标", "横坐标", "x坐标")
_Y_NAMES = ("y", "northing", "north", "北坐标", "纵坐标", "y坐标")


@dataclass
class VectorSource:
    """A vector layer as read from its file, before role checks and reprojection."""

    frame: gpd.GeoDataFrame
    path: Path
    layer: str | None
    encoding: str | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class RasterSource:
    """A raster layer: where it is and its grid, read lazily (windowed) by later stages."""

    path: Path
    dataset: str
    layer: str | None
    crs: CRS
    transform: rasterio.Affine
    width: int
    height: int
    count: int
    dtype: str
    nodata: float | None
    band: int = 1
    problems: list[Problem] = field(default_factory=list)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """The raster's bounds in its own CRS: ``(minx, miny, maxx, maxy)``."""
        west, south, east, north = array_bounds(self.height, self.width, self.transform)
        return (min(west, east), min(south, north), max(west, east), max(south, north))

    def read(self) -> np.ndarray:
        """Read the whole band as a masked array (nodata masked, the plan's ``nodata`` too)."""
        with rasterio.open(self.dataset) as src:
            data = src.read(self.band, masked=True)
        return mask_nodata(data, self.nodata)


def check_file(path: Path, label: str) -> None:
    """Raise a LayerError when ``path`` is missing, a folder, not a regular file, or empty.

    A pipe or a device (``/dev/zero``) is refused before anything reads it: reading would block
    or never end.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        msg: str = tx("the file cannot be read ({reason})").format(reason=exc.strerror or str(exc))
        hint = tx("check the path and permissions")
        raise LayerError(msg, file=str(path), layer=label, hint=hint) from exc
    if mode is None:
        msg = tx("file not found")
        raise LayerError(msg, file=str(path), layer=label, hint=tx("check the path in the plan"))
    if stat.S_ISDIR(mode):
        msg = tx("is a folder, not a file")
        raise LayerError(msg, file=str(path), layer=label, hint=tx("name a file inside it"))
    if not stat.S_ISREG(mode):
        msg = tx("is not a regular file (a pipe, socket or device)")
        raise LayerError(msg, file=str(path), layer=label, hint=tx("give the path of a data file"))
    if path.stat().st_size == 0:
        msg = tx("file is empty (0 bytes)")
        raise LayerError(msg, file=str(path), layer=label, hint=tx("export the layer again"))


def check_gpkg(path: Path, label: str) -> None:
    """Raise a LayerError when ``path`` is not an SQLite (GeoPackage) file."""
    with path.open("rb") as fh:
        head = fh.read(16)
    if head != _SQLITE_MAGIC:
        msg = tx("not a GeoPackage (the file is not an SQLite database)")
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("re-export it as a GeoPackage from your GIS")
        )


def _part(path: Path, suffix: str) -> Path:
    lower = path.with_suffix(suffix)
    return lower if lower.exists() else path.with_suffix(suffix.upper())


def _cut_short(file: Path, label: str, what: str) -> LayerError:
    msg = tx("the file is cut short: {what}").format(what=what)
    return LayerError(
        msg,
        file=str(file),
        layer=label,
        hint=tx(
            "an interrupted copy or download? copy the Shapefile again "
            "(its .shp, .shx and .dbf together) from where it came from"
        ),
    )


def check_shapefile(path: Path, label: str) -> None:
    """Raise a LayerError when the ``.shp``, ``.shx`` or ``.dbf`` of a Shapefile is cut short.

    GDAL reads the features a cut file still holds and drops the rest with a warning; the figures
    would then count only part of the layer. Each part's header says how long it should be: the
    ``.shx`` indexes every feature of the ``.shp`` (offset and length), the ``.dbf`` header gives
    its record count and size.
    """
    shx, dbf = _part(path, ".shx"), _part(path, ".dbf")
    index = shx.read_bytes()
    if len(index) < 100:
        raise _cut_short(shx, label, tx("the index (.shx) has no complete header"))
    declared = struct.unpack(">i", index[24:28])[0] * 2
    total = max(declared - 100, 0) // 8
    held = (len(index) - 100) // 8
    if held < total:
        raise _cut_short(
            shx,
            label,
            tx("its index holds {held} of {total} features").format(held=held, total=total),
        )
    entries = np.frombuffer(index[100 : 100 + held * 8], dtype=">i4").reshape(-1, 2)
    ends = entries[:, 0].astype(np.int64) * 2 + 8 + entries[:, 1].astype(np.int64) * 2
    size = path.stat().st_size
    readable = int(np.argmin(ends <= size)) if (ends > size).any() else held
    with path.open("rb") as fh:
        head = fh.read(28)
    shp_declared = struct.unpack(">i", head[24:28])[0] * 2 if len(head) == 28 else 100
    if readable < held or shp_declared > size:
        raise _cut_short(
            path,
            label,
            tx("{readable} of {held} features can be read").format(readable=readable, held=held),
        )
    table = dbf.read_bytes()[:32]
    if len(table) < 12:
        raise _cut_short(dbf, label, tx("the attribute table (.dbf) has no complete header"))
    records, header_len, record_len = struct.unpack("<IHH", table[4:12])
    have = dbf.stat().st_size
    if record_len and have < header_len + records * record_len:
        rows = max(have - header_len, 0) // record_len
        raise _cut_short(
            dbf,
            label,
            tx("{rows} of {records} attribute records can be read").format(
                rows=rows, records=records
            ),
        )


def gpkg_tables(path: Path, label: str | None = None) -> dict[str, str]:
    """Return the GeoPackage's tables by name with their data type (features, tiles, ...)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        msg = tx("the GeoPackage cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("the file may be truncated; export it again")
        ) from exc
    return {str(name): str(kind) for name, kind in rows}


def is_raster_source(path: Path, layer: str | None, *, label: str | None = None) -> bool:
    """True when ``path`` (and ``layer`` in it) names a raster rather than vector features."""
    suffix = path.suffix.lower()
    if suffix in RASTER_SUFFIXES:
        return True
    if suffix == ".gpkg" and layer and path.exists() and path.stat().st_size > 0:
        with path.open("rb") as fh:
            if fh.read(16) != _SQLITE_MAGIC:
                return False
        kind = gpkg_tables(path, label).get(layer, "")
        return kind in {"tiles", "2d-gridded-coverage"}
    return False


def vector_layers(path: Path, label: str) -> list[str]:
    """The names of the vector layers GDAL finds in ``path``.

    Raises
    ------
    LayerError
        When GDAL cannot open the file (``label`` names the plan layer in the message).
    """
    try:
        listed = pyogrio.list_layers(path)
    except Exception as exc:  # GDAL raises many types for files it cannot open
        msg = tx("GDAL cannot open the file ({reason})").format(reason=str(exc))
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            hint=tx("check that the file is complete and of a GIS format"),
        ) from exc
    return [str(n) for n in listed[:, 0]]


def _choose_layer(path: Path, layer: str | None, label: str) -> str | None:
    names = vector_layers(path, label)
    if layer is not None:
        if layer not in names:
            msg: str = (
                tx("the file has no layer '{layer}'; its layers are: {names}").format(
                    layer=layer, names=", ".join(names)
                )
                if names
                else tx("the file has no layer '{layer}'; its layers are: none").format(layer=layer)
            )
            raise LayerError(msg, file=str(path), layer=label, hint=tx("fix `layer =` in the plan"))
        return layer
    if len(names) > 1:
        msg = tx("the file holds {n} layers ({names})").format(n=len(names), names=", ".join(names))
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx('choose one with `layer = "..."`')
        )
    if not names:
        msg = tx("the file holds no layer")
        raise LayerError(msg, file=str(path), layer=label, hint=tx("export the layer again"))
    return names[0]


def read_vector(
    path: Path | str,
    *,
    label: str,
    layer: str | None = None,
    encoding: str | None = None,
    x: str | None = None,
    y: str | None = None,
    crs: CRS | None = None,
    decimal: str = ".",
    cad: CadOptions | None = None,
) -> VectorSource:
    """Read a vector layer.

    Parameters
    ----------
    path
        The file.
    label
        The layer's name in the plan, used in messages.
    layer
        The layer inside a multi-layer file; required when the file holds several.
    encoding
        The attribute encoding; detected when omitted (``.cpg``, then the bytes).
    x, y
        Coordinate columns of a CSV; found by name (lon/lat, x/y, 经度/纬度) when omitted.
    crs
        The CRS of a CSV's coordinates. Columns named lon/lat default to EPSG:4326.
    decimal
        The decimal mark of a CSV's coordinate text (``","`` for ``385000,5``).
    cad
        How to read a CAD drawing (DXF): its layers, units and placement; without it the layers
        named by ``layer`` (a name or a pattern) are read in the drawing's coordinates.

    Returns
    -------
    VectorSource
        The frame in the file's own CRS (``frame.crs`` may be None) and notes on what was done.
    """
    path = Path(path)
    check_file(path, label)
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError as exc:
            msg: str = tx("unknown encoding '{encoding}'").format(encoding=encoding)
            raise LayerError(
                msg,
                file=str(path),
                layer=label,
                field="encoding",
                hint=tx('use a name such as "utf-8", "gbk" or "gb18030"'),
            ) from exc
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, label=label, encoding=encoding, x=x, y=y, crs=crs, decimal=decimal)
    if suffix in SPREADSHEET_SUFFIXES:
        table, sheet = read_xlsx(path, label=label, sheet=layer)
        frame = points_from_table(table, path=path, label=label, x=x, y=y, crs=crs, decimal=decimal)
        return VectorSource(frame, path, sheet, None, [])
    if suffix == ".xls":
        msg = tx("old Excel .xls files are not read")
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("save the sheet as .xlsx or CSV")
        )
    if suffix in {".dxf", ".dwg"}:
        cad = cad or CadOptions(layers=_layer_patterns(layer))
        drawing, chosen, notes = read_dxf(path, label=label, options=cad)
        return VectorSource(drawing, path, chosen, None, notes)
    problems: list[Problem] = []
    if suffix == ".gpkg":
        check_gpkg(path, label)
    if suffix == ".shp":
        for part in (".shx", ".dbf"):
            if not path.with_suffix(part).exists() and not path.with_suffix(part.upper()).exists():
                msg = tx("the {part} file of this Shapefile is missing").format(part=part)
                raise LayerError(
                    msg,
                    file=str(path),
                    layer=label,
                    hint=tx(
                        "a Shapefile needs .shp, .shx and .dbf together; copy {file} "
                        "from where the data came from"
                    ).format(file=f"{path.stem}{part}"),
                )
        check_shapefile(path, label)
        if encoding is None:
            guess = detect_dbf_encoding(path)
            encoding = guess.encoding
            if guess.how == "detected" and encoding not in {"utf-8", "ascii"}:
                problems.append(
                    Problem(
                        "note",
                        tx("no .cpg file; attribute text detected as {found}").format(
                            found=encoding.upper()
                        ),
                        file=str(path),
                        layer=label,
                        hint=tx(
                            'add a .cpg file or set encoding = "{encoding}" to be explicit'
                        ).format(encoding=encoding),
                    )
                )
            elif guess.how == "assumed":
                problems.append(
                    Problem(
                        "warning",
                        tx(
                            "no .cpg file and the text is neither UTF-8 nor GBK; "
                            "read as Windows-1252"
                        ),
                        file=str(path),
                        layer=label,
                        hint=tx('set encoding = "..." in the plan if names look wrong'),
                    )
                )
    chosen = _choose_layer(path, layer, label)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = pyogrio.read_dataframe(
                path, layer=chosen, encoding=encoding, on_invalid="ignore", use_arrow=False
            )
    except UnicodeDecodeError as exc:
        msg = tx("attribute text is not valid {encoding} ({reason})").format(
            encoding=encoding, reason=exc.reason
        )
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx('set encoding = "..." in the plan')
        ) from exc
    except Exception as exc:
        prj = path.with_suffix(".prj")
        if path.suffix.lower() == ".shp" and prj.is_file():
            try:
                CRS.from_wkt(prj.read_text(encoding="utf-8", errors="replace"))
            except (CRSError, ValueError) as bad:
                msg = tx("the .prj file (the layer's CRS) cannot be read")
                raise LayerError(
                    msg,
                    file=str(prj),
                    layer=label,
                    field="crs",
                    hint=tx('copy a good .prj, or delete it and set crs = "EPSG:..." in the plan'),
                ) from bad
        msg = tx("GDAL cannot read the layer ({reason})").format(reason=str(exc))
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            hint=tx("the file may be truncated or damaged; export it again"),
        ) from exc
    for w in caught:
        text = str(w.message)
        if "ring" in text.lower() or "geometry" in text.lower():
            problems.append(
                Problem(
                    "warning", tx("GDAL: {text}").format(text=text), file=str(path), layer=label
                )
            )
    if not isinstance(frame, gpd.GeoDataFrame) or "geometry" not in frame:
        msg = tx("the layer has no geometry column (a plain table)")
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("give a spatial layer, or a CSV with x/y")
        )
    return VectorSource(frame, path, chosen, encoding, problems)


def _layer_patterns(layer: str | None) -> tuple[str, ...]:
    return () if layer is None else (layer,)


def _csv_separator(path: Path, encoding: str) -> str:
    """The column separator of a CSV: the one that splits its header into the most columns."""
    try:
        with path.open(encoding=encoding, errors="replace", newline="") as fh:
            header = fh.readline()
    except OSError:
        return ","
    counts = {sep: len(next(csv.reader([header], delimiter=sep), [])) for sep in _SEPARATOR_NAMES}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


def _find_column(columns: list[str], names: tuple[str, ...]) -> str | None:
    keys = {normalise_name(c): c for c in columns}
    for name in names:
        if normalise_name(name) in keys:
            return keys[normalise_name(name)]
    return None


def _read_csv(
    path: Path,
    *,
    label: str,
    encoding: str | None,
    x: str | None,
    y: str | None,
    crs: CRS | None,
    decimal: str = ".",
) -> VectorSource:
    problems: list[Problem] = []
    if encoding is None:
        guess = detect_text_encoding(path)
        encoding = guess.encoding
        if encoding == "gb18030":
            problems.append(
                Problem("note", tx("text detected as GB18030 (GBK)"), file=str(path), layer=label)
            )
    sep = _csv_separator(path, encoding)
    if sep != ",":
        name = _SEPARATOR_NAMES.get(sep, repr(sep))
        problems.append(
            Problem(
                "note",
                tx("columns are separated by {separator}").format(separator=name),
                file=str(path),
                layer=label,
            )
        )
    try:
        table = pd.read_csv(path, sep=sep, encoding=encoding, dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        msg = tx("the CSV cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("save it again as UTF-8 CSV")
        ) from exc
    frame = points_from_table(table, path=path, label=label, x=x, y=y, crs=crs, decimal=decimal)
    return VectorSource(frame, path, None, encoding, problems)


def _split_location(table: pd.DataFrame, column: str, path: Path, label: str) -> pd.DataFrame:
    """``table`` with a "lng,lat" text column (Amap's ``location``) split into lng and lat."""
    parts = table[column].astype(str).str.strip().str.split(r"\s*[,，]\s*", regex=True)
    bad = np.flatnonzero(parts.map(len).to_numpy() != 2)
    if bad.size:
        row = int(bad[0])
        msg = tx("'{value}' is not \"longitude,latitude\"").format(value=table[column].iloc[row])
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=column,
            feature=rows_text(row + 2, bad.size - 1),
            hint=tx("fix or remove those rows"),
        )
    out = table.drop(columns=[column])
    out["lng"], out["lat"] = parts.str[0].to_numpy(), parts.str[1].to_numpy()
    return out


def points_from_table(
    table: pd.DataFrame,
    *,
    path: Path,
    label: str,
    x: str | None,
    y: str | None,
    crs: CRS | None,
    decimal: str = ".",
) -> gpd.GeoDataFrame:
    """Points from the coordinate columns of a table of text (a CSV or a spreadsheet).

    Columns named lon/lng/经度 and lat/纬度 are longitude/latitude (EPSG:4326 unless ``crs``
    says otherwise); a ``location`` column of "lng,lat" text (Amap) is split; x/y/东坐标/北坐标
    need ``crs``.
    """
    columns = [str(c) for c in table.columns]
    lonlat = False
    if x is None and y is None:
        x, y = _find_column(columns, _LON_NAMES), _find_column(columns, _LAT_NAMES)
        location = _find_column(columns, _LOCATION_NAMES)
        if (x is None or y is None) and location is not None:
            table = _split_location(table, location, path, label)
            x, y = "lng", "lat"
            columns = [str(c) for c in table.columns]
        lonlat = x is not None and y is not None
        if not lonlat:
            x, y = _find_column(columns, _X_NAMES), _find_column(columns, _Y_NAMES)
    for axis, col in (("x", x), ("y", y)):
        if col is None or col not in columns:
            msg = (
                tx("no {axis} coordinate column '{column}'").format(axis=axis, column=col)
                if col
                else tx("no {axis} coordinate column").format(axis=axis)
            )
            raise LayerError(
                msg,
                file=str(path),
                layer=label,
                hint=tx(
                    'name the columns with `x = "..."` and `y = "..."` (POI tables: '
                    '经度/纬度, lng/lat or a "lng,lat" location column); '
                    "columns are {columns}"
                ).format(columns=", ".join(columns)),
            )
    assert x is not None and y is not None
    xs_read, ys_read = parse_number_texts(table[x], decimal), parse_number_texts(table[y], decimal)
    xs, ys = pd.Series(xs_read.values), pd.Series(ys_read.values)
    comma = xs_read.decimal_comma | ys_read.decimal_comma
    bad = np.flatnonzero(~np.isfinite(xs.to_numpy()) | ~np.isfinite(ys.to_numpy()))
    if bad.size:
        row = int(bad[0])
        msg = tx("coordinates '{x}', '{y}' are not numbers").format(
            x=table[x].iloc[row], y=table[y].iloc[row]
        )
        hint = (
            tx('they have decimal commas: set `decimal = ","` for this layer')
            if comma[row]
            else tx("fix or remove those rows")
        )
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=f"{x}/{y}",
            feature=rows_text(row + 2, bad.size - 1),
            hint=hint,
        )
    if crs is None and lonlat:
        crs = CRS.from_epsg(4326)
    outside = np.flatnonzero(((xs.abs() > 180) | (ys.abs() > 90)).to_numpy())
    if crs is not None and crs.is_geographic and outside.size:
        row = int(outside[0])
        msg = tx("({x:g}, {y:g}) is outside longitude/latitude ranges").format(
            x=xs.iloc[row], y=ys.iloc[row]
        )
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=f"{x}/{y}",
            feature=rows_text(row + 2, outside.size - 1),
            hint=tx('they look projected: set `crs = "EPSG:..."` for this layer'),
        )
    return gpd.GeoDataFrame(
        table.drop(columns=[x, y]), geometry=gpd.points_from_xy(xs, ys), crs=crs
    )


def read_raster(
    path: Path | str,
    *,
    label: str,
    layer: str | None = None,
    crs: CRS | None = None,
    band: int = 1,
    nodata: float | None = None,
) -> RasterSource:
    """Open a raster layer and check it can be read.

    Parameters
    ----------
    path
        A GeoTIFF (or other GDAL raster), or a GeoPackage holding the raster table ``layer``.
    label
        The layer's name in the plan, used in messages.
    layer
        The raster table of a GeoPackage.
    crs
        Overrides the file's CRS (for a file without one, or with a local CRS it mislabels).
    band
        The band to use (1-based).
    nodata
        The no-data value, for a file that declares none (or a wrong one). Without either, values
        that look like no-data markers (the type's extremes, -9999, -32768, -3.4e38) are warned
        about.

    Returns
    -------
    RasterSource
        The raster's grid and CRS; pixel values are read later, windowed to the plan.
    """
    path = Path(path)
    check_file(path, label)
    dataset = str(path)
    if path.suffix.lower() == ".gpkg":
        check_gpkg(path, label)
        if layer is None:
            msg: str = tx("a GeoPackage raster needs its table name")
            raise LayerError(msg, file=str(path), layer=label, hint=tx('set `layer = "..."`'))
        dataset = f"GPKG:{path}:{layer}"
    problems: list[Problem] = []
    try:
        with rasterio.open(dataset) as src:
            cells = src.width * src.height
            if cells > MAX_RASTER_CELLS:
                msg = tx(
                    "the raster is {width:,} x {height:,} cells ({billions:,.1f} "
                    "billion); at most {millions:,.0f} million are read"
                ).format(
                    width=src.width,
                    height=src.height,
                    billions=cells / 1e9,
                    millions=MAX_RASTER_CELLS / 1e6,
                )
                raise LayerError(
                    msg,
                    file=str(path),
                    layer=label,
                    hint=tx(
                        "clip it to the plan area or resample it (e.g. gdal_translate -projwin "
                        "... or -tr ...) and give the smaller file"
                    ),
                )
            if band < 1 or band > src.count:
                msg = tx("band {band} does not exist (the raster has {count})").format(
                    band=band, count=src.count
                )
                raise LayerError(
                    msg, file=str(path), layer=label, hint=tx("fix `band =` in the plan")
                )
            # A small decimated read touches the data, so a truncated file fails here, not later.
            src.read(band, out_shape=(min(src.height, 32), min(src.width, 32)))
            own = CRS.from_user_input(src.crs) if src.crs else None
            info = (
                src.transform,
                src.width,
                src.height,
                src.count,
                src.dtypes[band - 1],
                src.nodata,
            )
    except RasterioError as exc:
        msg = tx("the raster cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("the file may be truncated; export it again")
        ) from exc
    if crs is None:
        if own is None:
            msg = tx("the raster has no coordinate reference system")
            raise LayerError(
                msg, file=str(path), layer=label, hint=tx('set `crs = "EPSG:..."` for this layer')
            )
        if own.to_epsg() is None and not own.is_projected and not own.is_geographic:
            msg = tx(
                "the raster declares a local CRS ('{name}') that cannot be placed on Earth"
            ).format(name=own.name)
            raise LayerError(
                msg,
                file=str(path),
                layer=label,
                hint=tx('name its real CRS with `crs = "EPSG:..."`'),
            )
        crs = own
    elif own is not None and own != crs:
        problems.append(
            Problem(
                "note",
                tx("the file's CRS '{own}' is overridden by the plan's {crs}").format(
                    own=own.name, crs=crs.to_string()
                ),
                file=str(path),
                layer=label,
            )
        )
    transform, width, height, count, dtype, declared = info
    if nodata is not None:
        if declared is not None and not _same_value(declared, nodata):
            problems.append(
                Problem(
                    "note",
                    tx(
                        "the file's no-data value {declared:g} is replaced by the plan's "
                        "nodata = {nodata:g}"
                    ).format(declared=declared, nodata=nodata),
                    file=str(path),
                    layer=label,
                    field="nodata",
                )
            )
        declared = nodata
    elif declared is None:
        problems += _sentinel_warnings(dataset, band, dtype, file=str(path), label=label)
    return RasterSource(
        path, dataset, layer, crs, transform, width, height, count, dtype, declared, band, problems
    )


def _same_value(a: float, b: float) -> bool:
    return bool(a == b or (np.isnan(a) and np.isnan(b)))


def mask_nodata(data: np.ndarray, nodata: float | None) -> np.ma.MaskedArray:
    """``data`` with the cells equal to ``nodata`` masked (NaN matches NaN)."""
    masked = np.ma.asarray(data)
    if nodata is None:
        return masked
    if np.isnan(nodata):
        return np.ma.masked_invalid(masked) if masked.dtype.kind == "f" else masked
    return np.ma.masked_equal(masked, nodata)


#: Cells scanned at most for no-data markers; a larger raster is scanned on a decimated read.
_SENTINEL_SCAN_CELLS = 16_000_000
_MARKERS = (-9999.0, -32768.0, float(np.finfo(np.float32).min), float(np.finfo(np.float32).max))


def _sentinel_candidates(dtype: str, low: float, high: float) -> list[tuple[float, str]]:
    """Values at the raster's extremes that are usual no-data markers, with what they are."""
    kind = np.dtype(dtype)
    found: list[tuple[float, str]] = []
    if kind.kind in "iu":
        info = np.iinfo(kind)
        if high == info.max:
            found.append((float(info.max), tx("the {dtype} maximum").format(dtype=dtype)))
        if kind.kind == "i" and low == info.min:
            found.append((float(info.min), tx("the {dtype} minimum").format(dtype=dtype)))
    elif kind.kind == "f":
        finfo = np.finfo(kind)
        for value, what in (
            (finfo.max, tx("the {dtype} maximum")),
            (finfo.min, tx("the {dtype} minimum")),
        ):
            if value in (high, low):
                found.append((float(value), what.format(dtype=dtype)))
    for marker in _MARKERS:
        near = np.isclose([low, high], marker, rtol=1e-6, atol=0)
        if near.any() and all(abs(v - marker) > abs(marker) * 1e-6 for v, _ in found):
            found.append((low if near[0] else high, tx("a usual no-data marker")))
    return found


def _sentinel_warnings(
    dataset: str, band: int, dtype: str, *, file: str, label: str
) -> list[Problem]:
    """Warn about cells holding a likely no-data marker in a raster that declares no no-data."""
    with rasterio.open(dataset) as src:
        shape = (src.height, src.width)
        step = max(1, int(np.ceil(np.sqrt(src.height * src.width / _SENTINEL_SCAN_CELLS))))
        if step > 1:
            shape = (max(1, src.height // step), max(1, src.width // step))
        data = src.read(band, out_shape=shape)
    values = data[np.isfinite(data)] if data.dtype.kind == "f" else data
    if values.size == 0:
        return []
    low, high = float(values.min()), float(values.max())
    problems = []
    for value, what in _sentinel_candidates(dtype, low, high):
        cells = int(np.count_nonzero(np.isclose(data, value, rtol=1e-6, atol=0)))
        sentence = (
            tx(
                "the raster declares no no-data value, and about {cells:,} cells hold {value:g} "
                "({what}), which looks like a no-data marker: they are read as data"
            )
            if step > 1
            else tx(
                "the raster declares no no-data value, and {cells:,} cells hold {value:g} "
                "({what}), which looks like a no-data marker: they are read as data"
            )
        )
        problems.append(
            Problem(
                "warning",
                sentence.format(cells=cells * step * step, value=value, what=what),
                file=file,
                layer=label,
                field="nodata",
                count=cells * step * step,
                hint=tx(
                    "if those cells have no data, declare it in the plan: nodata = {value:g}"
                ).format(value=value),
            )
        )
    infinite = int(np.count_nonzero(np.isinf(data))) if data.dtype.kind == "f" else 0
    if infinite:
        problems.append(
            Problem(
                "warning",
                tx("the raster declares no no-data value, and {cells:,} cells are infinite").format(
                    cells=infinite * step * step
                ),
                file=file,
                layer=label,
                field="nodata",
                count=infinite * step * step,
                hint=tx("declare the no-data value in the plan (nodata = ...) or fix the raster"),
            )
        )
    return problems


def parse_layer_crs(value: object, *, label: str, file: str) -> CRS:
    """Parse a layer's ``crs =`` option, as a LayerError on failure."""
    try:
        return parse_crs(value)
    except ValueError as exc:
        raise LayerError(
            exc.args[0] if exc.args else str(exc),
            file=file,
            layer=label,
            field="crs",
            hint=tx("use e.g. EPSG:4490"),
        ) from exc
