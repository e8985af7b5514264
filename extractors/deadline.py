"""The deadline facts: the time limit of a goal that lies ahead of the article.

Each sentence is cut into clauses at ";". In a clause, every time expression that is not past, not
a reporting period and not a programme's period may be a goal's limit. Its goal is in the words
before it when they say what is to be done ("đạt chuẩn huyện NTM trong quý II/2021"), else in the
words after it ("phấn đấu đến năm 2025 có thêm 10 xã đạt chuẩn NTM nâng cao"). A goal is about the
finest units named in its words, else the communes a count of them points back to ("2 xã"), else
the subject the sentence gives. A sentence that ends in a colon after a time whose goal names no
standard heads a list whose items are its goals ("Mục tiêu đến năm 2025:" over "- 100% số xã
đạt chuẩn NTM;"). Rules and words are in deadline_rules.toml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.language import Language

from extractors.money import find_money
from extractors.numbers import whole_words, word_alternation
from extractors.rules import load_rules
from extractors.subject import ancestor_at, article_date, main_unit, subject_units
from extractors.timex import TimeExpr, find_times
from pipeline.facts import Fact

NOT_LIMITS = {"from", "as_of", "compared"}   # relations of a time that is not a time limit


def rules() -> dict:
    return load_rules("deadline_rules.toml")


@cache
def words(*path: str) -> re.Pattern:
    """A pattern for the word list at path in the rules, each word whole and not followed by a word
    of the list's "not_before" ("mục tiêu" but not "mục tiêu quốc gia")."""
    entry = rules()
    for key in path[:-1]:
        entry = entry[key]
    blocked = entry.get("not_before")
    guard = rf"(?!\s+(?:{word_alternation(blocked)})(?!\w))" if blocked else ""
    return re.compile(whole_words(entry[path[-1]]) + guard, re.IGNORECASE)


@cache
def standard_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """A standard reached ("đạt chuẩn huyện NTM nâng cao", "về đích", "đạt chuẩn khu dân cư kiểu
    mẫu"), and the goal each qualifying or naming phrase gives."""
    data = rules()["standards"]
    goal_of = {w.lower(): goal for goal, ws in data["qualified"].items() for w in ws}
    goal_of.update({w.lower(): goal for goal, ws in data["named"].items() for w in ws})
    achievement = word_alternation(data["achievements"])
    level = word_alternation(data["levels"])
    programme = word_alternation(data["programme"])
    qualified = word_alternation(data["qualified"]["nang_cao"] + data["qualified"]["kieu_mau"]
                                 + data["qualified"]["other"])
    named = word_alternation([w for ws in data["named"].values() for w in ws])
    bare = word_alternation(data["bare"])
    not_programme = word_alternation(data["not_programme"])
    pattern = (
        rf"(?<!\w)(?:{achievement})\s+(?:(?:{level})\s+)?"
        rf"(?:(?P<named>{named})|(?:{programme})(?:\s*\([^)]*\))?(?:\s+(?P<qualified>{qualified}))?)(?!\w)"
        rf"|(?<!\w)(?:{bare})(?!\w)(?!\s+(?:{level}|{programme}|{not_programme})(?!\w))"
        rf"|(?<!\w){data['full_set']}(?:\s+(?:{level}))?"
        rf"(?:\s+(?:{programme})(?:\s+(?P<full_qualified>{qualified}))?)?(?!\w)"
    )
    return re.compile(pattern, re.IGNORECASE), goal_of


def standards_in(text: str) -> list[tuple[int, str]]:
    """(offset, goal) of each standard text speaks of reaching, not of one reached ("đã đạt chuẩn")."""
    pattern, goal_of = standard_pattern()
    found = []
    for match in pattern.finditer(text):
        if re.search(r"(?<!\w)(?:đã|chưa)\s*$", text[:match.start()]):
            continue
        phrase = match.group("named") or match.group("qualified") or match.group("full_qualified")
        found.append((match.start(), goal_of[" ".join(phrase.lower().split())] if phrase else "ntm"))
    return found


