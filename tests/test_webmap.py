"""The offline web map: self-contained, escaped, and drawn by a real browser with no network."""

from __future__ import annotations

import base64
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from spaceplanner import evaluate, load_plan
from spaceplanner.model.plan import Plan
from spaceplanner.outputs.webmap import map_layers, write_webmap
from spaceplanner.outputs.webmap_layers import RESIDENT_POINTS_LIMIT
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report
from spaceplanner.sample_maps import get_path

SAMPLES = ("synthetic_cn", "helsinki", "bubenec")
CHROMIUM = "/usr/bin/chromium"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def evaluated() -> dict[str, tuple[Plan, Report]]:
    """Each sample map and its evaluation (all hazards)."""
    out = {}
    for sample in SAMPLES:
        plan = load_plan(get_path(sample))
        out[sample] = (plan, evaluate(plan, scenario="all"))
    return out


class _Links(HTMLParser):
    """Collects <script src> and <link href> values and counts inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            if values.get("src"):
                self.urls.append(str(values["src"]))
            else:
                self.inline_scripts += 1
        if tag == "link" and values.get("href"):
            self.urls.append(str(values["href"]))


def _unescape_json(text: str) -> str:
    r"""Undo the ``\uXXXX`` escapes folium uses for ``<``, ``>``, ``&`` in embedded JSON."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def _chromium(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless chromium on ``page`` with every network request made to fail."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium); "
            "the web map test needs a real browser"
        )
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
        "--window-size=1400,900",
        *args,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Uncaught" not in done.stderr, done.stderr[-2000:]
    return done


@pytest.mark.parametrize("sample", SAMPLES)
def test_page_is_self_contained(
    sample: str, evaluated: dict[str, tuple[Plan, Report]], tmp_path: Path
) -> None:
    plan, report = evaluated[sample]
    page = write_webmap(plan, report, tmp_path / "map.html")
    text = page.read_text(encoding="utf-8")
    links = _Links()
    links.feed(text)
    assert not [u for u in links.urls if u.startswith(("http://", "https://", "//"))]
    assert links.urls == []  # nothing is linked: every script and style is inline
    assert "Leaflet 1.9.3" in text and links.inline_scripts >= 2
    assert "cdn." not in text and "sourceMappingURL" not in text
    assert "L.control.scale({imperial: false" in text  # metres only
    assert html.escape(report.to_dict()["plan"]) in text


def test_no_basemap_unless_asked(evaluated: dict[str, tuple[Plan, Report]], tmp_path: Path) -> None:
    plan, report = evaluated["synthetic_cn"]
    offline = write_webmap(plan, report, tmp_path / "offline.html").read_text(encoding="utf-8")
    assert "L.tileLayer" not in offline
    online = write_webmap(plan, report, tmp_path / "online.html", basemap="OpenStreetMap")
    assert "L.tileLayer" in online.read_text(encoding="utf-8")


def test_attribute_text_is_escaped(tmp_path: Path) -> None:
    plan = load_plan(get_path("synthetic_cn"))
    frame = plan.layers["facilities"].frame
    assert frame is not None
    frame.loc[frame["id"] == "SS01", "name"] = XSS  # SS01 also has a 避 violation
    report = evaluate(plan, scenario="all")
    assert any(v["name"] == XSS for v in report.to_dict()["violations"])
    text = _unescape_json(write_webmap(plan, report, tmp_path / "map.html").read_text("utf-8"))
    assert XSS not in text
    assert text.count(html.escape(XSS)) >= 4  # tooltip and popup of the site and the violation


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_labels_follow_language(
    lang: str, evaluated: dict[str, tuple[Plan, Report]], tmp_path: Path
) -> None:
    plan, report = evaluated["synthetic_cn"]
    text = write_webmap(plan, report, tmp_path / "map.html", lang=lang).read_text("utf-8")
    text = _unescape_json(text)
    assert ("图例" in text) == (lang == "zh")
    assert ("Legend" in text) == (lang == "en")


