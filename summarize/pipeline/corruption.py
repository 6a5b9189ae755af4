"""Detect corruption left by broken scrapers, repair it where a reversible decoding exists.

What broken pages look like (from real scrapes):
- a lost character shows as '?' (or U+FFFD), often eating the '(' of a pinyin annotation and leaving an
  orphaned fragment: 勇?lián)?dāng) -- the fragments 'lián)' are removed, the '?' stays marked;
- GBK bytes re-read one byte off, or with a high bit stripped, after the lost character: 確?!半p過半 is
  確?“雙過半 with the first byte of “ reduced to ASCII '!'. Re-encoding the run as GBK and undoing the
  shift or the stripped bit gives the original back; the repair is kept only when the result reads as
  clearly better Chinese than the garbage it replaces.
Nothing is guessed: an unrecoverable character stays '?' and is listed in the quality report.
"""

from __future__ import annotations

import re

from ..config import Settings
from ..document import CorruptedSpan, Report
from ..resources import common_chars, pinyin_syllables
from .pinyin import SYLLABLE_CHARS, strip_tones

LOST = "?\ufffd"
# A pinyin fragment whose '(' and preceding character were eaten: "?lián)".
ORPHAN = re.compile(rf"(?<=[{LOST}])([{SYLLABLE_CHARS}]{{1,7}}[1-5]?)[)）]")
# The run after a lost character that may be mis-aligned GBK: up to the next clause punctuation.
RUN_AFTER_LOST = re.compile(rf"[{LOST}]([^{LOST}\s，。；：、,.;:\n]{{1,16}})")


def detect_corruption(report: Report, settings: Settings) -> Report:
    text = report.text
    spans: list[CorruptedSpan] = []

    def drop_orphan(match: re.Match[str]) -> str:
        if strip_tones(match.group(1)) not in pinyin_syllables():
            return match.group(0)
        spans.append(CorruptedSpan(-1, -1, match.group(0), "orphan_pinyin", repaired=""))
        return ""

    text = ORPHAN.sub(drop_orphan, text)

    def repair(match: re.Match[str]) -> str:
        repaired = _repair_run(match.group(1), spans)
        # A dangling lead byte and the '?' right after it are the same lost character.
        if repaired.endswith("?") and match.end() < len(text) and text[match.end()] in LOST:
            repaired = repaired[:-1]
        return match.group(0)[0] + repaired

    text = RUN_AFTER_LOST.sub(repair, text)
    for match in re.finditer(rf"[{LOST}]+", text):
        context = text[max(0, match.start() - 4): match.end() + 4]
        spans.append(CorruptedSpan(-1, -1, context, "lost_character"))
    report.text = text
    report.quality.corrupted_spans.extend(spans)
    return report


def _reading_score(text: str) -> float:
    """Share of characters that read as Chinese: common Han or CJK punctuation, not ASCII glued to Han."""
    if not text:
        return 0.0
    common = common_chars()
    good = sum(1 for ch in text if ch in common or ch in "“”‘’《》（）—…·")
    return good / len(text)


def _repair_run(run: str, spans: list[CorruptedSpan]) -> str:
    try:
        raw = run.encode("gbk")
    except UnicodeEncodeError:
        return run
    before = _reading_score(run)
    if before >= 0.95:
        return run
    candidates = [raw[1:]]  # off by one byte: the first byte belonged to the lost character
    if raw and raw[0] < 0x80:
        candidates.append(bytes([raw[0] | 0x80]) + raw[1:])  # a stripped high bit
    best, best_score = run, before
    for candidate in candidates:
        decoded = _decode_tolerant(candidate)
        if decoded is None:
            continue
        score = _reading_score(decoded.replace("?", ""))
        if score > best_score + 0.2 and score >= 0.9:
            best, best_score = decoded, score
    if best != run:
        spans.append(CorruptedSpan(-1, -1, run, "mojibake", repaired=best))
    return best


def _decode_tolerant(data: bytes) -> str | None:
    """GBK decode allowing only a dangling lead byte at the end (it belonged to a lost character)."""
    try:
        return data.decode("gbk")
    except UnicodeDecodeError as err:
        if err.start == len(data) - 1:
            return data[:-1].decode("gbk", errors="strict") + "?"
        return None
