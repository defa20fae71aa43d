"""Fit a layer read from a file to its role: geometries, field mapping and values.

The result is the layer as the rest of SpacePlanner sees it: an ``id`` column of stable text ids,
the role's fields under their catalogue names with parsed values, the other source columns kept
as they are, and valid geometries of the role's types. Every repair and skip is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import GEOMETRY_FAMILIES, FieldSpec, Role, closest, match_columns
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.values import (
    BOOL_WORDS,
    DECIMAL_MARKS,
    bool_value,
    is_missing,
    parse_number_texts,
)
from spaceplanner.layers.words import either_text, geometry_word, unit_word

__all__ = ["Conformed", "conform", "field_options"]

_MAX_LISTED = 3
#: Geometry type names by GEOS type id (``shapely.get_type_id``).
_TYPE_NAMES = (
    "Point",
    "LineString",
    "LinearRing",
    "Polygon",
    "MultiPoint",
    "MultiLineString",
    "MultiPolygon",
    "GeometryCollection",
)


@dataclass
class Conformed:
    """A layer fitted to its role, with the mapping used and what was found on the way."""

    frame: gpd.GeoDataFrame
    field_map: dict[str, str]
    constants: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


def field_options(role: Role, options: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """Split a layer's plan options into explicit column mappings and constants.

    ``population = "pop"`` maps a column; for fields that take constants, ``kind = "clinic"``
    is a constant and ``kind_field = "type"`` maps a column. Options that are not fields of the
    role are ignored here (the plan checks them).
    """
    columns: dict[str, str] = {}
    constants: dict[str, Any] = {}
    for key, value in options.items():
        if key.endswith("_field") and key[: -len("_field")] in role.fields:
            columns[key[: -len("_field")]] = str(value)
        elif key in role.fields:
            if role.fields[key].constant:
                constants[key] = value
            else:
                columns[key] = str(value)
    return columns, constants


def _per_household(
    role: Role, mapping: dict[str, str], options: dict[str, Any], where: dict[str, str]
) -> float | None:
    """The layer's ``persons_per_household`` when it applies (residents with households)."""
    value = options.get("persons_per_household")
    if value is None:
        return None
    if role.name != "residents":
        msg = tx("persons_per_household is an option of residents layers")
        raise LayerError(msg, **where, field="persons_per_household", hint=tx("remove it here"))
    if "households" not in mapping:
        msg = tx("persons_per_household is given but the layer has no households column")
        raise LayerError(
            msg,
            **where,
            field="persons_per_household",
            hint=tx('map the households with `households = "<column>"` (户数, households, ...)'),
        )
    return float(value)


def _population_from_households(
    parsed: dict[str, pd.Series],
    per_household: float,
    ids: pd.Series,
    mapping: dict[str, str],
    where: dict[str, str],
) -> list[Problem]:
    """Fill ``parsed["population"]`` with households x ``per_household`` where it has no value;
    a note says how many features were filled."""
    households = parsed["households"]
    given = parsed.get("population")
    population = (
        given.astype(float) if given is not None else pd.Series(np.nan, index=households.index)
    )
    fill = population.isna() & households.notna()
    neither = population.isna() & households.isna()
    if neither.any():
        bad = np.flatnonzero(neither.to_numpy())
        msg = tx("{n} features have neither population nor households").format(n=len(bad))
        raise LayerError(
            msg,
            **where,
            field=mapping.get("population", mapping["households"]),
            feature=_ids_text(ids, bad),
            hint=tx("fill in one of them or remove those features"),
        )
    population[fill] = households[fill].astype(float) * per_household
    parsed["population"] = population
    if not fill.any():
        return []
    return [
        Problem(
            "note",
            tx(
                "population of {n} features = households x {per_household:g} "
                "persons per household (an estimate)"
            ).format(n=int(fill.sum()), per_household=per_household),
            **where,
            field="population",
            count=int(fill.sum()),
        )
    ]


def _text_or_none(value: object) -> str | None:
    return None if is_missing(value) else str(value)


