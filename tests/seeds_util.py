"""Helpers shared by the tests: the seed reports, their reference notes, text comparison."""

from __future__ import annotations

import json
import re
import subprocess
import sys
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


HEAVY_MODULES = ("torch", "transformers")


def heavy_imports_after(code: str, env: dict[str, str] | None = None) -> list[str]:
    """Run ``code`` in a fresh interpreter (it must succeed); return the model libraries it imported."""
    probe = code + f"\nimport sys as _sys\nprint('HEAVY=' + ','.join(m for m in {HEAVY_MODULES!r} if m in _sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120,
                          env=env)
    assert done.returncode == 0, done.stderr[-800:]
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("HEAVY=")][-1]
    return [m for m in line[len("HEAVY="):].split(",") if m]
