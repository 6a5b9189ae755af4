"""Where a batch reads and writes: finding the reports under DIR and choosing the output folder."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import UsageError

DEFAULT_GLOBS = ("*.txt", "*.htm*")
STATE_DIR = ".summarize-batch"  # per-report records and the lock, inside OUT


def check_input_dir(input_dir: str | os.PathLike[str]) -> Path:
    path = Path(input_dir)
    if not path.exists():
        raise UsageError("no such directory", path=str(path))
    if not path.is_dir():
        raise UsageError("not a directory (use 'summarize file' for one report)", path=str(path))
    return path


def default_out_dir(input_dir: Path) -> Path:
    """DIR-summaries beside DIR: outside the input tree, so a batch never writes into it by default."""
    resolved = input_dir.resolve()
    if resolved.parent == resolved:  # the file-system root has no "beside"
        raise UsageError("give --out when the input is the file-system root", path=str(input_dir))
    return resolved.parent / f"{resolved.name}-summaries"


def check_out_dir(out_dir: Path) -> Path:
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError("the output path exists and is not a directory", path=str(out_dir))
    return out_dir


def is_within(path: Path, parent: Path) -> bool:
    try:
        path.resolve().relative_to(parent.resolve())
    except ValueError:
        return False
    return True


def _matches(rel: PurePosixPath, patterns: Sequence[str]) -> bool:
    """Case-insensitive: scraped archives mix .txt, .TXT and .Htm. A pattern with a / matches the
    relative path, one without matches the file name."""
    name = rel.name.lower()
    for pattern in patterns:
        low = pattern.lower()
        if "/" in low:
            if rel.match(low) or fnmatch.fnmatchcase(str(rel).lower(), low):
                return True
        elif fnmatch.fnmatchcase(name, low):
            return True
    return False


SYMLINK_OUTSIDE = "symlink outside the input folder"
# What a batch writes at the top of its output folder, besides the per-report outputs.
OWN_TOP_FILES = ("index.jsonl", "index.csv", "summaries.db", "summaries.db-journal", "summaries.db-wal",
                 "summaries.db-shm", "metadata.json")


@dataclass
class Discovery:
    """The reports found under DIR, and the files left out with the reason (listed in the index)."""

    reports: list[tuple[Path, str]] = field(default_factory=list)  # (path, relative posix path), sorted
    refused: list[tuple[str, str]] = field(default_factory=list)  # (relative posix path, reason), sorted


def find_reports(input_dir: Path, globs: Iterable[str] | None = None,
                 exclude: Path | None = None) -> list[tuple[Path, str]]:
    """Every report under ``input_dir`` matching ``globs``, as (path, relative posix path), sorted.
    (`discover` also says what it left out and why.)"""
    return discover(input_dir, globs, exclude).reports


def discover(input_dir: Path, globs: Iterable[str] | None = None, exclude: Path | None = None, *,
             out_dir: Path | None = None, follow_external_symlinks: bool = False) -> Discovery:
    """The reports under ``input_dir`` matching ``globs``.

    Left out without a word: hidden files and folders (a leading dot), ``exclude`` (a folder never to
    read), and the batch's own outputs wherever a folder holds a batch state folder (an earlier output
    folder given as DIR, ``--out`` inside DIR, ``--out DIR``): its index, database and the .json/.md of
    every report it has a record for. Left out with a reason: a file symlink whose target is outside
    ``input_dir`` (unless ``follow_external_symlinks``) or inside ``out_dir``. Symlinked folders are
    never entered (os.walk does not follow them).
    """
    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    excluded = exclude.resolve() if exclude is not None else None
    root = input_dir.resolve()
    out_resolved = out_dir.resolve() if out_dir is not None else None
    found = Discovery()
    output_roots: list[Path] = []  # folders under DIR that are (or were) a batch's output folder
    for folder, dirs, files in os.walk(input_dir):
        here = Path(folder)
        if STATE_DIR in dirs and not (here / STATE_DIR).is_symlink():
            output_roots.append(here)
        kept = []
        for d in dirs:
            if d.startswith("."):
                continue
            if excluded is not None and (here / d).resolve() == excluded:
                continue
            kept.append(d)
        dirs[:] = sorted(kept)
        for name in files:
            if name.startswith("."):
                continue
            path = here / name
            rel = PurePosixPath(path.relative_to(input_dir).as_posix())
            if not _matches(rel, patterns) or _is_own_output(path, output_roots):
                continue
            if path.is_symlink():
                reason = _symlink_refusal(path, root, out_resolved, follow_external_symlinks)
                if reason:
                    found.refused.append((str(rel), reason))
                    continue
            if path.is_file():
                found.reports.append((path, str(rel)))
    found.reports.sort(key=lambda item: item[1])
    found.refused.sort()
    return found


def _symlink_refusal(path: Path, root: Path, out_dir: Path | None, follow_external: bool) -> str | None:
    """Why a file symlink is not read, or None. An archive can carry `x.txt -> /etc/passwd`; reading it
    would copy that file into OUT/x.txt.json."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling or a loop: not a report, say nothing (as before)
        return None
    if out_dir is not None and (target == out_dir or out_dir in target.parents):
        return "symlink into the output folder"
    if not follow_external and root != target and root not in target.parents:
        return SYMLINK_OUTSIDE
    return None


