"""Cleaning: one Unicode form, one tone-mark convention, no page furniture."""
from __future__ import annotations

import unicodedata


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    return normalize(text).strip()
