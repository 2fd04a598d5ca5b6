"""Nothing that is not public leaks onto a public page or export (issue 14).

Every page in PUBLIC_URLS is rendered over data that holds a non-public measure, a measure of a
draft plan, internal report texts, obstacles and the names and e-mail addresses of people; none
of them may appear. Add each new public page or download to PUBLIC_URLS.
"""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from measures.models import ArchivedReport, Measure, Plan, StatusReport
from network.models import Actor, ContactPerson
from tests.conftest import make_user
from tests.public import archive_data, offer_builders
from tests.public.builders import (
    accepted_report,
    archived_report,
    indicator_with_values,
    measure_in,
)
from tests.test_permissions import named_patterns

# URL name -> (kwargs builder over the `world` fixture's objects or None, query string or None).
PUBLIC_URLS = {
    "public:overview": (None, None),
    "public:measure_list": (None, None),
    "public:measure_list#search": (None, {"q": "Geheime"}),
    "public:measure_list#status": (None, {"status": "paused"}),
    "public:measure_detail": (lambda w: {"pk": w["measure"].pk}, None),
    "public:measure_detail#archived": (lambda w: {"pk": w["old_measure"].pk}, None),
    "public:accessibility": (None, None),
    "public:feedback": (None, None),
    "public:feedback#sent": (None, {"sent": "1"}),
    "public:imprint": (None, None),
    "public:privacy": (None, None),
    "public:easy_language": (None, None),
    "public:committee": (None, None),
    "public:meeting_detail": (lambda w: {"pk": w["committee"]["past"].pk}, None),
    "public:meeting_detail#upcoming": (lambda w: {"pk": w["committee"]["upcoming"].pk}, None),
    "public:reports": (None, None),
    "public:report_download": (lambda w: {"pk": w["committee"]["public_report"].pk}, None),
    "public:open_data": (None, None),
    "public:measures_csv": (None, None),
    "public:measures_json": (None, None),
    "public:offer_list": (None, None),
    "public:offer_list#language": (None, {"language": "tr"}),
    "public:offer_detail": (lambda w: {"pk": w["offer"].pk}, None),
    "public:offer_category_pdf": (lambda w: {"category": "language"}, None),
}
# Public URL names whose page is still being built: move each into PUBLIC_URLS with its page.
NOT_YET_WALKED: set[str] = set()

SECRETS = (
    "Geheime Maßnahme",
    "Entwurfs-Maßnahme",
    "INTERN-TEXT",
    "HINDERNIS-TEXT",
    "SCHRITTE-INTERN",
    "PRUEF-KOMMENTAR",
    "UNGEPRUEFT-TEXT",
    "Berta Berichterin",
    "Ilse Verborgen",
    "ilse.verborgen@example.org",
    "Paul Partnerkontakt",
    "paul@example.org",
    "Konrad Koordinator",
    "konrad@stadt.example",
    "Miriam Kessler",
    # the committee's: a non-public meeting, a non-public item of a public meeting with its
    # document, a member, and the internal edition of a report (tests.public.archive_data)
    archive_data.SECRET_PLACE,
    archive_data.SECRET_ITEM,
    archive_data.SECRET_DOCUMENT,
    archive_data.SECRET_REPORT,
    archive_data.MEMBER_NAME,
    archive_data.MEMBER_EMAIL,
    # offers hidden from the guide (tests.public.offer_builders)
    "Unveröffentlichtes Angebot",
    "Unbestätigtes Angebot",
)


@pytest.fixture
def world(django_user_model, plan, action_field, measure, actor):
    staff = make_user(
        django_user_model,
        "konrad",
        first_name="Konrad",
        last_name="Koordinator",
        email="konrad@stadt.example",
    )
    Measure.objects.filter(pk=measure.pk).update(responsible=staff, cost_estimate=1234)
    ContactPerson.objects.create(
        actor=actor, first_name="Ilse", last_name="Verborgen", email="ilse.verborgen@example.org"
    )
    partner = Actor.objects.create(name="Caritas Fils-Neckar-Alb", kind=Actor.Kind.WELFARE)
    ContactPerson.objects.create(
        actor=partner, first_name="Paul", last_name="Partnerkontakt", email="paul@example.org"
    )
    measure.partner_actors.add(partner)
    accepted_report(
        measure,
        datetime.date(2026, 3, 1),
        text="INTERN-TEXT",
        obstacles="HINDERNIS-TEXT",
        next_steps="SCHRITTE-INTERN",
        review_comment="PRUEF-KOMMENTAR",
        author_name="Berta Berichterin",
        public_summary="Der Kurs läuft.",
    )
    accepted_report(
        measure,
        datetime.date(2026, 6, 1),
        text="INTERN-TEXT",
        public_summary="UNGEPRUEFT-TEXT",
        author_name="Berta Berichterin",
        review_state=StatusReport.ReviewState.SUBMITTED,
    )
    indicator_with_values(measure)
    secret = measure_in(plan, code="1.9", title="Geheime Maßnahme", is_public=False)
    secret.status = Measure.Status.PAUSED
    secret.save()
    accepted_report(secret, datetime.date(2026, 3, 1), public_summary="Geheime Maßnahme läuft.")
    draft = Plan.objects.create(title="Entwurf 2027", version_label="2027", state=Plan.State.DRAFT)
    measure_in(draft, code="1.1", title="Entwurfs-Maßnahme", status=Measure.Status.PAUSED)
    old_plan = Plan.objects.create(
        title="Integrationsplan 2010",
        version_label="Erstfassung",
        adopted_on=datetime.date(2010, 10, 21),
        state=Plan.State.ARCHIVED,
    )
    old_measure = measure_in(old_plan, code="2.4", title="Deutschkurs für Mütter")
    accepted_report(old_measure, datetime.date(2018, 3, 1), text="INTERN-TEXT")
    measure.predecessors.add(old_measure)
    archived_report()
    archived_report(edition=ArchivedReport.Edition.INTERNAL, title="INTERN-TEXT Bericht")
    # A visible offer of the actor with the contact person Ilse Verborgen, and hidden ones.
    offer = offer_builders.offer(provider=actor)
    offer_builders.translation(offer)
    offer_builders.offer("Unveröffentlichtes Angebot", provider=actor, is_published=False)
    old_confirmation = timezone.now() - datetime.timedelta(days=500)
    offer_builders.offer("Unbestätigtes Angebot", provider=actor, confirmed_at=old_confirmation)
    return {
        "plan": plan,
        "measure": measure,
        "secret": secret,
        "old_measure": old_measure,
        "actor": actor,
        "partner": partner,
        "offer": offer,
        "committee": archive_data.committee_world(),
    }


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    if response["Content-Type"] == "application/pdf":  # a PDF we render: its text
        return " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("entry", sorted(PUBLIC_URLS))
def test_no_public_page_shows_anything_internal(client, world, entry):
    build, query = PUBLIC_URLS[entry]
    url = reverse(entry.split("#")[0], kwargs=build(world) if build else None)

    response = client.get(url, query)

    assert response.status_code == 200
    body = body_of(response)
    leaked = [secret for secret in SECRETS if secret in body]
    assert leaked == []


def test_the_non_public_measure_has_no_page(client, world):
    url = reverse("public:measure_detail", args=[world["secret"].pk])

    assert client.get(url).status_code == 404


def test_the_walk_covers_every_public_url_name():
    walked = {entry.split("#")[0] for entry in PUBLIC_URLS}
    names = {name for name in named_patterns() if name.startswith("public:")}

    assert walked | NOT_YET_WALKED == names
    assert walked & NOT_YET_WALKED == set()
