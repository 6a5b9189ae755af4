"""Benchmark inputs generated from real reports: re-encoded, Traditional or Simplified, paragraphs
shuffled, or made k times longer. Deterministic for a given seed; all in memory (no files).

(summarize/evaluation/corpus.py builds on-disk corpora with broken files for the batch tests; this is the small
in-memory part the ``summarize bench`` command needs, which must not import from tests/.)
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

ENCODINGS = ("utf-8", "gb18030", "utf-16", "big5")
SCRIPTS = ("as-is", "simplified", "traditional")


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc  # lazy

    return opencc.OpenCC(config)


def load_texts(folder: str | Path) -> dict[str, str]:
    """Every *.txt report of ``folder`` decoded as UTF-8 (the seeds are UTF-8)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))}
    if not texts:
        from ..errors import UsageError

        raise UsageError("no *.txt reports found", path=str(folder))
    return texts


def in_script(text: str, script: str) -> str:
    if script == "simplified":
        return _converter("t2s").convert(text)
    if script == "traditional":
        return _converter("s2t").convert(_converter("t2s").convert(text))
    return text


def shuffle_paragraphs(text: str, rng: random.Random, keep_head: int = 4) -> str:
    """Shuffle the body paragraphs; the first lines (headline, date, chrome) stay on top."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = paragraphs[keep_head:]
    rng.shuffle(body)
    return "\n\n".join(paragraphs[:keep_head] + body) + "\n"


def encode(text: str, encoding: str) -> bytes:
    """Big5 cannot spell every character: those fall back to their Simplified form or "?", as on a real page."""
    if encoding != "big5":
        return text.encode(encoding)
    out = []
    for ch in text:
        try:
            ch.encode("big5")
            out.append(ch)
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out).encode("big5")


def variants(texts: dict[str, str], count: int, seed: int = 1234) -> list[tuple[str, bytes]]:
    """``count`` (name, bytes) inputs cycling through the texts with random script, order and encoding."""
    rng = random.Random(seed)
    names = sorted(texts)
    scripted: dict[tuple[str, str], str] = {}
    out = []
    for i in range(count):
        stem = names[i % len(names)]
        script = rng.choice(SCRIPTS)
        key = (stem, script)
        if key not in scripted:  # opencc is slow: convert each (report, script) once
            scripted[key] = in_script(texts[stem], script)
        text = scripted[key]
        if rng.random() < 0.5:
            text = shuffle_paragraphs(text, rng)
        encoding = "big5" if script == "traditional" and rng.random() < 0.3 else rng.choice(ENCODINGS[:3])
        out.append((f"{i:05d}_{stem}_{script}_{encoding}.txt", encode(text, encoding)))
    return out


def lengthened(text: str, factor: int) -> str:
    """The report with its body paragraphs repeated ``factor`` times (head lines once)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    head, body = paragraphs[:4], paragraphs[4:] or paragraphs
    return "\n\n".join(head + body * factor) + "\n"
