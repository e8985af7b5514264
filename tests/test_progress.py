"""The progress facts, read from example sentences (tests/examples/progress.jsonl): each example is a
short article (a heading naming its unit, then the sentences) and every progress fact expected of it."""
import json
from pathlib import Path

import pytest

from corpus.article import Article
from extractors.criteria import read_list
from pipeline.process import process

EXAMPLES = Path(__file__).parent / "examples" / "progress.jsonl"
PUBLISHED = "2021-01-15"
KEYS = {
    "criteria_count": ("count_min", "count_max", "total", "status", "standard", "average_over"),
    "unit_count": ("member", "count_min", "count_max", "total", "percent", "status", "standard",
                   "criteria_min", "criteria_max"),
    "unit_status": ("standard", "status", "year"),
    "criterion_status": ("criterion", "status"),
}


def examples() -> list[dict]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def key(ftype: str, unit, fields: dict) -> tuple:
    return (ftype, unit, *(fields.get(name) for name in KEYS[ftype]))


def read(text: str, published: str = PUBLISHED) -> set[tuple]:
    doc = process(Article(key="example", text=text, published=published))
    return {key(f.type, f.unit, f.fields) for f in doc._.facts if f.type in KEYS}


@pytest.mark.parametrize("example", examples(), ids=lambda e: e["text"].split("\n", 1)[1][:60])
def test_example(example):
    expected = {key(f["type"], f["unit"], f) for f in example["facts"]}
    assert read(example["text"], example.get("published", PUBLISHED)) == expected


def test_enough_examples_of_each_type():
    counts = {ftype: 0 for ftype in KEYS}
    for example in examples():
        for ftype in {f["type"] for f in example["facts"]}:
            counts[ftype] += 1
    assert len(examples()) >= 120
    assert min(counts.values()) >= 15, counts


def test_a_fact_said_twice_is_one_fact():
    text = ("Huyện Cẩm Xuyên có thêm 2 xã đạt chuẩn NTM nâng cao\n"
            "Năm nay, huyện Cẩm Xuyên có thêm 2 xã đạt chuẩn NTM nâng cao là Cẩm Dương và Cẩm Nhượng.")
    doc = process(Article(key="twice", text=text, published=PUBLISHED))
    counts = [f for f in doc._.facts if f.type == "unit_count"]
    assert len(counts) == 1


def test_a_unit_has_one_status_per_standard():
    text = ("Huyện Thạch Hà\nCòn 2 xã chưa đạt chuẩn NTM là Thạch Hải và Thạch Lạc; cả 2 xã đều đã đạt "
            "20/20 tiêu chí, đang trình tỉnh thẩm định.")
    statuses = {(fact[1], fact[3]) for fact in read(text) if fact[0] == "unit_status"}
    assert statuses == {("18571", "pending"), ("18622", "pending")}


def test_a_sentence_cut_off_gives_no_half_fact():
    text = ("Huyện Hương Khê\nHuyện phấn đấu đến năm 2025 có thêm 5 xã đạt chuẩn NTM nâng cao, 3 xã đạt chuẩn "
            "NTM kiểu mẫu và trở thành huyện NTM nâng ca")
    found = read(text)
    assert ("unit_count", "444", "commune", 5, 5, None, None, "target", "nang_cao", None, None) in found
    assert not any(t == "unit_status" for t, *_ in found)


@pytest.mark.parametrize("text, codes", [
    ("quy hoạch, thủy lợi, điện; 3 tiêu chí", ["quy_hoach", "thuy_loi", "dien"]),
    ("giao thông, y tế - văn hóa – giáo dục và môi trường.", ["giao_thong", "y_te_van_hoa_giao_duc", "moi_truong"]),
    ("thủy lợi và phòng, chống thiên tai; điện", ["thuy_loi", "dien"]),
    ("tiêu chí nhà ở dân cư và tiêu chí lao động có việc làm", ["nha_o", "lao_dong"]),
    ("hệ thống chính trị - an ninh trật tự - hành chính công", ["he_thong_chinh_tri"]),
    ("chất lượng môi trường sống, khu dân cư mẫu", ["chat_luong_moi_truong_song", "khu_dan_cu_kieu_mau"]),
    ("thu nhập và hộ nghèo (tỷ lệ hộ nghèo còn 4%)", ["thu_nhap", "ho_ngheo"]),
    ("khó khăn về vốn", []),
])
def test_criterion_names(text, codes):
    assert [c.code for c in read_list(text, 0)] == codes
