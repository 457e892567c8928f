# Chapter section 3, "Gaussian Mixtures", on the ellipsoids: the EM fit, covariance types,
# anomaly detection by density, and model selection by BIC and AIC over a grid of
# (number of components, covariance type).

GMM = config["gaussian_mixture"]
GMM_SELECTION = config["gmm_selection"]
ELLIPSOIDS = dataset_arrays("ellipsoids")
GMM_SECTION = "06 Gaussian mixtures"
# The mixture every experiment of the section fits (the grid varies k and the covariance).
MIXTURE = {key: GMM[key] for key in ("n_init", "random_state")}
EXPERIMENTS.update(
    gmm_fit=Experiment(GMM_SECTION, "1 EM fit and covariance types"),
    gmm_covariance_types=Experiment(GMM_SECTION, "1 EM fit and covariance types"),
    gmm_anomalies=Experiment(GMM_SECTION, "2 Anomaly detection"),
    gmm_selection=Experiment(GMM_SECTION, "3 Model selection with BIC and AIC"),
)
GMM_GRID_FIT = f"{RESULTS}/gmm_selection/fits/{{covariance_type}}_{{k}}.json"


rule gmm_fit:
    input:
        **ELLIPSOIDS,
    output:
        figure=figure(f"{RESULTS}/gmm_fit/gaussian_mixture.png", "gmm_fit", "gmm_fit"),
        metrics=f"{RESULTS}/gmm_fit/metrics.json",
    params:
        code=code_version("gaussian_mixtures/gmm_fit.py"),
        **MIXTURE,
        n_components=GMM["n_components"],
        generator=config["synthetic"]["ellipsoids"],
        n_sampled=GMM["n_sampled"],
        integral_grid=GMM["integral_grid"],
        resolution=GMM["resolution"],
        figure_size=GMM["figure_size"],
        dpi=DPI,
        setting_keys={"n_components": "gaussian_mixture.n_components"},
    log:
        results_log("gmm_fit"),
    benchmark:
        results_benchmark("gmm_fit")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/gaussian_mixtures/gmm_fit.py"


rule gmm_covariance_types:
    input:
        **ELLIPSOIDS,
    output:
        figure=figure(f"{RESULTS}/gmm_covariance_types/covariance_types.png",
                      "gmm_covariance_types", "gmm_covariance_types"),
        table=f"{RESULTS}/gmm_covariance_types/criteria.tsv",
        metrics=f"{RESULTS}/gmm_covariance_types/metrics.json",
    params:
        code=code_version("gaussian_mixtures/gmm_covariance_types.py"),
        **MIXTURE,
        n_components=GMM["n_components"],
        resolution=GMM["resolution"],
        figure_size=GMM["covariance_figure_size"],
        dpi=DPI,
        setting_keys={"n_components": "gaussian_mixture.n_components"},
    log:
        results_log("gmm_covariance_types"),
    benchmark:
        results_benchmark("gmm_covariance_types")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/gaussian_mixtures/gmm_covariance_types.py"


rule gmm_anomalies:
    input:
        **ELLIPSOIDS,
    output:
        figure=figure(f"{RESULTS}/gmm_anomalies/anomalies.png", "gmm_anomalies",
                      "gmm_anomalies"),
        metrics=f"{RESULTS}/gmm_anomalies/metrics.json",
    params:
        code=code_version("gaussian_mixtures/gmm_anomalies.py"),
        **MIXTURE,
        n_components=GMM["n_components"],
        generator=config["synthetic"]["ellipsoids"],
        percentile=GMM["anomaly_percentile"],
        resolution=GMM["resolution"],
        figure_size=GMM["figure_size"],
        dpi=DPI,
        setting_keys={"n_components": "gaussian_mixture.n_components",
                      "percentile": "gaussian_mixture.anomaly_percentile"},
    log:
        results_log("gmm_anomalies"),
    benchmark:
        results_benchmark("gmm_anomalies")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/gaussian_mixtures/gmm_anomalies.py"


# One job per (covariance type, k): the grid runs in parallel and widening it runs only the
# new points.
rule gmm_grid_fit:
    input:
        **ELLIPSOIDS,
    output:
        fit=GMM_GRID_FIT,
    params:
        code=code_version("gaussian_mixtures/gmm_grid_fit.py"),
        **MIXTURE,
        setting_keys={"n_components": "gmm_selection.k_range"},
    wildcard_constraints:
        covariance_type="full|tied|spherical|diag",
        k=r"\d+",
    log:
        results_log("gmm_grid_fit/{covariance_type}_{k}"),
    benchmark:
        results_benchmark("gmm_grid_fit/{covariance_type}_{k}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/gaussian_mixtures/gmm_grid_fit.py"


rule gmm_model_selection:
    input:
        fits=expand(GMM_GRID_FIT, covariance_type=GMM_SELECTION["covariance_types"],
                    k=int_range(GMM_SELECTION["k_range"])),
    output:
        figure=figure(f"{RESULTS}/gmm_selection/bic_aic_vs_k.png", "gmm_selection",
                      "gmm_selection"),
        table=f"{RESULTS}/gmm_selection/grid.tsv",
        metrics=f"{RESULTS}/gmm_selection/metrics.json",
    params:
        code=code_version("gaussian_mixtures/gmm_model_selection.py"),
        covariance_type=GMM_SELECTION["figure_covariance_type"],
        figure_size=GMM_SELECTION["figure_size"],
        dpi=DPI,
    log:
        results_log("gmm_model_selection"),
    benchmark:
        results_benchmark("gmm_model_selection")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/gaussian_mixtures/gmm_model_selection.py"


rule gaussian_mixtures:
    input:
        experiment_metrics(category=GMM_SECTION),
