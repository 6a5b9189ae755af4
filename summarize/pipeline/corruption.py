"""Detect corruption left by broken scrapers, repair it where a reversible decoding exists.

What broken pages look like (from real scrapes):
- a lost character shows as '?' (or U+FFFD), often eating the '(' of a pinyin annotation and leaving an
  orphaned fragment: 勇?lián)?dāng) -- the fragments 'lián)' are removed, the '?' stays marked;
- GBK bytes re-read one byte off, or with a high bit stripped, after the lost character: 確?!半p過半 is
  確?“雙過半 with the first byte of “ reduced to ASCII '!'. Re-encoding the run as GBK and undoing the
  shift or the stripped bit gives the original back; the repair is kept only when the result reads as
  clearly better Chinese than the garbage it replaces;
- a lost character's second GBK byte left as an ASCII letter: 任務??h委副書記 is 任務。縣委副書記 with the
  lead byte of 縣 (BF 68) eaten and its trail byte 0x68 read as 'h'. Trail bytes (0x40-0x7E) are letters and
  a few symbols; the letter is dropped and the '?' stays, as the whole lost character;
- a lost full-width mark whose lead byte A1 lost its high bit between two lost characters: 開工?!?月 is
  開工。”1月; the '!' is part of what was lost.
Nothing is guessed: an unrecoverable character stays '?' and is listed in the quality report.

Every span is emitted at its offsets in this stage's output; the stages after it that rewrite the text
move the spans with the map of their edits (``move_spans``), so the offsets always refer to report.text.
"""

from __future__ import annotations

import re
from functools import cache

from ..config import Settings
from ..document import CorruptedSpan, Report
from ..text.datafiles import common_chars, pinyin_syllables
from ..text.han import HAN_CLASS, is_han_char
from ..text.lost import LOST, LOST_RUN
from ..text.offsets import OffsetMap, sub_with_map
from ..text.script import to_simplified
from .pinyin import SYLLABLE_CHARS, strip_tones

# A pinyin fragment whose '(' and preceding character were eaten: "?lián)".
ORPHAN = re.compile(rf"(?<=[{LOST}])([{SYLLABLE_CHARS}]{{1,7}}[1-5]?)[)）]")
# The run after a lost character that may be mis-aligned GBK: up to the next clause punctuation.
RUN_AFTER_LOST = re.compile(rf"[{LOST}]([^{LOST}\s，。；：、,.;:\n]{{1,16}})")
# A stripped GBK lead byte (0xA1, the row of full-width marks, minus its high bit is '!') between two lost
# characters, before text: in clean prose '?!?' ends a sentence and is not followed by a Han character.
STRIPPED_MARK = re.compile(rf"(?<=[{LOST}])!(?=[{LOST}][{HAN_CLASS}0-9])")
ASCII_LETTER = re.compile(r"[A-Za-z]")


def detect_corruption(report: Report, settings: Settings) -> Report:
    text = report.text
    # Spans found by a step are at its input's offsets, like those before it; each step's map moves them all.
    spans = report.quality.corrupted_spans

    def drop_orphan(match: re.Match[str]) -> str:
        if strip_tones(match.group(1)) not in pinyin_syllables():
            return match.group(0)
        # Nothing is left of it: the span is the place it was removed from.
        spans.append(CorruptedSpan(match.start(), match.start(), match.group(0), "orphan_pinyin", repaired=""))
        return ""

    text, offsets = sub_with_map(ORPHAN, drop_orphan, text)
    spans = move_spans(spans, offsets, text)
    text, offsets = sub_with_map(STRIPPED_MARK, "", text)
    spans = move_spans(spans, offsets, text)

    def repair(match: re.Match[str]) -> str:
        run = match.group(1)
        repaired, decoded = _repair_run(run)
        end = match.end()
        # A dangling lead byte and the '?' right after it are the same lost character (the span takes it).
        if repaired.endswith("?") and match.end() < len(text) and text[match.end()] in LOST:
            repaired = repaired[:-1]
            end += 1
        if decoded:
            spans.append(CorruptedSpan(match.start(1), end, run, "mojibake"))  # 'repaired': read once moved
        return match.group(0)[0] + repaired

    text, offsets = sub_with_map(RUN_AFTER_LOST, repair, text)
    spans = move_spans(spans, offsets, text)
    for match in LOST_RUN.finditer(text):
        context = text[max(0, match.start() - 4): match.end() + 4]
        spans.append(CorruptedSpan(match.start(), match.end(), context, "lost_character"))
    report.text = text
    report.quality.corrupted_spans = spans
    return report


