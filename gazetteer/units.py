"""Every province, district and commune of Vietnam with its GSO code, history and 2025 successor.

The data is `data/units.csv.gz`, built by `gazetteer/build.py` (sources in data/SOURCES.txt). Units of
the 63-province map (before July 2025) and of the 2025 map are kept apart: the 2025 map reuses codes.
How an article's names are resolved is in `gazetteer/resolve.py`.
"""
from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from gazetteer.names import REFORM_2025, fold, short_name, unit_type
from gazetteer.resolve import parse_name, resolve_text, source_provinces
from pipeline.facts import Mention

DATA = Path(__file__).parent / "data" / "units.csv.gz"
LEVELS = {"province": 0, "district": 1, "commune": 2}


@dataclass(frozen=True)
class Unit:
    code: str                     # GSO code: province 2 digits, district 3, commune 5
    name: str                     # full name with its type word, e.g. "Huyện Hương Khê"
    level: str                    # "province", "district", "commune"
    parent: str | None            # parent's code in the unit's last period
    valid_from: str | None = None # ISO date, None when older than the sources
    valid_to: str | None = None   # ISO date, None while in force until the 2025 reform
    successor_2025: str | None = None
    successor_2025_name: str | None = None
    type: str = ""                # the type word of `name`: "Xã", "Thị trấn", "Huyện", "Tỉnh" ...
    era: str = ""                 # "" for the 63-province map, "2025" for the map from July 2025
    merged_into: str | None = None  # the commune it became, for a commune merged away before 2025
    parents: tuple[tuple[str, str | None, str | None], ...] = ()  # (parent, from, to), oldest first
    aliases: tuple[str, ...] = () # other names: former names under the same code, abbreviations
    source: str = ""              # where the row comes from

    @property
    def resolved(self) -> str:
        """The code a mention of this unit carries: a merged-away commune counts as its successor."""
        return self.merged_into or self.code

    def valid_on(self, when: date | None) -> bool:
        if when is None:
            return True
        day = when.isoformat()
        return (self.valid_from or "") <= day and (self.valid_to is None or day <= self.valid_to)

    def parent_on(self, when: date | None) -> str | None:
        if when is None:
            return self.parent
        day = when.isoformat()
        for parent, start, end in self.parents:
            if (start or "") <= day and (end is None or day <= end):
                return parent
        return None


