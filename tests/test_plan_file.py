"""The plan GeoPackage: round trip, OGC conformance, QGIS styles, atomic saves."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import rasterio
from conftest import UTM35, X0, Y0
from pyproj import CRS, Transformer
from rasterio.transform import from_origin

import spaceplanner.model.plan_file as plan_file
from spaceplanner import PlanError, load_plan, save_plan
from spaceplanner.cli import main

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"


def _assert_same_plan(a, b) -> None:
    assert list(a.layers) == list(b.layers)
    assert a.crs == b.crs
    assert (a.name, a.rules, a.scenario) == (b.name, b.rules, b.scenario)
    for name, layer in a.layers.items():
        other = b.layers[name]
        assert other.role == layer.role
        assert other.field_map == layer.field_map
        assert list(other.frame["id"]) == list(layer.frame["id"])
        assert set(layer.frame.columns) <= set(other.frame.columns)
        for col in layer.frame.columns:
            if col == "geometry":
                assert layer.frame.geometry.geom_equals_exact(other.frame.geometry, 1e-6).all()
            else:
                assert list(other.frame[col]) == list(layer.frame[col]), col


def test_round_trip_toml_to_gpkg_to_plan(community: Path, tmp_path: Path) -> None:
    plan = load_plan(community)
    assert plan.crs.to_epsg() == 32635
    residents = plan.layers["residents"].frame
    assert list(residents["id"]) == ["r1", "r2", "r3"]
    assert list(residents["population"]) == [120, 80, 45]
    assert plan.layers["residents"].field_map["population"] == "常住人口"
    assert list(plan.layers["shelters"].frame["class"]) == ["emergency", "fixed"]
    out = save_plan(plan, tmp_path / "plan.gpkg")
    again = load_plan(out)
    _assert_same_plan(plan, again)
    # and once more: GeoPackage to GeoPackage changes nothing
    _assert_same_plan(again, load_plan(save_plan(again, tmp_path / "plan2.gpkg")))


def test_saved_plan_is_a_conformant_geopackage(community: Path, tmp_path: Path) -> None:
    out = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    con = sqlite3.connect(out)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == GPKG_APPLICATION_ID
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        contents = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents"))
        geometry_columns = {
            r[0]: r[1] for r in con.execute("SELECT table_name, srs_id FROM gpkg_geometry_columns")
        }
        styles = con.execute(
            "SELECT f_table_name, styleQML, useAsDefault FROM layer_styles"
        ).fetchall()
    finally:
        con.close()
    assert contents["residents"] == contents["shelters"] == contents["walk"] == "features"
    assert contents["spaceplanner_metadata"] == "attributes"
    assert set(geometry_columns.values()) == {32635}
    # GDAL, an independent OGC reader, sees the same layers and counts
    listed = {row[0]: row[1] for row in pyogrio.list_layers(out)}
    assert {"residents", "shelters", "walk"} <= set(listed)
    assert pyogrio.read_info(out, layer="residents")["features"] == 3
    # one default QGIS style per vector layer, valid XML with the source names as aliases
    assert {s[0] for s in styles} == {"residents", "shelters", "walk"}
    for table, qml, default in styles:
        root = ET.fromstring(qml.split(">", 1)[1])
        assert root.tag == "qgis" and default == 1
        if table == "residents":
            aliases = {a.get("field"): a.get("name") for a in root.iter("alias")}
            assert aliases["population"] == "常住人口"


def test_raster_layers_round_trip(tmp_path: Path, community: Path) -> None:
    data = np.arange(20 * 30, dtype="float32").reshape(20, 30)
    with rasterio.open(
        tmp_path / "dem.tif",
        "w",
        driver="GTiff",
        width=30,
        height=20,
        count=1,
        dtype="float32",
        crs=UTM35,
        transform=from_origin(X0 - 50, Y0 + 250, 10, 10),
        nodata=-9999,
    ) as dst:
        dst.write(data, 1)
    text = community.read_text() + '\n[layers.dem]\nrole = "terrain"\npath = "dem.tif"\n'
    community.write_text(text)
    plan = load_plan(community)
    again = load_plan(save_plan(plan, tmp_path / "plan.gpkg"))
    raster = again.layers["dem"].raster
    assert raster is not None and raster.crs.to_epsg() == 32635
    assert np.array_equal(raster.read().filled(np.nan), data)
    assert raster.transform == plan.layers["dem"].raster.transform


def test_save_refuses_non_gpkg_and_missing_folder(community: Path, tmp_path: Path) -> None:
    plan = load_plan(community)
    with pytest.raises(PlanError, match=r"\.gpkg"):
        save_plan(plan, tmp_path / "plan.sqlite")
    with pytest.raises(PlanError, match="folder does not exist"):
        save_plan(plan, tmp_path / "nowhere" / "plan.gpkg")


def test_failed_save_keeps_previous_file(community: Path, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "plan.gpkg"
    plan = load_plan(community)
    save_plan(plan, target)
    before = target.read_bytes()

    def broken(plan_, path):  # writes part of the file, then fails as a full disk would
        pyogrio.write_dataframe(plan_.layers["residents"].frame, path, layer="residents")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plan_file, "_write", broken)
    plan.name = "changed"
    with pytest.raises(PlanError, match="No space left"):
        save_plan(plan, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []


def test_killed_save_keeps_previous_file(community: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.gpkg"
    save_plan(load_plan(community), target)
    before = target.read_bytes()
    marker = tmp_path / "writing"
    script = textwrap.dedent(
        f"""
        import time, pathlib
        import spaceplanner.model.plan_file as pf
        from spaceplanner import load_plan, save_plan
        original = pf._write
        def slow(plan, path):
            original(plan, path)
            pathlib.Path({str(marker)!r}).write_text("x")
            time.sleep(60)
        pf._write = slow
        plan = load_plan({str(community)!r})
        plan.name = "half written"
        save_plan(plan, {str(target)!r})
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "the saving process ended early"
            assert time.monotonic() < deadline, "the save never reached the write"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert target.read_bytes() == before
    assert load_plan(target).name == "Test community"


