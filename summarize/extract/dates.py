"""The event date: the best-placed month-day of the body, with its year when the page gives one.

The year comes from the date itself (2023年1月12日), else from the published date, else from the text
(the latest year the event's sentence names, else the latest the report names); MM-DD only when the
page gives no year at all.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import cache

from ..text.datafiles import load_toml
from ..text.numerals import parse_numeral


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    rules = load_toml("events.toml")["dates"]
    return (re.compile(rules["month_day"]), re.compile(rules["time_of_day"]), re.compile(rules["event_cues"]),
            re.compile(rules["deadline_after"]))


@cache
def _more() -> dict[str, re.Pattern[str]]:
    rules = load_toml("events.toml")["dates"]
    return {key: re.compile(rules[key]) for key in ("event_words", "range_after", "dispatch_after", "year")}


def find_event_date(text: str, start: int, published: str | None) -> tuple[str | None, str | None, int, int]:
    """Return (date as YYYY-MM-DD or MM-DD, time of day word, start, end) of the event's date.

    Every month-day in the body is a candidate; one in a sentence that says the event happened
    (召开, 带队…) scores up, one that only mentions an event (出席, 闭幕…) a little; one that reads as a
    deadline (7月1日前), a news agency's dispatch date (4月3日电) or lies after the publication scores
    down, and the earliest of the best wins. The start of a range (10月20日至21日) is no deadline. So the
    answer does not depend on where paragraphs happen to stand.
    """
    month_day, time_of_day, event_cues, deadline = _patterns()
    more = _more()
    best: tuple[int, int, tuple[str, str | None, int, int]] | None = None
    # Sentence bounds by binary search over the positions of 。 and newlines (no rescans: linear time).
    stops = [m.start() for m in re.finditer("[。\n]", text)]
    cued: dict[tuple[int, int], int] = {}
    sentence_years: dict[tuple[int, int], int | None] = {}
    text_year: list[int | None] = []  # computed once, only when a date needs a year from the text
    for match in month_day.finditer(text, start):
        month, day = (parse_numeral(match[key], spelled_digits=False) or 0 for key in "md")
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        part = time_of_day.match(text, match.end())
        after = part.end() if part else match.end()
        explicit = int(match["y"]) if match["y"] else None
        year = explicit or _year_from(published, month, day)
        sentence_start = (stops[k - 1] + 1) if (k := bisect_left(stops, match.start())) else 0
        k = bisect_left(stops, after)
        sentence_end = stops[k] if k < len(stops) else len(text)
        if (sentence_start, sentence_end) not in cued:  # many dates in one long sentence: search it once
            cued[sentence_start, sentence_end] = (
                2 if event_cues.search(text, sentence_start, sentence_end)
                else 1 if more["event_words"].search(text, sentence_start, sentence_end) else 0)
        score = cued[sentence_start, sentence_end]
        if more["dispatch_after"].match(text, after):
            score -= 1
        elif deadline.match(text, after) and not more["range_after"].match(text, after):
            score -= 3
        if year is None and not published:
            if not text_year:
                text_year.append(_latest_year(text, 0, len(text)))
            if (sentence_start, sentence_end) not in sentence_years:  # once per sentence: linear time
                sentence_years[sentence_start, sentence_end] = _latest_year(text, sentence_start, sentence_end)
            year = sentence_years[sentence_start, sentence_end] or text_year[0]
        value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        if published and not explicit and _after_publication(published, month, day):
            score -= 2
        candidate = (score, -match.start(), (value, part.group(1) if part else None, match.start(), match.end()))
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else (None, None, -1, -1)


def _latest_year(text: str, start: int, end: int) -> int | None:
    """The latest year named between start and end (2023年), leaving out targets (到2035年, 2025年底前).

    A report names the year it is in and the one before (2022年完成情况和2023年计划), so the latest
    year named is the report's own.
    """
    years = [int(m["y"]) for m in _more()["year"].finditer(text, start, end)]
    return max(years) if years else None


def _after_publication(published: str, month: int, day: int) -> bool:
    try:
        pub = dt.date.fromisoformat(published)
        return dt.date(pub.year, month, day) > pub
    except ValueError:
        return False


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