class Gazetteer:
    """Units are made from their rows when first asked for: loading reads only codes and name keys."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.made: dict[int, Unit] = {}
        self.ancestry: dict[tuple[str, str], set[str]] = {}
        self.legacy_rows: dict[str, int] = {}     # code -> row of the 63-province map
        self.current_rows: dict[str, int] = {}    # code -> row of the 2025 map
        self.by_key: dict[tuple[str, ...], list[int]] = {}
        for index, row in enumerate(rows):
            (self.current_rows if row["era"] else self.legacy_rows)[row["code"]] = index
            for key in filter(None, row["keys"].split("|")):
                self.by_key.setdefault(tuple(key.split(" ")), []).append(index)
        self.longest = max(len(k) for k in self.by_key)
        # "hatinh" -> "42": how outlets spell their province in their domain names.
        self.provinces_by_folded_name = {
            fold(short_name(rows[i]["name"])): code for code, i in self.legacy_rows.items()
            if len(code) == 2}

    @classmethod
    def load(cls, path: Path = DATA) -> "Gazetteer":
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            return cls(list(csv.DictReader(fh)))

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        return cls.load()

    def make(self, index: int) -> Unit:
        if index not in self.made:
            row = self.rows[index]
            parents = tuple((p, f or None, t or None) for p, f, t in
                            (period.split(":") for period in row["parents"].split("|") if period))
            successor = self.current_rows.get(row["successor_2025"])
            self.made[index] = Unit(
                code=row["code"], name=row["name"], level=row["level"],
                parent=parents[-1][0] if parents else None,
                valid_from=row["valid_from"] or None, valid_to=row["valid_to"] or None,
                successor_2025=row["successor_2025"] or None,
                successor_2025_name=self.rows[successor]["name"] if successor is not None else None,
                type=unit_type(row["name"]), era=row["era"], merged_into=row["merged_into"] or None,
                parents=parents, aliases=tuple(a for a in row["aliases"].split("|") if a),
                source=row["source"])
        return self.made[index]

    def named(self, key: tuple[str, ...]) -> list[Unit]:
        """Every unit, of any time, that goes by the name with these syllable keys."""
        return [self.make(i) for i in self.by_key.get(key, ())]

    def units(self) -> Iterator[Unit]:
        """All units of both maps (slow: for listings and checks, not for resolution)."""
        return (self.make(i) for i in range(len(self.rows)))

    def unit(self, code: str, when: date | None = None) -> Unit | None:
        """The unit of a GSO code: of the 63-province map, or of the 2025 map for a date from July 2025
        (the 2025 map reuses codes) or a code only the 2025 map has."""
        index = self.legacy_rows.get(code)
        later = when is not None and when.isoformat() >= REFORM_2025
        if index is None or (later and code in self.current_rows):
            index = self.current_rows.get(code)
        return self.make(index) if index is not None else None

    def parent_at(self, code: str, when: date | None = None) -> Unit | None:
        """The unit's parent on that date (in its last period when no date is given)."""
        unit = self.unit(code, when)
        if unit is None:
            return None
        parent = unit.parent_on(when)
        return self.unit(parent, when) if parent else None

    def ancestors(self, unit: Unit) -> set[str]:
        """Codes of every unit that held this one at any time, and of the units those became."""
        key = (unit.era, unit.code)
        if key not in self.ancestry:
            self.ancestry[key] = self.find_ancestors(unit)
        return self.ancestry[key]

    def find_ancestors(self, unit: Unit) -> set[str]:
        found: set[str] = set()
        todo = [unit]
        while todo:
            u = todo.pop()
            for parent, _, _ in u.parents:
                if parent not in found:
                    found.add(parent)
                    if parent in self.legacy_rows:
                        todo.append(self.make(self.legacy_rows[parent]))
            if u.merged_into in self.legacy_rows and u.merged_into != u.code:
                todo.append(self.make(self.legacy_rows[u.merged_into]))
        return found

    def province_of(self, unit: Unit) -> str:
        return unit.code[:2] if unit.level == "province" else next(
            (a for a in self.ancestors(unit) if len(a) == 2), "")

    def lookup(self, name: str, province: str | None = None, when: date | None = None) -> list[Unit]:
        """Units NAME may stand for ("Hương Bình", "xã Hương Bình", "TP. Hà Tĩnh"), in PROVINCE (name
        or code) and on the map of WHEN if given, highest level first."""
        types, key = parse_name(name)
        found = self.named(key)
        if types:
            found = [u for u in found if u.type in types]
        if province:
            codes = {province} if province.isdigit() else {
                u.code for u in self.lookup(province) if u.level == "province"}
            found = [u for u in found if self.province_of(u) in codes]
        if when:
            found = [u for u in found if u.valid_on(when)]
        return sorted(found, key=lambda u: (LEVELS[u.level], u.era, u.code))

    def resolve(self, doc) -> list[Mention]:
        """Every occurrence of a place name in the Doc, resolved in the article's context, sorted by
        start. Each Mention's signal says what resolved it: "type_word" ("xã Hương Bình"), "list"
        (an item of a list a type word opens), "parent" (the parents that follow it), "area" (a bare
        name, unambiguous among the provinces the article is about) or "name" (a province's name)."""
        article = doc._.article
        provinces = source_provinces(self, article.url if article else None, "")
        word_starts = frozenset(token.idx for token in doc if not token.is_space)
        when = article.published_date if article else None
        return resolve_text(self, doc.text, when, provinces, word_starts)

    def resolve_text(self, text: str, when: date | None = None, provinces: frozenset[str] = frozenset()
                     ) -> list[Mention]:
        """`resolve` for a plain text: WHEN is the article's date, PROVINCES the codes of the
        provinces its source is about."""
        return resolve_text(self, text, when, provinces)

    def list_units(self, mentions: list[Mention], start: int, end: int) -> list[Mention]:
        """The units of a list in text[start:end]: the mentions inside the span at the lowest level
        present, so that "các xã A, B (huyện C)" gives A and B, not C."""
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if not inside:
            return []
        level = max(LEVELS[self.unit(m.unit).level] for m in inside)
        return [m for m in inside if LEVELS[self.unit(m.unit).level] == level]

