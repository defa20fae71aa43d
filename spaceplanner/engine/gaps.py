"""The last stage: result layers of who is not served, and where.

``residents`` (each resident point with its distance to each indicator's nearest site),
``uncovered_residents`` (per indicator), ``shelters`` (with their load and the capacity the checks
removed), ``shelters_over_capacity``, ``hazard_zones``; and the drawn ones, ``gap_areas`` (one
polygon per patch of the residents' ground left unserved, per indicator, with its persons) and
``service_areas`` (the ground within reach of the sites serving each indicator), both drawn on
pixels by :mod:`spaceplanner.engine.gap_raster`. The figures do not need any of them.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import queue
import sys
import threading
import time
import traceback
import weakref
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner.engine.daily import FacilityStage, SpaceStage, circle_sites, kind_sites
from spaceplanner.engine.distance import site_sources
from spaceplanner.engine.gap_raster import Ground, area_raster, gap_patches, resident_ground
from spaceplanner.engine.locate import Context, Inputs, site_gates
from spaceplanner.engine.service_area import reached_pieces
from spaceplanner.engine.shelter_stage import ShelterStage, dual_use_layers, shelter_table
from spaceplanner.feedback import Feedback

__all__ = [
    "APART_MIN_RESIDENTS",
    "SERVICE_PIXEL_BUDGET",
    "Apart",
    "AreaDrawing",
    "AreaPart",
    "LazyLayers",
    "facility_part",
    "gap_stage",
    "served_sites",
    "service_areas",
    "shelter_part",
    "space_part",
    "start_drawing",
]

_log = logging.getLogger(__name__)

#: Service areas are a lighter drawing than the gaps: at most this many pixels each.
SERVICE_PIXEL_BUDGET = 1_000_000
#: The least residents for which :func:`start_drawing` draws the areas in a forked copy
#: (below it, the drawing takes less than a second and the copy is not worth its start).
APART_MIN_RESIDENTS = 50_000
#: Seconds without a sign of life after which the copy is taken as stuck (it sends one at every
#: check of its feedback, at least once per indicator drawn: well under a second at city scale).
APART_SILENCE_S = 120.0


def gap_stage(
    inp: Inputs,
    ctx: Context,
    shelters: ShelterStage,
    spaces: SpaceStage,
    facilities: FacilityStage,
    *,
    areas: bool = True,
    apart: AreaDrawing | None = None,
) -> LazyLayers:
    """The result layers: residents with their distances, the uncovered residents per indicator,
    the shelters with their load, the hazard zones, and (with ``areas``) the gap areas and the
    service areas, which take seconds at city scale.

    With ``apart`` (:func:`start_drawing`, started once the residents were located), the gap
    and service areas are drawn by that forked copy of this process, on another core, while the
    caller goes on (writing the other layers); reading either layer waits for them."""
    res = ctx.residents
    crs = inp.plan.crs
    indicators: dict[str, np.ndarray] = {"shelter": shelters.nearest}
    for name, d in spaces.distances.items():
        indicators[f"space_{name}"] = d
    for kind, d in facilities.distances.items():
        indicators[kind] = d
    parts = [
        shelter_part(ctx, shelters),
        space_part(spaces),
        facility_part(facilities),
    ]
    unsheltered = parts[0].unserved["shelter"]
    missing = {name: m for part in parts for name, m in part.missing.items()}
    drawn: dict[str, Any] = {}
    if areas and apart is not None:
        # the copy has the parts it was given as the stages ended; it gets the rest at once,
        # while the layers below are made
        drawn = apart.draw(parts)
    # text columns stay object arrays: pandas would otherwise copy every id into its string
    # type, seconds for the long layer at city scale
    # (copies of the engine's arrays: the frame below keeps what it is given, and an edit of
    # the layer must not reach the figures, their cache or the other layers)
    columns: dict[str, Any] = {
        "id": pd.Series(res.ids.copy(), dtype=object, copy=False),
        "layer": pd.Series(res.layer.copy(), dtype=object, copy=False),
        "population": res.population.copy(),
        "reachable": ctx.access.reachable.copy(),
        "d_shelter": None,  # (in its place among the columns; made below)
        "sheltered": shelters.sheltered.copy(),
        "unsheltered": unsheltered.copy(),
    }
    for name, d in indicators.items():
        reached = np.isfinite(d)
        columns[f"d_{name}"] = np.where(reached, d, np.nan)  # no distance: missing, not inf
        columns[f"ok_{name}"] = reached
    points = res.points()
    # made at once from the columns (a frame made first and then given a geometry is copied
    # whole again: seconds at city scale), each column kept as its own block (gathering the
    # numeric ones into one array, as pandas does by default, copies them all: 1.5 s at city
    # scale)
    residents = gpd.GeoDataFrame(columns, geometry=points, crs=crs, copy=False)

    def uncovered() -> gpd.GeoDataFrame:
        text = {
            "indicator": np.concatenate(
                [np.full(int(m.sum()), name, dtype=object) for name, m in missing.items()]
            ),
            "id": np.concatenate([res.ids[m] for m in missing.values()]),
            "layer": np.concatenate([res.layer[m] for m in missing.values()]),
        }
        return gpd.GeoDataFrame(
            {
                **{k: pd.Series(v, dtype=object, copy=False) for k, v in text.items()},
                "population": np.concatenate(
                    [
                        unsheltered[m] if name == "shelter" else res.population[m]
                        for name, m in missing.items()
                    ]
                ),
            },
            geometry=np.concatenate([points[m] for m in missing.values()]),
            crs=crs,
        )

    shelter_geoms = list(shelters.geoms)
    summary_rows = [row.to_dict() for row in shelters.summary.by_shelter]
    shelter_layer = gpd.GeoDataFrame(
        pd.DataFrame(summary_rows).drop(columns=[], errors="ignore")
        if summary_rows
        else pd.DataFrame(columns=["id", "layer", "capacity_persons", "assigned", "over_capacity"]),
        geometry=shelter_geoms,
        crs=crs,
    )
    layers: dict[str, Any] = {
        "residents": residents,
        "hazard_zones": shelters.zones,
        "uncovered_residents": uncovered,
        "shelters": shelter_layer,
        "shelters_over_capacity": shelter_layer[shelter_layer["over_capacity"].astype(bool)]
        if len(shelter_layer)
        else shelter_layer,
    }
    if not areas:
        return LazyLayers(layers)
    if not drawn:
        gap_areas, service = _draw_areas(inp, ctx, parts, served_sites(inp), inp.feedback)
        drawn = {"gap_areas": gap_areas, "service_areas": service}
    return LazyLayers(
        {
            "residents": residents,
            "hazard_zones": shelters.zones,
            "uncovered_residents": uncovered,
            "gap_areas": drawn["gap_areas"],
            "shelters": shelter_layer,
            "shelters_over_capacity": layers["shelters_over_capacity"],
            "service_areas": drawn["service_areas"],
        },
        keep_makers=apart is not None,
    )


#: Pieces of work :class:`_Shares` can share out: more than there are indicators (those beyond
#: go to the caller).
_MAX_SHARES = 4096


def start_drawing(inp: Inputs, ctx: Context) -> AreaDrawing | None:
    """Start drawing the gap and service areas of a plan of at least
    :data:`APART_MIN_RESIDENTS` residents in a forked copy of this process (:class:`AreaDrawing`)
    as soon as its residents are located; None for a smaller plan or where this system cannot
    fork."""
    if ctx.residents.count < APART_MIN_RESIDENTS or not Apart.possible():
        return None
    return AreaDrawing(inp, ctx)


class AreaDrawing:
    """The gap and service areas drawn by a forked copy of this process, on another core.

    The copy starts once the residents are located and, on the core the figures leave free,
    draws what needs no figure while the caller works them out: the residents' ground (the
    label raster of :func:`~spaceplanner.engine.gap_raster.resident_ground`) and the service
    areas (:func:`served_sites`: the sites and radii are the plan's), those no one has taken
    yet. As each stage ends, :meth:`add` gives it that stage's part (:class:`AreaPart`: who its
    indicators leave unserved), whose gap areas it draws next; :meth:`draw` gives it the parts
    not given yet, the last. The caller, once it needs either layer (its other layers
    written), takes and draws the service areas still left before it waits for the copy. Each
    service area is drawn once, by whoever took it first. If the copy fails, the caller draws
    everything itself (:class:`Apart`)."""

    def __init__(self, inp: Inputs, ctx: Context) -> None:
        self._inp, self._ctx = inp, ctx
        self._shares = shares = _Shares(_MAX_SHARES)
        self._given: list[AreaPart] = []
        # found once, before the fork, for both processes
        self._served = served = served_sites(inp)

        # a function of its own, not a method: the copy's work holds no reference back to this
        # object, which then goes (and stops a copy still waiting) as soon as it is dropped,
        # even while the cycle collector rests
        def copy_work(feedback: Feedback, given: Callable[[], Iterator[Any]]) -> Any:
            return _draw_areas(inp, ctx, given(), served, feedback, take=shares.taker(1))

        self._apart = Apart(copy_work, inp.feedback, awaits_input=True)

    def add(self, part: AreaPart) -> None:
        """Give the copy one stage's part, drawn as soon as it arrives (more parts follow)."""
        self._given.append(part)
        self._apart.give(part, last=False)

    def draw(self, parts: list[AreaPart]) -> dict[str, Callable[[], gpd.GeoDataFrame]]:
        """Give the copy the parts of ``parts`` (all the stages' parts, in order) not given
        yet, the last of them; the gap and service areas as functions reading what it drew (and
        what the caller drew of the service areas)."""
        known = [list(p.missing) for p in parts[: len(self._given)]]
        if known != [list(p.missing) for p in self._given]:
            msg = "the parts given so far are not the first of those drawn"
            raise RuntimeError(msg)
        rest = parts[len(self._given) :]
        for k, part in enumerate(rest):
            self._apart.give(part, last=k == len(rest) - 1)
        if not rest:
            self._apart.give(AreaPart({}, {}), last=True)
        inp, ctx, served = self._inp, self._ctx, self._served
        order = list(served)
        own: list[gpd.GeoDataFrame] = []

        def own_part() -> gpd.GeoDataFrame:
            if not own:
                own.append(
                    service_areas(inp, ctx, served, inp.feedback, take=self._shares.taker(2))
                )
            return own[0]

        def gap_areas() -> gpd.GeoDataFrame:
            own_part()
            return self._apart.result()[0]

        def service() -> gpd.GeoDataFrame:
            mine, theirs = own_part(), self._apart.result()[1]
            rank = {name: k for k, name in enumerate(order)}
            rows = sorted(
                [*theirs.to_dict("records"), *mine.to_dict("records")],
                key=lambda row: rank[row["indicator"]],
            )
            return _service_frame(inp, rows)

        return {"gap_areas": gap_areas, "service_areas": service}


