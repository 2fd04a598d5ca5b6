"""Forms of the plans and the draft: start, edit, add, merge, split, end, adopt."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.validators import reject_control_characters
from core.widgets import DateInput
from measures.forms import MeasureForm
from measures.models import ActionField, Measure, Plan
from network.models import Event

SPLIT_PARTS = 5


def clean_code(value: str) -> str:
    code = value.strip()
    reject_control_characters(code)
    return code


def code_taken(plan: Plan, code: str, leaving: list[int]) -> bool:
    """Whether another measure of `plan` (not one of `leaving`) has `code`."""
    taken = Measure.objects.filter(plan=plan, code__iexact=code).exclude(pk__in=leaving)
    return taken.exists()


def choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """The form's field `name`, a choice of records whose queryset the form narrows."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


CODE_TAKEN = _("A measure with this code already exists in this plan.")


class StartForm(forms.Form):
    title = forms.CharField(label=_("Title of the new plan"), max_length=200)
    version_label = forms.CharField(
        label=_("Version"),
        max_length=100,
        help_text=_("E.g. “Entwurf 2027”; you can change it until the adoption."),
    )


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "version_label", "introduction", "forums"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 8}),
            "forums": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "introduction": _("The introduction of the council's Beschlussvorlage."),
            "forums": _("The specialist forums (Fachforen) held for this update."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        linked = list(self.instance.forums.values_list("pk", flat=True))
        choice_field(self, "forums").queryset = Event.objects.filter(
            Q(kind=Event.Kind.SPECIALIST_FORUM) | Q(pk__in=linked)
        ).order_by("-start")


class DraftMeasureForm(MeasureForm):
    """A new measure of the draft: what the council decides on; status and progress start."""

    class Meta(MeasureForm.Meta):
        fields = [
            "action_field",
            "code",
            "title",
            "description",
            "goal",
            "lead_actor",
            "partner_actors",
            "responsible",
            "start",
            "end",
            "is_continuous",
            "cost_estimate",
            "funding_source",
            "source_forum",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "source_forum").queryset = self.instance.plan.forums.order_by("-start")


class MergeForm(forms.Form):
    measures = forms.ModelMultipleChoiceField(
        label=_("Measures to merge"),
        queryset=Measure.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least two. They leave the draft; the new measure continues them."),
    )
    action_field = forms.ModelChoiceField(label=_("Action field"), queryset=ActionField.objects)
    code = forms.CharField(label=_("Code of the new measure"), max_length=20)
    title = forms.CharField(label=_("Title of the new measure"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        choice_field(self, "measures").queryset = plan.measures.select_related(None).order_by(
            "action_field__order", "code"
        )
        choice_field(self, "action_field").queryset = plan.action_fields.order_by("order", "code")

    def clean_measures(self) -> Any:
        chosen = self.cleaned_data["measures"]
        if len(chosen) < 2:
            raise forms.ValidationError(_("Please choose at least two measures to merge."))
        return chosen

    def clean_code(self) -> str:
        return clean_code(self.cleaned_data["code"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        chosen = cleaned.get("measures") or []
        code = cleaned.get("code")
        if code and code_taken(self.plan, code, [measure.pk for measure in chosen]):
            self.add_error("code", CODE_TAKEN)
        return cleaned


class SplitForm(forms.Form):
    """Up to five new measures, each with code and title; the first two are needed."""

    def __init__(self, *args: Any, measure: Measure, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.measure = measure
        for number in range(1, SPLIT_PARTS + 1):
            required = number <= 2
            self.fields[f"code_{number}"] = forms.CharField(
                label=_("Code of new measure %(number)d") % {"number": number},
                max_length=20,
                required=required,
            )
            self.fields[f"title_{number}"] = forms.CharField(
                label=_("Title of new measure %(number)d") % {"number": number},
                max_length=300,
                required=required,
            )

    def rows(self) -> list[tuple[Any, Any]]:
        return [
            (self[f"code_{number}"], self[f"title_{number}"])
            for number in range(1, SPLIT_PARTS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        seen: set[str] = set()
        for number in range(1, SPLIT_PARTS + 1):
            code = clean_code(cleaned.get(f"code_{number}") or "")
            title = (cleaned.get(f"title_{number}") or "").strip()
            if bool(code) != bool(title):
                missing = f"title_{number}" if code else f"code_{number}"
                self.add_error(missing, _("Please enter both code and title."))
            elif code and code.lower() in seen:
                self.add_error(f"code_{number}", _("Each new measure needs its own code."))
            elif code and code_taken(self.measure.plan, code, [self.measure.pk]):
                self.add_error(f"code_{number}", CODE_TAKEN)
            if code:
                seen.add(code.lower())
        return cleaned

    def parts(self) -> list[tuple[str, str]]:
        return [
            (self.cleaned_data[f"code_{n}"].strip(), self.cleaned_data[f"title_{n}"].strip())
            for n in range(1, SPLIT_PARTS + 1)
            if self.cleaned_data.get(f"code_{n}")
        ]


class EndForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why does the measure end?"),
        choices=Measure.EndReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. where the task continues in regular operation."),
    )


class AdoptForm(forms.Form):
    """The council's resolution. A higher layer may extend it (core.extensions) and save
    more in `after_adoption`, which runs in the adoption's transaction."""

    adopted_on = forms.DateField(label=_("Adopted by the council on"), widget=DateInput())
    resolution_reference = forms.CharField(
        label=_("Reference of the council's resolution"),
        max_length=200,
        help_text=_("E.g. the number of the Gemeinderat's resolution."),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_adopted_on(self) -> Any:
        adopted_on = self.cleaned_data["adopted_on"]
        if adopted_on > timezone.localdate():
            raise forms.ValidationError(_("The adoption date must not be in the future."))
        return adopted_on

    def after_adoption(self, plan: Plan, user: Any) -> None:
        """Hook for extensions: save what else the form holds about the adoption."""
