# Chapter section 3, "Gaussian Mixtures", on the ellipsoids: the EM fit, covariance types,
# anomaly detection by density, model selection by BIC and AIC over a grid of (number of
# components, covariance type), Bayesian Gaussian mixtures and the likelihood function; beyond
# the chapter, a contest of anomaly detectors on problems whose anomalies are known.

from unsupervised.core.ranges import int_range, k_chunks

GMM = config["gmm_fit"]
GMM_SELECTION = config["gmm_selection"]
BAYESIAN = config["gmm_bayesian"]
DETECTORS = config["anomaly_detectors"]
GMM_INIT = config["gmm_init_params"]
GMM_MNIST = config["gmm_selection_mnist"]
GMM_LIKELIHOOD = config["gmm_likelihood"]
ELLIPSOIDS = dataset_arrays("ellipsoids")
GMM_SECTION = "07 Gaussian mixtures"
# The mixture every experiment of the section fits (the grid varies k and the covariance).
MIXTURE = {key: GMM[key] for key in ("n_init", "random_state")}
EXPERIMENTS.update(
    gmm_fit=Experiment(GMM_SECTION, "1 EM fit and covariance types"),
    gmm_covariance_types=Experiment(GMM_SECTION, "1 EM fit and covariance types"),
    gmm_anomalies=Experiment(GMM_SECTION, "2 Anomaly detection"),
    gmm_selection=Experiment(GMM_SECTION, "3 Model selection with BIC and AIC"),
    gmm_bayesian=Experiment(GMM_SECTION, "4 Bayesian Gaussian mixtures"),
    gmm_likelihood=Experiment(GMM_SECTION, "5 The likelihood function"),
    anomaly_detectors=Experiment(
        GMM_SECTION, "6 Anomaly detectors compared (beyond the chapter)", "beyond"
    ),
    gmm_init_params=Experiment(
        GMM_SECTION, "7 Initialisation of EM (beyond the chapter)", "beyond"
    ),
    gmm_selection_mnist=Experiment(
        GMM_SECTION, "8 Model selection on MNIST (beyond the chapter)", "beyond"
    ),
)
# The grids of (covariance type, k) run one job per covariance type and chunk of k values.
GMM_CHUNKS = k_chunks(int_range(GMM_SELECTION["k_range"]), GMM_SELECTION["chunk_size"])
GMM_MNIST_CHUNKS = k_chunks(int_range(GMM_MNIST["k_range"]), GMM_MNIST["chunk_size"])
GMM_GRID_FIT = f"{RESULTS}/gmm_selection/fits/{{covariance_type}}_{{chunk}}.json"
GMM_MNIST_FEATURES = {
    name: f"{RESULTS}/gmm_selection_mnist/features/{name}.npy" for name in ("X", "y")
}
GMM_MNIST_GRID_FIT = f"{RESULTS}/gmm_selection_mnist/fits/{{covariance_type}}_{{chunk}}.json"
DETECTOR_RUNS = f"{RESULTS}/anomaly_detectors/runs/{{problem}}/{{detector}}.json"
# The key of each problem that sets a detector's n_components.
PROBLEM_COMPONENTS = {
    "gaussian_mixture": "mixture_components",
    "pca_reconstruction": "reconstruction_components",
}
# Per problem, each detector's settings: its own, and the components the problem sets.
DETECTOR_SETTINGS = {
    problem: {
        detector: {
            **DETECTORS["settings"].get(detector, {}),
            **(
                {"n_components": spec[PROBLEM_COMPONENTS[detector]]}
                if detector in PROBLEM_COMPONENTS
                else {}
            ),
        }
        for detector in DETECTORS["detectors"]
    }
    for problem, spec in DETECTORS["problems"].items()
}
# Each problem's data, and what its figure panel is titled.
DETECTOR_PROBLEMS = {"ellipsoids": ELLIPSOIDS, "mnist": dataset_arrays("mnist")}
DETECTOR_TITLES = {
    "ellipsoids": "Ellipsoids + {anomaly_share:.0%} uniform outliers",
    "mnist": "MNIST: {n_normal:,} images of digit {normal_digit} + {anomaly_share:.0%} other digits",
}


# Seed replicas of the experiments the section's claims rest on: the ellipsoids (and, for the
# Bayesian mixture, the moons) drawn again with each seed of claims.seeds.
ELLIPSOIDS_SEED = config["synthetic"]["ellipsoids"]["random_state"]
SEED_SETS_ELLIPSOIDS = "the ellipsoids sample (synthetic.ellipsoids.random_state)"

