"""ROUGE-N and ROUGE-L F-measures over token lists (Lin, 2004), with beta = 1.

A small implementation of our own because the maintained Python packages (rouge-score, rouge)
tokenise on ASCII words and silently drop Chinese. Tokenisation lives in textnorm: one token per
CJK character. Conventions: both sides empty -> 1.0 (nothing to say, nothing said); exactly one
side empty -> 0.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f: float


def _prf(overlap: int, n_candidate: int, n_reference: int) -> Score:
    if n_candidate == 0 and n_reference == 0:
        return Score(1.0, 1.0, 1.0)
    if n_candidate == 0 or n_reference == 0 or overlap == 0:
        return Score(0.0, 0.0, 0.0)
    p, r = overlap / n_candidate, overlap / n_reference
    return Score(p, r, 2 * p * r / (p + r))


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> Score:
    """Clipped n-gram overlap: each reference n-gram can be matched as often as it occurs."""
    cand, ref = _ngrams(candidate, n), _ngrams(reference, n)
    overlap = sum((cand & ref).values())
    return _prf(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Longest common subsequence, O(len(a) * len(b)) time, O(len(b)) memory."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> Score:
    return _prf(lcs_length(candidate, reference), len(candidate), len(reference))
