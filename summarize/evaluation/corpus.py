"""Generate test corpora of scraped reports from the seed files.

Every generated file is a plausible variant of a real seed report: re-encoded (UTF-8, GB18030, Big5,
UTF-16), converted to Traditional or Simplified, annotated with scraper pinyin like ``動(dòng)``, with its
body paragraphs shuffled, sometimes wrapped in an HTML page, spread over nested folders. A share of the
files is broken on purpose (empty, binary, truncated multi-byte sequences, oversized) so a batch must
record them as failures. The output is deterministic for a given ``seed``.

Used by the batch tests and the batch benchmarks (``eval/bench_batch.py``, ``bench_db.py``,
``bench_ray.py``); it reads the seeds of a checkout (``seeds/`` beside the package)::

    from summarize.evaluation.corpus import generate_corpus
    manifest = generate_corpus(tmp_path / "reports", count=1000)

    python -m summarize.evaluation.corpus OUT -n 300     # the same from the shell
"""

from __future__ import annotations

import functools
import html
import os
import random
from dataclasses import dataclass
from pathlib import Path

from summarize.evaluation.variants import encode, in_script, shuffle_paragraphs
from summarize.text.han import is_han_char

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"

ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16")
SCRIPTS = ("simplified", "traditional", "as-is")
BROKEN_KINDS = ("empty", "binary", "truncated", "oversized")
TONE_LETTERS = frozenset("āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü")
FOLDERS = ("", "2023", "2023/06", "2024/q2/anqing", "sichuan/luzhou", "yunnan/weixi/archive")


@dataclass(frozen=True)
class CorpusFile:
    rel: str  # path relative to the corpus root, with forward slashes
    seed: str  # stem of the seed it came from
    encoding: str | None
    script: str | None
    pinyin: bool
    shuffled: bool
    html: bool
    broken: str | None = None  # one of BROKEN_KINDS, or None for a good file


@dataclass
class Corpus:
    root: Path
    files: list[CorpusFile]
    ignored: list[str]  # files present in the tree that the default globs must not pick up

    @property
    def good(self) -> list[CorpusFile]:
        return [f for f in self.files if f.broken is None]

    @property
    def broken(self) -> list[CorpusFile]:
        return [f for f in self.files if f.broken is not None]


@functools.cache
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}


@functools.cache
def scripted(stem: str, script: str) -> str:
    """The seed text in the wanted script (cached: opencc is pure Python and slow)."""
    return in_script(seed_texts()[stem], script)


def annotate_pinyin(text: str, rng: random.Random, rate: float = 0.04) -> str:
    """Add scraper-style tone pinyin after some Han characters: 動 -> 動(dòng)."""
    out = []
    for ch in text:
        out.append(ch)
        if is_han_char(ch) and rng.random() < rate:
            reading = _reading(ch)
            if reading:
                out.append(f"({reading})")
    return "".join(out)


@functools.cache
def _reading(ch: str) -> str | None:
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.TONE, errors="ignore")
    return found[0][0] if found and found[0] and found[0][0] != ch else None


def to_html(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    title = html.escape(lines[0]) if lines else ""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        f"{title}</title></head>\n<body>\n<div class=\"nav\">首页 &gt; 新闻中心</div>\n"
        f"<div class=\"article\">\n{body}\n</div>\n<div class=\"footer\">版权所有 网站地图</div>\n"
        "</body></html>\n"
    )


def truncate_multibyte(data: bytes) -> bytes:
    """Drop the last byte of every multi-byte UTF-8 sequence: what a byte-counting scraper leaves."""
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        size = 1 if b < 0x80 else 2 if b >> 5 == 0b110 else 3 if b >> 4 == 0b1110 else 4
        out += data[i:i + (size - 1 if size > 1 else 1)]
        i += size
    return bytes(out)


