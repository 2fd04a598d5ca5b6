"""Writes the texts of the public pages: the overview's introduction and the plan in Leichte
Sprache, as the office would write them."""

from measures.models import Measure, StatusReport
from public.models import PublicText

INTRODUCTION = (
    "Mit dem Integrationsplan setzt die Stadt Göppingen die Ziele um, die der Gemeinderat für "
    "ein gutes Zusammenleben beschlossen hat: Sprache, Bildung, Arbeit, Wohnen und "
    "Teilhabe.\n\n"
    "Auf diesen Seiten sehen Sie, wie weit die einzelnen Maßnahmen sind. Die Angaben stammen "
    "aus den Sachstandsberichten, die die Verantwortlichen regelmäßig abgeben, und aus den "
    "Berichten an den Integrationsausschuss."
)

EASY_LANGUAGE = (
    "In Göppingen leben viele Menschen.\n"
    "Viele Menschen sind aus anderen Ländern nach Göppingen gekommen.\n\n"
    "Alle Menschen sollen gut zusammen leben.\n"
    "Dafür hat die Stadt einen Plan.\n"
    "Der Plan heißt: Integrations-Plan.\n\n"
    "In dem Plan stehen viele Aufgaben.\n"
    "Eine Aufgabe heißt: Maßnahme.\n"
    "Ein Beispiel: Es gibt einen Sprach-Kurs für Eltern.\n\n"
    "Der Gemeinderat hat Ja zu dem Plan gesagt.\n"
    "Der Gemeinderat ist eine Gruppe von Menschen aus Göppingen.\n"
    "Die Menschen in Göppingen haben diese Gruppe gewählt.\n\n"
    "Auf diesen Seiten sehen Sie: So weit ist die Stadt mit dem Plan."
)


def load_public_texts():
    for key, body in (
        (PublicText.Key.INTRODUCTION, INTRODUCTION),
        (PublicText.Key.EASY_LANGUAGE, EASY_LANGUAGE),
    ):
        PublicText.objects.update_or_create(key=key, defaults={"body": body})


# Public summaries of the latest accepted reports of some measures, by measure code: what the
# office tells the citizens, without names or internal matters.
PUBLIC_SUMMARIES = {
    "1.1": "Der Kurs läuft an vier Grundschulen und zwei Kitas; die Plätze sind fast alle "
    "belegt. Ab Herbst kommt ein Kurs am Nachmittag dazu.",
    "1.2": "Die Sprachcafés finden wöchentlich in der Stadtbibliothek und im Stadtteiltreff "
    "statt. Ehrenamtliche leiten die Gesprächsgruppen.",
    "2.1": "Die Elternbegleiterinnen sind an sechs Schulen im Einsatz und begleiten Eltern zu "
    "Gesprächen mit Lehrkräften.",
    "3.1": "Die Beratung zur Anerkennung ausländischer Abschlüsse ist jeden Dienstag im "
    "Bürgerbüro; Termine gibt es auch kurzfristig.",
    "4.1": "Die Wohnraumbörse hat im letzten Halbjahr zwölf Wohnungen an Familien vermittelt.",
}


def load_public_summaries(plan):
    for code, summary in PUBLIC_SUMMARIES.items():
        measure = Measure.objects.filter(plan=plan, code=code).first()
        latest = measure and StatusReport.objects.accepted().latest_for(measure)
        if latest:
            StatusReport.objects.filter(pk=latest.pk).update(public_summary=summary)
