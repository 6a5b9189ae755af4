"""Detect the text encoding of a scraped page and decode it.

Order: a BOM decides; otherwise strict UTF-8; otherwise every legacy Chinese encoding that decodes the
bytes strictly is scored by how much of the result is common Han text, and the best one wins. Wrong
decodings of CJK bytes produce rare characters, kana and symbols, so the score separates them well.
"""

from __future__ import annotations

from ..resources import common_chars

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
