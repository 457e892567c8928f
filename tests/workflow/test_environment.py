"""The conda environment of the rules pins the same versions as requirements.txt, and the
README names every pinned package whose licence is not permissive."""

from __future__ import annotations

import importlib.metadata
import re

import pytest
import yaml
from conftest import REPO

# Licences that ask nothing of a project using the package unmodified beyond keeping notices.
PERMISSIVE = re.compile(r"MIT|BSD|Apache|PSF|Python Software Foundation|ISC|HPND|Zlib|CC0"
                        r"|Public Domain|Unlicense")


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


def licence(package: str) -> str:
    """A package's licence as its installed metadata states it: the SPDX expression, else
    the licence classifiers, else a one-line License field, else the first line of its
    licence file."""
    metadata = importlib.metadata.metadata(package)
    field = (metadata.get("License") or "").strip()
    classifiers = [line.split("::")[-1].strip() for line in metadata.get_all("Classifier") or []
                   if line.startswith("License ::")]
    files = [path for path in importlib.metadata.files(package) or []
             if re.search(r"(LICEN[CS]E|COPYING)[^/]*$", str(path), re.IGNORECASE)]
    first_line = files[0].read_text().strip().splitlines()[0] if files else ""
    return (metadata.get("License-Expression") or ", ".join(classifiers)
            or ("\n" not in field and field) or first_line)


def not_permissive(text: str) -> bool:
    parts = [part for part in re.split(r",| AND | OR ", text) if part.strip()]
    return not parts or any(not PERMISSIVE.search(part) for part in parts)


@pytest.mark.parametrize("expression", ["MIT", "BSD-3-Clause AND 0BSD AND MIT", "MIT-CMU",
                                        "Public Domain, BSD License"])
def test_permissive_licences_are_told_apart(expression: str) -> None:
    assert not not_permissive(expression)


@pytest.mark.parametrize("expression", ["MPL-2.0", "AGPL-3.0-only", "BSD License, GNU General "
                                        "Public License (GPL)", ""])
def test_copyleft_and_unknown_licences_are_flagged(expression: str) -> None:
    assert not_permissive(expression)


def is_installed(package: str) -> bool:
    try:
        importlib.metadata.distribution(package)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def test_the_readme_names_every_dependency_that_is_not_permissive() -> None:
    """Every package of requirements.txt, and of requirements-slurm.txt where installed."""
    section = (REPO / "README.md").read_text().split("\n## Licences\n", 1)[1].split("\n## ", 1)[0]
    named = {name.lower() for name in re.findall(r"^\| ([\w.-]+) \|", section, re.MULTILINE)}
    packages = [*pins((REPO / "requirements.txt").read_text().split()),
                *filter(is_installed, pins((REPO / "requirements-slurm.txt").read_text().split()))]
    flagged = {name: text for name, text in ((name, licence(name)) for name in packages)
               if not_permissive(text)}
    assert flagged, "certifi's MPL-2.0 at least should be found"
    missing = {name: text for name, text in flagged.items() if name not in named}
    assert not missing, f"add these to the README's Licences table: {missing}"
