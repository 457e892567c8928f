"""The code passes the project's lint and format rules (pyproject.toml: [tool.ruff],
[tool.snakefmt]), every rule says what it runs, and only Snakemake's documented features are used;
`snakemake --lint` runs with the workflow's tests."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "workflow/scripts"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_changes_nothing() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "format",
            "--check",
            "--diff",
            "src",
            "tests",
            "workflow/scripts",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"run `ruff format src tests workflow/scripts`:\n{result.stdout}"


def test_snakefmt_changes_nothing() -> None:
    snakefmt = Path(sys.executable).with_name("snakefmt")
    result = subprocess.run(
        [snakefmt, "--check", "--diff", "Snakefile", "workflow/rules"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"run `snakefmt Snakefile workflow/rules`:\n{result.stdout}"


# A rule's text, from its header to the next line that is not indented (snakefmt's layout).
RULE = re.compile(r"^rule (\w+):\n((?:(?:    .*)?\n)*)", re.MULTILINE)
USE_RULE = re.compile(r"^use rule \w+ as (\w+) with:\n((?:(?:    .*)?\n)*)", re.MULTILINE)
RULE_FILES = sorted((REPO / "workflow" / "rules").glob("*.smk"))


def test_a_rule_says_what_it_runs_where_it_logs_and_what_it_needs() -> None:
    """Every rule that runs something names, in its own text, its script
    (workflow/scripts/<rule file>/<rule>.py), the fingerprint of that script's code, its log
    and benchmark (under the rule's name), its measured resources and its environment; a rule
    made from another by `use rule` names its own log and benchmark."""
    wrong = []
    for path in RULE_FILES:
        text = path.read_text()
        for name, body in RULE.findall(text):
            if "script:" not in body:
                continue  # a target: runs nothing
            script = f"{path.stem}/{name}.py"
            expected = [
                f'script:\n        "../scripts/{script}"',
                f'code=code_of("{script}")',
                f"/logs/{name}",
                f"/benchmarks/{name}",
                f'measured("{name}")',
                'conda:\n        "../envs/pipeline.yaml"',
            ]
            wrong += [f"{name}: no {what!r}" for what in expected if what not in body]
            if not (REPO / "workflow" / "scripts" / script).is_file():
                wrong.append(f"{name}: no script workflow/scripts/{script}")
        for name, body in USE_RULE.findall(text):
            wrong += [
                f"{name}: no {what!r}"
                for what in (f"/logs/{name}/", f"/benchmarks/{name}/")
                if what not in body
            ]
    assert not wrong, "\n".join(wrong)


# What the workflow once read or set on Snakemake's rule and workflow objects, none of it
# described by Snakemake's documentation: a minor release may change any of it.
UNDOCUMENTED = (
    "log_modifier",
    "benchmark_modifier",
    "conda_env",
    "set_log(",
    "set_params(",
    "_parsed_default_resources",
    "run_func",
    "resource_settings",
    "path_modifier",
)


def test_the_workflow_uses_snakemake_s_documented_features_only() -> None:
    files = [REPO / "Snakefile", *RULE_FILES, *(REPO / "src").rglob("*.py")]
    found = [
        f"{path.relative_to(REPO)}: {word}"
        for path in files
        for word in UNDOCUMENTED
        if word in path.read_text()
    ]
    assert not found, found


def package_imports() -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports, wherever the import
    stands (at the top, in a function, under TYPE_CHECKING, through lazy_import)."""
    root = REPO / "src"
    modules = {
        ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): path
        for path in (root / "unsupervised").rglob("*.py")
    }
    graph = {}
    for name, path in modules.items():
        imported = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("unsupervised"):
                imported |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.Constant) and str(node.value).startswith("unsupervised."):
                imported.add(node.value)  # lazy_import("unsupervised....")
        graph[name] = {module for module in imported if module in modules} - {name}
    return graph


def test_no_module_of_the_package_imports_itself_through_others() -> None:
    graph, done, cycles = package_imports(), set(), []

    def visit(module: str, path: list[str]) -> None:
        for imported in sorted(graph[module]):
            if imported in path:
                cycles.append(" -> ".join([*path[path.index(imported) :], imported]))
            elif imported not in done:
                visit(imported, [*path, imported])
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    assert not cycles, cycles
