"""A sentence being read and the counts in it ("6/9 tiêu chí", "23/23 xã", "100% số xã"), and what
the words around a place in it say: whether a result is a goal, the standard and the year it is for,
and whether the name before it is who acts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.numbers import parse_number
from extractors.progress_patterns import last_standard_in, members, patterns
from extractors.subject import (
    BACKREF,
    LEVEL,
    NAMED,
    Reference,
    clause_bounds,
    previous_sentence,
    references,
    subject_reference,
)


@dataclass
class Count:
    start: int
    end: int
    noun: str                 # "criteria" or the member counted
    low: float | None
    high: float | None
    total: float | None = None
    percent: float | None = None
    qualifier: str | None = None
    average: bool = False
    status: str | None = None       # set once the count is read
    standard: str | None = None
    units: list | None = None

    @property
    def is_criteria(self) -> bool:
        return self.noun == "criteria"


@dataclass
class Sentence:
    doc: object
    start: int
    end: int
    published_year: int | None
    counts: list[Count] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole text: offsets are the Doc's, so patterns run on it between start and end."""
        return self.doc._.article.text

    def words(self, start: int, end: int) -> str:
        return self.doc._.article.text[max(start, self.start):min(end, self.end)]


def number(text: str | None) -> float | None:
    return parse_number(text) if text else None


def find_counts(sent: Sentence) -> list[Count]:
    pats = patterns()
    text = sent.text
    found = []
    for m in pats["count"].finditer(text, sent.start, sent.end):
        noun = "criteria" if m.group("noun").lower() == "tiêu chí" else members()[m.group("noun").lower()]
        low, high = number(m.group("low")), number(m.group("high"))
        qual = (m.group("qual") or "").lower() or None
        if low is None or not_a_count(sent, m, noun):
            continue
        high = low if high is None else high
        # "trên 10 tiêu chí" bounds the criteria from below only; "hơn 6.000 xã" stays a count as said
        if m.group("open") or qual in ("ít nhất", "tối thiểu") or noun == "criteria" and qual in ("trên", "hơn"):
            high = None
        if qual == "dưới":
            low, high = None, low - 1
        total = number(m.group("total") or m.group("total2"))
        found.append(Count(m.start(), m.end(), noun, low, high, total, qualifier=qual,
                           average=bool(m.group("per"))))
    for m in pats["percent_count"].finditer(text, sent.start, sent.end):
        if any(c.start <= m.start("pct") < c.end for c in found) or \
                pats["each_has"].search(text, max(sent.start, m.start() - 30), m.start()):
            continue
        count = number(m.group("low"))
        found.append(Count(m.start(), m.end(), members()[m.group("noun").lower()], count, count,
                           percent=number(m.group("pct")), qualifier=m.group("qual")))
    for m in pats["raised_count"].finditer(text, sent.start, sent.end):
        if not any(c.start <= m.start("low") < c.end for c in found):
            low = number(m.group("low"))
            found.append(Count(m.start("low"), m.end("low"), members()[m.group("noun").lower()], low, low))
    for m in pats["none_left"].finditer(text, sent.start, sent.end):
        found.append(Count(m.start(), m.end(), members()[m.group("noun").lower()], 0, 0))
    return sorted(found, key=lambda c: c.start)


def not_a_count(sent: Sentence, m: re.Match, noun: str) -> bool:
    """A change ("tăng 1,5 tiêu chí"), a year or date ("năm 2020 huyện"), a reference back ("8 xã
    này", "cả 3 xã") or a set of rules ("Bộ 19 tiêu chí") holds a number that counts nothing new."""
    pats = patterns()
    before = sent.text[max(0, m.start() - 12):m.start()]
    return bool(pats["change"].search(before) or pats["not_a_count"].search(before)
                or noun == "criteria" and pats["change_sum"].search(sent.text, max(sent.start, m.start() - 60), m.start())
                or pats["backref_after"].match(sent.text, m.end("noun"), sent.end)
                or noun != "criteria" and pats["all_of"].search(before) and not names_follow(sent, m.end()))


