"""Numbers, quantities and percentages, checked against the example table in examples/numbers.jsonl."""
import json
import re
from pathlib import Path

import pytest

from extractors.numbers import NUMBER, find_percents, find_quantities, parse_number

EXAMPLES = [json.loads(line) for line in
            (Path(__file__).parent / "examples" / "numbers.jsonl").read_text("utf-8").splitlines()]


def examples(kind):
    return [pytest.param(e, id=e.get("sentence", e["phrase"])[:60]) for e in EXAMPLES if e["kind"] == kind]


def span(example):
    start = example["sentence"].index(example["phrase"])
    return start, start + len(example["phrase"])


@pytest.mark.parametrize("example", examples("number"))
def test_parse_number(example):
    assert parse_number(example["phrase"]) == example["value"]


@pytest.mark.parametrize("example", examples("quantity"))
def test_quantity_in_sentence(example):
    found = {(q.start, q.end): q for q in find_quantities(example["sentence"])}
    quantity = found.get(span(example))
    assert quantity is not None, found
    assert (quantity.low, quantity.high, quantity.total) == (example["low"], example["high"], example.get("total"))


@pytest.mark.parametrize("example", examples("not_quantity"))
def test_no_quantity_in_dates_and_document_numbers(example):
    start, end = span(example)
    assert not [q for q in find_quantities(example["sentence"]) if q.start < end and start < q.end]


@pytest.mark.parametrize("example", examples("percent"))
def test_percent_in_sentence(example):
    found = {(p.start, p.end): p.value for p in find_percents(example["sentence"])}
    assert found.get(span(example)) == example["value"]


def test_number_embeds_in_other_rules():
    match = re.search(rf"({NUMBER})\s*tiêu chí", "đạt 1.346,7 tiêu chí")
    assert match.group(1) == "1.346,7"


def test_number_takes_no_part_of_a_longer_number():
    assert re.findall(NUMBER, "12.34 và 1.2345") == []
