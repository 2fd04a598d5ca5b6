"""How every form of the project renders its fields (settings.FORM_RENDERER).

Django 5.2 already marks an invalid field with aria-invalid and points its aria-describedby at
"<id>_helptext" and "<id>_error"; templates/includes/field.html renders elements with exactly
those ids. This bound field adds what Django leaves out: ids a widget brings along itself are
kept, and the error summary learns which element to focus for a group of options.
"""

from django import forms
from django.forms.renderers import TemplatesSetting


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
    bound_field_class = BoundField
