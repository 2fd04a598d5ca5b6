"""Permission helpers shared by all apps' views.

Every staff view declares the permission it needs; a logged-in user without it gets 403
(anonymous users are sent to the login page by LoginRequiredMiddleware first).
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin


class PermissionMixin(PermissionRequiredMixin):
    raise_exception = True


def requires(perm: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator for function views: 403 unless the user holds `perm`."""
    return permission_required(perm, raise_exception=True)
