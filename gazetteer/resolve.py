"""Which unit each place name in an article stands for.

A name is found by its syllables, then narrowed down by what stands around it, strongest first:
the type word before it ("xã", "huyện", "TP."), the list it belongs to ("các xã A, B và C",
"gồm: A, B"), the parents that follow it ("A (B, C)", "xã A, huyện B"), the article's date (the map
of its time), and the article's area (the provinces its source is about, and the units it names with
a strong signal). A name with none of these counts only when it is unambiguous in the area; a name
that continues a person's name, follows a title or a credit ("Ảnh: Đức Thọ"), or ends the name of a
school, a company, a market, a river or a product ("Trường THCS Hương Khê", "bưởi Phúc Trạch") is
no unit's mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from gazetteer.names import REFORM_2025, name_key, short_name, syllable_key, unit_type
from pipeline.facts import Mention

SYLLABLE = re.compile(r"[^\W_]+")  # letters and digits


def keyed(words: str) -> tuple[str, ...]:
    return tuple(syllable_key(w) for w in words.split())


# Type words and the unit types they name; abbreviations need a capital and a dot or space.
TYPE_WORDS = {keyed(words): types for words, types in {
    "xã": ("Xã",), "phường": ("Phường",), "thị trấn": ("Thị trấn",), "tt": ("Thị trấn",),
    "huyện": ("Huyện",), "h": ("Huyện",), "quận": ("Quận",), "thị xã": ("Thị xã",), "tx": ("Thị xã",),
    "thành phố": ("Thành phố",), "tp": ("Thành phố",), "tỉnh": ("Tỉnh",), "đặc khu": ("Đặc khu",),
    "huyện ủy": ("Huyện",), "tỉnh ủy": ("Tỉnh",), "thị ủy": ("Thị xã",), "thành ủy": ("Thành phố",),
}.items()}
ABBREVIATIONS = {keyed(w) for w in ("tt", "h", "tx", "tp")}
# Words for places that are no administrative unit: a name after them is a village's, a road's ...
# Those that also open names ("Hồ Chí Minh", "Sông Trí", "Trường Sơn") count only in lower case.
OTHER_PLACE = "other"
TYPE_WORDS.update((keyed(words), (OTHER_PLACE,)) for words in (
    "thôn", "xóm", "bản", "làng", "ấp", "khối", "tổ dân phố", "khu dân cư", "đường", "phố", "sông", "núi",
    "dãy", "đèo", "hồ", "đập", "cầu", "chợ", "trường", "bệnh viện", "công ty", "hợp tác xã", "htx", "đền",
    "chùa", "đình", "nhà máy", "khu công nghiệp", "khu kinh tế", "cảng", "cửa khẩu", "đồn biên phòng",
    "thủy điện",
    # landmarks named after the unit they lie in: "Ngã ba Đồng Lộc", "Khu du lịch biển Thiên Cầm"
    "khu du lịch", "bãi biển", "ngã ba", "ngã tư", "khu di tích", "di tích", "vườn quốc gia", "khu bảo tồn",
    # products, whose names are brands: "bưởi Phúc Trạch", "cam Vũ Quang"
    "bưởi", "cam", "chè", "nhút", "kẹo", "nước mắm", "mật ong"))
NAME_OPENERS = {keyed(w) for w in (
    "hồ", "sông", "núi", "cầu", "chợ", "bản", "làng", "phố", "trường", "cam", "chè", "bưởi")}
# Words between a facility's type word and the place name that ends its name: "Trường THCS Hương
# Khê", "HTX Dịch vụ nông nghiệp Hương Trà", "Bệnh viện Đa khoa Hương Sơn". Capitalised words that
# open no unit's name ("THCS", "Đa") count as well.
DESCRIPTORS = {keyed(w) for w in (
    "nông nghiệp", "dịch vụ", "sản xuất", "kinh doanh", "thương mại", "cổ phần", "chế biến", "xây dựng",
    "tổng hợp", "đa khoa", "mầm non", "tiểu học", "trung học", "cơ sở", "phổ thông", "nông sản",
    "thủy sản", "lâm nghiệp", "một thành viên", "trách nhiệm hữu hạn", "nước sạch", "môi trường",
    "điện lực", "cấp nước", "đô thị", "vật tư", "biển", "sinh thái", "lịch sử", "quốc gia", "đặc biệt",
    "thiên nhiên")}
TYPE_FIRST_SYLLABLES = {key[0] for key in TYPE_WORDS}
LEVEL_OF_TYPE = {"Xã": "commune", "Phường": "commune", "Thị trấn": "commune", "Đặc khu": "commune",
                 "Huyện": "district", "Quận": "district", "Thị xã": "district", "Thành phố": "district",
                 "Tỉnh": "province", OTHER_PLACE: OTHER_PLACE}
RANK = {"province": 0, "district": 1, "commune": 2, OTHER_PLACE: 3}

# Words before a name that make it a person's.
TITLES = {keyed(t) for t in (
    "ông", "bà", "anh", "chị", "cụ", "em", "cháu", "chú", "bác", "cô", "thầy", "đồng chí",
    "chủ tịch", "bí thư", "giám đốc", "thủ tướng", "bộ trưởng", "thứ trưởng", "trưởng ban", "phó ban",
    "chánh văn phòng", "trưởng phòng", "chủ nhiệm", "tổng bí thư", "trưởng thôn", "đại tá", "thượng tá",
    "trung tá", "thiếu tá", "đại úy", "thiếu tướng", "trung tướng", "đại tướng", "nhà báo", "tác giả",
    "gs", "pgs", "ts", "ths", "bs", "phóng viên", "đại biểu")}
# Family names: a capitalised family name right before a place name makes both a person's name.
SURNAMES = {syllable_key(s) for s in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trương Lương "
    "Lâm Mai Tô Hà Cao Chu Tạ Thái Phùng Kiều Khổng Quách Từ Lục Triệu Hứa Châu Thân Nghiêm La Doãn "
    "Âu Đào Đàm Mạc Tăng Trịnh Lại Phương Văn Kim Tôn Giáp Lò Lường Hầu Khúc Ninh Quan Vi "
    "Lưu Lã Tống Vương Cù Khương Bạch Phí Thiều Trình Diệp").split()}
# The commonest of them: a bare commune name that opens with one ("Nguyễn Du", "Trần Phú") or a bare
# full name ("Hồ Chí Minh") is taken for the person (or the street) even where a unit bears it;
# districts like "Vũ Quang" keep their name.
PEOPLES_NAMES = {syllable_key(s) for s in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trương Trịnh").split()}

# The author's or photographer's name after a credit: "Ảnh: Đức Thọ", "(Bài, ảnh: Hương Sơn)".
CREDIT = re.compile(r"(?:^|[\n(\[.–-])\s*(?:bài|ảnh|video|clip|bài và ảnh|bài,\s*ảnh|thực hiện|tác giả)"
                    r"\s*:\s*$", re.IGNORECASE)
LIST_SEPARATOR = re.compile(r"\s*(?:,|;|và|,\s*và|hoặc|cùng)\s*")
LIST_OPENER = re.compile(r"(?:gồm|gồm có|bao gồm|là|như|trong đó có)\s*:?\s*$", re.IGNORECASE)
# A counted type word ("5 xã", "các huyện") announces the list an opener starts.
LIST_TYPE = re.compile(
    r"(?:\d+|các|những|một số|hai|ba|bốn|năm)\s+(xã|phường|thị trấn|huyện|thị xã|thành phố)\b", re.IGNORECASE)
MAP_MARK = re.compile(r"\s*\(\s*(cũ|mới)\s*\)")  # "xã Tùng Lộc (cũ)", "xã Đức Thọ (mới)"
# The units a merger takes in are former ones up to the word that names its result: "sáp nhập 3 xã:
# Sơn Tây, Sơn Lĩnh, Sơn Hồng thành xã Sơn Tây". "Sau sáp nhập, xã ..." speaks of the new map.
MERGED = re.compile(r"\b(?:sáp nhập|hợp nhất)\s+(?:từ\s+)?(?:(?:\d+|các|hai|ba|bốn|năm)\s+)?"
                    r"(?:xã|phường|thị trấn)\b[^.\n]*?(?=\b(?:thành|vào|lấy tên|mang tên)\b|[.\n]|$)",
                    re.IGNORECASE)
NUMBERED_TYPES = {"Phường", "Quận"}
PART_OF_NUMBER = re.compile(r"[.,]\d")
SOURCE_DOMAIN = re.compile(r"(\w+)\.(?:gov\.)?vn$", re.IGNORECASE)
OPENING_SOURCE = re.compile(r"^\s*\((\w+)\.vn\)", re.IGNORECASE | re.MULTILINE)
CLOSING_SOURCE = re.compile(r"(?:nguồn|theo)\b[^\n]*?\b(\w+)\.(?:gov\.)?vn\b", re.IGNORECASE)


@dataclass
class Occurrence:
    start: int
    end: int
    candidates: list
    syllables: int
    types: tuple[str, ...] = ()      # unit types named by a type word or inherited through a list
    signal: str = "area"
    map_mark: str = ""               # "cũ" (former) or "mới" (new) when the text marks the name so
    hints: list["Occurrence"] = field(default_factory=list)  # its parents, as the text gives them
    host: "Occurrence | None" = None  # the name this one is a parent of
    person_like: bool = False        # reads as a person's name unless a type word or list says otherwise
    lead: int = -1                   # where its words start, its type word included
    key: tuple[str, ...] = ()        # the name's syllable keys


def source_provinces(gazetteer, url: str | None, text: str) -> frozenset[str]:
    """Provinces a provincial outlet is about, by its domain (baohatinh.vn, hatinh.gov.vn), its
    opening credit ("(Baohatinh.vn) -") or a closing "Nguồn baohatinh.vn"."""
    names = SOURCE_DOMAIN.findall(url.split("//")[-1].split("/")[0]) if url else []
    names += OPENING_SOURCE.findall(text[:600])
    names += CLOSING_SOURCE.findall(text[-300:])
    found = {gazetteer.provinces_by_folded_name.get(name.lower().removeprefix("bao")) for name in names}
    return frozenset(found - {None})


class Syllables:
    """The letter-and-digit runs of a text with their keys, and which of them are capitalised and
    joined to the next by a single space (so that a name never spans punctuation)."""

    def __init__(self, text: str, word_starts: frozenset[int] | None = None):
        self.text = text
        matches = list(SYLLABLE.finditer(text))
        self.spans = [m.span() for m in matches]
        # starts[i]: syllable i begins a word of the segmentation, if one was given ("cầu" in "yêu
        # cầu" does not: it is no bridge)
        self.starts = [word_starts is None or a in word_starts for a, _ in self.spans]
        self.words = [m.group() for m in matches]
        self.keys = [syllable_key(w) for w in self.words]
        self.joined = [text[a[1]:b[0]] == " " for a, b in zip(self.spans, self.spans[1:])] + [False]
        # run[i]: how many capitalised syllables, joined, start at i.
        self.run = [0] * (len(matches) + 1)
        for i in range(len(matches) - 1, -1, -1):
            if capitalised(self.words[i]):
                self.run[i] = 1 + (self.run[i + 1] if self.joined[i] else 0)

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """The text between syllable i and the next."""
        return self.text[self.spans[i][1]:self.spans[i + 1][0]]


def find_occurrences(gazetteer, text: str, word_starts: frozenset[int] | None = None) -> list[Occurrence]:
    """Every run of capitalised syllables that spells a known name, longest first, left to right,
    with the type word before it, and without those that belong to a person's name."""
    syllables = Syllables(text, word_starts)
    found: list[Occurrence] = []
    i = 0
    while i < len(syllables):
        lead = syllables.spans[i][0]
        typed = type_word_at(syllables, i) or opener_at(gazetteer, syllables, i)
        types = typed[1] if typed else ()
        if typed:
            i += typed[0]
        if types == (OTHER_PLACE,):
            i = past_descriptors(gazetteer, syllables, i)
        match = name_at(gazetteer, syllables, i, numbered=bool(set(types) & NUMBERED_TYPES))
        if not match:
            i += 0 if typed else 1  # after a type word, what follows is read afresh
            continue
        n, candidates = match
        start, end = syllables.spans[i][0], syllables.spans[i + n - 1][1]
        if types or not is_person(syllables, i, i + n):
            found.append(Occurrence(start, end, candidates, n, types, "type_word" if types else "area",
                                    map_mark=mark.group(1) if (mark := MAP_MARK.match(text, end)) else "",
                                    person_like=n > 1 and syllables.keys[i] in PEOPLES_NAMES,
                                    lead=lead if types else start, key=tuple(syllables.keys[i:i + n])))
        i += n
    return found


def parse_name(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(types, key) of a name as a user types it: "TP. Hà Tĩnh", "xã Hương Bình", "Sơn Kim II"."""
    syllables = Syllables(name)
    typed = type_word_at(syllables, 0) if len(syllables) else None
    if typed:
        return typed[1], tuple(syllables.keys[typed[0]:])
    return (), tuple(syllables.keys)


def capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def name_at(gazetteer, syllables: Syllables, i: int, numbered: bool):
    """(length, candidates) of the longest known name starting with a capital at syllable i. A
    number ("7", "II") is a name only where NUMBERED, after "phường" or "quận", and not part of a
    larger number ("xã 19.870 triệu")."""
    if i >= len(syllables) or not capitalised(syllables.words[i]):
        return None
    if not numbered and not syllables.words[i][0].isupper():
        return None
    number = PART_OF_NUMBER.match(syllables.text, syllables.spans[i][1]) or not numbered
    for n in range(min(gazetteer.longest, syllables.run[i]), 0, -1):
        key = tuple(syllables.keys[i:i + n])
        if number and all(k.isdigit() for k in key):
            continue
        candidates = gazetteer.named(key)
        if candidates:
            return n, candidates
    return None


def type_word_at(syllables: Syllables, i: int):
    """(length, types) of a type word starting at syllable i that a name follows."""
    if syllables.keys[i] not in TYPE_FIRST_SYLLABLES:
        return None
    for n in (3, 2, 1):
        key = tuple(syllables.keys[i:i + n])
        if key not in TYPE_WORDS or i + n >= len(syllables) or not all(syllables.joined[i:i + n - 1]):
            continue
        if TYPE_WORDS[key] == (OTHER_PLACE,) and not syllables.starts[i]:
            continue
        word = syllables.words[i]
        if key in ABBREVIATIONS:
            if word[0].isupper() and syllables.gap(i + n - 1) in (" ", ". ", "."):  # "TP.", "Tp "
                return n, TYPE_WORDS[key]
        elif syllables.gap(i + n - 1) in (" ", ": ") and (word.islower() or key not in NAME_OPENERS):
            return n, TYPE_WORDS[key]
    return None


def opener_at(gazetteer, syllables: Syllables, i: int):
    """A capitalised word that may open a unit's name ("Sông Trí", "Cầu Giấy") is a type word where
    no unit's name opens with it: "Sông Ngàn Phố", "Chợ Phúc Trạch". (Alone it may be a name too,
    "Bưởi", but a bare name of one syllable never counts.)"""
    if (syllables.keys[i],) in NAME_OPENERS and syllables.joined[i] and syllables.words[i][0].isupper():
        match = name_at(gazetteer, syllables, i, numbered=False)
        if not match or match[0] == 1:
            return 1, (OTHER_PLACE,)
    return None


def past_descriptors(gazetteer, syllables: Syllables, i: int) -> int:
    """Where the place name in a facility's name starts, after the words that describe the facility."""
    while i < len(syllables) and i > 0 and syllables.joined[i - 1] and not type_word_at(syllables, i):
        phrase = next((n for n in (3, 2, 1) if tuple(syllables.keys[i:i + n]) in DESCRIPTORS), 0)
        if phrase:
            i += phrase
        elif syllables.words[i][0].isupper() and not name_at(gazetteer, syllables, i, numbered=False):
            i += 1
        else:
            break
    return i


