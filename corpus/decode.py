"""Bytes to text: UTF-8, else Windows-1258 (the older Vietnamese code page), else a clear refusal."""
from __future__ import annotations

import re

# A well-formed multi-byte UTF-8 sequence. Windows-1258 text hardly ever contains one.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class Unreadable(Exception):
    """An input that cannot be an article; the message is the reason given in its rejection."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    if not data.strip():
        raise Unreadable("empty file")
    if b"\x00" in data:
        raise Unreadable("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    if looks_like_damaged_utf8(data):
        bad = data[utf8_error.start]
        raise Unreadable(f"invalid UTF-8: byte 0x{bad:02x} at offset {utf8_error.start}")
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise Unreadable("undecodable: neither UTF-8 nor Windows-1258") from None
    if CONTROL.search(text):
        raise Unreadable("undecodable: neither UTF-8 nor Windows-1258 (control characters)")
    return text, "cp1258"


def looks_like_damaged_utf8(data: bytes) -> bool:
    """Mostly UTF-8 with a few broken bytes: reading it as Windows-1258 would only make mojibake."""
    non_ascii = sum(byte >= 0x80 for byte in data)
    in_sequences = sum(len(match) for match in UTF8_SEQUENCE.findall(data))
    return in_sequences * 2 > non_ascii
