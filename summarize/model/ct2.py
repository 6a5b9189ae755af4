"""CTranslate2 backend: the same model converted to int8 and run by CTranslate2's C++ runtime.

``--backend ctranslate2`` converts a transformers model directory once (into the CT2 cache) and reuses it;
a directory that is already a CT2 model (model.bin + config.json + tokenizer files) is used as it is. The
tokenizer stays the Hugging Face one, so chunking and token counts are identical to the transformers path.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .defaults import CT2_CACHE_ENV, CT2_WEIGHT_FILE
from .generate import GenerationOptions, max_input_tokens, max_output_tokens

TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json", "special_tokens_map.json",
                   "spiece.model", "tokenizer.json", "sentencepiece.bpe.model", "generation_config.json")


def ct2_cache_dir() -> Path:
    base = os.environ.get(CT2_CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache"), "summarize", "ct2")
    return Path(base).expanduser()


def converted_dir(source: Path, quantization: str = "float32") -> Path:
    """Where the conversion of ``source`` lives (keyed by its path and weight file timestamps)."""
    stamp = "|".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in sorted(source.glob("*")) if p.is_file())
    digest = hashlib.sha1(f"{source.resolve()}|{stamp}|{quantization}".encode()).hexdigest()[:12]
    return ct2_cache_dir() / f"{source.name}-{quantization}-{digest}"


def convert(source: Path, quantization: str = "float32", target: Path | None = None) -> Path:
    """Convert a transformers seq2seq directory to CTranslate2 (once) and return the converted directory.

    The weights are stored at full precision; the compute type (int8 by default) is applied when loading,
    so one conversion serves every --dtype.
    """
    if (source / CT2_WEIGHT_FILE).is_file():
        return source
    target = target or converted_dir(source, quantization)
    if (target / CT2_WEIGHT_FILE).is_file():
        return target
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ModelError("--backend ctranslate2 needs the ctranslate2 package (pip install ctranslate2)") from None
    copy = [name for name in TOKENIZER_FILES if (source / name).is_file()]
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    try:
        TransformersConverter(str(source), copy_files=copy).convert(str(tmp), quantization=quantization, force=True)
    except Exception as err:  # the converter raises many kinds; all mean "this model cannot be converted"
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelError(f"could not convert {source} to CTranslate2: {err}") from None
    try:
        os.replace(tmp, target)  # atomic: a half-converted model is never picked up
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (target / CT2_WEIGHT_FILE).is_file():  # not another process winning the race: a real error
            raise ModelError(f"could not store the CTranslate2 conversion in {target}") from None
    return target


def _default_threads() -> int:
    try:
        return max(1, int(os.environ.get("OMP_NUM_THREADS", "")))
    except ValueError:
        return os.cpu_count() or 1


class Ct2Runner:
    """Generation through ctranslate2.Translator with the Hugging Face tokenizer."""

    def __init__(self, name: str, translator: Any, tokenizer: Any, config: Any, device: str, dtype: str):
        self.name = name
        self.translator = translator
        self.tokenizer = tokenizer
        self.device = device
        self.dtype = dtype
        self.max_input_tokens = max_input_tokens(tokenizer, config)
        self.max_output_tokens = max_output_tokens(config)
        self.decoder_start = getattr(config, "decoder_start_token_id", None)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, truncation=False)["input_ids"])

    def generate_batch(self, texts: list[str], options: GenerationOptions) -> list[str]:
        sources = [self.tokenizer.convert_ids_to_tokens(self.tokenizer(t, truncation=True,
                                                                       max_length=self.max_input_tokens)["input_ids"])
                   for t in texts]
        new_tokens = min(options.max_new_tokens, self.max_output_tokens)
        results = self.translator.translate_batch(
            sources, beam_size=options.num_beams, max_decoding_length=new_tokens,
            min_decoding_length=min(options.min_new_tokens, new_tokens), max_batch_size=options.batch_size)
        outputs = []
        for result in results:
            ids = self.tokenizer.convert_tokens_to_ids(result.hypotheses[0])
            outputs.append(self.tokenizer.decode(ids, skip_special_tokens=True).strip())
        return outputs


COMPUTE_TYPES = {"auto": "int8", "float32": "float32", "float16": "float16", "bfloat16": "bfloat16",
                 "int8": "int8"}


def load_ct2_runner(path: Path, device: str = "cpu", name: str | None = None, dtype: str = "auto",
                    threads: int = 0) -> Ct2Runner:
    """``dtype`` auto means int8 weights with float32 activations (CTranslate2's fast CPU path).

    ``threads`` 0 uses $OMP_NUM_THREADS, else every CPU (the same rule torch follows).
    """
    import warnings

    import ctranslate2
    from transformers import AutoConfig, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
    if device not in ("cpu", "cuda"):
        raise ModelError(f"the ctranslate2 backend runs on cpu or cuda, not {device!r}")
    if dtype not in COMPUTE_TYPES:
        raise ModelError(f"the ctranslate2 backend does not support dtype {dtype!r}")
    compute_type = COMPUTE_TYPES[dtype]
    converted = convert(path)
    tokenizer_dir = path if any((path / f).is_file() for f in TOKENIZER_FILES) else converted
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dir), local_files_only=True)
        config = AutoConfig.from_pretrained(str(path), local_files_only=True) if (path / "config.json").is_file() \
            and not (path / CT2_WEIGHT_FILE).is_file() else None
        translator = ctranslate2.Translator(str(converted), device=device, compute_type=compute_type,
                                            inter_threads=1, intra_threads=threads or _default_threads())
    except (OSError, ValueError, RuntimeError) as err:
        raise ModelError(f"could not load the CTranslate2 model in {converted}: {str(err).splitlines()[0]}") from None
    return Ct2Runner(name or str(path), translator, tokenizer, config, device, compute_type)
