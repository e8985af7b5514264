"""Placeholder API of the gazetteer; the data and resolution rules fill it in."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pipeline.facts import Mention


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


class Gazetteer:
    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        return cls()

    def unit(self, code: str) -> Unit | None:
        return None

    def parent_at(self, code: str, when: date | None = None) -> Unit | None:
        return None

    def resolve(self, doc) -> list[Mention]:
        """Every occurrence of a place name in the Doc, resolved in the article's context."""
        return []
