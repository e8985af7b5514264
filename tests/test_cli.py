"""The `ntm` command line, run as a user would."""
import json

import pytest
from click.testing import CliRunner

import pipeline.process
from pipeline.cli import EXIT_REJECTED, main
from pipeline.export import fields
from pipeline.facts import FACT_TYPES, FIELDS


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("samples") / "ntm.db"
    result = run("ingest", "--db", db)
    assert result.exit_code == 0, result.output
    return db


def export(db, *args):
    result = run("export", "--db", db, *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_ingest_without_paths_reads_the_bundled_samples(sample_db):
    articles = export(sample_db, "--type", "article")
    assert len(articles) == 5
    assert all(a["source"].endswith(".txt") for a in articles)


def test_ingest_again_changes_nothing(sample_db):
    before = export(sample_db)
    result = run("ingest", "--db", sample_db)
    assert result.exit_code == 0
    assert "5 unchanged" in result.output
    assert export(sample_db) == before


def test_every_record_speaks_the_contract(sample_db):
    for record in export(sample_db):
        assert list(record) == fields(record["type"])
        if record["type"] != "article":
            assert record["end"] >= record["start"]


def test_export_keeps_facts_at_their_offsets(sample_db):
    articles = {a["source"]: a for a in export(sample_db, "--type", "article")}
    from pipeline.store import Store
    texts = {row["key"]: row["text"] for row in Store(sample_db).db["articles"].rows}
    for record in export(sample_db):
        if record["type"] != "article":
            assert record["source"] in articles
            assert record["evidence"] in texts[record["source"]]


def test_csv_export_writes_one_file_per_type(sample_db, tmp_path):
    result = run("export", "--db", sample_db, "--format", "csv", "--out", tmp_path / "csv")
    assert result.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert names == sorted(f"{t}.csv" for t in ("article", *FACT_TYPES))
    header = (tmp_path / "csv" / "funding.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[-len(FIELDS["funding"]):] == list(FIELDS["funding"])


def test_csv_export_needs_a_folder(sample_db):
    assert run("export", "--db", sample_db, "--format", "csv").exit_code == 2


def test_a_rejected_input_is_named_and_the_rest_is_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Xã đạt chuẩn\n\nXã Hương Bình đạt 19/19 tiêu chí.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "t.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == EXIT_REJECTED
    assert "empty.txt" in result.output
    assert [a["source"] for a in export(db, "--type", "article")] == ["good.txt"]
    from pipeline.store import Store
    assert [r["source"] for r in Store(db).db["rejections"].rows] == ["empty.txt"]


def test_an_article_that_breaks_the_pipeline_does_not_stop_the_batch(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(f"Bài {name}\n\nHuyện Can Lộc có 5 xã đạt chuẩn.", encoding="utf-8")
    real = pipeline.process.process

    def flaky(article):
        if article.key == "a.txt":
            raise ValueError("bad sentence")
        return real(article)

    monkeypatch.setattr(pipeline.process, "process", flaky)
    result = run("ingest", folder, "--db", tmp_path / "t.db")
    assert result.exit_code == EXIT_REJECTED
    assert "a.txt: processing failed: ValueError: bad sentence" in result.output
    assert [a["source"] for a in export(tmp_path / "t.db", "--type", "article")] == ["b.txt"]


def test_search_prints_matching_articles(sample_db):
    result = run("search", "huong khe", "--db", sample_db)
    assert "001_ef1e19b7699c289d.txt" in result.output


def test_a_file_that_is_not_a_database_is_refused_cleanly(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("not a database", encoding="utf-8")
    result = run("ingest", "--db", db)
    assert result.exit_code == 1
    assert "notes.db: cannot use this database" in result.output


def test_an_article_is_read_for_its_date_once(monkeypatch):
    from corpus import Article
    calls = []
    monkeypatch.setattr(pipeline.process, "publication_date", lambda text: calls.append(text) or (None, True))
    article = pipeline.process.dated(Article(key="a.txt", text="Không có ngày nào."))
    pipeline.process.dated(article)
    assert (article.published, article.published_inferred, len(calls)) == (None, True, 1)
