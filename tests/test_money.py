"""Amounts of money, checked against the example table in examples/money.jsonl."""
import json
from pathlib import Path

import pytest

from extractors.money import find_money

EXAMPLES = [json.loads(line) for line in
            (Path(__file__).parent / "examples" / "money.jsonl").read_text("utf-8").splitlines()]


def span(example):
    start = example["sentence"].index(example["phrase"])
    return start, start + len(example["phrase"])


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.get("money", True)], ids=lambda e: e["phrase"])
def test_amount_in_sentence(example):
    found = {(m.start, m.end): m for m in find_money(example["sentence"])}
    money = found.get(span(example))
    assert money is not None, found
    assert money.amount_vnd == example["amount"]
    assert money.qualifier == example["qualifier"]
    assert money.vague == example.get("vague", False)
    assert money.high_vnd == example.get("high")


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.get("money", True)], ids=lambda e: e["phrase"])
def test_not_money(example):
    start, end = span(example)
    assert not [m for m in find_money(example["sentence"]) if m.start < end and start < m.end]


def test_amounts_are_exact_integers():
    [money] = find_money("cần 1.346,7 tỷ đồng")
    assert isinstance(money.amount_vnd, int) and money.amount_vnd == 1_346_700_000_000
