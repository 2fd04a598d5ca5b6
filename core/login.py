"""The login forms: the published demo accounts work only in development."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEMO_ACCOUNT = _("Demo accounts can only be used in development mode.")

# Checks (user name, password) -> bool for accounts whose password is published; the app that
# creates such accounts registers its check (the demo app, in its ready()).
PUBLISHED_LOGIN_CHECKS: list[Callable[[str, str], bool]] = []


def is_published_login(username: str, password: str) -> bool:
    return any(check(username, password) for check in PUBLISHED_LOGIN_CHECKS)


# Type checkers see the mixin as the login form it is mixed into; at run time it stays a mixin.
if TYPE_CHECKING:
    _FormBase = AuthenticationForm
else:
    _FormBase = object


class RefuseDemoAccounts(_FormBase):
    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        # A database loaded with the demo in development may end up on a server: its accounts
        # and their published password must not open it.
        if not settings.DEBUG and is_published_login(
            user.get_username(), self.cleaned_data["password"]
        ):
            raise ValidationError(DEMO_ACCOUNT, code="demo_account")


class LoginForm(RefuseDemoAccounts, AuthenticationForm):
    pass


class AdminLoginForm(RefuseDemoAccounts, AdminAuthenticationForm):
    pass
