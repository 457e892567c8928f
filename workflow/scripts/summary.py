"""Write results/summary.md and its table: this run's numbers beside the chapter's."""

import yaml

from unsupervised.io import atomic_path, read_json, write_text
from unsupervised.step import run_step
from unsupervised.summary import ChapterValue, summary_table, to_markdown


def main(smk) -> None:
    with open(smk.input.chapter_values) as handle:
        chapter = {name: ChapterValue(**entry) for name, entry in yaml.safe_load(handle).items()}
    table = summary_table(read_json(smk.input.metrics), chapter, smk.params.sections)
    write_text(smk.output.markdown, to_markdown(table))
    with atomic_path(smk.output.table) as tmp:
        table.to_csv(tmp, sep="\t", index=False)


run_step(snakemake, main)  # noqa: F821
