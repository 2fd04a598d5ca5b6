"""Demo proposals for the draft plan (issue 13): a dozen from contact persons of the network,
sent through their personal links; some accepted as new or changed measures, some declined
with a reason, some still open. Invitations get a token hash but no e-mail is sent."""

import datetime

from django.utils import timezone

from measures.fortschreibung.proposals import accept_as_change, accept_as_new
from measures.models import Measure, Plan, Proposal, ProposalInvitation
from network.models import ContactPerson

OPEN = "open"
NEW = "new"
CHANGE = "change"
DECLINE = "decline"

# (action field code, kind, title, description, goal, partners, forum number or None,
#  outcome, the new measure's code or the reason for declining)
PROPOSALS = [
    (
        "1",
        Proposal.Kind.NEW,
        "Sprachpatenschaften für Seniorinnen und Senioren",
        "Ehrenamtliche Sprachpatinnen besuchen ältere Zugewanderte zu Hause und üben mit "
        "ihnen Deutsch im Alltag: beim Arzt, beim Einkaufen, am Telefon.",
        "Ältere Zugewanderte können sich im Alltag selbstständig verständigen.",
        "Seniorenrat, Kirchengemeinden",
        1,
        NEW,
        "1.15",
    ),
    (
        "1",
        Proposal.Kind.CHANGE,
        "Sprachkurse auch am Samstag anbieten",
        "Viele Berufstätige können unter der Woche nicht teilnehmen. Die Kurse sollten auch "
        "samstags stattfinden, mit Kinderbetreuung.",
        "Mehr Berufstätige und Eltern erreichen die Sprachkurse.",
        "",
        1,
        CHANGE,
        "",
    ),
    (
        "2",
        Proposal.Kind.NEW,
        "Elternlotsinnen an Grundschulen",
        "Mehrsprachige Elternlotsinnen begleiten Familien beim Schuleintritt und bei "
        "Elterngesprächen.",
        "Eltern verstehen das Schulsystem und arbeiten mit der Schule zusammen.",
        "Staatliches Schulamt, Elternbeiräte",
        1,
        OPEN,
        "",
    ),
    (
        "2",
        Proposal.Kind.NEW,
        "Hausaufgabenhilfe in jeder Moschee- und Kirchengemeinde",
        "Gemeinden öffnen ihre Räume für eine Hausaufgabenhilfe am Nachmittag.",
        "Kinder erhalten Unterstützung beim Lernen in ihrem Umfeld.",
        "Religionsgemeinschaften",
        None,
        DECLINE,
        "Eine flächendeckende Hausaufgabenhilfe ist im Rahmen des Integrationsplans nicht zu "
        "finanzieren. Wir nehmen die Idee in die Maßnahme zur Lernförderung auf und sprechen "
        "die Gemeinden dort an.",
    ),
    (
        "3",
        Proposal.Kind.NEW,
        "Jobmesse für Geflüchtete mit Betrieben aus dem Landkreis",
        "Einmal im Jahr stellen sich Betriebe vor; Dolmetschende helfen bei den Gesprächen.",
        "Geflüchtete finden schneller Ausbildung und Arbeit.",
        "Agentur für Arbeit, IHK, Kreishandwerkerschaft",
        2,
        NEW,
        "3.15",
    ),
    (
        "3",
        Proposal.Kind.CHANGE,
        "Anerkennungsberatung auch in Arabisch und Ukrainisch",
        "Die Beratung zur Anerkennung ausländischer Abschlüsse sollte auch in Arabisch und "
        "Ukrainisch angeboten werden.",
        "Mehr Menschen lassen ihre Abschlüsse anerkennen.",
        "",
        2,
        CHANGE,
        "",
    ),
    (
        "3",
        Proposal.Kind.NEW,
        "Eigenes Förderprogramm für Existenzgründungen",
        "Ein städtischer Zuschuss für Gründerinnen und Gründer mit Migrationsgeschichte.",
        "Mehr Selbstständigkeit und Unternehmensgründungen.",
        "Wirtschaftsförderung",
        2,
        DECLINE,
        "Die Wirtschaftsförderung des Landkreises bietet bereits eine Gründungsberatung an, "
        "die allen offensteht. Ein eigenes städtisches Programm ist nicht vorgesehen.",
    ),
    (
        "4",
        Proposal.Kind.NEW,
        "Mehrsprachige Hausordnungen und Begrüßungsmappen",
        "Wohnungsbaugesellschaften geben neuen Mieterinnen und Mietern eine Begrüßungsmappe in "
        "mehreren Sprachen.",
        "Gute Nachbarschaft von Anfang an.",
        "Wohnungsbau Göppingen",
        None,
        OPEN,
        "",
    ),
    (
        "4",
        Proposal.Kind.NEW,
        "Nachbarschaftsfeste in allen Stadtteilen",
        "Jeder Stadtteil feiert einmal im Jahr ein Fest, das Vereine gemeinsam ausrichten.",
        "Nachbarinnen und Nachbarn lernen sich kennen.",
        "Stadtteilvereine",
        None,
        OPEN,
        "",
    ),
    (
        "5",
        Proposal.Kind.NEW,
        "Workshops zu Grundrechten für Jugendliche",
        "Jugendliche diskutieren in Workshops über Grundrechte und Demokratie.",
        "Jugendliche kennen ihre Rechte und Pflichten.",
        "Stadtjugendring",
        None,
        OPEN,
        "",
    ),
    (
        "5",
        Proposal.Kind.CHANGE,
        "Interkulturelle Schulungen auch für Vereine",
        "Die Schulungen für die Verwaltung sollten auch für Sportvereine geöffnet werden.",
        "Vereine öffnen sich für neue Mitglieder.",
        "Sportkreis",
        None,
        OPEN,
        "",
    ),
    (
        "1",
        Proposal.Kind.NEW,
        "Deutsch-Stammtisch in der Stadtbibliothek",
        "Ein wöchentlicher Stammtisch zum Deutschsprechen, offen für alle.",
        "Mehr Gelegenheiten zum Sprechen.",
        "Stadtbibliothek",
        1,
        DECLINE,
        "Die Sprachcafés in der Stadtbibliothek bieten das bereits an (Maßnahme 1.3).",
    ),
]


