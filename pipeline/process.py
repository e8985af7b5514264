"""The steps from an article to its facts: NLP, gazetteer, extractors, then collection."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import extractors.deadline  # noqa: F401  (registers ntm_deadline)
import extractors.funding  # noqa: F401  (registers ntm_funding)
import extractors.progress  # noqa: F401  (registers ntm_progress)
import gazetteer.component  # noqa: F401  (registers ntm_gazetteer)
from corpus.article import Article
from extractors.published import publication_date
from pipeline.facts import Fact
from pipeline.nlp import blank

COMPONENTS = ("ntm_gazetteer", "ntm_progress", "ntm_funding", "ntm_deadline", "ntm_collect")


@Language.component("ntm_collect")
def collect_facts(doc: Doc) -> Doc:
    """One mention record per unit (its first occurrence), and each fact once."""
    mentions: dict[str, Fact] = {}
    for m in sorted(doc._.mentions, key=lambda m: m.start):
        mentions.setdefault(m.unit, Fact("mention", m.unit, m.start, m.end))
    unique: dict[tuple, Fact] = {}
    for fact in [*mentions.values(), *doc._.facts]:
        unique.setdefault(fact.key(), fact)
    doc._.facts = list(unique.values())
    return doc


@lru_cache(maxsize=1)
def nlp() -> Language:
    pipeline = blank()
    for name in COMPONENTS:
        pipeline.add_pipe(name)
    return pipeline


def dated(article: Article) -> Article:
    """The article with a publication date: its metadata's, else the one its text gives (an
    article already read for one, dated or not, is marked inferred and is not read again)."""
    if article.published or article.published_inferred:
        return article
    published, inferred = publication_date(article.text)
    return replace(article, published=published, published_inferred=inferred)


def process(article: Article) -> Doc:
    article = dated(article)
    pipeline = nlp()
    doc = pipeline.make_doc(article.text)
    doc._.article = article
    doc._.mentions = []
    doc._.facts = []
    for _, component in pipeline.pipeline:
        doc = component(doc)
    return doc
