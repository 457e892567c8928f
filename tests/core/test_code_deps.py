"""The package modules a workflow script depends on."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

from unsupervised.core.code_deps import IMPORT, code_fingerprint, module_files


def names(paths: tuple[Path, ...]) -> set[str]:
    return {str(path.relative_to(REPO / "src" / "unsupervised")) for path in paths}


def test_transitive_imports_and_their_packages_are_found() -> None:
    found = names(module_files(REPO / "workflow" / "scripts" / "kmeans" / "kmeans_minibatch.py"))
    # The script imports kmeans.experiments, which imports kmeans.plots, kmeans.minibatch and
    # core.results; results imports core.figures and core.io.
    assert {
        "kmeans/experiments.py",
        "kmeans/plots.py",
        "kmeans/minibatch.py",
        "core/results.py",
        "core/figures.py",
        "core/io.py",
        "core/step.py",
        "data/datasets.py",
        "__init__.py",
        "core/__init__.py",
        "kmeans/__init__.py",
        "data/__init__.py",
    } <= found
    assert not found & {"data/download.py", "reporting/baseline.py", "introduction/__init__.py"}


def test_other_imports_and_imports_inside_functions_are_ignored(tmp_path: Path) -> None:
    script = tmp_path / "s.py"
    script.write_text(
        "import numpy\nfrom unsupervised.core import io\nfrom unsupervised.nothere import x\n"
        "def f():\n    from unsupervised.data import download\n"
    )
    assert names(module_files(script)) == {"__init__.py", "core/__init__.py", "core/io.py"}


def test_the_fingerprint_follows_the_imported_code(tmp_path: Path) -> None:
    io_user, figures_user = tmp_path / "a.py", tmp_path / "b.py"
    io_user.write_text("from unsupervised.core import io\n")
    figures_user.write_text(
        "from unsupervised.core import io\nfrom unsupervised.core.figures import new_figure\n"
    )
    same_imports = tmp_path / "c.py"
    same_imports.write_text("from unsupervised.core import io\n")
    assert code_fingerprint(io_user) == code_fingerprint(same_imports)
    assert code_fingerprint(io_user) != code_fingerprint(figures_user)
    edited = tmp_path / "d.py"
    edited.write_text("from unsupervised.core import io\nX = 1\n")
    assert code_fingerprint(edited) != code_fingerprint(io_user)


def test_modules_imported_on_first_use_count_as_imports(tmp_path: Path) -> None:
    script = tmp_path / "s.py"
    script.write_text(
        "from unsupervised.core.lazy import lazy_import\n\n"
        'plots = lazy_import("unsupervised.kmeans.plots")\n'
    )
    found = names(module_files(script))
    assert {"core/lazy.py", "kmeans/plots.py", "kmeans/__init__.py", "core/figures.py"} <= found


def test_every_lazy_import_of_the_package_is_followed() -> None:
    """A module imported on first use counts for the code fingerprint only when written as
    code_deps reads it, `name = lazy_import("unsupervised...")` at the top of a module: any
    other call of lazy_import would leave its rules unrerun when the module changes."""
    unfollowed = []
    for path in (REPO / "src" / "unsupervised").rglob("*.py"):
        calls = re.findall(r"lazy_import\(\s*[\"'](unsupervised(?:\.\w+)+)[\"']", path.read_text())
        followed = {name for *_, name in IMPORT.findall(path.read_text())}
        unfollowed += [
            f"{path.name}: lazy_import({call!r})" for call in calls if call not in followed
        ]
    assert not unfollowed, unfollowed
