"""Progress, cancel and step codes of long work: one object for the CLI, the desktop and the batch.

As QGIS Processing's feedback object: the work reports each step by a stable code (the CLI shows
the English label, the desktop its translation, a test the code) and a fraction done, and checks
between and inside steps whether it was cancelled; cancelling raises :class:`CancelledError`
at the next check, so nothing is left half done. A part of a job reports into a range of its
parent's bar (:meth:`Feedback.part`) and shares its cancel state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from spaceplanner.i18n import say, tx
from spaceplanner.layers.errors import SpacePlannerError

__all__ = ["STEPS", "CancelledError", "Feedback", "Listener", "step_label"]

#: Step codes and their labels (English, marked for translation).
STEPS = {
    "network": tx("network and residents"),
    "shelters": tx("shelters"),
    "activity_spaces": tx("activity spaces"),
    "facilities": tx("facilities"),
    "gaps": tx("gaps"),
    "evaluating": tx("evaluating"),
    "writing": tx("writing"),
    "drawing": tx("drawing"),
    "moving": tx("moving into place"),
    "suggesting": tx("suggesting sites"),
    "candidates": tx("reading the candidates"),
    "checks": tx("checks and distances"),
    "solving": tx("solving"),
    "ranking": tx("ranking the sites"),
    "batch": tx("communities"),
    "osm_extract": tx("reading the extract"),
    "osm_layers": tx("sorting the map into layers"),
    "osm_residents": tx("residents"),
    "osm_checks": tx("checking the layers"),
    "done": tx("done"),
}


def step_label(code: str, detail: str = "", lang: str = "en") -> str:
    """A step as words in ``lang`` (English by default), with its detail (a scenario, a format)
    after them."""
    text = say(STEPS.get(code, code), lang)
    return f"{text} {detail}" if detail else text


#: Called with (fraction done of the whole job, step code, detail such as a scenario name).
Listener = Callable[[float, str, str], None]


class CancelledError(SpacePlannerError):
    """The user cancelled the work."""


class Feedback:
    """Where long work reports its progress and learns that it was cancelled.

    Parameters
    ----------
    listener
        Called with (fraction of the whole job, step code, detail) at every step.
    cancelled
        Polled at every check besides :meth:`cancel` (a desktop Cancel button, a CLI's signal).
    """

    def __init__(
        self, listener: Listener | None = None, *, cancelled: Callable[[], bool] | None = None
    ) -> None:
        self._listener = listener
        self._polled = cancelled
        self._event = threading.Event()
        self._start, self._end = 0.0, 1.0
        self._root: Feedback = self
        self.fraction = 0.0
        self.code = ""

    @classmethod
    def from_callbacks(
        cls,
        progress: Callable[[float, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Feedback:
        """A feedback for the simple callbacks: ``progress(fraction, English label)`` and
        ``cancel()`` returning True to stop."""

        def listener(fraction: float, code: str, detail: str) -> None:
            if progress is not None:
                progress(fraction, step_label(code, detail))

        return cls(listener if progress is not None else None, cancelled=cancel)

    # -- cancel ------------------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop at its next check (safe from any thread)."""
        self._root._event.set()

    @property
    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called or the polled callback said so."""
        root = self._root
        if not root._event.is_set() and root._polled is not None and root._polled():
            root._event.set()
        return root._event.is_set()

    def check(self) -> None:
        """Raise :class:`CancelledError` if the work was cancelled."""
        if self.is_cancelled:
            msg = tx("cancelled")
            raise CancelledError(msg, hint=tx("nothing was written"))

    # -- progress ----------------------------------------------------------------------------
    def step(self, code: str, fraction: float, detail: str = "", *, check: bool = True) -> None:
        """Start step ``code`` at ``fraction`` (0–1) of this feedback's range; checks cancel
        first unless ``check`` is False (a step reported after the work is committed, such as
        the ``done`` of an export whose files are in place)."""
        if check:
            self.check()
        whole = self._start + (self._end - self._start) * min(max(fraction, 0.0), 1.0)
        root = self._root
        root.fraction, root.code = whole, code
        if root._listener is not None:
            root._listener(whole, code, detail)

    def part(self, start: float, end: float) -> Feedback:
        """A feedback for a part of the job, reporting into [start, end] of this one's range."""
        child = Feedback()
        child._root = self._root
        span = self._end - self._start
        child._start = self._start + span * start
        child._end = self._start + span * end
        return child
