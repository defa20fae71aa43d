"""The city health check (``spaceplanner batch``): each community's figures against an
independent evaluation, the outputs, resuming, a killed worker, and bad input."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from spaceplanner import evaluate, load_plan
from spaceplanner.city.communities import read_communities
from spaceplanner.city.run import WORK, run_batch
from spaceplanner.city.work import Options, figures_row
from spaceplanner.cli import main
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.engine.residents import representative_points
from spaceplanner.feedback import CancelledError, Feedback
from spaceplanner.layers.errors import LayerError, PlanError
from spaceplanner.model.plan import PlanLayer
from spaceplanner.model.rules import load_profile
from spaceplanner.sample_maps import get_path

SAMPLE = get_path("synthetic_cn")
GRIDS = SAMPLE.parent / "grids.geojson"


@pytest.fixture(scope="module")
def city():
    return load_plan(SAMPLE)


def _extent(plan) -> tuple[float, float, float, float]:
    b = np.array([lyr.frame.total_bounds for lyr in plan if lyr.frame is not None])
    return (*b[:, :2].min(axis=0), *b[:, 2:].max(axis=0))


def _communities(plan, path=GRIDS, **kw):
    return read_communities(path, plan.crs, _extent(plan), **kw)


@pytest.fixture(scope="module")
def cluster():
    from spaceplanner.city.run import local_cluster

    with local_cluster(2) as c:  # as the command makes it
        yield c


def _own_plan(city, boundary) -> object:
    """The community's own plan, made independently of the batch's cutting: the whole city plan
    with only the residents whose point lies in the community, and the community as its
    boundary (its per-person areas count the sites standing in it)."""
    layers = {n: lyr for n, lyr in city.layers.items() if lyr.role != "boundary"}
    for name, lyr in city.layers.items():
        if lyr.role == "residents":
            pts = shapely.points(representative_points(lyr.frame.geometry.to_numpy()))
            inside = shapely.intersects(boundary, pts)
            layers[name] = replace(lyr, frame=lyr.frame[inside].reset_index(drop=True))
    frame = gpd.GeoDataFrame({"id": ["own"]}, geometry=[boundary], crs=city.crs)
    own = PlanLayer("own", "boundary", frame=frame, options={"areas_within": True})
    return replace(city, layers={"own": own, **layers})


def test_each_community_has_the_figures_of_its_own_plan(city, cluster, tmp_path) -> None:
    coms = _communities(city)
    assert coms.ids == ["WG01", "WG02", "WG03", "WG04"] and coms.names[0] == "西南网格"
    result = run_batch(
        city,
        coms,
        tmp_path,
        options=Options(maps=False),
        scheduler=cluster.scheduler_address,
    )
    assert [r.status for r in result.results] == ["ok"] * 4
    assert result.computed == 4 and result.resumed == 0
    assert {"prepare", "cut", "compute", "write"} == set(result.phases)
    assert 0 < sum(result.phases.values()) <= result.seconds
    total = 0.0
    for i, res in enumerate(result.results):
        own = figures_row(evaluate(_own_plan(city, coms.geoms[i]), gaps=False))
        assert res.row.keys() == own.keys()
        for key, value in own.items():
            assert res.row[key] == pytest.approx(value), (coms.ids[i], key)
        total += res.row["population"]
    assert total == pytest.approx(evaluate(city, gaps=False).population)
    table = gpd.read_file(tmp_path / "communities.gpkg")
    assert list(table["编号"]) == coms.ids and (table["status"] == "ok").all()
    assert table.crs == city.crs
    csv = (tmp_path / "communities.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Chinese names
    frame = pd.read_csv(tmp_path / "communities.csv", encoding="utf-8-sig")
    assert list(frame["name"]) == coms.names
    assert {"population", "shelters_share_sheltered", "kindergarten_share_covered", "rank"} <= set(
        frame.columns
    )
    best = frame.loc[frame["rank"] == 1, "share_met"]
    assert (best == frame["share_met"].max()).all()
    assert not (tmp_path / WORK).exists()


def test_areas_per_person_count_the_sites_in_the_community(city, cluster, tmp_path) -> None:
    """Under cn-community, park green per person is the park area standing in the community ÷
    its residents (its plan also holds the neighbours' parks, for walking), by hand here."""
    coms = _communities(city)
    result = run_batch(
        city,
        coms,
        tmp_path,
        options=Options(maps=False, rules="cn-community"),
        scheduler=cluster.scheduler_address,
    )
    spaces = city.layers["activity_spaces"].frame
    area = spaces["area"].fillna(spaces.area) if "area" in spaces else spaces.area
    parks = spaces["kind"].isin(["park", "garden", "green"]) | spaces["kind"].isna()
    where = shapely.point_on_surface(spaces.geometry.to_numpy())
    seen = 0.0
    for i, res in enumerate(result.results):
        inside = shapely.intersects(coms.geoms[i], where)
        expected = float(area[parks & inside].sum()) / res.row["population"]
        assert res.row["park_green_per_capita_m2"] == pytest.approx(expected), coms.ids[i]
        seen += float(area[parks & inside].sum())
        assert res.row["supermarket_share_covered"] == 0.0  # required, none in the sample
    # the four communities together hold the sample's parks once (none twice)
    assert seen == pytest.approx(float(area[parks].sum()))


def test_cli_batch_writes_the_maps_atlas_and_gbk_csv(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "city"
    args = ["batch", "--sample", "synthetic_cn", "--communities", str(GRIDS), "--out", str(out)]
    assert main([*args, "--workers", "2", "--encoding", "gbk", "--lang", "zh", "-q"]) == 0
    assert sorted(p.name for p in (out / "communities").iterdir()) == [
        f"WG0{i}.html" for i in range(1, 5)
    ]
    pages = PdfReader(out / "atlas.pdf").pages
    assert len(pages) == 5  # the overview and one sheet per community
    assert "西南网格" in pages[1].extract_text()
    page = (out / "map.html").read_text(encoding="utf-8")
    # folium writes the features as JSON: non-ASCII text escaped
    assert "WG01.html" in page and json.dumps("东北网格")[1:-1] in page
    # offline: no script or style sheet from a CDN
    assert not re.search(r'<script[^>]+src="http|<link[^>]+href="http', page)
    frame = pd.read_csv(out / "communities.csv", encoding="gbk")
    assert list(frame["name"]) == ["西南网格", "东南网格", "西北网格", "东北网格"]
    # a second run refuses to replace the outputs without --overwrite
    assert main([*args, "--workers", "1", "-q", "--no-maps"]) == 2


def test_a_community_without_residents_is_a_row_with_its_error(city, cluster, tmp_path) -> None:
    coms = _communities(city)
    b = shapely.bounds(coms.geoms[0])
    empty = shapely.box(b[0] + 100, b[1] - 35, b[0] + 200, b[1] - 5)  # on the river: no one
    frame = coms.frame()
    frame.loc[len(frame)] = ["X1", "空地", empty]
    path = tmp_path / "with_empty.gpkg"
    frame.to_file(path)
    result = run_batch(
        city,
        _communities(city, path),
        tmp_path / "out",
        options=Options(maps=False),
        scheduler=cluster.scheduler_address,
    )
    statuses = [r.status for r in result.results]
    assert statuses[:4] == ["ok"] * 4 and "resident" in statuses[4]
    table = gpd.read_file(tmp_path / "out" / "communities.gpkg")
    assert table.loc[4, "status"] == statuses[4] and pd.isna(table.loc[4, "rank"])


def test_an_interrupted_run_resumes_with_only_what_is_missing(city, cluster, tmp_path) -> None:
    coms = _communities(city)
    seen: list[float] = []

    def stop_after_two(fraction: float, code: str, detail: str) -> None:
        if code == "batch" and fraction > 0:
            seen.append(fraction)

    feedback = Feedback(listener=stop_after_two, cancelled=lambda: len(seen) >= 2)
    with pytest.raises(CancelledError):
        run_batch(
            city,
            coms,
            tmp_path,
            options=Options(maps=False),
            scheduler=cluster.scheduler_address,
            feedback=feedback,
        )
    saved = sorted((tmp_path / WORK / "results").glob("*.json"))
    assert len(saved) >= 2 and not (tmp_path / "communities.gpkg").exists()
    # without --resume the unfinished run is not thrown away silently
    with pytest.raises(PlanError) as err:
        run_batch(
            city, coms, tmp_path, options=Options(maps=False), scheduler=cluster.scheduler_address
        )
    assert "--resume" in (err.value.hint or "")
    # other settings: refused, the unfinished run is kept
    with pytest.raises(PlanError):
        run_batch(
            city,
            coms,
            tmp_path,
            options=Options(maps=False, period="normal"),
            scheduler=cluster.scheduler_address,
            resume=True,
        )
    result = run_batch(
        city,
        coms,
        tmp_path,
        options=Options(maps=False),
        scheduler=cluster.scheduler_address,
        resume=True,
    )
    assert result.resumed == len(saved) and result.computed == 4 - len(saved)
    assert [r.status for r in result.results] == ["ok"] * 4
    assert not (tmp_path / WORK).exists() and (tmp_path / "communities.gpkg").is_file()


def test_a_worker_killed_mid_task_is_retried(city, tmp_path) -> None:
    """Kill a worker process while it evaluates a community: the scheduler gives the task to
    another worker (the nanny restarts the dead one) and every community is evaluated."""
    from dask.distributed import Client, LocalCluster

    coms = _communities(city)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as c,
        Client(c) as client,
    ):
        pids = client.run(os.getpid)
        killed: list[str] = []

        def kill_a_busy_worker() -> None:
            deadline = time.time() + 60
            while time.time() < deadline and not killed:
                busy = [
                    w
                    for w, keys in client.processing().items()
                    if any(str(k).startswith("community-") for k in keys)
                ]
                if busy:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy[0])
                time.sleep(0.02)

        watcher = threading.Thread(target=kill_a_busy_worker)
        watcher.start()
        result = run_batch(
            city, coms, tmp_path, options=Options(maps=True), scheduler=c.scheduler_address
        )
        watcher.join()
    assert killed, "no worker was busy to be killed"
    assert [r.status for r in result.results] == ["ok"] * 4


