"""Where a batch reads and writes: finding the reports under DIR and choosing the output folder."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
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


def find_reports(input_dir: Path, globs: Iterable[str] | None = None,
                 exclude: Path | None = None) -> list[tuple[Path, str]]:
    """Every report under ``input_dir`` matching ``globs``, as (path, relative posix path), sorted.

    Hidden files and folders (a leading dot) are skipped, and so is ``exclude`` (the output folder when
    it was put inside the input tree on purpose).
    """
    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    excluded = exclude.resolve() if exclude is not None else None
    found: list[tuple[Path, str]] = []
    for folder, dirs, files in os.walk(input_dir):
        here = Path(folder)
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
            if _matches(rel, patterns) and path.is_file():
                found.append((path, str(rel)))
    found.sort(key=lambda item: item[1])
    return found


def output_paths(out_dir: Path, rel: str) -> dict[str, Path]:
    """OUT/<relative path>.json and .md; the input's own suffix stays so a.txt and a.html never collide."""
    base = out_dir / rel
    return {"json": base.with_name(base.name + ".json"), "md": base.with_name(base.name + ".md")}


def record_path(out_dir: Path, rel: str) -> Path:
    return out_dir / STATE_DIR / "records" / f"{rel}.json"


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
