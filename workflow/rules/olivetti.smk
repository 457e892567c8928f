# The chapter's exercises 10 to 13, on the Olivetti faces: one stratified split and PCA that
# every exercise reads; K-Means over k (exercise 10) and its clusters as features of a random
# forest (exercise 11), from one fit per k; a Gaussian mixture that generates faces and scores
# altered ones (exercise 12), and the PCA's reconstruction error of those (exercise 13).
# Beyond them: exercise 11's comparison over splits and seeds, and the detection of altered
# faces measured on every face.

from unsupervised.core.ranges import int_range, k_chunks

FACES_SETUP = config["olivetti_faces"]
FACES_CLUSTERING = config["olivetti_clustering"]
ALTERED = config["olivetti_altered"]
FACES_MIXTURE = config["olivetti_mixture"]
ALTERATIONS = {key: ALTERED[key] for key in ("darken_factor", "noise_sigma", "noise_random_state")}
FACES_ACCURACY = config["olivetti_accuracy"]
ACCURACY_SPREAD = config["olivetti_accuracy_spread"]
OLIVETTI_ANOMALIES = config["olivetti_anomalies"]
# Seed m sets both K-Means' and the forest's random_state; the exercises' seed comes first.
MODEL_SEEDS = [FACES_CLUSTERING["random_state"], *FACES_ACCURACY["model_seeds"]]
FACES = f"{RESULTS}/olivetti_faces/faces.npz"
FACES_CHUNKS = k_chunks(int_range(FACES_CLUSTERING["k_range"]), FACES_CLUSTERING["chunk_size"])
FACES_CHUNK = f"{RESULTS}/olivetti_clustering/chunks/{{chunk}}.json"
OLIVETTI_SECTION = "08 The Olivetti faces (exercises)"
EXPERIMENTS.update(
    olivetti_faces=Experiment(OLIVETTI_SECTION, "1 The split and the principal components"),
    olivetti_clustering=Experiment(OLIVETTI_SECTION, "2 Exercise 10: clustering the faces"),
    olivetti_classifier=Experiment(OLIVETTI_SECTION, "3 Exercise 11: clustering as preprocessing"),
    olivetti_mixture=Experiment(OLIVETTI_SECTION, "4 Exercise 12: a Gaussian mixture of faces"),
    olivetti_reconstruction=Experiment(
        OLIVETTI_SECTION, "5 Exercise 13: PCA's reconstruction error"
    ),
    olivetti_accuracy=Experiment(
        OLIVETTI_SECTION,
        "6 Exercise 11 over seeds of K-Means and the forest (beyond the exercises)",
        "beyond",
    ),
    olivetti_accuracy_spread=Experiment(
        OLIVETTI_SECTION, "7 Exercise 11 over splits and seeds (beyond the exercises)", "beyond"
    ),
    olivetti_anomalies=Experiment(
        OLIVETTI_SECTION,
        "8 Altered faces told apart, per transformation (beyond the exercises)",
        "beyond",
    ),
)
SPLIT_SETTINGS = (
    "test_size",
    "valid_size",
    "test_random_state",
    "valid_random_state",
    "pca_variance",
)


# Seed replicas of the experiments the section's claims rest on: the faces split again (the
# validation draw with the seed + 1, as the exercises' 42 and 43), and clustered again over
# the whole k range; for the anomalies the mixture seeded again too.
SPLIT_SEED = FACES_SETUP["test_random_state"]
REPLICA_FACES = f"{RESULTS}/seeds/{{seed}}/olivetti_faces/faces.npz"
SEED_SPLITS = (
    "the split of the faces (olivetti_faces.test_random_state, the validation "
    "draw with the seed + 1)"
)
REPLICA_CHUNK = f"{RESULTS}/seeds/{{seed}}/olivetti_clustering/chunks/{{chunk}}.json"


rule olivetti_faces_split:
    input:
        **dataset_arrays("olivetti"),
    output:
        faces=FACES,
    log:
        f"{RESULTS}/logs/olivetti_faces_split.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_faces_split.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_faces_split"),
    params:
        **{key: FACES_SETUP[key] for key in SPLIT_SETTINGS},
        setting_keys={key: f"olivetti_faces.{key}" for key in ("test_size", "valid_size")},
        code=code_of("olivetti/olivetti_faces_split.py"),
    script:
        "../scripts/olivetti/olivetti_faces_split.py"


