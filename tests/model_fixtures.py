"""Helpers that build tiny seq2seq models for the model-engine tests (no downloads).

A SentencePiece vocabulary is trained on the seed reports (plus the English targets a test needs), wrapped
as a MarianTokenizer (source.spm / target.spm / vocab.json), and paired with a MarianMTModel small enough
to train on this CPU in seconds. ``train_pairs`` overfits it on a few (source, target) pairs so that its
greedy and beam outputs are known exactly.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED_MARIAN_ENV = "SUMMARIZE_TEST_OPUS_MT_DIR"
SHARED_MARIAN_DEFAULT = ROOT.parent / "shared" / "models" / "opus-mt-zh-en-noweights"


def shared_marian_dir() -> Path:
    """The real opus-mt-zh-en tokenizer + config (no weights); override with $SUMMARIZE_TEST_OPUS_MT_DIR."""
    import os

    return Path(os.environ.get(SHARED_MARIAN_ENV) or SHARED_MARIAN_DEFAULT)


def seed_lines() -> list[str]:
    return [line.strip() for path in SEEDS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _train_spm(extra_lines: Iterable[str], vocab_size: int, ids: dict[str, int]) -> bytes:
    import sentencepiece as spm

    lines = seed_lines() + list(extra_lines) * 3
    proto = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=proto, vocab_size=vocab_size, character_coverage=1.0,
        model_type="unigram", bos_id=-1, eos_piece="</s>", unk_piece="<unk>", pad_piece="<pad>",
        hard_vocab_limit=False, minloglevel=2, num_threads=1,
        normalization_rule_name="identity", **ids)  # keep full-width ，。 as written, like the reports
    return proto.getvalue()


def build_tiny_t5(folder: Path, extra_lines: Iterable[str] = (), d_model: int = 64, layers: int = 1,
                  seed: int = 0, save: bool = True):
    """A random-weight T5 (the mT5 / mT0 family) with a T5Tokenizer (spiece.model). Returns (model, tokenizer)."""
    import torch
    from transformers import AutoTokenizer, T5Config, T5ForConditionalGeneration

    folder.mkdir(parents=True, exist_ok=True)
    proto = _train_spm(extra_lines, 1500, {"pad_id": 0, "eos_id": 1, "unk_id": 2})
    (folder / "spiece.model").write_bytes(proto)
    (folder / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "T5Tokenizer", "model_max_length": 128, "extra_ids": 0}), encoding="utf-8")
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    config = T5Config(vocab_size=len(tokenizer), d_model=d_model, d_kv=d_model // 2, d_ff=2 * d_model,
                      num_layers=layers, num_decoder_layers=layers, num_heads=2, dropout_rate=0.0,
                      pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, tie_word_embeddings=True)
    torch.manual_seed(seed)
    model = T5ForConditionalGeneration(config).eval()
    if save:
        model.save_pretrained(str(folder))
    return model, tokenizer


def write_tokenizer(folder: Path, extra_lines: Iterable[str] = (), vocab_size: int = 1500,
                    max_length: int = 64) -> int:
    """Train a shared zh/en SentencePiece model on the seeds; write Marian tokenizer files. Returns vocab size."""
    import sentencepiece as spm

    folder.mkdir(parents=True, exist_ok=True)
    proto = _train_spm(extra_lines, vocab_size, {"eos_id": 0, "unk_id": 1, "pad_id": -1})
    for name in ("source.spm", "target.spm"):
        (folder / name).write_bytes(proto)
    processor = spm.SentencePieceProcessor(model_proto=proto)
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "MarianTokenizer", "model_max_length": max_length, "source_lang": "zh",
        "target_lang": "en", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}), encoding="utf-8")
    return len(vocab)


def build_tiny_marian(folder: Path, extra_lines: Iterable[str] = (), max_positions: int = 64, d_model: int = 64,
                      layers: int = 1, seed: int = 0, save: bool = True):
    """A random-weight MarianMTModel + tokenizer in ``folder``. Returns (model, tokenizer)."""
    import torch
    from transformers import AutoTokenizer, MarianConfig, MarianMTModel

    vocab_size = write_tokenizer(folder, extra_lines, max_length=max_positions)
    pad = vocab_size - 1
    config = MarianConfig(
        vocab_size=vocab_size, d_model=d_model, encoder_layers=layers, decoder_layers=layers,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=2 * d_model,
        decoder_ffn_dim=2 * d_model, max_position_embeddings=max_positions, pad_token_id=pad,
        decoder_start_token_id=pad, eos_token_id=0, forced_eos_token_id=0, bos_token_id=0,
        dropout=0.0, attention_dropout=0.0, activation_dropout=0.0, share_encoder_decoder_embeddings=True)
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    if save:
        model.save_pretrained(str(folder))
    return model, tokenizer


def train_pairs(folder: Path, pairs: Sequence[tuple[str, str]], steps: int = 300, lr: float = 5e-3,
                d_model: int = 64, layers: int = 1, max_positions: int = 64, seed: int = 0,
                arch: str = "marian") -> Path:
    """Overfit a tiny Marian model on ``pairs`` and save it in ``folder`` (its outputs become known)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: one thread is faster, and fair to the other jobs on 2 cores
    try:
        return _train(folder, pairs, steps, lr, d_model, layers, max_positions, seed, arch)
    finally:
        torch.set_num_threads(threads)


def _train(folder: Path, pairs: Sequence[tuple[str, str]], steps: int, lr: float, d_model: int, layers: int,
           max_positions: int, seed: int, arch: str) -> Path:
    import torch

    targets = [t for _, t in pairs]
    if arch == "t5":
        model, tokenizer = build_tiny_t5(folder, targets, d_model=d_model, layers=layers, seed=seed, save=False)
    else:
        model, tokenizer = build_tiny_marian(folder, targets, max_positions=max_positions, d_model=d_model,
                                             layers=layers, seed=seed, save=False)
    torch.manual_seed(seed)
    batch = tokenizer([s for s, _ in pairs], text_target=targets, return_tensors="pt", padding=True,
                      truncation=True, max_length=max_positions)
    batch["labels"][batch["labels"] == tokenizer.pad_token_id] = -100
    model.train()
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr)
    # Linear decay: a constant high rate keeps bouncing around the memorised solution.
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: max(0.05, 1 - step / steps))
    for _ in range(steps):
        loss = model(**batch).loss
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        if loss.item() < 0.005:  # memorised; callers check the outputs themselves
            break
    model.eval()
    model.save_pretrained(str(folder))
    return folder


def greedy_outputs(folder: Path, sources: Sequence[str], num_beams: int = 1, max_new_tokens: int = 40) -> list[str]:
    """What the saved model writes for ``sources`` (used to check the training really converged)."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(folder)).eval()
    enc = tokenizer(list(sources), return_tensors="pt", padding=True)
    with torch.inference_mode():
        out = model.generate(**enc, num_beams=num_beams, max_new_tokens=max_new_tokens)
    return [t.strip() for t in tokenizer.batch_decode(out, skip_special_tokens=True)]
