"""How every form of the project renders its fields (settings.FORM_RENDERER).

Django 5.2 already marks an invalid field with aria-invalid and points its aria-describedby at
"<id>_helptext" and "<id>_error"; templates/includes/field.html renders elements with exactly
those ids. This bound field adds what Django leaves out: ids a widget brings along itself are
kept, and the error summary learns which element to focus for a group of options.
"""

from pathlib import Path
from typing import Any

import django
from django import forms
from django.forms.renderers import TemplatesSetting

from .widget_html import TEMPLATES, WIDGET_RENDERERS

DJANGO_TEMPLATES = Path(django.__file__).parent / "forms" / "templates"


class BoundField(forms.BoundField):
    @property
    def aria_describedby(self) -> str:
        # Django drops the help text and error ids when the widget sets aria-describedby itself;
        # keep the widget's ids first and add ours.
        own = self.field.widget.attrs.get("aria-describedby", "").split()
        ids = list(own)
        if self.auto_id and not self.is_hidden:
            if self.help_text:
                ids.append(f"{self.auto_id}_helptext")
            if self.errors:
                ids.append(f"{self.auto_id}_error")
        return " ".join(dict.fromkeys(ids))

    @property
    def focus_id(self) -> str:
        """The id the error summary links to: the input, or the first option of a group."""
        if isinstance(self.field.widget, forms.RadioSelect):  # incl. CheckboxSelectMultiple
            for option in self.subwidgets:
                return option.id_for_label
        return self.id_for_label or self.auto_id


# TemplatesSetting: widget templates come from the project's templates first, so that
# templates/admin/widgets/ and templates/auth/widgets/ can fix the admin's markup.
class FormRenderer(TemplatesSetting):
    """Django's choice, input and text area widgets are written in Python (core.widget_html)
    while their templates are Django's own; everything else is rendered from templates."""

    bound_field_class = BoundField

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        write = WIDGET_RENDERERS.get(template_name)
        if write is not None and "widget" in context and self.stock_templates:
            html = write(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request=request)

    @property
    def stock_templates(self) -> bool:
        """Whether the widget templates found are Django's own, not a project's override."""
        if not hasattr(self, "_stock_templates"):
            self._stock_templates = all(self._is_django_template(name) for name in TEMPLATES)
        return self._stock_templates

    def _is_django_template(self, name: str) -> bool:
        template = self.get_template(name)
        return template is not None and Path(template.origin.name).is_relative_to(DJANGO_TEMPLATES)