def goals_in(text: str) -> list[str]:
    """The standards text speaks of reaching, in order, each once; none found gives []."""
    return list(dict.fromkeys(goal for _, goal in standards_in(text)))


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of text between ";" outside parentheses."""
    masked = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)
    bounds = [-1, *[m.start() for m in re.finditer(";", masked)], len(text)]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])]


def last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def is_ahead(time: TimeExpr, anchor: date | None) -> bool:
    """Whether the time ends after the article's day; a start of the year ("đầu năm") must begin after it."""
    if anchor is None:
        return True
    if time.part == "start":
        return time.date_from > anchor
    return time.date_to > anchor


def is_limit(text: str, time: TimeExpr, anchor: date | None) -> bool:
    """Whether a time can limit a goal: not past, not a period of a report or a programme's name
    (a period that opens its clause frames a goal: "Giai đoạn 2021-2025, tỉnh phấn đấu ...")."""
    framing = time.period == "programme" and is_frame(text[:time.start])
    return ((time.period is None or framing) and time.granularity != "months"
            and time.relation not in NOT_LIMITS and is_ahead(time, anchor))


def is_frame(before: str) -> bool:
    return bool(re.search(rules()["frames"]["pattern"], before, re.IGNORECASE))


@cache
def due_relation() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{word_alternation(rules()['triggers']['due_relations'])})\s*$", re.IGNORECASE)


def is_due_date(text: str, time: TimeExpr) -> bool:
    """"trước ngày 20/11/2024", "chậm nhất trong quý I/2024": a due date whatever the verb."""
    before = text[max(0, time.start - 24):time.start]
    return bool(due_relation().search(before)) and time.granularity in rules()["triggers"]["due_granularities"]


@dataclass
class Candidate:
    time: TimeExpr
    before: tuple[int, int]           # the words between the previous time (or clause start) and this
    after: tuple[int, int]            # the words up to the next time (or clause end)
    looks_back: bool = False
    goals: list[str] = field(default_factory=list)
    region: list[tuple[int, int]] = field(default_factory=list)   # where its units are named


def clause_candidates(text: str, span: tuple[int, int], times: list[TimeExpr]) -> list[Candidate]:
    """Each time of a clause with the words of its goal: before it when they hold a task, else after."""
    start, end = span
    inside = [t for t in times if start <= t.start < end]
    found = []
    for i, time in enumerate(inside):
        before = (inside[i - 1].end if i else start, time.start)
        after = (time.end, inside[i + 1].start if i + 1 < len(inside) else end)
        found.append(Candidate(time, before, after))
    # the words before a time are its own unless the time before it looked forward and took them;
    # a trigger among them starts a goal of its own ("Năm 2022, xã được chọn ..., phấn đấu về đích
    # vào cuối năm 2023"), and the time before keeps only the words up to that trigger
    previous_looked_back = True
    for i, cand in enumerate(found):
        before = text[slice(*cand.before)]
        trigger = last_match(words("triggers", "words"), before)
        # the trigger itself is no task: "lộ trình" holds "trình" (submit)
        task_words = before[trigger.end():] if trigger else before
        own_goal = previous_looked_back or (i > 0 and trigger is not None)
        cand.looks_back = (own_goal and bool(words("tasks", "words").search(task_words))
                           and not opens_goal(before, text[slice(*cand.after)]))
        # a trigger right before a time that looks forward leads to that time ("Năm 2011, xã được
        # chọn làm điểm, phấn đấu đến năm 2015 đạt chuẩn"), not to the one before it
        leads_here = trigger is not None and len(task_words.split()) <= rules()["lead_in"]["max_words"]
        if not previous_looked_back and (cand.looks_back or leads_here):
            found[i - 1].after = (found[i - 1].after[0], cand.before[0] + trigger.start())
        previous_looked_back = cand.looks_back
    for i, cand in enumerate(found):
        last = i + 1 == len(found)
        if cand.looks_back:
            cand.region = [cand.before] + ([cand.after] if last else [])
        else:
            cand.region = [cand.after] + ([cand.before] if i == 0 else [])
    return found


