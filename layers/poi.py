"""POI tables from Amap (高德) and Baidu (百度): their type text mapped to roles and kinds.

An Amap POI's type is "大类;中类;小类" ("科教文化服务;学校;幼儿园"), a Baidu POI's
"教育培训;幼儿园"; several types are joined with "|". The ``[poi.types]`` table of
``sources.toml`` maps a level's name to ``role.kind``; the narrowest level listed wins. A plan
layer reading a POI table keeps the POIs of its own role, and notes how many belong to other
roles.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import Role, normalise_name
from spaceplanner.layers.chinacrs import out_of_china
from spaceplanner.layers.problems import Problem

__all__ = [
    "guess_offset_system",
    "is_poi_type_text",
    "poi_kind",
    "poi_type_column",
    "poi_types",
    "sort_pois",
]

#: Column names of the POI type in Amap and Baidu exports (folded with ``normalise_name``).
TYPE_COLUMNS = ("类型", "type", "poi类型", "分类", "tag", "标签", "行业分类")
_LEVELS = re.compile(r"[;；]")


@cache
def _sources() -> dict[str, Any]:
    text = resources.files("spaceplanner.layers").joinpath("sources.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def poi_types() -> dict[str, tuple[str, str | None]]:
    """The POI type names of ``sources.toml`` as ``{name: (role, kind or None)}``."""
    table = _sources().get("poi", {}).get("types", {})
    out: dict[str, tuple[str, str | None]] = {}
    for name, target in table.items():
        role, _, kind = str(target).partition(".")
        out[normalise_name(name)] = (role, kind or None)
    return out


def _levels(text: str) -> list[str]:
    first = text.split("|")[0]
    return [part.strip() for part in _LEVELS.split(first) if part.strip()]


def poi_kind(text: object) -> tuple[str | None, str | None, str | None]:
    """``(role, kind, narrowest level)`` of a POI type text; role and kind are None when no level
    is listed in ``sources.toml``, and all three are None for an empty value."""
    if not isinstance(text, str) or not text.strip():
        return None, None, None
    levels = _levels(text)
    if not levels:
        return None, None, None
    table = poi_types()
    for level in reversed(levels):
        found = table.get(normalise_name(level))
        if found is not None:
            return found[0], found[1], levels[-1]
    return None, None, levels[-1]


def is_poi_type_text(values: pd.Series) -> bool:
    """True when a column holds POI type text: most values have levels ("a;b;c") or name a
    listed POI type."""
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    if text.empty:
        return False
    table = poi_types()
    levelled = text.str.contains(r"[;；]")
    listed = text.map(lambda v: normalise_name(v) in table)
    return bool((levelled | listed).mean() >= 0.5 and levelled.any())


def poi_type_column(frame: pd.DataFrame, options: dict[str, Any]) -> str | None:
    """The column of ``frame`` that holds POI type text: ``kind_field`` when it names one, else a
    column named as Amap and Baidu name it (类型, type, tag); None when there is none."""
    columns = [str(c) for c in frame.columns if c != getattr(frame, "_geometry_column_name", None)]
    given = options.get("kind_field")
    if isinstance(given, str) and given in columns:
        return given if is_poi_type_text(frame[given]) else None
    keys = {normalise_name(c): c for c in columns}
    for name in TYPE_COLUMNS:
        col = keys.get(normalise_name(name))
        if col is not None and is_poi_type_text(frame[col]):
            return col
    return None


def sort_pois(
    frame: gpd.GeoDataFrame,
    role: Role,
    options: dict[str, Any],
    *,
    label: str,
    file: str,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Map a POI table's type text to ``role``'s kinds and keep the POIs of that role.

    The type column's values become catalogue kinds (the original text stays in ``poi_type``);
    POIs whose type maps to another role are left out, with a note per role. A frame without POI
    type text, or a layer given one constant ``kind``, is returned as it is.
    """
    if "kind" in options:
        return frame, []
    col = poi_type_column(frame, options)
    if col is None:
        return frame, []
    mapped = frame[col].map(poi_kind)
    roles = mapped.map(lambda t: t[0])
    elsewhere = (roles.notna() & (roles != role.name)).to_numpy()
    problems: list[Problem] = []
    if elsewhere.any():
        counts = Counter(roles[elsewhere])
        shown = ", ".join(f"{n} {r}" for r, n in counts.most_common())
        first = counts.most_common(1)[0][0]
        problems.append(
            Problem(
                "note",
                tx(
                    "left out of this {role} layer: POIs whose type belongs to other roles "
                    "({shown})"
                ).format(role=role.name, shown=shown),
                file=file,
                layer=label,
                field=col,
                count=int(elsewhere.sum()),
                hint=tx('to use them, add a layer with the same path and role = "{role}"').format(
                    role=first
                ),
            )
        )
    keep = ~elsewhere
    out = frame.loc[keep].copy()
    kept = mapped[keep]
    out["poi_type"] = frame.loc[keep, col]
    if "kind" in role.fields:
        kinds = [kind if kind is not None else narrow for _, kind, narrow in kept]
        if options.get("kind_field") == col or "kind" in out.columns:
            out[col] = kinds
        else:  # the type column (类型, tag, ...) becomes the kind column
            out = out.drop(columns=[col])
            out["kind"] = kinds
    elif not any(
        str(v) == col for k, v in options.items() if k.endswith("_field") or k in role.fields
    ):
        out = out.drop(columns=[col])
    mapped_count = int(np.count_nonzero(kept.map(lambda t: t[1] is not None).to_numpy()))
    if mapped_count:
        problems.append(
            Problem(
                "note",
                tx(
                    "POI types in '{column}' read as {role} kinds for {n} of "
                    "{total} POIs (sources.toml, [poi.types])"
                ).format(column=col, role=role.name, n=mapped_count, total=len(out)),
                file=file,
                layer=label,
                field=col,
            )
        )
    return out, problems


