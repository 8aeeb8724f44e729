"""The engine: text, proposals, ingest, match, report. Imports no web framework."""