def is_person(syllables: Syllables, i: int, after: int) -> bool:
    """A place name (syllables i to after) inside a run of capitalised words that holds a family
    name, after a title, or in a credit ("Ảnh: Đức Thọ"). A full name right after it ends the
    title's organisation there: "Giám đốc Agribank Hà Tĩnh Trần Văn Nam"."""
    if CREDIT.search(syllables.text, max(0, syllables.spans[i][0] - 40), syllables.spans[i][0]):
        return True
    # Words in capitals are abbreviations ("UBND"), except in a heading in capitals, where only a
    # family name and a middle name right before the place name belong to it ("ÔNG NGUYỄN ĐỨC THỌ").
    heading = syllables.words[i].isupper()
    first = i
    while first > 0 and syllables.joined[first - 1] and capitalised(syllables.words[first - 1]) \
            and (not syllables.words[first - 1].isupper() or heading and i - first < 2):
        first -= 1
    if any(k in SURNAMES for k in syllables.keys[first:i]):
        return True
    if syllables.joined[after - 1] and syllables.run[after] >= 2 and syllables.keys[after] in PEOPLES_NAMES:
        return False
    for end in range(first, i + 1):
        for n in (3, 2, 1):
            if end - n >= 0 and tuple(syllables.keys[end - n:end]) in TITLES and \
                    syllables.gap(end - 1).strip() == "":
                return True
    return False