def _ids_text(ids: pd.Series, positions: np.ndarray) -> str:
    shown = ", ".join(str(ids.iloc[i]) for i in positions[:_MAX_LISTED])
    more = len(positions) - _MAX_LISTED
    return tx("{ids} and {more} more").format(ids=shown, more=more) if more > 0 else shown


def _id_texts(raw: pd.Series) -> pd.Series:
    """The ids of a column as text: missing values as "", whole floats without ".0".

    Text and integer columns (nearly every id column) are converted without a Python call per
    value; other columns go value by value.
    """
    values = raw.to_numpy(dtype=object) if raw.dtype == object else None
    if values is not None and pd.api.types.infer_dtype(values, skipna=False) == "string":
        return pd.Series(values, index=raw.index)  # typed as pandas types text
    if pd.api.types.is_integer_dtype(raw.dtype) and not pd.api.types.is_extension_array_dtype(
        raw.dtype
    ):
        return pd.Series(raw.to_numpy().astype(str).astype(object), index=raw.index)
    if pd.api.types.is_string_dtype(raw.dtype) and pd.api.types.is_extension_array_dtype(raw.dtype):
        return raw.fillna("")
    text = raw.map(lambda v: "" if is_missing(v) else v)
    return text.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))


def _assign_ids(
    frame: gpd.GeoDataFrame, mapped: str | None, explicit: bool, where: dict[str, str]
) -> tuple[pd.Series, list[Problem]]:
    label = where["layer"]

    def generated() -> pd.Series:
        return pd.Series([f"{label}-{i + 1}" for i in range(len(frame))], index=frame.index)

    if mapped is None:
        return generated(), []
    text = _id_texts(frame[mapped])
    missing = np.flatnonzero((text == "").to_numpy())
    dup = np.flatnonzero(text.duplicated(keep=False).to_numpy() & (text != "").to_numpy())
    if not missing.size and not dup.size:
        return text, []
    bad = dup if dup.size else missing
    if explicit:
        msg = (
            tx("{n} features have duplicate ids")
            if dup.size
            else tx("{n} features have missing ids")
        ).format(n=len(bad))
        raise LayerError(
            msg,
            **where,
            field=mapped,
            feature=_ids_text(generated(), bad),
            hint=tx(
                "make the id column unique, or drop `id =` to let SpacePlanner number features"
            ),
        )
    note = Problem(
        "note",
        (
            tx(
                "column '{column}' has duplicate values, so features are numbered "
                "'{label}-1', '{label}-2', ..."
            )
            if dup.size
            else tx(
                "column '{column}' has missing values, so features are numbered "
                "'{label}-1', '{label}-2', ..."
            )
        ).format(column=mapped, label=label),
        **where,
        field=mapped,
        hint=tx('map a unique column with `id = "..."` to keep your ids'),
    )
    return generated(), [note]


def _numbers(
    spec: FieldSpec,
    values: pd.Series,
    ids: pd.Series,
    where: dict[str, str],
    column: str,
    decimal: str,
) -> tuple[pd.Series, list[Problem]]:
    """Read a column of numbers: numeric columns as they are, text with the layer's decimal mark."""
    problems: list[Problem] = []
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float), problems
    read = parse_number_texts(values, decimal)
    if read.decimal_comma.any():
        bad = np.flatnonzero(read.decimal_comma)
        msg = tx(
            "value '{value}' has a decimal comma ({n} such features), "
            "which would be misread as thousands"
        ).format(value=values.iloc[bad[0]], n=bad.size)
        raise LayerError(
            msg,
            **where,
            field=column,
            feature=_ids_text(ids, bad),
            hint=tx(
                'if the source writes decimals with a comma, set `decimal = ","` for this layer'
            ),
        )
    if read.unreadable.any():
        bad = np.flatnonzero(read.unreadable)
        msg = (
            tx("value '{value}' is not a number ({n} such features)")
            if decimal == "."
            else tx(
                "value '{value}' is not a number with the decimal mark '{decimal}' ({n} such "
                "features)"
            )
        ).format(value=values.iloc[bad[0]], n=bad.size, decimal=decimal)
        raise LayerError(
            msg,
            **where,
            field=column,
            feature=_ids_text(ids, bad),
            hint=tx("fix the values in the source"),
        )
    if read.ambiguous.any():
        first = int(np.flatnonzero(read.ambiguous)[0])
        problems.append(
            Problem(
                "note",
                tx(
                    "'{value}' and other values with one comma group are read with "
                    "',' as the thousands separator ({number:g})"
                ).format(value=values.iloc[first], number=read.values[first]),
                **where,
                field=column,
                feature=_ids_text(ids, np.flatnonzero(read.ambiguous)),
                count=int(read.ambiguous.sum()),
                hint=tx(
                    'if "," is the decimal mark in this source, set `decimal = ","` for the layer'
                ),
            )
        )
    return pd.Series(read.values, index=values.index, dtype=float), problems


