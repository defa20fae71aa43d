"""The bad-input and fault corpus, run through the real command line.

Every case of :mod:`corpus.build` is built in its own folder and its commands are run as separate
``spaceplanner`` processes (in parallel, a few at a time, each with a timeout and a memory cap),
then judged: exit 0 with the right figures, or exit 2 with one ``error:`` message naming what is
wrong and saying what to do; never an internal error (exit 1), a traceback, a hang, a changed
input or a half-written output. Then the faults: two exports into one folder at once, an export
killed mid-write, a full disk and a read-only folder.

Set ``SPACEPLANNER_CORPUS_TABLE=path.json`` to keep every case's outcome in a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest
from corpus.build import CASES, Case, Word, base

#: Runs at a time (the machine has 2 cores; a run spends much of its time starting Python).
WORKERS = 4
#: Address-space cap of every run: a step that wants gigabytes for a tiny plan is a bug.
MEMORY_LIMIT = 3 * 2**30

#: Starts the command line in a fresh interpreter, as the ``spaceplanner`` entry point does,
#: after capping its memory (and its file size when ``CORPUS_FSIZE`` is set: a simulated full disk).
LAUNCH = """
import os, resource, runpy, signal, sys
resource.setrlimit(resource.RLIMIT_AS, (int(os.environ["CORPUS_MEMORY"]),) * 2)
if os.environ.get("CORPUS_FSIZE"):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(os.environ["CORPUS_FSIZE"]),) * 2)
sys.argv = ["spaceplanner", *sys.argv[1:]]
runpy.run_module("spaceplanner.cli", run_name="__main__", alter_sys=True)
"""

CASES_BY_NAME = {case.name: case for case in CASES}


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", CORPUS_MEMORY=str(MEMORY_LIMIT), PYTHONUTF8="1")
    env.pop("CORPUS_FSIZE", None)
    env.update(extra)
    return env


@dataclass
class Done:
    """One finished (or stopped) run."""

    args: tuple[str, ...]
    code: int | None  # None: it did not finish in time and was killed
    out: str
    err: str
    seconds: float


def start(args: Sequence[str], cwd: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCH, *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: a timeout kills all of it
        env=_env(**env),
    )


def finish(proc: subprocess.Popen[str], args: Sequence[str], timeout: float, t0: float) -> Done:
    try:
        out, err = proc.communicate(timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    return Done(tuple(args), code, out, err, time.monotonic() - t0)


def run(args: Sequence[str], cwd: Path, timeout: float = 60.0, **env: str) -> Done:
    """Run ``spaceplanner ARGS`` in ``cwd``."""
    t0 = time.monotonic()
    return finish(start(args, cwd, **env), args, timeout, t0)


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (relative path → content hash, or what it is)."""
    found: dict[str, str] = {}
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if Path(root, d).is_symlink()]:
            path = Path(root, name)
            rel = path.relative_to(folder).as_posix()
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                found[rel] = f"symlink to {os.readlink(path)}"
            elif stat.S_ISREG(mode):
                digest = hashlib.sha256()
                with path.open("rb") as fh:
                    for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                        digest.update(block)
                found[rel] = digest.hexdigest()
            else:
                found[rel] = "special file"
    return found


# --------------------------------------------------------------------------------------------
# Judging a case


@dataclass
class Outcome:
    """How a case ended: ``ok`` and ``exit2-good`` pass, anything else is a product failure."""

    case: str
    kind: str
    detail: str
    seconds: float

    @property
    def passed(self) -> bool:
        return self.kind in ("ok", "exit2-good")


def _has(text: str, word: Word) -> bool:
    words = (word,) if isinstance(word, str) else word
    return any(w.lower() in text.lower() for w in words)


def error_lines(done: Done) -> list[str]:
    """The error messages of a run: ``error:`` lines, and for ``validate`` its listed errors."""
    lines = [line for line in done.err.splitlines() if line.startswith("error: ")]
    if done.args and done.args[0] == "validate":
        lines += [line.strip() for line in done.out.splitlines() if line.startswith("  error ")]
    return lines


def _figure(report: dict[str, Any], key: str) -> Any:
    value: Any = report
    for part in key.split("."):
        value = value[part]
    return value