class _Shares:
    """Which process draws each of ``n`` pieces of work (numbered from 0): the first to ask for
    a piece takes it. Shared with forked copies (made before them)."""

    def __init__(self, n: int) -> None:
        self._taken = multiprocessing.get_context("fork").Array("b", max(n, 1))

    def taker(self, who: int) -> Callable[[int], bool]:
        """``take(k)`` for process ``who`` (1, 2, ...): True if piece ``k`` is its to draw
        (free, or taken by ``who`` before: a copy that died is redrawn by the caller running
        its work)."""

        def take(k: int) -> bool:
            if k >= len(self._taken):  # beyond the shared pieces: the caller's
                return who != 1
            with self._taken.get_lock():
                if self._taken[k] == 0:
                    self._taken[k] = who
                return bool(self._taken[k] == who)

        return take


def _ground(inp: Inputs, ctx: Context) -> Ground:
    """The residents' ground (:func:`~spaceplanner.engine.gap_raster.resident_ground`)."""
    res = ctx.residents
    return resident_ground(res.xy, res.shapes, max(inp.profile.service_area_buffer.value, 50.0))


def _draw_areas(
    inp: Inputs,
    ctx: Context,
    parts: Iterable[AreaPart],
    served: Served,
    feedback: Feedback,
    *,
    take: Callable[[int], bool] | None = None,
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The service areas of ``served`` (those ``take`` says are to be drawn here; see
    :func:`service_areas`), then the residents' ground and the gap areas (patches of unserved
    ground per indicator), part by part as ``parts`` yields them: the service areas need no
    figure, so that a copy drawing apart has them done before the first part comes."""
    crs = inp.plan.crs
    service = _service_rows(inp, ctx, served, feedback, take)
    ground = _ground(inp, ctx)
    gaps: list[pd.DataFrame] = []
    for part in parts:
        for name, miss in part.missing.items():
            feedback.check()
            # the people not served: for shelters, those without a place (a resident point may
            # be partly sheltered), as the report's population_unsheltered
            persons = part.unserved.get(name, ctx.residents.population)
            patches = gap_patches(ground, miss, np.where(miss, persons, 0.0))
            gaps.append(
                pd.DataFrame(
                    {
                        "indicator": name,
                        "population": patches.persons,
                        "residents": patches.residents,
                        "area_m2": shapely.area(patches.geoms) if len(patches.geoms) else [],
                        "geometry": patches.geoms,
                    }
                )
            )
    gap_areas = gpd.GeoDataFrame(
        pd.concat(gaps, ignore_index=True)
        if gaps
        else pd.DataFrame(columns=["indicator", "population", "residents", "area_m2", "geometry"]),
        geometry="geometry",
        crs=crs,
    )
    return gap_areas, _service_frame(inp, service)


class Apart:
    """Work done in a forked copy of this process, on another core, while the caller goes on.

    The copy shares the process's memory as it was when it started (nothing of that is
    pickled) and sends back only the result. The work is called as ``work(feedback, given)``:
    ``given()`` returns an iterator over the parts the caller gives later with :meth:`give`
    (pickled through a pipe), each as soon as it comes, up to the last (made with
    ``awaits_input``; empty without), so that a copy can start on what is known early and go
    on as more is known. It is a help, never the only way: if the copy cannot be started, or
    it fails, dies or is stopped, :meth:`result` does the work here instead (and so meets any
    error where it would have been met without the copy; the copy's own traceback is logged
    at debug level). The copy reports
    no progress; a cancel of ``feedback`` is seen when the result is read. A copy whose result
    is never read is stopped when this object goes; a copy whose process dies (killed, out of
    memory) ends on its broken pipe, and one waiting for what it is given ends when the caller
    does.
    """

    def __init__(
        self,
        work: Callable[[Feedback, Callable[[], Iterator[Any]]], Any],
        feedback: Feedback,
        *,
        awaits_input: bool = False,
    ) -> None:
        self._work = work
        self._feedback = feedback
        self._awaits = awaits_input
        self._given: list[Any] = []
        self._ended = False
        self._done = False
        self._value: Any = None
        self._proc: Any = None
        self._give: Any = None
        self._outbox: queue.SimpleQueue[tuple[Any, bool]] = queue.SimpleQueue()
        self._sender: threading.Thread | None = None
        try:
            context = multiprocessing.get_context("fork")
            self._recv, send = context.Pipe(duplex=False)
            inbox, self._give = context.Pipe(duplex=False) if awaits_input else (None, None)
            self._proc = context.Process(
                target=_apart_child,
                args=(work, send, self._recv, inbox, self._give),
                daemon=True,
            )
            self._proc.start()
        except OSError as exc:  # no memory or no process left to fork: drawn here
            _log.debug("drawing in the process: the copy could not start (%s)", exc)
            self._proc = None
            return
        send.close()
        if inbox is not None:
            inbox.close()
        weakref.finalize(self, _stop, self._proc, self._outbox)

    def give(self, value: Any, *, last: bool = True) -> None:
        """Give the work one part of what it waits for (``last``: no more follow; all before
        :meth:`result`). Parts are sent in order on a thread, so this returns at once whatever
        the copy is doing; a copy that has not taken the last within :data:`APART_SILENCE_S` of
        the result being read is stopped, and a part that cannot be sent (out of memory, not
        picklable) leaves the work to the caller."""
        if not self._awaits or self._ended:
            msg = "give() is for work that awaits its input, and not after the last part"
            raise RuntimeError(msg)
        self._given.append(value)
        self._ended = last
        if self._proc is None or self._give is None:
            return
        self._outbox.put((value, last))
        if self._sender is None:
            self._sender = threading.Thread(
                target=_send_parts, args=(self._outbox, self._give), name="apart-give", daemon=True
            )
            self._sender.start()

    def _input(self) -> Iterator[Any]:
        return iter(self._given)

    @staticmethod
    def possible() -> bool:
        """Whether this system can fork safely: Linux and other Unix systems; not Windows (no
        fork) nor macOS (its system libraries are not safe in a forked copy)."""
        return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()

    def result(self) -> Any:
        """The work's result, waiting for the copy (or doing the work here if it failed)."""
        if self._done:
            return self._value
        if self._awaits and not self._ended:
            msg = "the work awaits its input: give() it first, up to the last part"
            raise RuntimeError(msg)
        status, value = "lost", None
        if self._proc is not None:
            try:
                self._feedback.check()
                if self._took_input():
                    status, value = self._wait()
            except (EOFError, OSError):  # the copy died while answering
                status, value = "lost", None
            except BaseException:  # interrupted or cancelled: the copy is not waited for
                self._proc.terminate()
                raise
            finally:
                self._recv.close()
                self._proc.join()
            if status == "failed":
                _log.debug("the copy failed; drawing in the process:\n%s", value)
        if status != "ok":
            value = self._work(self._feedback, self._input)
        self._value, self._done = value, True
        return self._value

    def _took_input(self) -> bool:
        """Whether the copy took what it was given (or was given nothing): False, with the
        copy stopped, when it has not taken it after :data:`APART_SILENCE_S`."""
        sender = self._sender
        if sender is None:
            return True
        sender.join(APART_SILENCE_S)
        if not sender.is_alive():
            return True
        _log.debug("the copy does not take its input; stopped, drawing in the process")
        self._proc.terminate()
        sender.join()
        return False

    def _wait(self) -> tuple[str, Any]:
        """The copy's answer: ``("ok", result)`` or ``("failed", traceback)``; ``("lost", None)``
        when it died without a word or fell silent (no sign of life, sent at every check of its
        feedback, for :data:`APART_SILENCE_S` seconds: stuck, it is stopped)."""
        heard = time.monotonic()
        while True:
            if self._recv.poll(0.5):
                status, value = self._recv.recv()
                if status == "alive":
                    heard = time.monotonic()
                    continue
                return status, value
            if not self._proc.is_alive() and not self._recv.poll(0):
                return "lost", None
            if time.monotonic() - heard > APART_SILENCE_S:
                _log.debug("the copy fell silent; stopped, drawing in the process")
                self._proc.terminate()
                return "lost", None