def test_plain_geopackage_is_not_a_plan(tmp_path: Path, community: Path) -> None:
    frame = load_plan(community).layers["walk"].frame
    pyogrio.write_dataframe(frame, tmp_path / "plain.gpkg", layer="walk")
    with pytest.raises(PlanError, match="not a SpacePlanner plan"):
        load_plan(tmp_path / "plain.gpkg")


def test_plan_edited_in_another_gis_is_checked_again(community: Path, tmp_path: Path) -> None:
    out = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    frame = pyogrio.read_dataframe(out, layer="residents")
    frame.loc[frame["id"] == "r2", "population"] = -3
    pyogrio.write_dataframe(frame, out, layer="residents", layer_options={"OVERWRITE": "YES"})
    plan = load_plan(out, strict=False)
    assert not plan.usable
    [error] = plan.errors
    assert error.layer == "residents" and error.field == "population" and "r2" in error.feature


def test_metadata_records_roles_and_sources(community: Path, tmp_path: Path) -> None:
    out = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    con = sqlite3.connect(out)
    try:
        (value,) = con.execute(
            "SELECT value FROM spaceplanner_metadata WHERE key='plan'"
        ).fetchone()
    finally:
        con.close()
    meta = json.loads(value)
    assert meta["crs_label"] == "EPSG:32635"
    roles = {layer["name"]: layer["role"] for layer in meta["layers"]}
    assert roles == {"residents": "residents", "shelters": "shelters", "walk": "network"}


# --------------------------------------------------------------------------------------------
# Plan files damaged by other programs, plan paths that are not files, --crs on a plan file (#17)


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "internal error" not in out + err and "Traceback" not in out + err
    return code, out + err


