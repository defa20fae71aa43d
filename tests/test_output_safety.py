"""What the tool promises about its outputs: inputs are never written, outputs appear whole or not
at all, nothing is replaced without --overwrite, and a lock keeps two runs apart.

Runs are killed and raced as real processes; the disk-full and read-only cases use a small tmpfs
mount where the machine allows it (as root), else the same errors are simulated.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

import spaceplanner.files as outputs_module
import spaceplanner.outputs.evaluate_outputs as evaluate_outputs
from spaceplanner import PlanError, load_plan, save_plan
from spaceplanner.cli import main
from spaceplanner.sample_maps import get_path

SAMPLE = "synthetic_cn"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spaceplanner.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,  # a hang fails the test instead of stalling the suite
    )


def _start(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "spaceplanner.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


def _wait_for(path: Path, proc: subprocess.Popen[str]) -> None:
    """Wait until ``path`` exists (the run reached its pause), or fail if the run ended."""
    while not path.exists():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the run ended before its pause: {proc.returncode} {out} {err}")
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.05)


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The outputs a user sees in ``folder`` (not the hidden staging folders) and their bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).parts[0].startswith(".spaceplanner")
    }


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".spaceplanner"))


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """The synthetic sample copied into a folder of its own (its plan.toml and data files)."""
    folder = tmp_path / "project"
    shutil.copytree(get_path(SAMPLE).parent, folder)
    return folder / "plan.toml"


# --- inputs are never written ----------------------------------------------------------------


def test_export_next_to_the_plan_file_never_replaces_it(tmp_path: Path, capsys) -> None:
    plan_file = save_plan(load_plan(get_path(SAMPLE)), tmp_path / "plan.gpkg")
    before = plan_file.read_bytes()
    args = ["export", str(plan_file), "--format", "gpkg,csv", "--out", str(tmp_path)]
    assert main([*args, "--overwrite"]) == 0
    assert plan_file.read_bytes() == before  # the plan is untouched
    assert main(["info", str(plan_file)]) == 0
    results = tmp_path / "results.gpkg"
    assert "plan_shelters" in set(pyogrio.list_layers(results)[:, 0])
    capsys.readouterr()
    assert main(["info", str(results)]) == 2
    err = capsys.readouterr().err
    assert "results GeoPackage" in err and "not a plan" in err
    with pytest.raises(PlanError, match="results GeoPackage") as caught:
        load_plan(results)
    assert caught.value.file == str(results)


def test_an_output_never_replaces_an_input_even_with_overwrite(sample_copy: Path, capsys) -> None:
    project = sample_copy.parent
    # the plan's own files sit where the export would put its 'shp' folder
    shp = project / "shp"
    shp.mkdir()
    for part in project.glob("residents.*"):
        part.rename(shp / part.name)
    spec = sample_copy.read_text(encoding="utf-8").replace(
        'path = "residents.shp"', 'path = "shp/residents.shp"'
    )
    sample_copy.write_text(spec, encoding="utf-8")
    before = _snapshot(project)
    args = ["export", str(sample_copy), "--format", "shp", "--out", str(project), "--overwrite"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "input of the plan" in err and "residents" in err
    assert _snapshot(project) == before
    # the TOML spec is an input too
    assert main(["evaluate", str(sample_copy), "--json", str(sample_copy)]) == 2
    assert "input of the plan" in capsys.readouterr().err
    assert _snapshot(project) == before


def test_convert_never_writes_over_its_source(sample_copy: Path, capsys) -> None:
    target = sample_copy.parent / "community.gpkg"  # a layer source of the plan
    before = target.read_bytes()
    assert main(["convert", str(sample_copy), str(target), "--overwrite"]) == 2
    assert "input of the plan" in capsys.readouterr().err
    assert target.read_bytes() == before


# --- evaluate: --json alone, its own outputs, argument checks ---------------------------------


def test_evaluate_with_json_and_no_out_writes_only_the_json(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate", "--sample", SAMPLE, "--json", "result.json"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json"]
    data = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert data["population"] == pytest.approx(14400)
    capsys.readouterr()
    assert main(["evaluate", "--sample", SAMPLE, "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["plan"].startswith("江畔社区")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json"]


def test_evaluate_refreshes_its_own_outputs_but_not_a_stranger(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["evaluate", "--sample", SAMPLE, "--out", str(out)]) == 0
    assert main(["evaluate", "--sample", SAMPLE, "--out", str(out)]) == 0  # its own: refreshed
    (out / "report.json").write_text("my own notes", encoding="utf-8")
    gaps = (out / "gaps.gpkg").read_bytes()
    capsys.readouterr()
    assert main(["evaluate", "--sample", SAMPLE, "--out", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert (out / "report.json").read_text(encoding="utf-8") == "my own notes"
    assert (out / "gaps.gpkg").read_bytes() == gaps
    assert main(["evaluate", "--sample", SAMPLE, "--out", str(out), "--overwrite"]) == 0
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["rules"] == "cn-gb"
    assert _leftovers(out) == []


@pytest.mark.parametrize("command", ["evaluate", "export"])
def test_out_that_is_a_file_is_refused(tmp_path: Path, capsys, command: str) -> None:
    blocker = tmp_path / "results"
    blocker.write_text("keep me", encoding="utf-8")
    extra = ["--format", "csv"] if command == "export" else []
    assert main([command, "--sample", SAMPLE, "--out", str(blocker), *extra]) == 2
    err = capsys.readouterr().err
    assert "is a file" in err and str(blocker) in err
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert main([command, "--sample", SAMPLE, "--out", str(blocker / "sub"), *extra]) == 2
    assert "on its path is a file" in capsys.readouterr().err


def test_json_into_a_missing_folder_is_refused_before_evaluating(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    def no_evaluation(*args, **kwargs):
        raise AssertionError("evaluated although the output cannot be written")

    monkeypatch.setattr("spaceplanner.engine.evaluation.evaluate", no_evaluation)
    target = tmp_path / "missing" / "report.json"
    assert main(["evaluate", "--sample", SAMPLE, "--json", str(target)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "create the folder" in err
    assert list(tmp_path.iterdir()) == []


# --- one unit, under a lock ------------------------------------------------------------------


def test_two_exports_at_once_one_wins_and_nothing_is_mixed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["export", "--sample", SAMPLE, "--format", "csv,gpkg", "--out", str(out)]
    runs = [_start(*args, env={}) for _ in range(2)]
    results = [(p.wait(timeout=300), p.communicate()) for p in runs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2]
    loser = next(err for code, (_, err) in results if code == 2)
    assert "another SpacePlanner run" in loser or "--overwrite" in loser
    assert "Traceback" not in loser
    assert sorted(p.name for p in out.iterdir()) == [
        "capacity_removed.csv",
        "indicators.csv",
        "results.gpkg",
        "stewardship.csv",
        "violations.csv",
    ]


def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    flag = tmp_path / "pause"
    flag.touch()
    args = ["export", "--sample", SAMPLE, "--format", "csv", "--out", str(out), "--overwrite"]
    first = _start(*args, env={"SPACEPLANNER_TEST_PAUSE": f"staged:{flag}"})
    try:
        _wait_for(Path(f"{flag}.reached"), first)
        second = _run(*args)
        assert second.returncode == 2
        # the folder (the error's file), the holder's pid and the key words
        assert f"error: {out}" in second.stderr and f"pid {first.pid}" in second.stderr
        assert "another SpacePlanner run" in second.stderr
        assert not (out / "indicators.csv").exists()  # the first has not swapped in yet
    finally:
        flag.unlink()
    assert first.wait(timeout=300) == 0
    assert (out / "indicators.csv").exists()
    assert _leftovers(out) == []


def test_a_run_killed_while_writing_leaves_the_previous_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["export", "--sample", SAMPLE, "--format", "csv,geojson", "--out", str(out)]
    assert _run(*args).returncode == 0
    (out / "indicators.csv").write_text("previous run", encoding="utf-8")
    before = _snapshot(out)
    flag = tmp_path / "pause"
    flag.touch()
    run = _start(*args, "--overwrite", env={"SPACEPLANNER_TEST_PAUSE": f"staged:{flag}"})
    _wait_for(Path(f"{flag}.reached"), run)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    assert _snapshot(out) == before  # nothing half-written looks like an output
    assert len([n for n in _leftovers(out) if n.startswith(".spaceplanner-tmp-")]) == 1
    # the next run is not blocked by the dead run's lock, and cleans up after it
    again = _run(*args, "--overwrite")
    assert again.returncode == 0, again.stderr
    assert (out / "indicators.csv").read_text(encoding="utf-8-sig").startswith("scenario")
    assert _leftovers(out) == []


def test_a_run_killed_while_swapping_is_rolled_back_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    export_args = ["export", "--sample", SAMPLE, "--format", "csv", "--out", str(out)]
    assert _run(*export_args).returncode == 0
    for name in ("capacity_removed.csv", "indicators.csv", "stewardship.csv", "violations.csv"):
        (out / name).write_text(f"previous {name}", encoding="utf-8")
    before = _snapshot(out)
    flag = tmp_path / "pause"
    flag.touch()
    run = _start(*export_args, "--overwrite", env={"SPACEPLANNER_TEST_PAUSE": f"swapping:{flag}"})
    _wait_for(Path(f"{flag}.reached"), run)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    assert _snapshot(out) != before  # killed half way: one file new, the others old
    # any next run into the folder puts the previous outputs back before it writes its own
    evaluate = _run("evaluate", "--sample", SAMPLE, "--out", str(out))
    assert evaluate.returncode == 0, evaluate.stderr
    after = _snapshot(out)
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) == set(before) | {"report.json", "gaps.gpkg"}
    assert _leftovers(out) == []


def test_a_failure_while_swapping_puts_everything_back(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.txt", "b.txt"):
        (out / name).write_text(f"old {name}", encoding="utf-8")
    real_replace = Path.replace
    calls = {"n": 0}

    def failing_replace(self: Path, target):
        calls["n"] += 1
        if calls["n"] == 4:  # a moved aside, a moved in, b moved aside, then b fails
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", failing_replace)
    unit = outputs_module.output_unit(out, overwrite=True)
    with pytest.raises(PlanError, match="Input/output error") as caught, unit as staging:
        for name in ("a.txt", "b.txt"):
            (staging / name).write_text(f"new {name}", encoding="utf-8")
    assert caught.value.file == str(out)
    monkeypatch.undo()
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == {
        "a.txt": "old a.txt",
        "b.txt": "old b.txt",
    }


# --- disk full, read-only folder -------------------------------------------------------------


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[bool]:
    """Mount a tmpfs of ``size`` on ``folder``; yields False where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if not shutil.which("mount") or os.geteuid() != 0:
        yield False
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if done.returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until ``leave`` bytes are free."""
    filler = folder / "filler"
    with filler.open("wb") as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))


def test_a_full_disk_leaves_the_previous_outputs_of_evaluate(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    out = tmp_path / "disk"
    with _tmpfs(out, "4m") as mounted:
        assert main(["evaluate", "--sample", SAMPLE, "--out", str(out)]) == 0
        before = _snapshot(out)
        if mounted:
            # room for a new report.json (about 20 kB) but not for gaps.gpkg (about 320 kB)
            _fill(out, 60_000)
            before = _snapshot(out)
        else:

            def full(*args, **kwargs):
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(evaluate_outputs, "_write_gpkg", full)
        capsys.readouterr()
        assert main(["evaluate", "--sample", SAMPLE, "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert "disk is full" in err and str(out) in err
        assert _snapshot(out) == before  # report.json and gaps.gpkg both from the first run
        assert _leftovers(out) == []


def test_a_read_only_output_folder_is_a_clear_error(tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "ro"
    with _tmpfs(out, "4m") as mounted:
        assert main(["export", "--sample", SAMPLE, "--format", "csv", "--out", str(out)]) == 0
        before = _snapshot(out)
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
        else:

            def refused(*args, **kwargs):
                raise PermissionError(errno.EACCES, "Permission denied")

            monkeypatch.setattr(tempfile, "mkdtemp", refused)
            monkeypatch.setattr(os, "open", refused)
        capsys.readouterr()
        for command in (
            ["export", "--sample", SAMPLE, "--format", "csv", "--overwrite"],
            ["evaluate", "--sample", SAMPLE],
        ):
            assert main([*command, "--out", str(out)]) == 2
            err = capsys.readouterr().err
            assert "cannot be written" in err and str(out) in err
        monkeypatch.undo()
        assert _snapshot(out) == before


# --- names that files and GeoPackages cannot hold as they are --------------------------------


def _renamed(sample_copy: Path, names: dict[str, str]) -> Path:
    """The sample's spec with layers renamed (the role is stated where the name implied it)."""
    spec = sample_copy.read_text(encoding="utf-8")
    for old, new in names.items():
        role = "" if old == "roads" else f'\nrole = "{old}"'
        spec = spec.replace(f"[layers.{old}]", f'[layers."{new}"]{role}', 1)
    target = sample_copy.with_name("renamed.toml")
    target.write_text(spec, encoding="utf-8")
    return target


