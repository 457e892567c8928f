# "K-Means" (chapter sections 2.2.1-2.2.13): fit and predict, the algorithm, initialisation,
# accelerated and mini-batch K-Means, choosing k, limits, image segmentation.

EXPERIMENTS.update(
    kmeans_fit="K-Means: fit and predict, hard and soft clustering",
    kmeans_steps="K-Means: the algorithm step by step",
    kmeans_init="K-Means: initialisation and variability",
    kmeans_speed="K-Means: accelerated and mini-batch K-Means",
    kmeans_minibatch="K-Means: accelerated and mini-batch K-Means",
    kmeans_minibatch_vs_k="K-Means: accelerated and mini-batch K-Means",
    choose_k_blobs="K-Means: choosing the number of clusters",
    choose_k_mnist="K-Means: choosing the number of clusters (MNIST, beyond the chapter)",
    kmeans_limits="K-Means: limits",
    kmeans_segmentation="K-Means: image segmentation",
)
rule kmeans_fit:
    input:
        **BLOBS,
        code=package_code("kmeans_fit.py"),
    output:
        data_figure=report(
            f"{RESULTS}/kmeans_fit/blobs.png",
            caption="../report/kmeans_blobs.rst",
            category=EXPERIMENTS["kmeans_fit"],
        ),
        voronoi=report(
            f"{RESULTS}/kmeans_fit/voronoi.png",
            caption="../report/kmeans_voronoi.rst",
            category=EXPERIMENTS["kmeans_fit"],
        ),
        centroids=f"{RESULTS}/kmeans_fit/centroids.tsv",
        new_points=f"{RESULTS}/kmeans_fit/new_points.tsv",
        metrics=f"{RESULTS}/kmeans_fit/metrics.json",
    params:
        **config["kmeans_fit"],
        true_centers=config["synthetic"]["blobs"]["centers"],
        dpi=DPI,
    log:
        results_log("kmeans_fit"),
    benchmark:
        results_benchmark("kmeans_fit")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/kmeans_fit.py"


rule kmeans_steps:
    input:
        **BLOBS,
        code=package_code("kmeans_steps.py"),
    output:
        figure=report(
            f"{RESULTS}/kmeans_steps/kmeans_algorithm.png",
            caption="../report/kmeans_steps.rst",
            category=EXPERIMENTS["kmeans_steps"],
        ),
        metrics=f"{RESULTS}/kmeans_steps/metrics.json",
    params:
        **config["kmeans_steps"],
        k=config["kmeans_fit"]["k"],
        resolution=RESOLUTION,
        dpi=DPI,
    log:
        results_log("kmeans_steps"),
    benchmark:
        results_benchmark("kmeans_steps")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/kmeans_steps.py"


rule kmeans_init:
    input:
        **BLOBS,
        code=package_code("kmeans_init.py"),
    output:
        variability=report(
            f"{RESULTS}/kmeans_init/variability.png",
            caption="../report/kmeans_variability.rst",
            category=EXPERIMENTS["kmeans_init"],
        ),
        distribution=report(
            f"{RESULTS}/kmeans_init/inertia_distribution.png",
            caption="../report/kmeans_init_distribution.rst",
            category=EXPERIMENTS["kmeans_init"],
        ),
        metrics=f"{RESULTS}/kmeans_init/metrics.json",
    params:
        **config["kmeans_init"],
        k=config["kmeans_fit"]["k"],
        resolution=RESOLUTION,
        dpi=DPI,
    log:
        results_log("kmeans_init"),
    benchmark:
        results_benchmark("kmeans_init")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/kmeans_init.py"


# Timing rules take every core (ALL_CORES) so that no other job runs while they measure.
rule kmeans_speed:
    input:
        blobs_X=BLOBS["X"],
        blobs_y=BLOBS["y"],
        mnist_X=f"{DATA}/mnist/X.npy",
        mnist_y=f"{DATA}/mnist/y.npy",
        code=package_code("kmeans_speed.py"),
    output:
        figure=report(
            f"{RESULTS}/kmeans_speed/elkan_vs_lloyd.png",
            caption="../report/kmeans_speed.rst",
            category=EXPERIMENTS["kmeans_speed"],
        ),
        metrics=f"{RESULTS}/kmeans_speed/metrics.json",
    params:
        **config["kmeans_speed"],
        blobs_k=config["kmeans_fit"]["k"],
        dpi=DPI,
    log:
        results_log("kmeans_speed"),
    benchmark:
        results_benchmark("kmeans_speed")
    threads: ALL_CORES
    conda:
        ENV
    script:
        "../scripts/kmeans_speed.py"


