"""The city health check run: every community evaluated on Dask, resumable, written as one unit.

The city plan is cut into community plans once (:mod:`spaceplanner.city.partition`); each is
shipped to a worker of a ``dask.distributed`` cluster — a ``LocalCluster`` of worker processes
by default, or the scheduler at an address — and evaluated there
(:func:`spaceplanner.city.work.evaluate_community`). At most a few tasks per worker are in
flight, so the client never holds every community's plan at once. Results stream back as they
finish: each is written at once into the output folder's work folder
(``.spaceplanner-batch/``), so an interrupted run (Ctrl-C, a killed scheduler or client) goes on
with ``--resume`` and computes only what is missing; a worker killed mid-task is retried by the
scheduler (Dask's ``allowed-failures``) and, if it keeps dying, the community gets a row saying
so. At the end the outputs (``communities.gpkg``, ``communities.csv``, ``map.html``,
``atlas.pdf``, ``communities/``) are written together (:func:`spaceplanner.files.output_unit`)
and the work folder is removed: nothing half-done is ever presented as complete.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import shapely

from spaceplanner import __version__
from spaceplanner.city.communities import Communities
from spaceplanner.city.outputs import (
    community_table,
    write_atlas,
    write_csv,
    write_gpkg,
    write_overview_map,
)
from spaceplanner.city.partition import Partition, partition
from spaceplanner.city.work import CommunityResult, Options, evaluate_member
from spaceplanner.feedback import CancelledError, Feedback
from spaceplanner.files import (
    atomic_path,
    check_targets,
    folder_lock,
    output_unit,
    pause,
    safe_name,
)
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.plan import Plan
from spaceplanner.model.rules import load_profile
from spaceplanner.results.run import file_digest

__all__ = ["OUTPUTS", "QUIET", "WORK", "BatchResult", "connect", "local_cluster", "run_batch"]

#: The hidden folder of an unfinished run inside the output folder.
WORK = ".spaceplanner-batch"
#: Communities shipped together (:class:`~spaceplanner.city.partition.Block`): neighbours share
#: most of what lies within walking reach, which a block ships once.
BLOCK = 16
#: Seconds to wait for a scheduler's first worker.
WAIT_FOR_WORKERS = 30.0
#: What a finished run writes.
OUTPUTS = ("communities.gpkg", "communities.csv", "map.html", "atlas.pdf", "communities")


@dataclass(frozen=True)
class BatchResult:
    """A finished run: per community its result (in the boundaries' order), how many were
    computed now and how many came from an earlier, interrupted run, the outputs, and where the
    run's time went (seconds of ``prepare``: reading earlier results, connecting; ``cut``: the
    city cut into communities; ``compute``: from the first community shipped to the last result
    saved; ``write``: the outputs)."""

    results: list[CommunityResult]
    computed: int
    resumed: int
    seconds: float
    workers: int
    outputs: list[Path]
    phases: dict[str, float] = field(default_factory=dict)


#: Side files a GIS writes beside a Shapefile or raster (indexes, metadata) that do not change
#: what is read: not part of a run's identity.
_NOT_DATA = (".xml", ".sbn", ".sbx", ".qix", ".fix", ".aux", ".ovr", ".lock", ".qmd", ".qml")


def _run_key(
    city: Plan, communities: Communities, options: Options, inputs: list[Path], profile: Path
) -> str:
    """What makes two runs the same batch: the content of every input file (by its real path),
    the rule profile's file, the communities as read (ids, names, boundaries, CRS) and the
    options; not how the paths were typed, nor a GIS's index files."""
    files = {
        os.path.realpath(p): file_digest(p)
        for p in inputs
        if not str(p).lower().endswith(_NOT_DATA)
    }
    shapes = hashlib.sha256(b"".join(shapely.to_wkb(communities.geoms, hex=False))).hexdigest()
    parts = {
        "version": __version__,
        "inputs": dict(sorted(files.items())),
        "profile": [os.path.realpath(profile), file_digest(profile)],
        "communities": [communities.ids, communities.names, shapes, communities.crs.to_wkt()],
        "options": {k: v for k, v in asdict(options).items() if k != "rules"},
        "plan": city.name,
    }
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _result_name(index: int) -> str:
    return f"{index:06d}"