def test_plan_file_with_a_layer_deleted_in_another_program(
    community: Path, tmp_path: Path, capsys
) -> None:
    out = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    con = sqlite3.connect(out)  # what QGIS's "delete layer" or a sqlite3 session does
    con.execute('DROP TABLE "shelters"')
    con.execute("DELETE FROM gpkg_contents WHERE table_name = 'shelters'")
    con.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = 'shelters'")
    con.commit()
    con.close()
    plan = load_plan(out, strict=False)
    [error] = plan.errors
    assert error.layer == "shelters" and "missing" in error.message and error.hint
    assert set(plan.layers) == {"residents", "walk"}
    code, text = _run(capsys, "validate", str(out))
    assert code == 2 and "shelters" in text and "missing" in text
    code, text = _run(capsys, "evaluate", str(out), "--out", str(tmp_path / "ev"))
    assert code == 2 and "shelters" in text


@pytest.mark.parametrize(
    "value",
    [
        "{not json",
        "[1, 2]",
        json.dumps({"name": "x", "crs": "EPSG:32635"}),  # no layers
        json.dumps({"name": "x", "crs": "EPSG:32635", "layers": [{"name": "a"}]}),
        json.dumps({"name": "x", "crs": "not a crs", "layers": []}),
        json.dumps({"format_version": "two", "name": "x", "crs": "x", "layers": []}),
    ],
)
def test_plan_file_with_garbled_metadata(
    community: Path, tmp_path: Path, capsys, value: str
) -> None:
    out = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    con = sqlite3.connect(out)
    con.execute("UPDATE spaceplanner_metadata SET value = ? WHERE key = 'plan'", (value,))
    con.commit()
    con.close()
    with pytest.raises(PlanError) as caught:
        load_plan(out, strict=False)
    assert caught.value.file == str(out) and caught.value.hint
    assert "damaged" in caught.value.message or "CRS" in caught.value.message
    code, text = _run(capsys, "validate", str(out))
    assert code == 2 and "plan.gpkg" in text


def test_plan_file_with_its_metadata_table_replaced(
    community: Path, tmp_path: Path, capsys
) -> None:
    out = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    con = sqlite3.connect(out)
    con.execute("DROP TABLE spaceplanner_metadata")
    con.execute("CREATE TABLE spaceplanner_metadata (something TEXT)")
    con.commit()
    con.close()
    code, text = _run(capsys, "validate", str(out))
    assert code == 2 and "damaged" in text