rule kmeans_minibatch:
    input:
        blobs_X=BLOBS["X"],
        blobs_y=BLOBS["y"],
        mnist_X=f"{DATA}/mnist/X.npy",
        mnist_y=f"{DATA}/mnist/y.npy",
        code=package_code("kmeans_minibatch.py"),
    output:
        metrics=f"{RESULTS}/kmeans_minibatch/metrics.json",
    params:
        **config["kmeans_minibatch"],
        kmeans_n_init=config["kmeans_fit"]["n_init"],
    log:
        results_log("kmeans_minibatch"),
    benchmark:
        results_benchmark("kmeans_minibatch")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/kmeans_minibatch.py"


rule kmeans_minibatch_vs_k:
    input:
        **BLOBS,
        code=package_code("kmeans_minibatch_vs_k.py"),
    output:
        figure=report(
            f"{RESULTS}/kmeans_minibatch_vs_k/minibatch_vs_kmeans.png",
            caption="../report/kmeans_minibatch_vs_k.rst",
            category=EXPERIMENTS["kmeans_minibatch_vs_k"],
        ),
        table=f"{RESULTS}/kmeans_minibatch_vs_k/inertia_and_time.tsv",
        metrics=f"{RESULTS}/kmeans_minibatch_vs_k/metrics.json",
    params:
        **config["kmeans_minibatch_vs_k"],
        dpi=DPI,
    log:
        results_log("kmeans_minibatch_vs_k"),
    benchmark:
        results_benchmark("kmeans_minibatch_vs_k")
    threads: ALL_CORES
    conda:
        ENV
    script:
        "../scripts/kmeans_minibatch_vs_k.py"


rule mnist_pca:
    input:
        **dataset_arrays("mnist"),
        code=package_code("mnist_pca.py"),
    output:
        X=f"{RESULTS}/choose_k_mnist/pca/X.npy",
        info=f"{RESULTS}/choose_k_mnist/pca/info.json",
    params:
        variance=CHOOSE_K["mnist"]["pca_variance"],
    log:
        results_log("mnist_pca"),
    benchmark:
        results_benchmark("mnist_pca")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/mnist_pca.py"


