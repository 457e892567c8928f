"""Chapter section 2.2.15, "Clustering for semi-supervised learning", and the label-budget
curves beyond it."""
