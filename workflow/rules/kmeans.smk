# Chapter sections 2.2.1 to 2.2.13, "K-Means": fit and predict, the algorithm, initialisation,
# accelerated and mini-batch K-Means, choosing k, limits, image segmentation.

from unsupervised.core.ranges import int_range, k_chunks

KMEANS_FIT = config["kmeans_fit"]
KMEANS_MINIBATCH = config["kmeans_minibatch"]
CHOOSE_K = config["choose_k"]
SEGMENTATION = config["kmeans_segmentation"]
KMEANS_STEPS = config["kmeans_steps"]
KMEANS_INIT = config["kmeans_init"]
KMEANS_SPEED = config["kmeans_speed"]
KMEANS_MINIBATCH_VS_K = config["kmeans_minibatch_vs_k"]
KMEANS_LIMITS = config["kmeans_limits"]
RESOLUTION = KMEANS_FIT["resolution"]
BLOBS = dataset_arrays("blobs")
# Threads of a job that must run alone (timing): Snakemake lowers it to the --cores given.
ALL_CORES = 1024
MNIST = dataset_arrays("mnist")
KMEANS_SECTION = "02 K-Means"
EXPERIMENTS.update(
    kmeans_fit=Experiment(KMEANS_SECTION, "1 Fit and predict, hard and soft clustering"),
    kmeans_steps=Experiment(KMEANS_SECTION, "2 The algorithm step by step"),
    kmeans_init=Experiment(KMEANS_SECTION, "3 Variability and initialisation"),
    kmeans_speed=Experiment(KMEANS_SECTION, "4 Accelerated and mini-batch K-Means"),
    kmeans_minibatch=Experiment(KMEANS_SECTION, "4 Accelerated and mini-batch K-Means"),
    kmeans_minibatch_vs_k=Experiment(KMEANS_SECTION, "4 Accelerated and mini-batch K-Means"),
    choose_k_blobs=Experiment(KMEANS_SECTION, "5 Choosing the number of clusters"),
    choose_k_mnist=Experiment(
        KMEANS_SECTION, "6 Choosing the number of clusters of MNIST (beyond the chapter)", "beyond"
    ),
    kmeans_limits=Experiment(KMEANS_SECTION, "7 Limits of K-Means"),
    kmeans_segmentation=Experiment(KMEANS_SECTION, "8 Image segmentation"),
)


# What each sweep over k clusters: the blobs as they are, MNIST after PCA.
CHOOSE_K_FEATURES = {
    "blobs": BLOBS,
    "mnist": {"X": f"{RESULTS}/choose_k_mnist/pca/X.npy", "y": MNIST["y"]},
}
# One job per chunk of k values, aligned on multiples of the dataset's chunk_size.
CHOOSE_K_FITS = f"{RESULTS}/choose_k_{{dataset}}/k/{{chunk}}.npz"
CHOOSE_K_CHUNKS = {
    dataset: k_chunks(int_range(CHOOSE_K[dataset]["k_range"]), CHOOSE_K[dataset]["chunk_size"])
    for dataset in ("blobs", "mnist")
}


# The silhouette's pairwise distances on its sample (all rows when the sample is 0), float64,
# which scikit-learn computes in chunks of at most 1,024 MB (its working_memory).
CHOOSE_K_ROWS = {"blobs": config["synthetic"]["blobs"]["n_samples"], "mnist": 70_000}
SILHOUETTE_MB = {
    dataset: min(8 * (CHOOSE_K[dataset]["silhouette_sample"] or rows) ** 2 / 1e6, 1024)
    for dataset, rows in CHOOSE_K_ROWS.items()
}


# Seed replicas. On the synthetic sets a seed draws the data again (the chapter's
# conclusions are about such data, not one sample of it); elsewhere it sets the random state.
BLOBS_SEED = config["synthetic"]["blobs"]["random_state"]
SEED_SETS_BLOBS = "the blobs sample (synthetic.blobs.random_state)"


rule kmeans_fit:
    input:
        **BLOBS,
    output:
        **results_in(
            "kmeans_fit",
            data_figure=figure("blobs.png"),
            voronoi=figure("voronoi.png"),
            centroids="centroids.tsv",
            new_points="new_points.tsv",
            metrics="metrics.json",
        ),
    params:
        **KMEANS_FIT,
        true_centers=config["synthetic"]["blobs"]["centers"],
    script:
        STEP


rule kmeans_steps:
    input:
        **BLOBS,
    output:
        **results_in(
            "kmeans_steps",
            figure=figure("kmeans_algorithm.png"),
            metrics="metrics.json",
        ),
    params:
        **KMEANS_STEPS,
        k=KMEANS_FIT["k"],
        resolution=RESOLUTION,
    script:
        STEP


rule kmeans_init:
    input:
        **BLOBS,
    output:
        **results_in(
            "kmeans_init",
            variability=figure("variability.png"),
            distribution=figure("inertia_distribution.png"),
            metrics="metrics.json",
        ),
    params:
        **KMEANS_INIT,
        k=KMEANS_FIT["k"],
        resolution=RESOLUTION,
    script:
        STEP


