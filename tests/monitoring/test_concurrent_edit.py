import pytest
from django.urls import reverse

from measures.models import MonitoringRound
from tests.concurrency import (
    assert_parallel_saves_never_both_win,
    assert_second_save_is_refused,
    parallel_database,
)


def test_a_second_save_of_a_round_is_refused(client, koordination, open_round):
    client.force_login(koordination)
    assert_second_save_is_refused(
        client,
        reverse("monitoring:round_edit", args=[open_round.pk]),
        "title",
        "Monitoring Frühjahr 2027",
        "Monitoring Sommer 2027",
        lambda: MonitoringRound.objects.get(pk=open_round.pk).title,
    )


@parallel_database
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_a_round_at_the_same_moment_never_both_win(koordination, open_round):
    assert_parallel_saves_never_both_win(
        koordination,
        reverse("monitoring:round_edit", args=[open_round.pk]),
        "title",
        "Monitoring",
        lambda: MonitoringRound.objects.get(pk=open_round.pk).title,
    )
