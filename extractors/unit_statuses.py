"""Where a named unit stands (unit_status), read from a verb of reaching a standard ("được công nhận
đạt chuẩn", "chưa đạt chuẩn", "đang trình thẩm định") and the unit before or after it; and the rule
that a unit has one status per standard in an article."""
from __future__ import annotations

import re

from extractors.progress_patterns import LEVEL_OF_WORD, patterns, standard_in
from extractors.progress_sentence import Sentence, aside, inherited_standard, is_target, status_year
from extractors.subject import (
    GROUP,
    NAMED,
    NATIONAL,
    Reference,
    clause_bounds,
    level_of,
    references,
    subject_reference,
    subject_units,
)
from pipeline.facts import Fact

STATUS_RANK = {"pending": 0, "target": 1, "not_met": 2, "achieved": 3}


def status_facts(sent: Sentence, statuses: list):
    pats = patterns()
    doc, text = sent.doc, sent.text
    verbs = list(pats["reach"].finditer(text, sent.start, sent.end))
    covered = set()
    for n, m in enumerate(verbs):
        kind = m.lastgroup
        if n in covered:
            continue
        if kind != "pending" and pats["other_standard"].match(text, m.end(), sent.end) or \
                kind == "reached" and re.match(r"\s*(?:\d|từ\s)", text[m.end():m.end() + 5]) or \
                re.search(r"tiêu chí\s*$", text[max(0, m.start() - 12):m.start()]) or \
                any(0 <= c.start - m.end() <= 8 and not re.search(r"[,;]", text[m.end():c.start])
                    for c in sent.counts if not c.is_criteria):
            continue
        c_start, c_end = clause_bounds(doc, m.start())
        if pats["not_a_status"].search(text, c_start, m.start()):
            continue
        named_after = object_after(sent, m)
        if kind == "pending" and named_after is None:
            named_after, waited = recognition_after(sent, verbs, n, c_end)
            covered.update(waited)
        if m.group().lower().endswith("công nhận") and not recognised_standard(sent, m.end(), c_end):
            continue
        words_end = named_after.end if named_after else m.end()
        # a pending verb covers the recognition it waits for: "đủ điều kiện ... công nhận đạt chuẩn NTM nâng cao"
        next_verb = verbs[n + 1].start() if n + 1 < len(verbs) and kind != "pending" else c_end
        rest_end = next_stop(sent, words_end, min(c_end, next_verb))
        window = text[words_end:rest_end]
        level_word = pats["standard_level"].search(window[:40]) if kind != "pending" else None
        level = LEVEL_OF_WORD[(level_word.group("word") or level_word.group("word2")).lower()] if level_word else None
        if named_after is not None:
            units = [u for u in named_after.units if u]
        else:
            units = status_units(sent, m.start(), m.end(), level) or listed_after(sent, m, c_end)
        if not units:
            continue
        if kind == "pending":
            if is_target(sent, m.start()):
                continue  # a step planned on the way to a goal: "phấn đấu ... hoàn thiện hồ sơ đề nghị thẩm định"
            status = "pending"
        elif kind == "not_met":
            status = "not_met"
        else:
            status = "target" if is_target(sent, m.start()) else "achieved"
        # through the names a verb goes on to list: "công nhận đạt chuẩn xã NTM thông minh là Hương Trà"
        names_at = next((r.start for r in references(doc) if r.kind == NAMED and words_end <= r.start < c_end), rest_end)
        if pats["outside_standard"].search(text, words_end, max(rest_end, names_at)):
            continue
        named_standard = standard_in(window) or inherited_standard(sent) or counted_standard(sent, m.start())
        fields = dict(standard=named_standard or "ntm", status=status, year=status_year(sent, words_end, rest_end))
        for unit in units:
            statuses.append((Fact("unit_status", unit, m.start(), m.end(), fields), named_standard is not None))


def counted_standard(sent: Sentence, pos: int) -> str | None:
    """The standard of the criteria counted before `pos` in the sentence: "đạt 19/19 tiêu chí NTM
    nâng cao, đang trình thẩm định" is pending for nâng cao."""
    counted = [c.standard for c in sent.counts if c.is_criteria and c.end <= pos and c.standard]
    return counted[-1] if counted and counted[-1] != "ntm" else None


def recognised_standard(sent: Sentence, start: int, end: int) -> bool:
    """"công nhận" is about a standard only when one is named after it, not "công nhận sản phẩm"."""
    words = sent.text[start:end]
    return bool(standard_in(words) or patterns()["reach"].search(words))


def object_after(sent: Sentence, verb: re.Match) -> Reference | None:
    """What "công nhận" recognises when it is named right after it: "công nhận huyện X đạt chuẩn"."""
    if not verb.group().lower().endswith("công nhận"):
        return None
    pats = patterns()
    return next((r for r in references(sent.doc) if r.start >= verb.end() and r.start < sent.end
                 and pats["type_word"].fullmatch(sent.text[verb.end():r.start])), None)


