"""pledgetrack — 공약 반영 추적기.

The engine (:mod:`pledgetrack.engine`) is plain Python; the Django apps
(registry, documents, matching, advocacy, monitor, reports), the CLI and the
web app are thin layers over it.
"""

__version__ = "0.1.0"