def judge_run(case: Case, done: Done, folder: Path) -> tuple[str, str] | None:
    """The failure of one run, if any, as (kind, detail)."""
    expect = case.expect
    text = done.out + done.err
    command = " ".join(done.args)
    if done.code is None:
        return "hang", f"`{command}` did not finish in {case.timeout:g} s"
    if done.code == 1 or "Traceback" in text or "internal error" in text:
        return "internal error", f"`{command}` exit {done.code}: {done.err.strip()[-400:]}"
    if done.code == 0:
        if not expect.may_succeed:
            wanted = f"expected exit 2 naming {expect.words}"
            return "accepted bad input", f"`{command}` exit 0, {wanted}"
        missing = [w for w in expect.warn if not _has(text, w)]
        if missing:
            return "no warning", f"`{command}` exit 0 without a warning naming {missing}"
        for name in expect.outputs:
            if not (folder / name).exists():
                return "lost file", f"`{command}` exit 0 but {name} is missing"
        if expect.figures:
            for name in expect.reports:
                path = folder / name
                if not path.exists():
                    return "lost file", f"`{command}` exit 0 but {name} is missing"
                report = json.loads(path.read_text(encoding="utf-8"))
                for key, want in expect.figures.items():
                    try:
                        got = _figure(report, key)
                    except (KeyError, TypeError):
                        return "wrong figure", f"{name}: no {key}"
                    if got is None or abs(float(got) - want) > 0.5:
                        return "wrong figure", f"{name}: {key} = {got}, expected {want:,.1f}"
        return None
    if done.code == 2:
        lines = error_lines(done)
        if not expect.may_refuse:
            return "refused good input", f"`{command}` exit 2: {' | '.join(lines) or text[-300:]}"
        if not lines:
            return "message", f"`{command}` exit 2 without an error message: {text[-300:]}"
        if done.args[0] != "validate" and len(lines) != 1:
            return "message", f"`{command}` printed {len(lines)} error lines: {lines}"
        assert expect.words is not None
        fitting = [line for line in lines if all(_has(line, w) for w in expect.words)]
        if not fitting:
            return "message", f"error does not name {expect.words}: {lines[0][:400]}"
        if not any(" — " in line for line in fitting):
            return "message", f"error says nothing to do: {fitting[0][:400]}"
        return None
    return "crash", f"`{command}` ended with {done.code}: {done.err.strip()[-300:]}"


def _under(rel: str, folders: Sequence[str]) -> bool:
    return any(rel == f or rel.startswith(f + "/") for f in folders)


def _stray(rel: str) -> bool:
    """A temporary file or folder an interrupted or failed write leaves behind."""
    return any(
        part.startswith(".") and ("tmp" in part or "export" in part) for part in rel.split("/")
    )


def judge(case: Case, folder: Path, before: dict[str, str], done: list[Done]) -> Outcome:
    seconds = sum(d.seconds for d in done)
    for d in done:
        failure = judge_run(case, d, folder)
        if failure is not None:
            return Outcome(case.name, failure[0], failure[1], seconds)
    after = snapshot(folder)
    for rel, digest in before.items():
        if _under(rel, case.out_dirs):
            continue
        if rel not in after:
            return Outcome(case.name, "lost file", f"input {rel} was removed", seconds)
        if after[rel] != digest:
            return Outcome(case.name, "lost file", f"input {rel} was changed", seconds)
    refused = done[-1].code == 2
    new = sorted(set(after) - set(before))
    if refused and new:
        return Outcome(case.name, "partial output", f"a refused run left {new[:5]}", seconds)
    stray = [rel for rel in new if _stray(rel)]
    if stray:
        return Outcome(case.name, "partial output", f"temporary files left: {stray[:5]}", seconds)
    return Outcome(case.name, "exit2-good" if refused else "ok", "", seconds)


def run_case(case: Case, folder: Path) -> Outcome:
    done: list[Done] = []
    before: dict[str, str] | None = None
    for step in case.runs:
        if step.setup:
            d = run(step.args, folder, case.timeout)
            if d.code != 0:
                return Outcome(case.name, "setup failed", f"{step.args}: {d.err[-300:]}", 0.0)
            continue
        if before is None:
            before = snapshot(folder)
        done.append(run(step.args, folder, case.timeout))
    assert before is not None, f"{case.name} has no judged run"
    return judge(case, folder, before, done)


