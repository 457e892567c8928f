# Chapter section 2.1, "Introduction: classification vs clustering": iris species versus
# Gaussian-mixture clusters.

IRIS_GMM = config["iris_gmm"]
EXPERIMENTS["iris_gmm"] = Experiment("01 Classification vs clustering", "Iris")


rule iris_gmm_species:
    input:
        **dataset_arrays("iris"),
    output:
        figure=in_report("iris_gmm", "classification_vs_clustering.png"),
    log:
        f"{RESULTS}/logs/iris_gmm_species.log",
    benchmark:
        f"{RESULTS}/benchmarks/iris_gmm_species.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("iris_gmm_species"),
    params:
        figure_size=IRIS_GMM["figure_size"],
        dpi=DPI,
        code=code_of("introduction/iris_gmm_species.py"),
    script:
        "../scripts/introduction/iris_gmm_species.py"


rule iris_gmm:
    input:
        **dataset_arrays("iris"),
    output:
        figure=in_report("iris_gmm", "gmm_clusters.png"),
        metrics=f"{RESULTS}/iris_gmm/metrics.json",
    log:
        f"{RESULTS}/logs/iris_gmm.log",
    benchmark:
        f"{RESULTS}/benchmarks/iris_gmm.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("iris_gmm"),
    params:
        **IRIS_GMM,
        dpi=DPI,
        code=code_of("introduction/iris_gmm.py"),
    script:
        "../scripts/introduction/iris_gmm.py"


REPLICAS["iris_gmm"] = Replica(
    IRIS_GMM["random_state"], "the mixture's initialisation (iris_gmm.random_state)"
)


use rule iris_gmm as iris_gmm_replica with:
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/iris_gmm/metrics.json",
    log:
        f"{RESULTS}/logs/iris_gmm_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/iris_gmm_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure
