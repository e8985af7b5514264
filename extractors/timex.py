"""Time expressions as intervals ("quý II/2021", "31/12 năm nay", "2018 – 2019"). To be filled in."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class TimeExpr:
    start: int
    end: int
    date_from: date
    date_to: date
    granularity: str          # day, month, quarter, half, year, years


def find_times(text: str, anchor: date | None = None) -> list[TimeExpr]:
    return []