def _send_parts(outbox: queue.SimpleQueue[tuple[Any, bool]], conn: Any) -> None:
    """Send the parts put in ``outbox`` to the copy, in order, up to the last; then close the
    pipe (the copy's inbox ends: a copy that has not had the last part gives up). A part that
    cannot be sent ends the sending: the caller does the work."""
    try:
        while True:
            value, last = outbox.get()
            if value is _STOP:
                return
            conn.send((value, last))
            if last:
                return
    except Exception as exc:  # the copy is gone or the part cannot go: drawn here
        _log.debug("the copy could not be given its input (%s)", exc)
    finally:
        conn.close()


#: Put in the parts' outbox when the copy is stopped: the sending thread ends.
_STOP = object()


def _stop(proc: Any, outbox: queue.SimpleQueue[tuple[Any, bool]]) -> None:
    """Stop a copy whose result was never read (and the thread sending it parts)."""
    outbox.put((_STOP, True))
    if proc.is_alive():
        proc.terminate()


def _apart_child(
    work: Callable[[Feedback, Callable[[], Any]], Any],
    send: Any,
    recv: Any,
    inbox: Any = None,
    give: Any = None,
) -> None:
    """In the forked copy: do the work with a feedback of its own (no progress drawn twice) and
    send the result, or word that it failed, with the traceback (the caller then does the work
    itself). What the caller gives (``inbox``) is read on a thread as soon as it comes, so the
    caller never waits for the copy to take it."""
    recv.close()  # the caller's end: when the caller dies, sending here fails and the copy ends
    if give is not None:
        give.close()  # the caller's end: when the caller dies, the inbox ends
    said = [time.monotonic()]
    parts: queue.SimpleQueue[tuple[str, Any, bool]] = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                value, last = inbox.recv()
                parts.put(("ok", value, last))
                if last:
                    return
        except BaseException:  # the caller is gone (or gave up): nothing more to wait for
            parts.put(("gone", None, True))

    if inbox is not None:
        threading.Thread(target=read, daemon=True).start()

    def given() -> Iterator[Any]:
        if inbox is None:
            return
        while True:
            status, value, last = parts.get()
            if status != "ok":
                raise EOFError("the caller did not give every part")
            yield value
            if last:
                return

    def alive() -> bool:
        """A sign of life at most once a second (the caller stops a copy that falls silent)."""
        now = time.monotonic()
        if now - said[0] >= 1.0:
            send.send(("alive", None))
            said[0] = now
        return False

    try:
        message = ("ok", work(Feedback(cancelled=alive), given))
    except BaseException:  # any failure is met again in the caller
        message = ("failed", traceback.format_exc())
    try:
        send.send(message)
    except Exception:  # an unpicklable result: the caller does the work
        with contextlib.suppress(Exception):
            send.send(("failed", traceback.format_exc()))
    finally:
        send.close()


