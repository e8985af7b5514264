"""A saved news page: its main text, and title, address and date from the page's own metadata."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura

from corpus.decode import Unreadable

# Only dates the page states about itself (meta tags, JSON-LD, <time>, the byline): a wider
# search would take the site's clock in the header for the article's date.
DATE_SEARCH = {"extensive_search": False, "original_date": True}
DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


@dataclass
class Page:
    text: str
    title: str | None
    url: str | None
    published: str | None


def extract_page(html: str) -> Page:
    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                               include_tables=True, date_extraction_params=DATE_SEARCH)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise Unreadable(f"unreadable HTML: {type(error).__name__}") from None
    if document is None or not (document.text or "").strip():
        raise Unreadable("no article text found in the HTML")
    return Page(text=document.text, title=document.title or None, url=document.url or None,
                published=iso_date(document.date))


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date or timestamp, or a Vietnamese day-first "20/10/2025"; else None."""
    if not value:
        return None
    day_first = DAY_FIRST.match(value.strip())
    try:
        if day_first:
            day, month, year = map(int, day_first.groups())
            return date(year, month, day).isoformat()
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None
