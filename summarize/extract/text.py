"""Sentence and clause spans over the clean text (offsets are kept so every fact can be traced)."""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』]?|\n|$)")
CLAUSE_END = re.compile(r"[^，；。！？!?\n]*(?:[，；。！？!?]|\n|$)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def spans(pattern: re.Pattern[str], text: str, offset: int = 0) -> list[Span]:
    out = []
    for match in pattern.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start = offset + match.start() + (len(raw) - len(raw.lstrip()))
        out.append(Span(start, start + len(stripped), stripped))
    return out


def sentences(text: str, offset: int = 0) -> list[Span]:
    return spans(SENTENCE_END, text, offset)


def clauses(text: str, offset: int = 0) -> list[Span]:
    return spans(CLAUSE_END, text, offset)


CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(token: str) -> int:
    """'31' -> 31, '三十一' -> 31, '十二' -> 12, '廿' not supported."""
    if token.isdigit():
        return int(token)
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return CN_DIGITS.get(token, 0)
