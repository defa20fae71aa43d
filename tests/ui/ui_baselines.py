"""Widgets compared with stored baseline images, with a tolerance for fonts and antialiasing.

A baseline is a small thumbnail (:data:`WIDTH` pixels wide) of the widget as it looked when the
baseline was made, in ``tests/ui/baselines/<name>.png``. A render matches when it has the
baseline's proportions and its thumbnail differs from the baseline's by at most ``tolerance``
on average (0-255 per channel) with no block of the picture far off: a moved panel, a missing
table, another colour scheme or an empty widget fails; a font's hinting does not.

Make or refresh the baselines (then look at them before committing) with::

    SPACEPLANNER_UPDATE_BASELINES=1 QT_QPA_PLATFORM=offscreen pytest tests/ui
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QImage
from PyQt5.QtWidgets import QWidget

FOLDER = Path(__file__).with_name("baselines")
#: Thumbnail width: small enough that text becomes grey texture (fonts may differ slightly from
#: one machine to the next), large enough that every panel, table and button is still there.
WIDTH = 160
#: Mean difference per channel (0-255) a render may have from its baseline.
TOLERANCE = 8.0
#: The most any 8 x 8 block of the thumbnail may differ on average (a part missing or moved).
BLOCK_TOLERANCE = 30.0
UPDATE = os.environ.get("SPACEPLANNER_UPDATE_BASELINES") == "1"


def thumbnail(image: QImage, height: int | None = None) -> np.ndarray:
    """``image`` scaled to :data:`WIDTH` (and ``height``) as an RGB array of floats."""
    h = height or max(1, round(image.height() * WIDTH / image.width()))
    small = image.scaled(
        WIDTH, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_RGB888)  # scaling may change the format
    ptr = small.constBits()
    assert ptr is not None
    ptr.setsize(small.bytesPerLine() * small.height())
    rows = np.frombuffer(ptr, np.uint8).reshape(small.height(), small.bytesPerLine())
    return rows[:, : WIDTH * 3].reshape(small.height(), WIDTH, 3).astype(float)


def differences(image: QImage, baseline: QImage) -> tuple[float, float, float]:
    """How far ``image`` is from ``baseline``: (aspect ratio change, mean difference, worst
    8 x 8 block's mean difference)."""
    aspect = (image.height() / image.width()) / (baseline.height() / baseline.width())
    ours = thumbnail(image, baseline.height())
    theirs = thumbnail(baseline, baseline.height())
    diff = np.abs(ours - theirs).mean(axis=2)
    h, w = (diff.shape[0] // 8) * 8, (diff.shape[1] // 8) * 8
    blocks = diff[:h, :w].reshape(h // 8, 8, w // 8, 8).mean(axis=(1, 3))
    return abs(aspect - 1.0), float(diff.mean()), float(blocks.max()) if blocks.size else 0.0


def matches(image: QImage, baseline: QImage, tolerance: float = TOLERANCE) -> bool:
    """``image`` looks like ``baseline`` (see the module docstring)."""
    aspect, mean, block = differences(image, baseline)
    return aspect <= 0.05 and mean <= tolerance and block <= BLOCK_TOLERANCE


def assert_like_baseline(widget: QWidget, name: str, tolerance: float = TOLERANCE) -> None:
    """The widget, rendered now, looks like the stored baseline ``name``."""
    assert_image_like_baseline(widget.grab().toImage(), name, tolerance)


def assert_image_like_baseline(image: QImage, name: str, tolerance: float = TOLERANCE) -> None:
    """``image`` looks like the stored baseline ``name``."""
    assert not image.isNull() and image.width() > 0
    path = FOLDER / f"{name}.png"
    if UPDATE:
        FOLDER.mkdir(exist_ok=True)
        h = max(1, round(image.height() * WIDTH / image.width()))
        small = image.scaled(
            WIDTH,
            h,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        assert small.save(str(path))
        return
    assert path.exists(), f"no baseline {path.name}: make it with SPACEPLANNER_UPDATE_BASELINES=1"
    baseline = QImage(str(path))
    aspect, mean, block = differences(image, baseline)
    assert matches(image, baseline, tolerance), (
        f"{name}: differs from {path.name} (aspect ratio {aspect:.1%} off, mean difference "
        f"{mean:.1f}, worst block {block:.1f}; allowed 5%, {tolerance}, {BLOCK_TOLERANCE}); if "
        "the change is meant, refresh the baselines with SPACEPLANNER_UPDATE_BASELINES=1"
    )
