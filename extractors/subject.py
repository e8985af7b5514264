"""Which unit a fact is about.

A sentence refers to units in a few ways (subject_rules.toml): by name ("huyện Hương Sơn", or a list
"các xã Hương Bình, Hương Thủy"), by a bare level word that means the unit in focus ("toàn huyện",
"huyện đạt chuẩn"), back to the group last named ("các xã này", "cả 3 xã"), or to the whole
country ("cả nước"). A fact is about the nearest reference before its words in its clause, else one
after them, else the subject of an earlier clause or of the previous sentence, else the unit the
article is mostly about.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from extractors.numbers import word_alternation
from extractors.rules import load_rules
from gazetteer.units import Gazetteer

# Levels from the top; villages (thôn) are counted but never named as units.
LEVELS = {"province": 0, "district": 1, "commune": 2, "village": 3}
NAMED, LEVEL, NATIONAL, GROUP, BACKREF = "named", "level", "national", "group", "backref"


@dataclass
class Reference:
    start: int
    end: int
    kind: str
    units: list[str] = field(default_factory=list)
    locative: bool = False        # "ở huyện X", "của tỉnh": where something is, not who acts


def rules() -> dict:
    return load_rules("subject_rules.toml")


def words(key: str) -> str:
    return word_alternation(rules()[key]["words"])


@cache
def patterns() -> dict[str, re.Pattern]:
    flags = re.IGNORECASE
    return {
        "level": re.compile(rf"(?<!\w)(?P<whole>toàn\s+)?(?P<word>{words('level_words')})(?!\w)", flags),
        "national": re.compile(rf"(?<!\w)(?:{words('national')})(?!\w)", flags),
        "backref": re.compile(rf"(?<!\w)(?:{'|'.join(rules()['backref']['patterns'])})(?!\w)", flags),
        "group": re.compile(rf"(?<!\w)(?:{words('group')})(?!\w)", flags),
        "not_before_level": re.compile(rf"(?:^|\W)(?:{words('not_before_level')})\s*$", flags),
        "not_after_level": re.compile(rf"^\s*(?:{words('not_after_level')})(?!\w)", flags),
        "locative": re.compile(rf"(?:^|\W)(?:{words('locative')})\s+(?:{words('type_words')})?\s*$", flags),
        "adjunct": re.compile(rf"(?:^|\W)(?:{words('adjunct')})\s+(?:{words('type_words')})?\s*$", flags),
        "apposed": re.compile(rf"^\s*,\s*(?:{words('type_words')})?\s*$", flags),
        "list_item": re.compile(rf"[^\S\n]*(?:{'|'.join(rules()['layout']['item_marks'])})[^\S\n]"),
        # a line that only names a unit, before its items: "Huyện Hương Khê:" ("|" stands for the name)
        "heading": re.compile(rf"\s*(?:(?:{'|'.join(rules()['layout']['item_marks'])})\s*)?(?:{words('type_words')})?\s*\|\s*:\s*",
                              flags),
        "list_gap": re.compile(rf"^\s*(?:\([^()]*\))?\s*(?:[,;]|và|,\s*và)?\s*(?:{words('type_words')})?\s*$",
                               flags),
    }


def level_of(code: str | None) -> str | None:
    unit = Gazetteer.default().unit(code) if code else None
    return unit.level if unit else None


def article_date(doc) -> date | None:
    published = getattr(doc._.article, "published", None) if doc._.article is not None else None
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def parent_of(code: str, when: date | None = None) -> str | None:
    """The unit holding `code` on the article's date (Lộc Hà's communes were Lộc Hà's until 2025)."""
    parent = Gazetteer.default().parent_at(code, when)
    if parent is None and when is not None:
        parent = Gazetteer.default().parent_at(code)
    return parent.code if parent else None


def ancestor_at(code: str | None, level: str, when: date | None = None) -> str | None:
    """The unit itself if it is of `level`, else its ancestor of that level."""
    return next((c for c in holders(code, when) if level_of(c) == level), None) if code else None