def _out_of_range(
    spec: FieldSpec, numbers: np.ndarray, subject: str, count: int | None = None
) -> tuple[np.ndarray, str, str]:
    """Where ``numbers`` cannot be right for the field, with the message (``subject`` is what
    is wrong, e.g. ``population -5``; ``count`` the number of such features) and what to do."""
    with np.errstate(invalid="ignore"):
        infinite = np.isinf(numbers)
        if infinite.any():
            text = (
                tx("{subject} is not a finite number")
                if count is None
                else tx("{subject} is not a finite number ({n} such features)")
            )
            return (
                infinite,
                text.format(subject=subject, n=count),
                tx("give a real value, or leave it empty"),
            )
        negative = numbers < 0
        if negative.any() and not spec.negative:
            text = (
                tx("{subject} is negative")
                if count is None
                else tx("{subject} is negative ({n} such features)")
            )
            return (
                negative,
                text.format(subject=subject, n=count),
                tx("fix the values in the source"),
            )
        if spec.maximum is not None:
            above = numbers > spec.maximum
            if above.any():
                if spec.unit:
                    text = (
                        tx(
                            "{subject} is above the plausible maximum of {maximum:,.0f} {unit} "
                            "for one feature"
                        )
                        if count is None
                        else tx(
                            "{subject} is above the plausible maximum of {maximum:,.0f} {unit} "
                            "for one feature ({n} such features)"
                        )
                    )
                else:
                    text = (
                        tx(
                            "{subject} is above the plausible maximum of {maximum:,.0f} for one "
                            "feature"
                        )
                        if count is None
                        else tx(
                            "{subject} is above the plausible maximum of {maximum:,.0f} for one "
                            "feature ({n} such features)"
                        )
                    )
                return (
                    above,
                    text.format(
                        subject=subject,
                        maximum=spec.maximum,
                        unit=unit_word(spec.unit),
                        n=count,
                    ),
                    tx(
                        "check the value (a unit mistake or a no-data code?); the bounds are in "
                        "the role catalogue (roles.toml)"
                    ),
                )
    return np.zeros(len(numbers), dtype=bool), "", ""


def _parse_number(
    spec: FieldSpec,
    values: pd.Series,
    ids: pd.Series,
    where: dict[str, str],
    column: str,
    decimal: str = ".",
) -> tuple[pd.Series, list[Problem]]:
    numbers, problems = _numbers(spec, values, ids, where, column, decimal)
    missing = numbers.isna().to_numpy()
    if spec.required and missing.any():
        bad = np.flatnonzero(missing)
        msg: str = tx("{n} features have no {field} value").format(n=len(bad), field=spec.name)
        raise LayerError(
            msg,
            **where,
            field=column,
            feature=_ids_text(ids, bad),
            hint=tx("fill in the {field} ({unit}) or remove those features").format(
                field=spec.name, unit=unit_word(spec.unit)
            ),
        )
    array = numbers.to_numpy()
    wrong, _, _ = _out_of_range(spec, array, "")
    if wrong.any():
        bad = np.flatnonzero(wrong)
        subject = f"{spec.name} {numbers.iloc[bad[0]]:g}"
        _, msg, hint = _out_of_range(spec, array, subject, len(bad))
        raise LayerError(msg, **where, field=column, feature=_ids_text(ids, bad), hint=hint)
    return numbers, problems


