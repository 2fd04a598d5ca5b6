"""Mail deliveries in a given state, for the pages and the permission table."""

from django.contrib.contenttypes.models import ContentType

from core.models import MailDelivery


def failed_delivery(target, kind, name="Eva Muster", email="eva@example.org"):
    return MailDelivery.objects.create(
        kind=kind,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        recipient_name=name,
        recipient_email=email,
        subject="Einladung",
        body="Guten Tag",
        key=f"{kind}:{target.pk}:{email}",
        state=MailDelivery.State.FAILED,
        attempts=3,
        last_error="(421, 'Service not available')",
    )


def delivery_state(kwargs):
    return MailDelivery.objects.get(pk=kwargs["delivery"]).state