def common_parent(codes: list[str], when: date | None = None) -> str | None:
    """The lowest unit holding all of `codes` (their parent when they share one); None when they
    lie in different provinces."""
    parents = [parent_of(c, when) for c in codes]
    if not parents or None in parents:
        return None
    return smallest_holder(parents, when)


def smallest_holder(codes: list[str], when: date | None = None) -> str | None:
    """The smallest unit that is, or holds, each of `codes` ("xã A và huyện B": B if it holds A)."""
    chains = [holders(code, when) for code in codes]
    return next((code for code in chains[0] if all(code in chain for chain in chains[1:])), None)


def holders(code: str, when: date | None = None) -> list[str]:
    """The unit and the units holding it up to its province, smallest first."""
    chain = [code]
    while (parent := parent_of(chain[-1], when)) and parent not in chain:
        chain.append(parent)
    return chain


def is_annotation(text: str, mention_start: int) -> bool:
    """A name in parentheses right after another name says where that one lies: "Ân Phú (Vũ Quang)"."""
    opening = text.rfind("(", 0, mention_start)
    if opening < 0 or ")" in text[opening:mention_start]:
        return False
    last_words = [w for w in text[max(0, opening - 40):opening].split() if not w.isdigit()]
    # a name ends in a capitalised word, not in an acronym: "đạt chuẩn NTM (Thạch Đài, Thạch Thanh)"
    return bool(last_words) and last_words[-1][0].isupper() and not last_words[-1].isupper()


def holds(code: str, inner: str, doc) -> bool:
    """Whether `code` is a unit above `inner`: "xã Điện Quang, thị xã Điện Bàn" says where the commune lies."""
    return code != inner and code in holders(inner, article_date(doc))


def named_references(doc) -> list[Reference]:
    """The named units of the text, consecutive names of one list as one reference."""
    text = doc._.article.text
    found: list[Reference] = []
    for m in sorted(doc._.mentions or [], key=lambda m: m.start):
        last = found[-1] if found else None
        if is_annotation(text, m.start) or last and last.kind == NAMED and holds(m.unit, last.units[-1], doc) \
                and patterns()["apposed"].match(text[last.end:m.start]):
            continue
        if last and last.kind == NAMED and patterns()["list_gap"].match(text[last.end:m.start]) \
                and "\n" not in text[last.end:m.start] and level_of(m.unit) == level_of(last.units[0]) \
                and not ("," in text[last.end:m.start]
                         and patterns()["adjunct"].search(text[max(0, last.start - 30):last.start])):
            last.end = max(last.end, m.end)
            if m.unit not in last.units:
                last.units.append(m.unit)
            continue
        locative = bool(patterns()["locative"].search(text[max(0, m.start - 30):m.start]))
        found.append(Reference(m.start, m.end, NAMED, [m.unit], locative))
    return found


def other_references(doc, named: list[Reference]) -> list[Reference]:
    text = doc._.article.text
    taken = [(r.start, r.end) for r in named]

    def free(start, end):
        return not any(s < end and start < e for s, e in taken)

    found = []
    for kind in (NATIONAL, BACKREF, GROUP):
        for m in patterns()[kind].finditer(text):
            if free(*m.span()):
                found.append(Reference(m.start(), m.end(), kind))
                taken.append(m.span())
    for m in patterns()["level"].finditer(text):
        if not free(*m.span()):
            continue
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 30]
        if not m.group("whole") and (patterns()["not_before_level"].search(before)
                                     or patterns()["not_after_level"].match(after)):
            continue
        next_word = after.split()[0] if after.split() else ""
        # the type word of a name the gazetteer did not take, or a counted noun ("5 xã"); a year
        # before it counts nothing ("năm 2021 xã đã được công nhận")
        if next_word[:1].isupper() or next_word[:1].isdigit() or (
                re.search(r"[/\d]\s*$", before) and not re.search(r"năm\s+\d{4}\s*$", before, re.IGNORECASE)):
            continue
        locative = not m.group("whole") and bool(patterns()["locative"].search(before))
        found.append(Reference(m.start(), m.end(), LEVEL, [m.group("word").lower()], locative))
    return found