REPLICAS["kmeans_init"] = Replica(BLOBS_SEED, SEED_SETS_BLOBS)


use rule kmeans_init as kmeans_init_replica with:
    input:
        **replica_arrays("blobs"),
    output:
        metrics=replica_path("kmeans_init"),
    params:
        metrics_only=True,


# Timing rules take every core (ALL_CORES) so that no other job runs while they measure.
rule kmeans_speed:
    input:
        blobs_X=BLOBS["X"],
        blobs_y=BLOBS["y"],
        mnist_X=MNIST["X"],
        mnist_y=MNIST["y"],
    output:
        **results_in(
            "kmeans_speed",
            figure=figure("elkan_vs_lloyd.png"),
            metrics="metrics.json",
        ),
    threads: ALL_CORES
    resources:
        # about three float32 copies of each MNIST image timed, over 200 MB of process:
        # 246 MB measured at 5,000 images, 837 MB at 70,000
        mem_mb=with_headroom(200 + 3 * 4 * 784 * KMEANS_SPEED["mnist_samples"] / 1e6),
    params:
        **KMEANS_SPEED,
        blobs_k=KMEANS_FIT["k"],
    script:
        STEP


REPLICAS["kmeans_speed"] = Replica(
    config["kmeans_speed"]["random_state"],
    "the K-Means initialisation (kmeans_speed.random_state)",
)


use rule kmeans_speed as kmeans_speed_replica with:
    output:
        metrics=replica_path("kmeans_speed"),
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,


rule kmeans_minibatch:
    input:
        blobs_X=BLOBS["X"],
        blobs_y=BLOBS["y"],
        mnist_X=MNIST["X"],
        mnist_y=MNIST["y"],
    output:
        **results_in(
            "kmeans_minibatch",
            metrics="metrics.json",
        ),
    params:
        k=KMEANS_MINIBATCH["k"],
        n_init=KMEANS_MINIBATCH["n_init"],
        random_state=KMEANS_MINIBATCH["random_state"],
        partial_fit=KMEANS_MINIBATCH["partial_fit"],
        mnist_settings=KMEANS_MINIBATCH["mnist"],
        kmeans_n_init=KMEANS_FIT["n_init"],
    script:
        STEP


REPLICAS["kmeans_minibatch"] = Replica(
    KMEANS_MINIBATCH["random_state"],
    "the K-Means initialisations (kmeans_minibatch.random_state)",
)


use rule kmeans_minibatch as kmeans_minibatch_replica with:
    output:
        metrics=replica_path("kmeans_minibatch"),
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,


rule kmeans_minibatch_vs_k:
    input:
        **BLOBS,
    output:
        **results_in(
            "kmeans_minibatch_vs_k",
            figure=figure("minibatch_vs_kmeans.png"),
            table="inertia_and_time.tsv",
            metrics="metrics.json",
        ),
    threads: ALL_CORES
    params:
        **KMEANS_MINIBATCH_VS_K,
    script:
        STEP


REPLICAS["kmeans_minibatch_vs_k"] = Replica(
    config["kmeans_minibatch_vs_k"]["random_state"],
    "the K-Means initialisations (kmeans_minibatch_vs_k.random_state)",
)


use rule kmeans_minibatch_vs_k as kmeans_minibatch_vs_k_replica with:
    output:
        metrics=replica_path("kmeans_minibatch_vs_k"),
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,


rule choose_k_mnist_pca:
    input:
        **MNIST,
    output:
        X=CHOOSE_K_FEATURES["mnist"]["X"],
        info=f"{RESULTS}/choose_k_mnist/pca/info.json",
    params:
        variance=CHOOSE_K["mnist"]["pca_variance"],
    script:
        STEP


# One job per (dataset, k): `--cores N` runs the sweep in parallel, and widening k_range runs
# only the new values.
rule choose_k_fit:
    input:
        unpack(lambda w: CHOOSE_K_FEATURES[w.dataset]),
    output:
        fits=CHOOSE_K_FITS,
    wildcard_constraints:
        dataset="blobs|mnist",
        chunk=r"\d+_\d+",
    resources:
        # some 250 MB of process and data: 1,038 MB measured with a 10,000-image sample
        mem_mb=lambda w: with_headroom(250 + SILHOUETTE_MB[w.dataset]),
    params:
        ks=lambda w: CHOOSE_K_CHUNKS[w.dataset][w.chunk],
        estimator=lambda w: CHOOSE_K[w.dataset]["estimator"],
        n_init=lambda w: CHOOSE_K[w.dataset]["n_init"],
        batch_size=lambda w: CHOOSE_K[w.dataset]["batch_size"],
        random_state=lambda w: CHOOSE_K[w.dataset]["random_state"],
        silhouette_sample_size=lambda w: CHOOSE_K[w.dataset]["silhouette_sample"],
        setting_keys=lambda w: {"k_range": f"choose_k.{w.dataset}.k_range"},
    script:
        STEP


