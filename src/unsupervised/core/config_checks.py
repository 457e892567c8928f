"""The configuration checked against its schema, and in the ways a JSON schema cannot express.

Kept light: the Snakefile runs this on every invocation, dry runs included (the schema is
read with libyaml's loader and checked with jsonschema directly).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from unsupervised.core.claims import check_replica_seeds
from unsupervised.core.ranges import int_range


class ConfigError(ValueError):
    """An invalid configuration value; the message names the key and how to fix it."""


def typed_overrides(overrides: Any) -> Any:
    """The ``--config`` values with nested leaves read as YAML scalars.

    Snakemake parses ``--config 'iris_gmm={random_state: 0}'`` with YAML's base loader, which
    leaves ``"0"`` a string; this turns it into the integer the schema expects.
    """
    if isinstance(overrides, Mapping):
        return {key: typed_overrides(value) for key, value in overrides.items()}
    if isinstance(overrides, list):
        return [typed_overrides(value) for value in overrides]
    if isinstance(overrides, str):
        return yaml.safe_load(overrides) if overrides else overrides
    return overrides


def check_config(config: Mapping[str, Any]) -> None:
    """Raise ConfigError on the first empty or inverted range or missing data mirror."""
    for key, value in _ranges(config):
        start, stop = value["start"], value["stop"]
        if start > stop:
            raise ConfigError(
                f"config key {key!r}: inverted range (start {start} > stop {stop}); "
                "swap the two values"
            )
        if start == stop:
            raise ConfigError(
                f"config key {key!r}: empty range (start {start} == stop {stop}; stop is "
                "excluded); make stop larger than start"
            )
    for key, value in _ranges(config):
        if not key.endswith(".k_range"):
            continue
        parent = _lookup(config, key.rsplit(".", 1)[0])
        ks = int_range(value)
        for name, listed in parent.items():
            outside = [k for k in listed if k not in ks] if name.endswith("_k") else []
            if outside:
                raise ConfigError(
                    f"config key '{key.rsplit('.', 1)[0]}.{name}': k = {outside} not in "
                    f"{key} ({list(ks)}); add them to the range or remove them"
                )
    mirror = config.get("data_mirror", "")
    if mirror and not Path(mirror).is_dir():
        raise ConfigError(
            f"config key 'data_mirror': folder {mirror!r} does not exist; point it at a folder "
            'laid out as <dataset>/<file> (like ../shared/datasets) or set it to "" to download'
        )


def check_relations(config: Mapping[str, Any]) -> None:
    """Raise ConfigError (or, for a seed list, ClaimError) on the first keys of the workflow's
    configuration whose values disagree with each other's, which the schema cannot say."""
    check_at_least(
        config,
        "digits_semi_supervised.n_clusters",
        "digits_semi_supervised.n_labels",
        "each label goes to one cluster's representative, so use at least as many "
        "clusters as labels",
    )
    check_member(
        config,
        "dbscan.classifier.eps",
        "dbscan.eps",
        "the classifier is trained on the cores of one of the fitted models",
    )
    check_not_member(
        config,
        "clustering_benchmark.preprocess_seed",
        "clustering_benchmark.tie_check_seeds",
        "the check of ties refits on tie-breaking noise drawn anew; remove it from that list",
    )
    # Exercise 11's seeds of K-Means and the forest, and its splits, besides the exercises'.
    for seeds, chapter_seed in (
        ("olivetti_accuracy.model_seeds", "olivetti_clustering.random_state"),
        ("olivetti_accuracy_spread.split_seeds", "olivetti_faces.test_random_state"),
    ):
        check_replica_seeds(_lookup(config, seeds), _lookup(config, chapter_seed), seeds)


def load_schema(schema_path: str | Path) -> dict[str, Any]:
    """The schema at `schema_path` as validated: an object schema without ``required`` requires
    every key it lists (the schema names each key once; a list says which keys may be left out)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    schema = yaml.load(Path(schema_path).read_text(), Loader=loader)
    _require_every_key(schema)
    return schema


def _require_every_key(node: Any) -> None:
    if isinstance(node, dict):
        if "properties" in node:
            node.setdefault("required", list(node["properties"]))
        for value in node.values():
            _require_every_key(value)
    elif isinstance(node, list):
        for value in node:
            _require_every_key(value)


def validate_config(config: Mapping[str, Any], schema_path: str | Path) -> None:
    """Raise ConfigError naming the key of the config's first (most relevant) schema error."""
    error = best_match(Draft202012Validator(load_schema(schema_path)).iter_errors(config))
    if error is not None:
        raise ConfigError(explain_schema_error(error, schema_path))


def check_at_least(config: Mapping[str, Any], key: str, other: str, why: str) -> None:
    """Raise ConfigError unless the value at dotted `key` is at least the one at `other`."""
    value, bound = _lookup(config, key), _lookup(config, other)
    if value < bound:
        raise ConfigError(f"config key {key!r}: {value}, below {other} ({bound}); {why}")


def check_not_member(config: Mapping[str, Any], key: str, collection: str, why: str) -> None:
    """Raise ConfigError if the value at dotted `key` is one of the list at `collection`."""
    value, excluded = _lookup(config, key), _lookup(config, collection)
    if value in excluded:
        raise ConfigError(f"config key {key!r}: {value} is one of {collection} {excluded}; {why}")


def check_member(config: Mapping[str, Any], key: str, collection: str, why: str) -> None:
    """Raise ConfigError unless the value at dotted `key` is one of the list at `collection`."""
    value, allowed = _lookup(config, key), _lookup(config, collection)
    if value not in allowed:
        raise ConfigError(
            f"config key {key!r}: {value} is not one of {collection} {allowed}; {why}"
        )


def explain_schema_error(error: ValidationError, schema_path: str | Path) -> str:
    """A short message naming the config key that failed schema validation (jsonschema's own
    text dumps the whole schema)."""
    path = [str(part) for part in error.absolute_path]
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {}).keys()
        unknown = sorted(key for key in error.instance if key not in known)
        keys = ", ".join(repr(".".join([*path, key])) for key in unknown)
        return (
            f"unknown config key {keys}; check its spelling (allowed keys and types: {schema_path})"
        )
    key = ".".join(path) or "(top level)"
    return f"config key {key!r}: {error.message} (allowed values: {schema_path})"


def _lookup(config: Mapping[str, Any], dotted: str) -> Any:
    node: Any = config
    for part in dotted.split("."):
        node = node[part]
    return node


def _ranges(node: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, int]]]:
    if isinstance(node, Mapping):
        if {"start", "stop"} <= node.keys():
            yield path, node
            return
        for key, value in node.items():
            yield from _ranges(value, f"{path}.{key}" if path else str(key))