class LazyLayers(MutableMapping[str, gpd.GeoDataFrame]):
    """Result layers by name, some made on first use: ``uncovered_residents`` repeats the
    residents once per indicator (20 million rows for 2 million residents), which ``evaluate``
    writes as a view of ``residents`` and never needs in memory. A value given as a function
    is called once, when the layer is first read."""

    def __init__(self, layers: dict[str, Any], *, keep_makers: bool = False) -> None:
        self._layers = layers
        #: With ``keep_makers``, the functions that made the layers read so far, kept with the
        #: layers: what they hold (a drawing apart holds the network and its index) then goes
        #: with the layers, not while they are being written (a second of a city's evaluate,
        #: whose command ends its process right after). Otherwise a function goes once called.
        self._makers: list[Callable[[], gpd.GeoDataFrame]] | None = [] if keep_makers else None

    def __getitem__(self, name: str) -> gpd.GeoDataFrame:
        value = self._layers[name]
        if callable(value):
            if self._makers is not None:
                self._makers.append(value)
            value = self._layers[name] = value()
        return value

    def __setitem__(self, name: str, value: gpd.GeoDataFrame) -> None:
        self._layers[name] = value

    def __delitem__(self, name: str) -> None:
        del self._layers[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def made(self, name: str) -> bool:
        """Whether layer ``name`` is in memory already (not waiting to be made)."""
        return not callable(self._layers.get(name))


def service_areas(
    inp: Inputs,
    ctx: Context,
    served: Served,
    feedback: Feedback | None = None,
    *,
    take: Callable[[int], bool] | None = None,
) -> gpd.GeoDataFrame:
    """The ground within walking reach of the sites serving each indicator (``served``, from
    :func:`served_sites`).

    ``take(k)`` says whether to draw the ``k``-th indicator (in the order of ``served``); all
    of them without it."""
    return _service_frame(inp, _service_rows(inp, ctx, served, feedback or inp.feedback, take))


def _service_rows(
    inp: Inputs,
    ctx: Context,
    served: Served,
    feedback: Feedback,
    take: Callable[[int], bool] | None,
) -> list[dict[str, Any]]:
    """The service areas of ``served`` that ``take`` gives (its indicators numbered from 0)."""
    rows = []
    for k, (name, parts) in enumerate(served.items()):
        if take is not None and not take(k):
            continue
        feedback.check()
        row = _service_row(inp, ctx, name, parts)
        if row is not None:
            rows.append(row)
    return rows


def _service_frame(inp: Inputs, rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rows, columns=["indicator", "area_m2", "geometry"], crs=inp.plan.crs)


#: The sites serving one indicator: (geometries, ids, radii, layer) per layer.
SiteParts = list[tuple[np.ndarray, np.ndarray, np.ndarray, str]]
#: Per indicator, the sites that serve it.
Served = dict[str, SiteParts]


@dataclass(frozen=True)
class AreaPart:
    """One stage's share of the gap areas, per indicator of the stage: the resident points it
    leaves unserved (``missing``, a mask) and, where they are not the points' population, the
    persons counted there (``unserved``: the shelters' persons without a place). Parts are
    pickled to a copy drawing apart, so the population, which it has, is not in them."""

    missing: dict[str, np.ndarray]
    unserved: dict[str, np.ndarray]


def shelter_part(ctx: Context, shelters: ShelterStage) -> AreaPart:
    """The shelters' part: the persons without a place."""
    unsheltered = ctx.residents.population - shelters.sheltered
    return AreaPart({"shelter": unsheltered > 1e-6}, {"shelter": unsheltered})


def space_part(spaces: SpaceStage) -> AreaPart:
    """The activity spaces' part, one indicator per circle: who no space of the circle
    reaches."""
    missing = {f"space_{name}": ~np.isfinite(d) for name, d in spaces.distances.items()}
    return AreaPart(missing, {})


def facility_part(facilities: FacilityStage) -> AreaPart:
    """The facilities' part, one indicator per kind."""
    missing = {kind: ~np.isfinite(d) for kind, d in facilities.distances.items()}
    return AreaPart(missing, {})


def served_sites(inp: Inputs) -> Served:
    """Per indicator, the sites that serve it: (geometries, ids, radii, layer) per layer, in
    the order of the indicators (shelters, the life circles, the facility kinds); only the
    indicators with sites. Known from the plan and the rules alone, before any figure (the
    sites and radii the figures route from): a large plan's service areas are drawn while the
    figures are worked out."""
    served: Served = {}
    for lyr in [*inp.plan.by_role("shelters"), *dual_use_layers(inp)]:
        assert lyr.frame is not None
        radii = shelter_table(inp.profile, lyr)["radius_m"].to_numpy(float)
        served.setdefault("shelter", []).append(
            (lyr.frame.geometry.to_numpy(), lyr.frame["id"].to_numpy(), radii, lyr.name)
        )
    groups = [
        ("space_", lyr, circle_sites(inp, lyr)) for lyr in inp.plan.by_role("activity_spaces")
    ]
    groups += [("", lyr, kind_sites(inp, lyr)) for lyr in inp.plan.by_role("facilities")]
    for prefix, lyr, sites_of in groups:
        assert lyr.frame is not None
        for name, (sites, radius) in sites_of.items():
            if sites.size:
                served.setdefault(prefix + name, []).append(
                    (
                        lyr.frame.geometry.to_numpy()[sites],
                        lyr.frame["id"].to_numpy()[sites],
                        np.full(sites.size, radius),
                        lyr.name,
                    )
                )
    return served


def _service_row(
    inp: Inputs,
    ctx: Context,
    name: str,
    parts: SiteParts,
) -> dict[str, Any] | None:
    """The service area of one indicator drawn from its sites (None without any)."""
    geoms = np.concatenate([p[0] for p in parts])
    ids = np.concatenate([p[1] for p in parts])
    radii = np.concatenate([p[2] for p in parts])
    owners = np.concatenate([np.full(len(p[1]), p[3], dtype=object) for p in parts])
    if len(geoms) == 0:
        return None
    buffer = inp.profile.service_area_buffer.value
    if ctx.network is None:
        lines = np.empty((0, 2, 2))
        zones = shapely.buffer(geoms, radii / inp.profile.detour_factor.value)
        buffer = 0.0
    else:
        sources = site_sources(
            ctx.network,
            geoms,
            tolerance=inp.profile.entrance_tolerance.value,
            max_connector=inp.profile.max_connector.value,
            entrances=site_gates(ctx, ids, owners),
        )
        lines, zones = reached_pieces(ctx.network, sources, radii)
    shape, area = area_raster(lines, zones, buffer, budget=SERVICE_PIXEL_BUDGET)
    return {"indicator": name, "area_m2": area, "geometry": shape}
