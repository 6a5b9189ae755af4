"""Event type from the event noun of the headline, else of the lead sentence.

The taxonomy (meeting, mobilization, inspection, research_visit, conference, other) and the cue words
of each type are in data/events.toml and docs/taxonomy.md.
"""

from __future__ import annotations

import re
from functools import cache

from ..text.datafiles import load_toml


@cache
def _cues() -> list[tuple[str, re.Pattern[str]]]:
    rules = load_toml("events.toml")["event_types"]
    return [(name, re.compile(rules[name])) for name in rules["order"]]


def classify_event(*texts: str | None) -> str:
    """The first type whose cues match, trying the texts in order (headline, lead, ...)."""
    for text in texts:
        if not text:
            continue
        for name, pattern in _cues():
            if pattern.search(text):
                return name
    return "other"

