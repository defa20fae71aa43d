"""Engine, results and command-line messages in Chinese: the same failure said with ``--lang zh``
(or ``describe("zh")``, ``say(text, "zh")``) reads Chinese, with the names, ids, paths and codes
kept as values, and the English sentence is what it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spaceplanner.cli import main
from spaceplanner.engine.evaluation import Evaluator, evaluate
from spaceplanner.engine.notes import problem_text
from spaceplanner.engine.suggest import suggest
from spaceplanner.feedback import step_label
from spaceplanner.i18n import say, set_lang
from spaceplanner.layers.errors import PlanError
from spaceplanner.layers.problems import Problem
from spaceplanner.model.plan import load_plan
from spaceplanner.outputs.exports import check_export
from spaceplanner.sample_maps import get_path


def english_left(text: str, *values: str) -> list[str]:
    """Words of three or more Latin letters in ``text`` once the values (names, ids, paths,
    codes the user typed) are taken out: what a Chinese reader would still read in English."""
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    return re.findall(r"[A-Za-z]{3,}", text)


def add_to_plan(plan: Path, text: str) -> Path:
    plan.write_text(plan.read_text(encoding="utf-8") + text, encoding="utf-8")
    return plan


# -- errors --------------------------------------------------------------------------------------


def test_an_unknown_scenario_is_said_in_chinese_by_the_cli(community: Path, capsys) -> None:
    assert (
        main(["evaluate", str(community), "--scenario", "flod", "--json", "-", "--lang", "zh"]) == 2
    )
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：")
    assert "字段“scenario”" in err and "未知的灾害情景“flod”" in err
    assert "是否是指“flood”" in err and "可选情景" in err
    names = ("flood", "earthquake", "fire", "all", "flod", "scenario")
    assert english_left(err, str(community), *names) == []
    # the same run in English (another process: the language is chosen anew) says what it said
    set_lang(None)
    assert main(["evaluate", str(community), "--scenario", "flod", "--json", "-"]) == 2
    err = capsys.readouterr().err
    assert "field 'scenario': unknown scenario 'flod' — did you mean 'flood'?" in err


def test_a_target_for_no_indicator_names_the_field_in_both_languages(community: Path) -> None:
    plan = load_plan(add_to_plan(community, "\n[targets]\nshelter.sheltred = 0.9\n"))
    with pytest.raises(PlanError) as caught:
        Evaluator(plan).evaluate()
    err = caught.value
    assert err.field == "targets.shelter.sheltred" and err.file == str(community)
    assert "no indicator 'shelter.sheltred' to set a target for" in err.describe("en")
    assert "did you mean 'shelter.sheltered'?" in err.describe("en")
    zh = err.describe("zh")
    assert "没有可设定目标的指标“shelter.sheltred”" in zh and "是否指" in zh
    names = ("targets.shelter.sheltred", "shelter.sheltered", "shelter.sheltred")
    assert english_left(zh, str(community), *names) == []


def test_a_share_target_above_one_is_refused_in_chinese(community: Path) -> None:
    plan = load_plan(add_to_plan(community, "\n[targets]\nshelter.sheltered = 1.5\n"))
    with pytest.raises(PlanError) as caught:
        evaluate(plan)
    zh = caught.value.describe("zh")
    assert "是比例，不得大于 1" in zh and "如 0.95 表示 95 %" in zh
    assert english_left(zh, str(community), "targets.shelter.sheltered", "shelter.sheltered") == []
    assert "is a share and must be at most 1 — e.g. 0.95 for 95 %" in caught.value.describe("en")


def test_a_bad_suggest_command_is_said_in_chinese(community: Path, capsys) -> None:
    assert main(["suggest", str(community), "--target", "1.5", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert "--target 1.5 不是比例" in err and "字段“target”" in err
    assert "请给出 0 到 1 之间的比例" in err
    assert english_left(err, str(community), "--target", "target") == []
    set_lang(None)
    assert main(["suggest", str(community), "--add", "0"]) == 2
    assert "--add 0 is not a number of sites — give a whole number of at least 1" in (
        capsys.readouterr().err
    )


def test_suggesting_from_a_missing_candidates_layer_in_chinese(community: Path) -> None:
    plan = load_plan(community)
    with pytest.raises(PlanError) as caught:
        suggest(plan, candidates="sites", add=1)
    err = caught.value
    assert err.layer == "sites"
    assert "no candidates layer 'sites' in the plan" in err.describe("en")
    zh = err.describe("zh")
    assert "规划中没有备选场地图层“sites”" in zh and "--candidates auto" in zh
    assert english_left(zh, str(community), "sites", "candidates", "--candidates auto") == []


def test_an_unknown_export_format_in_chinese(community: Path, tmp_path: Path) -> None:
    plan = load_plan(community)
    with pytest.raises(PlanError) as caught:
        check_export(plan, tmp_path / "out", ["pdf", "docs"])
    err = caught.value
    assert err.field == "format"
    assert err.describe("en").startswith("field 'format': unknown export format docs — formats:")
    zh = err.describe("zh")
    assert "未知的导出格式 docs" in zh and "可选格式" in zh
    formats = zh.split("可选格式：")[1].split(", ")
    assert english_left(zh, "format", "docs", *formats) == []


# -- notes, violations, indicators, steps -------------------------------------------------------


def test_the_notes_and_violations_of_a_sample_read_chinese() -> None:
    report = evaluate(load_plan(get_path("synthetic_cn")), scenario="all")
    hv = next(v for v in report.violations if v.rule == "prevent.hv_line")
    assert (
        hv.message == "10.0 m from HV line WX02, closer than 12.5 m; the part inside is not counted"
    )
    zh = say(hv.message, "zh")
    assert zh == "距高压线 WX02 10.0 米，小于防护距离 12.5 米；范围内部分不计入"
    for v in report.violations:
        said = say(v.message, "zh")
        assert said != v.message
        assert english_left(said, v.site.layer, v.site.feature, "flood_zone") == []
    bubenec = evaluate(load_plan(get_path("bubenec")))
    note = next(n for n in bubenec.notes if n.code == "hazard_types_not_counted")
    assert (
        note.text == "hazard types not part of scenario 'earthquake': flood (they count in 'all')"
    )
    assert say(note.text, "zh") == (
        "不属于灾害情景“earthquake”的灾害类型：洪涝（在“all”全部灾害情景中计入）"
    )


def test_a_loading_problem_as_a_note_is_said_whole() -> None:
    problem = Problem(
        "warning", "3 features skipped", file="a.gpkg", layer="homes", hint="fix the geometry"
    )
    text = problem_text(problem)
    assert text == f"loading: {problem.describe('en')}"
    zh = say(text, "zh")
    assert zh.startswith("加载：a.gpkg，图层“homes”：")


def test_an_indicator_not_assessed_says_why_in_chinese(community: Path) -> None:
    plan = load_plan(community)
    del plan.layers["shelters"]
    report = evaluate(plan)
    sheltered = next(i for i in report.indicators if i.id == "shelter.sheltered")
    assert sheltered.status == "not_assessed"
    assert sheltered.reason == "the plan has no shelters and no dual-use space"
    assert say(sheltered.reason, "zh") == "规划中没有避难场所，也没有平急两用空间"


def test_step_names_in_both_languages() -> None:
    assert step_label("network") == "network and residents"
    assert step_label("network", lang="zh") == "路网与居民"
    assert step_label("shelters", "flood", lang="zh") == "避难场所 flood"


# -- the command line's summaries ----------------------------------------------------------------


def test_evaluate_prints_its_summary_in_chinese(tmp_path: Path, capsys) -> None:
    def run(name: str, *lang: str) -> str:
        json_file = str(tmp_path / name)
        assert main(["evaluate", "--sample", "synthetic_cn", "--json", json_file, *lang]) == 0
        return capsys.readouterr().out

    english = run("en.json")
    assert "Population 14,400 (10 resident points; 0 beyond reach of the network)" in english
    assert "Scenario flood, period both" in english
    assert "Indicators: 5 of 13 targets met" in english
    assert "Violations (7): 让 give_way.entrances ×3" in english
    chinese = run("zh.json", "--lang", "zh")
    assert "人口 14,400（10 个居民点；0 人在路网可达范围以外）" in chinese
    assert "灾害情景：洪涝，时期：平时和灾时" in chinese
    assert "指标：13 项目标中 5 项达标" in chinese
    assert "选址问题（7 项）：让 不同方向的出入口 ×3" in chinese and "加油站防护距离" in chinese
    # what is written is the same English contract in both languages
    written = [
        json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("en.json", "zh.json")
    ]
    for key in ("violations", "notes", "indicators"):
        assert written[0][key] == written[1][key]
    values = (
        "江畔社区 (SYNTHETIC 虚构示例)",
        "cn-gb",
        "EPSG",
        str(tmp_path / "zh.json"),
        "min",
        "BN02",
    )
    for line in chinese.splitlines():
        assert english_left(line, *values) == [], line


def test_a_missing_output_folder_is_said_in_chinese(tmp_path: Path, capsys) -> None:
    target = tmp_path / "nowhere" / "r.json"
    args = ["evaluate", "--sample", "synthetic_cn", "--json", str(target)]
    assert main([*args, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert "输出文件所在的文件夹不存在" in err and "请先创建该文件夹" in err
    assert english_left(err, str(target)) == []
    set_lang(None)
    assert main(args) == 2
    assert "the folder of the output file does not exist" in capsys.readouterr().err


def test_validate_and_info_print_chinese(community: Path, capsys) -> None:
    assert main(["validate", str(community), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "结果：可用（0 个错误" in out
    assert "图层" in out and "角色" in out and "避难场所" in out
    set_lang(None)
    assert main(["validate", str(community)]) == 0
    assert "Result: usable (0 errors" in capsys.readouterr().out
    assert main(["info", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "示例地图：" in out and "图层角色（标 * 的字段为必填）：" in out
    assert "population* [人]" in out
