"""Rule profiles: every value has a source; inheritance; user profiles; bad profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from spaceplanner import RuleError
from spaceplanner.model.rules import list_profiles, load_profile


def _values(node, path=""):
    if isinstance(node, dict) and "value" in node:
        yield path, node
    elif isinstance(node, dict):
        for key, child in node.items():
            yield from _values(child, f"{path}.{key}" if path else key)


@pytest.mark.parametrize("name", ["cn-gb", "sphere", "japan"])
def test_shipped_profiles_cite_a_source_for_every_value(name: str) -> None:
    profile = load_profile(name)
    values = list(_values(profile.data))
    assert len(values) > 20
    for path, node in values:
        assert isinstance(node["value"], int | float), path
        assert len(node["source"]) > 10, path
        assert node.get("conf") in {"H", "M", "L", "D"}, path
    assert [c.name for c in profile.circles] == ["5min", "10min", "15min"]


def test_cn_gb_values_match_the_standards() -> None:
    p = load_profile("cn-gb")
    assert p.shelter_class("emergency").radius_m.value == 500
    assert p.shelter_class("emergency").per_capita_m2.value == 1.0
    assert p.shelter_class("fixed").per_capita_m2.value == 2.0
    assert "GB 50413" in p.shelter_class("emergency").radius_m.source
    assert [c.radius_m.value for c in p.circles] == [300, 500, 1000]
    assert p.facility_radius["kindergarten"].value == 300
    assert p.minutes(300) == 5.0


def test_alternatives_override_and_inherit() -> None:
    sphere = load_profile("sphere")
    assert sphere.shelter_class(None).per_capita_m2.value == 3.5
    assert sphere.facility_radius["primary_school"].value == 500  # inherited from cn-gb
    japan = load_profile("japan")
    assert japan.shelter_class("fixed").radius_m.value == 3000
    assert set(list_profiles()) >= {"cn-gb", "sphere", "japan"}


def test_user_profile_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'name = "mine"\nextends = "cn-gb"\n[facilities.kindergarten]\n'
        'radius_m = { value = 250.0, source = "city rule 12", conf = "H" }\n',
        encoding="utf-8",
    )
    p = load_profile(path)
    assert p.name == "mine" and p.facility_radius["kindergarten"].value == 250
    assert p.facility_radius["clinic"].value == 300


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('name = "x"\nextends = "cn-gb"\n[facilities.clinic]\nradius_m = 300\n', "source"),
        (
            'name = "x"\nextends = "cn-gb"\n[facilities.clinic]\n'
            'radius_m = { value = -1, source = "s" }\n',
            "positive",
        ),
        ('name = "x"\nextends = "nope"\n', "unknown rule profile"),
        ("name = [", "not valid"),
    ],
)
def test_bad_profiles_are_rule_errors(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=says):
        load_profile(path)


def test_unknown_profile_name_suggests() -> None:
    with pytest.raises(RuleError, match="cn-gb"):
        load_profile("cn-bg")
