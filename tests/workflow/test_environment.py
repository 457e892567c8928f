"""The installs: every requirements file a lock of its direct dependencies, each package
pinned with its hashes; the conda environment of the rules pinning the same versions as
requirements.txt; the README naming every pinned package whose licence is not permissive."""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# Licences that ask nothing of a project using the package unmodified beyond keeping notices.
PERMISSIVE = re.compile(
    r"MIT|BSD|Apache|PSF|Python Software Foundation|ISC|HPND|Zlib|CC0"
    r"|Public Domain|Unlicense"
)
# Each lock and the direct dependencies `make lock` generates it from.
LOCKS = {"requirements.txt": "requirements.in", "requirements-slurm.txt": "requirements-slurm.in"}


@dataclass
class Locked:
    """A package of a lock: its pin, sha256 hashes and what requires it (`# via`)."""

    requirement: Requirement
    hashes: list[str]
    via: list[str]

    @property
    def applies(self) -> bool:
        """Whether this machine installs it (its environment marker, if any, holds)."""
        return self.requirement.marker is None or self.requirement.marker.evaluate()


def read_lock(path: Path) -> dict[str, Locked]:
    """A lock as `make lock` writes it, by canonical package name."""
    packages: dict[str, Locked] = {}
    current = None
    for line in path.read_text().splitlines():
        text = line.strip().removesuffix("\\").strip()
        if line[:1] not in ("", " ", "#"):
            current = Locked(Requirement(text), [], [])
            packages[canonicalize_name(current.requirement.name)] = current
        elif current and text.startswith("--hash="):
            current.hashes.append(text.removeprefix("--hash="))
        elif current and text.startswith("#") and text != "# via":
            current.via.append(text.removeprefix("#").strip().removeprefix("via").strip())
    return packages


def direct_dependencies(path: Path) -> dict[str, Requirement]:
    return {
        canonicalize_name(requirement.name): requirement
        for requirement in (
            Requirement(line)
            for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")
        )
    }


def versions(lock: Path) -> dict[str, str]:
    """Each package's pinned version."""
    return {
        name: next(iter(package.requirement.specifier)).version
        for name, package in read_lock(lock).items()
    }


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_of_a_lock_is_pinned_with_its_hashes(lock: str) -> None:
    packages = read_lock(REPO / lock)
    assert packages
    unpinned = [
        name
        for name, package in packages.items()
        if [spec.operator for spec in package.requirement.specifier] != ["=="]
    ]
    unhashed = [
        name
        for name, package in packages.items()
        if not package.hashes
        or not all(re.fullmatch(r"sha256:[0-9a-f]{64}", hash) for hash in package.hashes)
    ]
    assert unpinned == [] and unhashed == []


@pytest.mark.parametrize(("lock", "direct"), LOCKS.items())
def test_a_lock_and_its_direct_dependencies_agree(lock: str, direct: str) -> None:
    """The lock pins exactly the direct dependencies at their versions, and nothing that none
    of them requires: a package added, removed or moved in one and not the other fails."""
    packages, wanted = read_lock(REPO / lock), direct_dependencies(REPO / direct)
    required_directly = {
        name for name, package in packages.items() if f"-r {direct}" in package.via
    }
    assert required_directly == set(wanted), f"run `make lock` after editing {direct}"
    assert {name: str(packages[name].requirement.specifier) for name in wanted} == {
        name: str(requirement.specifier) for name, requirement in wanted.items()
    }
    orphans = [
        name
        for name, package in packages.items()
        if not package.via
        or any(
            canonicalize_name(parent) not in packages
            for parent in package.via
            if not parent.startswith(("-r ", "-c "))
        )
    ]
    assert orphans == [], f"packages nothing requires: {orphans}"


def test_a_lock_holds_every_package_its_packages_require() -> None:
    """Installed with --no-deps, a lock must name every dependency itself: each installed
    package's requirements (for this machine, without extras) are in the lock."""
    packages = read_lock(REPO / "requirements.txt")
    missing = set()
    for name, package in packages.items():
        if not package.applies:
            continue
        for line in importlib.metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                if canonicalize_name(requirement.name) not in packages:
                    missing.add(f"{requirement.name} (for {name})")
    assert not missing, f"run `make lock`: {sorted(missing)}"


def test_the_slurm_lock_keeps_the_pins_of_the_main_one() -> None:
    main = versions(REPO / "requirements.txt")
    slurm = versions(REPO / "requirements-slurm.txt")
    assert {name: main[name] for name in slurm if name in main} == {
        name: version for name, version in slurm.items() if name in main
    }


def test_conda_environment_matches_requirements() -> None:
    requirements = versions(REPO / "requirements.txt")
    env = yaml.safe_load((REPO / "workflow" / "envs" / "pipeline.yaml").read_text())
    pip_section = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    conda_pins = {
        canonicalize_name(name): version
        for name, _, version in (line.partition("==") for line in pip_section)
    }
    assert conda_pins, "the environment must pin its packages"
    assert {name: requirements.get(name) for name in conda_pins} == conda_pins


def licence(package: str) -> str:
    """A package's licence as its installed metadata states it: the SPDX expression, else
    the licence classifiers, else a one-line License field, else the first line of its
    licence file."""
    metadata = importlib.metadata.metadata(package)
    field = (metadata.get("License") or "").strip()
    classifiers = [
        line.split("::")[-1].strip()
        for line in metadata.get_all("Classifier") or []
        if line.startswith("License ::")
    ]
    files = [
        path
        for path in importlib.metadata.files(package) or []
        if re.search(r"(LICEN[CS]E|COPYING)[^/]*$", str(path), re.IGNORECASE)
    ]
    first_line = files[0].read_text().strip().splitlines()[0] if files else ""
    return (
        metadata.get("License-Expression")
        or ", ".join(classifiers)
        or ("\n" not in field and field)
        or first_line
    )


def not_permissive(text: str) -> bool:
    parts = [part for part in re.split(r",| AND | OR ", text) if part.strip()]
    return not parts or any(not PERMISSIVE.search(part) for part in parts)


@pytest.mark.parametrize(
    "expression", ["MIT", "BSD-3-Clause AND 0BSD AND MIT", "MIT-CMU", "Public Domain, BSD License"]
)
def test_permissive_licences_are_told_apart(expression: str) -> None:
    assert not not_permissive(expression)


@pytest.mark.parametrize(
    "expression", ["MPL-2.0", "AGPL-3.0-only", "BSD License, GNU General Public License (GPL)", ""]
)
def test_copyleft_and_unknown_licences_are_flagged(expression: str) -> None:
    assert not_permissive(expression)


def is_installed(package: str) -> bool:
    try:
        importlib.metadata.distribution(package)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def test_the_readme_names_every_dependency_that_is_not_permissive() -> None:
    """Every package of requirements.txt this machine installs, and of requirements-slurm.txt
    where installed."""
    section = (REPO / "README.md").read_text().split("\n## Licences\n", 1)[1].split("\n## ", 1)[0]
    named = {name.lower() for name in re.findall(r"^\| ([\w.-]+) \|", section, re.MULTILINE)}
    packages = [
        name for name, package in read_lock(REPO / "requirements.txt").items() if package.applies
    ]
    packages += filter(is_installed, read_lock(REPO / "requirements-slurm.txt"))
    flagged = {
        name: text
        for name, text in ((name, licence(name)) for name in packages)
        if not_permissive(text)
    }
    assert flagged, "certifi's MPL-2.0 at least should be found"
    missing = {name: text for name, text in flagged.items() if name not in named}
    assert not missing, f"add these to the README's Licences table: {missing}"
