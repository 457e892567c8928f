# Chapter sections 2.3 and 2.4, "DBSCAN" and "Other Clustering Algorithms", on the moons:
# DBSCAN's cores, borders and noise and a classifier trained on its cores, spectral and
# agglomerative clustering, and the course notes' clusterings of small synthetic sets;
# beyond the chapter, eps chosen at the knee of the k-distance curve, every clustering
# algorithm on sets that show where each one fails, and how each scales on MNIST.

DBSCAN = config["dbscan"]
CONTEST = config["clustering_contest"]
SCALING = config["clustering_scaling"]
DBSCAN_EPS = config["dbscan_eps"]
SPECTRAL_CLUSTERING = config["spectral_clustering"]
AGGLOMERATIVE_CLUSTERING = config["agglomerative_clustering"]
CLUSTERING_COURSE_NOTES = config["clustering_course_notes"]
BENCHMARK = config["clustering_benchmark"]
MOONS = dataset_arrays("moons")
CLUSTERING_SECTION = "06 DBSCAN and other clustering algorithms"
EXPERIMENTS.update(
    dbscan=Experiment(CLUSTERING_SECTION, "1 DBSCAN"),
    dbscan_eps=Experiment(CLUSTERING_SECTION, "2 Choosing eps (beyond the chapter)", "beyond"),
    spectral_clustering=Experiment(CLUSTERING_SECTION, "3 Spectral clustering"),
    agglomerative_clustering=Experiment(CLUSTERING_SECTION, "4 Agglomerative clustering"),
    clustering_course_notes=Experiment(CLUSTERING_SECTION, "5 The course notes' clusterings"),
    clustering_contest=Experiment(
        CLUSTERING_SECTION, "6 Which algorithm on which data (beyond the chapter)", "beyond"
    ),
    clustering_scaling=Experiment(
        CLUSTERING_SECTION, "7 Up to which size (beyond the chapter)", "beyond"
    ),
    clustering_benchmark=Experiment(
        CLUSTERING_SECTION, "8 On a real benchmark suite (beyond the chapter)", "beyond"
    ),
)
CONTEST_RUNS = f"{RESULTS}/clustering_contest/runs/{{dataset}}/{{algorithm}}.json"
SCALING_RUN = f"{RESULTS}/clustering_scaling/runs/{{algorithm}}/{{size}}.json"
BENCHMARK_RUNS = f"{RESULTS}/clustering_benchmark/runs/{{algorithm}}.json"
# The benchmark runs the contest's algorithms with the contest's settings, and its own.
BENCHMARK_SETTINGS = {**CONTEST["settings"], **BENCHMARK["settings"]}
# Each set's own random state (the regular run), then the seeds of its claims' replicas.
CONTEST_DRAWS = {
    name: [
        config["synthetic"][name]["random_state"],
        *config["claims"]["seeds"].get("clustering_contest", []),
    ]
    for name in CONTEST["datasets"]
}


# The benchmark runs its randomly started algorithms with each of its seeds; its claims read
# a table of statistics per seed.
REPLICAS["clustering_benchmark"] = Replica(
    BENCHMARK["seeds"][0],
    "the random state of the randomly started algorithms on the suite "
    "(clustering_benchmark.seeds)",
    table=f"{RESULTS}/clustering_benchmark/claim_statistics.tsv",
)


# Seed replicas of the experiments the section's claims rest on: the moons drawn again; for
# the contest, whose jobs draw every set with each seed, a replica only reads another draw.
MOONS_SEED = config["synthetic"]["moons"]["random_state"]
SEED_SETS_MOONS = "the moons sample (synthetic.moons.random_state)"


rule dbscan:
    input:
        **MOONS,
    output:
        figure=in_report("dbscan", "clusterings.png"),
        classification=in_report("dbscan", "core_classifier.png"),
        metrics=f"{RESULTS}/dbscan/metrics.json",
    log:
        f"{RESULTS}/logs/dbscan.log",
    benchmark:
        f"{RESULTS}/benchmarks/dbscan.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("dbscan"),
    params:
        **DBSCAN,
        dpi=DPI,
        code=code_of("clustering_algorithms/dbscan.py"),
    script:
        "../scripts/clustering_algorithms/dbscan.py"


