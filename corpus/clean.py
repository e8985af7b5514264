"""Cleaning: one Unicode form, one tone-mark convention, no page furniture.

The cleaned text is final: every offset downstream refers to it.
"""
from __future__ import annotations

import re
import unicodedata

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
COMBINING = "\u0300-\u036f"

# In an open syllable with a glide (oa, oe, uy) the samples put the tone mark on the glide:
# "hòa", "khỏe", "thủy", not "hoà", "khoẻ", "thuỷ". Matched on decomposed text, so "oẩ" (a with
# circumflex) and closed syllables such as "hoàng", "hoạch" are left alone; "qu" + "y" ("quý",
# "quỹ") is a consonant and a vowel, already right.
TONE_ON_SECOND_VOWEL = re.compile(
    rf"(?<![qQ])([oO](?=[aAeE])|[uU](?=[yY]))([aAeEyY])([{TONE_MARKS}])(?![\w{COMBINING}])")

# Lines that start the list of other articles, the comment box or the site footer: they and
# everything after them go. A link line such as "Đọc thêm: <title>" inside the body goes alone.
TAIL_MARKER = re.compile(
    r"(?:Đọc thêm|Xem thêm|Tin liên quan|Bài liên quan|Tin cùng chuyên mục|Các tin khác|Tin khác"
    r"|Những tin mới hơn|Những tin cũ hơn|Tin xem nhiều|Tin đọc nhiều|Tin mới(?: \w+){0,6}"
    r"|Ý kiến bạn đọc|Ý kiến của bạn|(?:Gửi|Viết) bình luận)"
    r"\s*:?", re.IGNORECASE)
# Above the first paragraph of the article, such a line is a menu entry and goes alone.
BODY_PARAGRAPH = 100

SOCIAL = r"(?:Facebook|Zalo|Twitter|Tweet|Email|Telegram|Messenger|LinkedIn|Copy link|Like|Share)"
FURNITURE = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"(?:>>\s*)?(?:Đọc thêm|Xem thêm|Tin liên quan)\s*:.*",  # inline link to another article
    r"Chủ đề(?: [^.,:;!?]{1,80})?",                          # topic label
    r"Loading\.*|Đang tải\.*",
    r"(?:Xem )?cỡ chữ.*|In bài(?: viết)?|Gửi bài(?: viết)?|Bình luận(?: \(\d+\))?",  # toolbar
    rf"(?:Chia sẻ(?: bài viết| bài| tin)?\s*:?)?(?:\s*{SOCIAL})*",     # share buttons
    rf"Theo dõi [^,.;]{{0,40}}\btrên (?:{SOCIAL}|Google News|YouTube|TikTok)",  # follow-us box
    r"(?:Về|Lên) đầu trang|Quay lại|In trang|Xem tiếp",
    r"(?:Nghe|Dừng)(?: đọc)? bài(?: viết| báo)?[\d:/ ]*",               # audio player
    r"(?:©|(?:Copyright|Bản quyền thuộc về)\b).*",                    # footer
    r"[\d.,]+ lượt xem|Lượt xem:? [\d.,]+",
    r"Link gốc\b.*",
    r"Thêm ý kiến góp ý|Ý kiến bạn đọc|Gửi ý kiến.*",
    r"Cổng thông tin\b[^.]{0,80}",                           # portal name
    r"Trang chủ\b[^.]{0,120}",                               # breadcrumb or menu
    r"Trang(?:\s+\d+){2,}.*",                                # pagination
    r"(?:Tags?|Từ khóa)\s*:.*",
    r"[\w.-]+\.(?:jpe?g|png|gif|webp)",                      # image file name
    r"(?:www\.)?[\w-]+(?:\.[a-z]{2,})+/?",                   # bare site name, "BAOHATINH.VN"
)]
# A line that is only a unit's name ("Huyện Cẩm Xuyên") is the name of the portal's owner.
UNIT_NAME = re.compile(r"(?:Huyện|Thị xã|Thành phố|Tỉnh|Xã|Phường|Thị trấn)((?: [^\W\d_][\w-]*){1,4})")


def normalize(text: str) -> str:
    """NFC, "\\n" line ends and the tone-mark convention of the samples ("hòa", "thủy")."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return unify_tone_marks(text)


def without_diacritics(text: str) -> str:
    """Lower case without tone marks or vowel marks, "đ" as "d": what a user types without
    Vietnamese input ("Đức Thọ" -> "duc tho")."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unify_tone_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    moved = TONE_ON_SECOND_VOWEL.sub(lambda m: m[1] + m[3] + m[2], decomposed)
    return unicodedata.normalize("NFC", moved)


def clean_text(text: str, title: str | None = None) -> str:
    """The article text without page furniture, captions that repeat the title and extra blank lines."""
    lines = [line.rstrip() for line in normalize(text).split("\n")]
    lines = drop_tail(lines)
    lines = [line for line in lines if not is_furniture(line)]
    if title:
        lines = drop_title_repeats(lines, normalize(title).strip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def drop_tail(lines: list[str]) -> list[str]:
    kept, seen_body = [], False
    for line in lines:
        if TAIL_MARKER.fullmatch(line.strip()):
            if seen_body:
                break
            continue  # a menu entry above the article
        kept.append(line)
        seen_body = seen_body or len(line) >= BODY_PARAGRAPH
    return kept


def is_furniture(line: str) -> bool:
    line = line.strip()
    if not line:
        return False
    return (any(pattern.fullmatch(line) for pattern in FURNITURE)
            or is_unit_name(line) or is_widget_heading(line))


def is_unit_name(line: str) -> bool:
    match = UNIT_NAME.fullmatch(line)
    return bool(match) and all(word[0].isupper() for word in match[1].split())


def is_widget_heading(line: str) -> bool:
    """A short heading in capitals, as portals label their boxes ("BẢN ĐỒ HÀNH CHÍNH")."""
    return line.isupper() and len(line) > 3 and len(line.split()) <= 5 and not any(c.isdigit() for c in line)


def drop_title_repeats(lines: list[str], title: str) -> list[str]:
    """Keep the first line equal to the title if it stands above the body; the others are photo
    captions."""
    kept, seen, in_body = [], False, False
    for line in lines:
        if line.strip() == title:
            if seen or in_body:
                continue
            seen = True
        kept.append(line)
        in_body = in_body or len(line) >= BODY_PARAGRAPH
    return kept
