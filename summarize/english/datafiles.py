"""Reading the English stage's data files (TSV tables and TOML templates) from summarize/data/."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import UsageError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ENGLISH_DIR = DATA_DIR / "english"


def read_tsv(path: str | Path, columns: tuple[str, ...], min_columns: int | None = None) -> list[tuple[int, list[str]]]:
    """Rows of a tab-separated file as (line number, fields).

    The first non-comment line must be the header naming ``columns``; '#' starts a comment line;
    blank lines are skipped. Any problem raises UsageError naming the file and line.
    """
    path = Path(path)
    needed = len(columns) if min_columns is None else min_columns
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError("glossary file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read data file: {err}", path=str(path)) from None
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


@cache
def english_table(name: str) -> dict[str, str]:
    """A two-column zh -> value table from summarize/data/english/<name>.tsv."""
    return {f[0]: f[1] for _, f in read_tsv(ENGLISH_DIR / f"{name}.tsv", ("zh", "pinyin"))}


@cache
def english_toml(name: str) -> dict[str, Any]:
    with (ENGLISH_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
