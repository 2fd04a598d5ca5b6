"""The import pages' links: within the section that serves them, shown to who may import."""

from django import template
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.template.context import Context

from core.imports import registry
from core.imports.views import import_url as _import_url

register = template.Library()


@register.simple_tag(takes_context=True)
def import_url(context: Context, name: str, *args: object) -> str:
    """`{% import_url "import_upload" kind.slug %}`: an import page of the current section."""
    return _import_url(context["request"], name, *args)


@register.filter
def may_import(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether `user` may import any registered kind (the section shows its import link)."""
    return bool(registry.allowed_kinds(user))
