"""The Fortschreibung's workflows on the draft plan: start it, add, merge, split and end
measures, adopt it. Each runs in one transaction and refuses with a FortschreibungError."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.history import recorded_by
from measures.models import ActionField, Measure, MonitoringRound, Plan

User = AbstractBaseUser | AnonymousUser | None

# What a measure's copy in the next plan takes over from it; the status and progress too: the
# measure continues where it stands, and its next status report says where it goes from here.
COPIED_FIELDS = (
    "code",
    "title",
    "description",
    "goal",
    "target_groups",
    "lead_actor_id",
    "responsible_id",
    "priority",
    "start",
    "end",
    "is_continuous",
    "status",
    "progress",
    "cost_estimate",
    "funding_source",
    "is_public",
)
# What the parts of a split measure take over from it besides code and title.
SPLIT_FIELDS = tuple(name for name in COPIED_FIELDS if name not in ("code", "title"))


class FortschreibungError(Exception):
    """A step of the Fortschreibung is not possible now; the message tells staff why."""


def _author(user: User) -> AbstractBaseUser | None:
    """Who the bulk-written history rows name (nobody for a script)."""
    return user if user is not None and user.is_authenticated else None


def draft_successor(plan: Plan) -> Plan | None:
    return plan.successors.filter(state=Plan.State.DRAFT).first()


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().get(pk=plan.pk)


def require_draft(plan: Plan) -> None:
    if plan.state != Plan.State.DRAFT:
        raise FortschreibungError(
            _("%(plan)s is not a draft; only a draft can be changed.") % {"plan": plan}
        )


def check_may_start(plan: Plan) -> None:
    """Refuse unless `plan` is the adopted plan and its update has not begun yet."""
    if plan.state != Plan.State.ADOPTED:
        raise FortschreibungError(
            _("Only the adopted plan can be updated; %(plan)s is not adopted.") % {"plan": plan}
        )
    if (existing := draft_successor(plan)) is not None:
        raise FortschreibungError(
            _("The update of this plan has already begun: %(draft)s.") % {"draft": existing}
        )


def start_fortschreibung(plan: Plan, user: User, title: str, version_label: str) -> Plan:
    """A new draft plan succeeding the adopted `plan`, with copies of its action fields and of
    every measure that is neither implemented nor dropped, each linked to its original."""
    with transaction.atomic():
        plan = _locked(plan)
        check_may_start(plan)
        draft = recorded_by(
            Plan(
                title=title,
                version_label=version_label,
                predecessor=plan,
                state=Plan.State.DRAFT,
                introduction=plan.introduction,
            ),
            user,
        )
        draft.save()
        fields = _copy_action_fields(plan, draft, user)
        _copy_measures(plan, draft, fields, user)
    return draft


def _copy_action_fields(plan: Plan, draft: Plan, user: User) -> dict[int, ActionField]:
    originals = list(
        plan.action_fields.prefetch_related("actors", "working_groups", "events").order_by(
            "order", "code"
        )
    )
    copies = bulk_create_with_history(
        [
            ActionField(
                plan=draft,
                code=field.code,
                title=field.title,
                guiding_goal=field.guiding_goal,
                order=field.order,
            )
            for field in originals
        ],
        ActionField,
        default_user=_author(user),
    )
    for relation in ("actors", "working_groups", "events"):
        _link(
            ActionField,
            relation,
            [
                (copy.pk, target.pk)
                for field, copy in zip(originals, copies, strict=True)
                for target in getattr(field, relation).all()
            ],
        )
    return {field.pk: copy for field, copy in zip(originals, copies, strict=True)}


def _copy_measures(plan: Plan, draft: Plan, fields: dict[int, ActionField], user: User) -> None:
    originals = list(
        plan.measures.exclude(status__in=Measure.CLOSED_STATUSES)
        .prefetch_related("partner_actors", "events")
        .order_by("action_field__order", "code")
    )
    copies = bulk_create_with_history(
        [
            Measure(
                plan=draft,
                action_field=fields[measure.action_field_id],
                **{name: getattr(measure, name) for name in COPIED_FIELDS},
            )
            for measure in originals
        ],
        Measure,
        default_user=_author(user),
    )
    pairs = list(zip(originals, copies, strict=True))
    _link(Measure, "predecessors", [(copy.pk, measure.pk) for measure, copy in pairs])
    for relation in ("partner_actors", "events"):
        _link(
            Measure,
            relation,
            [
                (copy.pk, target.pk)
                for measure, copy in pairs
                for target in getattr(measure, relation).all()
            ],
        )


def _link(model: Any, relation: str, pairs: Iterable[tuple[int, int]]) -> None:
    """Insert the rows of a many-to-many table from (source pk, target pk) pairs."""
    field = model._meta.get_field(relation)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs]
    )


def save_plan(plan: Plan, user: User) -> Plan:
    """Save the draft's title, version, introduction and forums (the form saves the forums)."""
    with transaction.atomic():
        require_draft(_locked(plan))
        recorded_by(plan, user).save()
    return plan


