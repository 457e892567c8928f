"""The documentation stays an entry point that leads somewhere: the README short, every
relative link resolving, every configuration key described in config/README.md."""

from __future__ import annotations

import re

import yaml
from conftest import REPO

from unsupervised.reporting.results_doc import anchor

PAGES = [REPO / "README.md", REPO / "config" / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def test_the_readme_is_an_entry_point() -> None:
    assert len((REPO / "README.md").read_text().splitlines()) <= 250


def test_every_relative_link_resolves() -> None:
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text()):
            if re.match(r"[a-z]+://", target):
                continue
            path, _, fragment = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            if not linked.exists():
                broken.append(f"{page.relative_to(REPO)}: {target}")
            elif fragment and linked.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", linked.read_text(), flags=re.MULTILINE)
                if fragment not in {anchor(heading) for heading in headings}:
                    broken.append(f"{page.relative_to(REPO)}: {target} (no such heading)")
    assert not broken, broken


def test_config_readme_names_every_key() -> None:
    """Every shared key; an experiment's block is named after its rule (test_workflow checks)."""
    keys = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    described = (REPO / "config" / "README.md").read_text()
    rules = {
        name
        for path in (REPO / "workflow" / "rules").glob("*.smk")
        for name in re.findall(r"^rule (\w+):", path.read_text(), re.MULTILINE)
    }
    assert [key for key in keys if f"`{key}`" not in described and key not in rules] == []