def opens_goal(before: str, after: str) -> bool:
    """Whether a time that opens its part of the clause (after a comma, with at most its relation
    word before it) leads to a standard after it: "Năm 2020, huyện phấn đấu có thêm 10 xã đạt chuẩn
    NTM nâng cao, đến năm 2021 trở thành huyện NTM kiểu mẫu" (the words before are 2020's)."""
    part = re.split(r"[,:]", before)
    return (len(part) > 1 and len(part[-1].split()) <= rules()["lead_in"]["max_words"]
            and bool(goals_in(after)))


def goal_span(text: str, cand: Candidate) -> tuple[int, int]:
    """Where the goal is told: the words after the time, or those before it from their last
    trigger on ("đã đạt chuẩn NTM, nay phấn đấu đạt chuẩn kiểu mẫu" → the goal only); a trigger
    may hold the goal's verb itself ("dồn lực để ... về đích")."""
    if not cand.looks_back:
        return cand.after
    start, end = cand.before
    trigger = last_match(words("triggers", "words"), text[start:end])
    return (start + trigger.start() if trigger else start), end


def goal_words(text: str, cand: Candidate) -> str:
    return text[slice(*goal_span(text, cand))]


def is_goal(text: str, cand: Candidate, clause_start: int, anchor: date | None) -> bool:
    """Whether the time limits a goal: a trigger before it in the sentence or in its goal, a due
    date, or (without either) a time wholly ahead with a standard to reach and no recognition."""
    own = goal_words(text, cand)
    goal_end = cand.before[1] if cand.looks_back else cand.after[1]
    if not cand.looks_back:
        trigger = words("triggers", "words").search(own)
        if words("past", "words").search(own[:trigger.start()] if trigger else own):
            return False
    if sets_goal(text, goal_end) or is_due_date(text, cand.time):
        return True
    recognised = words("recognition", "words").search(text[clause_start:goal_end])
    return (anchor is not None and cand.time.date_from > anchor and not recognised
            and (any(goal != "other" for goal in goals_in(own)) or is_target(own)))


def sets_goal(text: str, end: int) -> bool:
    """Whether a trigger before end sets a goal: one right before an amount only tells what the
    amount is ("tổng kinh phí dự kiến 85 tỷ đồng")."""
    for trigger in words("triggers", "words").finditer(text[:end]):
        if re.search(rules()["triggers"]["measured"], text[:trigger.start()]):
            continue
        amounts = find_money(text[trigger.end():])
        if not (amounts and not text[trigger.end():trigger.end() + amounts[0].start].strip()):
            return True
    return False


def is_target(text: str) -> bool:
    return bool(re.search(rules()["targets"]["pattern"], text, re.IGNORECASE))


def counts_more_units(clause: str) -> bool:
    """Whether a clause without a time counts more units to reach a standard, under the limit of
    the goal before it: "Năm 2025, huyện phấn đấu đạt chuẩn NTM nâng cao; có thêm 3 xã đạt chuẩn
    NTM kiểu mẫu"."""
    return bool(re.match(rf"\W*{rules()['more_units']['pattern']}", clause, re.IGNORECASE) and goals_in(clause))


def tells_money(text: str) -> bool:
    """Whether the words of a goal only tell of money: they name an amount with no task before it."""
    amounts = [money for money in find_money(text) if money.amount_vnd]
    if not amounts:
        return False
    before = text[:amounts[0].start]
    return not (words("tasks", "words").search(before) or words("money_tasks", "words").search(before))


def recurs(text: str, time: TimeExpr) -> bool:
    """Whether the time comes back ("trước ngày 15/12 hằng năm") or only dates a season ("trước
    mùa mưa bão năm 2022")."""
    season = re.search(rf"(?:{words('seasons', 'words').pattern})\s*$", text[:time.start])
    return bool(season or re.match(rf"\s*(?:{words('recurring', 'words').pattern})", text[time.end:]))


