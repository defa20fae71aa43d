"""One message catalogue for the engine, the outputs and the app (spaceplanner.i18n): engine
texts stay English strings, are said in Chinese with their values, survive pickling, and the
Chinese outputs of the samples hold no English a reader would have to read."""

from __future__ import annotations

import csv
import pickle
import re
from pathlib import Path

import pytest

from spaceplanner import i18n
from spaceplanner.i18n import Text, say, tx
from spaceplanner.layers.errors import LayerError

#: templates of the engine (spaceplanner/engine/siting.py), translated in the catalogue
NEAR = "{gap:.1f} m from {kind} {id}, closer than {distance:g} m; the part inside is not counted"
INSIDE = "{share:.0%} of the site lies in the {hazard} zone ({layer}); that part is not counted"


def test_a_template_formats_to_the_english_sentence_and_remembers_its_values() -> None:
    text = tx(
        "{gap:.1f} m from {kind} {id}, closer than {distance:g} m; the part inside is not counted"
    ).format(gap=42.0, kind=tx("petrol station"), id="WX01", distance=50.0)
    assert (
        text == "42.0 m from petrol station WX01, closer than 50 m; the part inside is not counted"
    )
    assert isinstance(text, str) and isinstance(text, Text)
    assert text.params["id"] == "WX01"


def test_say_puts_template_and_word_values_into_chinese_and_keeps_names() -> None:
    text = tx(
        "{gap:.1f} m from {kind} {id}, closer than {distance:g} m; the part inside is not counted"
    ).format(gap=42.0, kind=tx("petrol station"), id="WX01", distance=50.0)
    zh = say(text, "zh")
    assert zh == "距加油站 WX01 42.0 米，小于防护距离 50 米；范围内部分不计入"
    assert say(text, "en") == str(text)


def test_a_text_the_catalogue_lacks_stays_english() -> None:
    text = tx("a sentence nobody translated {n}").format(n=3)
    assert say(text, "zh") == "a sentence nobody translated 3"
    assert say("GB 50413-2007 §8.2.9: emergency shelter ≥ 0.1 ha", "zh").startswith(
        "GB 50413-2007 §8.2.9："
    )
    assert say("not in the catalogue", "zh") == "not in the catalogue"
    assert say(None, "zh") == ""


def test_texts_survive_pickling_with_their_values() -> None:
    # Dask ships reports between processes; the desktop's crash recovery pickles them
    text = tx("pipeline {id} crosses the site").format(id="P1")
    from spaceplanner.results.words import join_sources

    both = pickle.loads(pickle.dumps([text, join_sources([text, tx("unknown")])]))
    assert say(both[0], "zh") == "管道 P1 穿越场地"
    assert both[1] == "pipeline P1 crosses the site; unknown"
    assert say(both[1], "zh") == "管道 P1 穿越场地；未知"


def test_one_english_word_with_two_meanings_has_two_translations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ts = tmp_path / "spaceplanner_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>@default</name>'
        "<message><source>emergency</source><comment>shelter class</comment>"
        "<translation>紧急避难场所</translation></message>"
        "<message><source>emergency</source><comment>period</comment>"
        "<translation>急时</translation></message>"
        '<message><source>left</source><translation type="unfinished">剩</translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "_FOLDER", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        assert say(tx("emergency", "shelter class"), "zh") == "紧急避难场所"
        assert say(tx("emergency", "period"), "zh") == "急时"
        assert say("left", "zh") == "left"  # an unfinished translation is not used
    finally:
        i18n.catalogue.cache_clear()


def test_an_error_is_described_in_the_chosen_language() -> None:
    err = LayerError(
        tx(
            "{share:.0%} of the site lies in the {hazard} zone ({layer}); that part is not counted"
        ).format(share=0.62, hazard=tx("flood"), layer="flood_zone"),
        file="plan.gpkg",
        layer="shelters",
        feature="BN02",
    )
    assert err.describe("en").startswith(
        "plan.gpkg, layer 'shelters', feature BN02: 62% of the site"
    )
    zh = err.describe("zh")
    where, what = zh.split("：", 1)
    assert where == "plan.gpkg，图层“shelters”，要素 BN02"
    assert what == "场地的 62% 位于洪涝风险区（flood_zone）内；该部分不计入"
    i18n.set_lang("zh")
    assert err.describe() == zh
    assert str(err) == err.describe("en")  # the exception's own text stays English (logs)