def _parse_bool(values: pd.Series, ids: pd.Series, where: dict[str, str], column: str) -> pd.Series:
    def one(v: object) -> bool | None:
        if isinstance(v, str) and v.strip().endswith(".0"):
            v = v.strip()[:-2]
        return bool_value(v)

    parsed = values.map(one)
    bad = np.flatnonzero(parsed.isna().to_numpy())
    if bad.size:
        msg = tx("value '{value}' is not yes/no ({n} such features)").format(
            value=values.iloc[bad[0]], n=bad.size
        )
        raise LayerError(
            msg,
            **where,
            field=column,
            feature=_ids_text(ids, bad),
            hint=tx("use {words}").format(words=BOOL_WORDS),
        )
    return parsed.astype(bool)


def _constant(spec: FieldSpec, value: Any, where: dict[str, str], decimal: str) -> Any:
    """Read a constant given to the whole layer with the parser of the field's column values."""
    name = spec.name
    if spec.type == "bool":
        parsed = None if isinstance(value, list | dict) else bool_value(value)
        if parsed is None:
            msg: str = tx("{name} = {value} is not yes/no").format(name=name, value=repr(value))
            raise LayerError(
                msg, **where, field=name, hint=tx("use {words}").format(words=BOOL_WORDS)
            )
        return parsed
    if spec.type in {"number", "integer"}:
        if isinstance(value, str):
            read = parse_number_texts(pd.Series([value]), decimal)
            number = float(read.values[0])
            readable = not (read.unreadable[0] or read.decimal_comma[0] or np.isnan(number))
        else:
            readable = isinstance(value, int | float) and not isinstance(value, bool)
            number = float(value) if readable else np.nan
            readable = readable and not np.isnan(number)
        if not readable:
            msg = tx("{name} = {value} is not a number").format(name=name, value=repr(value))
            raise LayerError(
                msg,
                **where,
                field=name,
                hint=tx("give {unit}").format(unit=unit_word(spec.unit)),
            )
        wrong, msg, hint = _out_of_range(spec, np.array([number]), f"{name} = {value!r}")
        if wrong.any():
            raise LayerError(msg, **where, field=name, hint=hint)
        return number
    if not isinstance(value, str):
        msg = tx("{name} = {value} is not text").format(name=name, value=repr(value))
        raise LayerError(
            msg,
            **where,
            field=name,
            hint=tx('write it in quotes: {name} = "{value}"').format(name=name, value=value),
        )
    return value


def _parse_choice(
    spec: FieldSpec, values: pd.Series, ids: pd.Series, where: dict[str, str], column: str
) -> tuple[pd.Series, list[Problem]]:
    text = values.map(_text_or_none)
    # a missing value is None or, in a pandas string column, NaN
    mapped = text.map(lambda v: spec.canonical_value(v.strip()) if isinstance(v, str) else None)
    unknown = np.flatnonzero((mapped.isna() & text.notna()).to_numpy())
    problems: list[Problem] = []
    if unknown.size:
        values_seen = sorted({str(text.iloc[i]) for i in unknown})
        problems.append(
            Problem(
                "warning",
                tx(
                    "{n} features have a {field} that is not in the catalogue "
                    "({values}); kept as given"
                ).format(n=unknown.size, field=spec.name, values=", ".join(values_seen[:5])),
                **where,
                field=column,
                feature=_ids_text(ids, unknown),
                hint=tx("known values: {values}").format(values=", ".join(spec.choices)),
            )
        )
        mapped.iloc[unknown] = text.iloc[unknown].str.strip()
    return mapped.astype(object), problems


