"""The `ntm` command line."""
from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from pathlib import Path

import click
from tqdm import tqdm

from corpus import Rejection, find_inputs, read_file, sample_corpus
from gazetteer.cli import lookup
from pipeline.export import RECORD_TYPES, write_csv, write_jsonl
from pipeline.facts import FACT_TYPES
from pipeline.store import Store

EXIT_REJECTED = 3   # some inputs were rejected; everything else was stored


@click.group()
@click.version_option(package_name="ntm")
def main():
    """Read news about the New Rural Development programme into a database of progress facts."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", "db_path", default="ntm.db", show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to write.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--force", is_flag=True, help="Read unchanged articles again (after an upgrade of the rules).")
def ingest(paths: tuple[Path, ...], db_path: Path, quiet: bool, force: bool):
    """Read articles from PATHS (files or folders; default: the bundled sample corpus) into the database.

    Exit status 0 when every input was read, 3 when any was rejected (each is named on stderr and
    recorded in the `rejections` table); the rest of the batch is stored either way.
    """
    from pipeline.process import dated, process  # loads the NLP models: not needed for --help

    store = open_store(db_path)
    inputs = find_inputs(paths or [sample_corpus()])
    counts: Counter = Counter()
    facts: Counter = Counter()
    show_progress = not quiet and sys.stderr.isatty()
    for path, key in tqdm(inputs, unit="file", disable=not show_progress, file=sys.stderr):
        for item in read_file(path, key):
            counts["read"] += 1
            if isinstance(item, Rejection):
                reject(store, item, counts)
                continue
            item = dated(item)
            status = store.status(item)
            counts[status] += 1
            if status == "unchanged" and not force:
                continue
            try:
                doc = process(item)
            except Exception as exc:  # one bad article must not stop the batch
                counts[status] -= 1
                reject(store, Rejection(item.key, f"processing failed: {type(exc).__name__}: {exc}"), counts)
                continue
            store.write(doc)
            facts.update(fact.type for fact in doc._.facts)
    if not quiet:
        click.echo(summary(db_path, counts, facts), err=True)
    sys.exit(EXIT_REJECTED if counts["rejected"] else 0)


def open_store(db_path: Path) -> Store:
    try:
        return Store(db_path)
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(f"{db_path}: cannot use this database: {exc}") from exc


def reject(store: Store, rejection: Rejection, counts: Counter) -> None:
    click.echo(f"ntm: rejected {rejection}", err=True)
    store.reject(rejection)
    counts["rejected"] += 1


def summary(db_path: Path, counts: Counter, facts: Counter) -> str:
    lines = [f"{db_path}: {counts['read']} read, {counts['new']} new, {counts['updated']} updated, "
             f"{counts['unchanged']} unchanged, {counts['rejected']} rejected"]
    if facts:
        lines.append("facts written: " + ", ".join(f"{facts[t]} {t}" for t in FACT_TYPES if facts[t]))
    return "\n".join(lines)


@main.command()
@click.option("--db", "db_path", default="ntm.db", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--type", "types", multiple=True, type=click.Choice(RECORD_TYPES),
              help="Only records of this type (repeatable).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the CSV files (one per type).")
def export(db_path: Path, fmt: str, types: tuple[str, ...], out: Path | None):
    """Write the records of the fact model: JSON lines on stdout, or one CSV file per type."""
    db = open_store(db_path).db
    types = types or RECORD_TYPES
    if fmt == "jsonl":
        write_jsonl(db, types, sys.stdout)
        return
    if out is None:
        raise click.UsageError("--format csv needs --out FOLDER")
    for path in write_csv(db, types, out):
        click.echo(path)


@main.command()
@click.argument("query")
@click.option("--db", "db_path", default="ntm.db", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", default=20, show_default=True)
def search(query: str, db_path: Path, limit: int):
    """Full-text search over titles and texts ("Đức Thọ" finds only that; "duc tho" finds both)."""
    for row in open_store(db_path).search(query, limit):
        click.echo(f"{row['published'] or '':10}  {row['key']}  {row['title'] or ''}")


@main.group("gazetteer")
def gazetteer_group():
    """Look up administrative units."""


gazetteer_group.add_command(lookup)
