"""Write results/summary.md and its table: this run's numbers beside the chapter's."""

import yaml

from unsupervised.core.io import read_json, write_table, write_text
from unsupervised.core.step import run_step
from unsupervised.reporting.chapter_comparison import ChapterValue, summary_table, to_markdown


def main(smk) -> None:
    with open(smk.input.chapter_values) as handle:
        chapter = {name: ChapterValue(**entry) for name, entry in yaml.safe_load(handle).items()}
    table = summary_table(read_json(smk.input.metrics), chapter, smk.params.sections)
    write_text(smk.output.markdown, to_markdown(table))
    write_table(smk.output.table, table, float_format=None)


run_step(snakemake, main)  # noqa: F821
