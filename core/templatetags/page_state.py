"""What the base templates ask about a page: does it show errors, does a form need input."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.forms import BaseForm, BaseFormSet
from django.template.context import Context
from django_filters.filterset import BaseFilterSet

register = template.Library()


def _has_errors(value: Any) -> bool:
    if isinstance(value, BaseFilterSet):
        value = value.form
    if isinstance(value, BaseForm):
        return value.is_bound and bool(value.errors)
    if isinstance(value, BaseFormSet):
        return value.is_bound and value.total_error_count() > 0
    return False


@register.simple_tag(takes_context=True)
def page_shows_form_errors(context: Context) -> bool:
    """True when any form, formset or filter of the page reports an error.

    Views name their forms differently (form, formset, document_form, filter …), so the whole
    context is searched instead of one variable.
    """
    return any(_has_errors(value) for value in context.flatten().values())


@register.filter
def has_error_messages(messages: Iterable[Message] | None) -> bool:
    # Reading the messages marks them as shown: use it only where the page shows them.
    return any(message.level >= constants.ERROR for message in messages or ())


@register.filter
def has_required_fields(form: BaseForm | None) -> bool:
    """Whether the form marks a field as required, i.e. needs the "* Required field" note."""
    return any(field.field.required for field in form.visible_fields()) if form else False
