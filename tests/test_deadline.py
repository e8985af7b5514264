"""Deadline facts read from example sentences (tests/examples/deadline.jsonl) through the whole pipeline.

Each example names the fields it checks, as in test_funding; the deadline facts of its text, seen
through those fields, must be exactly the expected records.
"""
import pytest
from test_funding import canonical, cases, examples, facts_seen

from corpus.article import Article
from pipeline.process import process


@pytest.mark.parametrize("example", cases("deadline.jsonl"))
def test_deadline_example(example):
    assert canonical(facts_seen(example, "deadline")) == canonical(example["expect"])


def test_there_are_enough_examples():
    assert len(examples("deadline.jsonl")) >= 80


def test_a_limit_said_twice_in_other_words_is_one_deadline():
    text = ("Huyện Can Lộc đặt mục tiêu đạt chuẩn huyện NTM nâng cao năm 2024.\n\n"
            "Để làm được điều đó, huyện phấn đấu đạt chuẩn huyện NTM nâng cao trong năm 2024.")
    doc = process(Article(key="twice.txt", text=text, published="2023-05-12"))
    deadlines = [f for f in doc._.facts if f.type == "deadline"]
    assert [(f.unit, f.fields["goal"], f.fields["date_from"]) for f in deadlines] == [("443", "nang_cao", "2024-01-01")]
