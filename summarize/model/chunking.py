"""Split text into pieces that fit a model's input, without ever dropping a character.

Sentences end at 。！？!? or a line break (closing quotes stay with their sentence). A sentence longer than
the model's limit is split at clause punctuation (；，、：;,:), and a clause that is still too long is
hard-split at the longest prefix that fits, as measured by the model's own tokenizer. Every split is recorded
as a note so the output can say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

SENTENCE_RE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’\"』」）)】]*|\n|$)")
CLAUSE_RE = re.compile(r"[^；，、：;,:]*(?:[；，、：;,:]+[”’\"』」）)】]*|$)")

Counter = Callable[[str], int]


@dataclass
class Piece:
    text: str
    owner: int  # index of the sentence (or chunk) it came from
    split: str | None = None  # None, "clause" or "hard"


@dataclass
class Chunk:
    text: str
    sentences: list[int] = field(default_factory=list)  # indices of the sentences it holds


def split_sentences(text: str) -> list[str]:
    """Sentences in order, stripped; joining them gives the text back minus white space at the seams."""
    return [s.strip() for s in SENTENCE_RE.findall(text) if s.strip()]


def _clauses(sentence: str) -> list[str]:
    return [c for c in CLAUSE_RE.findall(sentence) if c]


def hard_split(text: str, count: Counter, limit: int) -> list[str]:
    """Cut ``text`` into the fewest prefixes that each fit ``limit`` tokens (binary search on characters)."""
    pieces: list[str] = []
    rest = text
    while rest:
        if count(rest) <= limit:
            pieces.append(rest)
            break
        lo, hi = 1, len(rest)  # the longest prefix length that fits lies in [1, hi)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count(rest[:mid]) <= limit:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(rest[:lo])  # at least one character, so the loop always advances
        rest = rest[lo:]
    return pieces


def fit_sentence(sentence: str, count: Counter, limit: int) -> tuple[list[str], str | None]:
    """Pieces of one sentence that each fit ``limit``; the second value says how it was split."""
    if count(sentence) <= limit:
        return [sentence], None
    pieces: list[str] = []
    how = "clause"
    current = ""
    for clause in _clauses(sentence):
        if current and count(current + clause) <= limit:
            current += clause
            continue
        if current:
            pieces.append(current)
        if count(clause) <= limit:
            current = clause
        else:
            *full, current = hard_split(clause, count, limit)  # the tail may still take the next clause
            pieces.extend(full)
            how = "hard"
    if current:
        pieces.append(current)
    return pieces, how


def sentence_pieces(sentences: list[str], count: Counter, limit: int) -> tuple[list[Piece], list[str]]:
    """Every sentence as one or more pieces that fit; notes describe each split."""
    pieces: list[Piece] = []
    notes: list[str] = []
    for index, sentence in enumerate(sentences):
        parts, how = fit_sentence(sentence, count, limit)
        if how:
            notes.append(f"sentence {index + 1} is longer than {limit} tokens: split "
                         f"{'at clause punctuation' if how == 'clause' else 'at clauses and hard-split by tokens'}"
                         f" into {len(parts)} pieces")
        pieces.extend(Piece(p, index, how) for p in parts)
    return pieces, notes


def pack_chunks(sentences: list[str], count: Counter, limit: int, joiner: str = "") -> tuple[list[Chunk], list[str]]:
    """Greedily pack consecutive sentences into chunks of at most ``limit`` tokens, in order.

    Over-long sentences are first split (see ``fit_sentence``) so no chunk exceeds the limit.
    """
    pieces, notes = sentence_pieces(sentences, count, limit)
    chunks: list[Chunk] = []
    for piece in pieces:
        if chunks and count(chunks[-1].text + joiner + piece.text) <= limit:
            chunks[-1].text += joiner + piece.text
            if chunks[-1].sentences[-1] != piece.owner:
                chunks[-1].sentences.append(piece.owner)
        else:
            chunks.append(Chunk(piece.text, [piece.owner]))
    return chunks, notes
