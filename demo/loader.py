"""Loads the demo data: plans, network, measures with their monitoring, committee, users.

The base data is written once, identified by the current demo plan; a later run only adds
missing scaled copies and re-ensures the demo users, so running it again changes nothing.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from committee.models import AgendaItem, Meeting, Member
from core.roles import LESEZUGRIFF
from measures.models import (
    ActionField,
    ArchivedReport,
    Area,
    CityIndicator,
    CityIndicatorValue,
    Indicator,
    IndicatorValue,
    Measure,
    MonitoringRound,
    Plan,
    Project,
    StatusReport,
)
from network.models import Actor, ContactPerson

from . import content
from .content_network import ACTORS
from .helpers import bulk, day, link
from .proposals import add_proposals
from .scaling import add_copies
from .write_committee import load_committee
from .write_draft import build_draft
from .write_indicators import add_indicator_copies, load_monitoring
from .write_monitoring import load_indicators, load_projects, load_reports
from .write_network import load_activities, load_network
from .write_offers import load_offers
from .write_projects import assign_responsible, load_funding
from .write_public import load_public_summaries, load_public_texts
from .write_rounds import load_rounds

# Published on purpose: the accounts exist only in DEBUG mode, for local demonstrations.
DEMO_PASSWORD = "demo-passwort"
DEMO_USERNAMES = frozenset(
    [username for username, *_rest in content.DEMO_USERS] + [content.DEMO_ADMIN[0]]
)


def is_demo_login(username, password):
    """Whether a login uses a demo account with its published password (changed ones are real)."""
    return username in DEMO_USERNAMES and password == DEMO_PASSWORD


class DemoDataError(Exception):
    """The database holds data that the demo data would collide with."""


@dataclass
class DemoResult:
    created: bool
    copies: list[int]
    # (username, role) of the demo accounts; None when DEBUG is off and none were created.
    users: list[tuple[str, str]] | None
    counts: dict[str, int]


def load_demo(scale=1):
    """Load the demo data unless present, add copies up to `scale`, ensure the demo users."""
    if scale < 1:
        raise DemoDataError("The scale must be 1 or more.")
    with transaction.atomic():
        plan = demo_plan()
        created = plan is None
        if created:
            plan = _load_base()
        copies = add_copies(plan, scale)
        add_indicator_copies(scale)
        users = ensure_users(plan) if settings.DEBUG else None
    return DemoResult(created=created, copies=copies, users=users, counts=count_rows(plan))


def demo_plan():
    return Plan.objects.filter(
        title=content.CURRENT_PLAN["title"],
        version_label=content.CURRENT_PLAN["version_label"],
    ).first()


def _load_base():
    if Plan.objects.filter(state=Plan.State.ADOPTED).exists():
        raise DemoDataError(
            "The database already has an adopted plan; load the demo into an empty database."
        )
    taken = list(
        Actor.objects.filter(name__in=[spec["name"] for spec in ACTORS]).values_list(
            "name", flat=True
        )
    )
    if taken:
        raise DemoDataError(f"Actors with demo names exist already: {', '.join(taken)}.")
    first_plan, old_measures = _load_first_plan()
    plan = Plan.objects.create(
        **_plan_fields(content.CURRENT_PLAN), predecessor=first_plan, state=Plan.State.ADOPTED
    )
    fields = _action_fields(plan, content.ACTION_FIELDS)
    actors = load_network(fields)
    measures = _load_measures(plan, fields, actors, old_measures)
    reports = load_reports(measures)
    load_indicators(measures)
    load_monitoring(plan, measures)
    load_projects(measures, actors)
    load_funding(measures, actors)
    load_offers(actors, measures)
    load_activities(fields, actors, measures)
    load_committee(measures)
    load_rounds(plan, measures, reports)
    add_proposals(build_draft(plan, actors))
    load_public_texts()
    load_public_summaries(plan)
    return plan


def _plan_fields(spec):
    return {**spec, "adopted_on": day(spec["adopted_on"])}


def _action_fields(plan, specs):
    fields = bulk(
        ActionField,
        [
            ActionField(plan=plan, code=code, title=title, guiding_goal=goal, order=order)
            for order, (code, title, goal) in enumerate(specs, start=1)
        ],
    )
    return {field.code: field for field in fields}


def _load_first_plan():
    """The archived first plan of 2010 with the measures that the current plan continues."""
    plan = Plan.objects.create(**_plan_fields(content.FIRST_PLAN), state=Plan.State.ARCHIVED)
    fields = _action_fields(plan, content.FIRST_PLAN_ACTION_FIELDS)
    start, end = content.FIRST_PLAN_PERIOD
    measures = bulk(
        Measure,
        [
            Measure(
                plan=plan,
                action_field=fields[field_code],
                code=code,
                title=title,
                status=status,
                progress=progress,
                start=day(start),
                end=day(end),
            )
            for code, field_code, title, status, progress in content.FIRST_PLAN_MEASURES
        ],
    )
    return plan, {measure.code: measure for measure in measures}


def _load_measures(plan, fields, actors, old_measures):
    """Create the current plan's measures; returns them by code."""
    measures = bulk(
        Measure,
        [_measure(plan, fields, actors, old_measures, spec) for spec in content.MEASURES],
    )
    link(
        Measure._meta.get_field("partner_actors"),
        [
            (measure.pk, actors[name].pk)
            for measure, spec in zip(measures, content.MEASURES, strict=True)
            for name in spec["partners"]
        ],
    )
    link(
        Measure._meta.get_field("predecessors"),
        [
            (measure.pk, old_measures[spec["predecessor"]].pk)
            for measure, spec in zip(measures, content.MEASURES, strict=True)
            if spec.get("predecessor") in old_measures
        ],
    )
    return {measure.code: measure for measure in measures}


