# "Introduction: classification vs clustering": iris species versus Gaussian-mixture clusters.

EXPERIMENTS["iris_gmm"] = "Introduction: classification vs clustering"
IRIS_GMM = config["iris_gmm"]


rule iris_species_plot:
    input:
        **dataset_arrays("iris"),
        code=package_code("iris_species_plot.py"),
    output:
        figure=report(
            f"{RESULTS}/iris_gmm/classification_vs_clustering.png",
            caption="../report/iris_species.rst",
            category=EXPERIMENTS["iris_gmm"],
        ),
    params:
        figure_size=IRIS_GMM["figure_size"],
        dpi=config["figures"]["dpi"],
    log:
        results_log("iris_species_plot"),
    benchmark:
        results_benchmark("iris_species_plot")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/iris_species_plot.py"


rule iris_gmm:
    input:
        **dataset_arrays("iris"),
        code=package_code("iris_gmm.py"),
    output:
        figure=report(
            f"{RESULTS}/iris_gmm/gmm_clusters.png",
            caption="../report/iris_gmm.rst",
            category=EXPERIMENTS["iris_gmm"],
        ),
        metrics=f"{RESULTS}/iris_gmm/metrics.json",
    params:
        n_components=IRIS_GMM["n_components"],
        random_state=IRIS_GMM["random_state"],
        figure_size=IRIS_GMM["figure_size"],
        dpi=config["figures"]["dpi"],
    log:
        results_log("iris_gmm"),
    benchmark:
        results_benchmark("iris_gmm")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/iris_gmm.py"


TARGETS += rules.iris_species_plot.output
