"""Which package modules a script depends on, and a fingerprint of their code, so that a rule
reruns when the science it runs changes.

Snakemake tracks a rule's script but not what the script imports; each rule gets the
fingerprint of the modules its script imports, transitively, as a param. Only top-level
imports count (the project's style keeps every import at the top of its module, and ruff
checks it), found by a pattern rather than by parsing: the Snakefile computes this on every
invocation, dry runs included, so it must stay fast.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

PACKAGE = "unsupervised"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
# A top-level `from unsupervised... import names` (names possibly in parentheses over several
# lines), `import unsupervised...` or `name = lazy_import("unsupervised...")` (core.lazy).
IMPORT = re.compile(
    rf"^(?:from[ \t]+({PACKAGE}[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)"
    rf"|import[ \t]+({PACKAGE}[\w.]*)"
    rf"|\w+[ \t]*=[ \t]*lazy_import\(\"({PACKAGE}[\w.]*)\"\))",
    re.MULTILINE,
)


@cache
def package_imports(source: Path) -> frozenset[str]:
    """Dotted names of the package modules imported at the top level of `source`, with the
    packages that contain them."""
    names: set[str] = set()
    for module, imported, plain, lazy in IMPORT.findall(source.read_text()):
        if plain or lazy:
            names.add(plain or lazy)
            continue
        names.add(module)
        for item in re.sub(r"#[^\n]*", "", imported).strip("()").split(","):
            if item.split():
                names.add(f"{module}.{item.split()[0]}")
    return _with_packages(names)


def _with_packages(names: set[str]) -> frozenset[str]:
    """The modules of `names` that exist, with the packages that contain them (importing a
    module runs its packages' ``__init__``)."""
    parents = {
        ".".join(name.split(".")[:depth])
        for name in names
        for depth in range(1, name.count(".") + 1)
    }
    return frozenset(name for name in names | parents if _module_file(name))


@cache
def _module_file(name: str) -> Path | None:
    path = PACKAGE_DIR.joinpath(*name.split(".")[1:])
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache
def module_files(script: str | Path) -> tuple[Path, ...]:
    """The package's source files that `script` imports, directly or transitively."""
    seen: set[str] = set()
    pending = list(package_imports(Path(script)))
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        pending.extend(package_imports(_module_file(name)))
    return tuple(sorted(_module_file(name) for name in seen))


@cache
def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_fingerprint(script: str | Path) -> str:
    """A digest of `script` and of every package module it imports (their paths inside the
    package and their contents): it changes exactly when that code does."""
    digest = hashlib.sha256(_file_digest(Path(script)).encode())
    for path in module_files(script):
        digest.update(f"{path.relative_to(PACKAGE_DIR)}:{_file_digest(path)}".encode())
    return digest.hexdigest()[:16]
