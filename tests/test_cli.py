"""The command line: help, info, validate and convert as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyogrio
import pytest

from spaceplanner.cli import main


@pytest.mark.parametrize("command", [[], ["validate"], ["info"], ["convert"]])
def test_help_everywhere(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*command, "--help"])
    assert stop.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_info_lists_samples_roles_and_formats(capsys) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    for word in (
        "helsinki",
        "bubenec",
        "synthetic_cn",
        "residents",
        "population*",
        "GPKG",
        "cn-gb",
    ):
        assert word in out


def test_validate_prints_layers_and_result(community: Path, capsys) -> None:
    assert main(["validate", str(community)]) == 0
    out = capsys.readouterr().out
    assert "EPSG:32635" in out
    assert "population←常住人口" in out
    assert "Result: usable" in out
    assert "projected from EPSG:4326 (lon/lat)" in out


def test_validate_json(community: Path, capsys) -> None:
    assert main(["validate", str(community), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["usable"] is True and report["crs"] == "EPSG:32635"
    assert [layer["features"] for layer in report["layers"]] == [3, 2, 2]


def test_validate_with_forced_crs(community: Path, capsys) -> None:
    assert main(["validate", str(community), "--crs", "EPSG:3067"]) == 0
    assert "EPSG:3067" in capsys.readouterr().out
    assert main(["validate", str(community), "--crs", "EPSG:4326"]) == 2
    assert "not a projected CRS in metres" in capsys.readouterr().err


def test_convert_then_info(community: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "plan.gpkg"
    assert main(["convert", str(community), str(out)]) == 0
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Saved 3 layers" in text and "Population (vector residents): 245" in text
    assert main(["convert", str(community), str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert main(["convert", str(community), str(out), "--overwrite"]) == 0


def test_usage_errors_exit_2(capsys) -> None:
    assert main(["validate"]) == 2
    assert "no plan given" in capsys.readouterr().err
    assert main(["validate", "--sample", "atlantis"]) == 2
    assert "no sample map 'atlantis'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["convert", "--sample", "helsinki"])
    assert stop.value.code == 2
    assert main(["convert", "--sample", "helsinki", "a.toml", "b.gpkg"]) == 2
    assert "give the output file" in capsys.readouterr().err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "plan.toml"
    bad.write_text('name = "x"\n[layers.residents]\npath = "nothing.gpkg"\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "spaceplanner.cli", "validate", str(bad)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stdout + run.stderr
    assert "nothing.gpkg" in run.stdout and "file not found" in run.stdout


def test_the_readme_first_command_writes_into_an_ignored_folder() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if "spaceplanner evaluate --sample" in line)
    out = command.split("--out", 1)[1].split()[0].strip("/")
    ignored = (root / ".gitignore").read_text(encoding="utf-8").split()
    assert f"{out}/" in ignored or out in ignored
    assert not (root / out / "report.json").exists() or out in ignored


def test_convert_refuses_a_folder_or_a_missing_folder_as_output(
    community: Path, tmp_path: Path, capsys
) -> None:
    assert main(["convert", str(community), str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["convert", str(community), str(tmp_path / "nowhere" / "plan.gpkg")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "nowhere" in err
    assert not (tmp_path / "nowhere").exists()


class _Terminal:
    """A stderr that says it is a terminal (the progress bar draws only on one)."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_evaluate_draws_its_progress_by_step_on_a_terminal(tmp_path: Path, monkeypatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["evaluate", "--sample", "synthetic_cn", "--out", str(tmp_path / "a")]) == 0
    frames = [f for f in terminal.text.split("\r") if f.startswith("[")]
    labels = [f.split("] ", 1)[1].split("%", 1)[1].strip() for f in frames]
    assert labels == [
        "network and residents",
        "shelters",
        "activity spaces",
        "facilities",
        "gaps",
        "done",
    ]
    assert frames[-1].startswith("[" + "#" * 30 + "]")
    # --quiet: no bar even on a terminal
    terminal.text = ""
    assert main(["evaluate", "--sample", "synthetic_cn", "--out", str(tmp_path / "b"), "-q"]) == 0
    assert terminal.text == ""


