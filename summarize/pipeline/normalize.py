"""Normalize: drop scraper pinyin annotations, convert to Simplified, full-width punctuation, tidy spaces.

Annotation removal is conservative: '(…)' is removed only when it directly follows a Han character and
every word inside is a real pinyin syllable, so (一期), (街道), (2023-06-12 15:56:55) or (CPPCC) stay.

Broken annotations are removed when their pinyin carries a tone mark, which real content never has:
- one bracket lost, to a line break or to the scraper: 落實(shí / 落實(shí要 / 落實shí)要;
- after a Latin letter: F(xiàn)場會 is 現(xiàn)場會 whose first GBK byte was lost and whose second byte
  (0x46) reads 'F'. A letter cannot carry pinyin, so letter and annotation are one lost character. The
  trail byte and the reading together often name it: of the ~120 GBK characters whose second byte is 0x46,
  only 現 reads xiàn. When exactly one does, it is restored (listed as a repair); otherwise it becomes '?'
  (listed as a lost character, like every '?').

The corrupted spans found so far move with the text: every edit that changes its length is recorded in an
OffsetMap (conversion and width folding change characters in place and move nothing).
"""

from __future__ import annotations

import re
from functools import cache

from ..config import Settings
from ..document import CorruptedSpan, Report
from ..text.datafiles import load_toml, pinyin_syllables
from ..text.han import HAN_CLASS, is_han_char
from ..text.offsets import OffsetMap, sub_with_map
from ..text.script import detect_script, fix_conversion, to_simplified
from .corruption import move_spans
from .pinyin import LOWER_SYLLABLE_CHARS, strip_tones

# Scrapers write pinyin in lower case; '(RONG)' or '(CPPCC)' is left alone.
_SYLLABLE = rf"[{LOWER_SYLLABLE_CHARS}]{{1,7}}[1-5]?"
# One space may pad the inside, as in 會(huì )議: a bounded optional character keeps the match linear.
_ANNOTATION_BODY = rf"[(（] ?({_SYLLABLE}(?:[ '’]{_SYLLABLE})*) ?[)）]"
ANNOTATION = re.compile(rf"(?<=[{HAN_CLASS}]){_ANNOTATION_BODY}")
ANNOTATION_ONE = re.compile(_ANNOTATION_BODY)
ANNOTATION_CHAIN = re.compile(rf"(?<=[{HAN_CLASS}])(?:{_ANNOTATION_BODY})+")
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A syllable with a tone mark; the letters around the mark are bounded, so the match stays linear.
_TONED = rf"[a-zü]{{0,5}}[{_TONE}][a-zü]{{0,4}}"
# After a Han character: '(' without its ')' (line end or text next), or ')' without its '('.
BROKEN_ANNOTATION = re.compile(
    rf"(?<=[{HAN_CLASS}])(?:[(（] ?({_TONED})(?![{LOWER_SYLLABLE_CHARS})） '’])"
    rf"|({_TONED}) ?[)）])"
)
# A Latin letter (not part of a word) carrying a toned annotation: what is left of a lost Han character.
LETTER_ANNOTATION = re.compile(rf"(?<![A-Za-z0-9])[A-Za-z][(（] ?({_TONED}) ?[)）]")
FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
INLINE_SPACE = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b\ufeff]+")
SPACE_AT_PUNCT = re.compile(r" +(?=[，。；：！？、”’》）】])|(?<=[，。；：！？、“‘《（【]) +")
PARENS_WITH_HAN = re.compile(rf"\(([^()\n]*[{HAN_CLASS}][^()\n]*)\)")


def remove_annotations(text: str, spans: list[CorruptedSpan] | None = None) -> tuple[str, int, list[str]]:
    """Drop pinyin annotations in one pass over the text (linear in its length).

    ``spans``, the corrupted spans of ``text``, are moved in place to the new text, joined by the lost
    characters this marks and the characters it restores.

    字(zì)(zì): a scraper that ran twice leaves a chain of annotations. The chain after a Han character
    is read left to right: annotations are dropped while they are pinyin; the first that is not stays,
    and so does everything after it (it no longer follows a Han character). Examples are listed in the
    order repeated passes would find them: first annotations of every chain, then second ones.
    """
    found: list[tuple[int, int, str]] = []  # (depth in its chain, position, annotation)

    def drop_chain(chain: re.Match[str]) -> str:
        kept_from = len(chain.group(0))
        for depth, one in enumerate(ANNOTATION_ONE.finditer(chain.group(0))):
            if not _is_pinyin_annotation(one.group(1)):
                kept_from = one.start()
                break
            found.append((depth, chain.start() + one.start(), one.group(0)))
        return chain.group(0)[kept_from:]

    text, offsets = sub_with_map(ANNOTATION_CHAIN, drop_chain, text)

    def drop_broken(match: re.Match[str]) -> str:
        if strip_tones(match.group(1) or match.group(2)) not in pinyin_syllables():
            return match.group(0)
        found.append((0, match.start(), match.group(0)))
        return ""

    marked: list[CorruptedSpan] = []  # at the offsets of the text LETTER_ANNOTATION reads

    def lost_character(match: re.Match[str]) -> str:
        if strip_tones(match.group(1)) not in pinyin_syllables():
            return match.group(0)
        found.append((0, match.start(), match.group(0)))
        restored = restore_from_trail_byte(match.group(0)[0], match.group(1))
        if restored:
            # The span shows the restored character with the characters after it, its context.
            after = re.match(rf"[{HAN_CLASS}]{{0,3}}", text[match.end():]).group(0)
            marked.append(CorruptedSpan(match.start(), match.end() + len(after), match.group(0) + after,
                                        "mojibake"))
        else:
            marked.append(CorruptedSpan(match.start(), match.end(), match.group(0), "lost_character"))
        return restored or "?"

    text, broken = sub_with_map(BROKEN_ANNOTATION, drop_broken, text)
    offsets = offsets.then(broken)
    # Where a step found nothing it changed nothing, and the spans stay where they are.
    if spans is not None and found:
        spans[:] = move_spans(spans, offsets, text)
    found_before = len(found)
    text, offsets = sub_with_map(LETTER_ANNOTATION, lost_character, text)
    if spans is not None and len(found) > found_before:
        spans[:] = move_spans(spans + marked, offsets, text)
    examples = [example for _, _, example in sorted(found)[:10]]
    return text, len(found), examples


