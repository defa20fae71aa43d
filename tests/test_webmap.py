"""The offline web map: self-contained, escaped, and drawn by a real browser with no network."""

from __future__ import annotations

import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from spaceplanner import evaluate, load_plan
from spaceplanner.model.plan import Plan
from spaceplanner.outputs.webmap import map_layers, write_webmap
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
    assert "L.control.scale()" in text
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
