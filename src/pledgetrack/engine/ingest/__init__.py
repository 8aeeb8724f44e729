"""Ingest: one module per format, each turning a file into an :class:`~pledgetrack.engine.types.Extraction`."""
