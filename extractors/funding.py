"""The funding facts: each amount of programme money, with its role, criterion and funder.

An amount's own words are the text that leads to it from the previous amount of its sentence;
the cue nearest the amount says what the money is (funding_rules.toml). Amounts that follow
"trong đó" and have no cue of their own are parts of the total before them and take its role,
as do the items of a list under a heading ("Kết quả huy động như sau:"). A table flattened to
lines of cells under "Đơn vị: tỷ đồng" gives amounts too: its column heads say the role.
The money is about the units it is given to when they are named after it ("cho huyện Tuy
Phước"), else the finest unit named in its clause, else the subject the sentence gives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language

from extractors.criteria import fold, vocabulary
from extractors.deadline import group_members, last_match, named_units
from extractors.money import Money, find_money, in_dong
from extractors.numbers import NUMBER, whole_words, word_alternation
from extractors.rules import load_rules
from extractors.subject import article_date, common_parent, smallest_holder, subject_units
from pipeline.facts import Fact

NEUTRAL = "neutral"


def rules() -> dict:
    return load_rules("funding_rules.toml")


def cue_pattern(words) -> re.Pattern:
    return re.compile(whole_words(words), re.IGNORECASE)


@cache
def role_cues() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every role cue and not-funding cue, and the kind each cue gives."""
    data = rules()
    kinds = {cue.lower(): role for role, cues in data["roles"].items() for cue in cues}
    kinds.update({cue.lower(): None for cue in data["not_funding"]["cues"]})
    kinds.update({cue.lower(): NEUTRAL for cue in data["neutral"]["cues"]})
    return cue_pattern(kinds), kinds


@cache
def funder_cues() -> tuple[re.Pattern, dict[str, str]]:
    kinds = {cue.lower(): funder for funder, cues in rules()["funders"].items() for cue in cues}
    return cue_pattern(kinds), kinds


@cache
def role_after_cues() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern for the role cues that stand right after an amount, and the role each gives."""
    kinds = {cue.lower(): role for role, cues in rules()["roles_after"].items() for cue in cues}
    return re.compile(rf"^\s*(?:{word_alternation(kinds)})(?!\w)", re.IGNORECASE), kinds


def role_after(tail: str) -> str | None:
    pattern, kinds = role_after_cues()
    match = pattern.match(tail)
    return kinds[" ".join(match.group().lower().split())] if match else None


@cache
def recipient_pattern() -> re.Pattern:
    return re.compile(rules()["recipient"]["pattern"], re.IGNORECASE)


@cache
def passive_giver() -> re.Pattern:
    return re.compile(rules()["passive"]["pattern"], re.IGNORECASE)


@cache
def request_cue() -> re.Pattern:
    return cue_pattern(rules()["requests"]["words"])


@cache
def breakdown_marker() -> re.Pattern:
    return cue_pattern(rules()["breakdown"]["markers"])


def last_cue(text: str, cues: tuple[re.Pattern, dict]) -> tuple[bool, str | None]:
    """(found, kind) of the cue nearest the end of text, neutral phrases passed over."""
    match = last_cue_match(text, cues)
    return (True, cues[1][fold_cue(match)]) if match else (False, None)


def last_cue_match(text: str, cues: tuple[re.Pattern, dict]) -> re.Match | None:
    pattern, kinds = cues
    for match in reversed(list(pattern.finditer(text))):
        if kinds[fold_cue(match)] != NEUTRAL:
            return match
    return None


def fold_cue(match: re.Match) -> str:
    return " ".join(match.group().lower().split())


def funder_of(lead: str, tail: str) -> str | None:
    """Whose money: a funder phrase right after the amount ("từ ngân sách tỉnh"), else the cue
    nearest before it."""
    after = rf"^\s*(?:{word_alternation(rules()['funder_after']['words'])})(?!\w)"
    if re.match(after, tail, re.IGNORECASE):
        found, funder = last_cue(re.split(r"\s(?:và|để|cho)\s", tail)[0], funder_cues())
        if found:
            return funder
    return last_cue(lead, funder_cues())[1]


def masked_parentheses(text: str) -> str:
    """text with what stands inside parentheses blanked, so that it splits no clause."""
    return re.sub(r"\([^()]*\)", lambda m: "(" + " " * (len(m.group()) - 2) + ")", text)


def clause_start(text: str, position: int) -> int:
    """Where the clause holding position begins: after the last ";" outside parentheses."""
    return masked_parentheses(text).rfind(";", 0, position) + 1


@cache
def criterion_heads() -> tuple[re.Pattern, re.Pattern]:
    """Patterns for the head word before a criterion's name ("tiêu chí", "lĩnh vực") and for a
    purpose right after an amount that leads to one ("cho tiêu chí", "để hoàn thành tiêu chí")."""
    data = rules()["criterion"]
    head = rf"(?<!\w)(?:{word_alternation(data['heads'])})\s+"
    purpose = rf"^\s*(?:\S+\s+){{0,3}}?(?:{word_alternation(data['purposes'])})\s+{head}"
    return re.compile(head, re.IGNORECASE), re.compile(purpose, re.IGNORECASE)


def criterion_after(text: str, position: int) -> str | None:
    names, codes = vocabulary()
    match = names.match(text, position)
    return codes[fold(match.group("name"))] if match else None


def criterion_of(text: str, money: Money, own_start: int) -> str | None:
    """The criterion named last in the amount's own words, else the one it is for, else the one
    named last in the clause that governs it: in "Xã A cần 7 tỷ đồng để hoàn thành tiêu chí thủy
    lợi, xã B cần 5 tỷ đồng cho tiêu chí môi trường" the second amount is for its own criterion."""
    tail = tail_of(text, money)
    lead_in = criterion_heads()[1].match(tail)
    return (last_criterion(text[own_start:money.start])
            or (criterion_after(tail, lead_in.end()) if lead_in else None)
            or last_criterion(text[clause_start(text, money.start):money.start]))


