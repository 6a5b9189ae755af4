"""The phrasebook of official language: typed entries for the clause renderer (grammar.py).

Folder summarize/data/english/phrasebook/, files ``*.tsv`` loaded in name order and merged (a later
file's entry for the same zh and type wins; user files given with ``--phrasebook`` load last). Lines
are ``zh<TAB>en<TAB>type[<TAB>note]``; '#' starts a comment line; there is no header line. Types:
np, vp, v, adv, frame (slots ``{X:np}`` / ``{Y:vp}`` in zh, ``{X}`` in en) and sense (the note
holds the sense's grammatical type). The format is documented in docs/english.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import UsageError
from ..text.datafiles import data_path
from ..text.han import HAN

PHRASEBOOK_DIR = data_path("english/phrasebook")
TYPES = ("np", "vp", "v", "adv", "frame", "sense")
WORD_TYPES = ("np", "vp", "v", "adv")  # what a sense (or a frame's note) may name
SLOT = re.compile(r"\{([XYZ]):(np|vp)\}")


@dataclass(frozen=True)
class Phrase:
    zh: str
    en: str
    type: str  # np | vp | v | adv | frame | sense
    note: str
    origin: str  # path:line


@dataclass(frozen=True)
class Frame:
    """A slotted pattern: parts are literal Chinese strings or (slot name, slot type) pairs."""

    zh: str
    en: str
    parts: tuple[str | tuple[str, str], ...]
    result: str  # the type the whole frame has: vp, np, adv or S (a whole clause)


@dataclass
class Phrasebook:
    words: dict[str, dict[str, str]] = field(default_factory=dict)  # zh -> type -> en
    frames: dict[str, Frame] = field(default_factory=dict)  # zh pattern -> frame
    max_len: int = 1
    after: set[str] = field(default_factory=set)  # adverbs noted `after`: English puts them after the verb phrase

    def add(self, phrase: Phrase) -> None:
        if phrase.type == "frame":
            self.frames[phrase.zh] = _frame(phrase)
            return
        kind = phrase.note if phrase.type == "sense" else phrase.type
        self.words.setdefault(phrase.zh, {})[kind] = phrase.en
        if kind == "adv":  # a later entry decides where its adverb goes
            (self.after.add if phrase.type == "adv" and phrase.note == "after" else self.after.discard)(phrase.zh)
        self.max_len = max(self.max_len, len(phrase.zh))

    def __len__(self) -> int:
        return sum(len(v) for v in self.words.values()) + len(self.frames)


def _frame_result(phrase: Phrase) -> str:
    if phrase.note in (*WORD_TYPES, "s", "S"):
        return "S" if phrase.note in ("s", "S") else phrase.note
    first = phrase.en.split()[0].lower() if phrase.en.split() else ""
    if first.startswith("{") and re.search(r"\} (is|are|means|becomes)\b", phrase.en):
        return "S"  # {X}就是{Y} -> "{X} is {Y}": a clause of its own
    if first in ("with", "by", "through", "taking", "using", "under", "in", "as", "for", "on", "around", "guided"):
        return "adv"  # 以{X}为抓手 -> "with {X} as the lever" modifies the verb phrase after it
    if first in ("the", "a", "an") or (first.startswith("{") and not re.search(r"\} \w+s?\b", phrase.en)):
        return "np"
    return "vp"


def _frame(phrase: Phrase) -> Frame:
    parts: list[str | tuple[str, str]] = []
    pos = 0
    for m in SLOT.finditer(phrase.zh):
        if m.start() > pos:
            parts.append(phrase.zh[pos : m.start()])
        parts.append((m.group(1), m.group(2)))
        pos = m.end()
    if pos < len(phrase.zh):
        parts.append(phrase.zh[pos:])
    return Frame(phrase.zh, phrase.en, tuple(parts), _frame_result(phrase))


def read_phrasebook_file(path: str | Path) -> list[Phrase]:
    """Entries of one phrasebook file; a malformed line raises UsageError naming the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError("phrasebook file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read phrasebook file: {err}", path=str(path)) from None
    out: list[Phrase] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) not in (3, 4) or not all(fields[:3]):
            raise UsageError(f"line {lineno}: expected zh<TAB>en<TAB>type[<TAB>note], got {line!r}", path=str(path))
        zh, en, kind = fields[:3]
        note = fields[3] if len(fields) == 4 else ""
        problem = _problem(zh, en, kind, note)
        if problem:
            raise UsageError(f"line {lineno}: {problem}", path=str(path))
        out.append(Phrase(zh, en, kind, note, f"{path}:{lineno}"))
    return out


def _problem(zh: str, en: str, kind: str, note: str) -> str | None:
    if kind not in TYPES:
        return f"unknown type {kind!r} (one of {', '.join(TYPES)})"
    if any(ch.isspace() for ch in zh):
        return f"the zh column must not contain spaces: {zh!r}"
    if HAN.search(en):
        return f"the en column holds Chinese characters: {en!r}"
    if kind == "sense" and note not in WORD_TYPES:
        return f"a sense needs its type in the note column (one of {', '.join(WORD_TYPES)}), got {note!r}"
    slots_zh = {m.group(1) for m in SLOT.finditer(zh)}
    slots_en = set(re.findall(r"\{([XYZ])\}", en))
    if kind == "frame":
        if not slots_zh:
            return f"a frame needs at least one slot such as {{X:np}}: {zh!r}"
        if re.sub(SLOT, "", zh).count("{") or slots_en != slots_zh:
            return f"the slots of zh and en differ: {zh!r} / {en!r}"
        if re.search(r"\}\{", zh):
            return f"two slots must be separated by Chinese text: {zh!r}"
    elif "{" in zh or "{" in en:
        return f"only a frame may hold slots: {zh!r}"
    return None


def builtin_files() -> list[Path]:
    return sorted(PHRASEBOOK_DIR.glob("*.tsv")) if PHRASEBOOK_DIR.is_dir() else []


@cache
def _read_cached(path: str, stamp: float) -> tuple[Phrase, ...]:
    return tuple(read_phrasebook_file(path))


def _stamp(path: str | os.PathLike[str]) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        raise UsageError("phrasebook file not found", path=str(path)) from None


def build(phrases: Iterable[Phrase]) -> Phrasebook:
    book = Phrasebook()
    for phrase in phrases:
        book.add(phrase)
    return book


@cache
def _cached_book(files: tuple[tuple[str, float], ...]) -> Phrasebook:
    return build(p for path, stamp in files for p in _read_cached(path, stamp))


def load_phrasebook(user_paths: Sequence[str | os.PathLike[str]] = ()) -> Phrasebook:
    """The built-in phrasebook files, then the user's (later wins). Cached per file set and mtime."""
    paths = [str(p) for p in builtin_files()] + [str(p) for p in user_paths]
    return _cached_book(tuple((p, _stamp(p)) for p in paths))
