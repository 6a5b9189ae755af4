"""Detect the text encoding of a scraped page and decode it.

Order: a BOM decides; otherwise strict UTF-8; otherwise every legacy Chinese encoding that decodes the
bytes strictly is scored by how much of the result is common Han text, and the best one wins. Wrong
decodings of CJK bytes produce rare characters, kana and symbols, so the score separates them well.
"""

from __future__ import annotations

import codecs

from ..text.datafiles import common_chars
from ..text.han import is_han_char

# (BOM, codec that strips it, name to report)
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8 (BOM)"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le (BOM)"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be (BOM)"),
    (b"\xff\xfe", "utf-16", "utf-16-le (BOM)"),
    (b"\xfe\xff", "utf-16", "utf-16-be (BOM)"),
)

LEGACY_CANDIDATES = ("gb18030", "big5", "utf-16-le", "utf-16-be")


def plausibility(text: str) -> float:
    """Share of characters that look like real Chinese web text (common Han, ASCII, CJK punctuation)."""
    if not text:
        return 0.0
    common = common_chars()
    good = 0
    for ch in text:
        if ch in common or ch.isascii() or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" \
                or ch in "“”‘’—…·":
            good += 1
    return good / len(text)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises UnicodeDecodeError when nothing decodes."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return data.decode(codec), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_error = err
    best: tuple[float, str, str] | None = None
    for name in LEGACY_CANDIDATES:
        if name.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, text, name)
    if best is None or best[0] < 0.5:
        raise first_error
    return best[1], best[2]


def common_han_share(text: str) -> float:
    """Share of the Han characters that are common ones: about 0.98 for real text, about 0.8 for a wrong
    decoding that happens to land on valid characters (UTF-8 bytes read as GB18030)."""
    common = common_chars()
    han = [ch for ch in text if is_han_char(ch)]
    return sum(ch in common for ch in han) / len(han) if han else 0.0


# A damaged file decodes only with replacements, so the decoding must also read as real Chinese.
TOLERANT_MIN_COMMON_HAN = 0.92

# A file may hold a few undecodable bytes (a truncated download, a flipped byte) and still be a report:
# up to this share of its bytes (and at least MIN_TOLERATED) are replaced with U+FFFD and listed.
TOLERATED_SHARE = 0.02
MIN_TOLERATED = 4


def decode_tolerant(data: bytes) -> tuple[str, str, list[tuple[int, int]]]:
    """Like decode, but a few undecodable bytes are replaced (U+FFFD) instead of failing the file.

    Returns (text, encoding, replaced byte ranges). Raises UnicodeDecodeError when every candidate
    leaves more than a small share of the bytes undecodable, or reads as implausible text.
    """
    try:
        text, name = decode(data)
        return text, name, []
    except UnicodeDecodeError as err:
        first_error = err
    allowed = max(MIN_TOLERATED, int(len(data) * TOLERATED_SHARE))
    best: tuple[int, float, str, str, list[tuple[int, int]]] | None = None
    for name in ("utf-8", *LEGACY_CANDIDATES):
        if name.startswith("utf-16") and len(data) % 2:
            continue
        if not name.startswith("utf-16") and b"\x00" in data:
            continue  # no text in these encodings holds NUL: binary data, not a damaged report
        replaced: list[tuple[int, int]] = []
        text = _decode_recording(data, name, replaced)
        bad = sum(end - start for start, end in replaced)
        if bad > allowed or plausibility(text) < 0.5 or common_han_share(text) < TOLERANT_MIN_COMMON_HAN:
            continue
        if best is None or bad < best[0]:
            best = (bad, plausibility(text), text, name, replaced)
    if best is None:
        raise first_error
    return best[2], best[3], best[4]


def _decode_recording(data: bytes, codec: str, replaced: list[tuple[int, int]]) -> str:
    """Decode with U+FFFD for bad bytes, appending each bad byte range to ``replaced``."""
    def record(err: UnicodeError) -> tuple[str, int]:
        assert isinstance(err, UnicodeDecodeError)
        replaced.append((err.start, err.end))
        return "\ufffd", err.end

    codecs.register_error("summarize-record", record)  # re-registering replaces the handler
    return data.decode(codec, "summarize-record")
