"""Golden reports: the figures of every sample map in every scenario and period, compared with
the stored ``tests/golden/<sample>__<scenario>__<period>.json`` after every change.

A change of figures must be intended: rerun with ``SPACEPLANNER_UPDATE_GOLDEN=1`` to rewrite the
files, and say in the commit which figures changed and why.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import pytest

from spaceplanner import load_plan
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.sample_maps import get_path, list_samples

GOLDEN = Path(__file__).parent / "golden"
SCENARIOS = ("earthquake", "flood", "fire", "all")
PERIODS = ("both", "normal", "emergency")
UPDATE = os.environ.get("SPACEPLANNER_UPDATE_GOLDEN") == "1"


def _portable(value: Any, folder: str) -> Any:
    """The figures with the sample's folder written as ``<sample>`` (notes name files)."""
    if isinstance(value, dict):
        return {k: _portable(v, folder) for k, v in value.items()}
    if isinstance(value, list):
        return [_portable(v, folder) for v in value]
    if isinstance(value, str):
        return value.replace(folder, "<sample>")
    return value


def _same(got: Any, want: Any, where: str = "") -> list[str]:
    """Where ``got`` and ``want`` differ (floats to 1e-9 relative)."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = [f"{where}.{k}: missing" for k in want if k not in got]
        out += [f"{where}.{k}: new" for k in got if k not in want]
        for k in want:
            if k in got:
                out += _same(got[k], want[k], f"{where}.{k}")
        return out
    if isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            return [f"{where}: {len(got)} items, golden {len(want)}"]
        return [
            d
            for i, (g, w) in enumerate(zip(got, want, strict=True))
            for d in _same(g, w, f"{where}[{i}]")
        ]
    if isinstance(want, float) and isinstance(got, int | float) and not isinstance(got, bool):
        ok = math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)
        return [] if ok else [f"{where}: {got!r}, golden {want!r}"]
    return [] if got == want else [f"{where}: {got!r}, golden {want!r}"]


@pytest.mark.parametrize("sample", list_samples())
def test_reports_equal_the_golden_files(sample: str) -> None:
    path = get_path(sample)
    plan = load_plan(path)
    ev = Evaluator(plan)
    problems = []
    for scenario in SCENARIOS:
        for period in PERIODS:
            figures = _portable(
                ev.evaluate(scenario=scenario, period=period, gaps=False).figures(),
                str(path.parent),
            )
            target = GOLDEN / f"{sample}__{scenario}__{period}.json"
            if UPDATE:
                GOLDEN.mkdir(exist_ok=True)
                text = json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True)
                target.write_text(text + "\n", encoding="utf-8")
                continue
            want = json.loads(target.read_text(encoding="utf-8"))
            problems += [f"{target.name}{d}" for d in _same(figures, want)]
    assert not problems, "\n".join(problems[:40])
