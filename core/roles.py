"""The office's three roles as Django groups, defined by rules over the permission codenames.

`sync_roles` runs after every migrate and flush (a post_migrate receiver in apps.py), so a
model added later gets its permissions by the same rules.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions

KOORDINATION = "Koordination"
SACHBEARBEITUNG = "Sachbearbeitung"
LESEZUGRIFF = "Lesezugriff"
ROLES = (KOORDINATION, SACHBEARBEITUNG, LESEZUGRIFF)

# Koordination manages the users' roles (core.admin_users limits what it may grant).
USER_MANAGEMENT = {"view_user", "add_user", "change_user", "view_group"}


@dataclass(frozen=True)
class OfficeRoles:
    """The role rules of an office domain app, declared as `office_roles` in its AppConfig;
    the permissions of apps without it belong to no role."""

    # Reserved for Koordination, e.g. approving reports and issuing official documents.
    coordination_only: frozenset[str] = frozenset()
    # What Sachbearbeitung cannot do beyond that (e.g. deleting a whole plan).
    clerk_excluded: frozenset[str] = frozenset()


def office_roles(app_label: str) -> OfficeRoles | None:
    """The role rules the app declares, None for an app outside the office's domain."""
    try:
        config = django_apps.get_app_config(app_label)
    except LookupError:
        return None
    return getattr(config, "office_roles", None)


def role_grants(role: str, app_label: str, codename: str) -> bool:
    """Whether `role` holds the permission `app_label.codename`."""
    rules = office_roles(app_label)
    is_view = codename.startswith("view_")
    if role == KOORDINATION:
        return rules is not None or (app_label == "auth" and codename in USER_MANAGEMENT)
    if rules is None:
        return False
    if role == SACHBEARBEITUNG:
        # The change history is written by the system; nobody edits it by hand.
        if "_historical" in codename:
            return is_view
        return codename not in rules.coordination_only | rules.clerk_excluded
    if role == LESEZUGRIFF:
        return is_view
    return False


def sync_roles(apps: Apps, schema_editor: Any = None) -> None:
    """Create the role groups and give each exactly the permissions its rules grant."""
    for app_config in apps.get_app_configs():
        # A migration's app stubs have no models module, which create_permissions requires.
        models_module = getattr(app_config, "models_module", None)
        # create_permissions only asks whether there is one; True stands in for the module.
        app_config.models_module = models_module or True  # type: ignore[assignment]
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    permissions = list(permission_model.objects.select_related("content_type"))
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        group.permissions.set(
            [p for p in permissions if role_grants(role, p.content_type.app_label, p.codename)]
        )
