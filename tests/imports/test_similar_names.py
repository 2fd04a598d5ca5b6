"""Which names the preview offers as possibly the same actor."""

import pytest

from core.imports.matching import NameIndex

EXISTING = [
    (1, "AWO KREISVERBAND GÖPPINGEN"),
    (2, "Caritas Fils-Neckar-Alb"),
    (3, "Grundschule 1"),
    (4, "Verein Brücke der Kulturen e. V."),
    (5, "Kita Sonnenschein"),
]
INDEX = NameIndex(EXISTING)


@pytest.mark.parametrize(
    ("name", "similar"),
    [
        ("AWO Kreisverband", ["AWO KREISVERBAND GÖPPINGEN"]),
        ("Caritas Fils Neckar Alb", ["Caritas Fils-Neckar-Alb"]),
        ("Caritsa Fils-Neckar-Alb", ["Caritas Fils-Neckar-Alb"]),
        ("Verein Brücke der Kulturen eV", ["Verein Brücke der Kulturen e. V."]),
        ("Grundschule 2", []),
        ("Kita Regenbogen", []),
        ("Stadtjugendring", []),
        # The same name in other case and spacing is no question: it is that actor.
        ("awo  kreisverband göppingen", []),
    ],
)
def test_similar_names_are_offered_and_others_not(name, similar):
    assert [found for _pk, found in INDEX.similar(name)] == similar


def test_the_same_name_in_other_case_and_spacing_is_found():
    assert INDEX.find("  awo kreisverband   GÖPPINGEN") == (1, "AWO KREISVERBAND GÖPPINGEN")
