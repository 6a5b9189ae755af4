"""Helpers shared by the tests: the seed reports, their reference notes, text comparison."""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
REFERENCES = REPO / "eval" / "references"


def reference_for(seed: Path) -> dict:
    return json.loads((REFERENCES / f"{seed.stem}.json").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    """Compare text ignoring punctuation and white space (the references' rule for must_keep)."""
    return re.sub(r"[\W_]+", "", text)


def seed_named(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))
