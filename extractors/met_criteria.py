"""Which criteria a unit meets: how many (criteria_count: "đạt 6/9 tiêu chí", "bình quân 12,7 tiêu
chí/xã", "lần lượt đạt 16 và 15 tiêu chí") and which by name (criterion_status: "còn thiếu tiêu chí
môi trường", "đã hoàn thành tiêu chí thủy lợi")."""
from __future__ import annotations

import re

from extractors.criteria import read_list
from extractors.numbers import NUMBER, parse_number
from extractors.progress_patterns import LEVEL_OF_WORD, last_standard_in, patterns, standard_in
from extractors.progress_sentence import (
    Count,
    Sentence,
    aside,
    inherited_standard,
    is_target,
    unnamed_speaker,
    unresolved,
)
from extractors.subject import (
    GROUP,
    NAMED,
    NATIONAL,
    clause_bounds,
    last_group,
    references,
    subject_reference,
    subject_units,
)
from pipeline.facts import Fact


def criteria_facts(sent: Sentence, count: Count, band_of: dict, facts: list):
    pats = patterns()
    text = sent.text
    band_count = band_of.get(count.start)
    if band_count is None and not had(sent, count):
        return
    if band_count is not None:
        units = parenthesized_units(sent, count)
        status = band_count.status
    else:
        status = criteria_status(sent, count)
        units = criteria_units(sent, count)
    if not units:
        return
    fields = dict(count_min=count.low, count_max=count.high, total=count.total, status=status,
                  standard=criteria_standard(sent, count), average_over="commune" if count.average else None)
    for unit in units:
        facts.append(Fact("criteria_count", unit, count.start, count.end, fields))
    if status in ("achieved", "not_met") and not count.average and band_count is None:
        intro = pats["list_intro"].match(text, count.end, sent.end)
        if intro and not any(count.end < c.start < intro.end() for c in sent.counts):
            missing = status == "not_met" or pats["not_met_words"].search(text, count.end, intro.end())
            named_criteria(sent, intro.end(), units, "not_met" if missing else "met", facts)


def in_turn_facts(sent: Sentence, facts: list) -> list[tuple[int, int]]:
    """"Các xã A, B lần lượt đạt 16 và 15 tiêu chí": one count to each name, in order. Returns the
    spans read, whose numbers count nothing else."""
    pats = patterns()
    spans = []
    for m in pats["in_turn"].finditer(sent.text, sent.start, sent.end):
        spans.append(m.span())
        values = [parse_number(n) for n in re.findall(NUMBER, m.group("numbers"))]
        c_start, _ = clause_bounds(sent.doc, m.start())
        named = [r for r in references(sent.doc) if r.kind == NAMED and c_start <= r.start and r.end <= m.start()
                 and not r.locative]
        if not named or len(named[-1].units) != len(values):
            continue
        count = Count(m.start("numbers"), m.end(), "criteria", None, None)
        fields = dict(total=None, status="target" if is_target(sent, m.start()) else "achieved",
                      standard=criteria_standard(sent, count), average_over=None)
        for unit, value in zip(named[-1].units, values):
            facts.append(Fact("criteria_count", unit, m.start("numbers"), m.end(),
                              dict(count_min=value, count_max=value, **fields)))
    return spans


def had(sent: Sentence, count: Count) -> bool:
    """Whether the words say the criteria are had (or lacked), not merely spoken of ("thẩm định 19
    tiêu chí", "Bộ 19 tiêu chí")."""
    pats = patterns()
    before = sent.words(clause_bounds(sent.doc, count.start)[0], count.start)
    # an item of a list of results: "- Xã Kỳ Phong: 20/20 tiêu chí"
    item = count.total is not None and any(r.kind == NAMED and re.fullmatch(r"\s*:\s*", sent.text[r.end:count.start])
                                           for r in references(sent.doc))
    return bool(item or pats["having_before"].search(before) or pats["having_after"].match(sent.text, count.end, sent.end))


def named_criteria(sent: Sentence, start: int, units: list, status: str, facts: list):
    for criterion in read_list(sent.text[:sent.end], start):
        for unit in units:
            facts.append(Fact("criterion_status", unit, criterion.start, criterion.end,
                              dict(criterion=criterion.code, status=status)))


def criteria_status(sent: Sentence, count: Count) -> str:
    pats = patterns()
    text = sent.text
    if pats["criteria_not_met_before"].search(text[max(sent.start, count.start - 20):count.start]) \
            or pats["criteria_not_met_after"].match(text, count.end, sent.end):
        return "not_met"
    return "target" if is_target(sent, count.start) else "achieved"


def own_standard(sent: Sentence, count: Count) -> str | None:
    after = sent.text[count.end:min(sent.end, count.end + 40)]
    return standard_in(re.split(r"[,;:]", after)[0])


def criteria_standard(sent: Sentence, count: Count) -> str:
    own = own_standard(sent, count)
    if own in ("nang_cao", "kieu_mau"):
        return own
    shared = shared_standard(sent, count) if own is None else None
    if shared:
        return shared
    earlier = [c for c in sent.counts if c.is_criteria and c.end <= count.start and c.standard]
    if earlier:
        return earlier[-1].standard
    return own or inherited_standard(sent) or sentence_standard(sent, count) or "ntm"


