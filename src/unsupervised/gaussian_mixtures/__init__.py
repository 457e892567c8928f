"""Chapter section 3, "Gaussian Mixtures": the EM fit, covariance types, anomaly detection
by density and model selection by BIC and AIC."""
