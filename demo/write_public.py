"""Writes the texts of the public pages: the overview's introduction and the plan in Leichte
Sprache, as the office would write them."""

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