PAREN = re.compile(r"\s*\(")
COMMA = re.compile(r"\s*,\s*")


def link(gazetteer, text: str, occurrences: list[Occurrence]) -> None:
    """Parentheses and ", huyện X" after a name become its hints; lists inherit their type word."""
    ends = [attach_hints(text, occurrences, k) for k in range(len(occurrences))]
    group: list[Occurrence] = []
    previous = None
    for k, o in enumerate(occurrences):
        if o.host:
            continue
        if previous is not None and COMMA.fullmatch(text[ends[previous]:o.start]) and \
                holds(gazetteer, o, occurrences[previous]):
            o.host = occurrences[previous]
            o.host.hints.append(o)
            continue
        if o.types:
            group = [o]
        elif previous is not None and occurrences[previous].types and \
                LIST_SEPARATOR.fullmatch(text[ends[previous]:o.start]):
            o.types, o.signal = occurrences[previous].types, "list"
            separated = ";" in text[ends[previous]:o.start] or occurrences[previous].hints
            group = [o] if separated else group + [o]
        elif opened := list_opener_types(text, o.start):
            o.types, o.signal = opened, "list"
            group = [o]
        else:
            group = []
        if o.hints:
            for member in group:
                member.hints = member.hints or o.hints
            group = []
        previous = k


