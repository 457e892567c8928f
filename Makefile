# Set-up and everyday commands. `make run` and `make test` create the virtual environment
# (.venv) on first use, from requirements.txt: every package pinned with its sha256 hashes,
# installed as it is (--require-hashes --no-deps). `make lock` regenerates it.
#   DATA_MIRROR=DIR  read datasets from a local folder laid out as <dataset>/<file>
#   CORES=N          cores for Snakemake (default: all of this machine's, from
#                    profiles/default/config.v9+.yaml)
#   REGRESS=default  check the default configuration's baseline instead of config/ci.yaml's
#   CONFIG="K=V ..." config values set over the config files (Snakemake's --config), e.g.
#                    CONFIG="results_dir=results-ms 'dbscan={min_samples: 4}'"
#   CONFIGFILE=FILE  a config file merged over config/config.yaml (Snakemake's --configfile)
#   RUNS="A B ..."   the results folders `make compare` sets side by side
#   REV=REVISION     the git revision (tag, branch, commit) `make run-revision` runs
#   ARGS="..."       more arguments of `make compare` (--all, --markdown, --json) and of
#                    `make lock` (--upgrade)

PYTHON ?= python3
CORES ?=
REGRESS ?= ci
CONFIG ?=
CONFIGFILE ?=
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
export PYTHONPATH := $(CURDIR)/src
export DATA_MIRROR
# Lifts the lock a hard-killed run left (only when no Snakemake runs here), then runs Snakemake;
# profiles/default/ makes it rerun the jobs that were cut short.
SNAKEMAKE := $(BIN)/python -m unsupervised.core.stale_lock && \
	$(BIN)/snakemake $(if $(CORES),--cores $(CORES)) \
	$(if $(CONFIGFILE),--configfile $(CONFIGFILE)) \
	$(if $(DATA_MIRROR)$(CONFIG),--config $(if $(DATA_MIRROR),data_mirror=$(abspath $(DATA_MIRROR))) $(CONFIG))

ifeq ($(REGRESS),ci)
REGRESS_CONFIG := --configfile config/ci.yaml
REGRESS_RESULTS := results-ci
else ifeq ($(REGRESS),default)
REGRESS_CONFIG :=
REGRESS_RESULTS := results
else
$(error REGRESS must be ci or default, not '$(REGRESS)')
endif

.PHONY: run test test-slurm regress baseline compare run-revision lock report results-doc dag \
	clean-results

# Named after requirements.txt's checksum: a changed lock makes a new environment, a
# rewritten but unchanged one (make lock) does not.
$(STAMP):
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements.txt
	touch $@

run: $(STAMP)
	$(SNAKEMAKE)

test: $(STAMP)
	$(BIN)/pytest

# The CI configuration on a single-node Slurm started on this machine (needs root; installs
# Debian's Slurm and requirements-slurm.txt when missing). `make test` includes it under root.
test-slurm: $(STAMP)
	$(BIN)/pytest -m slurm tests/slurm

# Run the pipeline with the chosen configuration and compare its metrics with the baseline.
regress: $(STAMP)
	$(SNAKEMAKE) $(REGRESS_CONFIG)
	$(BIN)/python -m unsupervised.reporting.baseline $(REGRESS_RESULTS)/metrics.json tests/baseline/$(REGRESS).json

# Refresh the baseline on purpose, after checking that the new numbers are right.
baseline: $(STAMP)
	$(SNAKEMAKE) $(REGRESS_CONFIG)
	$(BIN)/python -m unsupervised.reporting.baseline $(REGRESS_RESULTS)/metrics.json tests/baseline/$(REGRESS).json --update

# Runs side by side: the parameters, metrics, claims' verdicts and figures that differ
# (compare.html), e.g. make compare RUNS="results results-eps". ARGS: --all, --markdown, --json.
compare: $(STAMP)
	$(if $(word 2,$(RUNS)),,$(error give two results folders or more: make compare RUNS="results results-eps"))
	$(BIN)/python -m unsupervised.reporting.compare $(RUNS) $(ARGS)

# Another revision of the workflow run in a git worktree of its own (.revisions/REV: its own
# pinned environment and datasets), its results in results-REV here: then
# make compare RUNS="results-REV results". CONFIG, CONFIGFILE, CORES and DATA_MIRROR apply.
run-revision:
	$(if $(REV),,$(error give the revision: make run-revision REV=<tag, branch or commit>))
	commit=$$(git rev-parse --verify '$(REV)^{commit}') && \
	if [ -d '.revisions/$(REV)' ]; then git -C '.revisions/$(REV)' checkout -q --detach $$commit; \
	else git worktree add -q --detach '.revisions/$(REV)' $$commit; fi
	$(MAKE) -C '.revisions/$(REV)' run $(if $(DATA_MIRROR),DATA_MIRROR=$(abspath $(DATA_MIRROR))) \
		CONFIG="results_dir=$(CURDIR)/results-$(REV) $(CONFIG)"

# The locks from the direct dependencies (requirements.in, requirements-slurm.in), on
# purpose: after changing a pin there (ARGS=--upgrade also moves every unpinned package to its
# newest release). Then check that the numbers still hold: make regress, make regress
# REGRESS=default.
LOCK := $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 \
	--custom-compile-command "make lock" $(ARGS)
lock: $(STAMP)
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-slurm.in --constraint requirements.txt -o requirements-slurm.txt

report: $(STAMP)
	$(SNAKEMAKE)
	$(BIN)/snakemake --report results/report.html

# docs/results.md from an up-to-date default run: its summary and claims, no number by hand.
results-doc: $(STAMP)
	$(SNAKEMAKE)
	$(BIN)/python -m unsupervised.reporting.results_doc results docs/results.md

# The rule graph as a figure (needs Graphviz's `dot`).
dag: $(STAMP)
	$(BIN)/snakemake --rulegraph | dot -Tsvg > docs/rulegraph.svg

clean-results:
	rm -rf results results-ci