def test_quiet_prints_nothing_but_errors(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["evaluate", "--sample", "synthetic_cn", "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["population"] > 0
    args = ["export", "--sample", "synthetic_cn", "--format", "csv", "--out", str(tmp_path / "e")]
    assert main([*args, "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "e" / "indicators.csv").is_file()
    # the JSON asked for on stdout is still given; a summary is not
    assert main(["evaluate", "--sample", "synthetic_cn", "--json", "-", "--quiet"]) == 0
    shown = capsys.readouterr()
    assert json.loads(shown.out)["plan"] and shown.err == ""
    # errors are never quiet
    assert main(["evaluate", str(tmp_path / "missing.toml"), "--quiet"]) == 2
    shown = capsys.readouterr()
    assert shown.out == "" and "error:" in shown.err and "missing.toml" in shown.err


def test_an_error_is_printed_on_a_line_of_its_own_after_the_bar(
    tmp_path: Path, monkeypatch
) -> None:
    import spaceplanner.engine.evaluation as evaluation_module
    from spaceplanner.layers.errors import PlanError

    def broken(inp, ctx):
        msg = "the facilities cannot be read"
        raise PlanError(msg, layer="facilities")

    monkeypatch.setattr(evaluation_module, "facility_stage", broken)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["evaluate", "--sample", "synthetic_cn", "--out", str(tmp_path)]) == 2
    assert "[" in terminal.text  # the bar was drawn
    last = terminal.text.split("\r")[-1]
    assert last.startswith("error:") and "facilities" in last
    assert not (tmp_path / "report.json").exists()


def test_profile_prints_each_steps_time(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["evaluate", "--sample", "bubenec", "--out", str(out), "-q", "--profile"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # --quiet: the table is the only output, on stderr
    rows = {line[:24].strip(): line[24:].split() for line in captured.err.splitlines()[1:]}
    steps = ["loading and checks", "network and residents", "shelters", "activity spaces"]
    steps += ["facilities", "gaps", "writing and printing"]
    assert list(rows) == [*steps, "total"]
    seconds = [float(rows[s][0]) for s in steps]
    assert all(t >= 0 for t in seconds)
    assert sum(seconds) == pytest.approx(float(rows["total"][0]), abs=0.01 * len(steps))
    assert (out / "report.json").exists()


def test_the_command_ends_at_once_with_everything_written(tmp_path: Path) -> None:
    """``spaceplanner`` (``cli.run``) ends its process without the interpreter's teardown once
    a command succeeded: what it printed (a whole report on stdout, through a pipe) and wrote
    is all there; a failed command still ends with its code and message."""
    out = tmp_path / "out"
    ran = subprocess.run(
        [
            *(sys.executable, "-m", "spaceplanner.cli", "evaluate", "--sample", "synthetic_cn"),
            *("--json", "-", "--out", str(out), "-q"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr
    printed = json.loads(ran.stdout)  # the whole report, flushed before the end
    written = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert printed["indicators"] == written["indicators"]
    layers = {str(row[0]) for row in pyogrio.list_layers(out / "gaps.gpkg")}
    assert {"residents", "gap_areas", "service_areas", "uncovered_residents"} <= layers
    failed = subprocess.run(
        [sys.executable, "-m", "spaceplanner.cli", "evaluate", "--sample", "atlantis"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert failed.returncode == 2 and "atlantis" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_the_quick_end_runs_what_is_registered_for_the_exit(tmp_path: Path) -> None:
    """What a command registered to run at exit (a temporary folder's removal) still runs when
    the command ends its process at once."""
    mark = tmp_path / "exit.txt"
    folder = tmp_path / "scratch"
    code = (
        "import atexit, shutil, sys\n"
        f"folder = {str(folder)!r}\n"
        "import os; os.makedirs(folder)\n"
        "atexit.register(shutil.rmtree, folder)\n"
        f"atexit.register(lambda: open({str(mark)!r}, 'w').write('ran'))\n"
        "sys.argv = ['spaceplanner', 'info']\n"
        "from spaceplanner.cli import run\n"
        "run()\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout  # what info printed, flushed
    assert mark.read_text() == "ran"
    assert not folder.exists()
