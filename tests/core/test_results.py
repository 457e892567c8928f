"""The one writer of an experiment's result, and the renaming of unsupported settings."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from snakemake.iocontainers import Namedlist

from unsupervised.core.figures import new_figure
from unsupervised.core.io import read_json
from unsupervised.core.results import Result, value_tag, write_result
from unsupervised.core.settings import SettingError
from unsupervised.core.step import run_step, setting_key, settings


def rule(tmp_path: Path, outputs: dict[str, str], **params) -> SimpleNamespace:
    """A stand-in for the ``snakemake`` object of a rule writing into tmp_path/toy."""
    return SimpleNamespace(
        output=Namedlist(
            fromdict={name: str(tmp_path / "toy" / path) for name, path in outputs.items()}
        ),
        params=Namedlist(fromdict=params),
        log=[str(tmp_path / "toy.log")],
        rule="toy",
        threads=1,
    )


def a_figure():
    fig, (ax,) = new_figure(2, 2)
    ax.plot([0, 1], [1, 0])
    return fig


def test_metrics_are_prefixed_with_the_experiment_folder(tmp_path: Path) -> None:
    smk = rule(tmp_path, {"figure": "f.png", "table": "t.tsv", "metrics": "metrics.json"}, dpi=50)
    write_result(
        Result(
            {"accuracy": 0.5, "n": 3},
            tables={"table": pd.DataFrame({"a": [1.0]})},
            figures={"figure": a_figure},
        ),
        smk,
    )
    assert read_json(tmp_path / "toy" / "metrics.json") == {"toy.accuracy": 0.5, "toy.n": 3}
    assert (tmp_path / "toy" / "t.tsv").read_text() == "a\n1\n"
    assert (tmp_path / "toy" / "f.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    "result",
    [
        Result({"accuracy": 0.5}),  # the figure output is not covered
        Result({"accuracy": 0.5}, figures={"figure": a_figure, "other": a_figure}),
    ],
)
def test_outputs_and_result_must_match(tmp_path: Path, result: Result) -> None:
    smk = rule(tmp_path, {"figure": "f.png", "metrics": "metrics.json"}, dpi=50)
    with pytest.raises(ValueError, match="for the rule outputs"):
        write_result(result, smk)
    assert not (tmp_path / "toy").exists() or not any((tmp_path / "toy").iterdir())


def never_drawn():
    raise AssertionError("a seed replica drew a figure it does not write")


def test_a_seed_replica_writes_its_metrics_only_and_draws_nothing(tmp_path: Path) -> None:
    smk = rule(tmp_path, {"metrics": "metrics.json"}, dpi=50, metrics_only=True)
    write_result(
        Result({"accuracy": 0.5}, figures={"figure": never_drawn}, texts={"page": "# toy"}), smk
    )
    assert [path.name for path in (tmp_path / "toy").iterdir()] == ["metrics.json"]
    misdeclared = rule(
        tmp_path, {"figure": "f.png", "metrics": "metrics.json"}, dpi=50, metrics_only=True
    )
    with pytest.raises(ValueError, match="metrics-only rule has outputs"):
        write_result(Result({"accuracy": 0.5}, figures={"figure": a_figure}), misdeclared)


def test_texts_go_to_the_output_of_their_name(tmp_path: Path) -> None:
    smk = rule(tmp_path, {"page": "page.md"}, dpi=50)
    write_result(Result(texts={"page": "# toy\n"}), smk)
    assert (tmp_path / "toy" / "page.md").read_text() == "# toy\n"


def test_settings_leave_out_what_the_runner_reads(tmp_path: Path) -> None:
    smk = rule(tmp_path, {}, k=3, dpi=50, setting_keys={"k": "toy.k"}, metrics_only=True)
    assert settings(smk) == {"k": 3}


def test_a_setting_error_is_renamed_after_the_config_key(tmp_path: Path) -> None:
    smk = rule(tmp_path, {}, setting_keys={"k": "toy_section.k"})

    def main(_) -> None:
        raise SettingError("k", 99, "more clusters than the 10 samples; lower {setting}")

    with pytest.raises(SettingError, match=r"^toy_section\.k=99: .* lower toy_section\.k$"):
        run_step(smk, main)
    logging.getLogger().handlers.clear()
    assert "toy_section.k=99" in (tmp_path / "toy.log").read_text()


def test_a_setting_is_named_in_the_config_block_of_its_step(tmp_path: Path) -> None:
    config = {
        "toy": {"k": 3, "n_init": 10, "classifier": {"eps": 0.2}},
        "toy_chunk": {"size": 2},
        "seed": 1,
    }
    named = {}
    for rule_name, setting in [
        ("toy", "k"),
        ("toy_chunk", "k"),
        ("toy_chunk", "size"),
        ("toy_replica", "n_init"),
        ("toy", "eps"),
        ("other", "k"),
        ("toy", "classifier.eps"),
        ("toy", "classifier.k"),
    ]:
        smk = rule(tmp_path, {})
        smk.rule, smk.config = rule_name, config
        named[rule_name, setting] = setting_key(smk, setting)
    assert named == {
        ("toy", "k"): "toy.k",
        ("toy_chunk", "k"): "toy.k",
        ("toy_chunk", "size"): "toy_chunk.size",
        ("toy_replica", "n_init"): "toy.n_init",
        ("toy", "eps"): "eps",
        ("other", "k"): "k",
        ("toy", "classifier.eps"): "toy.classifier.eps",
        ("toy", "classifier.k"): "classifier.k",
    }
    smk = rule(tmp_path, {}, setting_keys={"k": "elsewhere.k"})
    smk.config = config
    assert setting_key(smk, "k") == "elsewhere.k"


def test_parameter_values_become_metric_names() -> None:
    assert [value_tag(0.05), value_tag(0.2), value_tag(100), value_tag(1e-4), value_tag(-1)] == [
        "0_05",
        "0_2",
        "100",
        "0_0001",
        "m1",
    ]
