"""Chapter sections 2.2.1 to 2.2.13, "K-Means": fit and predict, the algorithm, initialisation,
accelerated and mini-batch K-Means, choosing k, limits, image segmentation."""
