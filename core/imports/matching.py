"""Finding the existing record a row means, when offices spell its name a little differently.

"AWO  kreisverband" is the record "AWO Kreisverband" (case and spaces do not count);
"AWO Kreisverband" and "AWO KREISVERBAND GÖPPINGEN" are only similar: the user decides.
"""

import difflib
import re
import unicodedata
from collections import defaultdict
from typing import Any

WORD = re.compile(r"\w+")
# How alike two names must be, as difflib measures it, to be offered as the same.
SIMILAR_RATIO = 0.85
MAX_SUGGESTIONS = 3
# A word in more names than this is too common to find similar names by.
COMMON_WORD = 30


def match_key(text: Any) -> str:
    """The name as compared: without case and with single spaces; "ö" typed as "o" with
    a combining mark (as macOS writes file contents) is the same "ö"."""
    return unicodedata.normalize("NFC", " ".join(str(text or "").split())).casefold()


def words(text: Any) -> list[str]:
    return WORD.findall(match_key(text))


def similar(first: list[str], second: list[str]) -> bool:
    """Whether two names (as words) likely mean the same: the same words apart from
    punctuation, one name the start of the other ("AWO Kreisverband" – "… Göppingen"), or
    nearly the same letters."""
    if not first or not second:
        return False
    if first == second:
        return True
    numbers = [{word for word in name if word.isdigit()} for name in (first, second)]
    if numbers[0] != numbers[1]:
        return False  # "Grundschule 1" and "Grundschule 2" are two schools
    shorter, longer = sorted((first, second), key=len)
    if longer[: len(shorter)] == shorter and len(" ".join(shorter)) >= 8:
        return True
    ratio = difflib.SequenceMatcher(None, " ".join(first), " ".join(second)).ratio()
    return ratio >= SIMILAR_RATIO


class NameIndex:
    """The names of existing records, found exactly (case and spaces aside) or by similarity.

    Built from one query; similar names are looked for among those sharing a word, so that a
    long file costs no comparison of every row with every record.
    """

    def __init__(self, records: list[tuple[Any, str]]) -> None:
        self.exact: dict[str, tuple[Any, str]] = {}
        self.names: dict[Any, str] = {}
        self.by_word: dict[str, set[Any]] = defaultdict(set)
        self.words: dict[Any, list[str]] = {}
        for pk, name in records:
            self.exact.setdefault(match_key(name), (pk, name))
            self.names[pk] = name
            self.words[pk] = words(name)
            for word in set(self.words[pk]):
                if len(word) >= 3:
                    self.by_word[word].add(pk)

    def find(self, name: Any) -> tuple[Any, str] | None:
        """(pk, stored name) of the record with this name, case and spaces aside."""
        return self.exact.get(match_key(name))

    def similar(self, name: Any) -> list[tuple[Any, str]]:
        """Up to three records whose names are similar but not the same, most alike first."""
        wanted = words(name)
        candidates: set[Any] = set()
        for word in set(wanted):
            postings = self.by_word.get(word, set())
            # A word many names share ("Verein", "Göppingen") tells nothing and would compare
            # each row with hundreds of records.
            if len(postings) <= COMMON_WORD:
                candidates |= postings
        found = [
            (pk, self.names[pk])
            for pk in candidates
            if match_key(self.names[pk]) != match_key(name) and similar(wanted, self.words[pk])
        ]
        found.sort(
            key=lambda item: (
                -difflib.SequenceMatcher(None, match_key(name), match_key(item[1])).ratio()
            )
        )
        return found[:MAX_SUGGESTIONS]
