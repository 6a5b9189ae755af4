"""Event type from cue words in the headline, else in the lead sentence."""

from __future__ import annotations

import re
from functools import cache

from ..resources import data_toml


@cache
def _cues() -> list[tuple[str, re.Pattern[str]]]:
    rules = data_toml("extract.toml")["event_types"]
    return [(name, re.compile(rules[name])) for name in rules["order"]]


def classify_event(*texts: str | None) -> str:
    for text in texts:
        if not text:
            continue
        for name, pattern in _cues():
            if pattern.search(text):
                return name
    return "other"