GMM_GRID_FIT_REPLICA = (
    f"{RESULTS}/seeds/{{seed}}/gmm_selection/fits/{{covariance_type}}_{{chunk}}.json"
)


rule gmm_fit:
    input:
        **ELLIPSOIDS,
    output:
        figure=in_report("gmm_fit", "gaussian_mixture.png"),
        metrics=f"{RESULTS}/gmm_fit/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_fit.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_fit.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_fit"),
    params:
        **MIXTURE,
        n_components=GMM["n_components"],
        generator=config["synthetic"]["ellipsoids"],
        n_sampled=GMM["n_sampled"],
        integral_grid=GMM["integral_grid"],
        resolution=GMM["resolution"],
        figure_size=GMM["figure_size"],
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_fit.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_fit.py"


REPLICAS["gmm_fit"] = Replica(ELLIPSOIDS_SEED, SEED_SETS_ELLIPSOIDS)


use rule gmm_fit as gmm_fit_replica with:
    input:
        **dataset_arrays("seeds/{seed}/ellipsoids"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/gmm_fit/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_fit_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_fit_replica/{{seed}}.tsv"
    params:
        generator=lambda w: synthetic_spec("ellipsoids", w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


rule gmm_covariance_types:
    input:
        **ELLIPSOIDS,
    output:
        figure=in_report("gmm_covariance_types", "covariance_types.png"),
        table=f"{RESULTS}/gmm_covariance_types/criteria.tsv",
        metrics=f"{RESULTS}/gmm_covariance_types/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_covariance_types.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_covariance_types.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_covariance_types"),
    params:
        **MIXTURE,
        n_components=GMM["n_components"],
        resolution=GMM["resolution"],
        figure_size=GMM["covariance_figure_size"],
        setting_keys={"n_components": "gmm_fit.n_components"},
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_covariance_types.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_covariance_types.py"


rule gmm_anomalies:
    input:
        **ELLIPSOIDS,
    output:
        figure=in_report("gmm_anomalies", "anomalies.png"),
        metrics=f"{RESULTS}/gmm_anomalies/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_anomalies.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_anomalies.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_anomalies"),
    params:
        **MIXTURE,
        n_components=GMM["n_components"],
        generator=config["synthetic"]["ellipsoids"],
        percentile=GMM["anomaly_percentile"],
        resolution=GMM["resolution"],
        figure_size=GMM["figure_size"],
        setting_keys={
            "n_components": "gmm_fit.n_components",
            "percentile": "gmm_fit.anomaly_percentile",
        },
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_anomalies.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_anomalies.py"


REPLICAS["gmm_anomalies"] = Replica(ELLIPSOIDS_SEED, SEED_SETS_ELLIPSOIDS)


