"""The three roles (Django groups) and the model permissions each one holds.

관리자 (admin) may do everything, 편집자 (editor) reviews cells, keeps the advocacy log and
uploads documents, 열람자 (viewer) only looks. Permissions are Django model permissions;
views and the API check them for every object they touch.
"""

from __future__ import annotations

from typing import Any

ADMIN = "관리자"
EDITOR = "편집자"
VIEWER = "열람자"
ROLES: tuple[str, ...] = (ADMIN, EDITOR, VIEWER)

APP_MODELS: dict[str, tuple[str, ...]] = {
    "registry": ("campaign", "actor", "actoralias", "proposal"),
    "documents": ("source", "document", "passage"),
    "matching": ("matchrun", "matchcell"),
    "advocacy": ("meeting", "followup", "officeday", "budgetask"),
    "monitor": ("watchedsource", "alert"),
    "audit": ("auditentry",),
}
EDITOR_EXTRA: tuple[str, ...] = (
    "matching.change_matchcell",
    "documents.add_document",
    "documents.add_source",
    *(
        f"advocacy.{action}_{model}"
        for model in APP_MODELS["advocacy"]
        for action in ("add", "change", "delete")
    ),
    "monitor.change_alert",
    "monitor.add_watchedsource",
)
ADMIN_EXTRA: tuple[str, ...] = (
    "auth.view_user",
    "auth.add_user",
    "auth.change_user",
    "auth.view_group",
    "authtoken.view_token",
    "authtoken.add_token",
    "authtoken.delete_token",
)


def role_permissions() -> dict[str, set[str]]:
    """``{role: {"app.codename", …}}`` for the three roles."""
    view = {f"{app}.view_{model}" for app, models in APP_MODELS.items() for model in models}
    every = {
        f"{app}.{action}_{model}"
        for app, models in APP_MODELS.items()
        for model in models
        for action in ("add", "change", "delete", "view")
        if not (app == "audit" and action in ("change", "delete"))
    }
    return {VIEWER: view, EDITOR: view | set(EDITOR_EXTRA), ADMIN: every | set(ADMIN_EXTRA)}


def ensure_roles(apps: Any = None) -> None:
    """Create or update the three groups with exactly their permissions (idempotent)."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, perms in role_permissions().items():
        group, _ = group_model.objects.get_or_create(name=role)
        wanted = []
        for perm in sorted(perms):
            app_label, codename = perm.split(".", 1)
            found = permission_model.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is not None:
                wanted.append(found)
        group.permissions.set(wanted)


def user_role(user: Any) -> str:
    """The highest role a user holds ('' if none); a superuser is 관리자."""
    if getattr(user, "is_superuser", False):
        return ADMIN
    names = set(user.groups.values_list("name", flat=True)) if getattr(user, "pk", None) else set()
    return next((role for role in ROLES if role in names), "")
