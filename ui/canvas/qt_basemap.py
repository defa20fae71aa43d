"""The base map under the canvas's layers: a picture of the view read in a background thread
(:func:`~spaceplanner.ui.canvas.basemap.read_view`), so panning and zooming never wait for
it; until the new picture arrives the last one stays in place."""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Any

from pyproj import CRS
from PyQt5.QtCore import QObject, QRectF, pyqtSignal
from PyQt5.QtGui import QImage, QPainter
from PyQt5.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from spaceplanner.ui.canvas.basemap import Basemap, BasemapError, read_view

__all__ = ["QtBasemapItem", "QtBasemapLoader"]

log = logging.getLogger(__name__)


class QtBasemapLoader(QObject):
    """Reads base map pictures in one background thread, the latest request first (requests
    that were overtaken before they started are dropped).

    Signals
    -------
    loaded(int, QImage, object)
        The picture of request ``generation`` and its map bounds ``(minx, miny, maxx, maxy)``.
    failed(int, object)
        Request ``generation`` could not be read; the
        :class:`~spaceplanner.ui.canvas.basemap.BasemapError` says why.
    """

    loaded = pyqtSignal(int, QImage, object)
    failed = pyqtSignal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wake = threading.Condition()
        self._request: tuple[Any, ...] | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        #: The number of the latest request.
        self.generation = 0
        #: True while a picture is being read.
        self.busy = False

    def request(
        self,
        basemap: Basemap,
        crs: CRS,
        bounds: tuple[float, float, float, float],
        width: int,
        height: int,
    ) -> int:
        """Ask for the picture of ``bounds`` at ``width`` x ``height``; return its number."""
        with self._wake:
            self.generation += 1
            self._request = (self.generation, basemap, crs, bounds, width, height)
            self._wake.notify()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="basemap", daemon=True)
            self._thread.start()
        return self.generation

    def cancel(self) -> None:
        """Forget the requests not started (a picture being read is dropped on arrival)."""
        with self._wake:
            self.generation += 1
            self._request = None

    def stop(self) -> None:
        """End the thread (after the picture being read, if any)."""
        with self._wake:
            self._stopped = True
            self._request = None
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._request is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                request, self._request = self._request, None
                self.busy = True
            assert request is not None
            generation, basemap, crs, bounds, width, height = request
            try:
                rgba = read_view(basemap, crs, bounds, width, height)
                image = QImage(
                    rgba.tobytes(), width, height, 4 * width, QImage.Format.Format_RGBA8888
                ).copy()
            except BasemapError as exc:
                self._emit("failed", generation, exc)
            except Exception as exc:  # a base map never brings the app down
                log.exception("base map not read")
                error = BasemapError(f"the base map could not be read ({exc})", detail=str(exc))
                self._emit("failed", generation, error)
            else:
                self._emit("loaded", generation, image, bounds)
            finally:
                self.busy = False

    def _emit(self, signal: str, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the canvas was closed meanwhile
            getattr(self, signal).emit(*args)


class QtBasemapItem(QGraphicsItem):
    """The base map picture, placed at its map bounds under every layer."""

    def __init__(self) -> None:
        super().__init__()
        self._image: QImage | None = None
        self._rect = QRectF()

    def set_image(self, image: QImage | None, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._image = image
        self._rect = QRectF(rect) if image is not None else QRectF()
        self.update()

    @property
    def image(self) -> QImage | None:
        """The picture shown (None: none)."""
        return self._image

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._rect

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        if painter is not None and self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(self._rect, self._image)
