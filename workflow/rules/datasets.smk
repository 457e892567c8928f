# Datasets: downloads (URL or local mirror, sha256-checked), their preparation into
# X.npy/y.npy, scikit-learn's bundled sets and the chapter's synthetic sets.



rule download:
    output:
        f"{DATA}/raw/{{dataset}}/{{filename}}",
    params:
        urls=lambda w: remote_file(w)["urls"],
        sha256=lambda w: remote_file(w)["sha256"],
    log:
        data_log("download/{dataset}/{filename}"),
    benchmark:
        data_benchmark("download/{dataset}/{filename}")
    threads: 1
    conda:
        ENV
    input:
        code=package_code("download.py"),
    script:
        "../scripts/download.py"


rule prepare_mnist:
    input:
        **{key: f"{DATA}/raw/mnist/{name}" for key, name in MNIST_FILES.items()},
        code=package_code("prepare_mnist.py"),
    output:
        **dataset_arrays("mnist"),
    log:
        data_log("prepare_mnist"),
    benchmark:
        data_benchmark("prepare_mnist")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/prepare_mnist.py"


rule prepare_olivetti:
    input:
        mat=f"{DATA}/raw/olivetti/olivettifaces.mat",
        code=package_code("prepare_olivetti.py"),
    output:
        **dataset_arrays("olivetti"),
    params:
        array_sha256=config["datasets"]["olivetti"]["array_sha256"],
    log:
        data_log("prepare_olivetti"),
    benchmark:
        data_benchmark("prepare_olivetti")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/prepare_olivetti.py"


rule make_dataset:
    input:
        code=package_code("make_dataset.py"),
    output:
        **dataset_arrays("{dataset}"),
    params:
        spec=lambda w: config["synthetic"].get(w.dataset, {}),
    wildcard_constraints:
        dataset="|".join(GENERATED),
    log:
        data_log("make_dataset/{dataset}"),
    benchmark:
        data_benchmark("make_dataset/{dataset}")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/make_dataset.py"


rule datasets:
    input:
        DATASETS,
