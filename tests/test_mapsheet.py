"""The printable map sheet: page size, format, text and fonts, for every sample map."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest

from spaceplanner import Plan, Report, evaluate, load_plan
from spaceplanner.outputs.mapsheet import PAPERS_MM, PNG_DPI, write_map_sheet
from spaceplanner.sample_maps import get_path

SAMPLES = ("synthetic_cn", "helsinki", "bubenec")
SHEETS = (("A4", "landscape", "en"), ("A3", "portrait", "zh"))
PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module", params=SAMPLES)
def evaluated(request: pytest.FixtureRequest) -> tuple[Plan, Report]:
    plan = load_plan(get_path(request.param))
    return plan, evaluate(plan, scenario="all")


def _size_mm(paper: str, orientation: str) -> tuple[float, float]:
    width, height = PAPERS_MM[paper]
    return (width, height) if orientation == "landscape" else (height, width)


def _media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install the Debian package poppler-utils")
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
    return done.stdout


@pytest.mark.parametrize(("paper", "orientation", "lang"), SHEETS)
def test_pdf_sheet(
    evaluated: tuple[Plan, Report], tmp_path: Path, paper: str, orientation: str, lang: str
) -> None:
    plan, report = evaluated
    path = write_map_sheet(
        plan, report, tmp_path / "sheet.pdf", paper=paper, orientation=orientation, lang=lang
    )
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    [(width, height)] = _media_boxes(data)
    want_w, want_h = _size_mm(paper, orientation)
    assert width == pytest.approx(want_w * PT_PER_MM, abs=0.5)
    assert height == pytest.approx(want_h * PT_PER_MM, abs=0.5)
    if lang == "zh":
        assert b"NotoSansCJK" in data
    assert plan.name in _pdf_text(path)


@pytest.mark.parametrize(("paper", "orientation", "lang"), SHEETS)
def test_png_sheet(
    evaluated: tuple[Plan, Report], tmp_path: Path, paper: str, orientation: str, lang: str
) -> None:
    plan, report = evaluated
    path = write_map_sheet(
        plan, report, tmp_path / "sheet.png", paper=paper, orientation=orientation, lang=lang
    )
    width, height = _png_size(path.read_bytes())
    want_w, want_h = _size_mm(paper, orientation)
    assert width == pytest.approx(want_w / 25.4 * PNG_DPI, abs=1)
    assert height == pytest.approx(want_h / 25.4 * PNG_DPI, abs=1)
    # a drawn sheet, not an empty page: ink on a good part of it, in many colours
    from PIL import Image

    pixels = np.asarray(Image.open(path).convert("RGB"), dtype=np.int16)
    ink = (pixels < 235).any(axis=2)
    assert 0.05 < ink.mean() < 0.9
    assert len(np.unique(pixels[ink].reshape(-1, 3) // 32, axis=0)) >= 12


@pytest.fixture(scope="module")
def synthetic() -> tuple[Plan, Report]:
    plan = load_plan(get_path("synthetic_cn"))
    return plan, evaluate(plan, scenario="all", period="normal")


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("paper", "Letter"),
        ("orientation", "upright"),
        ("lang", "fr"),
        ("indicator", "cinema"),
        ("indicator", "shelter"),  # not evaluated with period="normal"
    ],
)
def test_unknown_option(
    synthetic: tuple[Plan, Report], tmp_path: Path, option: str, value: str
) -> None:
    plan, report = synthetic
    with pytest.raises(ValueError, match=option if option != "indicator" else "indicator"):
        write_map_sheet(plan, report, tmp_path / "sheet.pdf", **{option: value})
    assert not (tmp_path / "sheet.pdf").exists()


def test_unknown_suffix(synthetic: tuple[Plan, Report], tmp_path: Path) -> None:
    plan, report = synthetic
    with pytest.raises(ValueError, match=r"\.svg"):
        write_map_sheet(plan, report, tmp_path / "sheet.svg", indicator="space_5min")


def test_other_indicator(synthetic: tuple[Plan, Report], tmp_path: Path) -> None:
    plan, report = synthetic
    path = write_map_sheet(plan, report, tmp_path / "sheet.pdf", indicator="kindergarten")
    assert "Kindergarten" in _pdf_text(path)


def test_no_cjk_font(
    synthetic: tuple[Plan, Report], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib import font_manager

    plan, report = synthetic
    fonts = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", fonts)
    with pytest.raises(RuntimeError, match="fonts-noto-cjk"):
        write_map_sheet(plan, report, tmp_path / "sheet.pdf", lang="zh", indicator="space_5min")


def test_normal_period_sheet_shows_the_first_indicator(tmp_path: Path) -> None:
    """A report of the normal period has no shelters: the sheet shows its first indicator."""
    plan = load_plan(get_path("synthetic_cn"))
    report = evaluate(plan, period="normal")
    assert report.to_dict()["shelters"] is None
    out = write_map_sheet(plan, report, tmp_path / "normal.png")
    assert out.stat().st_size > 10_000
    with pytest.raises(ValueError, match="unknown indicator 'shelter'"):
        write_map_sheet(plan, report, tmp_path / "x.png", indicator="shelter")


def test_title_and_subtitle_are_the_users(synthetic: tuple[Plan, Report], tmp_path: Path) -> None:
    plan, report = synthetic
    path = write_map_sheet(
        plan,
        report,
        tmp_path / "sheet.pdf",
        title="江畔社区 5分钟生活圈",
        subtitle="Draft for the residents' meeting",
        indicator="space_5min",
    )
    text = _pdf_text(path)
    assert "江畔社区 5分钟生活圈" in text and "Draft for the residents' meeting" in text
    assert "map sheet" not in text  # the default title gave way


@pytest.mark.parametrize(("paper", "orientation"), [("A4", "landscape"), ("A3", "portrait")])
def test_the_north_arrow_lies_beside_the_map(paper: str, orientation: str) -> None:
    """No symbol of the map can collide with the north arrow: it has its own place on the
    page, overlapping neither the map nor the legend nor the table."""
    from shapely.geometry import box

    from spaceplanner.outputs.mapsheet import _layout

    layout = _layout(*_size_mm(paper, orientation))

    def rect(r: tuple[float, float, float, float]):
        return box(r[0], r[1], r[0] + r[2], r[1] + r[3])

    north = rect(layout.north)
    assert box(0, 0, 1, 1).contains(north) and north.area > 0
    for other in (layout.map, layout.legend, layout.table, layout.header, layout.footer):
        assert not north.intersects(rect(other)) or north.intersection(rect(other)).area == 0


def test_residents_and_the_unserved_ones_are_on_the_map_and_in_the_legend() -> None:
    """Helsinki's 5-minute circle leaves residents out: they are drawn, one dot per resident
    unit the report lists, and the legend counts their persons as the report does."""
    from spaceplanner.outputs.mapsheet import _sheet

    plan = load_plan(get_path("helsinki"))
    report = evaluate(plan)
    fig = _sheet(plan, report, (297.0, 210.0), "en", "space_5min")
    left = report.layers["uncovered_residents"]
    left = left[left["indicator"] == "space_5min"]
    assert len(left) > 0
    circle = report.activity_spaces.circles["5min"]
    persons = report.population - circle.population_covered
    assert float(left["population"].sum()) == pytest.approx(persons)
    map_ax = fig.axes[1]
    dots = [
        line
        for line in map_ax.get_lines()
        if line.get_marker() == "o" and line.get_markerfacecolor() == "#d55e00"
    ]
    assert len(dots) == 1 and len(dots[0].get_xdata()) == len(left)
    [legend] = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    labels = [t.get_text() for t in legend.get_texts()]
    assert "Residents" in labels
    assert any(t.startswith("Residents not covered") and f"({persons:,.0f})" in t for t in labels)


def test_export_draws_the_chosen_indicator_under_the_users_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spaceplanner.cli import main

    out = tmp_path / "out"
    args = ["export", "--sample", "synthetic_cn", "--format", "pdf", "--out", str(out)]
    title = ["--title", "江畔社区 公共活动空间", "--subtitle", "Residents' meeting, 3 May"]
    assert main([*args, "--indicator", "space_5min", *title, "-q"]) == 0
    text = _pdf_text(out / "map_sheet.pdf")
    assert "江畔社区 公共活动空间" in text and "Residents' meeting, 3 May" in text
    assert "5-minute circle activity space" in text  # the indicator drawn, named in the header
    # an indicator the evaluation did not make: one message, exit 2, nothing written
    again = tmp_path / "again"
    bad = ["export", "--sample", "synthetic_cn", "--format", "pdf", "--out", str(again)]
    assert main([*bad, "--period", "normal", "--indicator", "shelter"]) == 2
    err = capsys.readouterr().err
    assert "indicator 'shelter' was not evaluated" in err and "space_5min" in err
    assert not (again / "map_sheet.pdf").exists()


def test_map_sheet_options_without_a_map_sheet_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spaceplanner.cli import main

    args = ["export", "--sample", "synthetic_cn", "--format", "csv", "--out", str(tmp_path / "o")]
    assert main([*args, "--title", "A title"]) == 2
    assert "--title is an option of the map sheet" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
