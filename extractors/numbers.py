"""Numbers written the Vietnamese way ("1.346,7", "6/9", "10 - 12", "71,45%").

"." groups thousands and "," marks decimals: "1.346,7" = 1346.7, "4.054" = 4054, "1,2" = 1.2.
A dot not followed by exactly three digits is not a Vietnamese number ("1.2" is not read at all).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.rules import load_rules

NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\d]|[.,]\d)"


def rules() -> dict:
    return load_rules("numbers.toml")


def word_alternation(words) -> str:
    """A regex alternation of words, longest first, each whole."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def whole_words(words) -> str:
    """A regex matching any of the words where it stands as a whole word."""
    return rf"(?<!\w)(?:{word_alternation(words)})(?!\w)"


@cache
def number_words_pattern() -> str:
    """Regex source for a number spelled in words ("hai trăm năm mươi", "một nghìn")."""
    data = rules()
    words = [*data["digits"], *data["multipliers"], *data["scales"], *data["fillers"]["words"],
             *data["halves"]["words"]]
    word = rf"(?:{word_alternation(words)})"
    return rf"(?<!\w){word}(?:\s+{word})*(?!\w)"


@dataclass
class Quantity:
    start: int
    end: int
    low: float
    high: float | None        # equal to low for one number; None for open ranges ("ít nhất 10")
    total: float | None = None


@dataclass
class Percent:
    start: int
    end: int
    value: float


def parse_number(text: str) -> float | None:
    """The value of one number in digits ("1.346,7") or words ("hai mươi"), else None."""
    text = text.strip()
    if re.fullmatch(NUMBER, text):
        return digits_value(text)
    return parse_number_words(text)


def parse_number_words(text: str) -> float | None:
    """The value of a number in words: digits add, multipliers multiply, scales close a group."""
    data = rules()
    digits, multipliers, scales = data["digits"], data["multipliers"], data["scales"]
    total, group, last_digit, last_unit, largest_scale = 0, 0, 0, 0, 0
    words = text.lower().split()
    if not words:
        return None
    for word in words:
        if word in digits:
            last_digit = digits[word]
            group += last_digit
        elif word in multipliers:
            # the multiplier applies to the digit just read: "hai trăm năm mươi" = 200 + 5 * 10
            group += (last_digit or 1) * multipliers[word] - last_digit
            last_digit, last_unit = 0, multipliers[word]
        elif word in scales:
            scale = scales[word]
            if scale > largest_scale:
                # "một nghìn tỷ": a larger scale multiplies everything read so far
                total = ((total + group) or 1) * scale
                largest_scale = scale
            else:
                total += (group or 1) * scale
            group, last_digit, last_unit = 0, 0, scale
        elif word in data["halves"]["words"] and last_unit:
            total += last_unit / 2   # "hai tỷ rưỡi" = 2,5 tỷ; "trăm rưỡi" = 150
        elif word not in data["fillers"]["words"]:
            return None
    return float(total + group)


def digits_value(number: str) -> float:
    """The value of a number matched by NUMBER."""
    return float(number.replace(".", "").replace(",", "."))


@cache
def quantity_pattern() -> re.Pattern:
    ranges = rules()["ranges"]
    dash = rf"\s*(?:{word_alternation(ranges['dashes'])})\s*"
    range_word = rf"\s+(?:{word_alternation(ranges['words'])})\s+"
    at_least = word_alternation(ranges["at_least"])
    # numbers glued to letters ("m2", "br_1-4127.jpg") are parts of names, not quantities
    return re.compile(
        rf"(?<!\w)(?:(?P<at_least>{at_least})\s+|từ\s+)?(?P<low>{NUMBER})"
        rf"(?:(?:{dash}|{range_word})(?P<high>{NUMBER})"
        rf"|/(?P<total>{NUMBER}))?(?!\.?[^\W\d])"
    )


# Full dates ("30/6/2019", "16-12-2020") and document numbers ("286/QĐ-TTg", "05/207/QĐ") hold
# numbers that are not counts.
NOT_COUNTS = re.compile(r"(?<!\w)\d+(?:[/\-]\d+){2,}(?!\w)|(?<!\w)\d+(?:/\d+)*/[^\W\d]+")


def find_quantities(text: str) -> list[Quantity]:
    """Numbers, ranges ("10 - 12", "từ 5 đến 9"), fractions ("6/9") and open ranges ("ít nhất
    10": high is None) in text, left to right. Percentages are here too, as plain numbers.

    Ranges and fractions whose parts look like calendar dates are left to timex; callers that
    must not count years or dates can drop quantities overlapping extractors.timex.find_times.
    """
    masked = [m.span() for m in NOT_COUNTS.finditer(text)]
    found = []
    for match in quantity_pattern().finditer(text):
        if any(start < match.end() and match.start() < end for start, end in masked):
            continue
        if match.group("total") and after_day_word(match):
            continue
        low = digits_value(match.group("low"))
        high = digits_value(match.group("high")) if match.group("high") else low
        total = digits_value(match.group("total")) if match.group("total") else None
        if high < low:
            continue
        if match.group("at_least"):
            high = None
        found.append(Quantity(match.start(), match.end(), low, high, total))
    return found


def after_day_word(match: re.Match) -> bool:
    """Whether "d/m" follows "ngày" or a time of day: a date ("Chiều 26/4"), not a fraction."""
    from extractors.timex import rules as time_rules  # imported here: timex builds on this module

    day_words = word_alternation(["ngày", "nay", *time_rules()["day_parts"]["words"]])
    before = match.string[max(0, match.start() - 16):match.start()]
    return bool(re.search(rf"(?<!\w)(?:{day_words})\s*\(?\s*$", before, re.IGNORECASE))


PERCENT = re.compile(rf"(?P<number>{NUMBER})\s?%")


def find_percents(text: str) -> list[Percent]:
    """Percentages ("100%", "71,45%")."""
    return [Percent(m.start(), m.end(), digits_value(m.group("number"))) for m in PERCENT.finditer(text)]
