"""The comparison of a plan with an earlier version (issue 13): what became of each measure.

`compare(plan, against)` reads both catalogues and the lineage between them with a fixed number
of queries and sorts every measure into a kind: new, continued unchanged, changed (field by
field), merged, split, or ended with its reason. Only direct predecessors in `against` count;
lineage across several plan versions is not followed.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Prefetch
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from measures.models import ActionField, Measure, Plan
from network.models import Actor


class Kind(models.TextChoices):
    NEW = "new", gettext_lazy("new")
    CHANGED = "changed", gettext_lazy("changed")
    CONTINUED = "continued", gettext_lazy("continued unchanged")
    MERGED = "merged", gettext_lazy("merged")
    SPLIT = "split", gettext_lazy("split")
    ENDED = "ended", gettext_lazy("ended")


# The fields a change is looked for in, in the order the changes are listed.
COMPARED_FIELDS = (
    "title",
    "description",
    "goal",
    "target_groups",
    "lead_actor",
    "partner_actors",
    "start",
    "end",
    "is_continuous",
    "cost_estimate",
    "funding_source",
    "action_field",
    "is_public",
)
STATUS_REASONS: dict[str, str] = {
    Measure.Status.DONE: Measure.EndReason.IMPLEMENTED,
    Measure.Status.DROPPED: Measure.EndReason.DROPPED,
}


@dataclass
class Change:
    """One field that differs: its label, the values as shown (German) and as typed data."""

    field: str
    label: str
    old: str
    new: str
    old_value: Any
    new_value: Any


@dataclass
class Row:
    kind: str
    # The measure of the compared plan; None for an ended one.
    measure: Measure | None
    # Its predecessors in the earlier plan; for an ended measure, the measure itself.
    previous: list[Measure] = field(default_factory=list)
    # The other successors of a split measure.
    siblings: list[Measure] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    note: str = ""

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    @property
    def code(self) -> str:
        return (self.measure or self.previous[0]).code


@dataclass
class Section:
    action_field: ActionField
    rows: list[Row] = field(default_factory=list)
    # A field of the earlier plan that the compared plan no longer has (its ended measures).
    earlier: bool = False

    @property
    def label(self) -> str:
        return f"{self.action_field.code} {self.action_field.title}"


@dataclass
class Comparison:
    plan: Plan
    against: Plan
    sections: list[Section]
    counts: list[tuple[str, str, int]]

    @property
    def rows(self) -> list[Row]:
        return [row for section in self.sections for row in section.rows]

    @property
    def count_of(self) -> dict[str, int]:
        return {kind: count for kind, _label, count in self.counts}


def catalogue(plan: Plan) -> list[Measure]:
    """The plan's measures with what a comparison or a document shows (two queries)."""
    return list(
        plan.measures.select_related("action_field", "lead_actor")
        .prefetch_related(Prefetch("partner_actors", queryset=Actor.objects.order_by("name", "pk")))
        .order_by("action_field__order", "action_field__code", "code")
    )


def compare(plan: Plan, against: Plan) -> Comparison:
    """Every measure of `plan` and `against` by what the update did to it (six queries)."""
    measures = catalogue(plan)
    earlier = catalogue(against)
    links = Measure.predecessors.through.objects.filter(
        from_measure__plan=plan, to_measure__plan=against
    ).values_list("from_measure_id", "to_measure_id")
    earlier_by_pk = {measure.pk: measure for measure in earlier}
    predecessors: dict[int, list[Measure]] = defaultdict(list)
    successors: dict[int, list[Measure]] = defaultdict(list)
    by_pk = {measure.pk: measure for measure in measures}
    for successor_pk, predecessor_pk in sorted(links):
        predecessors[successor_pk].append(earlier_by_pk[predecessor_pk])
        successors[predecessor_pk].append(by_pk[successor_pk])

    sections = {
        action_field.code: Section(action_field)
        for action_field in plan.action_fields.order_by("order", "code")
    }
    for measure in sorted(measures, key=code_key):
        row = row_for(measure, sorted(predecessors[measure.pk], key=code_key), successors)
        sections[measure.action_field.code].rows.append(row)
    ended_sections: dict[str, Section] = {}
    for old in sorted(earlier, key=code_key):
        if successors[old.pk]:
            continue
        code = old.action_field.code
        section = sections.get(code) or ended_sections.setdefault(
            code, Section(old.action_field, earlier=True)
        )
        section.rows.append(ended_row(old))

    all_sections = [*sections.values(), *ended_sections.values()]
    counted = Counter(row.kind for section in all_sections for row in section.rows)
    counts = [(kind, str(label), counted[kind]) for kind, label in Kind.choices]
    return Comparison(plan, against, all_sections, counts)


