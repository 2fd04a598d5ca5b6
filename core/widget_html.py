"""Django's choice, input and text area widgets written in Python, byte for byte as its templates.

Django renders every option of a choice widget through a template of its own (select_option.html,
which includes attrs.html; input_option.html, which includes input.html): about 45 µs per option,
most of a page's time where a form or filter panel offers a few hundred options; every text,
number or date field and text area goes through two templates as well. The functions
here produce the same markup as those templates do, with the same escaping and localisation
(tests/test_widget_html.py renders each widget both ways and compares the bytes). The form
renderer uses them only while the templates in question are Django's own; a project template
overriding one of them is rendered as usual.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.template.defaultfilters import stringformat
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # not in the stubs

WIDGETS = "django/forms/widgets/"

# The widgets whose template holds nothing but `{% include "…/input.html" %}`.
INPUTS = [
    "checkbox",
    "color",
    "date",
    "datetime",
    "email",
    "hidden",
    "number",
    "password",
    "search",
    "tel",
    "text",
    "time",
    "url",
]
# The templates whose output these functions reproduce; all must be Django's own.
TEMPLATES = [
    f"{WIDGETS}{name}.html"
    for name in (
        "select",
        "select_option",
        "attrs",
        "checkbox_select",
        "radio",
        "multiple_input",
        "checkbox_option",
        "radio_option",
        "input_option",
        "input",
        "textarea",
        *INPUTS,
    )
]


def _text(value: Any) -> str:
    """`{{ value }}` with autoescaping, as django.template.base.render_value_in_context."""
    value = localize(template_localtime(value))
    if not issubclass(type(value), str):
        value = str(value)
    return conditional_escape(value)


def _formatted(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: the filter keeps a safe value safe (is_safe=True)."""
    output = stringformat(value, "s")
    return _text(mark_safe(output) if isinstance(value, SafeData) else output)


def _attrs(attrs: Mapping[str, Any]) -> str:
    """attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is not False:
            parts.append(f" {_text(name)}")
            if value is not True:
                parts.append(f'="{_formatted(value)}"')
    return "".join(parts)


def _select_option(option: Mapping[str, Any]) -> str:
    """select_option.html, with its final line break."""
    return (
        f'<option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_text(option['label'])}</option>\n"
    )


def _input_tag(widget: Mapping[str, Any]) -> str:
    """input.html, without its final line break."""
    # The template's "!= None", which a value's own __eq__ may answer.
    value = f' value="{_formatted(widget["value"])}"' if widget["value"] != None else ""  # noqa: E711
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>"
    )


def _input_option(option: Mapping[str, Any]) -> str:
    """checkbox_option.html and radio_option.html: input_option.html with input.html inside."""
    attrs = option["attrs"]
    html = f"{_input_tag(option)}\n"
    if option["wrap_label"]:
        label_for = f' for="{_text(attrs["id"])}"' if attrs.get("id") else ""
        html = f"<label{label_for}>{html} {_text(option['label'])}</label>"
    return f"{html}\n\n"


OPTIONS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    f"{WIDGETS}select_option.html": _select_option,
    f"{WIDGETS}checkbox_option.html": _input_option,
    f"{WIDGETS}radio_option.html": _input_option,
}


def _options_known(widget: Mapping[str, Any]) -> bool:
    return all(
        option["template_name"] in OPTIONS
        for _group, options, _index in widget["optgroups"]
        for option in options
    )


def select(widget: Mapping[str, Any]) -> str | None:
    """select.html, or None for an option template of another kind."""
    if not _options_known(widget):
        return None
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            parts.append(f"\n  {OPTIONS[option['template_name']](option)}")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def multiple_input(widget: Mapping[str, Any]) -> str | None:
    """checkbox_select.html and radio.html (multiple_input.html), or None as for select()."""
    if not _options_known(widget):
        return None
    attrs = widget["attrs"]
    parts = ["<div"]
    if attrs.get("id"):
        parts.append(f' id="{_text(attrs["id"])}"')
    if attrs.get("class"):
        parts.append(f' class="{_text(attrs["class"])}"')
    parts.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_text(group)}</label>")
        for option in options:
            parts.append(f"<div>\n    {OPTIONS[option['template_name']](option)}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def textarea(widget: Mapping[str, Any]) -> str:
    """textarea.html"""
    value = _text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


WIDGET_RENDERERS: dict[str, Callable[[Mapping[str, Any]], str | None]] = {
    f"{WIDGETS}select.html": select,
    f"{WIDGETS}checkbox_select.html": multiple_input,
    f"{WIDGETS}radio.html": multiple_input,
    f"{WIDGETS}textarea.html": textarea,
    **{f"{WIDGETS}{name}.html": _input_tag for name in INPUTS},
}
