"""Call an experiment function from a step's inputs, for the steps that do nothing else: the
workflow's generic script (workflow/scripts/experiment.py) runs every rule without a script of
its own."""

from __future__ import annotations

import importlib
import inspect
import typing
from collections.abc import Callable
from typing import Any

import numpy as np


def experiment_function(step: str) -> Callable[..., Any]:
    """The function of step ``<section>/<name>``: ``unsupervised.<section>.experiments.<name>``."""
    section, name = step.split("/")
    module = importlib.import_module(f"unsupervised.{section}.experiments")
    if not callable(getattr(module, name, None)):
        raise LookupError(f"step {step}: {module.__name__} has no function {name}; write it, or "
                          f"give the rule a script of its own, workflow/scripts/{step}.py")
    return getattr(module, name)


def loaded_inputs(function: Callable[..., Any], inputs: Any) -> list[Any]:
    """`function`'s arguments before ``*``, each read from the input of its name, by its type:
    a numpy array from its ``.npy`` file, any other type by its ``load`` (Faces, Split).
    `inputs` maps names to paths by ``keys()`` and ``[name]``: a rule's input, or a dict."""
    hints = typing.get_type_hints(function)
    names = [parameter.name for parameter in inspect.signature(function).parameters.values()
             if parameter.kind is parameter.POSITIONAL_OR_KEYWORD]
    missing = [name for name in names if name not in inputs.keys()]
    if missing:
        raise LookupError(f"{function.__name__} takes {names}, its rule has no input named "
                          f"{missing}")
    return [np.load(inputs[name]) if hints[name] is np.ndarray else hints[name].load(inputs[name])
            for name in names]
