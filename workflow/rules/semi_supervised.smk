# Chapter section 2.2.15, "Clustering for semi-supervised learning": the digits with 50
# labels, active learning; then label-budget curves on digits and MNIST (beyond the chapter).

SEMI_SUPERVISED = config["digits_semi_supervised"]
LABEL_BUDGET = config["label_budget"]
DIGITS_ACTIVE_LEARNING = config["digits_active_learning"]
# The clustering of the chapter's study (the preprocessing section's K-Means settings).
CLUSTERING = {
    "n_init": config["digits_preprocessing"]["n_init"],
    "classifier": config["classifier"],
}
SEMI_SUPERVISED_SECTION = "04 Clustering for semi-supervised learning"
BUDGET_SECTION = "05 Label budget, how many labels and which strategy (beyond the chapter)"
EXPERIMENTS.update(
    digits_semi_supervised=Experiment(SEMI_SUPERVISED_SECTION, "1 Few labels"),
    digits_active_learning=Experiment(
        SEMI_SUPERVISED_SECTION, "2 Active learning (beyond the chapter)", "beyond"
    ),
    label_budget_digits=Experiment(BUDGET_SECTION, "Digits", "beyond"),
    label_budget_mnist=Experiment(BUDGET_SECTION, "MNIST", "beyond"),
)


# The settings of label_budget_job per dataset (unpacked into BudgetSettings).
BUDGET_SETTINGS = {
    dataset: {
        "percentile": LABEL_BUDGET["percentile"],
        "one_vs_rest": LABEL_BUDGET[dataset]["one_vs_rest"],
        "max_iter": config["classifier"]["max_iter"],
        "alpha": LABEL_BUDGET["alpha"],
    }
    for dataset in ("digits", "mnist")
}
# Training instances per dataset, at most (the digits' split keeps 75% of 1,797 images).
BUDGET_TRAIN = {"digits": 1797, "mnist": LABEL_BUDGET["mnist"]["n_train"]}
# Files every strategy job of a (dataset, budget) shares: one clustering per seed with one
# cluster per label, and the k-NN graph of the training set, which only depends on the data.
BUDGET_CLUSTERING = f"{RESULTS}/label_budget_{{dataset}}/clusterings/k{{budget}}_seed{{seed}}.npz"
BUDGET_GRAPH = f"{RESULTS}/label_budget_{{dataset}}/knn_graph_{{n_neighbors}}.npz"


rule digits_semi_supervised:
    input:
        split=SPLIT.format(dataset="digits"),
    output:
        representatives=in_report("digits_semi_supervised", "representative_images.png"),
        sweep=in_report("digits_semi_supervised", "percentile_sweep.png"),
        metrics=f"{RESULTS}/digits_semi_supervised/metrics.json",
    log:
        f"{RESULTS}/logs/digits_semi_supervised.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_semi_supervised.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("digits_semi_supervised"),
    params:
        **SEMI_SUPERVISED,
        **CLUSTERING,
        random_state=config["digits_preprocessing"]["random_state"],
        dpi=DPI,
        code=code_of("semi_supervised/digits_semi_supervised.py"),
    script:
        "../scripts/semi_supervised/digits_semi_supervised.py"


REPLICAS["digits_semi_supervised"] = Replica(
    config["digits_preprocessing"]["random_state"],
    "the K-Means initialisation (digits_preprocessing.random_state)",
)


use rule digits_semi_supervised as digits_semi_supervised_replica with:
    output:
        metrics=f"{RESULTS}/seeds/{{seed}}/digits_semi_supervised/metrics.json",
    log:
        f"{RESULTS}/logs/digits_semi_supervised_replica/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_semi_supervised_replica/{{seed}}.tsv"
    params:
        random_state=lambda w: int(w.seed),
        metrics_only=True,
        dpi=None,  # draws no figure


rule digits_active_learning:
    input:
        split=SPLIT.format(dataset="digits"),
    output:
        figure=in_report("digits_active_learning", "active_learning.png"),
        table=f"{RESULTS}/digits_active_learning/rounds.tsv",
        metrics=f"{RESULTS}/digits_active_learning/metrics.json",
    log:
        f"{RESULTS}/logs/digits_active_learning.log",
    benchmark:
        f"{RESULTS}/benchmarks/digits_active_learning.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("digits_active_learning"),
    params:
        **DIGITS_ACTIVE_LEARNING,
        **CLUSTERING,
        n_labels=SEMI_SUPERVISED["n_labels"],
        n_clusters=SEMI_SUPERVISED["n_clusters"],
        cluster_random_state=config["digits_preprocessing"]["random_state"],
        dpi=DPI,
        code=code_of("semi_supervised/digits_active_learning.py"),
    script:
        "../scripts/semi_supervised/digits_active_learning.py"


