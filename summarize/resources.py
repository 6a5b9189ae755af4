"""Loading the data files shipped in summarize/data/ (read once, cached)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def data_text(name: str) -> str:
    return resources.files("summarize").joinpath("data", name).read_text(encoding="utf-8")


def data_lines(name: str) -> list[str]:
    """Non-empty lines of a data file, without '#' comment lines."""
    return [ln.strip() for ln in data_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def data_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(data_text(name))


@cache
def common_chars() -> frozenset[str]:
    return frozenset("".join(data_lines("common_chars.txt")))


@cache
def pinyin_syllables() -> frozenset[str]:
    return frozenset(data_lines("pinyin_syllables.txt"))