def _is_own_output(path: Path, output_roots: list[Path]) -> bool:
    """A file a batch wrote into ``root`` (one of the folders holding a batch state folder)."""
    for root in output_roots:
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            continue
        if rel in OWN_TOP_FILES:
            return True
        for suffix in (".json", ".md"):
            if rel.endswith(suffix) and record_path(root, rel[: -len(suffix)]).is_file():
                return True
    return False


# Output and record names add ".json"/".md" to the input's name, and summarize.io's temp files add
# ".", ".XXXXXXXX.tmp"; a name that would pass the usual 255-byte limit is shortened and hashed.
MAX_OUTPUT_NAME_BYTES = 255 - len(".") - len(".XXXXXXXX.tmp")
KEPT_PREFIX_BYTES = 120


def output_paths(out_dir: Path, rel: str) -> dict[str, Path]:
    """OUT/<relative path>.json and .md; the input's own suffix stays so a.txt and a.html never collide."""
    return {fmt: out_dir / with_suffix(rel, "." + fmt) for fmt in ("json", "md")}


def record_path(out_dir: Path, rel: str) -> Path:
    return out_dir / STATE_DIR / "records" / with_suffix(rel, ".json")


def with_suffix(rel: str, suffix: str) -> str:
    """``rel + suffix``, with a last name too long for the file system replaced by
    <first 120 bytes>~<16 hex digits of SHA-256 of the whole relative path><input suffix><suffix>."""
    folder, _, name = rel.rpartition("/")
    raw = os.fsencode(name)
    if len(raw) + len(os.fsencode(suffix)) <= MAX_OUTPUT_NAME_BYTES:
        return rel + suffix
    digest = hashlib.sha256(os.fsencode(rel)).hexdigest()[:16]
    ext = os.fsencode(PurePosixPath(name).suffix)
    ext = ext if len(ext) <= 16 else b""
    stem = raw[:KEPT_PREFIX_BYTES].decode("utf-8", "ignore")  # never half a character
    short = f"{stem}~{digest}{os.fsdecode(ext)}{suffix}"
    return f"{folder}/{short}" if folder else short


TEMP_SUFFIXES = (".json", ".md", ".jsonl", ".csv")


def sweep_temp_files(out_dir: Path) -> int:
    """Remove temporary files a killed run left behind (summarize.io names them .<name>.<random>.tmp).

    Only temp files of the kinds a batch writes are touched, so an --out shared with other data is safe.
    """
    removed = 0
    if not out_dir.is_dir():
        return 0
    for folder, _dirs, files in os.walk(out_dir):
        for name in files:
            if not (name.startswith(".") and name.endswith(".tmp")):
                continue
            target = name[1:].rsplit(".", 2)[0]
            if target.endswith(TEMP_SUFFIXES):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed
