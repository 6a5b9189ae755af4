"""Evaluation suites: a folder of reports and a folder of reference notes with the same stems.

Layout of a suite folder (``summarize eval --suite DIR``)::

    DIR/reports/<stem>.txt|.html|...   the raw reports
    DIR/references/<stem>.json         one reference note per report (eval/references/README.md)

Every key of a note is optional (a metric whose reference key is missing is not scored for that
report), but a key that is present must be well formed; a malformed note is reported with the
file, the key and the problem, all problems at once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import EVENT_TYPES, ROLES, Facts, Item, Official
from ..errors import UsageError

BUILTIN_REPORTS = "seeds"
BUILTIN_REFERENCES = "eval/references"

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE = re.compile(r"^(?:\d{4}-)?\d{2}-\d{2}$")

# key -> (kind, description of what is allowed)
_STRING_OR_NULL = ("str?", "a string or null")
SCHEMA: dict[str, tuple[str, str]] = {
    "id": ("str", "the file stem"),
    "title": _STRING_OR_NULL,
    "title_en": _STRING_OR_NULL,
    "published": ("full_date?", "YYYY-MM-DD or null"),
    "event_date": ("date?", "YYYY-MM-DD, MM-DD or null"),
    "source": _STRING_OR_NULL,
    "jurisdiction": _STRING_OR_NULL,
    "jurisdiction_en": _STRING_OR_NULL,
    "event_type": ("event_type", "one of " + ", ".join(EVENT_TYPES)),
    "officials": ("officials", "a list of {name, name_en, title, title_en, role} objects"),
    "projects": ("strings", "a list of strings"),
    "campaigns": ("strings", "a list of strings"),
    "targets": ("strings", "a list of strings"),
    "key_points": ("strings", "a list of strings"),
    "summary_zh": _STRING_OR_NULL,
    "summary_en": _STRING_OR_NULL,
    "noise": ("strings", "a list of strings"),
    "must_drop": ("strings", "a list of strings"),
    "must_keep": ("strings", "a list of strings"),
}
OFFICIAL_KEYS = {"name": "str", "name_en": "str?", "title": "str?", "title_en": "str?", "role": "role"}


@dataclass
class Problem:
    file: str
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.problem}"


@dataclass
class Case:
    """One report of a suite and its reference note."""

    id: str
    report_path: Path
    reference_path: Path
    reference: dict[str, Any]


@dataclass
class Suite:
    name: str
    reports_dir: Path
    references_dir: Path
    cases: list[Case] = field(default_factory=list)
    unreferenced: list[str] = field(default_factory=list)  # report stems with no note (not scored)


def _check_value(kind: str, value: Any) -> bool:
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if value is None:
        return optional
    if kind == "str":
        return isinstance(value, str)
    if kind == "full_date":
        return isinstance(value, str) and bool(_FULL_DATE.match(value))
    if kind == "date":
        return isinstance(value, str) and bool(_DATE.match(value))
    if kind == "event_type":
        return value in EVENT_TYPES
    if kind == "role":
        return value in ROLES
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    raise AssertionError(kind)


def validate_reference(data: Any, path: Path, stem: str) -> list[Problem]:
    """All the problems of one parsed note; an empty list means it is well formed."""
    file = str(path)
    if not isinstance(data, dict):
        return [Problem(file, "(top level)", f"must be a JSON object, found {type(data).__name__}")]
    problems: list[Problem] = []
    for key, value in data.items():
        if key not in SCHEMA:
            problems.append(Problem(file, key, "unknown key (known keys: " + ", ".join(SCHEMA) + ")"))
            continue
        kind, allowed = SCHEMA[key]
        if kind == "officials":
            problems.extend(_validate_officials(value, file))
        elif not _check_value(kind, value):
            problems.append(Problem(file, key, f"must be {allowed}, found {json.dumps(value, ensure_ascii=False)}"))
    if isinstance(data.get("id"), str) and data["id"] != stem:
        problems.append(Problem(file, "id", f"{data['id']!r} does not match the file stem {stem!r}"))
    return problems


def _validate_officials(value: Any, file: str) -> list[Problem]:
    if not isinstance(value, list):
        return [Problem(file, "officials", f"must be a list, found {type(value).__name__}")]
    problems = []
    for i, official in enumerate(value):
        where = f"officials[{i}]"
        if not isinstance(official, dict):
            problems.append(Problem(file, where, "must be an object"))
            continue
        for key in official:
            if key not in OFFICIAL_KEYS:
                problems.append(Problem(file, f"{where}.{key}", "unknown key (known: " + ", ".join(OFFICIAL_KEYS) + ")"))
        if not official.get("name"):
            problems.append(Problem(file, f"{where}.name", "missing or empty"))
        for key, kind in OFFICIAL_KEYS.items():
            if key in official and official[key] is not None and not _check_value(kind, official[key]):
                allowed = "one of " + ", ".join(ROLES) if kind == "role" else "a string"
                shown = json.dumps(official[key], ensure_ascii=False)
                problems.append(Problem(file, f"{where}.{key}", f"must be {allowed}, found {shown}"))
        if "role" in official and official["role"] is None:
            problems.append(Problem(file, f"{where}.role", "must be one of " + ", ".join(ROLES) + ", found null"))
    return problems


def load_reference(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        return None, [Problem(str(path), "(file)", f"not UTF-8: {err}")]
    except json.JSONDecodeError as err:
        return None, [Problem(str(path), "(file)", f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}")]
    problems = validate_reference(data, path, path.stem)
    return (data if not problems else None), problems


def _report_files(folder: Path) -> dict[str, Path]:
    files = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() != ".json":
            files.setdefault(path.stem, path)
    return files


def load_suite(reports_dir: str | Path | None = None, references_dir: str | Path | None = None,
               suite_dir: str | Path | None = None, root: str | Path | None = None) -> Suite:
    """Find and validate a suite. With no arguments: the built-in seed suite under ``root``."""
    if suite_dir is not None:
        if reports_dir is not None or references_dir is not None:
            raise UsageError("give either --suite or --reports/--references, not both")
        suite_dir = Path(suite_dir)
        reports_dir, references_dir = suite_dir / "reports", suite_dir / "references"
        name = suite_dir.name
    elif reports_dir is None and references_dir is None:
        base = Path(root) if root else _project_root()
        reports_dir, references_dir, name = base / BUILTIN_REPORTS, base / BUILTIN_REFERENCES, "seeds"
    elif reports_dir is None or references_dir is None:
        raise UsageError("--reports and --references go together")
    else:
        name = Path(reports_dir).name
    reports_dir, references_dir = Path(reports_dir), Path(references_dir)
    for label, folder in (("reports", reports_dir), ("references", references_dir)):
        if not folder.is_dir():
            raise UsageError(f"{label} folder not found", path=str(folder))
    reports = _report_files(reports_dir)
    suite = Suite(name, reports_dir, references_dir)
    problems: list[Problem] = []
    for ref_path in sorted(references_dir.glob("*.json")):
        data, found = load_reference(ref_path)
        problems.extend(found)
        if ref_path.stem not in reports:
            problems.append(Problem(str(ref_path), "(file)", f"no report with stem {ref_path.stem!r} in {reports_dir}"))
        elif data is not None:
            suite.cases.append(Case(ref_path.stem, reports[ref_path.stem], ref_path, data))
    if problems:
        detail = "\n".join(f"  {p}" for p in problems)
        raise UsageError(f"{len(problems)} problem(s) in the reference notes:\n{detail}", path=str(references_dir))
    suite.unreferenced = sorted(set(reports) - {c.id for c in suite.cases})
    if not suite.cases:
        raise UsageError("no reference notes (*.json) found", path=str(references_dir))
    return suite


def _project_root() -> Path:
    """The checkout holding seeds/ and eval/references/: the current folder, else the source tree."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (candidate / BUILTIN_REFERENCES).is_dir() and (candidate / BUILTIN_REPORTS).is_dir():
            return candidate
    raise UsageError("the built-in seed suite (seeds/ and eval/references/) was not found; "
                     "run from the project folder or pass --suite DIR")


def facts_from_reference(note: dict[str, Any]) -> Facts:
    """The facts a reference note states, as a Facts object: fair input for scoring a renderer alone."""
    return Facts(
        title=note.get("title"), event_date=note.get("event_date"), published=note.get("published"),
        source=note.get("source"), jurisdiction=note.get("jurisdiction"),
        event_type=note.get("event_type") or "other",
        officials=[Official(o["name"], o.get("title"), o.get("role", "attended")) for o in note.get("officials", [])],
        projects=[Item(t) for t in note.get("projects", [])], campaigns=[Item(t) for t in note.get("campaigns", [])],
        key_points=[Item(t) for t in note.get("key_points", [])], summary_zh=note.get("summary_zh"),
    )
