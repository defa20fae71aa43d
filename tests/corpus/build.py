"""Builders of the bad-input corpus: each case writes a tiny community (or a broken piece of one)
into a folder and says which commands to run on it and what must come out.

The base community is small enough to check by hand (straight-line distance × 1.3, the ``cn-gb``
profile, no network unless a case adds one):

* residents: 25 points on a 5 × 5 grid, 100 m apart, 100 persons each — population 2,500;
* one emergency shelter, a 60 m × 50 m polygon with ``capacity = 3000`` in the middle of the grid
  (the farthest resident is 244 m away, 317 m with the detour factor: everyone within 500 m) —
  capacity 3,000, sheltered 2,500;
* two parks of 80 m × 80 m — activity space 12,800 m²; with ``dual_use`` true each would add its
  6,400 m² ÷ 1 m²/person to the emergency capacity (15,800 with both).

A case's expectation is either ``ok`` (exit 0 and the figures in every ``report.json`` it names)
or ``bad`` (exit 2 and one ``error:`` message containing the given words: the file, layer, field,
value), or both when the issue allows either outcome (e.g. "read it windowed or refuse").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from corpus.base import (
    BASE,
    BASE_TOML,
    CAPACITY,
    DAMAGED,
    EVALUATE,
    POPULATION,
    VALIDATE,
    Case,
    Expect,
    Run,
    Word,
    bad,
    base,
    either,
    grid_residents,
    ok,
    raw_plan,
)
from corpus.cases_keys import (
    _households_frame,
    _layer_key,
    _shelter_frame,
    _values,
    b_facility_kind_int,
    b_input_named_gaps,
    b_json_is_folder,
    b_path_missing,
    b_plan_and_inputs_in_shp,
    b_x_int,
    b_x_missing_column,
)
from corpus.cases_readers import (
    _targets,
    _top,
    b_csv_gbk_good,
    b_csv_header_only,
    b_csv_no_coordinates,
    b_geojson_invalid,
    b_geojson_null_geometries,
    b_gpkg_text,
    b_gpkg_truncated,
    b_kml_broken,
    b_kml_good,
    b_no_layers,
    b_plan_is_folder,
    b_plan_latin1,
    b_plan_txt,
    b_shp_bad_cpg,
    b_shp_garbage_prj,
    b_shp_garbage_shx,
    b_shp_no_dbf,
    b_shp_truncated_dbf,
    b_threshold_on_polygons,
    b_tif_band_3,
    b_tif_far_away,
    b_tif_good,
    b_tif_text,
    b_tif_threshold_text,
    b_tif_truncated,
    b_tif_two_thresholds,
)
from corpus.cases_values import (
    LONG,
    RASTER_FIGURES,
    _odd_names,
    _population_value,
    _sql,
    b_capacity_inf,
    b_capacity_nan_text,
    b_convert_plan,
    b_csv_decimal_comma,
    b_csv_semicolon,
    b_degrees_in_utm,
    b_dev_zero,
    b_dev_zero_gpkg,
    b_dual_use_bad_value,
    b_dual_use_chinese,
    b_dual_use_constant_bad,
    b_dual_use_no_text,
    b_empty_geojson,
    b_encoding_5,
    b_fifo,
    b_gbk_column_names,
    b_geojson_projected_no_crs,
    b_layers_string,
    b_long_layer_name,
    b_network_mm,
    b_out_is_file,
    b_pop_raster_65535,
    b_pop_raster_65535_declared,
    b_profile_nan,
    b_radius_nan,
    b_raster_header_huge,
    b_shelters_20k,
    b_swapped_lonlat,
    b_terrain_hole,
    b_toml_bom,
    b_truncated_shp,
    b_utm_labelled_lonlat,
    b_world_mercator,
    b_world_mercator_plan_crs,
)

__all__ = ["BASE", "CASES", "Case", "Expect", "Run", "Word", "base"]

# --------------------------------------------------------------------------------------------
# The corpus


def _gpkg_then(*statements: str) -> Callable[[Path], None]:
    """The base plan converted to ``plan.gpkg`` in the builder, then edited with sqlite3."""

    def build(d: Path) -> None:
        base(d)
        from spaceplanner.model.plan import load_plan
        from spaceplanner.model.plan_file import save_plan

        save_plan(load_plan(d / "plan.toml"), d / "plan.gpkg")
        (d / "plan.toml").unlink()
        _sql(d / "plan.gpkg", *statements)

    return build


E = EVALUATE
V = VALIDATE
EG = ("evaluate", "plan.gpkg", "--out", "out")
CONVERT = ("convert", "plan.toml", "plan.gpkg")
EG2 = ("evaluate", "plan.gpkg", "--out", "out2")
BOTH_REPORTS = ("out/report.json", "out2/report.json")


def _c(
    name: str,
    build: Callable[[Path], Any],
    commands: tuple[tuple[str, ...] | Run, ...],
    expect: Expect,
    about: str = "",
    **kw: Any,
) -> Case:
    the_runs = tuple(c if isinstance(c, Run) else Run(c) for c in commands)
    return Case(name, build, the_runs, expect, about=about, **kw)


CASES: list[Case] = [
    # ---- issue #17, item by item --------------------------------------------------------
    _c(
        "dual_use_no_text",
        b_dual_use_no_text,
        (E, CONVERT, EG2),
        ok(reports=BOTH_REPORTS),
        "dual_use = 'no' text read as yes; figures change on convert",
    ),
    _c("dual_use_bad_value", b_dual_use_bad_value, (E,), bad("parks", "dual_use", "maybe")),
    _c(
        "dual_use_chinese",
        b_dual_use_chinese,
        (E,),
        ok(BASE | {"shelters.capacity_persons": CAPACITY + 6400.0}),
    ),
    _c("dual_use_constant_bad", b_dual_use_constant_bad, (E,), bad("dual_use", "perhaps")),
    _c(
        "csv_decimal_comma",
        b_csv_decimal_comma,
        (E,),
        either({"population": 2500.0}, "residents.csv", "37,5"),
        "a decimal comma read as 375",
    ),
    _c(
        "csv_semicolon", b_csv_semicolon, (E,), either({"population": 2500.0}, "residents.csv", ";")
    ),
    _c(
        "degrees_in_utm_layer",
        b_degrees_in_utm,
        (E,),
        bad("residents_deg.gpkg", ("degree", "longitude", "lon/lat")),
    ),
    _c("radius_m_nan", b_radius_nan, (E,), bad("shelters", "radius_m", "nan")),
    _c(
        "profile_nan",
        b_profile_nan,
        (("evaluate", "plan.toml", "--rules", "myrules.toml", "--out", "out"),),
        bad("myrules.toml", "nan"),
    ),
    _c("capacity_inf", b_capacity_inf, (E,), bad("shelters.gpkg", "capacity", "S1")),
    _c("capacity_nan_text", b_capacity_nan_text, (E,), bad("shelters.gpkg", "capacity", "S1")),
    _c(
        "population_inf",
        _population_value(float("inf")),
        (E,),
        bad("residents.gpkg", "population", "R3"),
    ),
    _c("population_1e17", _population_value(1e17), (E,), bad("residents.gpkg", "population", "R3")),
    _c(
        "population_float32_max",
        _population_value(float(np.finfo("float32").max)),
        (E,),
        bad("residents.gpkg", "population", "R3"),
    ),
    _c(
        "population_nan",
        _population_value(float("nan")),
        (E,),
        bad("residents.gpkg", "population", "R3"),
    ),
    _c(
        "truncated_shp",
        b_truncated_shp,
        (E,),
        bad("residents.shp", DAMAGED),
        "13 of 25 residents loaded, evaluate reports 1,300 without a word",
    ),
    _c("truncated_shp_convert", b_truncated_shp, (CONVERT,), bad("residents.shp", DAMAGED)),
    _c(
        "world_mercator_60n",
        b_world_mercator,
        (E,),
        either(None, ("Mercator", "3395", "scale", "distort")),
    ),
    _c(
        "world_mercator_plan_crs",
        b_world_mercator_plan_crs,
        (E,),
        either(None, ("Mercator", "3395", "scale", "distort")),
    ),
    _c(
        "pop_raster_65535_no_nodata",
        b_pop_raster_65535,
        (E,),
        Expect(figures={}, words=("65535",), warn=("65535",)),
        "lake cells of 65535 counted as people",
    ),
    _c("pop_raster_65535_declared", b_pop_raster_65535_declared, (E,), ok(RASTER_FIGURES)),
    _c("terrain_9999_hole", b_terrain_hole, (E,), either(BASE, "dtm.tif", "-9999")),
    _c(
        "raster_header_200k",
        b_raster_header_huge,
        (E,),
        either(BASE, "dtm.tif", ("200,000", "200000", "too large", "cells")),
        timeout=90.0,
    ),
    _c(
        "export_into_plan_folder",
        b_convert_plan,
        (Run(CONVERT, setup=True), ("export", "plan.gpkg", "--format", "gpkg", "--out", ".")),
        either({}, "plan.gpkg", outputs=()),
        "export replaced the user's plan.gpkg",
        out_dirs=(),
    ),
    _c(
        "export_into_plan_folder_overwrite",
        b_convert_plan,
        (
            Run(CONVERT, setup=True),
            ("export", "plan.gpkg", "--format", "gpkg", "--out", ".", "--overwrite"),
        ),
        either({}, "plan.gpkg"),
        out_dirs=(),
    ),
    _c(
        "geojson_projected_no_crs",
        b_geojson_projected_no_crs,
        (E,),
        bad("residents.geojson", ("crs", "degree", "longitude")),
    ),
    _c(
        "utm_labelled_lonlat",
        b_utm_labelled_lonlat,
        (E,),
        bad("residents_ll.gpkg", ("crs", "degree", "longitude")),
    ),
    _c(
        "gpkg_plan_layer_dropped",
        _gpkg_then("DROP TABLE shelters"),
        (EG,),
        bad("plan.gpkg", "shelters"),
    ),
    _c(
        "gpkg_plan_layer_deleted_cleanly",
        _gpkg_then(
            "DROP TABLE shelters",
            "DELETE FROM gpkg_contents WHERE table_name = 'shelters'",
            "DELETE FROM gpkg_geometry_columns WHERE table_name = 'shelters'",
        ),
        (EG,),
        bad("plan.gpkg", "shelters"),
    ),
    _c(
        "gpkg_plan_metadata_garbled",
        _gpkg_then('UPDATE spaceplanner_metadata SET value = \'{"name": "test", "layers": [1, 2\''),
        (EG,),
        bad("plan.gpkg", "metadata"),
    ),
    _c(
        "gpkg_plan_metadata_dropped",
        _gpkg_then("DROP TABLE spaceplanner_metadata"),
        (EG,),
        bad("plan.gpkg", "metadata"),
    ),
    _c("encoding_5", b_encoding_5, (E,), bad("residents", "encoding", "5")),
    _c("fifo_plan", b_fifo, (V,), bad("plan.toml"), timeout=15.0),
    _c("dev_zero_plan", b_dev_zero, (V,), bad("plan.toml"), timeout=40.0),
    _c(
        "dev_zero_gpkg_plan",
        b_dev_zero_gpkg,
        (("validate", "plan.gpkg"),),
        bad("plan.gpkg"),
        timeout=40.0,
    ),
    _c(
        "long_layer_name_shp_export",
        b_long_layer_name,
        (("export", "plan.toml", "--format", "shp", "--out", "out"),),
        either({}, LONG[:20], outputs=("out/shp/fields.csv",)),
    ),
    _c(
        "long_layer_name_convert",
        b_long_layer_name,
        (CONVERT, EG2),
        ok(BASE, reports=("out2/report.json",)),
    ),
    _c(
        "odd_layer_names_convert",
        _odd_names,
        (CONVERT, EG2),
        ok(BASE, reports=("out2/report.json",)),
        "layer names with spaces or < > that convert can never save",
    ),
    _c(
        "odd_layer_names_shp_export",
        _odd_names,
        (("export", "plan.toml", "--format", "shp,geojson", "--out", "out"),),
        ok({}, outputs=("out/shp/fields.csv",)),
    ),
    _c(
        "out_is_a_file_export",
        b_out_is_file,
        (("export", "plan.toml", "--format", "csv", "--out", "out"),),
        bad("out"),
    ),
    _c("out_is_a_file_evaluate", b_out_is_file, (E,), bad("out"), out_dirs=()),
    _c(
        "json_into_missing_folder",
        b_convert_plan,
        (("evaluate", "plan.toml", "--out", "out", "--json", "missing/report.json"),),
        either(BASE, "missing", outputs=("missing/report.json",)),
    ),
    _c(
        "json_is_a_folder",
        b_json_is_folder,
        (("evaluate", "plan.toml", "--out", "out", "--json", "report"),),
        bad("report"),
    ),
    _c("toml_bom", b_toml_bom, (E,), ok(), "a TOML saved by Notepad with a BOM"),
    _c("gbk_shp_chinese_column_names", b_gbk_column_names, (E,), ok()),
    _c("swapped_lonlat_one_layer", b_swapped_lonlat, (E,), bad("shelters")),
    _c(
        "layers_residents_string",
        b_layers_string,
        (V,),
        bad("residents", "[layers.residents]", "path"),
    ),
    _c("empty_geojson", b_empty_geojson, (E,), bad("shelters.geojson", "no features")),
    _c("network_mm_vertices", b_network_mm, (E,), ok(), timeout=60.0),
    _c(
        "shelters_20k",
        b_shelters_20k,
        (E,),
        ok(
            {
                "population": POPULATION,
                "shelters.capacity_persons": 20000.0,
                "shelters.population_sheltered": POPULATION,
            }
        ),
        timeout=150.0,
    ),
    # ---- every reader -----------------------------------------------------------------
    _c("shp_missing_dbf", b_shp_no_dbf, (E,), bad("residents.shp", ".dbf")),
    _c("shp_garbage_prj", b_shp_garbage_prj, (E,), bad("residents", (".prj", "crs"))),
    _c("shp_unknown_cpg", b_shp_bad_cpg, (E,), either(BASE, "residents", ".cpg")),
    _c("shp_truncated_dbf", b_shp_truncated_dbf, (E,), bad("residents", DAMAGED)),
    _c("shp_garbage_shx", b_shp_garbage_shx, (E,), bad("residents", (".shx", *DAMAGED))),
    _c("geojson_invalid", b_geojson_invalid, (E,), bad("residents.geojson")),
    _c(
        "geojson_null_geometries",
        b_geojson_null_geometries,
        (E,),
        bad("shelters.geojson", ("geometry", "no features")),
    ),
    _c("gpkg_text_file", b_gpkg_text, (E,), bad("shelters.gpkg", "GeoPackage")),
    _c("gpkg_truncated", b_gpkg_truncated, (E,), bad("shelters.gpkg", DAMAGED)),
    _c("kml_good", b_kml_good, (E,), ok()),
    _c("kml_truncated", b_kml_broken, (E,), bad("residents.kml")),
    _c("csv_no_coordinates", b_csv_no_coordinates, (E,), bad("residents.csv", ("x", "coordinat"))),
    _c("csv_header_only", b_csv_header_only, (E,), bad("residents.csv", "no features")),
    _c("csv_gbk_chinese_columns", b_csv_gbk_good, (E,), ok()),
    _c("tif_good_terrain", b_tif_good, (E,), ok()),
    _c("tif_truncated", b_tif_truncated, (E,), bad("dtm.tif", DAMAGED)),
    _c("tif_text_file", b_tif_text, (E,), bad("dtm.tif")),
    _c("tif_band_3", b_tif_band_3, (E,), bad("dtm.tif", "band", "3")),
    _c("tif_far_away", b_tif_far_away, (E,), bad("dtm.tif", "low_ground")),
    _c(
        "raster_two_thresholds",
        b_tif_two_thresholds,
        (E,),
        bad("low_ground", "min_value", "max_value"),
    ),
    _c("raster_threshold_text", b_tif_threshold_text, (E,), bad("low_ground", "max_value", "low")),
    _c("threshold_on_polygons", b_threshold_on_polygons, (E,), bad("flood", "max_value")),
    # ---- every TOML key of the plan ---------------------------------------------------
    _c("plan_name_int", _top("name", "5"), (E,), either(BASE, "name")),
    _c("plan_crs_int", _top("crs", "32635"), (E,), either(BASE, "crs", "32635")),
    _c("plan_rules_unknown", _top("rules", '"cn-gbb"'), (E,), bad("cn-gbb")),
    _c("plan_rules_int", _top("rules", "7"), (E,), bad("rule", "7")),
    _c("plan_scenario_array", _top("scenario", '["flood"]'), (E,), bad("scenario")),
    _c(
        "plan_description_table",
        _top("description", "{ a = 1 }"),
        (E,),
        either(BASE, "description"),
    ),
    _c(
        "targets_share_above_1",
        _targets("shelter.sheltered = 1.5"),
        (E,),
        bad("shelter.sheltered", "1.5"),
    ),
    _c("targets_nan", _targets("shelter.sheltered = nan"), (E,), bad("shelter.sheltered", "nan")),
    _c(
        "targets_text",
        _targets('shelter.sheltered = "high"'),
        (E,),
        bad("shelter.sheltered", "high"),
    ),
    _c(
        "targets_not_a_table",
        lambda d: raw_plan(d, "targets = 0.9\n" + BASE_TOML),
        (E,),
        bad("targets"),
    ),
    _c("no_layers", b_no_layers, (E,), bad("plan.toml", "layers")),
    _c("plan_is_a_folder", b_plan_is_folder, (E,), bad("plan.toml")),
    _c(
        "plan_txt_extension",
        b_plan_txt,
        (("evaluate", "plan.txt", "--out", "out"),),
        either(BASE, "plan.txt"),
    ),
    _c("plan_latin1", b_plan_latin1, (E,), bad("plan.toml", "UTF-8")),
    # ---- every TOML key of a layer -----------------------------------------------------
    _c("layer_role_int", _layer_key("parks", "role", "5"), (E,), bad("parks", "role")),
    _c(
        "layer_role_unknown",
        _layer_key("parks", "role", '"activity_space"'),
        (E,),
        bad("parks", "activity_spaces"),
    ),
    _c("layer_path_int", _layer_key("shelters", "path", "5"), (E,), bad("shelters", "path")),
    _c("layer_path_missing", b_path_missing, (E,), bad("shelters", "path")),
    _c(
        "layer_path_not_found",
        _layer_key("shelters", "path", '"nowhere/s.gpkg"'),
        (E,),
        bad("shelters", "s.gpkg", "not found"),
    ),
    _c("layer_layer_int", _layer_key("shelters", "layer", "3"), (E,), bad("shelters", "layer")),
    _c("layer_crs_bool", _layer_key("residents", "crs", "true"), (E,), bad("residents", "crs")),
    _c("layer_x_missing_column", b_x_missing_column, (E,), bad("residents", "east")),
    _c("layer_x_int", b_x_int, (E,), bad("residents", "x")),
    _c(
        "layer_radius_negative",
        _layer_key("shelters", "radius_m", "-100"),
        (E,),
        bad("shelters", "radius_m", "-100"),
    ),
    _c(
        "layer_radius_text",
        _layer_key("shelters", "radius_m", '"500 m"'),
        (E,),
        bad("shelters", "radius_m", "500 m"),
    ),
    _c(
        "layer_radius_on_residents",
        _layer_key("residents", "radius_m", "300"),
        (E,),
        either(BASE, "residents", "radius_m", warn=("radius_m",)),
    ),
    _c("layer_band_float", _layer_key("residents", "band", "1.5"), (E,), bad("residents", "band")),
    _c(
        "layer_field_map_int",
        _layer_key("residents", "population", "5"),
        (E,),
        bad("residents", "population"),
    ),
    _c("layer_kind_int", b_facility_kind_int, (E,), bad("clinics", "kind")),
    _c(
        "layer_table_is_array",
        lambda d: raw_plan(d, BASE_TOML + '\n[[layers.extra]]\npath = "parks.gpkg"\n'),
        (E,),
        bad("extra"),
    ),
    # ---- values in the data -----------------------------------------------------------
    _c(
        "effective_area_nan",
        _values(_shelter_frame, "shelters", "shelters.gpkg", "effective_area", 0, float("nan")),
        (E,),
        either(
            {
                "population": POPULATION,
                "shelters.capacity_persons": CAPACITY,
                "shelters.population_sheltered": POPULATION,
            },
            "effective_area",
            "S1",
        ),
    ),
    _c(
        "effective_area_inf",
        _values(_shelter_frame, "shelters", "shelters.gpkg", "effective_area", 0, float("inf")),
        (E,),
        bad("shelters.gpkg", "effective_area", "S1"),
    ),
    _c(
        "households_inf",
        _values(_households_frame, "residents", "residents.gpkg", "households", 4, float("inf")),
        (E,),
        bad("residents.gpkg", "households", "R5"),
    ),
    _c(
        "population_text",
        _values(grid_residents, "residents", "residents.gpkg", "population", 6, "many"),
        (E,),
        bad("residents.gpkg", "population", "R7", "many"),
    ),
    # ---- output paths -----------------------------------------------------------------
    _c(
        "export_twice_without_overwrite",
        b_convert_plan,
        (
            Run(("export", "plan.toml", "--format", "csv", "--out", "out"), setup=True),
            ("export", "plan.toml", "--format", "csv", "--out", "out"),
        ),
        bad("out", "--overwrite"),
        out_dirs=(),
    ),
    _c(
        "export_unknown_format",
        b_convert_plan,
        (("export", "plan.toml", "--format", "shp,docx", "--out", "out"),),
        bad("docx"),
    ),
    _c(
        "export_over_input_shapefiles",
        b_plan_and_inputs_in_shp,
        (("export", "plan.toml", "--format", "shp", "--out", ".", "--overwrite"),),
        either({}, "shp"),
        out_dirs=(),
    ),
    _c(
        "evaluate_over_input_gaps_gpkg",
        b_input_named_gaps,
        (("evaluate", "plan.toml", "--out", "."),),
        either({}, "gaps.gpkg", reports=()),
        out_dirs=(),
    ),
    _c(
        "convert_over_its_input_layer",
        b_convert_plan,
        (("convert", "plan.toml", "residents.gpkg", "--overwrite"),),
        bad("residents.gpkg"),
    ),
    _c(
        "convert_over_itself",
        _gpkg_then(),
        (("convert", "plan.gpkg", "plan.gpkg", "--overwrite"),),
        bad("plan.gpkg"),
    ),
    _c(
        "convert_into_missing_folder",
        b_convert_plan,
        (("convert", "plan.toml", "nowhere/plan.gpkg"),),
        either({}, "nowhere", reports=(), outputs=("nowhere/plan.gpkg",)),
    ),
]
