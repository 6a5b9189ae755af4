"""Traditional/Simplified detection and conversion with OpenCC."""

from __future__ import annotations

import os
import re
from functools import cache

from .han import is_han_char


@cache
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def traditional_only_chars() -> frozenset[str]:
    """Characters OpenCC maps to a different Simplified form (read from OpenCC's own dictionary)."""
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    chars: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            trad, _, simp = line.rstrip("\n").partition("\t")
            if len(trad) == 1 and trad not in simp.split():
                chars.add(trad)
    return frozenset(chars)


def detect_script(text: str) -> str:
    """'traditional', 'simplified', 'mixed' or 'none' (no Han text)."""
    trad = traditional_only_chars()
    han = trad_count = 0
    for ch in text:
        if is_han_char(ch):
            han += 1
            trad_count += ch in trad
    if han == 0:
        return "none"
    share = trad_count / han
    if share >= 0.05:
        return "traditional"
    return "mixed" if trad_count else "simplified"


def to_simplified(text: str) -> str:
    return _converter().convert(text)


@cache
def _conversion_fixes() -> tuple[re.Pattern[str], dict[str, str]]:
    from ..text.datafiles import load_lines

    fixes = dict(line.split("\t")[:2] for line in load_lines("t2s_fixes.tsv"))
    pattern = re.compile("|".join(sorted(map(re.escape, fixes), key=len, reverse=True)))
    return pattern, fixes


def fix_conversion(text: str) -> str:
    """Phrases OpenCC's t2s leaves in their Traditional form (著 as the aspect particle 着, ...)."""
    pattern, fixes = _conversion_fixes()
    return pattern.sub(lambda m: fixes[m.group(0)], text)