def add_measure(draft: Plan, user: User, measure: Measure) -> Measure:
    """Add a new measure (unsaved, from the form) to the draft."""
    with transaction.atomic():
        require_draft(_locked(draft))
        measure.plan = draft
        recorded_by(measure, user).save()
    return measure


def _require_in_draft(draft: Plan, measures: Sequence[Measure]) -> None:
    require_draft(_locked(draft))
    if any(measure.plan_id != draft.pk for measure in measures):
        raise FortschreibungError(_("Only measures of the draft can be changed here."))


def _require_free_codes(draft: Plan, codes: Sequence[str], leaving: Sequence[int]) -> None:
    """Each new code once, and not used by a measure that stays in the draft."""
    lowered = [code.lower() for code in codes]
    taken = Measure.objects.filter(plan=draft).exclude(pk__in=leaving)
    used = {code.lower() for code in taken.values_list("code", flat=True)}
    if len(set(lowered)) != len(lowered) or used.intersection(lowered):
        raise FortschreibungError(_("A measure with this code already exists in this plan."))


def _delete(measure: Measure, user: User) -> None:
    # The history keeps the deleted copy, and the new measures keep its lineage.
    recorded_by(measure, user).delete()


def merge_measures(
    draft: Plan,
    measures: Sequence[Measure],
    user: User,
    *,
    action_field: ActionField,
    code: str,
    title: str,
    description: str,
) -> Measure:
    """Merge two or more measures of the draft into a new one that continues all their
    predecessors and has all their partners; the first of them gives the other fields."""
    if len(measures) < 2:
        raise FortschreibungError(_("Please choose at least two measures to merge."))
    with transaction.atomic():
        _require_in_draft(draft, measures)
        if action_field.plan_id != draft.pk:
            raise FortschreibungError(_("The action field belongs to another plan."))
        chosen = [measure.pk for measure in measures]
        _require_free_codes(draft, [code], chosen)
        measures = list(
            Measure.objects.filter(pk__in=chosen, plan=draft)
            .prefetch_related("predecessors", "partner_actors", "events")
            .order_by("action_field__order", "code")
        )
        if len(measures) != len(chosen):
            raise FortschreibungError(_("Only measures of the draft can be changed here."))
        first = measures[0]
        predecessors = {p.pk for measure in measures for p in measure.predecessors.all()}
        partners = {a.pk for measure in measures for a in measure.partner_actors.all()}
        events = {e.pk for measure in measures for e in measure.events.all()}
        starts = [measure.start for measure in measures if measure.start]
        ends = [measure.end for measure in measures if measure.end]
        continuous = any(measure.is_continuous for measure in measures)
        for measure in measures:
            _delete(measure, user)
        merged = Measure(
            plan=draft,
            action_field=action_field,
            source_forum_id=first.source_forum_id,
            **{name: getattr(first, name) for name in SPLIT_FIELDS},
        )
        merged.code, merged.title, merged.description = code, title, description
        merged.start = min(starts, default=None)
        merged.is_continuous = continuous
        merged.end = None if continuous else max(ends, default=None)
        recorded_by(merged, user).save()
        merged.predecessors.set(predecessors)
        merged.partner_actors.set(partners)
        merged.events.set(events)
    return merged