@pytest.mark.parametrize("sample", SAMPLES)
def test_browser_draws_every_feature_offline(
    sample: str, evaluated: dict[str, tuple[Plan, Report]], tmp_path: Path
) -> None:
    plan, report = evaluated[sample]
    page = write_webmap(plan, report, tmp_path / "map.html")
    shown = [lyr for lyr in map_layers(plan, report) if lyr.show]
    # violations and facility points are drawn as icons (a shape per principle or kind)
    icons = [
        lyr.symbol is not None or (lyr.group == "facilities" and f["geometry"]["type"] == "Point")
        for lyr in shown
        for f in lyr.features
    ]
    paths, markers = icons.count(False), icons.count(True)
    assert paths > 0

    dom = _chromium(page, tmp_path, "--dump-dom").stdout
    assert len(re.findall(r'<path class="leaflet-interactive"', dom)) == paths
    assert dom.count('class="leaflet-marker-icon') == markers
    assert 'class="leaflet-control-scale' in dom
    assert 'id="sp-legend"' in dom and 'id="sp-title"' in dom
    checkboxes = re.findall(r'<input type="checkbox" class="leaflet-control-layers-selector"', dom)
    assert len(checkboxes) == len(map_layers(plan, report))

    png = tmp_path / "map.png"
    _chromium(page, tmp_path, f"--screenshot={png}")
    with Image.open(png) as image:
        assert image.size == (1400, 900)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # a drawn map, not a blank page


# -- aggregated pages: above RESIDENT_POINTS_LIMIT residents ------------------------------------


@pytest.fixture(scope="module")
def district() -> tuple[Plan, Report]:
    """A synthetic district of 12,000 resident points (above the detail limit)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synthetic_city import make_city

    plan = make_city(3_000, 12_000, 60, seed=3)
    return plan, evaluate(plan)


def _page_json(text: str, var: str) -> Any:
    """The JSON a ``var <name> = ...;`` line of the page holds."""
    line = next(x.strip() for x in text.splitlines() if x.strip().startswith(f"var {var} = "))
    return json.loads(line[len(f"var {var} = ") :].rstrip(";"))


def _unserved_by_report(report: Report) -> dict[str, float]:
    """The persons each indicator leaves unserved, from the report's own figures."""
    out: dict[str, float] = {}
    if report.shelters is not None:
        out["shelter"] = report.shelters.population_unsheltered
    for kind, f in (report.facilities or {}).items():
        out[kind] = report.population - f.population_covered
    if report.activity_spaces is not None:
        for circle, c in report.activity_spaces.circles.items():
            out[f"space_{circle}"] = report.population - c.population_covered
    return out


def test_a_district_page_draws_gaps_and_only_the_unserved(
    district: tuple[Plan, Report], tmp_path: Path
) -> None:
    plan, report = district
    assert len(report.layers["residents"]) > RESIDENT_POINTS_LIMIT
    text = write_webmap(plan, report, tmp_path / "map.html").read_text("utf-8")
    expected = _unserved_by_report(report)
    assert len(expected) >= 8 and max(expected.values()) > 1000
    # the gap areas drawn carry, per indicator, exactly the persons the report leaves unserved
    gaps = {lyr.item: lyr for lyr in map_layers(plan, report) if lyr.group == "gap_areas"}
    for indicator, persons in expected.items():
        drawn = sum(f["properties"]["population"] for f in gaps[indicator].features)
        assert drawn == pytest.approx(persons, rel=1e-9, abs=1e-6), indicator
    # only the unserved residents are in the page, packed once, with their persons
    table, packed = _page_json(text, "T"), _page_json(text, "P")
    pop = np.array(table["pop"], dtype=float)
    assert len(pop) == len(report.layers["residents"])
    residents = report.layers["residents"]
    for indicator, persons in expected.items():
        bits = np.unpackbits(
            np.frombuffer(base64.b64decode(packed[indicator]["rows"]), dtype=np.uint8),
            bitorder="little",
        )[: len(pop)].astype(bool)
        if indicator == "shelter":
            assert bits.sum() == (residents["unsheltered"] > 1e-6).sum()
            assert sum(packed[indicator]["u"]) == pytest.approx(persons, abs=0.01)
        else:
            assert np.array_equal(bits, ~residents[f"ok_{indicator}"].to_numpy(dtype=bool))
            assert pop[bits].sum() == pytest.approx(persons, abs=1e-6)
    # no resident is a GeoJSON feature of its own; the streets are one shape
    assert text.count('"type": "Feature"') < 1_000  # detailed: 120,000 residents alone
    assert len(text.encode("utf-8")) < 3_000_000
    # coordinates: six decimals at most
    decimals = re.findall(r"\[(-?\d+\.\d+), (-?\d+\.\d+)\]", text)
    assert decimals and max(len(x.split(".")[1]) for pair in decimals for x in pair) <= 6