def recognition_after(sent: Sentence, verbs: list[re.Match], n: int, clause_end: int) -> tuple[Reference | None, range]:
    """Whom a request is for, named after the recognition it asks: "huyện đang đề nghị tỉnh thẩm
    định, công nhận xã X đạt chuẩn" is pending for X. Returns the unit and the verbs it covers."""
    for k in range(n + 1, len(verbs)):
        if verbs[k].start() >= clause_end:
            break
        named = object_after(sent, verbs[k])
        if named is not None:
            return named, range(n + 1, k + 1)
    return None, range(0)


def listed_after(sent: Sentence, verb: re.Match, clause_end: int) -> list[str]:
    """The names a verb about a group goes on to list: "xã còn lại chưa về đích là Tam Lãnh"; not
    names of another level than the group's ("các huyện có nhiều xã chưa đạt chuẩn là Hương Khê")."""
    intro = patterns()["listed_after"].match(sent.text, verb.end(), clause_end)
    if not intro:
        return []
    named = next((r for r in references(sent.doc) if r.kind == NAMED and r.start == intro.end()), None)
    if named is None:
        return []
    nouns = re.findall(r"(?<!\w)(xã|huyện|tỉnh)(?!\w)", sent.words(clause_bounds(sent.doc, verb.start())[0], verb.start()),
                       re.IGNORECASE)
    if nouns and {level_of(u) for u in named.units} != {LEVEL_OF_WORD[nouns[-1].lower()]}:
        return []
    return list(named.units)


def next_stop(sent: Sentence, pos: int, clause_end: int) -> int:
    """The end of the words that belong to a verb at `pos`: the next count, name or clause end.
    A name in parentheses only says where the unit before it lies ("xã Hương Minh (Vũ Quang)")."""
    stops = [c.start for c in sent.counts if c.start >= pos]
    stops += [r.start for r in references(sent.doc)
              if r.start >= pos and r.kind == NAMED and not sent.doc._.article.text[:r.start].rstrip().endswith("(")]
    return min([clause_end, *stops])


def status_units(sent: Sentence, start: int, end: int, level: str | None) -> list[str]:
    """Who reaches (or fails) the standard: the nearest reference before the verb in its clause.
    A count or a group there means the verb is about them, not about a named unit."""
    doc = sent.doc
    c_start, _ = clause_bounds(doc, start)
    counts = [c for c in sent.counts if not c.is_criteria and c_start <= c.start and c.end <= start]
    # a level word inside a count stands for the units counted, or for none: "3 xã ... là A, B, C"
    # but not "11/13 huyện, thị xã, thành phố đạt chuẩn"
    refs = [r for r in references(doc) if c_start <= r.start and r.end <= start and not r.locative
            and all(len(r.units) == c.low for c in counts if c.start <= r.start < c.end)]
    nearest = refs[-1] if refs else None
    if counts and (nearest is None or counts[-1].start >= nearest.end):
        return []
    if nearest is not None:
        if nearest.kind in (GROUP, NATIONAL) or aside(sent, nearest, start):
            return []
        return [u for u in nearest.units if u]
    ref = subject_reference(doc, start, level=level, end=end)
    if ref is not None:
        return [u for u in ref.units if u]
    return [u for u in subject_units(doc, start, level=level) if u] if level else []


def keep_one_status(statuses: list[tuple[Fact, bool]]) -> list[Fact]:
    """A unit has one status per standard in an article, the most specific one, with the year any
    of its statements gives. A status whose standard was only assumed takes the standard named for
    that unit elsewhere in the article."""
    named: dict[str, set] = {}
    for fact, explicit in statuses:
        if explicit:
            named.setdefault(fact.unit, set()).add(fact.fields["standard"])
    best: dict[tuple, Fact] = {}
    for fact, explicit in statuses:
        if not explicit and fact.unit in named:
            if len(named[fact.unit]) > 1:
                continue
            fact.fields = {**fact.fields, "standard": next(iter(named[fact.unit]))}
        key = (fact.unit, fact.fields["standard"])
        held = best.get(key)
        if held is None or STATUS_RANK[fact.fields["status"]] < STATUS_RANK[held.fields["status"]]:
            best[key], fact = fact, held
        kept = best[key]
        if fact is not None and kept.fields["year"] is None:
            kept.fields = {**kept.fields, "year": fact.fields["year"]}
    return list(best.values())


def pending_for_complete(facts: list[Fact], statuses: list[tuple[Fact, bool]]):
    """A unit awaits appraisal for the standard whose criteria it has all met, where the words of
    the request name none: "đã đạt 19/19 tiêu chí NTM nâng cao. Hiện xã đang hoàn thiện hồ sơ"."""
    complete = {f.unit: f.fields["standard"] for f in facts if f.type == "criteria_count" and f.fields["total"]
                and f.fields["count_min"] == f.fields["total"] and f.fields["standard"] != "ntm"}
    for fact, explicit in statuses:
        if not explicit and fact.fields["status"] == "pending" and fact.unit in complete:
            fact.fields = {**fact.fields, "standard": complete[fact.unit]}