def references(doc) -> list[Reference]:
    """Every reference to a unit in the Doc, in text order (computed once per Doc)."""
    if "ntm_references" not in doc.user_data:
        named = named_references(doc)
        refs = sorted(named + other_references(doc, named), key=lambda r: r.start)
        for ref in refs:
            resolve(doc, ref, refs)
        doc.user_data["ntm_references"] = refs
    return doc.user_data["ntm_references"]


LEVEL_WORDS = {"huyện": "district", "thị xã": "district", "thành phố": "district",
               "tỉnh": "province", "xã": "commune"}


def resolve(doc, ref: Reference, refs: list[Reference]) -> None:
    """Fill in the units of a level word or a back-reference from what came before it."""
    if ref.kind == LEVEL:
        level = LEVEL_WORDS[ref.units[0]]
        ref.units = [u for u in [unit_in_focus(doc, ref.start, level, refs)] if u]
    elif ref.kind == BACKREF:
        group = last_group(refs, ref.start)
        ref.units = list(group.units) if group else []


def unit_in_focus(doc, pos: int, level: str, refs: list[Reference]) -> str | None:
    """The unit of `level` named last before `pos` (a commune only within the last two sentences),
    else the article's main unit or its ancestor of that level."""
    horizon = previous_sentence(doc, pos)[0] if level == "commune" else 0
    for ref in reversed(refs):
        if ref.start >= pos or ref.start < horizon:
            continue
        if ref.kind == NAMED and len(ref.units) == 1 and level_of(ref.units[0]) == level:
            return ref.units[0]
    main = main_unit(doc)
    if level == "commune":
        if level_of(main) == "commune":
            return main
        # an article whose title names the one commune it names is about that commune
        communes = {m.unit for m in doc._.mentions or [] if level_of(m.unit) == "commune"}
        titled = {m.unit for m in doc._.mentions or [] if m.start < doc._.article.text.find("\n") % (len(doc._.article.text) + 1)}
        return communes.pop() if len(communes) == 1 and communes <= titled else None
    return ancestor_at(main, level, article_date(doc))


def last_group(refs: list[Reference], pos: int) -> Reference | None:
    """The last list of two or more named units before `pos`."""
    return next((r for r in reversed(refs) if r.end <= pos and r.kind == NAMED and len(r.units) > 1), None)


def main_unit(doc) -> str | None:
    """The unit the article is mostly about: the most named one, a name in the first line counting
    twice and a name of a unit counting half for the unit directly above it; none when the first
    line speaks of the whole country ("Cả nước có 51% số xã đạt chuẩn")."""
    if "ntm_main_unit" not in doc.user_data:
        first_line_end = doc._.article.text.find("\n") % (len(doc._.article.text) + 1)
        if patterns()["national"].search(doc._.article.text, 0, first_line_end):
            doc.user_data["ntm_main_unit"] = None
            return None
        scores: Counter = Counter()
        for m in doc._.mentions or []:
            weight = 2 if m.start < first_line_end else 1
            scores[m.unit] += weight
            parent = parent_of(m.unit, article_date(doc))
            if parent:
                scores[parent] += weight / 2
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -LEVELS.get(level_of(kv[0]) or "", -1)))
        doc.user_data["ntm_main_unit"] = ranked[0][0] if ranked else None
    return doc.user_data["ntm_main_unit"]


def sentence_bounds(doc, pos: int) -> tuple[int, int]:
    for sent in doc.sents:
        if sent.start_char <= pos < sent.end_char:
            return sent.start_char, sent.end_char
    return pos, pos


