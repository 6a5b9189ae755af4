"""The Chinese -> English glossary: data/glossary/*.tsv (one file per category) plus the user's files.

Format (tab-separated, UTF-8): a header line ``zh  en  category``, then one term per line; lines
starting with '#' are comments. ``category`` is optional in user files (default ``term``). An
``en`` of ``-`` means "nothing in English" (e.g. the particle 的). User files are read after the
built-in one, in order, so later files win.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import UsageError
from ..text.datafiles import data_path, read_tsv

BUILTIN_GLOSSARY_DIR = data_path("glossary")  # titles.tsv, organs.tsv, events.tsv ...: one category each
COLUMNS = ("zh", "en", "category")
OMIT = "-"  # an en value that renders as nothing


@dataclass(frozen=True)
class Entry:
    zh: str
    en: str
    category: str
    origin: str  # "path:line", for messages and `summarize` debugging
    user: bool = False  # from a user glossary: a whole-title entry wins whatever its category


class Glossary:
    """Terms by Chinese form, with longest-match lookup."""

    def __init__(self, entries: Iterable[Entry] = ()):
        self.entries: dict[str, Entry] = {}
        self.max_len = 1
        self._by_category: dict[tuple[str, ...], dict[str, Entry]] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        self.entries[entry.zh] = entry
        self.max_len = max(self.max_len, len(entry.zh))
        self._by_category = {}

    def __contains__(self, zh: str) -> bool:
        return zh in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, zh: str) -> Entry | None:
        return self.entries.get(zh)

    def en(self, zh: str) -> str | None:
        entry = self.entries.get(zh)
        return None if entry is None else entry.en

    def with_category(self, *categories: str) -> dict[str, Entry]:
        """Entries of the given categories (cached: the glossary does not change once loaded)."""
        if categories not in self._by_category:
            self._by_category[categories] = {zh: e for zh, e in self.entries.items() if e.category in categories}
        return self._by_category[categories]


def read_glossary_file(path: str | Path, builtin: bool = False) -> list[Entry]:
    """Entries of one glossary file; malformed lines raise UsageError naming the file and line."""
    rows = read_tsv(path, COLUMNS, min_columns=3 if builtin else 2)
    entries = []
    for lineno, (zh, en, category) in rows:
        if any(ch.isspace() for ch in zh):
            raise UsageError(f"line {lineno}: the zh column must not contain spaces: {zh!r}", path=str(path))
        entries.append(Entry(zh, en, category or "term", f"{path}:{lineno}", user=not builtin))
    return entries


@cache
def _builtin() -> tuple[Entry, ...]:
    return tuple(entry for path in builtin_glossary_files() for entry in read_glossary_file(path, builtin=True))


def builtin_glossary_files() -> list[Path]:
    """The built-in glossary's files, in the order they load (by name)."""
    return sorted(BUILTIN_GLOSSARY_DIR.glob("*.tsv"))


@cache
def _cached(paths: tuple[str, ...], stamps: tuple[float, ...]) -> Glossary:
    glossary = Glossary(_builtin())
    for path in paths:
        for entry in read_glossary_file(path):
            glossary.add(entry)
    return glossary


def load_glossary(user_paths: Sequence[str | os.PathLike[str]] = ()) -> Glossary:
    """The built-in glossary overlaid with the user files (later files win). Cached per file set."""
    paths = tuple(str(p) for p in user_paths)
    stamps = []
    for path in paths:
        try:
            stamps.append(os.stat(path).st_mtime)
        except OSError:
            raise UsageError("glossary file not found", path=path) from None
    return _cached(paths, tuple(stamps))
