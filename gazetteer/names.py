"""How place names are spelled and compared: syllable keys, type words, numerals."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from corpus.clean import without_diacritics

REFORM_2025 = "2025-07-01"

# Type words as they stand in full names, longest first.
TYPES = ("Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Huyện", "Quận", "Xã", "Phường", "Tỉnh")

# The five tone marks; the other combining marks (circumflex, breve, horn) belong to the vowel.
TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v", "6": "vi", "7": "vii", "8": "viii",
         "9": "ix", "10": "x"}
ARABIC = {roman: arabic for arabic, roman in ROMAN.items()}


@lru_cache(maxsize=65536)
def syllable_key(syllable: str) -> str:
    """Lower case with the tone moved to the end, so that "Hoà" and "Hòa", "Thuỵ" and "Thụy" meet;
    Roman numerals in capitals read as digits ("II" is "2"; "Vi" stays a syllable), digits without
    leading zeros ("Phường 07" is "Phường 7")."""
    if syllable.isupper() and syllable.lower() in ARABIC:
        return ARABIC[syllable.lower()]
    tone = ""
    letters = []
    for c in unicodedata.normalize("NFD", syllable.lower()):
        if c in TONES:
            tone = TONES[c]
        else:
            letters.append(c)
    key = unicodedata.normalize("NFC", "".join(letters)) + tone
    return str(int(key)) if key.isdigit() else key


def fold(name: str) -> str:
    """Lower case without diacritics or spaces, "đ" as "d": "Hà Tĩnh" -> "hatinh", the form of
    vietnamadminunits' keys and of outlets' domain names."""
    return "".join(c for c in without_diacritics(name) if c.isalnum())


def short_name(name: str) -> str:
    """The name without its type word: "Huyện Hương Khê" -> "Hương Khê"."""
    for word in TYPES:
        if name.startswith(word + " ") and len(name) > len(word) + 1:
            return name[len(word) + 1:]
    return name


def unit_type(name: str) -> str:
    for word in TYPES:
        if name.startswith(word + " "):
            return word
    return ""


def name_key(name: str) -> tuple[str, ...]:
    """The key a name is found under: its syllables' keys."""
    return tuple(syllable_key(s) for s in name.split())
