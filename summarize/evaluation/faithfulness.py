"""Faithfulness: the share of names, numbers and dates in the outputs the source does not support.

The judge is the model engine's verifier, ``summarize.grounding.verifier.find_unsupported(output,
report, lang) -> [{"kind", "text", "start", "end"}]``. Until it exists a fallback checks numbers
and dates only (``VERIFIER`` says which one ran). The verifier lists only what it rejects, so the
denominator is counted here: every date, number and known person name (from the system's own
officials and the reference's) in the output, united with the spans the verifier flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..document import Report
from .textnorm import canonical

_ZH_DATE = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_EN_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_EN_DATE = rf"{_EN_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}"
_NUMBER = r"\d+(?:[.,]\d+)*%?"
MENTION = {
    "zh": re.compile(rf"(?P<date>{_ZH_DATE})|(?P<number>{_NUMBER})"),
    "en": re.compile(rf"(?P<date>{_EN_DATE})|(?P<number>{_NUMBER})"),
}


def _verifier():
    try:
        from ..grounding.verifier import find_unsupported
    except ImportError:
        return None
    return find_unsupported


def verifier_name() -> str:
    return "summarize.grounding.verifier" if _verifier() is not None else "fallback (numbers and dates only)"


def _fallback_unsupported(output: str, report: Report, lang: str) -> list[dict[str, Any]]:
    """Numbers (and the numbers inside dates) that do not occur in the source text."""
    source = canonical(report.text or report.raw_text)
    source_numbers = set(re.findall(r"\d+", source))
    found = []
    for match in MENTION[lang].finditer(output):
        numbers = re.findall(r"\d+", match.group(0))
        if any(n.lstrip("0") not in {s.lstrip("0") for s in source_numbers} for n in numbers):
            found.append({"kind": match.lastgroup, "text": match.group(0),
                          "start": match.start(), "end": match.end()})
    return found


def find_unsupported(output: str, report: Report, lang: str) -> list[dict[str, Any]]:
    verifier = _verifier()
    if verifier is None:
        return _fallback_unsupported(output, report, lang)
    return list(verifier(output, report, lang))


def mentions(output: str, lang: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of dates, numbers and the given person names in ``output``."""
    spans = [(m.start(), m.end()) for m in MENTION[lang].finditer(output)]
    for name in {n for n in names if n}:
        spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(name), output))
    return spans


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def check(output: str | None, report: Report, lang: str, names: Iterable[str]) -> tuple[int, int, list[dict]]:
    """(checked mentions, unsupported mentions, the unsupported findings) for one output text."""
    if not output:
        return 0, 0, []
    flagged = find_unsupported(output, report, lang)
    flagged_spans = [(int(f.get("start", -1)), int(f.get("end", -1))) for f in flagged]
    counted: list[tuple[int, int]] = []
    # Longest first, so a name inside a longer name or a number inside a flagged date counts once.
    for span in sorted(mentions(output, lang, names), key=lambda s: (s[0] - s[1], s[0])):
        if not _overlaps(span, flagged_spans) and not _overlaps(span, counted):
            counted.append(span)
    return len(counted) + len(flagged), len(flagged), flagged
