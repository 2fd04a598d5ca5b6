"""The permission table, one module per area so that each area's URLs stay beside each other.

Each module has TABLE: URL name -> (kwargs builder or None, expected status per role on GET) and,
for a URL that acts on POST, a third element: a Post with the data a permitted role sends. A
builder receives the shared objects (measure, actor, meeting, …) and may create more of its own.
"""

from collections.abc import Callable
from dataclasses import dataclass

ROLES = ("anonymous", "no_role", "lesezugriff", "sachbearbeitung", "koordination")

READ = {
    "anonymous": 302,
    "no_role": 403,
    "lesezugriff": 200,
    "sachbearbeitung": 200,
    "koordination": 200,
}
WRITE = {**READ, "lesezugriff": 403}
COORDINATION = {**WRITE, "sachbearbeitung": 403}
PUBLIC = dict.fromkeys(ROLES, 200)
# A POST-only action answers GET with 405 once logged in; anonymous users go to the login.
POST_ONLY = {**dict.fromkeys(ROLES, 405), "anonymous": 302}

# What a POST gets: anonymous users go to the login, permitted roles are redirected on success.
DONE_BY_WRITE = {**WRITE, "sachbearbeitung": 302, "koordination": 302}
DONE_BY_COORDINATION = {**DONE_BY_WRITE, "sachbearbeitung": 403}


@dataclass(frozen=True)
class Post:
    """A POST row: who may act, the form data that makes the action succeed, and optionally
    what the action changes, read before and after: unchanged when refused, changed when done."""

    expected: dict
    data: Callable[[dict], dict] = lambda d: {}
    changes: Callable[[dict], object] | None = None


def row_of(model):
    """Reads the object named by the URL's pk as a dict of its values (None once deleted)."""
    return lambda kwargs: model.objects.filter(pk=kwargs["pk"]).values().first()
