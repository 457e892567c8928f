# "Using clustering for preprocessing" and "for semi-supervised learning": digits as in the
# chapter, then label-budget curves on digits and MNIST.

EXPERIMENTS.update(
    digits_preprocessing="Clustering for preprocessing",
    digits_k_search="Clustering for preprocessing",
    digits_semi_supervised="Clustering for semi-supervised learning",
    digits_active_learning="Clustering for semi-supervised learning",
    label_budget_digits="Label budget: how many labels, which strategy (beyond the chapter)",
    label_budget_mnist="Label budget: how many labels, which strategy (beyond the chapter)",
)


rule ssl_split:
    input:
        unpack(lambda w: dataset_arrays(w.dataset)),
        code=package_code("ssl_split.py"),
    output:
        split=f"{RESULTS}/splits/{{dataset}}.npz",
    params:
        split_random_state=PREPROCESSING["split_random_state"],
        train_rows=lambda w: LABEL_BUDGET[w.dataset].get("train_rows"),
        n_train=lambda w: LABEL_BUDGET[w.dataset].get("n_train"),
        pca_variance=lambda w: LABEL_BUDGET[w.dataset].get("pca_variance"),
    wildcard_constraints:
        dataset="digits|mnist",
    log:
        results_log("ssl_split/{dataset}"),
    benchmark:
        results_benchmark("ssl_split/{dataset}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/ssl_split.py"


rule digits_preprocessing:
    input:
        split=DIGITS_SPLIT,
        code=package_code("digits_preprocessing.py"),
    output:
        metrics=f"{RESULTS}/digits_preprocessing/metrics.json",
    params:
        k=PREPROCESSING["k"],
        n_init=PREPROCESSING["n_init"],
        random_state=PREPROCESSING["random_state"],
        classifier=config["classifier"],
    log:
        results_log("digits_preprocessing"),
    benchmark:
        results_benchmark("digits_preprocessing")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/digits_preprocessing.py"


# One job per chunk of k values; the folds are fixed by cv_random_state, so every job scores
# every k on the same folds and nothing is fitted twice.
rule digits_k_search_chunk:
    input:
        split=DIGITS_SPLIT,
        code=package_code("digits_k_search_chunk.py"),
    output:
        scores=f"{RESULTS}/digits_k_search/k/{{chunk}}.json",
    params:
        ks=lambda w: K_CHUNKS[w.chunk],
        cv_folds=K_SEARCH["cv_folds"],
        cv_random_state=K_SEARCH["cv_random_state"],
        n_init=PREPROCESSING["n_init"],
        random_state=PREPROCESSING["random_state"],
        classifier=config["classifier"],
    wildcard_constraints:
        chunk=r"\d+_\d+",
    log:
        results_log("digits_k_search_chunk/{chunk}"),
    benchmark:
        results_benchmark("digits_k_search_chunk/{chunk}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/digits_k_search_chunk.py"


rule digits_k_search_report:
    input:
        split=DIGITS_SPLIT,
        chunks=expand(rules.digits_k_search_chunk.output.scores, chunk=K_CHUNKS),
        code=package_code("digits_k_search_report.py"),
    output:
        figure=report(
            f"{RESULTS}/digits_k_search/cv_accuracy_vs_k.png",
            caption="../report/digits_k_search.rst",
            category=EXPERIMENTS["digits_k_search"],
        ),
        metrics=f"{RESULTS}/digits_k_search/metrics.json",
    params:
        cv_folds=K_SEARCH["cv_folds"],
        cv_random_state=K_SEARCH["cv_random_state"],
        n_init=PREPROCESSING["n_init"],
        random_state=PREPROCESSING["random_state"],
        classifier=config["classifier"],
        figure_size=K_SEARCH["figure_size"],
        dpi=DPI,
    log:
        results_log("digits_k_search_report"),
    benchmark:
        results_benchmark("digits_k_search_report")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/digits_k_search_report.py"


rule digits_semi_supervised:
    input:
        split=DIGITS_SPLIT,
        code=package_code("digits_semi_supervised.py"),
    output:
        representatives=report(
            f"{RESULTS}/digits_semi_supervised/representative_images.png",
            caption="../report/digits_representatives.rst",
            category=EXPERIMENTS["digits_semi_supervised"],
        ),
        sweep=report(
            f"{RESULTS}/digits_semi_supervised/percentile_sweep.png",
            caption="../report/digits_percentile_sweep.rst",
            category=EXPERIMENTS["digits_semi_supervised"],
        ),
        metrics=f"{RESULTS}/digits_semi_supervised/metrics.json",
    params:
        **SEMI_SUPERVISED,
        n_init=PREPROCESSING["n_init"],
        random_state=PREPROCESSING["random_state"],
        classifier=config["classifier"],
        dpi=DPI,
    log:
        results_log("digits_semi_supervised"),
    benchmark:
        results_benchmark("digits_semi_supervised")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/digits_semi_supervised.py"


rule digits_active_learning:
    input:
        split=DIGITS_SPLIT,
        code=package_code("digits_active_learning.py"),
    output:
        figure=report(
            f"{RESULTS}/digits_active_learning/active_learning.png",
            caption="../report/digits_active_learning.rst",
            category=EXPERIMENTS["digits_active_learning"],
        ),
        table=f"{RESULTS}/digits_active_learning/rounds.tsv",
        metrics=f"{RESULTS}/digits_active_learning/metrics.json",
    params:
        **config["digits_active_learning"],
        n_labels=SEMI_SUPERVISED["n_labels"],
        n_clusters=SEMI_SUPERVISED["n_clusters"],
        n_init=PREPROCESSING["n_init"],
        cluster_random_state=PREPROCESSING["random_state"],
        classifier=config["classifier"],
        dpi=DPI,
    log:
        results_log("digits_active_learning"),
    benchmark:
        results_benchmark("digits_active_learning")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/digits_active_learning.py"


# One job per (dataset, strategy, budget), every seed inside: the grid runs in parallel and
# adding a budget runs only its jobs.
rule label_budget_job:
    input:
        split=f"{RESULTS}/splits/{{dataset}}.npz",
        code=package_code("label_budget_job.py"),
    output:
        scores=f"{RESULTS}/label_budget_{{dataset}}/runs/{{strategy}}_{{budget}}.json",
    params:
        seeds=LABEL_BUDGET["seeds"],
        settings=lambda w: budget_settings(w.dataset),
    wildcard_constraints:
        dataset="digits|mnist",
        strategy="|".join(LABEL_BUDGET["strategies"]),
        budget=r"\d+",
    log:
        results_log("label_budget_job/{dataset}/{strategy}_{budget}"),
    benchmark:
        results_benchmark("label_budget_job/{dataset}/{strategy}_{budget}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/label_budget_job.py"


rule label_budget_report:
    input:
        split=f"{RESULTS}/splits/{{dataset}}.npz",
        scores=lambda w: expand(
            rules.label_budget_job.output.scores,
            dataset=w.dataset,
            strategy=LABEL_BUDGET["strategies"],
            budget=LABEL_BUDGET["budgets"],
        ),
        code=package_code("label_budget_report.py"),
    output:
        figure=report(
            f"{RESULTS}/label_budget_{{dataset}}/accuracy_vs_labels.png",
            caption="../report/label_budget.rst",
            category=EXPERIMENTS["label_budget_digits"],
            subcategory="{dataset}",
        ),
        table=f"{RESULTS}/label_budget_{{dataset}}/accuracy_vs_labels.tsv",
        metrics=f"{RESULTS}/label_budget_{{dataset}}/metrics.json",
    params:
        one_vs_rest=lambda w: LABEL_BUDGET[w.dataset]["one_vs_rest"],
        max_iter=config["classifier"]["max_iter"],
        random_state=config["classifier"]["random_state"],
        figure_size=LABEL_BUDGET["figure_size"],
        dpi=DPI,
    wildcard_constraints:
        dataset="digits|mnist",
    log:
        results_log("label_budget_report/{dataset}"),
    benchmark:
        results_benchmark("label_budget_report/{dataset}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/label_budget_report.py"


rule semi_supervised:
    input:
        expand(f"{RESULTS}/{{experiment}}/metrics.json",
               experiment=[name for name in EXPERIMENTS if name.startswith(("digits", "label"))]),
