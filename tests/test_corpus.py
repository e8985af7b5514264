"""Readers: one per format; bad input gives one Rejection with its reason, never an exception."""
import gzip
import io
import json
import unicodedata
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


def test_a_text_record_without_a_title_gets_one_from_its_text(tmp_path):
    path = tmp_path / "c.jsonl"
    record = {"url": "https://example.vn/a", "text": "Kỳ Anh về đích\n\nHuyện Kỳ Anh đạt 9/9 tiêu chí.",
              "published": "không rõ"}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    article = read_one(path)
    assert (article.title, article.published) == ("Kỳ Anh về đích", None)


@pytest.mark.parametrize(("published", "expected"), [
    ("2016-07-12T08:00:00+07:00", "2016-07-12"), ("20/10/2025 10:15", "2025-10-20"), ("31/02/2020", None),
])
def test_a_record_date_is_read_as_an_iso_date(tmp_path, published, expected):
    path = tmp_path / "c.jsonl"
    record = {"url": "https://example.vn/a", "text": "Tiêu đề\n\nBài viết.", "published": published}
    path.write_text(json.dumps(record), encoding="utf-8")
    assert read_one(path).published == expected


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
