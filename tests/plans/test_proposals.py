"""Proposals for a draft plan: invitations by e-mail, the review queue, accepting and declining,
and what the DSGVO erasure and disclosure do with them."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from core.models import MailDelivery
from measures import privacy
from measures.fortschreibung import proposal_mail
from measures.fortschreibung.proposals import ProposalError, accept_as_new, decline
from measures.models import Measure, Plan, Proposal, ProposalInvitation
from network.models import Actor
from network.privacy import disclosure, erase_contact
from tests.plans.proposal_builders import (
    add_draft_measures,
    make_draft,
    make_invitation,
    make_person,
    make_proposal,
)

LINK = re.compile(r"http://testserver/vorschlag/([\w-]+)/")


@pytest.fixture
def draft(plan):
    return make_draft(plan)


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Runs what the commit enqueues: the immediate task backend sends the mails at once."""
    return django_capture_on_commit_callbacks


def invite_url(draft):
    return reverse("plans:proposal_invite", args=[draft.pk])


def review_url(proposal):
    return reverse("plans:proposal_review", args=[proposal.plan_id, proposal.pk])


def decline_url(proposal):
    return reverse("plans:proposal_decline", args=[proposal.plan_id, proposal.pk])


def german_text():
    with translation.override("de"):
        return proposal_mail.default_message()


def invite_data(**fields):
    return {
        "expires_on": (timezone.localdate() + datetime.timedelta(days=42)).isoformat(),
        "message": german_text(),
        **fields,
    }


# Inviting


def test_the_invite_form_starts_with_six_weeks_and_the_german_text(client, koordination, draft):
    client.force_login(koordination)
    page = client.get(invite_url(draft)).content.decode()
    six_weeks = timezone.localdate() + datetime.timedelta(weeks=6)
    assert f'value="{six_weeks.isoformat()}"' in page
    assert "Guten Tag {name}" in page
    assert "Einladungen senden" in page