use rule gmm_anomalies as gmm_anomalies_replica with:
    input:
        **dataset_arrays("seeds/{seed}/ellipsoids"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/gmm_anomalies/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_anomalies_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_anomalies_replica/{{seed}}.tsv"
    params:
        generator=lambda w: synthetic_spec("ellipsoids", w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


# One job per chunk of k values aligned on multiples of chunk_size, every covariance type
# inside: the grid runs in parallel and widening it runs only the chunks it adds.
rule gmm_selection_fit:
    input:
        **ELLIPSOIDS,
    output:
        fits=expand(
            GMM_GRID_FIT, covariance_type=GMM_SELECTION["covariance_types"], allow_missing=True
        ),
    log:
        f"{RESULTS}/logs/gmm_selection_fit/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_selection_fit/{{chunk}}.tsv"
    wildcard_constraints:
        chunk=r"\d+_\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_selection_fit"),
    params:
        **MIXTURE,
        covariance_types=GMM_SELECTION["covariance_types"],
        ks=lambda w: GMM_CHUNKS[w.chunk],
        setting_keys={"n_components": "gmm_selection.k_range"},
        code=code_of("gaussian_mixtures/gmm_selection_fit.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_selection_fit.py"


use rule gmm_selection_fit as gmm_selection_fit_replica with:
    input:
        **dataset_arrays("seeds/{seed}/ellipsoids"),
    output:
        fits=expand(
            GMM_GRID_FIT_REPLICA,
            covariance_type=GMM_SELECTION["covariance_types"],
            allow_missing=True,
        ),
    log:
        f"{RESULTS}/logs/gmm_selection_fit_replica/{{seed}}/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_selection_fit_replica/{{seed}}/{{chunk}}.tsv"


rule gmm_selection:
    input:
        fits=expand(
            GMM_GRID_FIT, covariance_type=GMM_SELECTION["covariance_types"], chunk=GMM_CHUNKS
        ),
    output:
        figure=in_report("gmm_selection", "bic_aic_vs_k.png"),
        table=f"{RESULTS}/gmm_selection/grid.tsv",
        metrics=f"{RESULTS}/gmm_selection/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_selection.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_selection.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_selection"),
    params:
        covariance_type=GMM_SELECTION["figure_covariance_type"],
        figure_size=GMM_SELECTION["figure_size"],
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_selection.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_selection.py"


REPLICAS["gmm_selection"] = Replica(ELLIPSOIDS_SEED, SEED_SETS_ELLIPSOIDS)


use rule gmm_selection as gmm_selection_replica with:
    input:
        fits=expand(
            GMM_GRID_FIT_REPLICA,
            covariance_type=GMM_SELECTION["covariance_types"],
            chunk=GMM_CHUNKS,
            allow_missing=True,
        ),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/gmm_selection/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_selection_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_selection_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


rule gmm_bayesian:
    input:
        **ELLIPSOIDS,
        moons=dataset_arrays("moons")["X"],
    output:
        figure=in_report("gmm_bayesian", "bayesian_mixture.png"),
        priors=in_report("gmm_bayesian", "concentration_prior.png"),
        moons=in_report("gmm_bayesian", "moons.png"),
        metrics=f"{RESULTS}/gmm_bayesian/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_bayesian.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_bayesian.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_bayesian"),
    params:
        **BAYESIAN,
        generator=config["synthetic"]["ellipsoids"],
        resolution=GMM["resolution"],
        figure_size=GMM["figure_size"],
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_bayesian.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_bayesian.py"


REPLICAS["gmm_bayesian"] = Replica(
    ELLIPSOIDS_SEED,
    "the ellipsoids and moons samples (synthetic.ellipsoids/moons.random_state)",
)


use rule gmm_bayesian as gmm_bayesian_replica with:
    input:
        **dataset_arrays("seeds/{seed}/ellipsoids"),
        moons=dataset_arrays("seeds/{seed}/moons")["X"],
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/gmm_bayesian/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_bayesian_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_bayesian_replica/{{seed}}.tsv"
    params:
        generator=lambda w: synthetic_spec("ellipsoids", w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


rule gmm_likelihood:
    output:
        figure=in_report("gmm_likelihood", "likelihood_function.png"),
        metrics=f"{RESULTS}/gmm_likelihood/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_likelihood.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_likelihood.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_likelihood"),
    params:
        **GMM_LIKELIHOOD,
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_likelihood.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_likelihood.py"


rule gmm_init_params:
    input:
        **ELLIPSOIDS,
    output:
        figure=in_report("gmm_init_params", "iterations_and_likelihood.png"),
        table=f"{RESULTS}/gmm_init_params/runs.tsv",
        metrics=f"{RESULTS}/gmm_init_params/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_init_params.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_init_params.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_init_params"),
    params:
        **GMM_INIT,
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_init_params.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_init_params.py"


REPLICAS["gmm_init_params"] = Replica(ELLIPSOIDS_SEED, SEED_SETS_ELLIPSOIDS)


use rule gmm_init_params as gmm_init_params_replica with:
    input:
        **dataset_arrays("seeds/{seed}/ellipsoids"),
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/gmm_init_params/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_init_params_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_init_params_replica/{{seed}}.tsv"
    params:
        metrics_only=True,
        dpi=None,  # draws no figure


