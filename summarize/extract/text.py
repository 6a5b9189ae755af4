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

