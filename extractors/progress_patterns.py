"""The words of progress_rules.toml as patterns: the counts, the verbs of reaching a standard and the
words around them, and the standard some words name."""
from __future__ import annotations

import re
from functools import cache

from extractors.numbers import NUMBER, whole_words, word_alternation
from extractors.rules import load_rules

LEVEL_OF_WORD = {"huyện": "district", "tỉnh": "province", "xã": "commune"}


def rules() -> dict:
    return load_rules("progress_rules.toml")


@cache
def members() -> dict[str, str]:
    """The member counted by each noun: "khu dân cư" -> village."""
    return {noun: member for member, nouns in rules()["members"].items() for noun in nouns}


@cache
def patterns() -> dict[str, re.Pattern]:
    data = rules()
    i = re.IGNORECASE
    number = rf"(?:{NUMBER}|{whole_words(data['number_words']['words'])})"
    reach = "|".join(rf"(?P<{kind}>{'|'.join(data['reach'][kind])})" for kind in ("pending", "not_met", "reached"))
    return {
        "count": re.compile(
            rf"(?<![\w/])(?:(?P<qual>ít nhất|tối thiểu|thêm|hơn|trên|dưới|gần|khoảng|từ)\s+)?"
            rf"(?P<low>{number})(?:\s*(?:-|–|đến|tới)\s*(?P<high>{NUMBER}))?(?:\s*/\s*(?P<total>{NUMBER}))?"
            rf"\s+(?P<noun>tiêu chí|{word_alternation(members())})(?![\w])(?!\s+hội)"
            rf"(?:\s*/\s*(?:(?P<total2>{NUMBER})\s+tiêu chí|(?P<per>xã))|\s+(?P<open>trở lên))?", i),
        "percent_count": re.compile(
            rf"(?<![\w/])(?:(?P<qual>ít nhất|tối thiểu|hơn|trên)\s+)?(?P<pct>{NUMBER})\s?%\s+(?:số\s+)?"
            rf"(?P<noun>xã|huyện|thôn|khu dân cư)(?!\w)(?:\s*\(\s*(?P<low>{NUMBER})\s+xã\s*\))?", i),
        "raised_count": re.compile(rf"(?<!\w)số\s+(?P<noun>xã|thôn|khu dân cư|huyện)\s+[^,;.\d]{{0,40}}?(?:lên|là)\s+"
                                   rf"(?P<low>{NUMBER})(?!\d|[.,]\d|\s*[/%]|[^\S\n]+\w)", i),
        "in_turn": re.compile(rf"(?<!\w)lần lượt\s+(?:(?:đạt|là|có)\s+)?(?P<numbers>{NUMBER}(?:\s*(?:,|và)\s*{NUMBER})+)"
                              rf"\s+tiêu chí(?!\w)", i),
        "reach": re.compile(reach, i),
        "other_standard": re.compile(rf"\s*(?:{word_alternation(data['other_standards']['words'])})(?!\w)"),
        "outside_standard": re.compile("|".join(data["outside_standards"]["patterns"]), i),
        "model": re.compile(r"\s*(?:NTM\s+)?(?:kiểu mẫu|mẫu)(?!\w)", i),
        "former": re.compile(r"\s+cũ(?!\w)", i),
        "target": re.compile(whole_words(data["target"]["words"]), i),
        "target_right_before": re.compile(rf"{whole_words(data['target']['right_before'])}\s+$", i),
        "present": re.compile(whole_words(data["present"]["words"]), i),
        "not_a_status": re.compile(whole_words(data["not_a_status"]["words"]), i),
        "other_predicate": re.compile(rf"(?:\s+(?:của|trong|thuộc|trên địa bàn)\s+[^,;.\d]{{0,30}}?)?\s+"
                                      rf"{whole_words(data['other_predicates']['words'])}", i),
        "criteria_not_met_before": re.compile(rf"(?:{whole_words(data['criteria_not_met']['before'])})\s+$", i),
        "criteria_not_met_after": re.compile(
            rf"[^,;.:(\d]{{0,30}}?{whole_words(data['criteria_not_met']['after'])}", i),
        "not_met_words": re.compile(whole_words(data['criteria_not_met']['after']), i),
        "named_not_met": re.compile(rf"\s*(?:vẫn\s+|còn\s+)?(?:{whole_words(data['criteria_not_met']['after'])})", i),
        "criterion_word": re.compile(r"(?<!\d\s)(?<!\w)tiêu chí\s+", i),
        "having_before": re.compile(rf"(?:{whole_words(data['criteria_verbs']['before'])})[^,;.:\d]{{0,25}}$", i),
        "having_after": re.compile(rf"[^,;.:\d]{{0,25}}?{whole_words(data['criteria_verbs']['after'])}", i),
        # the next of parallel counts: "..., xã Liên Minh đạt 14 tiêu chí"
        "parallel_before": re.compile(r"\s*(?:,|;|,?\s*và)\s*(?:xã|huyện|thị trấn)?\s*", i),
        "parallel_after": re.compile(r"\s*(?:hiện\s+|đã\s+)*(?:đạt|có)\s+", i),
        "average": re.compile(whole_words(data["average"]["words"]), i),
        "first_person": re.compile(whole_words(data["first_person"]["words"]), i),
        "not_a_count": re.compile(r"(?<!\w)(?:bộ|của|năm|ngày|tháng|quý|tổng số)\s+$", i),
        "total_after": re.compile(rf"(?:trên|trong)\s+tổng số\s+(?P<n>{NUMBER})(?!\d)", i),
        # the share of each of several units, not of the one in focus: "15 tỉnh có 100% số xã đạt chuẩn"
        "each_has": re.compile(r"(?<!\w)(?:\d+|các|những)\s+(?:tỉnh|huyện|địa phương)(?:,\s*(?:thành phố|thị xã))?\s+"
                               r"(?:đã\s+|hiện\s+)?(?:có|đạt)\s+"
                               r"(?:(?:bình quân|trung bình)\s+(?:đạt\s+)?)?(?:trên\s+|hơn\s+|gần\s+|khoảng\s+)?$", i),
        "all_of": re.compile(r"(?<!\w)cả\s+$", i),
        "the_rest": re.compile(r"\s*còn lại(?!\w)", i),
        "left_before": re.compile(r"(?<!\w)còn\s+$", i),
        "none_left": re.compile(r"(?<!\w)(?:không\s+(?:còn|có)|chưa\s+có)\s+(?P<noun>xã|thôn)(?:\s+nào(?!\w)|(?=\s+(?:đạt\s+)?dưới\s))",
                               i),
        "change": re.compile(rf"(?:{whole_words(data['change']['words'])})\s+$", i),
        # a sum of changes: "Tổng số tiêu chí tăng thêm của toàn huyện trong năm là 35 tiêu chí"
        "change_sum": re.compile(rf"(?:{whole_words(data['change']['words'])})(?!\s+cường)[^,;.\d]{{0,40}}?\s(?:là|được)\s+$", i),
        "introducer": re.compile("|".join(data["introducers"]["patterns"]), i),
        "list_intro": re.compile(r"[^;.:()\d]{0,40}?(?:\s*,?\s*(?:bao gồm|gồm có|gồm|là"
                                 r"|trong đó có(?:\s+các)?\s+tiêu chí)\s*:?\s*|:\s*)", i),
        "unnamed_list": re.compile(r"(?<!\w)(?:còn thiếu|chưa đạt|chỉ còn)\s+(?=tiêu chí\s)|(?<!\d\s)(?<!\w)(?:các\s+)?"
                                   r"tiêu chí\s+(?:còn thiếu|chưa đạt|còn lại)\s*(?:gồm|là)?\s*:?\s*", i),
        "named_met": re.compile(r"(?<!\w)đã\s+(?:hoàn thành|đạt)\s+(?:các\s+)?(?=tiêu chí\s)|(?<!\d\s)(?<!\w)(?:các\s+)?"
                                r"tiêu chí\s+đã\s+(?:hoàn thành|đạt)(?:\s+chuẩn)?\s*(?:gồm|là)?\s*:?\s*", i),
        "backref_after": re.compile(r"\s*(?:này|nói trên|trên(?!\s+địa bàn))(?!\w)", i),
        "band_gap": re.compile(r"^\s*(?:điểm\s+)?(?:còn lại\s+)?(?:đều\s+)?(?:đã\s+)?(?:(?:chỉ|mới|vẫn)\s+)*(?:đạt\s+)?"
                               r"(?:được\s+)?$", i),
        # "nâng tổng số xã đạt chuẩn lên 12", and a heading before its count: "Nhóm xã đạt 15-18 tiêu chí: 5 xã"
        "raise_to": re.compile(r"(?:tổng\s+)?(?:số|nhóm)\s+(?:xã|thôn|khu dân cư|huyện)\b[^;]*?(?:lên|là|đạt|:)\s*$", i),
        "bare_not_met": re.compile(r"\s*(?:còn lại\s+)?chưa\s+(?:đạt|về đích|được công nhận)(?=\s*(?:[,.;:(]|là(?!\w)|gồm(?!\w)|$))", i),
        "type_word": re.compile(r"\s*(?:huyện|xã|tỉnh|thị xã|thành phố|TP\.?|thị trấn|TX\.?)?\s*", i),
        "locative": re.compile(r"(?<!\w)(?:của|ở|tại)\s+", i),
        "listed_after": re.compile(r"[^,;.\d]{0,40}?\s*,?\s*(?:là|gồm|bao gồm)\s*:?\s*", i),
        "year": re.compile(r"(?<!\w)năm\s+(\d{4})(?!\d)", i),
        # behind a dateline lead: "(Baohatinh.vn) - Năm 2022, ..."
        "year_opening": re.compile(rf"\W*(?:\([^()]{{1,40}}\)\s*[-–]\s*)?(?:(?:{whole_words(data['year_openers']['words'])})\s*,?\s+)?"
                                   rf"năm\s+(\d{{4}})\s*,", i),
        "year_part": re.compile(r"(?:^|[,:])\s*năm\s+(\d{4})(?![\d/])", i),
        "continues": re.compile(r"^\W*(?:trong đó|riêng|cụ thể|ngoài ra)(?!\w)", i),
        "standard_noun": re.compile(r"(?<!thành\s)(?<!chuẩn\s)(?<!đạt\s)(?<!\w)(?:xã|huyện|tỉnh)\s+(?:NTM|nông thôn mới)(?!\w)", i),
        "level_hint": re.compile(r"\s*(?:cấp\s+)?(?P<word>huyện|tỉnh|xã)\b", i),
        "standard_level": re.compile(r"(?:chuẩn|thành)\s+(?P<word>huyện|tỉnh|xã)(?!\w)|(?P<word2>huyện|tỉnh)\s+"
                                     r"(?:NTM|nông thôn mới)", i),
        "percent_after": re.compile(rf"\(\s*(?P<p>{NUMBER})\s?%\s*\)"
                                    rf"|(?:chiếm|đạt|bằng)\s+(?:tỷ lệ\s+)?(?P<p2>{NUMBER})\s?%"
                                    rf"|tỷ lệ\s+(?:số\s+)?(?:xã|thôn|khu dân cư|huyện)[^,;.\d]{{0,30}}?(?P<p3>{NUMBER})\s?%", i),
    }


@cache
def standard_patterns() -> list[tuple[str, re.Pattern]]:
    return [(std, re.compile("|".join(forms), re.IGNORECASE)) for std, forms in rules()["standards"].items()]


def standard_in(text: str) -> str | None:
    """The standard the words name, the most specific one first ("NTM nâng cao" is nâng cao)."""
    for std, pattern in standard_patterns():
        if pattern.search(text):
            return std
    return None


def last_standard_in(text: str) -> str | None:
    found = [(m.start(), std) for std, p in standard_patterns() for m in p.finditer(text)]
    if not found:
        return None
    last = max(found)[0]
    return standard_in(text[max(0, last - 25):last + 25])

