"""Data migration: the roles 관리자 / 편집자 / 열람자 as Django groups with their permissions."""

from typing import Any

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps: Any, schema_editor: Any) -> None:
    from pledgetrack.site.roles import ensure_roles

    # Permissions are normally created after all migrations (post_migrate); make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("advocacy", "0001_initial"),
        ("registry", "0001_initial"),
        ("documents", "0001_initial"),
        ("matching", "0001_initial"),
        ("monitor", "0001_initial"),
        ("audit", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
