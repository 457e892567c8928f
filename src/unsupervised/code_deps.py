"""Which package modules a script depends on, so a rule reruns when their code changes.

Snakemake tracks a rule's script but not what the script imports; the rules list these
files as inputs.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = "unsupervised"
PACKAGE_DIR = Path(__file__).resolve().parent


def package_imports(source: Path) -> set[str]:
    """Dotted names of the package modules imported directly by `source`."""
    tree = ast.parse(source.read_text(), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] == PACKAGE and _module_file(name)}


@cache
def _module_file(name: str) -> Path | None:
    path = PACKAGE_DIR.joinpath(*name.split(".")[1:])
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def module_files(script: str | Path) -> list[Path]:
    """The package's source files that `script` imports, directly or transitively."""
    seen: set[str] = {PACKAGE}
    pending = list(package_imports(Path(script)))
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        module_file = _module_file(name)
        if module_file is not None:
            pending.extend(package_imports(module_file))
    return sorted({f for name in seen if (f := _module_file(name)) is not None})
