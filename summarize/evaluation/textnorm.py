"""Text normalisation used by every comparison, so output and reference are compared on equal terms.

Script (Traditional -> Simplified), width (NFKC) and punctuation differences are not errors the
metrics should punish; the characters that carry meaning are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from ..text.script import to_simplified  # the pipeline's own OpenCC converter

# One ROUGE token: a single CJK character, or a run of ASCII letters/digits (so "2023" is one token).
_ZH_TOKEN = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")
_EN_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _is_punct_or_space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in ("P", "S", "Z", "C")


@lru_cache(maxsize=4096)
def canonical(text: str | None) -> str:
    """NFKC, Simplified, case-folded, with punctuation, symbols and white space removed."""
    if not text:
        return ""
    text = to_simplified(unicodedata.normalize("NFKC", text)).casefold()
    return "".join(ch for ch in text if not _is_punct_or_space(ch))


def loose(text: str | None) -> str:
    """NFKC, Simplified, case-folded, white space removed, punctuation kept (for must_drop markers
    such as "(dòng)" whose brackets are part of the marker)."""
    if not text:
        return ""
    text = to_simplified(unicodedata.normalize("NFKC", text)).casefold()
    return "".join(ch for ch in text if not ch.isspace())


def zh_tokens(text: str | None) -> list[str]:
    """Character tokens of Chinese text for ROUGE: see docs/eval.md ("Tokenisation")."""
    return _ZH_TOKEN.findall(canonical(text))


def en_tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens of English text for word-level ROUGE-L."""
    if not text:
        return []
    return _EN_TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def item_text(item: Any) -> str:
    """Result lists hold {"text", "start", "end", "en"} objects, references hold strings."""
    if isinstance(item, dict):
        return str(item.get("text") or "")
    return "" if item is None else str(item)


def item_texts(items: Any) -> list[str]:
    return [t for t in (item_text(i) for i in items or []) if t.strip()]
