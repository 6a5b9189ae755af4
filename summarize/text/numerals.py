"""One parser of numbers written in Chinese: 三十一, 廿五, 两千五百, 一百零五, 二〇二三, 2万, 1.5亿.

Every stage that reads a number from Chinese text (dates, counts, the verifier) parses it here, so they agree.
Malformed or colloquial forms (十十, 二三十, 一万二) give None rather than a guess.
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
TENS = {"廿": 20, "卅": 30, "卌": 40}  # one character for 二十, 三十, 四十 (dates: 廿五日)
SCALES = {"万": 10_000, "亿": 100_000_000}
ZEROS = "零〇"
# An Arabic number may stand before a unit or scale: 2万, 1.5亿, 3千.
_ARABIC = re.compile(r"\d+(?:\.\d+)?")


def parse_numeral(text: str, *, spelled_digits: bool = True) -> int | None:
    """The value of ``text``, or None when it is not one well-formed number.

    Arabic digits alone ('31') read as they are. With ``spelled_digits``, a run of digits only is read one by
    one (二〇二三 -> 2023); dates turn it off, where 一二月 means January and February, not December.
    """
    if text.isdecimal():
        return int(text)
    if not text:
        return None
    if all(ch in DIGITS for ch in text):
        if len(text) == 1 or spelled_digits:
            return int("".join(str(DIGITS[ch]) for ch in text))
        return None
    total, section = Decimal(0), Decimal(0)
    digit: Decimal | None = None
    last_unit, last_scale = 10_000, 0  # units fall within a section (千 > 百 > 十); 万 comes before 亿 only as 万亿
    units_place = True  # a lone trailing digit is the ones only after 十 or a 零 (一万二 is colloquial: None)
    i = 0
    while i < len(text):
        ch = text[i]
        if (arabic := _ARABIC.match(text, i)) is not None:
            follows = text[arabic.end():arabic.end() + 1]
            if digit is not None or not (follows in UNITS or follows in SCALES):
                return None
            digit, i = Decimal(arabic.group()), arabic.end()
            continue
        if ch in ZEROS and digit is None and (total or section):
            units_place = True  # 一百零五: 零 holds the empty place
        elif ch in DIGITS:
            if digit is not None:
                return None
            digit = Decimal(DIGITS[ch])
        elif ch in UNITS or ch in TENS:
            unit = UNITS.get(ch, 10)
            if unit >= last_unit or (ch in TENS and digit is not None):
                return None
            section += TENS[ch] if ch in TENS else (1 if digit is None else digit) * unit
            digit, last_unit, units_place = None, unit, unit == 10
        elif ch in SCALES:
            value = section + (digit or 0)
            if not value and not total:
                return None
            if ch == "万":
                if last_scale == 10_000 or not value:
                    return None
                total += value * 10_000
            else:
                if last_scale == 100_000_000:
                    return None
                total = (total + value) * 100_000_000
            section, digit, last_unit, last_scale, units_place = Decimal(0), None, 10_000, SCALES[ch], False
        else:
            return None
        i += 1
    if digit is not None and not units_place and (total or section):
        return None
    result = total + section + (digit or 0)
    return int(result) if result == result.to_integral_value() else None
