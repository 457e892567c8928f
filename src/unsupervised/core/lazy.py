"""Modules imported on first use: a job that draws no figure (a seed replica, a chunk of a
sweep) then never pays for importing matplotlib, which costs more than many of its fits.

A module is named with its full dotted name, as an import statement would, so that
code_deps follows `lazy_import("unsupervised...")` like any import of the package."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_import(name: str) -> ModuleType:
    """The module `name`, its code run on the first access to one of its attributes (the
    packages above it are imported at once, as by an import statement)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
