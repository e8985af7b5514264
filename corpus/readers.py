"""Readers, one per input format, chosen by file extension.

A reader yields an Article for each article it finds. An input it cannot read, it rejects: with
a Rejection for one record of many, by raising Unreadable for the whole file. read_file turns
whatever goes wrong into a Rejection with its reason, so that bad input never stops a batch.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from corpus.article import Article, Rejection
from corpus.clean import clean_text, normalize
from corpus.decode import Unreadable, decode
from corpus.html import extract_page, iso_date
from corpus.titles import find_title, without_site_name

Reader = Callable[[Path, str], Iterator[Article | Rejection]]
VIETNAM = timezone(timedelta(hours=7))
EPOCH_MILLISECONDS = 10 ** 11  # a timestamp above this counts milliseconds (seconds reach it in 5138)


def sample_corpus() -> Path:
    """The folder of sample articles that ships with the package."""
    return Path(str(resources.files("corpus") / "samples"))


def find_inputs(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Each file to read with its article key: its path relative to the folder given, or its name.

    In a folder only files in a known format are taken; a file named on its own is always taken,
    so that one in an unknown format is reported rather than ignored.
    """
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend((file, file.relative_to(path).as_posix())
                         for file in sorted(path.rglob("*")) if file.is_file() and reader_for(file))
        else:
            found.append((path, path.name))
    return found


def read_inputs(paths: Iterable[Path]) -> Iterator[Article | Rejection]:
    for path, key in find_inputs(paths):
        yield from read_file(path, key)


def read_file(path: Path, key: str) -> Iterator[Article | Rejection]:
    if not path.exists():
        yield Rejection(key, "no such file")
        return
    reader = reader_for(path)
    if reader is None:
        yield Rejection(key, f"not an article format: {path.suffix or path.name}")
        return
    try:
        yield from reader(path, key)
    except Unreadable as error:
        yield Rejection(key, str(error))
    except OSError as error:
        yield Rejection(key, f"cannot read the file: {error.strerror or error}")
    except Exception as error:  # one unreadable input must not stop the batch
        yield Rejection(key, f"reading failed: {type(error).__name__}: {error}")


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    return next((reader for suffix, reader in READERS.items() if name.endswith(suffix)), None)


def read_txt(path: Path, key: str) -> Iterator[Article]:
    text, encoding = decode(path.read_bytes())
    yield text_article(key, text, encoding=encoding)


def read_html(path: Path, key: str) -> Iterator[Article]:
    html, encoding = decode(path.read_bytes())
    yield html_article(key, html, encoding=encoding, format="html")


def read_jsonl(path: Path, key: str) -> Iterator[Article | Rejection]:
    """One crawl record per line; a bad line is rejected with its number and the others go on."""
    content, encoding = decode(path.read_bytes())
    for number, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield record_article(json.loads(line), encoding)
        except json.JSONDecodeError as error:
            yield Rejection(key, f"not JSON: {error.msg}", line=number)
        except Unreadable as error:
            yield Rejection(key, str(error), line=number)


def read_warc(path: Path, key: str) -> Iterator[Article | Rejection]:
    """Each HTML page, an HTTP response or a saved resource, is an article keyed by its URL; an error
    page or a redirect is rejected."""
    pages = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if not record.format.startswith("warc"):
                    raise Unreadable("not a WARC file")
                if record.rec_type not in ("response", "resource") or not is_html(record):
                    continue
                pages += 1
                # a saved resource has no HTTP status
                status = record.http_headers.get_statuscode() if record.http_headers else "200"
                if status.startswith("2"):
                    yield warc_article(record)
                else:
                    yield Rejection(record.rec_headers.get_header("WARC-Target-URI"), f"HTTP status {status}")
        except Unreadable:
            raise
        except Exception as error:  # warcio fails in many ways on a damaged archive
            raise Unreadable(f"not a WARC file or a damaged one ({type(error).__name__})") from None
    if not pages:
        raise Unreadable("no HTML pages in the WARC file")


def warc_article(record) -> Article | Rejection:
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        html, encoding = decode(record.content_stream().read())
        return html_article(url, html, encoding=encoding, format="warc", url=url)
    except Unreadable as error:
        return Rejection(url, str(error))


READERS: dict[str, Reader] = {".txt": read_txt, ".html": read_html, ".htm": read_html,
                              ".jsonl": read_jsonl, ".warc": read_warc, ".warc.gz": read_warc}


def is_html(record) -> bool:
    headers = record.http_headers or record.rec_headers
    return "html" in headers.get_header("Content-Type", "").lower()


def text_article(key: str, text: str, title: str | None = None, **fields) -> Article:
    text = normalize(text)
    title = headline(title) if title else find_title(text)
    return finished(Article(key=key, text=clean_text(text, title), title=title, **fields))


def html_article(key: str, html: str, title: str | None = None, url: str | None = None,
                 published: str | None = None, **fields) -> Article:
    """What the crawl says about the page (title, url, published) wins over the page's metadata."""
    page = extract_page(html)
    title = title or page.title
    title = headline(title) if title else None
    return finished(Article(key=key, text=clean_text(page.text, title), title=title, url=url or page.url,
                            published=published or page.published, **fields))


def headline(title: str) -> str | None:
    """A title as a page or crawl gives it, on one line and without the site's name."""
    return without_site_name(" ".join(normalize(title).split())) or None


def record_article(record, encoding: str) -> Article:
    """A crawl record: url, and html or text (html when it has both); title and published optional."""
    if not isinstance(record, dict):
        raise Unreadable("not a JSON object")
    url = record.get("url")
    if not isinstance(url, str) or not url.strip():
        raise Unreadable("record has no url")
    fields = {"url": url, "title": text_field(record, "title"), "encoding": encoding, "format": "jsonl",
              "published": record_date(record.get("published"))}
    if text_field(record, "html"):
        return html_article(url, record["html"], **fields)
    if text_field(record, "text"):
        return text_article(url, record["text"], **fields)
    raise Unreadable("record has no html or text")


def record_date(value) -> str | None:
    """A crawl's date: a date string, or a Unix timestamp (seconds or milliseconds) read in
    Vietnam's time zone."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return iso_date(value) if isinstance(value, str) else None
    seconds = value / 1000 if value > EPOCH_MILLISECONDS else value
    try:
        return datetime.fromtimestamp(seconds, VIETNAM).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def text_field(record: dict, name: str) -> str | None:
    value = record.get(name)
    return value if isinstance(value, str) and value.strip() else None


def finished(article: Article) -> Article:
    if not article.text:
        raise Unreadable("no article text left after removing page furniture")
    return article
