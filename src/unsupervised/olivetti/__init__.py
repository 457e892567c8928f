"""Exercises 10 to 13 of the chapter, on the Olivetti faces: clustering, clustering as
preprocessing for a classifier, a Gaussian mixture and PCA as anomaly detectors."""
