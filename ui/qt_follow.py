"""Widgets following a session's events for as long as Qt keeps them."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable
from typing import Any

from PyQt5 import sip
from PyQt5.QtCore import QObject

from spaceplanner.ui.model.session import Session

__all__ = ["follow"]


def follow(
    owner: QObject, session: Session, handler: Callable[[str, Any], None]
) -> Callable[[], None]:
    """Call ``handler`` (a method of ``owner``) with ``session``'s events until the returned
    function is called or Qt deletes ``owner``.

    A session outlives its widgets (a window rebuilt in another language keeps it), so the
    listener holds ``owner`` weakly and is unsubscribed when ``owner`` is destroyed: the session
    never calls a deleted widget, nor keeps one alive.
    """
    ref = weakref.ref(owner)
    name = handler.__name__

    def listener(event: str, data: Any) -> None:
        widget = ref()
        if widget is None or sip.isdeleted(widget):
            session.unsubscribe(listener)
            return
        getattr(widget, name)(event, data)

    def stop() -> None:
        session.unsubscribe(listener)

    session.subscribe(listener)
    owner.destroyed.connect(stop)

    def unfollow() -> None:
        widget = ref()
        if widget is not None and not sip.isdeleted(widget):
            with contextlib.suppress(TypeError, RuntimeError):
                widget.destroyed.disconnect(stop)
        stop()

    return unfollow
