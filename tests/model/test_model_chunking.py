"""Sentence splitting and chunk packing: nothing is lost, nothing exceeds the limit, order is kept."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from model_fixtures import SEEDS

from summarize.model.chunking import fit_sentence, hard_split, pack_chunks, sentence_pieces, split_sentences


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_split_sentences_keeps_every_character_of_each_seed():
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        sentences = split_sentences(text)
        assert len(sentences) > 10, path.name
        assert squash("".join(sentences)) == squash(text)
        assert all(s == s.strip() and s for s in sentences)


def test_sentence_ends_keep_closing_quotes():
    assert split_sentences("他说：“要苦干。”会议结束！Next one? 最后一句") == [
        "他说：“要苦干。”", "会议结束！", "Next one?", "最后一句"]


def test_over_long_sentence_is_split_at_clauses_first():
    sentence = "一是要正视问题，找准差距；二是要锁定目标，精准发力；三是要建立机制。"
    pieces, how = fit_sentence(sentence, len, 14)
    assert how == "clause"
    assert pieces == ["一是要正视问题，找准差距；", "二是要锁定目标，精准发力；", "三是要建立机制。"]


def test_clause_longer_than_limit_is_hard_split_and_recorded():
    sentence = "甲" * 25 + "，乙。"
    pieces, notes = sentence_pieces([sentence], len, 10)
    assert [p.text for p in pieces] == ["甲" * 10, "甲" * 10, "甲" * 5 + "，乙。"]
    assert {p.split for p in pieces} == {"hard"}
    assert notes == ["sentence 1 is longer than 10 tokens: split at clauses and hard-split by tokens into 3 pieces"]


def test_hard_split_uses_the_counter_not_characters():
    # A counter where each Latin letter costs 2 tokens and each CJK character 1.
    def cost(text: str) -> int:
        return sum(2 if c.isascii() else 1 for c in text)

    pieces = hard_split("ab会议cd", cost, 4)
    assert pieces == ["ab", "会议c", "d"]  # longest prefixes that fit, measured by the counter
    assert all(cost(p) <= 4 for p in pieces)


def test_pack_chunks_on_a_seed_fits_limit_and_keeps_order():
    text = SEEDS[1].read_text(encoding="utf-8")
    sentences = split_sentences(text)
    chunks, notes = pack_chunks(sentences, len, 120)
    assert len(chunks) > 3
    assert all(len(c.text) <= 120 for c in chunks)
    assert "".join(c.text for c in chunks) == "".join(sentences)
    owners = [i for c in chunks for i in c.sentences]
    assert owners == sorted(owners)
    assert set(owners) == set(range(len(sentences)))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="会议要求项目建设，。；！abc 1", min_size=0, max_size=300), st.integers(1, 40))
def test_packing_never_loses_text_or_exceeds_the_limit(text: str, limit: int):
    sentences = split_sentences(text)
    chunks, _ = pack_chunks(sentences, len, limit)
    assert "".join(c.text for c in chunks) == "".join(sentences)
    assert all(0 < len(c.text) <= limit for c in chunks)
