from tests.monitoring.builders import make_archived, make_request, make_round, submit
from tests.url_permissions import COORDINATION, PUBLIC, READ, ROLES, WRITE

# POST-only actions: GET is refused with 405 once logged in; anonymous users go to the login.
POST_ONLY = {**dict.fromkeys(ROLES, 405), "anonymous": 302}


def round_kwargs(data):
    return {"pk": make_round(data["measure"].plan).pk}


def request_kwargs(data):
    request, _token = make_request(make_round(data["measure"].plan), data["measure"])
    submit(request)
    return {"pk": request.pk}


def token_kwargs(data, submitted=False):
    request, token = make_request(make_round(data["measure"].plan), data["measure"])
    if submitted:
        submit(request)
    return {"token": token}


TABLE = {
    "monitoring:round_list": (None, READ),
    "monitoring:round_create": (None, WRITE),
    "monitoring:round_detail": (round_kwargs, READ),
    "monitoring:round_edit": (round_kwargs, WRITE),
    "monitoring:round_requests": (round_kwargs, WRITE),
    "monitoring:round_open": (round_kwargs, POST_ONLY),
    "monitoring:round_invite": (round_kwargs, POST_ONLY),
    "monitoring:round_remind": (round_kwargs, POST_ONLY),
    # A confirmation page; closing issues the official report.
    "monitoring:round_close": (round_kwargs, COORDINATION),
    "monitoring:request_review": (request_kwargs, COORDINATION),
    "monitoring:request_accept": (request_kwargs, POST_ONLY),
    "monitoring:request_return": (request_kwargs, POST_ONLY),
    "monitoring:request_enter": (request_kwargs, WRITE),
    # The partner's link works without an account, for whoever holds it.
    "partner:report": (token_kwargs, PUBLIC),
    "partner:thanks": (lambda data: token_kwargs(data, submitted=True), PUBLIC),
    "reports:monitoring_pdf": (None, READ),
    "reports:archive_list": (None, READ),
    "reports:archive_create": (None, POST_ONLY),
    "reports:archive_download": (lambda data: {"pk": make_archived().pk}, READ),
}
