"""Dates, counts and numbered names in Chinese text, rendered through data/english/numbers.toml.

``number_spans(text, i)`` gives the English of the pattern that matches at ``i`` (2021年5月31日 ->
May 31, 2021; 二期 -> phase II; 1.5亿元 -> 150 million yuan); the clause grammar puts it in its chart.
"""

from __future__ import annotations

import re
from functools import cache

from ..text.datafiles import load_toml
from ..text.numerals import parse_numeral

_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# Characters a pattern of numbers.toml can start with: the grammar tries the patterns only there.
NUMBER_STARTS = frozenset("零一二三四五六七八九十两第")  # and any digit
# Counts up to ten in words, by value (NUMBER_WORDS[3] == "three"): counted nouns and numbered slogans.
NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def ordinal(number: int) -> str:
    """1 -> 1st, 2 -> 2nd, 13 -> 13th, 22 -> 22nd."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


@cache
def _numbers() -> tuple[list[tuple[re.Pattern[str], str]], list[str]]:
    data = load_toml("english/numbers.toml")
    return [(re.compile(p["regex"]), p["en"]) for p in data["pattern"]], data["months"]


def month_name(month: int | str) -> str:
    """English name of month 1-12; ValueError otherwise."""
    number = int(month)
    if not 1 <= number <= 12:
        raise ValueError(f"no month {month!r}")
    return _numbers()[1][number - 1]


def _format(match: re.Match[str], template: str) -> str | None:
    """The template filled from the match, or None when a group is out of range (13月)."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    extra: dict[str, str] = {}
    try:
        for key, name in (("m", "month"), ("m2", "month2")):
            if key in groups:
                if not 1 <= int(groups[key]) <= 12:
                    return None
                extra[name] = month_name(groups[key])
        if "n" in groups:
            num = parse_numeral(groups["n"])
            if num is not None:
                extra["num"] = str(num)
                extra["roman"] = _ROMAN[num] if num < len(_ROMAN) else str(num)
                extra["ordinal"] = ordinal(num)
            if re.fullmatch(r"\d+(?:\.\d+)?", groups["n"]):
                value = float(groups["n"])
                extra["millions"] = f"{value * 100:g}"
                extra["ten_thousands"] = f"{value * 10000:,.0f}"
                extra["yi"] = _scaled(value * 1e8)
                extra["wan"] = _scaled(value * 1e4)
        if "n2" in groups and (num2 := parse_numeral(groups["n2"])) is not None:
            extra["ordinal2"] = ordinal(num2)  # a second count: the session of a numbered term
        return template.format(**groups, **extra)
    except (KeyError, ValueError, IndexError):
        return None


def _scaled(amount: float) -> str:
    """An amount in English words of scale, as news English writes money: 1.2 billion, 30 million, 5,000."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{round(amount / scale, 2):g} {word}"
    return f"{amount:,.0f}"


def number_at(text: str, pos: int) -> tuple[int, str, bool] | None:
    """The first pattern of numbers.toml matching at ``pos``: (end, English, names a date), or None."""
    if not (text[pos].isdigit() or text[pos] in NUMBER_STARTS):
        return None
    for regex, template in _numbers()[0]:
        m = regex.match(text, pos)
        if m and (en := _format(m, template)) is not None:
            return m.end(), en, bool({"y", "m"} & {k for k, v in m.groupdict().items() if v})
    return None
