"""The HTML page of the figures that differ between runs, each run's version side by side
(of two runs, with a third image: the pixels that differ), captioned with its experiment and
the parameters that differ, the experiment's own first. Self-contained: the images are
embedded, so the page can be moved or attached as it is."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from unsupervised.core.io import write_text
from unsupervised.reporting.baseline import format_value
from unsupervised.reporting.comparison import Comparison, Row

STYLE = """
body { font-family: sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin-bottom: 1em; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
.runs { display: grid; gap: 1em; }
figure { margin: 0; }
figure img { width: 100%; border: 1px solid #ddd; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
section { margin-bottom: 2.5em; }
"""


TIMINGS_ONLY = (
    " None of its results or parameters changed: it shows timings, which change from run to run."
)


def owned_by(key: str, folder: str) -> bool:
    """Whether the config key `key` belongs to the experiment whose results are in `folder`:
    the experiment (or, for <experiment>_<dataset>, the experiment) is the key's block."""
    block = key.split(".", 1)[0]
    return folder == block or folder.startswith(f"{block}_")


def parameter_lines(folder: str, parameters: Sequence[Row], labels: Sequence[str]) -> str:
    own = [row for row in parameters if owned_by(row.name, folder)]
    rest = [row for row in parameters if not owned_by(row.name, folder)]
    if not parameters:
        return "<p>No parameter differs between these runs.</p>"
    lines = []
    for title, rows in (
        ("This experiment's parameters that differ", own),
        ("Other parameters that differ", rest),
    ):
        if rows:
            cells = "".join(
                "<tr><td><code>{}</code></td>{}</tr>".format(
                    html.escape(row.name),
                    "".join(
                        f"<td>{html.escape(format_value(row.values.get(run)))}</td>"
                        for run in labels
                    ),
                )
                for row in rows
            )
            header = "".join(f"<th>{html.escape(run)}</th>" for run in labels)
            lines.append(
                f"<p>{title}:</p><table><tr><th>parameter</th>{header}</tr>{cells}</table>"
            )
    return "".join(lines)


def embedded(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def pixels(path: Path) -> np.ndarray:
    """A PNG's pixels as an array of RGBA bytes."""
    with Image.open(path) as png:
        return np.asarray(png.convert("RGBA"))


def difference(first: Path, other: Path) -> bytes | None:
    """A PNG of `first`, faded, with the pixels `other` changes in red; None when the two
    differ in size."""
    a, b = pixels(first), pixels(other)
    if a.shape != b.shape:
        return None
    faded = (191 + a[..., :3].mean(axis=2) / 4).astype(np.uint8)
    shown = np.repeat(faded[..., np.newaxis], 3, axis=2)
    shown[np.any(a != b, axis=2)] = (217, 0, 0)
    png = io.BytesIO()
    Image.fromarray(shown).save(png, format="png", compress_level=1)
    return png.getvalue()


def figure_page(comparison: Comparison) -> str:
    labels = comparison.labels
    sections = []
    for row in comparison.figures:
        folder = row.name.split("/", 1)[0]
        images = [(run, row.values[run].read_bytes()) for run in labels]
        if len(labels) == 2:
            changed = difference(row.values[labels[0]], row.values[labels[1]])
            images += [("pixels that differ, in red", changed)] if changed else []
        columns = f"grid-template-columns: repeat({len(images)}, minmax(0, 1fr));"
        versions = "".join(
            f"<figure><figcaption>{html.escape(caption)}</figcaption>"
            f'<img src="{embedded(png)}" alt="{html.escape(row.name)}: '
            f'{html.escape(caption)}"></figure>'
            for caption, png in images
        )
        sections.append(
            f"<section><h2>{html.escape(row.name)}</h2>"
            f"<p>Experiment <code>{html.escape(folder)}</code>."
            f"{TIMINGS_ONLY if row.name in comparison.timings_only else ''}</p>"
            f"{parameter_lines(folder, comparison.parameters, labels)}"
            f'<div class="runs" style="{columns}">{versions}</div></section>'
        )
    title = f"Figures that differ: {' vs '.join(labels)}"
    layout = f"the first run, {labels[0]}, on the left" + (
        ", and on the right the pixels the second changes" if len(labels) == 2 else ""
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
        f"</title><style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>"
        f"<p>{len(comparison.figures)} figure(s) whose pixels differ"
        f"{'; ' + html.escape(layout) if sections else ''}.</p>{''.join(sections)}"
        "</body></html>\n"
    )


def write_figure_page(path: Path, comparison: Comparison) -> Path:
    write_text(path, figure_page(comparison))
    return path