def move_spans(spans: list[CorruptedSpan], offsets: OffsetMap, text: str) -> list[CorruptedSpan]:
    """The corrupted spans moved by ``offsets`` to ``text`` (its output), in the order of the quality report.

    A span whose text was deleted (its line dropped as page chrome) is left out; a mojibake span's
    ``repaired`` is what its place holds now (Simplified once converted). Lost characters come last, in
    text order, one span per run ('??' whose neighbours were removed is one run), each with the text
    around it as its ``text``.
    """
    moved: list[CorruptedSpan] = []
    runs: list[list[int]] = []
    unmoved = offsets.is_identity()
    for span in spans:
        place = (span.start, span.end) if unmoved else offsets.span(span.start, span.end)
        if place is None:
            continue
        start, end = place
        if span.kind == "lost_character":
            runs.append([start, end])
        else:
            repaired = text[start:end] if span.kind == "mojibake" else span.repaired
            moved.append(CorruptedSpan(start, end, span.text, span.kind, repaired))
    merged: list[list[int]] = []
    for run in sorted(runs):
        if merged and run[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], run[1])
        else:
            merged.append(run)
    for start, end in merged:
        moved.append(CorruptedSpan(start, end, text[max(0, start - 4): end + 4], "lost_character"))
    return moved


def _reading_score(text: str) -> float:
    """Share of characters that read as Chinese: common Han or CJK punctuation, not ASCII glued to Han."""
    if not text:
        return 0.0
    common = common_chars()
    good = sum(1 for ch in text if ch in common or ch in "“”‘’《》（）—…·")
    return good / len(text)


def _repair_run(run: str) -> tuple[str, bool]:
    """How the run should read, and whether that is a repair (a re-decoding, listed as mojibake; a dropped
    trail byte is part of the lost character and listed with it)."""
    try:
        raw = run.encode("gbk")
    except UnicodeEncodeError:
        return run, False
    before = _reading_score(run)
    if before >= 0.95:
        return run, False
    if ASCII_LETTER.match(run) and len(run) > 1 and is_han_char(run[1]) and _reading_score(run[1:]) >= 0.9:
        # The trail byte of the lost character: one byte off, the rest decodes to the same characters.
        return run[1:], False
    candidates = [raw[1:]]  # off by one byte: the first byte belonged to the lost character
    if raw and raw[0] < 0x80:
        candidates.append(bytes([raw[0] | 0x80]) + raw[1:])  # a stripped high bit
    decodings = [(d, _reading_score(d.replace("?", ""))) for d in map(_decode_tolerant, candidates) if d]
    best, best_score = run, before
    for decoded, score in decodings:
        if score >= 0.9 and score > best_score + 0.2:
            best, best_score = decoded, score
    if best == run:  # the characters leave it open: ask the dictionary (loaded only for such runs)
        for decoded, score in decodings:
            # Words also vouch for a decoding whose rarer characters are Traditional variants (眾).
            if score >= 0.8 and score > best_score and _reads_as_words(decoded, run):
                best, best_score = decoded, score
    return best, best != run


def _reads_as_words(decoded: str, run: str) -> bool:
    """Whether the decoding reads as words and the garbage does not.

    Garbage of a mis-aligned GBK decoding is mostly common characters too (GB2312's first level is the
    3755 most frequent), so the character score alone misses many repairs (干部一一握 for 馗刹恳灰晃帐).
    Words tell them apart: the share of characters inside dictionary words of two or more characters
    (jieba's dictionary, on the Simplified form). Loaded only here, for runs the character score leaves open.
    """
    return _word_share(decoded.replace("?", "")) >= _word_share(run) + 0.4


def _word_share(text: str) -> float:
    if not text:
        return 0.0
    words = _jieba().cut(to_simplified(text), HMM=False)
    return sum(len(word) for word in words if len(word) > 1) / len(text)


@cache
def _jieba():
    import jieba  # lazy: about 0.6 s to load its dictionary, paid only by pages with mis-aligned runs

    jieba.setLogLevel(60)
    return jieba


def _decode_tolerant(data: bytes) -> str | None:
    """GBK decode allowing only a dangling lead byte at the end (it belonged to a lost character)."""
    try:
        return data.decode("gbk")
    except UnicodeDecodeError as err:
        if err.start == len(data) - 1:
            return data[:-1].decode("gbk", errors="strict") + "?"
        return None
