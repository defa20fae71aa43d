"""A layer being added, without Qt: the file, its role and field mapping, and what loading gives.

A :class:`LayerDraft` builds the same :class:`~spaceplanner.model.plan.LayerSpec` a plan's TOML
spec would hold and reads it with the plan loader's own functions (``read_layer`` and
``project_layer``), so a layer added from a draft is exactly the layer the spec would load: same
ids, same parsed fields, same repairs and notes. The add-layer dialog
(:class:`~spaceplanner.ui.dialogs.qt_add_layer_dialog.QtAddLayerDialog`) shows a draft and writes
the user's choices into it; everything here is tested without a display.

Guesses the draft makes for the user (each can be changed): the layer's name (the file or layer
name, made unique), its role (:func:`guess_role`), and the column of each field (the loader's
own name matching, :meth:`LayerDraft.automatic_columns`). The CRS is the file's unless the user
gives one (:attr:`LayerDraft.crs`); a plan without a CRS yet takes a metric CRS chosen for the
first layer (:func:`plan_crs_for`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from pyproj import CRS
from shapely.geometry import box

from spaceplanner import settings
from spaceplanner.layers.catalogue import (
    GEOMETRY_FAMILIES,
    Role,
    get_role,
    match_columns,
    normalise_name,
    roles,
)
from spaceplanner.layers.crs import choose_metric_crs
from spaceplanner.layers.dxf import CadOptions, drawing_layers
from spaceplanner.layers.encoding import detect_text_encoding
from spaceplanner.layers.errors import LayerError, SpacePlannerError
from spaceplanner.layers.poi import guess_offset_system
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import (
    RASTER_SUFFIXES,
    check_file,
    check_gpkg,
    gpkg_tables,
    is_raster_source,
    parse_layer_crs,
    read_vector,
    vector_layers,
)
from spaceplanner.model.plan import LayerSpec, Plan, PlanLayer, project_layer, read_layer

__all__ = ["MESSAGES", "LayerDraft", "file_layers", "guess_role", "plan_crs_for"]

#: CAD drawings: their "layers in the file" are the drawing layers.
CAD_SUFFIXES = (".dxf", ".dwg")
#: Fields every vector role has; they say nothing about which role a file plays.
_COMMON_FIELDS = {"id", "name", "steward"}
#: Words in a file or layer name that suggest a role (a guess only; the user can change it).
_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "residents": ("resident", "population", "pop", "居民", "人口", "小区", "住宅"),
    "shelters": ("shelter", "避难", "避险"),
    "activity_spaces": (
        "activity",
        "park",
        "green",
        "square",
        "playground",
        "活动",
        "公园",
        "广场",
        "绿地",
        "游园",
    ),
    "facilities": ("facilit", "amenit", "poi", "设施", "服务"),
    "entrances": ("entrance", "gate", "出入口", "入口", "大门"),
    "hazards": ("hazard", "flood", "risk", "灾害", "风险", "洪", "淹", "内涝"),
    "hazard_sources": (
        "petrol",
        "gasstation",
        "hvline",
        "pipeline",
        "danger",
        "危险源",
        "加油",
        "高压",
        "管道",
    ),
    "network": ("road", "street", "network", "walk", "path", "道路", "路网", "街道", "步行"),
    "buildings": ("building", "建筑", "房屋"),
    "boundary": ("boundary", "border", "边界", "范围", "界线"),
    "parcels": ("parcel", "plot", "cadast", "地块", "宗地"),
    "terrain": ("dem", "dtm", "terrain", "elevation", "地形", "高程"),
}

#: The draft's own messages, in English; the dialog passes them in the UI language.
MESSAGES = {
    "no_name": "the layer needs a name",
    "name_taken": "a layer called '{0}' is already in the plan",
    "name_taken_hint": "choose another name",
    "unreadable": "the file cannot be read ({0})",
    "far": "the layer lies {0:,.1f} km away from the plan's layers: they do not overlap",
    "far_hint": (
        "its CRS is probably wrong (lon/lat swapped, or another EPSG code); set the CRS above"
    ),
}


def file_layers(path: Path) -> list[tuple[str, str]]:
    """The layers inside a multi-layer file as ``(name, kind)``; empty for single-layer files.

    ``kind`` is ``features`` or, in a GeoPackage, ``tiles``/``2d-gridded-coverage`` (rasters).

    Raises
    ------
    LayerError
        When the file is missing, empty, or not a file of its format.
    """
    suffix = path.suffix.lower()
    if suffix in RASTER_SUFFIXES or suffix in {".csv", ".shp"}:
        return []
    label = path.stem
    check_file(path, label)
    if suffix in CAD_SUFFIXES:
        return [(name, "features") for name in drawing_layers(path, label)]
    if suffix == ".gpkg":
        check_gpkg(path, label)
        kinds = {"features", "tiles", "2d-gridded-coverage"}
        return [(n, k) for n, k in gpkg_tables(path, label).items() if k in kinds]
    return [(name, "features") for name in vector_layers(path, label)]


def _families(frame: gpd.GeoDataFrame) -> set[str]:
    types = frame.geometry.geom_type.dropna().unique()
    return {GEOMETRY_FAMILIES.get(str(t), "other") for t in types}


def guess_role(
    columns: list[str], families: set[str], name: str = "", *, raster: bool = False
) -> str:
    """Guess the role of a layer from its columns, geometry families and file or layer name.

    Parameters
    ----------
    columns
        The layer's attribute columns.
    families
        Its geometry families (``point``, ``line``, ``polygon``); empty when unknown.
    name
        The file stem or layer name: words in it (``shelters``, ``道路``) weigh most.
    raster
        True for a raster; only roles a raster can play are considered.

    Returns
    -------
    str
        The role whose geometry fits and whose role-specific fields the columns match best
        (a missing required field counts against it); ties go to catalogue order.
    """
    table = roles()
    if raster:
        candidates = [r for r in table.values() if r.raster]
    else:
        candidates = [
            r
            for r in table.values()
            if not r.raster_only and (not families or families <= set(r.geometry))
        ]
        if not candidates:
            candidates = [r for r in table.values() if not r.raster_only]
    key = normalise_name(name)

    def named(role: Role) -> bool:
        words = (role.name, role.label_zh, *_ROLE_WORDS.get(role.name, ()))
        return bool(key) and any(normalise_name(w) in key for w in words)

    def score(role: Role) -> tuple[bool, int]:
        if raster:
            return named(role), int(role.name == "terrain")
        matched = match_columns(role, columns)
        own = [f for f in matched if f not in _COMMON_FIELDS]
        missing = [f for f in role.required_fields if f not in matched]
        return named(role), len(own) - 2 * len(missing)

    best = max(candidates, key=score)  # max keeps the first of equal scores
    return best.name


def _csv_columns(path: Path, encoding: str | None) -> list[str]:
    try:
        enc = encoding or detect_text_encoding(path).encoding
        return [str(c) for c in pd.read_csv(path, encoding=enc, nrows=0, dtype=str).columns]
    except (OSError, UnicodeDecodeError, LookupError, ValueError, pd.errors.ParserError):
        return []


def plan_crs_for(layer: PlanLayer) -> CRS | None:
    """The CRS a plan without one takes from its first layer: a metric CRS chosen for the
    layer's own CRS and extent (None for a layer with neither features nor a raster)."""
    if layer.frame is not None:
        source = CRS.from_user_input(layer.frame.crs)
        return choose_metric_crs([(source, layer.bounds(source))])
    if layer.raster is not None:
        raster = layer.raster
        return choose_metric_crs([(raster.crs, tuple(raster.bounds))])
    return None