# One job per (dataset, k): `--cores N` runs the sweep in parallel, and widening k_range runs
# only the new values.
rule choose_k_fit:
    input:
        unpack(choose_k_features),
        code=package_code("choose_k_fit.py"),
    output:
        fit=f"{RESULTS}/choose_k_{{dataset}}/k/{{k}}.npz",
    params:
        estimator=lambda w: CHOOSE_K[w.dataset]["estimator"],
        n_init=lambda w: CHOOSE_K[w.dataset]["n_init"],
        batch_size=lambda w: CHOOSE_K[w.dataset]["batch_size"],
        random_state=lambda w: CHOOSE_K[w.dataset]["random_state"],
        silhouette_sample=lambda w: CHOOSE_K[w.dataset]["silhouette_sample"],
    wildcard_constraints:
        dataset="blobs|mnist",
        k=r"\d+",
    log:
        results_log("choose_k_fit/{dataset}/{k}"),
    benchmark:
        results_benchmark("choose_k_fit/{dataset}/{k}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/choose_k_fit.py"


rule choose_k_report:
    input:
        unpack(choose_k_features),
        fits=lambda w: choose_k_fits(w.dataset, int_range(CHOOSE_K[w.dataset]["k_range"])),
        pca=lambda w: rules.mnist_pca.output.info if w.dataset == "mnist" else [],
        code=package_code("choose_k_report.py"),
    output:
        inertia=report(
            f"{RESULTS}/choose_k_{{dataset}}/inertia_vs_k.png",
            caption="../report/choose_k_inertia.rst",
            category="K-Means: choosing the number of clusters",
            subcategory="{dataset}",
        ),
        silhouette=report(
            f"{RESULTS}/choose_k_{{dataset}}/silhouette_vs_k.png",
            caption="../report/choose_k_silhouette.rst",
            category="K-Means: choosing the number of clusters",
            subcategory="{dataset}",
        ),
        diagrams=report(
            f"{RESULTS}/choose_k_{{dataset}}/silhouette_diagrams.png",
            caption="../report/choose_k_diagrams.rst",
            category="K-Means: choosing the number of clusters",
            subcategory="{dataset}",
        ),
        metrics=f"{RESULTS}/choose_k_{{dataset}}/metrics.json",
    params:
        random_state=lambda w: CHOOSE_K[w.dataset]["random_state"],
        silhouette_sample=lambda w: CHOOSE_K[w.dataset]["silhouette_sample"],
        diagram_k=lambda w: CHOOSE_K[w.dataset]["diagram_k"],
        report_k=lambda w: CHOOSE_K[w.dataset]["report_k"],
        figure_size=CHOOSE_K["figure_size"],
        diagram_size=CHOOSE_K["diagram_size"],
        dpi=DPI,
    wildcard_constraints:
        dataset="blobs|mnist",
    log:
        results_log("choose_k_report/{dataset}"),
    benchmark:
        results_benchmark("choose_k_report/{dataset}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/choose_k_report.py"


rule kmeans_bad_k:
    input:
        X=BLOBS["X"],
        fits=choose_k_fits("blobs", CHOOSE_K["blobs"]["bad_k"]),
        code=package_code("kmeans_bad_k.py"),
    output:
        figure=report(
            f"{RESULTS}/choose_k_blobs/bad_k.png",
            caption="../report/kmeans_bad_k.rst",
            category="K-Means: choosing the number of clusters",
            subcategory="blobs",
        ),
    params:
        resolution=RESOLUTION,
        figure_size=config["kmeans_limits"]["figure_size"],
        dpi=DPI,
    log:
        results_log("kmeans_bad_k"),
    benchmark:
        results_benchmark("kmeans_bad_k")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/kmeans_bad_k.py"


rule kmeans_limits:
    input:
        **dataset_arrays("ellipsoids"),
        code=package_code("kmeans_limits.py"),
    output:
        figure=report(
            f"{RESULTS}/kmeans_limits/bad_kmeans.png",
            caption="../report/kmeans_limits.rst",
            category=EXPERIMENTS["kmeans_limits"],
        ),
        metrics=f"{RESULTS}/kmeans_limits/metrics.json",
    params:
        **config["kmeans_limits"],
        resolution=RESOLUTION,
        dpi=DPI,
    log:
        results_log("kmeans_limits"),
    benchmark:
        results_benchmark("kmeans_limits")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/kmeans_limits.py"


rule segment_image:
    input:
        image=segmentation_image(),
        code=package_code("segment_image.py"),
    output:
        image=f"{RESULTS}/kmeans_segmentation/colors/{{n_colors}}.npy",
        stats=f"{RESULTS}/kmeans_segmentation/colors/{{n_colors}}.json",
    params:
        n_init=SEGMENTATION["n_init"],
        random_state=SEGMENTATION["random_state"],
    wildcard_constraints:
        n_colors=r"\d+",
    log:
        results_log("segment_image/{n_colors}"),
    benchmark:
        results_benchmark("segment_image/{n_colors}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/segment_image.py"


rule segmentation_report:
    input:
        image=segmentation_image(),
        images=expand(rules.segment_image.output.image, n_colors=SEGMENTATION["n_colors"]),
        stats=expand(rules.segment_image.output.stats, n_colors=SEGMENTATION["n_colors"]),
        code=package_code("segmentation_report.py"),
    output:
        figure=report(
            f"{RESULTS}/kmeans_segmentation/image_segmentation.png",
            caption="../report/kmeans_segmentation.rst",
            category=EXPERIMENTS["kmeans_segmentation"],
        ),
        metrics=f"{RESULTS}/kmeans_segmentation/metrics.json",
    params:
        figure_size=SEGMENTATION["figure_size"],
        dpi=DPI,
    log:
        results_log("segmentation_report"),
    benchmark:
        results_benchmark("segmentation_report")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/segmentation_report.py"


TARGETS += rules.kmeans_bad_k.output


rule kmeans:
    input:
        expand(f"{RESULTS}/{{experiment}}/metrics.json",
               experiment=[name for name in EXPERIMENTS if name.startswith(("kmeans", "choose_k"))]),
        rules.kmeans_bad_k.output,
