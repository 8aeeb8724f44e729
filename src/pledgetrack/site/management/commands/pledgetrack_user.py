"""Create or update a user with one of the roles: ``manage.py pledgetrack_user 김주무관 비밀번호 편집자``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser

from pledgetrack.audit.services import record
from pledgetrack.site.roles import ADMIN, ROLES, ensure_roles

ROLE_ALIASES: dict[str, str] = {"admin": ADMIN, "editor": "편집자", "viewer": "열람자"}


class Command(BaseCommand):
    help = "사용자를 만들거나 역할·비밀번호를 바꿉니다. 역할: 관리자(admin), 편집자(editor), 열람자(viewer)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("password")
        parser.add_argument("role", help=f"역할: {', '.join(ROLES)} (또는 {', '.join(ROLE_ALIASES)})")

    def handle(self, *args: Any, username: str, password: str, role: str, **options: Any) -> None:
        role = ROLE_ALIASES.get(role, role)
        if role not in ROLES:
            choices = ", ".join([*ROLES, *ROLE_ALIASES])
            raise CommandError(f"알 수 없는 역할입니다: '{role}'. 가능한 값: {choices}")
        ensure_roles()
        user, created = get_user_model().objects.get_or_create(username=username)
        user.set_password(password)
        user.is_staff = role == ADMIN
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        record(
            action="create_user" if created else "update_user",
            object_type="user",
            object_id=user.pk,
            object_label=username,
            after={"role": role},
            actor_label="manage.py",
        )
        self.stdout.write(f"{'만들었습니다' if created else '바꿨습니다'}: {username} ({role})")