def _measure(plan, fields, actors, old_measures, spec):
    start, end = spec["period"]
    return Measure(
        plan=plan,
        action_field=fields[spec["code"].split(".")[0]],
        code=spec["code"],
        title=spec["title"],
        description=spec["description"],
        goal=spec["goal"],
        target_groups=spec["target_groups"],
        lead_actor=actors[spec["lead"]],
        priority=spec["priority"],
        start=day(start),
        end=day(end),
        is_continuous=end is None,
        status=spec["status"],
        progress=spec["progress"],
        cost_estimate=Decimal(spec["cost"]) if "cost" in spec else None,
        funding_source=spec.get("funding", ""),
        is_public=spec.get("public", True),
    )


def ensure_users(plan):
    """Create or reset the demo accounts and make them responsible for the demo measures."""
    users = {}
    for username, first_name, last_name, role in content.DEMO_USERS:
        try:
            group = Group.objects.get(name=role)
        except Group.DoesNotExist as error:
            raise DemoDataError(f"The group {role!r} is missing; run migrate first.") from error
        users[username] = _user(username, first_name, last_name, is_staff=role != LESEZUGRIFF)
        users[username].groups.set([group])
    username, first_name, last_name = content.DEMO_ADMIN
    _user(username, first_name, last_name, is_staff=True, is_superuser=True)
    for username, field_codes in content.RESPONSIBLE_BY_FIELD.items():
        Measure.objects.filter(
            plan=plan, responsible=None, action_field__code__in=field_codes
        ).update(responsible=users[username])
    assign_responsible(users)
    return [(username, role) for username, *_names, role in content.DEMO_USERS] + [
        (content.DEMO_ADMIN[0], "Superuser")
    ]


def _user(username, first_name, last_name, **flags):
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.first_name = first_name
    user.last_name = last_name
    user.email = f"{username}@example.org"
    for name, value in flags.items():
        setattr(user, name, value)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def count_rows(plan):
    """Row counts for the command's summary."""
    return {
        "Pläne": Plan.objects.count(),
        "Handlungsfelder (aktueller Plan)": plan.action_fields.count(),
        "Maßnahmen (aktueller Plan)": plan.measures.count(),
        "Akteure": Actor.objects.count(),
        "Kontaktpersonen": ContactPerson.objects.count(),
        "Sachstandsberichte": StatusReport.objects.count(),
        "Monitoring-Abfragen": MonitoringRound.objects.count(),
        "Archivierte Monitoringberichte": ArchivedReport.objects.count(),
        "Kennzahlen": Indicator.objects.count(),
        "Kennzahlwerte": IndicatorValue.objects.count(),
        "Projekte": Project.objects.count(),
        "Gebiete (Integrationsmonitoring)": Area.objects.count(),
        "Monitoring-Indikatoren": CityIndicator.objects.count(),
        "Monitoring-Werte": CityIndicatorValue.objects.count(),
        "Ausschussmitglieder": Member.objects.count(),
        "Sitzungen": Meeting.objects.count(),
        "Tagesordnungspunkte": AgendaItem.objects.count(),
    }
