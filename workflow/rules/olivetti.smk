# The chapter's exercises 10 to 13, on the Olivetti faces: one stratified split and PCA that
# every exercise reads; K-Means over k (exercise 10) and its clusters as features of a random
# forest (exercise 11), from one fit per k; a Gaussian mixture that generates faces and scores
# altered ones (exercise 12), and the PCA's reconstruction error of those (exercise 13).
# Beyond them: exercise 11's comparison over splits and seeds, and the detection of altered
# faces measured on every face.

from unsupervised.core.claims import check_replica_seeds
from unsupervised.core.ranges import int_range, k_chunks

FACES_SETUP = config["olivetti_faces"]
FACES_CLUSTERING = config["olivetti_clustering"]
ALTERED = config["olivetti_altered"]
FACES_MIXTURE = config["olivetti_mixture"]
ALTERATIONS = {key: ALTERED[key] for key in ("darken_factor", "noise_sigma", "noise_random_state")}
FACES_ACCURACY = config["olivetti_accuracy"]
ACCURACY_SPREAD = config["olivetti_accuracy_spread"]
OLIVETTI_ANOMALIES = config["olivetti_anomalies"]
check_replica_seeds(
    FACES_ACCURACY["model_seeds"], FACES_CLUSTERING["random_state"], "olivetti_accuracy.model_seeds"
)
check_replica_seeds(
    ACCURACY_SPREAD["split_seeds"],
    FACES_SETUP["test_random_state"],
    "olivetti_accuracy_spread.split_seeds",
)
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
REPLICA_FACES = replica_path("olivetti_faces", "faces.npz")
SEED_SPLITS = (
    "the split of the faces (olivetti_faces.test_random_state, the validation "
    "draw with the seed + 1)"
)
REPLICA_CHUNK = replica_path("olivetti_clustering", "chunks/{chunk}.json")


rule olivetti_faces_split:
    input:
        **dataset_arrays("olivetti"),
    output:
        faces=FACES,
    params:
        **{key: FACES_SETUP[key] for key in SPLIT_SETTINGS},
        setting_keys={key: f"olivetti_faces.{key}" for key in ("test_size", "valid_size")},
    script:
        STEP


use rule olivetti_faces_split as olivetti_faces_split_replica with:
    output:
        faces=REPLICA_FACES,
    params:
        test_random_state=lambda w: int(w.seed),
        valid_random_state=lambda w: int(w.seed) + 1,


rule olivetti_faces:
    input:
        faces=FACES,
    output:
        **results_in(
            "olivetti_faces",
            figure=figure("eigenfaces.png"),
            metrics="metrics.json",
        ),
    params:
        eigenfaces=FACES_SETUP["eigenfaces"],
        panel_size=FACES_SETUP["panel_size"],
    script:
        STEP


# One job per chunk of k values (aligned on multiples of chunk_size): K-Means fitted once per
# k serves both exercises, its silhouette and its features for the forest.
rule olivetti_clustering_chunk:
    input:
        faces=FACES,
    output:
        runs=FACES_CHUNK,
    wildcard_constraints:
        chunk=r"\d+_\d+",
    params:
        ks=lambda w: FACES_CHUNKS[w.chunk],
        n_init=FACES_CLUSTERING["n_init"],
        random_state=FACES_CLUSTERING["random_state"],
        forest=FACES_CLUSTERING["forest"],
    script:
        STEP


use rule olivetti_clustering_chunk as olivetti_clustering_chunk_replica with:
    input:
        faces=REPLICA_FACES,
    output:
        runs=REPLICA_CHUNK,


rule olivetti_clustering:
    input:
        faces=FACES,
        runs=expand(FACES_CHUNK, chunk=FACES_CHUNKS),
    output:
        **results_in(
            "olivetti_clustering",
            sweep=figure("sweep.png"),
            clusters=figure("clusters.png"),
            table="sweep.tsv",
            metrics="metrics.json",
        ),
    params:
        clusters_shown=FACES_CLUSTERING["clusters_shown"],
        faces_per_cluster=FACES_CLUSTERING["faces_per_cluster"],
        figure_size=FACES_CLUSTERING["figure_size"],
        panel_size=FACES_SETUP["panel_size"],
    script:
        STEP


REPLICAS["olivetti_clustering"] = Replica(SPLIT_SEED, SEED_SPLITS)