def last_criterion(text: str) -> str | None:
    named = [code for head in criterion_heads()[0].finditer(text) if (code := criterion_after(text, head.end()))]
    return named[-1] if named else None


def tail_of(text: str, money: Money) -> str:
    """The words right after an amount, up to the next clause mark."""
    return re.split(r"[,;.()]", text[money.end:], maxsplit=1)[0]


def unit_region(text: str, money: Money) -> tuple[int, int]:
    """Where the units an amount is about are named: its clause up to the amount, or the sentence
    up to it when the amount is given to each unit ("mỗi xã được thưởng 1 tỷ đồng")."""
    start = clause_start(text, money.start)
    return (0 if is_distributive(text, start, money) else start), money.start


def is_distributive(text: str, clause: int, money: Money, recipient: tuple[int, int] | None = None) -> bool:
    words = text[clause:money.start] + (" " + text[slice(*recipient)] if recipient else "")
    return bool(re.search(rules()["distributive"]["pattern"], words, re.IGNORECASE))


def recipient_of(text: str, money: Money, next_start: int) -> tuple[int, int] | None:
    """Where the units the amount is given to are named after it ("... cho huyện Tuy Phước"): from
    the amount up to the next amount or clause; None when it names no receiving unit."""
    match = recipient_pattern().match(text[money.end:next_start])
    if not match:
        return None
    clause_end = masked_parentheses(text).find(";", money.end, next_start)
    return money.end, clause_end if clause_end >= 0 else next_start


def funding_units(doc, base: int, text: str, read: FundingRead) -> list[str | None]:
    """The units it is given to, named after it; else the units named in the amount's region (its
    own words when they name one of several); for a group spoken of by count ("5 xã cần 96 tỷ
    đồng") the unit that holds its members, as the money is theirs together; else the subject
    before the giver's words ("Huyện kiến nghị tỉnh hỗ trợ 200 tỷ đồng": the district).
    An amount is one sum: it goes to each of several units only when each gets it ("mỗi xã"),
    else to the smallest unit that holds them all."""
    money = read.money
    when = article_date(doc)
    distributive = is_distributive(text, clause_start(text, money.start), money, read.recipient)
    region_start, region_end = unit_region(text, money)
    region = [(base + region_start, base + region_end)]
    units = recipient_units(doc, base, read)
    if not units:
        units = named_units(doc, region)
        if len(units) > 1 and not distributive:
            # "Xã A được thưởng 1 tỷ đồng, xã B 500 triệu đồng": each amount is its own unit's
            own = [u for u in named_units(doc, [(base + read.lead_start, base + region_end)]) if u in units]
            units = own or units
    if not units:
        members = group_members(doc, region)
        holder = common_parent(members, when) if members else None
        subject_at = read.giver_at if read.giver_at is not None else money.start
        units = [holder] if holder else subject_units(doc, base + subject_at)
    if len(units) > 1 and not distributive:
        units = [smallest_holder(units, when)]
    return units or [None]


