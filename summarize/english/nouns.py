"""Nouns the phrasebook lacks: a word jieba's dictionary tags as a common noun and CC-CEDICT gives
exactly one sense for (issue 10: "CC-CEDICT only for single-sense nouns, never for the verbs of
official prose").

Both resources are general dictionaries, not lists of this project: jieba's dictionary (about
350,000 words with part-of-speech tags, loaded once, about 1 s) decides that a span is a noun,
CC-CEDICT decides that it has one sense. A word with two senses, a verb, an adjective, a person's
or place's name, or a sense longer than MAX_WORDS words is never rendered this way, so the
renderer still leaves a clause out rather than pick the first of several senses.

Loading jieba's tag table costs 0.3-1 s per process, so the answer for every word of it is derived
once into the user's cache folder (cedict.DerivedTable, keyed by both dictionaries' files) and each
later process reads only the spans it asks about.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

from ..text.cedict import PARENTHESES, SKIP_DEFINITION, DerivedTable, cedict_path, definitions, index
from ..text.han import HAN

# jieba tags of common nouns (n: noun, ng: noun morpheme in a word, nz: other proper term,
# nt: organisation). Person names (nr*) and places (ns) are left to pinyin and the gazetteer.
NOUN_TAGS = frozenset(("n", "nz", "nt", "ng"))
MIN_CHARS = 2  # one character is too ambiguous to stand as a word
MAX_CHARS = 6  # longer dictionary words are names and set phrases
MAX_WORDS = 4  # a longer definition is an explanation, not a rendering


@cache
def _tags() -> dict[str, str]:
    import jieba
    import jieba.posseg as posseg

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return posseg.dt.word_tag_tab


def _senses(word: str) -> list[str]:
    """CC-CEDICT's usable senses of ``word`` (classifier notes, surnames and variant pointers dropped)."""
    out: list[str] = []
    for definition in definitions(index().get(word, "")):
        if SKIP_DEFINITION.match(definition):
            continue
        text = PARENTHESES.sub(" ", definition).strip(" ,;")
        if text and text not in out:
            out.append(text)
    return out


@cache
def single_sense_noun(word: str) -> str | None:
    """The one English sense of a common noun, or None (not a noun, several senses, or no usable one)."""
    if len(word) < MIN_CHARS:
        return None
    return _table().get(word) or None


@cache
def _table() -> DerivedTable | dict[str, str]:
    sources = [_jieba_dict(), cedict_path()]
    if None in sources:  # a dictionary is not where expected: compute in memory, no cache key
        return _build()
    return DerivedTable("single-sense-nouns", sources, _build)


def _jieba_dict() -> Path | None:
    """jieba's default dictionary, the file its posseg tag table is read from."""
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "dict.txt" if spec and spec.origin else None
    return path if path and path.is_file() else None


def _build() -> dict[str, str]:
    """Every noun of jieba's dictionary with its one sense: the answers single_sense_noun gives."""
    return {word: sense for word, tag in _tags().items()
            if tag in NOUN_TAGS and len(word) >= MIN_CHARS and (sense := _sense_of_noun(word))}


def _sense_of_noun(word: str) -> str | None:
    senses = _senses(word)
    if len(senses) != 1:
        return None
    sense = senses[0]
    if sense.startswith(("to ", "(", "-")) or len(sense.split()) > MAX_WORDS:
        return None  # a verb's gloss or an explanation
    if re.search(r"[^\w\s'-]", sense) or HAN.search(sense):
        return None  # "sb/sth", brackets, Chinese in the gloss: not a rendering
    return sense  # CC-CEDICT writes common nouns in lower case and proper nouns capitalised