def dates_money(text: str, time: TimeExpr) -> bool:
    """Whether the year only dates the money before it ("vốn năm 2024")."""
    return time.granularity == "year" and bool(
        re.search(rf"(?:{words('budget_years', 'words').pattern})\s*$", text[:time.start]))


def sentence_deadlines(text: str, anchor: date | None) -> list[Candidate]:
    """The goals with a time limit in one sentence, each with its goals and the spans naming its units."""
    if re.search(rules()["questions"]["pattern"], text):
        return []
    times = [t for t in find_times(text, anchor)
             if is_limit(text, t, anchor) and not recurs(text, t) and not dates_money(text, t)]
    found = []
    previous_goals: list[str] = []
    for span in clauses(text):
        candidates = clause_candidates(text, span, times)
        clause = text[slice(*span)]
        if not candidates and found and (is_target(clause) or counts_more_units(clause)):
            found.append(shared_limit(text, span, found[-1]))
            continue
        for cand in candidates:
            # a framing period gives way to a limit inside it: "Giai đoạn 2021-2025, phấn đấu đến
            # năm 2025 ..."
            if cand.time.period == "programme" and cand is not candidates[-1]:
                continue
            if not is_goal(text, cand, span[0], anchor):
                continue
            own = goal_words(text, cand)
            cand.goals = goals_in(own)
            if not cand.goals and tells_money(own):
                continue
            if not cand.goals:
                counts_more = re.search(rules()["more_units"]["pattern"], own, re.IGNORECASE)
                elided = elided_goal(text[slice(*cand.before)]) if previous_goals else None
                cand.goals = previous_goals if counts_more and previous_goals else [elided or "other"]
            previous_goals = cand.goals
            found.append(cand)
    return found


def elided_goal(text: str) -> str | None:
    """The standard a goal names by its qualifier alone after another goal of the sentence ("về
    đích NTM nâng cao năm 2023, kiểu mẫu năm 2025")."""
    qualifiers = {w.lower(): goal for goal, ws in rules()["standards"]["qualified"].items() for w in ws}
    match = re.match(rf"\W*(?P<qualifier>{word_alternation(qualifiers)})(?!\w)", text, re.IGNORECASE)
    return qualifiers[" ".join(match.group("qualifier").lower().split())] if match else None


def shared_limit(text: str, span: tuple[int, int], goal_before: Candidate) -> Candidate:
    """A target clause without a time ("...; bình quân đạt 16 tiêu chí/xã") under the limit before it."""
    return Candidate(goal_before.time, span, span, looks_back=True,
                     goals=goals_in(text[slice(*span)]) or ["other"], region=[span])


# --- anchors and units ---

def is_dateline(line: str) -> bool:
    """A line that is only a date and a time: the head of one story of a page that holds several."""
    if not line.strip() or len(line) > rules()["dateline"]["max_length"]:
        return False
    days = [t for t in find_times(line) if t.granularity == "day"]
    rest = re.sub(r"\d{1,2}:\d{2}|\d|[^\w]", " ", line)
    return len(days) == 1 and len([w for w in rest.split() if not w.isdigit()]) <= 3


def story_anchor(doc, position: int) -> date | None:
    """The publication date, else the date of the story holding position."""
    published = article_date(doc)
    if published:
        return published
    dated = [day for start, day in story_dates(doc) if start <= position]
    return dated[-1] if dated else None


def story_dates(doc) -> list[tuple[int, date]]:
    """(start, date) of each story of the page: a story begins with its title, the line right
    above its dateline (or with the dateline itself when it has no title)."""
    if "ntm_story_dates" not in doc.user_data:
        found, offset = [], 0
        lines = doc._.article.text.split("\n")
        for line, below in zip(lines, [*lines[1:], ""]):
            for dateline in (below, line):
                if is_dateline(dateline):
                    found.append((offset, find_times(dateline)[0].date_from))
                    break
            offset += len(line) + 1
        doc.user_data["ntm_story_dates"] = found
    return doc.user_data["ntm_story_dates"]


