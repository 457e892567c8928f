# Chapter section 2.1, "Introduction: classification vs clustering": iris species versus
# Gaussian-mixture clusters.

IRIS_GMM = config["iris_gmm"]
EXPERIMENTS["iris_gmm"] = Experiment("01 Classification vs clustering", "Iris")


rule iris_gmm_species:
    input:
        **dataset_arrays("iris"),
    output:
        **results_in(
            "iris_gmm",
            figure=figure("classification_vs_clustering.png"),
        ),
    params:
        figure_size=IRIS_GMM["figure_size"],
    script:
        STEP


rule iris_gmm:
    input:
        **dataset_arrays("iris"),
    output:
        **results_in(
            "iris_gmm",
            figure=figure("gmm_clusters.png"),
            metrics="metrics.json",
        ),
    params:
        **IRIS_GMM,
    script:
        STEP


REPLICAS["iris_gmm"] = Replica(
    IRIS_GMM["random_state"], "the mixture's initialisation (iris_gmm.random_state)"
)


use rule iris_gmm as iris_gmm_replica with:
    output:
        metrics=replica_path("iris_gmm"),
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,


FIGURES["chapter"] += rules.iris_gmm_species.output