use rule olivetti_faces_split as olivetti_faces_split_replica with:
    output:
        faces=REPLICA_FACES,
    log:
        f"{RESULTS}/logs/olivetti_faces_split_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_faces_split_replica/{{seed}}.tsv"
    params:
        test_random_state=lambda w: int(w.seed),
        valid_random_state=lambda w: int(w.seed) + 1,


rule olivetti_faces:
    input:
        faces=FACES,
    output:
        figure=in_report("olivetti_faces", "eigenfaces.png"),
        metrics=f"{RESULTS}/olivetti_faces/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_faces.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_faces.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_faces"),
    params:
        eigenfaces=FACES_SETUP["eigenfaces"],
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
        code=code_of("olivetti/olivetti_faces.py"),
    script:
        "../scripts/olivetti/olivetti_faces.py"


# One job per chunk of k values (aligned on multiples of chunk_size): K-Means fitted once per
# k serves both exercises, its silhouette and its features for the forest.
rule olivetti_clustering_chunk:
    input:
        faces=FACES,
    output:
        runs=FACES_CHUNK,
    log:
        f"{RESULTS}/logs/olivetti_clustering_chunk/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_clustering_chunk/{{chunk}}.tsv"
    wildcard_constraints:
        chunk=r"\d+_\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_clustering_chunk"),
    params:
        ks=lambda w: FACES_CHUNKS[w.chunk],
        n_init=FACES_CLUSTERING["n_init"],
        random_state=FACES_CLUSTERING["random_state"],
        forest=FACES_CLUSTERING["forest"],
        code=code_of("olivetti/olivetti_clustering_chunk.py"),
    script:
        "../scripts/olivetti/olivetti_clustering_chunk.py"


use rule olivetti_clustering_chunk as olivetti_clustering_chunk_replica with:
    input:
        faces=REPLICA_FACES,
    output:
        runs=REPLICA_CHUNK,
    log:
        f"{RESULTS}/logs/olivetti_clustering_chunk_replica/{{seed}}/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_clustering_chunk_replica/{{seed}}/{{chunk}}.tsv"


rule olivetti_clustering:
    input:
        faces=FACES,
        runs=expand(FACES_CHUNK, chunk=FACES_CHUNKS),
    output:
        sweep=in_report("olivetti_clustering", "sweep.png"),
        clusters=in_report("olivetti_clustering", "clusters.png"),
        table=f"{RESULTS}/olivetti_clustering/sweep.tsv",
        metrics=f"{RESULTS}/olivetti_clustering/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_clustering.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_clustering.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_clustering"),
    params:
        clusters_shown=FACES_CLUSTERING["clusters_shown"],
        faces_per_cluster=FACES_CLUSTERING["faces_per_cluster"],
        figure_size=FACES_CLUSTERING["figure_size"],
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
        code=code_of("olivetti/olivetti_clustering.py"),
    script:
        "../scripts/olivetti/olivetti_clustering.py"


REPLICAS["olivetti_clustering"] = Replica(SPLIT_SEED, SEED_SPLITS)


use rule olivetti_clustering as olivetti_clustering_replica with:
    input:
        faces=REPLICA_FACES,
        runs=expand(REPLICA_CHUNK, chunk=FACES_CHUNKS, allow_missing=True),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/olivetti_clustering/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_clustering_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_clustering_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


rule olivetti_classifier:
    input:
        faces=FACES,
        runs=expand(FACES_CHUNK, chunk=FACES_CHUNKS),
    output:
        figure=in_report("olivetti_classifier", "accuracy_vs_k.png"),
        choices=f"{RESULTS}/olivetti_classifier/choices.tsv",
        table=f"{RESULTS}/olivetti_classifier/accuracy_vs_k.tsv",
        metrics=f"{RESULTS}/olivetti_classifier/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_classifier.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_classifier.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_classifier"),
    params:
        n_init=FACES_CLUSTERING["n_init"],
        random_state=FACES_CLUSTERING["random_state"],
        forest=FACES_CLUSTERING["forest"],
        figure_size=FACES_CLUSTERING["classifier_figure_size"],
        dpi=DPI,
        code=code_of("olivetti/olivetti_classifier.py"),
    script:
        "../scripts/olivetti/olivetti_classifier.py"


