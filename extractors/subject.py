"""Which unit a fact is about.

A sentence refers to units in a few ways (subject_rules.toml): by name ("huyện Hương Sơn", or a list
"các xã Hương Bình, Hương Thủy"), by a bare level word that means the unit in focus ("toàn huyện",
"huyện đạt chuẩn", "đề nghị xã"), back to the group last named ("các xã này", "cả 3 xã"), to the
whole country ("cả nước"), or, inside a quotation, to the unit of its speaker ("Chủ tịch UBND xã X:
“Chúng tôi ...”"). A fact is about the nearest reference before its words in its clause, else one
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
NAMED, LEVEL, NATIONAL, GROUP, BACKREF, SPEAKER = "named", "level", "national", "group", "backref", "speaker"


@dataclass
class Reference:
    start: int
    end: int
    kind: str
    units: list[str] = field(default_factory=list)
    locative: bool = False        # "ở huyện X", "của tỉnh": where something is, not who acts
    whose: bool = False           # "trên địa bàn huyện": a place that says whose a total is
    speaks: bool = False          # "Chủ tịch UBND xã X": the unit of someone who may be quoted


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
        "whose": re.compile(rf"(?:^|\W)(?:{words('whose')})\s+(?:{words('type_words')})?\s*$", flags),
        "speaker": re.compile(rf"(?:^|\W)(?:{words('speaker_titles')})\s+(?:{words('speaker_bodies')})?\s*"
                              rf"(?:{words('type_words')})?\s*$", flags),
        "speaker_end": re.compile(rf"^\s*(?:[,.:;)–-]|(?:{words('speech')})(?!\w))", flags),
        "first_person": re.compile(rf"(?<!\w)(?:{words('first_person')})(?!\w)", flags),
        "adjunct": re.compile(rf"(?:^|\W)(?:{words('adjunct')})\s+(?:{words('type_words')})?\s*$", flags),
        "apposed": re.compile(rf"^\s*,\s*(?:{words('type_words')})?\s*$", flags),
        "list_item": re.compile(rf"[^\S\n]*(?:{'|'.join(rules()['layout']['item_marks'])})[^\S\n]"),
        # a line that only names a unit, before its items: "Huyện Hương Khê:" ("|" stands for the name)
        "heading": re.compile(rf"\s*(?:(?:{'|'.join(rules()['layout']['item_marks'])})\s*)?(?:{words('type_words')})?\s*\|\s*:\s*",
                              flags),
        "title_prefix": re.compile(rf"\s*(?:{words('type_words')})?\s*\|\s*", flags),
        "list_gap": re.compile(rf"^\s*(?:\([^()]*\))?\s*(?:[,;]|và|,\s*và)?\s*(?:{words('type_words')})?\s*$",
                               flags),
    }


def level_of(code: str | None) -> str | None:
    unit = Gazetteer.default().unit(code) if code else None
    return unit.level if unit else None


def article_date(doc) -> date | None:
    return doc._.article.published_date if doc._.article is not None else None


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
        speaks = bool(patterns()["speaker"].search(text[max(0, m.start - 50):m.start]))
        found.append(Reference(m.start, m.end, NAMED, [m.unit], locative, speaks=speaks))
    return found


def other_references(doc, named: list[Reference]) -> list[Reference]:
    text = doc._.article.text
    taken = [(r.start, r.end) for r in named]

    def free(start, end):
        return not any(s < end and start < e for s, e in taken)

    found = []
    groups = [g.span() for g in patterns()["group"].finditer(text)]
    for m in patterns()["first_person"].finditer(text):
        # inside a longer group ("các địa phương") it is no first person
        if in_quote(text, m.start()) and not any(s < m.start() and m.end() <= e for s, e in groups):
            found.append(Reference(m.start(), m.end(), SPEAKER))
            taken.append(m.span())
    for kind in (NATIONAL, BACKREF, GROUP):
        for m in patterns()[kind].finditer(text):
            if free(*m.span()):
                found.append(Reference(m.start(), m.end(), kind))
                taken.append(m.span())
    for m in patterns()["level"].finditer(text):
        if not free(*m.span()):
            continue
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 30]
        # "Theo ông P - Chủ tịch UBND xã, ...": the title of someone speaking for the unit in focus
        if patterns()["speaker"].search(text[max(0, m.start() - 50):m.start()]) and patterns()["speaker_end"].match(after) \
                and m.group("word").lower() in rules()["speaker_titles"]["bare_levels"]:
            found.append(Reference(m.start(), m.end(), LEVEL, [m.group("word").lower()], speaks=True))
            continue
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
        whose = locative and bool(patterns()["whose"].search(before))
        found.append(Reference(m.start(), m.end(), LEVEL, [m.group("word").lower()], locative, whose))
    return found


def references(doc) -> list[Reference]:
    """Every reference to a unit in the Doc, in text order (computed once per Doc)."""
    if "ntm_references" not in doc.user_data:
        named = named_references(doc)
        refs = sorted(named + other_references(doc, named), key=lambda r: r.start)
        for ref in refs:
            resolve(doc, ref, refs)
        doc.user_data["ntm_references"] = [r for r in refs if r.kind != SPEAKER or r.units]
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
    elif ref.kind == SPEAKER:
        speaker = last_speaker(doc, refs, ref.start)
        ref.units = list(speaker.units) if speaker else []
        # with no speaker named, a first person says no more than it did outside a quote
        if not speaker and patterns()["group"].fullmatch(doc._.article.text, ref.start, ref.end):
            ref.kind = GROUP


def in_quote(text: str, pos: int) -> bool:
    """Whether `pos` lies inside a quotation opened in its paragraph."""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    return (line.count('"') + line.count("“") - line.count("”")) % 2 == 1


def last_speaker(doc, refs: list[Reference], pos: int) -> Reference | None:
    """The unit of the one speaking at `pos`: named with their title after the quote in its paragraph
    ("\"Chúng tôi ...\", Chủ tịch UBND xã X cho biết"), else before it there or in the paragraph
    before ("Theo Chủ tịch UBND xã Hoàn Trạch, ... \"Chúng tôi ...\", ông nói")."""
    text = doc._.article.text
    paragraph = text.rfind("\n", 0, pos)
    horizon = text.rfind("\n", 0, paragraph) + 1 if paragraph > 0 else 0
    paragraph_end = text.find("\n", pos) % (len(text) + 1)
    speakers = [r for r in refs if r.speaks and r.units]
    return next((r for r in speakers if pos < r.start < paragraph_end and not in_quote(text, r.start)), None) or \
        next((r for r in reversed(speakers) if horizon <= r.start and r.end <= pos), None)


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
        # an article whose title or lead names the one commune it names is about that commune
        communes = {m.unit for m in doc._.mentions or [] if level_of(m.unit) == "commune"}
        headed = {m.unit for m in doc._.mentions or [] if m.start < lead_end(doc._.article.text)}
        return communes.pop() if len(communes) == 1 and communes <= headed else None
    return ancestor_at(main, level, article_date(doc))


def lead_end(text: str) -> int:
    """The end of the lead: the first paragraph after the title."""
    lead = re.search(r"\n\s*\S[^\n]*", text)
    return lead.end() if lead else len(text)


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
        title_start = title_prefix_end(doc, first_line_end)
        scores: Counter = Counter()
        for m in doc._.mentions or []:
            weight = 2 if title_start <= m.start < first_line_end else 1
            scores[m.unit] += weight
            parent = parent_of(m.unit, article_date(doc))
            if parent:
                scores[parent] += weight / 2
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -LEVELS.get(level_of(kv[0]) or "", -1)))
        doc.user_data["ntm_main_unit"] = ranked[0][0] if ranked else None
    return doc.user_data["ntm_main_unit"]


def title_prefix_end(doc, first_line_end: int) -> int:
    """Where the title's own words begin: after a place named before a colon when the rest names a
    unit too ("Quảng Ngãi: Huyện Tư Nghĩa đạt chuẩn NTM" is about Tư Nghĩa; the province only says
    where it lies)."""
    text = doc._.article.text
    colon = text.find(":", 0, first_line_end)
    prefix = [m for m in doc._.mentions or [] if m.end <= colon]
    rest = [m for m in doc._.mentions or [] if colon < m.start < first_line_end]
    if prefix and rest and patterns()["title_prefix"].fullmatch(
            text[:prefix[0].start] + "|" + text[prefix[-1].end:colon]):
        return colon + 1
    return 0


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
    if ref.kind not in (NAMED, LEVEL, BACKREF, SPEAKER) or not ref.units:
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
    # "Tổng vốn đầu tư trên địa bàn huyện hơn 2.100 tỷ đồng": with no subject before it, the place says whose
    whose = [r for r in refs if c_start <= r.start and r.end <= start and r.whose]
    if whose:
        return whose[-1]
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
