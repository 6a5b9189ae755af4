"""The data object that flows through the pipeline.

Each stage takes a :class:`Report`, fills in its part and records what it did in
``report.quality``. Everything here is plain data: no stage logic, no heavy imports.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "1.0"

ROLES = ("presided", "spoke", "led", "reported", "attended")
EVENT_TYPES = ("meeting", "mobilization", "inspection", "research_visit", "conference", "other")


# Metadata fields that name the page's staff (people who wrote or handled the page, never officials).
STAFF_FIELDS = ("author", "reporter", "editor", "reviewer", "photographer")


@dataclass
class Metadata:
    """Page metadata recovered by the cleaner (never mixed into the body text)."""

    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_time: str | None = None  # HH:MM[:SS]
    source: str | None = None
    author: str | None = None
    reporter: str | None = None
    editor: str | None = None
    reviewer: str | None = None
    photographer: str | None = None
    url: str | None = None


@dataclass
class DroppedLine:
    text: str
    reason: str  # name of the pattern group that matched, e.g. "breadcrumb", "copyright"


@dataclass
class CorruptedSpan:
    """Text a broken scraper left, at its offsets in Report.text (after every stage, the clean text).

    Each stage that rewrites the text moves the spans with the map of its edits; a span whose text was
    dropped (its line was page chrome) is no longer listed. An orphan pinyin fragment was removed, so its
    span is empty (start == end): the place it was removed from, right after the lost character.
    """

    start: int
    end: int
    text: str  # the text as scraped; for a lost character, the characters around it in Report.text
    kind: str  # "mojibake", "lost_character", "orphan_pinyin"
    repaired: str | None = None  # mojibake: what Report.text holds at start:end; orphan pinyin: ""


@dataclass
class QualityReport:
    encoding: str | None = None
    input_format: str = "text"  # "text" or "html"
    script_detected: str | None = None  # "simplified", "traditional", "mixed", "none"
    script_converted: bool = False
    annotations_removed: int = 0
    annotation_examples: list[str] = field(default_factory=list)
    boilerplate_dropped: list[DroppedLine] = field(default_factory=list)
    corrupted_spans: list[CorruptedSpan] = field(default_factory=list)
    unsupported: list[dict[str, Any]] = field(default_factory=list)  # verifier findings
    warnings: list[str] = field(default_factory=list)
    ner: str | None = None  # what read the names: "lac" (the pretrained tagger) or "rules" (no onnxruntime)


@dataclass
class Item:
    """A grounded text item with its character offsets in the clean text."""

    text: str
    start: int = -1
    end: int = -1
    en: str | None = None


@dataclass
class Official:
    name: str
    title: str | None
    role: str  # one of ROLES
    start: int = -1
    end: int = -1
    name_en: str | None = None
    title_en: str | None = None


@dataclass
class Facts:
    title: str | None = None
    event_date: str | None = None  # YYYY-MM-DD, or MM-DD when no year is known
    published: str | None = None
    source: str | None = None
    jurisdiction: str | None = None
    event_type: str = "other"
    officials: list[Official] = field(default_factory=list)
    projects: list[Item] = field(default_factory=list)
    campaigns: list[Item] = field(default_factory=list)
    targets: list[Item] = field(default_factory=list)
    key_points: list[Item] = field(default_factory=list)
    summary_zh: str | None = None


@dataclass
class English:
    title_en: str | None = None
    jurisdiction_en: str | None = None
    summary_en: str | None = None
    untranslated: list[str] = field(default_factory=list)  # phrases no glossary or dictionary covered


@dataclass
class Report:
    """One report as it moves through ingest -> normalize -> corruption -> clean -> extract -> render_en."""

    path: str | None = None  # the input path, or "-" for stdin
    raw: bytes = b""
    raw_text: str = ""  # decoded input, before any change
    text: str = ""  # the current text; after cleaning, the clean Simplified body
    html_title: str | None = None  # an HTML page's <title>: the cleaner's fallback for metadata.title
    metadata: Metadata = field(default_factory=Metadata)
    quality: QualityReport = field(default_factory=QualityReport)
    facts: Facts = field(default_factory=Facts)
    english: English = field(default_factory=English)
    translation: list[dict[str, str]] | None = None  # [{"zh": ..., "en": ...}] with --translate
    engine: dict[str, str] = field(default_factory=dict)  # field name -> engine that produced it
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        import hashlib

        return hashlib.sha256(self.raw).hexdigest()

    @property
    def id(self) -> str | None:
        return Path(self.path).stem if self.path and self.path != "-" else None


def to_jsonable(obj: Any) -> Any:
    """dataclasses -> dicts, recursively (bytes are never serialised)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj
