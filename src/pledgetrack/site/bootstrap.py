"""Start Django from the CLI or a script: settings, data folder, migrations."""

from __future__ import annotations

import os

_ready = False


def setup_django(*, migrate: bool = True) -> None:
    """Configure Django once per process and apply pending migrations."""
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pledgetrack.site.settings")
    import django
    from django.conf import settings

    django.setup()
    for folder in (settings.DATA_DIR, settings.FILES_DIR, settings.CACHE_DIR):
        folder.mkdir(parents=True, exist_ok=True)
    if migrate:
        apply_pending_migrations()
    _ready = True


def apply_pending_migrations() -> None:
    """Run ``migrate`` only when something is unapplied (fast on a warm database)."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", verbosity=0, interactive=False)