# MNIST on the K-Means section's principal components: a subsample on the leading ones.
rule gmm_selection_mnist_features:
    input:
        X=MNIST_PCA["X"],
        y=dataset_arrays("mnist")["y"],
    output:
        **GMM_MNIST_FEATURES,
    log:
        f"{RESULTS}/logs/gmm_selection_mnist_features.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_selection_mnist_features.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_selection_mnist_features"),
    params:
        dimensions=GMM_MNIST["dimensions"],
        n_samples=GMM_MNIST["n_samples"],
        random_state=GMM_MNIST["sample_random_state"],
        code=code_of("gaussian_mixtures/gmm_selection_mnist_features.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_selection_mnist_features.py"


use rule gmm_selection_fit as gmm_selection_mnist_fit with:
    input:
        X=GMM_MNIST_FEATURES["X"],
    output:
        fits=expand(
            GMM_MNIST_GRID_FIT, covariance_type=GMM_MNIST["covariance_types"], allow_missing=True
        ),
    log:
        f"{RESULTS}/logs/gmm_selection_mnist_fit/{{chunk}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_selection_mnist_fit/{{chunk}}.tsv"
    resources:
        **measured("gmm_selection_mnist_fit"),
    params:
        n_init=GMM_MNIST["n_init"],
        random_state=GMM_MNIST["random_state"],
        covariance_types=GMM_MNIST["covariance_types"],
        ks=lambda w: GMM_MNIST_CHUNKS[w.chunk],
        setting_keys={"n_components": "gmm_selection_mnist.k_range"},


rule gmm_selection_mnist:
    input:
        **GMM_MNIST_FEATURES,
        fits=expand(
            GMM_MNIST_GRID_FIT,
            covariance_type=GMM_MNIST["covariance_types"],
            chunk=GMM_MNIST_CHUNKS,
        ),
    output:
        figure=in_report("gmm_selection_mnist", "bic_aic_vs_k.png"),
        table=f"{RESULTS}/gmm_selection_mnist/grid.tsv",
        metrics=f"{RESULTS}/gmm_selection_mnist/metrics.json",
    log:
        f"{RESULTS}/logs/gmm_selection_mnist.log",
    benchmark:
        f"{RESULTS}/benchmarks/gmm_selection_mnist.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gmm_selection_mnist"),
    params:
        covariance_type=GMM_MNIST["figure_covariance_type"],
        n_init=GMM_MNIST["n_init"],
        random_state=GMM_MNIST["random_state"],
        figure_size=GMM_SELECTION["figure_size"],
        dpi=DPI,
        code=code_of("gaussian_mixtures/gmm_selection_mnist.py"),
    script:
        "../scripts/gaussian_mixtures/gmm_selection_mnist.py"


# One job per problem, every detector and seed inside: a detector's fits take less time than
# starting a job, and changing a problem reruns only its job.
rule anomaly_detectors_job:
    input:
        unpack(lambda w: DETECTOR_PROBLEMS[w.problem]),
    output:
        runs=expand(DETECTOR_RUNS, detector=DETECTORS["detectors"], allow_missing=True),
    log:
        f"{RESULTS}/logs/anomaly_detectors_job/{{problem}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/anomaly_detectors_job/{{problem}}.tsv"
    wildcard_constraints:
        problem="|".join(DETECTOR_PROBLEMS),
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("anomaly_detectors_job"),
    params:
        spec=lambda w: DETECTORS["problems"][w.problem],
        detectors=lambda w: DETECTOR_SETTINGS[w.problem],
        seeds=DETECTORS["seeds"],
        percentile=DETECTORS["percentile"],
        setting_keys=lambda w: {
            "n_normal": f"anomaly_detectors.problems.{w.problem}.n_normal",
            "anomaly_share": f"anomaly_detectors.problems.{w.problem}.anomaly_share",
            **{
                f"{detector}.n_components": f"anomaly_detectors.problems.{w.problem}.{key}"
                for detector, key in PROBLEM_COMPONENTS.items()
            },
        },
        code=code_of("gaussian_mixtures/anomaly_detectors_job.py"),
    script:
        "../scripts/gaussian_mixtures/anomaly_detectors_job.py"


rule anomaly_detectors:
    input:
        runs=expand(DETECTOR_RUNS, problem=DETECTOR_PROBLEMS, detector=DETECTORS["detectors"]),
    output:
        figure=in_report("anomaly_detectors", "detectors.png"),
        table=f"{RESULTS}/anomaly_detectors/detectors.tsv",
        metrics=f"{RESULTS}/anomaly_detectors/metrics.json",
    log:
        f"{RESULTS}/logs/anomaly_detectors.log",
    benchmark:
        f"{RESULTS}/benchmarks/anomaly_detectors.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("anomaly_detectors"),
    params:
        titles={
            problem: title.format(**DETECTORS["problems"][problem])
            for problem, title in DETECTOR_TITLES.items()
        },
        percentile=DETECTORS["percentile"],
        figure_size=DETECTORS["figure_size"],
        dpi=DPI,
        code=code_of("gaussian_mixtures/anomaly_detectors.py"),
    script:
        "../scripts/gaussian_mixtures/anomaly_detectors.py"


rule gaussian_mixtures:
    input:
        experiment_metrics(category=GMM_SECTION),
