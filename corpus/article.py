"""What a reader hands to the pipeline: an article, or the reason an input was rejected."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class Article:
    key: str                      # file path relative to the ingested folder, or the crawl record's URL
    text: str                     # cleaned body; every offset in the database refers to this string
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date from the page's own metadata, if it had one
    published_inferred: bool = False
    format: str = "txt"           # txt, html, jsonl or warc: how it was read
    encoding: str = "utf-8"       # or "cp1258" for a file in the older Vietnamese code page

    @property
    def published_date(self) -> date | None:
        """`published` as a date; None when there is none or it is not an ISO date."""
        try:
            return date.fromisoformat(self.published[:10]) if self.published else None
        except ValueError:
            return None


@dataclass
class Rejection:
    key: str
    reason: str
    line: int | None = None       # line number within a multi-record file (JSONL)

    def __str__(self) -> str:
        where = f"{self.key}: line {self.line}" if self.line else self.key
        return f"{where}: {self.reason}"