def attach_hints(text: str, occurrences: list[Occurrence], k: int) -> int:
    """Give occurrence k the parents that follow it; return where its own words end."""
    o = occurrences[k]
    mark = MAP_MARK.match(text, o.end)
    end = mark.end() if mark else o.end
    opening = PAREN.match(text, end)
    if opening:
        close = text.find(")", opening.end())
        if close != -1 and "\n" not in text[opening.end():close]:
            inner = [p for p in occurrences[k + 1:] if p.start < close]
            for p in inner:
                p.host = p.host or o
            o.hints.extend(inner)
            end = close + 1
    comma = COMMA.match(text, end)
    following = occurrences[k + 1] if k + 1 < len(occurrences) else None
    if comma and following and following.lead == comma.end() and following.types and o.types and \
            RANK[LEVEL_OF_TYPE[following.types[0]]] < RANK[LEVEL_OF_TYPE[o.types[0]]]:
        following.host = following.host or o
        o.hints.append(following)
    return end


def holds(gazetteer, parent: Occurrence, child: Occurrence) -> bool:
    """Whether a bare name after "xã A, " is A's parent ("xã Phúc Đồng, Hương Khê") rather than the
    next item of a list: it holds A and is no unit of A's type on the map of 2010–2025."""
    if parent.types or not child.types or any(u.type in child.types for u in parent.candidates if not u.era):
        return False
    return any(u.code in gazetteer.ancestors(c) for u in parent.candidates for c in child.candidates)


