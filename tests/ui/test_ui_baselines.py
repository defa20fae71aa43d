"""The baseline comparison can fail: wrong pictures are told from the stored baselines, and
small differences of fonts and antialiasing are not."""

from __future__ import annotations

import pytest
from PyQt5.QtCore import QRect, Qt
from PyQt5.QtGui import QColor, QImage, QPainter, QTransform
from ui_baselines import FOLDER, matches

BASELINES = sorted(FOLDER.glob("*.png"))


def _painted(image: QImage, paint) -> QImage:
    out = image.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(out)
    paint(painter, out)
    painter.end()
    return out


def test_there_are_baselines() -> None:
    assert len(BASELINES) >= 10


@pytest.mark.parametrize("path", BASELINES, ids=lambda p: p.stem)
def test_a_baseline_matches_itself_and_a_slightly_different_render(qapp, path) -> None:
    baseline = QImage(str(path))
    assert matches(baseline, baseline)
    # a render at twice the size (as on a HiDPI screen), softened: the same picture
    bigger = baseline.scaled(
        baseline.width() * 2,
        baseline.height() * 2,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    assert matches(bigger, baseline)


@pytest.mark.parametrize("path", BASELINES, ids=lambda p: p.stem)
def test_wrong_pictures_fail(qapp, path) -> None:
    baseline = QImage(str(path))
    w, h = baseline.width(), baseline.height()
    blank = _painted(baseline, lambda p, img: p.fillRect(img.rect(), QColor("white")))
    assert not matches(blank, baseline)
    # a quarter of the widget showing something else (a dark block)
    covered = _painted(
        baseline, lambda p, img: p.fillRect(QRect(0, h // 2, w // 2, h - h // 2), QColor("#404040"))
    )
    assert not matches(covered, baseline)
    # the picture upside down (everything moved)
    flipped = baseline.transformed(QTransform().scale(1, -1))
    assert not matches(flipped, baseline)
    # another colour scheme (dark)
    dark = baseline.copy()
    dark.invertPixels()
    assert not matches(dark, baseline)
    # another shape of widget
    wide = baseline.scaled(w * 2, h, Qt.AspectRatioMode.IgnoreAspectRatio)
    assert not matches(wide, baseline)
