from django.urls import reverse

from measures.models import MonitoringRound
from tests.concurrency import assert_second_save_is_refused


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