def list_opener_types(text: str, start: int) -> tuple[str, ...] | None:
    """Types for a name after "gồm:", "là" ... that follows a type word in the same sentence."""
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    before = text[line_start:start]
    if not LIST_OPENER.search(before):
        return None
    words = LIST_TYPE.findall(before)
    if not words:
        return None
    return TYPE_WORDS.get(keyed(words[-1]))


def resolve_text(gazetteer, text: str, when: date | None, provinces: frozenset[str],
                 word_starts: frozenset[int] | None = None) -> list[Mention]:
    provinces = frozenset(provinces) | source_provinces(gazetteer, None, text)
    occurrences = find_occurrences(gazetteer, text, word_starts)
    for merger in MERGED.finditer(text):
        for o in occurrences:
            if merger.start() <= o.start and o.end <= merger.end() and not o.map_mark:
                o.map_mark = "cũ"  # as if marked "(cũ)"
    link(gazetteer, text, occurrences)
    # First the names that need no area, then twice with the area they and the source give.
    chosen = [pick(gazetteer, o, when, None, provinces) for o in occurrences]
    for _ in range(2):
        area = Area(gazetteer, provinces, [unit for unit in chosen if unit is not None])
        chosen = [pick(gazetteer, o, when, area, provinces) for o in occurrences]
    return [Mention(o.start, o.end, unit.resolved, signal(o, unit))
            for o, unit in zip(occurrences, chosen) if unit is not None]


def signal(o: Occurrence, unit) -> str:
    if o.hints or (o.host and not o.types):
        return "parent"
    if o.signal == "area" and unit.level == "province":
        return "name"
    return o.signal


class Area:
    """What an article is about: provinces, districts, and the units it names."""

    def __init__(self, gazetteer, provinces: frozenset[str], units: list):
        self.provinces = set(provinces)
        self.districts: set[str] = set()
        self.named: set[str] = set()
        for unit in units:
            self.named.add(unit.resolved)
            self.provinces.add(gazetteer.province_of(unit))
            if unit.level == "district":
                self.districts.add(unit.code)
            self.districts.update(a for a in gazetteer.ancestors(unit) if len(a) == 3)


def pick(gazetteer, o: Occurrence, when: date | None, area: Area | None, sources: frozenset[str]):
    """The unit an occurrence stands for, or None when its context leaves it open. Without an area
    (the first pass) only occurrences that need none are resolved. SOURCES: the provinces the
    source is about."""
    after_reform = o.map_mark == "mới" or (
        when is not None and when.isoformat() >= REFORM_2025 and o.map_mark != "cũ")
    candidates = read_in_place(gazetteer, o, after_reform, sources)
    strong = bool(o.types or o.hints or o.host)
    if o.signal == "list" and area is not None and o.types != (OTHER_PLACE,) and not any(
            gazetteer.province_of(u) in area.provinces for u in candidates):
        # A list can run on into names of another level: "huyện Hương Sơn và Vũ Quang"; a list of
        # schools or villages does not.
        return pick(gazetteer, replace(o, types=(), signal="area"), when, area, sources)
    if not strong and o.person_like:
        candidates = [u for u in candidates if u.level != "commune" and o.syllables < 3]
    if not candidates or (not strong and o.syllables == 1):
        return None
    in_area = [u for u in candidates if area and gazetteer.province_of(u) in area.provinces]
    if not in_area:
        # Before the area is known, or outside it, a bare name counts only as a province's, and a
        # typed one only where its namesakes of any time lie in one province: the map of the time
        # tells a unit's periods apart, not namesakes ("các xã Thượng Lộc, Mỹ Lộc" of Hà Tĩnh in
        # 2025 are its former communes, not the one Xã Mỹ Lộc of the 2025 map).
        pool = candidates if strong else [u for u in candidates if u.level == "province"]
        if len({gazetteer.province_of(u) for u in pool}) > 1:
            return None
        return only(on_the_map(pool, when, after_reform))
    candidates = on_the_map(in_area, when, after_reform)
    if only(candidates):
        return only(candidates)
    if not o.types:
        # A bare name is the highest unit of that name: "Hương Khê" is the district, not the township.
        top = min(RANK[u.level] for u in candidates)
        candidates = [u for u in candidates if RANK[u.level] == top]
    named = [u for u in candidates if u.resolved in area.named]
    near = [u for u in candidates if gazetteer.ancestors(u) & area.districts]
    return only(candidates) or only(named) or only(near)


