"""Where rows are written: articles, facts of every type, mention spans and rejections, in SQLite."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from importlib.metadata import version

import sqlite_utils
from spacy.tokens import Doc

from corpus.article import Article, Rejection
from corpus.clean import without_diacritics
from gazetteer import Gazetteer
from pipeline.facts import FACT_TYPES, FIELDS, Fact

PIPELINE_VERSION = version("ntm")
COMMON = {"source": str, "unit": str, "unit_name": str, "unit_2025": str, "unit_2025_name": str,
          "evidence": str, "start": int, "end": int}
FIELD_TYPES = {
    "count_min": float, "count_max": float, "total": int, "percent": float, "criteria_min": int,
    "criteria_max": int, "year": int, "amount_vnd": int,
}
# The fact tables are named after their type, in the plural where the type is a noun.
TABLES = {"mention": "mentions", "criteria_count": "criteria_counts", "unit_count": "unit_counts",
          "unit_status": "unit_statuses", "criterion_status": "criterion_statuses",
          "funding": "funding", "deadline": "deadlines"}


def fold(text: str | None) -> str | None:
    """The text as a user types it without Vietnamese input, for the search index."""
    return None if text is None else without_diacritics(text)


def content_hash(article: Article) -> str:
    parts = (PIPELINE_VERSION, article.title or "", article.url or "", article.published or "", article.text)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Store:
    def __init__(self, path):
        self.db = sqlite_utils.Database(path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.ensure_schema()

    def ensure_schema(self) -> None:
        with self.db.atomic():
            articles = self.db["articles"]
            if not articles.exists():
                articles.create({
                    "key": str, "url": str, "title": str, "published": str, "published_inferred": int,
                    "text": str, "title_folded": str, "text_folded": str, "text_hash": str,
                    "content_hash": str, "duplicate_of": str, "format": str, "encoding": str,
                    "ingested_at": str,
                }, pk="key")
                articles.create_index(["text_hash"])
                articles.enable_fts(["title", "text", "title_folded", "text_folded"], create_triggers=True,
                                    tokenize="unicode61 remove_diacritics 0")
            for fact_type in FACT_TYPES:
                table = self.db[TABLES[fact_type]]
                if not table.exists():
                    columns = {**COMMON, **{f: FIELD_TYPES.get(f, str) for f in FIELDS[fact_type]}}
                    table.create({"id": int, **columns}, pk="id", foreign_keys=[("source", "articles", "key")])
                    table.create_index(["source"])
                    table.create_index(["unit"])
            spans = self.db["mention_spans"]
            if not spans.exists():
                spans.create({"id": int, "source": str, "unit": str, "start": int, "end": int, "text": str,
                              "signal": str}, pk="id", foreign_keys=[("source", "articles", "key")])
                spans.create_index(["source"])
            rejections = self.db["rejections"]
            if not rejections.exists():
                rejections.create({"source": str, "line": int, "reason": str, "recorded_at": str},
                                  pk=("source", "line"))

    def status(self, article: Article) -> str:
        """"new", "updated" or "unchanged": what writing this article would do."""
        row = next(self.db["articles"].rows_where("key = ?", [article.key], select="content_hash"), None)
        if row is None:
            return "new"
        return "unchanged" if row["content_hash"] == content_hash(article) else "updated"

    def write(self, doc: Doc) -> None:
        """Replace the article and all its facts, in one transaction."""
        article: Article = doc._.article
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.db.atomic():
            old = next(self.db["articles"].rows_where("key = ?", [article.key], select="text_hash"), None)
            self.delete(article.key)
            self.db["articles"].insert({
                "key": article.key, "url": article.url, "title": article.title,
                "published": article.published, "published_inferred": int(article.published_inferred),
                "text": article.text, "title_folded": fold(article.title), "text_folded": fold(article.text),
                "text_hash": text_hash(article.text), "content_hash": content_hash(article),
                "format": article.format, "encoding": article.encoding, "ingested_at": now,
            })
            self.db["mention_spans"].insert_all(
                {"source": article.key, "unit": m.unit, "start": m.start, "end": m.end,
                 "text": article.text[m.start:m.end], "signal": m.signal} for m in doc._.mentions)
            for fact_type in FACT_TYPES:
                rows = [self.fact_row(doc, fact) for fact in doc._.facts if fact.type == fact_type]
                if rows:
                    self.db[TABLES[fact_type]].insert_all(rows)
            self.db["rejections"].delete_where("source = ?", [article.key])
            for changed in {text_hash(article.text), old and old["text_hash"]} - {None}:
                self.mark_duplicates(changed)

    def mark_duplicates(self, hash_: str) -> None:
        """Articles with the same text point at the first one stored (`duplicate_of`); it points nowhere."""
        keys = [row["key"] for row in self.db["articles"].rows_where(
            "text_hash = ?", [hash_], select="key", order_by="ingested_at, key")]
        for position, key in enumerate(keys):
            self.db["articles"].update(key, {"duplicate_of": keys[0] if position else None})

    def delete(self, key: str) -> None:
        """Remove an article and everything read from it."""
        for table in [*TABLES.values(), "mention_spans"]:
            self.db[table].delete_where("source = ?", [key])
        self.db["articles"].delete_where("key = ?", [key])

    def fact_row(self, doc: Doc, fact: Fact) -> dict:
        unit = Gazetteer.default().unit(fact.unit, doc._.article.published_date) if fact.unit else None
        return {
            "source": doc._.article.key, "unit": fact.unit,
            "unit_name": unit.name if unit else None,
            "unit_2025": unit.successor_2025 if unit else None,
            "unit_2025_name": unit.successor_2025_name if unit else None,
            "evidence": evidence(doc, fact.start), "start": fact.start, "end": fact.end,
            **{f: fact.fields.get(f) for f in FIELDS[fact.type]},
        }

    def reject(self, rejection: Rejection) -> None:
        with self.db.atomic():
            self.db["rejections"].upsert({
                "source": rejection.key, "line": rejection.line or 0, "reason": rejection.reason,
                "recorded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }, pk=("source", "line"))

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Articles matching a full-text query; typed without diacritics it matches either spelling."""
        columns = "{title text}" if fold(query) != query.lower() else "{title_folded text_folded}"
        phrase = '"' + query.replace('"', '""') + '"'
        sql = ("select articles.key, articles.title, articles.published from articles_fts "
               "join articles on articles.rowid = articles_fts.rowid "
               "where articles_fts match ? order by rank limit ?")
        return [dict(zip(("key", "title", "published"), row))
                for row in self.db.execute(sql, [f"{columns} : {phrase}", limit]).fetchall()]


def evidence(doc: Doc, start: int) -> str:
    """The sentence that holds the character at `start`, as it stands in the text."""
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char:
            return sent.text.strip()
    return ""
