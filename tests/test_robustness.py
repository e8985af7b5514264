"""Whatever the text, the pipeline ends, and every fact lies inside the text."""
import random
from datetime import date

import pytest

from corpus import read_inputs, sample_corpus
from corpus.article import Article
from extractors.subject import common_parent
from pipeline.process import process


def test_units_in_different_provinces_have_no_common_parent():
    assert common_parent(["18736", "17971"], date(2025, 10, 17)) is None   # Hà Tĩnh and Nghệ An
    assert common_parent(["18736", "18685"], date(2021, 1, 1)) == "446"


def damaged_texts(count: int) -> list[str]:
    """Sample articles cut short, joined to others, run into one line or sprinkled with odd
    characters, as partial captures and broken pages are."""
    texts = [a.text for a in read_inputs([sample_corpus()])]
    rnd = random.Random(7)
    odd = ["\u00a0", "…", "–", "(", ")", ":", ";", "/", "%", "\u200b", "tỷ", "xã", "19/19", "31/2/2021", "gồm:"]
    damaged = []
    for _ in range(count):
        text = rnd.choice(texts)
        kind = rnd.randrange(4)
        if kind == 0:
            text = text[:rnd.randrange(len(text))]
        elif kind == 1:
            other = rnd.choice(texts)
            text = text[:rnd.randrange(len(text))] + other[rnd.randrange(len(other)):]
        elif kind == 2:
            text = " ".join(text.split())
        else:
            chars = list(text)
            for _ in range(30):
                chars.insert(rnd.randrange(len(chars) + 1), rnd.choice(odd))
            text = "".join(chars)
        damaged.append(text)
    return damaged


@pytest.mark.parametrize("published", [None, "2013-10-22", "2025-10-17"])
def test_damaged_text_gives_facts_inside_it_and_never_an_error(published):
    for n, text in enumerate(damaged_texts(8)):
        doc = process(Article(key=f"damaged-{n}", text=text, published=published))
        assert all(0 <= f.start <= f.end <= len(text) for f in doc._.facts)
