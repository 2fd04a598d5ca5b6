"""Copies of the demo's measures, actors and reports, for benchmarks at realistic sizes."""

from measures.models import ActionField, Measure, StatusReport
from network.models import Actor

from .content import MEASURES
from .content_network import ACTORS
from .helpers import bulk, clone, link

BASE_CODES = [spec["code"] for spec in MEASURES]


def copy_code(code, copy):
    return f"{code}-s{copy}"


def add_copies(plan, scale):
    """Add the copies 2..scale that do not exist yet; returns their numbers."""
    wanted = {copy_code(BASE_CODES[0], copy): copy for copy in range(2, scale + 1)}
    existing = set(
        Measure.objects.filter(plan=plan, code__in=wanted).values_list("code", flat=True)
    )
    missing = [copy for code, copy in wanted.items() if code not in existing]
    if not missing:
        return []
    actors = list(
        Actor.objects.filter(name__in=[spec["name"] for spec in ACTORS]).prefetch_related(
            "action_fields"
        )
    )
    measures = list(
        Measure.objects.filter(plan=plan, code__in=BASE_CODES).prefetch_related("partner_actors")
    )
    reports = list(StatusReport.objects.filter(measure__in=measures))
    for copy in missing:
        _add_copy(copy, actors, measures, reports)
    return missing


def _add_copy(copy, actors, measures, reports):
    new_actors = bulk(
        Actor, [clone(actor, name=f"{actor.name} (Kopie {copy})") for actor in actors]
    )
    actor_ids = {old.pk: new.pk for old, new in zip(actors, new_actors, strict=True)}
    link(
        ActionField._meta.get_field("actors"),
        [
            (field.pk, actor_ids[actor.pk])
            for actor in actors
            for field in actor.action_fields.all()
        ],
    )
    new_measures = bulk(
        Measure,
        [
            clone(
                measure,
                code=copy_code(measure.code, copy),
                lead_actor_id=actor_ids.get(measure.lead_actor_id),
            )
            for measure in measures
        ],
    )
    measure_ids = {old.pk: new.pk for old, new in zip(measures, new_measures, strict=True)}
    link(
        Measure._meta.get_field("partner_actors"),
        [
            (measure_ids[measure.pk], actor_ids[partner.pk])
            for measure in measures
            for partner in measure.partner_actors.all()
        ],
    )
    bulk(
        StatusReport,
        [clone(report, measure_id=measure_ids[report.measure_id]) for report in reports],
    )
