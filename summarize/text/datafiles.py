"""The one loader of data files: the package's own (through importlib.resources) and the user's TSV files.

Package data is named relative to a folder of the ``summarize`` package, ``data/`` unless ``under`` says
otherwise (``load_lines("en_months.tsv", under="grounding/data")``). Formats:
- lines: one entry a line; blank lines and lines starting with '#' (after indentation) are skipped.
- TSV: '#' comment lines and blank lines skipped; the first other line is a header naming the columns.
- TOML: the standard (tomllib).
Every problem raises UsageError naming the file, and the line where there is one.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UsageError


def data_path(name: str, under: str = "data") -> Path:
    """Where a package data file lives (a real path: the package is installed as files, not a zip)."""
    return Path(str(resources.files("summarize").joinpath(*under.split("/"), *name.split("/"))))


def load_text(name: str, under: str = "data") -> str:
    return _read(data_path(name, under), "utf-8")


def load_lines(name: str, under: str = "data") -> list[str]:
    """Non-empty lines of a data file, stripped, without '#' comment lines."""
    return [ln.strip() for ln in load_text(name, under).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def load_toml(name: str, under: str = "data") -> dict[str, Any]:
    path = data_path(name, under)
    try:
        return tomllib.loads(_read(path, "utf-8"))
    except tomllib.TOMLDecodeError as err:  # its message ends "(at line N, column M)"
        raise UsageError(f"invalid TOML: {err}", path=str(path)) from None


def load_tsv(name: str, columns: tuple[str, ...], min_columns: int | None = None,
             under: str = "data") -> list[tuple[int, list[str]]]:
    """Rows of a package TSV file as (line number, fields); see read_tsv."""
    return read_tsv(data_path(name, under), columns, min_columns)


def read_tsv(path: str | Path, columns: tuple[str, ...], min_columns: int | None = None) -> list[tuple[int, list[str]]]:
    """Rows of a tab-separated file (a user's glossary, or package data) as (line number, fields).

    The first non-comment line must be the header naming ``columns``; '#' starts a comment line;
    blank lines are skipped; missing optional columns come back as "". Any problem raises UsageError
    naming the file and line.
    """
    path = Path(path)
    needed = len(columns) if min_columns is None else min_columns
    text = _read(path, "utf-8-sig")
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            names = [f.lower() for f in fields]
            if len(names) < needed or names != list(columns[: len(names)]):
                raise UsageError(f"line {lineno}: expected a header line with columns "
                                 f"{', '.join(columns)} separated by tabs", path=str(path))
            header_seen = True
            continue
        if len(fields) < needed or any(not f for f in fields[:needed]):
            raise UsageError(f"line {lineno}: expected {needed} tab-separated columns "
                             f"({', '.join(columns[:needed])}), got {line!r}", path=str(path))
        if len(fields) > len(columns):
            raise UsageError(f"line {lineno}: too many columns ({len(fields)}; at most {len(columns)})",
                             path=str(path))
        rows.append((lineno, fields + [""] * (len(columns) - len(fields))))
    if not header_seen:
        raise UsageError("empty data file: no header line", path=str(path))
    return rows


def _read(path: Path, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        raise UsageError("data file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read data file: {err}", path=str(path)) from None


@cache
def common_chars() -> frozenset[str]:
    """The common Chinese characters (data/common_chars.txt): what mojibake and corruption checks expect."""
    return frozenset("".join(load_lines("common_chars.txt")))


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (data/pinyin_syllables.txt)."""
    return frozenset(load_lines("pinyin_syllables.txt"))
