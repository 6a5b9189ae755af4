"""Numbered slogans in quotation marks: “一城三园” -> "one city and three parks", “两地两县” -> "two places and
two counties", “双高” -> "double-high".

Local governments name their plans by counts of things (一核两翼, 一轴两带, 三区一园). Xinhua's English renders such
a slogan word for word inside quotation marks, which is what this module does, and only inside quotation marks,
where the text itself marks the span as a name. Every part must be a count and a noun the phrasebook knows or a
bound noun morpheme of grammar.toml `slogan_nouns`; otherwise there is no rendering.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.datafiles import load_toml
from ..text.numerals import parse_numeral
from .morphology import is_adjective, plural_noun, singular_noun
from .numbers import NUMBER_WORDS

_NUMERALS = "一二两三四五六七八九十"
_PART = re.compile(f"([{_NUMERALS}]+|双)([^{_NUMERALS}双]{{1,2}})")


def _slogan_nouns() -> dict[str, str]:
    return load_toml("english/grammar.toml")["slogan_nouns"]  # cached by load_toml


def _counted(count: int, noun: str) -> str | None:
    """"one city", "three parks"; None for a noun with no singular and plural the table knows."""
    singular = singular_noun(noun) or noun
    if count == 1:
        return f"one {singular}"
    many = noun if singular_noun(noun) else plural_noun(noun) or _regular_plural(noun)
    return f"{NUMBER_WORDS[count]} {many}" if count < len(NUMBER_WORDS) else None


def _regular_plural(noun: str) -> str:
    """The regular plural, for a slogan noun the morphology table has no row for (county: LemmInflect lacks it)."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("s", "x", "ch", "sh")) else noun + "s"


def numbered_slogan(inner: str, noun_of: Callable[[str], str | None]) -> str | None:
    """The English of a quoted slogan made only of counts and nouns (the quotation marks not included), or None.

    ``noun_of`` gives the phrasebook's noun for a word (None where it has none).
    """
    parts = list(_PART.finditer(inner))
    if not parts or "".join(m.group() for m in parts) != inner:
        return None
    out = []
    for m in parts:
        number, body = m.groups()
        noun = _slogan_nouns().get(body) or noun_of(body)
        if not noun or " " in noun:
            return None
        if number == "双":  # 双高: double-high; 双循环 is the phrasebook's
            if len(parts) > 1:
                return None
            out.append(f"double-{noun}")
            continue
        count = parse_numeral(number)
        if count is None or is_adjective(noun) and not plural_noun(noun):
            return None
        counted = _counted(count, noun)
        if counted is None:
            return None
        out.append(counted)
    if len(out) == 1 and not out[0].startswith("double-"):
        return None  # “六个行动”, “三早”: one count is the counted noun phrase of the grammar, or no slogan
    return out[0] if len(out) == 1 else ", ".join(out[:-1]) + " and " + out[-1]
