# Helpers shared by all the rule files. Paths, the package code a script uses, registries.
import os

from unsupervised.code_deps import module_files
from unsupervised.ranges import int_range, k_chunks

DATA = config["data_dir"]
RESULTS = config["results_dir"]
SCRIPTS = os.path.join(workflow.basedir, "workflow", "scripts")
# Threads of a job that must run alone (timing): Snakemake lowers it to the --cores given.
ALL_CORES = 1024
# Software of every rule for `--sdm conda` (relative to the rule files).
ENV = "../envs/pipeline.yaml"

MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte.gz",
    "train_labels": "train-labels-idx1-ubyte.gz",
    "test_images": "t10k-images-idx3-ubyte.gz",
    "test_labels": "t10k-labels-idx1-ubyte.gz",
}
# Datasets built without a download: scikit-learn's bundled sets and the synthetic ones.
GENERATED = ["digits", "iris", *config["synthetic"]]

# Filled in by each experiment's file of rules. TARGETS: outputs the default target asks for.
# EXPERIMENTS: for each experiment (the prefix of its metric names), the chapter section it
# reproduces, which is also its report category.
TARGETS = []
EXPERIMENTS = {}


def package_code(script):
    """The package modules workflow/scripts/`script` imports, transitively: rule inputs, so
    that editing the scientific code reruns the rules that use it."""
    paths = module_files(os.path.join(SCRIPTS, script))
    return [os.path.relpath(path) for path in paths]


def dataset_arrays(name):
    return {"X": f"{DATA}/{name}/X.npy", "y": f"{DATA}/{name}/y.npy"}


DATASETS = [
    *dataset_arrays("mnist").values(),
    *dataset_arrays("olivetti").values(),
    f"{DATA}/raw/ladybug/ladybug.png",
    *(path for name in GENERATED for path in dataset_arrays(name).values()),
]


# K-Means section.
DPI = config["figures"]["dpi"]
RESOLUTION = config["kmeans_fit"]["resolution"]
BLOBS = dataset_arrays("blobs")
CHOOSE_K = config["choose_k"]
SEGMENTATION = config["kmeans_segmentation"]


def choose_k_features(wildcards):
    if wildcards.dataset == "mnist":
        return {"X": f"{RESULTS}/choose_k_mnist/pca/X.npy", "y": f"{DATA}/mnist/y.npy"}
    return dataset_arrays(wildcards.dataset)


def choose_k_fits(dataset, ks):
    return [f"{RESULTS}/choose_k_{dataset}/k/{k}.npz" for k in ks]


def segmentation_image():
    return SEGMENTATION["image"] or f"{DATA}/raw/ladybug/ladybug.png"


# Preprocessing and semi-supervised section.
PREPROCESSING = config["digits_preprocessing"]
K_SEARCH = config["digits_k_search"]
SEMI_SUPERVISED = config["digits_semi_supervised"]
LABEL_BUDGET = config["label_budget"]
DIGITS_SPLIT = f"{RESULTS}/splits/digits.npz"
K_CHUNKS = k_chunks(int_range(K_SEARCH["k_range"]), K_SEARCH["chunk_size"])


def budget_settings(dataset):
    """The settings of label_budget_job for one dataset (unpacked into BudgetSettings)."""
    per_dataset = LABEL_BUDGET[dataset]
    return {
        "percentile": LABEL_BUDGET["percentile"],
        "n_init": per_dataset["n_init"],
        "minibatch": per_dataset["minibatch"],
        "one_vs_rest": per_dataset["one_vs_rest"],
        "max_iter": config["classifier"]["max_iter"],
        "n_neighbors": LABEL_BUDGET["n_neighbors"],
        "alpha": LABEL_BUDGET["alpha"],
    }


def remote_file(wildcards):
    return config["datasets"][wildcards.dataset]["files"][wildcards.filename]


def data_log(name):
    return f"{DATA}/logs/{name}.log"


def data_benchmark(name):
    return f"{DATA}/benchmarks/{name}.tsv"


def results_log(name):
    return f"{RESULTS}/logs/{name}.log"


def results_benchmark(name):
    return f"{RESULTS}/benchmarks/{name}.tsv"
