import pytest
from django.urls import reverse

from network.models import Actor, ContactPerson, Event, WorkingGroup
from tests.concurrency import (
    assert_parallel_saves_never_both_win,
    assert_second_save_is_refused,
    parallel_database,
)

# (fixture, edit URL name, model, a text field staff edit)
RECORDS = [
    ("migrant_organisation", "network:actor_edit", Actor, "phone"),
    ("contact", "network:contact_edit", ContactPerson, "function"),
    ("working_group", "network:group_edit", WorkingGroup, "description"),
    ("event", "network:event_edit", Event, "location"),
]


@pytest.mark.parametrize(("fixture", "url_name", "model", "field"), RECORDS)
def test_a_second_save_is_refused(
    client, sachbearbeitung, request, fixture, url_name, model, field
):
    record = request.getfixturevalue(fixture)
    client.force_login(sachbearbeitung)
    assert_second_save_is_refused(
        client,
        reverse(url_name, args=[record.pk]),
        field,
        "Erste Fassung",
        "Zweite Fassung",
        lambda: getattr(model.objects.get(pk=record.pk), field),
    )


@parallel_database
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("fixture", "url_name", "model", "field"), RECORDS)
def test_two_saves_at_the_same_moment_never_both_win(
    sachbearbeitung, request, fixture, url_name, model, field
):
    record = request.getfixturevalue(fixture)
    assert_parallel_saves_never_both_win(
        sachbearbeitung,
        reverse(url_name, args=[record.pk]),
        field,
        "Fassung",
        lambda: getattr(model.objects.get(pk=record.pk), field),
    )
