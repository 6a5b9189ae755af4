"""Baselines scored beside our engines, on the same cleaned text (the rules engine's clean stage).

- ``lead``: summary_zh = the first 150 characters of the clean body; key_points = its first 3 sentences.
- ``textrank``: SnowNLP's TextRank (``SnowNLP(text).summary(n)``): 3 sentences for summary_zh, 5 for
  key_points.
- both share naive first-match fields (first line as title, first date, first place name, every
  quoted phrase as a campaign, every "...项目" phrase as a project, event_type "meeting", no officials),
  so the field rows show what reading the text without understanding it achieves.
- ``names_zh``: English only: our facts rendered into English with names left in Chinese characters
  (``summarize.english.render.render_english(..., romanize_names=False)``).

A baseline returns a result-shaped dict with only the keys it produces.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..document import Report
from ..text.datafiles import load_toml
from ..text.han import HAN_CLASS

LEAD_CHARS = 150


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The naive readings' patterns (summarize/data/baselines.toml; `[HAN]` is the Han character class)."""
    return {name: re.compile(pattern.replace("[HAN", f"[{HAN_CLASS}"))
            for name, pattern in load_toml("baselines.toml").items()}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _patterns()["sentence"].findall(text) if s.strip()]


def _first_date(text: str) -> str | None:
    match = _patterns()["date"].search(text)
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}" if year else f"{int(month):02d}-{int(day):02d}"


def _first_full_date(text: str) -> str | None:
    match = _patterns()["full_date"].search(text)
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None


def naive_fields(report: Report) -> dict[str, Any]:
    body = report.text or ""
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), None)
    place = _patterns()["place"].search(body)
    return {
        "title": first_line,
        "event_date": _first_date(body),
        "published": _first_full_date(report.raw_text or body),
        "jurisdiction": place.group(0) if place else None,
        "event_type": "meeting",
        "officials": [],
        "projects": list(dict.fromkeys(m.group(0) for m in _patterns()["project"].finditer(body))),
        "campaigns": list(dict.fromkeys(m.group(1) for m in _patterns()["quoted"].finditer(body))),
    }


def lead(report: Report) -> dict[str, Any]:
    body = report.text or ""
    # White space (line breaks) is not counted in the 150 characters.
    return {**naive_fields(report), "summary_zh": "".join(body.split())[:LEAD_CHARS],
            "key_points": sentences(body)[:3]}


def textrank(report: Report) -> dict[str, Any]:
    from snownlp import SnowNLP  # lazy: loads its model files on first use

    body = report.text or ""
    if not body.strip():
        return {**naive_fields(report), "summary_zh": "", "key_points": []}
    ranked = SnowNLP(body).summary(5)
    return {**naive_fields(report), "summary_zh": "。".join(ranked[:3]) + "。", "key_points": ranked}


def _english_renderer() -> Callable[..., Any] | None:
    try:
        from ..english.render import render_english
    except ImportError:
        return None
    if "romanize_names" not in inspect.signature(render_english).parameters:
        return None
    return render_english


def names_zh_available() -> bool:
    return _english_renderer() is not None


def names_zh(report: Report) -> dict[str, Any]:
    render = _english_renderer()
    if render is None:
        return {}
    english = render(report.facts, romanize_names=False)
    get = english.get if isinstance(english, dict) else (lambda k: getattr(english, k, None))
    return {"title_en": get("title_en"), "summary_en": get("summary_en")}


def prepare(name: str) -> None:
    """Load what a baseline needs up front, so its cost column measures the work, not the import."""
    if name == "textrank":
        import snownlp  # noqa: F401  (its import loads the segmentation model: about 3 s)


BASELINES: dict[str, Callable[[Report], dict[str, Any]]] = {"lead": lead, "textrank": textrank,
                                                              "names_zh": names_zh}
