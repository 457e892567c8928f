"""The package modules a workflow script depends on."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO

from unsupervised.code_deps import module_files


def names(paths: list[Path]) -> set[str]:
    return {path.name for path in paths}


def test_transitive_imports_are_found() -> None:
    found = names(module_files(REPO / "workflow" / "scripts" / "iris_gmm.py"))
    # iris_gmm.py imports classification_vs_clustering, which imports clustering and plotting;
    # plotting imports io.
    assert {"classification_vs_clustering.py", "clustering.py", "plotting.py", "io.py",
            "step.py", "datasets.py", "__init__.py"} <= found
    assert "download.py" not in found and "regression.py" not in found


def test_other_imports_are_ignored(tmp_path: Path) -> None:
    script = tmp_path / "s.py"
    script.write_text(
        "import numpy\nfrom unsupervised import io\nfrom unsupervised.nothere import x\n"
    )
    assert names(module_files(script)) == {"__init__.py", "io.py"}
