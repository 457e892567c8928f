"""Configuration checks beyond the schema, and the schema's messages."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO

from unsupervised.config_checks import (
    ConfigError,
    check_config,
    explain_schema_error,
    typed_overrides,
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


def test_good_ranges_and_mirror_pass(tmp_path: Path) -> None:
    check_config({"k": {"start": 2, "stop": 3}, "data_mirror": str(tmp_path)})


def test_missing_mirror_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'data_mirror'"):
        check_config({"data_mirror": str(tmp_path / "nowhere")})


def test_command_line_values_get_their_yaml_types() -> None:
    overrides = {"iris_gmm": {"random_state": "0", "figure_size": ["9", "3.5"]}, "x": "text"}
    assert typed_overrides(overrides) == {
        "iris_gmm": {"random_state": 0, "figure_size": [9, 3.5]}, "x": "text"}


class FakeWorkflowError(Exception):
    """Stands for Snakemake's WorkflowError, which keeps the schema error as its context."""


def schema_failure(config: dict) -> str:
    schema = yaml.safe_load((REPO / "workflow" / "schemas" / "config.schema.yaml").read_text())
    try:
        try:
            jsonschema.validate(config, schema, cls=jsonschema.Draft202012Validator)
        except jsonschema.ValidationError as cause:
            raise FakeWorkflowError("Error validating config file.") from cause
    except FakeWorkflowError as error:
        return explain_schema_error(error)
    raise AssertionError("config unexpectedly valid")


def test_schema_messages_name_the_key(default_config: dict) -> None:
    bad_type = {**default_config, "iris_gmm": {"n_components": "three"}}
    assert schema_failure(bad_type).startswith("config key 'iris_gmm.n_components': 'three'")
    unknown = {**default_config, "iris_gmm": {"n_componets": 3}}
    assert schema_failure(unknown).startswith("unknown config key 'iris_gmm.n_componets'")
