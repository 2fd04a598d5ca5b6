"""Select, checkbox and radio widgets written in Python (core.widget_html) give exactly the bytes
that Django's templates give: each widget is rendered both ways and compared."""

import datetime
import decimal
import re

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from core import caching
from core.filters import AllYesNoSelect
from core.forms import FormRenderer
from core.widget_html import select
from core.widgets import DateInput, DateTimeInput
from measures.filters import MeasureFilter
from measures.forms import MeasureForm, StatusReportForm
from measures.models import Measure

CHOICES = [
    ("", "– all –"),
    ("a&b", 'Fish & "Chips" <b>'),
    ("lazy", gettext_lazy("planned")),
    (1234, 1234),
    ("date", datetime.date(2026, 3, 1)),
    ("safe", mark_safe("<em>kept</em>")),
    ("Group <1>", [("g1", "first"), ("g2", "second")]),
]


def both_ways(widget, name, value, attrs=None):
    """(written in Python, rendered from Django's templates) for one widget."""
    renderer = FormRenderer()
    assert renderer.stock_templates
    fast = widget.render(name, value, attrs=attrs, renderer=renderer)
    context = widget.get_context(name, value, attrs)
    slow = TemplatesSetting.render(renderer, widget.template_name, context)
    return fast, slow


WIDGETS = [
    forms.Select(choices=CHOICES),
    forms.Select(choices=CHOICES, attrs={"class": "x", "required": True, "disabled": False}),
    forms.SelectMultiple(choices=CHOICES, attrs={"data-x": mark_safe("a&amp;b"), "n": None}),
    forms.CheckboxSelectMultiple(choices=CHOICES),
    forms.CheckboxSelectMultiple(choices=CHOICES, attrs={"class": "checkbox-columns"}),
    forms.RadioSelect(choices=CHOICES),
]
VALUES = [None, "", "a&b", ["a&b", "g2", 1234], "unknown"]
# Yes/no selects take one value, not a list.
YES_NO = [
    (widget, value)
    for widget in (forms.NullBooleanSelect(), AllYesNoSelect())
    for value in (None, "", True, False, "true", "unknown")
]


@pytest.mark.parametrize(
    ("widget", "value"),
    [(widget, value) for widget in WIDGETS for value in VALUES] + YES_NO,
    ids=lambda item: type(item).__name__ if isinstance(item, forms.Widget) else repr(item),
)
@pytest.mark.parametrize("attrs", [None, {"id": "id_f"}, {"id": "id_f", "aria-describedby": "h"}])
def test_choice_widgets_write_what_the_templates_write(widget, value, attrs):
    for language in ("de", "en"):
        with override(language):
            fast, slow = both_ways(widget, "field<name>", value, attrs)
            assert fast == slow


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.TextInput(), 'Fish & "Chips" <b>'),
        (forms.TextInput(attrs={"maxlength": 300, "required": True}), None),
        (forms.TextInput(), ""),
        (forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}), 1234),
        (forms.NumberInput(), decimal.Decimal("1234.50")),
        (forms.EmailInput(), "a@b.de"),
        (forms.URLInput(), "https://example.org/?a=1&b=2"),
        (forms.HiddenInput(), 7),
        (forms.PasswordInput(render_value=True), "geheim"),
        (forms.CheckboxInput(), True),
        (forms.CheckboxInput(), False),
        (DateInput(), datetime.date(2026, 3, 1)),
        (DateTimeInput(), datetime.datetime(2026, 3, 1, 18, 30)),
        (forms.Textarea(attrs={"rows": 4}), "Zeile 1\n<Zeile 2> & mehr"),
        (forms.Textarea(), None),
        (forms.Textarea(), mark_safe("<p>safe</p>")),
    ],
    ids=lambda item: type(item).__name__ if isinstance(item, forms.Widget) else repr(item)[:20],
)
@pytest.mark.parametrize("attrs", [None, {"id": "id_f", "aria-describedby": "id_f_helptext"}])
def test_input_widgets_write_what_the_templates_write(widget, value, attrs):
    for language in ("de", "en"):
        with override(language):
            fast, slow = both_ways(widget, "field", value, attrs)
            assert fast == slow


def test_an_overridden_option_template_is_rendered_from_the_template():
    class OwnOption(forms.Select):
        option_template_name = "widgets/own_option.html"

    renderer = FormRenderer()
    widget = OwnOption(choices=[("a", "A")])
    context = widget.get_context("f", "a", None)
    assert renderer.stock_templates
    assert select(context["widget"]) is None  # left to the templates


def normalised(html):
    """A page without its per-request CSRF tokens."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


@pytest.mark.parametrize(
    "url",
    [
        lambda measure: reverse("measures:list") + "?status=planned&priority=high&ordering=-end",
        lambda measure: reverse("measures:edit", args=[measure.pk]),
        lambda measure: reverse("measures:report", args=[measure.pk]),
        lambda measure: reverse("network:actor_list"),
        lambda measure: reverse("network:actor_edit", args=[measure.lead_actor_id]),
        lambda measure: reverse("network:contact_create"),
        lambda measure: reverse("admin:measures_measure_change", args=[measure.pk]),
    ],
    ids=[
        "measure list",
        "measure form",
        "status report form",
        "actor list",
        "actor form",
        "contact form",
        "admin form",
    ],
)
def test_pages_are_the_same_with_and_without_the_python_widgets(
    client, koordination, measure, monkeypatch, url
):
    client.force_login(koordination)
    fast = client.get(url(measure))
    caching.forget_everything()  # the filter panel rendered again, not read from the cache
    monkeypatch.setattr(FormRenderer, "stock_templates", property(lambda self: False))
    slow = client.get(url(measure))
    assert fast.status_code == slow.status_code == 200
    assert b"<option" in fast.content or b'type="checkbox"' in fast.content
    assert normalised(fast.content) == normalised(slow.content)


def test_the_project_forms_render_the_same_both_ways(measure):
    renderer = FormRenderer()
    bound = [
        MeasureForm(instance=measure),
        MeasureForm(data={"status": "done", "priority": "x"}, instance=measure),
        StatusReportForm(initial={"status": Measure.Status.DELAYED}),
        MeasureFilter({"status": ["planned", "delayed"], "plan": str(measure.plan_id)}).form,
    ]
    for form in bound:
        for field in form:
            widget = field.field.widget
            if not widget.template_name.startswith("django/forms/widgets/"):
                continue  # a picker's own template
            context = widget.get_context(
                field.html_name, field.value(), field.build_widget_attrs({})
            )
            fast = renderer.render(widget.template_name, context)
            slow = TemplatesSetting.render(renderer, widget.template_name, context)
            assert fast == slow, field.name
