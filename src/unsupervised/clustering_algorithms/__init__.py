"""Chapter sections 2.3 and 2.4, "DBSCAN" and "Other Clustering Algorithms": DBSCAN's core,
border and noise instances, classifying new instances from its cores, spectral and
agglomerative clustering, the course notes' experiments, and how to choose eps."""