def _save(work: Path, result: CommunityResult, ident: str) -> None:
    """One community's result, each file written whole (atomic), the row last."""
    stem = _result_name(result.index)
    for name, data in result.files.items():
        with atomic_path(work / "files" / f"{stem}.{name}") as tmp:
            tmp.write_bytes(data)
    record = {
        "index": result.index,
        "id": ident,
        "status": result.status,
        "row": result.row,
        "files": sorted(result.files),
        "seconds": result.seconds,
        "retry": result.retry,
    }
    with atomic_path(work / "results" / f"{stem}.json") as tmp:
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _saved_file(work: Path, index: int, name: str) -> Path | None:
    path = work / "files" / f"{_result_name(index)}.{name}"
    return path if path.is_file() else None


def _load(work: Path, total: int) -> dict[int, CommunityResult]:
    """The results an earlier run of the same batch left (rows whose files are all there);
    their files stay on disk (:func:`_saved_file`)."""
    found: dict[int, CommunityResult] = {}
    folder = work / "results"
    if not folder.is_dir():
        return found
    for path in folder.glob("*.json"):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            index = int(record["index"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a torn or foreign file: computed again
        if not 0 <= index < total:
            continue
        if record.get("retry"):
            continue  # a worker died on it, or a bug: tried again
        names = list(record.get("files", []))
        if not all((work / "files" / f"{_result_name(index)}.{n}").is_file() for n in names):
            continue
        found[index] = CommunityResult(
            index, str(record["status"]), dict(record["row"]), {}, float(record["seconds"])
        )
    return found


def _prepare_work(
    out: Path, key: str, total: int, *, resume: bool, overwrite: bool
) -> tuple[Path, bool]:
    """The work folder of this run, and whether its outputs may replace earlier ones (asked
    now, or by the run being resumed)."""
    work = out / WORK
    run_file = work / "run.json"
    earlier: dict[str, Any] = {}
    if work.exists():
        try:
            earlier = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            earlier = {}
        same = earlier.get("key") == key
        done = len(list((work / "results").glob("*.json"))) if (work / "results").is_dir() else 0
        if resume and same:
            pass  # go on (with --overwrite too: it applies to the outputs at the end)
        elif overwrite:
            shutil.rmtree(work)
            earlier = {}
        elif not same:
            msg = "the folder holds an unfinished batch run of other inputs or settings"
            raise PlanError(
                msg,
                file=str(out),
                hint="rerun that batch with --resume, use --overwrite to discard it, or choose "
                "another --out",
            )
        elif not resume:
            msg = f"the folder holds an unfinished run of this batch ({done} of {total} done)"
            raise PlanError(
                msg, file=str(out), hint="add --resume to go on, or --overwrite to start again"
            )
    overwrite = overwrite or bool(earlier.get("overwrite"))
    for sub in ("results", "files"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    with atomic_path(run_file) as tmp:
        record = {"key": key, "total": total, "overwrite": overwrite}
        tmp.write_text(json.dumps(record), encoding="utf-8")
    return work, overwrite


def connect(workers: int | None, scheduler: str | None) -> Any:
    """A ``dask.distributed`` client: on the scheduler at ``scheduler``, else on a new
    ``LocalCluster`` of ``workers`` single-threaded worker processes (default: one per core)."""
    try:
        from dask.distributed import Client
    except ImportError as exc:  # pragma: no cover - the extra is installed with the tests
        msg = "the city batch needs Dask"
        raise PlanError(msg, hint='install it with pip install "spaceplanner[city]"') from exc
    # the connection's own logs (tracebacks on stderr) would bury the one message we give
    for name in [n for n in logging.root.manager.loggerDict if n.startswith("distributed")]:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            msg = f"cannot reach the Dask scheduler at {scheduler} ({exc})"
            raise PlanError(
                msg,
                field="--scheduler",
                hint="check the address (tcp://host:8786) and that the scheduler runs; "
                "leave out --scheduler to run on this machine",
            ) from exc
        try:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
        except (OSError, TimeoutError) as exc:
            _close(client)
            msg = f"the Dask scheduler at {scheduler} has no workers"
            raise PlanError(
                msg,
                field="--scheduler",
                hint=f"start workers (dask worker {scheduler}); waited {WAIT_FOR_WORKERS:.0f} s",
            ) from exc
        return client
    return Client(local_cluster(workers or os.cpu_count() or 1))


#: Dask's diagnostics a batch run has no use for, slowed or off on a local cluster: each
#: worker's statistical profiler (its stack sampled every 10 ms while a community is evaluated),
#: the event loops' health checks every 20 ms, and the system and memory monitors' polling.
#: On a machine whose cores the workers fill, what they take is taken from the communities.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
}


def local_cluster(workers: int) -> Any:
    """A ``LocalCluster`` of ``workers`` worker processes, one thread each (numpy's and BLAS's
    threads pinned to 1 by the nanny), without the diagnostics of :data:`QUIET`."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(QUIET):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=50,
        )


def _identity(value: Any) -> Any:
    return value


def _unpickle(data: bytes) -> Any:
    """A block, pickled once by the client: the scheduler passes one buffer on instead of
    unpickling and pickling again every array of it."""
    return pickle.loads(data)


def _warm_up() -> None:
    """Load what evaluating a community needs (run on each worker, not waited for)."""
    import spaceplanner.city.work
    import spaceplanner.engine.evaluation  # noqa: F401


def _close(client: Any) -> None:
    cluster = getattr(client, "cluster", None)
    try:
        client.close()
        if cluster is not None:
            cluster.close()
    except Exception:
        pass


def _compute(
    client: Any,
    parts: Partition,
    todo: list[int],
    options: Options,
    work: Path,
    ids: list[str],
    feedback: Feedback,
    done_before: int,
    run: str,
) -> Iterator[CommunityResult]:
    """Submit the communities ``todo`` a few at a time; yield each result as it finishes."""
    import dask
    from dask.distributed import as_completed

    total = len(ids)
    queue = iter(todo)

    seen: dict[str, float] = {"at": -1e9, "workers": 1}

    def ahead() -> int:
        """Tasks to keep in flight: two per worker and one. Workers may join or leave while the
        run goes on; they are counted at most every 2 s (asking the scheduler is not free)."""
        now = time.monotonic()
        if now - seen["at"] > 2.0:
            seen["at"], seen["workers"] = now, len(client.scheduler_info().get("workers", {}))
        return 2 * max(1, int(seen["workers"])) + 1

    futures: dict[Any, int] = {}
    # the city's skeleton is sent once, as a task's result that every community task needs:
    # each worker fetches it once, and if the worker holding it dies the scheduler makes it
    # again (scattered data would be lost with its worker); so is each block of communities
    skeleton = client.submit(_identity, parts.skeleton, key=f"skeleton-{run}")
    blocks = [todo[k : k + BLOCK] for k in range(0, len(todo), BLOCK)]
    block_of = {i: b for b, members in enumerate(blocks) for i in members}
    shipped: dict[int, Any] = {}

    def block(b: int) -> Any:
        """Block ``b``'s future, shipped when its first community is submitted; the client
        lets it go with its last (the scheduler keeps it while its communities need it)."""
        if b not in shipped:
            data = pickle.dumps(parts.block(blocks[b]), protocol=pickle.HIGHEST_PROTOCOL)
            name = hashlib.sha256(repr(blocks[b]).encode()).hexdigest()[:16]
            # a block in the graph is meant: the scheduler can make it again if its worker dies
            with dask.config.set({"distributed.admin.large-graph-warning-threshold": "2GB"}):
                shipped[b] = client.submit(_unpickle, data, key=f"block-{run}-{name}")
        return shipped[b]

    def submit() -> bool:
        i = next(queue, None)
        if i is None:
            return False
        b = block_of[i]
        fut = client.submit(
            evaluate_member, skeleton, block(b), i, options, key=f"community-{run}-{i}"
        )
        if i == blocks[b][-1]:
            del shipped[b]
        futures[fut] = i
        return True

    while len(futures) < ahead() and submit():
        pass
    stream = as_completed(list(futures))
    count = done_before
    try:
        for fut in stream:
            i = futures.pop(fut)
            try:
                result = fut.result()
            except Exception as exc:
                if type(exc).__name__ != "KilledWorker":
                    raise
                # the scheduler retried it on other workers and they died too
                why = "the worker evaluating it died each time it was tried (out of memory?)"
                result = CommunityResult(i, why, retry=True)
            fut.release()
            _save(work, result, ids[i])
            result = replace(result, files={})  # on disk now: the client keeps no page in memory
            count += 1
            feedback.step("batch", count / total, f"{count}/{total}")
            yield result
            pause("community")
            while len(futures) < ahead() and submit():
                stream.add(list(futures)[-1])
    except (CancelledError, PlanError, KeyboardInterrupt):
        raise
    except Exception as exc:  # the scheduler or the connection to it is gone
        msg = f"lost the Dask cluster ({type(exc).__name__}: {' '.join(str(exc).split())})"
        raise PlanError(
            msg,
            file=str(work.parent),
            hint=f"{count} of {total} communities are saved; run the same command again with "
            "--resume to compute only the others",
        ) from exc


def run_batch(
    city: Plan,
    communities: Communities,
    out: Path | str,
    *,
    options: Options,
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    overwrite: bool = False,
    encoding: str = "utf-8",
    inputs: list[Path] | None = None,
    feedback: Feedback | None = None,
) -> BatchResult:
    """Evaluate every community of ``city`` and write the outputs into ``out``.

    Parameters
    ----------
    city
        The plan covering the city.
    communities
        The communities (:func:`~spaceplanner.city.communities.read_communities`).
    options
        Rules, scenario, period, language, and whether to draw each community's map and sheet.
    workers, scheduler
        A local cluster of ``workers`` processes, or the scheduler at an address.
    resume
        Go on with an unfinished run of the same batch in ``out``.
    overwrite
        Replace earlier outputs, and discard an unfinished run.
    encoding
        The CSV's encoding (``utf-8`` with a BOM, or ``gbk``).
    inputs
        Files the outputs must never replace (the plan's inputs and the boundaries).
    """
    feedback = feedback or Feedback()
    out = Path(out)
    inputs = [*(inputs or []), communities.path]
    start = time.perf_counter()
    total = len(communities)
    profile = load_profile(options.rules or city.rules)
    with folder_lock(out):
        key = _run_key(city, communities, options, inputs, profile.path)
        work, overwrite = _prepare_work(out, key, total, resume=resume, overwrite=overwrite)
        check_targets(out, list(OUTPUTS), overwrite=overwrite, inputs=inputs)
        results = _load(work, total)
        resumed = len(results)
        todo = [i for i in range(total) if i not in results]
        feedback.step("batch", resumed / max(total, 1), f"{resumed}/{total}")
        n_workers = 0
        phases: dict[str, float] = {}
        if todo:
            client = connect(workers, scheduler)
            try:
                # the workers load the engine while the client cuts the city
                warm = [
                    client.submit(_warm_up, pure=False, workers=[w], allow_other_workers=True)
                    for w in client.scheduler_info().get("workers", {})
                ]
                at = time.perf_counter()
                phases["prepare"] = at - start
                parts = partition(city, communities, profile)
                phases["cut"] = time.perf_counter() - at
                n_workers = len(client.scheduler_info().get("workers", {}))
                del warm
                at = time.perf_counter()
                for result in _compute(
                    client, parts, todo, options, work, communities.ids, feedback, resumed, key[:16]
                ):
                    results[result.index] = result
                    feedback.check()
                phases["compute"] = time.perf_counter() - at
            finally:
                _close(client)
        ordered = [results[i] for i in range(total)]
        feedback.step("writing", 0.0)
        at = time.perf_counter()
        written = _write_outputs(
            out, work, communities, ordered, options, encoding, inputs, overwrite, city.name
        )
        shutil.rmtree(work, ignore_errors=True)
        phases["write"] = time.perf_counter() - at
    seconds = time.perf_counter() - start
    return BatchResult(ordered, len(todo), resumed, seconds, n_workers, written, phases)


def _link_or_copy(source: Path, target: Path) -> None:
    """A second name for a page of the work folder (same disk), or a copy where links fail."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _write_outputs(
    out: Path,
    work: Path,
    communities: Communities,
    results: list[CommunityResult],
    options: Options,
    encoding: str,
    inputs: list[Path],
    overwrite: bool,
    title: str,
) -> list[Path]:
    frame = community_table(communities, results)
    taken: set[str] = set()
    links: dict[int, str] = {}
    with output_unit(out, overwrite=overwrite, inputs=inputs, held=True) as staging:
        write_gpkg(frame, staging / "communities.gpkg")
        write_csv(frame, staging / "communities.csv", encoding=encoding)
        if options.maps:
            folder = staging / "communities"
            folder.mkdir()
            for res in results:
                page = _saved_file(work, res.index, "map.html")
                if page is not None:
                    name = safe_name(communities.ids[res.index], taken) + ".html"
                    _link_or_copy(page, folder / name)
                    links[res.index] = f"communities/{name}"
            write_atlas(
                frame,
                [_saved_file(work, r.index, "sheet.pdf") for r in results],
                staging / "atlas.pdf",
                title=title,
                lang=options.lang,
            )
        write_overview_map(frame, staging / "map.html", title=title, links=links, lang=options.lang)
        names = sorted(p.name for p in staging.iterdir())
    return [out / n for n in names]
