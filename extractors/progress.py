"""The progress facts: how many criteria a unit meets (criteria_count), how many of its units reach
a standard (unit_count), where a named unit stands (unit_status), which named criteria it meets
(criterion_status).

Every fact starts from a count ("6/9 tiêu chí", "23/23 xã", "100% số xã") or a verb of reaching
a standard ("được công nhận đạt chuẩn", "chưa đạt chuẩn", "đang trình thẩm định"). The words
around it in its clause give the status and the standard (progress_rules.toml); extractors.subject
gives the unit.

The component reads each sentence's counts (progress_sentence) into unit_count facts (unit_counts)
and criteria facts (met_criteria), its verbs into unit_status facts (unit_statuses), then the rows
of tables flattened to text, and keeps each fact once.
"""
from __future__ import annotations

import re

from spacy.language import Language

from extractors.met_criteria import criteria_facts, criteria_standard, in_turn_facts, unnamed_count_criteria
from extractors.numbers import NUMBER
from extractors.progress_patterns import patterns, rules, standard_in
from extractors.progress_sentence import Count, Sentence, find_counts, number
from extractors.subject import NAMED, article_date, holders, level_of, references
from extractors.unit_counts import member_facts
from extractors.unit_statuses import keep_one_status, pending_for_complete, status_facts
from pipeline.facts import Fact

CUT_LINE = 80     # a last line this long without a full stop is a paragraph cut off, not a heading


def truncated_from(doc) -> int:
    """Where the last, cut-off item of an article cut mid-sentence begins (len(text) if not cut)."""
    text = doc._.article.text.rstrip()
    start = text.rfind("\n") + 1
    if not text or text[-1] in ".!?…\")”" or len(text) - start < CUT_LINE:
        return len(doc._.article.text)
    cut = max(text.rfind(",", start), text.rfind(";", start), text.rfind(" và ", start))
    return cut if cut >= 0 else start


def drop_restated(facts: list[Fact]) -> list[Fact]:
    """A count said again with less detail (no total, no percent) is the same fact, said once."""
    def covers(full: Fact, part: Fact) -> bool:
        return full is not part and full.type == part.type and full.unit == part.unit \
            and full.fields != part.fields \
            and all(v is None or full.fields.get(k) == v for k, v in part.fields.items())
    counts = [f for f in facts if f.type in ("criteria_count", "unit_count")]
    return [f for f in facts if f not in counts or not any(covers(g, f) for g in counts)]


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
