"""The user admin: Koordination manages the office's three roles, superusers everything else.

Koordination holds the user-management permissions (roles.USER_MANAGEMENT), which in Django's
own user admin would let it make anyone, itself included, a superuser. Here only a superuser
grants superuser or staff status or single permissions, and only a superuser opens, changes or
deletes a superuser's account; everybody else assigns the role groups only.
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import ManyToManyField
from django.forms import BaseFormSet, ModelForm, ModelMultipleChoiceField
from django.http import HttpRequest

from .roles import ROLES

PRIVILEGE_FIELDS = ["is_superuser", "is_staff", "user_permissions"]


class RoleUserAdmin(UserAdmin):
    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return readonly
        return readonly + PRIVILEGE_FIELDS

    def formfield_for_manytomany(
        self, db_field: ManyToManyField, request: HttpRequest, **kwargs: Any
    ) -> ModelMultipleChoiceField | None:
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list[BaseFormSet], change: bool
    ) -> None:
        # The form offers the role groups only; other groups a superuser gave stay.
        kept: list[Group] = []
        if change and not request.user.is_superuser:
            kept = list(form.instance.groups.exclude(name__in=ROLES))
        super().save_related(request, form, formsets, change)
        if kept:
            form.instance.groups.add(*kept)

    def _guards_superuser(self, request: HttpRequest, obj: User | None) -> bool:
        return obj is not None and obj.is_superuser and not request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        if self._guards_superuser(request, obj):
            return False
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        if self._guards_superuser(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        if self._guards_superuser(request, obj):
            return False
        return super().has_delete_permission(request, obj)


admin.site.unregister(User)
admin.site.register(User, RoleUserAdmin)
