"""The progress facts: how many criteria a unit meets (criteria_count), how many of its units reach
a standard (unit_count), where a named unit stands (unit_status), which named criteria it meets
(criterion_status).

Every fact starts from a count ("6/9 tiêu chí", "23/23 xã", "100% số xã") or a verb of reaching
a standard ("được công nhận đạt chuẩn", "chưa đạt chuẩn", "đang trình thẩm định"). The words
around it in its clause give the status and the standard (progress_rules.toml); extractors.subject
gives the unit.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.language import Language

from extractors.criteria import read_list
from extractors.numbers import NUMBER, parse_number, word_alternation
from extractors.subject import (BACKREF, GROUP, LEVEL, NAMED, NATIONAL, Reference, article_date, clause_bounds,
                                common_parent, fits, holders, last_group, level_of, main_unit, previous_sentence, references,
                                subject_reference, subject_units)
from pipeline.facts import Fact

CUT_LINE = 80     # a last line this long without a full stop is a paragraph cut off, not a heading
VERB_REACH = 60   # characters from a count to its verb: "23/23 xã được công nhận", "8 xã chưa đạt"
STATUS_RANK = {"pending": 0, "target": 1, "not_met": 2, "achieved": 3}


@cache
def rules() -> dict:
    return tomllib.loads(resources.files(__package__).joinpath("progress_rules.toml").read_text("utf-8"))


def cues(words) -> str:
    return rf"(?<!\w)(?:{word_alternation(words)})(?!\w)"


@cache
def members() -> dict[str, str]:
    """The member counted by each noun: "khu dân cư" -> village."""
    return {noun: member for member, nouns in rules()["members"].items() for noun in nouns}


@cache
def patterns() -> dict[str, re.Pattern]:
    data = rules()
    i = re.IGNORECASE
    number = rf"(?:{NUMBER}|{cues(data['number_words']['words'])})"
    reach = "|".join(rf"(?P<{kind}>{'|'.join(data['reach'][kind])})" for kind in ("pending", "not_met", "reached"))
    return {
        "count": re.compile(
            rf"(?<![\w/])(?:(?P<qual>ít nhất|tối thiểu|thêm|hơn|trên|dưới|gần|khoảng|từ)\s+)?"
            rf"(?P<low>{number})(?:\s*(?:-|–|đến|tới)\s*(?P<high>{NUMBER}))?(?:\s*/\s*(?P<total>{NUMBER}))?"
            rf"\s+(?P<noun>tiêu chí|{word_alternation(members())})(?![\w])(?!\s+hội)"
            rf"(?:\s*/\s*(?:(?P<total2>{NUMBER})\s+tiêu chí|(?P<per>xã))|\s+(?P<open>trở lên))?", i),
        "percent_count": re.compile(
            rf"(?<![\w/])(?:(?P<qual>ít nhất|tối thiểu|hơn|trên)\s+)?(?P<pct>{NUMBER})\s?%\s+(?:số\s+)?"
            rf"(?P<noun>xã|huyện|thôn|khu dân cư)(?!\w)(?:\s*\(\s*(?P<low>{NUMBER})\s+xã\s*\))?", i),
        "raised_count": re.compile(rf"(?<!\w)số\s+(?P<noun>xã|thôn|khu dân cư|huyện)\s+[^,;.\d]{{0,40}}?(?:lên|là)\s+"
                                   rf"(?P<low>{NUMBER})(?!\d|[.,]\d|\s*[/%]|[^\S\n]+\w)", i),
        "in_turn": re.compile(rf"(?<!\w)lần lượt\s+(?:(?:đạt|là|có)\s+)?(?P<numbers>{NUMBER}(?:\s*(?:,|và)\s*{NUMBER})+)"
                              rf"\s+tiêu chí(?!\w)", i),
        "reach": re.compile(reach, i),
        "other_standard": re.compile(rf"\s*(?:{word_alternation(data['other_standards']['words'])})(?!\w)"),
        "outside_standard": re.compile("|".join(data["outside_standards"]["patterns"]), i),
        "model": re.compile(r"\s*(?:NTM\s+)?(?:kiểu mẫu|mẫu)(?!\w)", i),
        "former": re.compile(r"\s+cũ(?!\w)", i),
        "target": re.compile(cues(data["target"]["words"]), i),
        "present": re.compile(cues(data["present"]["words"]), i),
        "not_a_status": re.compile(cues(data["not_a_status"]["words"]), i),
        "other_predicate": re.compile(rf"(?:\s+(?:của|trong|thuộc|trên địa bàn)\s+[^,;.\d]{{0,30}}?)?\s+"
                                      rf"{cues(data['other_predicates']['words'])}", i),
        "criteria_not_met_before": re.compile(rf"(?:{cues(data['criteria_not_met']['before'])})\s+$", i),
        "criteria_not_met_after": re.compile(
            rf"[^,;.:(\d]{{0,30}}?{cues(data['criteria_not_met']['after'])}", i),
        "not_met_words": re.compile(cues(data['criteria_not_met']['after']), i),
        "named_not_met": re.compile(rf"\s*(?:vẫn\s+|còn\s+)?(?:{cues(data['criteria_not_met']['after'])})", i),
        "criterion_word": re.compile(r"(?<!\d\s)(?<!\w)tiêu chí\s+", i),
        "having_before": re.compile(rf"(?:{cues(data['criteria_verbs']['before'])})[^,;.:\d]{{0,25}}$", i),
        "having_after": re.compile(rf"[^,;.:\d]{{0,25}}?{cues(data['criteria_verbs']['after'])}", i),
        "average": re.compile(cues(data["average"]["words"]), i),
        "first_person": re.compile(cues(data["first_person"]["words"]), i),
        "not_a_count": re.compile(r"(?<!\w)(?:bộ|của|năm|ngày|tháng|quý|tổng số)\s+$", i),
        "total_after": re.compile(rf"(?:trên|trong)\s+tổng số\s+(?P<n>{NUMBER})(?!\d)", i),
        # the share of each of several units, not of the one in focus: "15 tỉnh có 100% số xã đạt chuẩn"
        "each_has": re.compile(r"(?<!\w)(?:\d+|các|những)\s+(?:tỉnh|huyện|địa phương)(?:,\s*(?:thành phố|thị xã))?\s+"
                               r"(?:đã\s+|hiện\s+)?(?:có|đạt)\s+"
                               r"(?:(?:bình quân|trung bình)\s+(?:đạt\s+)?)?(?:trên\s+|hơn\s+|gần\s+|khoảng\s+)?$", i),
        "all_of": re.compile(r"(?<!\w)cả\s+$", i),
        "the_rest": re.compile(r"\s*còn lại(?!\w)", i),
        "left_before": re.compile(r"(?<!\w)còn\s+$", i),
        "none_left": re.compile(r"(?<!\w)(?:không\s+(?:còn|có)|chưa\s+có)\s+(?P<noun>xã|thôn)(?:\s+nào(?!\w)|(?=\s+(?:đạt\s+)?dưới\s))",
                               i),
        "change": re.compile(rf"(?:{cues(data['change']['words'])})\s+$", i),
        # a sum of changes: "Tổng số tiêu chí tăng thêm của toàn huyện trong năm là 35 tiêu chí"
        "change_sum": re.compile(rf"(?:{cues(data['change']['words'])})(?!\s+cường)[^,;.\d]{{0,40}}?\s(?:là|được)\s+$", i),
        "introducer": re.compile("|".join(data["introducers"]["patterns"]), i),
        "list_intro": re.compile(r"[^;.:()\d]{0,40}?(?:\s*,?\s*(?:bao gồm|gồm có|gồm|là"
                                 r"|trong đó có(?:\s+các)?\s+tiêu chí)\s*:?\s*|:\s*)", i),
        "unnamed_list": re.compile(r"(?<!\w)(?:còn thiếu|chưa đạt|chỉ còn)\s+(?=tiêu chí\s)|(?<!\d\s)(?<!\w)(?:các\s+)?"
                                   r"tiêu chí\s+(?:còn thiếu|chưa đạt|còn lại)\s*(?:gồm|là)?\s*:?\s*", i),
        "named_met": re.compile(r"(?<!\w)đã\s+(?:hoàn thành|đạt)\s+(?:các\s+)?(?=tiêu chí\s)|(?<!\d\s)(?<!\w)(?:các\s+)?"
                                r"tiêu chí\s+đã\s+(?:hoàn thành|đạt)(?:\s+chuẩn)?\s*(?:gồm|là)?\s*:?\s*", i),
        "backref_after": re.compile(r"\s*(?:này|nói trên|trên(?!\s+địa bàn))(?!\w)", i),
        "band_gap": re.compile(r"^\s*(?:điểm\s+)?(?:còn lại\s+)?(?:đều\s+)?(?:đã\s+)?(?:(?:chỉ|mới|vẫn)\s+)*(?:đạt\s+)?"
                               r"(?:được\s+)?$", i),
        # "nâng tổng số xã đạt chuẩn lên 12", and a heading before its count: "Nhóm xã đạt 15-18 tiêu chí: 5 xã"
        "raise_to": re.compile(r"(?:tổng\s+)?(?:số|nhóm)\s+(?:xã|thôn|khu dân cư|huyện)\b[^;]*?(?:lên|là|đạt|:)\s*$", i),
        "bare_not_met": re.compile(r"\s*(?:còn lại\s+)?chưa\s+(?:đạt|về đích|được công nhận)(?=\s*(?:[,.;:(]|là(?!\w)|gồm(?!\w)|$))", i),
        "type_word": re.compile(r"\s*(?:huyện|xã|tỉnh|thị xã|thành phố|TP\.?|thị trấn|TX\.?)?\s*", i),
        "locative": re.compile(r"(?<!\w)(?:của|ở|tại)\s+", i),
        "listed_after": re.compile(r"[^,;.\d]{0,40}?\s*,?\s*(?:là|gồm|bao gồm)\s*:?\s*", i),
        "year": re.compile(r"(?<!\w)năm\s+(\d{4})(?!\d)", i),
        # behind a dateline lead: "(Baohatinh.vn) - Năm 2022, ..."
        "year_opening": re.compile(rf"\W*(?:\([^()]{{1,40}}\)\s*[-–]\s*)?(?:(?:{cues(data['year_openers']['words'])})\s*,?\s+)?"
                                   rf"năm\s+(\d{{4}})\s*,", i),
        "continues": re.compile(r"^\W*(?:trong đó|riêng|cụ thể|ngoài ra)(?!\w)", i),
        "level_hint": re.compile(r"\s*(?:cấp\s+)?(?P<word>huyện|tỉnh|xã)\b", i),
        "standard_level": re.compile(r"(?:chuẩn|thành)\s+(?P<word>huyện|tỉnh|xã)(?!\w)|(?P<word2>huyện|tỉnh)\s+"
                                     r"(?:NTM|nông thôn mới)", i),
        "percent_after": re.compile(rf"\(\s*(?P<p>{NUMBER})\s?%\s*\)"
                                    rf"|(?:chiếm|đạt|bằng)\s+(?:tỷ lệ\s+)?(?P<p2>{NUMBER})\s?%"
                                    rf"|tỷ lệ\s+(?:số\s+)?(?:xã|thôn|khu dân cư|huyện)[^,;.\d]{{0,30}}?(?P<p3>{NUMBER})\s?%", i),
    }


@cache
def standard_patterns() -> list[tuple[str, re.Pattern]]:
    return [(std, re.compile("|".join(forms), re.IGNORECASE)) for std, forms in rules()["standards"].items()]


def standard_in(text: str) -> str | None:
    """The standard the words name, the most specific one first ("NTM nâng cao" is nâng cao)."""
    for std, pattern in standard_patterns():
        if pattern.search(text):
            return std
    return None


def last_standard_in(text: str) -> str | None:
    found = [(m.start(), std) for std, p in standard_patterns() for m in p.finditer(text)]
    if not found:
        return None
    last = max(found)[0]
    return standard_in(text[max(0, last - 25):last + 25])


LEVEL_OF_WORD = {"huyện": "district", "tỉnh": "province", "xã": "commune"}
MEMBER_LEVEL = {"commune": "commune", "district": "district", "village": "village", "model_garden": "village"}


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


def truncated_from(doc) -> int:
    """Where the last, cut-off item of an article cut mid-sentence begins (len(text) if not cut)."""
    text = doc._.article.text.rstrip()
    start = text.rfind("\n") + 1
    if not text or text[-1] in ".!?…\")”" or len(text) - start < CUT_LINE:
        return len(doc._.article.text)
    cut = max(text.rfind(",", start), text.rfind(";", start), text.rfind(" và ", start))
    return cut if cut >= 0 else start


# ---- status and standard from the words around --------------------------------------------------

def is_target(sent: Sentence, pos: int) -> bool:
    """A goal named before `pos` in the sentence, not followed by words of a present result; or a
    year later than the article's in the clause."""
    pats = patterns()
    before = sent.words(sent.start, pos)
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


