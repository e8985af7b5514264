"""Readers: one per format; bad input gives one Rejection with its reason, never an exception."""
import gzip
import io
import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corpus import Article, Rejection, find_inputs, read_file, read_inputs, sample_corpus

DATA = Path(__file__).parent / "data"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def read(path: Path) -> list:
    return list(read_file(path, path.name))


def read_one(path: Path):
    items = read(path)
    assert len(items) == 1
    return items[0]


def cp1258(text: str) -> bytes:
    """Windows-1258 has letters with their vowel marks but tone marks only as combining characters."""
    encoded = b""
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        encoded += (base + "".join(c for c in decomposed if c in TONES)).encode("cp1258")
    return encoded


# --- plain text ---------------------------------------------------------------------------------

def test_the_samples_are_read_as_articles():
    articles = list(read_inputs([sample_corpus()]))
    assert [a.key for a in articles] == sorted(p.name for p in sample_corpus().glob("*.txt"))
    assert all(isinstance(a, Article) and a.format == "txt" and a.encoding == "utf-8" for a in articles)
    assert all(a.published is None and a.url is None for a in articles)


def test_a_text_file_is_cleaned_and_titled(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Xã Hoà Hải đạt chuẩn\r\n\r\nXã Hoà Hải đạt 19/19 tiêu chí thuỷ lợi.\r\n\r\nĐọc thêm\r\n"
                    "Tin khác", encoding="utf-8")
    article = read_one(path)
    assert article.title == "Xã Hòa Hải đạt chuẩn"
    assert article.text == "Xã Hòa Hải đạt chuẩn\n\nXã Hòa Hải đạt 19/19 tiêu chí thủy lợi."


def test_a_windows_1258_file_is_decoded_and_flagged(tmp_path):
    path = tmp_path / "cu.txt"
    body = "Xã Hương Thủy đạt 20/20 tiêu chí, “về đích” sớm – ước 1,2 tỷ."
    path.write_bytes(cp1258(f"Hương Khê đạt chuẩn\n\n{body}"))
    article = read_one(path)
    assert article.encoding == "cp1258"
    assert article.title == "Hương Khê đạt chuẩn"
    assert article.text.endswith(body)


def test_a_byte_order_mark_is_not_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("Tiêu đề\n\nNội dung bài.".encode("utf-8-sig"))
    assert read_one(path).text == "Tiêu đề\n\nNội dung bài."


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (b"  \n\n\t\n", "empty file"),
    (b"Ti\xc3\xaau \x00\x01\x02\x03 \xff\xfe", "binary file (NUL bytes)"),
    (b"Xin ch\x81o \x8a\x8d\x8e", "undecodable: neither UTF-8 nor Windows-1258"),
    ("Xã Hương Bình đạt chuẩn nông thôn mới".encode() + b"\xff\xfe" + "năm 2022".encode(),
     "invalid UTF-8: byte 0xff at offset"),
    ("Chủ đề Xây dựng nông thôn mới\nĐọc thêm\n".encode(), "no article text left after removing page furniture"),
], ids=["empty", "blank", "binary", "undecodable", "damaged-utf8", "only-furniture"])
def test_bad_text_files_are_rejected_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    rejection = read_one(path)
    assert isinstance(rejection, Rejection)
    assert rejection.key == "bad.txt"
    assert rejection.reason.startswith(reason)


# --- saved pages --------------------------------------------------------------------------------

def test_a_saved_news_page_gives_its_text_and_metadata():
    article = read_one(DATA / "baohatinh_page.html")
    assert article.format == "html"
    assert article.title == "Can Lộc có thêm 2 xã đạt chuẩn nông thôn mới nâng cao"
    assert article.url == ("https://baohatinh.vn/"
                           "can-loc-co-them-2-xa-dat-chuan-nong-thon-moi-nang-cao-post251234.html")
    assert article.published == "2023-11-08"
    assert article.published_inferred is False
    assert "xã Thượng Lộc đạt 19/19 tiêu chí NTM nâng cao" in article.text
    assert "Thùy Dương" not in article.title
    for furniture in ("Đọc thêm", "Kỳ họp thứ 9", "Giá lợn hơi", "Giấy phép", "Đăng nhập", "Emagazine",
                      "Chủ đề", "20/05/2024"):
        assert furniture not in article.text


