"""The package modules a workflow script depends on."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO

from unsupervised.core.code_deps import module_files


def names(paths: tuple[Path, ...]) -> set[str]:
    return {str(path.relative_to(REPO / "src" / "unsupervised")) for path in paths}


def test_transitive_imports_and_their_packages_are_found() -> None:
    found = names(module_files(REPO / "workflow" / "scripts" / "introduction" / "iris_gmm.py"))
    # The script imports introduction.experiments, which imports introduction.plots,
    # introduction.iris and core.results; iris imports core.cluster_classes, results imports
    # core.figures and core.io.
    assert {"introduction/experiments.py", "introduction/plots.py", "introduction/iris.py",
            "core/results.py", "core/cluster_classes.py", "core/figures.py", "core/io.py",
            "core/step.py", "data/datasets.py", "__init__.py", "core/__init__.py",
            "introduction/__init__.py", "data/__init__.py"} <= found
    assert not found & {"data/download.py", "reporting/baseline.py", "kmeans/__init__.py"}


def test_other_imports_and_imports_inside_functions_are_ignored(tmp_path: Path) -> None:
    script = tmp_path / "s.py"
    script.write_text(
        "import numpy\nfrom unsupervised.core import io\nfrom unsupervised.nothere import x\n"
        "def f():\n    from unsupervised.data import download\n"
    )
    assert names(module_files(script)) == {"__init__.py", "core/__init__.py", "core/io.py"}