def test_a_district_page_draws_in_a_browser(district: tuple[Plan, Report], tmp_path: Path) -> None:
    plan, report = district
    page = write_webmap(plan, report, tmp_path / "map.html", lang="zh")
    dom = _chromium(page, tmp_path, "--dump-dom").stdout
    assert 'id="sp-layers"' in dom and "<details open" in dom
    assert "<canvas" in dom  # the unserved residents of the shelter overlay, on a canvas
    checkboxes = re.findall(r'<input type="checkbox" class="leaflet-control-layers-selector"', dom)
    assert len(checkboxes) == len(map_layers(plan, report, lang="zh"))
    assert label("unserved_only", "zh") in dom
    assert "mi<" not in dom and " ft<" not in dom  # a metric scale bar only
    # a click on an unserved resident opens its popup, made on demand from the packed table
    text = page.read_text("utf-8")
    points = re.search(r"var (sp_residents_[0-9a-f]+)", text)
    assert points is not None
    click = (
        '<script>window.addEventListener("load", function () {'
        f' var m = {points.group(1)}.get("shelter").getLayers()[0];'
        ' m.fire("click", {latlng: m.getLatLng()}, true); });</script></html>'
    )
    clicked = tmp_path / "clicked.html"
    clicked.write_text(text.replace("</html>", click), encoding="utf-8")
    dom = _chromium(clicked, tmp_path, "--dump-dom").stdout
    popup = re.search(r'<div class="leaflet-popup-content"[^>]*>(.*?)</table>', dom)
    assert popup is not None
    assert f"<th>{label('unsheltered', 'zh')}</th>" in popup.group(1)
    first = report.layers["residents"]
    assert f"<td>{first.loc[first['unsheltered'] > 1e-6, 'id'].iloc[0]}</td>" in popup.group(1)


def test_layer_control_groups_overlays(
    evaluated: dict[str, tuple[Plan, Report]], tmp_path: Path
) -> None:
    plan, report = evaluated["synthetic_cn"]
    text = write_webmap(plan, report, tmp_path / "map.html").read_text("utf-8")
    control = text[text.index('id="sp-layers"') :]
    control = control[: control.index("<script")]
    summaries = re.findall(r"<summary>([^<(]+) \((\d+)\)</summary>", control)
    layers = map_layers(plan, report)
    assert sum(int(n) for _, n in summaries) == len(layers)
    names = [s.strip() for s, _ in summaries]
    assert names[0] == label("gap_areas", "en") and label("violations", "en") in names
    assert label("sites", "en") in names


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_draws_aggregated(
    sample: str, evaluated: dict[str, tuple[Plan, Report]], tmp_path: Path
) -> None:
    """With the limit at 0 every sample is a district page: its gap areas hold the report's
    unserved persons and its packed residents are exactly the unserved ones."""
    plan, report = evaluated[sample]
    layers = map_layers(plan, report, limit=0)
    expected = _unserved_by_report(report)
    gaps = {lyr.item: lyr for lyr in layers if lyr.group == "gap_areas"}
    packed = {lyr.item: lyr for lyr in layers if lyr.points is not None}
    assert packed and all(not lyr.features for lyr in packed.values())
    for indicator, persons in expected.items():
        drawn = (
            sum(f["properties"]["population"] for f in gaps[indicator].features)
            if (indicator in gaps)
            else 0.0
        )
        assert drawn == pytest.approx(persons, rel=1e-9, abs=1e-6), indicator
        count = packed[indicator].points["count"] if indicator in packed else 0
        residents = report.layers["residents"]
        if indicator == "shelter":
            assert count == (residents["unsheltered"] > 1e-6).sum()
        else:
            assert count == (~residents[f"ok_{indicator}"].astype(bool)).sum()
    write_webmap(plan, report, tmp_path / "map.html", limit=0)


def test_streets_keep_their_popups_on_a_detailed_page(
    evaluated: dict[str, tuple[Plan, Report]],
) -> None:
    """Helsinki: 19 resident points and 2,405 street segments, more than the residents' limit;
    the page is detailed, so every street is its own feature (one shape only when aggregated)."""
    plan, report = evaluated["helsinki"]
    streets = sum(len(lyr.frame) for lyr in plan.by_role("network") if lyr.frame is not None)
    assert streets > RESIDENT_POINTS_LIMIT >= len(report.layers["residents"])
    network = next(lyr for lyr in map_layers(plan, report) if lyr.group == "network")
    assert len(network.features) == streets
    merged = next(lyr for lyr in map_layers(plan, report, limit=0) if lyr.group == "network")
    assert len(merged.features) == 1
