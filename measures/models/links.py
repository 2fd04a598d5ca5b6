"""The token of a personal link without an account (monitoring partners, proposals for the
Fortschreibung, offer providers): only its SHA-256 is stored, the token itself is in the e-mail
only. The pages behind the links share measures/personal_links.py."""

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class PersonalLink(models.Model):
    token_hash = models.CharField(_("token hash"), max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def issue_token(self):
        """Set a fresh token (256 bits) and return it; only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token
