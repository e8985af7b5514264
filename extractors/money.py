"""Amounts of money ("1.346,7 tỷ đồng", "hơn 4 tỷ", "hàng trăm triệu") in integer đồng."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extractors.numbers import NUMBER, number_words_pattern, parse_number_words, word_alternation
from extractors.numbers import rules as number_rules
from extractors.rules import load_rules


@dataclass
class Money:
    start: int
    end: int
    amount_vnd: int | None    # None for vague amounts ("hàng trăm triệu")
    qualifier: str | None     # "over", "about", "under" or None
    vague: bool = False
    high_vnd: int | None = None   # the upper end of a range ("2 - 3 tỷ đồng"), amount_vnd its lower


def rules() -> dict:
    return load_rules("money.toml")


@cache
def qualifier_by_word() -> dict[str, str]:
    return {word: kind for kind, words in rules()["qualifiers"].items() for word in words}


@cache
def money_pattern() -> re.Pattern:
    data = rules()
    scale = rf"(?:{word_alternation(number_rules()['scales'])})(?!\w)"
    half = rf"(?:\s+(?:{word_alternation(number_rules()['halves']['words'])})(?!\w))?"
    scales = rf"{scale}(?:\s+{scale})*{half}"
    # "2 tỷ 300 triệu": several number-and-scale parts add up
    digits_amount = rf"{NUMBER}\s*{scales}(?:\s+{NUMBER}\s*{scales})*"
    ranges = number_rules()["ranges"]
    dash = rf"\s*(?:{word_alternation(ranges['dashes'])})\s*|\s+(?:{word_alternation(ranges['words'])})\s+"
    vague = (rf"(?:{word_alternation(data['vague']['heads'])})"
             rf"(?:\s+(?:{word_alternation(data['vague']['orders'])}))?\s+{scales}")
    currency = rf"(?:{word_alternation(data['currency']['words'])})(?!\w)"
    return re.compile(
        rf"(?:(?<!\w)(?P<qualifier>{word_alternation(qualifier_by_word())})\s+)?"
        rf"(?:(?<!\w)từ\s+)?"
        rf"(?:(?P<vague>(?<!\w){vague})"
        rf"|(?P<low>{NUMBER})(?:{dash})(?P<high>{digits_amount})"
        # "giải ngân 78,5/95 tỷ đồng": the part, in the scale of the whole
        rf"|(?P<part>{NUMBER})\s*/\s*(?P<whole>{digits_amount})"
        # "2.5 tỷ": a dot before one or two digits cannot group thousands, so it marks decimals
        rf"|(?P<dotted>(?<![\d.,])\d{{1,3}}\.\d{{1,2}}(?![\d.,])\s*{scales})"
        rf"|(?P<digits>{digits_amount})"
        rf"|(?P<words>{number_words_pattern()})"
        rf"|(?P<bare>{NUMBER}))"
        rf"(?:\s*(?P<currency>{currency}))?",
        re.IGNORECASE,
    )


def find_money(text: str) -> list[Money]:
    """Amounts of money in text; start/end cover the qualifier, the number and the unit words."""
    found = []
    for match in money_pattern().finditer(text):
        if not is_money(match):
            continue
        qualifier = qualifier_by_word().get((match.group("qualifier") or "").lower())
        if match.group("vague"):
            found.append(Money(match.start(), match.end(), None, qualifier, vague=True))
            continue
        low, high = amounts(match)
        if low is not None:
            found.append(Money(match.start(), match.end(), low, qualifier, high_vnd=high))
    return found


@cache
def next_word_pattern(section: str) -> re.Pattern:
    """A pattern for the words that, right after an amount, show it is not money."""
    return re.compile(rf"\s+(?:{word_alternation(rules()[section]['not_before'])})(?!\w)", re.IGNORECASE)


def is_money(match: re.Match) -> bool:
    """Whether the match names money: by its currency word, or a money scale not counting other things."""
    words = scale_words(match)
    if match.group("currency"):
        # "3 đồng chí": "đồng" right after a bare number may begin another word
        return (bool(words) or match.group("currency").lower() != "đồng"
                or not next_word_pattern("currency").match(match.string, match.end()))
    if not words or words[-1] not in rules()["money_scales"]["words"]:
        return False
    return not next_word_pattern("money_scales").match(match.string, match.end())


def scale_words(match: re.Match) -> list[str]:
    """The scale words of the amount ("tỷ", "triệu"), in order."""
    amount = next((match.group(name) for name in ("vague", "high", "whole", "dotted", "digits", "words")
                   if match.group(name)), "")
    scales = number_rules()["scales"]
    return [word for word in amount.lower().split() if word in scales]


def amounts(match: re.Match) -> tuple[int | None, int | None]:
    """(amount, upper end of a range or None) in đồng."""
    if match.group("bare"):
        return in_dong(match.group("bare")), None
    if match.group("dotted"):
        return in_dong(match.group("dotted").replace(".", ",", 1)), None
    if match.group("words"):
        if not set(match.group("words").lower().split()) - set(number_rules()["scales"]):
            return None, None   # a scale alone ("tỷ đồng" after "2.50") counts nothing
        value = parse_number_words(match.group("words"))
        return (round(value), None) if value is not None else (None, None)
    if match.group("high"):
        # the low end takes the scale of the high one: "2 - 3 tỷ"
        high = match.group("high")
        return in_dong(f"{match.group('low')} {first_scale(high)}"), in_dong(high)
    if match.group("whole"):
        return in_dong(f"{match.group('part')} {first_scale(match.group('whole'))}"), None
    return in_dong(match.group("digits")), None


def first_scale(amount: str) -> str:
    """The scale words of the first number of amount ("3 tỷ 500 triệu" → "tỷ")."""
    scales = number_rules()["scales"]
    words = re.match(rf"{NUMBER}\s*(?P<words>[^\d]*)", amount)["words"].split()
    return " ".join(word for word in words if word.lower() in scales)


def in_dong(amount: str) -> int:
    """Integer đồng of "1.346,7 tỷ", "2 tỷ 300 triệu", "1 tỷ rưỡi": each number times its scales."""
    scales = number_rules()["scales"]
    total = Decimal(0)
    for part in re.finditer(rf"(?P<number>{NUMBER})\s*(?P<scales>[^\d]*)", amount):
        value = Decimal(first_number(part.group("number")))
        last_scale = 1
        for word in part.group("scales").lower().split():
            if word in scales:
                last_scale = scales[word]
                value *= last_scale
            else:   # "rưỡi": half the scale before it
                value += Decimal(last_scale) / 2
        total += value
    return round(total)


def first_number(text: str) -> str:
    """The first number of text as a decimal string ("1.346,7" → "1346.7")."""
    return re.search(NUMBER, text).group(0).replace(".", "").replace(",", ".")