#: Signs of where a table came from: words in its file name, and columns only Amap's or
#: Baidu's exports have (folded with ``normalise_name``).
_AMAP_WORDS = ("amap", "gaode", "autonavi", "高德", "gcj")
_BAIDU_WORDS = ("baidu", "百度", "bd09")
_AMAP_COLUMNS = ("location", "typecode", "adcode", "pname", "cityname", "adname", "gcjlng")
#: Baidu-only names: generic ones such as area or province appear in any office table.
_BAIDU_COLUMNS = ("uid", "streetid", "detailinfo", "bdlng", "bd09lng", "bdlat", "bd09lat")


def guess_offset_system(
    file_name: str, columns: list[str], lonlat: tuple[float, float] | None
) -> tuple[str, str] | None:
    """Whether a POI table's coordinates are likely GCJ-02 or BD-09, and why.

    A table qualifies only when its coordinates lie in China (``lonlat`` is a point of them);
    then its file name (amap, 高德, baidu, 百度, ...) and columns only Amap or Baidu exports
    have (Amap's ``location``, ``typecode``, ``adcode``; Baidu's ``uid``, ``street_id``) decide.
    A guess only: the user confirms it.

    Returns
    -------
    tuple or None
        ``("GCJ-02" or "BD-09", the evidence in words)``.
    """
    if lonlat is None or out_of_china(np.array([lonlat[0]]), np.array([lonlat[1]]))[0]:
        return None
    name = file_name.casefold()
    keys = {normalise_name(c): c for c in columns}
    for system, words in (("BD-09", _BAIDU_WORDS), ("GCJ-02", _AMAP_WORDS)):
        found = [w for w in words if w in name]
        if found:
            return system, tx("the file name says '{word}'").format(word=found[0])
    # Amap's columns first: its `location` is distinctive, Baidu's need two of their own
    for system, cols in (("GCJ-02", _AMAP_COLUMNS), ("BD-09", _BAIDU_COLUMNS)):
        named = [keys[c] for c in cols if c in keys]
        if len(named) >= (1 if system == "GCJ-02" and "location" in keys else 2):
            return system, tx("columns {columns} are those of an export").format(
                columns=", ".join(named)
            )
    return None