def reach_after(sent: Sentence, start: int, end: int) -> re.Match | None:
    """The first verb of reaching (or not) a standard in text[start:end], NTM standards only."""
    pats = patterns()
    for m in pats["reach"].finditer(sent.text, start, end):
        if m.lastgroup != "pending" and pats["other_standard"].match(sent.text, m.end(), end):
            continue
        return m
    return None


# ---- unit_count --------------------------------------------------------------------------------

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
    if intro and intro.end() == first.start and not re.search(r"[,;]", sent.text[count.end:intro.start()]) \
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


def year_in(sent: Sentence, start: int, end: int) -> int | None:
    m = patterns()["year"].search(sent.text, start, end)
    return int(m.group(1)) if m else None


# ---- criteria_count and criterion_status -------------------------------------------------------

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


def criteria_standard(sent: Sentence, count: Count) -> str:
    after = sent.text[count.end:min(sent.end, count.end + 40)]
    after = re.split(r"[,;:]", after)[0]
    own = standard_in(after)
    if own in ("nang_cao", "kieu_mau"):
        return own
    earlier = [c for c in sent.counts if c.is_criteria and c.end <= count.start and c.standard]
    if earlier:
        return earlier[-1].standard
    return own or inherited_standard(sent) or sentence_standard(sent, count) or "ntm"


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
    if count.average or pats["average"].search(sent.words(c_start, count.start)[-40:]):
        count.average = True
        counted = [c for c in sent.counts if not c.is_criteria and c_start <= c.start and c.end <= count.start]
        if nearest and nearest.kind == GROUP and pats["the_rest"].search(sent.text, nearest.start, nearest.end) \
                or pats["each_has"].search(sent.text, max(c_start, count.start - 60), count.start) \
                or counted and not re.search(r"[,;]", sent.text[counted[-1].end:count.start]):
            # the average of the communes left, of each of several units or of the ones just
            # counted ("13 xã điểm của tỉnh đạt bình quân 12,7 tiêu chí/xã"), not of the whole
            return []
        return subject_units(doc, count.start, above="commune") or [None]
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