def _contacts(count):
    """Contact persons of actors with an e-mail address, the same ones on every load."""
    return list(
        ContactPerson.objects.filter(actor__isnull=False)
        .exclude(email="")
        .select_related("actor")
        .order_by("pk")[:count]
    )


def _measure_to_change(draft, field_code):
    return (
        Measure.objects.filter(plan=draft, action_field__code=field_code).order_by("code").first()
    )


def add_proposals(draft: Plan) -> list[Proposal]:
    """About a dozen proposals for `draft`, from contact persons with personal links."""
    contacts = _contacts(8)
    if not contacts:
        return []
    expires_on = timezone.localdate() + datetime.timedelta(weeks=6)
    invitations = []
    for contact in contacts:
        invitation = ProposalInvitation(
            plan=draft, contact=contact, expires_on=expires_on, invited_at=timezone.now()
        )
        invitation.issue_token()  # no mail: the link exists nowhere
        invitation.save()
        invitations.append(invitation)
    fields = {field.code: field for field in draft.action_fields.all()}
    forums = list(draft.forums.order_by("start"))
    proposals = []
    for number, spec in enumerate(PROPOSALS):
        code, kind, title, description, goal, partners, forum, outcome, extra = spec
        invitation = invitations[number % len(invitations)]
        contact = invitation.contact
        measure = _measure_to_change(draft, code) if kind == Proposal.Kind.CHANGE else None
        proposal = Proposal.objects.create(
            plan=draft,
            invitation=invitation,
            proposer_name=contact.full_name,
            proposer_organisation=contact.actor.name,
            kind=kind if measure is not None or kind == Proposal.Kind.NEW else Proposal.Kind.NEW,
            measure=measure,
            action_field=fields.get(code),
            title=title,
            description=description,
            goal=goal,
            partners=partners,
            forum=forums[forum - 1] if forum and len(forums) >= forum else None,
            submitted_at=timezone.now() - datetime.timedelta(days=30 - number),
        )
        _review(proposal, outcome, extra, measure)
        proposals.append(proposal)
    return proposals


def _review(proposal, outcome, extra, measure):
    if outcome == NEW and proposal.action_field is not None:
        if not Measure.objects.filter(plan=proposal.plan, code=extra).exists():
            accept_as_new(
                proposal,
                Measure(
                    code=extra,
                    action_field=proposal.action_field,
                    title=proposal.title,
                    description=proposal.description,
                    goal=proposal.goal,
                    status=Measure.Status.PLANNED,
                ),
                None,
            )
    elif outcome == CHANGE and measure is not None:
        measure.description = f"{measure.description}\n\n{proposal.description}".strip()
        measure.goal = proposal.goal
        accept_as_change(proposal, measure, None)
    elif outcome == DECLINE:
        # Set directly: the service would e-mail the reason, and the demo sends no mail.
        Proposal.objects.filter(pk=proposal.pk).update(
            state=Proposal.State.DECLINED, decline_reason=extra, reviewed_at=timezone.now()
        )
