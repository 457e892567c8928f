# Datasets: downloads (URL or local mirror, sha256-checked), their preparation into
# X.npy/y.npy, the clustering benchmark suite's batteries, scikit-learn's bundled sets, the
# chapter's synthetic sets, and the train/test splits the classification experiments share.

MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte.gz",
    "train_labels": "train-labels-idx1-ubyte.gz",
    "test_images": "t10k-images-idx3-ubyte.gz",
    "test_labels": "t10k-labels-idx1-ubyte.gz",
}
# Datasets built without a download: scikit-learn's bundled sets and the synthetic ones.
GENERATED = ["digits", "iris", *config["synthetic"]]
# The clustering benchmark suite: one bundle of checked datasets per battery (format it with
# battery=...), from the files workflow/clustbench.sha256 lists.
CLUSTBENCH = config["datasets"]["clustbench"]
CLUSTBENCH_MANIFEST = os.path.join(workflow.basedir, "workflow", "clustbench.sha256")
CLUSTBENCH_BATTERY = f"{DATA}/clustbench/{{battery}}.npz"
check_selection(CLUSTBENCH_MANIFEST, CLUSTBENCH["batteries"], "datasets.clustbench.batteries")
DATASETS = [
    *dataset_arrays("mnist").values(),
    *dataset_arrays("olivetti").values(),
    f"{DATA}/raw/ladybug/ladybug.png",
    *(path for name in GENERATED for path in dataset_arrays(name).values()),
    *expand(CLUSTBENCH_BATTERY, battery=CLUSTBENCH["batteries"]),
]
# How each classification dataset is split: digits as in the chapter, MNIST by its rows.
SPLITS = {
    "digits": {
        "split_random_state": config["digits_preprocessing"]["split_random_state"],
        "train_rows": None,
        "n_train": None,
        "pca_variance": None,
    },
    "mnist": {
        "split_random_state": config["digits_preprocessing"]["split_random_state"],
        **{
            key: config["label_budget"]["mnist"][key]
            for key in ("train_rows", "n_train", "pca_variance")
        },
    },
}


# The split of one dataset that its experiments share (format it with dataset=...).
SPLIT = f"{RESULTS}/splits/{{dataset}}.npz"
# MNIST on the principal components that keep choose_k.mnist.pca_variance of its variance,
# which the K-Means sweep, the scaling study and the mixtures' grid cluster (written by
# choose_k_mnist_pca).
MNIST_PCA = {"X": f"{RESULTS}/choose_k_mnist/pca/X.npy", "y": f"{DATA}/mnist/y.npy"}


# On a cluster, downloads run on the submitting host: compute nodes often have no internet.
localrules:
    download,
    download_clustbench,


rule download:
    output:
        f"{DATA}/raw/{{dataset}}/{{filename}}",
    log:
        f"{DATA}/logs/download/{{dataset}}/{{filename}}.log",
    benchmark:
        f"{DATA}/benchmarks/download/{{dataset}}/{{filename}}.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("download"),
    params:
        urls=lambda w: config["datasets"][w.dataset]["files"][w.filename]["urls"],
        sha256=lambda w: config["datasets"][w.dataset]["files"][w.filename]["sha256"],
        code=code_of("datasets/download.py"),
    script:
        "../scripts/datasets/download.py"


rule download_clustbench:
    input:
        manifest=CLUSTBENCH_MANIFEST,
    output:
        bundle=CLUSTBENCH_BATTERY,
    log:
        f"{DATA}/logs/download_clustbench/{{battery}}.log",
    benchmark:
        f"{DATA}/benchmarks/download_clustbench/{{battery}}.tsv"
    wildcard_constraints:
        battery="|".join(CLUSTBENCH["batteries"]),
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("download_clustbench"),
    params:
        datasets=lambda w: CLUSTBENCH["batteries"][w.battery],
        urls=CLUSTBENCH["urls"],
        code=code_of("datasets/download_clustbench.py"),
    script:
        "../scripts/datasets/download_clustbench.py"


rule prepare_mnist:
    input:
        **{key: f"{DATA}/raw/mnist/{name}" for key, name in MNIST_FILES.items()},
    output:
        **dataset_arrays("mnist"),
    log:
        f"{DATA}/logs/prepare_mnist.log",
    benchmark:
        f"{DATA}/benchmarks/prepare_mnist.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("prepare_mnist"),
    params:
        code=code_of("datasets/prepare_mnist.py"),
    script:
        "../scripts/datasets/prepare_mnist.py"


rule prepare_olivetti:
    input:
        mat=f"{DATA}/raw/olivetti/olivettifaces.mat",
    output:
        **dataset_arrays("olivetti"),
    log:
        f"{DATA}/logs/prepare_olivetti.log",
    benchmark:
        f"{DATA}/benchmarks/prepare_olivetti.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("prepare_olivetti"),
    params:
        array_sha256=config["datasets"]["olivetti"]["array_sha256"],
        code=code_of("datasets/prepare_olivetti.py"),
    script:
        "../scripts/datasets/prepare_olivetti.py"


rule make_dataset:
    output:
        **dataset_arrays("{dataset}"),
    log:
        f"{DATA}/logs/make_dataset/{{dataset}}.log",
    benchmark:
        f"{DATA}/benchmarks/make_dataset/{{dataset}}.tsv"
    wildcard_constraints:
        dataset="|".join(GENERATED),
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("make_dataset"),
    params:
        spec=lambda w: config["synthetic"].get(w.dataset, {}),
        code=code_of("datasets/make_dataset.py"),
    script:
        "../scripts/datasets/make_dataset.py"


# A synthetic set drawn again with another random state, for the seed replicas of the
# experiments on it.
use rule make_dataset as make_dataset_replica with:
    output:
        **dataset_arrays("seeds/{seed}/{dataset}"),
    log:
        f"{DATA}/logs/make_dataset_replica/{{seed}}/{{dataset}}.log",
    benchmark:
        f"{DATA}/benchmarks/make_dataset_replica/{{seed}}/{{dataset}}.tsv"
    wildcard_constraints:
        dataset="|".join(config["synthetic"]),
    params:
        spec=lambda w: synthetic_spec(w.dataset, w.seed),


rule splits:
    input:
        unpack(lambda w: dataset_arrays(w.dataset)),
    output:
        split=SPLIT,
    log:
        f"{RESULTS}/logs/splits/{{dataset}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/splits/{{dataset}}.tsv"
    wildcard_constraints:
        dataset="|".join(SPLITS),
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("splits"),
    params:
        **{key: (lambda w, key=key: SPLITS[w.dataset][key]) for key in SPLITS["digits"]},
        code=code_of("datasets/splits.py"),
    script:
        "../scripts/datasets/splits.py"


rule datasets:
    input:
        DATASETS,
