"""Run a seq2seq model over many inputs: batched, length-sorted, results returned in input order.

A *runner* wraps one loaded model. Two implementations share this interface: ``TransformersRunner`` (here)
and ``Ct2Runner`` (summarize.model.ct2). torch and transformers are imported only inside ``load_runner``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import ModelError
from .defaults import FALLBACK_MAX_INPUT_TOKENS, MAX_INPUT_TOKENS_CAP


@dataclass
class GenerationOptions:
    num_beams: int = 4
    max_new_tokens: int = 256
    min_new_tokens: int = 0  # benchmarks force a fixed output length with min = max
    batch_size: int = 8


class Runner(Protocol):
    name: str
    max_input_tokens: int
    device: str
    dtype: str

    def count_tokens(self, text: str) -> int: ...

    def generate_batch(self, texts: list[str], options: GenerationOptions) -> list[str]: ...


def generate_all(runner: Runner, texts: Sequence[str], options: GenerationOptions,
                 on_batch: Callable[[int, int], None] | None = None) -> list[str]:
    """Generate for every text, ``options.batch_size`` at a time, and return outputs in input order.

    Inputs are sorted by length so each batch pads little; the sort is undone before returning.
    """
    if options.batch_size < 1:
        raise ModelError(f"batch size must be at least 1, not {options.batch_size}")
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    outputs: list[str | None] = [None] * len(texts)
    for first in range(0, len(order), options.batch_size):
        batch = order[first:first + options.batch_size]
        results = runner.generate_batch([texts[i] for i in batch], options)
        if len(results) != len(batch):
            raise ModelError(f"{runner.name}: got {len(results)} outputs for {len(batch)} inputs")
        for index, result in zip(batch, results, strict=True):
            outputs[index] = result
        if on_batch:
            on_batch(first // options.batch_size, len(batch))
    return [o or "" for o in outputs]


def max_input_tokens(tokenizer: Any, config: Any) -> int:
    """The longest input the model takes: the tokenizer's limit, the position table, a safety cap."""
    limits = []
    tok_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_max, int) and 0 < tok_max < 1_000_000:
        limits.append(tok_max)
    positions = getattr(config, "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 0:
        limits.append(positions)
    return min(limits + [MAX_INPUT_TOKENS_CAP]) if limits else FALLBACK_MAX_INPUT_TOKENS


def max_output_tokens(config: Any) -> int:
    """Learned decoder positions (Marian, BART) bound the output length; relative ones (T5) do not."""
    positions = getattr(config, "max_position_embeddings", None)
    return positions - 1 if isinstance(positions, int) and positions > 1 else 1_000_000


class TransformersRunner:
    """A transformers AutoModelForSeq2SeqLM + AutoTokenizer pair."""

    def __init__(self, name: str, model: Any, tokenizer: Any, device: str, dtype: str):
        self.name = name
        self.model = model
        self.tokenizer = tokenizer
        self.device = device
        self.dtype = dtype
        self.max_input_tokens = max_input_tokens(tokenizer, model.config)
        self.max_output_tokens = max_output_tokens(model.config)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, truncation=False)["input_ids"])

    def generate_batch(self, texts: list[str], options: GenerationOptions) -> list[str]:
        import torch

        # Callers chunk to max_input_tokens first; truncation here only guards the position table.
        enc = self.tokenizer(texts, return_tensors="pt", padding=True, truncation=True,
                             max_length=self.max_input_tokens).to(self.device)
        new_tokens = min(options.max_new_tokens, self.max_output_tokens)
        with torch.inference_mode():
            out = self.model.generate(**enc, num_beams=options.num_beams, max_new_tokens=new_tokens,
                                      min_new_tokens=min(options.min_new_tokens, new_tokens) or None,
                                      do_sample=False)
        return [t.strip() for t in self.tokenizer.batch_decode(out, skip_special_tokens=True)]


_RUNNERS: dict[tuple[str, str, str, str], Runner] = {}


def load_runner(path: Path, backend: str = "transformers", device: str = "auto", dtype: str = "auto",
                name: str | None = None) -> Runner:
    """Load (once per process) the model at ``path`` for ``backend`` on the chosen device and dtype."""
    from .device import resolve
    from .stack import require_model_stack

    require_model_stack(backend)
    if backend == "ctranslate2":
        from .ct2 import load_ct2_runner

        device = "cpu" if device == "auto" else device
        key = (str(path), backend, device, dtype)
        if key not in _RUNNERS:
            _RUNNERS[key] = load_ct2_runner(path, device=device, name=name or str(path), dtype=dtype)
        return _RUNNERS[key]
    if backend != "transformers":
        raise ModelError(f"unknown backend {backend!r}; use transformers or ctranslate2")
    device, dtype = resolve(device, dtype)
    key = (str(path), backend, device, dtype)
    if key not in _RUNNERS:
        _RUNNERS[key] = _load_transformers(path, device, dtype, name or str(path))
    return _RUNNERS[key]


def _load_transformers(path: Path, device: str, dtype: str, name: str) -> TransformersRunner:
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # keep stderr for our own messages
    hf_logging.disable_progress_bar()
    # MarianTokenizer suggests sacremoses for punctuation normalisation; the opus-mt zh model does not need it.
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = AutoModelForSeq2SeqLM.from_pretrained(str(path), local_files_only=True,
                                                      dtype=getattr(torch, dtype))
    except Exception as err:  # corrupt weights, unknown architecture, bad tokenizer files: all "cannot load"
        reason = (str(err).splitlines() or [type(err).__name__])[0][:300]
        if "tiktoken" in reason or "protobuf" in reason:
            # transformers v5 reads a bare spiece.model (T5/mT5 without tokenizer.json) through protobuf.
            reason += " (install the protobuf package to read this SentencePiece tokenizer)"
        raise ModelError(f"could not load the model in {path}: {type(err).__name__}: {reason}") from None
    model.to(device).eval()
    return TransformersRunner(name, model, tokenizer, device, dtype)


def clear_cache() -> None:
    """Forget loaded models (tests use it to measure loading)."""
    _RUNNERS.clear()
