"""Set matching with precision / recall / F1, for officials' names, projects and campaigns.

Conventions (docs/eval.md): an item matches at most one item on the other side; both sides empty
scores 1.0; one side empty scores 0.0 for precision, recall and F1 alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .textnorm import canonical

# A shorter string contained in a longer one counts as the same item when it covers at least this
# share of the longer one: "二号渠" ~ "二号渠项目", but not "项目" ~ "二号渠项目".
CONTAINMENT_MIN_SHARE = 0.5


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    pairs: tuple[tuple[int, int], ...] = ()  # (predicted index, reference index)


def prf(matched: int, n_predicted: int, n_reference: int) -> tuple[float, float, float]:
    if n_predicted == 0 and n_reference == 0:
        return 1.0, 1.0, 1.0
    if n_predicted == 0 or n_reference == 0 or matched == 0:
        return 0.0, 0.0, 0.0
    p, r = matched / n_predicted, matched / n_reference
    return p, r, 2 * p * r / (p + r)


def contains_match(a: str, b: str) -> float:
    """Similarity of two canonical strings: 1.0 equal, the length share when one contains the other
    and covers at least CONTAINMENT_MIN_SHARE of it, else 0."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    share = len(short) / len(long_)
    return share if short in long_ and share >= CONTAINMENT_MIN_SHARE else 0.0


def exact_match(a: str, b: str) -> float:
    return 1.0 if a and a == b else 0.0


def match_sets(predicted: Sequence[str], reference: Sequence[str],
               similarity: Callable[[str, str], float] = contains_match) -> PRF:
    """Greedy one-to-one matching, best pairs first, on canonical forms (script, width, punctuation)."""
    pred = [canonical(p) for p in predicted]
    ref = [canonical(r) for r in reference]
    candidates = sorted(
        ((similarity(p, r), i, j) for i, p in enumerate(pred) for j, r in enumerate(ref)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_p: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if score <= 0:
            break
        if i in used_p or j in used_r:
            continue
        used_p.add(i)
        used_r.add(j)
        pairs.append((i, j))
    p, r, f = prf(len(pairs), len(pred), len(ref))
    return PRF(p, r, f, tuple(sorted(pairs)))