@pytest.fixture(scope="session")
def corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Future[Outcome]]]:
    """Build and run every selected case, a few at a time; yield each case's future outcome."""
    wanted = [
        item.callspec.params["case"]  # type: ignore[attr-defined]
        for item in request.session.items
        if item.name.startswith("test_case[")
    ]
    futures: dict[str, Future[Outcome]] = {}
    with ThreadPoolExecutor(WORKERS) as pool:
        for name in sorted(wanted, key=lambda n: -CASES_BY_NAME[n].timeout):  # slow ones first
            case = CASES_BY_NAME[name]
            folder = tmp_path_factory.mktemp(name, numbered=True)
            case.build(folder)
            futures[name] = pool.submit(run_case, case, folder)
        yield futures
        table = os.environ.get("SPACEPLANNER_CORPUS_TABLE")
        if table:
            rows = [asdict(f.result()) for f in futures.values()]
            Path(table).write_text(json.dumps(rows, indent=1, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_case(case: str, corpus: dict[str, Future[Outcome]]) -> None:
    outcome = corpus[case].result()
    assert outcome.passed, f"{outcome.kind}: {outcome.detail}"


def test_cases_have_unique_names_and_build_fast(tmp_path: Path) -> None:
    assert len(CASES_BY_NAME) == len(CASES)
    assert len(CASES) >= 90
    for case in CASES:
        assert case.expect.may_succeed or case.expect.may_refuse, case.name
        assert any(not r.setup for r in case.runs), case.name


# --------------------------------------------------------------------------------------------
# Faults: concurrency, kills, a full disk, a read-only folder

EXPORT_ALL = ("--format", "html,pdf,shp,gpkg,geojson,csv")
EXPORT_FILES = ("map.html", "report.html", "map_sheet.pdf", "results.gpkg", "indicators.csv")


def _visible(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def _whole(folder: Path) -> None:
    """The export's outputs are all there, and each can be read."""
    for name in EXPORT_FILES:
        assert (folder / name).is_file(), f"{name} missing: {_visible(folder)}"
    assert (folder / "map_sheet.pdf").read_bytes().rstrip().endswith(b"%%EOF")
    assert "</html>" in (folder / "map.html").read_text(encoding="utf-8")
    assert list((folder / "shp").glob("*.shp")) and list((folder / "geojson").glob("*.geojson"))


def _assert_clean_failure(done: Done, *words: Word) -> str:
    text = done.out + done.err
    assert done.code == 2, f"exit {done.code}: {text[-600:]}"
    assert "Traceback" not in text and "internal error" not in text
    lines = error_lines(done)
    assert len(lines) == 1, text
    for word in words:
        assert _has(lines[0], word), lines[0]
    assert " — " in lines[0], f"says nothing to do: {lines[0]}"
    return lines[0]


def test_two_exports_into_one_folder_at_once(tmp_path: Path) -> None:
    base(tmp_path)
    args = ("export", "plan.toml", *EXPORT_ALL, "--out", "out")
    t0 = time.monotonic()
    procs = [start(args, tmp_path), start(args, tmp_path)]
    done = [finish(p, args, 120.0, t0) for p in procs]
    codes = sorted(d.code for d in done)  # type: ignore[type-var]
    for d in done:
        assert d.code in (0, 2), f"exit {d.code}: {d.err[-600:]}"
    # exactly one wins; the other is told the folder is taken (never a silent replacement)
    assert codes == [0, 2], [d.out + d.err for d in done]
    loser = next(d for d in done if d.code == 2)
    _assert_clean_failure(loser, "out")
    _whole(tmp_path / "out")
    assert not [p for p in (tmp_path / "out").iterdir() if _stray(p.name)]


def _wait_for(predicate: Any, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_export_killed_mid_write_then_a_new_run(tmp_path: Path) -> None:
    base(tmp_path)
    out = tmp_path / "out"
    args = ("export", "plan.toml", *EXPORT_ALL, "--out", "out")
    proc = start(args, tmp_path)
    # kill it once it has begun writing (its staging folder exists), as a power cut would
    began = _wait_for(lambda: out.exists() and any(out.iterdir()), 90.0)
    time.sleep(0.3)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert began, "the export never began writing"
    visible = _visible(out)
    if visible:  # whatever is visible must be a whole output, never a half-written one
        _whole(out)
    again = run(args, tmp_path, 120.0)
    text = again.out + again.err
    assert again.code is not None, "the run after the kill hung"
    assert "Traceback" not in text and "internal error" not in text
    if visible:
        _assert_clean_failure(again, "--overwrite")
    else:
        assert again.code == 0, text
    _whole(out)


def test_evaluate_killed_mid_write_keeps_the_previous_outputs(tmp_path: Path) -> None:
    base(tmp_path)
    args = ("evaluate", "plan.toml", "--out", "out")
    first = run(args, tmp_path)
    assert first.code == 0, first.err
    before = snapshot(tmp_path / "out")
    proc = start(args, tmp_path)
    _wait_for(lambda: any(_stray(p.name) for p in (tmp_path / "out").iterdir()), 60.0)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    # the lock file stays (an advisory lock on a file that is never replaced); it is no output
    after = {
        k: v
        for k, v in snapshot(tmp_path / "out").items()
        if not _stray(k) and k != ".spaceplanner.lock"
    }
    # one run's outputs are one unit: both from the first run, or both from the killed one
    assert set(after) == {"report.json", "gaps.gpkg"}
    json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    changed = {k for k in after if after[k] != before[k]}
    assert changed in (set(), {"report.json", "gaps.gpkg"}), changed
    again = run(args, tmp_path)
    assert again.code == 0, again.err
    assert not [p.name for p in (tmp_path / "out").iterdir() if _stray(p.name)]


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[bool]:
    """``folder`` as a tmpfs of ``size``; yields False when the machine does not allow a mount."""
    folder.mkdir()
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fill the disk holding ``folder`` but for about ``leave`` bytes."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 4096)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))


def test_full_disk_keeps_the_previous_outputs_whole(tmp_path: Path) -> None:
    base(tmp_path)
    disk = tmp_path / "disk"
    with small_disk(disk, "4m") as mounted:
        args = ("evaluate", "plan.toml", "--out", "disk/out")
        first = run(args, tmp_path)
        assert first.code == 0, first.err
        before = snapshot(disk / "out")
        if mounted:
            _fill(disk, leave=16 * 1024)
            second = run(args, tmp_path)
        else:  # simulated: every file the run writes may hold 16 KiB
            second = run(args, tmp_path, CORPUS_FSIZE=str(16 * 1024))
        _assert_clean_failure(second, ("space", "full", "too large"), "out")
        assert snapshot(disk / "out") == before, "the outputs of the last run were changed"
        if mounted:
            export = run(("export", "plan.toml", *EXPORT_ALL, "--out", "disk/exp"), tmp_path)
        else:
            export = run(
                ("export", "plan.toml", *EXPORT_ALL, "--out", "disk/exp"),
                tmp_path,
                CORPUS_FSIZE=str(16 * 1024),
            )
        _assert_clean_failure(export, ("space", "full", "too large"))
        assert not (disk / "exp").exists() or not list((disk / "exp").iterdir())


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` made read-only: a read-only bind mount (root ignores permission bits)."""
    done = (
        subprocess.run(
            ["mount", "--bind", str(folder), str(folder)], capture_output=True, check=False
        ).returncode
        == 0
    )
    if done:
        done = (
            subprocess.run(
                ["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, check=False
            ).returncode
            == 0
        )
        if not done:
            subprocess.run(["umount", str(folder)], check=False)
    if not done:
        folder.chmod(0o555)
    try:
        yield
    finally:
        if done:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def test_read_only_output_folder(tmp_path: Path) -> None:
    base(tmp_path)
    args = ("evaluate", "plan.toml", "--out", "out")
    assert run(args, tmp_path).code == 0
    before = snapshot(tmp_path / "out")
    with read_only(tmp_path / "out"):
        probe = tmp_path / "out" / "probe"
        with contextlib.suppress(OSError):
            probe.write_text("x")
        writable = probe.exists()
        with contextlib.suppress(OSError):
            probe.unlink()
        assert not writable, "the folder could not be made read-only"
        done = run(args, tmp_path)
        _assert_clean_failure(
            done,
            "out",
            ("read-only", "permission", "not writable", "cannot write", "cannot be written"),
        )
        export = run(("export", "plan.toml", "--format", "csv", "--out", "out/exp"), tmp_path)
        _assert_clean_failure(export, "out")
        assert snapshot(tmp_path / "out") == before


def test_the_judge_tells_right_from_wrong(tmp_path: Path) -> None:
    """The runner's own check: a right run passes; each wrong run is named for what it is."""
    args = ("evaluate", "plan.toml", "--out", "out")

    def kind(name: str, code: int | None, err: str = "") -> str | None:
        failure = judge_run(CASES_BY_NAME[name], Done(args, code, "", err, 1.0), tmp_path)
        return None if failure is None else failure[0]

    (tmp_path / "out").mkdir()
    report: dict[str, Any] = {
        "population": 2500.0,
        "shelters": {"capacity_persons": 3000.0, "population_sheltered": 2500.0},
        "activity_spaces": {"overall": {"area_m2": 12800.0}},
    }
    (tmp_path / "out" / "report.json").write_text(json.dumps(report), encoding="utf-8")
    assert kind("toml_bom", 0) is None  # ok, with the base figures
    report["shelters"]["population_sheltered"] = 1200.0
    (tmp_path / "out" / "report.json").write_text(json.dumps(report), encoding="utf-8")
    assert kind("toml_bom", 0) == "wrong figure"
    assert kind("toml_bom", None) == "hang"
    assert kind("toml_bom", 1, "internal error: TypeError: x") == "internal error"
    assert kind("toml_bom", 2, "error: plan.toml: not TOML — fix it\n") == "refused good input"
    where = "error: plan.toml, layer 'residents', field 'encoding'"
    assert kind("encoding_5", 2, f"{where}: 5 is not a name — give one\n") is None
    assert kind("encoding_5", 2, "error: plan.toml: something is wrong — fix it\n") == "message"
    assert kind("encoding_5", 2, f"{where}: 5 is wrong\n") == "message"  # nothing to do
    assert kind("encoding_5", 0) == "accepted bad input"
