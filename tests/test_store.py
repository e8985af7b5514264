"""The database: one transaction per article, replacement, duplicates, rejections and search."""
import pytest

from corpus import Article, Rejection
from pipeline.facts import Fact, Mention
from pipeline.nlp import blank
from pipeline.store import Store, fold

NLP = blank()
TEXT = "Huyện Hương Sơn đạt chuẩn 6/9 tiêu chí.\n\nToàn huyện có 23/23 xã đạt chuẩn NTM."


def make_doc(key="a.txt", text=TEXT, title="Hương Sơn về đích", facts=None, published="2021-01-20"):
    doc = NLP.make_doc(text)
    doc._.article = Article(key=key, text=text, title=title, published=published, published_inferred=True)
    doc._.mentions = [Mention(6, 15, "439", "type_word")]
    doc._.facts = facts if facts is not None else [
        Fact("mention", "439", 6, 15),
        Fact("criteria_count", "439", 16, 38, {"count_min": 6, "count_max": 6, "total": 9,
                                               "status": "achieved", "standard": "ntm"}),
    ]
    return doc


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "t.db")


def count(store, table):
    return store.db[table].count


def test_an_article_and_its_facts_are_written(store):
    store.write(make_doc())
    row = store.db["criteria_counts"].get(1)
    assert (row["source"], row["unit"], row["count_min"], row["total"]) == ("a.txt", "439", 6, 9)
    assert row["evidence"] == "Huyện Hương Sơn đạt chuẩn 6/9 tiêu chí."
    assert TEXT[row["start"]:row["end"]] == "đạt chuẩn 6/9 tiêu chí"
    assert store.db["mention_spans"].get(1)["text"] == "Hương Sơn"


def test_evidence_is_the_sentence_holding_the_fact(store):
    start = TEXT.index("23/23")
    store.write(make_doc(facts=[Fact("unit_count", "439", start, start + 9, {"member": "commune"})]))
    assert store.db["unit_counts"].get(1)["evidence"] == "Toàn huyện có 23/23 xã đạt chuẩn NTM."


def test_the_same_article_again_is_unchanged(store):
    doc = make_doc()
    store.write(doc)
    assert store.status(doc._.article) == "unchanged"


def test_a_changed_article_replaces_its_facts(store):
    store.write(make_doc())
    changed = make_doc(text=TEXT + " Thêm một câu.", facts=[])
    assert store.status(changed._.article) == "updated"
    store.write(changed)
    assert count(store, "articles") == 1
    assert count(store, "criteria_counts") == 0
    assert store.db["articles"].get("a.txt")["text"].endswith("Thêm một câu.")


def test_a_crash_while_writing_leaves_the_old_article_whole(store, monkeypatch):
    store.write(make_doc())

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "fact_row", broken)
    with pytest.raises(RuntimeError):
        store.write(make_doc(text=TEXT + " Câu mới."))
    assert store.db["articles"].get("a.txt")["text"] == TEXT
    assert count(store, "criteria_counts") == 1
    assert count(store, "mention_spans") == 1


def test_same_text_under_two_keys_is_kept_and_marked(store):
    store.write(make_doc(key="a.txt"))
    store.write(make_doc(key="copy/a.txt"))
    assert count(store, "articles") == 2
    assert store.db["articles"].get("a.txt")["duplicate_of"] is None
    assert store.db["articles"].get("copy/a.txt")["duplicate_of"] == "a.txt"


def test_a_duplicate_that_changes_is_no_longer_marked(store):
    store.write(make_doc(key="a.txt"))
    store.write(make_doc(key="b.txt"))
    store.write(make_doc(key="b.txt", text=TEXT + " Khác."))
    assert store.db["articles"].get("b.txt")["duplicate_of"] is None


def test_a_rejection_is_recorded_and_cleared_once_the_file_reads(store):
    store.reject(Rejection("a.txt", "empty file"))
    store.reject(Rejection("crawl.jsonl", "not JSON", line=3))
    assert count(store, "rejections") == 2
    store.write(make_doc(key="a.txt"))
    assert [r["source"] for r in store.db["rejections"].rows] == ["crawl.jsonl"]


@pytest.mark.parametrize("query", ["Hương Sơn", "huong son", "HUONG SON", "về đích", "ve dich"])
def test_search_finds_words_with_or_without_diacritics(store, query):
    store.write(make_doc())
    assert [r["key"] for r in store.search(query)] == ["a.txt"]


@pytest.mark.parametrize("query", ["Hương Sởn", "Huong Son Tay", "Đức Thọ"])
def test_search_does_not_merge_distinct_words(store, query):
    store.write(make_doc())
    assert store.search(query) == []


def test_search_index_follows_updates_and_deletes(store):
    store.write(make_doc())
    store.write(make_doc(text="Xã Đức Lĩnh đạt chuẩn.", title="Đức Lĩnh", facts=[]))
    assert store.search("huong son") == []
    assert [r["key"] for r in store.search("duc linh")] == ["a.txt"]
    with store.db.atomic():
        store.delete("a.txt")
    assert store.search("duc linh") == []


def test_fold_drops_tone_marks_and_the_bar_of_d():
    assert fold("Đức Thọ, Hoà Hải") == "duc tho, hoa hai"


def test_units_are_named_on_the_map_of_the_article_date(store):
    store.write(make_doc(key="2021.txt", facts=[Fact("mention", "18568", 0, 5)]))
    store.write(make_doc(key="2025.txt", facts=[Fact("mention", "18568", 0, 5)], published="2025-10-17"))
    names = {r["source"]: (r["unit_name"], r["unit_2025"]) for r in store.db["mentions"].rows}
    assert names == {"2021.txt": ("Thị trấn Lộc Hà", "18568"), "2025.txt": ("Xã Lộc Hà", "18568")}