def test_the_site_clock_is_not_the_date_of_the_page(tmp_path):
    html = (DATA / "baohatinh_page.html").read_text(encoding="utf-8")
    for metadata in ('<meta property="article:published_time" content="2023-11-08T15:42:00+07:00">',
                     '"datePublished": "2023-11-08T15:42:00+07:00", "dateModified": "2023-11-09T08:10:00+07:00",',
                     '<time datetime="2023-11-08T15:42:00+07:00">15:42 08/11/2023</time>'):
        assert metadata in html
        html = html.replace(metadata, "")
    path = tmp_path / "undated.htm"
    path.write_text(html, encoding="utf-8")
    article = read_one(path)
    assert "Thứ Hai, 20/05/2024" in html
    assert article.published is None


@pytest.mark.parametrize("html", [
    "<html><head><title>Trang lỗi</title></head><body><script>var a = 1;</script></body></html>",
    "<<<>>> </div></p><td",
    "<html><body><div><p></div></span></body",
])
def test_html_without_article_text_is_rejected(tmp_path, html):
    path = tmp_path / "broken.html"
    path.write_text(html, encoding="utf-8")
    assert read_one(path) == Rejection("broken.html", "no article text found in the HTML")


def paragraphs(html: str, title: str) -> list[str]:
    """The body paragraphs of a test page: its <p> elements of more than a few words, but captions."""
    from lxml import html as lxml_html
    tree = lxml_html.fromstring(html)
    texts = [" ".join(p.text_content().split()) for p in tree.xpath(
        "//article//p | //div[@class='body' or @class='detail-content' or @class='article-body']/p")]
    return [t for t in texts if len(t.split()) > 5 and t != title]


# What each page of another layout must give: title, date, url, and furniture that must go.
LAYOUTS = [
    ("national_page.html", "Hà Tĩnh: Huyện miền núi cán đích nông thôn mới sau 12 năm", "2023-03-14",
     "https://nongthonviet.example.vn/ha-tinh-huyen-mien-nui-can-dich-12345.html",
     ["Trang chủ", "Chia sẻ", "Facebook", "Zalo", "Tin liên quan", "Hương Khê đặt mục tiêu", "Từ khóa",
      "In bài", "Giấy phép", "20/11/2026", "Báo Nông thôn Việt"]),
    ("portal_page.html", "Xã Sơn Tây tổ chức lễ đón bằng công nhận đạt chuẩn nông thôn mới nâng cao", "2023-05-12",
     None, ["CỔNG THÔNG TIN", "DANH MỤC", "LIÊN KẾT", "VĂN BẢN MỚI", "Quyết định số 120", "THỐNG KÊ",
            "truy cập", "Các tin khác", "Sơn Kim 1 ra quân", "In bài", "Cơ quan chủ quản", "|  |"]),
    ("site_title_page.html", "Cẩm Xuyên có thêm 3 xã đạt chuẩn nông thôn mới nâng cao", "2022-12-21", None,
     ["Báo Hà Tĩnh", "BAOHATINH.VN", "Chia sẻ", "Chính trị", "Cơ quan của Đảng bộ"]),
    ("comments_page.html", "Thạch Hà: Người dân hiến hơn 20.000 m2 đất làm đường", "2021-08-06", None,
     ["Ý kiến bạn đọc", "Gửi bình luận", "Họ tên", "Trần Văn Hải", "mong các xã khác", "Tin cùng chuyên mục",
      "Can Lộc: Ra quân", "Chia sẻ", "Bản quyền"]),
    ("related_inside_page.html", "Kỳ Anh công bố 3 xã đạt chuẩn", "2021-12-28", None,
     ["Báo Hà Tĩnh", "Thích", "Chia sẻ", "Tin cùng chuyên mục", "Cẩm Xuyên ra quân", "Lộc Hà về đích", "Bình luận",
      "Chúc mừng"]),
]


