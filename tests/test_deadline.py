"""Deadline facts read from example sentences (tests/examples/deadline.jsonl) through the whole pipeline.

Each example names the fields it checks, as in test_funding; the deadline facts of its text, seen
through those fields, must be exactly the expected records.
"""
import pytest

from test_funding import canonical, cases, examples, facts_seen


@pytest.mark.parametrize("example", cases("deadline.jsonl"))
def test_deadline_example(example):
    assert canonical(facts_seen(example, "deadline")) == canonical(example["expect"])


def test_there_are_enough_examples():
    assert len(examples("deadline.jsonl")) >= 80
