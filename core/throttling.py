"""Login throttling with two limits, which django-axes alone cannot express.

Failures of one user name from one address lock that name there after AXES_FAILURE_LIMIT;
failures from one address across user names (password spraying) lock the whole address after
LOGIN_ADDRESS_FAILURE_LIMIT. The city's offices share few addresses, so that limit is higher.
"""

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest


def _failures(attempts: QuerySet) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottle(AxesDatabaseHandler):
    """Reads AXES_LOCKOUT_PARAMETERS as [["username", "ip_address"], "ip_address"]."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        by_name, by_address = self.get_user_attempts(request, credentials)
        failures = _failures(by_name)
        if _failures(by_address) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            # Axes compares with one limit only: report the address as used up.
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def reset_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        # Only the user's own failures: one valid login must not wipe a spray from its address.
        by_name, _by_address = self.filter_user_attempts(request, credentials)
        return by_name.delete()[0]
