"""Configuration checks beyond the schema, and the schema's messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from unsupervised.core.config_checks import (
    ConfigError,
    check_at_least,
    check_config,
    check_not_member,
    load_schema,
    typed_overrides,
    validate_config,
)


@pytest.mark.parametrize(
    ("spec", "message"),
    [({"start": 9, "stop": 3}, "inverted range"), ({"start": 4, "stop": 4}, "empty range")],
)
def test_bad_ranges_name_their_key(spec: dict, message: str) -> None:
    config = {"sweep": {"k": spec}, "other": {"k": {"start": 1, "stop": 5}}}
    with pytest.raises(ConfigError, match=message) as error:
        check_config(config)
    assert "'sweep.k'" in str(error.value)


def test_listed_k_must_lie_in_the_sweep() -> None:
    config = {"choose_k": {"toy": {"k_range": {"start": 2, "stop": 6}, "report_k": [3, 7]}}}
    with pytest.raises(ConfigError, match=r"'choose_k.toy.report_k': k = \[7\] not in"):
        check_config(config)


def test_a_lower_bound_between_two_keys_names_both() -> None:
    config = {"study": {"n_clusters": 40, "n_labels": 50}}
    with pytest.raises(ConfigError, match=r"'study.n_clusters': 40, below study.n_labels \(50\)"):
        check_at_least(config, "study.n_clusters", "study.n_labels", "one label per cluster")
    check_at_least(config, "study.n_labels", "study.n_clusters", "")


def test_a_value_a_list_must_not_hold_names_both() -> None:
    config = {"study": {"seed": 0, "check_seeds": [1, 0]}}
    with pytest.raises(
        ConfigError,
        match=r"'study.seed': 0 is one of study.check_seeds "
        r"\[1, 0\]; draw anew",
    ):
        check_not_member(config, "study.seed", "study.check_seeds", "draw anew")
    check_not_member(
        {"study": {"seed": 2, "check_seeds": [1, 0]}}, "study.seed", "study.check_seeds", ""
    )


def test_good_ranges_and_mirror_pass(tmp_path: Path) -> None:
    check_config({"k": {"start": 2, "stop": 3}, "data_mirror": str(tmp_path)})


def test_missing_mirror_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'data_mirror'"):
        check_config({"data_mirror": str(tmp_path / "nowhere")})


def test_command_line_values_get_their_yaml_types() -> None:
    overrides = {"iris_gmm": {"random_state": "0", "figure_size": ["9", "3.5"]}, "x": "text"}
    assert typed_overrides(overrides) == {
        "iris_gmm": {"random_state": 0, "figure_size": [9, 3.5]},
        "x": "text",
    }


SCHEMA = REPO / "workflow" / "schemas" / "config.schema.yaml"


def schema_failure(config: dict) -> str:
    with pytest.raises(ConfigError) as error:
        validate_config(config, SCHEMA)
    return str(error.value)


def test_the_default_config_is_valid(default_config: dict) -> None:
    validate_config(default_config, SCHEMA)


def test_schema_messages_name_the_key(default_config: dict) -> None:
    iris = default_config["iris_gmm"]
    bad_type = {**default_config, "iris_gmm": {**iris, "n_components": "three"}}
    assert schema_failure(bad_type).startswith("config key 'iris_gmm.n_components': 'three'")
    unknown = {**default_config, "iris_gmm": {**iris, "n_componets": 3}}
    assert schema_failure(unknown).startswith("unknown config key 'iris_gmm.n_componets'")


# Keys that may be left out: a range's step (1), and settings of one dataset only (required
# where they apply, with allOf).
OPTIONAL = {"step", "pca_variance", "train_rows", "n_train", "bad_k", "description"}


def object_schemas(node):
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for value in node.values():
            yield from object_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from object_schemas(value)


def test_the_schema_has_no_defaults_and_requires_every_key() -> None:
    """config/config.yaml is the one place for values: the schema only types them."""
    assert "default:" not in SCHEMA.read_text()
    for node in object_schemas(load_schema(SCHEMA)):
        # A partial_fit loop's k: the blobs' comes from kmeans_minibatch.k, MNIST's is its own.
        optional = OPTIONAL | ({"k"} if "n_iterations" in node["properties"] else set())
        assert set(node["properties"]) - optional <= set(node.get("required", [])), node


def test_an_object_requires_every_key_it_lists_unless_it_says_otherwise(tmp_path: Path) -> None:
    schema = tmp_path / "schema.yaml"
    schema.write_text(
        "type: object\nproperties:\n  a: {type: integer}\n  b:\n    type: object\n"
        "    required: []\n    properties: {c: {type: integer}}\n"
    )
    validate_config({"a": 1, "b": {}}, schema)
    with pytest.raises(ConfigError, match="'a' is a required property"):
        validate_config({"b": {"c": 2}}, schema)


def test_a_missing_key_is_named(default_config: dict) -> None:
    fit = {key: value for key, value in default_config["kmeans_fit"].items() if key != "resolution"}
    message = schema_failure({**default_config, "kmeans_fit": fit})
    assert message.startswith("config key 'kmeans_fit': 'resolution' is a required property")