@pytest.mark.parametrize(("name", "title", "published", "url", "furniture"), LAYOUTS, ids=[l[0] for l in LAYOUTS])
def test_pages_of_other_layouts_keep_the_article_and_only_it(name, title, published, url, furniture):
    article = read_one(DATA / name)
    assert (article.title, article.published, article.url) == (title, published, url)
    lines = article.text.split("\n")
    for paragraph in paragraphs((DATA / name).read_text(encoding="utf-8"), title):
        assert paragraph in lines
    for words in furniture:
        assert words not in article.text
    assert lines.count(title) <= 1  # a caption that repeats the title goes


BYLINE_PAGE = """<html><head><title>Kỳ Tây về đích - Báo Hà Tĩnh</title></head><body>
<div class="clock">Thứ Hai, 20/11/2026</div><fb:like href="x"></fb:like>
<h1>Kỳ Tây về đích</h1><div>{byline}</div>
<p>Chiều 13/3, UBND huyện Kỳ Anh tổ chức lễ đón nhận bằng công nhận xã Kỳ Tây đạt chuẩn nông thôn mới năm 2022.</p>
<p>Toàn xã đã huy động hơn 30 tỷ đồng để xây dựng nông thôn mới, trong đó nhân dân đóng góp 5 tỷ đồng.</p>
<div>Tin cùng chuyên mục</div><div>21/11/2026</div></body></html>"""


@pytest.mark.parametrize(("byline", "published"), [
    ("Thứ Ba, 14/03/2023 08:30", "2023-03-14"),
    ("<span>Minh Anh</span> <time>14/03/2023 08:30</time>", "2023-03-14"),
    ("Minh Anh", None),  # neither the clock above the headline nor a date below the body
])
def test_a_page_without_metadata_is_dated_by_the_byline_under_its_headline(tmp_path, byline, published):
    path = tmp_path / "page.html"
    path.write_text(BYLINE_PAGE.format(byline=byline), encoding="utf-8")
    article = read_one(path)
    assert (article.title, article.published) == ("Kỳ Tây về đích", published)


def test_a_data_table_stays_a_table_and_a_layout_table_goes():
    data = read_one(DATA / "related_inside_page.html")
    assert "| Kỳ Tây | 19/19 |" in data.text.splitlines()
    portal = read_one(DATA / "portal_page.html")
    assert not any(line.startswith("|") for line in portal.text.splitlines())


# --- crawl records ------------------------------------------------------------------------------

