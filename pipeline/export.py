"""The records of the fact model, read back from the database (the `ntm export` contract)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlite_utils

from pipeline.facts import FACT_TYPES, FIELDS
from pipeline.store import COMMON, TABLES

RECORD_TYPES = ("article", *FACT_TYPES)
ARTICLE_FIELDS = ("source", "title", "published", "published_inferred", "url", "duplicate_of")


def fields(record_type: str) -> list[str]:
    rest = ARTICLE_FIELDS if record_type == "article" else (*COMMON, *FIELDS[record_type])
    return ["type", *rest]


def article_records(db: sqlite_utils.Database) -> Iterator[dict]:
    for row in db["articles"].rows_where(order_by="key"):
        yield {"type": "article", "source": row["key"], "title": row["title"], "published": row["published"],
               "published_inferred": bool(row["published_inferred"]), "url": row["url"],
               "duplicate_of": row["duplicate_of"]}


def fact_records(db: sqlite_utils.Database, fact_type: str) -> Iterator[dict]:
    names = fields(fact_type)[1:]
    for row in db[TABLES[fact_type]].rows_where(order_by="source, start, id"):
        record = {"type": fact_type, **{name: row[name] for name in names}}
        for name in ("count_min", "count_max", "percent"):
            if isinstance(record.get(name), float) and record[name].is_integer():
                record[name] = int(record[name])
        yield record


def records(db: sqlite_utils.Database, types: Iterable[str] = RECORD_TYPES) -> Iterator[dict]:
    for record_type in types:
        yield from article_records(db) if record_type == "article" else fact_records(db, record_type)


def write_jsonl(db: sqlite_utils.Database, types: Iterable[str], out) -> int:
    count = 0
    for record in records(db, types):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(db: sqlite_utils.Database, types: Iterable[str], folder: Path) -> list[Path]:
    """One file per record type, named after it, with a header even when it has no rows."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for record_type in types:
        path = folder / f"{record_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields(record_type))
            writer.writeheader()
            writer.writerows(records(db, [record_type]))
        written.append(path)
    return written
