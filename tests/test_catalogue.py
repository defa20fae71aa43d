"""The role catalogue: roles, fields and automatic mapping by English and Chinese aliases."""

from __future__ import annotations

import pytest

from spaceplanner.layers.catalogue import get_role, layer_options, match_columns, role_names

ISSUE_ROLES = {
    "residents",
    "shelters",
    "activity_spaces",
    "facilities",
    "hazards",
    "hazard_sources",
    "network",
    "buildings",
    "boundary",
}


def test_catalogue_has_every_role_with_geometry_and_fields() -> None:
    assert set(role_names()) >= ISSUE_ROLES
    for name in role_names():
        role = get_role(name)
        assert role.geometry or role.raster_only
        assert role.label and role.label_zh
        for spec in role.fields.values():
            assert spec.type in {"number", "integer", "text", "bool", "choice"}
            assert spec.aliases[0] == spec.name


@pytest.mark.parametrize(
    ("role", "columns", "expected"),
    [
        (
            "residents",
            ["常住人口", "户数", "小区名称"],
            {"population": "常住人口", "households": "户数", "name": "小区名称"},
        ),
        ("residents", ["POP", "Name"], {"population": "POP", "name": "Name"}),
        ("residents", ["euref_x", "asukkaita"], {"population": "asukkaita"}),  # HSY grids
        ("residents", ["Einwohner"], {"population": "Einwohner"}),
        (
            "shelters",
            ["容纳人数", "有效避难面积", "类型"],
            {"capacity": "容纳人数", "effective_area": "有效避难面积", "class": "类型"},
        ),
        ("shelters", ["可容纳人数", "责任主体"], {"capacity": "可容纳人数", "steward": "责任主体"}),
        ("hazard_sources", ["电压等级"], {"voltage": "电压等级"}),
        ("buildings", ["building:levels"], {"floors": "building:levels"}),
    ],
)
def test_columns_map_by_alias(role: str, columns: list[str], expected: dict[str, str]) -> None:
    assert match_columns(get_role(role), columns) == expected


def test_first_alias_wins_and_a_column_maps_once() -> None:
    mapping = match_columns(get_role("residents"), ["pop", "population"])
    assert mapping == {"population": "population"}


def test_unknown_role_suggests_the_closest() -> None:
    with pytest.raises(KeyError, match="did you mean 'shelters'"):
        get_role("shelter")


@pytest.mark.parametrize(
    ("role", "field", "value", "expected"),
    [
        ("facilities", "kind", "幼儿园", "kindergarten"),
        ("facilities", "kind", "Primary School", "primary_school"),
        ("shelters", "class", "紧急避难场所", "emergency"),
        ("hazard_sources", "kind", "加油站", "petrol_station"),
        ("facilities", "kind", "spaceport", None),
    ],
)
def test_values_map_to_catalogue_codes(
    role: str, field: str, value: str, expected: str | None
) -> None:
    assert get_role(role).fields[field].canonical_value(value) == expected


def test_every_number_field_has_a_plausible_maximum() -> None:
    numbers = [
        (role, spec)
        for role in role_names()
        for spec in get_role(role).fields.values()
        if spec.type in {"number", "integer"}
    ]
    assert numbers
    for role, spec in numbers:
        assert spec.maximum is not None and spec.maximum > 0, f"{role}.{spec.name}"


def test_every_layer_option_has_a_known_type() -> None:
    options = layer_options()
    assert {"path", "crs", "radius_m", "band", "decimal", "nodata"} <= set(options)
    for option in options.values():
        assert option.type in {"text", "number", "integer", "choice", "crs", "table", "list"}, (
            option.name
        )
