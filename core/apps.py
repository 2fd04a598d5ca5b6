from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .roles import OfficeRoles


def _sync_roles(sender: AppConfig, apps: Apps | None = None, **kwargs: Any) -> None:
    from .roles import sync_roles

    # migrate passes the migrated state's registry; flush passes none.
    sync_roles(apps or global_apps)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Integration office")
    # The background jobs and mail deliveries (issue 11) are written by the system only; the
    # roles may view them (the admin shows them read-only).
    office_roles = OfficeRoles(
        coordination_only=frozenset(
            f"{action}_{model}"
            for action in ("add", "change", "delete")
            for model in ("job", "maildelivery")
        )
    )

    def ready(self) -> None:
        # After every migrate (and every test flush) the role groups exist with exactly the
        # permissions their rules grant, also for models added since the last migration. The
        # signal is sent per app with models; this project app has none, so listen to auth's.
        post_migrate.connect(
            _sync_roles,
            sender=global_apps.get_app_config("auth"),
            dispatch_uid="core.roles",
        )
        # Saves and deletes replace the version of cached HTML; requests get their memo.
        from .caching import connect_signals

        connect_signals()
