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
    "mnist": MNIST_PCA,
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
        data_figure=in_report("kmeans_fit", "blobs.png"),
        voronoi=in_report("kmeans_fit", "voronoi.png"),
        centroids=f"{RESULTS}/kmeans_fit/centroids.tsv",
        new_points=f"{RESULTS}/kmeans_fit/new_points.tsv",
        metrics=f"{RESULTS}/kmeans_fit/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_fit.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_fit.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("kmeans_fit"),
    params:
        **KMEANS_FIT,
        true_centers=config["synthetic"]["blobs"]["centers"],
        dpi=DPI,
        code=code_of("kmeans/kmeans_fit.py"),
    script:
        "../scripts/kmeans/kmeans_fit.py"


rule kmeans_steps:
    input:
        **BLOBS,
    output:
        figure=in_report("kmeans_steps", "kmeans_algorithm.png"),
        metrics=f"{RESULTS}/kmeans_steps/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_steps.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_steps.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("kmeans_steps"),
    params:
        **KMEANS_STEPS,
        k=KMEANS_FIT["k"],
        resolution=RESOLUTION,
        dpi=DPI,
        code=code_of("kmeans/kmeans_steps.py"),
    script:
        "../scripts/kmeans/kmeans_steps.py"


rule kmeans_init:
    input:
        **BLOBS,
    output:
        variability=in_report("kmeans_init", "variability.png"),
        distribution=in_report("kmeans_init", "inertia_distribution.png"),
        metrics=f"{RESULTS}/kmeans_init/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_init.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_init.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("kmeans_init"),
    params:
        **KMEANS_INIT,
        k=KMEANS_FIT["k"],
        resolution=RESOLUTION,
        dpi=DPI,
        code=code_of("kmeans/kmeans_init.py"),
    script:
        "../scripts/kmeans/kmeans_init.py"


REPLICAS["kmeans_init"] = Replica(BLOBS_SEED, SEED_SETS_BLOBS)


