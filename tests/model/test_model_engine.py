"""The model engine end to end with tiny models trained here, so their outputs are known exactly.

Session-scoped fixtures train each model once (a few seconds each on two cores). Nothing is downloaded:
HF_HOME points at an empty folder so the default model names never resolve.
"""

from __future__ import annotations

import pytest
from model_fixtures import SEEDS, build_tiny_marian, greedy_outputs, train_pairs

from summarize.api import clean_text, summarize_text
from summarize.config import Settings
from summarize.errors import ModelError, UnsupportedOutputError
from summarize.model.chunking import split_sentences
from summarize.model.engine import apply_model_engine
from summarize.model.generate import GenerationOptions, clear_cache, generate_all, load_runner
from summarize.model.translate import translate_text

# The model stack is the summarize[model] extra (in the dev extra, so CI runs these); skip where it is absent.
for _package in ("torch", "transformers", "sentencepiece"):
    pytest.importorskip(_package)

TARGETS = [
    "the county held a project work meeting .",
    "leaders of the county attended the meeting .",
    "the deputy county head passed on the spirit of the meeting .",
    "the secretary asked everyone to face the problems .",
    "all departments must work hard for the whole year .",
]
INVENTED_ZH = "2030年成都市召开会议，县委书记王建国讲话。"
INSTRUCT_EN = "On May 31 the county held a project work meeting ."


