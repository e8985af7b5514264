"""Time expressions as intervals ("quý II/2021", "31/12 năm nay", "2018 – 2019").

Each expression becomes a `TimeExpr`: the interval it names (date_from, date_to, both inclusive),
its granularity, and what the words around it say:

- granularity: "day", "month", "months" (the first n months of a year: "8 tháng đầu năm"),
  "quarter", "half", "year", "years".
- relation: from the words just before it — "by" (trước, đến, đến hết, chậm nhất), "in" (vào,
  trong), "from" (từ), "as_of" (tính đến), "compared" (so với), else None.
- period: "programme" for a period in a name ("giai đoạn 2021-2025", "nhiệm kỳ"), "report" for a
  reporting period ("6 tháng đầu năm", "8 tháng đầu năm", "kết quả quý I", "sơ kết 3 năm
  (2011 - 2013)"), else None.
- part: "start", "middle" or "end" for "đầu", "giữa", "cuối" before "năm" or "tháng" ("cuối năm
  2019", "cuối tháng 6"); the interval stays the whole year or month, but "giữa năm" is read as
  the first half.
- anchored: True when the article's date gave the year or the offset ("năm nay", "Chiều 26/4").

Expressions that need an anchor are skipped without one. Impossible values ("31/2", "quý V",
"tháng 13", "7/2/20217") give nothing, and no shorter reading is taken from inside them.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from extractors.numbers import word_alternation
from extractors.rules import load_rules

FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass
class TimeExpr:
    start: int
    end: int
    date_from: date
    date_to: date
    granularity: str          # day, month, months, quarter, half, year, years
    relation: str | None = None   # by, in, from, as_of, compared
    period: str | None = None     # programme, report
    part: str | None = None       # start, middle, end
    anchored: bool = False


Reader = Callable[[re.Match, "date | None"], "TimeExpr | None"]


def rules() -> dict:
    return load_rules("time.toml")


def alternation(words) -> str:
    return f"(?:{word_alternation(words)})"


@cache
def patterns() -> list[tuple[re.Pattern, Reader]]:
    """(pattern, reader) pairs; a reader turns a match into a TimeExpr, or None when impossible."""
    data = rules()
    rel = alternation(data["relative"]) + r"(?!\w)"
    year_word = rf"(?P<year_word>\d{{4}}(?!\d)|{rel})"
    year_tail = rf"(?:\s*/\s*(?P<year>\d{{4}})(?!\d)|\s+năm\s+{year_word})"
    day_parts = alternation(data["day_parts"]["words"])
    halves = alternation([*data["halves"]["first"], *data["halves"]["second"]])
    year_parts = alternation(data["year_parts"])
    quarter = alternation(data["quarter_words"]["words"])
    rules_ = [
        # any chain of three numbers with slashes or dashes: a full date, or nothing at all
        (r"(?<![\d/])(?:ngày\s+)?(?P<day>\d{1,2})(?P<sep>[/\-.])(?P<month>\d{1,2})(?P=sep)"
         r"(?P<year>\d+)(?![\d/])", read_full_date),
        (rf"ngày\s+(?P<day>\d{{1,2}})\s+tháng\s+(?P<month>\d{{1,2}})(?:\s+năm\s+{year_word})?",
         read_day),
        (rf"(?:(?P<lead>{day_parts}(?:\s+nay)?(?:\s+ngày)?|ngày)\s*(?P<paren>\()?\s*)?"
         rf"(?<![\d/.,])(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?![/\-.]?\d)(?(paren)\)|)"
         rf"(?:\s+năm\s+{year_word})?", read_day_month),
        (rf"(?:(?P<part>{year_parts})\s+)?tháng\s+(?P<month>\d{{1,2}})(?!\d|,\d)"
         rf"(?:\s*[/\-]\s*(?P<year>\d{{4}})(?!\d)|\s+năm\s+{year_word})?", read_month),
        (rf"tháng\s+(?P<rel>{rel})", read_relative_month),
        (rf"{quarter}\s+(?P<quarter>[IVXL]+|\d+)(?!\w){year_tail}?", read_quarter),
        (rf"{quarter}\s+(?P<rel>{rel})", read_relative_quarter),
        (rf"(?P<half>{halves})\s+năm(?:\s+{year_word})?(?!\w)", read_half),
        # "9 tháng đầu năm", and without "đầu" when the year follows: "9 tháng năm 2024"
        (rf"(?P<months>\d{{1,2}})\s+tháng\s+(?P<first>đầu\s+)?năm"
         rf"(?(first)|(?=\s+(?:\d{{4}}|{rel})))(?:\s+{year_word})?(?!\w)",
         read_months_to_date),
        (rf"(?:(?P<part>{year_parts})\s+)?năm\s+(?P<year>\d{{4}})(?!\d)"
         rf"(?:\s*[-–]\s*(?:năm\s+)?(?P<last>\d{{4}})(?!\d))?", read_year),
        (rf"(?:(?P<part>{year_parts})\s+)?năm\s+(?P<rel>{rel})", read_relative_year),
        (rf"(?P<part>{year_parts})\s+năm(?!\s+(?:\d|{rel}))(?!\w)", read_relative_year),
        (r"(?<![\d/.,])(?P<year>\d{4})\s*[-–]\s*(?P<last>\d{4})(?![\d/])", read_year),
        (r"từ\s+(?:năm\s+)?(?P<year>\d{4})\s+(?:đến|tới)\s+(?:năm\s+)?(?P<last>\d{4})(?!\d)",
         read_year),
        (r"(?<![\d/.,\-])(?P<year>(?:19|20)\d\d)(?![\d/.,%]|\s*[-–]\s*\d)", read_bare_year),
    ]
    # no expression starts inside a word ("quý" in a name, "2020" in "br_2020")
    return [(re.compile(rf"(?<!\w){source}", re.IGNORECASE), reader) for source, reader in rules_]


def find_times(text: str, anchor: date | None = None) -> list[TimeExpr]:
    """Time expressions in text, left to right; where two overlap, the longer reading wins."""
    candidates = []
    for order, (pattern, reader) in enumerate(patterns()):
        for match in pattern.finditer(text):
            candidates.append((match.start(), match.end(), order, match, reader))
    # longest first: an impossible long reading ("7/2/20217") still hides the short ones inside it
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    found = []
    for start, end, _, match, reader in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        expr = reader(match, anchor)
        if expr is not None:
            expr.relation = relation_before(text, start)
            expr.period = period_of(text, start) or expr.period
            found.append(expr)
    return sorted(found, key=lambda t: t.start)


# --- readers: each checks its values and returns None for an impossible or unanchored one ---

def read_full_date(match: re.Match, anchor: date | None) -> TimeExpr | None:
    day = make_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return day and TimeExpr(match.start(), match.end(), day, day, "day")


def read_day(match: re.Match, anchor: date | None) -> TimeExpr | None:
    year, anchored = year_of(match, anchor)
    day = year and make_date(year, int(match["month"]), int(match["day"]))
    return day and TimeExpr(match.start(), match.end(), day, day, "day", anchored=anchored)


def read_day_month(match: re.Match, anchor: date | None) -> TimeExpr | None:
    """"Chiều 26/4", "ngày 31/12", "31/12 năm nay"; a bare "6/9" only after a relation word."""
    text = match.string
    if not (match["lead"] or match["year_word"] or relation_before(text, match.start())):
        return None
    if counted_after(text, match.end()):
        return None
    return read_day(match, anchor)


def read_month(match: re.Match, anchor: date | None) -> TimeExpr | None:
    year, anchored = year_of(match, anchor)
    expr = year and month_expr(match, year, int(match["month"]), anchored)
    if expr:
        expr.part = year_part(match)
    return expr


def read_relative_month(match: re.Match, anchor: date | None) -> TimeExpr | None:
    if anchor is None or counted_before(match):
        return None
    months = anchor.year * 12 + anchor.month - 1 + rules()["relative"][match["rel"].lower()]
    return month_expr(match, months // 12, months % 12 + 1, True)


def read_quarter(match: re.Match, anchor: date | None) -> TimeExpr | None:
    quarter = rules()["quarters"].get(match["quarter"].upper())
    year, anchored = year_of(match, anchor)
    return quarter and year and quarter_expr(match, year, quarter, anchored)


def read_relative_quarter(match: re.Match, anchor: date | None) -> TimeExpr | None:
    if anchor is None or counted_before(match):
        return None
    quarters = anchor.year * 4 + (anchor.month - 1) // 3 + rules()["relative"][match["rel"].lower()]
    return quarter_expr(match, quarters // 4, quarters % 4 + 1, True)


def read_half(match: re.Match, anchor: date | None) -> TimeExpr | None:
    halves = rules()["halves"]
    half_word = " ".join(match["half"].lower().split())
    year, anchored = year_of(match, anchor)
    if not year:
        return None
    first_month = 1 if half_word in halves["first"] else 7
    expr = TimeExpr(match.start(), match.end(), date(year, first_month, 1),
                    month_end(year, first_month + 5), "half", anchored=anchored,
                    part=rules()["year_parts"].get(half_word))
    if half_word in halves["to_date"] or reported(match):
        expr.period = "report"
    return expr


def read_months_to_date(match: re.Match, anchor: date | None) -> TimeExpr | None:
    months = int(match["months"])
    year, anchored = year_of(match, anchor)
    if not year or not 1 <= months <= 12:
        return None
    return TimeExpr(match.start(), match.end(), date(year, 1, 1), month_end(year, months), "months",
                    period="report", anchored=anchored)


def read_year(match: re.Match, anchor: date | None) -> TimeExpr | None:
    first = int(match["year"])
    last_written = match.groupdict().get("last")
    last = int(last_written) if last_written else first
    if not (FIRST_YEAR <= first <= last <= LAST_YEAR) or (last_written and first == last):
        return None
    granularity = "years" if last > first else "year"
    expr = TimeExpr(match.start(), match.end(), date(first, 1, 1), date(last, 12, 31), granularity,
                    part=year_part(match))
    if granularity == "years" and reported(match):
        expr.period = "report"
    return expr


def read_relative_year(match: re.Match, anchor: date | None) -> TimeExpr | None:
    if anchor is None or counted_before(match):
        return None
    rel = match.groupdict().get("rel")
    year = anchor.year + (rules()["relative"][rel.lower()] if rel else 0)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return TimeExpr(match.start(), match.end(), date(year, 1, 1), date(year, 12, 31), "year",
                    part=year_part(match), anchored=True)


def read_bare_year(match: re.Match, anchor: date | None) -> TimeExpr | None:
    """A year without "năm" counts only after a relation word ("đến 2025") or "giai đoạn"."""
    text = match.string
    if not (relation_before(text, match.start()) or period_of(text, match.start())):
        return None
    if counted_after(text, match.end()):   # "tăng từ 1.500 lên 2000 hộ"
        return None
    return read_year(match, anchor)


# --- helpers ---

@cache
def counted_pattern() -> re.Pattern:
    return re.compile(rf"\s*{alternation(rules()['counted']['words'])}(?!\w)", re.IGNORECASE)


def counted_after(text: str, end: int) -> bool:
    """Whether a counted noun follows end: "6/9 tiêu chí" is a count, not a day."""
    return bool(counted_pattern().match(text, end))


@cache
def count_word_pattern() -> re.Pattern:
    return re.compile(rf"(?:\d|(?<!\w){alternation(rules()['counts']['words'])})\s*$", re.IGNORECASE)


def counted_before(match: re.Match) -> bool:
    """Whether a number or a count word comes before: "5 năm tới", "những năm sau" are spans of time."""
    return bool(count_word_pattern().search(match.string, max(0, match.start() - 12), match.start()))


def make_date(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_expr(match: re.Match, year: int, month: int, anchored: bool) -> TimeExpr | None:
    if not (1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR):
        return None
    return TimeExpr(match.start(), match.end(), date(year, month, 1), month_end(year, month), "month",
                    anchored=anchored)


def quarter_expr(match: re.Match, year: int, quarter: int, anchored: bool) -> TimeExpr | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    first_month = 3 * quarter - 2
    return TimeExpr(match.start(), match.end(), date(year, first_month, 1),
                    month_end(year, first_month + 2), "quarter",
                    period="report" if reported(match) else None, anchored=anchored)


def year_of(match: re.Match, anchor: date | None) -> tuple[int | None, bool]:
    """The year a match names ("/2021", "năm 2021", "năm nay"), or the anchor's; and whether anchored."""
    groups = match.groupdict()
    written = groups.get("year") or groups.get("year_word")
    if written and written.isdigit():
        year = int(written)
        return (year if FIRST_YEAR <= year <= LAST_YEAR else None), False
    if anchor is None:
        return None, False
    offset = rules()["relative"][written.lower()] if written else 0
    return anchor.year + offset, True