def broken_bytes(kind: str, rng: random.Random, max_bytes: int) -> bytes:
    if kind == "empty":
        return b""
    if kind == "binary":
        header = rng.choice((b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04\x14\x00\x00\x00",
                             b"\x7fELF\x02\x01\x01\x00"))
        return header + bytes(rng.randrange(256) for _ in range(rng.randrange(512, 4096)))
    if kind == "truncated":
        stem = rng.choice(sorted(seed_texts()))
        return truncate_multibyte(scripted(stem, "simplified").encode("utf-8"))
    if kind == "oversized":
        stem = rng.choice(sorted(seed_texts()))
        chunk = scripted(stem, "simplified").encode("utf-8")
        return chunk * (max_bytes // len(chunk) + 2)
    raise ValueError(kind)


def generate_corpus(root: str | Path, count: int = 1000, *, broken_share: float = 0.05, seed: int = 1234,
                    max_bytes: int = 200_000, html_share: float = 0.1, with_ignored: bool = True) -> Corpus:
    """Write ``count`` report files under ``root`` and return what was written.

    ``max_bytes`` is the size limit the batch will run with; oversized files are just above it.
    """
    rng = random.Random(seed)
    root = Path(root)
    stems = sorted(seed_texts())
    n_broken = round(count * broken_share)
    broken_at = set(rng.sample(range(count), n_broken))
    files: list[CorpusFile] = []
    for i in range(count):
        folder = FOLDERS[i % len(FOLDERS)]
        stem = stems[i % len(stems)]
        if i in broken_at:
            kind = BROKEN_KINDS[len([b for b in files if b.broken]) % len(BROKEN_KINDS)]
            data = broken_bytes(kind, rng, max_bytes)
            entry = CorpusFile(f"{folder}/broken_{i:04d}.txt".lstrip("/"), stem, None, None, False, False,
                               False, broken=kind)
        else:
            script = rng.choice(SCRIPTS)
            encoding = rng.choice(ENCODINGS)
            if encoding == "big5":
                script = "traditional"  # a Big5 page is a Traditional page
            # Big5 cannot write tone-marked pinyin letters, so a Big5 page never carries annotations.
            pinyin = rng.random() < 0.3 and encoding != "big5"
            shuffled = rng.random() < 0.5
            as_html = rng.random() < html_share
            text = scripted(stem, script)
            if encoding == "big5" and any(ch in TONE_LETTERS for ch in text):
                encoding = "gb18030"  # the seed carries scraper pinyin, which Big5 cannot write
            if pinyin:
                text = annotate_pinyin(text, rng)
            if shuffled:
                text = shuffle_paragraphs(text, rng)
            if as_html:
                text = to_html(text)
                if encoding != "utf-8":
                    text = text.replace('charset="utf-8"', f'charset="{encoding}"')
            data = encode(text, encoding)
            suffix = ".html" if as_html else ".txt"
            entry = CorpusFile(f"{folder}/{stem[:3]}_{i:04d}{suffix}".lstrip("/"), stem, encoding, script,
                               pinyin, shuffled, as_html)
        path = root / entry.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        files.append(entry)
    ignored: list[str] = []
    if with_ignored:
        # Files a batch must leave alone: other extensions, hidden files, hidden folders.
        for rel, data in (("notes.json", b"{}"), ("2023/README.md", "说明".encode()),
                          (".hidden.txt", "隐藏".encode()), (".git/config.txt", b"[core]")):
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            ignored.append(rel)
    return Corpus(root, files, ignored)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Write a generated corpus of reports from the seeds.")
    parser.add_argument("root", help="folder to write into")
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--broken-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()
    corpus = generate_corpus(args.root, args.count, broken_share=args.broken_share, seed=args.seed)
    print(f"{len(corpus.good)} good and {len(corpus.broken)} broken reports in {os.fspath(corpus.root)}")


if __name__ == "__main__":
    main()


# --- helpers for comparing batch outputs --------------------------------------------------------------

TIMING_KEYS = ("timings_ms", "elapsed_ms")


def snapshot(root: str | Path, *, skip_lock: bool = True) -> dict[str, object]:
    """Every file under ``root`` -> its content, with timing fields removed from JSON files (and the
    rows, not the bytes, of a SQLite database).

    Two batch runs over the same input with the same settings must give equal snapshots.
    """
    import json

    root = Path(root)
    files: dict[str, object] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if skip_lock and rel.endswith(".summarize-batch/lock"):
            continue
        if rel.endswith(".db"):  # SQLite pages depend on write order: compare the rows instead
            from summarize.database.query import all_rows

            files[rel] = all_rows(path)
            continue
        data = path.read_bytes()
        if rel.endswith(".json"):
            try:
                value = json.loads(data)
            except ValueError:
                files[rel] = data
                continue
            if isinstance(value, dict):
                for key in TIMING_KEYS:
                    value.pop(key, None)
            files[rel] = value
        else:
            files[rel] = data
    return files


def input_fingerprint(root: str | Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every file and folder under ``root``: proof a batch left its input alone."""
    root = Path(root)
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*"))}
