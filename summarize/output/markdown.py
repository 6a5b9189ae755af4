"""A readable Markdown summary of one report, Chinese and English side by side."""

from __future__ import annotations

from ..document import Report
from .labels import EVENT_TYPE_LABELS, ROLE_LABELS, date_line


def _cell(value: str | None) -> str:
    return (value or "").replace("|", "\\|").replace("\n", " ")


def to_markdown(report: Report) -> str:
    facts, english, quality = report.facts, report.english, report.quality
    lines: list[str] = [f"# {facts.title or english.title_en or report.id or 'Report'}", ""]
    if english.title_en and facts.title:
        lines += [f"*{english.title_en}*", ""]
    lines += [
        "| | |",
        "|---|---|",
        f"| Date | {_cell(date_line(facts.event_date, facts.published))} |",
        f"| Place | {_cell(facts.jurisdiction)}{' (' + _cell(english.jurisdiction_en) + ')' if english.jurisdiction_en else ''} |",
        f"| Event | {EVENT_TYPE_LABELS.get(facts.event_type, facts.event_type)} |",
        f"| Source | {_cell(facts.source)} |",
        "",
    ]
    if facts.officials:
        lines += ["## Officials", "", "| Name | Name (en) | Title | Title (en) | Role |", "|---|---|---|---|---|"]
        for o in facts.officials:
            lines.append(f"| {_cell(o.name)} | {_cell(o.name_en)} | {_cell(o.title)} | {_cell(o.title_en)} | "
                         f"{ROLE_LABELS.get(o.role, o.role)} |")
        lines.append("")
    for heading, items in (("Projects", facts.projects), ("Campaigns and slogans", facts.campaigns),
                           ("Targets", facts.targets)):
        if items:
            lines += [f"## {heading}", ""]
            lines += [f"- {item.text}" + (f" — {item.en}" if item.en else "") for item in items]
            lines.append("")
    if facts.key_points:
        lines += ["## Key points", ""]
        for item in facts.key_points:
            lines.append(f"- {item.text}" + (f"  \n  {item.en}" if item.en else "  \n  *(not translated)*"))
        lines.append("")
    lines += ["## 摘要", "", facts.summary_zh or "", "", "## Summary", "", english.summary_en or "", ""]
    if report.translation:
        lines += ["## Translation", "", "| 中文 | English |", "|---|---|"]
        lines += [f"| {_cell(pair['zh'])} | {_cell(pair['en'])} |" for pair in report.translation]
        lines.append("")
    lines += [
        "## Quality",
        "",
        f"- encoding: {quality.encoding}; script: {quality.script_detected}"
        f"{' (converted to Simplified)' if quality.script_converted else ''}",
        f"- pinyin annotations removed: {quality.annotations_removed}; "
        f"boilerplate lines dropped: {len(quality.boilerplate_dropped)}; "
        f"corrupted spans: {len(quality.corrupted_spans)}",
        f"- engine: {', '.join(f'{k}={v}' for k, v in sorted(report.engine.items())) or 'rules'}",
    ]
    if quality.unsupported:
        lines.append(f"- unsupported model output: {len(quality.unsupported)} item(s)")
    if english.untranslated:
        lines.append(f"- not translated: {', '.join(english.untranslated)}")
    return "\n".join(lines) + "\n"
