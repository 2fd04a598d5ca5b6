"""OParl endpoints: public, read-only JSON; lists are paginated as OParl 1.1 requires."""

import datetime
import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max, Min, Prefetch, Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from ..models import (
    AgendaItem,
    Attendance,
    Committee,
    Document,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)
from . import serializers

PAGE_SIZE = 50
DATE_FILTERS = {
    "created_since": "created__gte",
    "created_until": "created__lte",
    "modified_since": "modified__gte",
    "modified_until": "modified__lte",
}


class BadRequest(Exception):
    pass


def oparl_json(data, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    # Public, read-only data: any web client may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def endpoint(view):
    """Public (no login), GET only, German labels, JSON errors."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                return view(request, serializers.Links(request), *args, **kwargs)
            except BadRequest as error:
                return oparl_json({"error": str(error)}, status=400)

    return login_not_required(require_GET(wrapper))


def parse_moment(name, value):
    try:
        moment = datetime.datetime.fromisoformat(value.replace(" ", "+"))
    except ValueError as error:
        raise BadRequest(f"{name} must be a date and time in ISO 8601 format.") from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def paginated(request, queryset, serialize):
    """One page of `queryset` in stable order, after the OParl date filters."""
    conditions = Q()
    for name, lookup in DATE_FILTERS.items():
        if request.GET.get(name):
            conditions &= Q(**{lookup: parse_moment(name, request.GET[name])})
    paginator = Paginator(queryset.filter(conditions).order_by("pk"), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger as error:
        raise BadRequest("page must be a number.") from error
    except EmptyPage as error:
        raise Http404 from error
    base = request.build_absolute_uri(request.path)
    kept = {key: value for key, value in request.GET.items() if key in DATE_FILTERS}

    def link(number):
        return f"{base}?{urlencode({**kept, 'page': number})}"

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


def check_body(body_id):
    if body_id != serializers.BODY_ID:
        raise Http404


def body_times():
    """The body has no record of its own; its times are those of the committees."""
    times = Committee.objects.aggregate(created=Min("created"), modified=Max("modified"))
    now = timezone.now()
    return times["created"] or now, times["modified"] or now


@endpoint
def system(request, links):
    return oparl_json(serializers.system(links, *body_times()))


@endpoint
def body_list(request, links):
    data = [_body(links)]
    pagination = {"totalElements": 1, "elementsPerPage": PAGE_SIZE, "currentPage": 1}
    url = links("body_list")
    return oparl_json(
        {
            "data": data,
            "pagination": {**pagination, "totalPages": 1},
            "links": {"first": url, "last": url, "self": url},
        }
    )


def _body(links):
    terms = LegislativeTerm.objects.order_by("start")
    contact = Committee.objects.exclude(contact_email="").values_list("contact_email", flat=True)
    return serializers.body(links, terms, contact.first() or "", *body_times())


@endpoint
def body(request, links, body_id):
    check_body(body_id)
    return oparl_json(_body(links))


def object_list(queryset, serialize):
    """A body's paginated list of one object type; `queryset` is called per request."""

    @endpoint
    def view(request, links, body_id):
        check_body(body_id)
        return paginated(request, queryset(), lambda obj: serialize(obj, links))

    return view


def object_detail(queryset, serialize):
    @endpoint
    def view(request, links, pk):
        return oparl_json(serialize(get_object_or_404(queryset(), pk=pk), links))

    return view


def organizations():
    return Committee.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.only("pk", "committee_id"))
    )


def memberships():
    return Membership.objects.select_related("deputy_for")


def persons():
    return Member.objects.prefetch_related(
        Prefetch("memberships", queryset=memberships().order_by("start", "pk"))
    )


def terms():
    return LegislativeTerm.objects.all()


def items():
    return AgendaItem.objects.published().prefetch_related(Prefetch("documents", queryset=files()))


def meetings():
    return (
        Meeting.objects.public()
        .select_related("committee")
        .prefetch_related(
            Prefetch("agenda_items", queryset=items().order_by("order", "pk")),
            Prefetch(
                "attendances", queryset=Attendance.objects.only("meeting_id", "member_id", "state")
            ),
        )
    )


def locations():
    return Meeting.objects.public().exclude(location="", room="", address="")


def files():
    return Document.objects.published().select_related("agenda_item")


organization_list = object_list(organizations, serializers.organization)
organization = object_detail(organizations, serializers.organization)
person_list = object_list(persons, serializers.person)
person = object_detail(persons, serializers.person)
membership_list = object_list(memberships, serializers.membership)
membership = object_detail(memberships, serializers.membership)
legislative_term_list = object_list(terms, serializers.legislative_term)
legislative_term = object_detail(terms, serializers.legislative_term)
meeting_list = object_list(meetings, serializers.meeting)
meeting = object_detail(meetings, serializers.meeting)
agenda_item_list = object_list(items, serializers.agenda_item)
agenda_item = object_detail(items, serializers.agenda_item)
location_list = object_list(locations, serializers.location)
location = object_detail(locations, serializers.location)
file_list = object_list(files, serializers.file)
file = object_detail(files, serializers.file)


@endpoint
def organization_meeting_list(request, links, pk):
    committee = get_object_or_404(Committee, pk=pk)
    queryset = meetings().filter(committee=committee)
    return paginated(request, queryset, lambda m: serializers.meeting(m, links))


@endpoint
def file_download(request, links, pk):
    """The document itself, for public items of public meetings only."""
    document = get_object_or_404(files(), pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, filename=document.file_name, content_type=document.mime_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@endpoint
def paper_list(request, links, body_id):
    """Papers (Drucksachen) are not managed here; OParl requires the list, so it is empty."""
    check_body(body_id)
    return paginated(request, Committee.objects.none(), lambda obj: {})
