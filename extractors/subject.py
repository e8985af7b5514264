"""Which unit a fact is about. To be filled in."""
from __future__ import annotations


def subject_units(doc, start: int) -> list[str]:
    """GSO codes of the unit(s) a fact whose words begin at `start` is about."""
    return []