def test_the_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPACEPLANNER_LANG")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert i18n.default_lang() == "zh"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert i18n.default_lang() == "en"
    monkeypatch.setenv("SPACEPLANNER_LANG", "zh")
    assert i18n.default_lang() == "zh"
    i18n.set_lang("en")
    assert i18n.current_lang() == "en"


def test_the_cli_says_a_bad_input_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spaceplanner.cli import main

    spec = tmp_path / "plan.toml"
    spec.write_text('name = "x"\n[layers.homes]\npath = "nowhere.gpkg"\n', encoding="utf-8")
    assert main(["evaluate", str(spec), "--lang", "zh", "--json", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：")
    assert "Traceback" not in err


# --- the Chinese outputs of the samples ---------------------------------------------------

#: Words that are not English prose: units, standard and code names, the product's name.
_NOT_PROSE = {
    "EPSG", "CGCS", "GB", "GBK", "CJJ", "WGS", "kV", "km", "ha", "SpacePlanner", "OpenStreetMap",
    "OSM", "CSV", "PDF", "HTML", "STANDARDS", "md", "ODbL", "contributors", "HSY", "MML",
    "momepy", "BSD", "Clause", "Prague", "Bubene",  # a sample's data source and its licence
}  # fmt: skip
_CODE = re.compile(r"\b[\w.:/-]*[_.:/][\w.:/-]*\b")  # ids, rule codes, file names, URLs, CRS codes
_WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")


def english_words(text: str, data_words: set[str]) -> set[str]:
    """The English words of ``text`` outside codes, units and the plan's own texts."""
    text = _CODE.sub(" ", text)
    text = re.sub(r"“[^”]*”", " ", text)  # a code the user typed, quoted as typed (“flood”)
    return {w for w in _WORD.findall(text) if w not in _NOT_PROSE and w.lower() not in data_words}


def plan_words(plan_path: Path) -> set[str]:
    """Words of the plan's own texts (its name, description, attribution, layer names, feature
    ids and names): shown as the plan's author wrote them."""
    from spaceplanner.model.plan import load_plan
    from spaceplanner.model.rules import list_profiles

    plan = load_plan(plan_path)
    texts = [plan.name, plan.description, *list_profiles()]  # profile names are codes
    for layer in plan.layers.values():
        texts.append(layer.name)
        texts.append(str(layer.options.get("attribution", "")))
        frame = layer.frame
        if frame is None:
            continue
        for column in frame.columns:
            if column != "geometry" and frame[column].dtype == object:
                texts.extend(str(v) for v in frame[column].dropna().unique()[:5000])
    return {w.lower() for t in texts for w in _WORD.findall(str(t))}


def _page_text(page: str) -> str:
    """The words a reader sees on a page we wrote: the HTML outside scripts and styles, and the
    web map's boxes (title, legend, layers) and popups."""
    import html
    import json

    boxes = re.findall(r'<div id="sp-(?:title|legend|layers)".*?</div>\s*</div>', page, re.S)
    popups = [json.loads(m) for m in re.findall(r'"popup":\s*("(?:[^"\\]|\\.)*")', page)]
    if not boxes and not popups:  # report.html
        boxes = [re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)]
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join([*boxes, *popups])))


@pytest.mark.parametrize("sample", ["synthetic_cn", "bubenec"])
def test_the_chinese_outputs_of_a_sample_hold_no_english_prose(sample: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from spaceplanner.cli import main
    from spaceplanner.sample_maps import get_path

    out = tmp_path / "out"
    args = ["export", "--sample", sample, "--format", "html,pdf,csv", "--lang", "zh"]
    code = main([*args, "--out", str(out), "-q"])
    assert code == 0
    data = plan_words(get_path(sample))
    found: dict[str, set[str]] = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            text = " ".join(" ".join(r) for r in rows)
        elif path.suffix == ".html":
            text = _page_text(path.read_text(encoding="utf-8"))
        elif path.suffix == ".pdf":
            text = " ".join(p.extract_text() or "" for p in PdfReader(path).pages)
        else:
            continue
        words = english_words(text, data)
        if words:
            found[path.name] = words
    assert not found, f"English left in the Chinese outputs of {sample}: {found}"
