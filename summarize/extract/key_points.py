"""Key points: the 3-5 main directives, as short clause-level phrases ranked by centrality.

Candidates are runs of one to three clauses from sentences that carry a directive cue, with the speaker,
the cue verb and enumerators (一是要…) cut off. Each is scored by how central its words are to the whole
report (document frequency of its character bigrams), with a bonus for enumerated points and quantified
targets; the top ones are picked greedily while skipping near-duplicates, then put back in text order.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..document import Item
from ..text.datafiles import load_toml
from ..text.han import HAN_CLASS
from .text import Span, clauses, sentences

PARAGRAPH_LEAD_BONUS = 1.4
MAX_LEN = 30
MIN_LEN = 8


@cache
def _rules() -> dict[str, re.Pattern[str]]:
    rules = load_toml("key_points.toml")["key_points"]
    return {key: re.compile(value) for key, value in rules.items()}


def _bigrams(text: str) -> list[str]:
    han = re.sub(rf"[^{HAN_CLASS}0-9]", "", text)
    return [han[i:i + 2] for i in range(len(han) - 1)]


def _candidates(text: str, body_start: int, names: set[str]) -> list[tuple[Span, bool]]:
    rules = _rules()
    out: list[tuple[Span, bool]] = []
    for sentence in sentences(text[body_start:], body_start):
        if not rules["directive"].search(sentence.text):
            continue
        parts = clauses(sentence.text, sentence.start)
        for i, first in enumerate(parts):
            lead = rules["strip_leading"].match(first.text)
            cut = lead.end() if lead else 0
            enumerated = bool(rules["enumeration"].search(first.text))
            asked = "要" in first.text[:cut] or "要" in text[max(sentence.start, first.start - 2):first.start]
            start = first.start + cut
            if cut == len(first.text):  # 王静娴要求，一要统一思想: the enumerator opens the next clause
                rest = text[start:sentence.end]
                again = rules["strip_leading"].match(rest)
                enumerated = enumerated or bool(rules["enumeration"].match(rest))
                start += again.end() if again else 0
            for j in range(i, min(i + 3, len(parts))):
                end = parts[j].end
                phrase = text[start:end].rstrip("，。；！")
                if len(phrase) > MAX_LEN:
                    break
                if len(phrase) < MIN_LEN or "?" in phrase or any(n in phrase for n in names):
                    continue
                if rules["meta_phrase"].search(phrase):
                    continue
                if enumerated or asked or rules["directive_start"].match(phrase):
                    out.append((Span(start, start + len(phrase), phrase), enumerated))
    return out


def _opens_paragraph(text: str, start: int) -> bool:
    """Nothing but a speaker, 要 or an enumerator stands between the line start and the phrase."""
    # Only the last 13 characters can hold the line start of a lead of 12 or fewer: look no further
    # back, so a long line is not rescanned for every candidate (linear time).
    newline = text.rfind("\n", max(0, start - 13), start)
    if newline < 0 and start > 12:
        return False
    lead = text[newline + 1:start]
    return len(lead) <= 12 and "，" not in lead.rstrip("，") and "。" not in lead


def pick_key_points(text: str, body_start: int, names: set[str], limit: int = 5) -> list[Item]:
    candidates = _candidates(text, body_start, names)
    if not candidates:
        return []
    weights = Counter(_bigrams(text[body_start:]))
    total = len(text) - body_start or 1

    def score(span: Span, enumerated: bool) -> float:
        grams = _bigrams(span.text)
        if not grams:
            return 0.0
        centrality = sum(weights[g] for g in grams) / len(grams)
        position = 1.0 - 0.3 * (span.start - body_start) / total
        bonus = 1.5 if enumerated else 1.0
        if _opens_paragraph(text, span.start):
            bonus *= PARAGRAPH_LEAD_BONUS  # the first directive of a paragraph is usually its topic
        if re.search(r"\d", span.text):
            bonus += 0.2
        return centrality * position * bonus * min(1.0, len(span.text) / 16)

    ranked = sorted(candidates, key=lambda c: score(*c), reverse=True)
    chosen: list[Span] = []
    for span, _ in ranked:
        grams = set(_bigrams(span.text))
        overlaps = any(
            (span.start < other.end and other.start < span.end)
            or len(grams & set(_bigrams(other.text))) > 0.4 * len(grams)
            for other in chosen
        )
        if not overlaps:
            chosen.append(span)
        if len(chosen) == limit:
            break
    return [Item(s.text, s.start, s.end) for s in sorted(chosen, key=lambda s: s.start)]
