"""Loader, plan and file messages in Chinese: a bad file, a bad plan value, a bad profile, a bad
command each describe themselves in 中文 with ``--lang zh`` / ``describe("zh")``, with no English
word left but the names, ids, paths and values they carry, and in the same English as before."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from spaceplanner import SpacePlannerError, load_plan
from spaceplanner.cli import main
from spaceplanner.i18n import Template, Text, say
from spaceplanner.layers.problems import Problem
from spaceplanner.model.commands import AddLayer, CommandStack, MoveFeature
from spaceplanner.model.plan import PlanLayer
from spaceplanner.model.rules import load_profile

UTM = "EPSG:32635"
X0, Y0 = 385_000.0, 6_672_000.0
#: Names of formats, standards and tools kept as they are in Chinese text.
TERMS = {"GeoPackage", "Shapefile", "CSV", "TOML", "GDAL", "EPSG", "UTM", "CRS", "WGS", "OSM"}
WORD = re.compile(r"[A-Za-z]{3,}")


def _values(text: Any) -> list[str]:
    """Every value a message carries (recursively), as shown: names, ids, numbers, paths."""
    if isinstance(text, Text):
        found = []
        for value in text.params.values():
            found += _values(value) if isinstance(value, Text | Template) else [str(value)]
        return found
    return []


def english_left(zh: str, *carriers: Any, names: tuple[str, ...] = ()) -> list[str]:
    """English words of 3+ letters in ``zh`` outside the values of ``carriers`` (messages and
    hints), ``names`` (file, layer, field, feature), code (in backticks, options, file names)
    and format names."""
    rest = re.sub(r"`[^`]*`|--[\w-]+|\S*\.[A-Za-z]+\b", " ", zh)
    for value in sorted({v for c in carriers for v in _values(c)} | set(names), key=len)[::-1]:
        if value:
            rest = rest.replace(value, " ")
    return [w for w in WORD.findall(rest) if w not in TERMS]


def _where(exc: SpacePlannerError | Problem) -> tuple[str, ...]:
    return tuple(str(v) for v in (exc.file, exc.layer, exc.field, exc.feature) if v)


def write_plan(folder: Path, layers: dict[str, dict[str, str]]) -> Path:
    lines = ['name = "test"']
    for name, options in layers.items():
        lines.append(f"\n[layers.{name}]")
        lines += [f'{key} = "{value}"' for key, value in options.items()]
    path = folder / "plan.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_residents(folder: Path) -> str:
    frame = gpd.GeoDataFrame(
        {"id": ["R1", "R2"], "population": [120, 80]},
        geometry=[Point(X0, Y0), Point(X0 + 100, Y0 + 60)],
        crs=UTM,
    )
    frame.to_file(folder / "residents.gpkg")
    return "residents.gpkg"


def load_error(plan: Path) -> SpacePlannerError:
    with pytest.raises(SpacePlannerError) as caught:
        load_plan(plan)
    return caught.value


def test_missing_file_in_chinese_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write_plan(
        tmp_path,
        {
            "residents": {"path": good_residents(tmp_path)},
            "shelters": {"path": "nowhere/shelters.gpkg"},
        },
    )
    assert main(["validate", str(plan), "--lang", "zh"]) == 2
    out = capsys.readouterr().out
    (problem,) = [p for p in load_plan(plan, strict=False).problems if p.severity == "error"]
    zh = problem.relative_to(tmp_path).describe("zh")
    assert zh in out, out
    assert "找不到文件" in zh and "请检查方案中的路径" in zh and "图层“shelters”" in zh
    assert english_left(zh, names=_where(problem.relative_to(tmp_path))) == []
    # the same problem in English, as before
    assert main(["validate", str(plan), "--lang", "en"]) == 2
    english = capsys.readouterr().out
    assert "layer 'shelters': file not found — check the path in the plan" in english


def test_coordinates_that_are_not_numbers(tmp_path: Path) -> None:
    table = tmp_path / "shelters.csv"
    table.write_text("id,lon,lat\nS1,24.9,60.2\nS2,abc,60.3\nS3,x,y\n", encoding="utf-8")
    plan = write_plan(
        tmp_path,
        {"residents": {"path": good_residents(tmp_path)}, "shelters": {"path": table.name}},
    )
    exc = load_error(plan)
    zh = exc.describe("zh")
    assert "不是数字" in zh and "第 3 行（另有 1 行）" in zh and "请修正或删除这些行" in zh
    assert exc.field == "lon/lat"
    assert english_left(zh, exc.message, exc.hint, names=_where(exc)[:3]) == []
    en = exc.describe("en")
    assert en == str(exc)
    assert "coordinates 'abc', '60.3' are not numbers — fix or remove those rows" in en
    assert "feature row 3 (and 1 more)" in en


def test_duplicate_ids_and_a_value_above_the_maximum(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        {"code": ["A", "A"], "population": [120, 80]},
        geometry=[Point(X0, Y0), Point(X0 + 100, Y0)],
        crs=UTM,
    )
    frame.to_file(tmp_path / "homes.gpkg")
    plan = tmp_path / "plan.toml"
    plan.write_text('[layers.residents]\npath = "homes.gpkg"\nid = "code"\n', encoding="utf-8")
    exc = load_error(plan)
    zh = exc.describe("zh")
    assert "有 2 个要素的编号重复" in zh and "SpacePlanner 自动编号" in zh
    assert english_left(zh, exc.message, exc.hint, names=(*_where(exc), "SpacePlanner")) == []
    assert "2 features have duplicate ids" in exc.describe("en")

    frame.assign(code=["A", "B"], population=[120, 2e7]).to_file(tmp_path / "homes.gpkg")
    exc = load_error(plan)
    zh = exc.describe("zh")
    # the unit is a word of the language too
    assert "超过单个要素的合理上限 10,000,000 人" in zh, zh
    assert english_left(zh, exc.message, exc.hint, names=_where(exc)) == []
    assert "above the plausible maximum of 10,000,000 persons for one feature" in exc.describe("en")


def test_a_repair_note_in_chinese(tmp_path: Path) -> None:
    bowtie = gpd.GeoDataFrame(
        {"id": ["S1", "S2"]},
        geometry=[
            box(X0, Y0 + 200, X0 + 40, Y0 + 240),
            gpd.GeoSeries.from_wkt(
                [
                    f"POLYGON (({X0} {Y0}, {X0 + 40} {Y0 + 40}, {X0 + 40} {Y0}, {X0} {Y0 + 40}, "
                    f"{X0} {Y0}))"
                ]
            ).iloc[0],
        ],
        crs=UTM,
    )
    bowtie.to_file(tmp_path / "shelters.gpkg")
    plan = write_plan(
        tmp_path,
        {"residents": {"path": good_residents(tmp_path)}, "shelters": {"path": "shelters.gpkg"}},
    )
    repairs = [p for p in load_plan(plan, strict=False).problems if p.severity == "repair"]
    assert len(repairs) == 1
    zh = repairs[0].describe("zh")
    assert "已用 make_valid 修复 1 个无效几何" in zh and "请检查修复后的形状" in zh
    assert english_left(zh, repairs[0].message, names=(*_where(repairs[0]), "make_valid")) == []
    assert "repaired 1 invalid geometries with make_valid" in repairs[0].describe("en")


def test_bad_profile_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(SpacePlannerError) as caught:
        load_profile("cn-gbb")
    exc = caught.value
    zh = exc.describe("zh")
    assert "未知的规则配置“cn-gbb”" in zh and "是否指“cn-gb”" in zh
    assert english_left(zh, exc.message, exc.hint) == []
    assert exc.describe("en") == (
        "unknown rule profile 'cn-gbb' — did you mean 'cn-gb'?, or give the path of a profile .toml"
    )

    broken = tmp_path / "mine.toml"
    broken.write_text('name = "mine"\n[shelters]\ndefault_class = "emergency"\n', "utf-8")
    with pytest.raises(SpacePlannerError) as caught:
        load_profile(broken)
    zh = caught.value.describe("zh")
    assert "默认避难场所类别“emergency”没有规则" in zh
    assert caught.value.field == "shelters.default_class"
    assert english_left(zh, caught.value.message, names=_where(caught.value)) == []


def test_bad_command_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["new", str(tmp_path / "p.gpkg"), "--osm", "x.osm.pbf", "--bbox", "24.9,60.1"]
    assert main([*args, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert "错误：" in err and "--bbox 应为以度为单位的四个数" in err
    assert english_left(err, names=("24.9,60.1",)) == []
    assert main([*args, "--lang", "en"]) == 2
    assert "--bbox must be four numbers W,S,E,N in degrees, not '24.9,60.1'" in (
        capsys.readouterr().err
    )


def test_undo_labels_are_said_in_the_language(tmp_path: Path) -> None:
    plan = load_plan(write_plan(tmp_path, {"residents": {"path": good_residents(tmp_path)}}))
    stack = CommandStack(plan)
    stack.push(MoveFeature("residents", "R1", 10.0, 0.0))
    assert stack.undo_label == "Move feature"
    assert say(stack.undo_label, "zh") == "移动要素"
    extra = PlanLayer("more", "residents", frame=plan.layers["residents"].frame.copy())
    stack.push(AddLayer(extra))
    assert say(stack.undo_label, "zh") == "添加图层"
    assert say("Add polygon", "zh") == "添加面"
