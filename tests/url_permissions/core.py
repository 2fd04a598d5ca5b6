from tests.url_permissions import PUBLIC, READ, ROLES, WRITE, Post

EVERYONE_REDIRECTED = dict.fromkeys(ROLES, 302)

TABLE = {
    "dashboard": (None, READ),
    "reports": (None, READ),
    "benchmark_floor": (None, READ),  # base.html alone, the page benchmark's floor
    "login": (None, PUBLIC),
    # Logging out is a POST only; anonymous users are sent to the login page first.
    "logout": (None, {**dict.fromkeys(ROLES, 405), "anonymous": 302}, Post(EVERYONE_REDIRECTED)),
    # GET changes nothing and redirects back; POST chooses the language, also without an account.
    "set_language": (
        None,
        EVERYONE_REDIRECTED,
        Post(EVERYONE_REDIRECTED, data=lambda d: {"language": "de", "next": "/"}),
    ),
    "measures:list": (None, READ),
    "measures:export": (lambda d: {"file_format": "xlsx"}, READ),
    "measures:search": (None, READ),  # the pickers' JSON search
    "measures:detail": (lambda d: {"pk": d["measure"].pk}, READ),
    "measures:edit": (lambda d: {"pk": d["measure"].pk}, WRITE),
    "measures:report": (lambda d: {"pk": d["measure"].pk}, WRITE),
    "measures:sheet": (lambda d: {"pk": d["measure"].pk}, READ),
    # The admin is for staff only; its own permission checks are tested in test_admin.py.
    "admin:index": (
        None,
        {**dict.fromkeys(ROLES, 302), "sachbearbeitung": 200, "koordination": 200},
    ),
}
