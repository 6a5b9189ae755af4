"""Ingest: read a path or bytes, refuse what is not a text report, detect the encoding, unwrap HTML."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import Settings
from ..document import Report
from ..errors import InputError
from .encoding import decode
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
    """Read one input file ("-" reads standard input)."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(settings.max_bytes + 1)
        return ingest_bytes(data, "-", settings)
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
    return ingest_bytes(data, name, settings)


def ingest_bytes(data: bytes, path: str | None, settings: Settings) -> Report:
    if len(data) > settings.max_bytes:
        raise InputError(f"input is over the {settings.max_bytes:,}-byte limit (raise it with --max-bytes)",
                         path=path)
    if not data.strip():
        raise InputError("file is empty", path=path)
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise InputError(f"is {what}, not a text report", path=path)
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as err:
        raise InputError(f"cannot decode as text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): "
                         f"invalid byte at offset {err.start}", path=path) from None
    if _looks_binary(text):
        raise InputError("looks like a binary file, not a text report", path=path)
    report = Report(path=path, raw=data, raw_text=text, text=text, keep_script=settings.keep_script)
    report.quality.encoding = encoding
    if looks_like_html(text):
        body, title = html_to_text(text)
        report.text = body
        report.quality.input_format = "html"
        if title:
            report.metadata.title = title  # a candidate; the cleaner prefers a headline line in the body
    if not report.text.strip():
        raise InputError("has no text content", path=path)
    return report


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls > max(2, len(sample) // 100)
