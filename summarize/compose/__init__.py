"""The two summaries: summary_zh (zh.py, from the facts) and summary_en (en.py, from the facts' English).

The JSON schema keeps summary_zh on Facts and summary_en / title_en on English; ``set_text`` is the one
place that knows which field lives where, so a stage that rewrites a text (the model engine) need not.
"""

from __future__ import annotations

from ..document import Report

# Which part of the Report holds each composed text.
_HOLDERS = {"summary_zh": "facts", "summary_en": "english", "title_en": "english"}


def set_text(report: Report, field_name: str, value: str) -> None:
    """Set a composed text (summary_zh, summary_en or title_en) wherever the Report keeps it."""
    setattr(getattr(report, _HOLDERS[field_name]), field_name, value)
