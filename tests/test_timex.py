"""Time expressions, checked against the example table in examples/times.jsonl.

Each example names its phrase in a sentence; "anchor" (default 2022-04-26, null for none) is the
article's date that relative and year-less expressions count from.
"""
import json
from datetime import date
from pathlib import Path

import pytest

from extractors.timex import find_times

EXAMPLES = [json.loads(line) for line in
            (Path(__file__).parent / "examples" / "times.jsonl").read_text("utf-8").splitlines()]
DEFAULT_ANCHOR = "2022-04-26"


def anchor_of(example):
    anchor = example.get("anchor", DEFAULT_ANCHOR)
    return date.fromisoformat(anchor) if anchor else None


def span(example):
    start = example["sentence"].index(example["phrase"])
    return start, start + len(example["phrase"])


def ident(example):
    return f'{example["phrase"]} | {example["sentence"][:40]}'


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.get("none")], ids=ident)
def test_time_in_sentence(example):
    found = {(t.start, t.end): t for t in find_times(example["sentence"], anchor_of(example))}
    time = found.get(span(example))
    assert time is not None, found
    assert (time.date_from.isoformat(), time.date_to.isoformat(), time.granularity) == (
        example["from"], example["to"], example["granularity"])
    for attribute in ("relation", "period", "part", "anchored"):
        if attribute in example:
            assert getattr(time, attribute) == example[attribute], attribute


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.get("none")], ids=ident)
def test_no_time(example):
    start, end = span(example)
    found = [t for t in find_times(example["sentence"], anchor_of(example)) if t.start < end and start < t.end]
    assert not found


def test_times_come_in_text_order():
    text = "Năm 2020 huyện đạt 15 tiêu chí; phấn đấu trong quý II/2021 đạt chuẩn, trước 31/12/2021 nâng cao."
    assert [t.granularity for t in find_times(text)] == ["year", "quarter", "day"]


def test_never_crashes_on_odd_numbers():
    text = ("ngày 0/0/0000, quý 0, tháng 0, 99/99/9999, 00/00, năm 0000, 1900 - 2200, quý IIII/2021, "
            "6 tháng đầu năm 0000, 0 tháng đầu năm 2020, quý I năm 9999, tháng 2 năm 0000")
    assert find_times(text, date(2022, 1, 1)) == []