use rule olivetti_clustering as olivetti_clustering_replica with:
    input:
        faces=REPLICA_FACES,
        runs=expand(REPLICA_CHUNK, chunk=FACES_CHUNKS, allow_missing=True),
    output:
        metrics=replica_path("olivetti_clustering"),
    params:
        metrics_only=True,


rule olivetti_classifier:
    input:
        faces=FACES,
        runs=expand(FACES_CHUNK, chunk=FACES_CHUNKS),
    output:
        **results_in(
            "olivetti_classifier",
            figure=figure("accuracy_vs_k.png"),
            choices="choices.tsv",
            table="accuracy_vs_k.tsv",
            metrics="metrics.json",
        ),
    params:
        n_init=FACES_CLUSTERING["n_init"],
        random_state=FACES_CLUSTERING["random_state"],
        forest=FACES_CLUSTERING["forest"],
        figure_size=FACES_CLUSTERING["classifier_figure_size"],
    script:
        STEP


rule olivetti_mixture:
    input:
        faces=FACES,
    output:
        **results_in(
            "olivetti_mixture",
            generated=figure("generated.png"),
            altered=figure("altered.png"),
            metrics="metrics.json",
        ),
    params:
        **FACES_MIXTURE,
        altered=ALTERED["counts"],
        alterations=ALTERATIONS,
        panel_size=FACES_SETUP["panel_size"],
    script:
        STEP


rule olivetti_reconstruction:
    input:
        faces=FACES,
    output:
        **results_in(
            "olivetti_reconstruction",
            figure=figure("reconstructions.png"),
            metrics="metrics.json",
        ),
    params:
        altered=ALTERED["counts"],
        alterations=ALTERATIONS,
        panel_size=FACES_SETUP["panel_size"],
    script:
        STEP


# Exercise 11 again at the silhouette's best k, for each seed of K-Means and the forest; its
# replicas rerun it on other splits (claims.seeds.olivetti_accuracy), and the spread gathers
# them all.
rule olivetti_accuracy:
    input:
        faces=FACES,
        clustering=f"{RESULTS}/olivetti_clustering/metrics.json",
    output:
        **results_in(
            "olivetti_accuracy",
            metrics="metrics.json",
        ),
    params:
        model_seeds=MODEL_SEEDS,
        n_init=FACES_CLUSTERING["n_init"],
        forest=FACES_CLUSTERING["forest"],
    script:
        STEP


REPLICAS["olivetti_accuracy"] = Replica(SPLIT_SEED, SEED_SPLITS)


use rule olivetti_accuracy as olivetti_accuracy_replica with:
    input:
        faces=REPLICA_FACES,
        clustering=f"{RESULTS}/olivetti_clustering/metrics.json",
    output:
        metrics=replica_path("olivetti_accuracy"),
    params:
        metrics_only=True,


rule olivetti_accuracy_spread:
    input:
        runs=seed_runs("olivetti_accuracy", ACCURACY_SPREAD["split_seeds"]),
    output:
        **results_in(
            "olivetti_accuracy_spread",
            figure=figure("accuracy_spread.png"),
            table="spread.tsv",
            cells="cells.tsv",
            metrics="metrics.json",
        ),
    params:
        split_seeds=[SPLIT_SEED, *ACCURACY_SPREAD["split_seeds"]],
        model_seeds=MODEL_SEEDS,
        figure_size=ACCURACY_SPREAD["figure_size"],
    script:
        STEP


rule olivetti_anomalies:
    input:
        faces=FACES,
    output:
        **results_in(
            "olivetti_anomalies",
            figure=figure("scores.png"),
            table="roc_auc.tsv",
            metrics="metrics.json",
        ),
    params:
        n_components=FACES_MIXTURE["n_components"],
        random_state=FACES_MIXTURE["random_state"],
        alterations=ALTERATIONS,
        figure_size=OLIVETTI_ANOMALIES["figure_size"],
        setting_keys={"n_components": "olivetti_mixture.n_components"},
    script:
        STEP


REPLICAS["olivetti_anomalies"] = Replica(
    SPLIT_SEED, f"{SEED_SPLITS} and the mixture (olivetti_mixture.random_state)"
)


use rule olivetti_anomalies as olivetti_anomalies_replica with:
    input:
        faces=REPLICA_FACES,
    output:
        metrics=replica_path("olivetti_anomalies"),
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,


rule olivetti:
    input:
        experiment_metrics(category=OLIVETTI_SECTION),
