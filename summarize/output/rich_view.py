"""The terminal view of one report (rich is imported here only, when a person is looking)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..document import Report
from .labels import EVENT_TYPE_LABELS, ROLE_LABELS, date_line


def render_report(report: Report, console: Console, verbose: bool = False) -> None:
    facts, english, quality = report.facts, report.english, report.quality
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold cyan", no_wrap=True)
    head.add_column()
    head.add_row("Date", date_line(facts.event_date, facts.published))
    place = facts.jurisdiction or "unknown"
    head.add_row("Place", f"{place} ({english.jurisdiction_en})" if english.jurisdiction_en else place)
    head.add_row("Event", EVENT_TYPE_LABELS.get(facts.event_type, facts.event_type))
    if facts.source:
        head.add_row("Source", facts.source)
    title = Text(facts.title or "(no headline)", style="bold")
    if english.title_en:
        title.append("\n" + english.title_en, style="italic")
    console.print(Panel(Group(title, Text(""), head), title=report.path or "report", title_align="left"))

    if facts.officials:
        table = Table(title="Officials", title_justify="left", show_lines=False)
        for column in ("Name", "Name (en)", "Title", "Title (en)", "Role"):
            table.add_column(column, overflow="fold")
        for o in facts.officials:
            table.add_row(o.name, o.name_en or "", o.title or "", o.title_en or "", ROLE_LABELS.get(o.role, o.role))
        console.print(table)

    for heading, items in (("Projects", facts.projects), ("Campaigns and slogans", facts.campaigns),
                           ("Targets", facts.targets), ("Key points", facts.key_points)):
        if items:
            body = Text()
            for item in items:
                body.append("• " + item.text + "\n")
                if item.en:
                    body.append("  " + item.en + "\n", style="dim")
                elif heading == "Key points":
                    body.append("  (not translated)\n", style="dim italic")
            body.rstrip()  # in place
            console.print(Panel(body, title=heading, title_align="left"))

    console.print(Panel(facts.summary_zh or "", title="摘要 (summary_zh)", title_align="left"))
    console.print(Panel(english.summary_en or "", title="English summary", title_align="left"))
    if report.translation:
        table = Table(title="Translation", title_justify="left", show_lines=True)
        table.add_column("中文", overflow="fold")
        table.add_column("English", overflow="fold")
        for pair in report.translation:
            table.add_row(pair["zh"], pair["en"])
        console.print(table)
    notes = [f"encoding {quality.encoding}", f"script {quality.script_detected}",
             f"{quality.annotations_removed} pinyin annotations removed",
             f"{len(quality.boilerplate_dropped)} boilerplate lines dropped",
             f"{len(quality.corrupted_spans)} corrupted spans"]
    if quality.unsupported:
        notes.append(f"{len(quality.unsupported)} unsupported model items")
    console.print(Text(" · ".join(notes), style="dim"))
    if verbose:
        timings = ", ".join(f"{k} {v:.1f} ms" for k, v in report.timings_ms.items())
        console.print(Text(f"engine: {report.engine}  timings: {timings}", style="dim"))


def render_clean(report: Report, console: Console, verbose: bool = False) -> None:
    meta, quality = report.metadata, report.quality
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for name in ("title", "published", "published_time", "source", "author", "reporter", "photographer",
                 "editor", "reviewer", "url"):
        value = getattr(meta, name)
        if value:
            table.add_row(name, value)
    table.add_row("encoding", f"{quality.encoding} ({quality.input_format})")
    table.add_row("script", f"{quality.script_detected}{', converted' if quality.script_converted else ''}")
    table.add_row("annotations", f"{quality.annotations_removed} removed")
    console.print(Panel(table, title=report.path or "report", title_align="left"))
    console.print(Panel(report.text, title="clean text", title_align="left"))
    if quality.boilerplate_dropped:
        dropped = Table(title="Dropped lines", title_justify="left")
        dropped.add_column("reason", style="yellow", no_wrap=True)
        dropped.add_column("text", overflow="fold")
        for line in quality.boilerplate_dropped if verbose else quality.boilerplate_dropped[:30]:
            dropped.add_row(line.reason, line.text)
        console.print(dropped)
    if quality.corrupted_spans:
        spans = Table(title="Corrupted spans", title_justify="left")
        for column in ("kind", "offsets", "text", "repaired"):
            spans.add_column(column, overflow="fold")
        for span in quality.corrupted_spans:
            spans.add_row(span.kind, f"{span.start}-{span.end}", span.text, span.repaired or "")
        console.print(spans)
