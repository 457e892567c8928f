"""Scientific code of the unsupervised-learning pipeline: pure, typed functions."""
