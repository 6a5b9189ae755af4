"""Named evaluation suites: ``seeds`` (built in) and ``dev`` (50 real reports kept outside the repository).

The dev suite is third-party pages, so it is never copied into the repository: it is read from
``$SUMMARIZE_DEV_SUITE`` or from ``../shared/dev`` next to the checkout (or the current folder).
"""

from __future__ import annotations

import os
from pathlib import Path

DEV_ENV = "SUMMARIZE_DEV_SUITE"


def dev_suite_dir() -> Path | None:
    """The dev suite's folder (holding reports/ and references/), or None where this machine has none."""
    env = os.environ.get(DEV_ENV)
    candidates = [Path(env)] if env else []
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidates += [base / "../shared/dev", base / "shared/dev"]
    for candidate in candidates:
        if (candidate / "reports").is_dir() and (candidate / "references").is_dir():
            return candidate.resolve()
    return None


def dev_clauses_path() -> Path | None:
    """``clauses.tsv`` of the dev suite (directive clauses with English references), or None."""
    folder = dev_suite_dir()
    path = folder / "clauses.tsv" if folder else None
    return path if path and path.is_file() else None


def resolve_suite_name(value: str) -> Path | None:
    """``--suite dev`` names the dev suite unless a folder called ``dev`` exists here; None for ``seeds``."""
    if Path(value).is_dir():
        return Path(value)
    if value == "dev":
        from ..errors import UsageError

        found = dev_suite_dir()
        if found is None:
            raise UsageError(f"the dev suite was not found: set {DEV_ENV} or put it at ../shared/dev")
        return found
    if value == "seeds":
        return None
    return Path(value)  # load_suite reports the missing folder
