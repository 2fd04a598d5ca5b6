"""The public pages (issue 14): open to everyone, without an account."""

from tests.public import offer_builders
from tests.public.archive_data import issue_report
from tests.url_permissions import COORDINATION, DONE_BY_COORDINATION, PUBLIC, ROLES, Post

TABLE = {
    "public:committee": (None, PUBLIC),
    "public:meeting_detail": (lambda d: {"pk": d["meeting"].pk}, PUBLIC),
    "public:reports": (None, PUBLIC),
    "public:report_download": (lambda d: {"pk": issue_report().pk}, PUBLIC),
    "public:open_data": (None, PUBLIC),
    "public:measures_csv": (None, PUBLIC),
    "public:measures_json": (None, PUBLIC),
    "public:overview": (None, PUBLIC),
    "public:accessibility": (None, PUBLIC),
    # Everyone may send feedback; the answer is the thanks page (303), account or not.
    "public:feedback": (
        None,
        PUBLIC,
        Post(dict.fromkeys(ROLES, 303), data=lambda d: {"message": "Kontrast zu schwach"}),
    ),
    "public:imprint": (None, PUBLIC),
    "public:privacy": (None, PUBLIC),
    "public:easy_language": (None, PUBLIC),
    # The office's texts of the public pages.
    "public_texts:list": (None, COORDINATION),
    "public_texts:edit": (
        lambda d: {"key": "easy_language"},
        COORDINATION,
        Post(DONE_BY_COORDINATION, data=lambda d: {"body": "Das ist der Plan."}),
    ),
    "public:measure_list": (None, PUBLIC),
    "public:measure_detail": (lambda d: {"pk": d["measure"].pk}, PUBLIC),
    # The guide to offers (issue 17).
    "public:offer_list": (None, PUBLIC),
    "public:offer_detail": (lambda d: {"pk": offer_builders.offer().pk}, PUBLIC),
    "public:offer_category_pdf": (lambda d: {"category": "language"}, PUBLIC),
}
