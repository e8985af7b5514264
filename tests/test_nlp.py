"""Every token and sentence keeps its exact place in the cleaned text."""
import pytest

from corpus import read_inputs, sample_corpus
from pipeline.nlp import AlignmentError, align, blank


@pytest.fixture(scope="module")
def nlp():
    return blank()


def sample_texts():
    return [article.text for article in read_inputs([sample_corpus()])]


@pytest.mark.parametrize("index", range(5))
def test_tokens_are_slices_of_the_sample_text(nlp, index):
    text = sample_texts()[index]
    doc = nlp(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text
    for sent in doc.sents:
        assert text[sent.start_char:sent.end_char] == sent.text


def test_words_that_underthesea_merges_keep_their_offsets(nlp):
    doc = nlp("Xã Thạch Liên đạt chuẩn 20/20 tiêu chí.")
    merged = [t for t in doc if "20/20" in t.text][0]
    assert merged.text == "chuẩn 20/20"
    assert doc.text[merged.idx:merged.idx + len(merged.text)] == "chuẩn 20/20"


def test_tone_marks_are_kept_as_written(nlp):
    doc = nlp("Xã Hoà Hải đạt tiêu chí thuỷ lợi.")
    assert "Hoà Hải" in [t.text for t in doc]
    assert "thuỷ lợi" in [t.text for t in doc]


def test_sentences_do_not_cross_paragraphs(nlp):
    doc = nlp("Tiêu đề không có dấu chấm\n\nCâu thứ nhất. Câu thứ hai.")
    assert [s.text.strip() for s in doc.sents] == ["Tiêu đề không có dấu chấm", "Câu thứ nhất.", "Câu thứ hai."]


def test_irregular_whitespace_survives(nlp):
    text = "Huyện  Hương Sơn\u00a0đạt 6/9 tiêu chí.\n\n\nXã đạt chuẩn."
    assert nlp(text).text == text


def test_align_refuses_words_that_are_not_in_the_text():
    with pytest.raises(AlignmentError):
        align(["Hương", "Khê"], "Hương Sơn")


def test_a_full_stop_inside_a_word_does_not_end_the_sentence(nlp):
    doc = nlp("(Baohatinh.vn) - Huyện Hương Sơn đạt 6/9 tiêu chí. Xã Sơn Kim 2 đạt chuẩn.")
    assert [s.text.strip() for s in doc.sents] == [
        "(Baohatinh.vn) - Huyện Hương Sơn đạt 6/9 tiêu chí.", "Xã Sơn Kim 2 đạt chuẩn."]
