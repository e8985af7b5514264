"""Read crawled articles (text, saved HTML pages, crawl JSONL) and clean their text."""
from corpus.article import Article, Rejection
from corpus.readers import find_inputs, read_file, read_inputs, sample_corpus

__all__ = ["Article", "Rejection", "find_inputs", "read_file", "read_inputs", "sample_corpus"]
