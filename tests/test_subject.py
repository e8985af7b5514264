"""Which unit a fact is about (extractors.subject), on short articles of my own."""
import pytest

from corpus.article import Article
from extractors.subject import main_unit, references, subject_units
from pipeline.process import process


def doc_of(text: str, published: str = "2021-01-15"):
    return process(Article(key="subject", text=text, published=published))


def at(doc, words: str) -> int:
    return doc.text.index(words)


def test_main_unit_is_the_district_the_article_is_about():
    doc = doc_of("Huyện Kỳ Anh tổng kết năm\nCác xã Kỳ Tây, Kỳ Lạc và Kỳ Xuân được đỡ đầu; xã Kỳ Tây còn khó khăn.")
    assert main_unit(doc) == "447"


def test_main_unit_counts_a_commune_for_its_district_of_the_time():
    doc = doc_of("Lộc Hà sơ kết\nCác xã Thạch Kim, Hộ Độ, Thịnh Lộc đều có chuyển biến.", published="2014-08-08")
    assert main_unit(doc) == "448"


def test_on_a_tie_the_main_unit_is_the_more_specific_one():
    doc = doc_of("Huyện Thạch Hà huy động nguồn lực\nCả tỉnh Hà Tĩnh đã tổng kết năm.")
    assert main_unit(doc) == "445"


def test_an_article_about_the_whole_country_has_no_main_unit():
    doc = doc_of("Cả nước có hơn 51% số xã đạt chuẩn\nNgày 17/7, tại Hà Nội, Ban Chỉ đạo Trung ương họp sơ kết.")
    assert main_unit(doc) is None


@pytest.mark.parametrize("text, words, units", [
    # a unit named before the fact in its clause
    ("Tin huyện\nHuyện Vũ Quang hiện đã đạt 7/9 tiêu chí.", "7/9", ["441"]),
    # a list is one reference: every unit of it
    ("Tin huyện\nCác xã Sơn Tiến, Sơn Lâm và Sơn Lễ đạt 18/19 tiêu chí.", "18/19", ["18142", "18145", "18148"]),
    # a name in parentheses says where the one before it lies; it is not the subject
    ("Tin huyện\nXã Ân Phú (huyện Vũ Quang) đạt 14/19 tiêu chí.", "14/19", ["18316"]),
    # "toàn huyện" is the district in focus
    ("Huyện Đức Thọ tổng kết\nNăm 2016, toàn huyện có thêm 5 xã đạt chuẩn.", "thêm 5", ["440"]),
    # the country is no unit
    ("Huyện Hương Khê\nCả nước có 4.000 xã đạt chuẩn NTM.", "4.000", []),
    # a bare "xã" is the commune named just before
    ("Huyện Can Lộc\nXã Thiên Lộc đạt 17/19 tiêu chí. Xã phấn đấu về đích trong năm nay.", "về đích", ["18415"]),
    # no unit in the sentence: the previous sentence's subject
    ("Huyện Hương Sơn\nXã Sơn Giang đã đạt 15 tiêu chí. Trong đó, tiêu chí giao thông hoàn thành sớm.", "tiêu chí giao",
     ["18157"]),
    # a name after a comma that holds the one before says where it lies; it is not the subject
    ("Tin tỉnh\nUBND tỉnh công bố xã Thạch Kênh, huyện Thạch Hà đạt chuẩn NTM.", "đạt chuẩn", ["18586"]),
    # "cùng với X, Y ...": X is set apart, Y is the subject
    ("Huyện Hương Sơn\nCùng với Sơn Giang, xã Sơn Kim 1 cũng đã đạt 18/19 tiêu chí.", "18/19", ["18196"]),
    # a list item is about the unit a line of its own names above the items
    ("Tỉnh Hà Tĩnh\nKết quả như sau:\nHuyện Hương Khê:\n- 15/21 xã đạt chuẩn;\n- 2 xã đạt chuẩn nâng cao.", "2 xã",
     ["444"]),
    ("Huyện Can Lộc\nXã Thiên Lộc:\n+ Đạt 19/19 tiêu chí.", "19/19", ["18415"]),
    # nothing named nearby: the article's unit
    ("Huyện Cẩm Xuyên tổng kết năm\nHội nghị đánh giá cao kết quả.\nĐến nay đã đạt 6/9 tiêu chí.", "6/9", ["446"]),
])
def test_subject_units(text, words, units):
    doc = doc_of(text)
    assert subject_units(doc, at(doc, words)) == units


def test_a_count_of_communes_is_about_the_unit_above_them():
    doc = doc_of("Tin tổng hợp\nXã Sơn Tây có 8 thôn; toàn huyện Hương Sơn có 20 xã đạt chuẩn.")
    assert subject_units(doc, at(doc, "20 xã"), above="commune") == ["439"]


def test_the_level_asked_for():
    doc = doc_of("Huyện Nghi Xuân\nXã Xuân Viên đạt chuẩn NTM kiểu mẫu, góp phần để huyện đạt 9/9 tiêu chí.")
    assert subject_units(doc, at(doc, "9/9"), level="district") == ["442"]


def test_back_reference_to_the_group_last_named():
    doc = doc_of("Huyện Hương Khê\nCòn 2 xã Điền Mỹ và Hà Linh chưa đạt chuẩn. Hai xã này đã đạt 17/19 tiêu chí.")
    backrefs = [r for r in references(doc) if r.kind == "backref"]
    assert [r.units for r in backrefs] == [["18499", "18502"]]


def test_words_that_are_not_the_unit_in_focus():
    doc = doc_of("Huyện Đức Thọ\nUBND tỉnh, Huyện ủy và các xã tổ chức hội nghị; an ninh trật tự xã hội ổn định.")
    assert not [r for r in references(doc) if r.kind == "level"]
