"""The publication date of an article from its text. To be filled in."""
from __future__ import annotations


def publication_date(text: str) -> tuple[str | None, bool]:
    """(ISO date or None, inferred): a byline date is not inferred; one read from the event day is."""
    return None, True
