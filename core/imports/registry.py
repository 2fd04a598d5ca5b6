"""What can be imported: each app registers its kinds in its AppConfig.ready().

The import pages list the kinds in the order of registration, i.e. of INSTALLED_APPS.
"""

from dataclasses import dataclass
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class ImportKind:
    slug: str
    label: object
    resource_class: type
    # Every permission a user needs to import the kind (rows are added and changed).
    permissions: tuple[str, ...]
    # Where the user lands after a successful import.
    list_url_name: str
    # A form of choices the upload page asks for besides the file (the indicator of a file
    # with one column per year). It takes `data` and `initial` (the page's query string) and
    # answers `options()` with text values, which reach the resource as `resource.options`.
    options_form: type | None = None

    def allowed(self, user: Any) -> bool:
        return user.has_perms(self.permissions)


_KINDS: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> None:
    _KINDS[kind.slug] = kind


def get(slug: str) -> ImportKind:
    """The registered kind, or 404."""
    try:
        return _KINDS[slug]
    except KeyError:
        raise Http404 from None


def kinds() -> list[ImportKind]:
    """Every registered kind, in the order of registration."""
    return list(_KINDS.values())


def allowed_kinds(user: Any) -> list[ImportKind]:
    """The kinds `user` may import, in the order of registration."""
    return [kind for kind in kinds() if kind.allowed(user)]
