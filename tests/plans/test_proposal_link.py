"""The proposer's personal link: a phone-friendly form, several proposals, dead links alike."""

import datetime
import hashlib

import pytest
from django.urls import reverse

from measures.models import Measure, PartnerLinkFailure, Plan, Proposal, ProposalInvitation
from measures.monitoring.services import MAX_FAILURES
from tests.plans.proposal_builders import (
    add_draft_measures,
    make_draft,
    make_invitation,
    make_person,
    make_proposal,
)


@pytest.fixture
def draft(plan):
    return make_draft(plan)


@pytest.fixture
def invited(draft):
    """(invitation, token) of Derya Kaya of "Verein Kaya"."""
    return make_invitation(draft, make_person())


def form_url(token):
    return reverse("proposal:form", args=[token])


def thanks_url(token):
    return reverse("proposal:thanks", args=[token])


def new_proposal(draft, **fields):
    return {
        "kind": "new",
        "action_field": draft.action_fields.get().pk,
        "title": "Sprachcafé für Eltern",
        "description": "Ein offenes Sprachcafé in der Stadtbibliothek, jeden Dienstag.",
        "goal": "Eltern sprechen sicherer Deutsch.",
        "partners": "Stadtbibliothek, Elternbeirat",
        **fields,
    }


def test_only_the_hash_of_the_token_is_stored(invited):
    invitation, token = invited
    invitation.refresh_from_db()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in [str(value) for value in ProposalInvitation.objects.values_list().get()]
    assert "token_hash" not in {
        field.name for field in ProposalInvitation.history.model._meta.fields
    }


def test_the_form_names_the_proposer_and_offers_the_drafts_measures_and_forums(
    client, draft, invited, measure
):
    page = client.get(form_url(invited[1]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ihr Vorschlag für den Integrationsplan" in text
    assert "Derya Kaya" in text and "Verein Kaya" in text
    assert "1.2 Maßnahme 1.2" in text
    assert "Fachforum Sprache und Bildung" in text
    assert measure.title not in text  # the adopted plan's measure is not offered
    assert "no-store" in page["Cache-Control"]
    assert page["X-Robots-Tag"] == "noindex"
    assert page["Content-Language"] == "de"


def test_an_empty_form_comes_back_with_german_errors_and_a_summary(client, invited):
    page = client.post(form_url(invited[1]), {})
    assert page.status_code == 200
    text = page.content.decode()
    assert "error-summary" in text
    assert "Bitte korrigieren Sie" in text
    assert "Dieses Feld ist zwingend erforderlich." in text
    assert Proposal.objects.count() == 0


def test_a_new_measure_needs_its_action_field_and_a_change_its_measure(client, draft, invited):
    token = invited[1]
    page = client.post(form_url(token), new_proposal(draft, action_field=""))
    assert "Bitte wählen Sie das Handlungsfeld." in page.content.decode()
    page = client.post(form_url(token), new_proposal(draft, kind="change"))
    assert "Bitte wählen Sie die Maßnahme, die sich ändern soll." in page.content.decode()
    assert Proposal.objects.count() == 0


def test_a_proposal_is_stored_with_the_invited_person_and_thanked_for(client, draft, invited):
    invitation, token = invited
    forum = draft.forums.get()
    response = client.post(form_url(token), new_proposal(draft, forum=forum.pk))
    assert response.status_code == 302
    assert response["Location"] == thanks_url(token)
    proposal = Proposal.objects.get()
    assert (proposal.plan, proposal.invitation, proposal.state) == (draft, invitation, "open")
    assert (proposal.proposer_name, proposal.proposer_organisation) == ("Derya Kaya", "Verein Kaya")
    assert proposal.forum == forum
    assert proposal.measure is None

    thanks = client.get(thanks_url(token)).content.decode()
    assert "Vielen Dank für Ihren Vorschlag" in thanks
    assert "Sprachcafé für Eltern" in thanks
    assert "Weiteren Vorschlag einreichen" in thanks
    assert form_url(token) in thanks


def test_the_proposer_cannot_be_changed_through_the_form(client, draft, invited):
    data = new_proposal(draft, proposer_name="Jemand anderes", proposer_organisation="Fremd")
    client.post(form_url(invited[1]), data)
    assert Proposal.objects.get().proposer_name == "Derya Kaya"


def test_several_proposals_can_be_sent_through_one_link(client, draft, invited):
    token = invited[1]
    measure = Measure.objects.get(plan=draft, code="1.2")
    client.post(form_url(token), new_proposal(draft))
    change = new_proposal(draft, kind="change", measure=measure.pk, title="Mehr Kurse am Abend")
    assert client.post(form_url(token), change).status_code == 302
    assert Proposal.objects.count() == 2
    changed = Proposal.objects.get(kind="change")
    assert changed.measure == measure
    assert changed.action_field == measure.action_field
    thanks = client.get(thanks_url(token)).content.decode()
    assert "Sprachcafé für Eltern" in thanks and "Mehr Kurse am Abend" in thanks


def test_a_measure_of_another_plan_cannot_be_chosen(client, draft, invited, measure):
    data = new_proposal(draft, kind="change", measure=measure.pk)
    page = client.post(form_url(invited[1]), data)
    assert page.status_code == 200
    assert Proposal.objects.count() == 0


def answer(client, url):
    response = client.get(url)
    return response.status_code, response.content


def test_wrong_expired_renewed_and_adopted_links_get_the_same_answer(client, draft, invited):
    invitation, token = invited
    wrong = answer(client, form_url("x" * 43))

    invitation.expires_on = datetime.date(2020, 1, 1)
    invitation.save()
    expired = answer(client, form_url(token))

    invitation.expires_on = datetime.date(2099, 1, 1)
    invitation.issue_token()  # a renewal: the old link stops working
    invitation.save()
    renewed = answer(client, form_url(token))

    fresh = invitation.issue_token()
    invitation.save()
    Plan.objects.filter(pk=draft.pk).update(state=Plan.State.ARCHIVED)
    no_draft = answer(client, form_url(fresh))

    assert wrong[0] == 404
    assert wrong == expired == renewed == no_draft
    assert "Dieser Link kann nicht verwendet werden" in wrong[1].decode()


def test_the_thanks_page_needs_a_working_link_with_a_proposal(client, draft, invited):
    token = invited[1]
    assert client.get(thanks_url(token)).status_code == 404
    make_proposal(invited[0])
    assert client.get(thanks_url(token)).status_code == 200
    assert client.get(thanks_url("x" * 43)).status_code == 404


def test_a_post_through_a_dead_link_stores_nothing(client, draft, invited):
    invitation, token = invited
    invitation.expires_on = datetime.date(2020, 1, 1)
    invitation.save()
    assert client.post(form_url(token), new_proposal(draft)).status_code == 404
    assert Proposal.objects.count() == 0


def test_repeated_dead_links_are_throttled_even_for_a_working_link(client, invited):
    for _ in range(MAX_FAILURES):
        assert client.get(form_url("x" * 43)).status_code == 404
    assert PartnerLinkFailure.objects.count() == MAX_FAILURES
    throttled = client.get(form_url(invited[1]))
    assert throttled.status_code == 429
    assert "Zu viele Versuche" in throttled.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_form_reads_a_fixed_number_of_queries(
    client, draft, invited, count, django_assert_num_queries
):
    add_draft_measures(draft, draft.action_fields.get(), count, start=10)
    # 1 throttle count, 1 invitation with plan, contact and actor, and the choices: 1 forums,
    # 1 measures, 1 action fields.
    with django_assert_num_queries(5):
        assert client.get(form_url(invited[1])).status_code == 200
