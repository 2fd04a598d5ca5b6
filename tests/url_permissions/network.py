from tests.url_permissions import READ

TABLE = {
    "network:actor_list": (None, READ),
    "network:actor_detail": (lambda d: {"pk": d["actor"].pk}, READ),
}
