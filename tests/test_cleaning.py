"""Cleaning: one Unicode form, one tone-mark convention, no page furniture, and the right title."""
import unicodedata

import pytest

from corpus import read_inputs, sample_corpus
from corpus.clean import clean_text, normalize, unify_tone_marks, without_diacritics
from corpus.titles import find_title, without_site_name

TONE_MARKS = [
    # written with the mark on the second vowel -> the samples' convention
    ("Hoà Hải", "Hòa Hải"),
    ("hoá học", "hóa học"),
    ("hoả hoạn", "hỏa hoạn"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("toạ đàm", "tọa đàm"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("xoè ra", "xòe ra"),
    ("thuỷ lợi", "thủy lợi"),
    ("Thuý Nga", "Thúy Nga"),
    ("tuỳ theo", "tùy theo"),
    ("luỹ kế", "lũy kế"),
    ("Thuỵ Hương", "Thụy Hương"),
    ("Uỷ ban", "Ủy ban"),
    ("HOÀ BÌNH", "HÒA BÌNH"),
    ("THUỶ LỢI", "THỦY LỢI"),
    ("hoà.", "hòa."),
    # already in the convention, or a syllable where both conventions agree: unchanged
    ("Hòa Hải", "Hòa Hải"),
    ("thủy lợi", "thủy lợi"),
    ("quý I", "quý I"),
    ("quỹ đất", "quỹ đất"),
    ("Quỳnh Lưu", "Quỳnh Lưu"),
    ("quà tặng", "quà tặng"),
    ("Huy Hoàng", "Huy Hoàng"),
    ("thuận lợi", "thuận lợi"),
    ("kế hoạch", "kế hoạch"),
    ("khoảng", "khoảng"),
    ("Huỳnh", "Huỳnh"),
    ("thuyền", "thuyền"),
    ("ngoài", "ngoài"),
    ("giỏi", "giỏi"),
    ("hoan nghênh", "hoan nghênh"),
    ("thuế", "thuế"),
]


@pytest.mark.parametrize(("written", "expected"), TONE_MARKS)
def test_one_tone_mark_convention(written, expected):
    assert unify_tone_marks(written) == expected


@pytest.mark.parametrize(("written", "expected"), TONE_MARKS)
def test_decomposed_input_ends_in_the_same_convention(written, expected):
    assert normalize(unicodedata.normalize("NFD", written)) == expected


def test_normalize_keeps_the_length_and_fixes_line_ends():
    text = "Xã Hoà Hải\r\nđạt chuẩn thuỷ lợi\rnăm 2021"
    assert normalize(text) == "Xã Hòa Hải\nđạt chuẩn thủy lợi\nnăm 2021"


def test_blank_lines_collapse_and_trailing_spaces_go():
    assert clean_text("Dòng một   \n\n\n\n  Dòng hai\t\n\n") == "Dòng một\n\n  Dòng hai"


NEWSPAPER_PAGE = """Xã Sơn Kim 1 về đích nông thôn mới nâng cao

(Baohatinh.vn) - Sau 2 năm nỗ lực, xã Sơn Kim 1 (huyện Hương Sơn) đã hoàn thành 19/19 tiêu chí nông thôn mới nâng cao.

son-kim-1_br_2-3301.jpg

Xã Sơn Kim 1 về đích nông thôn mới nâng cao

Sáng 3/6, UBND huyện Hương Sơn tổ chức hội nghị công bố xã Sơn Kim 1 đạt chuẩn nông thôn mới nâng cao năm 2022.

Đọc thêm: Hương Sơn ra quân làm đường giao thông

Toàn xã đã huy động hơn 26 tỷ đồng, trong đó nhân dân đóng góp 4,1 tỷ đồng.

Chủ đề Xây dựng nông thôn mới

Đọc thêm

Giá cà phê tăng kỷ lục

Giá cà phê tăng kỷ lục

Sáng nay giá cà phê trong nước lên 120.000 đồng/kg, cao nhất từ năm 2025.

Tin mới Emagazine Truyền hình Podcast"""


def test_newspaper_furniture_goes_and_the_article_stays():
    text = clean_text(NEWSPAPER_PAGE, "Xã Sơn Kim 1 về đích nông thôn mới nâng cao")
    assert text.count("Xã Sơn Kim 1 về đích nông thôn mới nâng cao") == 1
    assert text.startswith("Xã Sơn Kim 1 về đích")
    assert text.endswith("nhân dân đóng góp 4,1 tỷ đồng.")
    for furniture in (".jpg", "Đọc thêm", "Chủ đề", "cà phê", "2025", "Emagazine"):
        assert furniture not in text
    assert "Sáng 3/6, UBND huyện Hương Sơn" in text


PORTAL_PAGE = """Cổng thông tin - Giao tiếp điện tử
Huyện Vũ Quang
Loading...
Trang chủ | Tin tức | Xây dựng nông thôn mới
Vũ Quang có 9/9 xã đạt chuẩn nông thôn mới
Đăng ngày 14-03-2019 10:20
1.024 Lượt xem
Xem cỡ chữ
Chiều 13/3, huyện Vũ Quang tổ chức hội nghị tổng kết 8 năm xây dựng nông thôn mới giai đoạn 2011 - 2018; toàn huyện có 9/9 xã đạt chuẩn.
Hương Minh - Văn phòng Điều phối NTM huyện
BẢN ĐỒ HÀNH CHÍNH
Link gốc: http://vuquang.hatinh.gov.vn/tin-tuc/vu-quang-9-xa-ntm.html
Thêm ý kiến góp ý
Những tin cũ hơn
Huyện Vũ Quang tổ chức Tết trồng cây năm 2019 (10/02/2019)
Trang 1 2 3 Trang sau"""


def test_portal_chrome_goes_but_dates_and_bylines_stay():
    text = clean_text(PORTAL_PAGE)
    assert text.splitlines() == [
        "Vũ Quang có 9/9 xã đạt chuẩn nông thôn mới",
        "Đăng ngày 14-03-2019 10:20",
        "Chiều 13/3, huyện Vũ Quang tổ chức hội nghị tổng kết 8 năm xây dựng nông thôn mới giai đoạn "
        "2011 - 2018; toàn huyện có 9/9 xã đạt chuẩn.",
        "Hương Minh - Văn phòng Điều phối NTM huyện",
    ]


def test_a_site_clock_and_a_time_stamp_are_kept():
    text = clean_text("Thứ Hai, 16/06/2025\nHội nghị\n\n15:57 19/03/2021\nChiều 18/3, huyện Kỳ Anh họp.")
    assert "Thứ Hai, 16/06/2025" in text and "15:57 19/03/2021" in text


def test_a_menu_at_the_top_does_not_swallow_the_article():
    text = clean_text("Tin mới\nXã Kỳ Tây đạt chuẩn nông thôn mới năm 2021 sau nhiều năm nỗ lực của cấp ủy, "
                      "chính quyền và Nhân dân trong xã.")
    assert text.startswith("Xã Kỳ Tây đạt chuẩn")


def test_a_sentence_that_starts_like_a_label_is_kept():
    line = "Chủ đề của hội nghị năm nay là nâng chất các tiêu chí, nhất là môi trường."
    assert clean_text(line) == line


SHARED_PAGE = """Huyện Can Lộc về đích nông thôn mới nâng cao
Thứ Sáu, 12/05/2023 - 09:15
Chia sẻ bài viết
Facebook Twitter Zalo
(Baohatinh.vn) - Sáng 11/5, huyện Can Lộc tổ chức lễ đón bằng công nhận huyện đạt chuẩn nông thôn mới nâng cao năm 2022, trở thành huyện đầu tiên của tỉnh đạt chuẩn.
Huyện Can Lộc về đích nông thôn mới nâng cao
Chia sẻ kinh nghiệm, ông Lê Văn An cho biết huyện đã làm mới 120 km đường.
Thu Hà
Chia sẻ: Facebook Zalo
Bình luận (0)
Ý kiến của bạn
Trần Văn Bình - 13/05/2023 10:20
Huyện làm tốt quá.
Gửi bình luận
Tin cùng chuyên mục
Vũ Quang về đích"""


def test_share_buttons_and_the_comment_box_go():
    text = clean_text(SHARED_PAGE, "Huyện Can Lộc về đích nông thôn mới nâng cao")
    assert text.splitlines() == [
        "Huyện Can Lộc về đích nông thôn mới nâng cao",
        "Thứ Sáu, 12/05/2023 - 09:15",
        SHARED_PAGE.splitlines()[4],
        "Chia sẻ kinh nghiệm, ông Lê Văn An cho biết huyện đã làm mới 120 km đường.",
        "Thu Hà",
    ]


def test_a_toolbar_between_the_lead_and_the_body_does_not_cut_the_article():
    lead = "(Baohatinh.vn) - Sáng 11/5, huyện Can Lộc tổ chức lễ đón bằng công nhận huyện đạt chuẩn nông thôn mới nâng cao."
    body = "Theo báo cáo, tổng nguồn lực huy động giai đoạn 2021 - 2022 đạt hơn 1.200 tỷ đồng."
    assert clean_text(f"{lead}\nBình luận (2)\nChia sẻ\n{body}") == f"{lead}\n{body}"


@pytest.mark.parametrize("line", [
    "Theo dõi Báo Hà Tĩnh trên Google News", "Về đầu trang", "Nghe đọc bài báo 0:00 / 5:30", "Facebook Zalo Email",
    "© Bản quyền thuộc về Báo Hà Tĩnh", "Copyright © 2023 Báo Hà Tĩnh", "Chia sẻ: Facebook Zalo", "Bình luận (3)",
])
def test_page_widgets_are_furniture(line):
    assert clean_text(f"{line}\nXã Kỳ Tây đạt chuẩn nông thôn mới.") == "Xã Kỳ Tây đạt chuẩn nông thôn mới."


@pytest.mark.parametrize("line", [
    "Theo dõi sát tình hình, huyện đã chỉ đạo các xã trên Facebook và Zalo.",
    "Quay lại với câu chuyện làm đường, ông Lê Văn An cho biết thôn đã hiến 2.000 m2 đất.",
    "Chia sẻ kinh nghiệm, ông Lê Văn An cho biết huyện đã làm mới 120 km đường.",
    "Nguồn: baohatinh.vn", "Tin, ảnh: Thu Hà",
])
def test_sentences_like_widgets_are_kept(line):
    assert clean_text(line) == line


def test_a_caption_that_repeats_the_title_goes_even_when_the_title_is_not_in_the_text():
    body = "Chiều 28/12, huyện Kỳ Anh tổ chức hội nghị công bố 3 xã đạt chuẩn nông thôn mới năm 2021 gồm Kỳ Tây, Kỳ Hợp."
    text = clean_text(f"{body}\nKỳ Anh công bố 3 xã đạt chuẩn\nHuyện phấn đấu về đích.", "Kỳ Anh công bố 3 xã đạt chuẩn")
    assert text == f"{body}\nHuyện phấn đấu về đích."


TITLES = [
    ("Cẩm Xuyên có thêm 4 xã đạt chuẩn\n\nSáng 25/12, huyện họp.", "Cẩm Xuyên có thêm 4 xã đạt chuẩn"),
    ("Cẩm Xuyên có thêm 4 xã đạt chuẩn\n08:42 24/12/2018\nSáng 25/12, huyện họp.",
     "Cẩm Xuyên có thêm 4 xã đạt chuẩn"),
    ("Cẩm Xuyên có thêm 4 xã đạt chuẩn\n(Baohatinh.vn) - Sáng 25/12, huyện họp.",
     "Cẩm Xuyên có thêm 4 xã đạt chuẩn"),
    ("\n\nKỳ Anh đón Bằng công nhận\n\nSáng 5/1, huyện họp.", "Kỳ Anh đón Bằng công nhận"),
    # portal name, site clock, breadcrumb, tag page, caption glued to the body, mid-sentence start
    ("Cổng thông tin điện tử huyện Can Lộc\nCan Lộc đạt chuẩn\n\nSáng 2/3, huyện họp.", None),
    ("Thứ ba, 13/05/2025 09:17\nCan Lộc đạt chuẩn\n\nSáng 2/3, huyện họp.", None),
    ("Trang chủ | Tin tức\nCan Lộc đạt chuẩn\n\nSáng 2/3, huyện họp.", None),
    ("Tag: nông thôn mới Can Lộc\n\nCan Lộc đạt chuẩn\n15/03/2022\nSáng 2/3, huyện họp.", None),
    ("Quang cảnh hội nghị\nSáng 2/3, huyện Can Lộc tổ chức hội nghị sơ kết.", None),
    ("nên tiến độ có phần chậm lại.\n\nSáng 2/3, huyện Can Lộc tổ chức hội nghị.", None),
    ("", None),
    ("CAN LỘC: NHIỀU XÃ VỀ ĐÍCH SỚM\n\nSáng 2/3, huyện họp.", "CAN LỘC: NHIỀU XÃ VỀ ĐÍCH SỚM"),
]


@pytest.mark.parametrize(("text", "title"), TITLES, ids=range(len(TITLES)))
def test_the_first_line_is_the_title_only_when_it_is_a_headline(text, title):
    assert find_title(text) == title


@pytest.mark.parametrize(("title", "headline"), [
    ("Cẩm Xuyên có thêm 3 xã đạt chuẩn - Báo Hà Tĩnh", "Cẩm Xuyên có thêm 3 xã đạt chuẩn"),
    ("Sơn Tây về đích | Cổng thông tin điện tử huyện Hương Sơn", "Sơn Tây về đích"),
    ("Vũ Quang về đích - nongthonviet.example.vn", "Vũ Quang về đích"),
    ("Hạn hán ở Hương Khê - Báo động đỏ", "Hạn hán ở Hương Khê - Báo động đỏ"),
    ("Sơ kết 6 tháng - Báo cáo của huyện", "Sơ kết 6 tháng - Báo cáo của huyện"),
    ("Báo Hà Tĩnh", "Báo Hà Tĩnh"),
])
def test_a_page_title_loses_the_site_name(title, headline):
    assert without_site_name(title) == headline


@pytest.fixture(scope="module")
def samples():
    return {article.key: article for article in read_inputs([sample_corpus()])}


@pytest.mark.parametrize("furniture", ["Đọc thêm", "Chủ đề", "Tin mới Emagazine", "Những tin", "Kỳ họp thứ 9",
                                       "Quốc hội", "Các Mác", "\n\n\n", " \n"])
def test_no_furniture_survives_in_the_samples(samples, furniture):
    assert all(furniture not in article.text for article in samples.values())


def test_captions_that_repeat_the_title_are_gone(samples):
    for article in samples.values():
        if article.title:
            assert [line for line in article.text.splitlines() if line == article.title] == [article.title]
            assert article.text.startswith(article.title)


def test_sample_titles(samples):
    assert samples["000_420319dbe382df1c.txt"].title == (
        "Hương Sơn phấn đấu đạt chuẩn huyện nông thôn mới vào quý II/2021")
    assert samples["002_6a7bd50ccbc2ab37.txt"].title.startswith("Ban chỉ đạo Chương trình mục tiêu quốc gia")
    assert samples["003_4fada2e0cde18dd7.txt"].title is None  # begins with a photo caption


def test_sample_body_dates_and_authors_are_kept(samples):
    assert "15:57 19/03/2021" in samples["002_6a7bd50ccbc2ab37.txt"].text
    assert samples["002_6a7bd50ccbc2ab37.txt"].text.endswith("Thúy Nga, Anh Đức")
    assert samples["003_4fada2e0cde18dd7.txt"].text.endswith("Theo Bích Liên/canloc.gov.vn")
    assert samples["001_ef1e19b7699c289d.txt"].text.endswith("100% số xã ở huyện Hương Khê đạt chuẩn NTM.")


def test_sample_texts_are_clean_and_final(samples):
    for article in samples.values():
        assert article.text == unicodedata.normalize("NFC", article.text)
        assert article.text == clean_text(article.text, article.title)  # cleaning again changes nothing
        assert "\r" not in article.text


@pytest.mark.parametrize(("text", "typed"), [
    ("Đức Thọ", "duc tho"), ("Hoà Hải, thuỷ lợi", "hoa hai, thuy loi"), ("ĐẠT CHUẨN", "dat chuan"),
])
def test_without_diacritics_is_what_a_user_types(text, typed):
    assert without_diacritics(text) == typed
