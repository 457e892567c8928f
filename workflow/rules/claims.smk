# The chapter's conclusions checked over seeds: each experiment a claim rests on (REPLICAS)
# runs with the chapter's seed (its regular run) and with the seeds of config claims.seeds
# (replicas, metrics only), or runs every seed itself and writes a table a row per seed;
# results/claims.md says which claims hold, how often and by how much. What the claims need
# of the plan is checked before any job: a seed list for exactly the experiments with seed
# replicas, none with the chapter's own seed, one chapter's seed per claim, and the benchmark
# running the algorithms the claims on the suite compare.

from unsupervised.clustering_algorithms.claims import check_suite_algorithms
from unsupervised.core.claims import (
    check_replica_seeds,
    check_replicated,
    check_seeded_experiments,
)
from unsupervised.reporting.all_claims import CLAIMS

CLAIM_SETTINGS = config["claims"]
CLAIM_SEEDS = CLAIM_SETTINGS["seeds"]
REPLICATED = {name: replica for name, replica in REPLICAS.items() if replica.table is None}
SEED_TABLES = {name: replica for name, replica in REPLICAS.items() if replica.table is not None}
check_seeded_experiments(CLAIM_SEEDS, list(REPLICATED), "claims.seeds")
for name, replica in REPLICATED.items():
    check_replica_seeds(CLAIM_SEEDS[name], replica.chapter_seed, f"claims.seeds.{name}")
check_suite_algorithms(
    config["clustering_benchmark"]["algorithms"], "clustering_benchmark.algorithms"
)
check_replicated(CLAIMS, {name: replica.chapter_seed for name, replica in REPLICAS.items()})
EXPERIMENTS["claims"] = Experiment("Claims of the chapter over seeds", "All sections", "claims")


rule claims:
    input:
        **{name: seed_runs(name) for name in REPLICATED},
        **{name: replica.table for name, replica in SEED_TABLES.items()},
    output:
        table=in_report("claims", "verdicts.tsv"),
        figure=in_report("claims", "effects_over_seeds.png"),
        metrics=f"{RESULTS}/claims/metrics.json",
        markdown=f"{RESULTS}/claims.md",
    log:
        f"{RESULTS}/logs/claims.log",
    benchmark:
        f"{RESULTS}/benchmarks/claims.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("claims"),
    params:
        replicas={
            name: {
                "chapter_seed": replica.chapter_seed,
                "seeds": CLAIM_SEEDS[name],
                "varies": replica.varies,
            }
            for name, replica in REPLICATED.items()
        },
        seed_tables={
            name: {"chapter_seed": replica.chapter_seed, "varies": replica.varies}
            for name, replica in SEED_TABLES.items()
        },
        panel_size=CLAIM_SETTINGS["panel_size"],
        dpi=DPI,
        code=code_of("claims/claims.py"),
    script:
        "../scripts/claims/claims.py"