def test_each_invited_person_gets_one_mail_with_a_working_link(client, koordination, draft, worker):
    derya = make_person("Derya", "Kaya")
    jonas = make_person("Jonas", "Weber")
    client.force_login(koordination)
    with worker(execute=True):
        response = client.post(invite_url(draft), invite_data(contacts=[derya.pk, jonas.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:proposal_list", args=[draft.pk])
    assert ProposalInvitation.objects.filter(plan=draft).count() == 2
    assert len(mail.outbox) == 2
    message = next(item for item in mail.outbox if "derya" in item.to[0])
    assert message.subject.startswith("Ihre Vorschläge für den Integrationsplan – Link gültig bis")
    assert "Guten Tag Derya Kaya" in message.body
    expires = (timezone.localdate() + datetime.timedelta(days=42)).strftime("%d.%m.%Y")
    assert f"bis zum {expires} gültig" in message.body
    token = LINK.search(message.body)[1]
    assert client.get(reverse("proposal:form", args=[token])).status_code == 200
    # The worker has erased the text that held the link.
    assert set(MailDelivery.objects.values_list("body", "erase_body")) == {("", True)}


def test_a_renewal_issues_a_new_link_and_the_old_one_stops_working(
    client, koordination, draft, worker
):
    derya = make_person()
    client.force_login(koordination)
    with worker(execute=True):
        client.post(invite_url(draft), invite_data(contacts=[derya.pk]))
        client.post(invite_url(draft), invite_data(contacts=[derya.pk]))
    first, second = (LINK.search(message.body)[1] for message in mail.outbox)
    assert first != second
    assert ProposalInvitation.objects.count() == 1
    assert client.get(reverse("proposal:form", args=[first])).status_code == 404
    assert client.get(reverse("proposal:form", args=[second])).status_code == 200


def test_persons_are_chosen_by_actor_kind_and_action_field_and_need_an_address(
    client, koordination, draft
):
    sport = make_person("Sina", "Sport", kind=Actor.Kind.VOLUNTEER)
    make_person("Otto", "Ohneadresse", email="", kind=Actor.Kind.VOLUNTEER)
    lead = make_person("Lea", "Leitung", kind=Actor.Kind.EDUCATION)
    Measure.objects.filter(plan=draft, code="1.1").update(lead_actor=lead.actor)
    make_person("Nora", "Niemand", kind=Actor.Kind.EDUCATION)
    client.force_login(koordination)
    data = invite_data(
        actor_kinds=[Actor.Kind.VOLUNTEER], action_fields=[draft.action_fields.get().pk]
    )
    client.post(invite_url(draft), data)
    invited = set(ProposalInvitation.objects.values_list("contact__last_name", flat=True))
    assert invited == {sport.last_name, lead.last_name}


def test_inviting_nobody_or_with_a_past_date_is_refused(client, koordination, draft):
    client.force_login(koordination)
    page = client.post(invite_url(draft), invite_data()).content.decode()
    assert "Bitte wählen Sie mindestens eine Ansprechperson mit E-Mail-Adresse aus." in page
    data = invite_data(contacts=[make_person().pk], expires_on="2020-01-01")
    page = client.post(invite_url(draft), data).content.decode()
    assert "Das Datum darf nicht in der Vergangenheit liegen." in page
    assert not ProposalInvitation.objects.exists()
    assert not MailDelivery.objects.exists()


@pytest.mark.parametrize("count", [3, 30])
def test_the_invite_page_reads_a_fixed_number_of_queries(
    client, koordination, draft, count, django_assert_num_queries
):
    add_draft_measures(draft, draft.action_fields.get(), count, start=10)
    for number in range(count):
        make_person(f"Person{number}", f"Nummer{number}")
    client.force_login(koordination)
    # session and user (2), permissions (2), plan, action fields, invitations.
    with django_assert_num_queries(7):
        assert client.get(invite_url(draft)).status_code == 200


def test_an_adopted_plan_takes_no_invitations(client, koordination, plan):
    client.force_login(koordination)
    response = client.post(invite_url(plan), invite_data(contacts=[make_person().pk]))
    assert response.status_code == 302
    assert not ProposalInvitation.objects.exists()


# The review queue


@pytest.fixture
def invitation(draft):
    return make_invitation(draft, make_person())[0]


def test_the_queue_shows_open_proposals_first_with_counts_and_a_filter(
    client, sachbearbeitung, invitation
):
    declined = make_proposal(invitation, title="Abgelehnter Vorschlag", state="declined")
    accepted = make_proposal(invitation, title="Übernommener Vorschlag", state="accepted")
    waiting = make_proposal(invitation, title="Offener Vorschlag")
    client.force_login(sachbearbeitung)
    url = reverse("plans:proposal_list", args=[invitation.plan_id])
    page = client.get(url).content.decode()
    titles = [waiting.title, accepted.title, declined.title]
    assert sorted(titles, key=page.index) == titles
    assert review_url(waiting) in page
    assert "3 Vorschläge" in page
    filtered = client.get(url, {"state": "declined"}).content.decode()
    assert declined.title in filtered and waiting.title not in filtered


@pytest.mark.parametrize("count", [3, 30])
def test_the_queue_reads_a_fixed_number_of_queries(
    client, koordination, invitation, count, django_assert_num_queries
):
    for number in range(count):
        make_proposal(invitation, title=f"Vorschlag {number}", forum=invitation.plan.forums.get())
    client.force_login(koordination)
    url = reverse("plans:proposal_list", args=[invitation.plan_id])
    # session and user (2), permissions (2), plan, count and page of the proposals (3),
    # state counts, invitations, deliveries (3).
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_the_review_page_reads_a_fixed_number_of_queries(
    client, koordination, invitation, count, django_assert_num_queries
):
    field = invitation.plan.action_fields.get()
    add_draft_measures(invitation.plan, field, count, start=10)
    measure = Measure.objects.get(plan=invitation.plan, code="1.1")
    proposal = make_proposal(invitation, kind="change", measure=measure)
    client.force_login(koordination)
    # session and user (2), permissions (2), the proposal with its relations, the action
    # fields for the new measure's choice.
    with django_assert_num_queries(6):
        assert client.get(review_url(proposal)).status_code == 200


# Accepting and declining


def test_accepting_as_a_new_measure_creates_it_in_the_draft(client, sachbearbeitung, invitation):
    forum = invitation.plan.forums.get()
    proposal = make_proposal(invitation, forum=forum)
    client.force_login(sachbearbeitung)
    page = client.get(review_url(proposal)).content.decode()
    assert 'value="Sprachcafé für Eltern"' in page  # prefilled from the proposal
    data = {
        "action": "new",
        "new-code": "1.9",
        "new-action_field": proposal.action_field_id,
        "new-title": "Sprachcafé für Eltern und Großeltern",
        "new-description": proposal.description,
        "new-goal": proposal.goal,
    }
    response = client.post(review_url(proposal), data)
    assert response.status_code == 302
    measure = Measure.objects.get(plan=invitation.plan, code="1.9")
    assert measure.title == "Sprachcafé für Eltern und Großeltern"
    assert measure.source_forum == forum
    proposal.refresh_from_db()
    assert (proposal.state, proposal.result, proposal.reviewed_by) == (
        "accepted",
        measure,
        sachbearbeitung,
    )
    assert measure.history.first().history_user == sachbearbeitung
    # The measure's page can tell where it came from.
    assert list(measure.source_proposals.all()) == [proposal]


def test_a_code_already_in_the_draft_is_refused(client, sachbearbeitung, invitation):
    proposal = make_proposal(invitation)
    client.force_login(sachbearbeitung)
    data = {"action": "new", "new-code": "1.1", "new-action_field": proposal.action_field_id}
    data |= {"new-title": "Doppelt", "new-description": "x"}
    page = client.post(review_url(proposal), data)
    assert page.status_code == 200
    assert (
        "Eine Maßnahme mit dieser Nummer gibt es in diesem Plan bereits." in page.content.decode()
    )
    assert Measure.objects.filter(plan=invitation.plan, code="1.1").count() == 1
    proposal.refresh_from_db()
    assert proposal.state == "open"


def test_accepting_as_a_change_applies_the_reviewed_texts_to_the_draft_measure(
    client, sachbearbeitung, invitation
):
    measure = Measure.objects.get(plan=invitation.plan, code="1.2")
    proposal = make_proposal(
        invitation, kind="change", measure=measure, title="Abendkurse", goal="Mehr Berufstätige"
    )
    client.force_login(sachbearbeitung)
    page = client.get(review_url(proposal)).content.decode()
    assert "Als Änderung der Maßnahme 1.2 übernehmen" in page
    assert page.count("* Pflichtfeld") == 1  # explained once for the three forms
    data = {
        "action": "change",
        "change-title": "Abendkurse für Berufstätige",
        "change-description": "Kurse ab 18 Uhr.",
        "change-goal": "Mehr Berufstätige erreichen",
        "change-version": measure.version,
    }
    assert client.post(review_url(proposal), data).status_code == 302
    measure.refresh_from_db()
    assert (measure.title, measure.goal) == (
        "Abendkurse für Berufstätige",
        "Mehr Berufstätige erreichen",
    )
    proposal.refresh_from_db()
    assert (proposal.state, proposal.result) == ("accepted", measure)


def test_a_change_over_someone_elses_edit_is_refused_and_shown(client, sachbearbeitung, invitation):
    measure = Measure.objects.get(plan=invitation.plan, code="1.2")
    proposal = make_proposal(invitation, kind="change", measure=measure)
    opened = measure.version
    measure.title = "Inzwischen geändert"
    measure.save()
    client.force_login(sachbearbeitung)
    data = {"action": "change", "change-title": "Meine Fassung", "change-description": "x"}
    page = client.post(review_url(proposal), data | {"change-version": opened})
    assert page.status_code == 200
    assert "Inzwischen geändert" in page.content.decode()
    measure.refresh_from_db()
    assert measure.title == "Inzwischen geändert"
    proposal.refresh_from_db()
    assert proposal.state == "open"


def test_declining_needs_a_reason_and_mails_it_to_the_proposer(
    client, sachbearbeitung, invitation, worker
):
    proposal = make_proposal(invitation)
    client.force_login(sachbearbeitung)
    page = client.post(decline_url(proposal), {"decline-reason": " "})
    assert page.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in page.content.decode()
    with worker(execute=True):
        response = client.post(
            decline_url(proposal), {"decline-reason": "Das Angebot gibt es bereits (1.2)."}
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decline_reason) == (
        "declined",
        "Das Angebot gibt es bereits (1.2).",
    )
    [message] = mail.outbox
    assert message.to == ["Derya Kaya <derya.kaya@example.org>"]
    assert message.subject == "Ihr Vorschlag für den Integrationsplan: Sprachcafé für Eltern"
    assert "Das Angebot gibt es bereits (1.2)." in message.body
    assert "Guten Tag Derya Kaya" in message.body


def test_declining_without_an_address_says_so(client, sachbearbeitung, invitation):
    invitation.contact.email = ""
    invitation.contact.save()
    proposal = make_proposal(invitation)
    client.force_login(sachbearbeitung)
    response = client.post(decline_url(proposal), {"decline-reason": "Passt nicht."}, follow=True)
    assert "Bitte informieren Sie die vorschlagende Person selbst." in response.content.decode()
    assert not MailDelivery.objects.exists()


def test_a_proposal_is_reviewed_only_once(koordination, invitation):
    proposal = make_proposal(invitation)
    decline(proposal, "Nicht umsetzbar.", koordination)
    with pytest.raises(ProposalError, match="bereits entschieden"):
        decline(proposal, "Noch einmal.", koordination)
    measure = Measure(code="1.9", action_field=proposal.action_field, title="x")
    with pytest.raises(ProposalError, match="bereits entschieden"):
        accept_as_new(proposal, measure, koordination)
    assert not Measure.objects.filter(code="1.9").exists()


def test_a_reviewed_proposal_shows_the_decision_without_forms(
    client, sachbearbeitung, koordination, invitation
):
    proposal = make_proposal(invitation)
    decline(proposal, "Nicht umsetzbar.", koordination)
    client.force_login(sachbearbeitung)
    page = client.get(review_url(proposal)).content.decode()
    assert "Nicht umsetzbar." in page
    assert decline_url(proposal) not in page
    response = client.post(decline_url(proposal), {"decline-reason": "x"}, follow=True)
    assert "Über diesen Vorschlag wurde bereits entschieden." in response.content.decode()


def test_proposals_of_an_adopted_plan_can_no_longer_be_reviewed(koordination, invitation):
    proposal = make_proposal(invitation)
    Plan.objects.filter(pk=invitation.plan_id).update(state=Plan.State.ARCHIVED)
    with pytest.raises(ProposalError, match="Planentwurf"):
        decline(proposal, "Zu spät.", koordination)


def test_a_proposal_of_another_plan_is_not_found(client, koordination, invitation, plan):
    proposal = make_proposal(invitation)
    client.force_login(koordination)
    url = reverse("plans:proposal_review", args=[plan.pk, proposal.pk])
    assert client.get(url).status_code == 404


# DSGVO


def test_erasure_removes_the_name_and_the_links_but_keeps_the_proposals(
    koordination, invitation, worker
):
    contact = invitation.contact
    contact_pk = contact.pk
    proposal = make_proposal(invitation)
    with worker(execute=True):
        decline(proposal, "Nicht umsetzbar.", koordination)
    erase_contact(contact, koordination)
    proposal.refresh_from_db()
    assert proposal.proposer_name == ""
    assert proposal.proposer_organisation == "Verein Kaya"  # an organisation, no person
    assert not ProposalInvitation.objects.exists()
    assert not Proposal.history.filter(proposer_name="Derya Kaya").exists()
    assert not ProposalInvitation.history.filter(contact_id=contact_pk).exists()
    delivery = MailDelivery.objects.get()
    assert (delivery.recipient_name, delivery.recipient_email, delivery.body) == (
        "gelöscht",
        "",
        "",
    )


def test_the_disclosure_lists_the_persons_proposals(koordination, invitation):
    make_proposal(invitation, title="Sprachcafé für Eltern")
    data = disclosure(invitation.contact)
    proposals = [item for item in data["reports"] if item["title"] == "Sprachcafé für Eltern"]
    assert proposals == [
        {
            "measure": "Vorschlag",
            "title": "Sprachcafé für Eltern",
            "date": timezone.localdate().isoformat(),
            "state": "offen",
        }
    ]


def test_the_erasure_knows_the_proposal_mail_kinds():
    assert privacy.PROPOSAL_MAIL_KINDS == proposal_mail.KINDS


# The demo


def test_the_demo_adds_a_dozen_proposals_in_every_state(plan):
    from demo.proposals import add_proposals
    from measures.models import ActionField

    draft = make_draft(plan)
    for code in "2345":
        field = ActionField.objects.create(plan=draft, code=code, title=f"Feld {code}")
        add_draft_measures(draft, field, 2)
    for number in range(8):
        make_person(f"Person{number}", f"Demo{number}")
    proposals = add_proposals(draft)
    assert len(proposals) == 12
    states = {state: Proposal.objects.filter(state=state).count() for state in Proposal.State}
    assert states == {"open": 5, "accepted": 4, "declined": 3}
    accepted = Proposal.objects.filter(state="accepted")
    assert all(proposal.result.plan_id == draft.pk for proposal in accepted)
    assert accepted.filter(kind="change").count() == 2
    assert Proposal.objects.filter(forum__isnull=False).count() >= 3
    assert ProposalInvitation.objects.filter(plan=draft).count() == 8
    assert not MailDelivery.objects.exists()


def test_the_measure_page_names_the_proposing_organisation(
    client, lesezugriff, koordination, invitation
):
    proposal = make_proposal(invitation)
    measure = Measure(code="1.9", action_field=proposal.action_field, title="Sprachcafé")
    accept_as_new(proposal, measure, koordination)
    client.force_login(lesezugriff)
    html = client.get(reverse("measures:detail", args=[measure.pk])).content.decode()
    assert "aus Vorschlag von Verein Kaya" in html
    assert proposal.title in html