def recipient_units(doc, base: int, read: FundingRead) -> list[str]:
    """The units named where the amount's receivers are, else the unit its receiving level word
    ("cho huyện") stands for; [] without receivers."""
    if read.recipient is None:
        return []
    start, end = read.recipient
    named = named_units(doc, [(base + start, base + end)])
    if named:
        return named
    level_end = recipient_pattern().match(doc._.article.text[base + start:base + end]).end()
    return subject_units(doc, base + start + level_end)


@dataclass
class FundingRead:
    money: Money
    role: str
    criterion: str | None
    funder: str | None
    giver_at: int | None      # where the words naming whose money it is begin, before the amount
    recipient: tuple[int, int] | None = None   # where the units it is given to are named, after it
    lead_start: int = 0       # where its own words begin, after the amount before it


def sentence_funding(text: str, carried_role: str | None = None) -> list[FundingRead]:
    """The funding amounts of one sentence; carried_role is the role of the last amount before
    the sentence, a total that "Trong đó, ..." or the items of a list ("- Ngân sách tỉnh: 30,1 tỷ
    đồng;") may divide."""
    found = []
    is_item = re.match(rules()["breakdown"]["items"], text)
    divides_total = is_item or breakdown_marker().match(text.lstrip())
    previous_end, previous_giver_at = 0, None
    previous_role, head_role = (carried_role if divides_total else None), (carried_role if is_item else None)
    amounts = [m for m in find_money(text) if m.amount_vnd and not m.vague]
    for index, money in enumerate(amounts):
        lead = text[previous_end:money.start]
        # the words right after the amount before are its own ("... 7 tỷ đồng để hoàn thành tiêu
        # chí thủy lợi, ...")
        own_start = previous_end + len(tail_of(text, amounts[index - 1])) if index else 0
        previous_end = money.end
        if breakdown_marker().search(lead):
            head_role = previous_role
        if re.match(rules()["not_funding"]["rate_after"], text[money.end:]):
            previous_role = None
            continue
        has_cue, role = last_cue(lead, role_cues())
        if has_cue and role is None:
            previous_role = None
            continue
        if has_cue and is_requested(lead):
            role = rules()["requests"]["role"]
        role = role or role_after(tail_of(text, money)) or (None if has_cue else neutral_role(lead))
        role = role or (previous_role if is_joined(lead) and money is not amounts[0] else None)
        roles = [role] if role else []
        if head_role and (not roles or head_role in rules()["breakdown"]["head_role_kept"]):
            roles.append(head_role)
        previous_role = role or head_role
        criterion = criterion_of(text, money, own_start)
        funder = funder_of(lead, tail_of(text, money))
        giver = last_cue_match(lead, funder_cues()) or last_match(passive_giver(), lead)
        giver_at = money.start - len(lead) + giver.start() if giver else None
        # an amount whose words name no unit has the subject of the one before: in "huyện được
        # tỉnh phân bổ 45 tỷ đồng, đã giải ngân 30 tỷ đồng" both are the district's, not the giver's
        if giver_at is None and not re.search(rules()["carried_subject"]["unit_words"], lead, re.IGNORECASE):
            giver_at = previous_giver_at
        previous_giver_at = giver_at
        next_start = amounts[index + 1].start if index + 1 < len(amounts) else len(text)
        recipient = recipient_of(text, money, next_start)
        found.extend(FundingRead(money, kind, criterion, funder, giver_at, recipient, money.start - len(lead))
                     for kind in dict.fromkeys(roles))
    return found


@cache
def neutral_roles() -> tuple[re.Pattern, dict[str, str]]:
    kinds = {cue.lower(): role for role, cues in rules()["neutral"]["fallback"].items() for cue in cues}
    return cue_pattern(kinds), kinds


def neutral_role(lead: str) -> str | None:
    """The role of the sum a neutral phrase names, for an amount without another cue."""
    return last_cue(lead, neutral_roles())[1]


def is_requested(lead: str) -> bool:
    """Whether the words leading to an amount ask for it: a request before its role cue, in the
    amount's clause ("yêu cầu các huyện hoàn thiện hồ sơ đề nghị công nhận ...; tỉnh sẽ bố trí
    thêm 100 tỷ đồng" asks for nothing)."""
    lead = lead[clause_start(lead, len(lead)):]
    request = request_cue().search(lead)
    cue = last_cue_match(lead, role_cues())
    return bool(request and cue and request.start() < cue.start())


