"""The criteria a list names: "gồm: quy hoạch, thủy lợi, điện; ..." onto criterion codes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.rules import load_rules

DASH = r"\s*[-–—]\s*"
# What may stand between two names of a list.
SEPARATOR = re.compile(r"(?:\s*[,;]\s*|\s+và\s+|\s*[,;]?\s*và\s+|\s+)", re.IGNORECASE)


@dataclass
class NamedCriterion:
    code: str
    start: int
    end: int


def name_pattern(name: str) -> str:
    words = [re.escape(w) for w in re.split(r"\s+", re.sub(DASH, " - ", name.strip()))]
    return r"\s+".join(DASH if w == r"\-" else w for w in words).replace(r"\s+" + DASH + r"\s+", DASH)


@cache
def vocabulary() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every criterion name (longest first) and the code of each name."""
    names = load_rules("criteria.toml")["names"]
    codes = {fold(n): code for code, forms in names.items() for n in forms}
    alternation = "|".join(name_pattern(n) for n in sorted(codes, key=len, reverse=True))
    return re.compile(rf"(?:tiêu chí\s+)?(?P<name>{alternation})(?!\w)", re.IGNORECASE), codes


def fold(name: str) -> str:
    """A name as the vocabulary keys it: lower case, one space, dashes alike."""
    return " ".join(re.sub(DASH, " - ", name.lower()).split())


def read_list(text: str, start: int) -> list[NamedCriterion]:
    """The criteria named one after another from `start`; the list ends at the first words that
    are not a criterion's name."""
    pattern, codes = vocabulary()
    found: list[NamedCriterion] = []
    pos = start
    while True:
        match = pattern.match(text, pos)
        if not match:
            break
        found.append(NamedCriterion(codes[fold(match.group("name"))], match.start("name"), match.end("name")))
        gap = SEPARATOR.match(text, match.end())
        if not gap:
            break
        pos = gap.end()
    return found
