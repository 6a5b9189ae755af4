"""Full, sentence-aligned translation of the clean text (``summarize file --translate``)."""

from __future__ import annotations

from .chunking import sentence_pieces, split_sentences
from .generate import GenerationOptions, Runner, generate_all


def translate_sentences(sentences: list[str], runner: Runner, options: GenerationOptions,
                        template: str | None = None) -> tuple[list[str], list[str]]:
    """One English string per sentence, in order; the second value holds the notes about splits.

    ``template`` (with a ``${text}`` slot) wraps each piece, for models that want an instruction.
    """
    from .prompts import fill_text

    limit = runner.max_input_tokens
    if template:
        # Reserve the room the template takes so that the filled prompt fits.
        limit = max(8, limit - max(0, runner.count_tokens(fill_text(template, "")) - 1))
    pieces, notes = sentence_pieces(sentences, runner.count_tokens, limit)
    inputs = [fill_text(template, p.text) if template else p.text for p in pieces]
    outputs = generate_all(runner, inputs, options)
    english: list[list[str]] = [[] for _ in sentences]
    for piece, text in zip(pieces, outputs, strict=True):
        english[piece.owner].append(text)
    return [" ".join(t for t in parts if t) for parts in english], notes


def translate_text(text: str, runner: Runner, options: GenerationOptions,
                   template: str | None = None) -> tuple[list[dict[str, str]], list[str]]:
    """[{"zh": sentence, "en": translation}, ...] for every sentence of ``text``."""
    sentences = split_sentences(text)
    english, notes = translate_sentences(sentences, runner, options, template)
    return [{"zh": zh, "en": en} for zh, en in zip(sentences, english, strict=True)], notes
