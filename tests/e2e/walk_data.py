"""Small data for the page walk: every page has something to show, with long German words.

Long compound words ("Integrationskursträgerkoordinierungsstelle") are what makes tables and
detail pages too wide on a phone, so the data uses them on purpose.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from committee.models import (
    AgendaItem,
    Attendance,
    Committee,
    Document,
    FollowUp,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)
from core.models import Job
from measures.models import (
    ActionField,
    Indicator,
    IndicatorValue,
    Measure,
    ReportedIndicatorValue,
    StatusReport,
)
from network.models import (
    Actor,
    ContactPerson,
    ErasureLog,
    Event,
    EventParticipant,
    WorkingGroup,
)
from tests.indicators.world import indicator_world
from tests.monitoring.builders import make_archived, make_contact, make_request, make_round, submit

LONG_WORDS = (
    "Integrationskursträgerkoordinierungsstelle",
    "Migrationsberatungsstellenvernetzungskonzept",
    "Sprachförderungsangebotsweiterentwicklung",
    "Ausbildungsplatzvermittlungsunterstützung",
    "Elternbeteiligungsmöglichkeitenerweiterung",
)


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def network(action_field, actor, measure):
    organisation = Actor.objects.create(
        name=f"Verein {LONG_WORDS[0]} e. V.",
        short_name="IKK",
        kind=Actor.Kind.MIGRANT_ORGANISATION,
        languages="tr,ku,ar,de",
        communities="Familien mit Wurzeln in der Türkei und in Syrien",
        founded_year=1998,
        member_count=120,
    )
    organisation.action_fields.add(action_field)
    measure.partner_actors.add(organisation)
    contact = ContactPerson.objects.create(
        actor=organisation,
        salutation=ContactPerson.Salutation.MS,
        first_name="Derya",
        last_name="Kaya-Schönleber",
        function=LONG_WORDS[1],
        email="derya.kaya-schoenleber@beispiel-integrationsverein.example.com",
        phone="07161 123456",
        preferred_language="tr",
        legal_basis=ContactPerson.LegalBasis.CONSENT,
        consent_date=datetime.date(2023, 11, 8),
        consent_scope="Netzwerkarbeit",
        source="Anmeldung Fachforum 2018",
        last_confirmed=datetime.date(2023, 11, 8),
    )
    group = WorkingGroup.objects.create(title=f"Arbeitskreis {LONG_WORDS[2]}", chair=contact)
    group.action_fields.add(action_field)
    group.member_actors.add(actor, organisation)
    group.member_contacts.add(contact)
    event = Event.objects.create(
        title=f"Fachforum {LONG_WORDS[3]}",
        kind=Event.Kind.SPECIALIST_FORUM,
        start=aware(2026, 11, 14, 17, 0),
        location="Rathaus, Großer Sitzungssaal",
        summary="Sprachförderung für Mütter wird Maßnahme 1.1.",
    )
    event.action_fields.add(action_field)
    event.measures.add(measure)
    EventParticipant.objects.create(event=event, contact=contact, attended=True)
    EventParticipant.objects.create(event=event, actor=actor)
    ErasureLog.objects.create()
    return {"organisation": organisation, "contact": contact, "group": group, "event": event}


def indicators(measure):
    rows = []
    for title, unit, values in (
        (f"Teilnehmerinnen der {LONG_WORDS[0]}", "Personen", (12, 18)),
        ("Abgeschlossene Sprachkurse", "Kurse", (2, 3)),
    ):
        indicator = Indicator.objects.create(
            measure=measure, title=title, unit=unit, baseline=Decimal(0), target=Decimal(40)
        )
        for year, value in zip((2025, 2026), values, strict=True):
            IndicatorValue.objects.create(
                indicator=indicator, date=datetime.date(year, 6, 30), value=Decimal(value)
            )
        rows.append(indicator)
    return rows


def monitoring(plan, measure, other, contact, measure_indicators):
    """An open round: one submitted report with indicator values, one open link."""
    monitoring_round = make_round(plan)
    submitted, _token = make_request(monitoring_round, measure, contact=contact)
    report = submit(
        submitted,
        next_steps=f"Die {LONG_WORDS[4]} wird im Frühjahr geprüft.",
        obstacles="Die Kinderbetreuung fehlt.",
    )
    for indicator, value in zip(measure_indicators, (24, 4), strict=True):
        ReportedIndicatorValue.objects.create(
            report=report, indicator=indicator, value=Decimal(value)
        )
    partner_contact = make_contact(other.lead_actor, "Jonas", "Weber")
    open_request, open_token = make_request(monitoring_round, other, contact=partner_contact)
    thanks_request, thanks_token = make_request(
        make_round(plan, title="Monitoring Frühjahr 2026"), other
    )
    submit(thanks_request)
    make_archived(monitoring_round=monitoring_round)
    return {
        "round": monitoring_round,
        "submitted": submitted,
        "open": open_request,
        "open_token": open_token,
        "thanks_token": thanks_token,
    }


def committee(measure, actor, status_report):
    body = Committee.objects.create(
        name="Integrationsausschuss", short_name="IA", contact_email="ia@example.org"
    )
    term = LegislativeTerm.objects.create(name="Wahlperiode 2024–2029", start="2024-07-24")
    members = []
    for first, last, role, faction in (
        ("Ulrike", "Bosch", Membership.Role.CHAIR, "CDU"),
        ("Kemal", "Arslan", Membership.Role.VICE_CHAIR, "SPD"),
        ("Sevgi", "Yılmaz-Hohenstaufen", Membership.Role.MEMBER, f"Verein {LONG_WORDS[0]}"),
    ):
        member = Member.objects.create(
            first_name=first,
            last_name=last,
            email=f"{first.lower()}@example.org",
            faction=faction,
        )
        Membership.objects.create(
            committee=body, member=member, role=role, start=datetime.date(2024, 7, 24)
        )
        members.append(member)
    meeting = Meeting.objects.create(
        committee=body,
        term=term,
        number=5,
        start=aware(2026, 12, 9, 17, 0),
        end=aware(2026, 12, 9, 19, 15),
        location="Rathaus Göppingen",
        room="Großer Sitzungssaal",
        address="Hauptstraße 1, 73033 Göppingen",
    )
    item = AgendaItem.objects.create(
        meeting=meeting,
        number="1",
        order=1,
        title=f"Bericht zur {LONG_WORDS[0]}",
        kind="information",
    )
    item.measures.add(measure)
    item.status_reports.add(status_report)
    AgendaItem.objects.create(
        meeting=meeting, number="1.1", order=2, title=LONG_WORDS[4], kind="resolution"
    )
    AgendaItem.objects.create(
        meeting=meeting,
        number="2",
        order=3,
        title="Zuschussanträge",
        kind="resolution",
        is_public=False,
    )
    for member, state in zip(members, ("present", "excused", "present"), strict=True):
        Attendance.objects.create(meeting=meeting, member=member, state=state)
    content = b"%PDF-1.4\n%test\n"
    document = Document(
        agenda_item=item,
        title=f"Vorlage {LONG_WORDS[1]}",
        file_name="vorlage.pdf",
        mime_type="application/pdf",
        size=len(content),
        sha1="0" * 40,
    )
    document.file.save("vorlage.pdf", ContentFile(content))
    follow_up = FollowUp.objects.create(
        agenda_item=item,
        text=f"Bericht über die {LONG_WORDS[3]} vorlegen",
        owner_actor=actor,
        due_date=datetime.date(2026, 10, 1),
    )
    finalised = Meeting.objects.create(
        committee=body,
        term=term,
        number=4,
        start=aware(2026, 10, 14, 17, 0),
        state=Meeting.State.HELD,
        minutes_finalised_at=aware(2026, 10, 21, 9, 0),
    )
    finalised_item = AgendaItem.objects.create(
        meeting=finalised,
        number="1",
        title=f"Bericht zur {LONG_WORDS[2]}",
        minutes=f"Die {LONG_WORDS[2]} berichtet.",
        measure_snapshot=[{"pk": measure.pk, "code": measure.code, "title": LONG_WORDS[0]}],
    )
    return {
        "meeting": meeting,
        "item": item,
        "finalised_item": finalised_item,
        "document": document,
        "follow_up": follow_up,
        "member": members[2],
        "membership": members[2].memberships.get(),
    }


def build_world(plan, action_field, measure, actor, status_report):
    """Everything the staff pages show, as one dict of objects for the URL builders."""
    long_field = ActionField.objects.create(
        plan=plan, code="2", title=f"Arbeit und {LONG_WORDS[3]}", order=2
    )
    other = Measure.objects.create(
        plan=plan,
        action_field=long_field,
        code="2.1",
        title=f"{LONG_WORDS[1]} für Ausbildungspaten",
        lead_actor=actor,
        status=Measure.Status.DELAYED,
        progress=20,
        end=datetime.date(2026, 1, 31),
    )
    measure.title = f"Mama lernt Deutsch in der {LONG_WORDS[0]}"
    measure.goal = f"Die {LONG_WORDS[2]} erreicht Mütter in allen Stadtteilen."
    measure.save()
    StatusReport.objects.create(
        measure=other,
        reporting_date=datetime.date(2025, 10, 1),
        status=Measure.Status.IN_PROGRESS,
        progress=20,
        text=f"Die {LONG_WORDS[3]} hat begonnen.",
        review_state=StatusReport.ReviewState.ACCEPTED,
    )
    world = {"measure": measure, "other": other, "actor": actor}
    world |= network(action_field, actor, measure)
    measure_indicators = indicators(measure)
    world |= monitoring(plan, measure, other, world["contact"], measure_indicators)
    world |= committee(measure, actor, status_report)
    world |= fortschreibung_draft(plan)
    world |= fortschreibung_proposals(world["draft"], world["contact"])
    world |= project_world(world)
    world |= offer_world(world)
    world |= indicator_world()
    # A background job half way through (issue 11), which Koordination may follow.
    world["job"] = Job.objects.create(
        kind="import",
        title=f"Import von {LONG_WORDS[1]}.xlsx",
        permission="measures.issue_official_report",
        state=Job.State.RUNNING,
        done=1234,
        total=4000,
    )
    return world


def fortschreibung_draft(plan):
    """The adopted plan's draft (issue 13), made with its services: a Fachforum, a measure from
    it, a split measure; the earlier plan's second measure ends for regular operation."""
    from measures.fortschreibung import services

    draft = services.draft_successor(plan) or services.start_fortschreibung(
        plan, None, plan.title, "Entwurf 2027"
    )
    forum = Event.objects.create(
        title=f"Fachforum {LONG_WORDS[0]}",
        kind=Event.Kind.SPECIALIST_FORUM,
        start=aware(2026, 10, 14, 17),
    )
    draft.forums.add(forum)
    draft.introduction = f"Die {LONG_WORDS[2]} wird mit dem Netzwerk fortgeschrieben."
    draft.save()
    field = draft.action_fields.order_by("order").first()
    services.add_measure(
        draft,
        None,
        Measure(
            action_field=field, code="1.9", title=f"{LONG_WORDS[1]} im Quartier", source_forum=forum
        ),
    )
    copies = list(draft.measures.filter(predecessors__isnull=False).order_by("code"))
    services.split_measure(copies[0], [(copies[0].code, "Mütter"), ("1.8", "Väter")], None)
    if len(copies) > 1:
        services.end_measure(copies[1], Measure.EndReason.REGULAR, "Läuft beim Amt weiter.", None)
    return {
        "draft": draft,
        "draft_measure": draft.measures.get(code="1.9"),
        "draft_part": draft.measures.get(code="1.8"),  # continues the adopted plan's 1.1
    }


