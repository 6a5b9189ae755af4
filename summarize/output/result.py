"""The JSON result: fact keys match the reference notes (eval/references/README.md) so they line up."""

from __future__ import annotations

import json
from typing import Any

from ..document import SCHEMA_VERSION, Report, to_jsonable
from ..io import display_path


def to_result(report: Report, include_text: bool = True) -> dict[str, Any]:
    facts, english = report.facts, report.english
    result: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": report.id,
        "input": {
            "path": display_path(report.path),
            "sha256": report.sha256,
            "bytes": len(report.raw),
            "encoding": report.quality.encoding,
            "format": report.quality.input_format,
        },
        "title": facts.title,
        "title_en": english.title_en,
        "published": facts.published,
        "event_date": facts.event_date,
        "source": facts.source,
        "jurisdiction": facts.jurisdiction,
        "jurisdiction_en": english.jurisdiction_en,
        "event_type": facts.event_type,
        "officials": to_jsonable(facts.officials),
        "projects": to_jsonable(facts.projects),
        "campaigns": to_jsonable(facts.campaigns),
        "targets": to_jsonable(facts.targets),
        "key_points": to_jsonable(facts.key_points),
        "summary_zh": facts.summary_zh,
        "summary_en": english.summary_en or "",  # always a string; the reason for "" is in quality
        "untranslated": list(english.untranslated),
        "metadata": to_jsonable(report.metadata),
        "quality": to_jsonable(report.quality),
        "engine": dict(report.engine),
        "timings_ms": dict(report.timings_ms),
    }
    if report.translation is not None:
        result["translation"] = report.translation
    if include_text:
        result["text"] = report.text
    return result


def to_json(report: Report, indent: int | None = 2) -> str:
    return json.dumps(to_result(report), ensure_ascii=False, indent=indent)