def year_part(match: re.Match) -> str | None:
    part = match.groupdict().get("part")
    return rules()["year_parts"][part.lower()] if part else None


@cache
def relation_pattern() -> tuple[re.Pattern, dict[str, str]]:
    words = {word: kind for kind, words in rules()["relations"].items() for word in words}
    return re.compile(rf"(?<!\w)(?P<word>{word_alternation(words)})\s*$", re.IGNORECASE), words


def relation_before(text: str, start: int) -> str | None:
    """The relation the words right before start give ("trước" → "by"), else None."""
    pattern, kinds = relation_pattern()
    match = pattern.search(text[max(0, start - 24):start])
    return kinds[" ".join(match["word"].lower().split())] if match else None


def period_of(text: str, start: int) -> str | None:
    """"programme" when a period word ("giai đoạn") stands right before start, else None."""
    words = alternation(rules()["periods"]["programme"])
    if re.search(rf"(?<!\w){words}\s*(?:năm\s*)?$", text[max(0, start - 24):start], re.IGNORECASE):
        return "programme"
    return None


def reported(match: re.Match) -> bool:
    """Whether the clause before the match speaks of reporting ("kết quả", "sơ kết")."""
    clause = re.split(r"[.,;:\n]", match.string[max(0, match.start() - 60):match.start()])[-1]
    words = alternation(rules()["periods"]["report"])
    return bool(re.search(rf"(?<!\w){words}(?!\w)", clause, re.IGNORECASE))