def split_measure(measure: Measure, parts: Sequence[tuple[str, str]], user: User) -> list[Measure]:
    """Split a measure of the draft into 2 to 5 new ones, given as (code, title); each
    continues the same predecessors and takes over the measure's other fields."""
    if not 2 <= len(parts) <= 5:
        raise FortschreibungError(_("A measure is split into two to five new measures."))
    with transaction.atomic():
        _require_in_draft(measure.plan, [measure])
        _require_free_codes(measure.plan, [code for code, _title in parts], [measure.pk])
        measure = Measure.objects.prefetch_related("predecessors", "partner_actors", "events").get(
            pk=measure.pk
        )
        predecessors = list(measure.predecessors.all())
        partners = list(measure.partner_actors.all())
        events = list(measure.events.all())
        _delete(measure, user)
        created = []
        for code, title in parts:
            part = Measure(
                plan_id=measure.plan_id,
                action_field_id=measure.action_field_id,
                source_forum_id=measure.source_forum_id,
                code=code,
                title=title,
                **{name: getattr(measure, name) for name in SPLIT_FIELDS},
            )
            recorded_by(part, user).save()
            part.predecessors.set(predecessors)
            part.partner_actors.set(partners)
            part.events.set(events)
            created.append(part)
    return created


def end_measure(measure: Measure, reason: str, note: str, user: User) -> list[Measure]:
    """The draft does not continue `measure`: its predecessors in the earlier plan record why
    they end (those still continued by another measure of the draft keep no reason), and the
    copy leaves the draft. Returns the predecessors that end."""
    if reason not in Measure.EndReason.values:
        raise FortschreibungError(_("Please choose why the measure ends."))
    with transaction.atomic():
        _require_in_draft(measure.plan, [measure])
        predecessors = list(measure.predecessors.select_for_update())
        if not predecessors:
            raise FortschreibungError(
                _(
                    "%(measure)s is new in the draft and continues no measure; "
                    "edit it or merge it instead."
                )
                % {"measure": measure}
            )
        ending = [
            predecessor
            for predecessor in predecessors
            if not predecessor.successors.filter(plan_id=measure.plan_id)
            .exclude(pk=measure.pk)
            .exists()
        ]
        for predecessor in ending:
            predecessor.end_reason = reason
            predecessor.end_note = note
            recorded_by(predecessor, user).save(
                update_fields=["end_reason", "end_note", "version", "updated_at"]
            )
        _delete(measure, user)
    return ending


def open_rounds(plan: Plan) -> list[MonitoringRound]:
    return list(plan.monitoring_rounds.filter(state=MonitoringRound.State.OPEN).order_by("pk"))


def adopt(
    draft: Plan,
    user: User,
    adopted_on: datetime.date,
    resolution_reference: str,
    also: Callable[[Plan], None] | None = None,
) -> Plan:
    """Record the council's resolution: the draft becomes the adopted plan and the plan adopted
    until now is archived. Refused while that plan has open monitoring rounds. `also` runs in
    the same transaction (e.g. the committee links its agenda item)."""
    if adopted_on > timezone.localdate():
        raise FortschreibungError(_("The adoption date must not be in the future."))
    if not resolution_reference.strip():
        raise FortschreibungError(_("Please enter the reference of the council's resolution."))
    with transaction.atomic():
        draft = _locked(draft)
        require_draft(draft)
        current = list(Plan.objects.select_for_update().filter(state=Plan.State.ADOPTED))
        rounds = [item for plan in current for item in open_rounds(plan)]
        if rounds:
            raise FortschreibungError(
                _(
                    "The plan cannot be adopted while monitoring rounds of the current plan are "
                    "open: %(rounds)s. Please close them first."
                )
                % {"rounds": ", ".join(f"„{item.title}“" for item in rounds)}
            )
        # Archive first: only one plan may be adopted at a time.
        for plan in current:
            plan.state = Plan.State.ARCHIVED
            recorded_by(plan, user).save(update_fields=["state"])
        draft.state = Plan.State.ADOPTED
        draft.adopted_on = adopted_on
        draft.resolution_reference = resolution_reference.strip()
        recorded_by(draft, user).save(update_fields=["state", "adopted_on", "resolution_reference"])
        if also is not None:
            also(draft)
    return draft