use rule kmeans_init as kmeans_init_replica with:
    input:
        **dataset_arrays("seeds/{seed}/blobs"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/kmeans_init/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_init_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_init_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


# Timing rules take every core (ALL_CORES) so that no other job runs while they measure.
rule kmeans_speed:
    input:
        blobs_X=BLOBS["X"],
        blobs_y=BLOBS["y"],
        mnist_X=MNIST["X"],
        mnist_y=MNIST["y"],
    output:
        figure=in_report("kmeans_speed", "elkan_vs_lloyd.png"),
        metrics=f"{RESULTS}/kmeans_speed/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_speed.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_speed.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: ALL_CORES
    resources:
        # about three float32 copies of each MNIST image timed, over 200 MB of process:
        # 246 MB measured at 5,000 images, 837 MB at 70,000
        mem_mb=with_headroom(200 + 3 * 4 * 784 * KMEANS_SPEED["mnist_samples"] / 1e6),
        runtime=measured("kmeans_speed")["runtime"],
    params:
        **KMEANS_SPEED,
        blobs_k=KMEANS_FIT["k"],
        dpi=DPI,
        code=code_of("kmeans/kmeans_speed.py"),
    script:
        "../scripts/kmeans/kmeans_speed.py"


REPLICAS["kmeans_speed"] = Replica(
    config["kmeans_speed"]["random_state"],
    "the K-Means initialisation (kmeans_speed.random_state)",
)


use rule kmeans_speed as kmeans_speed_replica with:
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/kmeans_speed/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_speed_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_speed_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


rule kmeans_minibatch:
    input:
        blobs_X=BLOBS["X"],
        blobs_y=BLOBS["y"],
        mnist_X=MNIST["X"],
        mnist_y=MNIST["y"],
    output:
        metrics=f"{RESULTS}/kmeans_minibatch/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_minibatch.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_minibatch.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("kmeans_minibatch"),
    params:
        k=KMEANS_MINIBATCH["k"],
        n_init=KMEANS_MINIBATCH["n_init"],
        random_state=KMEANS_MINIBATCH["random_state"],
        partial_fit=KMEANS_MINIBATCH["partial_fit"],
        mnist_settings=KMEANS_MINIBATCH["mnist"],
        kmeans_n_init=KMEANS_FIT["n_init"],
        code=code_of("kmeans/kmeans_minibatch.py"),
    script:
        "../scripts/kmeans/kmeans_minibatch.py"


REPLICAS["kmeans_minibatch"] = Replica(
    KMEANS_MINIBATCH["random_state"],
    "the K-Means initialisations (kmeans_minibatch.random_state)",
)


use rule kmeans_minibatch as kmeans_minibatch_replica with:
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/kmeans_minibatch/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_minibatch_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_minibatch_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,


rule kmeans_minibatch_vs_k:
    input:
        **BLOBS,
    output:
        figure=in_report("kmeans_minibatch_vs_k", "minibatch_vs_kmeans.png"),
        table=f"{RESULTS}/kmeans_minibatch_vs_k/inertia_and_time.tsv",
        metrics=f"{RESULTS}/kmeans_minibatch_vs_k/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_minibatch_vs_k.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_minibatch_vs_k.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: ALL_CORES
    resources:
        **measured("kmeans_minibatch_vs_k"),
    params:
        **KMEANS_MINIBATCH_VS_K,
        dpi=DPI,
        code=code_of("kmeans/kmeans_minibatch_vs_k.py"),
    script:
        "../scripts/kmeans/kmeans_minibatch_vs_k.py"


REPLICAS["kmeans_minibatch_vs_k"] = Replica(
    config["kmeans_minibatch_vs_k"]["random_state"],
    "the K-Means initialisations (kmeans_minibatch_vs_k.random_state)",
)


use rule kmeans_minibatch_vs_k as kmeans_minibatch_vs_k_replica with:
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/kmeans_minibatch_vs_k/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_minibatch_vs_k_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_minibatch_vs_k_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


rule choose_k_mnist_pca:
    input:
        **MNIST,
    output:
        X=MNIST_PCA["X"],
        info=f"{RESULTS}/choose_k_mnist/pca/info.json",
    log:
        f"{RESULTS}/logs/choose_k_mnist_pca.log",
    benchmark:
        f"{RESULTS}/benchmarks/choose_k_mnist_pca.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("choose_k_mnist_pca"),
    params:
        variance=CHOOSE_K["mnist"]["pca_variance"],
        code=code_of("kmeans/choose_k_mnist_pca.py"),
    script:
        "../scripts/kmeans/choose_k_mnist_pca.py"


# One job per (dataset, chunk of k values): `--cores N` runs the sweep in parallel, and
# widening k_range runs only the chunks it adds.
rule choose_k_fit:
    input:
        unpack(lambda w: CHOOSE_K_FEATURES[w.dataset]),
    output:
        fits=CHOOSE_K_FITS,
    log:
        f"{RESULTS}/logs/choose_k_fit/{{dataset}}/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/choose_k_fit/{{dataset}}/{{chunk}}.tsv"
    wildcard_constraints:
        dataset="blobs|mnist",
        chunk=r"\d+_\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        # some 250 MB of process and data: 1,038 MB measured with a 10,000-image sample
        mem_mb=lambda w: with_headroom(250 + SILHOUETTE_MB[w.dataset]),
        runtime=measured("choose_k_fit")["runtime"],
    params:
        ks=lambda w: CHOOSE_K_CHUNKS[w.dataset][w.chunk],
        estimator=lambda w: CHOOSE_K[w.dataset]["estimator"],
        n_init=lambda w: CHOOSE_K[w.dataset]["n_init"],
        batch_size=lambda w: CHOOSE_K[w.dataset]["batch_size"],
        random_state=lambda w: CHOOSE_K[w.dataset]["random_state"],
        silhouette_sample_size=lambda w: CHOOSE_K[w.dataset]["silhouette_sample"],
        setting_keys=lambda w: {"k_range": f"choose_k.{w.dataset}.k_range"},
        code=code_of("kmeans/choose_k_fit.py"),
    script:
        "../scripts/kmeans/choose_k_fit.py"


use rule choose_k_fit as choose_k_fit_replica with:
    input:
        **dataset_arrays("seeds/{seed}/blobs"),
    output:
        fits=f"{RESULTS}/seeds/{{seed}}/choose_k_{{dataset}}/k/{{chunk}}.npz",
    log:
        f"{RESULTS}/logs/choose_k_fit_replica/{{seed}}/{{dataset}}/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/choose_k_fit_replica/{{seed}}/{{dataset}}/{{chunk}}.tsv"
    wildcard_constraints:
        dataset="blobs",
        chunk=r"\d+_\d+",


rule choose_k:
    input:
        unpack(lambda w: CHOOSE_K_FEATURES[w.dataset]),
        fits=lambda w: expand(CHOOSE_K_FITS, dataset=w.dataset, chunk=CHOOSE_K_CHUNKS[w.dataset]),
        # MNIST's principal components, whose number and variance the report gives
        pca=lambda w: rules.choose_k_mnist_pca.output.info if w.dataset == "mnist" else [],
    output:
        inertia=in_report("choose_k_{dataset}", "inertia_vs_k.png"),
        silhouette=in_report("choose_k_{dataset}", "silhouette_vs_k.png"),
        diagrams=in_report("choose_k_{dataset}", "silhouette_diagrams.png"),
        metrics=f"{RESULTS}/choose_k_{{dataset}}/metrics.json",
    log:
        f"{RESULTS}/logs/choose_k/{{dataset}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/choose_k/{{dataset}}.tsv"
    wildcard_constraints:
        dataset="blobs|mnist",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("choose_k"),
    params:
        random_state=lambda w: CHOOSE_K[w.dataset]["random_state"],
        silhouette_sample_size=lambda w: CHOOSE_K[w.dataset]["silhouette_sample"],
        diagram_k=lambda w: CHOOSE_K[w.dataset]["diagram_k"],
        report_k=lambda w: CHOOSE_K[w.dataset]["report_k"],
        figure_size=CHOOSE_K["figure_size"],
        diagram_size=CHOOSE_K["diagram_size"],
        dpi=DPI,
        code=code_of("kmeans/choose_k.py"),
    script:
        "../scripts/kmeans/choose_k.py"


REPLICAS["choose_k_blobs"] = Replica(BLOBS_SEED, SEED_SETS_BLOBS)


use rule choose_k as choose_k_replica with:
    input:
        **dataset_arrays("seeds/{seed}/blobs"),
        fits=expand(
            rules.choose_k_fit_replica.output.fits,
            dataset="blobs",
            chunk=CHOOSE_K_CHUNKS["blobs"],
            allow_missing=True,
        ),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/choose_k_{{dataset}}/metrics.json",
    log:
        f"{RESULTS}/logs/choose_k_replica/{{seed}}/{{dataset}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/choose_k_replica/{{seed}}/{{dataset}}.tsv"
    wildcard_constraints:
        dataset="blobs",
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


rule choose_k_bad_k:
    input:
        X=BLOBS["X"],
        fits=expand(
            CHOOSE_K_FITS,
            dataset="blobs",
            chunk=[
                name
                for name, ks in CHOOSE_K_CHUNKS["blobs"].items()
                if set(ks) & set(CHOOSE_K["blobs"]["bad_k"])
            ],
        ),
    output:
        figure=in_report("choose_k_blobs", "bad_k.png"),
    log:
        f"{RESULTS}/logs/choose_k_bad_k.log",
    benchmark:
        f"{RESULTS}/benchmarks/choose_k_bad_k.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("choose_k_bad_k"),
    params:
        bad_k=CHOOSE_K["blobs"]["bad_k"],
        resolution=RESOLUTION,
        figure_size=config["kmeans_limits"]["figure_size"],
        dpi=DPI,
        code=code_of("kmeans/choose_k_bad_k.py"),
    script:
        "../scripts/kmeans/choose_k_bad_k.py"


rule kmeans_limits:
    input:
        **dataset_arrays("ellipsoids"),
    output:
        figure=in_report("kmeans_limits", "bad_kmeans.png"),
        metrics=f"{RESULTS}/kmeans_limits/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_limits.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_limits.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("kmeans_limits"),
    params:
        **KMEANS_LIMITS,
        resolution=RESOLUTION,
        dpi=DPI,
        code=code_of("kmeans/kmeans_limits.py"),
    script:
        "../scripts/kmeans/kmeans_limits.py"


REPLICAS["kmeans_limits"] = Replica(
    config["synthetic"]["ellipsoids"]["random_state"],
    "the ellipsoids sample (synthetic.ellipsoids.random_state)",
)


use rule kmeans_limits as kmeans_limits_replica with:
    input:
        **dataset_arrays("seeds/{seed}/ellipsoids"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/kmeans_limits/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_limits_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_limits_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


rule kmeans_segmentation_colours:
    input:
        image=SEGMENTATION["image"] or f"{DATA}/raw/ladybug/ladybug.png",
    output:
        image=f"{RESULTS}/kmeans_segmentation/colors/{{n_colors}}.npy",
        stats=f"{RESULTS}/kmeans_segmentation/colors/{{n_colors}}.json",
    log:
        f"{RESULTS}/logs/kmeans_segmentation_colours/{{n_colors}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_segmentation_colours/{{n_colors}}.tsv"
    wildcard_constraints:
        n_colors=r"\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("kmeans_segmentation_colours"),
    params:
        n_init=SEGMENTATION["n_init"],
        random_state=SEGMENTATION["random_state"],
        code=code_of("kmeans/kmeans_segmentation_colours.py"),
    script:
        "../scripts/kmeans/kmeans_segmentation_colours.py"


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
        figure=in_report("kmeans_segmentation", "image_segmentation.png"),
        metrics=f"{RESULTS}/kmeans_segmentation/metrics.json",
    log:
        f"{RESULTS}/logs/kmeans_segmentation.log",
    benchmark:
        f"{RESULTS}/benchmarks/kmeans_segmentation.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("kmeans_segmentation"),
    params:
        figure_size=SEGMENTATION["figure_size"],
        dpi=DPI,
        code=code_of("kmeans/kmeans_segmentation.py"),
    script:
        "../scripts/kmeans/kmeans_segmentation.py"


rule kmeans:
    input:
        experiment_metrics(category=KMEANS_SECTION),
        rules.choose_k_bad_k.output,