def shared_standard(sent: Sentence, count: Count) -> str | None:
    """The standard named once after the last of parallel counts, which is each one's: "xã A đạt 16
    tiêu chí, xã B đạt 12 tiêu chí NTM nâng cao"."""
    pats = patterns()
    pos = count.end
    for later in [c for c in sent.counts if c.is_criteria and c.start >= count.end]:
        name = next((r for r in references(sent.doc) if r.kind == NAMED and pos <= r.start and r.end <= later.start), None)
        if name is None or not pats["parallel_before"].fullmatch(sent.text, pos, name.start) \
                or not pats["parallel_after"].fullmatch(sent.text, name.end, later.start):
            return None
        std = own_standard(sent, later)
        if std:
            return std if std in ("nang_cao", "kieu_mau") else None
        pos = later.end
    return None


def sentence_standard(sent: Sentence, count: Count) -> str | None:
    """A unit's own standard named before the count: "chưa đạt chuẩn NTM nâng cao ..., đã đạt 19/19"."""
    before = sent.words(sent.start, count.start)
    std = last_standard_in(before)
    return std if std in ("nang_cao", "kieu_mau") else None


def criteria_units(sent: Sentence, count: Count) -> list:
    doc = sent.doc
    pats = patterns()
    c_start, _ = clause_bounds(doc, count.start)
    nearest = next((r for r in reversed(references(doc)) if c_start <= r.start and r.end <= count.start
                    and not r.locative), None)
    if nearest and (unresolved(nearest) or aside(sent, nearest, count.start)) or unnamed_speaker(sent, count.start):
        return []
    # a rule for any unit of a standard, not a unit's result: "xã NTM nâng cao phải đạt 19 tiêu chí"
    if nearest is None and pats["standard_noun"].search(sent.text, c_start, count.start):
        return []
    if count.average or pats["average"].search(sent.words(c_start, count.start)[-40:]):
        count.average = True
        counted = [c for c in sent.counts if not c.is_criteria and c_start <= c.start and c.end <= count.start]
        if nearest and nearest.kind == GROUP and pats["the_rest"].search(sent.text, nearest.start, nearest.end) \
                or pats["each_has"].search(sent.text, max(c_start, count.start - 60), count.start) \
                or counted and not re.search(r"[,;]", sent.text[counted[-1].end:count.start]):
            # the average of the communes left, of each of several units or of the ones just
            # counted ("13 xã điểm của tỉnh đạt bình quân 12,7 tiêu chí/xã"), not of the whole
            return []
        # whose average a place says too: "bình quân mỗi xã của huyện chỉ đạt 5,2 tiêu chí"
        ref = subject_reference(doc, count.start, above="commune", places=True)
        return (list(ref.units) if ref else subject_units(doc, count.start, above="commune")) or [None]
    hint = pats["level_hint"].match(doc._.article.text, count.end, sent.end)
    level = LEVEL_OF_WORD[hint.group("word").lower()] if hint else ("district" if count.total == 9 else None)
    if nearest and nearest.kind == GROUP:
        group = last_group(references(doc), nearest.start)
        backref = doc._.article.text[nearest.start:nearest.end].lower() == "các xã"
        # or the group is listed after its count: "Các xã đã đạt 19/19 tiêu chí gồm: A, B"
        return group.units if group and backref else listed_units(sent, count.end)
    members = [c for c in sent.counts if not c.is_criteria and c_start <= c.start < count.start]
    if members and (not nearest or nearest.start < members[-1].start) and \
            not (level in ("district", "province") and re.search(r"[,;]", sent.text[members[-1].end:count.start])):
        return []  # "N xã đạt X tiêu chí" is a band of the count, read with it
    return subject_units(doc, count.start, level=level)


def listed_units(sent: Sentence, pos: int) -> list:
    intro = patterns()["listed_after"].match(sent.text, pos, clause_bounds(sent.doc, pos)[1])
    named = next((r for r in references(sent.doc) if intro and r.kind == NAMED and r.start == intro.end()), None)
    return list(named.units) if named else []


def parenthesized_units(sent: Sentence, count: Count) -> list:
    ref = next((r for r in references(sent.doc) if r.kind == NAMED and r.start >= count.end), None)
    if ref and re.fullmatch(r"\s*\(\s*", sent.text[count.end:ref.start]):
        return ref.units
    return []


def unnamed_count_criteria(sent: Sentence, facts: list):
    """Criteria named without a count: "còn thiếu tiêu chí môi trường", "tiêu chí giao thông chưa
    đạt", "đã hoàn thành tiêu chí thủy lợi"."""
    pats = patterns()
    for m in pats["unnamed_list"].finditer(sent.text, sent.start, sent.end):
        named_criteria(sent, m.end(), holder_units(sent, m.start()), "not_met", facts)
    for m in pats["named_met"].finditer(sent.text, sent.start, sent.end):
        named_criteria(sent, m.end(), holder_units(sent, m.start()), "met", facts)
    for m in pats["criterion_word"].finditer(sent.text, sent.start, sent.end):
        named = read_list(sent.text[:sent.end], m.end())
        if named and pats["named_not_met"].match(sent.text, named[-1].end, sent.end):
            named_criteria(sent, m.end(), holder_units(sent, m.start()), "not_met", facts)


def holder_units(sent: Sentence, pos: int) -> list:
    """Who has the criteria named at `pos`: none when the clause speaks of a group or of a unit it
    never named ("Địa phương đã đạt 18/19 tiêu chí, còn tiêu chí thu nhập chưa đạt")."""
    c_start, _ = clause_bounds(sent.doc, pos)
    nearest = next((r for r in reversed(references(sent.doc)) if c_start <= r.start and r.end <= pos
                    and not r.locative), None)
    if nearest and (nearest.kind in (GROUP, NATIONAL) or unresolved(nearest)) or unnamed_speaker(sent, pos):
        return []
    return subject_units(sent.doc, pos)
