"""How many of a unit's members reach a standard (unit_count): "23/23 xã đạt chuẩn", "100% số xã",
"thêm 2 xã ... là Cẩm Dương và Cẩm Nhượng", with the status of each member named and the band of
criteria the members are counted by ("5 xã đạt từ 15 - 18 tiêu chí")."""
from __future__ import annotations

import re

from extractors.progress_patterns import patterns, standard_in
from extractors.progress_sentence import (
    Count,
    Sentence,
    aside,
    inherited_standard,
    is_target,
    number,
    status_year,
    unresolved,
)
from extractors.subject import (
    LEVEL,
    NAMED,
    Reference,
    article_date,
    clause_bounds,
    common_parent,
    fits,
    main_unit,
    references,
    subject_reference,
    subject_units,
)
from pipeline.facts import Fact

VERB_REACH = 60   # characters from a count to its verb: "23/23 xã được công nhận", "8 xã chưa đạt"
MEMBER_LEVEL = {"commune": "commune", "district": "district", "village": "village", "model_garden": "village"}


def reach_after(sent: Sentence, start: int, end: int) -> re.Match | None:
    """The first verb of reaching (or not) a standard in text[start:end], NTM standards only."""
    pats = patterns()
    for m in pats["reach"].finditer(sent.text, start, end):
        if m.lastgroup != "pending" and pats["other_standard"].match(sent.text, m.end(), end):
            continue
        return m
    return None


def member_facts(sent: Sentence, count: Count, previous: Count | None, nxt_start: int, facts: list,
                 statuses: list) -> Count | None:
    """The unit_count of a count of members, and the status of each member it names. Returns the
    band of criteria the count is of ("5 xã đạt từ 15 - 18 tiêu chí"), if any."""
    pats = patterns()
    text, doc = sent.text, sent.doc
    c_start, c_end = clause_bounds(doc, count.start)
    window_end = min(nxt_start, c_end)
    band = next((c for c in sent.counts if c.is_criteria and c.start >= count.end and c.start < window_end
                 and pats["band_gap"].match(text[count.end:c.start])), None)
    named = named_members(sent, count, window_end)
    apposed = named.end if named and not sent.text[count.end:named.start].strip() else count.end
    verb = reach_after(sent, count.end, min(window_end, apposed + VERB_REACH))
    raised = pats["raise_to"].search(text, max(c_start, previous.end if previous else c_start), count.start)
    headed = next((c for c in sent.counts if c.is_criteria and raised.start() <= c.start and c.end <= raised.end()),
                  None) if raised else None
    # a heading says what its count is of: "Số xã có thu nhập trên 40 triệu: 5 xã" is of no standard
    if raised and raised.group().rstrip().endswith(":") and not (headed or reach_after(sent, raised.start(), raised.end())):
        raised = headed = None
    band = band or headed
    status = member_status(sent, count, previous, band, verb, raised)
    if status is None:
        return None
    if pats["outside_standard"].search(text, count.end, (verb.end() if verb else count.end) + 30):
        return None
    count.status = status
    total = pats["total_after"].search(text, count.end, window_end)
    if total and count.total is None:
        count.total = number(total.group("n"))
    standard, named_standard = member_standard(sent, count, previous, verb, window_end, raised)
    count.standard = standard
    percent = count.percent
    if percent is None:
        p = pats["percent_after"].search(text, count.end, window_end)
        if p and not (band and band.start < p.start() < band.end):
            percent = number(p.group("p") or p.group("p2") or p.group("p3"))
    units = count_units(sent, count, named, previous, window_end)
    count.units = units
    fields = dict(member=count.noun, count_min=count.low, count_max=count.high, total=count.total,
                  percent=percent, status=status, standard=standard,
                  criteria_min=band.low if band else None, criteria_max=band.high if band else None)
    for unit in units:
        facts.append(Fact("unit_count", unit, count.start, count.end, fields))
    if named and not band:
        year = status_year(sent, count.end, window_end)
        for unit in named.units:
            statuses.append((Fact("unit_status", unit, named.start, named.end,
                                  dict(standard=standard, status=status, year=year)), named_standard))
    return band