rule label_budget_clustering:
    input:
        split=SPLIT,
    output:
        clustering=BUDGET_CLUSTERING,
    log:
        f"{RESULTS}/logs/label_budget_clustering/{{dataset}}/{{budget}}/{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/label_budget_clustering/{{dataset}}/{{budget}}/{{seed}}.tsv"
    wildcard_constraints:
        dataset="digits|mnist",
        budget=r"\d+",
        seed=r"\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        # the distances of every training instance to every centroid (float64), held about
        # twice, over some 300 MB of process: 1,176 MB measured at 60,000 x 1,000
        mem_mb=lambda w: with_headroom(300 + 2 * 8 * BUDGET_TRAIN[w.dataset] * int(w.budget) / 1e6),
        runtime=measured("label_budget_clustering")["runtime"],
    params:
        n_init=lambda w: LABEL_BUDGET[w.dataset]["n_init"],
        minibatch=lambda w: LABEL_BUDGET[w.dataset]["minibatch"],
        code=code_of("semi_supervised/label_budget_clustering.py"),
    script:
        "../scripts/semi_supervised/label_budget_clustering.py"


rule label_budget_graph:
    input:
        split=SPLIT,
    output:
        graph=BUDGET_GRAPH,
    log:
        f"{RESULTS}/logs/label_budget_graph/{{dataset}}/{{n_neighbors}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/label_budget_graph/{{dataset}}/{{n_neighbors}}.tsv"
    wildcard_constraints:
        dataset="digits|mnist",
        n_neighbors=r"\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("label_budget_graph"),
    params:
        code=code_of("semi_supervised/label_budget_graph.py"),
    script:
        "../scripts/semi_supervised/label_budget_graph.py"


# One job per (dataset, budget), every strategy and seed inside: adding a budget runs only its
# jobs, and the strategies' fits share a process start.
rule label_budget_job:
    input:
        # every strategy but "random" labels from the clusterings (one per seed); label
        # spreading also runs on the k-NN graph
        clusterings=(
            expand(BUDGET_CLUSTERING, seed=LABEL_BUDGET["seeds"], allow_missing=True)
            if set(LABEL_BUDGET["strategies"]) - {"random"}
            else []
        ),
        graph=(
            BUDGET_GRAPH.format(dataset="{dataset}", n_neighbors=LABEL_BUDGET["n_neighbors"])
            if "label_spreading" in LABEL_BUDGET["strategies"]
            else []
        ),
        split=SPLIT,
    output:
        scores=expand(
            f"{RESULTS}/label_budget_{{dataset}}/runs/{{strategy}}_{{budget}}.json",
            strategy=LABEL_BUDGET["strategies"],
            allow_missing=True,
        ),
    log:
        f"{RESULTS}/logs/label_budget_job/{{dataset}}/{{budget}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/label_budget_job/{{dataset}}/{{budget}}.tsv"
    wildcard_constraints:
        dataset="digits|mnist",
        budget=r"\d+",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("label_budget_job"),
    params:
        strategies=LABEL_BUDGET["strategies"],
        seeds=LABEL_BUDGET["seeds"],
        settings=lambda w: BUDGET_SETTINGS[w.dataset],
        code=code_of("semi_supervised/label_budget_job.py"),
    script:
        "../scripts/semi_supervised/label_budget_job.py"


rule label_budget:
    input:
        split=SPLIT,
        scores=lambda w: expand(
            rules.label_budget_job.output.scores,
            dataset=w.dataset,
            budget=LABEL_BUDGET["budgets"],
        ),
    output:
        figure=in_report("label_budget_{dataset}", "accuracy_vs_labels.png"),
        table=f"{RESULTS}/label_budget_{{dataset}}/accuracy_vs_labels.tsv",
        metrics=f"{RESULTS}/label_budget_{{dataset}}/metrics.json",
    log:
        f"{RESULTS}/logs/label_budget/{{dataset}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/label_budget/{{dataset}}.tsv"
    wildcard_constraints:
        dataset="digits|mnist",
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("label_budget"),
    params:
        one_vs_rest=lambda w: LABEL_BUDGET[w.dataset]["one_vs_rest"],
        max_iter=config["classifier"]["max_iter"],
        random_state=config["classifier"]["random_state"],
        figure_size=LABEL_BUDGET["figure_size"],
        dpi=DPI,
        code=code_of("semi_supervised/label_budget.py"),
    script:
        "../scripts/semi_supervised/label_budget.py"


rule semi_supervised:
    input:
        experiment_metrics(category=SEMI_SUPERVISED_SECTION),
        experiment_metrics(category=BUDGET_SECTION),