def restore_from_trail_byte(letter: str, reading: str) -> str | None:
    """The one GBK character whose second byte is ``letter`` and which reads ``reading`` (toned), or None."""
    matches = [ch for ch in _gbk_with_trail_byte(ord(letter)) if reading in _readings(ch)]
    return matches[0] if len(matches) == 1 else None


@cache
def _gbk_with_trail_byte(trail: int) -> tuple[str, ...]:
    found = []
    for lead in range(0x81, 0xFF):
        try:
            found.append(bytes([lead, trail]).decode("gbk"))
        except UnicodeDecodeError:
            continue
    return tuple(found)


def _readings(ch: str) -> list[str]:
    from pypinyin import Style, pinyin  # lazy: ~0.35 s, paid only by pages with such a lost character

    return pinyin(ch, style=Style.TONE, heteronym=True)[0]


def _is_pinyin_annotation(inside: str) -> bool:
    words = re.split(r"[ '’]", inside)
    if not all(strip_tones(w) in pinyin_syllables() for w in words):
        return False
    # An all-lowercase-ASCII word of one letter like (a) is far more likely a list marker.
    return len(inside) != 1


def _is_cjk_context(ch: str, extra: str) -> bool:
    return is_han_char(ch) or ch in extra


def fullwidth_punctuation(text: str) -> str:
    rules = load_toml("normalize.toml")
    table: dict[str, str] = rules["fullwidth_punctuation"]
    context: str = rules["cjk_context"]
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in table:
            continue
        before = _neighbour(text, i, -1)
        after = _neighbour(text, i, +1)
        # Between Chinese text, or closing a Chinese sentence at the end of a line.
        if before and _is_cjk_context(before, context) and (
            _is_cjk_context(after, context) or after in ("", "\n")
        ):
            chars[i] = table[ch]
    text = "".join(chars)
    return PARENS_WITH_HAN.sub(r"（\1）", text)


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest non-space character before (step -1) or after (step +1) position i."""
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    return text[j] if 0 <= j < len(text) else ""


# Windows and old Mac line breaks (\r\n, \r) become \n; two or more empty lines become one.
LINE_BREAK = re.compile(r"\r\n?")
BLANK_LINES = re.compile(r"\n{3,}")
# White space at either end of a line (what str.strip() takes: \s is the same set of characters). A run
# is tried only from its first character, so a long run inside a line costs its length once, not squared.
LINE_ENDS = re.compile(r"^[^\S\n]+|(?<![^\S\n])[^\S\n]+$", re.MULTILINE)


def tidy_whitespace(text: str) -> tuple[str, OffsetMap]:
    """One kind of line break, one space at most, none at the ends of a line or next to full-width
    punctuation, no more than one empty line; and the map of those edits.

    Each step is one substitution over the whole text (none of the patterns crosses a line break, so
    this is the same as working line by line), and each records its edits.
    """
    offsets = OffsetMap.identity(len(text))
    # Spaces next to full-width punctuation are scraper noise; spaces between words may separate
    # fields ("来源：X 发布时间：Y") and stay.
    for pattern, replacement in ((LINE_BREAK, "\n"), (INLINE_SPACE, " "), (LINE_ENDS, ""), (SPACE_AT_PUNCT, ""),
                                 (BLANK_LINES, "\n\n")):
        text, edits = sub_with_map(pattern, replacement, text)
        offsets = offsets.then(edits)
    stripped = text.strip("\n")
    lead = len(text) - len(text.lstrip("\n"))
    return stripped, offsets.then(OffsetMap.slice(len(text), lead, lead + len(stripped)))


def normalize(report: Report, settings: Settings) -> Report:
    spans = report.quality.corrupted_spans
    text, count, examples = remove_annotations(report.text, spans)
    report.quality.annotations_removed += count
    report.quality.annotation_examples.extend(examples)
    unconverted = text
    script = detect_script(text)
    report.quality.script_detected = script
    if script in ("traditional", "mixed") and not settings.keep_script:
        text = to_simplified(text)
        text = fix_conversion(text)
        report.quality.script_converted = True
    if report.html_title:  # the same treatment as the body
        title = remove_annotations(report.html_title)[0]
        if not settings.keep_script:
            title = fix_conversion(to_simplified(title))
        report.html_title = tidy_whitespace(fullwidth_punctuation(title))[0]
    text = FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    text = fullwidth_punctuation(text)
    report.text, tidied = tidy_whitespace(text)
    # Conversion and folding rewrite characters in place: between() is the identity unless a length changed.
    offsets = OffsetMap.between(unconverted, text).then(tidied)
    report.quality.corrupted_spans = move_spans(spans, offsets, report.text)
    return report