use rule choose_k_fit as choose_k_fit_replica with:
    input:
        **replica_arrays("blobs"),
    output:
        fits=replica_path("choose_k_{dataset}", "k/{chunk}.npz"),
    wildcard_constraints:
        dataset="blobs",
        chunk=r"\d+_\d+",


rule choose_k:
    input:
        unpack(lambda w: CHOOSE_K_FEATURES[w.dataset]),
        fits=lambda w: expand(CHOOSE_K_FITS, dataset=w.dataset, chunk=CHOOSE_K_CHUNKS[w.dataset]),
        pca=lambda w: rules.choose_k_mnist_pca.output.info if w.dataset == "mnist" else [],
    output:
        **results_in(
            "choose_k_{dataset}",
            inertia=figure("inertia_vs_k.png"),
            silhouette=figure("silhouette_vs_k.png"),
            diagrams=figure("silhouette_diagrams.png"),
            metrics="metrics.json",
        ),
    wildcard_constraints:
        dataset="blobs|mnist",
    params:
        random_state=lambda w: CHOOSE_K[w.dataset]["random_state"],
        silhouette_sample_size=lambda w: CHOOSE_K[w.dataset]["silhouette_sample"],
        diagram_k=lambda w: CHOOSE_K[w.dataset]["diagram_k"],
        report_k=lambda w: CHOOSE_K[w.dataset]["report_k"],
        figure_size=CHOOSE_K["figure_size"],
        diagram_size=CHOOSE_K["diagram_size"],
    script:
        STEP


REPLICAS["choose_k_blobs"] = Replica(BLOBS_SEED, SEED_SETS_BLOBS)


use rule choose_k as choose_k_replica with:
    input:
        **replica_arrays("blobs"),
        fits=expand(
            rules.choose_k_fit_replica.output.fits,
            dataset="blobs",
            chunk=CHOOSE_K_CHUNKS["blobs"],
            allow_missing=True,
        ),
    output:
        metrics=replica_path("choose_k_{dataset}"),
    wildcard_constraints:
        dataset="blobs",
    params:
        metrics_only=True,


rule choose_k_bad_k:
    input:
        X=BLOBS["X"],
        fits=expand(
            CHOOSE_K_FITS,
            dataset="blobs",
            chunk=chunks_holding(CHOOSE_K_CHUNKS["blobs"], CHOOSE_K["blobs"]["bad_k"]),
        ),
    output:
        **results_in(
            "choose_k_blobs",
            figure=figure("bad_k.png"),
        ),
    params:
        bad_k=CHOOSE_K["blobs"]["bad_k"],
        resolution=RESOLUTION,
        figure_size=config["kmeans_limits"]["figure_size"],
    script:
        STEP


rule kmeans_limits:
    input:
        **dataset_arrays("ellipsoids"),
    output:
        **results_in(
            "kmeans_limits",
            figure=figure("bad_kmeans.png"),
            metrics="metrics.json",
        ),
    params:
        **KMEANS_LIMITS,
        resolution=RESOLUTION,
    script:
        STEP


REPLICAS["kmeans_limits"] = Replica(
    config["synthetic"]["ellipsoids"]["random_state"],
    "the ellipsoids sample (synthetic.ellipsoids.random_state)",
)


use rule kmeans_limits as kmeans_limits_replica with:
    input:
        **replica_arrays("ellipsoids"),
    output:
        metrics=replica_path("kmeans_limits"),
    params:
        metrics_only=True,


rule kmeans_segmentation_colours:
    input:
        image=SEGMENTATION["image"] or f"{DATA}/raw/ladybug/ladybug.png",
    output:
        **results_in(
            "kmeans_segmentation",
            image="colors/{n_colors}.npy",
            stats="colors/{n_colors}.json",
        ),
    wildcard_constraints:
        n_colors=r"\d+",
    params:
        n_init=SEGMENTATION["n_init"],
        random_state=SEGMENTATION["random_state"],
    script:
        STEP


rule kmeans_segmentation:
    input:
        image=rules.kmeans_segmentation_colours.input.image,
        images=expand(
            rules.kmeans_segmentation_colours.output.image, n_colors=SEGMENTATION["n_colors"]
        ),
        stats=expand(
            rules.kmeans_segmentation_colours.output.stats, n_colors=SEGMENTATION["n_colors"]
        ),
    output:
        **results_in(
            "kmeans_segmentation",
            figure=figure("image_segmentation.png"),
            metrics="metrics.json",
        ),
    params:
        figure_size=SEGMENTATION["figure_size"],
    script:
        STEP


FIGURES["chapter"] += rules.choose_k_bad_k.output


rule kmeans:
    input:
        experiment_metrics(category=KMEANS_SECTION),
        rules.choose_k_bad_k.output,