def long_measure_list(plan, action_field, actor, count=30):
    """`count` measures whose titles are long compound words, as a list really has them."""
    for number in range(1, count + 1):
        word = LONG_WORDS[number % len(LONG_WORDS)]
        Measure.objects.create(
            plan=plan,
            action_field=action_field,
            code=f"9.{number}",
            title=f"{word} und {LONG_WORDS[(number + 1) % len(LONG_WORDS)]}",
            lead_actor=actor,
            status=Measure.Status.IN_PROGRESS,
            progress=number * 3,
            end=datetime.date(2027, 12, 31),
        )
        Actor.objects.create(name=f"{word} Nummer {number}", kind=Actor.Kind.EDUCATION)


def fortschreibung_proposals(draft, contact):
    """Proposals for the draft (issue 13): an open change, an accepted and a declined one, all
    sent through `contact`'s link, whose token the proposer's pages use."""
    from tests.plans.proposal_builders import make_invitation, make_proposal

    invitation, token = make_invitation(draft, contact)
    measure = draft.measures.order_by("code").first()
    forum = draft.forums.first()
    text = f"Die {LONG_WORDS[4]} soll auch Väter erreichen."
    open_change = make_proposal(
        invitation,
        kind="change",
        measure=measure,
        action_field=measure.action_field,
        title=f"{LONG_WORDS[2]} am Abend",
        description=text,
        partners=f"Verein {LONG_WORDS[0]}",
        forum=forum,
    )
    make_proposal(invitation, title=f"{LONG_WORDS[3]} für alle", state="accepted", result=measure)
    make_proposal(
        invitation,
        title=f"{LONG_WORDS[1]} in jedem Stadtteil",
        state="declined",
        decline_reason=f"Die {LONG_WORDS[1]} gibt es bereits.",
        reviewed_at=timezone.now(),
    )
    return {"proposal": open_change, "proposal_token": token}