# ---- unit_status -------------------------------------------------------------------------------

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


def status_year(sent: Sentence, start: int, end: int) -> int | None:
    """The year a status is for: "đạt chuẩn NTM năm 2016", else a sentence opening "Năm 2017, ..."."""
    own = year_in(sent, start, end)
    if own:
        return own
    opening = patterns()["year_opening"].match(sent.words(sent.start, sent.end))
    return int(opening.group(1)) if opening else None


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
    refs = [r for r in references(doc) if c_start <= r.start and r.end <= start and not r.locative]
    counts = [c for c in sent.counts if not c.is_criteria and c_start <= c.start and c.end <= start]
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


def drop_restated(facts: list[Fact]) -> list[Fact]:
    """A count said again with less detail (no total, no percent) is the same fact, said once."""
    def covers(full: Fact, part: Fact) -> bool:
        return full is not part and full.type == part.type and full.unit == part.unit \
            and full.fields != part.fields \
            and all(v is None or full.fields.get(k) == v for k, v in part.fields.items())
    counts = [f for f in facts if f.type in ("criteria_count", "unit_count")]
    return [f for f in facts if f not in counts or not any(covers(g, f) for g in counts)]


# ---- tables ------------------------------------------------------------------------------------

CELL_COUNT = re.compile(rf"\s*(?P<n>{NUMBER})(?:\s*/\s*(?P<total>{NUMBER}))?\s*")


def cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of a line split at "|"."""
    spans, pos = [], start
    for bar in [m.start() for m in re.finditer(r"\|", text[start:end])] + [end - start]:
        spans.append((pos, start + bar))
        pos = start + bar + 1
    return spans


def column_kind(header: str) -> str | None:
    header = header.lower()
    return next((kind for kind, words in rules()["table_columns"].items() if any(w in header for w in words)), None)


def table_facts(doc, facts: list, statuses: list):
    """Rows of a table flattened to text: a count in a column whose header says what it counts, for
    the one unit named in the row ("1 | Kỳ Tân | 19/19 | Đã công nhận" under "Số tiêu chí đạt")."""
    text = doc._.article.text
    header: list[tuple[str | None, str]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        row = cells(text, start, end) if "|" in line else []
        if not row:
            header = []
        elif not any(CELL_COUNT.fullmatch(text, s, e) for s, e in row):
            header = [(column_kind(text[s:e]), text[s:e]) for s, e in row]
        elif header:
            named = [r for r in references(doc) if r.kind == NAMED and start <= r.start and r.end <= end]
            if len(named) == 1 and len(named[0].units) == 1:
                row_facts(text, named[0].units[0], row, header, facts, statuses)
        start = end + 1


def row_facts(text: str, unit: str, row: list, header: list, facts: list, statuses: list):
    table_standard = standard_in(" ".join(title for _, title in header))
    for (s, e), (kind, title) in zip(row, header):
        m = CELL_COUNT.fullmatch(text, s, e)
        if kind is None or m is None:
            continue
        n, total = number(m.group("n")), number(m.group("total"))
        status = "not_met" if patterns()["not_met_words"].search(title) else "achieved"
        standard = standard_in(title) or table_standard or "ntm"
        end = m.end("total") if total is not None else m.end("n")
        if kind == "year" and re.fullmatch(r"\d{4}", m.group("n")) and total is None:
            statuses.append((Fact("unit_status", unit, m.start("n"), end,
                                  dict(standard=standard, status="achieved", year=int(m.group("n")))), True))
        elif kind == "criteria":
            facts.append(Fact("criteria_count", unit, m.start("n"), end, dict(
                count_min=n, count_max=n, total=total, status=status, standard=standard, average_over=None)))
        elif kind == "commune" and level_of(unit) in ("province", "district"):
            facts.append(Fact("unit_count", unit, m.start("n"), end, dict(
                member=kind, count_min=n, count_max=n, total=total, percent=None, status=status, standard=standard,
                criteria_min=None, criteria_max=None)))


def drop_title_restated(doc, facts: list[Fact]) -> list[Fact]:
    """A title's count that the body says again of a unit within the title's ("Thanh Hóa: 3 xã đạt
    chuẩn" over "Huyện Thọ Xuân có 3 xã ...") is the body's fact, said once."""
    title_end = doc._.article.text.find("\n") % (len(doc._.article.text) + 1)
    when = article_date(doc)

    def restated(fact: Fact) -> bool:
        return fact.start < title_end and fact.unit is not None and any(
            other.start >= title_end and other.type == fact.type and other.fields == fact.fields
            and other.unit and other.unit != fact.unit and fact.unit in holders(other.unit, when) for other in facts)
    return [f for f in facts if not restated(f)]


# ---- the component -----------------------------------------------------------------------------

@Language.component("ntm_progress")
def extract_progress(doc):
    published = article_date(doc)
    year = published.year if published else None
    cut = truncated_from(doc)
    facts: list[Fact] = []
    statuses: list[tuple[Fact, bool]] = []   # with whether the words named the standard
    for span in doc.sents:
        sent = Sentence(doc, span.start_char, min(span.end_char, cut), year)
        if sent.end <= sent.start:
            continue
        sent.counts = find_counts(sent)
        read_sentence(sent, facts, statuses)
    table_facts(doc, facts, statuses)
    pending_for_complete(facts, statuses)
    doc._.facts.extend(drop_restated(drop_title_restated(doc, facts)))
    doc._.facts.extend(keep_one_status(statuses))
    return doc


def read_sentence(sent: Sentence, facts: list, statuses: list):
    counted = [c for c in sent.counts if not c.is_criteria]
    band_of: dict[int, Count] = {}
    previous = None
    for i, count in enumerate(counted):
        nxt = counted[i + 1].start if i + 1 < len(counted) else sent.end
        band = member_facts(sent, count, previous, nxt, facts, statuses)
        if count.status:
            previous = count
        if band is not None:
            band_of[band.start] = count
    paired = in_turn_facts(sent, facts)
    for count in sent.counts:
        if count.is_criteria and not any(s <= count.start < e for s, e in paired):
            criteria_facts(sent, count, band_of, facts)
            count.standard = criteria_standard(sent, count)
    unnamed_count_criteria(sent, facts)
    status_facts(sent, statuses)