rule olivetti_mixture:
    input:
        faces=FACES,
    output:
        generated=in_report("olivetti_mixture", "generated.png"),
        altered=in_report("olivetti_mixture", "altered.png"),
        metrics=f"{RESULTS}/olivetti_mixture/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_mixture.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_mixture.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_mixture"),
    params:
        **FACES_MIXTURE,
        altered=ALTERED["counts"],
        alterations=ALTERATIONS,
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
        code=code_of("olivetti/olivetti_mixture.py"),
    script:
        "../scripts/olivetti/olivetti_mixture.py"


rule olivetti_reconstruction:
    input:
        faces=FACES,
    output:
        figure=in_report("olivetti_reconstruction", "reconstructions.png"),
        metrics=f"{RESULTS}/olivetti_reconstruction/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_reconstruction.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_reconstruction.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_reconstruction"),
    params:
        altered=ALTERED["counts"],
        alterations=ALTERATIONS,
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
        code=code_of("olivetti/olivetti_reconstruction.py"),
    script:
        "../scripts/olivetti/olivetti_reconstruction.py"


# Exercise 11 again at the silhouette's best k, for each seed of K-Means and the forest; its
# replicas rerun it on other splits (claims.seeds.olivetti_accuracy), and the spread gathers
# them all.
rule olivetti_accuracy:
    input:
        faces=FACES,
        clustering=f"{RESULTS}/olivetti_clustering/metrics.json",
    output:
        metrics=f"{RESULTS}/olivetti_accuracy/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_accuracy.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_accuracy.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_accuracy"),
    params:
        model_seeds=MODEL_SEEDS,
        n_init=FACES_CLUSTERING["n_init"],
        forest=FACES_CLUSTERING["forest"],
        code=code_of("olivetti/olivetti_accuracy.py"),
    script:
        "../scripts/olivetti/olivetti_accuracy.py"


REPLICAS["olivetti_accuracy"] = Replica(SPLIT_SEED, SEED_SPLITS)


use rule olivetti_accuracy as olivetti_accuracy_replica with:
    input:
        faces=REPLICA_FACES,
        clustering=f"{RESULTS}/olivetti_clustering/metrics.json",
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/olivetti_accuracy/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_accuracy_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_accuracy_replica/{{seed}}.tsv"
    params:
        metrics_only=True,


rule olivetti_accuracy_spread:
    input:
        runs=seed_runs("olivetti_accuracy", ACCURACY_SPREAD["split_seeds"]),
    output:
        figure=in_report("olivetti_accuracy_spread", "accuracy_spread.png"),
        table=f"{RESULTS}/olivetti_accuracy_spread/spread.tsv",
        cells=f"{RESULTS}/olivetti_accuracy_spread/cells.tsv",
        metrics=f"{RESULTS}/olivetti_accuracy_spread/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_accuracy_spread.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_accuracy_spread.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_accuracy_spread"),
    params:
        split_seeds=[SPLIT_SEED, *ACCURACY_SPREAD["split_seeds"]],
        model_seeds=MODEL_SEEDS,
        figure_size=ACCURACY_SPREAD["figure_size"],
        dpi=DPI,
        code=code_of("olivetti/olivetti_accuracy_spread.py"),
    script:
        "../scripts/olivetti/olivetti_accuracy_spread.py"


rule olivetti_anomalies:
    input:
        faces=FACES,
    output:
        figure=in_report("olivetti_anomalies", "scores.png"),
        table=f"{RESULTS}/olivetti_anomalies/roc_auc.tsv",
        metrics=f"{RESULTS}/olivetti_anomalies/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_anomalies.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_anomalies.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("olivetti_anomalies"),
    params:
        n_components=FACES_MIXTURE["n_components"],
        random_state=FACES_MIXTURE["random_state"],
        alterations=ALTERATIONS,
        figure_size=OLIVETTI_ANOMALIES["figure_size"],
        setting_keys={"n_components": "olivetti_mixture.n_components"},
        dpi=DPI,
        code=code_of("olivetti/olivetti_anomalies.py"),
    script:
        "../scripts/olivetti/olivetti_anomalies.py"


REPLICAS["olivetti_anomalies"] = Replica(
    SPLIT_SEED, f"{SEED_SPLITS} and the mixture (olivetti_mixture.random_state)"
)


use rule olivetti_anomalies as olivetti_anomalies_replica with:
    input:
        faces=REPLICA_FACES,
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/olivetti_anomalies/metrics.json",
    log:
        f"{RESULTS}/logs/olivetti_anomalies_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/olivetti_anomalies_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


rule olivetti:
    input:
        experiment_metrics(category=OLIVETTI_SECTION),
