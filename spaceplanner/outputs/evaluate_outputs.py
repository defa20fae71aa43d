"""The outputs of ``spaceplanner evaluate``: ``report.json`` and ``gaps.gpkg``, as one unit."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyogrio

from spaceplanner.files import EVALUATE_OUTPUTS, mark_results, output_unit, own_output
from spaceplanner.outputs.exports import vector_ready
from spaceplanner.results.report import Report

__all__ = ["EVALUATE_OUTPUTS", "write_outputs"]


def _write_gpkg(layers: dict[str, Any], target: Path, run: dict[str, Any] | None) -> None:
    first = True
    for name, frame in layers.items():
        pyogrio.write_dataframe(frame, target, layer=name, driver="GPKG", append=not first)
        first = False
    mark_results(target, run)


def write_outputs(
    report: Report,
    folder: Path | str,
    *,
    overwrite: bool = False,
    inputs: Iterable[Path] = (),
) -> list[Path]:
    """Write ``report.json`` and ``gaps.gpkg`` (one layer per result layer) into ``folder``.

    The two are one unit (:func:`spaceplanner.files.output_unit`): both are replaced or neither.
    Earlier outputs of ``evaluate`` are replaced; any other file of those names only with
    ``overwrite``.

    Returns
    -------
    list of Path
        The paths written.
    """
    folder = Path(folder)
    names = ["report.json", *(["gaps.gpkg"] if report.layers else [])]
    with output_unit(folder, overwrite=overwrite, inputs=inputs, replaceable=own_output) as staging:
        (staging / "report.json").write_text(report.to_json(), encoding="utf-8")
        if report.layers:
            layers = {name: vector_ready(frame) for name, frame in report.layers.items()}
            _write_gpkg(layers, staging / "gaps.gpkg", report.run.to_dict())
    return [folder / name for name in names]
