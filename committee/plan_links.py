"""What the committee adds to the plan's pages: the agenda item whose resolution adopted a plan.

The committee sits above the plan, so it declares the link (AgendaItem.adopted_plan), extends
the plan's adoption form with the item (core.extensions) and shows it on the plan's page
(core.sections); CommitteeConfig.ready() registers this module.
"""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import sections
from core.extensions import extends
from core.history import recorded_by
from measures.fortschreibung.forms import AdoptForm, choice_field
from measures.models import Plan

from .models import AgendaItem, Meeting


class AgendaItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: AgendaItem) -> str:
        return f"{timezone.localtime(obj.meeting.start):%d.%m.%Y} – {obj}"


@extends(AdoptForm)
class AdoptWithAgendaItemForm(AdoptForm):
    agenda_item = AgendaItemChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("none"),
        help_text=_("The item of a held meeting whose resolution adopted the plan (optional)."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "agenda_item").queryset = (
            AgendaItem.objects.filter(meeting__state=Meeting.State.HELD)
            .select_related("meeting")
            .order_by("-meeting__start", "order", "number")
        )

    def after_adoption(self, plan: Plan, user: Any) -> None:
        super().after_adoption(plan, user)
        item = self.cleaned_data.get("agenda_item")
        if item is not None:
            item.adopted_plan = plan
            recorded_by(item, user).save(update_fields=["adopted_plan", "version", "modified"])


def adopting_items(plan: Plan) -> dict[str, Any]:
    return {
        "agenda_items": plan.adopting_items.select_related("meeting__committee").order_by(
            "meeting__start", "order"
        )
    }


def register() -> None:
    sections.register(
        "measures.plan_detail", "committee/sections/plan_agenda_items.html", adopting_items
    )