LEVEL = {2: 0, 3: 1, 5: 2}   # code length → depth: the finer unit is the one a goal is about


def named_units(doc, spans: list[tuple[int, int]]) -> list[str]:
    """The finest units named in the spans (a parent named beside a commune only places it)."""
    units = [m.unit for m in doc._.mentions or [] if any(a <= m.start < b for a, b in spans)]
    if not units:
        return []
    finest = max(LEVEL.get(len(u), 0) for u in units)
    return list(dict.fromkeys(u for u in units if LEVEL.get(len(u), 0) == finest))


def scope_units(doc, text: str) -> list[str | None] | None:
    """Units that words without a name stand for: "toàn tỉnh" the article's province, "cả nước" none."""
    if words("scope", "nation").search(text):
        return [None]
    if words("scope", "province").search(text):
        provinces = Counter(m.unit for m in doc._.mentions or [] if len(m.unit) == 2)
        if provinces:
            return [provinces.most_common(1)[0][0]]
        # a page that never names its province speaks of the one its units are in
        province = ancestor_at(main_unit(doc), "province", article_date(doc))
        return [province] if province else None
    return None


def group_members(doc, spans: list[tuple[int, int]]) -> list[str]:
    """The communes a group named by count in the spans stands for: those of the last sentence
    before it that names two or more."""
    data = rules()["group"]
    counted_after = re.compile(rf"(?:{word_alternation(data['not_after'])})\s*$", re.IGNORECASE)
    for start, end in spans:
        for match in re.finditer(data["pattern"], doc._.article.text[start:end], re.IGNORECASE):
            position = start + match.start()
            named_next = doc._.article.text[start + match.end():].lstrip()[:1]
            if named_next.isupper() or named_next.isdigit():
                continue
            if is_target_count(match.group(), doc._.article.text[start + match.end():]):
                continue
            if not counted_after.search(doc._.article.text[max(0, position - 16):position]):
                return communes_named_before(doc, position)
    return []


def is_target_count(count: str, after: str) -> bool:
    """Whether a count of communes is the number to reach a standard ("1 xã đạt chuẩn")."""
    data = rules()["group"]
    return count.split()[0].lower() not in data["not_counts"] and bool(re.match(data["targets"], after, re.IGNORECASE))


def communes_named_before(doc, position: int) -> list[str]:
    """The communes of the last sentence of the story before position (or its part before it) that
    names two or more, else of the first such sentence after it (a title speaks of the list its
    story gives)."""
    story_start = max([start for start, _ in story_dates(doc) if start <= position], default=0)
    story_end = min([start for start, _ in story_dates(doc) if start > position], default=len(doc._.article.text))
    story = [s for s in doc.sents if story_start <= s.start_char < story_end]
    earlier = [s for s in story if s.start_char < position]
    for sent in [*reversed(earlier), *[s for s in story if s.start_char > position]]:
        end = min(sent.end_char, position) if sent.start_char < position else sent.end_char
        communes = [m.unit for m in doc._.mentions or []
                    if sent.start_char <= m.start < end and LEVEL.get(len(m.unit)) == 2]
        if len(set(communes)) > 1:
            return list(dict.fromkeys(communes))
    return []


def deadline_units(doc, base: int, text: str, cand: Candidate) -> list[str | None]:
    spans = [(base + a, base + b) for a, b in cand.region]
    region_text = " ".join(text[a:b] for a, b in cand.region)
    return (named_units(doc, spans) or scope_units(doc, region_text) or group_members(doc, spans)
            or subject_units(doc, base + subject_position(text, cand)) or [None])