def previous_sentence(doc, pos: int) -> tuple[int, int]:
    """The sentence before the one holding `pos` in its paragraph (that one itself when it opens
    the paragraph: a new paragraph does not go on with the last one's subject)."""
    start = sentence_bounds(doc, pos)[0]
    earlier = [(s.start_char, s.end_char) for s in doc.sents if s.end_char <= start]
    if not earlier or "\n" in doc._.article.text[earlier[-1][0]:start]:
        return start, start
    return earlier[-1]


def clause_bounds(doc, pos: int) -> tuple[int, int]:
    """The clause holding `pos`: its sentence cut at semicolons."""
    start, end = sentence_bounds(doc, pos)
    text = doc._.article.text
    left = text.rfind(";", start, pos)
    right = text.find(";", pos, end)
    return (left + 1 if left >= 0 else start), (right if right >= 0 else end)


def fits(ref: Reference, level: str | None, above: str | None) -> bool:
    if ref.kind == NATIONAL:
        return level is None
    if ref.kind not in (NAMED, LEVEL, BACKREF) or not ref.units:
        return False
    levels = {level_of(u) for u in ref.units}
    if level:
        return levels == {level}
    if above:
        return all(lv and LEVELS[lv] < LEVELS[above] for lv in levels)
    return True


def subject_reference(doc, start: int, level: str | None = None, above: str | None = None,
                      end: int | None = None, places: bool = False) -> Reference | None:
    """The reference a fact at `start` is about, of `level` (or strictly `above` a level) if given;
    None when the article itself must answer. With `places`, a place named before the fact in its
    clause counts too ("Ở huyện X, hiện có 6/14 xã")."""
    refs = [r for r in references(doc) if fits(r, level, above)]
    c_start, c_end = clause_bounds(doc, start)
    s_start, _ = sentence_bounds(doc, start)
    end = start if end is None else end
    before = [r for r in refs if c_start <= r.start and r.end <= start and (places or not r.locative)]
    if before:
        return before[-1]
    after = [r for r in refs if end <= r.start and r.end <= c_end and r.kind != LEVEL]
    if after:
        return after[0]
    earlier = [r for r in refs if s_start <= r.start and r.end <= c_start and not r.locative]
    if earlier:
        return earlier[-1]
    p_start, _ = previous_sentence(doc, start)
    previous = [r for r in refs if p_start <= r.start and r.end <= s_start and not r.locative]
    if previous:
        return previous[0]
    return heading_reference(doc, start, refs)


def heading_reference(doc, start: int, refs: list[Reference]) -> Reference | None:
    """The unit a list item is about when a line of its own names it above the items:
    "Huyện Hương Khê:" over "- 15/21 xã đạt chuẩn NTM;" and "- 2 xã đạt chuẩn NTM nâng cao."."""
    text = doc._.article.text
    line_start = text.rfind("\n", 0, start) + 1
    while patterns()["list_item"].match(text, line_start):
        if line_start == 0:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        named = [r for r in refs if r.kind == NAMED and above <= r.start and r.end < line_start]
        if len(named) == 1 and patterns()["heading"].fullmatch(text[above:named[0].start] + "|" + text[named[0].end:line_start - 1]):
            return named[0]
        line_start = above
    return None


def subject_units(doc, start: int, level: str | None = None, above: str | None = None) -> list[str]:
    """GSO codes of the unit(s) a fact whose words begin at `start` is about: [] for the country
    or when nothing fits."""
    ref = subject_reference(doc, start, level, above)
    if ref is not None:
        return list(ref.units)
    main = main_unit(doc)
    if main is None:
        return []
    if level:
        unit = ancestor_at(main, level, article_date(doc))
        return [unit] if unit else []
    if above and LEVELS[level_of(main)] >= LEVELS[above]:
        return [p for p in [parent_of(main, article_date(doc))] if p]
    return [main]
