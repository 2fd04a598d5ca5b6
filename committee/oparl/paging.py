"""How every OParl endpoint answers: JSON with German texts, GET and HEAD only, errors as OParl
error objects, and lists as pages (OParl 1.1 §2.5) that chain several querysets, so that
tombstones follow the live objects of a type in one stable order."""

import datetime
import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from . import serializers

PAGE_SIZE = 50
# The date filters every list accepts, and the field each reads on live objects and tombstones.
DATE_FILTERS = {
    "created_since": ("created", "gte"),
    "created_until": ("created", "lte"),
    "modified_since": ("modified", "gte"),
    "modified_until": ("modified", "lte"),
}
SAFE_METHODS = ("GET", "HEAD")


class OParlError(Exception):
    status = 400


class NotFound(OParlError):
    status = 404


def oparl_json(data, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    # Public, read-only data: any web client may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error_response(status, message):
    return oparl_json({"type": serializers.oparl_type("Error"), "message": message}, status)


def endpoint(view):
    """Public (no login), GET and HEAD only, German texts, errors as OParl error objects."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            if request.method not in SAFE_METHODS:
                response = error_response(405, _("This interface can only be read (GET, HEAD)."))
                response["Allow"] = ", ".join(SAFE_METHODS)
                return response
            try:
                return view(request, serializers.Links(request), *args, **kwargs)
            except Http404:
                return error_response(404, _("There is no object at this address."))
            except OParlError as error:
                return error_response(error.status, str(error))

    return login_not_required(wrapper)


def parse_moment(name, value):
    try:
        moment = datetime.datetime.fromisoformat(value.replace(" ", "+"))
    except ValueError as error:
        raise OParlError(
            _("%(name)s must be a date and time in ISO 8601 format, e.g. %(example)s.")
            % {"name": name, "example": "2026-01-31T12:00:00+01:00"}
        ) from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def date_filters(request):
    """The request's date filters as {(field, lookup): moment}."""
    return {
        DATE_FILTERS[name]: parse_moment(name, request.GET[name])
        for name in DATE_FILTERS
        if request.GET.get(name)
    }


class Part:
    """One queryset of a list, with the model fields its created/modified filters read."""

    def __init__(self, queryset, created="created", modified="modified"):
        self.queryset = queryset
        self.fields = {"created": created, "modified": modified}

    def filtered(self, filters):
        conditions = Q()
        for (field, lookup), moment in filters.items():
            conditions &= Q(**{f"{self.fields[field]}__{lookup}": moment})
        return self.queryset.filter(conditions).order_by(*self.order())

    def order(self):
        return ["pk"]


class TombstonePart(Part):
    def __init__(self, queryset):
        super().__init__(queryset, created="created", modified="deleted")

    def order(self):
        return ["url_name", "object_pk"]


class Chain:
    """Several querysets read as one sequence: counted once each, sliced where a page falls."""

    def __init__(self, querysets):
        self.querysets = querysets

    @cached_property
    def counts(self):
        return [queryset.count() for queryset in self.querysets]

    def count(self):
        return sum(self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        objects, offset = [], 0
        for queryset, size in zip(self.querysets, self.counts, strict=True):
            start, stop = max(window.start - offset, 0), min(window.stop - offset, size)
            if start < stop:
                objects.extend(queryset[start:stop])
            offset += size
        return objects


def paginated(request, parts, serialize):
    """One page of the chained `parts` after the OParl date filters; the first page has one
    URL, without a page number."""
    filters = date_filters(request)
    kept = {name: request.GET[name] for name in DATE_FILTERS if request.GET.get(name)}
    base = request.build_absolute_uri(request.path)

    def link(number):
        query = urlencode({**kept, **({"page": number} if number > 1 else {})})
        return f"{base}?{query}" if query else base

    raw_page = request.GET.get("page")
    if raw_page is not None and raw_page.strip() == "1":
        return HttpResponsePermanentRedirect(link(1))
    try:
        number = int(raw_page) if raw_page is not None else 1
    except ValueError as error:
        raise OParlError(_("page must be a whole number from 1.")) from error
    if number < 1:
        raise OParlError(_("page must be a whole number from 1."))
    paginator = Paginator(Chain([part.filtered(filters) for part in parts]), PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        raise NotFound(_("This list has no page %(number)s.") % {"number": number}) from error
    links = {"first": link(1), "last": link(paginator.num_pages), "self": link(page.number)}
    if page.has_previous():
        links["prev"] = link(page.previous_page_number())
    if page.has_next():
        links["next"] = link(page.next_page_number())
    return oparl_json(
        {
            "data": [serialize(obj) for obj in page.object_list],
            "pagination": {
                "totalElements": paginator.count,
                "elementsPerPage": PAGE_SIZE,
                "currentPage": page.number,
                "totalPages": paginator.num_pages,
            },
            "links": links,
        }
    )