def code_key(measure: Measure) -> tuple:
    """Codes in numeric order: 2.9 before 2.10."""
    parts = measure.code.split(".")
    return tuple(int(part) if part.isdigit() else 0 for part in parts), measure.code


def row_for(measure: Measure, previous: list[Measure], successors: dict) -> Row:
    if not previous:
        return Row(Kind.NEW, measure)
    if len(previous) > 1:
        return Row(Kind.MERGED, measure, previous)
    predecessor = previous[0]
    changes = differences(predecessor, measure)
    siblings = sorted(
        (other for other in successors[predecessor.pk] if other.pk != measure.pk), key=code_key
    )
    if siblings:
        return Row(Kind.SPLIT, measure, previous, siblings, changes)
    return Row(Kind.CHANGED if changes else Kind.CONTINUED, measure, previous, changes=changes)


def ended_row(measure: Measure) -> Row:
    return Row(Kind.ENDED, None, [measure], reason=end_reason_label(measure), note=measure.end_note)


def end_reason_label(measure: Measure) -> str:
    """The reason recorded in the draft, or the one the status tells; else "not given"."""
    reason = measure.end_reason or STATUS_REASONS.get(measure.status)
    return str(Measure.EndReason(reason).label) if reason else _("not given")


def differences(old: Measure, new: Measure) -> list[Change]:
    changes = []
    for name in COMPARED_FIELDS:
        old_value, new_value = value_of(old, name), value_of(new, name)
        if comparable(name, old_value) != comparable(name, new_value):
            changes.append(
                Change(
                    name,
                    field_label(name),
                    shown(old_value),
                    shown(new_value),
                    typed(old_value),
                    typed(new_value),
                )
            )
    return changes


def field_label(name: str) -> str:
    return capfirst(str(getattr(Measure._meta.get_field(name), "verbose_name", name)))


def value_of(measure: Measure, name: str) -> Any:
    if name == "partner_actors":
        return list(measure.partner_actors.all())
    return getattr(measure, name)


def comparable(name: str, value: Any) -> Any:
    """What decides whether two values differ: fields by code (each plan has its own), actors
    by identity, texts without surrounding white space."""
    if name == "action_field":
        return value.code
    if name == "partner_actors":
        return frozenset(actor.pk for actor in value)
    if isinstance(value, Actor):
        return value.pk
    if isinstance(value, str):
        return value.strip()
    return value


def shown(value: Any) -> str:
    """A value as the comparison shows it, German: 01.09.2019, 1.234,50 €, ja/nein, "–"."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, list):
        return ", ".join(actor.name for actor in value)
    if isinstance(value, Actor):
        return value.name
    if isinstance(value, ActionField):
        return f"{value.code} {value.title}"
    return str(value)


def typed(value: Any) -> Any:
    """A value for a spreadsheet cell: dates and amounts keep their type, the rest is text."""
    if isinstance(value, bool | list | Actor | ActionField):
        return shown(value)
    return None if value == "" else value


def euro(amount: Decimal) -> str:
    return formats.number_format(amount, 2, use_l10n=True, force_grouping=True) + " €"