def project_world(world):
    """A running project (issue 17) with long words, a document, a result and one funding
    application with one deadline; the funding pages (helper H) use the same objects."""
    from measures.models import (
        FundingApplication,
        FundingDeadline,
        FundingProgramme,
        Project,
        ProjectDocument,
        ProjectResult,
    )

    project = Project.objects.create(
        title=f"{LONG_WORDS[2]} im Stadtteil",
        description=f"Die {LONG_WORDS[0]} lädt Mütter zum Sprachcafé ein.",
        goals=f"{LONG_WORDS[4]} für Familien",
        target_groups="Mütter mit kleinen Kindern",
        lead_actor=world["actor"],
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2027, 12, 31),
        status=Project.Status.RUNNING,
        funding=f"{LONG_WORDS[1]} des Landes",
    )
    project.measures.add(world["measure"])
    project.action_fields.add(world["measure"].action_field)
    project.partner_actors.add(world["organisation"])
    ProjectResult.objects.create(
        project=project, year=2026, participants=48, outcome=f"{LONG_WORDS[3]} gelungen"
    )
    document = ProjectDocument(
        project=project, title=f"Zuwendungsbescheid {LONG_WORDS[1]}", size=15
    )
    document.content_type = "application/pdf"
    document.file.save("zuwendungsbescheid.pdf", ContentFile(b"%PDF-1.4\n%test\n"))
    programme = FundingProgramme.objects.create(
        name=f"{LONG_WORDS[1]} Baden-Württemberg",
        funder="Land Baden-Württemberg",
        funder_kind=FundingProgramme.FunderKind.STATE,
        funding_rate=Decimal("80"),
    )
    application = FundingApplication.objects.create(
        project=project,
        programme=programme,
        amount_applied=Decimal("48000"),
        own_share=Decimal("12000"),
        amount_granted=Decimal("45000"),
        submitted_on=datetime.date(2025, 10, 1),
        decision_date=datetime.date(2025, 12, 15),
        reference_number="IM-2025-0815",
    )
    deadline = FundingDeadline.objects.create(
        application=application,
        kind=FundingDeadline.Kind.INTERIM,
        due_on=timezone.localdate() + datetime.timedelta(days=20),
        note=f"{LONG_WORDS[0]} beteiligen",
    )
    result = project.results.get()
    return {
        "project": project,
        "project_document": document,
        "project_result": result,
        "programme": programme,
        "application": application,
        "deadline": deadline,
    }


def offer_world(world):
    """An offer with long words and a translation, an unconfirmed one, a provider's link and an
    open change (issue 17, helper I)."""
    from measures.models import Offer, OfferTranslation
    from tests.offers.builders import make_change, make_invitation, make_offer

    offer = make_offer(
        f"{LONG_WORDS[0]} am Vormittag",
        provider=world["actor"],
        description=f"Die {LONG_WORDS[2]} für Mütter mit kleinen Kindern.",
        target_groups=f"{LONG_WORDS[4]}",
        languages="de,tr,ar",
    )
    offer.measures.add(world["measure"])
    OfferTranslation.objects.create(
        offer=offer, language="tr", title="Kadınlar için Almanca", description="Çocuk bakımı ile."
    )
    make_offer(
        f"{LONG_WORDS[1]} für Eltern",
        provider=world["actor"],
        category=Offer.Category.COUNSELLING,
        confirmed_at=timezone.now() - datetime.timedelta(days=600),
    )
    invitation, token = make_invitation(world["actor"], world["contact"])
    change = make_change(offer, invitation, schedule=f"mittwochs {LONG_WORDS[3]}")
    return {"offer": offer, "offer_change": change, "offer_token": token}
