# Chapter section 2.2.14, "Using clustering for preprocessing": the digits classified from
# their distances to K-Means centroids, and the number of clusters searched by cross-validation.

from unsupervised.core.ranges import int_range, k_chunks

PREPROCESSING = config["digits_preprocessing"]
K_SEARCH = config["digits_k_search"]
K_CHUNKS = k_chunks(int_range(K_SEARCH["k_range"]), K_SEARCH["chunk_size"])
# The K-Means that makes the features, and the classifier, of every job of the section.
FEATURES = {
    "n_init": PREPROCESSING["n_init"],
    "random_state": PREPROCESSING["random_state"],
    "classifier": config["classifier"],
}
EXPERIMENTS.update(
    digits_preprocessing=Experiment("03 Clustering for preprocessing", "Digits"),
    digits_k_search=Experiment("03 Clustering for preprocessing", "Digits"),
)


# Seed replicas: the K-Means initialisation of the features changes, the split and the
# folds do not.
SEED_SETS_KMEANS = "the K-Means initialisation (digits_preprocessing.random_state)"


rule digits_preprocessing:
    input:
        split=SPLIT.format(dataset="digits"),
    output:
        metrics=f"{RESULTS}/digits_preprocessing/metrics.json",
    log:
        f"{RESULTS}/logs/digits_preprocessing.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_preprocessing.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("digits_preprocessing"),
    params:
        **FEATURES,
        k=PREPROCESSING["k"],
        code=code_of("preprocessing/digits_preprocessing.py"),
    script:
        "../scripts/preprocessing/digits_preprocessing.py"


REPLICAS["digits_preprocessing"] = Replica(PREPROCESSING["random_state"], SEED_SETS_KMEANS)


use rule digits_preprocessing as digits_preprocessing_replica with:
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/digits_preprocessing/metrics.json",
    log:
        f"{RESULTS}/logs/digits_preprocessing_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_preprocessing_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,


# One job per chunk of k values; the folds are fixed by cv_random_state, so every job scores
# every k on the same folds and nothing is fitted twice.
rule digits_k_search_chunk:
    input:
        split=SPLIT.format(dataset="digits"),
    output:
        scores=f"{RESULTS}/digits_k_search/k/{{chunk}}.json",
    log:
        f"{RESULTS}/logs/digits_k_search_chunk/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_k_search_chunk/{{chunk}}.tsv"
    wildcard_constraints:
        chunk=r"\d+_\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("digits_k_search_chunk"),
    params:
        **FEATURES,
        ks=lambda w: K_CHUNKS[w.chunk],
        cv_folds=K_SEARCH["cv_folds"],
        cv_random_state=K_SEARCH["cv_random_state"],
        code=code_of("preprocessing/digits_k_search_chunk.py"),
    script:
        "../scripts/preprocessing/digits_k_search_chunk.py"


use rule digits_k_search_chunk as digits_k_search_chunk_replica with:
    output:
        scores=f"{RESULTS}/seeds/{{seed}}/digits_k_search/k/{{chunk}}.json",
    log:
        f"{RESULTS}/logs/digits_k_search_chunk_replica/{{seed}}/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_k_search_chunk_replica/{{seed}}/{{chunk}}.tsv"
    params:
        random_state=lambda w: int(w.seed),


rule digits_k_search:
    input:
        split=SPLIT.format(dataset="digits"),
        chunks=expand(rules.digits_k_search_chunk.output.scores, chunk=K_CHUNKS),
    output:
        figure=in_report("digits_k_search", "cv_accuracy_vs_k.png"),
        metrics=f"{RESULTS}/digits_k_search/metrics.json",
    log:
        f"{RESULTS}/logs/digits_k_search.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_k_search.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("digits_k_search"),
    params:
        **FEATURES,
        cv_folds=K_SEARCH["cv_folds"],
        cv_random_state=K_SEARCH["cv_random_state"],
        figure_size=K_SEARCH["figure_size"],
        dpi=DPI,
        code=code_of("preprocessing/digits_k_search.py"),
    script:
        "../scripts/preprocessing/digits_k_search.py"


REPLICAS["digits_k_search"] = Replica(PREPROCESSING["random_state"], SEED_SETS_KMEANS)


use rule digits_k_search as digits_k_search_replica with:
    input:
        split=SPLIT.format(dataset="digits"),
        chunks=expand(
            rules.digits_k_search_chunk_replica.output.scores, chunk=K_CHUNKS, allow_missing=True
        ),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/digits_k_search/metrics.json",
    log:
        f"{RESULTS}/logs/digits_k_search_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_k_search_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


rule preprocessing:
    input:
        experiment_metrics(category=EXPERIMENTS["digits_preprocessing"].category),
