"""Sentences and words by underthesea, held in a spaCy Doc whose text is the article's cleaned text.

underthesea returns strings, not offsets, so each sentence and word is aligned back onto the text:
every token's text is exactly its slice of the cleaned text.
"""
from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.util import registry
from underthesea import sent_tokenize, word_tokenize

PARAGRAPH = re.compile(r"[^\n]+")


class AlignmentError(ValueError):
    pass


def align(pieces: list[str], text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of `pieces` found in order in `text`, whitespace inside a piece matching any
    whitespace in the text. Offsets are shifted by `offset`."""
    spans = []
    pos = 0
    for piece in pieces:
        chars = [c for c in piece if not c.isspace()]
        if not chars:
            continue
        while pos < len(text) and text[pos].isspace():
            pos += 1
        start = pos
        for c in chars:
            while pos < len(text) and text[pos].isspace() and not c.isspace():
                pos += 1
            if pos >= len(text) or text[pos] != c:
                raise AlignmentError(f"cannot align {piece!r} at {offset + start}: {text[start:start + 40]!r}")
            pos += 1
        spans.append((offset + start, offset + pos))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences never cross a line break: each paragraph is split on its own. A split with no
    space after it falls inside a word ("(Baohatinh.vn)", "TP.HCM") and is undone."""
    spans: list[tuple[int, int]] = []
    for para in PARAGRAPH.finditer(text):
        if not para.group().strip():
            continue
        for start, end in align(sent_tokenize(para.group()), para.group(), para.start()):
            if spans and spans[-1][1] == start and spans[-1][0] >= para.start():
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    sentence = text[start:end]
    words = word_tokenize(sentence, use_token_normalize=False)
    return align(words, sentence, start)


class UndertheseaTokenizer:
    """A spaCy tokenizer: underthesea's words, whitespace between them kept as spaces or tokens."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces, sent_starts = [], [], []
        cursor = 0

        def gap_until(pos: int) -> None:
            gap = text[cursor:pos]
            if not gap:
                return
            if gap == " " and words:
                spaces[-1] = True
            else:
                words.append(gap)
                spaces.append(False)
                sent_starts.append(False if words[:-1] else True)

        for s_start, s_end in sentence_spans(text):
            first = True
            for w_start, w_end in word_spans(text, s_start, s_end):
                gap_until(w_start)
                words.append(text[w_start:w_end])
                spaces.append(False)
                sent_starts.append(first)
                first = False
                cursor = w_end
        gap_until(len(text))
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts or None)


@registry.tokenizers("ntm.underthesea_tokenizer.v1")
def create_tokenizer():
    return lambda nlp: UndertheseaTokenizer(nlp.vocab)


def blank() -> spacy.language.Language:
    """spaCy's blank Vietnamese pipeline with underthesea as its tokenizer (no pyvi)."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "ntm.underthesea_tokenizer.v1"}}})
