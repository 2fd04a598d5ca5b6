"""In Chromium: the invitation goes out while the mail server refuses one member's mail; the
meeting page names the failure, and "Erneut senden" sends it once the server takes it."""

import pytest
from django.utils import timezone

from committee.models import AgendaItem, Committee, Meeting
from core.models import MailDelivery
from tests.committee.conftest import add_member
from tests.e2e.conftest import audit, visit
from tests.mail.smtp_double import SMTPDouble

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Sending archives the public invitation once committed: into this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


class PickySMTP(SMTPDouble):
    """Refuses every connection while `refusing` is set."""

    refusing = True

    def refuse_now(self):
        super().refuse_now()
        return self.refusing


@pytest.fixture
def smtp(settings):
    with PickySMTP() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.MAIL_RETRY_DELAYS = (0, 0)
        yield server


def test_a_failed_invitation_is_shown_and_sent_again(open_browser, koordination, smtp):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    add_member(committee, "Ulrike", "Bosch", role="chair")
    meeting = Meeting.objects.create(
        committee=committee, number=5, start=timezone.now() + timezone.timedelta(days=10)
    )
    AgendaItem.objects.create(meeting=meeting, number="1", order=1, title="Begrüßung")
    office = open_browser(koordination)
    visit(office, meeting.get_absolute_url())
    office.get_by_role("link", name="Einladung versenden").click()
    audit(office)
    office.get_by_role("button", name="Einladung jetzt versenden").click()
    audit(office)

    visit(office, meeting.get_absolute_url())  # the worker has tried three times meanwhile
    status = office.get_by_role("status").filter(has_text="versendet")
    assert status.inner_text() == "0 von 1 versendet, 1 fehlgeschlagen"
    assert "Ulrike Bosch <ulrike@example.org>: (421" in office.get_by_role("main").inner_text()

    smtp.refusing = False
    office.get_by_role("button", name="Erneut senden an Ulrike Bosch").click()
    audit(office)
    assert office.get_by_text("Die Einladung an Ulrike Bosch wird erneut gesendet.").is_visible()
    visit(office, meeting.get_absolute_url())
    assert office.get_by_role("status").filter(has_text="versendet").inner_text() == (
        "1 von 1 versendet"
    )
    assert office.get_by_role("button", name="Erneut senden an Ulrike Bosch").count() == 0
    (message,) = smtp.messages()
    assert message["To"].addresses[0].addr_spec == "ulrike@example.org"
    assert MailDelivery.objects.get().attempts == 1
