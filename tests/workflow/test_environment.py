"""The conda environment of the rules pins the same versions as requirements.txt."""

from __future__ import annotations

import yaml
from conftest import REPO


def pins(lines: list[str]) -> dict[str, str]:
    return {name.lower(): version for name, _, version in
            (line.partition("==") for line in lines) if version}


def test_conda_environment_matches_requirements() -> None:
    requirements = pins((REPO / "requirements.txt").read_text().split())
    env = yaml.safe_load((REPO / "workflow" / "envs" / "pipeline.yaml").read_text())
    pip_section = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    conda_pins = pins(pip_section)
    assert conda_pins, "the environment must pin its packages"
    assert {name: requirements.get(name) for name in conda_pins} == conda_pins
