"""Forms of the proposals: the invitation, the proposer's form by link, and the review."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.widgets import (
    DateInput,
    FilterableCheckboxSelectMultiple,
    PickerMultipleChoiceField,
    PickerSelectMultiple,
)
from measures.models import ActionField, Measure, Plan, Proposal
from network.models import Actor, ContactPerson
from network.search import CONTACTS

from .proposals import default_expiry, invitable_contacts


def measure_label(measure: Measure) -> str:
    return f"{measure.code} {measure.title}"


class InviteForm(forms.Form):
    """Whom to invite: persons picked by name, and all persons (with an e-mail address) of
    actors of the chosen kinds or working in the chosen action fields."""

    contacts = PickerMultipleChoiceField(
        label=_("Contact persons"),
        queryset=ContactPerson.objects.none(),
        widget=PickerSelectMultiple(CONTACTS),
        required=False,
        help_text=_("Only persons with an e-mail address can be invited."),
    )
    actor_kinds = forms.MultipleChoiceField(
        label=_("All contact persons of actors of these kinds"),
        choices=Actor.Kind.choices,
        widget=FilterableCheckboxSelectMultiple,
        required=False,
    )
    action_fields = forms.ModelMultipleChoiceField(
        label=_("All contact persons of actors working in these action fields"),
        queryset=ActionField.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    expires_on = forms.DateField(label=_("Links valid until"), widget=DateInput())
    message = forms.CharField(
        label=_("E-mail text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Placeholders: {name} the contact person, {link} the personal link, {expires_on} "
            "the validity date, {plan} the draft plan, {sender} your name and the office."
        ),
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["contacts"].queryset = invitable_contacts().select_related("actor")
        self.fields["action_fields"].queryset = ActionField.objects.filter(plan=plan).order_by(
            "order", "code"
        )
        self.fields["action_fields"].label_from_instance = lambda field: (
            f"{field.code} {field.title}"
        )

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The date must not be in the past."))
        return value

    def clean_message(self):
        message = self.cleaned_data["message"]
        if "{link}" not in message:
            raise forms.ValidationError(_("The text must contain the placeholder {link}."))
        return message

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.recipients():
            raise forms.ValidationError(
                _("Please choose at least one contact person with an e-mail address.")
            )
        return cleaned

    def recipients(self) -> list[ContactPerson]:
        """Every chosen person with an e-mail address, once, ordered by name."""
        cleaned = self.cleaned_data
        scope = Q(pk__in=[contact.pk for contact in cleaned.get("contacts") or []])
        if cleaned.get("actor_kinds"):
            scope |= Q(actor__kind__in=cleaned["actor_kinds"])
        fields = list(cleaned.get("action_fields") or [])
        if fields:
            scope |= (
                Q(actor__action_fields__in=fields)
                | Q(actor__led_measures__action_field__in=fields)
                | Q(actor__partner_measures__action_field__in=fields)
            )
        if not hasattr(self, "_recipients"):
            ids = invitable_contacts().filter(scope).values("pk")
            self._recipients = list(
                ContactPerson.objects.filter(pk__in=ids)
                .select_related("actor")
                .order_by("last_name", "first_name", "pk")
            )
        return self._recipients


class ProposalForm(forms.ModelForm):
    """The proposer's form: plain words, few fields, readable on a phone."""

    class Meta:
        model = Proposal
        fields = ["kind", "measure", "action_field", "title", "description", "goal", "partners"]
        labels = {
            "kind": _("What would you like to propose?"),
            "measure": _("Which measure should change?"),
            "action_field": _("Action field"),
            "title": _("Short title of your proposal"),
            "description": _("What should be done?"),
            "goal": _("What should it achieve?"),
            "partners": _("Who could take part? (optional)"),
        }
        help_texts = {
            "measure": _("Only for a change: the measure of the draft plan."),
            "action_field": _("The topic your proposal belongs to (for a new measure)."),
            "partners": _("For example organisations, clubs or offices."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "goal": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (Proposal.Kind.NEW, _("a new measure")),
            (Proposal.Kind.CHANGE, _("a change to a measure of the draft plan")),
        ]
        measures = self.fields["measure"]
        measures.queryset = Measure.objects.filter(plan=plan).only("pk", "code", "title")
        measures.label_from_instance = measure_label
        measures.empty_label = _("– please choose –")
        fields = self.fields["action_field"]
        fields.queryset = ActionField.objects.filter(plan=plan).only("pk", "code", "title")
        fields.label_from_instance = lambda field: f"{field.code} {field.title}"
        fields.empty_label = _("– please choose –")
        forums = list(plan.forums.all())
        if forums:
            self.fields["forum"] = forms.ModelChoiceField(
                label=_("Did the idea come up in a specialist forum? (optional)"),
                queryset=plan.forums.all(),
                required=False,
                empty_label=_("no"),
            )
            self.fields["forum"].choices = [("", _("no"))] + [
                (forum.pk, forum.title) for forum in forums
            ]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Proposal.Kind.CHANGE and not cleaned.get("measure"):
            self.add_error("measure", _("Please choose the measure that should change."))
        if kind == Proposal.Kind.NEW and not cleaned.get("action_field"):
            self.add_error("action_field", _("Please choose the action field."))
        return cleaned

    def proposal_fields(self) -> dict:
        names = [*self.Meta.fields, "forum"]
        return {name: self.cleaned_data.get(name) for name in names}


class AcceptNewForm(forms.ModelForm):
    """Accept a proposal as a new measure of the draft: staff check the prefilled values."""

    prefix = "new"

    class Meta:
        model = Measure
        fields = ["code", "action_field", "title", "description", "goal"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "goal": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, proposal: Proposal, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "action_field": proposal.action_field_id,
                "title": proposal.title,
                "description": proposal.description,
                "goal": proposal.goal,
            },
        )
        super().__init__(*args, **kwargs)
        self.plan = proposal.plan
        self.instance.plan = proposal.plan
        field = self.fields["action_field"]
        field.queryset = ActionField.objects.filter(plan=proposal.plan).order_by("order", "code")
        field.label_from_instance = lambda item: f"{item.code} {item.title}"
        self.fields["code"].help_text = _("Unique in the draft plan, e.g. 2.7.")

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if Measure.objects.filter(plan=self.plan, code=code).exists():
            raise forms.ValidationError(_("A measure with this code already exists in this plan."))
        return code


class AcceptChangeForm(VersionedFormMixin, forms.ModelForm):
    """Accept a proposal as a change of the draft measure: the proposed texts, editable."""

    prefix = "change"

    class Meta:
        model = Measure
        fields = ["title", "description", "goal"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "goal": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, proposal: Proposal, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "title": proposal.title,
                "description": proposal.description,
                "goal": proposal.goal or proposal.measure.goal,
            },
        )
        super().__init__(*args, instance=proposal.measure, **kwargs)


class DeclineForm(forms.Form):
    prefix = "decline"

    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The proposer receives this reason by e-mail."),
    )


class ProposalFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=Proposal.State.choices, empty_label=_("all")
    )

    class Meta:
        model = Proposal
        fields = ["state"]


def default_invite_initial(message: str) -> dict:
    return {"expires_on": default_expiry(), "message": message}
