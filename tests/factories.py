"""Small builders for test data; the demo command is not the test fixture."""

import datetime

from measures.models import Measure, StatusReport
from network.models import Actor


def add_measures(plan, action_field, count, start=0, **fields):
    """Create `count` measures in `action_field`, each with a lead actor and two reports."""
    measures = []
    for number in range(start, start + count):
        lead = Actor.objects.create(name=f"Träger {number}", kind=Actor.Kind.WELFARE)
        measure = Measure.objects.create(
            plan=plan,
            action_field=action_field,
            code=f"{action_field.code}.{number + 10}",
            title=f"Maßnahme {number}",
            lead_actor=lead,
            **fields,
        )
        measure.partner_actors.add(lead)
        for month in (1, 6):
            StatusReport.objects.create(
                measure=measure,
                reporting_date=datetime.date(2026, month, 1),
                status=measure.status,
                progress=measure.progress,
                text="Bericht",
                review_state=StatusReport.ReviewState.ACCEPTED,
            )
        measures.append(measure)
    return measures
