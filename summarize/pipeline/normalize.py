"""Normalize: drop scraper pinyin annotations, convert to Simplified, full-width punctuation, tidy spaces.

Annotation removal is conservative: '(…)' is removed only when it directly follows a Han character and
every word inside is a real pinyin syllable, so (一期), (街道), (2023-06-12 15:56:55) or (CPPCC) stay.
"""

from __future__ import annotations

import re

from ..config import Settings
from ..document import Report
from ..resources import data_toml, pinyin_syllables
from .pinyin import LOWER_SYLLABLE_CHARS, strip_tones
from .script import detect_script, fix_conversion, is_han, to_simplified

# Scrapers write pinyin in lower case; '(RONG)' or '(CPPCC)' is left alone.
_SYLLABLE = rf"[{LOWER_SYLLABLE_CHARS}]{{1,7}}[1-5]?"
# One space may pad the inside, as in 會(huì )議: a bounded optional character keeps the match linear.
_ANNOTATION_BODY = rf"[(（] ?({_SYLLABLE}(?:[ '’]{_SYLLABLE})*) ?[)）]"
ANNOTATION = re.compile(rf"(?<=[\u3400-\u9fff]){_ANNOTATION_BODY}")
ANNOTATION_ONE = re.compile(_ANNOTATION_BODY)
ANNOTATION_CHAIN = re.compile(rf"(?<=[\u3400-\u9fff])(?:{_ANNOTATION_BODY})+")
FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
INLINE_SPACE = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b\ufeff]+")
SPACE_AT_PUNCT = re.compile(r" +(?=[，。；：！？、”’》）】])|(?<=[，。；：！？、“‘《（【]) +")
PARENS_WITH_HAN = re.compile(r"\(([^()\n]*[\u4e00-\u9fff][^()\n]*)\)")


def remove_annotations(text: str) -> tuple[str, int, list[str]]:
    """Drop pinyin annotations in one pass over the text (linear in its length).

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

    text = ANNOTATION_CHAIN.sub(drop_chain, text)
    examples = [example for _, _, example in sorted(found)[:10]]
    return text, len(found), examples


def _is_pinyin_annotation(inside: str) -> bool:
    words = re.split(r"[ '’]", inside)
    if not all(strip_tones(w) in pinyin_syllables() for w in words):
        return False
    # An all-lowercase-ASCII word of one letter like (a) is far more likely a list marker.
    return len(inside) != 1


def _is_cjk_context(ch: str, extra: str) -> bool:
    return is_han(ch) or ch in extra


def fullwidth_punctuation(text: str) -> str:
    rules = data_toml("normalize.toml")
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


def tidy_whitespace(text: str) -> str:
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = INLINE_SPACE.sub(" ", line).strip()
        # Spaces next to full-width punctuation are scraper noise; spaces between words may separate
        # fields ("来源：X 发布时间：Y") and stay.
        line = SPACE_AT_PUNCT.sub("", line)
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def normalize(report: Report, settings: Settings) -> Report:
    text, count, examples = remove_annotations(report.text)
    report.quality.annotations_removed += count
    report.quality.annotation_examples.extend(examples)
    script = detect_script(text)
    report.quality.script_detected = script
    if script in ("traditional", "mixed") and not report.keep_script:
        text = to_simplified(text)
        text = fix_conversion(text)
        report.quality.script_converted = True
    if report.metadata.title:  # an HTML <title>: the same treatment as the body
        title = remove_annotations(report.metadata.title)[0]
        if not report.keep_script:
            title = fix_conversion(to_simplified(title))
        report.metadata.title = tidy_whitespace(fullwidth_punctuation(title))
    text = FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    report.text = tidy_whitespace(fullwidth_punctuation(text))
    return report
