"""What counts as a Han character: one definition for every stage.

The blocks are CJK Unified Ideographs, Extension A and the Compatibility Ideographs (the ones a
scraped page can carry in the Basic Multilingual Plane; the supplementary-plane extensions are
left out because no stage has needed them and every pattern here stays a BMP character class).
"""

from __future__ import annotations

import re

HAN_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
# The ranges as the inside of a regex character class, to combine with other characters: rf"[{HAN_CLASS}0-9]".
HAN_CLASS = "".join(f"{lo}-{hi}" for lo, hi in HAN_RANGES)
HAN = re.compile(f"[{HAN_CLASS}]")


def is_han_char(ch: str) -> bool:
    """True for one Han character."""
    return any(lo <= ch <= hi for lo, hi in HAN_RANGES)


def is_han_text(text: str) -> bool:
    """True for a non-empty string made only of Han characters."""
    return bool(text) and all(is_han_char(ch) for ch in text)