def on_the_map(candidates: list, when: date | None, after_reform: bool) -> list:
    """The candidates of the map of the time, if any: the 2025 map after the reform, else the units
    valid on the date."""
    if after_reform:
        return [u for u in candidates if u.era] or candidates
    if when is not None:
        return [u for u in candidates if u.valid_on(when)] or candidates
    return candidates


def read_in_place(gazetteer, o: Occurrence, after_reform: bool, sources: frozenset[str]) -> list:
    """The candidates the words around the name allow: the map of the time, the type word, the
    parents given."""
    candidates = [u for u in o.candidates if after_reform or not u.era]
    if o.types:
        exact = [u for u in candidates if typed_as(u, o.types, o.key)]
        # "xã" for a township or ward is common; other type words are not mixed up.
        communal = {LEVEL_OF_TYPE[t] for t in o.types} == {"commune"}
        loose = [u for u in candidates if communal and u.level == "commune"]
        # ... so a township of the source's province goes before a commune elsewhere: "xã Đồng Lộc"
        # in baohatinh.vn is Thị trấn Đồng Lộc, not Xã Đồng Lộc of Thanh Hóa.
        local = [u for u in loose if gazetteer.province_of(u) in sources]
        candidates = exact if any(u in exact for u in local) else local or exact or loose
    if o.hints:
        hinted = {code for h in o.hints for u in h.candidates for code in (u.code, u.resolved)}
        held = [u for u in candidates if lies_in(gazetteer, u, hinted)]
        # Hints may be other communes ("Tân Lâm Hương (Thạch Tân, Thạch Hương cũ)"); a district or
        # province that holds none of the candidates names another place of the same name.
        above = any(u.level != "commune" for h in o.hints for u in h.candidates)
        candidates = held or grown_into(gazetteer, candidates, o.hints) or ([] if above else candidates)
    elif o.host:
        # A parent holds the name it follows: "Kỳ Khang (Kỳ Anh)" is in the district, not the town.
        held = [u for u in candidates if any(u.code in gazetteer.ancestors(h) for h in o.host.candidates)]
        candidates = held or [u for u in candidates if u.level != "commune"] or candidates
    return candidates


def grown_into(gazetteer, candidates: list, hints: list[Occurrence]) -> list:
    """Candidates that a city or town of the hinted district's province has held since before the
    sources: towns grow by taking their neighbours' communes, so the district may be the one it had
    then ("Hoằng Quang (huyện Hoằng Hóa)" of 2010 is a ward of Thanh Hóa city by 2019)."""
    provinces = {gazetteer.province_of(u) for h in hints for u in h.candidates if u.level == "district"}
    found = []
    for unit in candidates:
        first, start, _ = unit.parents[0] if unit.parents else (None, None, None)
        town = gazetteer.unit(first) if first and start is None else None
        if town and town.type in ("Thành phố", "Thị xã") and gazetteer.province_of(town) in provinces:
            found.append(unit)
    return found


def lies_in(gazetteer, unit, codes: set[str]) -> bool:
    """Whether one of the units of these codes holds the unit; a unit of the 2025 map lies where
    the unit whose code it took lay ("phường Bắc Hồng Lĩnh (TX Hồng Lĩnh cũ)")."""
    twin = gazetteer.unit(unit.code) if unit.era else None
    return bool(gazetteer.ancestors(unit) & codes or (twin and gazetteer.ancestors(twin) & codes))


def typed_as(unit, types: tuple[str, ...], key: tuple[str, ...]) -> bool:
    """Whether the unit bears one of the types under this name, now or as a former name: "xã
    Quỳnh Hồng" is the township it merged into."""
    return unit.type in types or any(
        unit_type(alias) in types and name_key(short_name(alias)) == key for alias in unit.aliases)


def only(units):
    """The one unit the candidates come down to (merged-away communes count as their successor)."""
    codes = {u.resolved for u in units}
    if len(codes) != 1:
        return None
    return next((u for u in units if u.code == u.resolved), units[0])