def member_status(sent: Sentence, count: Count, previous: Count | None, band: Count | None,
                  verb: re.Match | None, raised: re.Match | None) -> str | None:
    """How the counted units stand, or None when the count says nothing of a standard."""
    pats = patterns()
    if verb and verb.lastgroup == "not_met" and not band or pats["bare_not_met"].match(sent.text, count.end) \
            or raised and any(m.lastgroup == "not_met" for m in pats["reach"].finditer(raised.group())):
        return "not_met"
    reached = bool(verb and verb.lastgroup == "reached" or raised or count.qualifier == "thêm")
    if not (band or reached) and pats["other_predicate"].match(sent.text, count.end):
        return None
    if band or reached or count.total is not None or count.percent is not None or count.noun == "model_garden" \
            or pats["model"].match(sent.text, count.end):
        goal = is_target(sent, count.start) or bool(verb and pats["target"].search(sent.text, count.end, verb.start()))
        return "target" if goal else "achieved"
    if verb and verb.lastgroup == "pending":
        return None  # units awaiting appraisal are no count of a standard reached
    # "năm 2016 thêm 5 xã, năm 2017 thêm 3 xã": as the count before; but "5 xã còn lại", "còn 2 xã"
    # are the others
    if previous is not None and previous.status is not None and not pats["the_rest"].match(sent.text, count.end) \
            and not pats["left_before"].search(sent.text, max(sent.start, count.start - 8), count.start):
        return previous.status
    return None


def member_standard(sent, count, previous, verb, window_end, raised) -> tuple[str, bool]:
    """The standard the counted units reach, and whether the words named it (rather than assumed)."""
    if count.noun == "model_garden":
        return "ntm", True
    text = sent.text
    end = window_end
    if verb:
        comma = text.find(",", verb.end(), window_end)
        end = comma if comma >= 0 else window_end
    standard = standard_in(text[count.end:end])
    if standard is None and raised:
        standard = standard_in(raised.group())
    if standard is None and count.noun == "village":
        standard = "kieu_mau"
    if standard is None and not verb and previous is not None and previous.standard:
        standard = previous.standard
    standard = standard or inherited_standard(sent)
    return standard or "ntm", standard is not None


def named_members(sent: Sentence, count: Count, window_end: int) -> Reference | None:
    """The names of the counted units: right after the noun ("2 xã Kỳ Tây và Kỳ Lạc") or after
    "là", "gồm:", "(" in the count's clause."""
    pats = patterns()
    named = [r for r in references(sent.doc) if r.kind == NAMED and count.end <= r.start < sent.end]
    if not named:
        return None
    first = named[0]
    gap = sent.text[count.end:first.start]
    if not gap.strip():
        return first
    if first.start > window_end and ";" in gap:
        return None
    intro = None
    for m in pats["introducer"].finditer(sent.text, count.end, first.start + 1):
        intro = m
    if intro and pats["type_word"].fullmatch(sent.text, intro.end(), first.start) \
            and not re.search(r"[,;]", sent.text[count.end:intro.start()]) \
            and not any(count.end < c.start < first.start for c in sent.counts):
        return first
    return None


def count_units(sent: Sentence, count: Count, members: Reference | None, previous: Count | None,
                window_end: int) -> list:
    """The unit whose members are counted: named as the place of the count ("xã của huyện X",
    "... tại huyện X"), else that of the count it is coordinated with, else named before it in the
    clause, else the one holding the named members, else the unit in focus."""
    pats = patterns()
    doc = sent.doc
    level = MEMBER_LEVEL[count.noun]
    if pats["former"].match(doc._.article.text, count.end):
        return [main_unit(doc)]  # "3/3 xã cũ": the units merged into the one the article is about
    for loc in pats["locative"].finditer(doc._.article.text, count.end, window_end):
        ref = next((r for r in references(doc) if r.start >= loc.end() and r.kind in (NAMED, LEVEL)
                    and pats["type_word"].fullmatch(doc._.article.text[loc.end():r.start])
                    and r.units and fits(r, None, level)), None)
        if ref:
            return ref.units
    c_start, _ = clause_bounds(doc, count.start)
    nearest = next((r for r in reversed(references(doc)) if c_start <= r.start and r.end <= count.start
                    and r.kind in (NAMED, LEVEL)), None)
    if nearest and (unresolved(nearest) or aside(sent, nearest, count.start)) and not (previous and previous.units):
        return []
    ref = subject_reference(doc, count.start, above=level, end=count.end, places=True)
    own = ref is not None and ref.start >= c_start and ref.end <= count.start
    if previous is not None and previous.units and not (own and ref.start > previous.end):
        return previous.units
    if own:
        return ref.units or [None]
    if members:
        parent = common_parent(members.units, article_date(doc))
        if parent:
            return [parent]
    if ref:
        return ref.units or [None]
    return subject_units(doc, count.start, above=level) or [None]
