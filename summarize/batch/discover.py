"""Where a batch reads and writes: finding the reports under DIR (hidden files, symlinks, a batch's own
outputs left out) and choosing the output folder."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import UsageError
from .records import INDEX_CSV, INDEX_JSONL, STATE_DIR, record_path

DEFAULT_GLOBS = ("*.txt", "*.htm*")


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


def discover_reports(source: Path, out: Path, globs: Sequence[str] | None, follow_external_symlinks: bool) -> Discovery:
    """The reports under DIR. An --out inside DIR (or DIR itself) is read like any folder, except for
    what a batch wrote there (its state folder, index, database, and the outputs it has records for):
    a folder of reports named as --out keeps its reports."""
    same = out.resolve() == source.resolve()
    found = discover(source, globs, out_dir=None if same else out,
                     follow_external_symlinks=follow_external_symlinks)
    if same:  # --out DIR: leave our own outputs and index out, also before the first record exists
        names = {rel for _path, rel in found.reports}
        found.reports = [(p, rel) for p, rel in found.reports
                         if rel not in (INDEX_JSONL, INDEX_CSV)
                         and not (rel.endswith(".json") and rel[:-5] in names)
                         and not (rel.endswith(".md") and rel[:-3] in names)]
    return found
