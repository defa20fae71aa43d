"""Spreadsheet tables (``.xlsx``) and joining a table's columns onto a layer by a key.

Offices keep POI lists and households per building in Excel. A sheet is read as a table of text
(values are parsed later, as a CSV's are), one header row with one name per column: a header with
merged cells (a title row across the sheet, or two header rows) is refused with what to change,
not guessed at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from spaceplanner.i18n import tx
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.words import rows_text

__all__ = ["SPREADSHEET_SUFFIXES", "join_problem", "join_table", "read_table", "read_xlsx"]

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm"}
_MAX_LISTED = 3


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_xlsx(path: Path, *, label: str, sheet: str | None = None) -> tuple[pd.DataFrame, str]:
    """Read one sheet of an ``.xlsx`` file as a table of text, with the sheet's name.

    Parameters
    ----------
    path
        The workbook.
    label
        The plan layer's name, for messages.
    sheet
        The sheet; without it the only sheet that holds data.

    Raises
    ------
    LayerError
        When openpyxl is missing, the file is not a workbook, the sheet does not exist, several
        sheets hold data and none is named, or the header row has merged cells or empty names.
    """
    try:
        import openpyxl
    except ImportError as exc:
        msg: str = tx("reading Excel files needs the package openpyxl")
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            hint=tx("pip install openpyxl, or save the sheet as CSV"),
        ) from exc
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors of a damaged or mislabelled file
        msg = tx("the Excel file cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            hint=tx("open it in Excel or WPS and save it again as .xlsx (or as CSV)"),
        ) from exc
    names = list(book.sheetnames)
    if sheet is not None:
        if sheet not in names:
            msg = tx("the workbook has no sheet '{sheet}'; its sheets are: {names}").format(
                sheet=sheet, names=", ".join(names)
            )
            raise LayerError(msg, file=str(path), layer=label, hint=tx("fix `layer =` in the plan"))
        ws = book[sheet]
    else:
        filled = [n for n in names if book[n].max_row > 1 or book[n]["A1"].value is not None]
        if len(filled) > 1:
            msg = tx("the workbook holds {n} sheets with data ({names})").format(
                n=len(filled), names=", ".join(filled)
            )
            raise LayerError(
                msg, file=str(path), layer=label, hint=tx('choose one with `layer = "<sheet>"`')
            )
        ws = book[filled[0] if filled else names[0]]
    header_row = ws.min_row
    merged = [
        str(rng)
        for rng in ws.merged_cells.ranges
        if rng.min_row <= header_row <= rng.max_row
        # a horizontal merge right under the header: the second row of a two-row header
        or (rng.min_row == header_row + 1 and rng.max_col > rng.min_col)
    ]
    if merged:
        msg = tx(
            "the header of sheet '{sheet}' has merged cells ({cells})"
            ": a title row or a two-row header cannot be read as column names"
        ).format(sheet=ws.title, cells=", ".join(merged[:_MAX_LISTED]))
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            feature=rows_text(header_row),
            hint=tx(
                "unmerge them and keep one header row (row 1) with one name per column; "
                "delete title rows above it"
            ),
        )
    grid = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    # a merged cell in the body (one 小区 for several buildings) holds its value for every row
    # and column it spans, as the sheet shows it; openpyxl gives it to the top-left cell only
    for rng in ws.merged_cells.ranges:
        if rng.max_row > len(grid) or any(rng.max_col > len(grid[r]) for r in range(rng.max_row)):
            continue
        value = grid[rng.min_row - 1][rng.min_col - 1]
        for r in range(rng.min_row - 1, rng.max_row):
            for c in range(rng.min_col - 1, rng.max_col):
                grid[r][c] = value
    rows = [r for r in grid if any(r)]
    if not rows:
        msg = tx("sheet '{sheet}' is empty").format(sheet=ws.title)
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("choose the sheet with the data")
        )
    header = rows[0]
    while header and not header[-1]:
        header = header[:-1]
    blank = [i for i, name in enumerate(header) if not name]
    if blank:
        msg = tx("column {column} of sheet '{sheet}' has no name in the header row").format(
            column=blank[0] + 1, sheet=ws.title
        )
        raise LayerError(
            msg, file=str(path), layer=label, hint=tx("give every column a name in row 1")
        )
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=object), ws.title


def read_table(
    path: Path, *, label: str, sheet: str | None = None, encoding: str | None = None
) -> pd.DataFrame:
    """A table of text from an ``.xlsx`` sheet or a CSV (UTF-8 or GB18030, detected)."""
    from spaceplanner.layers.encoding import detect_text_encoding

    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return read_xlsx(path, label=label, sheet=sheet)[0]
    if path.suffix.lower() != ".csv":
        msg = tx("a joined table must be .xlsx or .csv, not '{suffix}'").format(suffix=path.suffix)
        raise LayerError(
            msg, file=str(path), layer=label, field="join", hint=tx("save it as .xlsx")
        )
    enc = encoding or detect_text_encoding(path).encoding
    try:
        return pd.read_csv(path, encoding=enc, dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        msg = tx("the CSV cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(msg, file=str(path), layer=label, field="join") from exc


def _key_text(values: pd.Series) -> pd.Series:
    def one(v: object) -> str:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        text = str(v).strip()
        return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text

    return values.map(one)


def _listed(values: list[str]) -> str:
    more = len(values) - _MAX_LISTED
    shown = ", ".join(values[:_MAX_LISTED])
    return tx("{ids} and {more} more").format(ids=shown, more=more) if more > 0 else shown


def join_problem(join: object) -> tuple[str, str] | None:
    """What is wrong with a layer's ``join`` option, as (message, hint); None when it is a
    table of the keys it takes, with text values."""
    hint = tx("e.g. join = {example}").format(example='{ path = "households.xlsx", key = "楼号" }')
    if not isinstance(join, dict):
        return tx("join must be a table {example}").format(
            example="{ path = ..., key = ... }"
        ), hint
    unknown = sorted(set(join) - {"path", "key", "table_key", "sheet"})
    if unknown or "path" not in join or "key" not in join:
        if unknown:
            return tx(
                "join needs path and key (and may have table_key, sheet); "
                "'{name}' is not one of them"
            ).format(name=unknown[0]), hint
        return tx("join needs path and key (and may have table_key, sheet)"), hint
    for name, value in join.items():
        if not isinstance(value, str):
            return tx("join's {name} = {value} is not text").format(
                name=name, value=repr(value)
            ), tx('write it in quotes: {name} = "..."').format(name=name)
    return None


def join_table(
    frame: gpd.GeoDataFrame,
    join: dict[str, Any],
    *,
    label: str,
    file: str,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Join the columns of a table onto ``frame`` by a key (one row per feature).

    Parameters
    ----------
    frame
        The layer as read.
    join
        The layer's ``join`` option: ``path`` (resolved), ``key`` (the column in both, or in the
        layer when ``table_key`` names the table's), ``table_key`` and ``sheet`` (optional).
    label, file
        The layer's name and file, for messages.

    Returns
    -------
    tuple
        The frame with the table's other columns (the layer's own columns win on a name clash)
        and notes on features without a row and rows without a feature.

    Raises
    ------
    LayerError
        For a missing key column or a key that repeats in the table.
    """
    wrong = join_problem(join)
    if wrong is not None:
        raise LayerError(wrong[0], file=file, layer=label, field="join", hint=wrong[1])
    table_path = Path(str(join["path"]))
    if not table_path.is_file() or table_path.stat().st_size == 0:
        msg: str = tx("the joined table is missing or empty")
        hint: str = tx("check join's path (relative to the plan file)")
        raise LayerError(msg, file=str(table_path), layer=label, field="join", hint=hint)
    key = str(join["key"])
    table_key = str(join.get("table_key", key))
    sheet = None if join.get("sheet") is None else str(join["sheet"])
    table = read_table(table_path, label=label, sheet=sheet)
    if key not in frame.columns:
        msg = tx("the join key '{key}' is not a column of the layer").format(key=key)
        cols = ", ".join(str(c) for c in frame.columns if c != frame.geometry.name)
        raise LayerError(
            msg,
            file=file,
            layer=label,
            field=key,
            hint=tx("columns are: {columns}").format(columns=cols),
        )
    if table_key not in table.columns:
        msg = tx("the join key '{key}' is not a column of the table").format(key=table_key)
        hint = tx("columns are: {columns}; name it with table_key = ...").format(
            columns=", ".join(map(str, table.columns))
        )
        raise LayerError(msg, file=str(table_path), layer=label, field=table_key, hint=hint)
    right_keys = _key_text(table[table_key])
    dup = sorted(set(right_keys[right_keys.duplicated() & (right_keys != "")]))
    if dup:
        msg = tx(
            "{n} keys appear in several rows of the table, so a feature's row is unclear"
        ).format(n=len(dup))
        raise LayerError(
            msg,
            file=str(table_path),
            layer=label,
            field=table_key,
            feature=_listed(dup),
            hint=tx("keep one row per key (sum the rows of a building first)"),
        )
    left_keys = _key_text(frame[key])
    extra = [c for c in table.columns if c != table_key and c not in frame.columns]
    right = table[extra].copy()
    right.index = right_keys.to_numpy()
    right = right[right.index != ""]
    joined = right.reindex(left_keys.to_numpy())
    joined.index = frame.index
    out = frame.copy()
    for col in extra:
        out[col] = joined[col].to_numpy()
    problems: list[Problem] = []
    missing = ~left_keys.isin(right.index).to_numpy()
    if missing.any():
        shown = _listed([k or tx("(empty)") for k in left_keys[missing].tolist()])
        problems.append(
            Problem(
                "warning",
                tx(
                    "{n} of {total} features have no row in "
                    "{table} (key {key}: {shown}); their joined fields are empty"
                ).format(
                    n=int(missing.sum()),
                    total=len(frame),
                    table=table_path.name,
                    key=key,
                    shown=shown,
                ),
                file=file,
                layer=label,
                field=key,
                count=int(missing.sum()),
                hint=tx("add their rows to the table, or check the key values match"),
            )
        )
    unused = sorted(set(right.index) - set(left_keys))
    if unused:
        problems.append(
            Problem(
                "note",
                tx("{n} rows of {table} match no feature ({key}: {shown})").format(
                    n=len(unused), table=table_path.name, key=table_key, shown=_listed(unused)
                ),
                file=str(table_path),
                layer=label,
                field=table_key,
                count=len(unused),
            )
        )
    problems.append(
        Problem(
            "note",
            (
                tx("joined {n} columns of {table} by {key} = {table_key}")
                if table_key != key
                else tx("joined {n} columns of {table} by {key}")
            ).format(n=len(extra), table=table_path.name, key=key, table_key=table_key),
            file=file,
            layer=label,
        )
    )
    return out, problems