def test_crawl_records_are_read_line_by_line():
    items = read(DATA / "crawl.jsonl")
    articles = [item for item in items if isinstance(item, Article)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [a.key for a in articles] == ["https://baohatinh.vn/thach-ha-3-xa-nang-cao-post1001.html",
                                         "https://camxuyen.hatinh.gov.vn/tin-tuc/cam-xuyen-so-ket-ntm-2016.html"]
    from_html, from_text = articles
    assert from_html.title == "Thạch Hà có thêm 3 xã đạt chuẩn nông thôn mới nâng cao"
    assert from_html.published == "2022-12-20"
    assert from_html.url == from_html.key
    assert "Nhân dân đóng góp 7,5 tỷ đồng" in from_html.text and "Trang chủ" not in from_html.text
    assert from_text.title == "Cẩm Xuyên sơ kết 6 tháng xây dựng nông thôn mới"
    assert from_text.published == "2016-07-12"
    assert from_text.text.endswith("bình quân đạt 15,2 tiêu chí/xã.")
    assert all(a.format == "jsonl" for a in articles)
    assert [(r.key, r.line, r.reason) for r in rejections] == [
        ("crawl.jsonl", 3, "not JSON: Expecting ',' delimiter"),
        ("crawl.jsonl", 4, "record has no url"),
        ("crawl.jsonl", 5, "record has no html or text"),
        ("crawl.jsonl", 7, "not a JSON object"),
    ]
    assert str(rejections[0]) == "crawl.jsonl: line 3: not JSON: Expecting ',' delimiter"


def test_a_crawl_with_good_and_bad_records_of_other_shapes():
    items = read(DATA / "crawl_mixed.jsonl")
    articles = [item for item in items if isinstance(item, Article)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [(a.title, a.published) for a in articles] == [
        ("Hương Khê đón bằng công nhận huyện đạt chuẩn nông thôn mới", "2023-09-02"),  # site name dropped
        ("Xã Sơn Tây về đích", "2023-05-12"),                                          # title on one line, Unix time
        ("Xã Sơn Tây tổ chức lễ đón bằng công nhận đạt chuẩn nông thôn mới nâng cao", "2023-05-12"),
    ]
    assert "Vũ Quang về đích" not in articles[0].text
    assert articles[0].text.count("Hương Khê đón bằng") == 1
    assert "LIÊN KẾT WEBSITE" not in articles[2].text and "Sáng 11/5, UBND xã Sơn Tây" in articles[2].text
    assert [(r.line, r.reason.split(":")[0]) for r in rejections] == [
        (3, "record has no url"), (4, "record has no html or text"), (5, "not JSON"), (6, "not a JSON object")]


@pytest.mark.parametrize(("published", "expected"), [
    ("2016-07-12T08:00:00+07:00", "2016-07-12"), ("20/10/2025 10:15", "2025-10-20"), ("31/02/2020", None),
    (1683849600, "2023-05-12"), (1683849600000, "2023-05-12"), (1683824400, "2023-05-12"),  # 00:00 in Vietnam
    (True, None), (10 ** 20, None), ([2023, 5, 12], None),
])
def test_a_record_date_is_read_as_an_iso_date(tmp_path, published, expected):
    path = tmp_path / "c.jsonl"
    record = {"url": "https://example.vn/a", "text": "Tiêu đề\n\nBài viết.", "published": published}
    path.write_text(json.dumps(record), encoding="utf-8")
    assert read_one(path).published == expected


def test_a_text_record_without_a_title_gets_one_from_its_text(tmp_path):
    path = tmp_path / "c.jsonl"
    record = {"url": "https://example.vn/a", "text": "Kỳ Anh về đích\n\nHuyện Kỳ Anh đạt 9/9 tiêu chí.",
              "published": "không rõ"}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    article = read_one(path)
    assert (article.title, article.published) == ("Kỳ Anh về đích", None)


def test_a_record_whose_page_has_no_text_is_rejected_with_its_line(tmp_path):
    path = tmp_path / "c.jsonl"
    records = [{"url": "https://example.vn/a", "html": "<html><body><script>x()</script></body></html>"},
               {"url": "https://example.vn/b", "text": "Tiêu đề\n\nBài viết đầy đủ."}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    first, second = read(path)
    assert first == Rejection("c.jsonl", "no article text found in the HTML", line=1)
    assert second.key == "https://example.vn/b"


def test_an_empty_crawl_file_is_rejected(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n", encoding="utf-8")
    assert read_one(path) == Rejection("c.jsonl", "empty file")


# --- web archives -------------------------------------------------------------------------------

def warc_response(writer: WARCWriter, url: str, body: bytes, content_type: str):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def test_a_web_archive_gives_one_article_per_html_response(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    page = (DATA / "baohatinh_page.html").read_bytes()
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warc_record("https://baohatinh.vn/", "warcinfo",
                                                      payload=io.BytesIO(b"software: test")))
        writer.write_record(warc_response(writer, "https://baohatinh.vn/a.html", page, "text/html; charset=utf-8"))
        writer.write_record(warc_response(writer, "https://baohatinh.vn/logo.png", b"\x89PNG\x00", "image/png"))
        writer.write_record(warc_response(writer, "https://baohatinh.vn/b.html", b"<html><body></body></html>",
                                          "text/html"))
    article, rejection = read(path)
    assert article.key == "https://baohatinh.vn/a.html"
    assert article.format == "warc"
    assert article.title == "Can Lộc có thêm 2 xã đạt chuẩn nông thôn mới nâng cao"
    assert article.published == "2023-11-08"
    assert rejection == Rejection("https://baohatinh.vn/b.html", "no article text found in the HTML")


def test_a_web_archive_of_other_layouts_skips_error_pages_and_reads_saved_resources(tmp_path):
    path = tmp_path / "crawl.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        for name in ("national_page.html", "portal_page.html"):
            writer.write_record(warc_response(writer, f"https://example.vn/{name}", (DATA / name).read_bytes(),
                                              "text/html"))
        missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.vn/gone.html", "response", http_headers=missing,
            payload=io.BytesIO("<html><body><h1>Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại hoặc "
                               "đã bị xóa khỏi hệ thống, vui lòng quay lại trang chủ.</p></body></html>".encode())))
        writer.write_record(writer.create_warc_record("https://example.vn/national_page.html", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        saved = (DATA / "comments_page.html").read_bytes()
        writer.write_record(writer.create_warc_record(
            "https://example.vn/comments_page.html", "resource", payload=io.BytesIO(saved),
            warc_content_type="text/html; charset=utf-8"))
    national, portal, gone, resource = read(path)
    assert national.title == LAYOUTS[0][1] and national.published == "2023-03-14"
    assert national.url == "https://example.vn/national_page.html"  # where the archive fetched it
    assert portal.key == "https://example.vn/portal_page.html" and portal.published == "2023-05-12"
    assert "THỐNG KÊ TRUY CẬP" not in portal.text
    assert gone == Rejection("https://example.vn/gone.html", "HTTP status 404")
    assert resource.title == LAYOUTS[3][1]  # a page saved as a resource, without HTTP headers


@pytest.mark.parametrize(("name", "content"), [
    ("notes.warc", b"This is not an archive.\n"),
    ("cut.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:20]),
    ("headless.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")),
    ("garbage.warc.gz", b"\x1f\x8b\x08garbage"),
])
def test_a_file_that_is_not_a_web_archive_is_rejected(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    rejection = read_one(path)
    assert isinstance(rejection, Rejection) and rejection.key == name
    assert rejection.reason.startswith(("not a WARC file", "no HTML pages"))


# --- choosing inputs ----------------------------------------------------------------------------

def test_a_folder_yields_only_files_in_a_known_format(tmp_path):
    for name in ("a.txt", "b.HTML", "sub/c.jsonl", "d.warc.gz", "notes.md", "image.jpg", ".DS_Store"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert [key for _, key in find_inputs([tmp_path])] == ["a.txt", "b.HTML", "d.warc.gz", "sub/c.jsonl"]


def test_a_named_file_in_an_unknown_format_is_rejected(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert read_one(path) == Rejection("report.pdf", "not an article format: .pdf")


def test_a_missing_file_is_rejected(tmp_path):
    assert read_one(tmp_path / "gone.txt") == Rejection("gone.txt", "no such file")


@pytest.mark.parametrize(("published", "expected"), [
    ("2021-03-19", date(2021, 3, 19)), ("2021-03-19T08:00:00+07:00", date(2021, 3, 19)), (None, None), ("19/03/2021", None),
])
def test_an_article_gives_its_publication_date_as_a_date(published, expected):
    assert Article(key="a.txt", text="x", published=published).published_date == expected
