"""Every section's claims, in the chapter's order. Light to import: the Snakefile checks them
at start-up."""

from unsupervised.clustering_algorithms.claims import CLAIMS as CLUSTERING_ALGORITHMS
from unsupervised.gaussian_mixtures.claims import CLAIMS as GAUSSIAN_MIXTURES
from unsupervised.introduction.claims import CLAIMS as INTRODUCTION
from unsupervised.kmeans.claims import CLAIMS as KMEANS
from unsupervised.olivetti.claims import CLAIMS as OLIVETTI
from unsupervised.preprocessing.claims import CLAIMS as PREPROCESSING
from unsupervised.semi_supervised.claims import CLAIMS as SEMI_SUPERVISED

CLAIMS = (
    *INTRODUCTION,
    *KMEANS,
    *PREPROCESSING,
    *SEMI_SUPERVISED,
    *CLUSTERING_ALGORITHMS,
    *GAUSSIAN_MIXTURES,
    *OLIVETTI,
)
