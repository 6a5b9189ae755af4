"""The event date: the first month-day in the body, its year resolved against the published date."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..resources import data_toml
from .text import cn_number


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = data_toml("extract.toml")["dates"]
    return re.compile(rules["month_day"]), re.compile(rules["time_of_day"])


def find_event_date(text: str, start: int, published: str | None) -> tuple[str | None, str | None, int, int]:
    """Return (date as YYYY-MM-DD or MM-DD, time of day word, start, end) of the first dated mention."""
    month_day, time_of_day = _patterns()
    for match in month_day.finditer(text, start):
        month, day = cn_number(match["m"]), cn_number(match["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        part = time_of_day.match(text, match.end())
        year = int(match["y"]) if match["y"] else _year_from(published, month, day)
        value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        return value, part.group(1) if part else None, match.start(), match.end()
    return None, None, -1, -1


def _year_from(published: str | None, month: int, day: int) -> int | None:
    """The event is on or before the day of publication: 12月30日 in a page of 2024-01-03 is 2023."""
    if not published:
        return None
    try:
        pub = dt.date.fromisoformat(published)
    except ValueError:
        return None
    try:
        candidate = dt.date(pub.year, month, day)
    except ValueError:
        return pub.year
    return pub.year - 1 if candidate > pub + dt.timedelta(days=7) else pub.year
