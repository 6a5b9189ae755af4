"""Ingest: read a path or bytes, refuse what is not a text report, detect the encoding, unwrap HTML."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..config import Settings
from ..document import Report
from ..errors import InputError, NotAReportError
from ..text.han import HAN
from .encoding import decode_tolerant
from .html import html_to_text, looks_like_html

# Magic numbers of formats people drop into report folders by mistake.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "an executable",
}


def ingest_path(path: str | Path, settings: Settings) -> Report:
    """Read and ingest one input file ("-" reads standard input)."""
    return ingest(read_path(path, settings), settings)


def read_path(path: str | Path, settings: Settings) -> Report:
    """A Report holding one input file's bytes, not yet decoded ("-" reads standard input)."""
    name = str(path)
    if name == "-":
        return Report(path="-", raw=sys.stdin.buffer.read(settings.max_bytes + 1))
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path=name)
    if p.is_dir():
        raise InputError("is a directory, not a report file (use 'summarize batch' for folders)", path=name)
    if not p.is_file():
        raise InputError("is not a regular file", path=name)
    size = p.stat().st_size
    if size > settings.max_bytes:
        raise InputError(f"file is {size:,} bytes, over the {settings.max_bytes:,}-byte limit "
                         "(raise it with --max-bytes)", path=name)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=name) from None
    return Report(path=name, raw=data)


def ingest_bytes(data: bytes, path: str | None, settings: Settings) -> Report:
    """Ingest bytes read elsewhere (``path`` only names them in messages)."""
    return ingest(Report(path=path, raw=data), settings)


def ingest(report: Report, settings: Settings) -> Report:
    """The ingest stage: decode ``report.raw`` into ``report.text`` (HTML unwrapped), or raise InputError /
    NotAReportError for what is not a text report."""
    data, path = report.raw, report.path
    if len(data) > settings.max_bytes:
        raise InputError(f"input is over the {settings.max_bytes:,}-byte limit (raise it with --max-bytes)",
                         path=path)
    if not data.strip():
        raise InputError("file is empty", path=path)
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise InputError(f"is {what}, not a text report", path=path)
    try:
        text, encoding, replaced = decode_tolerant(data)
    except UnicodeDecodeError as err:
        raise InputError(f"cannot decode as text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): "
                         f"invalid byte at offset {err.start}", path=path) from None
    text, controls = strip_terminal_controls(text)
    if _looks_binary(text):
        raise InputError("looks like a binary file, not a text report", path=path)
    if own := own_output_kind(text):
        raise NotAReportError(f"is a summarize output ({own}), not a report", path=path)
    report.raw_text, report.text = text, text
    report.quality.encoding = encoding
    if replaced:
        shown = ", ".join(f"{start}-{end}" if end - start > 1 else str(start) for start, end in replaced[:20])
        more = f" and {len(replaced) - 20} more" if len(replaced) > 20 else ""
        report.quality.warnings.append(
            f"decoding: replaced {sum(e - s for s, e in replaced)} undecodable byte(s) with U+FFFD "
            f"at byte offsets {shown}{more}")
    if controls:
        report.quality.warnings.append(f"stripped {controls} terminal control sequence(s)")
    if looks_like_html(text):
        body, title = html_to_text(text)
        report.text = body
        report.quality.input_format = "html"
        if title:
            report.html_title = title  # a candidate; the cleaner prefers a headline line in the body
    if not report.text.strip():
        raise NotAReportError("has no text content", path=path)
    if not HAN.search(report.text):
        raise NotAReportError("has no Chinese text, not a report", path=path)
    return report


# ANSI/VT escape sequences (colours, cursor moves, OSC titles) and the other C0/C1 controls but
# tab, newline, carriage return, form feed and vertical tab: terminal noise in a scraped file.
TERMINAL_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, links
    r"|\x1b[@-Z\\-_]"  # other two-character escapes
    r"|[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f\x80-\x9f]"  # stray C0/C1 controls (NUL stays: binary)
)


def strip_terminal_controls(text: str) -> tuple[str, int]:
    """Remove terminal control sequences; returns the text and how many were removed."""
    return TERMINAL_CONTROL.subn("", text)


def own_output_kind(text: str) -> str | None:
    """'JSON' or 'Markdown' when the text is one of this tool's own outputs (a result or an index)."""
    head = text.lstrip("\ufeff \n")[:400]
    if head.startswith(("{", "[")) and '"schema_version"' in head:
        return "JSON"
    if head.startswith("# ") and "\n## 摘要\n" in text and "\n## Summary\n" in text:
        return "Markdown"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls > max(2, len(sample) // 100)
