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


@pytest.mark.parametrize("text, words, units", [
    # a bare level word asked to act is the unit of that level in focus
    ("Thị xã Kỳ Anh đẩy nhanh giải ngân\nBí thư Tỉnh ủy làm việc với thị xã Kỳ Anh. Bí thư Tỉnh ủy đề nghị thị xã "
     "giải ngân hết vốn trước ngày 31/1/2025, đồng thời đề nghị xã Kỳ Hoa hoàn thành các tiêu chí.", "giải ngân hết",
     ["449"]),
    ("Thị xã Kỳ Anh đẩy nhanh giải ngân\nBí thư Tỉnh ủy đề nghị thị xã giải ngân hết vốn, đồng thời đề nghị xã Kỳ Hoa "
     "hoàn thành các tiêu chí trước ngày 30/6.", "hoàn thành các", ["18829"]),
    ("Huyện Hương Sơn họp bàn\nXã Sơn Tây đã đạt 15 tiêu chí. Chủ tịch UBND tỉnh yêu cầu huyện hoàn thành 9/9 tiêu chí.",
     "hoàn thành 9/9", ["439"]),
    # the one commune a title names is the commune in focus however far back it was named
    ("Xã Hải Phong về đích\nXã Hải Phong, huyện Hải Lăng đã đạt 17/19 tiêu chí. Năm nay huyện Hải Lăng tập trung "
     "nguồn lực. Các thôn đã làm đường. Người dân hiến đất.\nChủ tịch UBND huyện Hải Lăng đề nghị xã hoàn thành các "
     "tiêu chí trước ngày 15/11.", "hoàn thành các", ["19726"]),
    ("Hải Lăng dồn sức cho nông thôn mới\nNăm nay, huyện Hải Lăng tập trung nguồn lực cho xã Hải Phong.\nHuyện đã "
     "làm 20 km đường. Các thôn đã làm nhà văn hóa. Người dân hiến đất.\nHuyện yêu cầu xã hoàn thành các tiêu chí "
     "trước ngày 15/11.", "hoàn thành các", ["19726"]),
    # so is the unit of someone speaking for it, bare: "ông P - Chủ tịch UBND xã, ..."
    ("Xã Hải Phong về đích\nXã Hải Phong, huyện Hải Lăng đã đạt 17/19 tiêu chí. Năm nay huyện Hải Lăng tập trung "
     "nguồn lực. Các thôn đã làm đường.\nTheo ông Lê Văn P - Chủ tịch UBND xã, tổng kinh phí là 18 tỷ đồng.", "18 tỷ",
     ["19726"]),
    ("Xã Hải Phong về đích\nNăm nay huyện Hải Lăng tập trung nguồn lực cho xã Hải Phong. Các thôn đã làm đường. "
     "Người dân hiến đất.\nÔng Lê Văn P, Chủ tịch UBND xã cho biết đã huy động 2 tỷ đồng.", "2 tỷ", ["19726"]),
    # a province's leader, bare, is not taken for the province
    ("Huyện Hương Sơn họp bàn\nChủ tịch UBND tỉnh, ông Võ Trọng H đề nghị hoàn thành trước ngày 30/6.", "hoàn thành",
     ["439"]),
    # "chúng tôi", "địa phương" in a quote: the unit of its speaker, named before the quote
    ("Bố Trạch nỗ lực về đích\nHuyện Bố Trạch đã có 20 xã đạt chuẩn.\nTheo Chủ tịch UBND xã Hoàn Trạch, năm nay xã "
     "đạt thêm 2 tiêu chí. \"Chúng tôi đã được hỗ trợ 800 triệu đồng; địa phương quyết tâm về đích trong tháng 11\", "
     "ông nói.", "800 triệu", ["19111"]),
    ("Bố Trạch nỗ lực về đích\nHuyện Bố Trạch đã có 20 xã đạt chuẩn.\nTheo Chủ tịch UBND xã Hoàn Trạch, năm nay xã "
     "đạt thêm 2 tiêu chí. \"Chúng tôi đã được hỗ trợ 800 triệu đồng; địa phương quyết tâm về đích trong tháng 11\", "
     "ông nói.", "về đích trong", ["19111"]),
    ("Bố Trạch nỗ lực về đích\nHuyện Bố Trạch đã có 20 xã đạt chuẩn.\nÔng Nguyễn Văn A, Chủ tịch UBND xã Hoàn Trạch "
     "cho biết thêm.\n\"Chúng tôi đã được hỗ trợ 800 triệu đồng. Địa phương quyết tâm về đích trong năm nay\", ông nói.",
     "về đích trong", ["19111"]),
    # ... or after it
    ("Hương Sơn tăng tốc\nHuyện Hương Sơn đã có 20 xã đạt chuẩn.\n\"Chúng tôi đã huy động 5 tỷ đồng\", Bí thư Đảng ủy "
     "xã Sơn Tây cho biết.", "5 tỷ", ["18172"]),
    ("Hương Sơn tăng tốc\nBí thư Huyện ủy Hương Sơn dự hội nghị.\n\"Chúng tôi đã huy động 5 tỷ đồng\", Chủ tịch UBND "
     "xã Sơn Tây nói.", "5 tỷ", ["18172"]),
    # outside a quote, or with no speaker named, a first person names no unit
    ("Huyện Hương Sơn họp bàn\nXã Sơn Tây đạt 15 tiêu chí.\nCác địa phương đã huy động 4 tỷ đồng.", "4 tỷ", ["439"]),
    ("Huyện Hương Sơn họp bàn\nXã Sơn Tây đạt 15 tiêu chí.\n\"Chúng tôi đã huy động 4 tỷ đồng\", một người dân nói.",
     "4 tỷ", ["439"]),
    # "trên địa bàn huyện" says whose a total is when nothing else in the clause is its subject
    ("Huyện Đức Thọ tổng kết\nXã Trường Sơn đã về đích. Tổng vốn đầu tư trên địa bàn huyện hơn 2.100 tỷ đồng.",
     "2.100", ["440"]),
    ("Huyện Đức Thọ tổng kết\nXã Trường Sơn đã đạt 19 tiêu chí, là xã dẫn đầu trên địa bàn huyện với 30 tỷ đồng.",
     "30 tỷ", ["18244"]),
    # a province before a colon in the title only says where the title's unit lies
    ("Quảng Ngãi: Huyện Tư Nghĩa đạt chuẩn nông thôn mới\nNgày 10/5, UBND tỉnh tổ chức lễ công bố.\nĐến nay đã đạt "
     "9/9 tiêu chí.", "9/9", ["528"]),
    ("Hà Tĩnh: Huyện Thạch Hà đạt chuẩn nông thôn mới\nĐến nay đã đạt 9/9 tiêu chí.", "9/9", ["445"]),
    ("Hà Tĩnh: Thạch Hà về đích\nĐến nay đã đạt 9/9 tiêu chí.", "9/9", ["445"]),
    # with no unit after the colon, the one before it is the title's
    ("Xã Sơn Tây: Nỗ lực về đích\nHuyện Hương Sơn đã có 20 xã đạt chuẩn.\nĐến nay đã đạt 17/19 tiêu chí.", "17/19",
     ["18172"]),
    # a province the title opens with, no colon, is still named in the title
    ("Hà Tĩnh có thêm huyện Thạch Hà đạt chuẩn\nĐến nay cả tỉnh Hà Tĩnh đã có 5 huyện đạt chuẩn.", "5 huyện", ["42"]),
    # a budget names who funds, not whose it is
    ("Xã Sơn Tây đạt chuẩn\nXã Sơn Tây đạt 19/19 tiêu chí. Tổng kinh phí 30 tỷ đồng, trong đó ngân sách tỉnh 5 tỷ "
     "đồng, NS tỉnh hỗ trợ 2 tỷ, vốn ngân sách huyện 3 tỷ đồng.", "2 tỷ", ["18172"]),
    ("Xã Sơn Tây đạt chuẩn\nXã Sơn Tây đạt 19/19 tiêu chí. Tổng kinh phí 30 tỷ đồng, trong đó NS tỉnh hỗ trợ 2 tỷ, "
     "vốn ngân sách huyện 3 tỷ đồng.", "3 tỷ", ["18172"]),
])
def test_subject_units_of_fresh_articles(text, words, units):
    doc = doc_of(text)
    assert subject_units(doc, at(doc, words)) == units
