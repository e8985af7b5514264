"""A saved news page: its main text, and title, address and date from the page's own metadata (or,
for the date, from the byline under the headline)."""
from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import date

import trafilatura
from lxml import etree

from corpus.clean import BODY_PARAGRAPH
from corpus.decode import Unreadable
from extractors.published import line_date

# Only dates the page states about itself (meta tags, JSON-LD, <time>, the byline): a wider
# search would take the site's clock in the header for the article's date.
DATE_SEARCH = {"extensive_search": False, "original_date": True}
DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
# Where a page is laid out in a table (portals), a cell holds whole blocks: the menu, the article,
# a sidebar. Read as a data table, the cells would run into one line.
LAYOUT_TABLE = "//table[.//td[.//h1 or .//h2 or .//h3 or .//ul or .//ol or .//form or .//table or .//iframe]]"
BLOCKS = {"p", "div", "li", "tr", "td", "th", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "header", "footer", "time"}
# The byline stands within a few lines after the headline, above the body; above the headline is
# the site's clock.
BYLINE_LINES = 6


@dataclass
class Page:
    text: str
    title: str | None
    url: str | None
    published: str | None


def extract_page(html: str) -> Page:
    document, lines = None, []
    try:
        tree = trafilatura.load_html(html)
        if tree is not None:
            unwrap_layout_tables(tree)
            lines = page_lines(tree)
            document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                                   include_tables=True, date_extraction_params=DATE_SEARCH)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise Unreadable(f"unreadable HTML: {type(error).__name__}") from None
    if document is None or not (document.text or "").strip():
        raise Unreadable("no article text found in the HTML")
    title = document.title or None
    return Page(text=document.text, title=title, url=document.url or None,
                published=iso_date(document.date) or byline_date(lines, title))


def unwrap_layout_tables(tree) -> None:
    """Tables that lay out the page become plain blocks, so that the article in one cell reads
    apart from the sidebars in the others."""
    for table in tree.xpath(LAYOUT_TABLE):
        for element in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
            element.tag = "div"


def page_lines(tree) -> list[str]:
    """The page's visible text, a line per block."""
    copy = deepcopy(tree)
    etree.strip_elements(copy, "head", "script", "style", "noscript", "template", with_tail=False)
    for element in copy.iter(*BLOCKS):
        element.tail = "\n" + (element.tail or "")
    for element in copy.iter("time"):  # a line of its own, even beside the author's name
        element.text = "\n" + (element.text or "")
    text = "".join(copy.itertext())
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def byline_date(lines: list[str], title: str | None) -> str | None:
    """The date of the byline under the headline, for pages whose metadata has none."""
    if not title:
        return None
    heading = " ".join(title.split())
    start = next((index for index, line in enumerate(lines) if line == heading), None)
    if start is None:
        return None
    for line in lines[start + 1:start + 1 + BYLINE_LINES]:
        if day := line_date(line):
            return day.isoformat()
        if len(line) >= BODY_PARAGRAPH:  # the byline stands above the body
            return None
    return None


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