def is_joined(lead: str) -> bool:
    """Whether the words between two amounts only join them: "... 600 tỷ đồng) và tiêu chí thủy lợi (..."."""
    data = rules()["breakdown"]
    return bool(re.match(data["joiners"], lead)) and len(lead.split()) <= data["joined_words"]


def heading_role(text: str, carried_role: str | None) -> str | None:
    """The role a heading without amounts gives the list it opens: its cue's ("Kết quả huy động
    nguồn lực như sau:" → mobilized), or the carried role of the total it divides ("Trong đó:")."""
    if not re.search(rules()["breakdown"]["heading"], text) or find_money(text):
        return None
    found, role = last_cue(text, role_cues())
    if found:
        return role
    return carried_role if breakdown_marker().match(text.lstrip()) else None


@cache
def table_roles() -> tuple[re.Pattern, dict[str, str]]:
    kinds = {cue.lower(): role for role, cues in rules()["table"]["roles"].items() for cue in cues}
    return cue_pattern(kinds), kinds


def column_role(head: str) -> str | None:
    """The role a table column's head gives its amounts: a role cue ("Giải ngân"), else a head
    that names money only in a table ("Kế hoạch")."""
    found, role = last_cue(head, role_cues())
    if found:
        return role if role != NEUTRAL else None
    return last_cue(head, table_roles())[1]


def table_lines(text: str):
    """(offset, line) of each line of text."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def table_funding(doc) -> list[tuple[int, int, dict, int]]:
    """(start, end, fields, where the table's subject is read) of each amount in a table flattened
    to lines of cells under a line that gives its unit of money ("Đơn vị: tỷ đồng"): the column's
    head gives the role, the row's label the funder or criterion ("NS tỉnh" is whose money, not
    whom the table is about). Without a unit line the cells are no amounts."""
    data = rules()["table"]
    scale, roles, found, subject_at = None, None, [], 0
    for offset, line in table_lines(doc._.article.text):
        unit_line = re.search(data["unit_line"], line, re.IGNORECASE)
        cells = line.split(data["separator"])
        if unit_line:
            scale, roles, subject_at = unit_line.group("scale"), None, offset + unit_line.start()
        elif scale is None:
            continue
        elif len(cells) < 2:
            # a line outside the table ends it, and its unit with it
            scale = None if roles else scale
        elif roles is None or len(cells) != len(roles):
            roles = [column_role(cell) for cell in cells]
        else:
            found.extend((*amount, subject_at) for amount in row_funding(offset, cells, roles, scale))
    return found


def row_funding(offset: int, cells: list[str], roles: list[str | None], scale: str) -> list[tuple[int, int, dict]]:
    label = " ".join(cell.strip() for cell in cells if not re.fullmatch(rf"\s*{NUMBER}\s*", cell))
    if last_cue(label, role_cues()) == (True, None):
        return []   # a row of other money: "Thu nhập bình quân | 40 | 45"
    fields = {"qualifier": None, "criterion": criterion_after(label, 0),
              "funder": last_cue(label, funder_cues())[1]}
    found, start = [], offset
    for cell, role in zip(cells, roles):
        number = re.fullmatch(rf"\s*({NUMBER})\s*", cell)
        if number and role:
            found.append((start + number.start(1), start + number.end(1),
                          {"amount_vnd": in_dong(f"{number.group(1)} {scale}"), "role": role, **fields}))
        start += len(cell) + 1
    return found


@Language.component("ntm_funding")
def extract_funding(doc):
    last_role = None
    for sent in doc.sents:
        base = sent.start_char
        found = sentence_funding(sent.text, last_role)
        last_role = found[-1].role if found else heading_role(sent.text, last_role)
        for read in found:
            money = read.money
            start, end = base + money.start, base + money.end
            fields = {"amount_vnd": money.amount_vnd, "qualifier": money.qualifier, "role": read.role,
                      "criterion": read.criterion, "funder": read.funder}
            for unit in funding_units(doc, base, sent.text, read):
                doc._.facts.append(Fact("funding", unit, start, end, dict(fields)))
    for start, end, fields, subject_at in table_funding(doc):
        for unit in subject_units(doc, subject_at) or [None]:
            doc._.facts.append(Fact("funding", unit, start, end, fields))
    return doc