def names_follow(sent: Sentence, pos: int) -> bool:
    return any(r.kind == NAMED and r.start >= pos and not sent.text[pos:r.start].strip() for r in references(sent.doc))


# ---- status, standard and year from the words around -------------------------------------------

def is_target(sent: Sentence, pos: int) -> bool:
    """A goal named before `pos` in the sentence, not followed by words of a present result; or a
    year later than the article's in the clause."""
    pats = patterns()
    before = sent.words(sent.start, pos)
    if pats["target_right_before"].search(before):
        return True
    reached = [m.span() for m in pats["reach"].finditer(before) if m.lastgroup == "reached"]
    targets = [m for m in pats["target"].finditer(before) if not any(s <= m.start() < e for s, e in reached)]
    if targets:
        presents = [m for m in pats["present"].finditer(before) if m.start() > targets[-1].end()]
        if not presents:
            return True
    return future_year(sent, pos)


def future_year(sent: Sentence, pos: int) -> bool:
    if not sent.published_year:
        return False
    c_start, _ = clause_bounds(sent.doc, pos)
    return any(int(y) > sent.published_year for y in patterns()["year"].findall(sent.words(c_start, pos)))


def inherited_standard(sent: Sentence) -> str | None:
    """A sentence that goes on with the previous one ("Trong đó, ...") keeps its standard."""
    if not patterns()["continues"].match(sent.words(sent.start, sent.end)) or sent.start == 0:
        return None
    p_start, p_end = previous_sentence(sent.doc, sent.start)
    return last_standard_in(sent.doc._.article.text[p_start:p_end])


def year_in(sent: Sentence, start: int, end: int) -> int | None:
    m = patterns()["year"].search(sent.text, start, end)
    return int(m.group(1)) if m else None


def status_year(sent: Sentence, start: int, end: int) -> int | None:
    """The year a status is for: "đạt chuẩn NTM năm 2016", else one earlier in its clause after a
    semicolon ("Năm 2012, xã được chọn làm điểm; đến năm 2015, xã được công nhận") or opening a part
    of it ("Theo kế hoạch, năm 2024 huyện có thêm 2 xã"), else a sentence opening "Năm 2017, ..."."""
    own = year_in(sent, start, end)
    if own:
        return own
    c_start, _ = clause_bounds(sent.doc, start)
    before = sent.words(c_start, start)
    later = patterns()["year"].findall(before) if c_start > sent.start else []
    if later:
        return int(later[-1])
    part = patterns()["year_part"].findall(before)
    if part:
        return int(part[-1])
    opening = patterns()["year_opening"].match(sent.words(sent.start, sent.end))
    return int(opening.group(1)) if opening else None


# ---- whether the name before a place is who acts -----------------------------------------------

def unresolved(ref: Reference) -> bool:
    """A bare level word or a reference back whose units the text never named ("xã còn 3 tiêu chí"
    with no commune in focus, "các xã này" after no list): the unit above must not stand in for it."""
    return ref.kind in (LEVEL, BACKREF) and not ref.units


def aside(sent: Sentence, ref: Reference, pos: int) -> bool:
    """A name in parentheses closed before `pos` is an aside, not who acts: "Xã X (sáp nhập từ các
    xã A, B) có 25 thôn ..."."""
    text = sent.text
    return text.rfind("(", 0, ref.start) > text.rfind(")", 0, ref.start) and ")" in text[ref.end:pos]


def unnamed_speaker(sent: Sentence, pos: int) -> bool:
    """"Chúng tôi" before `pos` in its clause, with no unit named there or just before: whose
    criteria they are is unknown (a count of communes at least says the speaker is above them)."""
    c_start, _ = clause_bounds(sent.doc, pos)
    return bool(patterns()["first_person"].search(sent.text, c_start, pos)) and subject_reference(sent.doc, pos) is None
