"""Publication dates, checked against the example pages in examples/published.jsonl."""
import json
from pathlib import Path

import pytest

from extractors.published import publication_date

EXAMPLES = [json.loads(line) for line in
            (Path(__file__).parent / "examples" / "published.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["case"])
def test_publication_date(example):
    assert publication_date(example["text"]) == (example["published"], example["inferred"])
