"""Amounts of money ("1.346,7 tỷ đồng", "hơn 4 tỷ"). To be filled in."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Money:
    start: int
    end: int
    amount_vnd: int | None    # None for vague amounts ("hàng trăm triệu")
    qualifier: str | None     # "over", "about", "under" or None
    vague: bool = False


def find_money(text: str) -> list[Money]:
    return []
