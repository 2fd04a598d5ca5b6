"""The public pages (issue 14): open to everyone, without an account."""

from tests.url_permissions import PUBLIC

TABLE = {
    "public:overview": (None, PUBLIC),
}
