"""Hanyu Pinyin for person and place names.

Person names: surname first, given name written as one word (马盛春 -> Ma Shengchun). Compound
surnames and the surname readings of polyphonic characters come from data/english/surnames.tsv.
Given names are read as a word, so pypinyin's phrase dictionary picks the reading of polyphonic
characters (重阳 -> Chongyang, 还珠 -> Huanzhu), except for the characters data/english/given_names.tsv
lists with their usual reading in names (行 xing, 长 chang: 行长 -> Xingchang, not Hangzhang).
Four-character names without a compound surname are usually transliterated non-Han names: each
character keeps its own reading and the name is written as two words (斯那扎史 -> Sina Zhashi). Place names follow the same spelling rules, with an
apostrophe where a syllable starting with a, o or e would otherwise run into the one before (Xi'an).
"""

from __future__ import annotations

import re
from functools import cache

from ..text.datafiles import load_tsv
from ..text.han import is_han_char, is_han_text

_NAME_SEPARATORS = re.compile(r"[·•‧・．.\s]+")


@cache
def _pinyin_module():
    # pypinyin loads its dictionaries at import (~0.3 s): only pay for it when a name needs it.
    import pypinyin

    return pypinyin


def _char_reading(ch: str, overrides: dict[str, str]) -> str:
    if ch in overrides:
        return overrides[ch]
    if not is_han_char(ch):
        return ch.lower()
    return _default_reading(ch)


@cache
def _default_reading(ch: str) -> str:
    pypinyin = _pinyin_module()
    return pypinyin.lazy_pinyin(ch, style=pypinyin.Style.NORMAL, v_to_u=True)[0]


@cache
def _word_readings(text: str) -> tuple[str, ...]:
    """Syllables for a word, letting pypinyin use its phrase dictionary (right for place names)."""
    pypinyin = _pinyin_module()
    return tuple(s.lower() for s in pypinyin.lazy_pinyin(text, style=pypinyin.Style.NORMAL, v_to_u=True))


def join_syllables(syllables: list[str]) -> str:
    """Join syllables into one word with the pinyin apostrophe rule, capitalized: xi + an -> Xi'an."""
    word = ""
    for syllable in syllables:
        if word and syllable[:1] in ("a", "o", "e"):
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


@cache
def english_table(name: str) -> dict[str, str]:
    """A two-column zh -> pinyin table from data/english/<name>.tsv."""
    return {f[0]: f[1] for _, f in load_tsv(f"english/{name}.tsv", ("zh", "pinyin"))}


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a Han name, honouring compound surnames."""
    surnames = english_table("surnames")
    if len(name) >= 3 and name[:2] in surnames:
        return name[:2], name[2:]
    return name[:1], name[1:]


def romanize_name(name: str) -> str:
    """A person's name in pinyin, surname first. Non-Han input is returned unchanged."""
    name = name.strip()
    if not name:
        return name
    parts = [p for p in _NAME_SEPARATORS.split(name) if p]
    if len(parts) > 1:  # transliterated names written with a middle dot: one word per part
        return " ".join(join_syllables([_char_reading(c, {}) for c in p]) if is_han_text(p) else p for p in parts)
    if not is_han_text(name):
        return name
    surnames = english_table("surnames")
    given_overrides = english_table("given_names")
    if len(name) == 4 and name[:2] not in surnames:
        # No compound surname: a transliterated (e.g. Tibetan, Yi, Lisu) name, two words of two syllables.
        halves = (name[:2], name[2:])
        return " ".join(join_syllables([_char_reading(c, given_overrides) for c in h]) for h in halves)
    surname, given = split_name(name)
    if len(surname) == 2:
        surname_en = join_syllables([surnames[surname]])
    else:
        surname_en = join_syllables([_char_reading(surname, surnames)])
    if not given:
        return surname_en
    readings = _word_readings(given)
    if len(readings) != len(given):  # pypinyin kept something whole: fall back to characters
        readings = tuple(_default_reading(c) for c in given)
    return f"{surname_en} {join_syllables([given_overrides.get(c, r) for c, r in zip(given, readings, strict=True)])}"


def romanize_place(name: str) -> str:
    """A place name (without its unit word) as one pinyin word: 纳溪 -> Naxi, 西安 -> Xi'an."""
    if not name or not is_han_text(name):
        return name
    return join_syllables(list(_word_readings(name)))