def _finishes(target, *args, seconds: float = 30.0):
    """Run ``target(*args)`` in a thread; return its result, or fail when it blocks."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(target(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{target.__name__}{args} did not return: it blocks"
    return result[0]


def test_plan_path_that_is_a_fifo_is_refused_at_once(tmp_path: Path, capsys) -> None:
    for name in ("plan.toml", "plan.gpkg"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        code = _finishes(main, ["validate", str(fifo)])
        text = "".join(capsys.readouterr())
        assert code == 2 and "not a regular file" in text and "internal error" not in text


def test_layer_path_that_is_a_fifo_or_a_device(tmp_path: Path, community: Path, capsys) -> None:
    (tmp_path / "sites.gpkg").unlink()
    os.mkfifo(tmp_path / "sites.gpkg")
    code = _finishes(main, ["validate", str(community)])
    text = "".join(capsys.readouterr())
    assert code == 2 and "not a regular file" in text and "shelters" in text
    (tmp_path / "sites.gpkg").unlink()
    (tmp_path / "sites.gpkg").symlink_to("/dev/zero")
    code = _finishes(main, ["validate", str(community)])
    text = "".join(capsys.readouterr())
    assert code == 2 and "not a regular file" in text and "internal error" not in text


def test_plan_path_that_is_a_device_or_a_folder(tmp_path: Path, capsys) -> None:
    (tmp_path / "plan.toml").symlink_to("/dev/zero")  # reading it never ends
    code, text = _run(capsys, "validate", str(tmp_path / "plan.toml"))
    assert code == 2 and "not a regular file" in text
    (tmp_path / "folder.gpkg").mkdir()
    code, text = _run(capsys, "validate", str(tmp_path / "folder.gpkg"))
    assert code == 2 and "folder" in text


def test_crs_given_for_a_plan_file_is_used(community: Path, tmp_path: Path, capsys) -> None:
    out = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    plan = load_plan(out, crs="EPSG:3067")  # ETRS-TM35FIN, Finland's national grid
    assert plan.crs.to_epsg() == 3067
    residents = plan.layers["residents"].frame
    assert residents.crs.to_epsg() == 3067
    # the same point in EPSG:3067, independently
    x, y = Transformer.from_crs(UTM35, "EPSG:3067", always_xy=True).transform(X0 + 10, Y0 + 10)
    got = residents.geometry.iloc[0]
    assert (got.x, got.y) == pytest.approx((x, y), abs=0.01)
    code, text = _run(capsys, "validate", str(out), "--crs", "EPSG:3067")
    assert code == 0 and "EPSG:3067" in text
    code, text = _run(
        capsys, "convert", str(out), str(tmp_path / "tm35.gpkg"), "--crs", "EPSG:3067"
    )
    assert code == 0, text
    assert load_plan(tmp_path / "tm35.gpkg").crs.to_epsg() == 3067
    code, text = _run(capsys, "validate", str(out), "--crs", "EPSG:3395")
    assert code == 2 and "distorts" in text


def test_crs_on_a_plan_file_reprojects_as_on_a_spec(
    community: Path, tmp_path: Path, capsys
) -> None:
    """``convert --crs`` / ``validate --crs`` on a .gpkg reproject its vector layers, as on a TOML
    spec; rasters keep their own CRS (read windowed to the plan), as from a spec."""
    with rasterio.open(
        tmp_path / "dem.tif",
        "w",
        driver="GTiff",
        width=30,
        height=20,
        count=1,
        dtype="float32",
        crs=UTM35,
        transform=from_origin(X0 - 50, Y0 + 250, 10, 10),
    ) as dst:
        dst.write(np.arange(600, dtype="float32").reshape(20, 30), 1)
    community.write_text(
        community.read_text() + '\n[layers.dem]\nrole = "terrain"\npath = "dem.tif"\n'
    )
    source = save_plan(load_plan(community), tmp_path / "plan.gpkg")
    target = tmp_path / "gk25.gpkg"  # ETRS-GK25FIN, Helsinki's zone: x about 25.5 million m
    code, text = _run(capsys, "convert", str(source), str(target), "--crs", "EPSG:3879")
    assert code == 0 and "EPSG:3879" in text
    # the written file itself, read without SpacePlanner
    for name in ("residents", "shelters", "walk"):
        assert CRS(pyogrio.read_info(target, layer=name)["crs"]).to_epsg() == 3879, name
    con = sqlite3.connect(target)
    try:
        (value,) = con.execute(
            "SELECT value FROM spaceplanner_metadata WHERE key = 'plan'"
        ).fetchone()
    finally:
        con.close()
    assert CRS.from_wkt(json.loads(value)["crs"]).to_epsg() == 3879
    before = pyogrio.read_dataframe(source, layer="residents")
    after = pyogrio.read_dataframe(target, layer="residents")
    assert list(after["id"]) == list(before["id"])
    x, y = Transformer.from_crs(UTM35, "EPSG:3879", always_xy=True).transform(
        before.geometry.x.to_numpy(), before.geometry.y.to_numpy()
    )
    assert np.allclose(after.geometry.x, x, atol=0.01) and np.allclose(
        after.geometry.y, y, atol=0.01
    )
    assert not np.allclose(after.geometry.x, before.geometry.x, atol=1000)  # really moved
    with rasterio.open(target, "r", driver="GPKG", table="dem") as dem:
        assert dem.crs.to_epsg() == 32635
    # load_plan and validate say the same, and match the spec loaded with the same CRS
    from_file = load_plan(source, crs="EPSG:3879")
    from_spec = load_plan(community, crs="EPSG:3879")
    assert from_file.crs == from_spec.crs
    for name in ("residents", "shelters", "walk"):
        a, b = from_file.layers[name].frame, from_spec.layers[name].frame
        assert a.geometry.geom_equals_exact(b.geometry, 0.01).all(), name
    assert from_file.layers["dem"].raster.crs == from_spec.layers["dem"].raster.crs
    code, text = _run(capsys, "validate", str(source), "--crs", "EPSG:3879", "--json")
    assert code == 0 and json.loads(text)["crs"] == "EPSG:3879"
