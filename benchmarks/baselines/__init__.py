"""Support code for ``benchmarks.quality``: evaluation sets, corpus loading, metrics and baselines."""
