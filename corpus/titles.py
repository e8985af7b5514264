"""The headline of a plain-text article: its first line, when that line is one.

Saved pages often begin with something else: the portal's name, the site's clock, a photo
caption, or the middle of a sentence. A wrong title is worse than none, so the first line is
taken only when it looks like a headline and what follows it looks like the start of an article.
"""
from __future__ import annotations

import re

from corpus.clean import is_furniture

FULL_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b")
DATE_LINE_LENGTH = 60       # a byline or site clock: "Thứ Sáu, 22/09/2017 09:12 [GMT+7]"
TITLE_LENGTH = 250          # longer than this, the first line is a paragraph
LEAD = re.compile(r"\([^()]{2,40}\)\s*[-–]")  # a lead naming its source: "(Baohatinh.vn) -"
# A page title may end with the site's name: "... - Báo Hà Tĩnh", "... | Cổng thông tin điện tử
# huyện Hương Sơn", "... - VnExpress.net".
SITE_NAME = re.compile(r"\s+[-–|]\s+((?:Báo|Tạp chí|Đài|Cổng thông tin|Trang thông tin|Cổng TTĐT|Truyền hình)"
                       r"\b[^-–|]*|[\w.-]+\.(?:vn|com|net|org))\s*$")


def find_title(text: str) -> str | None:
    """The first line of normalized text if it is the headline, else None."""
    lines = [line.strip() for line in text.split("\n")]
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None:
        return None
    candidate = lines[first]
    if not looks_like_headline(candidate):
        return None
    following = lines[first + 1] if first + 1 < len(lines) else ""
    repeated = candidate in lines[first + 1:]
    if following == "" or is_date_line(following) or LEAD.match(following) or repeated:
        return candidate
    return None  # a short line glued to the body is a photo caption


def looks_like_headline(line: str) -> bool:
    return (len(line) <= TITLE_LENGTH
            and (line[0].isupper() or line[0].isdigit())
            and not is_date_line(line)
            and not is_furniture(line))


def is_date_line(line: str) -> bool:
    return len(line) <= DATE_LINE_LENGTH and bool(FULL_DATE.search(line))


def without_site_name(title: str) -> str:
    """The headline of a page title, without the site's name appended to it."""
    match = SITE_NAME.search(title)
    # A site's name is a domain or names its owner in capitals: "Báo Hà Tĩnh", not "Báo cáo năm".
    if match and match.start() > 0 and ("." in match[1] or any(w[0].isupper() for w in match[1].split()[1:])):
        return title[:match.start()]
    return title
