from tests.url_permissions import READ

TABLE = {
    "committee:meeting_list": (None, READ),
    "committee:meeting_detail": (lambda d: {"pk": d["meeting"].pk}, READ),
}