def test_convert_keeps_names_a_geopackage_table_cannot_have(sample_copy: Path, capsys) -> None:
    names = {"shelters": "my shelters <main>", "boundary": "sqlite_boundary"}
    spec = _renamed(sample_copy, names)
    target = sample_copy.parent / "converted.gpkg"
    assert main(["convert", str(spec), str(target)]) == 0
    back = load_plan(target)
    assert set(names.values()) <= set(back.layers)
    original = load_plan(spec)
    for name in names.values():
        assert len(back.layers[name].frame) == len(original.layers[name].frame)
    con = sqlite3.connect(target)
    rows = dict(con.execute("SELECT identifier, table_name FROM gpkg_contents").fetchall())
    con.close()
    for name in names.values():
        table = rows[name]  # the user's name is the table's identifier (its title in QGIS)
        assert table.replace("_", "").isalnum() and not table.startswith("sqlite_")
    assert main(["info", str(target)]) == 0
    assert "my shelters <main>" in capsys.readouterr().out


def test_very_long_layer_names_export_to_shapefiles(sample_copy: Path) -> None:
    long_name = "道路" * 10 + "r" * 300
    spec = _renamed(sample_copy, {"roads": long_name, "shelters": "避难 <场所>"})
    out = sample_copy.parent / "out"
    done = _run("export", str(spec), "--format", "shp,geojson,gpkg", "--out", str(out))
    assert done.returncode == 0, done.stderr
    files = pd.read_csv(out / "shp" / "layers.csv", encoding="utf-8")
    by_layer = dict(zip(files["layer"], files["file"], strict=True))
    long_file = by_layer[f"plan_{long_name}"]
    assert len(Path(long_file).stem.encode("utf-8")) <= 80
    assert len(gpd.read_file(out / "shp" / long_file)) == 13  # the roads
    assert by_layer["plan_避难 <场所>"] == "plan_避难_场所.shp"
    geojson = pd.read_csv(out / "geojson" / "layers.csv", encoding="utf-8")
    assert f"plan_{long_name}" in set(geojson["layer"])
