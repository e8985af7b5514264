"""Readers, one per input format, chosen by file extension."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from corpus.article import Article, Rejection
from corpus.clean import clean_text


def sample_corpus() -> Path:
    """The folder of sample articles that ships with the package."""
    return Path(str(resources.files("corpus") / "samples"))


def find_inputs(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Each file to read with its article key: its path relative to the folder given, or its name."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend((file, file.relative_to(path).as_posix())
                         for file in sorted(path.rglob("*")) if file.is_file())
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
    if path.suffix.lower() != ".txt":
        return
    text = clean_text(path.read_text(encoding="utf-8"))
    if not text:
        yield Rejection(key, "empty file")
        return
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    yield Article(key=key, text=text, title=title)
