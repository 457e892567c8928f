# The chapter's exercises 10 to 13, on the Olivetti faces: one stratified split and PCA that
# every exercise reads; K-Means over k (exercise 10) and its clusters as features of a random
# forest (exercise 11), from one fit per k; a Gaussian mixture that generates faces and scores
# altered ones (exercise 12), and the PCA's reconstruction error of those (exercise 13).

from unsupervised.core.ranges import int_range, k_chunks

FACES_SETUP = config["olivetti_faces"]
FACES_CLUSTERING = config["olivetti_clustering"]
ALTERED = config["olivetti_altered"]
FACES_MIXTURE = config["olivetti_mixture"]
FACES = f"{RESULTS}/olivetti_faces/faces.npz"
FACES_CHUNKS = k_chunks(int_range(FACES_CLUSTERING["k_range"]),
                        FACES_CLUSTERING["chunk_size"])
FACES_CHUNK = f"{RESULTS}/olivetti_clustering/chunks/{{chunk}}.json"
OLIVETTI_SECTION = "08 The Olivetti faces (exercises)"
EXPERIMENTS.update(
    olivetti_faces=Experiment(OLIVETTI_SECTION, "1 The split and the principal components"),
    olivetti_clustering=Experiment(OLIVETTI_SECTION, "2 Exercise 10: clustering the faces"),
    olivetti_classifier=Experiment(
        OLIVETTI_SECTION, "3 Exercise 11: clustering as preprocessing"),
    olivetti_mixture=Experiment(OLIVETTI_SECTION, "4 Exercise 12: a Gaussian mixture of faces"),
    olivetti_reconstruction=Experiment(
        OLIVETTI_SECTION, "5 Exercise 13: PCA's reconstruction error"),
)
SPLIT_SETTINGS = ("test_size", "valid_size", "test_random_state", "valid_random_state",
                  "pca_variance")


rule olivetti_split:
    input:
        **dataset_arrays("olivetti"),
    output:
        faces=FACES,
    params:
        code=code_version("olivetti/olivetti_split.py"),
        **{key: FACES_SETUP[key] for key in SPLIT_SETTINGS},
        setting_keys={key: f"olivetti_faces.{key}" for key in ("test_size", "valid_size")},
    log:
        results_log("olivetti_split"),
    benchmark:
        results_benchmark("olivetti_split")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/olivetti/olivetti_split.py"


rule olivetti_faces:
    input:
        faces=FACES,
    output:
        figure=figure(f"{RESULTS}/olivetti_faces/eigenfaces.png", "olivetti_faces",
                      "olivetti_faces"),
        metrics=f"{RESULTS}/olivetti_faces/metrics.json",
    params:
        code=code_version("olivetti/olivetti_faces.py"),
        eigenfaces=FACES_SETUP["eigenfaces"],
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
    log:
        results_log("olivetti_faces"),
    benchmark:
        results_benchmark("olivetti_faces")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/olivetti/olivetti_faces.py"


# One job per chunk of k values (aligned on multiples of chunk_size): K-Means fitted once per
# k serves both exercises, its silhouette and its features for the forest.
rule olivetti_kmeans_chunk:
    input:
        faces=FACES,
    output:
        runs=FACES_CHUNK,
    params:
        code=code_version("olivetti/olivetti_kmeans_chunk.py"),
        ks=lambda w: FACES_CHUNKS[w.chunk],
        n_init=FACES_CLUSTERING["n_init"],
        random_state=FACES_CLUSTERING["random_state"],
        forest=FACES_CLUSTERING["forest"],
        setting_keys={"k_range": "olivetti_clustering.k_range"},
    wildcard_constraints:
        chunk=r"\d+_\d+",
    log:
        results_log("olivetti_kmeans_chunk/{chunk}"),
    benchmark:
        results_benchmark("olivetti_kmeans_chunk/{chunk}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/olivetti/olivetti_kmeans_chunk.py"


rule olivetti_clustering:
    input:
        faces=FACES,
        runs=expand(FACES_CHUNK, chunk=FACES_CHUNKS),
    output:
        sweep=figure(f"{RESULTS}/olivetti_clustering/sweep.png", "olivetti_sweep",
                     "olivetti_clustering"),
        clusters=figure(f"{RESULTS}/olivetti_clustering/clusters.png", "olivetti_clusters",
                        "olivetti_clustering"),
        table=f"{RESULTS}/olivetti_clustering/sweep.tsv",
        metrics=f"{RESULTS}/olivetti_clustering/metrics.json",
    params:
        code=code_version("olivetti/olivetti_clustering.py"),
        clusters_shown=FACES_CLUSTERING["clusters_shown"],
        faces_per_cluster=FACES_CLUSTERING["faces_per_cluster"],
        figure_size=FACES_CLUSTERING["figure_size"],
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
    log:
        results_log("olivetti_clustering"),
    benchmark:
        results_benchmark("olivetti_clustering")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/olivetti/olivetti_clustering.py"


rule olivetti_classifier:
    input:
        faces=FACES,
        runs=expand(FACES_CHUNK, chunk=FACES_CHUNKS),
    output:
        figure=figure(f"{RESULTS}/olivetti_classifier/accuracy_vs_k.png",
                      "olivetti_classifier", "olivetti_classifier"),
        choices=f"{RESULTS}/olivetti_classifier/choices.tsv",
        table=f"{RESULTS}/olivetti_classifier/accuracy_vs_k.tsv",
        metrics=f"{RESULTS}/olivetti_classifier/metrics.json",
    params:
        code=code_version("olivetti/olivetti_classifier.py"),
        n_init=FACES_CLUSTERING["n_init"],
        random_state=FACES_CLUSTERING["random_state"],
        forest=FACES_CLUSTERING["forest"],
        figure_size=FACES_CLUSTERING["classifier_figure_size"],
        dpi=DPI,
    log:
        results_log("olivetti_classifier"),
    benchmark:
        results_benchmark("olivetti_classifier")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/olivetti/olivetti_classifier.py"


rule olivetti_mixture:
    input:
        faces=FACES,
    output:
        generated=figure(f"{RESULTS}/olivetti_mixture/generated.png", "olivetti_generated",
                         "olivetti_mixture"),
        altered=figure(f"{RESULTS}/olivetti_mixture/altered.png", "olivetti_altered",
                       "olivetti_mixture"),
        metrics=f"{RESULTS}/olivetti_mixture/metrics.json",
    params:
        code=code_version("olivetti/olivetti_mixture.py"),
        **FACES_MIXTURE,
        altered=ALTERED["counts"],
        darken_factor=ALTERED["darken_factor"],
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
        setting_keys={"n_components": "olivetti_mixture.n_components"},
    log:
        results_log("olivetti_mixture"),
    benchmark:
        results_benchmark("olivetti_mixture")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/olivetti/olivetti_mixture.py"


rule olivetti_reconstruction:
    input:
        faces=FACES,
    output:
        figure=figure(f"{RESULTS}/olivetti_reconstruction/reconstructions.png",
                      "olivetti_reconstruction", "olivetti_reconstruction"),
        metrics=f"{RESULTS}/olivetti_reconstruction/metrics.json",
    params:
        code=code_version("olivetti/olivetti_reconstruction.py"),
        altered=ALTERED["counts"],
        darken_factor=ALTERED["darken_factor"],
        panel_size=FACES_SETUP["panel_size"],
        dpi=DPI,
    log:
        results_log("olivetti_reconstruction"),
    benchmark:
        results_benchmark("olivetti_reconstruction")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/olivetti/olivetti_reconstruction.py"


rule olivetti:
    input:
        experiment_metrics(category=OLIVETTI_SECTION),
