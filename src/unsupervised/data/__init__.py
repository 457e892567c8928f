"""The datasets: downloads, preparation into X.npy/y.npy, train/test splits and PCA features."""
