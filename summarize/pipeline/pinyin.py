"""Recognising pinyin written by scrapers: toned (dòng), numbered (dong4) or plain."""

from __future__ import annotations

import unicodedata

# Latin letters that occur in pinyin, with every tone mark (precomposed) and ü.
SYLLABLE_CHARS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
LOWER_SYLLABLE_CHARS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"


def strip_tones(syllable: str) -> str:
    """'dòng' -> 'dong', 'lǜ' -> 'lü', 'dong4' -> 'dong'."""
    syllable = syllable.rstrip("012345").lower()
    out = []
    for ch in unicodedata.normalize("NFD", syllable):
        if unicodedata.combining(ch) and ch != "\u0308":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).replace("v", "ü")
