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


# On a cluster, downloads run on the submitting host: compute nodes often have no internet.
localrules:
    download,
    download_clustbench,


rule download:
    output:
        f"{DATA}/raw/{{dataset}}/{{filename}}",
    params:
        urls=lambda w: config["datasets"][w.dataset]["files"][w.filename]["urls"],
        sha256=lambda w: config["datasets"][w.dataset]["files"][w.filename]["sha256"],
    script:
        STEP


rule download_clustbench:
    input:
        manifest=CLUSTBENCH_MANIFEST,
    output:
        bundle=CLUSTBENCH_BATTERY,
    wildcard_constraints:
        battery="|".join(CLUSTBENCH["batteries"]),
    params:
        datasets=lambda w: CLUSTBENCH["batteries"][w.battery],
        urls=CLUSTBENCH["urls"],
    script:
        STEP


rule prepare_mnist:
    input:
        **{key: f"{DATA}/raw/mnist/{name}" for key, name in MNIST_FILES.items()},
    output:
        **dataset_arrays("mnist"),
    script:
        STEP


rule prepare_olivetti:
    input:
        mat=f"{DATA}/raw/olivetti/olivettifaces.mat",
    output:
        **dataset_arrays("olivetti"),
    params:
        array_sha256=config["datasets"]["olivetti"]["array_sha256"],
    script:
        STEP


rule make_dataset:
    output:
        **dataset_arrays("{dataset}"),
    wildcard_constraints:
        dataset="|".join(GENERATED),
    params:
        spec=lambda w: config["synthetic"].get(w.dataset, {}),
    script:
        STEP


# A synthetic set drawn again with another random state, for the seed replicas of the
# experiments on it.
use rule make_dataset as make_dataset_replica with:
    output:
        **replica_arrays("{dataset}"),
    wildcard_constraints:
        dataset="|".join(config["synthetic"]),
    params:
        spec=lambda w: synthetic_spec(w.dataset, w.seed),


rule splits:
    input:
        unpack(lambda w: dataset_arrays(w.dataset)),
    output:
        split=SPLIT,
    wildcard_constraints:
        dataset="|".join(SPLITS),
    params:
        **{key: (lambda w, key=key: SPLITS[w.dataset][key]) for key in SPLITS["digits"]},
    script:
        STEP


rule datasets:
    input:
        DATASETS,
