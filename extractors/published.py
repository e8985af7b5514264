"""The publication date of an article from its text.

A byline or portal date line ("15:57 19/03/2021", "Đăng ngày 08-02-2022 09:40") gives the date.
A date line standing first, where the title belongs, is the site's clock and is passed over; a
page with date lines of several days is a listing (a tag page) and has no single date.

Without a date line the date is inferred: the event day the report opens with ("Chiều 26/4",
"Hôm nay (9/11)", "Ngày 11/11/2024") completed, where it has no year, with the year the
article's own explicit dates imply.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from functools import cache

from extractors.numbers import word_alternation
from extractors.rules import load_rules
from extractors.timex import find_times, make_date
from extractors.timex import rules as time_rules

TIME_OF_DAY = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
TIME_ZONE = r"\[?\(?GMT\s*[+-]\s*\d{1,2}\)?\]?"
SEPARATOR = r"[\s,\-–|:]*"
# Where a bare "Ngày 20/12" opens a report: a line, a sentence, or the lead after "(Baohatinh.vn) -".
SENTENCE_START = r"(?:^\s*|(?<=[.!?] )|(?<=\) [-–] ))"


def rules() -> dict:
    return load_rules("published.toml")


@cache
def date_line_pattern() -> re.Pattern:
    data = rules()["date_line"]
    # byline words, weekday and time may stand in any order around the date
    words = word_alternation([*data["prefixes"], *data["weekdays"], *data["joiners"]])
    counter = rf"(?:{word_alternation(data['counters'])})\s*:?\s*[\d.,]+"
    around = rf"(?:{words}|{TIME_OF_DAY}|{TIME_ZONE}|{counter})"
    name = rf"[^\d|]{{1,{data['section_chars']}}}"
    return re.compile(
        rf"(?:{name}\|)?{SEPARATOR}(?:{around}{SEPARATOR})*"
        rf"(?:(?P<day>\d{{1,2}})(?P<sep>[/\-.])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})"
        rf"|(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}}))"
        rf"(?:{SEPARATOR}{around})*"
        rf"(?:\s*\|\s*{name})?\s*",
        re.IGNORECASE,
    )


@cache
def event_day_pattern() -> re.Pattern:
    day_parts = word_alternation(time_rules()["day_parts"]["words"])
    relative = word_alternation(rules()["event_day"]["days_before"])
    weekdays = word_alternation(rules()["date_line"]["weekdays"])
    # "14/7", "14/7/2023", "14 tháng 7 năm 2023"
    day_month = (r"(?P<day>\d{1,2})(?:/|\s+tháng\s+)(?P<month>\d{1,2})(?:(?:/|\s+năm\s+)(?P<year>\d{4}))?"
                 r"(?![/\-.]?\d)")
    return re.compile(
        rf"(?:(?<!\w)(?P<lead>{day_parts})(?:\s+(?P<relative>{relative}))?(?:\s*,?\s*(?:{weekdays}))?"
        rf"(?:\s+ngày)?|{SENTENCE_START}ngày)\s*\(?\s*{day_month}",
        re.IGNORECASE | re.MULTILINE,
    )


def publication_date(text: str) -> tuple[str | None, bool]:
    """(ISO date or None, inferred): a byline date is not inferred; one read from the event day is."""
    lines = article_lines(text.splitlines())
    dated_lines = {index: day for index, line in enumerate(lines) if (day := line_date(line))}
    first_line = next((index for index, line in enumerate(lines) if line.strip()), None)
    page_dates = {day for index, day in dated_lines.items() if index != first_line}
    if len(page_dates) == 1:
        return page_dates.pop().isoformat(), False
    if len(page_dates) > 1:
        return None, True
    body = "\n".join(line for index, line in enumerate(lines) if index not in dated_lines)
    event = event_day(body)
    if event is None:
        return None, True
    top_date = dated_lines.get(first_line)
    if top_date and shortly_after(top_date, int(event["month"]), int(event["day"])):
        return top_date.isoformat(), False
    published = inferred_date(body, event)
    return (published.isoformat() if published else None), True


def line_date(line: str) -> date | None:
    """The date of a line that holds nothing but a date, a time and byline words."""
    match = date_line_pattern().fullmatch(line)
    if not match:
        return None
    if match["iso_year"]:
        return make_date(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
    return make_date(int(match["year"]), int(match["month"]), int(match["day"]))


def article_lines(lines: list[str]) -> list[str]:
    """The lines before the page's furniture (lists of other articles) begins."""
    starts = word_alternation(rules()["furniture"]["starts"])
    for index, line in enumerate(lines):
        if re.match(rf"\s*(?:{starts})(?!\w)", line, re.IGNORECASE):
            return lines[:index]
    return lines


def event_day(body: str) -> re.Match | None:
    """The first possible event day the report names ("Chiều 26/4"), else None."""
    for match in event_day_pattern().finditer(body):
        # 2000 is a leap year, so that 29/2 passes here
        if make_date(int(match["year"] or 2000), int(match["month"]), int(match["day"])):
            return match
    return None


def shortly_after(top_date: date, month: int, day: int) -> bool:
    """Whether top_date falls in the week after the event day: then a date line in the title's
    place is the page's own date, not the site's clock."""
    for year in (top_date.year, top_date.year - 1):
        event = make_date(year, month, day)
        if event and 0 <= (top_date - event).days <= rules()["date_line"]["days_after_event"]:
            return True
    return False


def inferred_date(body: str, event: re.Match) -> date | None:
    """The publication day an event day implies, completed with the year the article implies."""
    month, day = int(event["month"]), int(event["day"])
    year = int(event["year"]) if event["year"] else implied_year(body, month, day)
    event_date = year and make_date(year, month, day)
    if not event_date:
        return None
    words = rules()["event_day"]
    before = 1 if (event["lead"] or "").lower() in words["day_before_publication"] else \
        words["days_before"].get((event["relative"] or "").lower(), 0)
    return event_date + timedelta(days=before)


def implied_year(body: str, month: int, day: int) -> int | None:
    """The year of the event day, from the years the article names and the dates it cites.

    A reporting period ("6 tháng đầu năm 2014", "sơ kết 3 năm (2011 - 2013)") ends in the year of
    the report. Else the year named most often in plain statements wins (the latest on a tie);
    if none is plain, any year named. Dates cited as past ("Quyết định ... ngày 16/12/2020") come
    before the event, so the event falls in the first year after them; deadlines ("trước
    10/5/2022") come after it.
    """
    times = [t for t in find_times(body) if t.period != "programme"]
    reports = [t.date_to.year for t in times if t.period == "report" and t.relation != "compared"]
    plain = [t.date_to.year for t in times if t.relation is None]
    named = reports or plain or [t.date_to.year for t in times]
    year = max(Counter(named).items(), key=lambda item: (item[1], item[0]))[0] if named else None
    days = [t for t in times if t.granularity == "day"]
    after = [t.date_from for t in days if t.relation in (None, "as_of", "compared")]
    before = [t.date_from for t in days if t.relation == "by"]
    if after:
        latest = max(after)
        first_year = latest.year if (month, day) >= (latest.month, latest.day) else latest.year + 1
        year = max(year or first_year, first_year)
    if before:
        earliest = min(before)
        last_year = earliest.year if (month, day) <= (earliest.month, earliest.day) else earliest.year - 1
        year = min(year or last_year, last_year)
    return year