def _write(frame: gpd.GeoDataFrame, path: Path) -> Path:
    frame.to_file(path)
    return path


@pytest.mark.parametrize(
    ("spoil", "field", "words"),
    [
        (lambda f: f.drop(columns=["编号"]), "id", "no id field"),
        (lambda f: f.assign(编号=["WG01", "WG01", "WG03", "WG04"]), "编号", "WG01"),
        (lambda f: f.assign(编号=["WG01", None, "WG03", "WG04"]), "编号", "no id"),
        (
            lambda f: f.set_geometry(f.geometry.buffer(0.0005)),  # degrees: they now overlap
            "编号",
            "overlap",
        ),
        (lambda f: f.set_geometry(f.geometry.translate(3.0, 0.0)), "编号", "outside"),
        (lambda f: f.set_geometry(f.geometry.centroid), "编号", "polygon"),
    ],
    ids=["no_id", "duplicate_id", "empty_id", "overlap", "outside", "points"],
)
def test_bad_boundaries_are_refused_with_one_message(
    spoil, field: str, words: str, tmp_path: Path, capsys
) -> None:
    frame = gpd.read_file(GRIDS)
    path = _write(spoil(frame), tmp_path / "bad.gpkg")
    out = tmp_path / "out"
    code = main(
        ["batch", "--sample", "synthetic_cn", "--communities", str(path), "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 2 and words in err and "bad.gpkg" in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
    with pytest.raises(LayerError) as exc:
        _communities(load_plan(SAMPLE), path)
    assert exc.value.field == field


def test_boundaries_in_another_crs_are_reprojected(city, tmp_path) -> None:
    frame = gpd.read_file(GRIDS).to_crs(3857)
    coms = _communities(city, _write(frame, tmp_path / "web_mercator.gpkg"))
    same = _communities(city)
    assert np.allclose(shapely.area(coms.geoms), shapely.area(same.geoms), rtol=1e-4)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, capsys) -> None:
    code = main(
        [
            "batch",
            "--sample",
            "synthetic_cn",
            "--communities",
            str(GRIDS),
            "--out",
            str(tmp_path / "out"),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "scheduler" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "communities.gpkg").exists()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _batch_cmd(out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "spaceplanner.cli",
        "batch",
        "--sample",
        "synthetic_cn",
        "--communities",
        str(GRIDS),
        "--out",
        str(out),
        *extra,
    ]


def _held(flag: Path) -> dict[str, str]:
    """Hold the run after its first saved community until ``flag`` is removed."""
    flag.touch()
    return {**os.environ, "SPACEPLANNER_TEST_PAUSE": f"community:{flag}"}


def _wait_reached(flag: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while not Path(f"{flag}.reached").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.time() < deadline, "the run never saved a community"
        time.sleep(0.05)


def test_ctrl_c_then_resume_computes_only_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    flag = tmp_path / "hold"
    proc = subprocess.Popen(
        _batch_cmd(out, "--workers", "1", "-q"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_held(flag),
    )
    _wait_reached(flag, proc)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"--resume" in err and b"Traceback" not in err
    saved = len(list((out / WORK / "results").glob("*.json")))
    assert 1 <= saved < 4 and not (out / "communities.gpkg").exists()
    done = subprocess.run(_batch_cmd(out, "--workers", "1", "--resume"), capture_output=True)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert f"computed {4 - saved} now, {saved} from the interrupted run" in text
    assert (out / "communities.gpkg").is_file() and not (out / WORK).exists()


def test_a_killed_scheduler_stops_the_run_cleanly_and_resume_goes_on(tmp_path: Path) -> None:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "distributed.cli.dask_scheduler",
            "--port",
            str(port),
            "--dashboard-address",
            ":0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    out = tmp_path / "out"
    flag = tmp_path / "hold"
    try:
        proc = subprocess.Popen(
            _batch_cmd(out, "--scheduler", address, "-q"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_held(flag),
        )
        _wait_reached(flag, proc)
        scheduler.kill()
        scheduler.wait()
        flag.unlink()  # let the run go on: the scheduler is gone
        _, err = proc.communicate(timeout=120)
    finally:
        for p in (scheduler, worker):
            p.kill()
            p.wait()
    assert proc.returncode == 2, err
    assert err.decode().startswith("error: ") and err.count(b"\n") == 1, err
    assert b"lost the Dask cluster" in err and b"--resume" in err
    saved = len(list((out / WORK / "results").glob("*.json")))
    assert 1 <= saved < 4 and not (out / "communities.gpkg").exists()
    done = subprocess.run(_batch_cmd(out, "--workers", "1", "--resume"), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert f"computed {4 - saved} now, {saved} from" in done.stdout.decode()


def test_an_overwrite_run_that_was_interrupted_resumes(city, cluster, tmp_path) -> None:
    """A rerun with --overwrite over finished outputs, interrupted, goes on with --resume (the
    earlier outputs are replaced at its end, as the interrupted run was allowed to)."""
    coms = _communities(city)
    run = dict(options=Options(maps=False), scheduler=cluster.scheduler_address)
    run_batch(city, coms, tmp_path, **run)
    seen: list[float] = []
    feedback = Feedback(
        listener=lambda f, code, d: seen.append(f) if code == "batch" and f > 0 else None,
        cancelled=lambda: bool(seen),
    )
    with pytest.raises(CancelledError):
        run_batch(city, coms, tmp_path, overwrite=True, feedback=feedback, **run)
    again = run_batch(city, coms, tmp_path, resume=True, **run)
    assert again.resumed >= 1 and again.computed + again.resumed == 4


def test_failed_rows_of_a_dead_worker_are_computed_again_on_resume(tmp_path) -> None:
    from spaceplanner.city.run import _load, _save
    from spaceplanner.city.work import CommunityResult

    for sub in ("results", "files"):
        (tmp_path / sub).mkdir()
    _save(tmp_path, CommunityResult(0, "ok", {"population": 5.0}), "A")
    _save(tmp_path, CommunityResult(1, "the worker died", retry=True), "B")
    _save(tmp_path, CommunityResult(2, "no residents in the community"), "C")
    assert sorted(_load(tmp_path, 3)) == [0, 2]


def test_the_walking_margin_takes_a_layer_radius(city) -> None:
    from spaceplanner.city.partition import walking_margin

    profile = load_profile(city.rules)
    base = walking_margin(city, profile)
    layers = dict(city.layers)
    name = next(n for n, lyr in layers.items() if lyr.role == "facilities")
    layers[name] = replace(layers[name], options={**layers[name].options, "radius_m": 3000.0})
    assert base < 3000.0 == walking_margin(replace(city, layers=layers), profile)


def test_an_empty_boundaries_file_is_refused(city, tmp_path) -> None:
    path = _write(gpd.read_file(GRIDS).iloc[:0], tmp_path / "empty.gpkg")
    with pytest.raises(LayerError, match="no features"):
        _communities(city, path)


def test_names_are_text_in_the_overview_map(city, tmp_path) -> None:
    from spaceplanner.city.outputs import community_table, write_overview_map
    from spaceplanner.city.work import CommunityResult

    coms = _communities(city)
    coms = replace(coms, names=["<img src=x onerror=alert(1)>", *coms.names[1:]])
    row = {"population": 1.0, "targets_met": 1, "targets_assessed": 2}
    frame = community_table(coms, [CommunityResult(i, "ok", row) for i in range(4)])
    write_overview_map(frame, tmp_path / "map.html", title="t", links={})
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "\\u003cimg src=x" not in page
    assert "&lt;img src=x" in page or "\\u0026lt;img src=x" in page


def test_the_cut_follows_the_margin_on_a_city_wider_than_it(tmp_path) -> None:
    """A synthetic city several walking margins wide, cut into 3 x 3 communities: each
    community's figures equal the city evaluated with only its residents; with the margin cut
    short, they do not (the test sees the cutting)."""
    import spaceplanner.city.partition as part

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synthetic_city import make_city

    big = make_city(6_000, 6_000, 60, seed=3)
    path = tmp_path / "cells.gpkg"
    b = big.layers["residents"].frame.total_bounds
    xs, ys = np.linspace(b[0] - 1, b[2] + 1, 4), np.linspace(b[1] - 1, b[3] + 1, 4)
    cells = [shapely.box(xs[i], ys[j], xs[i + 1], ys[j + 1]) for j in range(3) for i in range(3)]
    gpd.GeoDataFrame({"id": [f"K{k}" for k in range(9)]}, geometry=cells, crs=big.crs).to_file(path)
    coms = read_communities(path, big.crs, _extent(big))
    profile = load_profile(big.rules)
    parts = part.partition(big, coms, profile)
    width = b[2] - b[0]
    assert width > 2 * parts.margin  # the cut leaves out part of the city for each community
    kept = [len(parts.plan(i).layers["network"].frame) for i in range(9)]
    assert max(kept) < len(big.layers["network"].frame)
    rows = []
    for i in range(9):
        own = figures_row(Evaluator(_own_plan(big, coms.geoms[i])).evaluate(gaps=False))
        cut = figures_row(Evaluator(parts.plan(i)).evaluate(gaps=False))
        assert cut.keys() == own.keys()
        for key, value in own.items():
            assert cut[key] == pytest.approx(value), (coms.ids[i], key)
        rows.append(cut)
    short = replace(parts, members=part.partition_members(big, coms, parts.margin / 4, 0.0))
    differs = [
        figures_row(Evaluator(short.plan(i)).evaluate(gaps=False)) != rows[i] for i in range(9)
    ]
    assert any(differs)


def test_population_raster_cells_on_a_shared_edge_go_to_one_community(tmp_path) -> None:
    """Communities split along the centres of a population raster's cells: every cell is
    counted once (to the first community), none is lost, and no worker reads the raster."""
    import rasterio
    from rasterio.transform import from_origin

    from spaceplanner.city.partition import partition

    x0, y0, cell = 500_000.0, 3_400_000.0, 20.0
    with rasterio.open(
        tmp_path / "pop.tif", "w", driver="GTiff", width=10, height=10, count=1,
        dtype="float32", crs="EPSG:32650", transform=from_origin(x0, y0 + 200, cell, cell),
    ) as ds:  # fmt: skip
        ds.write(np.arange(1, 101, dtype="float32").reshape(1, 10, 10))
    lines = [shapely.LineString([(x0, y0 + k), (x0 + 200, y0 + k)]) for k in (50, 150)]
    lines += [shapely.LineString([(x0 + k, y0), (x0 + k, y0 + 200)]) for k in (50, 150)]
    gpd.GeoDataFrame({"id": ["a", "b", "c", "d"]}, geometry=lines, crs="EPSG:32650").to_file(
        tmp_path / "net.gpkg"
    )
    (tmp_path / "plan.toml").write_text(
        'name = "grid"\ncrs = "EPSG:32650"\n[layers.people]\nrole = "residents"\n'
        'path = "pop.tif"\n[layers.net]\nrole = "network"\npath = "net.gpkg"\n',
        encoding="utf-8",
    )
    city = load_plan(tmp_path / "plan.toml")
    # split at x = x0 + 110 and y = y0 + 90: the centres of column 5 and row 5
    xm, ym = x0 + 110.0, y0 + 90.0
    cells = [
        shapely.box(x0 - 5, y0 - 5, xm, ym), shapely.box(xm, y0 - 5, x0 + 205, ym),
        shapely.box(x0 - 5, ym, xm, y0 + 205), shapely.box(xm, ym, x0 + 205, y0 + 205),
    ]  # fmt: skip
    path = _write(
        gpd.GeoDataFrame({"id": ["SW", "SE", "NW", "NE"]}, geometry=cells, crs="EPSG:32650"),
        tmp_path / "quads.gpkg",
    )
    coms = read_communities(path, city.crs, _extent(city))
    parts = partition(city, coms, load_profile(city.rules))
    plans = [parts.plan(i) for i in range(4)]
    pops = [float(p.layers["people"].frame["population"].sum()) for p in plans]
    assert sum(pops) == pytest.approx(5050.0)  # 1 + 2 + ... + 100, each cell once
    assert all(p.layers["people"].raster is None for p in plans)
    assert min(pops) > 0


def test_a_piece_rebuilds_the_rows_of_the_city_exactly(city) -> None:
    """What a worker gets (the city's skeleton once, a community's piece as flat arrays, the
    geometries as WKB) rebuilds, after pickling, frames equal to the city's own rows of that
    community: same columns, dtypes, values, geometries and CRS; and an empty piece gives an
    empty frame of the same columns."""
    import pickle

    from geopandas.testing import assert_geodataframe_equal

    from spaceplanner.city.partition import community_plan, partition

    coms = _communities(city)
    parts = partition(city, coms, load_profile(city.rules))
    skeleton = pickle.loads(pickle.dumps(parts.skeleton))
    assert all(len(parts.skeleton.layers[n].frame) == 0 for n in parts.members)
    seen = 0
    for i in range(len(coms)):
        piece = pickle.loads(pickle.dumps(parts.piece(i), protocol=5))
        plan = community_plan(skeleton, piece)
        assert plan.name == coms.names[i]
        assert list(plan.layers["community"].frame[coms.id_field]) == [coms.ids[i]]
        for name, (starts, rows) in parts.members.items():
            want = city.layers[name].frame.iloc[rows[starts[i] : starts[i + 1]]]
            got = plan.layers[name].frame
            assert_geodataframe_equal(got, want.reset_index(drop=True), check_less_precise=False)
            assert got.crs == city.crs
            seen += len(got)
    assert seen > 0
    none = replace(parts, members={n: (np.zeros(5, int), r) for n, (_, r) in parts.members.items()})
    empty = community_plan(skeleton, none.piece(0))
    for name in parts.members:
        frame = empty.layers[name].frame
        assert len(frame) == 0
        assert list(frame.columns) == list(city.layers[name].frame.columns)


def test_a_block_ships_each_shared_feature_once_and_rebuilds_each_community(city) -> None:
    """Neighbouring communities shipped as one block: each layer's rows any of them takes,
    each once (fewer than their pieces together, as neighbours share what lies within walking
    reach), and each community's piece taken out of the block on the other side of a pickle
    rebuilds the city's own rows of that community exactly."""
    import pickle

    from geopandas.testing import assert_geodataframe_equal

    from spaceplanner.city.partition import community_plan, partition

    coms = _communities(city)
    parts = partition(city, coms, load_profile(city.rules))
    indices = [3, 0, 2]
    block = pickle.loads(pickle.dumps(parts.block(indices), protocol=5))
    shared = 0
    for name, (starts, rows) in parts.members.items():
        each = [rows[starts[i] : starts[i + 1]] for i in indices]
        union = set(np.concatenate(each).tolist())
        assert len(next(iter(block.columns[name].values()))) == len(union)
        shared += sum(map(len, each)) - len(union)
    assert shared > 0  # the sample's communities share features within walking reach
    assert sorted(block.members) == sorted(indices)
    for i in indices:
        plan = community_plan(parts.skeleton, block.piece(i))
        assert plan.name == coms.names[i]
        assert list(plan.layers["community"].frame[coms.id_field]) == [coms.ids[i]]
        for name, (starts, rows) in parts.members.items():
            want = city.layers[name].frame.iloc[rows[starts[i] : starts[i + 1]]]
            got = plan.layers[name].frame
            assert_geodataframe_equal(got, want.reset_index(drop=True), check_less_precise=False)
    with pytest.raises(KeyError):
        block.piece(1)  # not one of the block's


def test_communities_in_several_blocks_have_the_same_figures(city, cluster, tmp_path, monkeypatch):
    """A run whose communities are shipped in several blocks (of 3 and 1 here) gives each
    community the row it gets shipped alone (one block of one)."""
    import spaceplanner.city.run as run

    coms = _communities(city)
    rows = {}
    for size in (3, 1):
        monkeypatch.setattr(run, "BLOCK", size)
        result = run_batch(
            city,
            coms,
            tmp_path / str(size),
            options=Options(maps=False),
            scheduler=cluster.scheduler_address,
        )
        assert [r.status for r in result.results] == ["ok"] * 4
        rows[size] = [r.row for r in result.results]
    assert rows[3] == rows[1]


def test_the_local_cluster_leaves_the_cores_to_the_communities() -> None:
    """The command's local cluster: worker processes of one thread each, numpy's and BLAS's
    threads pinned to 1 (two workers must not share 2 cores among 4 threads), and none of
    Dask's diagnostics sampling a worker while it evaluates (its statistical profiler)."""
    from dask.distributed import Client

    from spaceplanner.city.run import local_cluster

    def inside() -> tuple[str | None, str | None, bool]:
        import dask

        profiling = bool(dask.config.get("distributed.worker.profile.enabled"))
        return os.environ.get("OMP_NUM_THREADS"), os.environ.get("OPENBLAS_NUM_THREADS"), profiling

    with local_cluster(2) as cluster, Client(cluster) as client:
        assert sorted(client.nthreads().values()) == [1, 1]
        assert list(client.run(inside).values()) == [("1", "1", False)] * 2