class LayerDraft:
    """A layer as chosen so far: the source (file, layer in it) and the user's choices.

    Parameters
    ----------
    plan
        The plan the layer joins: its layer names must stay unique and its CRS is the one the
        layer is projected to (a plan without a CRS yet gets the layer in its own CRS).

    Attributes
    ----------
    path
        The chosen file (None before one is chosen).
    inner_layers
        The layers inside a multi-layer file, ``(name, kind)``.
    source_problem
        Why the file cannot be opened at all (None when it can).
    raster
        The source is a raster.
    raw
        The source read as is (for its columns and geometry types); None for a raster or a file
        that cannot be read (:meth:`check` then reads it again through the loader and says why).
    inner, name, role, encoding, crs, x, y, band, zone, zone_value, columns, constants
        The choices: the layer inside the file, the layer's name and role, the reading options
        (text encoding, CRS text, a CSV's coordinate columns, a raster's band, a raster
        hazard's zone rule ``min_value``/``max_value``/``max_slope_pct`` and its value), the
        fields mapped to a column by hand and the fields given one value for every feature.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.path: Path | None = None
        self.inner_layers: list[tuple[str, str]] = []
        self.source_problem: Problem | None = None
        self.raster = False
        self.raw: gpd.GeoDataFrame | None = None
        self._raw_key: tuple[Any, ...] | None = None
        self.inner: str | None = None
        self.name = ""
        self.role = next(iter(roles()))
        self.encoding = ""
        self.crs = ""
        self.x: str | None = None
        self.y: str | None = None
        self.band = 1
        self.zone: str | None = None
        self.zone_value = 0.0
        self.columns: dict[str, str] = {}
        self.constants: dict[str, Any] = {}
        #: A CAD drawing's unit (a key of layers.dxf.UNITS; "" for its $INSUNITS) and the map
        #: coordinates of its origin (None: the drawing is in map coordinates).
        self.units = ""
        self.offset: tuple[float, float] | None = None

    # -- the source -----------------------------------------------------------------------------
    def open(self, path: Path | str) -> None:
        """Use the file ``path``: list the layers in it; the reading options start afresh
        (they belong to the file they were set for)."""
        self.path = Path(path).expanduser()
        self.source_problem = None
        self.inner_layers = []
        try:
            self.inner_layers = file_layers(self.path)
        except SpacePlannerError as exc:
            self.source_problem = Problem.from_error(exc)
        self.inner = self.inner_layers[0][0] if self.inner_layers else None
        self.encoding, self.crs, self.x, self.y, self.band = "", "", None, None, 1
        self.zone = None
        self.units, self.offset = "", None

    def spec_layer(self) -> str | None:
        """The ``layer =`` of the spec: named for GeoPackages and files with several layers."""
        inner = self.inner
        if inner is None or self.path is None:
            return None
        if len(self.inner_layers) > 1 or self.path.suffix.lower() in {".gpkg", *CAD_SUFFIXES}:
            return inner
        return None

    def read_source(self) -> None:
        """The file or the layer in it changed: find whether it is a raster, read it again and
        guess its name (unless ``keep_name``) and role."""
        assert self.path is not None
        self.raster = False
        if self.source_problem is None:
            try:
                self.raster = is_raster_source(self.path, self.spec_layer())
            except SpacePlannerError:
                self.raster = False
        self.read_raw()

    def guess(self) -> tuple[str, str]:
        """A unique name (from the layer in the file, else the file name) and the likely role."""
        assert self.path is not None
        stem = self.inner or self.path.stem
        families = _families(self.raw) if self.raw is not None else set()
        return self.unique_name(stem), guess_role(
            self.column_names(), families, stem, raster=self.raster
        )

    def read_raw(self) -> None:
        """Read the source as is (for its columns and geometry types), once per reading options."""
        assert self.path is not None
        key = (self.path, self.inner, self.encoding, self.crs, self.x, self.y, self.units,
               self.offset)  # fmt: skip
        if key == self._raw_key:
            return
        self._raw_key = key
        self.raw = None
        if self.source_problem is not None or self.raster:
            return
        crs: CRS | None = None
        if self.crs:
            try:
                crs = parse_layer_crs(self.crs, label=self.path.stem, file=str(self.path))
            except SpacePlannerError:
                crs = None
        try:
            self.raw = read_vector(
                self.path,
                label=self.path.stem,
                layer=self.spec_layer(),
                encoding=self.encoding or None,
                x=self.x,
                y=self.y,
                crs=crs,
                cad=self._cad(crs),
            ).frame
        except Exception:  # the check reads it again through the loader and reports why
            self.raw = None

    def _cad(self, crs: CRS | None) -> CadOptions | None:
        """How to read a CAD drawing as chosen (None for other files)."""
        if self.path is None or self.path.suffix.lower() not in CAD_SUFFIXES:
            return None
        # every geometry family: the raw read is what the role is guessed from
        return CadOptions(
            layers=(self.inner,) if self.inner else (),
            role=self.role,
            units=self.units or None,
            offset=self.offset,
            crs=crs or self.plan.crs,
        )

    def offset_guess(self) -> tuple[str, str] | None:
        """``("GCJ-02" or "BD-09", why)`` when the source is a POI table (CSV, xlsx) whose
        longitude/latitude lie in China and whose file name or columns are an Amap or Baidu
        export's (:func:`~spaceplanner.layers.poi.guess_offset_system`); None otherwise."""
        if self.path is None or self.raw is None or self.raw.empty:
            return None
        if self.path.suffix.lower() not in {".csv", ".xlsx", ".xlsm"}:
            return None
        if self.raw.crs is None or not CRS.from_user_input(self.raw.crs).is_geographic:
            return None
        centre = self.raw.geometry.union_all().centroid
        # a CSV's own header: reading splits a "lng,lat" location column into two
        columns = self.csv_header() or [
            str(c) for c in self.raw.columns if c != self.raw.geometry.name
        ]
        return guess_offset_system(self.path.name, columns, (centre.x, centre.y))

    def csv_header(self) -> list[str]:
        """The columns of a CSV source (to choose its coordinate columns); empty otherwise."""
        if self.path is None or self.path.suffix.lower() != ".csv":
            return []
        return _csv_columns(self.path, self.encoding or None)

    def column_names(self) -> list[str]:
        """The attribute columns of the source (empty for a raster or an unreadable file)."""
        if self.raw is None:
            return []
        return [str(c) for c in self.raw.columns if c != self.raw.geometry.name]

    def unique_name(self, base: str) -> str:
        """``base``, or ``base_2``, ``base_3``… when the plan has a layer of that name."""
        base = base.strip() or "layer"
        name, n = base, 2
        while name in self.plan.layers:
            name = f"{base}_{n}"
            n += 1
        return name

    # -- the mapping ----------------------------------------------------------------------------
    def automatic_columns(self) -> dict[str, str]:
        """The columns the loader matches by name to the fields not mapped by hand."""
        chosen = set(self.columns.values())
        return match_columns(
            get_role(self.role), [c for c in self.column_names() if c not in chosen]
        )

    def spec_options(self) -> dict[str, Any]:
        """The layer's options as a plan's TOML layer table would hold them.

        Field mappings chosen by hand (``population = "人口"``; ``kind_field = "type"`` for fields
        that take constants), constants (``kind = "clinic"``) and reading options (``encoding``,
        ``crs``, ``x``/``y``, ``band``, a raster hazard's threshold). Fields matched automatically
        are left out, as the loader matches them the same way.
        """
        role = get_role(self.role)
        options: dict[str, Any] = {}
        suffix = self.path.suffix.lower() if self.path else ""
        if self.encoding and suffix in {".shp", ".csv"}:
            options["encoding"] = self.encoding
        if self.crs:
            options["crs"] = self.crs
        for axis, col in (("x", self.x), ("y", self.y)):
            if col:
                options[axis] = col
        if suffix in CAD_SUFFIXES:
            if self.units:
                options["units"] = self.units
            if self.offset is not None:
                options["offset"] = [float(self.offset[0]), float(self.offset[1])]
        constants = self.constants
        if self.raster:
            if self.band != 1:
                options["band"] = self.band
            if self.role == "hazards" and self.zone:
                options[str(self.zone)] = float(self.zone_value)
        else:
            for fname, col in self.columns.items():
                if fname in constants:
                    continue
                options[f"{fname}_field" if role.fields[fname].constant else fname] = col
        options.update(constants)
        return options

    def layer_spec(self) -> LayerSpec:
        """The spec of the layer as chosen: what a plan's ``[layers.<name>]`` table would say."""
        if self.path is None:
            msg = "no file chosen"
            raise LayerError(msg, hint="choose a file")
        return LayerSpec(
            self.name or self.path.stem,
            self.role,
            self.path.resolve(),
            self.spec_layer(),
            self.spec_options(),
        )

    # -- reading and checking -------------------------------------------------------------------
    def check(
        self, messages: Mapping[str, str] = MESSAGES
    ) -> tuple[list[Problem], PlanLayer | None]:
        """Read the layer as the plan loader would; return what it found and the layer read
        (None when it could not be read). The layer can be added only when no problem is an
        error (:meth:`usable`).

        ``messages``: the draft's own messages (:data:`MESSAGES`) in the UI language.
        """
        problems: list[Problem] = []
        if self.path is None:
            return problems, None
        name = self.name
        if not name:
            problems.append(Problem("error", messages["no_name"]))
        elif name in self.plan.layers:
            problems.append(
                Problem(
                    "error",
                    messages["name_taken"].format(name),
                    layer=name,
                    hint=messages["name_taken_hint"],
                )
            )
        layer: PlanLayer | None = None
        if self.source_problem is not None:
            problems.append(self.source_problem)
        else:
            try:
                layer = self.read()
            except SpacePlannerError as exc:
                problems.append(Problem.from_error(exc))
            except Exception as exc:  # a reader's own failure must not end the app
                problems.append(
                    Problem("error", messages["unreadable"].format(exc), file=str(self.path))
                )
        if layer is not None:
            problems = list(layer.problems) + problems
            km = self.distance_km(layer)
            if km is not None:
                problems.append(
                    Problem(
                        "error",
                        messages["far"].format(km),
                        file=layer.source,
                        layer=layer.name,
                        hint=messages["far_hint"],
                    )
                )
        return problems, layer

    @staticmethod
    def usable(problems: list[Problem], layer: PlanLayer | None) -> PlanLayer | None:
        """The layer of a :meth:`check`, when it can be added (no error among ``problems``)."""
        if any(p.severity == "error" for p in problems):
            return None
        return layer

    def read(self) -> PlanLayer:
        """The layer read and fitted by the plan loader, projected to the plan's CRS."""
        spec = self.layer_spec()
        # a CAD drawing has no CRS of its own: its map coordinates are the plan's unless the
        # layer says otherwise (as in a plan file); other files must state theirs
        cad = spec.path.suffix.lower() in CAD_SUFFIXES
        layer = read_layer(spec, self.plan.crs if cad else None)
        if self.plan.crs is not None:
            project_layer(layer, self.plan.crs)
        return layer

    def distance_km(self, layer: PlanLayer) -> float | None:
        """How far the layer lies from the plan's layers, in km, when they do not overlap (its
        CRS is then probably wrong); None when they do, or the plan has nothing to compare."""
        crs = self.plan.crs
        extent = self.plan.extent(rasters=True) if crs is not None else None
        if crs is None or extent is None:
            return None
        own = box(*layer.bounds(crs))
        ref = box(*extent)
        if own.intersects(ref.buffer(settings.OVERLAP_TOLERANCE_M)):
            return None
        return float(own.distance(ref) / 1000)