REPLICAS["dbscan"] = Replica(MOONS_SEED, SEED_SETS_MOONS)


use rule dbscan as dbscan_replica with:
    input:
        **dataset_arrays("seeds/{seed}/moons"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/dbscan/metrics.json",
    log:
        f"{RESULTS}/logs/dbscan_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/dbscan_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


rule dbscan_eps:
    input:
        **MOONS,
    output:
        figure=in_report("dbscan_eps", "k_distance_knee.png"),
        metrics=f"{RESULTS}/dbscan_eps/metrics.json",
    log:
        f"{RESULTS}/logs/dbscan_eps.log",
    benchmark:
        f"{RESULTS}/benchmarks/dbscan_eps.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("dbscan_eps"),
    params:
        **DBSCAN_EPS,
        chapter_eps=DBSCAN["classifier"]["eps"],
        dpi=DPI,
        code=code_of("clustering_algorithms/dbscan_eps.py"),
    script:
        "../scripts/clustering_algorithms/dbscan_eps.py"


REPLICAS["dbscan_eps"] = Replica(MOONS_SEED, SEED_SETS_MOONS)


use rule dbscan_eps as dbscan_eps_replica with:
    input:
        **dataset_arrays("seeds/{seed}/moons"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/dbscan_eps/metrics.json",
    log:
        f"{RESULTS}/logs/dbscan_eps_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/dbscan_eps_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


rule spectral_clustering:
    input:
        **MOONS,
    output:
        figure=in_report("spectral_clustering", "clusterings.png"),
        metrics=f"{RESULTS}/spectral_clustering/metrics.json",
    log:
        f"{RESULTS}/logs/spectral_clustering.log",
    benchmark:
        f"{RESULTS}/benchmarks/spectral_clustering.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("spectral_clustering"),
    params:
        **SPECTRAL_CLUSTERING,
        dpi=DPI,
        code=code_of("clustering_algorithms/spectral_clustering.py"),
    script:
        "../scripts/clustering_algorithms/spectral_clustering.py"


REPLICAS["spectral_clustering"] = Replica(MOONS_SEED, SEED_SETS_MOONS)


use rule spectral_clustering as spectral_clustering_replica with:
    input:
        **dataset_arrays("seeds/{seed}/moons"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/spectral_clustering/metrics.json",
    log:
        f"{RESULTS}/logs/spectral_clustering_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/spectral_clustering_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


rule agglomerative_clustering:
    output:
        figure=in_report("agglomerative_clustering", "dendrogram.png"),
        metrics=f"{RESULTS}/agglomerative_clustering/metrics.json",
    log:
        f"{RESULTS}/logs/agglomerative_clustering.log",
    benchmark:
        f"{RESULTS}/benchmarks/agglomerative_clustering.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("agglomerative_clustering"),
    params:
        **AGGLOMERATIVE_CLUSTERING,
        dpi=DPI,
        code=code_of("clustering_algorithms/agglomerative_clustering.py"),
    script:
        "../scripts/clustering_algorithms/agglomerative_clustering.py"


rule clustering_course_notes:
    output:
        figure=in_report("clustering_course_notes", "clusterings.png"),
        dendrogram=in_report("clustering_course_notes", "dendrogram.png"),
        metrics=f"{RESULTS}/clustering_course_notes/metrics.json",
    log:
        f"{RESULTS}/logs/clustering_course_notes.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_course_notes.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("clustering_course_notes"),
    params:
        **CLUSTERING_COURSE_NOTES,
        dpi=DPI,
        code=code_of("clustering_algorithms/clustering_course_notes.py"),
    script:
        "../scripts/clustering_algorithms/clustering_course_notes.py"


# One job per set, every algorithm on each of its draws: a fit takes less time than starting
# a job, and changing a set's generator reruns only its job.
rule clustering_contest_job:
    output:
        runs=expand(CONTEST_RUNS, algorithm=CONTEST["algorithms"], allow_missing=True),
    log:
        f"{RESULTS}/logs/clustering_contest_job/{{dataset}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_contest_job/{{dataset}}.tsv"
    wildcard_constraints:
        dataset="|".join(CONTEST["datasets"]),
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("clustering_contest_job"),
    params:
        specs=lambda w: {seed: synthetic_spec(w.dataset, seed) for seed in CONTEST_DRAWS[w.dataset]},
        settings={algorithm: CONTEST["settings"][algorithm] for algorithm in CONTEST["algorithms"]},
        max_instances=CONTEST["max_instances"],
        chapter_seed=lambda w: CONTEST_DRAWS[w.dataset][0],
        setting_keys={"min_samples": "clustering_contest.settings.dbscan.min_samples"},
        code=code_of("clustering_algorithms/clustering_contest_job.py"),
    script:
        "../scripts/clustering_algorithms/clustering_contest_job.py"


rule clustering_contest:
    input:
        runs=expand(CONTEST_RUNS, dataset=CONTEST["datasets"], algorithm=CONTEST["algorithms"]),
    output:
        figure=in_report("clustering_contest", "grid.png"),
        table=f"{RESULTS}/clustering_contest/contest.tsv",
        metrics=f"{RESULTS}/clustering_contest/metrics.json",
    log:
        f"{RESULTS}/logs/clustering_contest.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_contest.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("clustering_contest"),
    params:
        seeds={name: draws[0] for name, draws in CONTEST_DRAWS.items()},
        specs={name: config["synthetic"][name] for name in CONTEST["datasets"]},
        max_instances=CONTEST["max_instances"],
        panel_size=CONTEST["panel_size"],
        dpi=DPI,
        code=code_of("clustering_algorithms/clustering_contest.py"),
    script:
        "../scripts/clustering_algorithms/clustering_contest.py"


REPLICAS["clustering_contest"] = Replica(
    MOONS_SEED, "every set of the contest drawn again (synthetic.<set>.random_state)"
)


use rule clustering_contest as clustering_contest_replica with:
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/clustering_contest/metrics.json",
    log:
        f"{RESULTS}/logs/clustering_contest_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_contest_replica/{{seed}}.tsv"
    params:
        seeds=lambda w: dict.fromkeys(CONTEST["datasets"], int(w.seed)),
        metrics_only=True,
        dpi=None,  # draws no figure


# One job per algorithm, its sizes fitted in increasing order: a size whose memory is
# estimated above the limit, or beyond the most images the algorithm may fit, records why and
# fits nothing.
rule clustering_scaling_job:
    input:
        **MNIST_PCA,
    output:
        runs=expand(SCALING_RUN, size=SCALING["sizes"], allow_missing=True),
    log:
        f"{RESULTS}/logs/clustering_scaling_job/{{algorithm}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_scaling_job/{{algorithm}}.tsv"
    wildcard_constraints:
        algorithm="|".join(SCALING["algorithms"]),
    conda:
        "../envs/pipeline.yaml"
    resources:
        # a job fits only what its estimate keeps within the study's own limit per job, but
        # the estimate leaves out spectral clustering (its measured peak covers it)
        mem_mb=max(
            with_headroom(SCALING["memory_limit_mb"]), measured("clustering_scaling_job")["mem_mb"]
        ),
        runtime=measured("clustering_scaling_job")["runtime"],
    params:
        sizes=SCALING["sizes"],
        dimensions=SCALING["dimensions"],
        random_state=SCALING["random_state"],
        settings=lambda w: CONTEST["settings"][w.algorithm],
        k=SCALING["k"],
        memory_limit_mb=SCALING["memory_limit_mb"],
        max_size=lambda w: SCALING["max_size"].get(w.algorithm),
        setting_keys={"min_samples": "clustering_contest.settings.dbscan.min_samples"},
        code=code_of("clustering_algorithms/clustering_scaling_job.py"),
    script:
        "../scripts/clustering_algorithms/clustering_scaling_job.py"


rule clustering_scaling:
    input:
        runs=expand(SCALING_RUN, algorithm=SCALING["algorithms"], size=SCALING["sizes"]),
    output:
        figure=in_report("clustering_scaling", "scaling.png"),
        table=f"{RESULTS}/clustering_scaling/scaling.tsv",
        metrics=f"{RESULTS}/clustering_scaling/metrics.json",
    log:
        f"{RESULTS}/logs/clustering_scaling.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_scaling.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("clustering_scaling"),
    params:
        memory_limit_mb=SCALING["memory_limit_mb"],
        figure_size=SCALING["figure_size"],
        dpi=DPI,
        code=code_of("clustering_algorithms/clustering_scaling.py"),
    script:
        "../scripts/clustering_algorithms/clustering_scaling.py"


rule clustering_algorithms:
    input:
        experiment_metrics(category=CLUSTERING_SECTION),


# One job per algorithm, over every battery: a changed setting reruns that algorithm's job only.
rule clustering_benchmark_job:
    input:
        bundles=expand(CLUSTBENCH_BATTERY, battery=CLUSTBENCH["batteries"]),
    output:
        runs=BENCHMARK_RUNS,
    log:
        f"{RESULTS}/logs/clustering_benchmark_job/{{algorithm}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_benchmark_job/{{algorithm}}.tsv"
    wildcard_constraints:
        algorithm="|".join(BENCHMARK["algorithms"]),
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("clustering_benchmark_job"),
    params:
        settings=lambda w: BENCHMARK_SETTINGS[w.algorithm],
        seeds=BENCHMARK["seeds"],
        preprocess_seed=BENCHMARK["preprocess_seed"],
        memory_limit_mb=BENCHMARK["memory_limit_mb"],
        max_size=lambda w: BENCHMARK["max_size"].get(w.algorithm),
        keep_labels=lambda w: w.algorithm in BENCHMARK["published"],
        tie_check_seeds=BENCHMARK["tie_check_seeds"],
        code=code_of("clustering_algorithms/clustering_benchmark_job.py"),
    script:
        "../scripts/clustering_algorithms/clustering_benchmark_job.py"


rule clustering_benchmark:
    input:
        runs=expand(BENCHMARK_RUNS, algorithm=BENCHMARK["algorithms"]),
        bundles=expand(CLUSTBENCH_BATTERY, battery=CLUSTBENCH["batteries"]),
    output:
        scores=in_report("clustering_benchmark", "scores.png"),
        distribution=in_report("clustering_benchmark", "distribution.png"),
        claims=in_report("clustering_benchmark", "claims.png"),
        table=f"{RESULTS}/clustering_benchmark/scores.tsv",
        summary=in_report("clustering_benchmark", "summary.tsv"),
        published=f"{RESULTS}/clustering_benchmark/published.tsv",
        properties=f"{RESULTS}/clustering_benchmark/properties.tsv",
        claim_statistics=f"{RESULTS}/clustering_benchmark/claim_statistics.tsv",
        metrics=f"{RESULTS}/clustering_benchmark/metrics.json",
    log:
        f"{RESULTS}/logs/clustering_benchmark.log",
    benchmark:
        f"{RESULTS}/benchmarks/clustering_benchmark.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("clustering_benchmark"),
    params:
        seeds=BENCHMARK["seeds"],
        preprocess_seed=BENCHMARK["preprocess_seed"],
        published=BENCHMARK["published"],
        figure_size=BENCHMARK["figure_size"],
        dpi=DPI,
        code=code_of("clustering_algorithms/clustering_benchmark.py"),
    script:
        "../scripts/clustering_algorithms/clustering_benchmark.py"