@pytest.fixture(autouse=True)
def offline(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("SUMMARIZE_CT2_CACHE", str(tmp_path / "ct2"))
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Tiny models run fastest on one thread (and leave the second core to other work)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def short_report() -> tuple[str, list[str]]:
    """A short raw report built from real sentences of a seed, and its clean sentences."""
    clean = clean_text(SEEDS[1].read_text(encoding="utf-8")).text
    picked = [s for s in split_sentences(clean) if 12 <= len(s) <= 40][: len(TARGETS)]
    assert len(picked) == len(TARGETS)
    raw = "\n".join(picked) + "\n"
    sentences = split_sentences(clean_text(raw).text)
    assert sentences == picked  # the cleaner keeps clean body sentences as they are
    return raw, sentences


@pytest.fixture(scope="session")
def translator(tmp_path_factory, short_report):
    """A tiny Marian model that translates the five sentences into TARGETS."""
    _, sentences = short_report
    folder = train_pairs(tmp_path_factory.mktemp("translator"), list(zip(sentences, TARGETS, strict=True)),
                         steps=300)
    assert greedy_outputs(folder, sentences) == TARGETS  # training converged: the outputs are known
    return folder


@pytest.fixture(scope="session")
def summarizers(tmp_path_factory, short_report):
    """Two tiny 'summarize_zh' models: one writes a faithful sentence, one invents a date, place and name."""
    _, sentences = short_report
    text = "".join(sentences)
    faithful = train_pairs(tmp_path_factory.mktemp("faithful"), [(text, sentences[1])], steps=150, max_positions=256)
    invented = train_pairs(tmp_path_factory.mktemp("invented"), [(text, INVENTED_ZH)], steps=150, max_positions=256)
    return faithful, invented


@pytest.fixture(scope="session")
def instructor(tmp_path_factory, short_report):
    """A tiny 'instruct' model trained on the real filled prompt of the short report."""
    from summarize.model.prompts import load_template, render, variables_from

    raw, _ = short_report
    prompt = render(load_template("instruct"), variables_from(clean_text(raw)))
    return train_pairs(tmp_path_factory.mktemp("instruct"), [(prompt, INSTRUCT_EN)], steps=150, max_positions=256)


def settings(**values) -> Settings:
    # cpu/float32 everywhere: the exact outputs of these tiny models are only guaranteed at full precision.
    return Settings(**{"num_beams": 1, "max_new_tokens": 48, "device": "cpu", **values})


def test_load_from_directory_and_generate_in_order_for_any_batch_size(translator, short_report):
    _, sentences = short_report
    runner = load_runner(translator, device="cpu", dtype="auto")
    assert (runner.device, runner.dtype, runner.max_input_tokens) == ("cpu", "float32", 64)
    assert load_runner(translator, device="cpu", dtype="auto") is runner  # loaded once per process
    order = [3, 0, 4, 1, 2, 0]
    for batch_size in (1, 2, 4, 8):
        out = generate_all(runner, [sentences[i] for i in order],
                           GenerationOptions(num_beams=1, max_new_tokens=40, batch_size=batch_size))
        assert out == [TARGETS[i] for i in order]
    beams = generate_all(runner, sentences, GenerationOptions(num_beams=4, max_new_tokens=40, batch_size=3))
    assert beams == TARGETS


def test_long_report_is_chunked_batched_and_reassembled(translator):
    """A whole seed through a 64-token model: every piece fits, every sentence comes back, in order."""
    text = clean_text(SEEDS[1].read_text(encoding="utf-8")).text
    runner = load_runner(translator, device="cpu", dtype="auto")
    seen: list[list[str]] = []

    class Spy:
        name, max_input_tokens, device, dtype = runner.name, runner.max_input_tokens, "cpu", "float32"
        count_tokens = staticmethod(runner.count_tokens)

        def generate_batch(self, texts, options):
            seen.append(texts)
            return [f"<{len(t)}>" for t in texts]  # a marker that says which piece came back where

    pairs, notes = translate_text(text, Spy(), GenerationOptions(batch_size=5))
    sentences = split_sentences(text)
    assert [p["zh"] for p in pairs] == sentences
    long = [s for s in sentences if runner.count_tokens(s) > 64]
    assert long and len(notes) == len(long)  # every split is recorded
    assert all(len(batch) <= 5 for batch in seen)
    pieces = [t for batch in seen for t in batch]
    assert all(runner.count_tokens(p) <= 64 for p in pieces)
    assert sorted(pieces) == sorted(p for s in sentences for p in _pieces_of(s, runner))
    for pair in pairs:  # each sentence's English is its pieces' outputs, in the sentence's order
        assert pair["en"] == " ".join(f"<{len(p)}>" for p in _pieces_of(pair["zh"], runner))
    real, _ = translate_text(text, runner, GenerationOptions(num_beams=1, max_new_tokens=8, batch_size=8))
    assert [p["zh"] for p in real] == sentences and all(p["en"] for p in real)


def _pieces_of(sentence, runner):
    from summarize.model.chunking import fit_sentence

    return fit_sentence(sentence, runner.count_tokens, runner.max_input_tokens)[0]


def test_translate_fills_the_sentence_aligned_translation(translator, short_report):
    raw, sentences = short_report
    report = clean_text(raw)
    report = apply_model_engine(report, settings(translate=True, translate_model=str(translator), batch_size=2))
    assert report.translation == [{"zh": zh, "en": en} for zh, en in zip(sentences, TARGETS, strict=True)]
    assert report.engine["translation"] == "model"
    assert report.quality.unsupported == []


def test_ctranslate2_backend_gives_the_same_translation(translator, short_report):
    pytest.importorskip("ctranslate2")
    _, sentences = short_report
    clear_cache()
    runner = load_runner(translator, backend="ctranslate2", device="cpu", dtype="float32")
    assert (runner.dtype, runner.max_input_tokens) == ("float32", 64)
    assert generate_all(runner, sentences, GenerationOptions(num_beams=1, max_new_tokens=40)) == TARGETS
    assert generate_all(runner, sentences[::-1], GenerationOptions(num_beams=4, max_new_tokens=40,
                                                                   batch_size=2)) == TARGETS[::-1]
    # int8 (the default compute type) reuses the same conversion; a 64-wide toy model loses too much
    # precision in int8 to reproduce its outputs letter for letter, so only the shape is checked here.
    report = apply_model_engine(clean_text(short_report[0]), settings(
        translate=True, translate_model=str(translator), backend="ctranslate2", dtype="float32"))
    assert [p["en"] for p in report.translation] == TARGETS
    int8 = load_runner(translator, backend="ctranslate2", device="cpu", dtype="auto")
    assert int8.dtype == "int8"
    out = generate_all(int8, sentences, GenerationOptions(num_beams=1, max_new_tokens=40, batch_size=2))
    assert len(out) == len(TARGETS) and all(out)


def test_faithful_model_summary_is_used(summarizers, short_report, translator):
    raw, sentences = short_report
    faithful, _ = summarizers
    report = clean_text(raw)
    report.facts.summary_zh, report.english.summary_en = "规则摘要。", "Rules summary."
    report = apply_model_engine(report, settings(engine="model", summarize_model=str(faithful),
                                                 translate_model=str(translator)))
    assert report.facts.summary_zh == sentences[1]
    assert report.engine["summary_zh"] == "model"
    # No instruct model: summary_en is the translation model's English of the verified summary_zh.
    assert report.english.summary_en == TARGETS[1]
    assert report.engine["summary_en"] == "model"


def test_unsupported_model_output_falls_back_to_rules(summarizers, short_report):
    raw, _ = short_report
    _, invented = summarizers
    report = clean_text(raw)
    report.facts.summary_zh = "规则摘要。"
    report = apply_model_engine(report, settings(engine="model", summarize_model=str(invented)))
    assert report.facts.summary_zh == "规则摘要。"
    assert report.engine["summary_zh"].startswith("rules (model output rejected: unsupported date '2030年'")
    assert report.timings_ms["model:summary_zh"] > 0
    found = {(u["kind"], u["text"]) for u in report.quality.unsupported if u["field"] == "summary_zh"}
    assert {("place", "成都市"), ("name", "王建国")} <= found
    with pytest.raises(UnsupportedOutputError, match="成都市"):
        apply_model_engine(clean_text(raw), settings(engine="model", summarize_model=str(invented), strict=True))


def test_full_pipeline_with_translation_and_model_engine(translator, summarizers, short_report, tmp_path):
    """summarize_text through every rules stage, then the model engine, with both trained models."""
    raw, sentences = short_report
    faithful, _ = summarizers
    path = tmp_path / "report.txt"
    path.write_text(raw, encoding="utf-8")
    from summarize.api import summarize_file

    report = summarize_file(path, engine="model", translate=True, translate_model=str(translator),
                            summarize_model=str(faithful), num_beams=1, device="cpu")
    assert [p["en"] for p in report.translation] == TARGETS
    assert [p["zh"] for p in report.translation] == sentences
    assert report.facts.summary_zh == sentences[1] and report.engine["summary_zh"] == "model"
    assert report.english.summary_en == TARGETS[1]
    rules = summarize_text(raw, engine="rules")
    assert rules.translation is None and rules.engine["summary_zh"] == "rules"


def test_output_in_the_wrong_language_is_rejected(translator, short_report):
    """A model that writes English where Chinese is due (the translator used as a summariser) is not used."""
    raw, _ = short_report
    report = clean_text(raw)
    report.facts.summary_zh = "规则摘要。"
    report = apply_model_engine(report, settings(engine="model", summarize_model=str(translator)))
    assert report.facts.summary_zh == "规则摘要。"
    assert report.engine["summary_zh"] == "rules (model output rejected: Chinese output is mostly not Chinese)"


def test_instruct_model_writes_summary_en_from_the_prompt(instructor, short_report):
    raw, _ = short_report
    report = clean_text(raw)
    report.facts.summary_zh, report.english.summary_en = "规则摘要。", "Rules summary."
    report = apply_model_engine(report, settings(engine="model", instruct_model=str(instructor)))
    assert report.english.summary_en == INSTRUCT_EN and report.engine["summary_en"] == "model"
    # With no summarize_zh model the instruct model is asked for summary_zh too (prompt instruct_zh);
    # this one answers in English, so the rules summary stays.
    assert report.facts.summary_zh == "规则摘要。"
    assert report.engine["summary_zh"] == "rules (model output rejected: Chinese output is mostly not Chinese)"


def test_long_text_is_summarised_in_chunks_joined_in_order(summarizers, short_report):
    """A whole seed is longer than the 256-token model: each chunk is summarised, nothing is cut."""
    from summarize.model.chunking import pack_chunks

    _, sentences = short_report
    faithful, _ = summarizers
    report = clean_text(SEEDS[1].read_text(encoding="utf-8"))
    runner = load_runner(faithful, device="cpu")
    chunks, _ = pack_chunks(split_sentences(report.text), runner.count_tokens, runner.max_input_tokens - 1)
    assert len(chunks) >= 3
    report = apply_model_engine(report, settings(engine="model", summarize_model=str(faithful)))
    assert report.engine["summary_zh"] == "model"
    assert report.facts.summary_zh == sentences[1] * len(chunks)
    assert f"summary_zh: the text was summarised in {len(chunks)} chunks" in " ".join(report.quality.warnings)


def test_broken_weights_fail_with_engine_model_and_fall_back_with_auto(tmp_path, short_report):
    raw, _ = short_report
    build_tiny_marian(tmp_path / "broken")
    (tmp_path / "broken" / "model.safetensors").write_bytes(b"not a safetensors file")
    clear_cache()
    with pytest.raises(ModelError, match="could not load the model in .*broken"):
        apply_model_engine(clean_text(raw), settings(engine="model", summarize_model=str(tmp_path / "broken")))
    report = clean_text(raw)
    report.facts.summary_zh = "规则摘要。"
    report = apply_model_engine(report, settings(engine="auto", summarize_model=str(tmp_path / "broken")))
    assert report.facts.summary_zh == "规则摘要。"
    assert report.engine["summary_zh"].startswith("rules (model failed: ")


def test_a_repo_id_loads_from_the_hugging_face_cache(translator, short_report, tmp_path):
    """The same model, laid out as huggingface_hub caches it under $HF_HOME, found by its repo id."""
    import os
    import shutil

    raw, _ = short_report
    repo = tmp_path / "hf" / "hub" / "models--acme--tiny-zh-en"
    shutil.copytree(translator, repo / "snapshots" / "0123abcd")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0123abcd")
    assert os.environ["HF_HOME"] == str(tmp_path / "hf")
    report = apply_model_engine(clean_text(raw), settings(translate=True, translate_model="acme/tiny-zh-en"))
    assert [p["en"] for p in report.translation] == TARGETS


@pytest.fixture(scope="session")
def t5_summarizer(tmp_path_factory, short_report):
    """A tiny T5 (the mT5 / mT0 family of the default summarize_zh and instruct models), trained here."""
    pytest.importorskip("google.protobuf", reason="transformers reads a T5 spiece.model through protobuf")
    _, sentences = short_report
    return train_pairs(tmp_path_factory.mktemp("t5"), [("".join(sentences), sentences[2])], steps=150,
                       max_positions=128, arch="t5")


def test_t5_family_model_through_the_engine(t5_summarizer, short_report):
    from summarize.model.chunking import pack_chunks

    raw, sentences = short_report
    runner = load_runner(t5_summarizer, device="cpu")
    assert type(runner.model).__name__ == "T5ForConditionalGeneration"
    assert runner.max_input_tokens == 128  # no position table: the tokenizer's limit applies
    report = clean_text(raw)
    chunks, _ = pack_chunks(split_sentences(report.text), runner.count_tokens, runner.max_input_tokens - 1)
    report.facts.summary_zh = "规则摘要。"
    report = apply_model_engine(report, settings(engine="model", summarize_model=str(t5_summarizer)))
    assert report.engine["summary_zh"] == "model"
    assert report.facts.summary_zh == sentences[2] * len(chunks)


def test_the_model_stage_keeps_its_declared_contract(translator, summarizers, short_report):
    """The whole pipeline with the model stage enabled, each stage checked against what it declares."""
    from summarize.pipeline import SUMMARY_STAGES, Pipeline
    from summarize.pipeline.ingest import ingest_bytes

    raw, _ = short_report
    chosen = settings(engine="model", translate=True, translate_model=str(translator),
                      summarize_model=str(summarizers[0]))
    pipeline = Pipeline(chosen, SUMMARY_STAGES, check=True)
    assert [s.name for s in pipeline.specs][-2:] == ["model", "finish"]
    report = pipeline.run(ingest_bytes(raw.encode("utf-8"), "short.txt", chosen))
    assert report.engine["summary_zh"] == "model" and report.translation
