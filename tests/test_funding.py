"""Funding facts read from example sentences (tests/examples/funding.jsonl) through the whole pipeline.

Each example names the fields it checks (every field any of its records names, so its records
name the same ones); the funding facts of its text, seen through those fields, must be exactly the
expected records. An example's text is an article published on its "published" date (default
2021-03-19; null for none).
"""
import json
from pathlib import Path

import pytest

from corpus.article import Article
from pipeline.process import process

EXAMPLES = Path(__file__).parent / "examples"


def examples(name: str) -> list[dict]:
    lines = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def cases(name: str) -> list:
    """The examples of a file as test cases named by their line ("funding.jsonl:12")."""
    return [pytest.param(example, id=f"{name}:{n}") for n, example in enumerate(examples(name), 1)]


def facts_seen(example: dict, fact_type: str) -> list[dict]:
    """The facts of fact_type in the example's text, each cut down to the fields the example checks."""
    article = Article(key="example.txt", text=example["text"], published=example.get("published", "2021-03-19"))
    doc = process(article)
    fields = sorted({key for record in example["expect"] for key in record}) or ["unit"]
    seen = []
    for fact in doc._.facts:
        if fact.type == fact_type:
            values = {"unit": fact.unit, **fact.fields}
            seen.append({key: values.get(key) for key in fields})
    return seen


def canonical(records: list[dict]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


@pytest.mark.parametrize("example", cases("funding.jsonl"))
def test_funding_example(example):
    assert canonical(facts_seen(example, "funding")) == canonical(example["expect"])


def test_there_are_enough_examples():
    assert len(examples("funding.jsonl")) >= 80