def subject_position(text: str, cand: Candidate) -> int:
    """Where the goal's subject is nearest before: its first task verb ("Hội đồng đề nghị huyện
    hoàn thiện hồ sơ, gửi Văn phòng ... tỉnh trước ngày ..."), or for a goal after its time
    ("đến năm 2015, toàn huyện có ...") the end of that goal."""
    if not cand.looks_back:
        return cand.after[1] - 1
    goal_start, goal_end = goal_span(text, cand)
    verb = words("tasks", "words").search(text[goal_start:goal_end])
    return goal_start + verb.start() if verb else cand.time.start


def goals_by_unit(doc, base: int, text: str, cand: Candidate, units: list[str | None]) -> dict:
    """The goals of each unit: all of them, unless each unit is named after a standard of its own
    ("3 xã đạt chuẩn NTM nâng cao là A, B, C và 1 xã đạt chuẩn NTM kiểu mẫu là D")."""
    goal_start, goal_end = goal_span(text, cand)
    standards = [(base + goal_start + offset, goal) for offset, goal in standards_in(text[goal_start:goal_end])]
    named_at = {}
    for mention in doc._.mentions or []:
        if mention.unit in units and base + goal_start <= mention.start < base + goal_end:
            named_at.setdefault(mention.unit, mention.start)
    paired = {unit: [goal for at, goal in standards if at < named_at.get(unit, -1)][-1:] for unit in units}
    if len(units) < 2 or len(set(cand.goals)) < 2 or not all(paired.values()):
        return {unit: cand.goals for unit in units}
    return paired


def heads_list(text: str, found: list[Candidate]) -> bool:
    """Whether the sentence ends in a colon after its last goal's time, with no standard in the goal's
    words: it opens a list of goals ("Mục tiêu cụ thể đến năm 2025:", "Năm 2023, huyện phấn đấu:")."""
    return (bool(found) and not found[-1].looks_back and found[-1].goals == ["other"]
            and text.rstrip().endswith(":"))


def is_list_item(text: str) -> bool:
    return bool(re.match(rules()["lists"]["items"], text))


def item_deadlines(doc, base: int, text: str, head: tuple[int, str, Candidate]) -> list[Fact]:
    """The goals of one item of a list under a goal heading: its standards (else "other") by the
    heading's time, for the units it names, else those of the heading."""
    head_base, head_text, cand = head
    span = [(base, base + len(text))]
    units = (named_units(doc, span) or scope_units(doc, text)
             or deadline_units(doc, head_base, head_text, cand))
    return [deadline_fact(head_base, cand.time, unit, goal) for unit in units for goal in goals_in(text) or ["other"]]


def deadline_fact(base: int, time: TimeExpr, unit: str | None, goal: str) -> Fact:
    return Fact("deadline", unit, base + time.start, base + time.end,
                {"goal": goal, "date_from": time.date_from.isoformat(), "date_to": time.date_to.isoformat(),
                 "granularity": time.granularity, "relation": time.relation})


def sentence_facts(doc, base: int, text: str, found: list[Candidate]) -> list[Fact]:
    facts = []
    for cand in found:
        units = deadline_units(doc, base, text, cand)
        for unit, goals in goals_by_unit(doc, base, text, cand, units).items():
            facts.extend(deadline_fact(base, cand.time, unit, goal) for goal in goals)
    return facts


@Language.component("ntm_deadline")
def extract_deadline(doc):
    # a heading's last goal waits for the sentence after it: the items of a list take its time
    head, held = None, []
    for sent in doc.sents:
        base, text = sent.start_char, sent.text
        if head and is_list_item(text):
            doc._.facts.extend(item_deadlines(doc, base, text, head))
            held = []
            continue
        doc._.facts.extend(held)
        head, held = None, []
        found = sentence_deadlines(text, story_anchor(doc, base))
        if heads_list(text, found):
            head = (base, text, found[-1])
            held = sentence_facts(doc, base, text, found[-1:])
            found = found[:-1]
        doc._.facts.extend(sentence_facts(doc, base, text, found))
    doc._.facts.extend(held)
    return doc
