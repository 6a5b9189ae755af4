"""The real opus-mt-zh-en tokenizer and architecture (random weights) from ../shared/models.

Skipped where that folder is absent (override its location with $SUMMARIZE_TEST_OPUS_MT_DIR). The files
are read in place and never copied into the repository.
"""

from __future__ import annotations

import pytest
from model_fixtures import SEEDS, SHARED_MARIAN_ENV, shared_marian_dir

from summarize.api import clean_text
from summarize.model.chunking import split_sentences
from summarize.model.generate import GenerationOptions, TransformersRunner, generate_all
from summarize.model.loading import missing_message, resolve_model
from summarize.model.translate import translate_text

# The model stack is the summarize[model] extra (in the dev extra, so CI runs these); skip where it is absent.
for _package in ("torch", "transformers", "sentencepiece"):
    pytest.importorskip(_package)

SHARED = shared_marian_dir()
pytestmark = pytest.mark.skipif(
    not (SHARED / "config.json").is_file(),
    reason=f"real opus-mt-zh-en tokenizer/config not found at {SHARED} (set ${SHARED_MARIAN_ENV})")


@pytest.fixture(scope="module")
def runner():
    import torch
    from transformers import AutoTokenizer, MarianConfig, MarianMTModel

    tokenizer = AutoTokenizer.from_pretrained(str(SHARED), local_files_only=True)
    torch.manual_seed(0)
    model = MarianMTModel(MarianConfig.from_pretrained(str(SHARED))).eval()
    return TransformersRunner("opus-mt-zh-en (random weights)", model, tokenizer, "cpu", "float32")


def test_folder_without_weights_resolves_but_is_reported_missing():
    res = resolve_model(str(SHARED))
    assert res.source == "directory" and not res.has_weights
    assert "holds no weights" in missing_message("translate", res)


def test_real_tokenizer_and_size(runner):
    assert type(runner.tokenizer).__name__ == "MarianTokenizer"
    assert runner.max_input_tokens == 512
    assert sum(p.numel() for p in runner.model.parameters()) == 77_943_296
    assert runner.count_tokens("县委书记马盛春作重要讲话。") < 14  # SentencePiece words, not characters


def test_real_tokenizer_chunks_an_over_long_sentence(runner):
    # Every seed's text with the sentence ends removed: one sentence far over 512 tokens.
    text = "".join(clean_text(p.read_text(encoding="utf-8")).text for p in SEEDS[:3])
    one_sentence = text.replace("。", "，").replace("！", "，").replace("？", "，").replace("\n", "")
    assert runner.count_tokens(one_sentence) > 1200

    class Spy:
        name, max_input_tokens, device, dtype = runner.name, runner.max_input_tokens, "cpu", "float32"
        count_tokens = staticmethod(runner.count_tokens)
        pieces: list[str] = []

        def generate_batch(self, texts, options):
            self.pieces.extend(texts)
            return ["x"] * len(texts)

    spy = Spy()
    pairs, notes = translate_text(one_sentence, spy, GenerationOptions(batch_size=8))
    assert len(pairs) == 1 and pairs[0]["zh"] == one_sentence
    assert len(spy.pieces) >= 3 and all(runner.count_tokens(p) <= 512 for p in spy.pieces)
    assert sorted("".join(spy.pieces)) == sorted(one_sentence)  # every character sent exactly once
    assert notes and "split at clause punctuation" in notes[0]


def test_real_size_model_generates_for_every_sentence_in_order(runner):
    sentences = split_sentences(clean_text(SEEDS[0].read_text(encoding="utf-8")).text)[:4]
    options = GenerationOptions(num_beams=1, max_new_tokens=4, min_new_tokens=4, batch_size=4)
    out = generate_all(runner, sentences, options)
    assert len(out) == 4 and all(out)
    # The same inputs one at a time give the same outputs: batching and padding do not change results.
    single = generate_all(runner, sentences, GenerationOptions(num_beams=1, max_new_tokens=4, min_new_tokens=4,
                                                               batch_size=1))
    assert single == out
