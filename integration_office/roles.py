"""The office's three roles as Django groups, defined by rules over the permission codenames.

`sync_roles` runs after every migrate and flush (a post_migrate receiver in apps.py), so a
model added later gets its permissions by the same rules.
"""

from django.contrib.auth.management import create_permissions

KOORDINATION = "Koordination"
SACHBEARBEITUNG = "Sachbearbeitung"
LESEZUGRIFF = "Lesezugriff"
ROLES = (KOORDINATION, SACHBEARBEITUNG, LESEZUGRIFF)

DOMAIN_APPS = ("measures", "network", "committee")
# Reserved for Koordination: approving partner reports and issuing official documents; an
# archived report is written only by issuing it and is never changed afterwards.
COORDINATION_ONLY = {
    "review_statusreport",
    "issue_official_report",
    "add_archivedreport",
    "change_archivedreport",
    "delete_archivedreport",
    # The committee secretariat: sending invitations, finalising and correcting minutes; like
    # an archived report, archived minutes and corrections are written only by these steps.
    "send_invitation",
    "finalise_minutes",
    "add_minutescorrection",
    "change_minutescorrection",
    "delete_minutescorrection",
    "add_archivedminutes",
    "change_archivedminutes",
    "delete_archivedminutes",
    # Erasing a person's data everywhere, history included, cannot be undone.
    "erase_contactperson",
}
# Sachbearbeitung creates and edits, but must not delete a whole plan.
CLERK_EXCLUDED = COORDINATION_ONLY | {"delete_plan"}
USER_MANAGEMENT = {"view_user", "add_user", "change_user", "view_group"}


def role_grants(role, app_label, codename):
    """Whether `role` holds the permission `app_label.codename`."""
    is_domain = app_label in DOMAIN_APPS
    is_view = codename.startswith("view_")
    if role == KOORDINATION:
        return is_domain or (app_label == "auth" and codename in USER_MANAGEMENT)
    if not is_domain:
        return False
    if role == SACHBEARBEITUNG:
        # The change history is written by the system; nobody edits it by hand.
        if "_historical" in codename:
            return is_view
        return codename not in CLERK_EXCLUDED
    if role == LESEZUGRIFF:
        return is_view
    return False


def sync_roles(apps, schema_editor=None):
    """Create the role groups and give each exactly the permissions its rules grant."""
    for app_config in apps.get_app_configs():
        # A migration's app stubs have no models module, which create_permissions requires.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
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
