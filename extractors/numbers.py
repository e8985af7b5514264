"""Numbers written the Vietnamese way ("1.346,7", "6/9", "10 - 12", "71,45%"). To be filled in."""
from __future__ import annotations

from dataclasses import dataclass

NUMBER = r"\d+(?:[.,]\d+)*"


@dataclass
class Quantity:
    start: int
    end: int
    low: float
    high: float | None        # equal to low for one number; None for open ranges ("ít nhất 10")
    total: float | None = None


def parse_number(text: str) -> float | None:
    raise NotImplementedError


def find_quantities(text: str) -> list[Quantity]:
    return []