def _check_geometry(
    frame: gpd.GeoDataFrame, role: Role, ids: pd.Series, where: dict[str, str]
) -> tuple[gpd.GeoDataFrame, pd.Series, list[Problem]]:
    problems: list[Problem] = []
    geoms = frame.geometry.array
    empty = np.asarray(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if empty.any():
        bad = np.flatnonzero(empty)
        problems.append(
            Problem(
                "warning",
                tx("{n} features have no geometry and are skipped").format(n=bad.size),
                **where,
                feature=_ids_text(ids, bad),
                count=int(bad.size),
                hint=tx("draw them or remove them in the source"),
            )
        )
        frame, ids = frame.loc[~empty], ids.loc[~empty]
    if frame.empty:
        return frame, ids, problems
    # by GEOS type id (a type name per feature costs seconds at city scale)
    allowed = [
        i for i, name in enumerate(_TYPE_NAMES) if GEOMETRY_FAMILIES.get(name) in role.geometry
    ]
    wrong = ~np.isin(shapely.get_type_id(frame.geometry.array), allowed)
    if wrong.any():
        bad = np.flatnonzero(wrong)
        found = frame.geometry.geom_type.iloc[bad[0]]
        need = either_text(geometry_word(g) for g in role.geometry)
        msg = tx("{n} of {total} features are {found}s, but {role} must be {need}").format(
            n=bad.size, total=len(frame), found=found, role=role.name, need=need
        )
        raise LayerError(
            msg,
            **where,
            feature=_ids_text(ids, bad),
            hint=tx("give {role} as {need}, or give this layer another role").format(
                role=role.name, need=need
            ),
        )
    valid = np.asarray(shapely.is_valid(frame.geometry.array))
    if not valid.all():
        bad = np.flatnonzero(~valid)
        reason = shapely.is_valid_reason(frame.geometry.array[bad[0]])
        repaired = shapely.make_valid(
            frame.geometry.array[bad], method="structure", keep_collapsed=False
        )
        fixed = frame.geometry.copy()
        fixed.iloc[bad] = repaired
        frame = frame.set_geometry(fixed)
        problems.append(
            Problem(
                "repair",
                tx("repaired {n} invalid geometries with make_valid (first: {reason})").format(
                    n=bad.size, reason=reason
                ),
                **where,
                feature=_ids_text(ids, bad),
                count=int(bad.size),
                hint=tx("check the repaired shapes, or fix them in the source"),
            )
        )
        collapsed = np.asarray(shapely.is_empty(frame.geometry.array))
        if collapsed.any():
            gone = np.flatnonzero(collapsed)
            problems.append(
                Problem(
                    "warning",
                    tx("{n} invalid geometries collapsed to nothing and are skipped").format(
                        n=gone.size
                    ),
                    **where,
                    feature=_ids_text(ids, gone),
                    count=int(gone.size),
                )
            )
            frame, ids = frame.loc[~collapsed], ids.loc[~collapsed]
    return frame, ids, problems


def conform(
    frame: gpd.GeoDataFrame,
    role: Role,
    *,
    label: str,
    file: str,
    options: dict[str, Any] | None = None,
) -> Conformed:
    """Fit ``frame`` to ``role``.

    Parameters
    ----------
    frame
        The layer as read (any CRS).
    role
        Its role in the plan.
    label, file
        The layer's plan name and source file, for messages.
    options
        The layer's plan options: field mappings (``population = "pop"``, ``kind_field = "type"``),
        constants (``kind = "clinic"``, read as the field's column values are) and ``decimal``
        (the decimal mark of number text, ``"."`` or ``","``).

    Returns
    -------
    Conformed
        The new frame (the input is not changed) and the mapping and problems.

    Raises
    ------
    LayerError
        For what cannot be repaired: wrong geometry types, a missing or unknown column, values that
        are not numbers (or have a decimal comma the layer does not declare), values that are not
        finite, negative or above the field's plausible maximum, missing required values, a
        constant that its field cannot read, an empty layer.
    """
    where = {"file": file, "layer": label}
    problems: list[Problem] = []
    decimal = (options or {}).get("decimal", ".")
    if decimal not in DECIMAL_MARKS:
        msg: str = tx("decimal = {value} is not a decimal mark").format(value=repr(decimal))
        raise LayerError(
            msg, **where, field="decimal", hint=tx('use decimal = "." or decimal = ","')
        )
    explicit, given = field_options(role, options or {})
    constants = {k: _constant(role.fields[k], v, where, decimal) for k, v in given.items()}
    columns = [str(c) for c in frame.columns if c != frame.geometry.name]
    for fname, col in explicit.items():
        if col not in columns:
            guess = closest(col, columns)
            msg = tx("the column '{column}' mapped to {field} is not in the layer").format(
                column=col, field=fname
            )
            hint = (
                tx("did you mean '{guess}'?").format(guess=guess)
                if guess
                else tx("columns are: {columns}").format(columns=", ".join(columns))
            )
            raise LayerError(msg, **where, field=col, hint=hint)
    auto = match_columns(role, [c for c in columns if c not in explicit.values()])
    mapping = {**{k: v for k, v in auto.items() if k not in constants}, **explicit}
    for fname, value in constants.items():
        spec = role.fields[fname]
        if spec.type == "choice" and spec.canonical_value(str(value)) is None:
            problems.append(
                Problem(
                    "warning",
                    tx("{field} '{value}' is not in the catalogue; kept as given").format(
                        field=fname, value=value
                    ),
                    **where,
                    field=fname,
                    hint=tx("known values: {values}").format(values=", ".join(spec.choices)),
                )
            )
    if frame.empty:
        msg = tx("the layer has no features")
        raise LayerError(msg, **where, hint=tx("add features, or remove the layer from the plan"))

    ids, id_problems = _assign_ids(frame, mapping.get("id"), "id" in explicit, where)
    problems += id_problems
    frame, ids, geom_problems = _check_geometry(frame, role, ids, where)
    problems += geom_problems
    if frame.empty:
        msg = tx("no feature of the layer has a usable geometry")
        raise LayerError(msg, **where, hint=tx("check the source in a GIS"))

    per_household = _per_household(role, mapping, options or {}, where)
    for spec in role.fields.values():
        if spec.name == "population" and per_household is not None:
            continue  # households x persons_per_household where no population is given
        if spec.required and spec.name not in mapping and spec.name not in constants:
            if spec.name == "population" and "households" in mapping:
                msg = tx(
                    "no population field, only households ('{column}'): "
                    "the number of residents is not known"
                ).format(column=mapping["households"])
                raise LayerError(
                    msg,
                    **where,
                    field=spec.name,
                    hint=tx(
                        "add `persons_per_household = 2.62` to the layer (China's 2020 census "
                        "average; use the local figure) or map a population column"
                    ),
                )
            how = (
                tx(
                    'give `{field} = "<value>"` or `{field}_field = "<column>"`; '
                    "columns are: {columns}"
                )
                if spec.constant
                else tx('map it with `{field} = "<column>"`; columns are: {columns}')
            )
            msg = tx("no {field} field ({aliases}, ... not found)").format(
                field=spec.name, aliases=", ".join(spec.aliases[:4])
            )
            raise LayerError(
                msg,
                **where,
                field=spec.name,
                hint=how.format(field=spec.name, columns=", ".join(columns)),
            )

    out = frame.drop(columns=[c for c in mapping.values() if c in frame.columns])
    out = out.drop(columns=[c for c in out.columns if c in role.fields and c != out.geometry.name])
    parsed: dict[str, pd.Series] = {"id": ids}
    for fname, col in mapping.items():
        if fname == "id":
            continue
        spec = role.fields[fname]
        values = frame[col]
        if spec.type in {"number", "integer"}:
            if fname == "population" and per_household is not None:
                spec = replace(spec, required=False)  # filled from households below
            parsed[fname], more = _parse_number(spec, values, ids, where, col, decimal)
            problems += more
        elif spec.type == "bool":
            parsed[fname] = _parse_bool(values, ids, where, col)
        elif spec.type == "choice":
            parsed[fname], more = _parse_choice(spec, values, ids, where, col)
            problems += more
        else:
            parsed[fname] = values.map(_text_or_none).astype(object)
    for fname, value in constants.items():
        spec = role.fields[fname]
        if spec.type == "choice":
            value = spec.canonical_value(str(value)) or value
        parsed[fname] = pd.Series([value] * len(frame), index=frame.index)
    if per_household is not None:
        problems += _population_from_households(parsed, per_household, ids, mapping, where)
    attrs = pd.DataFrame(parsed, index=frame.index)
    result = gpd.GeoDataFrame(
        pd.concat([attrs, out.drop(columns=out.geometry.name)], axis=1),
        geometry=out.geometry.values,
        crs=frame.crs,
    ).reset_index(drop=True)
    result = result.rename_geometry("geometry") if result.geometry.name != "geometry" else result
    return Conformed(result, mapping, dict(constants), problems)
